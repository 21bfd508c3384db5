// A saved web page → memo Markdown. rehype-parse gives the hast tree; the article body is found
// (`<article>`, `<main>`, `[role=main]`, or the element holding the most paragraph text), page
// chrome is left behind (nav, footers, share bars, cookie banners, scripts), and the body's
// headings, paragraphs and list items become the same blocks the text importer makes, so
// blocks.ts maps both to memo Markdown the same way. Links stay links.
import type { Element, ElementContent, Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { Block, ImportOptions, ImportResult } from './blocks.js';
import { blocksToMemo, cleanText, escapeInline, headerField, dateOnly } from './blocks.js';
import { checkText } from './text.js';
import { MemoError } from '../io/errors.js';

export type { ImportOptions, ImportResult } from './blocks.js';

const DROPPED_TAGS = new Set([
  'nav',
  'footer',
  'aside',
  'script',
  'style',
  'form',
  'noscript',
  'template',
  'svg',
  'iframe',
  'button',
  'select',
  'textarea',
  'input',
  'label',
  'canvas',
  'video',
  'audio',
  'object',
  'embed',
  'dialog',
  'head',
  'title',
  'meta',
  'link',
]);
const DROPPED_ROLES = new Set(['navigation', 'contentinfo', 'banner', 'complementary', 'search', 'menu', 'menubar', 'dialog', 'alert']);
const CHROME = /nav|menu|footer|share|sharing|social|cookie|breadcrumb|sidebar|newsletter|subscribe|skip-link|popup|modal|related/i;
const HEADINGS: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'blockquote',
  'body',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'header',
  'hgroup',
  'hr',
  'html',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'td',
  'th',
  'ul',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
]);

function classNames(node: Element): string[] {
  const value: unknown = node.properties['className'];
  const classes = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/) : [];
  const id = node.properties['id'];
  return typeof id === 'string' ? [...classes, id] : classes;
}

/** Page chrome that never holds the memo's text. */
function isChrome(node: Element): boolean {
  if (DROPPED_TAGS.has(node.tagName)) return true;
  const role = node.properties['role'];
  if (typeof role === 'string' && DROPPED_ROLES.has(role)) return true;
  if (node.properties['hidden'] !== undefined && node.properties['hidden'] !== false) return true;
  if (String(node.properties['ariaHidden']) === 'true') return true;
  const style = node.properties['style'];
  if (typeof style === 'string' && /display\s*:\s*none/i.test(style)) return true;
  if (node.tagName === 'header' && containsTag(node, 'nav')) return true;
  return classNames(node).some((name) => CHROME.test(name));
}

function containsTag(node: Element, tag: string): boolean {
  return node.children.some((child) => child.type === 'element' && (child.tagName === tag || containsTag(child, tag)));
}

function elements(node: Root | Element): Element[] {
  return (node.children as (RootContent | ElementContent)[]).filter((child): child is Element => child.type === 'element');
}

/** Every element below `node` that is not page chrome, depth first. */
function* walk(node: Root | Element): Generator<Element> {
  for (const child of elements(node)) {
    if (isChrome(child)) continue;
    yield child;
    yield* walk(child);
  }
}

function textOf(node: Element | ElementContent | RootContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element' || isChrome(node)) return '';
  return node.children.map(textOf).join('');
}

/** The element holding the article: `<article>`, `<main>`, `[role=main]`, or the most paragraph text. */
function findBody(root: Root): Element | Root {
  const all = [...walk(root)];
  const paragraphText = (node: Element) =>
    [...walk(node)].filter((element) => element.tagName === 'p').reduce((sum, p) => sum + cleanText(textOf(p)).length, 0);
  const best = (candidates: Element[]) => candidates.sort((a, b) => paragraphText(b) - paragraphText(a))[0];
  const articles = all.filter((node) => node.tagName === 'article');
  if (articles.length > 0) return best(articles) as Element;
  const main = all.find((node) => node.tagName === 'main' || node.properties['role'] === 'main');
  if (main) return main;
  // The element with the most text in its own paragraphs.
  let chosen: Element | undefined;
  let most = 0;
  const parents = new Map<Element, Element | Root>();
  const record = (node: Root | Element) => {
    for (const child of elements(node)) {
      parents.set(child, node);
      record(child);
    }
  };
  record(root);
  for (const node of all) {
    const own = elements(node)
      .filter((child) => child.tagName === 'p' && !isChrome(child))
      .reduce((sum, p) => sum + cleanText(textOf(p)).length, 0);
    if (own > most) {
      most = own;
      chosen = node;
    }
  }
  if (!chosen) return root;
  // Climb while the title sits just outside (div.header > h1 beside div.content > p).
  let body: Element | Root = chosen;
  while (body.type === 'element' && ![...walk(body)].some((node) => node.tagName === 'h1')) {
    const parent = parents.get(body);
    if (!parent || parent.type !== 'element' || parent.tagName === 'body' || parent.tagName === 'html') break;
    if (![...walk(parent)].some((node) => node.tagName === 'h1')) break;
    body = parent;
  }
  return body;
}

