// The article's elements → the blocks blocks.ts turns into memo Markdown: headings, paragraphs
// and list items as the text importer makes them, and `markdown-block`s for what memo Markdown
// writes whole (block quotes with their attribution, GFM tables, footnote definitions, images
// without alt text). Furniture inside the article and bylines are left out and reported.
import type { Element, ElementContent } from 'hast';
import type { Block } from '../blocks.js';
import { cleanText, dateOnly, escapeInline, headerField } from '../blocks.js';
import { readByline } from './byline.js';
import type { Context } from './context.js';
import { furnitureKind, isHidden } from './furniture.js';
import { joinParts, toParts, type Inline } from './inline.js';
import { quoteMarkdown, blocksMarkdown } from './quote.js';
import { gfmTable, isDataTable } from './table.js';
import { elements, firstWords, lineOf, plainText, type Parent } from './tree.js';

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
  'aside',
  'caption',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
]);
/** Containers a byline is written in. */
const BYLINE_TAGS = new Set(['p', 'div', 'section', 'header', 'footer', 'address']);

/** Lines split by `<br>`: separate blocks when each is a header field or date, else one paragraph. */
function paragraphs(parts: Inline[], line: number): Block[] {
  if (parts.length > 1 && parts.every((part) => headerField(part.text) || dateOnly(part.text))) {
    return parts.map((part, index) => ({ kind: 'paragraph', ...part, line: line + index, standalone: true }));
  }
  if (parts.length === 0) return [];
  const { text, markdown } = joinParts(parts);
  // An image without alt text has no words, but is kept.
  if (cleanText(text) === '') return [{ kind: 'markdown-block', text: 'image', markdown, line }];
  const datetime = parts.find((part) => part.datetime)?.datetime;
  return [{ kind: 'paragraph', text: cleanText(text), markdown, line, standalone: true, ...(datetime ? { datetime } : {}) }];
}

/** The article's blocks, with the page's footnote definitions at the end. */
export function articleBlocks(body: Parent, context: Context): Block[] {
  const blocks = toBlocks(body, context, []);
  const notes: string[] = [];
  let first: number | undefined;
  for (const [note, label] of context.notes.notes) {
    const content = toBlocks(note, context, []);
    if (content.length === 0) continue;
    first ??= lineOf(note);
    const [lead, ...rest] = blocksMarkdown(content).split('\n');
    notes.push([`[^${label}]: ${lead ?? ''}`, ...rest.map((line) => (line === '' ? '' : `    ${line}`))].join('\n'));
  }
  if (notes.length > 0) {
    const text = [...context.notes.notes.keys()].map((note) => cleanText(plainText(note))).join(' ');
    blocks.push({ kind: 'markdown-block', text, markdown: notes.join('\n'), line: first ?? 1 });
  }
  return blocks;
}

/** The children of `node` → blocks, appended to `blocks`. */
function toBlocks(node: Parent, context: Context, blocks: Block[], depth = 0): Block[] {
  let loose: ElementContent[] = [];
  let looseLine = node.type === 'element' ? lineOf(node) : 1;
  const push = (...added: Block[]) => {
    for (const block of added) {
      if (block.kind === 'paragraph' && block.text.length >= 40) context.prose = true;
      blocks.push(block);
    }
  };
  const flushLoose = () => {
    if (loose.length > 0) push(...paragraphs(toParts(loose, context), looseLine));
    loose = [];
  };
  for (const child of node.children) {
    if (child.type === 'text') {
      if (loose.length === 0) looseLine = child.position?.start.line ?? looseLine;
      loose.push(child);
      continue;
    }
    if (child.type !== 'element') continue;
    if (context.notes.notes.has(child)) continue; // written at the end
    if (leaveOut(child, context)) continue;
    const tag = child.tagName;
    if (!BLOCK_TAGS.has(tag)) {
      if (loose.length === 0) looseLine = lineOf(child);
      loose.push(child);
      continue;
    }
    flushLoose();
    if (BYLINE_TAGS.has(tag) && byline(child, context)) continue;
    const level = HEADINGS[tag];
    if (level !== undefined) {
      const { text, markdown } = joinParts(toParts(child.children, context));
      if (cleanText(text) !== '') push({ kind: 'heading', text: cleanText(text), markdown, line: lineOf(child), level });
    } else if (['p', 'dt', 'dd', 'address', 'summary'].includes(tag)) {
      push(...paragraphs(toParts(child.children, context), lineOf(child)));
    } else if (tag === 'figcaption' || tag === 'caption') {
      push(...caption(child, context));
    } else if (tag === 'pre') {
      const text = plainText(child);
      for (const [index, lineText] of text.split('\n').entries()) {
        const clean = cleanText(lineText);
        if (clean) push({ kind: 'paragraph', text: clean, markdown: escapeInline(clean), line: lineOf(child) + index, standalone: true });
      }
    } else if (tag === 'ul' || tag === 'ol') {
      let number = Number(child.properties['start'] ?? 1) || 1;
      for (const li of elements(child)) {
        if (li.tagName !== 'li' || context.notes.notes.has(li) || leaveOut(li, context)) continue;
        listItem(li, context, blocks, depth, tag === 'ol' ? number++ : undefined);
      }
    } else if (tag === 'blockquote') {
      push(quote(child, context));
    } else if (tag === 'table' && isDataTable(child)) {
      const title = elements(child).find((element) => element.tagName === 'caption');
      if (title) push(...caption(title, context));
      const markdown = gfmTable(child, (cell) => joinParts(toParts(cell.children, context)).markdown);
      push({
        kind: 'markdown-block',
        text: cleanText(plainText(child, (element) => element.tagName === 'caption')),
        markdown,
        line: lineOf(child),
      });
    } else if (tag !== 'hr') {
      toBlocks(child, context, blocks, depth);
    }
  }
  flushLoose();
  return blocks;
}

