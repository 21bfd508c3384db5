// Inline HTML → plain text and Markdown: links, emphasis, code, `<br>` line breaks, images with
// their alt text, footnote references as `[^1]`, and the `datetime` of a `<time>`.
import type { ElementContent } from 'hast';
import { cleanText, escapeInline } from '../blocks.js';
import type { Context } from './context.js';
import { isLeftOut } from './furniture.js';
import { lineOf } from './tree.js';

export interface Inline {
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

export function safeUrl(url: string): string | undefined {
  const trimmed = url.trim();
  if (trimmed === '' || /^(?:javascript|vbscript|data):/i.test(trimmed.replace(/\s/g, ''))) return undefined;
  return trimmed.replace(/[()<> ]/g, (c) => encodeURIComponent(c));
}

const attribute = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Inline content → plain text and Markdown; `<br>` splits lines. */
function inline(nodes: ElementContent[], lines: Inline[][], current: { value: Inline[] }, context: Context): void {
  for (const node of nodes) {
    if (node.type === 'text') {
      current.value.push({ text: node.value, markdown: escapeInline(node.value.replace(/[\s\u00A0]+/g, ' ')) });
      continue;
    }
    if (node.type !== 'element' || isLeftOut(node, context.inArticle) || context.notes.backLinks.has(node)) continue;
    const tag = node.tagName;
    if (tag === 'br') {
      lines.push(current.value);
      current.value = [];
      continue;
    }
    if (tag === 'img') {
      current.value.push(image(node.properties['alt'], node.properties['src'], lineOf(node), context));
      continue;
    }
    const label = context.notes.refs.get(node);
    if (label !== undefined) {
      current.value.push({ text: `[^${label}]`, markdown: `[^${label}]` });
      continue;
    }
    const inner: Inline[][] = [];
    const part = { value: [] as Inline[] };
    inline(node.children, inner, part, context);
    inner.push(part.value);
    const flat = inner.flat();
    const text = flat.map((piece) => piece.text).join('');
    const markdown = flat.map((piece) => piece.markdown).join('');
    const datetime = flat.find((piece) => piece.datetime)?.datetime;
    let result: Inline = { text, markdown, ...(datetime ? { datetime } : {}) };
    if (tag === 'a') {
      const href = attribute(node.properties['href']);
      const url = href === undefined ? undefined : safeUrl(href);
      if (url && cleanText(text) !== '' && !/^#/.test(url) && !/\]\(/.test(markdown))
        result = { text, markdown: `[${markdown.trim()}](${url})` };
    } else if (tag === 'strong' || tag === 'b') {
      result = { text, markdown: emphasis(markdown, '**') };
    } else if (tag === 'em' || tag === 'i') {
      result = { text, markdown: emphasis(markdown, '*') };
    } else if (tag === 'code') {
      result = { text, markdown: `\`${text.replace(/`/g, '')}\`` };
    } else if (tag === 'time') {
      const value = node.properties['dateTime'];
      if (typeof value === 'string') result = { text, markdown, datetime: value };
    } else if (tag === 'sup' || tag === 'sub') {
      // "policy.<sup>3</sup>": a word of its own.
      result = { text: ` ${text} `, markdown };
    }
    current.value.push(result);
  }
}

/** `![alt](src)`; the alt text is the image's words. An image without one is kept, and reported. */
function image(alt: unknown, src: unknown, line: number, context: Context): Inline {
  const text = cleanText(typeof alt === 'string' ? alt : '');
  const url = typeof src === 'string' ? safeUrl(src) : undefined;
  if (text === '') context.warn(line, `an image has no alt text${url ? ` (${url})` : ''}; add a description to \`![](…)\``);
  if (url === undefined) return { text, markdown: escapeInline(text) };
  return { text: text === '' ? '' : ` ${text} `, markdown: `![${escapeInline(text)}](${url})` };
}

/** Inline content as lines (split at `<br>`), each as plain text and Markdown; empty lines dropped. */
export function toParts(nodes: ElementContent[], context: Context): Inline[] {
  const lines: Inline[][] = [];
  const current = { value: [] as Inline[] };
  inline(nodes, lines, current, context);
  lines.push(current.value);
  return lines
    .map((pieces) => {
      const text = cleanText(pieces.map((piece) => piece.text).join(''));
      const markdown = cleanText(pieces.map((piece) => piece.markdown).join(''));
      const datetime = pieces.find((piece) => piece.datetime)?.datetime;
      return { text, markdown, ...(datetime ? { datetime } : {}) };
    })
    .filter((line) => line.markdown !== '');
}

/** All lines of inline content as one: plain text and Markdown. */
export function joinParts(parts: Inline[]): { text: string; markdown: string } {
  return { text: parts.map((part) => part.text).join(' '), markdown: parts.map((part) => part.markdown).join(' ') };
}
