// Many memos → one newsletter issue: HTML (issue title, date range, contents, every memo as its
// own `<article>` with ids made unique across memos), plain text (numbered contents, memos
// between `=` rules) and a JSON Feed 1.1. Each memo is rendered by the single-memo exporters,
// so sanitizing, heading ids and the date line are the same as in `memo export`.
import type { Element, ElementContent } from 'hast';
import { visit } from 'unist-util-visit';
import { formatLongDate } from '../memo/dates.js';
import type { Memo } from '../memo/model.js';
import {
  documentTree,
  element,
  emailCss,
  formatMemoDate,
  inlineCss,
  lines,
  memoArticle,
  memoTitle,
  preheaderText,
  stringify,
  textNode,
  uniqueIds,
} from './html.js';
import { byline } from './byline.js';
import type { ExportWarning } from './html-screen.js';
import { feedItem } from './feed-item.js';
import { pageUrl, type FeedPlaces } from './feed-places.js';
import { MEMO_CSS } from './style.css.js';
import { DEFAULT_TEXT_WIDTH, exportText } from './text.js';
import { wrap } from './wrap.js';
import { Slugger } from '../util/slugs.js';

export type BundleSort = 'date-desc' | 'date-asc' | 'input';

export interface BundleOptions {
  /** The issue's title; default "Memos". */
  title?: string;
  /** Order of the memos; default `date-desc` (newest first). Ties keep the input order. */
  sort?: BundleSort;
  /** Inline the stylesheet for email clients (HTML only). */
  email?: boolean;
  /** Stylesheet text that replaces the built-in one (HTML only). */
  css?: string;
  /** The document's language; default `en`. */
  lang?: string;
  /** Dates as "December 31, 2019" (`long`, default) or "2019-12-31" (`iso`). */
  dateFormat?: 'long' | 'iso';
  /** Plain-text wrap width (text bundle and feed `content_text`); default 72, 0 for none. */
  width?: number;
  /** HTML and feed: collects what the sanitizer removed from each memo (see html-screen.ts). */
  warnings?: ExportWarning[];
  /** Feeds and `--base-url`: the project root, the tag: authority and the base URL (export/feed-places.ts). */
  places?: FeedPlaces;
}

export const DEFAULT_BUNDLE_TITLE = 'Memos';
const CONTENTS_ID = 'contents';
const ISSUE_TOP_ID = 'top';

/** A memo with its place in the issue. */
export interface Entry {
  memo: Memo;
  /** The memo's `<article>` id, unique in the issue. */
  slug: string;
  title: string;
}

/** The memos in issue order: by date (undated last), ties and `input` keeping the given order. */
export function sortMemos(memos: readonly Memo[], sort: BundleSort = 'date-desc'): Memo[] {
  const list = [...memos];
  if (sort === 'input') return list;
  const direction = sort === 'date-asc' ? 1 : -1;
  return list.sort((a, b) => {
    if (a.date === b.date) return 0;
    if (a.date === undefined) return 1;
    if (b.date === undefined) return -1;
    return a.date < b.date ? -direction : direction;
  });
}

/** The memo's name for its slug: the file name without `.md`, else its title. */
function slugSource(memo: Memo): string {
  const base = memo.path.split(/[\\/]/).pop() ?? '';
  const name = base.replace(/\.(md|markdown)$/i, '');
  if (name !== '' && name !== '-' && !/^<.*>$/.test(name)) return name;
  return memoTitle(memo);
}

/** The memos in issue order, each with its slug (unique in the issue) and title. */
export function entries(memos: readonly Memo[], sort: BundleSort | undefined): Entry[] {
  const slugger = new Slugger();
  slugger.slug(ISSUE_TOP_ID);
  slugger.slug(CONTENTS_ID);
  return sortMemos(memos, sort).map((memo) => {
    let slug = slugger.slug(slugSource(memo));
    if (slug === '' || slug === '-') slug = slugger.slug('memo');
    return { memo, slug, title: memoTitle(memo) };
  });
}

const MONTH = new Intl.DateTimeFormat('en-US', { month: 'long', timeZone: 'UTC' });

function parts(isoDate: string): { year: string; month: string; day: number } {
  return { year: isoDate.slice(0, 4), month: MONTH.format(new Date(`${isoDate}T00:00:00Z`)), day: Number(isoDate.slice(8, 10)) };
}

/**
 * The range of the memos' dates: "December 31, 2019", "December 27–31, 2019",
 * "November 28 – December 3, 2019", "December 31, 2019 – January 3, 2020" (or ISO dates
 * joined by " – "). Undefined when no memo has a date.
 */
