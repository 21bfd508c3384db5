import { describe, expect, it } from 'vitest';
import { closeMatch, quotedList } from '../../../src/util/suggest.js';

describe('closeMatch: a suggestion only when it is genuinely close', () => {
  const ids = ['top', 'key-takeaways', 'background', 'timeline', 'what-comes-next', 'sequence-of-events'];

  it.each([
    ['key-take-aways', 'key-takeaways'],
    ['Key-Takeaways', 'key-takeaways'],
    ['backgroud', 'background'],
    ['timelines', 'timeline'],
    ['tip', 'top'],
    ['takeaways', 'key-takeaways'],
    ['events', 'sequence-of-events'],
    ['what-comes-nxt', 'what-comes-next'],
    ['key', 'key-takeaways'],
    ['sequence-of-events-2019', 'sequence-of-events'],
  ])('%s → %s', (name, meant) => {
    expect(closeMatch(name, ids)).toBe(meant);
  });

  it.each(['soleimani', 'tehran', 'a', 'of', 'ba', 'time-line-of-it', 'events-of-sequence'])('%s → nothing', (name) => {
    expect(closeMatch(name, ids)).toBeUndefined();
  });

  it('prefers the fewest edits, and takes nothing from an empty list', () => {
    expect(closeMatch('dated-event', ['dated-events', 'dated-eventz-x'])).toBe('dated-events');
    expect(closeMatch('top', [])).toBeUndefined();
  });
});

describe('quotedList', () => {
  it('quotes, joins with a conjunction, and cuts a long list', () => {
    expect(quotedList([])).toBe('');
    expect(quotedList(['a'])).toBe('"a"');
    expect(quotedList(['a', 'b'], 'or')).toBe('"a" or "b"');
    expect(quotedList(['a', 'b', 'c'])).toBe('"a", "b" and "c"');
    expect(quotedList(['a', 'b', 'c', 'd'], 'or', 2)).toBe('"a", "b" and 2 more');
  });
});
