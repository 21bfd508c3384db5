// Memo → HTML. The memo's mdast (already parsed, see memo/parse.ts) goes through remark-rehype,
// rehype-raw (only when the memo has raw HTML other than comments: it parses the writer's HTML
// as a browser would, so `<p>`, `<center>` and `<br>` keep their words and breaks) and
// rehype-sanitize (GitHub's schema), then memokit wraps the sanitized body in its own trusted
// structure: `<article class="memo">`, a `<header id="top">` with the date line and the title,
// and — for a full document — `<head>` with charset, viewport, `<title>` and the stylesheet.
// The sanitizer always runs after rehype-raw, so nothing a memo writes can add a script, an
// event handler, a style or a dangerous URL; what it removes comes back as warnings
// (html-screen.ts). Front-matter strings only ever become hast text nodes, which are escaped.
// `email` inlines the stylesheet with juice after sanitizing: juice adds `style` attributes
// from memokit's (or the user's) stylesheet only.
import { createRequire } from 'node:module';
import type { Element, ElementContent, Properties, Root as HastRoot, RootContent as HastRootContent } from 'hast';
import type { Heading as MdastHeading, ListItem, Root as MdastRoot, TableCell, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import type { Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { formatLongDate } from '../memo/dates.js';
import { isReadable, type ReadableDate } from '../memo/event-date.js';
import type { Memo } from '../memo/model.js';
import { isBackToTopText } from '../memo/back-to-top.js';
import { flatText } from '../memo/nodes.js';
import {
  MAX_RAW_HTML_NESTING,
  markdownElements,
  NestingGauge,
  pointAtWriterIds,
  foldScheme,
  prepareForSanitizer,
  rawWords,
  refusedScheme,
  removedBySanitizer,
  STRIPPED_ELEMENTS,
  wrapLooseText,
  type ExportWarning,
} from './html-screen.js';
import { absoluteUrls } from './feed-places.js';
import { EMAIL_CSS, MEMO_CSS } from './style.css.js';
import { textDirection } from '../util/direction.js';
import { Slugger } from '../util/slugs.js';

export interface HtmlOptions {
  /** Only the `<article>` (no doctype, no `<head>`). */
  fragment?: boolean;
  /** Inline the stylesheet into `style` attributes for email clients. */
  email?: boolean;
  /** Stylesheet text that replaces the built-in one. */
  css?: string;
  /** The document's language (`<html lang>`); default `en`. */
  lang?: string;
  /** Date line as "December 31, 2019" (`long`, default) or "2019-12-31" (`iso`). */
  dateFormat?: 'long' | 'iso';
  /** Collects what the sanitizer removed from the memo (see html-screen.ts). */
  warnings?: ExportWarning[];
  /** A visible "By …" line under the title (the bundle's and the PDF export's; see byline.ts). */
  byline?: string;
  /** The memo's page URL (from `--base-url`): every link and image, in-page ones too, made absolute against it. */
  baseUrl?: string;
}

/** Options of one memo's `<article>`, shared by the single export and the bundle. */
export interface ArticleOptions {
  dateFormat?: 'long' | 'iso';
  /** Levels to push every heading down by (the bundle uses 1: memo titles become `<h2>`). */
  headingShift?: number;
  /** Collects what the sanitizer removed from the memo (see html-screen.ts). */
  warnings?: ExportWarning[];
  /** `rtl` on the `<article>` itself: a fragment of a right-to-left memo, whose page memokit does not write. */
  dir?: 'rtl';
  /** A visible "By …" line under the title (the bundle's; a memo's own page names its authors in `<meta>`). */
  byline?: string;
  /** The memo's page URL: every `href` and `src` made absolute against it. */
  baseUrl?: string;
}

/**
 * GitHub's schema, with four changes. Ids are kept as they are: memokit gives every id in
 * Markdown's output (the memo model's heading slugs, GFM footnotes already prefixed by
 * remark-rehype, its own wrappers), and GitHub's `user-content-` clobbering would break both
 * "Back to top" and footnote links; ids written in raw HTML get that prefix before the
 * sanitizer runs (html-screen.ts). `name` stays clobbered. `tel:` links are allowed beside
 * `mailto:`. Styles and the fallback content of frames and `<noscript>` go with their element,
 * like scripts (STRIPPED_ELEMENTS); any other element the schema does not know is unwrapped,
 * its words kept. No element keeps an `action`.
 */
export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  clobber: ['name'],
  // Event dates are wrapped in <time datetime="…"> (wrapEventDate), by memokit, not the writer.
  tagNames: [...(defaultSchema.tagNames ?? []), 'time'],
  // `action` goes too: no form is ever allowed, and a script URL there is all that would be left of one.
  attributes: {
    ...defaultSchema.attributes,
    '*': (defaultSchema.attributes?.['*'] ?? []).filter((attribute) => attribute !== 'action'),
    time: ['dateTime'],
  },
  protocols: { ...defaultSchema.protocols, href: [...(defaultSchema.protocols?.['href'] ?? []), 'tel'] },
  strip: [...STRIPPED_ELEMENTS],
};

/** remark-rehype's prefix for footnote ids (its default, kept explicit). */
const FOOTNOTE_PREFIX = 'user-content-';

// Raw HTML is carried as `raw` nodes: parsed by rehype-raw when there is any, dropped by the
// sanitizer (which keeps only elements, text and, here, no comments) when there are only comments.
const toHast = unified().use(remarkRehype, { clobberPrefix: FOOTNOTE_PREFIX, allowDangerousHtml: true }).freeze();
const parseRaw = unified().use(rehypeRaw).freeze();
const sanitizer = unified().use(rehypeSanitize, sanitizeSchema).freeze();
const toHtml = unified().use(rehypeStringify).freeze();

type Juice = typeof import('juice');
let juiceModule: Juice | undefined;
/** juice (and cheerio under it) is loaded only when an email export asks for it. */
function juice(): Juice {
  if (!juiceModule) {
    juiceModule = createRequire(import.meta.url)('juice') as Juice;
    // juice leaves `{{ … }}` and `<% … %>` unparsed by default, as template code. A memo is not a
    // template: a `{{` in a link title and a `}}` further on made it mangle the markup between
    // them (an id with a leading space, a link's style on a heading; found by fuzzing).
    for (const key of Object.keys(juiceModule.codeBlocks)) delete juiceModule.codeBlocks[key];
  }
  return juiceModule;
}

// ---------------------------------------------------------------------------------------------
// hast helpers

export function element(tagName: string, properties: Properties, children: ElementContent[] = []): Element {
  return { type: 'element', tagName, properties, children };
}

export function textNode(value: string): ElementContent {
  return { type: 'text', value };
}

const NEWLINE = (): ElementContent => textNode('\n');

/** Children separated (and surrounded) by newlines, so the source stays readable. */
export function lines(children: ElementContent[]): ElementContent[] {
  const out: ElementContent[] = [NEWLINE()];
  for (const child of children) out.push(child, NEWLINE());
  return out;
}

export function stringify(root: HastRoot): string {
  return toHtml.stringify(root);
}

/** The date as the date line shows it. */
export function formatMemoDate(isoDate: string, dateFormat: 'long' | 'iso' = 'long'): string {
  return dateFormat === 'iso' ? isoDate : formatLongDate(isoDate);
}

/**
 * A stylesheet that cannot leave its `<style>` element: every `<` becomes the CSS escape
 * `\3c ` (the same character inside a CSS string; never valid CSS elsewhere), so no `</style>`.
 */
export function safeCss(css: string): string {
  return css.replace(/</g, '\\3c ');
}

// ---------------------------------------------------------------------------------------------
// The memo body

type MdastNode = MdastRoot | MdastRoot['children'][number] | MdastHeading['children'][number] | ListItem | TableRow | TableCell;
type MdastParent = Extract<MdastNode, { children: unknown[] }>;

function hasChildren(node: MdastNode): node is MdastParent {
  return Array.isArray((node as { children?: unknown }).children);
}

/** Children of `node`, in order; iterative walks take them in reverse from a stack. */
function childrenOf(node: MdastNode): MdastNode[] {
  return hasChildren(node) ? (node.children as MdastNode[]) : [];
}

/** Every heading of the memo's tree with the id the memo model gave it. */
function headingIds(memo: Memo): Map<MdastNode, string> {
  // The model's walk (unist-util-visit in parse.ts) is preorder, like this one, so heading i is
  // memo.headings[i]; check the texts anyway and slug afresh (the same way, `top` reserved)
  // when a hand-made model differs.
  const found: MdastHeading[] = [];
  const stack: MdastNode[] = [memo.tree];
  while (stack.length > 0) {
    const node = stack.pop() as MdastNode;
    if (node.type === 'heading') found.push(node);
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as MdastNode);
  }
  const fromModel =
    found.length === memo.headings.length && found.every((node, index) => toString(node).trim() === memo.headings[index]?.text);
  const slugger = new Slugger();
  slugger.slug('top');
  const ids = new Map<MdastNode, string>();
  found.forEach((node, index) => ids.set(node, fromModel ? (memo.headings[index]?.id ?? '') : slugger.slug(toString(node).trim())));
  return ids;
}

