// Memo → plain text, in the reference memo's shape: the date line, a blank line, the `#` title
// line, the lede, then each section heading alone on a line, list items as `  • ` bullets with
// hanging indents and a blank line between items. Paragraphs wrap at `width` by words; headings
// (the title too) never do, so the text reads back as the same headings.
//
// Markup is stripped (emphasis, strong, strikethrough, inline code keep their text); links become
// numbered footnotes (`text [1]`, with a "Links" list at the end; one number per distinct URL);
// in-page links (`#...`) keep their text without a footnote; "Back to top" links are left out;
// images become their alt text; block quotes are indented by four spaces; code blocks are kept
// verbatim (trailing spaces aside), indented by four spaces and never wrapped; table rows are
// `cell | cell` lines, never wrapped. Deterministic; ends with exactly one newline.
import type { Definition, List, ListItem, Nodes, PhrasingContent, Root, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { formatLongDate } from '../memo/dates.js';
import type { Memo } from '../memo/model.js';
import { isBackToTopText } from '../memo/back-to-top.js';
import { GLUE, textLength, wrap } from './wrap.js';

export interface TextExportOptions {
  /** Wrap paragraphs at this many characters; 0 for no wrapping. Default 72. */
  width?: number;
  /** The date line: `long` ("December 31, 2019", the default) or `iso` ("2019-12-31"). */
  dateFormat?: 'long' | 'iso';
}

export const DEFAULT_TEXT_WIDTH = 72;

const BULLET = '•';
const QUOTE_INDENT = '    ';
const CODE_INDENT = '    ';
/** Lists nested deeper than this are rendered flat at this depth's indentation (see renderFlatList). */
const MAX_INDENT_DEPTH = 8;

interface Context {
  /** Footnote URLs in order; a URL's number is its index + 1. */
  urls: string[];
  numbers: Map<string, number>;
  definitions: Map<string, Definition>;
}

/** Is the link's text the URL itself (an autolink)? Then the URL is already in the text. */
function showsItsUrl(text: string, url: string): boolean {
  return text === url || `http://${text}` === url || `https://${text}` === url || `mailto:${text}` === url;
}

function footnote(url: string, context: Context): number {
  let number = context.numbers.get(url);
  if (number === undefined) {
    context.urls.push(url);
    number = context.urls.length;
    context.numbers.set(url, number);
  }
  return number;
}

function linkText(text: string, url: string | undefined, context: Context): string {
  if (isBackToTopText(text)) return '';
  if (url === undefined || url === '' || url.startsWith('#') || showsItsUrl(text.trim(), url)) return text;
  const number = footnote(url, context);
  return text.trim() === '' ? `[${number}]` : `${text.replace(/\s+$/, '')}${GLUE}[${number}]`;
}

/** Inline content as text: whitespace collapsed, `\n` for hard breaks, links as footnote markers. */
function inline(nodes: PhrasingContent[], context: Context): string {
  let out = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out += node.value.replace(/[ \t\r\n]+/g, ' ');
        break;
      case 'inlineCode':
        out += node.value.replace(/[ \t\r\n]+/g, ' ');
        break;
      case 'break':
        out += '\n';
        break;
      case 'image':
        out += node.alt ?? '';
        break;
      case 'imageReference':
        out += node.alt ?? '';
        break;
      case 'link':
        out += linkText(inline(node.children, context), node.url, context);
        break;
      case 'linkReference': {
        const definition = context.definitions.get(node.identifier.toLowerCase());
        out += linkText(inline(node.children, context), definition?.url, context);
        break;
      }
      case 'footnoteReference':
        out += `[^${node.label ?? node.identifier}]`;
        break;
      case 'html':
        if (/^<br\s*\/?>$/i.test(node.value.trim())) out += '\n';
        break;
      default:
        // emphasis, strong, delete: their text, markers gone.
        out += inline((node as { children?: PhrasingContent[] }).children ?? [], context);
    }
  }
  return out;
}

