// `memo import` as the CLI runs it: registered on a commander program the way main.ts does,
// stdout and stderr captured. Memo to stdout or -o (atomically), warnings on stderr, exit 0;
// bad input is a MemoError (main.ts prints it as one line, exit 2).
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Command, CommanderError } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerImport } from '../../../src/cli/commands/import.js';
import { MemoError } from '../../../src/io/errors.js';
import { fixture } from './helpers.js';

let stdout = '';
let stderr = '';

beforeEach(() => {
  stdout = '';
  stderr = '';
  const capture =
    (sink: 'out' | 'err') =>
    (chunk: string | Uint8Array, ...rest: unknown[]) => {
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      if (sink === 'out') stdout += text;
      else stderr += text;
      const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
      callback?.();
      return true;
    };
  vi.spyOn(process.stdout, 'write').mockImplementation(capture('out'));
  vi.spyOn(process.stderr, 'write').mockImplementation(capture('err'));
  process.env['NO_COLOR'] = '1';
});

afterEach(() => {
  vi.restoreAllMocks();
});

async function run(...args: string[]): Promise<number> {
  let code = 0;
  const program = new Command('memo').exitOverride();
  registerImport(program, { exit: (value) => (code = Math.max(code, value)) });
  for (const command of program.commands)
    command.exitOverride().configureOutput({ writeOut: (text) => (stdout += text), writeErr: (text) => (stderr += text) });
  await program.parseAsync(['node', 'memo', 'import', ...args]);
  return code;
}

function temp(): string {
  return mkdtempSync(join(tmpdir(), 'memokit-import-'));
}

describe('memo import', () => {
  it('writes the memo to stdout and the warnings to stderr, exit 0', async () => {
    const dir = temp();
    const file = join(dir, 'reference.txt');
    writeFileSync(file, fixture('reference.txt'));
    expect(await run(file)).toBe(0);
    expect(stdout).toMatch(/^---\ntype: rapid-response\ntitle: Backlash to U\.S\. Strikes/);
    expect(stderr).toBe(
      `memo: warning: ${file}:27: 4 of 4 "Sequence of Events" items have no date; start each with one, like "**Dec. 31, 2019** —"\n`,
    );
  });

  it('writes -o FILE atomically, replacing it, with nothing on stdout', async () => {
    const dir = temp();
    const input = join(dir, 'page.html');
    const output = join(dir, 'memo.md');
    writeFileSync(input, fixture('page.html'));
    writeFileSync(output, 'old content\n');
    expect(await run(input, '-o', output)).toBe(0);
    expect(stdout).toBe('');
    expect(readFileSync(output, 'utf8')).toMatch(/^---\ntype: rapid-response\n[\s\S]*## Sequence of Events/);
    expect(readdirSync(dir).sort()).toEqual(['memo.md', 'page.html']);
  });

  it('prints a warning for dropped furniture, and when the type was guessed', async () => {
    const dir = temp();
    const faq = join(dir, 'faq.txt');
    writeFileSync(faq, fixture('faq.txt'));
    expect(await run(faq, '--from', 'text')).toBe(0);
    expect(stderr).toContain(`memo: warning: ${faq}:3: dropped page furniture "Share | Tweet | Print"\n`);
    // A "Talking Points:" title names its type, even when its sections are not there: a guess.
    const file = join(dir, 'points.txt');
    writeFileSync(file, 'Talking Points: On the Budget\n\nMarch 3, 2020\n\nThe lede.\n\nOther Things\n\nText.\n');
    expect(await run(file)).toBe(0);
    expect(stderr).toMatch(
      new RegExp(
        `memo: warning: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: type "\\w[\\w-]*" was guessed from the sections found; check it`,
      ),
    );
  });

  it('refuses an empty file, a binary file and a 10 MB file with a MemoError (exit 2)', async () => {
    const dir = temp();
    const empty = join(dir, 'empty.txt');
    const binary = join(dir, 'image.png');
    const huge = join(dir, 'huge.txt');
    writeFileSync(empty, '');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    writeFileSync(huge, 'x'.repeat(10 * 1024 * 1024));
    for (const [file, message] of [
      [empty, 'file is empty'],
      [binary, 'file is binary, not a Markdown memo'],
      [huge, 'file is 10.0 MB; memos over 1 MB are refused'],
    ] as const) {
      const error = await run(file).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(MemoError);
      expect((error as MemoError).describe()).toBe(`${file}: ${message}`);
      expect((error as MemoError).exitCode).toBe(2);
    }
    const missing = await run(join(dir, 'nope.txt')).catch((caught: unknown) => caught);
    expect((missing as MemoError).message).toBe('no such file or folder');
    expect(stdout).toBe('');
  });

  it('reads stdin for `-`, naming it <stdin> in warnings', async () => {
    const original = Object.getOwnPropertyDescriptor(process, 'stdin') as PropertyDescriptor;
    Object.defineProperty(process, 'stdin', { configurable: true, value: Readable.from([Buffer.from(fixture('faq.txt'))]) });
    try {
      expect(await run('-')).toBe(0);
    } finally {
      Object.defineProperty(process, 'stdin', original);
    }
    expect(stdout).toMatch(/^---\ntype: \S+\ntitle: Frequently Asked Questions About Snapback Sanctions\n/);
    expect(stderr).toContain('memo: warning: <stdin>:3: dropped page furniture "Share | Tweet | Print"\n');
  });

  it('rejects an unknown --from as a usage error', async () => {
    const error = await run('x.txt', '--from', 'pdf').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CommanderError);
    expect(stderr).toMatch(/argument 'pdf' is invalid\. Allowed choices are text, html/);
  });

  it('has --help with an example', async () => {
    const error = await run('--help').catch((caught: unknown) => caught);
    expect((error as CommanderError).exitCode).toBe(0);
    expect(stdout).toContain('--from <format>');
    expect(stdout).toContain('-o, --output <file>');
    expect(stdout).toMatch(/Examples:\n {2}\$ memo import /);
  });
});
