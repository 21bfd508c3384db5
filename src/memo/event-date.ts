// Event dates as writers write them, read at the precision written. Every date that starts an
// event is an interval [from, to] of minutes: `Dec. 27, 2019` is that day, `May 2018` that month,
// `Q1 2021` three months, `Dec. 5–7, 2019` three days, `Jan. 3, 2020, 9:40 a.m.` one minute.
// docs/memo-format.md ("Event dates") lists every family; the tests generate each of them.
//
// A small grammar over the text rather than chrono-node: chrono reads a date as a day whatever
// was written ("May 2018" is May 20 to it), and the precision is the point here. chrono stays the
// oracle for full dates in the tests, where it is right.

// A month name, full or abbreviated: the one pattern memokit reads months with.
import { MONTH } from './dates.js';

export type DateOrder = 'mdy' | 'dmy';
export type DatePrecision = 'year' | 'part-of-year' | 'season' | 'quarter' | 'part-of-month' | 'month' | 'day' | 'minute';

export interface EventDate {
  /** The date exactly as written, with its weekday and time (`Fri., Jan. 3, 2020, 9:40 a.m.`). */
  text: string;
  /** True when a year was written; false when it was taken from the memo's date. */
  yearWritten: boolean;
  /** ISO start at the written precision: `2015`, `2018-05`, `2019-12-27`, `2020-01-03T09:40`. Undefined: unreadable. */
  start?: string;
  /** ISO end at the same precision, for spans (ranges, quarters, seasons). */
  end?: string;
  precision?: DatePrecision;
  /** First and last minute of the interval, in minutes since 1970 (UTC; zones are not converted). */
  from?: number;
  to?: number;
  /** A written weekday that is not the date's own: `{ written: 'Friday', actual: 'Thursday' }`. */
  weekday?: { written: string; actual: string };
  /** Why a date-like start could not be read (`Feb. 30, 2019`: "February 2019 has 28 days"). */
  problem?: string;
}

/** A readable date: one with an interval. */
export type ReadableDate = EventDate & Required<Pick<EventDate, 'start' | 'precision' | 'from' | 'to'>>;

export function isReadable(date: EventDate | undefined): date is ReadableDate {
  return date?.start !== undefined;
}

export interface LeadingDate {
  date: EventDate;
  /** The text after the date, its time and the separator: the event itself. */
  rest: string;
}

export interface ReadOptions {
  /** The memo's ISO date: the year of a date written without one, the week of a bare weekday. Default: today. */
  reference?: string | undefined;
  /** How to read `12/11/2019`: month first (default) or day first. A part over 12 settles it either way. */
  order?: DateOrder | undefined;
  /** The text of the item's leading bold or italic run, when it has one: a date there needs no separator after it. */
  lead?: string | undefined;
  /** Skip the one-step reading of `Dec. 27, 2019 —` (the tests compare it with the grammar). */
  grammarOnly?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Words

const WEEKDAY_SOURCE = 'mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?';
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const SEASONS: Record<string, number> = { spring: 3, summer: 6, fall: 9, autumn: 9, winter: 12 };
const ORDINAL_QUARTERS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4 };
/** Zones writers add after a time; only these, so that "US forces…" after a time is not a zone. */
const ZONES = 'ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|AKST|HST|GMT|UTC|BST|CET|CEST|EET|IST|JST|AST|Z|(?:GMT|UTC)[+-]\\d{1,2}';

function monthNumber(word: string): number {
  const prefix = word.slice(0, 3).toLowerCase();
  return ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(prefix) + 1;
}

function weekdayNumber(word: string): number {
  return ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].indexOf(word.slice(0, 3).toLowerCase());
}

const FULL_MONTHS = new Set(MONTH_NAMES.map((name) => name.toLowerCase()));

/** A month name, with a dot only after an abbreviation ("Sept.", not "September."). */
const MONTH_WORD = new RegExp(`(${MONTH})(\\.)?(?![a-z])`, 'iy');
const WEEKDAY_WORD = new RegExp(`(${WEEKDAY_SOURCE})(\\.)?(?![a-z])`, 'iy');

function monthAt(text: string, index: number): { month: number; end: number } | undefined {
  MONTH_WORD.lastIndex = index;
  const match = MONTH_WORD.exec(text);
  if (!match) return undefined;
  const word = match[1] as string;
  const full = FULL_MONTHS.has(word.toLowerCase());
  // "December." is the end of a sentence, not an abbreviation; "May." likewise.
  const end = match[2] && full ? index + word.length : MONTH_WORD.lastIndex;
  return { month: monthNumber(word), end };
}

