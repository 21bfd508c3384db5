// Event dates as writers write them, through the built CLI: each case is one that misread a
// timeline before dates became intervals (issue #14), kept as a regression test.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memo, tempDir } from '../helpers/cli.js';

const HEADER = `---
type: rapid-response
title: Backlash to U.S. Strikes in Iraq
date: 2019-12-31
---

# Memo: Backlash to U.S. Strikes in Iraq

This morning, Iraqi militiamen and protestors breached the U.S. Embassy walls in Baghdad.

## Key Takeaways

- The exchange of fire with Iraqi Shia militias is another sign of the failure of maximum pressure.
- Iran retains both direct and indirect options to escalate.
- The U.S. military and political position in Iraq is now under serious threat.

## Sequence of Events

`;

function project(events: string, files: Record<string, string> = {}): string {
  const cwd = tempDir();
  writeFileSync(join(cwd, 'memo.md'), `${HEADER}${events}\n\n[Back to top](#top)\n`);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(cwd, name, '..'), { recursive: true });
    writeFileSync(join(cwd, name), text);
  }
  return cwd;
}

interface JsonMessage {
  ruleId: string;
  line: number;
  severity: number;
  message: string;
}

function findings(cwd: string): JsonMessage[] {
  const result = memo(['lint', 'memo.md', '--format', 'json'], { cwd });
  return (JSON.parse(result.stdout) as { messages: JsonMessage[] }[])[0]?.messages ?? [];
}

function events(cwd: string): Record<string, unknown>[] {
  const result = memo(['export', 'memo.md', '--to', 'json'], { cwd });
  expect(result.status).toBe(0);
  return (JSON.parse(result.stdout) as { events: Record<string, unknown>[] }).events;
}

