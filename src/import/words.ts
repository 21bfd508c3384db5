// Word accounting for `memo import`: one definition of a word, shared by the import report
// (`--report`) and the tests that hold the importer to "every word of the body is kept". A word
// is a run of non-space characters with a letter or digit in it (memo/words.ts, the linter's
// count), so bullets, dashes and `|` separators are not words.
import { countWords } from '../memo/words.js';
import type { Block } from './model.js';

export { countWords };

const WORD = /[\p{L}\p{N}]/u;

/** The words of `text`, in order; a list number glued to its entry at the start of a line (`1.Bills`, as contents are copied) is a word of its own. */
export function wordsOf(text: string): string[] {
  return (
    text
      // Any space before it, a no-break space included, as the importer's cleanText reads it.
      .replace(/^([^\S\n]*\d{1,3}[.)])(?=\p{Lu})/gmu, '$1 ')
      .split(/\s+/)
      .filter((token) => WORD.test(token))
  );
}

/** A word as compared across formats: case and the punctuation around it ignored (`27:` = `27,`). */
export function wordKey(word: string): string {
  return word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/** The words a block holds: its text, its further paragraphs, and an ordered item's number (`1.`). */
export function blockWords(block: Block): number {
  let words = countWords(block.text) + (block.ordered !== undefined ? 1 : 0);
  for (const paragraph of block.more ?? []) words += countWords(paragraph.text);
  return words;
}