function sticky(source: string, flags = 'y'): RegExp {
  return new RegExp(source, flags);
}

function matchAt(pattern: RegExp, text: string, index: number): RegExpExecArray | undefined {
  pattern.lastIndex = index;
  return pattern.exec(text) ?? undefined;
}

const DAY = sticky('(\\d{1,2})(?:st|nd|rd|th)?(?!\\d|:\\d|[a-z])', 'iy');
// A year is four digits not followed by more, nor by a colon and a digit (10:40 is a time).
const YEAR = sticky('(\\d{4})(?!\\d|:\\d)');
const YEAR_AFTER = sticky('(?:,\\s*|\\s+)(\\d{4})(?!\\d|:\\d)');
const SPACE = sticky('\\s+');
const ISO = sticky('(\\d{4})-(\\d{1,2})-(\\d{1,2})(?![\\d])');
const NUMERIC = sticky('(\\d{1,2})([/.\\-])(\\d{1,2})\\2(\\d{4}|\\d{2})(?![\\d])');
const QUARTER = sticky('q([1-4])(?![a-z\\d])', 'iy');
const ORDINAL_QUARTER = sticky('(first|second|third|fourth|1st|2nd|3rd|4th)\\s+quarter(?:\\s+of)?', 'iy');
const SEASON = sticky('(spring|summer|fall|autumn|winter)(?:\\s+of)?(?![a-z])', 'iy');
const PART = sticky('(early|mid|late)(?:-|\\s+)(?:in\\s+)?', 'iy');
/** The second year of a winter written across two ("winter 2019-20", "winter 2019/2020"). */
const NEXT_YEAR = sticky('[-–/](\\d{4}|\\d{2})(?!\\d)');
const DECADE = sticky('(\\d{3}0)s(?![a-z])', 'iy');
const WEEK_OF = sticky('(?:the\\s+)?week\\s+of\\s+', 'iy');
const DAY_OF = sticky('\\s+(?:of\\s+)?');
const TIME_PREFIX = sticky('(?:\\s*,\\s*|\\s+at\\s+|\\s*\\(|\\s+)');
const CLOSE_PAREN = sticky('\\)');
const TIME_12 = sticky('(\\d{1,2})(?::(\\d{2}))?\\s*([ap])\\.?\\s?m\\.?(?![a-z])', 'iy');
const TIME_24 = sticky('(\\d{1,2}):(\\d{2})(?![\\d])');
const TIME_WORD = sticky('(noon|midnight)(?![a-z])', 'iy');
const ZONE = sticky(`\\s+(?:${ZONES})(?![A-Za-z])`);
const RANGE = sticky('\\s*(?:–|-|\\s(?:to|through|thru|until)\\s)\\s*', 'iy');
const WEEKDAY_GAP = sticky('\\s*,?\\s*');
/** What separates a date from its event: a dash, an en or em dash, or a colon. */
const SEPARATOR = /^\s*(?:—|–|-{1,2}|:)\s*/;

// ---------------------------------------------------------------------------------------------
// One date (a range has two)

type Part = 'early' | 'mid' | 'late';

interface Written {
  year?: number;
  /** Written with two digits (`1/3/20`): the century comes from the reference. */
  shortYear?: boolean;
  month?: number;
  day?: number;
  part?: Part;
  quarter?: number;
  season?: number;
  /** Minutes after midnight. */
  time?: number;
  /** A decade ("1990s"): ten years from `year`. */
  decade?: boolean;
  /** "the week of Dec. 16": seven days from `day`. */
  week?: boolean;
  weekday?: { number: number; text: string };
  /** Needs nothing after it to count as a date (a day with its month, a year with its month…). */
  strong: boolean;
  /** Impossible as written (13/13/2019): why. */
  problem?: string;
  end: number;
}

function numericDate(match: RegExpExecArray, order: DateOrder): Omit<Written, 'end' | 'strong'> {
  const [first, second] = [Number(match[1]), Number(match[3])];
  const yearText = match[4] as string;
  const year = Number(yearText);
  const shortYear = yearText.length === 2;
  let [month, day] = order === 'dmy' ? [second, first] : [first, second];
  // A part over 12 can only be the day: it settles the order whatever the setting says.
  if (month > 12 && day <= 12) [month, day] = [day, month];
  const base = { year, ...(shortYear ? { shortYear } : {}), month, day };
  if (month > 12 || month < 1) return { ...base, problem: `neither ${first} nor ${second} can be a month` };
  return base;
}

