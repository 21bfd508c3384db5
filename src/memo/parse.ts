// file text → Memo. One parse per file (the fast paths in quick-markdown.ts and quick-yaml.ts,
// or the full parsers for what they decline: full-parse.ts for Markdown, `yaml` for YAML), then
// a single walk that collects everything later features read. Never throws on content: YAML errors and the like come back
// as positioned problems in `memo.problems`.
//
// The full Markdown parser (micromark) was a fifth of a one-memo lint's time, and most memos
// never need it, so it is loaded on first need: `parseMemo` is synchronous and throws
// FullParserNeeded when a memo needs it before it is loaded; `parseMemoLoading` (and the
// linter's `lintTextLoading`) load it then and parse again. (`yaml`, for front matter the fast
// path declines, loads synchronously on first use: util/lazy-yaml.ts.)
import type { Heading as MdastHeading, Nodes, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { MemoType } from '../templates/structure.js';
import { eventsSection, takeawaysSection } from '../templates/structure.js';
import { isIsoDate } from './dates.js';
import { readLeadingDate, type DateOrder } from './event-date.js';
import { quickParse } from './quick-markdown.js';
import { quickFrontMatter } from './quick-yaml.js';
import { isBackToTopText } from './back-to-top.js';
import { sameHeading } from './headings.js';
import { ZERO, blockText, spanOf } from './nodes.js';
import type { Comment, FrontMatter, Heading, Link, ListItem, Memo, Paragraph, ParseProblem, Point, Section, Span } from './model.js';
import { yaml } from '../util/lazy-yaml.js';
import { Slugger } from '../util/slugs.js';
import { countWords } from './words.js';

export interface ParseOptions {
  /** Path shown in findings and errors. */
  path: string;
  /** Known memo types by name; the memo's `type` is looked up here. */
  types?: ReadonlyMap<string, MemoType>;
  /**
   * Parse GitHub Flavored Markdown (tables, footnotes, autolinks, task lists). Default true.
   * The linter turns it off: no rule looks at GFM constructs, and GFM is over half of the
   * parse time of a typical memo.
   */
  gfm?: boolean;
  /** How numeric event dates like `12/11/2019` are read (config `dateOrder`). Default `mdy`. */
  dateOrder?: DateOrder;
}

type FullParser = typeof import('./full-parse.js');
let full: FullParser | undefined;

/** parseMemo met a memo only the full parser reads, before it was loaded (loadFullParser). */
export class FullParserNeeded extends Error {
  constructor() {
    super('the full Markdown parser is needed and not loaded; call loadFullParser() first');
  }
}

/** Load the full Markdown parser (once), so that parseMemo never throws FullParserNeeded. */
export async function loadFullParser(): Promise<void> {
  full ??= await import('./full-parse.js');
}

function fullParser(): FullParser {
  if (!full) throw new FullParserNeeded();
  return full;
}

/** `parse()`, loading the full parser first when it needs it. */
export async function withFullParser<T>(parse: () => T): Promise<T> {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof FullParserNeeded)) throw error;
    await loadFullParser();
    return parse();
  }
}

/** parseMemo, loading the full parser when the memo needs it. */
export function parseMemoLoading(text: string, options: ParseOptions): Promise<Memo> {
  return withFullParser(() => parseMemo(text, options));
}

/** Pre-order walk, like unist-util-visit's but without its per-node bookkeeping (hot in large runs). */
function walk(node: Nodes, enter: (node: Nodes) => void): void {
  enter(node);
  if ('children' in node) for (const child of node.children) walk(child, enter);
}

/**
 * A heading's span, from its own first line: a setext heading's position takes in the link
 * reference definitions typed right above its text (`[a]: /url`, `Title`, `===`), and a fix
 * that rewrote the heading from there would delete them.
 */
