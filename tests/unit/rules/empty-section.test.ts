import { describe, expect, it } from 'vitest';
import { findings, lines } from './helpers.js';

const rule = 'empty-section';
const of = (name: string) => findings(rule, `${rule}/${name}`);

describe('empty-section', () => {
  it('passes sections with content', () => {
    expect(of('pass.md')).toEqual([]);
  });

  it('reports a section holding only a comment', () => {
    const list = of('empty.md');
    expect(lines(list)).toEqual(['empty-section:13']);
    expect(list[0]?.message).toBe('Section "## Key Takeaways" is empty; write its content or remove the heading.');
  });

  it('does not count a "Back to top" link as content', () => {
    expect(lines(of('only-back-to-top.md'))).toEqual(['empty-section:19']);
  });

  it('reports an empty sub-section', () => {
    const list = of('empty-subsection.md');
    expect(lines(list)).toEqual(['empty-section:19']);
    expect(list[0]?.message).toContain('"### In Baghdad"');
  });

  it('counts a sub-section with content as content', () => {
    expect(of('subsection-is-content.md')).toEqual([]);
  });
});