/** A figure's or table's caption: a paragraph, never read as a section heading. */
function caption(node: Element, context: Context): Block[] {
  return paragraphs(toParts(node.children, context), lineOf(node)).map((block) => ({ ...block, standalone: false }));
}

/** Furniture (or hidden text) inside the article: left out, and reported when it held words. */
function leaveOut(node: Element, context: Context): boolean {
  const kind = isHidden(node) ? 'hidden' : furnitureKind(node, context.inArticle);
  if (kind === undefined) return false;
  const text = cleanText(plainText(node));
  if (/[\p{L}\p{N}]/u.test(text) && !/^(?:script|style|template|head|title|meta|link|svg)$/.test(node.tagName))
    context.warn(lineOf(node), `dropped page furniture (${kind}) ${firstWords(text)}`);
  return true;
}

/** A byline: its date and author go to the front matter, and the report says so. */
function byline(node: Element, context: Context): boolean {
  const found = readByline(node, !context.prose, context.authors);
  if (!found) return false;
  const line = lineOf(node);
  context.byline ??= { line, ...(found.date ? { date: found.date } : {}), ...(found.author ? { author: found.author } : {}) };
  const into = [found.date ? 'date' : '', found.author ? 'author' : ''].filter(Boolean).join(' and ');
  context.warn(line, `byline ${firstWords(found.text, 12)} moved to the front matter (${into})`);
  return true;
}

/** A block quote, its own <footer> or <cite> as the attribution. */
function quote(node: Element, context: Context): Block {
  const attribution = elements(node).filter((child) => child.tagName === 'footer' || child.tagName === 'cite');
  const inner: Element = { ...node, children: node.children.filter((child) => !attribution.includes(child as Element)) };
  const content = toBlocks(inner, context, []);
  const credit = attribution.map((element) => joinParts(toParts(element.children, context)).markdown).join(' ');
  return { kind: 'markdown-block', text: cleanText(plainText(node)), markdown: quoteMarkdown(content, credit), line: lineOf(node) };
}

function listItem(li: Element, context: Context, blocks: Block[], depth: number, ordered: number | undefined): void {
  const own: ElementContent[] = [];
  const nested: Element[] = [];
  const more: { text: string; markdown: string }[] = [];
  let firstDone = false;
  for (const child of li.children) {
    if (child.type === 'element' && (child.tagName === 'ul' || child.tagName === 'ol')) nested.push(child);
    else if (child.type === 'element' && child.tagName === 'p' && firstDone) {
      const parts = toParts(child.children, context);
      if (parts.length > 0) more.push(joinParts(parts));
    } else {
      if (child.type === 'element' && child.tagName === 'p') firstDone = true;
      own.push(child.type === 'element' && child.tagName === 'p' ? { ...child, tagName: 'span' } : child);
    }
  }
  const { text, markdown } = joinParts(toParts(own, context));
  if (cleanText(text) !== '' || markdown !== '') {
    blocks.push({
      kind: 'item',
      text: cleanText(text) || 'image',
      markdown,
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
      if (child.tagName === 'li' && !leaveOut(child, context))
        listItem(child, context, blocks, cleanText(text) === '' ? depth : depth + 1, list.tagName === 'ol' ? number++ : undefined);
  }
}
