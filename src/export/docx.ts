// Memo → Word (.docx), with the `docx` package. Every paragraph carries a named style for its
// role in the memo (docx-styles.ts: date line, title, byline, lede, section heading, takeaway,
// event, …), so a house template restyles it; "Back to top" is left out (a document has no
// top to go back to). Links stay hyperlinks (`w:hyperlink`: external for http, https, mailto
// and tel; in-page links go to a bookmark on their heading), lists are Word lists (numbering
// definitions, a new instance per list so each starts at 1), tables are tables.
//
// Deterministic: docx stamps the package with the time and gives hyperlinks random relationship
// ids, so the package is taken apart after docx writes it: the timestamps become the memo's date,
// the ids are numbered in order, and it is zipped again with a fixed time on every entry.
import type { Definition, List, Nodes, PhrasingContent, RootContent, Table as MdastTable } from 'mdast';
import {
  AlignmentType,
  Bookmark,
  Document,
  ExternalHyperlink,
  InternalHyperlink,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphStyleOptions,
  type ICharacterStyleOptions,
  type ParagraphChild,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { formatLongDate } from '../memo/dates.js';
import { isReadable } from '../memo/event-date.js';
import { isBackToTopText } from '../memo/back-to-top.js';
import type { Memo } from '../memo/model.js';
import { flatText } from '../memo/nodes.js';
import { byline } from './byline.js';
import { mergeStyles, renameStyles, type DocxReference } from './docx-styles.js';

export interface DocxOptions {
  dateFormat?: 'long' | 'iso';
  /** A house document's styles (docx-styles.ts readReferenceDocx). */
  reference?: DocxReference;
  /** The document's language (`w:lang`); default `en`. */
  lang?: string;
}

export interface DocxBundleOptions extends DocxOptions {
  title?: string;
  sort?: 'date-desc' | 'date-asc' | 'input';
}

const BULLETS = 'memo-bullets';
const NUMBERS = 'memo-numbers';
/** Word lists have nine levels (0–8); deeper lists stay at the ninth. */
const MAX_LEVEL = 8;
/** Blocks nested deeper than this (lists in quotes in lists…) become their plain text. */
const MAX_DEPTH = 64;
/** Schemes a link may keep, as in the HTML export (case-insensitive). */
const LINK_SCHEMES = /^(?:https?|mailto|tel|ircs?|xmpp):/i;

const SERIF = 'Georgia';
const SANS = 'Arial';
const MONO = 'Courier New';

// Sizes in half-points, spacing in twentieths of a point.
const paragraphStyles: IParagraphStyleOptions[] = [
  { id: 'MemoBody', name: 'Memo Body', basedOn: 'Normal', quickFormat: true, paragraph: { spacing: { after: 160, line: 288 } } },
  {
    id: 'MemoDate',
    name: 'Memo Date',
    basedOn: 'MemoBody',
    next: 'MemoTitle',
    quickFormat: true,
    run: { font: SANS, size: 20, color: '555555' },
  },
  {
    id: 'MemoTitle',
    name: 'Memo Title',
    basedOn: 'MemoBody',
    next: 'MemoLede',
    quickFormat: true,
    run: { font: SANS, size: 40, bold: true },
    paragraph: { outlineLevel: 0, keepNext: true, spacing: { before: 120, after: 200 } },
  },
  { id: 'MemoByline', name: 'Memo Byline', basedOn: 'MemoBody', next: 'MemoLede', quickFormat: true, run: { italics: true } },
  { id: 'MemoLede', name: 'Memo Lede', basedOn: 'MemoBody', quickFormat: true, run: { size: 24 } },
  {
    id: 'MemoHeading',
    name: 'Memo Heading',
    basedOn: 'MemoBody',
    next: 'MemoBody',
    quickFormat: true,
    run: { font: SANS, size: 28, bold: true },
    paragraph: { outlineLevel: 1, keepNext: true, spacing: { before: 360, after: 120 } },
  },
  {
    id: 'MemoSubheading',
    name: 'Memo Subheading',
    basedOn: 'MemoBody',
    next: 'MemoBody',
    quickFormat: true,
    run: { font: SANS, size: 24, bold: true },
    paragraph: { outlineLevel: 2, keepNext: true, spacing: { before: 240, after: 80 } },
  },
  { id: 'MemoListItem', name: 'Memo List Item', basedOn: 'MemoBody', quickFormat: true, paragraph: { spacing: { after: 120 } } },
  { id: 'MemoTakeaway', name: 'Memo Takeaway', basedOn: 'MemoListItem', quickFormat: true },
  { id: 'MemoEvent', name: 'Memo Event', basedOn: 'MemoListItem', quickFormat: true },
  {
    id: 'MemoQuote',
    name: 'Memo Quote',
    basedOn: 'MemoBody',
    quickFormat: true,
    paragraph: { indent: { left: 720 } },
    run: { italics: true },
  },
  {
    id: 'MemoCode',
    name: 'Memo Code',
    basedOn: 'MemoBody',
    quickFormat: true,
    run: { font: MONO, size: 19 },
    paragraph: { spacing: { line: 240 } },
  },
  {
    id: 'MemoIssueTitle',
    name: 'Memo Issue Title',
    basedOn: 'MemoBody',
    quickFormat: true,
    run: { font: SANS, size: 48, bold: true },
    paragraph: { outlineLevel: 0, spacing: { after: 120 } },
  },
  { id: 'MemoIssueDates', name: 'Memo Issue Dates', basedOn: 'MemoBody', quickFormat: true, run: { font: SANS, color: '555555' } },
  { id: 'MemoContents', name: 'Memo Contents', basedOn: 'MemoBody', quickFormat: true, paragraph: { spacing: { after: 60 } } },
];

const characterStyles: ICharacterStyleOptions[] = [
  { id: 'MemoEventDate', name: 'Memo Event Date', basedOn: 'DefaultParagraphFont', quickFormat: true, run: { bold: true } },
];

function levels(format: 'bullet' | 'decimal') {
  const bullets = ['•', '◦', '▪'];
  return Array.from({ length: MAX_LEVEL + 1 }, (_, level) => ({
    level,
    format: format === 'bullet' ? LevelFormat.BULLET : LevelFormat.DECIMAL,
    text: format === 'bullet' ? (bullets[level % bullets.length] as string) : `%${level + 1}.`,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 360 * (level + 1), hanging: 360 } } },
  }));
}