/** Text of a raw HTML block: comments, scripts and styles dropped, tags removed. */
function htmlText(value: string): string {
  return value
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .replace(/<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/[ \t\r\n]+/g, ' ')
    .trim();
}

/** Prefix every line (blank lines stay empty). */
function indent(lines: string[], first: string, rest = first): string[] {
  return lines.map((line, index) => (line === '' ? '' : (index === 0 ? first : rest) + line).trimEnd());
}

/** Blocks separated by one blank line; blocks that render to nothing are skipped. */
function joinBlocks(blocks: string[][], separator: boolean): string[] {
  const lines: string[] = [];
  for (const block of blocks) {
    if (block.length === 0) continue;
    if (lines.length > 0 && separator) lines.push('');
    for (const line of block) lines.push(line); // no push(...block): a 100k-line block would overflow the stack
  }
  return lines;
}

/** Width left for content after `used` columns of indentation (0 stays 0: no wrapping). */
function narrower(width: number, used: number): number {
  return width === 0 ? 0 : Math.max(1, width - used);
}

function renderList(list: List, width: number, depth: number, context: Context): string[] {
  const start = list.start ?? 1;
  const markers = list.children.map((_, index) => (list.ordered ? `${start + index}.` : BULLET));
  const markerWidth = markers.reduce((widest, marker) => Math.max(widest, textLength(marker)), 0);
  // Top-level items are apart, as in the reference; nested lists stay tight unless written loose.
  const apart = depth === 0 || list.spread === true;
  const items = list.children.map((item, index) => {
    const marker = (markers[index] ?? BULLET).padEnd(markerWidth);
    const check = item.checked === true ? '[x] ' : item.checked === false ? '[ ] ' : '';
    const first = `  ${marker} ${check}`;
    const hanging = ' '.repeat(textLength(first));
    return renderListItem(item, width, depth, first, hanging, context);
  });
  return joinBlocks(items, apart);
}

function renderListItem(item: ListItem, width: number, depth: number, first: string, hanging: string, context: Context): string[] {
  const inner = narrower(width, textLength(first));
  const capped = depth + 1 >= MAX_INDENT_DEPTH;
  const parts: { lines: string[]; nested: boolean }[] = [];
  for (const child of item.children) {
    const nested = child.type === 'list';
    const lines = !nested
      ? renderBlock(child, inner, depth, context)
      : capped
        ? renderFlatList(child, inner, context)
        : renderList(child, inner, depth + 1, context);
    if (lines.length > 0) parts.push({ lines, nested });
  }
  // The item's first block carries the bullet; the rest hang under its text.
  const blocks = parts.map((part, index) =>
    index === 0 && !part.nested ? indent(part.lines, first, hanging) : indent(part.lines, hanging),
  );
  if (parts.length === 0 || parts[0]?.nested) blocks.unshift([first.trimEnd()]);
  return joinBlocks(blocks, item.spread === true);
}

/**
 * Lists nested past MAX_INDENT_DEPTH: every deeper item as a bullet at one indentation, in
 * document order, walked without recursion so that lists nested thousands deep cannot
 * overflow the stack or make the output grow with the square of the depth.
 */
function renderFlatList(list: List, width: number, context: Context): string[] {
  const first = `  ${BULLET} `;
  const hanging = ' '.repeat(textLength(first));
  const inner = narrower(width, textLength(first));
  const lines: string[] = [];
  const stack: ListItem[] = list.children.slice().reverse();
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const blocks: string[][] = [];
    for (const child of item.children) if (child.type !== 'list') blocks.push(renderBlock(child, inner, MAX_INDENT_DEPTH, context));
    const body = joinBlocks(blocks, true);
    for (const line of body.length > 0 ? indent(body, first, hanging) : [first.trimEnd()]) lines.push(line);
    // Nested items next, in order: push them last-first.
    for (let i = item.children.length - 1; i >= 0; i--) {
      const child = item.children[i];
      if (child?.type === 'list') for (let j = child.children.length - 1; j >= 0; j--) stack.push(child.children[j] as ListItem);
    }
  }
  return lines;
}