/** A date of one of the day, month, part, quarter, season or year forms, at `index`. */
function singleAt(text: string, index: number, order: DateOrder): Written | undefined {
  let match = matchAt(ISO, text, index);
  if (match) return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]), strong: true, end: ISO.lastIndex };
  match = matchAt(NUMERIC, text, index);
  if (match) return { ...numericDate(match, order), strong: true, end: NUMERIC.lastIndex };

  match = matchAt(QUARTER, text, index) ?? matchAt(ORDINAL_QUARTER, text, index);
  if (match) {
    const quarter = /^\d$/.test(match[1] as string) ? Number(match[1]) : (ORDINAL_QUARTERS[(match[1] as string).toLowerCase()] as number);
    const after = match.index + match[0].length;
    const year = matchAt(YEAR_AFTER, text, after);
    return year ? { quarter, year: Number(year[1]), strong: true, end: YEAR_AFTER.lastIndex } : { quarter, strong: false, end: after };
  }
  match = matchAt(SEASON, text, index);
  if (match) {
    const season = SEASONS[(match[1] as string).toLowerCase()] as number;
    const after = match.index + match[0].length;
    const year = matchAt(YEAR_AFTER, text, after);
    if (!year) return { season, strong: false, end: after };
    let end = YEAR_AFTER.lastIndex;
    const next = matchAt(NEXT_YEAR, text, end);
    // "winter 2019-20" names the winter that starts in 2019; the second year is only a reminder.
    if (next && Number(next[1]) % 100 === (Number(year[1]) + 1) % 100) end = NEXT_YEAR.lastIndex;
    return { season, year: Number(year[1]), strong: true, end };
  }
  match = matchAt(PART, text, index);
  if (match) {
    const part = (match[1] as string).toLowerCase() as Part;
    const month = monthAt(text, match.index + match[0].length);
    if (!month) {
      // A part of a year: "early 2019", "mid-2020", "late 2018".
      const year = matchAt(YEAR, text, match.index + match[0].length);
      return year ? { part, year: Number(year[1]), strong: true, end: YEAR.lastIndex } : undefined;
    }
    const year = matchAt(YEAR_AFTER, text, month.end);
    return year
      ? { part, month: month.month, year: Number(year[1]), strong: true, end: YEAR_AFTER.lastIndex }
      : { part, month: month.month, strong: false, end: month.end };
  }

  // Month first: "Dec. 27, 2019", "December 27", "May 2018", "Sept.".
  const month = monthAt(text, index);
  if (month) {
    const space = matchAt(SPACE, text, month.end);
    const day = space ? matchAt(DAY, text, SPACE.lastIndex) : undefined;
    if (day) {
      const written: Written = { month: month.month, day: Number(day[1]), strong: true, end: DAY.lastIndex };
      const year = matchAt(YEAR_AFTER, text, written.end);
      return year ? { ...written, year: Number(year[1]), end: YEAR_AFTER.lastIndex } : written;
    }
    const year = matchAt(YEAR_AFTER, text, month.end);
    if (year) return { month: month.month, year: Number(year[1]), strong: true, end: YEAR_AFTER.lastIndex };
    return { month: month.month, strong: false, end: month.end };
  }

  // Day first: "27 December 2019", "27 Dec. 2019", "27th of December".
  const day = matchAt(DAY, text, index);
  if (day) {
    const gap = matchAt(DAY_OF, text, DAY.lastIndex);
    const named = gap ? monthAt(text, DAY_OF.lastIndex) : undefined;
    if (named) {
      const written: Written = { month: named.month, day: Number(day[1]), strong: true, end: named.end };
      const year = matchAt(YEAR_AFTER, text, named.end);
      return year ? { ...written, year: Number(year[1]), end: YEAR_AFTER.lastIndex } : written;
    }
  }

  match = matchAt(DECADE, text, index);
  if (match) return { year: Number(match[1]), decade: true, strong: true, end: DECADE.lastIndex };
  match = matchAt(YEAR, text, index);
  if (match) return { year: Number(match[1]), strong: false, end: YEAR.lastIndex };
  return undefined;
}

