// Word wrapping for the plain-text export. Words are runs of characters between ASCII spaces,
// tabs and newlines; a no-break space (U+00A0) is part of a word, as in the reference memo.
// A word is never broken: one longer than the line stands alone on its own line.
// Lengths are counted in code points, so "•", curly quotes and dashes count as one each.
// Indentation is the caller's: it wraps at a narrower width and prefixes the lines.

/** Joins two words that must stay on one line (a link and its `[1]` marker); printed as a space. */
export const GLUE = '\uE000';

const BREAKABLE = /[ \t\r\n\f\v]+/;

/** Length in code points. */
export function textLength(text: string): number {
  let length = 0;
  for (const _ of text) length++;
  return length;
}

/**
 * Wrap `text` into lines no longer than `width` (0: no wrapping). `\n` in `text` forces a line
 * break. Runs of spaces collapse to one; no line starts or ends with a space.
 */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const segment of text.split('\n')) {
    const words = segment.split(BREAKABLE).filter((word) => word.length > 0);
    if (words.length === 0) {
      // Two hard breaks in a row leave an empty line; one at the very start adds nothing.
      if (lines.length > 0) lines.push('');
      continue;
    }
    let line = '';
    let length = 0;
    for (const word of words) {
      const wordLength = textLength(word);
      if (line === '') {
        line = word;
        length = wordLength;
      } else if (width > 0 && length + 1 + wordLength > width) {
        lines.push(line);
        line = word;
        length = wordLength;
      } else {
        line += ` ${word}`;
        length += 1 + wordLength;
      }
    }
    lines.push(line);
  }
  return lines.map((line) => line.split(GLUE).join(' '));
}
