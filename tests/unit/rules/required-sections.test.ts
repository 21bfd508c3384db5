import { describe, expect, it } from 'vitest';
import { findings, lines } from './helpers.js';

const rule = 'required-sections';
const of = (name: string) => findings(rule, `${rule}/${name}`);

describe('required-sections', () => {
  it('passes a memo with its sections in order', () => {
    expect(of('pass.md')).toEqual([]);
  });

  it('names a near miss once, and does not also call the section missing', () => {
    const list = of('near-miss.md');
    expect(lines(list)).toEqual(['required-sections:13']);
    expect(list[0]?.message).toBe('Section "Key Take-aways" looks like "Key Takeaways"; rename it to match the template.');
  });

  it('treats a case difference as a near miss', () => {
    const list = of('wrong-case.md');
    expect(lines(list)).toEqual(['required-sections:19']);
    expect(list[0]?.message).toContain('looks like "Sequence of Events"');
  });

  it('reports a missing section and where it goes', () => {
    const list = of('missing.md');
    expect(lines(list)).toHaveLength(1);
    expect(list[0]?.message).toContain('Missing section "## Sequence of Events"');
    expect(list[0]?.message).toContain('after "## Key Takeaways"');
  });

  it('reports a section that appears twice, at the second', () => {
    const list = of('duplicate.md');
    expect(lines(list)).toEqual(['required-sections:25']);
    expect(list[0]?.message).toContain('first on line 13');
  });

  it('reports sections out of the template order', () => {
    const list = of('out-of-order.md');
    expect(lines(list)).toEqual(['required-sections:19']);
    expect(list[0]?.message).toContain('"## Key Takeaways" must come before "## Sequence of Events"');
  });

  it('allows extra sections', () => {
    expect(of('extra-section.md')).toEqual([]);
  });

  it('skips memos of an unknown type', () => {
    expect(of('unknown-type.md')).toEqual([]);
  });
});