export function formatDateRange(memos: readonly Memo[], dateFormat: 'long' | 'iso' = 'long'): string | undefined {
  const dates = memos
    .map((memo) => memo.date)
    .filter((date): date is string => date !== undefined)
    .sort();
  const first = dates[0];
  const last = dates[dates.length - 1];
  if (first === undefined || last === undefined) return undefined;
  if (first === last) return formatMemoDate(first, dateFormat);
  if (dateFormat === 'iso') return `${first} – ${last}`;
  const a = parts(first);
  const b = parts(last);
  if (a.year !== b.year) return `${formatLongDate(first)} – ${formatLongDate(last)}`;
  if (a.month !== b.month) return `${a.month} ${a.day} – ${b.month} ${b.day}, ${b.year}`;
  return `${a.month} ${a.day}–${b.day}, ${b.year}`;
}

/** The fragment of an in-page href, decoded (`#caf%C3%A9` → `café`). */
function fragmentOf(href: string): string {
  const raw = href.slice(1);
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * Give every id in a memo's article the memo's prefix (`key-takeaways` →
 * `<slug>--key-takeaways`) and rewrite its in-page links to match; the memo's top (`#top`)
 * becomes the article itself.
 */
function prefixIds(article: Element, slug: string): void {
  const prefixed = (id: string): string => (id === 'top' || id === '' ? slug : `${slug}--${id}`);
  visit(article, 'element', (node) => {
    const properties = node.properties;
    const id = properties['id'];
    if (typeof id === 'string') {
      if (id === 'top') delete properties['id'];
      else properties['id'] = prefixed(id);
    }
    const href = properties['href'];
    if (typeof href === 'string' && href.startsWith('#')) properties['href'] = `#${prefixed(fragmentOf(href))}`;
    for (const key of ['ariaDescribedBy', 'ariaLabelledBy', 'htmlFor'] as const) {
      const value: unknown = properties[key];
      if (Array.isArray(value)) properties[key] = value.map((part) => prefixed(String(part)));
      else if (typeof value === 'string') properties[key] = value.split(/\s+/).filter(Boolean).map(prefixed);
    }
  });
  article.properties['id'] = slug;
}

function bundleArticle(entry: Entry, options: BundleOptions): Element {
  const by = byline(entry.memo);
  const page = options.places ? pageUrl(entry.memo, options.places) : undefined;
  const article = memoArticle(entry.memo, {
    ...(by ? { byline: by } : {}),
    ...(page !== undefined ? { baseUrl: page } : {}),
    dateFormat: options.dateFormat ?? 'long',
    headingShift: 1,
    ...(options.warnings ? { warnings: options.warnings } : {}),
  });
  prefixIds(article, entry.slug);
  // With a base URL every link is absolute, its links lead to the memo's page, and an in-page
  // "Back to contents" (which has no page to lead to) is left out.
  if (page !== undefined) return article;
  const back = element('p', { className: ['back-to-contents'] }, [
    element('a', { href: `#${CONTENTS_ID}` }, [textNode('Back to contents')]),
  ]);
  article.children.push(back, textNode('\n'));
  return article;
}

/** One newsletter issue as an HTML document. */
export function bundleHtml(memos: readonly Memo[], options: BundleOptions = {}): string {
  const title = options.title ?? DEFAULT_BUNDLE_TITLE;
  const dateFormat = options.dateFormat ?? 'long';
  const list = entries(memos, options.sort);

  const headerChildren: ElementContent[] = [element('h1', {}, [textNode(title)])];
  const range = formatDateRange(memos, dateFormat);
  if (range !== undefined) headerChildren.push(element('p', { className: ['issue-dates'] }, [textNode(range)]));
  const header = element('header', { className: ['issue'], id: ISSUE_TOP_ID }, lines(headerChildren));

  const items = list.map((entry) => {
    const page = options.places ? pageUrl(entry.memo, options.places) : undefined;
    const children: ElementContent[] = [element('a', { href: page ?? `#${entry.slug}` }, [textNode(entry.title)])];
    if (entry.memo.date !== undefined) {
      children.push(
        textNode(' '),
        element('span', { className: ['memo-date'] }, [
          textNode('('),
          element('time', { dateTime: entry.memo.date }, [textNode(formatMemoDate(entry.memo.date, dateFormat))]),
          textNode(')'),
        ]),
      );
    }
    return element('li', {}, children);
  });
  const nav = element(
    'nav',
    { className: ['contents'], id: CONTENTS_ID, ariaLabel: 'Contents' },
    lines([element('h2', {}, [textNode('Contents')]), element('ol', {}, lines(items))]),
  );

  const body: ElementContent[] = [header, nav, ...list.map((entry) => bundleArticle(entry, options))];
  const css = emailCss(options.css ?? MEMO_CSS, options.email);
  const preheader = list.map((entry) => entry.memo.summary ?? entry.title).join(' · ');
  const tree = documentTree({
    lang: options.lang ?? 'en',
    title,
    css,
    body,
    ...(options.email ? { email: { preheader: preheaderText(preheader) } } : {}),
  });
  const html = tree.children.find((node): node is Element => node.type === 'element');
  if (html) uniqueIds(html);
  const out = stringify(tree);
  return options.email ? inlineCss(out, css, false) : out;
}

/**
 * One newsletter issue as plain text: title, date range, numbered contents, then each memo. It
 * wraps at `width` as the memos do (72 by default, 0 for none): a long title or contents entry
 * continues under its text (`  1. ` hangs), and the rule between memos is as wide as a line.
 */
export function bundleText(memos: readonly Memo[], options: BundleOptions = {}): string {
  const title = options.title ?? DEFAULT_BUNDLE_TITLE;
  const dateFormat = options.dateFormat ?? 'long';
  const width = options.width ?? DEFAULT_TEXT_WIDTH;
  const list = entries(memos, options.sort);
  const out: string[] = [...wrap(title, width)];
  const range = formatDateRange(memos, dateFormat);
  if (range !== undefined) out.push(...wrap(range, width));
  out.push('', 'Contents', '');
  const numberWidth = String(list.length).length;
  list.forEach((entry, index) => {
    const date = entry.memo.date !== undefined ? ` (${formatMemoDate(entry.memo.date, dateFormat)})` : '';
    const marker = `${String(index + 1).padStart(numberWidth)}. `;
    const hang = ' '.repeat(marker.length);
    const wrapped = wrap(`${entry.title}${date}`, width === 0 ? 0 : Math.max(1, width - marker.length));
    wrapped.forEach((line, at) => out.push(`${at === 0 ? marker : hang}${line}`));
  });
  const rule = '='.repeat(width === 0 ? DEFAULT_TEXT_WIDTH : width);
  for (const entry of list) {
    const lines = exportText(entry.memo, { ...(options.width !== undefined ? { width: options.width } : {}), dateFormat })
      .replace(/\n+$/, '')
      .split('\n');
    // The byline under the date line (the first line, when the memo has a date).
    const by = byline(entry.memo);
    if (by) lines.splice(entry.memo.date !== undefined ? 1 : 0, 0, ...wrap(by, width));
    out.push('', rule, '', ...lines);
  }
  return `${out.join('\n')}\n`;
}

export interface JsonFeedItem {
  id: string;
  /** The memo's page under the base URL. */
  url?: string;
  title: string;
  content_html: string;
  content_text: string;
  summary?: string;
  date_published?: string;
  tags?: string[];
  authors?: { name: string }[];
}

export interface JsonFeed {
  version: 'https://jsonfeed.org/version/1.1';
  title: string;
  home_page_url?: string;
  language?: string;
  items: JsonFeedItem[];
}

/** The issue as a JSON Feed 1.1 object: items with the stable ids and links of export/feed-item.ts. */
export function bundleFeedObject(memos: readonly Memo[], options: BundleOptions = {}): JsonFeed {
  const items = sortMemos(memos, options.sort).map((memo): JsonFeedItem => {
    const entry = feedItem(memo, {
      dateFormat: options.dateFormat ?? 'long',
      ...(options.places ? { places: options.places } : {}),
      ...(options.lang !== undefined ? { lang: options.lang } : {}),
      ...(options.width !== undefined ? { width: options.width } : {}),
      ...(options.warnings ? { warnings: options.warnings } : {}),
    });
    const item: JsonFeedItem = {
      id: entry.id,
      ...(entry.url !== undefined ? { url: entry.url } : {}),
      title: entry.title,
      content_html: entry.html,
      content_text: entry.text,
    };
    if (entry.summary !== undefined) item.summary = entry.summary;
    if (entry.date !== undefined) item.date_published = `${entry.date}T00:00:00Z`;
    if (entry.tags.length > 0) item.tags = entry.tags;
    if (entry.authors.length > 0) item.authors = entry.authors.map((name) => ({ name }));
    return item;
  });
  const home = options.places?.baseUrl;
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: options.title ?? DEFAULT_BUNDLE_TITLE,
    ...(home !== undefined ? { home_page_url: home } : {}),
    ...(options.lang !== undefined ? { language: options.lang } : {}),
    items,
  };
}

/** The issue as a JSON Feed 1.1 document: pretty JSON, ending with a newline. */
export function bundleFeed(memos: readonly Memo[], options: BundleOptions = {}): string {
  return `${JSON.stringify(bundleFeedObject(memos, options), null, 2)}\n`;
}
