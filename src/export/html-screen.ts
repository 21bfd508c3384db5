// The writer's raw HTML on its way to rehype-sanitize, and what the sanitizer took out of it,
// said back as warnings. html.ts parses raw HTML with rehype-raw (a real HTML parser, so
// `<p>…</p>` and `<center>…</center>` keep their words and `<br>` is a line break), then
// `prepareForSanitizer` readies the tree, rehype-sanitize (GitHub's schema) decides what stays,
// and `removedBySanitizer` compares the two trees. Nothing here decides what is safe: the
// sanitizer does, and the warnings only describe what it did.
//
// Elements are matched across the sanitizer by their place in the file (start and end offset
// and tag name), which the sanitizer copies onto what it keeps. Elements without a place are
// memokit's own (the `<time>` around event dates, footnote wrappers) and are never reported.
// NestingGauge keeps HTML nested thousands deep away from the recursive tools after the parser.
import type { Element, ElementContent, Root } from 'hast';
import { find, html } from 'property-information';
import { SKIP, visit } from 'unist-util-visit';

/** A warning about one memo's export; the CLI prints it as `memo: warning: <file>:<line>: <message>`. */
export interface ExportWarning {
  /** The memo's path as shown (memo.path). */
  file: string;
  line: number;
  message: string;
}

/**
 * Elements removed with everything in them: code and styles, which are not words, and the
 * fallback content of frames and `<noscript>`, which HTML parses as raw text (markup a reader
 * never sees). Any other element the schema does not allow is unwrapped: its words stay.
 * Shared with the JSON export, so that its text holds the words the HTML shows.
 */
export const STRIPPED_ELEMENTS: readonly string[] = ['script', 'style', 'template', 'iframe', 'noscript', 'noembed', 'noframes'];

/**
 * Elements GitHub's schema allows for what Markdown makes (task-list checkboxes) or for
 * `<picture>` (`<source srcset>`, whose URLs the schema does not check), but never from a
 * writer's HTML: a form control or a media source in a memo is not text.
 */
const NEVER_FROM_RAW_HTML = new Set(['input', 'source']);

/**
 * Raw HTML nested deeper than this is kept as plain words instead: the HTML tools downstream
 * (parse5's tree adapter, the sanitizer, the serializer) recurse, and a few thousand levels
 * overflow the stack. Real memos nest a handful of levels; 2,000 `<div>`s overflowed.
 */
export const MAX_RAW_HTML_NESTING = 256;

/** Elements that never hold others (void), or that the parser closes by itself (`<p><p>` is two paragraphs). */
const NOT_NESTING = new Set(
  'area base br col embed hr img input link meta param source track wbr p li dt dd tr option optgroup rb rt rtc rp tbody thead tfoot colgroup'.split(
    ' ',
  ),
);
/** Elements an end tag cannot close past (the parser's "in scope" boundaries), and table cells. */
const SCOPE = new Set(['table', 'td', 'th', 'caption', 'template', 'object', 'applet', 'marquee', 'html', 'svg', 'math']);
const CELLS = new Set(['td', 'th', 'tr']);
const TAG = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-z][a-z0-9-]*)(?=[\s/>])[^>]*>/gi;

/**
 * How deep raw HTML nests, read tag by tag the way the parser closes elements: an end tag closes
 * the nearest open element of its name (and those inside it) unless a table, a cell and the like
 * stands between them; an end tag for nothing open is ignored; a new cell or row closes the open
 * cell; `<div/>` opens a `<div>`, as in HTML. Fed every raw HTML node of a memo in order (inline
 * tags are one node each). An estimate, so the HTML path also falls back on a stack overflow.
 */
export class NestingGauge {
  private readonly open: string[] = [];
  deepest = 0;

  add(value: string): void {
    if (this.tooDeep) return;
    for (const match of value.matchAll(TAG)) {
      const name = match[2]?.toLowerCase();
      if (name === undefined) continue;
      if (CELLS.has(name) && match[1] !== '/') this.closeCell();
      if (NOT_NESTING.has(name)) continue;
      if (match[1] === '/') this.close(name);
      else {
        this.open.push(name);
        this.deepest = Math.max(this.deepest, this.open.length);
      }
    }
  }

  private close(name: string): void {
    const at = this.open.lastIndexOf(name);
    if (at < 0) return;
    for (let i = at + 1; i < this.open.length; i++) if (SCOPE.has(this.open[i] as string)) return;
    this.open.length = at;
  }

