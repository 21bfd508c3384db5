import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertNesting, MAX_NESTING } from '../../src/io/read.js';

/** assertNesting's rule without its quick pre-check: any line nested past the limit fails. */
function tooDeep(text: string): boolean {
  const container = /^[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))/;
  return text.split('\n').some((raw) => {
    let rest = raw;
    let depth = 0;
    for (let match = container.exec(rest); match; match = container.exec(rest)) {
      depth++;
      rest = rest.slice(match[0].length);
    }
    const indent = /^[ \t]*/.exec(rest)?.[0].replace(/\t/g, '    ').length ?? 0;
    return depth > MAX_NESTING || raw.length - raw.trimStart().length > MAX_NESTING * 4 || depth + indent / 4 > MAX_NESTING * 2;
  });
}

const throws = (text: string): boolean => {
  try {
    assertNesting(text, 'memo.md');
    return false;
  } catch {
    return true;
  }
};

describe('assertNesting', () => {
  it('refuses exactly the lines nested past the limit (the quick pre-check loses none)', () => {
    const piece = fc.constantFrom('> ', '- ', '* ', '1. ', '10) ', ' ', '  ', '\t', '\u00a0', '\u3000', 'x', '-', '\n');
    const randomLine = fc.array(piece, { maxLength: 200 }).map((parts) => parts.join(''));
    // Near the limits: 60–70 markers, or 250–270 columns, then anything.
    const deepLine = fc
      .tuple(fc.constantFrom('> ', '- ', '1. ', ' ', '\t', '\u00a0', '- > '), fc.integer({ min: 15, max: 270 }), randomLine)
      .map(([unit, count, rest]) => unit.repeat(count) + rest);
    const line = fc.oneof(randomLine, deepLine);
    fc.assert(
      fc.property(fc.array(line, { maxLength: 3 }), (lines) => {
        const text = `${lines.join('\n')}\ntext`;
        expect(throws(text)).toBe(tooDeep(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('at the edges: 64 levels pass, 65 fail; 256 columns of indent pass, 257 fail', () => {
    expect(throws(`${'> '.repeat(64)}text`)).toBe(false);
    expect(throws(`${'> '.repeat(65)}text`)).toBe(true);
    expect(throws(`${' '.repeat(256)}text`)).toBe(false);
    expect(throws(`${' '.repeat(257)}text`)).toBe(true);
    expect(throws(`${'\u00a0'.repeat(257)}text`)).toBe(true);
  });
});
