import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords } from '../../../src/memo/words.js';

/** The definition, written the obvious way: whitespace-separated tokens with a letter or digit. */
function countWordsByRegex(text: string): number {
  return (text.match(/\S+/g) ?? []).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

describe('countWords', () => {
  it.each([
    ['', 0],
    ['one two  three', 3],
    ['— • -- 2019', 1],
    ['U.S. policy,\nnow', 3],
    ['café naïve 日本語 😀 𝒜bc', 4],
    ['a\u00a0b\u2028c\ufeffd', 4],
  ])('%j has %i words', (text, words) => {
    expect(countWords(text)).toBe(words);
  });

  it('agrees with the regex definition on any text', () => {
    const anyText = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string({ unit: 'grapheme' }),
      fc
        .array(fc.constantFrom('a', ' ', '\n', '—', '\u00a0', '😀', '𝒜', '\ud800', '1', '.', '\u3000'), { maxLength: 30 })
        .map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(anyText, (text) => countWords(text) === countWordsByRegex(text)),
      { numRuns: 2000 },
    );
  });
});