/** A time after a day: ", 9:40 a.m.", " at 21:05", " 10 p.m. ET", ", noon". */
function timeAt(text: string, index: number): { minutes: number; end: number } | { problem: string; end: number } | undefined {
  const prefix = matchAt(TIME_PREFIX, text, index);
  if (!prefix) return undefined;
  const start = TIME_PREFIX.lastIndex;
  // "Dec. 31 (9:40 a.m.)": the parenthesis must close after the time.
  const parenthesized = prefix[0].includes('(');
  let minutes: number | undefined;
  let end: number;
  let match = matchAt(TIME_12, text, start);
  if (match) {
    const hour = Number(match[1]);
    const minute = Number(match[2] ?? 0);
    if (hour < 1 || hour > 12 || minute > 59) return { problem: `${match[0].trim()} is not a time of day`, end: TIME_12.lastIndex };
    minutes = ((hour % 12) + ((match[3] as string).toLowerCase() === 'p' ? 12 : 0)) * 60 + minute;
    end = TIME_12.lastIndex;
  } else if ((match = matchAt(TIME_24, text, start))) {
    const [hour, minute] = [Number(match[1]), Number(match[2])];
    if (hour > 23 || minute > 59) return { problem: `${match[0]} is not a time of day`, end: TIME_24.lastIndex };
    minutes = hour * 60 + minute;
    end = TIME_24.lastIndex;
  } else if ((match = matchAt(TIME_WORD, text, start))) {
    minutes = (match[1] as string).toLowerCase() === 'noon' ? 12 * 60 : 0;
    end = TIME_WORD.lastIndex;
  } else {
    return undefined;
  }
  if (matchAt(ZONE, text, end)) end = ZONE.lastIndex;
  if (parenthesized) {
    if (!matchAt(CLOSE_PAREN, text, end)) return undefined;
    end = CLOSE_PAREN.lastIndex;
  }
  return { minutes, end };
}

/** A single date with what may surround it: a weekday before, a time after. */
function dateAt(text: string, index: number, order: DateOrder): Written | undefined {
  // "the week of Dec. 16": the seven days from that day.
  if (matchAt(WEEK_OF, text, index)) {
    const day = dateAt(text, WEEK_OF.lastIndex, order);
    return day && day.day !== undefined && day.time === undefined ? { ...day, week: true } : undefined;
  }
  let weekday: Written['weekday'];
  let at = index;
  const named = matchAt(WEEKDAY_WORD, text, index);
  if (named) {
    weekday = { number: weekdayNumber(named[1] as string), text: named[0] };
    const gap = matchAt(WEEKDAY_GAP, text, WEEKDAY_WORD.lastIndex);
    const date = gap && gap[0].length > 0 ? singleAt(text, WEEKDAY_GAP.lastIndex, order) : undefined;
    // A bare weekday ("Monday —") is a day of the memo's week.
    if (!date || date.day === undefined) return { weekday, strong: false, end: WEEKDAY_WORD.lastIndex };
    at = WEEKDAY_GAP.lastIndex;
  }
  const date = singleAt(text, at, order);
  if (!date) return undefined;
  if (weekday) date.weekday = weekday;
  if (date.day !== undefined) {
    const time = timeAt(text, date.end);
    if (time && 'problem' in time) return { ...date, problem: time.problem, end: time.end };
    if (time) Object.assign(date, { time: time.minutes, end: time.end });
  }
  return date;
}

/** The second date of a range: a whole date, or a bare day ("Dec. 5–7, 2019"). */
function rangeEndAt(text: string, index: number, order: DateOrder, start: Written): Written | undefined {
  const whole = dateAt(text, index, order);
  if (whole && (whole.month !== undefined || whole.year !== undefined || whole.quarter !== undefined || whole.season !== undefined))
    return whole;
  if (start.day === undefined) return undefined;
  const day = matchAt(DAY, text, index);
  if (!day) return undefined;
  const written: Written = { day: Number(day[1]), strong: true, end: DAY.lastIndex };
  const year = matchAt(YEAR_AFTER, text, written.end);
  return year ? { ...written, year: Number(year[1]), end: YEAR_AFTER.lastIndex } : written;
}

const DAY_RANGE = sticky(
  '(\\d{1,2})(?:st|nd|rd|th)?\\s*(?:–|-|\\s(?:to|through|thru|until)\\s)\\s*(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?',
  'iy',
);

