// One newsletter issue from parsed memos, in any bundle format: the step `memo bundle` and the
// library's bundleMemos() share. It picks the renderer, works out where the memos live on the
// web (feed ids, absolute links) and returns the issue with its warnings as data; printing them
// and writing the file are the caller's.
import type { Config } from '../config/config.js';
import { MemoError } from '../io/errors.js';
import type { Memo } from '../memo/model.js';
import { parseBaseUrl } from '../util/base-url.js';
import type { BinaryFormatOptions } from './binary-options.js';
import type { BundleOptions } from './bundle.js';
import type { FeedPlaces } from './feed-places.js';
import { loadCss } from './one.js';

export type BundleFormat = 'html' | 'text' | 'json' | 'rss' | 'atom' | 'docx' | 'pdf';

export interface RenderBundleOptions extends BinaryFormatOptions, Pick<BundleOptions, 'title' | 'sort' | 'email' | 'css' | 'width'> {
  to: BundleFormat;
  /** An absolute http(s) URL ending in `/` (util/base-url.ts); default `feed.baseUrl` for feeds and email. */
  baseUrl?: string;
  /** The project root memo paths are made relative to for ids and page URLs (export's layout root). */
  root: string;
  /** The folder `memo.path` is relative to. */
  cwd: string;
}

/** Something the reader should know; the issue is still made. `file`/`line` when it is about one memo. */
export interface BundleWarning {
  file?: string;
  line?: number;
  message: string;
}

export interface RenderedBundle {
  output: string | Uint8Array;
  warnings: BundleWarning[];
}

const FEEDS = new Set<BundleFormat>(['json', 'rss', 'atom']);

/**
 * Where the memos live (feed-places.ts): the base URL is the option, else `feed.baseUrl`
 * for what leaves the site (feeds, email); the tag authority `feed.authority`, else the base
 * URL's host, else a placeholder, warned about in feeds. Two memos with one id are warned about.
 */
async function feedPlaces(
  memos: readonly Memo[],
  options: RenderBundleOptions,
  config: Config,
  warnings: BundleWarning[],
): Promise<FeedPlaces> {
  const { feedAuthority, itemId, rootPath } = await import('./feed-places.js');
  let base = options.baseUrl;
  const leavesSite = FEEDS.has(options.to) || (options.to === 'html' && options.email === true);
  if (base === undefined && leavesSite && config.feed.baseUrl !== undefined) {
    const parsed = parseBaseUrl(config.feed.baseUrl);
    if ('problem' in parsed)
      throw new MemoError(`feed.baseUrl: ${parsed.problem}`, { file: config.files[0] ?? '.memorc.yaml', code: 'ECONFIG' });
    base = parsed.url;
  }
  const { authority, placeholder } = feedAuthority(config.feed.authority, base);
  const places: FeedPlaces = { root: options.root, cwd: options.cwd, authority, ...(base !== undefined ? { baseUrl: base } : {}) };
  if (!FEEDS.has(options.to)) return places;
  if (placeholder) {
    warnings.push({
      message: `feed ids use the placeholder authority ${authority}: set feed.authority in .memorc.yaml to a domain or email address you own, or give --base-url`,
    });
  }
  const byId = new Map<string, string>();
  for (const memo of memos) {
    if (memo.id === undefined && rootPath(memo, places).startsWith('../')) {
      warnings.push({
        file: memo.path,
        message: `is not under the project root (${places.root}) that feed ids are made from; give it an \`id:\` or bundle from its project`,
      });
    }
    const id = itemId(memo, places);
    const other = byId.get(id);
    if (other !== undefined)
      warnings.push({
        file: memo.path,
        message: `has the feed id of ${other} (${id}); readers will show only one of them: give one an \`id:\``,
      });
    else byId.set(id, memo.path);
  }
  return places;
}

/** A front-matter date that is no date (2019-02-30) would quietly sort the memo last, as undated. */
function undatedWarnings(memos: readonly Memo[]): BundleWarning[] {
  const warnings: BundleWarning[] = [];
  for (const memo of memos) {
    const written = memo.frontMatter?.data['date'];
    if (memo.date === undefined && written !== undefined && written !== null && written !== '') {
      const line = memo.frontMatter?.keySpans['date']?.start.line;
      warnings.push({
        file: memo.path,
        ...(line ? { line } : {}),
        message: `front matter date ${JSON.stringify(written)} is not a real date; bundled as undated (last)`,
      });
    }
  }
  return warnings;
}

export async function renderBundle(memos: readonly Memo[], options: RenderBundleOptions, config: Config): Promise<RenderedBundle> {
  if (memos.length === 0) throw new MemoError('no memos to bundle', { code: 'EINPUT' });
  const warnings = undatedWarnings(memos);
  const settings = config.export;
  const css = options.css ?? (settings.css ? await loadCss(settings.css) : undefined);
  const width = options.width ?? settings.width;
  const sanitized: import('./html-screen.js').ExportWarning[] = [];
  const bundleOptions = {
    warnings: sanitized,
    ...(options.title !== undefined ? { title: options.title } : {}),
    ...(options.sort ? { sort: options.sort } : {}),
    ...(options.email ? { email: true } : {}),
    ...(css !== undefined ? { css } : {}),
    ...(settings.lang ? { lang: settings.lang } : {}),
    ...(settings.dateFormat ? { dateFormat: settings.dateFormat } : {}),
    ...(width !== undefined ? { width } : {}),
    places: await feedPlaces(memos, options, config, warnings),
  };
  let output: string | Uint8Array;
  if (options.to === 'docx' || options.to === 'pdf') {
    const binary = {
      ...(options.referenceDocx ? { referenceDocx: options.referenceDocx } : {}),
      ...(options.chromium ? { chromium: options.chromium } : {}),
      ...(options.page ? { page: options.page } : {}),
    };
    output = await (await import('./bundle-print.js')).bundleBinary(memos, options.to, { ...bundleOptions, ...binary });
  } else if (options.to === 'rss' || options.to === 'atom') {
    output = (await import('./feeds.js'))[options.to === 'rss' ? 'bundleRss' : 'bundleAtom'](memos, bundleOptions);
  } else {
    const bundle = await import('./bundle.js');
    output =
      options.to === 'html'
        ? bundle.bundleHtml(memos, bundleOptions)
        : options.to === 'text'
          ? bundle.bundleText(memos, bundleOptions)
          : bundle.bundleFeed(memos, bundleOptions);
  }
  // What the HTML sanitizer removed from the memos, after the rest (as the renderers found them).
  warnings.push(...sanitized);
  return { output, warnings };
}
