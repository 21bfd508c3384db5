// What a line of a published memo is, judged by its text alone: a header field, a date line
// (with its company: a byline, a time, a label), page furniture from the named list, a kicker,
// a heading, a dated timeline paragraph. Both importers' blocks are judged here; blocks.ts
// decides with these what goes where.
// The English locale alone, as memo/dates.ts does: the full package loads every locale.
import type { ParsedComponents } from 'chrono-node';
import * as chrono from 'chrono-node/en';
import { isBackToTopText } from '../memo/back-to-top.js';
import { MONTH } from '../memo/dates.js';
import { readLeadingDate, type LeadingDate } from '../memo/event-date.js';
import { nearMiss } from '../memo/headings.js';
import type { Block } from './model.js';

/** Collapse whitespace (no-break spaces included) and drop zero-width characters. */
export function cleanText(text: string): string {
  return text
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/[\s\u00A0\u2007\u202F]+/g, ' ')
    .trim();
}

// Plain text into Markdown: one escaping for the importer and `memo new` (util/markdown-escape.ts).
export { escapeBlockStart, escapeInline } from '../util/markdown-escape.js';

const MONTH_WORD = new RegExp(`\\b${MONTH}\\b`, 'i');

/**
 * The date that opens a dated line — `Dec. 27:`, `December 27, 2019 —`, `27 December: `, `Q1 2021 —`,
 * any form memo/event-date.ts reads — when a separator follows it. The prefix is what the date
 * and its separator take of the text.
 */
export function eventLine(text: string, memoDate?: string): { leading: LeadingDate; prefix: string } | undefined {
  const bold = /^(\*\*|__)(.+?)\1/.exec(text);
  const plain = bold ? `${bold[2]}${text.slice(bold[0].length)}` : text;
  const leading = readLeadingDate(plain, { reference: memoDate, ...(bold ? { lead: bold[2] } : {}) });
  if (!leading) return undefined;
  const prefix = plain.slice(0, plain.length - leading.rest.length);
  return /(?:—|–|-{1,2}|:)\s*$/.test(prefix) ? { leading, prefix } : undefined;
}

const FIELD = /^(to|from|re|subject|subj|date|cc|bcc|attn|attention)\s*:\s*(.*)$/i;

/** `TO: …`, `FROM: …`, `RE: …`, `DATE: …` header fields. */
export function headerField(text: string): { name: string; value: string } | undefined {
  const match = FIELD.exec(text);
  if (!match || !/^[A-Z]/.test(text)) return undefined;
  return { name: (match[1] ?? '').toUpperCase(), value: (match[2] ?? '').trim() };
}

/** A lone "MEMORANDUM" line above a header block: the document's kind, not its text. */
export function isMemoBanner(text: string): boolean {
  return /^(?:memo|memorandum)[:.]?$/i.test(text.trim());
}

// The named list of page furniture (docs/import.md): the only body text the importer drops.
const BUTTONS = new Set([
  'share',
  'share this',
  'share this page',
  'share this article',
  'share this story',
  'share on facebook',
  'share on twitter',
  'share on linkedin',
  'share on x',
  'copy link',
  'print',
  'print this page',
  'print this',
  'tweet',
  'tweet this',
  'email',
  'email this',
  'facebook',
  'twitter',
  'linkedin',
]);
const NAVIGATION = new Set([
  'skip to content',
  'skip to main content',
  'menu',
  'search',
  'close',
  'read more',
  'download pdf',
  'download',
  'subscribe',
]);
const READING_TIME =
  /^(?:(?:reading time|read time|estimated reading time)\s*:?\s*)?(?:\d{1,3}|an?|one)[-\s]?(?:min|mins|minute|minutes)\.?(?:\s+read)?$/i;

/**
 * Page furniture, by kind: "back to top", "share/print button", "reading time",
 * "navigation" (lone menu words, `Home | About | Contact` lines), "rule" (`---`). Undefined for
 * anything else, which stays in the memo.
 */
export function furniture(text: string): string | undefined {
  const clean = text.trim();
  if (isBackToTopText(clean)) return 'back to top';
  if (/^[-*_=~·•]{3,}$/.test(clean.replace(/\s/g, ''))) return 'rule';
  const lower = clean.toLowerCase().replace(/[.:!]$/, '');
  if (BUTTONS.has(lower)) return 'share/print button';
  if (NAVIGATION.has(lower)) return 'navigation';
  if (READING_TIME.test(clean)) return 'reading time';
  // "Share Tweet Print Email" on one line.
  const words = lower.split(/\s+/);
  if (words.length >= 2 && words.every((word) => BUTTONS.has(word))) return 'share/print button';
  const parts = clean.split(/\s+[|·•»›>/]\s+/);
  if (
    parts.length >= 2 &&
    parts.every((part) => part.split(/\s+/).length <= 4 && !/[.?!,;:]$/.test(part) && !/\d/.test(part)) &&
    parts.every((part) => BUTTONS.has(part.toLowerCase()) || /^\p{Lu}/u.test(part))
  )
    return parts.every((part) => BUTTONS.has(part.toLowerCase())) ? 'share/print button' : 'navigation';
  return undefined;
}

/** True for page furniture from the named list (`furniture()`), and for blank text. */
export function isFurniture(text: string): boolean {
  return text.trim() === '' || furniture(text) !== undefined;
}

