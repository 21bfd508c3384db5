// Timelines as writers write them, mixing every precision: a timeline in order is left alone
// (no finding, --fix byte-identical), and any shuffle of it is put back in an order its dates
// allow, idempotently, every item kept.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyConfig } from '../../src/config/config.js';
import { lintText } from '../../src/lint/engine.js';
import { isReadable } from '../../src/memo/event-date.js';
import { parseMemo } from '../../src/memo/parse.js';
import { loadMemoTypes } from '../../src/templates/load.js';
import { fuzzParameters, fuzzTimeout } from './arbitraries.js';

const types = loadMemoTypes();
const HEADER = `---
type: rapid-response
title: A Timeline
date: 2019-12-31
---

# Memo: A Timeline

What happened, and when.

## Key Takeaways

- One.
- Two.
- Three.

## Sequence of Events

`;

const FULL = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const AP = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** A date of any family, written with its year, no later than the memo's date (2019-12-31). */
const writtenDate = fc
  .record({
    year: fc.integer({ min: 2015, max: 2019 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    spelling: fc.constantFrom(FULL, AP),
    form: fc.constantFrom(
      'year',
      'decade',
      'part-of-year',
      'week',
      'month',
      'part',
      'quarter',
      'season',
      'day',
      'day-first',
      'iso',
      'numeric',
      'minute',
      'range',
      'range-months',
    ),
    dash: fc.constantFrom('–', '-', ' to '),
  })
  .map(({ year, month, day, spelling, form, dash }) => {
    const name = spelling[month - 1] as string;
    switch (form) {
      case 'year':
        return `${year}`;
      case 'decade':
        return `${Math.floor(year / 10) * 10}s`;
      case 'part-of-year':
        return `${['early ', 'mid-', 'late '][day % 3]}${year}`;
      case 'week':
        return `the week of ${name} ${day}, ${year}`;
      case 'month':
        return `${name} ${year}`;
      case 'part':
        return `${['early', 'mid-', 'late'][day % 3]}${day % 3 === 1 ? '' : ' '}${name} ${year}`.replace('mid- ', 'mid-');
      case 'quarter':
        return day % 2 === 0
          ? `Q${Math.ceil(month / 3)} ${year}`
          : `${['first', 'second', 'third', 'fourth'][Math.ceil(month / 3) - 1]} quarter of ${year}`;
      case 'season':
        // Winter 2019 runs into 2020, after the memo: only earlier winters.
        return `${['Spring', 'summer', 'fall', 'autumn', 'Winter'][day % 5]} ${day % 5 === 4 ? Math.min(year, 2018) : year}`;
      case 'day':
        return `${name} ${day}, ${year}`;
      case 'day-first':
        return `${day} ${name} ${year}`;
      case 'iso':
        return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      case 'numeric':
        return `${month}/${day}/${year}`;
      case 'minute':
        return `${name} ${day}, ${year}, ${(day % 12) + 1}:${String(day * 2).padStart(2, '0')} ${day % 2 ? 'a.m.' : 'p.m.'}`;
      case 'range':
        return `${name} ${day}${dash}${Math.min(day + 3, daysIn(year, month))}, ${year}`;
      default:
        return month < 12
          ? `${name} ${day}, ${year}${dash.trim() === 'to' ? ' to ' : '–'}${spelling[month] as string} 2, ${year}`
          : `${name} ${year}`;
    }
  });

/** The events of a memo, each with a unique text. */
function memoOf(dates: string[], bold: boolean[]): string {
  const items = dates.map((date, index) =>
    bold[index % bold.length] ? `- **${date}** — Event ${index + 1} happens.` : `- ${date}: Event ${index + 1} happens.`,
  );
  return `${HEADER}${items.join('\n')}\n\n[Back to top](#top)\n`;
}

function lint(source: string, fix = false) {
  return lintText(source, {
    path: 'memo.md',
    config: emptyConfig(),
    types,
    only: new Set(['dated-events']),
    ...(fix ? { fix: true } : {}),
  });
}

function eventsOf(source: string) {
  return parseMemo(source, { path: 'memo.md', types }).events;
}

/** The timeline's dates sorted by interval start (then end): always an order the dates allow. */
function inOrder(dates: string[]): string[] {
  const events = eventsOf(memoOf(dates, [true]));
  return events
    .map((event, index) => ({ date: dates[index] as string, from: event.date?.from ?? 0, to: event.date?.to ?? 0 }))
    .sort((a, b) => a.from - b.from || a.to - b.to)
    .map((event) => event.date);
}

const timeline = fc.tuple(fc.array(writtenDate, { minLength: 2, maxLength: 9 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }));

describe('timelines of every precision', () => {
  it(
    'are read whole: every generated date is readable',
    () => {
      fc.assert(
        fc.property(timeline, ([dates]) => {
          const events = eventsOf(memoOf(dates, [true]));
          expect(events.map((event) => event.date?.text)).toEqual(dates);
          expect(events.every((event) => isReadable(event.date))).toBe(true);
        }),
        fuzzParameters(),
      );
    },
    fuzzTimeout(50),
  );

  it(
    'in order: no dated-events finding, and --fix leaves the memo byte-identical',
    () => {
      fc.assert(
        fc.property(timeline, ([dates, bold]) => {
          const source = memoOf(inOrder(dates), bold);
          const result = lint(source, true);
          expect(result.messages).toEqual([]);
          expect(result.output).toBeUndefined();
        }),
        fuzzParameters(),
      );
    },
    fuzzTimeout(50),
  );

  it(
    'shuffled: --fix gives an order the dates allow, the same items, and a second --fix changes nothing',
    () => {
      fc.assert(
        fc.property(timeline, fc.infiniteStream(fc.nat()), ([dates, bold], randoms) => {
          const shuffled = [...dates];
          const random = randoms[Symbol.iterator]();
          for (let i = shuffled.length - 1; i > 0; i--) {
            const j = (random.next().value as number) % (i + 1);
            [shuffled[i], shuffled[j]] = [shuffled[j] as string, shuffled[i] as string];
          }
          const source = memoOf(shuffled, bold);
          const fixed = lint(source, true).output ?? source;
          const events = eventsOf(fixed);
          // No event is definitely earlier than one above it.
          for (let i = 0; i < events.length; i++) {
            for (let j = i + 1; j < events.length; j++) {
              expect(
                (events[i]?.date?.from ?? 0) > (events[j]?.date?.to ?? 0),
                `${events[i]?.date?.text} above ${events[j]?.date?.text}`,
              ).toBe(false);
            }
          }
          const lines = (text: string) => text.split('\n').sort();
          expect(lines(fixed)).toEqual(lines(source));
          expect(lint(fixed).messages).toEqual([]);
          expect(lint(fixed, true).output).toBeUndefined();
        }),
        fuzzParameters(),
      );
    },
    fuzzTimeout(50),
  );
});
