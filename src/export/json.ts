// Memo → the versioned JSON export (documented in docs/json-export.md, described by
// `memoJsonSchema` in schema.ts). Every value is read from the parsed Memo; nothing re-parses.
//
// Absent values: a scalar field the memo does not have is `null` (never missing, never ""),
// a list the memo does not have is `[]`. The one optional key is an event's `end`, present
// only for dates that span (ranges, parts of a year, quarters, seasons, decades, weeks).
import type { Root as HastRoot } from 'hast';
import { toText } from 'hast-util-to-text';
import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { isReadable, type DatePrecision } from '../memo/event-date.js';
import type { ListItem, Memo } from '../memo/model.js';
import { isBackToTopText } from '../memo/back-to-top.js';
import { NestingGauge, rawWords, STRIPPED_ELEMENTS } from './html-screen.js';

/**
 * The JSON format's version. Additive changes (a new field) keep it; a breaking change
 * (a field removed, renamed, or its meaning or type changed) bumps it.
 */
export const MEMO_JSON_VERSION = 2;

export interface MemoJsonEvent {
  /**
   * The ISO start at the precision written: `2015`, `2018-05`, `2019-12-27`, `2020-01-03T09:40`
   * (a part of a month, a quarter or a season: its first month). Null when the item has no date
   * or memokit cannot read it.
   */
  date: string | null;
  /** For dates that span (ranges, parts of a year, quarters, seasons, decades, weeks): the ISO end at the same precision. */
  end?: string;
  /** `year`, `part-of-year`, `season`, `quarter`, `part-of-month`, `month`, `day` or `minute`; null with `date`. */
  precision: DatePrecision | null;
  /** The date exactly as written (`Fri., Jan. 3, 2020, 9:40 a.m.`), emphasis removed; null when the item has no date. */
  dateText: string | null;
  /** The item's text after its date and separator (the whole text when undated). */
  text: string;
}

export interface MemoJsonSection {
  /** The heading's id, GitHub-style and unique in the memo (`key-takeaways`). */
  id: string;
  /** The heading text, markup removed. */
  heading: string;
  /** Plain text of the section, blocks separated by "\n\n", "Back to top" links left out. */
  text: string;
  /** Plain text of each item of the lists directly under the heading. */
  items: string[];
}

export interface MemoJson {
  version: typeof MEMO_JSON_VERSION;
  /** Front matter `type`. */
  type: string | null;
  /** Front matter `title` (without the type's title prefix). */
  title: string | null;
  /** Front matter `date`, when it is a real ISO date. */
  date: string | null;
  /** The authors joined with ", "; null when there are none. */
  author: string | null;
  /** Front matter `author` (one name or a list) as a list; empty when absent. */
  authors: string[];
  tags: string[];
  summary: string | null;
  /** The lede's paragraphs as plain text, joined by "\n\n"; null when there is no lede. */
  lede: string | null;
  /** Items of the memo type's takeaways section. */
  takeaways: string[];
  /** Items of the memo type's events section. */
  events: MemoJsonEvent[];
  /** Every `##` section, in order. */
  sections: MemoJsonSection[];
  /** Words in the body (front matter and "Back to top" links not counted). */
  wordCount: number;
  /** The memo's path as given (or the stdin name). */
  source: string;
}

/** An inline tag of an element removed with its content (`<script>`), as the HTML export removes it. */
const STRIPPED_OPENING = new RegExp(`^<(${STRIPPED_ELEMENTS.join('|')})(?=[\\s/>])[^>]*>$`, 'i');
const LINE_BREAK_TAG = /^<br\s*\/?>$/i;

/**
 * Inline content on one line: line breaks in the source (and `<br>`) become spaces, "Back to
 * top" links go, and so does what an inline `<script>` or `<style>` holds.
 */
function inlineText(nodes: readonly PhrasingContent[]): string {
  let out = '';
  let skipping: string | undefined;
  for (const node of nodes) {
    if (skipping !== undefined) {
      if (node.type === 'html' && new RegExp(`^</${skipping}\\s*>$`, 'i').test(node.value.trim())) skipping = undefined;
    } else if (node.type === 'html') {
      if (LINE_BREAK_TAG.test(node.value.trim())) out += ' ';
      else skipping = STRIPPED_OPENING.exec(node.value.trim())?.[1];
    } else if (node.type === 'text' || node.type === 'inlineCode') out += node.value;
    else if (node.type === 'break') out += ' ';
    else if (node.type === 'image' || node.type === 'imageReference') out += node.alt ?? '';
    else if ((node.type === 'link' || node.type === 'linkReference') && isBackToTopText(inlineText(node.children))) continue;
    else if ('children' in node) out += inlineText(node.children);
  }
  return out;
}