type Block = Paragraph | Table;

interface Marks {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  code?: boolean;
  /** A character style for the run (MemoEventDate, Hyperlink). */
  style?: string;
}

/** What one document's conversion keeps track of. */
class Writer {
  /** Bookmarks written so far (heading ids), so an in-page link goes only where one exists. */
  readonly bookmarks = new Set<string>();
  /** Each list gets its own numbering instance, so it starts at 1. */
  private instance = 0;
  private definitions = new Map<string, Definition>();
  /** Bookmark names of the memo being written: `id` → `prefix--id` in a bundle. */
  private prefix = '';
  private takeaways = new Set<unknown>();
  private events = new Map<unknown, string>();

  constructor(private readonly options: DocxOptions) {}

  /** The paragraphs of one memo: date line, title, byline, lede, sections. `slug`: its bookmark prefix in a bundle. */
  memo(memo: Memo, slug?: string, newPage = false): Block[] {
    this.prefix = slug ? `${slug}--` : '';
    this.definitions = new Map();
    this.takeaways = new Set(memo.takeaways.map((item) => item.node));
    this.events = new Map(memo.events.map((item) => [item.node, isReadable(item.date) ? item.date.text : '']));
    const children = memo.tree.children.filter((node) => node.type !== 'yaml');
    collectDefinitions(children, this.definitions);
    const out: Block[] = [];
    const top = slug ?? 'top';
    // In a bundle each memo starts a page: its first paragraph (the date line, else the title) breaks before it.
    let pageBreak = newPage ? { pageBreakBefore: true } : {};
    if (memo.date !== undefined) {
      const date = this.options.dateFormat === 'iso' ? memo.date : formatLongDate(memo.date);
      out.push(new Paragraph({ style: 'MemoDate', ...pageBreak, children: [new TextRun(date)] }));
      pageBreak = {};
    }
    const titleIndex = children.findIndex((node) => node.type === 'heading' && node.depth === 1);
    const titleNode = children[titleIndex];
    const titleRuns =
      titleNode?.type === 'heading'
        ? this.inline(titleNode.children, {})
        : [new TextRun(memo.title ?? memo.titleHeadings[0]?.text ?? 'Memo')];
    this.bookmarks.add(top);
    out.push(new Paragraph({ style: 'MemoTitle', ...pageBreak, children: [new Bookmark({ id: top, children: titleRuns })] }));
    const by = byline(memo);
    if (by) out.push(new Paragraph({ style: 'MemoByline', children: [new TextRun(by)] }));
    // Heading ids in the model's order (a preorder walk, as the HTML export reads them).
    const ids = memo.headings.map((heading) => heading.id);
    let headingIndex = 0;
    let inSections = false;
    const headingIds = new Map<unknown, string>();
    const walk = (nodes: readonly Nodes[]) => {
      for (const node of nodes) {
        if (node.type === 'heading') headingIds.set(node, ids[headingIndex++] ?? '');
        if ('children' in node && node.type !== 'heading') walk(node.children as Nodes[]);
      }
    };
    walk(memo.tree.children);
    children.forEach((node, index) => {
      if (index === titleIndex) return;
      if (node.type === 'heading' && (node.depth === 2 || (node.depth === 1 && index > titleIndex))) inSections = true;
      out.push(...this.block(node, { style: inSections ? 'MemoBody' : 'MemoLede', depth: 0, headingIds }));
    });
    return out;
  }

