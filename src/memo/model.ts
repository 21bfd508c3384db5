// The typed model of one memo. Parsed once from the file (see parse.ts) and read by every
// feature: the linter, the exporters and the bundler. Nothing downstream re-reads the file.
import type { Root, RootContent } from 'mdast';
import type { MemoType } from '../templates/structure.js';
import type { EventDate } from './event-date.js';

/** A date found at the start of an event: an interval at the precision written (event-date.ts). */
export type { EventDate };

/** A point in the source: 1-based line and column, 0-based offset (after any BOM). */
export interface Point {
  line: number;
  column: number;
  offset: number;
}

export interface Span {
  start: Point;
  end: Point;
}

/** A problem found while parsing (bad YAML, unclosed front matter). Never thrown. */
export interface ParseProblem {
  message: string;
  span: Span;
}

/**
 * The front-matter keys every memo knows (read into the fields of `Memo` below). A memo type's
 * template may declare more (`frontMatter:`); the front-matter rule warns about any other key.
 */
export const FRONT_MATTER_KEYS: readonly string[] = ['type', 'title', 'date', 'author', 'to', 'cc', 'tags', 'summary', 'id'];

export interface FrontMatter {
  /** The YAML text between the fences. */
  raw: string;
  /** The parsed mapping; empty when the YAML is invalid or not a mapping. */
  data: Record<string, unknown>;
  /** Span of the whole block, fences included. */
  span: Span;
  /** Span of a key's line, for findings that point at one field. */
  keySpans: Record<string, Span>;
}

/** An item of a list; in the events section, also a paragraph that starts with a date (when it has no list). */
export interface ListItem {
  /** Plain text of the item, markup removed. */
  text: string;
  /** The text after a leading date and its separator (or the whole text when undated). */
  body: string;
  words: number;
  date: EventDate | undefined;
  span: Span;
  /** Index of the list (within its section) this item belongs to. */
  listIndex: number;
  node: RootContent;
}

export interface Heading {
  depth: number;
  text: string;
  /** GitHub-style slug, unique within the memo (`key-takeaways`, `key-takeaways-1`). */
  id: string;
  span: Span;
}

export interface Link {
  url: string;
  text: string;
  span: Span;
  /** A link whose text is "Back to top". */
  backToTop: boolean;
}

export interface Section {
  heading: Heading;
  /** Block nodes under the `##` heading, up to the next `##` (sub-headings included). */
  nodes: RootContent[];
  /** Items of the lists directly under the heading, in order. */
  items: ListItem[];
  /** How many separate lists sit directly under the heading. */
  listCount: number;
  /** Plain text of the content, "Back to top" links left out. */
  text: string;
  words: number;
  /** "Back to top" links in this section. */
  backToTop: Link[];
  /** Span from the heading to the end of the last node. */
  span: Span;
}

export interface Paragraph {
  text: string;
  words: number;
  span: Span;
}

export interface Comment {
  /** The comment's inner text, trimmed: `memo-lint-disable dated-events`. */
  text: string;
  span: Span;
}

export interface Memo {
  /** Path as given by the user (or the stdin name). */
  path: string;
  /** Source text, BOM removed, line endings untouched. */
  source: string;
  /** The file started with a UTF-8 byte-order mark (kept when fixes are written back). */
  bom: boolean;
  tree: Root;
  frontMatter: FrontMatter | undefined;
  problems: ParseProblem[];

  // Front-matter fields, present only when of the right kind.
  type: string | undefined;
  title: string | undefined;
  /** The memo's date as written, when it is a valid ISO date (`2019-12-31`). */
  date: string | undefined;
  /** The authors joined with ", " (`Dana Reyes, Omid Farahani`); undefined when there are none. */
  author: string | undefined;
  /** Front matter `author`, one name or a list of them, as a list (empty when absent). */
  authors: string[];
  tags: string[];
  summary: string | undefined;
  /** Front matter `id`: the memo's feed id, the same in every bundle (export/feed-places.ts). */
  id?: string;

  /** The memo type's structure, when `type` names a known type. */
  memoType: MemoType | undefined;
  /** When `type` names a type whose project template is broken: the template and why (`memoType` is then undefined). */
  typeProblem?: string;

  /** Every `#` heading; the first one is the title. */
  titleHeadings: Heading[];
  /** All headings anywhere in the body, with their ids. */
  headings: Heading[];
  /** Paragraphs (and other blocks, as text) between the title and the first section. */
  lede: Paragraph[];
  ledeWords: number;
  /** The `##` sections, in order; a top-level `#` heading after the title starts one too. */
  sections: Section[];
  /** Items of the type's takeaways section (empty when the type has none or it is missing). */
  takeaways: ListItem[];
  /**
   * The events of the type's events section, with their dates: its list items, or, when it has
   * no list, its paragraphs that start with a date (the layout many published memos use).
   */
  events: ListItem[];
  links: Link[];
  /** "Back to top" links anywhere, including the lede. */
  backToTop: Link[];
  comments: Comment[];
  /** Words in the body (front matter and "Back to top" links excluded). */
  words: number;
  /** 1-based line where the body starts (after front matter). */
  bodyLine: number;
}
