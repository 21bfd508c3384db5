// The shapes both importers share: the blocks they read, the options, and what comes back
// (the memo Markdown, warnings, and the word report). blocks.ts re-exports them all.
import type { MemoType } from '../templates/structure.js';

export interface ImportWarning {
  line: number;
  message: string;
}

/** Words that left the body, and where they went (`title`, `date`, `author`, `to`, `cc`, `tags`, `type`) or why. */
export interface ImportEntry {
  line: number;
  /** The text that moved or was dropped, as read. */
  text: string;
  words: number;
  /** Moved: the front-matter field (or fields) it went to. Dropped: the furniture it was. */
  to: string;
}

/** Every word of the input, accounted for: wordsIn = wordsKept + moved words + dropped words. */
export interface ImportReport {
  wordsIn: number;
  /** Words written in the memo's body (lede and sections). */
  wordsKept: number;
  /** The date line, title, header fields and labels, moved into front matter and the `#` heading. */
  moved: ImportEntry[];
  /** Page furniture from the named list (docs/import.md). */
  dropped: ImportEntry[];
  /** The text of every block read, with its line: what the words were counted from. */
  read: { line: number; text: string }[];
}

export interface ImportResult {
  /** Memo Markdown with front matter (type, title, date, author). */
  markdown: string;
  /** The memo type written to the front matter. */
  type: string;
  /** True when the sections found did not settle the type; the output then carries a comment. */
  typeGuessed: boolean;
  /** Text that could not be placed, and other things the user should check. */
  warnings: ImportWarning[];
  /** Where every word went. */
  report: ImportReport;
}

export interface ImportOptions {
  /** Known memo types by name (`loadMemoTypes()`). */
  types: ReadonlyMap<string, MemoType>;
  /** Where the input came from (a path, or `<stdin>`), for error messages. */
  source: string;
  /** Use this memo type instead of inferring one. */
  type?: string;
}

/** Blocks the front (title, date, header fields) is never read from: list items and verbatim Markdown. */
export function outsideFront(block: Block): boolean {
  return block.kind === 'item' || block.kind === 'markdown-block';
}

/** One block of the imported document, as either importer found it. */
export interface Block {
  /**
   * `markdown-block`: Markdown written out verbatim where it stands, as body text (the HTML
   * importer's block quotes with their attribution, GFM tables, figures with captions, footnote
   * definitions); never a title, date, header field, heading or furniture. `text` is its plain text.
   */
  kind: 'heading' | 'paragraph' | 'item' | 'markdown-block';
  /** Plain text, whitespace collapsed: what the block is judged by. */
  text: string;
  /** The same text as inline Markdown (escaped; links and emphasis kept): what is written out. */
  markdown: string;
  /** 1-based source line where the block starts. */
  line: number;
  /** Headings marked up as such (HTML `<h2>`, Markdown `##`): their level. Absent for inferred ones. */
  level?: number;
  /** Ordered list items: the number as written. */
  ordered?: number;
  /** List items: nesting depth, 0 for top-level items. */
  depth?: number;
  /** Alone between blank lines (text) or its own element (HTML): may be a heading. */
  standalone?: boolean;
  /** List items: further paragraphs of the same item. */
  more?: { text: string; markdown: string }[];
  /** A `<time datetime>` value inside the block. */
  datetime?: string;
}