function collapse(text: string): string {
  return text.replace(/[ \t\r\n]+/g, ' ').trim();
}

const htmlParser = unified().use(rehypeParse, { fragment: true }).freeze();
const ONLY_COMMENTS = /^\s*(?:<!--[\s\S]*?-->\s*)*$/;

/**
 * The words of a raw HTML block, as the HTML export shows them: parsed as a browser would,
 * scripts, styles and frames dropped with what they hold, other tags gone but not their text;
 * each paragraph on one line, list items and table rows (cells ` | ` apart) one per line.
 */
function htmlText(value: string): string {
  if (ONLY_COMMENTS.test(value)) return '';
  const gauge = new NestingGauge();
  gauge.add(value);
  let text: string;
  try {
    // Nested too deep for the recursive parser and text walk (html-screen.ts): its words without parsing.
    text = gauge.tooDeep ? rawWords(value) : parsedText(value);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    text = rawWords(value);
  }
  return text
    .split(/\n[ \t]*\n\s*/)
    .map((block) =>
      block
        .split('\n')
        .map((line) => collapse(line.replace(/\t/g, ' | ')))
        .filter(Boolean)
        .join('\n'),
    )
    .filter(Boolean)
    .join('\n\n');
}

function parsedText(value: string): string {
  const tree: HastRoot = htmlParser.parse(value);
  visit(tree, 'element', (node, index, parent) => {
    if (!parent || index === undefined) return undefined;
    if (STRIPPED_ELEMENTS.includes(node.tagName)) {
      parent.children.splice(index, 1);
      return index;
    }
    // A line break inside a paragraph is a space here, as `<br>` and hard breaks are in Markdown.
    if (node.tagName === 'br') parent.children.splice(index, 1, { type: 'text', value: ' ' });
    return undefined;
  });
  return toText(tree);
}

/**
 * Plain text of a block: each paragraph on one line (soft line breaks as spaces), list items
 * and table rows one per line, blocks of a block quote apart by a blank line, code verbatim.
 */
function plainText(node: Nodes): string {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
    case 'tableCell':
      return collapse(inlineText(node.children));
    case 'list':
    case 'listItem':
      return node.children
        .map((child) => plainText(child))
        .filter(Boolean)
        .join('\n');
    case 'blockquote':
    case 'footnoteDefinition':
      return node.children
        .map((child) => plainText(child))
        .filter(Boolean)
        .join('\n\n');
    case 'table':
      return node.children.map((row) => row.children.map((cell) => plainText(cell)).join(' | ')).join('\n');
    case 'code':
      return node.value;
    case 'html':
      return htmlText(node.value);
    case 'yaml':
    case 'definition':
    case 'thematicBreak':
      return '';
    default:
      return 'children' in node
        ? collapse(inlineText(node.children as PhrasingContent[]))
        : 'value' in node
          ? collapse(String(node.value))
          : '';
  }
}

/** Plain text of top-level blocks, a blank line apart, "Back to top" paragraphs left out. */
function blocksText(nodes: readonly RootContent[]): string {
  return nodes
    .map((node) => plainText(node))
    .filter((text) => text !== '')
    .join('\n\n');
}

function event(item: ListItem): MemoJsonEvent {
  const date = item.date;
  const readable = isReadable(date);
  return {
    date: readable ? date.start : null,
    ...(readable && date.end !== undefined ? { end: date.end } : {}),
    precision: readable ? date.precision : null,
    dateText: date?.text ?? null,
    text: collapse(item.body),
  };
}

/** The memo as a JSON-ready object (pass it to `JSON.stringify`). */
export function exportJson(memo: Memo): MemoJson {
  // The lede: the blocks before the first `##`, the title aside (raw HTML blocks included, for
  // their words; the memo model's lede leaves them out).
  const ledeBlocks: RootContent[] = [];
  for (const node of memo.tree.children) {
    if (node.type === 'heading' && node.depth === 2) break;
    if (node.type !== 'yaml' && !(node.type === 'heading' && node.depth === 1)) ledeBlocks.push(node);
  }
  const lede = blocksText(ledeBlocks);
  return {
    version: MEMO_JSON_VERSION,
    type: memo.type ?? null,
    title: memo.title ?? null,
    date: memo.date ?? null,
    author: memo.author ?? null,
    authors: [...memo.authors],
    tags: [...memo.tags],
    summary: memo.summary ?? null,
    lede: lede === '' ? null : lede,
    takeaways: memo.takeaways.map((item) => plainText(item.node as Nodes)),
    events: memo.events.map(event),
    sections: memo.sections.map((section) => ({
      id: section.heading.id,
      heading: section.heading.text,
      text: blocksText(section.nodes),
      items: section.items.map((item) => plainText(item.node as Nodes)),
    })),
    wordCount: memo.words,
    source: memo.path,
  };
}
