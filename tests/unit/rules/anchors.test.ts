import { describe, expect, it } from 'vitest';
import { findings, lines } from './helpers.js';

const rule = 'anchors';
const of = (name: string) => findings(rule, `${rule}/${name}`);

describe('anchors', () => {
  it('passes links to #top and to heading ids', () => {
    expect(of('pass.md')).toEqual([]);
  });

  it('reports a link to no heading and suggests the nearest id', () => {
    const list = of('broken.md');
    expect(lines(list)).toEqual(['anchors:9']);
    expect(list[0]?.message).toBe('Link "#key-take-aways" goes to no heading in this memo; did you mean "#key-takeaways"?');
  });

  it('suggests an id only when it is close, and lists the ids otherwise (#15: "#soleimani" got "#timeline")', () => {
    expect(of('far.md').map((f) => `${f.ruleId}:${f.line}:${f.column} ${f.message}`)).toEqual([
      'anchors:9:12 Link "#soleimani" goes to no heading in this memo; link to one of its ids: "#top", "#memo-backlash-to-us-strikes-in-iraq", "#key-takeaways" or "#sequence-of-events".',
      // A whole word of an id is close: "events" is the end of "sequence-of-events".
      'anchors:9:44 Link "#events" goes to no heading in this memo; did you mean "#sequence-of-events"?',
    ]);
  });

  it('knows the -1 ids of repeated headings', () => {
    const list = of('duplicate-ids.md');
    expect(lines(list)).toEqual(['anchors:27']);
    expect(list[0]?.message).toContain('"#key-takeaways-2"');
  });
});