  private closeCell(): void {
    const table = this.open.lastIndexOf('table');
    const cell = Math.max(this.open.lastIndexOf('td'), this.open.lastIndexOf('th'));
    if (cell > table) this.open.length = cell;
  }

  get tooDeep(): boolean {
    return this.deepest > MAX_RAW_HTML_NESTING;
  }
}

const STRIPPED_CONTENT = new RegExp(`<(${STRIPPED_ELEMENTS.join('|')})\\b[\\s\\S]*?(?:<\\/\\1\\s*>|$)`, 'gi');

/** The words of raw HTML without parsing it (for HTML nested too deep to parse): comments, scripts and styles dropped, tags gone. */
export function rawWords(value: string): string {
  return value
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .replace(STRIPPED_CONTENT, ' ')
    .replace(/<[a-z/!][^>]*>/gi, (tag) => (/^<br\b/i.test(tag) ? '\n' : ' '))
    .replace(/[ \t]+/g, ' ');
}

/** Properties whose value is a URL the schema checks the scheme of, and how a removal is told. */
const URL_NOUNS: Record<string, string> = { href: 'link to', src: 'image' };

/** GitHub's prefix for ids and names a writer gives in raw HTML (rehype-sanitize's `clobberPrefix`). */
export const WRITER_ID_PREFIX = 'user-content-';
const CLOBBERED = ['id', 'ariaDescribedBy', 'ariaLabelledBy'] as const;

function keyOf(node: Element): string | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : `${start}:${end}:${node.tagName}`;
}

/** The places of the elements Markdown made, taken before rehype-raw adds the writer's. */
export function markdownElements(root: Root): Set<string> {
  const places = new Set<string>();
  visit(root, 'element', (node) => {
    const start = node.position?.start.offset;
    if (start !== undefined) places.add(`${start}:${node.tagName}`);
  });
  return places;
}

function hasWords(node: Element): boolean {
  let found = false;
  visit(node, 'text', (text) => {
    if (text.value.trim() !== '') found = true;
  });
  return found;
}

/** The attribute as written in HTML (`onClick` → `onclick`, `className` → `class`). */
function attributeName(property: string): string {
  return find(html, property).attribute;
}

/**
 * A message as one printable line: a tag or attribute name in a writer's HTML may hold control
 * characters (an escape sequence would reach the terminal), shown as `\u001b` instead.
 */
