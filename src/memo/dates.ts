// Event dates: `**Dec. 27, 2019** —`, `Dec. 27:`, `December 27, 2019 —`, `2019-12-27:`,
// with an optional time. chrono-node does the calendar work (AP abbreviations like "Sept.",
// real-date checks, and the nearest year when none is written, so Dec. → Jan. rolls over);
// the regex below only decides whether an item *starts* with something meant as a date, so
// that "Feb. 30" is reported as not a real date rather than as a missing one.
// The English locale alone: the full package loads every locale (~4x slower to import).
import * as chrono from 'chrono-node/en';
import type { EventDate } from './model.js';
import { isIsoDate } from './iso-date.js';

export { isIsoDate };

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
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
    eventDates = new chrono.Chrono({ parsers: strict.parsers.filter((parser) => EVENT_PARSERS.has(parser.constructor.name)), refiners: strict.refiners });
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

/**
 * Parse a date at the very start of `text`. `reference` (the memo's ISO date) supplies the
 * year when none is written. Returns undefined when the text does not start with a date.
 */
export function parseLeadingDate(text: string, reference: string | undefined): LeadingDate | undefined {
  const trimmed = text.trimStart();
  const looks = LOOKS_LIKE_DATE.exec(trimmed);
  if (!looks) return undefined;
  const written = looks[0];
  const yearWritten = /\d{4}/.test(written);
  const instant = reference && isIsoDate(reference) ? new Date(`${reference}T12:00:00Z`) : new Date();
  // Only the date itself goes to chrono, so it cannot wander into the event's text.
  const result = eventDateParser().parse(written, { instant, timezone: 0 }, { forwardDate: false })[0];
  let after = trimmed.slice(written.length);
  let time: string | undefined;
  const timeMatch = TIME.exec(after);
  if (timeMatch) {
    time = timeMatch[1];
    after = after.slice(timeMatch[0].length);
  }
  const rest = after.replace(SEPARATOR, '');
  const valid =
    result !== undefined &&
    result.index === 0 &&
    result.text.length === written.length &&
    (!/^\d{4}-/.test(written) || isIsoDate(written.replace(/-(\d)(?=-|$)/g, '-0$1')));
  const value = valid
    ? iso(result.start.get('year') ?? 0, result.start.get('month') ?? 0, result.start.get('day') ?? 0)
    : undefined;
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