interface Inline {
  text: string;
  markdown: string;
  datetime?: string;
}

/** Wrap Markdown in emphasis markers, keeping edge spaces outside them. */
function emphasis(markdown: string, marker: string): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(markdown) as RegExpExecArray;
  const inner = match[2] ?? '';
  return inner === '' ? markdown : `${match[1]}${marker}${inner}${marker}${match[3]}`;
}

function safeUrl(url: string): string | undefined {
  const trimmed = url.trim();
  if (trimmed === '' || /^(?:javascript|vbscript|data):/i.test(trimmed.replace(/\s/g, ''))) return undefined;
  return trimmed.replace(/[()<> ]/g, (c) => encodeURIComponent(c));
}

/** Inline content → plain text and Markdown; `<br>` splits lines. */
function inline(nodes: ElementContent[], lines: Inline[][], current: { value: Inline[] }): void {
  for (const node of nodes) {
    if (node.type === 'text') {
      current.value.push({ text: node.value, markdown: escapeInline(node.value.replace(/[\s\u00A0]+/g, ' ')) });
      continue;
    }
    if (node.type !== 'element' || isChrome(node)) continue;
    const tag = node.tagName;
    if (tag === 'br') {
      lines.push(current.value);
      current.value = [];
      continue;
    }
    if (tag === 'img') continue;
    const inner: Inline[][] = [];
    const part = { value: [] as Inline[] };
    inline(node.children, inner, part);
    inner.push(part.value);
    const flat = inner.flat();
    const text = flat.map((piece) => piece.text).join('');
    const markdown = flat.map((piece) => piece.markdown).join('');
    const datetime = flat.find((piece) => piece.datetime)?.datetime;
    let result: Inline = { text, markdown, ...(datetime ? { datetime } : {}) };
    if (tag === 'a') {
      const href = typeof node.properties['href'] === 'string' ? safeUrl(node.properties['href']) : undefined;
      if (href && cleanText(text) !== '' && !/^#/.test(href)) result = { text, markdown: `[${markdown.trim()}](${href})` };
    } else if (tag === 'strong' || tag === 'b') {
      result = { text, markdown: emphasis(markdown, '**') };
    } else if (tag === 'em' || tag === 'i') {
      result = { text, markdown: emphasis(markdown, '*') };
    } else if (tag === 'code') {
      result = { text, markdown: `\`${text.replace(/`/g, '')}\`` };
    } else if (tag === 'time') {
      const value = node.properties['dateTime'];
      if (typeof value === 'string') result = { text, markdown, datetime: value };
    }
    current.value.push(result);
  }
}

function toBlockParts(nodes: ElementContent[]): Inline[] {
  const lines: Inline[][] = [];
  const current = { value: [] as Inline[] };
  inline(nodes, lines, current);
  lines.push(current.value);
  return lines
    .map((pieces) => {
      const text = cleanText(pieces.map((piece) => piece.text).join(''));
      const markdown = cleanText(pieces.map((piece) => piece.markdown).join(''));
      const datetime = pieces.find((piece) => piece.datetime)?.datetime;
      return { text, markdown, ...(datetime ? { datetime } : {}) };
    })
    .filter((line) => line.text !== '');
}

function lineOf(node: Element): number {
  return node.position?.start.line ?? 1;
}

/** Lines split by `<br>`: separate blocks when each is a header field or date, else one paragraph. */
function paragraphs(parts: Inline[], line: number): Block[] {
  if (parts.length > 1 && parts.every((part) => headerField(part.text) || dateOnly(part.text))) {
    return parts.map((part, index) => ({ kind: 'paragraph', ...part, line: line + index, standalone: true }));
  }
  if (parts.length === 0) return [];
  const text = parts.map((part) => part.text).join(' ');
  const markdown = parts.map((part) => part.markdown).join(' ');
  const datetime = parts.find((part) => part.datetime)?.datetime;
  return [{ kind: 'paragraph', text, markdown, line, standalone: true, ...(datetime ? { datetime } : {}) }];
}