/** Lists, items and block quotes kept nested up to this depth; deeper ones are unwrapped. */
const MAX_NESTING = 32;
/** Any node deeper than this becomes its plain text (phrasing nested absurdly deep). */
const MAX_DEPTH = 128;
const CONTAINERS = new Set(['list', 'listItem', 'blockquote', 'footnoteDefinition']);

/**
 * A copy of the memo's tree for rendering, the memo left untouched: front matter removed,
 * every heading carrying its model id, and nesting bounded so that the recursive rehype
 * tools downstream cannot overflow the stack (a list nested thousands deep keeps its text,
 * unwrapped into its 32nd-level ancestor). Iterative, so any input depth is fine here.
 */
/**
 * `<time datetime="2019-12-27">Dec. 27, 2019</time>` around an event's date, where the date is
 * the start of one text node (plain, or the whole of a bold lead): readers and feeds can read
 * it. The ISO value carries the written precision (`2018-05`, `2020-01-03T09:40`).
 */
function wrapEventDate(event: MdastParent, date: ReadableDate): void {
  const paragraph = event.type === 'paragraph' ? event : event.children[0];
  if (paragraph?.type !== 'paragraph') return;
  let parent: MdastParent = paragraph;
  let first = paragraph.children[0];
  if (first && (first.type === 'strong' || first.type === 'emphasis')) [parent, first] = [first, first.children[0]];
  if (first?.type !== 'text') return;
  const leading = first.value.length - first.value.trimStart().length;
  if (!first.value.startsWith(date.text, leading)) return;
  const end = leading + date.text.length;
  const time = {
    type: 'emphasis',
    data: { hName: 'time', hProperties: { dateTime: date.start } },
    children: [{ type: 'text', value: date.text }],
  } as MdastParent;
  const parts = [
    ...(leading > 0 ? [{ type: 'text', value: first.value.slice(0, leading) }] : []),
    time,
    ...(end < first.value.length ? [{ type: 'text', value: first.value.slice(end) }] : []),
  ] as MdastNode[];
  (parent.children as MdastNode[]).splice(0, 1, ...parts);
}

