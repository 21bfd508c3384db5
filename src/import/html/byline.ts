// Bylines and dates as themes write them — `Posted on <a rel="bookmark"><time datetime>…</time>
// <time class="updated">…</time></a> by <a rel="author">…</a>`, `By Jane Doe · March 3, 2021 ·
// 4 min read`, Ghost's author name and `<time>` — and the page's own metadata (`<meta
// name="author">`, `article:published_time`, a `<time datetime>` anywhere outside the article).
// A byline's words go to the front matter (`date`, `author`), and the import reports it.
import type { Element, Root } from 'hast';
import { cleanText, dateOnly } from '../blocks.js';
import { isLeftOut, keptElements } from './furniture.js';
import { classTokens, descendants, lineOf, plainText } from './tree.js';

const MAX_WORDS = 30;
/** Words a byline is made of besides its date and names. */
const LABEL_WORDS =
  /\b(?:posted|published|updated|last|modified|written|submitted|by|on|and|in|at|author|authors|date|min|mins|minutes?|read|reading|time)\b|\d+\s*(?:min|minute)s?\s*read\b|[|·•—–\-/,:]/gi;
/** The label words around a date written as text ("Posted on", "· 4 min read"), the date's own commas kept. */
const DATE_LABELS =
  /\d+\s*(?:min|minute)s?\s*read\b|\b(?:posted|published|updated|last|modified|written|submitted|by|on|and|in|at)\b|[|·•—–]/gi;
const AUTHOR_CLASS =
  /^(?:wp-block-post-author-name|author|authors|author-name|byline-author|post-author|entry-author|fn|p-author|article-author)$/;
const MARKER_CLASS = /byline|posted-on|entry-meta|post-meta|article-meta|entry-date|dateline|published|byline-meta/;
const BY_NAME = /\b[Bb]y\s+(\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|&|de|da|van|von|der|la|le|bin|al-\p{L}+))*)/u;

const isoOf = (value: unknown) => (typeof value === 'string' ? dateOnly(value.slice(0, 10))?.iso : undefined);

/** The publication date of a `<time>`: its `datetime`, or its text. */
function timeDate(time: Element): string | undefined {
  return isoOf(time.properties['dateTime']) ?? dateOnly(cleanText(plainText(time)))?.iso;
}

/** Is a `<time>` the "updated" one (`class="updated"` beside a published one)? */
const isUpdated = (time: Element) => classTokens(time).some((name) => /updated|modified/.test(name));

export interface ReadByline {
  date?: string;
  author?: string;
  /** The byline as written, for the report. */
  text: string;
}

/**
 * Read `node` as a byline: short, made only of dates, author names and label words ("Posted on",
 * "by", "·", "4 min read"). `front`: no prose has come yet, so a plain "By Jane Doe" line counts;
 * further down only a marked-up one does (a `<time>`, `rel="author"`, a byline class).
 */
export function readByline(node: Element, front: boolean, knownAuthors: readonly string[] = []): ReadByline | undefined {
  const text = cleanText(plainText(node, (element) => isLeftOut(element, true)));
  if (text === '' || text.split(' ').length > MAX_WORDS) return undefined;
  const inside = [...descendants(node)];
  const times = inside.filter((element) => element.tagName === 'time');
  const authors = inside.filter(
    (element) =>
      (element.tagName === 'a' &&
        String(element.properties['rel'] ?? '')
          .split(/[\s,]+/)
          .includes('author')) ||
      classTokens(element).some((name) => AUTHOR_CLASS.test(name)),
  );
  const marked =
    times.length > 0 ||
    authors.length > 0 ||
    [node, ...inside].some((element) => classTokens(element).some((name) => MARKER_CLASS.test(name)));
  if (!marked && !front) return undefined;
  let rest = text;
  let date: string | undefined;
  for (const time of [...times.filter((t) => !isUpdated(t)), ...times.filter(isUpdated)]) {
    date ??= timeDate(time);
    rest = rest.replace(cleanText(plainText(time)), ' ');
  }
  const names: string[] = [];
  for (const name of [...authors.map((author) => cleanText(plainText(author))), ...knownAuthors]) {
    if (name === '' || names.includes(name) || !rest.includes(name)) continue;
    names.push(name);
    rest = rest.replace(name, ' ');
  }
  if (names.length === 0) {
    const by = BY_NAME.exec(rest);
    if (by?.[1]) {
      names.push(by[1].replace(/\s+(?:and|&)$/, ''));
      rest = rest.replace(by[1], ' ');
    }
  }
  const left = cleanText(rest.replace(LABEL_WORDS, ' '));
  if (left !== '') {
    const parsed = date === undefined ? dateOnly(cleanText(rest.replace(DATE_LABELS, ' '))) : undefined;
    if (!parsed) return undefined;
    date = parsed.iso;
  }
  if (date === undefined && names.length === 0) return undefined;
  // "By" alone, or a date alone, is the date line blocks.ts reads itself; a byline has a label or name.
  if (names.length === 0 && dateOnly(text)) return undefined;
  return { ...(date ? { date } : {}), ...(names.length > 0 ? { author: names.join(', ') } : {}), text };
}

export interface PageMeta {
  date?: { iso: string; line: number };
  author?: { name: string; line: number };
}

/** The page's own metadata: `<meta>` in the head, a published `<time datetime>` or `rel="author"` anywhere. */
export function pageMeta(root: Root): PageMeta {
  const meta: PageMeta = {};
  // <meta> sits in the head (furniture to the walk); times and author links count outside furniture only.
  const kept = new Set(keptElements(root));
  for (const element of descendants(root)) {
    const line = lineOf(element);
    if (element.tagName !== 'meta' && !kept.has(element)) continue;
    if (element.tagName === 'meta') {
      const key = String(
        element.properties['name'] ?? element.properties['property'] ?? element.properties['itemProp'] ?? '',
      ).toLowerCase();
      const content = element.properties['content'];
      if (typeof content !== 'string' || cleanText(content) === '') continue;
      if (!meta.author && (key === 'author' || key === 'article:author' || key === 'dc.creator') && !/^https?:/.test(content))
        meta.author = { name: cleanText(content), line };
      const iso = /^(?:article:published_time|datepublished|date|dc.date|pubdate|publish-date|sailthru.date)$/.test(key)
        ? isoOf(content)
        : undefined;
      if (!meta.date && iso) meta.date = { iso, line };
    } else if (element.tagName === 'time' && !isUpdated(element) && !meta.date) {
      const iso = isoOf(element.properties['dateTime']);
      if (iso) meta.date = { iso, line };
    } else if (
      element.tagName === 'a' &&
      !meta.author &&
      String(element.properties['rel'] ?? '')
        .split(/[\s,]+/)
        .includes('author')
    ) {
      const name = cleanText(plainText(element));
      if (name !== '') meta.author = { name, line };
    }
  }
  return meta;
}