describe('event dates through the CLI', () => {
  it('"May 2018" and "December 2019" are months: no false warning or error, --fix changes nothing, no digits leak into the text', () => {
    const cwd = project(
      '- **May 2018** — Parliamentary elections are held.\n- **December 2019** — Tensions peak.\n- **Dec. 31, 2019** — Militia supporters break into the embassy.',
    );
    expect(findings(cwd)).toEqual([]);
    const before = readFileSync(join(cwd, 'memo.md'));
    const fix = memo(['lint', '--fix', 'memo.md'], { cwd });
    expect(fix.status).toBe(0);
    expect(readFileSync(join(cwd, 'memo.md'))).toEqual(before);
    expect(events(cwd).slice(0, 2)).toEqual([
      { date: '2018-05', precision: 'month', dateText: 'May 2018', text: 'Parliamentary elections are held.' },
      { date: '2019-12', precision: 'month', dateText: 'December 2019', text: 'Tensions peak.' },
    ]);
  });

  it('"Dec. 5–7, 2019" is a three-day span, and the text keeps none of it', () => {
    const cwd = project('- **Dec. 5–7, 2019** — Protests spread south.\n- **Dec. 31, 2019** — The embassy is breached.');
    expect(findings(cwd)).toEqual([]);
    expect(events(cwd)[0]).toEqual({
      date: '2019-12-05',
      end: '2019-12-07',
      precision: 'day',
      dateText: 'Dec. 5–7, 2019',
      text: 'Protests spread south.',
    });
  });

  it('"27 December 2019" and "12/27/2019" are dates; what cannot be read is quoted, not called missing', () => {
    const cwd = project('- **27 December 2019** — A contractor is killed.\n- **12/29/2019** — Airstrikes.\n- **32/13/2019** — Unreadable.');
    const list = findings(cwd);
    expect(list.map((m) => [m.line, m.message])).toEqual([
      [
        21,
        'Sequence of Events item 3 starts with "32/13/2019", which memokit cannot read as a date (neither 32 nor 13 can be a month); write it like "**Dec. 31, 2019** —".',
      ],
    ]);
    expect(events(cwd).map((event) => event['date'])).toEqual(['2019-12-27', '2019-12-29', null]);
  });

  it('times on the same day are compared, and --fix puts them in order', () => {
    const cwd = project('- **Dec. 31, 10:40 a.m.** — Protesters break in.\n- **Dec. 31, 9:00 a.m.** — Protesters gather.');
    expect(findings(cwd).map((m) => [m.line, m.ruleId])).toEqual([[20, 'dated-events']]);
    expect(memo(['lint', '--fix', 'memo.md'], { cwd }).status).toBe(0);
    expect(readFileSync(join(cwd, 'memo.md'), 'utf8')).toContain(
      '- **Dec. 31, 9:00 a.m.** — Protesters gather.\n- **Dec. 31, 10:40 a.m.** — Protesters break in.',
    );
    expect(events(cwd).map((event) => event['date'])).toEqual(['2019-12-31T09:00', '2019-12-31T10:40']);
  });

  it('a timeline written as dated paragraphs is linted, fixed and exported', () => {
    const cwd = project(
      '**Dec. 29, 2019** — Airstrikes.\n\n**Dec. 27, 2019** — A contractor is killed.\n\n**Dec. 31, 2019** — The embassy is breached.',
    );
    expect(findings(cwd).map((m) => [m.line, m.message])).toEqual([
      [
        21,
        'Sequence of Events item 2 (Dec. 27, 2019) is out of order after item 1 (Dec. 29, 2019); events run oldest first, so move it up.',
      ],
    ]);
    expect(events(cwd).map((event) => event['text'])).toEqual(['Airstrikes.', 'A contractor is killed.', 'The embassy is breached.']);
    expect(memo(['lint', '--fix', 'memo.md'], { cwd }).status).toBe(0);
    expect(events(cwd).map((event) => event['date'])).toEqual(['2019-12-27', '2019-12-29', '2019-12-31']);
  });

  it('in a newest-first type, an item out of place is told to move up', () => {
    const template = readFileSync(join(import.meta.dirname, '..', '..', 'templates', 'rapid-response.md'), 'utf8').replace(
      'order: oldest-first',
      'order: newest-first',
    );
    expect(template).toContain('order: newest-first');
    const cwd = project(
      '- **Dec. 31, 2019** — The embassy is breached.\n- **Dec. 27, 2019** — A contractor is killed.\n- **Dec. 29, 2019** — Airstrikes.',
      {
        '.memorc.yaml': 'root: true\n',
        'templates/rapid-response.md': template,
      },
    );
    const list = findings(cwd);
    expect(list.map((m) => m.message)).toEqual([
      'Sequence of Events item 3 (Dec. 29, 2019) is out of order after item 2 (Dec. 27, 2019); events run newest first, so move it up.',
    ]);
  });

  it('dateOrder: dmy in .memorc.yaml reads 11/12/2019 as Dec. 11', () => {
    const cwd = project('- **11/12/2019** — Protests.\n- **12/29/2019** — Airstrikes.', { '.memorc.yaml': 'root: true\ndateOrder: dmy\n' });
    expect(findings(cwd)).toEqual([]);
    expect(events(cwd).map((event) => event['date'])).toEqual(['2019-12-11', '2019-12-29']);
    const bad = project('- **11/12/2019** — Protests.', { '.memorc.yaml': 'root: true\ndateOrder: ymd\n' });
    const result = memo(['lint', 'memo.md'], { cwd: bad });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/\.memorc\.yaml:2: invalid config: dateOrder: must be one of "mdy", "dmy"/);
  });

  it('HTML wraps each readable event date in <time datetime>', () => {
    const cwd = project('- **May 2018** — Elections.\n- Dec. 31, 2019, 9:40 a.m.: Protesters gather.');
    const html = memo(['export', 'memo.md', '--to', 'html'], { cwd }).stdout;
    expect(html).toContain('<strong><time datetime="2018-05">May 2018</time></strong> — Elections.');
    expect(html).toContain('<time datetime="2019-12-31T09:40">Dec. 31, 2019, 9:40 a.m.</time>: Protesters gather.');
  });
});
