import { describe, expect, it } from 'vitest';
import { formatLongDate, isIsoDate, parseLeadingDate } from '../../../src/memo/dates.js';

describe('parseLeadingDate', () => {
  it.each([
    ['Dec. 27, 2019 — x', '2019-12-27', 'Dec. 27, 2019'],
    ['December 27, 2019 — x', '2019-12-27', 'December 27, 2019'],
    ['2019-12-27: x', '2019-12-27', '2019-12-27'],
    ['Aug. 5: x', '2019-08-05', 'Aug. 5'],
    ['Sept. 30: x', '2019-09-30', 'Sept. 30'],
    ['Oct. 1 - x', '2019-10-01', 'Oct. 1'],
    ['Nov. 11, 2019: x', '2019-11-11', 'Nov. 11, 2019'],
  ])('%s', (text, iso, written) => {
    const parsed = parseLeadingDate(text, '2019-12-31');
    expect(parsed?.date.iso).toBe(iso);
    expect(parsed?.date.text).toBe(written);
    expect(parsed?.rest).toBe('x');
  });

  it('returns undefined for text that does not start with a date', () => {
    expect(parseLeadingDate('Dozens of supporters on Dec. 31', '2019-12-31')).toBeUndefined();
    expect(parseLeadingDate('Maybe later', '2019-12-31')).toBeUndefined();
  });

  it('marks impossible dates as not real', () => {
    expect(parseLeadingDate('Feb. 30, 2020: x', '2020-03-01')?.date.iso).toBeUndefined();
    expect(parseLeadingDate('2019-13-01: x', '2020-03-01')?.date.iso).toBeUndefined();
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

describe('parseLeadingDate: the fast path for dates written in full agrees with chrono', () => {
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
    'sep',
    'sept',
    'september',
    'oct',
    'october',
    'nov',
    'november',
    'dec',
    'december',
  ];
  const spellings = months.flatMap((month) => [month, month[0]?.toUpperCase() + month.slice(1), month.toUpperCase()]);

  it('on every month spelling, day 0–32, with and without dot, comma, in leap and common years', () => {
    let compared = 0;
    for (const month of spellings) {
      for (const dot of ['', '.']) {
        for (let day = 0; day <= 32; day++) {
          for (const [comma, space] of [
            [',', ' '],
            ['', ' '],
            [',', '  '],
          ] as const) {
            for (const year of ['2019', '2020', '1900', '2000']) {
              const text = `${month}${dot} ${day}${comma}${space}${year} — Something happens.`;
              expect(parseLeadingDate(text, '2019-12-31'), text).toEqual(parseLeadingDate(text, '2019-12-31', { chronoOnly: true }));
              compared++;
            }
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(10_000);
  });

  it('on month and day without a year, against memo dates around year ends, leap days and mid-year', () => {
    let compared = 0;
    for (const reference of [
      '2019-12-31',
      '2020-01-01',
      '2020-02-29',
      '2019-03-01',
      '2019-06-30',
      '2021-09-15',
      '2000-12-15',
      '1999-01-10',
    ]) {
      for (const month of spellings) {
        for (const dot of ['', '.']) {
          for (let day = 0; day <= 32; day++) {
            const text = `${month}${dot} ${day} — Something happens.`;
            expect(parseLeadingDate(text, reference), `${text} (memo of ${reference})`).toEqual(
              parseLeadingDate(text, reference, { chronoOnly: true }),
            );
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(30_000);
  });

  it('on ISO dates, real and not', () => {
    for (const written of [
      '2019-12-27',
      '2020-02-29',
      '2019-02-29',
      '2019-13-01',
      '2019-00-10',
      '2019-1-5',
      '2019-12-5',
      '0000-01-01',
      '9999-12-31',
    ]) {
      const text = `${written}: Something happens.`;
      expect(parseLeadingDate(text, '2019-12-31'), text).toEqual(parseLeadingDate(text, '2019-12-31', { chronoOnly: true }));
    }
  });
});