  private block(node: RootContent, context: { style: string; depth: number; headingIds: Map<unknown, string> }): Block[] {
    if (context.depth > MAX_DEPTH) return [new Paragraph({ style: context.style, children: [new TextRun(flatText(node))] })];
    switch (node.type) {
      case 'heading': {
        const id = context.headingIds.get(node);
        const runs = this.inline(node.children, {});
        const style = node.depth <= 2 ? 'MemoHeading' : 'MemoSubheading';
        if (id === undefined || id === '') return [new Paragraph({ style, children: runs })];
        const name = this.prefix + id;
        this.bookmarks.add(name);
        return [new Paragraph({ style, children: [new Bookmark({ id: name, children: runs })] })];
      }
      case 'paragraph':
        if (isBackToTop(node)) return [];
        return [new Paragraph({ style: context.style, children: this.inline(node.children, {}) })];
      case 'list':
        return this.list(node, 0, context);
      case 'blockquote':
        return node.children.flatMap((child) => this.block(child, { ...context, style: 'MemoQuote', depth: context.depth + 1 }));
      case 'code':
        return [new Paragraph({ style: 'MemoCode', children: codeRuns(node.value) })];
      case 'html': {
        const text = htmlText(node.value);
        return text === '' ? [] : [new Paragraph({ style: context.style, children: [new TextRun(text)] })];
      }
      case 'table':
        return [this.table(node)];
      case 'thematicBreak':
        return [new Paragraph({ style: context.style, alignment: AlignmentType.CENTER, children: [new TextRun('* * *')] })];
      case 'footnoteDefinition':
        return node.children.flatMap((child) => this.block(child, { ...context, depth: context.depth + 1 }));
      case 'definition':
        return [];
      default: {
        const text = flatText(node);
        return text === '' ? [] : [new Paragraph({ style: context.style, children: [new TextRun(text)] })];
      }
    }
  }

