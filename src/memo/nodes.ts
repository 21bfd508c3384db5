// Small helpers over mdast nodes, shared by the parser and the lint rules. Kept apart from
// parse.ts so that a rule (or a cache hit) can use them without loading the Markdown parser.
import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Point, Span } from './model.js';

export const ZERO: Point = { line: 1, column: 1, offset: 0 };

export function spanOf(node: { position?: { start: Partial<Point>; end: Partial<Point> } | undefined }): Span {
  const position = node.position;
  if (!position) return { start: ZERO, end: ZERO };
  const point = (p: Partial<Point>): Point => ({ line: p.line ?? 1, column: p.column ?? 1, offset: p.offset ?? 0 });
  return { start: point(position.start), end: point(position.end) };
}

/** Plain text of any node; block children are joined by newlines so list items stay apart. */
export function blockText(node: Nodes): string {
  switch (node.type) {
    case 'root':
    case 'list':
    case 'listItem':
    case 'blockquote':
    case 'table':
      return node.children.map((child) => blockText(child as Nodes)).join('\n');
    case 'tableRow':
      return node.children.map((cell) => toString(cell)).join(' | ');
    case 'html':
      // `line<br>break` is two words, as a hard line break keeps them apart.
      return /^<br\s*\/?>$/i.test(node.value.trim()) ? '\n' : '';
    case 'yaml':
      return '';
    case 'break':
      return '\n';
    case 'paragraph':
    case 'heading':
    case 'tableCell':
    case 'emphasis':
    case 'strong':
    case 'delete':
    case 'link':
    case 'linkReference':
      // Phrasing: like mdast-util-to-string, but a hard line break keeps the words apart.
      return node.children.map((child) => blockText(child as Nodes)).join('');
    default:
      return toString(node);
  }
}

/**
 * The text values of a node and everything under it, raw HTML left out, without recursion: a
 * list nested thousands deep cannot overflow the stack (the exporters' fallback for such depths).
 */
export function flatText(node: Nodes): string {
  let text = '';
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const current = stack.pop() as Nodes;
    if (current.type !== 'html' && 'value' in current && typeof current.value === 'string') text += current.value;
    if ('children' in current) for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i] as Nodes);
  }
  return text;
}