function ownSpan(node: MdastHeading, source: string): Span {
  const span = spanOf(node);
  const first = node.children[0]?.position?.start;
  if (!first || first.line <= span.start.line) return span;
  const lineStart = source.lastIndexOf('\n', (first.offset ?? 0) - 1) + 1;
  return { start: { line: first.line, column: span.start.column, offset: lineStart + span.start.column - 1 }, end: span.end };
}

function isBackToTopParagraph(node: RootContent): boolean {
  return node.type === 'paragraph' && node.children.length === 1 && node.children[0]?.type === 'link' && isBackToTopText(toString(node));
}

function parseFrontMatter(raw: string, span: Span, contentOffset: number, problems: ParseProblem[]): FrontMatter {
  const frontMatter: FrontMatter = { raw, data: {}, span, keySpans: {} };
  // The YAML's first line is the line after the opening fence.
  const firstLine = span.start.line + 1;
  const lineStarts = [0];
  for (let i = 0; i < raw.length; i++) if (raw[i] === '\n') lineStarts.push(i + 1);
  const pointAt = (offset: number): Point => {
    let index = 0;
    while (index + 1 < lineStarts.length && (lineStarts[index + 1] ?? Infinity) <= offset) index++;
    const lineOffset = lineStarts[index] ?? 0;
    return { line: firstLine + index, column: offset - lineOffset + 1, offset: contentOffset + offset };
  };
  // Plain `key: value` front matter takes the fast path (same data and key positions as `yaml`).
  const quick = quickFrontMatter(raw);
  if (quick) {
    frontMatter.data = quick.data;
    for (const { key, offset } of quick.keys) frontMatter.keySpans[key] = { start: pointAt(offset), end: pointAt(offset + key.length) };
    return frontMatter;
  }
  const { isMap, parseDocument } = yaml();
  const document = parseDocument(raw, { uniqueKeys: true, prettyErrors: true });
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      const at = pointAt(error.pos[0]);
      const reason = (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '');
      problems.push({ message: `Invalid YAML in front matter: ${reason}`, span: { start: at, end: at } });
    }
    return frontMatter;
  }
  if (document.contents === null) return frontMatter;
  if (!isMap(document.contents)) {
    problems.push({ message: 'Front matter must be a YAML mapping of `key: value` lines.', span });
    return frontMatter;
  }
  try {
    frontMatter.data = document.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
  } catch (error) {
    problems.push({ message: `Invalid YAML in front matter: ${(error as Error).message}`, span });
    return frontMatter;
  }
  for (const pair of document.contents.items) {
    const key = pair.key as { value?: unknown; range?: [number, number, number] } | null;
    if (key && typeof key.value === 'string' && key.range) {
      const start = pointAt(key.range[0]);
      frontMatter.keySpans[key.value] = { start, end: pointAt(key.range[1]) };
    }
  }
  return frontMatter;
}

interface DateContext {
  memoDate: string | undefined;
  order: DateOrder | undefined;
}

/** The text of a bold or italic run that opens a block (`**Dec. 27, 2019** — …`), if one does. */
function leadingEmphasis(node: Nodes): string | undefined {
  const paragraph = node.type === 'paragraph' ? node : node.type === 'listItem' ? node.children[0] : undefined;
  const first = paragraph?.type === 'paragraph' ? paragraph.children[0] : undefined;
  return first && (first.type === 'strong' || first.type === 'emphasis') ? toString(first) : undefined;
}

function eventOf(node: Nodes, text: string, dates: DateContext | undefined, listIndex: number): ListItem {
  const leading = dates ? readLeadingDate(text, { reference: dates.memoDate, order: dates.order, lead: leadingEmphasis(node) }) : undefined;
  const body = leading ? leading.rest : text;
  return { text, body, words: countWords(body), date: leading?.date, span: spanOf(node), listIndex, node: node as RootContent };
}