  private list(list: List, level: number, context: { style: string; depth: number; headingIds: Map<unknown, string> }): Block[] {
    const reference = list.ordered ? NUMBERS : BULLETS;
    const instance = ++this.instance;
    const out: Block[] = [];
    for (const item of list.children) {
      const style = this.takeaways.has(item) ? 'MemoTakeaway' : this.events.has(item) ? 'MemoEvent' : 'MemoListItem';
      let numbered = false;
      for (const child of item.children) {
        if (child.type === 'list') {
          out.push(...this.list(child, Math.min(level + 1, MAX_LEVEL), { ...context, depth: context.depth + 1 }));
          continue;
        }
        if (child.type === 'paragraph' && !numbered) {
          if (isBackToTop(child)) continue;
          numbered = true;
          const dateText = this.events.get(item);
          out.push(
            new Paragraph({
              style,
              numbering: { reference, level, instance },
              children: dateText ? this.eventInline(child.children, dateText) : this.inline(child.children, {}),
            }),
          );
          continue;
        }
        // A second paragraph of an item: under it, without a number.
        for (const block of this.block(child, { ...context, style, depth: context.depth + 1 })) {
          out.push(
            block instanceof Paragraph && child.type === 'paragraph'
              ? new Paragraph({ style, indent: { left: 360 * (level + 1) }, children: this.inline(child.children, {}) })
              : block,
          );
        }
      }
      if (!numbered && item.children.length === 0) out.push(new Paragraph({ style, numbering: { reference, level, instance } }));
    }
    return out;
  }

  /** An event's text with its date in the MemoEventDate style (bold), whether or not the writer bolded it. */
  private eventInline(nodes: PhrasingContent[], dateText: string): ParagraphChild[] {
    const [first, ...rest] = nodes;
    if (first?.type === 'text' && first.value.trimStart().startsWith(dateText)) {
      const leading = first.value.length - first.value.trimStart().length;
      const end = leading + dateText.length;
      return [
        new TextRun({ text: first.value.slice(0, end), style: 'MemoEventDate' }),
        ...this.inline([{ type: 'text', value: first.value.slice(end) }, ...rest], {}),
      ];
    }
    if (first?.type === 'strong' || first?.type === 'emphasis') {
      const marks: Marks = { style: 'MemoEventDate', ...(first.type === 'emphasis' ? { italics: true } : {}) };
      return [...this.inline(first.children, marks), ...this.inline(rest, {})];
    }
    return this.inline(nodes, {});
  }

  private table(table: MdastTable): Table {
    const columns = Math.max(1, ...table.children.map((row) => row.children.length));
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: table.children.map(
        (row, rowIndex) =>
          new TableRow({
            tableHeader: rowIndex === 0,
            children: Array.from(
              { length: columns },
              (_, index) =>
                new TableCell({
                  children: [
                    new Paragraph({
                      style: 'MemoBody',
                      children: this.inline(row.children[index]?.children ?? [], rowIndex === 0 ? { bold: true } : {}),
                    }),
                  ],
                }),
            ),
          }),
      ),
    });
  }

  /** Inline Markdown as runs; links as hyperlinks. */
  inline(nodes: readonly PhrasingContent[], marks: Marks, depth = 0): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    for (const node of nodes) {
      if (depth > MAX_DEPTH) {
        out.push(run(flatText(node), marks));
        continue;
      }
      switch (node.type) {
        case 'text':
          out.push(run(node.value.replace(/[ \t\r\n]+/g, ' '), marks));
          break;
        case 'inlineCode':
          out.push(run(node.value, { ...marks, code: true }));
          break;
        case 'strong':
          out.push(...this.inline(node.children, { ...marks, bold: true }, depth + 1));
          break;
        case 'emphasis':
          out.push(...this.inline(node.children, { ...marks, italics: true }, depth + 1));
          break;
        case 'delete':
          out.push(...this.inline(node.children, { ...marks, strike: true }, depth + 1));
          break;
        case 'break':
          out.push(new TextRun({ break: 1 }));
          break;
        case 'image':
        case 'imageReference':
          if (node.alt) out.push(run(node.alt, marks));
          break;
        case 'html':
          if (/^<br\s*\/?>$/i.test(node.value.trim())) out.push(new TextRun({ break: 1 }));
          break;
        case 'footnoteReference':
          out.push(run(`[${node.label ?? node.identifier}]`, marks));
          break;
        case 'link':
        case 'linkReference': {
          const url = node.type === 'link' ? node.url : this.definitions.get(node.identifier.toLowerCase())?.url;
          out.push(...this.link(url, this.inline(node.children, { ...marks, style: 'Hyperlink' }, depth + 1), node, marks));
          break;
        }
        default:
          out.push(run(flatText(node), marks));
      }
    }
    return out;
  }

  private link(url: string | undefined, runs: ParagraphChild[], node: PhrasingContent, marks: Marks): ParagraphChild[] {
    if (url?.startsWith('#')) {
      let anchor = url.slice(1);
      try {
        anchor = decodeURIComponent(anchor);
      } catch {
        // kept as written
      }
      anchor = anchor === 'top' ? (this.prefix ? this.prefix.slice(0, -2) : 'top') : this.prefix + anchor;
      return [new InternalHyperlink({ anchor, children: runs })];
    }
    if (url !== undefined && LINK_SCHEMES.test(url)) return [new ExternalHyperlink({ link: url, children: runs })];
    // Any other URL (relative, javascript:…): its words, no link.
    return this.inline('children' in node ? node.children : [], marks);
  }
}

