import { describe, expect, it } from 'vitest';
import { findings, lines, withOptions } from './helpers.js';

const rule = 'lede';
const of = (name: string, options = {}) => findings(rule, `${rule}/${name}`, options);

describe('lede', () => {
  it('passes a memo with a short lede', () => {
    expect(of('pass.md')).toEqual([]);
  });

  it('reports a missing lede at the title, naming the first section', () => {
    const list = of('missing.md');
    expect(lines(list)).toEqual(['lede:7']);
    expect(list[0]?.message).toContain('"## Key Takeaways"');
  });

  it('reports a lede over the type limit, with the count and the limit', () => {
    const list = of('too-long.md');
    expect(lines(list)).toEqual(['lede:9']);
    expect(list[0]?.message).toContain('164 words');
    expect(list[0]?.message).toContain('at most 150');
  });

  it('takes maxWords from the options over the template', () => {
    const list = of('pass.md', { config: withOptions(rule, { maxWords: 10 }) });
    expect(lines(list)).toEqual(['lede:9']);
    expect(list[0]?.message).toContain('at most 10');
  });

  it('does not require a lede when the type does not (talking points)', () => {
    expect(of('talking-points-no-lede.md')).toEqual([]);
  });

  it("holds the whole memo to the type's maxWords (statement: 400)", () => {
    const list = of('statement-too-long.md');
    expect(lines(list)).toEqual(['lede:7']);
    expect(list[0]?.message).toContain('at most 400');
  });
});
