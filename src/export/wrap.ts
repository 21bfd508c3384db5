// Word wrapping for the plain-text export. Words are runs of characters between ASCII spaces,
// tabs and newlines; a no-break space (U+00A0) is part of a word, as in the reference memo.
// A word is never broken: one longer than the line stands alone on its own line.
// Lengths are counted in code points, so "•", curly quotes and dashes count as one each.

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
 * Wrap `text` into lines no longer than `width` (0: no wrapping), the first line starting with
 * `first` and the rest with `rest` (a hanging indent). `\n` in `text` forces a line break.
 * Runs of spaces collapse to one; the result has no trailing spaces.
 */
export function wrap(text: string, width: number, first = '', rest = first): string[] {
  const lines: string[] = [];
  let prefix = first;
  for (const segment of text.split('\n')) {
    const words = segment.split(BREAKABLE).filter((word) => word.length > 0);
    if (words.length === 0) {
      // An empty segment (a hard break at the very start or two in a row) still ends a line,
      // except at the start of the text, where it would only add an empty first line.
      if (lines.length > 0) lines.push(prefix.trimEnd());
      continue;
    }
    let line = '';
    let length = 0;
    let prefixLength = textLength(prefix);
    for (const word of words) {
      const wordLength = textLength(word);
      if (line === '') {
        line = word;
        length = wordLength;
      } else if (width > 0 && prefixLength + length + 1 + wordLength > width) {
        lines.push(prefix + line);
        prefix = rest;
        prefixLength = textLength(prefix);
        line = word;
        length = wordLength;
      } else {
        line += ` ${word}`;
        length += 1 + wordLength;
      }
    }
    lines.push(prefix + line);
    prefix = rest;
  }
  return lines.map((line) => line.split(GLUE).join(' '));
}