function renderTable(table: Table, context: Context): string[] {
  return table.children.map((row) =>
    row.children
      .map((cell) => inline(cell.children, context).replace(/\s+/g, ' ').split(GLUE).join(' ').trim())
      .join(' | ')
      .trimEnd(),
  );
}

function renderBlock(node: RootContent, width: number, depth: number, context: Context): string[] {
  switch (node.type) {
    case 'heading': {
      // Headings are never wrapped: a title or section heading over two lines reads back (in
      // `memo import`, or to any reader) as two blocks, the second a heading of its own.
      const text = inline(node.children, context).split(GLUE).join(' ');
      return text.replace(/[ \n]+/g, '') === '' ? [] : [text.replace(/\s+/g, ' ').trim()];
    }
    case 'paragraph': {
      const text = inline(node.children, context);
      return text.replace(/[ \n]+/g, '') === '' ? [] : wrap(text.trim(), width);
    }
    case 'list':
      return renderList(node, width, depth, context);
    case 'blockquote':
      return indent(
        joinBlocks(
          node.children.map((child) => renderBlock(child, narrower(width, QUOTE_INDENT.length), depth, context)),
          true,
        ),
        QUOTE_INDENT,
      );
    case 'code':
      return indent(node.value.split(/\r?\n/), CODE_INDENT);
    case 'table':
      return renderTable(node, context);
    case 'thematicBreak':
      return ['* * *'];
    case 'html': {
      const text = htmlText(node.value);
      return text === '' ? [] : wrap(text, width);
    }
    case 'footnoteDefinition': {
      const body = joinBlocks(
        node.children.map((child) => renderBlock(child, narrower(width, 4), depth, context)),
        true,
      );
      const label = `[^${node.label ?? node.identifier}]: `;
      return body.length === 0 ? [label.trimEnd()] : indent(body, label, ' '.repeat(4));
    }
    case 'listItem':
      return renderList({ type: 'list', ordered: false, spread: false, children: [node] }, width, depth, context);
    case 'definition':
    case 'yaml':
      return [];
    default:
      return 'children' in node || 'value' in node ? wrap(toString(node), width) : [];
  }
}

/** Link definitions anywhere in the block structure (walked without recursion). */
function collectDefinitions(tree: Root): Map<string, Definition> {
  const definitions = new Map<string, Definition>();
  const stack: Nodes[] = tree.children.slice().reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.type === 'definition') {
      const key = node.identifier.toLowerCase();
      if (!definitions.has(key)) definitions.set(key, node);
    } else if (node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem' || node.type === 'footnoteDefinition') {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
    }
  }
  return definitions;
}

/** The memo as plain text, in the reference memo's layout. */
export function exportText(memo: Memo, options: TextExportOptions = {}): string {
  const width = options.width ?? DEFAULT_TEXT_WIDTH;
  if (!Number.isInteger(width) || width < 0)
    throw new RangeError(`width must be a whole number of characters, 0 or more (got ${String(width)})`);
  const context: Context = { urls: [], numbers: new Map(), definitions: collectDefinitions(memo.tree) };

  const blocks: string[][] = [];
  if (memo.date) blocks.push(wrap(options.dateFormat === 'iso' ? memo.date : formatLongDate(memo.date), width));
  // Without a `#` heading, the title comes from the front matter (with the type's prefix).
  const hasTitleHeading = memo.tree.children.some((node) => node.type === 'heading' && node.depth === 1);
  if (!hasTitleHeading && memo.title) blocks.push([`${memo.memoType?.titlePrefix ?? ''}${memo.title}`.replace(/\s+/g, ' ').trim()]);
  for (const node of memo.tree.children) blocks.push(renderBlock(node, width, 0, context));
  if (context.urls.length > 0) {
    blocks.push(['Links']);
    blocks.push(context.urls.map((url, index) => `[${index + 1}] ${url}`));
  }
  const lines = joinBlocks(blocks, true).map((line) => line.split(GLUE).join(' ').trimEnd());
  return `${lines.join('\n')}\n`;
}
