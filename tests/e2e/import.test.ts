import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE, FIXTURES, memo, tempDir } from '../helpers/cli.js';

const REFERENCE = join(FIXTURES, 'import', 'reference.txt');
const words = (text: string) =>
  text
    .replace(/Back to top/g, ' ')
    .replace(/[•\u00a0]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);

describe('memo import (built CLI)', () => {
  it('imports the reference memo, then lints and exports it back to the same words', () => {
    const cwd = tempDir();
    const imported = memo(['import', REFERENCE, '-o', 'memo.md'], { cwd });
    expect(imported.status).toBe(0);
    expect(imported.stderr).toMatch(/^memo: warning: .*reference\.txt:27: 4 of 4 "Sequence of Events" items have no date/);
    const markdown = readFileSync(join(cwd, 'memo.md'), 'utf8');
    expect(markdown).toMatch(
      /^---\ntype: rapid-response\ntitle: Backlash to U\.S\. Strikes in Iraq Underscores Failure of Max Pressure\ndate: 2019-12-31\n---\n/,
    );
    // The only findings: the reference's events carry no dates.
    const lint = memo(['lint', 'memo.md', '--format', 'json'], { cwd });
    const messages = (JSON.parse(lint.stdout) as { messages: { ruleId: string }[] }[])[0]?.messages ?? [];
    expect(new Set(messages.map((m) => m.ruleId))).toEqual(new Set(['dated-events']));
    const text = memo(['export', 'memo.md', '--to', 'text', '--width', '0'], { cwd });
    expect(words(text.stdout)).toEqual(words(readFileSync(REFERENCE, 'utf8')));
  });

  it('reads stdin with -, sniffs HTML, and prints to stdout', () => {
    const html = readFileSync(join(FIXTURES, 'import', 'page.html'), 'utf8');
    const result = memo(['import', '-'], { input: html });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^---\ntype: /);
    expect(result.stdout).toContain('## Key Takeaways');
    expect(result.stdout).not.toMatch(/<nav|<script|Subscribe to our newsletter/i);
  });

  it.each([
    ['an empty file', Buffer.alloc(0), /empty\.txt: file is empty$/],
    ['a binary file', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]), /binary\.txt: file is binary/],
    [
      'a 10 MB text file',
      Buffer.from('Memo: Big\n\n' + 'word '.repeat(2_100_000)),
      /big\.txt: file is 10\.0 MB; memos over 1 MB are refused$/,
    ],
  ])('refuses %s with one line, exit 2', (_name, bytes, message) => {
    const cwd = tempDir();
    const file = String(message).includes('empty') ? 'empty.txt' : String(message).includes('binary') ? 'binary.txt' : 'big.txt';
    writeFileSync(join(cwd, file), bytes);
    const result = memo(['import', file], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('saved pages in a legacy charset', () => {
  const page = (meta: string, body: string) =>
    `<!doctype html><html><head>${meta}<title>T</title></head><body><article><h1>Memo: Caf\u00e9 Talks</h1><p>December 31, 2019</p><p>${body}</p></article></body></html>`;

  it.each([
    ['<meta charset="windows-1252">'],
    ['<meta charset="ISO-8859-1">'],
    ['<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'],
  ])('%s is decoded as declared, not refused as invalid UTF-8', (meta) => {
    const cwd = tempDir();
    // windows-1252: é is 0xE9, the curly quotes 0x93 and 0x94, the en dash 0x96.
    const html = page(meta, 'The caf\u00e9 said \u201cno\u201d \u2013 twice.');
    const bytes = Buffer.from([...html].map((c) => ({ '\u201c': 0x93, '\u201d': 0x94, '\u2013': 0x96 })[c] ?? c.charCodeAt(0)));
    writeFileSync(join(cwd, 'page.html'), bytes);
    const result = memo(['import', 'page.html'], { cwd });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^title: Caf\u00e9 Talks$/m);
    expect(result.stdout).toContain('The caf\u00e9 said \u201cno\u201d \u2013 twice.');
  });

  it('a page that declares UTF-8 (or nothing) and is not is still refused with its line; an unknown charset is named', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'bad.html'), Buffer.concat([Buffer.from(page('<meta charset="utf-8">', 'caf')), Buffer.from([0xe9, 0x0a])]));
    const bad = memo(['import', 'bad.html'], { cwd });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^memo: bad\.html:1: file is not valid UTF-8; save it as UTF-8$/m);
    writeFileSync(join(cwd, 'odd.html'), page('<meta charset="x-klingon">', 'text'));
    const odd = memo(['import', 'odd.html'], { cwd });
    expect(odd.status).toBe(2);
    expect(odd.stderr.trim()).toBe(
      'memo: odd.html: the page declares the charset "x-klingon", which memokit cannot read; save it as UTF-8',
    );
  });
});

