// Event dates: `**Dec. 27, 2019** —`, `Dec. 27:`, `December 27, 2019 —`, `2019-12-27:`,
// with an optional time. chrono-node does the calendar work (AP abbreviations like "Sept.",
// real-date checks, and the nearest year when none is written, so Dec. → Jan. rolls over);
// the regex below only decides whether an item *starts* with something meant as a date, so
// that "Feb. 30" is reported as not a real date rather than as a missing one.
// The English locale alone: the full package loads every locale (~4x slower to import).
import * as chrono from 'chrono-node/en';
import type { EventDate } from './model.js';
import { isIsoDate } from '../util/iso-date.js';

export { isIsoDate };

/** A month name as writers write it, full or abbreviated (regex source, no flags: add `i`). */
export const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const LOOKS_LIKE_DATE = new RegExp(`^(?:${MONTH}\\.?\\s+\\d{1,2}(?:,?\\s+\\d{4})?|\\d{4}-\\d{1,2}-\\d{1,2})`, 'i');
/** What may follow a date before the event's text. */
const SEPARATOR = /^\s*(?:—|–|-{1,2}|:)\s*/;
const TIME = /^,?\s+(\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)(?:\s+[A-Z]{2,4}\b)?)/i;

// Only the parsers for the date forms the SPEC accepts: fewer giant regexes to compile on the
// first call (a single-memo lint is ~50 ms faster) and nothing like "next Tuesday" or
// "27 December" accepted: month-first dates ("Dec. 27", "December 27, 2019") and ISO dates.
const EVENT_PARSERS = new Set(['ENMonthNameMiddleEndianParser', 'ISOFormatParser']);
let eventDates: chrono.Chrono | undefined;

function eventDateParser(): chrono.Chrono {
  if (!eventDates) {
    const strict = chrono.configuration.createConfiguration(true, false);
    // A bundler may suffix a class name to keep it unique (`ISOFormatParser2`): compare the stem.
    const parsers = strict.parsers.filter((parser) => EVENT_PARSERS.has(parser.constructor.name.replace(/\d+$/, '')));
    if (parsers.length !== EVENT_PARSERS.size)
      throw new Error(`chrono-node: expected the parsers ${[...EVENT_PARSERS].join(', ')}, found ${parsers.length}`);
    eventDates = new chrono.Chrono({ parsers, refiners: strict.refiners });
  }
  return eventDates;
}

export interface LeadingDate {
  date: EventDate;
  /** The text after the date, time and separator. */
  rest: string;
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const MONTH_NUMBERS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};
const ABBREVIATIONS = new Set(['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
const FULL_DATE = /^([A-Za-z]+)(\.?) (\d{1,2}), (\d{4})$/;

/**
 * The ISO date of a date written in full ("Dec. 27, 2019", "December 27, 2019", "2019-12-27")
 * when it is a real date, without chrono: most event dates in a memo archive look like this, and
 * chrono is the slowest step of reading one. Undefined means "ask chrono" (other spellings,
 * dates that are not real); the tests check that both ways agree on every such form.
 */
/** The month a name stands for, as chrono reads it: a dot only after an abbreviation ("Dec.", "Sept."), not after "December.". */
function monthNumber(name: string, dot: string): number | undefined {
  const lower = name.toLowerCase();
  return dot === '.' && !ABBREVIATIONS.has(lower) ? undefined : MONTH_NUMBERS[lower];
}

function fullDate(written: string): string | undefined {
  if (isIsoDate(written)) return written;
  const match = FULL_DATE.exec(written);
  const month = match ? monthNumber(match[1] as string, match[2] as string) : undefined;
  if (!match || month === undefined) return undefined;
  const value = iso(Number(match[4]), month, Number(match[3]));
  return isIsoDate(value) ? value : undefined;
}

const MONTH_DAY = /^([A-Za-z]+)(\.?) (\d{1,2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The ISO date of a month and day written without a year ("Dec. 27"), in the year that puts it
 * nearest the memo's date, as chrono does. Only when that date is within 120 days of the memo's
 * (events are): there the nearest year is never a close call. Undefined means "ask chrono".
 */
function nearDate(written: string, reference: string): string | undefined {
  const match = MONTH_DAY.exec(written);
  const month = match ? monthNumber(match[1] as string, match[2] as string) : undefined;
  if (!match || month === undefined) return undefined;
  const day = Number(match[3]);
  const year = Number(reference.slice(0, 4));
  const noon = Date.parse(`${reference}T12:00:00Z`);
  for (const candidate of [year - 1, year, year + 1]) {
    const value = iso(candidate, month, day);
    if (isIsoDate(value) && Math.abs(Date.parse(`${value}T12:00:00Z`) - noon) < 120 * DAY_MS) return value;
  }
  return undefined;
}

export interface LeadingDateOptions {
  /** Skip the fast path and let chrono read every date (the reference the tests compare with). */
  chronoOnly?: boolean;
}

/**
 * Parse a date at the very start of `text`. `reference` (the memo's ISO date) supplies the
 * year when none is written. Returns undefined when the text does not start with a date.
 */
export function parseLeadingDate(text: string, reference: string | undefined, options: LeadingDateOptions = {}): LeadingDate | undefined {
  const trimmed = text.trimStart();
  const looks = LOOKS_LIKE_DATE.exec(trimmed);
  if (!looks) return undefined;
  const written = looks[0];
  const yearWritten = /\d{4}/.test(written);
  let after = trimmed.slice(written.length);
  let time: string | undefined;
  const timeMatch = TIME.exec(after);
  if (timeMatch) {
    time = timeMatch[1];
    after = after.slice(timeMatch[0].length);
  }
  const rest = after.replace(SEPARATOR, '');
  const quick = options.chronoOnly
    ? undefined
    : yearWritten
      ? fullDate(written)
      : reference && isIsoDate(reference)
        ? nearDate(written, reference)
        : undefined;
  if (quick) return { date: { iso: quick, text: written, yearWritten, ...(time ? { time } : {}) }, rest };
  const instant = reference && isIsoDate(reference) ? new Date(`${reference}T12:00:00Z`) : new Date();
  // Only the date itself goes to chrono, so it cannot wander into the event's text.
  const result = eventDateParser().parse(written, { instant, timezone: 0 }, { forwardDate: false })[0];
  const valid =
    result !== undefined &&
    result.index === 0 &&
    result.text.length === written.length &&
    (!/^\d{4}-/.test(written) || isIsoDate(written.replace(/-(\d)(?=-|$)/g, '-0$1')));
  const value = valid ? iso(result.start.get('year') ?? 0, result.start.get('month') ?? 0, result.start.get('day') ?? 0) : undefined;
  return { date: { iso: value, text: written, yearWritten, ...(time ? { time } : {}) }, rest };
}

/** "December 31, 2019" for `2019-12-31`. */
export function formatLongDate(isoDate: string): string {
  return new Intl.DateTimeFormat('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

/** Today's date in the local time zone, as `YYYY-MM-DD`. */
export function today(): string {
  const now = new Date();
  return iso(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** AP style's month names: five spelled out, the rest abbreviated with a period. */
const AP_MONTHS = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];

/** `2019-12-27` → `Dec. 27, 2019` (AP style), the way memokit writes a date into a memo or a message. */
export function apDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${AP_MONTHS[(month ?? 1) - 1]} ${day}, ${year}`;
}
