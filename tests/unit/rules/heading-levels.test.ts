import { describe, expect, it } from 'vitest';
import { findings, lines } from './helpers.js';

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
});