/** A range written day first, its month and year once at the end: "5–7 December 2019". */
function dayFirstRange(text: string): [Written, Written] | undefined {
  const days = matchAt(DAY_RANGE, text, 0);
  const month = days ? monthAt(text, DAY_RANGE.lastIndex) : undefined;
  if (!days || !month) return undefined;
  const year = matchAt(YEAR_AFTER, text, month.end);
  const shared = { month: month.month, ...(year ? { year: Number(year[1]) } : {}) };
  const end = year ? YEAR_AFTER.lastIndex : month.end;
  return [
    { ...shared, day: Number(days[1]), strong: true, end: days.index + days[0].indexOf(days[2] as string, (days[1] as string).length) },
    { ...shared, day: Number(days[2]), strong: true, end },
  ];
}

// ---------------------------------------------------------------------------------------------
// Calendar

const MINUTE_MS = 60_000;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function minutesAt(year: number, month: number, day: number, minute = 0): number {
  const date = new Date(Date.UTC(2000, month - 1, day, 0, minute));
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime() / MINUTE_MS;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

interface Interval {
  from: number;
  to: number;
  precision: DatePrecision;
  /** Year, month and day of the interval's first day, for ISO strings. */
  first: { year: number; month: number; day: number; minute?: number };
  last: { year: number; month: number; day: number };
}

const COARSENESS: DatePrecision[] = ['year', 'part-of-year', 'season', 'quarter', 'month', 'part-of-month', 'day', 'minute'];

/** The interval of a written date whose year is known. Undefined with a problem when impossible. */
function intervalOf(written: Written, year: number): Interval | { problem: string } {
  const { month, day, part, quarter, season, time } = written;
  if (quarter !== undefined || season !== undefined) {
    const firstMonth = quarter !== undefined ? quarter * 3 - 2 : (season as number);
    const lastYear = firstMonth + 2 > 12 ? year + 1 : year;
    const lastMonth = ((firstMonth + 1) % 12) + 1;
    return {
      from: minutesAt(year, firstMonth, 1),
      to: minutesAt(lastYear, lastMonth, daysIn(lastYear, lastMonth)) + 1439,
      precision: quarter !== undefined ? 'quarter' : 'season',
      first: { year, month: firstMonth, day: 1 },
      last: { year: lastYear, month: lastMonth, day: daysIn(lastYear, lastMonth) },
    };
  }
  if (month === undefined && part !== undefined) {
    // Thirds of a year: early January–April, mid May–August, late September–December.
    const [firstMonth, lastMonth] = part === 'early' ? [1, 4] : part === 'mid' ? [5, 8] : [9, 12];
    return {
      from: minutesAt(year, firstMonth, 1),
      to: minutesAt(year, lastMonth, daysIn(year, lastMonth)) + 1439,
      precision: 'part-of-year',
      first: { year, month: firstMonth, day: 1 },
      last: { year, month: lastMonth, day: daysIn(year, lastMonth) },
    };
  }
  if (month === undefined) {
    const lastYear = written.decade ? year + 9 : year;
    return {
      from: minutesAt(year, 1, 1),
      to: minutesAt(lastYear, 12, 31) + 1439,
      precision: 'year',
      first: { year, month: 1, day: 1 },
      last: { year: lastYear, month: 12, day: 31 },
    };
  }
  if (month < 1 || month > 12) return { problem: `there is no month ${month}` };
  const length = daysIn(year, month);
  if (day === undefined) {
    const [firstDay, lastDay] = part === 'early' ? [1, 10] : part === 'mid' ? [11, 20] : part === 'late' ? [21, length] : [1, length];
    return {
      from: minutesAt(year, month, firstDay),
      to: minutesAt(year, month, lastDay) + 1439,
      precision: part ? 'part-of-month' : 'month',
      first: { year, month, day: firstDay },
      last: { year, month, day: lastDay },
    };
  }
  if (day < 1 || day > length) return { problem: day < 1 ? 'there is no day 0' : `${MONTH_NAMES[month - 1]} ${year} has ${length} days` };
  const from = minutesAt(year, month, day, time ?? 0);
  if (written.week) {
    const last = new Date((from + 6 * 1440) * MINUTE_MS);
    return {
      from,
      to: from + 7 * 1440 - 1,
      precision: 'day',
      first: { year, month, day },
      last: { year: last.getUTCFullYear(), month: last.getUTCMonth() + 1, day: last.getUTCDate() },
    };
  }
  return {
    from,
    to: time === undefined ? from + 1439 : from,
    precision: time === undefined ? 'day' : 'minute',
    first: { year, month, day, ...(time !== undefined ? { minute: time } : {}) },
    last: { year, month, day },
  };
}

function isoAt(point: { year: number; month: number; day: number; minute?: number }, precision: DatePrecision): string {
  const year = pad(point.year, 4);
  if (precision === 'year') return year;
  if (precision === 'day') return `${year}-${pad(point.month)}-${pad(point.day)}`;
  if (precision === 'minute')
    return `${year}-${pad(point.month)}-${pad(point.day)}T${pad(Math.floor((point.minute ?? 0) / 60))}:${pad((point.minute ?? 0) % 60)}`;
  return `${year}-${pad(point.month)}`;
}

/** Today's or the memo's date as year, month, day (noon, to stay clear of day edges). */
const references = new Map<string, { year: number; minutes: number }>();

function referenceOf(reference: string | undefined): { year: number; minutes: number } {
  const known = reference !== undefined ? references.get(reference) : undefined;
  if (known) return known;
  const match = reference ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(reference) : null;
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const value = { year, minutes: minutesAt(year, month, day, 12 * 60) };
    // Every event of a memo, and most memos of a run, share a few dates.
    if (references.size > 1000) references.clear();
    references.set(reference as string, value);
    return value;
  }
  const now = new Date();
  return { year: now.getFullYear(), minutes: minutesAt(now.getFullYear(), now.getMonth() + 1, now.getDate(), 12 * 60) };
}