/** Raw HTML that is only comments (lint directives): nothing for rehype-raw to parse. */
const ONLY_COMMENTS = /^\s*(?:<!--[\s\S]*?-->\s*)*$/;

interface BodyTree {
  tree: MdastRoot;
  /** The raw HTML nodes (copies in `tree`), comments aside; empty when there are none. */
  rawHtml: MdastNode[];
  /** Where the raw HTML nests deeper than MAX_RAW_HTML_NESTING (NestingGauge), if it does. */
  tooDeepAt?: number;
  /** Whether a Markdown link, image or definition has a URL the sanitizer will refuse. */
  refusedUrl: boolean;
}

const HREF_SCHEMES = sanitizeSchema.protocols?.['href'] ?? [];
const SRC_SCHEMES = sanitizeSchema.protocols?.['src'] ?? [];

/**
 * A Markdown link's, image's or definition's URL with an allowed scheme written in capitals
 * folded to lower case (`HTTPS:` → `https:`); true when the sanitizer will refuse it. Done here,
 * in the walk that copies the tree anyway, so a memo without raw HTML needs no walk of its hast.
 */
function foldUrl(node: MdastNode): boolean {
  if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') return false;
  // A definition may serve an image: judged by the stricter list.
  const allowed = node.type === 'link' ? HREF_SCHEMES : SRC_SCHEMES;
  node.url = foldScheme(node.url, node.type === 'definition' ? HREF_SCHEMES : allowed);
  return refusedScheme(node.url, allowed);
}

