// A newsletter issue as an RSS 2.0 or Atom 1.0 feed. Items are export/feed-item.ts's (the same
// ids, links, content and authors as the JSON Feed), in the bundle's order; the XML is built as
// a xast tree and written by xast-util-to-xml, which escapes every text and attribute value.
// Characters XML 1.0 cannot carry at all (control characters, lone surrogates) are dropped first.
// Output is deterministic: dates come from the memos, never from the clock.
import type { Element, ElementContent, Root } from 'xast';
import { toXml } from 'xast-util-to-xml';
import { x } from 'xastscript';
import { DEFAULT_BUNDLE_TITLE, formatDateRange, sortMemos, type BundleOptions } from './bundle.js';
import { DEFAULT_PLACES, feedItem, type FeedItem } from './feed-item.js';
import { UNDATED_TAG_DATE } from './feed-places.js';
import type { Memo } from '../memo/model.js';

const CONTENT_NS = 'http://purl.org/rss/1.0/modules/content/';
const DC_NS = 'http://purl.org/dc/elements/1.1/';
const ATOM_NS = 'http://www.w3.org/2005/Atom';

// Outside XML 1.0's Char production: C0 controls but tab, LF and CR; U+FFFE, U+FFFF; lone surrogates.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text XML can carry: what it cannot is dropped (escaping is the serializer's). */
function xmlText(value: string): string {
  return value.replace(NOT_XML, '');
}

/** An element whose children are its text, or nothing when there is none. */
function leaf(name: string, text: string | undefined, attributes: Record<string, string> = {}): Element[] {
  return text === undefined ? [] : [x(name, attributes, xmlText(text))];
}

/** Indent element-only children by two spaces a level, so the feed reads well; text content is untouched. */
function indent(node: Element, depth = 0): Element {
  const elements = node.children.filter((child): child is Element => child.type === 'element');
  if (elements.length === 0 || elements.length !== node.children.length) return node;
  const pad = `\n${'  '.repeat(depth + 1)}`;
  const children: ElementContent[] = [];
  for (const child of elements) children.push({ type: 'text', value: pad }, indent(child, depth + 1));
  children.push({ type: 'text', value: `\n${'  '.repeat(depth)}` });
  node.children = children;
  return node;
}

function document(top: Element): string {
  const root: Root = {
    type: 'root',
    children: [{ type: 'instruction', name: 'xml', value: 'version="1.0" encoding="utf-8"' }, { type: 'text', value: '\n' }, indent(top)],
  };
  return `${toXml(root)}\n`;
}

/** The memos as feed items, in issue order. */
function items(memos: readonly Memo[], options: BundleOptions): FeedItem[] {
  return sortMemos(memos, options.sort).map((memo) =>
    feedItem(memo, {
      ...(options.places ? { places: options.places } : {}),
      ...(options.lang !== undefined ? { lang: options.lang } : {}),
      ...(options.dateFormat ? { dateFormat: options.dateFormat } : {}),
      ...(options.width !== undefined ? { width: options.width } : {}),
      ...(options.warnings ? { warnings: options.warnings } : {}),
    }),
  );
}

/** The newest memo date, for the feed's own date (none: the undated tag date). */
function newest(memos: readonly Memo[]): string {
  return (
    memos
      .map((memo) => memo.date)
      .filter((date): date is string => date !== undefined)
      .sort()
      .pop() ?? UNDATED_TAG_DATE
  );
}

/** RFC 822 (as RFC 1123 writes it, four-digit year) for RSS: `Tue, 31 Dec 2019 00:00:00 GMT`. */
function rfc822(date: string): string {
  return new Date(`${date}T00:00:00Z`).toUTCString();
}

/** RFC 3339 for Atom: `2019-12-31T00:00:00Z`. */
function rfc3339(date: string): string {
  return `${date}T00:00:00Z`;
}

