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
