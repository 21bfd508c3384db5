// One memo as a feed item, the same in every feed format (JSON Feed, RSS, Atom): its stable id,
// its page URL under the base URL, its content as HTML (every URL absolute when there is a base
// URL) and as plain text, and a description (the summary, else the lede).
import { exportHtml } from './html.js';
import { memoTitle } from './html.js';
import type { ExportWarning } from './html-screen.js';
import { exportText } from './text.js';
import { itemId, pageUrl, PLACEHOLDER_AUTHORITY, type FeedPlaces } from './feed-places.js';
import type { Memo } from '../memo/model.js';

export interface FeedItemOptions {
  places?: FeedPlaces;
  lang?: string;
  dateFormat?: 'long' | 'iso';
  width?: number;
  warnings?: ExportWarning[];
}

export interface FeedItem {
  id: string;
  title: string;
  /** The memo's page; only with a base URL. */
  url?: string;
  /** ISO date (`2019-12-31`), when the memo has one. */
  date?: string;
  authors: string[];
  tags: string[];
  summary?: string;
  /** The summary, else the lede as plain text (may be empty). */
  description: string;
  html: string;
  text: string;
}

/** Places when a caller gives none: paths relative to the working folder, the placeholder authority. */
export const DEFAULT_PLACES: FeedPlaces = { root: '.', cwd: '.', authority: PLACEHOLDER_AUTHORITY };

export function feedItem(memo: Memo, options: FeedItemOptions = {}): FeedItem {
  const places = options.places ?? DEFAULT_PLACES;
  const url = pageUrl(memo, places);
  const dateFormat = options.dateFormat ?? 'long';
  const html = exportHtml(memo, {
    fragment: true,
    dateFormat,
    ...(url !== undefined ? { baseUrl: url } : {}),
    ...(options.lang !== undefined ? { lang: options.lang } : {}),
    ...(options.warnings ? { warnings: options.warnings } : {}),
  });
  const text = exportText(memo, { ...(options.width !== undefined ? { width: options.width } : {}), dateFormat });
  const lede = memo.lede
    .map((paragraph) => paragraph.text.trim())
    .filter(Boolean)
    .join(' ');
  return {
    id: itemId(memo, places),
    title: memoTitle(memo),
    ...(url !== undefined ? { url } : {}),
    ...(memo.date !== undefined ? { date: memo.date } : {}),
    authors: [...memo.authors],
    tags: [...memo.tags],
    ...(memo.summary !== undefined ? { summary: memo.summary } : {}),
    description: memo.summary ?? lede,
    html,
    text,
  };
}