function listItems(nodes: RootContent[], dates: DateContext | undefined): { items: ListItem[]; listCount: number } {
  const items: ListItem[] = [];
  let listCount = 0;
  for (const node of nodes) {
    if (node.type !== 'list') continue;
    for (const child of node.children) items.push(eventOf(child, blockText(child).trim(), dates, listCount));
    listCount++;
  }
  return { items, listCount };
}

/** An events section written without a list: its paragraphs that start with a date are its events. */
function paragraphEvents(nodes: RootContent[], dates: DateContext): ListItem[] {
  return nodes.flatMap((node) => {
    if (node.type !== 'paragraph') return [];
    const event = eventOf(node, blockText(node).trim(), dates, 0);
    return event.date ? [event] : [];
  });
}

/**
 * `author` as people: one name, or a YAML list of them. A name is taken whole, commas and all
 * ("Reyes, Dana"; "Policy Team, Acme Inc."), so several people are a list, never a split
 * string. Blank names and entries that are not text (which front-matter reports) are left out.
 */
function readAuthors(value: unknown): string[] {
  const names = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  return names
    .filter((name): name is string => typeof name === 'string')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

export function parseMemo(text: string, options: ParseOptions): Memo {
  const bom = text.charCodeAt(0) === 0xfeff;
  const source = bom ? text.slice(1) : text;
  const gfm = options.gfm !== false;
  // Most memos take the fast path, which builds remark's exact tree; the rest the full parser.
  const tree = quickParse(source, { gfm }) ?? fullParser().parseMarkdown(source, gfm);
  const problems: ParseProblem[] = [];

  let frontMatter: FrontMatter | undefined;
  const first = tree.children[0];
  if (first?.type === 'yaml') {
    frontMatter = parseFrontMatter(first.value, spanOf(first), source.indexOf('\n') + 1, problems);
  } else if (/^---[ \t]*\r?\n/.test(source)) {
    problems.push({
      message: 'Front matter opened with `---` on line 1 is never closed; add a `---` line after it.',
      span: { start: ZERO, end: { line: 1, column: 4, offset: 3 } },
    });
  }
  const data = frontMatter?.data ?? {};
  const field = (name: string): string | undefined => (typeof data[name] === 'string' ? data[name] : undefined);
  const type = field('type');
  const date = field('date') !== undefined && isIsoDate(field('date') as string) ? field('date') : undefined;
  const rawTags = data['tags'];
  const tags = Array.isArray(rawTags)
    ? rawTags.filter((tag): tag is string => typeof tag === 'string')
    : typeof rawTags === 'string'
      ? rawTags
          .split(',')
          .map((tag) => tag.trim())
          .filter(Boolean)
      : [];
  const authors = readAuthors(data['author']);
  const declared = type ? options.types?.get(type) : undefined;
  // A type whose project template is broken has no structure to check against: no rule runs on
  // it but front-matter, which says why (memo.typeProblem).
  const memoType = declared?.problem === undefined ? declared : undefined;

  // Ids for every heading, GitHub-style; `top` is taken by the memo's top.
  const slugger = new Slugger();
  slugger.slug('top');
  const headings: Heading[] = [];
  const headingByNode = new Map<MdastHeading, Heading>();
  const links: Link[] = [];
  const comments: Comment[] = [];
  walk(tree, (node) => {
    if (node.type === 'heading') {
      const text = toString(node).trim();
      const heading: Heading = { depth: node.depth, text, id: slugger.slug(text), span: ownSpan(node, source) };
      headings.push(heading);
      headingByNode.set(node, heading);
    } else if (node.type === 'link') {
      const text = toString(node);
      links.push({ url: node.url, text, span: spanOf(node), backToTop: isBackToTopText(text) });
    } else if (node.type === 'html') {
      for (const match of node.value.matchAll(/<!--([\s\S]*?)-->/g)) {
        comments.push({ text: (match[1] ?? '').trim(), span: spanOf(node) });
      }
    }
  });

  // One pass over the top-level blocks: title, lede, then `##` sections. A `#` heading after the
  // title starts a section too: it is a `##` typed with one `#` too few (heading-levels reports
  // it), and glued to the section above it, its list would be that section's second list.
  const titleHeadings: Heading[] = [];
  const ledeNodes: RootContent[] = [];
  const sectionNodes: { heading: Heading; nodes: RootContent[] }[] = [];
  for (const node of tree.children) {
    if (node.type === 'yaml') continue;
    if (node.type === 'heading' && node.depth === 1) {
      titleHeadings.push(headingByNode.get(node) as Heading);
      if (titleHeadings.length > 1) sectionNodes.push({ heading: headingByNode.get(node) as Heading, nodes: [] });
      continue;
    }
    if (node.type === 'heading' && node.depth === 2) {
      sectionNodes.push({ heading: headingByNode.get(node) as Heading, nodes: [] });
      continue;
    }
    const current = sectionNodes[sectionNodes.length - 1];
    if (current) current.nodes.push(node);
    else ledeNodes.push(node);
  }

  const lede: Paragraph[] = ledeNodes
    .filter((node) => node.type !== 'html' && !isBackToTopParagraph(node))
    .map((node) => {
      const text = blockText(node).trim();
      return { text, words: countWords(text), span: spanOf(node) };
    })
    .filter((paragraph) => paragraph.text.length > 0);

  const eventsHeading = memoType ? eventsSection(memoType)?.heading : undefined;
  const takeawaysHeading = memoType ? takeawaysSection(memoType)?.heading : undefined;
  const dates: DateContext = { memoDate: date, order: options.dateOrder };
  const sections: Section[] = sectionNodes.map(({ heading, nodes }) => {
    const isEvents = eventsHeading !== undefined && sameHeading(heading.text, eventsHeading);
    const { items, listCount } = listItems(nodes, isEvents ? dates : undefined);
    const content = nodes.filter((node) => node.type !== 'html' && !isBackToTopParagraph(node));
    const text = content
      .map((node) => blockText(node).trim())
      .filter(Boolean)
      .join('\n\n');
    const last = nodes[nodes.length - 1];
    const startOffset = heading.span.start.offset;
    const endOffset = last ? spanOf(last).end.offset : heading.span.end.offset;
    return {
      heading,
      nodes,
      items,
      listCount,
      text,
      words: countWords(text),
      backToTop: links.filter((link) => link.backToTop && link.span.start.offset > startOffset && link.span.end.offset <= endOffset),
      span: { start: heading.span.start, end: last ? spanOf(last).end : heading.span.end },
    };
  });

  const findSection = (name: string | undefined) =>
    name === undefined ? undefined : sections.find((s) => sameHeading(s.heading.text, name));
  const eventsSectionFound = findSection(eventsHeading);
  const ledeWords = lede.reduce((sum, paragraph) => sum + paragraph.words, 0);
  const bodyLine = frontMatter ? frontMatter.span.end.line + 1 : 1;

  return {
    path: options.path,
    source,
    bom,
    tree,
    frontMatter,
    problems,
    type,
    title: field('title'),
    date,
    author: authors.length > 0 ? authors.join(', ') : undefined,
    authors,
    tags,
    summary: field('summary'),
    ...(field('id') !== undefined ? { id: field('id') } : {}),
    memoType,
    ...(declared?.problem !== undefined ? { typeProblem: `${declared.file}: ${declared.problem}` } : {}),
    titleHeadings,
    headings,
    lede,
    ledeWords,
    sections,
    takeaways: findSection(takeawaysHeading)?.items ?? [],
    events: eventsSectionFound
      ? eventsSectionFound.listCount > 0
        ? eventsSectionFound.items
        : paragraphEvents(eventsSectionFound.nodes, dates)
      : [],
    links,
    backToTop: links.filter((link) => link.backToTop),
    comments,
    words: ledeWords + sections.reduce((sum, section) => sum + countWords(section.heading.text) + section.words, 0),
    bodyLine,
  };
}
