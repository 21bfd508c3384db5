// Event dates as writers write them: a generated table of every family the reader knows (each
// with the interval it must give, computed here from plain numbers), the impossible ones, and
// chrono-node as an oracle for full dates, where it is right.
import { strict as chronoStrict } from 'chrono-node/en';
import { describe, expect, it } from 'vitest';
import { formatLongDate, isIsoDate } from '../../../src/memo/dates.js';
import { readLeadingDate, type DatePrecision, type EventDate } from '../../../src/memo/event-date.js';

const MEMO = '2019-12-31';
const FULL = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const AP = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
const SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Every way a writer spells month `m` (1–12): full, AP, three letters with and without a period, in capitals. */
function spellings(m: number): string[] {
  const short = SHORT[m - 1] as string;
  return [
    ...new Set([
      FULL[m - 1] as string,
      AP[m - 1] as string,
      short,
      `${short}.`,
      (FULL[m - 1] as string).toUpperCase(),
      short.toLowerCase(),
    ]),
  ].filter(
    // "May." and "June." are no abbreviations; the reader leaves the period (a sentence's end).
    (spelling) => !/^(?:may|june|july|march|april)\.$/i.test(spelling),
  );
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const iso = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const minutes = (y: number, m: number, d: number, minute = 0) => Date.UTC(y, m - 1, d, 0, minute) / 60_000;
const weekday = (y: number, m: number, d: number) => WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()] as string;

interface Expected {
  start: string;
  end?: string;
  precision: DatePrecision;
  from: number;
  to: number;
}

function day(y: number, m: number, d: number): Expected {
  return { start: iso(y, m, d), precision: 'day', from: minutes(y, m, d), to: minutes(y, m, d) + 1439 };
}

/** The year of a yearless date: the one that puts its start nearest the memo's date (noon). */
function nearest(m: number, d: number, reference = MEMO): number {
  const [ry] = reference.split('-').map(Number) as [number];
  const noon = Date.parse(`${reference}T12:00:00Z`) / 60_000;
  return [ry - 1, ry, ry + 1]
    .filter((y) => d <= daysIn(y, m))
    .reduce((best, y) => (Math.abs(minutes(y, m, d) - noon) < Math.abs(minutes(best, m, d) - noon) ? y : best));
}

function read(text: string, options: { reference?: string; order?: 'mdy' | 'dmy'; lead?: string } = {}): EventDate | undefined {
  return readLeadingDate(`${text} — Something happens.`, { reference: MEMO, ...options })?.date;
}

function expectDate(text: string, expected: Expected, options: Parameters<typeof read>[1] = {}): void {
  const date = read(text, options);
  expect(date, text).toBeDefined();
  expect({ start: date?.start, end: date?.end, precision: date?.precision, from: date?.from, to: date?.to }, text).toEqual({
    start: expected.start,
    end: expected.end,
    precision: expected.precision,
    from: expected.from,
    to: expected.to,
  });
  expect(date?.text, text).toBe(text);
}