function run(text: string, marks: Marks): TextRun {
  return new TextRun({
    text,
    ...(marks.bold ? { bold: true } : {}),
    ...(marks.italics ? { italics: true } : {}),
    ...(marks.strike ? { strike: true } : {}),
    ...(marks.code ? { font: MONO } : {}),
    ...(marks.style ? { style: marks.style } : {}),
  });
}

function codeRuns(value: string): TextRun[] {
  return value.split('\n').map((line, index) => new TextRun({ text: line, ...(index > 0 ? { break: 1 } : {}) }));
}

/** A paragraph that is only a "Back to top" (a link, or the words alone). */
function isBackToTop(node: { children: PhrasingContent[] }): boolean {
  return isBackToTopText(flatText(node as Nodes));
}

/** The words of a raw HTML block: tags and comments out, a few entities read. */
function htmlText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|template|iframe|noscript|noembed|noframes)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(
      /&(amp|lt|gt|quot|#39|nbsp);/g,
      (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: '\u00a0' })[name] ?? '',
    )
    .replace(/\s+/g, ' ')
    .trim();
}

function collectDefinitions(nodes: readonly Nodes[], into: Map<string, Definition>): void {
  const stack = [...nodes];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    if (node.type === 'definition') into.set(node.identifier.toLowerCase(), node);
    if ('children' in node) stack.push(...(node.children as Nodes[]));
  }
}

/** A fixed moment for the zip entries and the document properties: the memo's date, else 1980-01-01. */
function stamp(date: string | undefined): Date {
  return new Date(`${date ?? '1980-01-01'}T00:00:00Z`);
}

/** The document as bytes: docx's package, made the same on every run, with the house styles when given. */
async function pack(document: Document, date: string | undefined, reference: DocxReference | undefined): Promise<Uint8Array> {
  const files = unzipSync(new Uint8Array(await Packer.toBuffer(document)));
  const when = stamp(date);
  const iso = when.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const text = (path: string) => (files[path] ? strFromU8(files[path]) : undefined);
  const put = (path: string, value: string) => (files[path] = strToU8(value));
  const core = text('docProps/core.xml');
  if (core) put('docProps/core.xml', core.replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*/g, `$1${iso}`));
  // Random relationship ids (hyperlinks, numbering) → rIdM1, rIdM2… in the order docx wrote them.
  const rels = text('word/_rels/document.xml.rels');
  let documentXml = text('word/document.xml') ?? '';
  if (rels) {
    const renames = new Map<string, string>();
    for (const match of rels.matchAll(/\bId="([^"]+)"/g)) {
      const id = match[1] as string;
      if (!/^rId\d+$/.test(id) && !renames.has(id)) renames.set(id, `rIdM${renames.size + 1}`);
    }
    const rename = (xml: string) =>
      xml.replace(/"([^"]+)"/g, (whole, id: string) => (renames.has(id) ? `"${renames.get(id) as string}"` : whole));
    put('word/_rels/document.xml.rels', rename(rels));
    documentXml = rename(documentXml);
  }
  if (reference) {
    const styles = text('word/styles.xml');
    if (styles) put('word/styles.xml', mergeStyles(styles, reference));
    documentXml = renameStyles(documentXml, reference.ids);
  }
  put('word/document.xml', documentXml);
  const zippable: Zippable = {};
  for (const [path, data] of Object.entries(files)) zippable[path] = [data, { mtime: when }];
  return zipSync(zippable, { level: 6 });
}

