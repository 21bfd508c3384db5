// The import's book of words: every block read is kept in the body, moved into front matter
// (title, date, header fields, labels) or dropped as named page furniture, and each move or drop
// is written down with its line, so `memo import --report` can show where every word went.
import { blockWords, countWords } from './words.js';
import type { Block, ImportEntry, ImportReport } from './model.js';

/** A block's words as one text: `1. Bills Introduced`, further paragraphs after it. */
function blockText(block: Block): string {
  return [block.ordered !== undefined ? `${block.ordered}.` : '', block.text, ...(block.more ?? []).map((more) => more.text)]
    .filter(Boolean)
    .join(' ');
}

export class Ledger {
  readonly moved: ImportEntry[] = [];
  readonly dropped: ImportEntry[] = [];

  move(line: number, text: string, to: string): void {
    this.moved.push({ line, text, words: countWords(text), to });
  }

  /** A whole block moved (a title, a header field, a kicker): its list number, if any, goes with it. */
  moveBlock(block: Block, to: string): void {
    this.move(block.line, blockText(block), to);
  }

  drop(line: number, text: string, kind: string): void {
    this.dropped.push({ line, text, words: countWords(text), to: kind });
  }

  /** The report, given what was read and the blocks written to the body. */
  report(read: readonly Block[], kept: readonly Block[]): ImportReport {
    const byLine = (a: ImportEntry, b: ImportEntry) => a.line - b.line;
    return {
      wordsIn: read.reduce((sum, block) => sum + blockWords(block), 0),
      wordsKept: kept.reduce((sum, block) => sum + blockWords(block), 0),
      moved: [...this.moved].sort(byLine),
      dropped: [...this.dropped].sort(byLine),
      read: read.map((block) => ({ line: block.line, text: blockText(block) })),
    };
  }
}