/** The feed's own id: stable for a title and authority, whichever memos it holds this time. */
function feedId(title: string, options: BundleOptions): string {
  const places = options.places ?? DEFAULT_PLACES;
  return `tag:${places.authority},${UNDATED_TAG_DATE}:feed/${encodeURIComponent(title)}`;
}

function channelDescription(title: string, memos: readonly Memo[], options: BundleOptions): string {
  const range = formatDateRange(memos, options.dateFormat ?? 'long');
  return range === undefined ? title : `${title}, ${range}`;
}

/**
 * RSS 2.0: an item per memo with `title`, `link` (with a base URL), `guid isPermaLink="false"`
 * (the stable id), `pubDate`, `description` (summary or lede, plain text), `content:encoded`
 * (the memo's HTML), a `dc:creator` per author and a `category` per tag.
 */
export function bundleRss(memos: readonly Memo[], options: BundleOptions = {}): string {
  const title = options.title ?? DEFAULT_BUNDLE_TITLE;
  const baseUrl = options.places?.baseUrl;
  const entries = items(memos, options).map((item) =>
    x('item', [
      ...leaf('title', item.title),
      ...leaf('link', item.url),
      ...leaf('guid', item.id, { isPermaLink: 'false' }),
      ...leaf('pubDate', item.date === undefined ? undefined : rfc822(item.date)),
      ...leaf('description', item.description === '' ? undefined : item.description),
      ...leaf('content:encoded', item.html),
      ...item.authors.flatMap((name) => leaf('dc:creator', name)),
      ...item.tags.flatMap((tag) => leaf('category', tag)),
    ]),
  );
  const channel = x('channel', [
    ...leaf('title', title),
    ...leaf('link', baseUrl),
    ...leaf('description', channelDescription(title, memos, options)),
    ...leaf('language', options.lang),
    ...leaf('lastBuildDate', rfc822(newest(memos))),
    ...entries,
  ]);
  return document(x('rss', { version: '2.0', 'xmlns:content': CONTENT_NS, 'xmlns:dc': DC_NS }, channel));
}

/**
 * Atom 1.0: an entry per memo with `title`, `id` (the stable id), `link rel="alternate"` (with a
 * base URL), `published` and `updated` (the memo's date), an `author` with a `name` per author,
 * a `category` per tag, `summary` (summary or lede) and `content type="html"`. Atom wants an
 * author for every entry: when a memo has none, the feed names the issue title as its author.
 */
export function bundleAtom(memos: readonly Memo[], options: BundleOptions = {}): string {
  const title = options.title ?? DEFAULT_BUNDLE_TITLE;
  const baseUrl = options.places?.baseUrl;
  const updated = rfc3339(newest(memos));
  const list = items(memos, options);
  const entries = list.map((item) =>
    x('entry', [
      ...leaf('title', item.title),
      ...leaf('id', item.id),
      ...(item.url !== undefined ? [x('link', { rel: 'alternate', type: 'text/html', href: xmlText(item.url) })] : []),
      ...leaf('published', item.date === undefined ? undefined : rfc3339(item.date)),
      ...leaf('updated', item.date === undefined ? updated : rfc3339(item.date)),
      ...item.authors.map((name) => x('author', leaf('name', name))),
      ...item.tags.map((tag) => x('category', { term: xmlText(tag) })),
      ...leaf('summary', item.description === '' ? undefined : item.description),
      ...leaf('content', item.html, { type: 'html' }),
    ]),
  );
  const needsAuthor = list.some((item) => item.authors.length === 0);
  const feed = x('feed', { xmlns: ATOM_NS, ...(options.lang !== undefined ? { 'xml:lang': xmlText(options.lang) } : {}) }, [
    ...leaf('title', title),
    ...leaf('subtitle', channelDescription(title, memos, options)),
    ...leaf('id', feedId(title, options)),
    ...leaf('updated', updated),
    ...(baseUrl !== undefined ? [x('link', { rel: 'alternate', type: 'text/html', href: baseUrl })] : []),
    ...(needsAuthor ? [x('author', leaf('name', title))] : []),
    ...entries,
  ]);
  return document(feed);
}
