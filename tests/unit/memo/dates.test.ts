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