describe('event dates: every family, every month, generated', () => {
  const year = 2019;
  const days = (m: number) => [1, 9, 10, 15, daysIn(year, m)];

  it('full dates: month first, day first, with and without a comma, ISO and numeric', () => {
    let checked = 0;
    for (let m = 1; m <= 12; m++) {
      for (const d of days(m)) {
        for (const s of spellings(m)) {
          for (const text of [
            `${s} ${d}, ${year}`,
            `${s} ${d} ${year}`,
            `${d} ${s} ${year}`,
            `${d} ${s}, ${year}`,
            `${s} ${d}th, ${year}`,
          ]) {
            if (text.includes(`${d}th`) && d !== 9 && d !== 10 && d !== 15) continue;
            expectDate(text, day(year, m, d));
            checked++;
          }
        }
        expectDate(iso(year, m, d), day(year, m, d));
        expectDate(`${m}/${d}/${year}`, day(year, m, d));
        expectDate(`${m}/${d}/${String(year).slice(2)}`, day(year, m, d));
        expectDate(`${d}/${m}/${year}`, day(year, m, d), { order: 'dmy' });
        checked += 4;
      }
    }
    expect(checked).toBeGreaterThan(1_000);
  });

  it('without a year: the year nearest the memo, across its year end', () => {
    for (const reference of ['2019-12-31', '2020-01-02', '2020-06-15', '2020-03-01']) {
      for (let m = 1; m <= 12; m++) {
        for (const d of [1, 15, 28]) {
          for (const s of spellings(m)) {
            const y = nearest(m, d, reference);
            expectDate(`${s} ${d}`, day(y, m, d), { reference });
            expectDate(`${d} ${s}`, day(y, m, d), { reference });
          }
        }
      }
    }
  });

  it('with a weekday: the day; a wrong weekday is kept for a warning', () => {
    for (let m = 1; m <= 12; m++) {
      for (const d of days(m)) {
        const right = weekday(year, m, d);
        const wrong = WEEKDAYS[(WEEKDAYS.indexOf(right) + 3) % 7] as string;
        for (const s of spellings(m)) {
          for (const name of [right, `${right.slice(0, 3)}.`, right.slice(0, 3)]) {
            expectDate(`${name}, ${s} ${d}, ${year}`, day(year, m, d));
            expect(read(`${name}, ${s} ${d}, ${year}`)?.weekday).toBeUndefined();
          }
          expect(read(`${wrong}, ${s} ${d}, ${year}`)?.weekday).toEqual({ written: wrong, actual: right });
        }
      }
    }
  });

  it('with a time: that minute, in every way a time is written', () => {
    const times: [string, number][] = [
      ['9:40 a.m.', 9 * 60 + 40],
      ['9:40 am', 9 * 60 + 40],
      ['9:40 AM', 9 * 60 + 40],
      ['9:40 p.m.', 21 * 60 + 40],
      ['12:05 a.m.', 5],
      ['12:05 p.m.', 12 * 60 + 5],
      ['10 p.m.', 22 * 60],
      ['10:40 a.m. ET', 10 * 60 + 40],
      ['4:20 p.m. GMT', 16 * 60 + 20],
      ['21:05', 21 * 60 + 5],
      ['00:30', 30],
      ['noon', 12 * 60],
    ];
    for (let m = 1; m <= 12; m++) {
      for (const s of spellings(m)) {
        for (const [time, minute] of times) {
          const at = minutes(year, m, 3, minute);
          const expected: Expected = {
            start: `${iso(year, m, 3)}T${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`,
            precision: 'minute',
            from: at,
            to: at,
          };
          expectDate(`${s} 3, ${year}, ${time}`, expected);
          expectDate(`${s} 3, ${year} at ${time}`, expected);
        }
      }
    }
    expectDate('Dec. 31, 2019 (9:40 a.m.)', {
      start: '2019-12-31T09:40',
      precision: 'minute',
      from: minutes(2019, 12, 31, 580),
      to: minutes(2019, 12, 31, 580),
    });
    const y = nearest(1, 3);
    expectDate('Jan. 3, 10:40 a.m. ET', {
      start: `${iso(y, 1, 3)}T10:40`,
      precision: 'minute',
      from: minutes(y, 1, 3, 640),
      to: minutes(y, 1, 3, 640),
    });
  });

  it('months, parts of months, quarters, seasons and years', () => {
    for (let m = 1; m <= 12; m++) {
      const last = daysIn(year, m);
      for (const s of spellings(m)) {
        expectDate(`${s} ${year}`, {
          start: `${year}-${pad(m)}`,
          precision: 'month',
          from: minutes(year, m, 1),
          to: minutes(year, m, last) + 1439,
        });
        for (const [part, first, end] of [
          ['early', 1, 10],
          ['mid', 11, 20],
          ['late', 21, last],
        ] as const) {
          const expected: Expected = {
            start: `${year}-${pad(m)}`,
            precision: 'part-of-month',
            from: minutes(year, m, first),
            to: minutes(year, m, end) + 1439,
          };
          expectDate(`${part} ${s} ${year}`, expected);
          expectDate(`${part}-${s} ${year}`, expected);
          expectDate(`${part[0]?.toUpperCase()}${part.slice(1)} ${s} ${year}`, expected);
        }
      }
    }
    for (let q = 1; q <= 4; q++) {
      const [first, lastMonth] = [q * 3 - 2, q * 3];
      const expected: Expected = {
        start: `${year}-${pad(first)}`,
        end: `${year}-${pad(lastMonth)}`,
        precision: 'quarter',
        from: minutes(year, first, 1),
        to: minutes(year, lastMonth, daysIn(year, lastMonth)) + 1439,
      };
      const ordinal = ['first', 'second', 'third', 'fourth'][q - 1] as string;
      for (const text of [
        `Q${q} ${year}`,
        `q${q} ${year}`,
        `${ordinal} quarter of ${year}`,
        `${ordinal} quarter ${year}`,
        `${['1st', '2nd', '3rd', '4th'][q - 1]} quarter of ${year}`,
      ]) {
        expectDate(text, expected);
      }
    }
    const seasons: [string[], number, number, number][] = [
      [['Spring', 'spring', 'spring of'], 3, 5, 0],
      [['Summer', 'summer'], 6, 8, 0],
      [['Fall', 'fall', 'Autumn', 'autumn'], 9, 11, 0],
      // Meteorological winter: December of the year written to February of the next.
      [['Winter', 'winter'], 12, 2, 1],
    ];
    for (const [names, first, lastMonth, roll] of seasons) {
      for (const name of names) {
        expectDate(`${name} ${year}`, {
          start: `${year}-${pad(first)}`,
          end: `${year + roll}-${pad(lastMonth)}`,
          precision: 'season',
          from: minutes(year, first, 1),
          to: minutes(year + roll, lastMonth, daysIn(year + roll, lastMonth)) + 1439,
        });
      }
    }
    for (const y of [1979, 2001, 2015, 2019])
      expectDate(String(y), { start: String(y), precision: 'year', from: minutes(y, 1, 1), to: minutes(y, 12, 31) + 1439 });
    for (const [part, first, lastMonth] of [
      ['early', 1, 4],
      ['mid', 5, 8],
      ['late', 9, 12],
    ] as const) {
      const expected: Expected = {
        start: `${year}-${pad(first)}`,
        end: `${year}-${pad(lastMonth)}`,
        precision: 'part-of-year',
        from: minutes(year, first, 1),
        to: minutes(year, lastMonth, daysIn(year, lastMonth)) + 1439,
      };
      for (const text of [`${part} ${year}`, `${part}-${year}`, `${part[0]?.toUpperCase()}${part.slice(1)} ${year}`])
        expectDate(text, expected);
    }
    expectDate('1990s', { start: '1990', end: '1999', precision: 'year', from: minutes(1990, 1, 1), to: minutes(1999, 12, 31) + 1439 });
    for (const winter of ['winter 2019-20', 'Winter 2019–20', 'winter 2019/2020']) {
      expectDate(winter, {
        start: '2019-12',
        end: '2020-02',
        precision: 'season',
        from: minutes(2019, 12, 1),
        to: minutes(2020, 2, 29) + 1439,
      });
    }
    expectDate('the week of Dec. 30, 2019', { ...day(2019, 12, 30), end: '2020-01-05', to: minutes(2020, 1, 5) + 1439 });
    expectDate('Week of Dec. 16', { ...day(2019, 12, 16), end: '2019-12-22', to: minutes(2019, 12, 22) + 1439 });
  });

  it('ranges: hyphen, en dash, to and through; within a month, across months and across years', () => {
    for (let m = 1; m <= 12; m++) {
      for (const s of spellings(m)) {
        for (const dash of ['–', '-', ' – ', ' to ', ' through ']) {
          expectDate(`${s} 5${dash}7, ${year}`, { ...day(year, m, 5), end: iso(year, m, 7), to: minutes(year, m, 7) + 1439 });
          expectDate(`5${dash}7 ${s} ${year}`, { ...day(year, m, 5), end: iso(year, m, 7), to: minutes(year, m, 7) + 1439 });
          const next = (m % 12) + 1;
          const nextYear = next === 1 ? year + 1 : year;
          for (const t of spellings(next).slice(0, 2)) {
            expectDate(`${s} 28, ${year}${dash}${t} 2, ${nextYear}`, {
              ...day(year, m, 28),
              end: iso(nextYear, next, 2),
              to: minutes(nextYear, next, 2) + 1439,
            });
          }
        }
      }
    }
    // Without a year: Dec. 30–Jan. 2 runs into the next year; the start is the year nearest the memo.
    expectDate('Dec. 30–Jan. 2', { ...day(2019, 12, 30), end: '2020-01-02', to: minutes(2020, 1, 2) + 1439 });
    expectDate('Dec. 30, 2019–Jan. 2, 2020', { ...day(2019, 12, 30), end: '2020-01-02', to: minutes(2020, 1, 2) + 1439 });
    expectDate('May–June 2019', {
      start: '2019-05',
      end: '2019-06',
      precision: 'month',
      from: minutes(2019, 5, 1),
      to: minutes(2019, 6, 30) + 1439,
    });
    expectDate('2015–2017', { start: '2015', end: '2017', precision: 'year', from: minutes(2015, 1, 1), to: minutes(2017, 12, 31) + 1439 });
  });

  it("a bare weekday: the latest such day on or before the memo's date", () => {
    // 2019-12-31 is a Tuesday.
    const expected: Record<string, number> = { Tuesday: 31, Monday: 30, Sunday: 29, Saturday: 28, Friday: 27, Thursday: 26, Wednesday: 25 };
    for (const [name, d] of Object.entries(expected)) {
      expectDate(name, day(2019, 12, d));
      expectDate(`${name.slice(0, 3)}.`, day(2019, 12, d));
    }
  });

  it('impossible dates are unreadable, with the reason; the text is kept', () => {
    const cases: [string, string | undefined][] = [
      ['Feb. 30, 2019', 'February 2019 has 28 days'],
      ['Feb. 29, 2019', 'February 2019 has 28 days'],
      ['April 31, 2020', 'April 2020 has 30 days'],
      ['Dec. 0, 2019', 'there is no day 0'],
      ['13/13/2019', 'neither 13 nor 13 can be a month'],
      ['32/13/2019', 'neither 32 nor 13 can be a month'],
      ['2019-13-01', 'there is no month 13'],
      ['2019-02-30', 'February 2019 has 28 days'],
      ['Dec. 7–5, 2019', 'it ends before it starts'],
      ['Dec. 27, 2019, 13:75', '13:75 is not a time of day'],
      ['Dec. 27, 2019, 14:30 p.m.', '14:30 p.m. is not a time of day'],
    ];
    for (const [text, problem] of cases) {
      const date = read(text);
      expect(date?.start, text).toBeUndefined();
      expect(date?.text, text).toBe(text);
      expect(date?.problem, text).toBe(problem);
    }
    expect(read('Feb. 29, 2020')?.start).toBe('2020-02-29');
  });

  it('what is no date: text that only mentions one, and weak forms without a separator', () => {
    for (const text of [
      'Dozens of supporters on Dec. 31',
      'Maybe later',
      'May officials met in Baghdad',
      'March on the embassy',
      '2000 protesters gathered',
      'Monday’s attack killed two',
      'Fall of the government',
      'Summer interns arrived',
      'Q&A with the ambassador',
    ]) {
      expect(readLeadingDate(text, { reference: MEMO }), text).toBeUndefined();
    }
    // A bold lead makes a weak form a date even without a separator after it.
    expect(readLeadingDate('May 2018 Parliamentary elections', { reference: MEMO, lead: 'May 2018' })?.date.start).toBe('2018-05');
  });

  it('gives the event text without any of the date', () => {
    for (const [text, rest] of [
      ['**Dec. 5–7, 2019** — Protests spread.', 'Protests spread.'],
      ['May 2018 — Elections.', 'Elections.'],
      ['December 2019: Tensions peak.', 'Tensions peak.'],
      ['Fri., Jan. 3, 2020, 9:40 a.m. ET - A strike.', 'A strike.'],
      ['Dec. 27 - 3 people died.', '3 people died.'],
      ['Dec. 27, 2019 An American contractor is killed.', 'An American contractor is killed.'],
    ] as const) {
      const plain = text.replace(/\*\*/g, '');
      expect(readLeadingDate(plain, { reference: MEMO })?.rest, text).toBe(rest);
    }
  });
});

