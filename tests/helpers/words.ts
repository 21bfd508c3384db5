// Words in order, for the import tests: how many of the words a source must keep show up in an
// output, in the same order (a longest common subsequence over word keys).
import { wordKey, wordsOf } from '../../src/import/words.js';

/** Tokens of `text` that carry a letter or digit, as comparison keys (case and outer punctuation ignored). */
export function keys(text: string): string[] {
  // A footnote marker (`[^1]`) is no word, and where it sits against its word varies by format.
  return wordsOf(text.replace(/\[\^[^\]\s]+\]/g, ' ')).map(wordKey);
}

/** Length of the longest common subsequence of two word lists: the words of `a` found in `b`, in order. */
export function inOrder(a: readonly string[], b: readonly string[]): number {
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (const word of a) {
    for (let j = 1; j <= b.length; j++) {
      current[j] = word === b[j - 1] ? (previous[j - 1] as number) + 1 : Math.max(previous[j] as number, current[j - 1] as number);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] as number;
}

export interface Placed {
  line: number;
  text: string;
}

/**
 * The source's words, line by line, without those the import reported as moved or dropped: each
 * entry's words are taken out where they first occur, as one run, at or after its line.
 */
export function wordsToKeep(lines: readonly Placed[], removed: readonly Placed[]): string[] {
  const tokens = lines.flatMap((line) => keys(line.text).map((word) => ({ word, line: line.line, gone: false })));
  for (const entry of removed) {
    const run = keys(entry.text);
    if (run.length === 0) continue;
    for (let start = 0; start + run.length <= tokens.length; start++) {
      const first = tokens[start];
      if (!first || first.line < entry.line || first.gone) continue;
      if (run.every((word, k) => tokens[start + k]?.word === word && !tokens[start + k]?.gone)) {
        for (let k = 0; k < run.length; k++) (tokens[start + k] as { gone: boolean }).gone = true;
        break;
      }
    }
  }
  return tokens.filter((token) => !token.gone).map((token) => token.word);
}
