// Where a memo lives on the web and what it is called in a feed: its page URL under --base-url
// (the layout `memo export --to html --out-dir` writes, see layout.ts), and an id that is the
// same in every run, order and bundle. The id is the memo's front-matter `id` when it has one,
// else a tag: URI (RFC 4151, `tag:authority,date:specific`) made from the feed authority, the
// memo's date and its path relative to the project root: nothing that depends on which memos
// are bundled together or in what order.
import { relative, resolve, sep } from 'node:path';
import type { Element } from 'hast';
import { visit } from 'unist-util-visit';
import type { Memo } from '../memo/model.js';
import { AUTHORITY_PATTERN } from '../util/tag-authority.js';

/** Used when neither `feed.authority` nor a base URL names an authority (RFC 2606 reserves `.invalid`). */
export const PLACEHOLDER_AUTHORITY = 'memokit.invalid';
/** The tag date of a memo without a date (the front-matter rule reports it): fixed, so its id is stable. */
export const UNDATED_TAG_DATE = '1970-01-01';

export interface FeedPlaces {
  /** Project root: ids and page URLs come from memo paths relative to it (export's layout root). */
  root: string;
  /** The folder `memo.path` is relative to. */
  cwd: string;
  /** The tag: URI authority: a domain name or an email address. */
  authority: string;
  /** Absolute http(s) URL of the published out-dir, ending with `/`. */
  baseUrl?: string;
}

/** A scheme followed by a colon: an absolute URI such as `tag:…`, `urn:…` or `https://…`. */
const ABSOLUTE_URI = /^[a-z][a-z0-9+.-]*:/i;

/** The memo's path relative to the root, with `/` between folders (`memos/sub/bg.md`). */
export function rootPath(memo: Memo, places: Pick<FeedPlaces, 'root' | 'cwd'>): string {
  return relative(places.root, resolve(places.cwd, memo.path)).split(sep).join('/');
}

/** Each path segment percent-encoded, so it is a valid URI path (and tag specific). */
function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/** The page of the memo file `file` (a full path) under the base URL: its path relative to the root with `.html`, as `memo export --out-dir` lays it out. */
export function pageUrlOf(file: string, root: string, baseUrl: string): string {
  const path =
    relative(root, file)
      .split(sep)
      .join('/')
      .replace(/\.(md|markdown)$/i, '') + '.html';
  return new URL(encodePath(path), baseUrl).href;
}

/** The memo's page under the base URL, when there is one. */
export function pageUrl(memo: Memo, places: FeedPlaces): string | undefined {
  return places.baseUrl === undefined ? undefined : pageUrlOf(resolve(places.cwd, memo.path), places.root, places.baseUrl);
}

/**
 * The memo's feed id: front-matter `id` as written when it is an absolute URI, else a tag: URI
 * with the front-matter `id`, or the memo's path relative to the root without its extension,
 * as the specific part: `tag:example.org,2019-12-31:memos/sub/bg`.
 */
export function itemId(memo: Memo, places: FeedPlaces): string {
  const own = memo.id?.trim();
  if (own && ABSOLUTE_URI.test(own)) return own;
  const specific = own ? encodeURIComponent(own) : encodePath(rootPath(memo, places).replace(/\.(md|markdown)$/i, ''));
  return `tag:${places.authority},${memo.date ?? UNDATED_TAG_DATE}:${specific}`;
}

/**
 * The authority for tag: ids: `feed.authority` when set, else the base URL's host (without its
 * port), else the placeholder (and `placeholder` says so, for a warning).
 */
export function feedAuthority(configured: string | undefined, baseUrl: string | undefined): { authority: string; placeholder: boolean } {
  if (configured) return { authority: configured.toLowerCase(), placeholder: false };
  if (baseUrl !== undefined) {
    const host = new URL(baseUrl).hostname.toLowerCase();
    if (new RegExp(AUTHORITY_PATTERN).test(host)) return { authority: host, placeholder: false };
  }
  return { authority: PLACEHOLDER_AUTHORITY, placeholder: true };
}

/**
 * Every `href` and `src` in `tree` made absolute against `base` (the page the HTML belongs to):
 * relative links and images, and in-page links (`#key-takeaways` → `…/memo.html#key-takeaways`).
 */
export function absoluteUrls(tree: Element, base: string): void {
  visit(tree, 'element', (node) => {
    for (const key of ['href', 'src'] as const) {
      const value = node.properties[key];
      if (typeof value !== 'string') continue;
      try {
        node.properties[key] = new URL(value, base).href;
      } catch {
        // Not a URL at all: left as it is (the sanitizer already dropped any dangerous one).
      }
    }
  });
}