/** The body's elements → blocks. */
function toBlocks(body: Element | Root): Block[] {
  const blocks: Block[] = [];
  // Inline content sitting directly in a block container (text in a bare <div>).
  const visit = (node: Element | Root, depth: number) => {
    let loose: ElementContent[] = [];
    let looseLine = node.type === 'element' ? lineOf(node) : 1;
    const flushLoose = () => {
      if (loose.length > 0) blocks.push(...paragraphs(toBlockParts(loose), looseLine));
      loose = [];
    };
    for (const child of node.children) {
      if (child.type === 'text') {
        if (loose.length === 0) looseLine = child.position?.start.line ?? looseLine;
        loose.push(child);
        continue;
      }
      if (child.type !== 'element') continue;
      if (isChrome(child)) continue;
      const tag = child.tagName;
      if (!BLOCK_TAGS.has(tag)) {
        if (loose.length === 0) looseLine = lineOf(child);
        loose.push(child);
        continue;
      }
      flushLoose();
      const level = HEADINGS[tag];
      if (level !== undefined) {
        const parts = toBlockParts(child.children);
        const text = parts.map((part) => part.text).join(' ');
        if (text !== '')
          blocks.push({ kind: 'heading', text, markdown: parts.map((part) => part.markdown).join(' '), line: lineOf(child), level });
      } else if (tag === 'p' || tag === 'dt' || tag === 'dd' || tag === 'figcaption' || tag === 'address' || tag === 'summary') {
        blocks.push(...paragraphs(toBlockParts(child.children), lineOf(child)));
      } else if (tag === 'pre') {
        const text = textOf(child);
        for (const [index, lineText] of text.split('\n').entries()) {
          const clean = cleanText(lineText);
          if (clean)
            blocks.push({ kind: 'paragraph', text: clean, markdown: escapeInline(clean), line: lineOf(child) + index, standalone: true });
        }
      } else if (tag === 'ul' || tag === 'ol') {
        let number = Number(child.properties['start'] ?? 1) || 1;
        for (const li of elements(child)) {
          if (li.tagName !== 'li' || isChrome(li)) continue;
          listItem(li, depth, tag === 'ol' ? number++ : undefined);
        }
      } else if (tag === 'tr') {
        const cells = elements(child)
          .map((cell) =>
            toBlockParts(cell.children)
              .map((part) => part.text)
              .join(' '),
          )
          .filter(Boolean);
        if (cells.length > 0) {
          const text = cells.join(' — ');
          blocks.push({ kind: 'paragraph', text, markdown: escapeInline(text), line: lineOf(child), standalone: true });
        }
      } else if (tag !== 'hr') {
        visit(child, depth);
      }
    }
    flushLoose();
  };
  const listItem = (li: Element, depth: number, ordered: number | undefined) => {
    const own: ElementContent[] = [];
    const nested: Element[] = [];
    const more: { text: string; markdown: string }[] = [];
    let firstDone = false;
    for (const child of li.children) {
      if (child.type === 'element' && (child.tagName === 'ul' || child.tagName === 'ol')) nested.push(child);
      else if (child.type === 'element' && child.tagName === 'p' && firstDone) {
        const parts = toBlockParts(child.children);
        if (parts.length > 0) more.push({ text: parts.map((p) => p.text).join(' '), markdown: parts.map((p) => p.markdown).join(' ') });
      } else {
        if (child.type === 'element' && child.tagName === 'p') firstDone = true;
        own.push(child.type === 'element' && child.tagName === 'p' ? { ...child, tagName: 'span' } : child);
      }
    }
    const parts = toBlockParts(own);
    const text = parts.map((part) => part.text).join(' ');
    if (text !== '') {
      blocks.push({
        kind: 'item',
        text,
        markdown: parts.map((part) => part.markdown).join(' '),
        line: lineOf(li),
        depth,
        standalone: false,
        ...(ordered !== undefined ? { ordered } : {}),
        ...(more.length > 0 ? { more } : {}),
      });
    }
    for (const list of nested) {
      let number = Number(list.properties['start'] ?? 1) || 1;
      for (const child of elements(list))
        if (child.tagName === 'li') listItem(child, text === '' ? depth : depth + 1, list.tagName === 'ol' ? number++ : undefined);
    }
  };
  visit(body, 0);
  return blocks;
}

/** Import a memo published as a web page. */
export function importHtml(html: string, options: ImportOptions): ImportResult {
  checkText(html, options.source);
  let blocks: Block[];
  try {
    blocks = toBlocks(findBody(unified().use(rehypeParse).parse(html)));
  } catch (error) {
    // The HTML parser and the walk recurse per level; a page nested thousands deep is not a memo.
    if (error instanceof RangeError)
      throw new MemoError('the page nests its elements thousands of levels deep; it cannot be imported', { file: options.source });
    throw error;
  }
  return blocksToMemo(blocks, options);
}
