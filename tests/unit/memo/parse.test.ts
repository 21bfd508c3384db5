import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMemo } from '../../../src/memo/parse.js';
import { loadMemoTypes } from '../../../src/templates/load.js';
import { EXAMPLE, FIXTURES } from '../../helpers/cli.js';

const types = loadMemoTypes();
const parseFixture = (name: string) => parseMemo(readFileSync(join(FIXTURES, 'memos', name), 'utf8'), { path: name, types });

describe('parseMemo on the example memo', () => {
  const memo = parseMemo(readFileSync(EXAMPLE, 'utf8'), { path: EXAMPLE, types });

  it('reads the front matter fields', () => {
    expect(memo.problems).toEqual([]);
    expect(memo.type).toBe('rapid-response');
    expect(memo.title).toBe('Backlash to U.S. Strikes in Iraq Underscores Failure of Max Pressure');
    expect(memo.date).toBe('2019-12-31');
    expect(memo.author).toBe('Policy Team');
    expect(memo.tags).toEqual(['iraq', 'iran', 'maximum-pressure']);
    expect(memo.memoType?.name).toBe('rapid-response');
    expect(memo.frontMatter?.keySpans['date']?.start.line).toBe(4);
  });

  it('finds the title, lede and sections with their ids and positions', () => {
    expect(memo.titleHeadings.map((h) => h.text)).toEqual(['Memo: Backlash to U.S. Strikes in Iraq Underscores Failure of Max Pressure']);
    expect(memo.titleHeadings[0]?.span.start).toEqual({ line: 10, column: 1, offset: expect.any(Number) });
    expect(memo.lede).toHaveLength(2);
    expect(memo.lede[0]?.text).toMatch(/^This morning, Iraqi militiamen/);
    expect(memo.lede[0]?.span.start.line).toBe(12);
    expect(memo.sections.map((s) => [s.heading.text, s.heading.id, s.heading.span.start.line])).toEqual([
      ['Key Takeaways', 'key-takeaways', 16],
      ['Sequence of Events', 'sequence-of-events', 26],
    ]);
  });

  it('reads the takeaways and the dated events', () => {
    expect(memo.takeaways).toHaveLength(7);
    expect(memo.takeaways[0]?.span.start).toMatchObject({ line: 18, column: 1 });
    expect(memo.events.map((e) => e.date?.start)).toEqual(['2019-12-27', '2019-12-29', '2019-12-31', '2019-12-31', '2019-12-31']);
    expect(memo.events.every((e) => e.date?.precision === 'day')).toBe(true);
    expect(memo.events[0]?.date?.text).toBe('Dec. 27, 2019');
    expect(memo.events[0]?.body).toMatch(/^An American contractor is killed/);
    expect(memo.events.every((e) => e.date?.yearWritten)).toBe(true);
  });

  it('collects links and the Back to top link in the last section', () => {
    expect(memo.backToTop).toHaveLength(1);
    expect(memo.backToTop[0]).toMatchObject({ url: '#top', text: 'Back to top' });
    expect(memo.backToTop[0]?.span.start.line).toBe(34);
    expect(memo.sections[1]?.backToTop).toHaveLength(1);
    expect(memo.sections[1]?.text).not.toMatch(/Back to top/);
  });
});

