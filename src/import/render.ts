// Writing the imported memo out: front matter, the `#` heading (the type's prefix + the title),
// the lede, the sections with their paragraphs and lists, and "Back to top" where the type wants it.
import { stringify } from 'yaml';
import type { MemoType } from '../templates/structure.js';
import { escapeBlockStart, escapeInline } from './heuristics.js';
import type { Front } from './front.js';
import type { Block } from './model.js';
import type { Section } from './sections.js';

/** Lists nested deeper than this are written at this depth: a memo's lists are shallow. */
const MAX_LIST_DEPTH = 8;

/** Paragraphs and lists as Markdown chunks (one list = one chunk, items on consecutive lines). */
function renderBlocks(blocks: readonly Block[], eventText: ReadonlyMap<Block, string>): string[] {
  const chunks: string[] = [];
  let list: string[] | undefined;
  let listKind: 'ordered' | 'bullet' | undefined;
  // Indent of each open nesting level's content.
  let indents: number[] = [];
  const closeList = () => {
    if (list) chunks.push(list.join('\n'));
    list = undefined;
    listKind = undefined;
    indents = [];
  };
  for (const block of blocks) {
    if (block.kind !== 'item') {
      closeList();
      if (block.kind === 'heading') chunks.push(`### ${escapeInline(block.text)}`);
      else if (block.kind === 'markdown-block') chunks.push(block.markdown);
      else chunks.push(escapeBlockStart(block.markdown));
      continue;
    }
    const depth = Math.min(block.depth ?? 0, indents.length, MAX_LIST_DEPTH);
    const kind = block.ordered !== undefined ? 'ordered' : 'bullet';
    if (depth === 0 && list && listKind !== kind) closeList();
    if (!list) {
      list = [];
      listKind = kind;
    }
    indents = indents.slice(0, depth);
    const pad = ' '.repeat(depth === 0 ? 0 : (indents[depth - 1] ?? 0));
    const marker = block.ordered !== undefined ? `${block.ordered}.` : '-';
    const content = pad.length + marker.length + 1;
    indents[depth] = content;
    const text = eventText.get(block) ?? escapeBlockStart(block.markdown);
    let written = `${pad}${marker} ${text}`;
    for (const paragraph of block.more ?? []) written += `\n\n${' '.repeat(content)}${escapeBlockStart(paragraph.markdown)}`;
    list.push(written);
  }
  closeList();
  return chunks;
}

export interface MemoParts {
  type: MemoType;
  guessed: boolean;
  front: Front;
  lede: readonly Block[];
  sections: readonly Section[];
  eventText: ReadonlyMap<Block, string>;
}

export function writeMemo({ type, guessed, front, lede, sections, eventText }: MemoParts): string {
  const data: Record<string, unknown> = { type: type.name };
  if (front.title !== undefined) data['title'] = front.title;
  if (front.date !== undefined) data['date'] = front.date;
  if (front.author !== undefined) data['author'] = front.author;
  if (front.to !== undefined) data['to'] = front.to;
  if (front.cc !== undefined) data['cc'] = front.cc;
  if (front.tags.length > 0) data['tags'] = front.tags;
  const out: string[] = [`---\n${stringify(data, { lineWidth: 0 })}---`];
  if (front.title !== undefined) out.push(`# ${escapeInline(`${type.titlePrefix}${front.title}`)}`);
  if (guessed) out.push(`<!-- memo import: type "${type.name}" was guessed from the sections found; check it -->`);
  const backToTop = '[Back to top](#top)';
  out.push(...renderBlocks(lede, eventText));
  sections.forEach((section, index) => {
    if (type.backToTop === 'every-section' && section.depth === 2 && index > 0) out.push(backToTop);
    out.push(`${'#'.repeat(section.depth)} ${escapeInline(section.text).replace(/#+$/, (hashes) => hashes.replace(/#/g, '\\#'))}`);
    out.push(...renderBlocks(section.blocks, eventText));
  });
  if (type.backToTop !== 'off') out.push(backToTop);
  return `${out.filter((part) => part !== '').join('\n\n')}\n`;
}
