// Small hast helpers the HTML importer's modules share: child elements, class tokens, source
// lines, parents, and the ids of a page.
import type { Element, ElementContent, Root, RootContent } from 'hast';

export type Parent = Root | Element;

export function elements(node: Parent): Element[] {
  return (node.children as (RootContent | ElementContent)[]).filter((child): child is Element => child.type === 'element');
}

/** The element's class names, each one whole token, lower-cased. */
export function classTokens(node: Element): string[] {
  const value: unknown = node.properties['className'];
  const classes = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/) : [];
  return classes.filter(Boolean).map((name) => name.toLowerCase());
}

/** The element's id, when it has one. */
export function idOf(node: Element): string | undefined {
  const id = node.properties['id'];
  return typeof id === 'string' && id !== '' ? id : undefined;
}

export function lineOf(node: Element | ElementContent | RootContent, fallback = 1): number {
  return node.position?.start.line ?? fallback;
}

/** Every element below `node`, depth first. */
export function* descendants(node: Parent): Generator<Element> {
  for (const child of elements(node)) {
    yield child;
    yield* descendants(child);
  }
}

/** Each element's parent, for the whole tree. */
export function parentsOf(root: Root): Map<Element, Parent> {
  const parents = new Map<Element, Parent>();
  const record = (node: Parent) => {
    for (const child of elements(node)) {
      parents.set(child, node);
      record(child);
    }
  };
  record(root);
  return parents;
}

const INLINE_TAGS = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'dfn',
  'em',
  'i',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'font',
  'ins',
  'del',
]);

/** Plain text of a node, `skip` leaving elements out; block elements stand apart by a space. */
export function plainText(node: ElementContent | RootContent | Root, skip: (element: Element) => boolean = () => false): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'root') return node.children.map((child) => plainText(child, skip)).join('');
  if (node.type !== 'element' || skip(node)) return '';
  if (node.tagName === 'br') return '\n';
  const text = node.children.map((child) => plainText(child, skip)).join('');
  return INLINE_TAGS.has(node.tagName) ? text : ` ${text} `;
}

/** The first words of a text, for a warning: `"Subscribe to our newsletter for…"`. */
export function firstWords(text: string, count = 8): string {
  const words = text
    .replace(/[\s\u00A0]+/g, ' ')
    .trim()
    .split(' ');
  return `"${words.slice(0, count).join(' ')}${words.length > count ? '…' : ''}"`;
}