describe('parseMemo edge cases', () => {
  it('accepts a memo without front matter', () => {
    const memo = parseFixture('no-front-matter.md');
    expect(memo.frontMatter).toBeUndefined();
    expect(memo.problems).toEqual([]);
    expect(memo.type).toBeUndefined();
    expect(memo.titleHeadings[0]?.text).toBe('Memo: A Memo Without Front Matter');
    expect(memo.sections[0]?.items.map((i) => i.text)).toEqual(['One.']);
    expect(memo.bodyLine).toBe(1);
  });

  it('returns bad YAML as a positioned problem, not an exception', () => {
    const memo = parseFixture('bad-yaml.md');
    expect(memo.problems).toHaveLength(1);
    expect(memo.problems[0]?.message).toMatch(/^Invalid YAML in front matter/);
    expect(memo.problems[0]?.span.start.line).toBeGreaterThanOrEqual(3);
    expect(memo.type).toBeUndefined();
  });

  it('reports duplicate keys with the line of the second one', () => {
    const memo = parseFixture('duplicate-keys.md');
    expect(memo.problems.map((p) => [p.span.start.line, /unique/i.test(p.message)])).toEqual([[4, true]]);
  });

  it('starts a section at a `#` heading after the title, as at the `##` it was meant to be (#15)', () => {
    const source = readFileSync(join(FIXTURES, 'lint', 'heading-levels', 'one-hash-sections.md'), 'utf8');
    const memo = parseMemo(source, { path: 'x.md', types });
    expect(memo.titleHeadings.map((h) => h.text)).toEqual([
      'Memo: Backlash to U.S. Strikes in Iraq',
      'Key Takeaways',
      'Sequence of Events',
    ]);
    expect(memo.sections.map((s) => [s.heading.text, s.heading.depth, s.listCount])).toEqual([
      ['Key Takeaways', 1, 1],
      ['Sequence of Events', 1, 1],
    ]);
    expect(memo.lede.map((p) => p.span.start.line)).toEqual([9, 11]);
    expect(memo.takeaways).toHaveLength(3);
    expect(memo.events.map((e) => e.date?.start)).toEqual(['2019-12-27', '2019-12-29', '2019-12-31']);
    // Its heading's words count, as a `##` heading's do.
    expect(memo.words).toBe(parseMemo(source.replace(/^# (Key|Seq)/gm, '## $1'), { path: 'x.md', types }).words);
  });

  it('reports front matter that is never closed', () => {
    const memo = parseMemo('---\ntype: statement\n\n# Statement: X\n', { path: 'x.md', types });
    expect(memo.problems[0]?.message).toMatch(/never closed/);
  });

  it('handles CRLF line endings with the same lines as LF', () => {
    const memo = parseFixture('crlf.md');
    expect(memo.problems).toEqual([]);
    expect(memo.title).toBe('CRLF Memo');
    expect(memo.sections.map((s) => s.heading.span.start.line)).toEqual([11, 16]);
    expect(memo.events[0]?.date?.start).toBe('2020-01-02');
    expect(memo.takeaways.map((t) => t.text)).toEqual(['First.', 'Second.']);
  });

  it('strips a UTF-8 BOM and remembers it', () => {
    const memo = parseFixture('bom.md');
    expect(memo.bom).toBe(true);
    expect(memo.source.startsWith('---')).toBe(true);
    expect(memo.type).toBe('statement');
    expect(memo.titleHeadings[0]?.span.start.line).toBe(7);
  });

  it('infers missing years from the memo date, rolling December over into January', () => {
    const memo = parseFixture('rollover.md');
    const dates = memo.events.map((e) => [e.date?.text, e.date?.start, e.date?.yearWritten]);
    expect(dates).toEqual([
      ['Dec. 30', '2019-12-30', false],
      ['Dec. 31', '2019-12-31', false],
      ['January 2', '2020-01-02', false],
      ['2020-01-03', '2020-01-03', true],
      ['Sept. 3, 10:40 a.m. ET', '2019-09-03T10:40', false],
      ['Feb. 30, 2020', undefined, true],
      // A bare weekday is the latest such day on or before the memo's date (2020-01-03, a Friday).
      ['Tuesday', '2019-12-31', false],
      [undefined, undefined, undefined],
    ]);
    expect(memo.events[4]?.date?.precision).toBe('minute');
    expect(memo.events[5]?.date?.problem).toBe('February 2020 has 29 days');
    expect(memo.events[4]?.body).toBe('With a time.');
    expect(memo.events[1]?.body).toBe('The embassy is breached.');
    expect(memo.events[7]?.body).toBe('An undated event.');
  });

  it('gives duplicate headings unique ids and keeps `top` for the memo top', () => {
    const memo = parseMemo('# Memo: X\n\n## Top\n\nA\n\n## Notes\n\nB\n\n## Notes\n\nC\n', { path: 'x.md', types });
    expect(memo.headings.map((h) => h.id)).toEqual(['memo-x', 'top-1', 'notes', 'notes-1']);
  });
});

describe('parseMemo: authors are people, one or several', () => {
  const front = (author: string) =>
    parseMemo(`---\ntype: statement\ntitle: T\ndate: 2020-01-01\n${author}\n---\n\n# T\n`, { path: 'a.md', types });

  it.each([
    ['author: Policy Team', ['Policy Team'], 'Policy Team'],
    ['author: [Dana Reyes, Omid Farahani]', ['Dana Reyes', 'Omid Farahani'], 'Dana Reyes, Omid Farahani'],
    ['author:\n  - Dana Reyes\n  - Omid Farahani', ['Dana Reyes', 'Omid Farahani'], 'Dana Reyes, Omid Farahani'],
    // A string is one person, commas and all: a name may hold one.
    ['author: Reyes, Dana', ['Reyes, Dana'], 'Reyes, Dana'],
    ['author: ["Reyes, Dana", Omid Farahani]', ['Reyes, Dana', 'Omid Farahani'], 'Reyes, Dana, Omid Farahani'],
    ['author: "  Dana Reyes  "', ['Dana Reyes'], 'Dana Reyes'],
    ['author: [Dana Reyes, "", "  "]', ['Dana Reyes'], 'Dana Reyes'],
    ['author: [Dana Reyes, 42, { name: Omid }]', ['Dana Reyes'], 'Dana Reyes'],
    ['author: []', [], undefined],
    ['author:', [], undefined],
    ['author: 42', [], undefined],
    ['summary: none', [], undefined],
  ])('%s', (line, authors, author) => {
    const memo = front(line);
    expect(memo.problems).toEqual([]);
    expect(memo.authors).toEqual(authors);
    expect(memo.author).toBe(author);
  });
});
