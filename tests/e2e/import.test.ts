import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, memo, tempDir } from '../helpers/cli.js';

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
