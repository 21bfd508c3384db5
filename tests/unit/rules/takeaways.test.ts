import { describe, expect, it } from 'vitest';
import { findings, lines, withOptions } from './helpers.js';

const rule = 'takeaways';
const of = (name: string, options = {}) => findings(rule, `${rule}/${name}`, options);

describe('takeaways', () => {
  it('passes one list of three short items', () => {
    expect(of('pass.md')).toEqual([]);
  });

  it('reports too few items at the heading', () => {
    const list = of('too-few.md');
    expect(lines(list)).toEqual(['takeaways:13']);
    expect(list[0]?.message).toBe('Key Takeaways has 2 items; write at least 3.');
  });

  it('reports too many items at the first one over', () => {
    const list = of('too-many.md');
    expect(lines(list)).toEqual(['takeaways:23']);
    expect(list[0]?.message).toContain('keep at most 8');
  });

  it('reports an empty item', () => {
    const list = of('empty-item.md');
    expect(lines(list)).toEqual(['takeaways:16']);
    expect(list[0]?.message).toContain('item 2 is empty');
  });

  it('reports an item over the word limit', () => {
    const list = of('long-item.md');
    expect(lines(list)).toEqual(['takeaways:16']);
    expect(list[0]?.message).toContain('item 2 is 121 words; the limit is 120');
  });

  it('reports two lists', () => {
    const list = of('two-lists.md');
    expect(lines(list)).toEqual(['takeaways:19']);
    expect(list[0]?.message).toContain('2 separate lists');
  });

  it('reports a section with no list', () => {
    const list = of('no-list.md');
    expect(lines(list)).toEqual(['takeaways:13']);
    expect(list[0]?.message).toContain('no list');
  });

  it('takes limits from the options', () => {
    const list = of('pass.md', { config: withOptions(rule, { maxItems: 2, maxItemWords: 10 }) });
    expect(lines(list)).toEqual(['takeaways:15', 'takeaways:17', 'takeaways:17']);
    expect(list.map((f) => f.message)).toEqual([
      'Key Takeaways item 1 is 17 words; the limit is 10. Cut 7 words or split it.',
      'Key Takeaways has 3 items; keep at most 2 (cut 1).',
      'Key Takeaways item 3 is 13 words; the limit is 10. Cut 3 words or split it.',
    ]);
  });
});
