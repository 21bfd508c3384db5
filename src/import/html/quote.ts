// A block quote → `>` lines: its paragraphs, lists and headings (as bold lines), nested quotes
// and tables as they are, and its attribution — a <footer> or <cite> of its own — as a last
// `> — Name` line.
import type { Block } from '../blocks.js';
import { escapeBlockStart } from '../blocks.js';

/** Blocks as Markdown chunks: paragraphs, headings in bold, list items indented by depth. */
export function blocksMarkdown(blocks: Block[]): string {
  const chunks: string[] = [];
  let previous: Block | undefined;
  for (const block of blocks) {
    let chunk: string;
    if (block.kind === 'markdown-block') chunk = block.markdown;
    else if (block.kind === 'heading') chunk = `**${block.markdown}**`;
    else if (block.kind === 'item') {
      const marker = block.ordered !== undefined ? `${block.ordered}.` : '-';
      chunk = `${'    '.repeat(block.depth ?? 0)}${marker} ${escapeBlockStart(block.markdown)}`;
      for (const more of block.more ?? []) chunk += `\n\n${'    '.repeat((block.depth ?? 0) + 1)}${escapeBlockStart(more.markdown)}`;
    } else chunk = escapeBlockStart(block.markdown);
    // List items follow each other on consecutive lines; everything else is its own paragraph.
    chunks.push(previous?.kind === 'item' && block.kind === 'item' ? `\n${chunk}` : `${previous ? '\n\n' : ''}${chunk}`);
    previous = block;
  }
  return chunks.join('');
}

/** The quote's blocks and its attribution → a `>` block. */
export function quoteMarkdown(blocks: Block[], attribution: string | undefined): string {
  let markdown = blocksMarkdown(blocks);
  if (attribution !== undefined && attribution !== '')
    markdown += `${markdown === '' ? '' : '\n\n'}${/^[—–-]/.test(attribution) ? attribution : `— ${attribution}`}`;
  return markdown
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
}