function bodyTree(memo: Memo): BodyTree {
  const rawHtml: MdastNode[] = [];
  const gauge = new NestingGauge();
  let tooDeepAt: number | undefined;
  let refusedUrl = false;
  const ids = headingIds(memo);
  const eventDates = new Map<MdastNode, ReadableDate>();
  for (const event of memo.events) if (isReadable(event.date)) eventDates.set(event.node, event.date);
  const events: [MdastParent, ReadableDate][] = [];
  const root: MdastRoot = { ...memo.tree, children: [] };
  interface Task {
    node: MdastNode;
    target: MdastParent;
    depth: number;
    nesting: number;
  }
  const stack: Task[] = [];
  const pushChildren = (node: MdastNode, target: MdastParent, depth: number, nesting: number): void => {
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i] as MdastNode, target, depth, nesting });
  };
  pushChildren({ ...memo.tree, children: memo.tree.children.filter((node) => node.type !== 'yaml') }, root, 1, 0);
  while (stack.length > 0) {
    const { node, target, depth, nesting } = stack.pop() as Task;
    const append = (child: MdastNode): void => {
      (target.children as MdastNode[]).push(child);
    };
    if (depth > MAX_DEPTH) {
      append({ type: 'text', value: flatText(node) });
      continue;
    }
    if (!hasChildren(node)) {
      const copy = { ...node };
      if (foldUrl(copy)) refusedUrl = true;
      if (copy.type === 'html' && !ONLY_COMMENTS.test(copy.value)) {
        rawHtml.push(copy);
        gauge.add(copy.value);
        if (gauge.tooDeep) tooDeepAt ??= copy.position?.start.line ?? 1;
      }
      append(copy);
      continue;
    }
    const container = CONTAINERS.has(node.type);
    if (container && nesting >= MAX_NESTING) {
      pushChildren(node, target, depth, nesting);
      continue;
    }
    const copy = { ...node, children: [] } as MdastParent;
    if (foldUrl(copy)) refusedUrl = true;
    const id = ids.get(node);
    if (copy.type === 'heading' && id !== undefined) copy.data = { ...copy.data, hProperties: { id } };
    const date = eventDates.get(node);
    if (date) events.push([copy, date]);
    append(copy);
    pushChildren(node, copy, depth + 1, nesting + (container ? 1 : 0));
  }
  for (const [event, date] of events) wrapEventDate(event, date);
  return { tree: root, rawHtml, refusedUrl, ...(tooDeepAt !== undefined ? { tooDeepAt } : {}) };
}