// Issue #17: every shape the importer must read, through the built CLI, and --report.
describe('memo import keeps every word (issue #17)', () => {
  const corpus = (name: string) => join(FIXTURES, 'import', 'corpus', 'text', name);
  const front = (stdout: string, key: string) => new RegExp(`^${key}: (.*)$`, 'm').exec(stdout)?.[1];

  it('--report prints words in, kept, moved and dropped, then each move and drop with its line (stderr only)', () => {
    {
      const result = memo(['import', corpus('kicker-caps-read-time.txt'), '--report']);
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/^---\ntype: memo\n/);
      // The furniture warning first, then the report.
      const lines = result.stderr.trim().split('\n').slice(1);
      expect(lines[0]).toMatch(/kicker-caps-read-time\.txt: \d+ words in, \d+ kept in the body, 9 moved, 3 dropped$/);
      expect(lines.slice(1)).toEqual([
        expect.stringMatching(/kicker-caps-read-time\.txt:1: moved to tags: "ANALYSIS" \(1 word\)$/),
        expect.stringMatching(/:3: moved to title: "Why the Election Was Delayed" \(5 words\)$/),
        expect.stringMatching(/:5: dropped \(reading time\): "5 min read" \(3 words\)$/),
        expect.stringMatching(/:7: moved to date: "June 30, 2021" \(3 words\)$/),
      ]);
    }
    // Without the flag: the warning alone.
    expect(
      memo(['import', corpus('kicker-caps-read-time.txt')])
        .stderr.trim()
        .split('\n'),
    ).toHaveLength(1);
  });

  it.each([
    [
      'web copy, one paragraph per line',
      'web-copy-sanctions.txt',
      'Sanctions Relief, Explained',
      '2021-03-03',
      ['What Comes Next', 'Why It Matters'],
    ],
    ['a `Date | Label` line', 'date-company-analysis.txt', 'Budget Talks Stall Over Rural Broadband', '2021-03-03', ['Key Points']],
    ['a late question', 'web-copy-late-question.txt', 'The Water Talks Resume', '2022-06-14', ['What happens next?']],
    ['a kicker and a reading time', 'kicker-reading-time.txt', 'Ceasefire Talks Stall in the Capital', '2021-03-03', []],
    ['a TO/FROM/RE/DATE header', 'campaign-header.txt', 'Where the Race Stands', '2022-10-12', ['The Numbers', 'The Plan']],
    [
      'numbered contents',
      'newsletter-numbered-contents.txt',
      'The Capitol Brief',
      '2021-03-08',
      ['Bills Introduced', 'Hearings', 'Outlook'],
    ],
    [
      'Roman numeral headings',
      'briefing-roman.txt',
      'Briefing: Acme Inc. and the Export Rules',
      '2021-11-30',
      ['I. Summary', 'II. Outlook for Acme Inc.', 'III. Options'],
    ],
    [
      'dated timeline paragraphs',
      'timeline-paragraphs.txt',
      'How the Strike Unfolded',
      '2023-01-04',
      ['Key Takeaways', 'Sequence of Events'],
    ],
  ])('reads %s', (_shape, file, title, date, sections) => {
    const result = memo(['import', corpus(file)]);
    expect(result.status).toBe(0);
    expect(front(result.stdout, 'title')).toBe(title.includes(':') ? `"${title}"` : title);
    expect(front(result.stdout, 'date')).toBe(date);
    expect([...result.stdout.matchAll(/^## (.*)$/gm)].map((match) => match[1])).toEqual(sections);
  });

  it('keeps the whole FROM attribution and moves TO into front matter, and lint knows both keys', () => {
    const cwd = tempDir();
    const result = memo(['import', corpus('campaign-header.txt'), '-o', 'memo.md'], { cwd });
    expect(result.status).toBe(0);
    const markdown = readFileSync(join(cwd, 'memo.md'), 'utf8');
    expect(markdown).toMatch(/^author: Dana Reyes, Senior Communications Advisor, Policy Team$/m);
    expect(markdown).toMatch(/^to: Interested Parties$/m);
    const lint = memo(['lint', 'memo.md', '--format', 'json'], { cwd });
    expect(lint.status).toBe(0);
    expect((JSON.parse(lint.stdout) as { messages: unknown[] }[])[0]?.messages).toEqual([]);
  });

  it('builds events with --type too', () => {
    const result = memo(['import', corpus('timeline-forced-type.txt'), '--type', 'rapid-response']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('- **March 8** — Protesters surround the embassy.');
  });

  it('export --to text | import - gives the example back', () => {
    const text = memo(['export', EXAMPLE, '--to', 'text']);
    const back = memo(['import', '-'], { input: text.stdout });
    expect(back.status).toBe(0);
    const original = readFileSync(EXAMPLE, 'utf8');
    expect(front(back.stdout, 'title')).toBe(front(original, 'title'));
    expect([...back.stdout.matchAll(/^## (.*)$/gm)].map((m) => m[1])).toEqual([...original.matchAll(/^## (.*)$/gm)].map((m) => m[1]));
  });

  it('an unknown --type is one line naming it, exit 2', () => {
    const result = memo(['import', corpus('web-copy-sanctions.txt'), '--type', 'nope']);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/unknown memo type "nope"/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
