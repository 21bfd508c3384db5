// Word accounting for `memo import`: one definition of a word, for the tests that hold the
// importer to "every word of the body is kept". A word is a run of non-space characters with a
// letter or digit in it (memo/words.ts, the linter's count), so bullets, dashes and `|`
// separators are not words. (The text side's branch has the same file with more in it; at the
// merge theirs replaces this one: wordsOf and wordKey are the same.)
import { countWords } from '../memo/words.js';

export { countWords };

const WORD = /[\p{L}\p{N}]/u;

/** The words of `text`, in order. */
export function wordsOf(text: string): string[] {
  return text.split(/\s+/).filter((token) => WORD.test(token));
}

/** A word as compared across formats: case and the punctuation around it ignored (`27:` = `27,`). */
export function wordKey(word: string): string {
  return word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}
