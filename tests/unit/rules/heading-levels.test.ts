import { describe, expect, it } from 'vitest';
import { findings, fixture, lines, lint } from './helpers.js';

const rule = 'heading-levels';
const of = (name: string) => findings(rule, `${rule}/${name}`);

describe('heading-levels', () => {
  it('passes headings that go down one level at a time', () => {
    expect(of('pass.md')).toEqual([]);
  });

  it('reports a skipped level with the level expected', () => {
    const list = of('skipped.md');
    expect(lines(list)).toEqual(['heading-levels:19']);
    expect(list[0]?.message).toContain('skips from level 2 to 4');
    expect(list[0]?.message).toContain('`###`');
  });

  it('reports a second `#` heading', () => {
    const list = of('second-title.md');
    expect(lines(list)).toEqual(['heading-levels:19']);
    expect(list[0]?.message).toContain('the title is on line 7');
  });

  it('is the only finding about a `#` typed for `##`: the other rules read it as the section meant (#15)', () => {
    // It used to glue the section to the one above: "Key Takeaways has 2 separate lists" and
    // "Missing section ## Sequence of Events" came with it.
    const all = (name: string) => lint(fixture(`${rule}/${name}`)).messages.map((f) => `${f.ruleId}:${f.line}`);
    expect(all('second-title.md')).toEqual(['heading-levels:19']);
    // Its sub-headings are measured from the `##` it stands for: `###` under it skips nothing.
    expect(all('one-hash-sections.md')).toEqual(['heading-levels:13', 'heading-levels:19']);
    expect(lint(fixture(`${rule}/one-hash-sections.md`).replace('### Before', '#### Before')).messages.map((f) => f.message)).toEqual([
      expect.stringContaining('Second `#` heading "Key Takeaways"'),
      expect.stringContaining('Second `#` heading "Sequence of Events"'),
      'Heading "#### Before the strikes" skips from level 2 to 4 after the level-2 heading on line 19; make it `###`.',
    ]);
  });
});