/**
 * The memo's body as sanitized hast, and whether rehype-raw parsed raw HTML in it. rehype-raw runs
 * only for a memo with raw HTML (it costs a second parse of the whole body); the sanitizer always
 * runs, after it. Raw HTML nested too deep for the recursive tools downstream (by the gauge, or
 * found by a stack overflow) is kept as its words, in plain text, with a warning. What the
 * sanitizer removed is added to `warnings`, in the order of the file's lines.
 */
function sanitizedBody(memo: Memo, warnings: ExportWarning[] | undefined): { body: HastRoot; rawHtml: boolean } {
  const built = bodyTree(memo);
  if (built.rawHtml.length > 0 && built.tooDeepAt === undefined) {
    try {
      return { body: sanitize(memo, built, true, warnings), rawHtml: true };
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
    }
  }
  const found: ExportWarning[] = [];
  if (built.rawHtml.length > 0) {
    // Its words as text (escaped, like any text), each tag alone on its node (inline) gone.
    for (const node of built.rawHtml) Object.assign(node, { type: 'text', value: rawWords(String((node as { value: unknown }).value)) });
    found.push({
      file: memo.path,
      line: built.tooDeepAt ?? built.rawHtml[0]?.position?.start.line ?? 1,
      message: `raw HTML nested more than ${MAX_RAW_HTML_NESTING} elements deep: kept its words as plain text, without its tags`,
    });
  }
  const body = sanitize(memo, built, false, warnings);
  warnings?.push(...found);
  return { body, rawHtml: false };
}

/** remark-rehype, rehype-raw (with `raw`), the sanitizer; the warnings are added last, once all went well. */
function sanitize(memo: Memo, built: BodyTree, raw: boolean, warnings: ExportWarning[] | undefined): HastRoot {
  let hast = toHast.runSync(built.tree);
  const markdown = raw ? markdownElements(hast) : undefined;
  if (raw) hast = parseRaw.runSync(hast);
  const screen = { protocols: sanitizeSchema.protocols ?? {}, file: memo.path, ...(markdown ? { markdown } : {}) };
  // Markdown's own URLs were folded in bodyTree; raw HTML needs its own pass.
  const prepared = raw ? prepareForSanitizer(hast, screen) : { warnings: [], suspect: built.refusedUrl };
  const body = sanitizer.runSync(hast);
  const found = warnings && prepared.suspect ? [...prepared.warnings, ...removedBySanitizer(hast, body, screen)] : prepared.warnings;
  if (raw) wrapLooseText(body);
  warnings?.push(...found.sort((a, b) => a.line - b.line));
  return body;
}

function isElement(node: HastRootContent | ElementContent | undefined, tagName?: string): node is Element {
  return node?.type === 'element' && (tagName === undefined || node.tagName === tagName);
}