/** A whole block that is only a date (`December 31, 2019`, `Tuesday, Dec. 31, 2019`, `Posted on …`). */
export function dateOnly(text: string): { iso: string; yearWritten: boolean } | undefined {
  const stripped = text
    .replace(/^(?:(?:posted|published|updated|issued|dated?|last updated|week of)\b\s*(?:on)?\s*:?\s*)/i, '')
    .replace(/[.,;]+$/, '')
    .trim();
  if (stripped.length < 6 || stripped.length > 60 || !/\d/.test(stripped) || !(MONTH_WORD.test(stripped) || /\d[-/.]\d/.test(stripped)))
    return undefined;
  const result = chrono.strict.parse(stripped, { instant: new Date(), timezone: 0 }, { forwardDate: false })[0];
  if (!result || result.index > 0) return undefined;
  if (stripped.slice(result.text.length).trim() !== '') return undefined;
  if (!result.start.isCertain('day') || !result.start.isCertain('month')) return undefined;
  return { iso: isoOf(result.start), yearWritten: result.start.isCertain('year') };
}

function isoOf(components: ParsedComponents): string {
  const pad = (value: number | null, width: number) => String(value ?? 0).padStart(width, '0');
  return `${pad(components.get('year'), 4)}-${pad(components.get('month'), 2)}-${pad(components.get('day'), 2)}`;
}

/** A part of a date line and the front-matter field it goes to. */
export interface DatePart {
  text: string;
  to: 'date' | 'author' | 'tags';
}

const TIME = /^(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?$/i;
const BYLINE = /^by\s+(\S.*)$/i;

/**
 * A date line and its company: `March 3, 2021 | Analysis`, `By Dana Reyes | March 3, 2021`,
 * `Mar 3, 2021 | 14:05 GMT`, `Updated: Apr 2, 2020`. One part is the date; the others are a
 * time (kept with the date), a byline (`author`) or a short label (`tags`). Anything else in
 * the line makes it no date line: it stays in the body.
 */
export function dateLine(
  text: string,
): { iso: string; yearWritten: boolean; author?: string; label?: string; parts: DatePart[] } | undefined {
  const whole = dateOnly(text);
  if (whole) return { ...whole, parts: [{ text, to: 'date' }] };
  const pieces = text.split(/\s+[|·•]\s+|\s+[—–]\s+/);
  if (pieces.length < 2 || pieces.length > 4) return undefined;
  let date: { iso: string; yearWritten: boolean } | undefined;
  let author: string | undefined;
  let label: string | undefined;
  const parts: DatePart[] = [];
  for (const piece of pieces) {
    const found = date ? undefined : dateOnly(piece);
    const byline = BYLINE.exec(piece);
    if (found) {
      date = found;
      parts.push({ text: piece, to: 'date' });
    } else if (TIME.test(piece)) parts.push({ text: piece, to: 'date' });
    else if (byline && !author && piece.split(/\s+/).length <= 8) {
      author = (byline[1] ?? '').trim();
      parts.push({ text: piece, to: 'author' });
    } else if (!label && piece.split(/\s+/).length <= 4 && !/[.?!,;:]$/.test(piece) && /^\p{L}/u.test(piece)) {
      label = piece;
      parts.push({ text: piece, to: 'tags' });
    } else return undefined;
  }
  if (!date) return undefined;
  return { ...date, ...(author ? { author } : {}), ...(label ? { label } : {}), parts };
}

/** A date inside a title line, at its start or end: `Memo: Foo (Dec. 31, 2019)`. Returns the title without it. */
export function dateInTitle(title: string): { iso: string; title: string } | undefined {
  for (const result of chrono.strict.parse(title, { instant: new Date(), timezone: 0 }, { forwardDate: false })) {
    if (!result.start.isCertain('year') || !result.start.isCertain('day')) continue;
    const before = title.slice(0, result.index);
    const after = title.slice(result.index + result.text.length);
    const edge = /^[\s()[\]|,–—:-]*$/;
    if (edge.test(after)) return { iso: isoOf(result.start), title: before.replace(/[\s([|,–—:-]+$/, '') };
    if (edge.test(before)) return { iso: isoOf(result.start), title: after.replace(/^[\s)\]|,–—:-]+/, '') };
  }
  return undefined;
}

/**
 * A kicker: the short label some sites print above a title (`ANALYSIS`, `situation report`,
 * `Explainer`) — one to three words, no final punctuation, no digits.
 */
export function kickerLike(text: string): boolean {
  const words = text.split(/\s+/);
  if (words.length > 3 || /[.?!,;:]$/.test(text) || /\d/.test(text) || !/^\p{L}/u.test(text)) return false;
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters === letters.toUpperCase() || letters === letters.toLowerCase() || words.length === 1;
}

const QUESTION_WORDS = 30;
const ROMAN = /^[IVXLC]+\.\s/;

/** Could this standalone block be a section heading? */
export function headingLike(block: Block, knownHeadings: readonly string[]): boolean {
  if (block.kind === 'heading') return true;
  if (block.kind !== 'paragraph' || !block.standalone) return false;
  const text = block.text;
  if (!/\p{L}/u.test(text) || text.length > 200) return false;
  const words = text.split(/\s+/).length;
  if (words > QUESTION_WORDS) return false;
  if (headerField(text) || eventLine(text) || dateLine(text)) return false;
  if (text.endsWith('?')) return words <= QUESTION_WORDS;
  if (text.endsWith(':')) return words <= 5 && knownHeadings.some((known) => nearMiss(text.slice(0, -1), known));
  // `II. Outlook for Acme Inc.`: a Roman-numbered heading may end with the period of "Inc.".
  if (ROMAN.test(text)) return words <= 12 && !/[,;!:]$/.test(text);
  if (/[.,;!:]$/.test(text) || /[“"(]$/.test(text)) return false;
  if (!/^[\p{Lu}\p{N}“"‘'(]/u.test(text)) return false;
  if (/^\d{1,2}[.)]\s/.test(text)) return words <= 12;
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toUpperCase()) return words <= 12;
  return words <= 10 && text.length <= 90;
}