describe('event dates: full dates agree with chrono-node, which reads them right, and the quick path with the grammar', () => {
  const months = [
    'jan',
    'january',
    'feb',
    'february',
    'mar',
    'march',
    'apr',
    'april',
    'may',
    'jun',
    'june',
    'jul',
    'july',
    'aug',
    'august',
  ];
  const more = ['sep', 'sept', 'september', 'oct', 'october', 'nov', 'november', 'dec', 'december'];
  const all = [...months, ...more].flatMap((month) => [month, month[0]?.toUpperCase() + month.slice(1), month.toUpperCase()]);

  /** chrono's reading of a whole full date: its ISO day, or undefined when it reads none (or not all of it). */
  function chronoDay(text: string): string | undefined {
    const result = chronoStrict.parse(text, { instant: new Date(`${MEMO}T12:00:00Z`), timezone: 0 }, { forwardDate: false })[0];
    if (!result || result.index !== 0 || result.text.length !== text.length) return undefined;
    const value = iso(result.start.get('year') ?? 0, result.start.get('month') ?? 0, result.start.get('day') ?? 0);
    return isIsoDate(value) ? value : undefined;
  }

  it('on ISO dates, real and not: the quick path and the grammar agree', () => {
    for (const written of ['2019-12-27', '2020-02-29', '2019-02-29', '2019-13-01', '2019-00-10', '2019-1-5', '0999-01-01', '9999-12-31']) {
      for (const line of [`${written} — x`, `${written}: x`, written, `${written}, 10:40 a.m. — x`]) {
        expect(readLeadingDate(line, { reference: MEMO }), line).toEqual(readLeadingDate(line, { reference: MEMO, grammarOnly: true }));
      }
    }
  });

  it('on every month spelling, day 0–32, with and without dot and comma, in leap and common years', () => {
    let compared = 0;
    let agreedOnADay = 0;
    for (const month of all) {
      for (const dot of ['', '.']) {
        for (let d = 0; d <= 32; d++) {
          for (const comma of [',', '']) {
            for (const y of ['2019', '2020', '1900', '2000']) {
              const text = `${month}${dot} ${d}${comma} ${y}`;
              const theirs = chronoDay(text);
              // chrono takes "December." as an abbreviation, the reader as a sentence's end: compare real abbreviations only.
              if (dot && month.length > 4 && month.toLowerCase() !== 'sept') continue;
              const ours = read(text);
              expect(ours?.start, text).toBe(theirs);
              // The one-step reading of the commonest form gives exactly what the grammar gives.
              for (const separator of [' — x', ': x', '']) {
                const line = `${text}${separator}`;
                expect(readLeadingDate(line, { reference: MEMO }), line).toEqual(
                  readLeadingDate(line, { reference: MEMO, grammarOnly: true }),
                );
              }
              if (theirs) agreedOnADay++;
              compared++;
            }
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(8_000);
    expect(agreedOnADay).toBeGreaterThan(6_000);
  });
});

describe('date helpers', () => {
  it('validates ISO dates', () => {
    expect(isIsoDate('2019-12-31')).toBe(true);
    expect(isIsoDate('2019-02-29')).toBe(false);
    expect(isIsoDate('2019-12-31T00:00')).toBe(false);
  });
  it('formats the long date line', () => {
    expect(formatLongDate('2019-12-31')).toBe('December 31, 2019');
  });
});
