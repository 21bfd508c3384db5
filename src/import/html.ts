// A saved web page → memo Markdown. rehype-parse gives the hast tree; the article is found
// (html/body.ts), page furniture is left behind (html/furniture.ts: a short named list of tags,
// roles and whole class tokens), bylines and the page's metadata give the date and author
// (html/byline.ts), and the article's headings, paragraphs, list items, quotes, tables and
// footnotes become the blocks blocks.ts maps to memo Markdown (html/to-blocks.ts), the same way
// as the text importer's. Whatever is left out of the body is reported with its line.
import type { Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { Block, ImportOptions, ImportResult, ImportWarning } from './blocks.js';
import { blocksToMemo } from './blocks.js';
import { checkText } from './text.js';
import { MemoError } from '../io/errors.js';
import { findBody } from './html/body.js';
import { pageMeta } from './html/byline.js';
import type { Context } from './html/context.js';
import { findFootnotes } from './html/footnotes.js';
import { articleBlocks } from './html/to-blocks.js';

export type { ImportOptions, ImportResult } from './blocks.js';

/** A front-matter value given to blocksToMemo as the block it reads it from: a date line, a `FROM:` field. */
const dateBlock = (iso: string, line: number): Block => ({
  kind: 'paragraph',
  text: iso,
  markdown: iso,
  line,
  standalone: true,
  datetime: iso,
});
const authorBlock = (name: string, line: number): Block => ({
  kind: 'paragraph',
  text: `From: ${name}`,
  markdown: '',
  line,
  standalone: true,
});

const frontMatter = (markdown: string) => /^---\n([\s\S]*?)\n---/.exec(markdown)?.[1] ?? '';

function convert(tree: Root, options: ImportOptions): ImportResult {
  const warnings: ImportWarning[] = [];
  const body = findBody(tree);
  warnings.push(...body.leftOut);
  const meta = pageMeta(tree);
  const context: Context = {
    notes: findFootnotes(tree),
    authors: meta.author ? [meta.author.name] : [],
    inArticle: body.inArticle,
    prose: false,
    warn: (line, message) => warnings.push({ line, message }),
  };
  const blocks = articleBlocks(body.node, context);
  // The byline's date and author, read out of the article, lead the blocks.
  const lead: Block[] = [];
  const { byline } = context;
  if (byline?.date) lead.push(dateBlock(byline.date, byline.line));
  if (byline?.author) lead.push(authorBlock(byline.author, byline.line));
  let result = blocksToMemo([...lead, ...blocks], options);
  // The page's metadata fills in what the article did not give.
  const front = frontMatter(result.markdown);
  const more: Block[] = [];
  if (meta.date && !/^date:/m.test(front)) more.push(dateBlock(meta.date.iso, meta.date.line));
  if (meta.author && !/^author:/m.test(front)) more.push(authorBlock(meta.author.name, meta.author.line));
  if (more.length > 0) result = blocksToMemo([...more, ...lead, ...blocks], options);
  return { ...result, warnings: [...result.warnings, ...warnings].sort((a, b) => a.line - b.line) };
}

/** Import a memo published as a web page. */
export function importHtml(html: string, options: ImportOptions): ImportResult {
  checkText(html, options.source);
  try {
    return convert(unified().use(rehypeParse).parse(html), options);
  } catch (error) {
    // The HTML parser and the walk recurse per level; a page nested thousands deep is not a memo.
    if (error instanceof RangeError)
      throw new MemoError('the page nests its elements thousands of levels deep; it cannot be imported', {
        file: options.source,
        code: 'EINPUT',
      });
    throw error;
  }
}