function textOf(node: Element | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

/** Drop paragraphs left empty once their raw HTML was removed (`<svg …></svg>` alone on a line). */
function dropEmptyParagraphs(root: HastRoot): void {
  visit(root, 'element', (node, index, parent) => {
    if (node.tagName !== 'p' || !parent || index === undefined) return;
    if (node.children.every((child) => child.type === 'text' && child.value.trim() === '')) {
      parent.children.splice(index, 1);
      // Take the newline that separated it from the previous block with it.
      const before = parent.children[index - 1];
      if (before?.type === 'text' && before.value.trim() === '') parent.children.splice(index - 1, 1);
      return index - 1 < 0 ? 0 : index - 1;
    }
    return undefined;
  });
}

/**
 * GFM's footnote section labels itself `id="footnote-label"`, unprefixed, where a heading
 * "Footnote label" could have it too; move it beside the other footnote ids (`user-content-`).
 */
function prefixFootnoteLabel(root: HastRoot): void {
  const label = FOOTNOTE_PREFIX + 'footnote-label';
  visit(root, 'element', (node, _index, parent) => {
    if (
      node.properties['id'] === 'footnote-label' &&
      parent?.type === 'element' &&
      parent.tagName === 'section' &&
      parent.properties['dataFootnotes'] !== undefined
    ) {
      node.properties['id'] = label;
    }
    const describedBy = node.properties['ariaDescribedBy'];
    if (node.properties['dataFootnoteRef'] !== undefined && Array.isArray(describedBy)) {
      node.properties['ariaDescribedBy'] = describedBy.map((value) => (value === 'footnote-label' ? label : value));
    }
  });
}

/**
 * Point every "Back to top" link with an in-page (or no) href at `#top`, and mark the paragraphs
 * that hold only such a link (for print CSS). The memo model takes a link for a "Back to top"
 * link by its words alone, wherever it is (memo.backToTop; the back-to-top rule checks each
 * one), so a link with words beside it (`[Back to top](#) the`) is retargeted too: left as
 * `#`, it pointed at no id (found at 2,000 runs, seed 1261408872). Only the class needs the
 * paragraph to be the link alone: print CSS hides it, and must not hide other words.
 */
function markBackToTop(root: HastRoot): void {
  visit(root, 'element', (node) => {
    if (node.tagName !== 'a' || !isBackToTopText(textOf(node))) return;
    const href = node.properties['href'];
    if (href === undefined || (typeof href === 'string' && (href === '' || href.startsWith('#')))) node.properties['href'] = '#top';
  });
  visit(root, 'element', (node) => {
    if (node.tagName !== 'p') return;
    const elements = node.children.filter((child) => child.type === 'element');
    const only = elements[0];
    const onlyLink =
      elements.length === 1 &&
      isElement(only, 'a') &&
      node.children.every((child) => child === only || (child.type === 'text' && child.value.trim() === ''));
    if (onlyLink && isBackToTopText(textOf(only))) node.properties['className'] = ['back-to-top'];
  });
}

function shiftHeadings(root: HastRoot | Element, shift: number): void {
  if (shift === 0) return;
  visit(root, 'element', (node) => {
    const match = /^h([1-6])$/.exec(node.tagName);
    if (match) node.tagName = `h${Math.min(6, Number(match[1]) + shift)}`;
  });
}

/**
 * Make every id in `root` unique: a later duplicate gets `-1`, `-2`… (links keep pointing at
 * the first). Ids come from memokit, so this is a safety net for corner cases such as a
 * heading slugged `footnote-label` next to GFM's footnote section.
 */
export function uniqueIds(root: HastRoot | Element): void {
  const seen = new Set<string>();
  const all = new Set<string>();
  visit(root, 'element', (node) => {
    const id = node.properties['id'];
    if (typeof id === 'string') all.add(id);
  });
  visit(root, 'element', (node) => {
    const id = node.properties['id'];
    if (typeof id !== 'string') return;
    if (!seen.has(id)) {
      seen.add(id);
      return;
    }
    let n = 1;
    while (all.has(`${id}-${n}`) || seen.has(`${id}-${n}`)) n++;
    node.properties['id'] = `${id}-${n}`;
    seen.add(`${id}-${n}`);
    all.add(`${id}-${n}`);
  });
}

/**
 * One memo as a sanitized `<article class="memo">`: `<header id="top">` (date line, title) and
 * the body. The title is the memo's first top-level `#` heading, or the front-matter title.
 */
export function memoArticle(memo: Memo, options: ArticleOptions = {}): Element {
  const { body, rawHtml } = sanitizedBody(memo, options.warnings);
  dropEmptyParagraphs(body);
  prefixFootnoteLabel(body);
  markBackToTop(body);

  let title: Element | undefined;
  const titleIndex = body.children.findIndex((node) => isElement(node, 'h1'));
  if (titleIndex >= 0) {
    title = body.children[titleIndex] as Element;
    body.children.splice(titleIndex, 1);
  } else if (memo.title !== undefined) {
    title = element('h1', {}, [textNode(memo.title)]);
  }

  const headerChildren: ElementContent[] = [];
  if (memo.date !== undefined) {
    headerChildren.push(
      element('p', { className: ['memo-date'] }, [
        element('time', { dateTime: memo.date }, [textNode(formatMemoDate(memo.date, options.dateFormat))]),
      ]),
    );
  }
  if (title) headerChildren.push(title);
  if (options.byline) headerChildren.push(element('p', { className: ['memo-byline'] }, [textNode(options.byline)]));
  const header = element('header', { id: 'top' }, lines(headerChildren));

  // Trim the newlines remark-rehype leaves around the removed title.
  const content = body.children.filter((node): node is ElementContent => node.type !== 'doctype');
  while (content[0]?.type === 'text' && content[0].value.trim() === '') content.shift();
  while (content[content.length - 1]?.type === 'text' && (content[content.length - 1] as { value: string }).value.trim() === '')
    content.pop();

  const article = element('article', { className: ['memo'], ...(options.dir ? { dir: options.dir } : {}) }, [
    NEWLINE(),
    header,
    NEWLINE(),
    ...content,
    ...(content.length > 0 ? [NEWLINE()] : []),
  ]);
  shiftHeadings(article, options.headingShift ?? 0);
  if (rawHtml) pointAtWriterIds(article);
  uniqueIds(article);
  if (options.baseUrl !== undefined) absoluteUrls(article, options.baseUrl);
  return article;
}

// ---------------------------------------------------------------------------------------------
// Documents

export interface DocumentParts {
  lang: string;
  title: string;
  css: string;
  /** Extra `<meta name>` entries (author, description), in order; empty values are skipped. */
  meta?: [string, string | undefined][];
  body: ElementContent[];
  /** The email layout (see emailBody), with its preheader text. */
  email?: { preheader?: string };
}

/** The email column's width in CSS pixels, and an image's width in it (less the cell's 16 px padding each side). */
const EMAIL_WIDTH = 600;
const EMAIL_IMAGE_WIDTH = EMAIL_WIDTH - 32;

/**
 * The body of an email: a hidden preheader (the line inboxes show after the subject), then the
 * content in the email convention's table wrapper: a full-width table centring a 600 px one
 * (`width` attributes for Outlook's Word engine, which ignores `max-width` on blocks, and
 * `max-width` for every other client, so it narrows on a phone), `role="presentation"` so
 * screen readers do not announce layout tables. Images without a width get the column's:
 * Outlook shows an image at its own pixel size otherwise.
 */
function emailBody(content: ElementContent[], preheader: string | undefined): ElementContent[] {
  for (const node of content) {
    if (node.type !== 'element') continue;
    visit(node, 'element', (image) => {
      if (image.tagName === 'img' && image.properties['width'] === undefined) image.properties['width'] = String(EMAIL_IMAGE_WIDTH);
    });
  }
  const layout = { role: 'presentation', cellPadding: '0', cellSpacing: '0', border: '0' };
  const column = element('table', { ...layout, className: ['email-column'], width: String(EMAIL_WIDTH), align: 'center' }, [
    element('tr', {}, [element('td', { className: ['email-column-cell'] }, lines(content))]),
  ]);
  const frame = element('table', { ...layout, className: ['email-frame'], width: '100%' }, [
    element('tr', {}, [element('td', { className: ['email-frame-cell'], align: 'center' }, lines([column]))]),
  ]);
  const hidden = preheader?.trim() ? [element('div', { className: ['preheader'], ariaHidden: 'true' }, [textNode(preheader.trim())])] : [];
  return [...hidden, frame];
}

/** A preheader from the text an inbox should show: at most about 150 characters, cut at a word. */
export function preheaderText(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= 150) return flat;
  const cut = flat.slice(0, 150);
  const space = cut.lastIndexOf(' ');
  return `${(space > 80 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** A complete document: doctype, `<html lang>`, charset, viewport, title, stylesheet, body. */
export function documentTree(parts: DocumentParts): HastRoot {
  const head: ElementContent[] = [
    element('meta', { charSet: 'utf-8' }),
    element('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    element('title', {}, [textNode(parts.title)]),
  ];
  for (const [name, content] of parts.meta ?? []) {
    if (content !== undefined && content.trim() !== '') head.push(element('meta', { name, content }));
  }
  if (parts.email) {
    // The page is light only: clients that honour these do not invert its colours in dark mode.
    head.push(
      element('meta', { name: 'color-scheme', content: 'light' }),
      element('meta', { name: 'supported-color-schemes', content: 'light' }),
    );
  }
  head.push(element('style', {}, [textNode(`\n${safeCss(parts.css).trim()}\n`)]));
  const body = parts.email ? emailBody(parts.body, parts.email.preheader) : parts.body;
  const html = element('html', { lang: parts.lang }, lines([element('head', {}, lines(head)), element('body', {}, lines(body))]));
  // Right-to-left languages (fa, ar, he, ur...) read from the right: the page says so.
  if (textDirection(parts.lang) === 'rtl') html.properties['dir'] = 'rtl';
  return { type: 'root', children: [{ type: 'doctype' }, textNode('\n'), html, textNode('\n')] };
}

/**
 * Inline `css` into style attributes (juice). Nothing is left in a `<style>` element: the email
 * layout needs none, and email clients ignore the print rules it would have kept.
 */
export function inlineCss(html: string, css: string, fragment: boolean): string {
  const j = juice();
  const out = fragment
    ? j.inlineContent(html, safeCss(css), { applyStyleTags: false, removeStyleTags: true, preserveMediaQueries: false })
    : // The email layout's `width` attributes are for Outlook: juice must not copy CSS widths over them.
      j(html, { removeStyleTags: true, preserveMediaQueries: false, applyWidthAttributes: false, applyHeightAttributes: false });
  return out.endsWith('\n') ? out : `${out}\n`;
}

/** The stylesheet of an export: with `email`, the email layout's rules (EMAIL_CSS) after it. */
export function emailCss(css: string, email: boolean | undefined): string {
  return email ? `${css}\n${EMAIL_CSS}` : css;
}

/** The title of a memo: front matter, else its `#` heading, else "Memo". */
export function memoTitle(memo: Memo): string {
  return memo.title ?? memo.titleHeadings[0]?.text ?? 'Memo';
}

/** One memo as HTML: a complete document, or only its `<article>` with `fragment`. */
export function exportHtml(memo: Memo, options: HtmlOptions = {}): string {
  const article = memoArticle(memo, {
    dateFormat: options.dateFormat ?? 'long',
    ...(options.warnings ? { warnings: options.warnings } : {}),
    ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}),
    ...(options.fragment && options.lang !== undefined && textDirection(options.lang) === 'rtl' ? { dir: 'rtl' as const } : {}),
    ...(options.byline ? { byline: options.byline } : {}),
  });
  const css = emailCss(options.css ?? MEMO_CSS, options.email);
  if (options.fragment) {
    const html = `${stringify({ type: 'root', children: [article] })}\n`;
    return options.email ? inlineCss(html, css, true) : html;
  }
  const lede = memo.lede.map((paragraph) => paragraph.text).join(' ');
  const html = stringify(
    documentTree({
      lang: options.lang ?? 'en',
      title: memoTitle(memo),
      css,
      // One <meta name="author"> per person, as HTML defines it ("one of the page's authors").
      meta: [...memo.authors.map((name): [string, string] => ['author', name]), ['description', memo.summary]],
      body: [article],
      ...(options.email ? { email: { preheader: preheaderText(memo.summary ?? lede) } } : {}),
    }),
  );
  return options.email ? inlineCss(html, css, false) : html;
}