/** Two-digit years land in the century that puts them nearest the reference. */
function fullYear(written: Written, referenceYear: number): number | undefined {
  if (written.year === undefined) return undefined;
  if (!written.shortYear) return written.year;
  const century = Math.floor(referenceYear / 100) * 100;
  const candidates = [century - 100, century, century + 100].map((base) => base + (written.year as number));
  return candidates.reduce((best, year) => (Math.abs(year - referenceYear) < Math.abs(best - referenceYear) ? year : best));
}

/** For a date without a year: the year that puts its start nearest the reference (as chrono does for "Dec. 27"). */
function nearestYear(written: Written, reference: { year: number; minutes: number }): number {
  let best = reference.year;
  let distance = Infinity;
  for (const year of [reference.year - 1, reference.year, reference.year + 1]) {
    const interval = intervalOf(written, year);
    // Feb. 29 exists in some years only; an impossible candidate is no candidate.
    if ('problem' in interval) continue;
    const gap = Math.abs(interval.from - reference.minutes);
    if (gap < distance) [best, distance] = [year, gap];
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Reading

function unreadable(text: string, yearWritten: boolean, problem?: string): EventDate {
  return { text, yearWritten, ...(problem ? { problem } : {}) };
}

function weekdayCheck(written: Written, interval: Interval): EventDate['weekday'] {
  if (!written.weekday || written.day === undefined) return undefined;
  const actual = new Date(interval.from * MINUTE_MS).getUTCDay();
  if (actual === written.weekday.number) return undefined;
  return { written: written.weekday.text, actual: WEEKDAYS[actual] as string };
}

/** The date a reader finds at the start of `text`, and where it ends; undefined when none starts it. */
function readDate(text: string, options: ReadOptions, ranges = true): { date: EventDate; end: number; strong: boolean } | undefined {
  const order = options.order ?? 'mdy';
  const reference = referenceOf(options.reference);
  const dayFirst = ranges ? dayFirstRange(text) : undefined;
  const first = dayFirst?.[0] ?? dateAt(text, 0, order);
  if (!first) return undefined;

  // A range: "Dec. 5–7, 2019", "Dec. 30, 2019–Jan. 2, 2020", "May to June 2019", "2015–2017".
  let last: Written | undefined = dayFirst?.[1];
  const dash = ranges && !dayFirst && first.time === undefined && first.problem === undefined ? matchAt(RANGE, text, first.end) : undefined;
  if (dash) {
    const candidate = rangeEndAt(text, RANGE.lastIndex, order, first);
    // A time range is not a date range we read.
    if (candidate && candidate.problem === undefined && candidate.time === undefined) last = candidate;
  }
  const end = last ? last.end : first.end;
  const written = text.slice(0, end);
  const yearWritten = first.year !== undefined || last?.year !== undefined;
  const strong = first.strong || (last?.strong ?? false);
  if (first.problem) return { date: unreadable(written, yearWritten, first.problem), end, strong };

  // A bare weekday: the latest such day on or before the memo's date.
  if (first.weekday && first.day === undefined && first.month === undefined && first.year === undefined) {
    const noon = new Date(reference.minutes * MINUTE_MS);
    const back = (noon.getUTCDay() - first.weekday.number + 7) % 7;
    const day = new Date((reference.minutes - back * 1440) * MINUTE_MS);
    const year = day.getUTCFullYear();
    Object.assign(first, { year, month: day.getUTCMonth() + 1, day: day.getUTCDate() });
    const interval = intervalOf(first, year) as Interval;
    return { date: finish(written, false, interval, undefined), end, strong };
  }

  const writtenStart = fullYear(first, reference.year);
  const writtenEnd = last ? fullYear(last, reference.year) : undefined;
  let startYear: number;
  let endYear: number;
  if (!last) {
    startYear = endYear = writtenStart ?? nearestYear(first, reference);
  } else {
    // What one half leaves out comes from the other: the month of "5–7", the year of "Dec. 5".
    const sameMonth = last.month === undefined && last.day !== undefined;
    if (sameMonth) last.month = first.month;
    // Does the range, read in one year, end before it starts? ("Dec. 30–Jan. 2": it runs into the next.)
    const wraps = (year: number): boolean => {
      const [a, b] = [intervalOf(first, year), intervalOf(last, year)];
      return !sameMonth && !('problem' in a) && !('problem' in b) && a.from > b.to;
    };
    if (writtenStart !== undefined) {
      startYear = writtenStart;
      endYear = writtenEnd ?? (wraps(writtenStart) ? writtenStart + 1 : writtenStart);
    } else if (writtenEnd !== undefined) {
      endYear = writtenEnd;
      startYear = wraps(writtenEnd) ? writtenEnd - 1 : writtenEnd;
    } else {
      startYear = nearestYear(first, reference);
      endYear = wraps(startYear) ? startYear + 1 : startYear;
    }
  }

  const startInterval = intervalOf(first, startYear);
  if ('problem' in startInterval) return { date: unreadable(written, yearWritten, startInterval.problem), end, strong };
  if (!last) return { date: finish(written, yearWritten, startInterval, first), end, strong };
  const endInterval = intervalOf(last, endYear);
  const problem =
    'problem' in endInterval ? endInterval.problem : endInterval.to < startInterval.from ? 'it ends before it starts' : undefined;
  if (problem !== undefined) {
    // "Dec. 27 - 3 people died": a spaced hyphen that makes no range separates the event.
    if (/^\s+-\s+$/.test(dash?.[0] ?? '')) return readDate(text, options, false);
    return { date: unreadable(written, yearWritten, problem), end, strong };
  }
  if ('problem' in endInterval) return undefined;
  // A range is read at the coarser of its two ends' precisions.
  const precision = COARSENESS[
    Math.min(COARSENESS.indexOf(startInterval.precision), COARSENESS.indexOf(endInterval.precision))
  ] as DatePrecision;
  const span: Interval = { from: startInterval.from, to: endInterval.to, precision, first: startInterval.first, last: endInterval.last };
  return { date: finish(written, yearWritten, span, first, true), end, strong };
}

/** Parts of a month, quarters and seasons are written in ISO as their months. */
const ISO_PRECISION: Record<DatePrecision, DatePrecision> = {
  year: 'year',
  'part-of-year': 'month',
  season: 'month',
  quarter: 'month',
  month: 'month',
  'part-of-month': 'month',
  day: 'day',
  minute: 'minute',
};

function finish(text: string, yearWritten: boolean, interval: Interval, written: Written | undefined, range = false): EventDate {
  const { precision } = interval;
  const start = isoAt(interval.first, ISO_PRECISION[precision]);
  // Spans (ranges, parts of a year, quarters, seasons, decades, weeks) carry their end; a part of
  // a month is inside its month.
  const spans =
    range || precision === 'part-of-year' || precision === 'quarter' || precision === 'season' || written?.decade || written?.week;
  const end = spans ? isoAt(interval.last, ISO_PRECISION[precision]) : undefined;
  const weekday = written ? weekdayCheck(written, interval) : undefined;
  return {
    text,
    yearWritten,
    start,
    ...(end !== undefined && end !== start ? { end } : {}),
    precision,
    from: interval.from,
    to: interval.to,
    ...(weekday ? { weekday } : {}),
  };
}

/** Something meant as a date: a month or weekday with a number, numbers with slashes or dashes, a quarter. */
const DATE_LIKE = new RegExp(
  `^(?:(?:${WEEKDAY_SOURCE})\\.?,?\\s+)?(?:(?:${MONTH})\\.?\\s+\\d|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTH})(?![a-z])|\\d{1,4}[/.\\-]\\d{1,2}[/.\\-]\\d{1,4}|\\d{4}-\\d{1,2}(?!\\d)|q[1-4](?![a-z\\d]))`,
  'i',
);
const DATE_WORD = new RegExp(`\\d|\\b(?:${MONTH}|${WEEKDAY_SOURCE}|spring|summer|fall|autumn|winter|quarter)\\b`, 'i');

/** The written start of an item that is meant as a date, for the message when it cannot be read. */
function dateLikeStart(text: string, lead: string | undefined): string | undefined {
  if (lead !== undefined && text.startsWith(lead.trim()) && DATE_WORD.test(lead)) return trimLead(lead);
  const like = DATE_LIKE.exec(text);
  if (!like) return undefined;
  const separator = /\s*(?:—|–|:|\s-{1,2}\s)/.exec(text);
  if (separator && separator.index <= 40 && separator.index >= like[0].length) return text.slice(0, separator.index);
  return text.slice(0, like[0].length + (/^[^\s,]*/.exec(text.slice(like[0].length))?.[0].length ?? 0));
}

/** A bold lead written with its separator inside ("**Dec. 27:**"). */
function trimLead(lead: string): string {
  return lead.trim().replace(/\s*(?:—|–|-{1,2}|:|,)$/, '');
}

/**
 * Read the date at the very start of `text`. Undefined when nothing date-like starts it; a date
 * without `start` when something does but cannot be read (its `problem` says why, when known).
 * A day with its month (or a numeric or ISO date, a year with its month, season or quarter) is a
 * date wherever it stands; a bare month, year, season or weekday only with a separator after it
 * ("2015 —", "Monday:") or as the whole of a bold lead, so "May officials…" is no date.
 */
/**
 * The form most memos use, `Dec. 27, 2019 —` (or `2019-12-27:`), read in one step: the same
 * result the grammar gives (the tests compare the two on every month spelling and day), but
 * without its trials, as a run of 10,000 memos reads 50,000 of these.
 */
const QUICK_FULL = new RegExp(`^(?:(${MONTH})(\\.?) (\\d{1,2}), (\\d{4})|(\\d{4})-(\\d{2})-(\\d{2}))(?=\\s*(?:—|:)|$)`, 'i');

function quickFull(text: string): LeadingDate | undefined {
  const match = QUICK_FULL.exec(text);
  if (!match) return undefined;
  let month: number;
  if (match[1] !== undefined) {
    // A dot only after an abbreviation; "December." is left to the grammar.
    if (match[2] && FULL_MONTHS.has(match[1].toLowerCase())) return undefined;
    month = monthNumber(match[1]);
  } else month = Number(match[6]);
  const [year, day] = match[1] !== undefined ? [Number(match[4]), Number(match[3])] : [Number(match[5]), Number(match[7])];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  const from = minutesAt(year, month, day);
  const written = match[0];
  const after = text.slice(written.length);
  const separator = SEPARATOR.exec(after);
  return {
    date: { text: written, yearWritten: true, start: `${pad(year, 4)}-${pad(month)}-${pad(day)}`, precision: 'day', from, to: from + 1439 },
    rest: separator ? after.slice(separator[0].length) : after.replace(/^[\s,]+/, ''),
  };
}

export function readLeadingDate(input: string, options: ReadOptions = {}): LeadingDate | undefined {
  const text = input.trimStart();
  const quick = options.grammarOnly ? undefined : quickFull(text);
  if (quick) return quick;
  const lead = options.lead !== undefined ? trimLead(options.lead) : undefined;
  const found = readDate(text, options);
  if (found) {
    const after = text.slice(found.end);
    const separator = SEPARATOR.exec(after);
    const emphasized = lead !== undefined && lead === found.date.text.trim();
    const ends = after.trim() === '' || separator !== null || emphasized;
    if (ends || found.strong)
      return { date: found.date, rest: separator ? after.slice(separator[0].length) : after.replace(/^[\s,]+/, '') };
  }
  const like = dateLikeStart(text, options.lead);
  if (like === undefined) return undefined;
  const after = text.slice(like.length);
  return { date: unreadable(like, /\d{4}/.test(like), found?.date.problem), rest: after.replace(SEPARATOR, '').trimStart() };
}