function documentOf(blocks: Block[], properties: { title: string; creator?: string; description?: string }, options: DocxOptions) {
  return new Document({
    title: properties.title,
    ...(properties.creator ? { creator: properties.creator, lastModifiedBy: properties.creator } : {}),
    ...(properties.description ? { description: properties.description } : {}),
    styles: {
      default: { document: { run: { font: SERIF, size: 22, language: { value: options.lang ?? 'en' } } } },
      paragraphStyles,
      characterStyles,
    },
    numbering: {
      config: [
        { reference: BULLETS, levels: levels('bullet') },
        { reference: NUMBERS, levels: levels('decimal') },
      ],
    },
    sections: [{ children: blocks }],
  });
}

/** One memo as a .docx file's bytes. */
export async function exportDocx(memo: Memo, options: DocxOptions = {}): Promise<Uint8Array> {
  const writer = new Writer(options);
  const blocks = writer.memo(memo);
  const title = memo.title ?? memo.titleHeadings[0]?.text ?? 'Memo';
  const document = documentOf(
    blocks,
    {
      title,
      ...(memo.authors.length > 0 ? { creator: memo.authors.join('; ') } : {}),
      ...(memo.summary ? { description: memo.summary } : {}),
    },
    options,
  );
  return pack(document, memo.date, options.reference);
}

/** Many memos as one .docx newsletter issue: title, date range, contents, then each memo from a new page. */
export async function bundleDocx(memos: readonly Memo[], options: DocxBundleOptions = {}): Promise<Uint8Array> {
  const { entries, formatDateRange, DEFAULT_BUNDLE_TITLE } = await import('./bundle.js');
  const title = options.title ?? DEFAULT_BUNDLE_TITLE;
  const list = entries(memos, options.sort);
  const writer = new Writer(options);
  const blocks: Block[] = [new Paragraph({ style: 'MemoIssueTitle', children: [new TextRun(title)] })];
  const range = formatDateRange(memos, options.dateFormat ?? 'long');
  if (range !== undefined) blocks.push(new Paragraph({ style: 'MemoIssueDates', children: [new TextRun(range)] }));
  blocks.push(new Paragraph({ style: 'MemoHeading', children: [new TextRun('Contents')] }));
  list.forEach((entry) => {
    const date =
      entry.memo.date !== undefined ? ` (${options.dateFormat === 'iso' ? entry.memo.date : formatLongDate(entry.memo.date)})` : '';
    blocks.push(
      new Paragraph({
        style: 'MemoContents',
        numbering: { reference: NUMBERS, level: 0, instance: 0 },
        children: [
          new InternalHyperlink({ anchor: entry.slug, children: [new TextRun({ text: entry.title, style: 'Hyperlink' })] }),
          new TextRun(date),
        ],
      }),
    );
  });
  for (const entry of list) blocks.push(...writer.memo(entry.memo, entry.slug, true));
  const authors = [...new Set(list.flatMap((entry) => entry.memo.authors))];
  const document = documentOf(blocks, { title, ...(authors.length > 0 ? { creator: authors.join('; ') } : {}) }, options);
  const newest = list
    .map((entry) => entry.memo.date)
    .filter((date): date is string => date !== undefined)
    .sort()
    .pop();
  return pack(document, newest, options.reference);
}
