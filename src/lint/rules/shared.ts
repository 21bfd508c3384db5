// Small helpers the rules share: positions from offsets, finding a memo's section by its
// template heading, telling "Back to top" blocks from content, reading numeric options.
// Not a rule: src/lint/rules/index.ts does not register it.
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Memo, Point, Section, Span } from '../../memo/model.js';
import { isBackToTopText } from '../../memo/back-to-top.js';
import { sameHeading } from '../../memo/headings.js';
import { spanOf } from '../../memo/nodes.js';

/** 1-based line/column of a 0-based offset into `source`. */
export function pointAt(source: string, offset: number): Point {
  let line = 1;
  let lineStart = 0;
  for (let index = source.indexOf('\n'); index !== -1 && index < offset; index = source.indexOf('\n', index + 1)) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1, offset };
}

export function spanAt(source: string, start: number, end = start): Span {
  return { start: pointAt(source, start), end: pointAt(source, end) };
}

/** A zero-width span at `point`. */
export function at(point: Point): Span {
  return { start: point, end: point };
}

export function findSection(memo: Memo, heading: string): Section | undefined {
  return memo.sections.find((section) => sameHeading(section.heading.text, heading));
}

/**
 * What a block is, for rules that look for "Back to top": a paragraph holding only a "Back to
 * top" link (`link`), a paragraph reading "Back to top" with no link (`text`), or neither.
 */
export function backToTopKind(node: RootContent): 'link' | 'text' | undefined {
  if (node.type !== 'paragraph' || !isBackToTopText(toString(node))) return undefined;
  const meaningful = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  if (meaningful.length === 1 && meaningful[0]?.type === 'link') return 'link';
  return meaningful.some((child) => child.type === 'link') ? undefined : 'text';
}

/** A block that counts as content: not an HTML comment, not a "Back to top" line. */
export function isContent(node: RootContent): boolean {
  if (node.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(node.value)) return false;
  return backToTopKind(node) === undefined;
}

export function endOf(node: RootContent): Point {
  return spanOf(node).end;
}

/** A non-negative integer option, or the fallback. */
export function intOption(options: Record<string, unknown>, key: string, fallback: number | undefined): number | undefined {
  const value = options[key];
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : fallback;
}

/** "item" or "items" after a count. */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** The top-level body blocks, front matter left out. */
export function bodyNodes(memo: Memo): RootContent[] {
  return memo.tree.children.filter((node) => node.type !== 'yaml');
}

/** The file's line ending, so inserted lines match it. */
export function eol(source: string): string {
  return source.includes('\r\n') ? '\r\n' : '\n';
}