function printable(message: string): string {
  return message.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A URL quoted on one line, shortened when long. */
function quoteUrl(url: string): string {
  return JSON.stringify(url.length > 60 ? `${url.slice(0, 59)}…` : url);
}

/**
 * A URL whose scheme is an allowed one written in capitals (`HTTPS://`, `Mailto:`), with that
 * scheme in lower case, which is what it means (schemes are case-insensitive): the sanitizer
 * compares schemes case-sensitively. Anything else is left for the sanitizer to judge.
 */
export function foldScheme(url: string, allowed: readonly string[]): string {
  const colon = url.indexOf(':');
  if (colon < 1) return url;
  const scheme = url.slice(0, colon);
  const lower = scheme.toLowerCase();
  return lower !== scheme && allowed.includes(lower) ? lower + url.slice(colon) : url;
}

export interface PrepareOptions {
  /** The schema's allowed schemes per property (`sanitizeSchema.protocols`). */
  protocols: Readonly<Record<string, readonly string[] | null | undefined>>;
  /** With raw HTML: the places of the elements Markdown made (markdownElements); the others are the writer's. */
  markdown?: Set<string>;
  file: string;
}

/** Properties whose scheme the schema checks (`sanitizeSchema.protocols`'s keys). */
const URL_PROPERTIES = ['href', 'src', 'cite', 'longDesc'];

/**
 * Whether the sanitizer will refuse this URL's scheme: its rule (a colon before any `/`, `?` or
 * `#` ends a scheme, which must be one of `allowed`), used only to know whether there is anything
 * to compare; the warnings themselves come from what the sanitizer did.
 */
export function refusedScheme(url: string, allowed: readonly string[]): boolean {
  const colon = url.indexOf(':');
  if (colon < 0) return false;
  for (const stop of ['/', '?', '#']) {
    const at = url.indexOf(stop);
    if (at > -1 && colon > at) return false;
  }
  return !allowed.includes(url.slice(0, colon));
}

export interface Prepared {
  /** Raw HTML removed before the sanitizer ran (form controls, media sources). */
  warnings: ExportWarning[];
  /**
   * Whether the sanitizer may remove anything: there is raw HTML, or a URL with a refused
   * scheme. Markdown makes nothing else the schema refuses, so without either there is nothing
   * to compare (removedBySanitizer), which spares nearly every memo that walk.
   */
  suspect: boolean;
}

/**
 * Ready a memo's tree for the sanitizer, in place: URL schemes in capitals folded to lower case;
 * in the writer's raw HTML, ids prefixed as GitHub does (`user-content-`, so they can never take
 * `top` or a heading's id), and form controls and media sources removed (with a warning, their
 * words kept).
 */
export function prepareForSanitizer(root: Root, options: PrepareOptions): Prepared {
  const warnings: ExportWarning[] = [];
  const { markdown, protocols } = options;
  let suspect = markdown !== undefined;
  /** Tag and attributes of each element from the writer's HTML, as the parser's copies have them. */
  const writers = new Set<string>();
  visit(root, 'element', (node, index, parent) => {
    for (const property of URL_PROPERTIES) {
      const value = node.properties[property];
      const allowed = protocols[property];
      if (typeof value !== 'string' || !allowed) continue;
      const folded = foldScheme(value, allowed);
      node.properties[property] = folded;
      if (!suspect && refusedScheme(folded, allowed)) suspect = true;
    }
    if (!markdown) return undefined;
    const start = node.position?.start.offset;
    // The parser copies an unclosed formatting element of the writer's (`<a id="b">`) into the
    // blocks after it, attributes and all, some copies without a position: a copy is the
    // writer's too, or its bare `b` took the id of a heading "B" further on.
    const signature = `${node.tagName} ${JSON.stringify(node.properties)}`;
    if (start === undefined ? !writers.has(signature) : markdown.has(`${start}:${node.tagName}`)) return undefined;
    writers.add(signature);
    for (const property of CLOBBERED as readonly string[]) {
      const value = node.properties[property];
      if (typeof value === 'string') node.properties[property] = WRITER_ID_PREFIX + value;
      else if (Array.isArray(value)) node.properties[property] = value.map((part) => WRITER_ID_PREFIX + String(part));
    }
    if (NEVER_FROM_RAW_HTML.has(node.tagName) && parent && index !== undefined) {
      warnings.push({ file: options.file, line: node.position?.start.line ?? 1, message: printable(removedElement(node)) });
      parent.children.splice(index, 1, ...node.children);
      return index;
    }
    return undefined;
  });
  return { warnings, suspect };
}

function removedElement(node: Element): string {
  if (STRIPPED_ELEMENTS.includes(node.tagName)) return `removed <${node.tagName}> and its content (not allowed in exported HTML)`;
  if (hasWords(node)) return `removed <${node.tagName}>, kept its text (not allowed in exported HTML)`;
  return `removed <${node.tagName}> (not allowed in exported HTML)`;
}

function droppedUrl(node: Element, property: string, url: string, allowed: readonly string[]): string {
  const schemes = allowed.map((scheme) => `${scheme}:`).join(', ');
  const noun =
    (property === 'href' && node.tagName === 'a') || (property === 'src' && node.tagName === 'img') ? URL_NOUNS[property] : undefined;
  if (noun === 'link to') {
    return `dropped the link to ${quoteUrl(url)}, kept its text (exported HTML links only to ${schemes} and relative URLs)`;
  }
  if (noun === 'image') {
    return `dropped the image ${quoteUrl(url)} (exported HTML shows only ${schemes} and relative images)`;
  }
  return `removed ${attributeName(property)}=${quoteUrl(url)} from <${node.tagName}> (exported HTML allows only ${schemes} and relative URLs there)`;
}

/**
 * What the sanitizer removed from `before` (the tree it was given) to make `after`: each
 * element it dropped or unwrapped, each link or image whose URL it refused, and the other
 * attributes it took off an element (one line per element). One warning per line and message.
 */
export function removedBySanitizer(before: Root, after: Root, options: PrepareOptions): ExportWarning[] {
  const kept = new Map<string, Set<string>>();
  visit(after, 'element', (node) => {
    const key = keyOf(node);
    if (key !== undefined) kept.set(key, new Set(Object.keys(node.properties)));
  });
  const warnings: ExportWarning[] = [];
  const seen = new Set<string>();
  const warn = (line: number, message: string): void => {
    const id = `${line}\u0000${message}`;
    if (seen.has(id)) return;
    seen.add(id);
    warnings.push({ file: options.file, line, message: printable(message) });
  };
  visit(before, 'element', (node) => {
    const key = keyOf(node);
    if (key === undefined) return undefined;
    const line = node.position?.start.line ?? 1;
    const properties = kept.get(key);
    if (!properties) {
      warn(line, removedElement(node));
      // Nothing of it is left to read (its content went with it, or it had no words): one line
      // for the whole of it, not one per `<path>` of an SVG.
      return STRIPPED_ELEMENTS.includes(node.tagName) || !hasWords(node) ? SKIP : undefined;
    }
    const others: string[] = [];
    for (const [property, value] of Object.entries(node.properties)) {
      if (value === undefined || value === null || value === false || properties.has(property)) continue;
      // Own keys only: a writer's attribute may be named `constructor`.
      const allowed = Object.hasOwn(options.protocols, property) ? options.protocols[property] : undefined;
      if (allowed && typeof value === 'string' && Object.hasOwn(URL_NOUNS, property))
        warn(line, droppedUrl(node, property, value, allowed));
      else others.push(attributeName(property));
    }
    if (others.length > 0) warn(line, `removed ${others.join(', ')} from <${node.tagName}> (not allowed in exported HTML)`);
    return undefined;
  });
  return warnings;
}

/** Elements that sit inside a paragraph (those of them the schema allows). */
const PHRASING = new Set('a b br code del em i img ins kbd q rp rt ruby s samp span strike strong sub sup time tt var'.split(' '));

/** Whether the node is phrasing content all the way down (a `<p>` may hold it). */
function allPhrasing(node: ElementContent): boolean {
  if (node.type !== 'element') return true;
  return PHRASING.has(node.tagName) && node.children.every(allPhrasing);
}

/**
 * Words left loose at the top of the body once the sanitizer unwrapped their element
 * (`<center>Contact us</center>`) become a paragraph again, so they read as one. An inline
 * element holding blocks stays outside any paragraph: an unclosed `<a id="top">` is copied by
 * the HTML parser around the blocks after it (`<a …><h2>…</h2></a>`), and `<p><a><h2>` cannot
 * be written as HTML: a browser closes the `<p>` at the `<h2>` and copies the `<a>`, id and
 * all, into what follows, so the page had one id three times (seed -450184760).
 */
export function wrapLooseText(root: Root): void {
  const out: Root['children'] = [];
  let run: ElementContent[] = [];
  const flush = (): void => {
    const words = run.some((node) => (node.type === 'text' ? node.value.trim() !== '' : node.type === 'element'));
    if (!words) {
      out.push(...run);
    } else {
      // The newlines around it stay outside the paragraph, as remark-rehype writes them.
      const first = run.findIndex((node) => node.type !== 'text' || node.value.trim() !== '');
      const last = run.length - 1 - [...run].reverse().findIndex((node) => node.type !== 'text' || node.value.trim() !== '');
      out.push(
        ...run.slice(0, first),
        { type: 'element', tagName: 'p', properties: {}, children: run.slice(first, last + 1) },
        ...run.slice(last + 1),
      );
    }
    run = [];
  };
  for (const node of root.children) {
    if (node.type === 'text' || (node.type === 'element' && allPhrasing(node))) run.push(node);
    else {
      flush();
      out.push(node);
    }
  }
  flush();
  root.children = out;
}

/**
 * In-page links to an id or name the writer gave in raw HTML (`[the annex](#annex)` with
 * `<a id="annex">`) point at it under its prefixed id, as GitHub's pages do with a script.
 */
export function pointAtWriterIds(root: Root | Element): void {
  const ids = new Set<string>();
  visit(root, 'element', (node) => {
    for (const property of ['id', 'name'] as const) {
      const value = node.properties[property];
      if (typeof value === 'string') ids.add(value);
    }
  });
  visit(root, 'element', (node) => {
    const href = node.properties['href'];
    if (typeof href !== 'string' || !href.startsWith('#')) return;
    let target = href.slice(1);
    try {
      target = decodeURIComponent(target);
    } catch {
      // A stray `%`: look the fragment up as written.
    }
    if (!ids.has(target) && ids.has(WRITER_ID_PREFIX + target)) node.properties['href'] = `#${WRITER_ID_PREFIX}${href.slice(1)}`;
  });
}
