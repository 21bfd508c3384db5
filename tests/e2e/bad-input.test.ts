// The bad-input matrix, through the built CLI: every input a writer or a CI job could throw at
// `memo lint`, `memo export` (and `memo import`, where it takes the input) gets one clear stderr
// line naming the file (and the line, where there is one), the SPEC's exit code, no stack
// trace — and a good memo given in the same run is still linted / exported.
//
// Already proved elsewhere, not repeated here:
//   lint, a binary file beside good memos     tests/e2e/lint.test.ts "reports an unreadable file in a run, still lints the others, and exits 2"
//   lint, missing path / empty folder alone   tests/e2e/lint.test.ts "%s: one clear line, exit 2"
//   export, invalid YAML in a batch           tests/e2e/export.test.ts "exports a batch into --out-dir mirroring folders, skipping the broken memo (exit 2)"
//   import, empty / binary / 10 MB file       tests/e2e/import.test.ts "refuses %s with one line, exit 2"
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, EXAMPLE, FIXTURES, memo, tempDir, type CliResult } from '../helpers/cli.js';

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; message: string }[];
}

const GOOD_TITLE = 'Backlash to U.S. Strikes in Iraq Underscores Failure of Max Pressure';
const HEAD = '---\ntype: statement\ntitle: Deep\ndate: 2020-01-03\n---\n\n# Statement: Deep\n\n';

/** A run folder: `memos/good.md` (the example memo) and the bad input beside it. */
function runFolder(name: string, bytes: string | Buffer): string {
  const cwd = tempDir();
  mkdirSync(join(cwd, 'memos'));
  cpSync(EXAMPLE, join(cwd, 'memos', 'good.md'));
  writeFileSync(join(cwd, 'memos', name), bytes);
  return cwd;
}

/**
 * Exactly one stderr line, matching `message`, and no stack trace; after it, for a batch export,
 * exactly the `summary` line that ends every batch.
 */
function expectOneLine(result: CliResult, message: RegExp, summary?: string): void {
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stderr).not.toMatch(/internal error/);
  const lines = result.stderr.trim().split('\n');
  if (summary !== undefined) expect(lines.pop(), result.stderr).toBe(summary);
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(message);
}

/** The summary of an export of the good memo into `out`, with `failed` memos that could not be. */
const exportedGood = (failed: number) => `1 memo written to out${failed > 0 ? `, ${failed} failed` : ''}`;

/** The files the lint run reported on (by name), from --format json. */
/** The files the json report has results for; a file that could not be linted is there too, as a fatal entry. */
function linted(result: CliResult): string[] {
  const entries = JSON.parse(result.stdout) as (JsonResult & { fatalErrorCount: number })[];
  return entries.filter((r) => r.fatalErrorCount === 0).map((r) => r.filePath.split('/').pop() as string);
}

/** `memo lint` and `memo export` over the run folder (or `inputs`): the good memo survives, the bad one is one line. */
function lintAndExport(cwd: string, message: RegExp, exit: { lint: number; export: number }, inputs = ['memos'], failed = 1): void {
  const lint = memo(['lint', ...inputs, '--format', 'json'], { cwd });
  expect(lint.status, lint.stderr).toBe(exit.lint);
  expectOneLine(lint, message);
  expect(linted(lint)).toContain('good.md');

  const exported = memo(['export', ...inputs, '--to', 'html', '--out-dir', 'out'], { cwd });
  expect(exported.status, exported.stderr).toBe(exit.export);
  expectOneLine(exported, message, exportedGood(failed));
  expect(readFileSync(join(cwd, 'out', 'memos', 'good.html'), 'utf8')).toContain(GOOD_TITLE);
}

/** Invalid UTF-8 (a lone 0xC3 before "(") at the end of line 12, after valid curly quotes. */
function invalidUtf8(): Buffer {
  const lines = readFileSync(EXAMPLE, 'utf8').split('\n');
  const before = Buffer.from(lines.slice(0, 12).join('\n'), 'utf8');
  const after = Buffer.from(`\n${lines.slice(12).join('\n')}`, 'utf8');
  return Buffer.concat([before, Buffer.from([0x20, 0xc3, 0x28]), after]);
}

describe('input errors: one line naming the file, exit 2, the rest of the run still done', () => {
  it.each([
    [
      'a binary file (export; lint: see lint.test.ts)',
      'bad.md',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      /bad\.md: file is binary, not a Markdown memo$/,
      ['export'],
    ],
    [
      'invalid UTF-8 (names its line)',
      'bad.md',
      invalidUtf8(),
      /bad\.md:12: file is not valid UTF-8; save it as UTF-8$/,
      ['lint', 'export'],
    ],
    [
      'UTF-16 with a byte-order mark',
      'bad.md',
      Buffer.from(`\ufeff${readFileSync(EXAMPLE, 'utf8')}`, 'utf16le'),
      /bad\.md: file is UTF-16; save it as UTF-8$/,
      ['lint', 'export'],
    ],
    ['an empty file', 'bad.md', Buffer.alloc(0), /bad\.md: file is empty$/, ['lint', 'export']],
    [
      'a 10 MB memo',
      'bad.md',
      Buffer.from(`${readFileSync(EXAMPLE, 'utf8')}\n${'word '.repeat(2_100_000)}`),
      /bad\.md: file is 10\.\d MB; memos over 1 MB are refused$/,
      ['lint', 'export'],
    ],
    [
      'lists nested 5,000 deep',
      'bad.md',
      `${HEAD}${'- '.repeat(5000)}deep\n`,
      /bad\.md:9: lists or block quotes nested more than 64 levels deep/,
      ['lint', 'export'],
    ],
    [
      'block quotes nested 5,000 deep',
      'bad.md',
      `${HEAD}${'>'.repeat(5000)} deep\n`,
      /bad\.md:9: lists or block quotes nested more than 64 levels deep/,
      ['lint', 'export'],
    ],
    [
      'lists in block quotes, 5,000 levels',
      'bad.md',
      `${HEAD}${'> 1. '.repeat(2500)}deep\n`,
      /bad\.md:9: lists or block quotes nested more than 64 levels deep/,
      ['lint', 'export'],
    ],
  ])('%s', (_name, file, bytes, message, commands) => {
    const cwd = runFolder(file, bytes);
    if (commands.includes('lint')) {
      const lint = memo(['lint', 'memos', '--format', 'json'], { cwd });
      expect(lint.status, lint.stderr).toBe(2);
      expectOneLine(lint, message);
      expect(linted(lint)).toEqual(['good.md']);
    }
    const exported = memo(['export', 'memos', '--to', 'html', '--out-dir', 'out'], { cwd });
    expect(exported.status, exported.stderr).toBe(2);
    expectOneLine(exported, message, exportedGood(1));
    expect(readFileSync(join(cwd, 'out', 'memos', 'good.html'), 'utf8')).toContain(GOOD_TITLE);
    expect(existsSync(join(cwd, 'out', 'memos', 'bad.html'))).toBe(false);
  });

  it.each([
    ['invalid UTF-8', invalidUtf8(), /bad\.md:12: file is not valid UTF-8/],
    ['UTF-16 with a byte-order mark', Buffer.from('\ufeffMemo: Title\n\nText.\n', 'utf16le'), /bad\.md: file is UTF-16; save it as UTF-8$/],
    [
      'lists nested 5,000 deep',
      `Memo: Deep\n\n${'- '.repeat(5000)}deep\n`,
      /bad\.md:3: lists or block quotes nested more than 64 levels deep/,
    ],
  ])('memo import refuses %s with one line, exit 2, and writes nothing', (_name, bytes, message) => {
    const cwd = runFolder('bad.md', bytes);
    const result = memo(['import', 'memos/bad.md', '-o', 'imported.md'], { cwd });
    expect(result.status).toBe(2);
    expectOneLine(result, message);
    expect(existsSync(join(cwd, 'imported.md'))).toBe(false);
  });

  it('a missing path among good ones: named, the good memo still linted and exported', () => {
    const cwd = runFolder('other.md', readFileSync(EXAMPLE));
    // A path that gives no memo is no memo that failed: the summary counts memos.
    lintAndExport(cwd, /^memo: missing\.md: no such file or folder$/, { lint: 2, export: 2 }, ['missing.md', 'memos/good.md'], 0);
    const imported = memo(['import', 'missing.md'], { cwd });
    expect(imported.status).toBe(2);
    expectOneLine(imported, /^memo: missing\.md: no such file or folder$/);
  });

  it('a folder without memos among good ones: named, the good memo still linted and exported', () => {
    const cwd = runFolder('other.md', readFileSync(EXAMPLE));
    mkdirSync(join(cwd, 'drafts'));
    writeFileSync(join(cwd, 'drafts', 'notes.txt'), 'not a memo\n');
    lintAndExport(
      cwd,
      /^memo: drafts: no memos \(\*\.md or \*\.markdown files\) in this folder$/,
      { lint: 2, export: 2 },
      ['drafts', 'memos/good.md'],
      0,
    );
  });
});

/** The command prefix that runs the CLI as an unprivileged user, or why it cannot. */
function unprivileged(): { prefix: string[] } | { skip: string } {
  if (process.getuid?.() !== 0) return { prefix: [] };
  const tries = [
    ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups'],
    ['runuser', '-u', 'nobody', '--'],
  ];
  for (const prefix of tries) {
    const probe = spawnSync(
      prefix[0] as string,
      [...prefix.slice(1), process.execPath, '-e', 'process.exit(process.getuid() === 0 ? 1 : 0)'],
      { encoding: 'utf8' },
    );
    if (probe.status === 0) return { prefix };
  }
  return {
    skip: 'running as root, and neither `setpriv` nor `runuser -u nobody` can drop privileges here, so a chmod 000 file stays readable',
  };
}

const dropped = unprivileged();

describe('a file without read permission', () => {
  const run = (cwd: string, args: string[]): CliResult => {
    const prefix = 'prefix' in dropped ? dropped.prefix : [];
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', HOME: cwd };
    delete env['FORCE_COLOR'];
    const [command, ...rest] = [...prefix, process.execPath, BIN, ...args] as [string, ...string[]];
    const result = spawnSync(command, rest, { cwd, env, encoding: 'utf8' });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  it.skipIf('skip' in dropped)(
    `is named ("permission denied"), exit 2, and the good memo beside it is still done${'skip' in dropped ? ` — skipped: ${dropped.skip}` : ''}`,
    () => {
      const cwd = runFolder('secret.md', readFileSync(EXAMPLE));
      // The run folder is the unprivileged user's to read and write; only secret.md is closed.
      chmodSync(cwd, 0o777);
      chmodSync(join(cwd, 'memos'), 0o755);
      chmodSync(join(cwd, 'memos', 'good.md'), 0o644);
      chmodSync(join(cwd, 'memos', 'secret.md'), 0o000);
      const message = /memos\/secret\.md: permission denied$/;

      const lint = run(cwd, ['lint', 'memos', '--format', 'json']);
      expect(lint.status, lint.stderr).toBe(2);
      expectOneLine(lint, message);
      expect(linted(lint)).toEqual(['good.md']);

      const exported = run(cwd, ['export', 'memos', '--to', 'html', '--out-dir', 'out']);
      expect(exported.status, exported.stderr).toBe(2);
      expectOneLine(exported, message, exportedGood(1));
      expect(readFileSync(join(cwd, 'out', 'memos', 'good.html'), 'utf8')).toContain(GOOD_TITLE);

      const imported = run(cwd, ['import', 'memos/secret.md']);
      expect(imported.status).toBe(2);
      expectOneLine(imported, /^memo: memos\/secret\.md: permission denied$/);
    },
  );
});

describe('symbolic link loops', () => {
  it('a.md → b.md → a.md named on the command line: one line naming a.md, exit 2, the good memo still done', () => {
    const cwd = runFolder('other.md', readFileSync(EXAMPLE));
    mkdirSync(join(cwd, 'loop'));
    symlinkSync('b.md', join(cwd, 'loop', 'a.md'));
    symlinkSync('a.md', join(cwd, 'loop', 'b.md'));
    const message = /^memo: loop\/a\.md: too many levels of symbolic links \(a symlink loop\)$/;
    lintAndExport(cwd, message, { lint: 2, export: 2 }, ['loop/a.md', 'memos/good.md'], 0);
    const imported = memo(['import', 'loop/a.md'], { cwd });
    expect(imported.status).toBe(2);
    expectOneLine(imported, message);
  });

  it('folder loops (sub/up → .., self → .) and a file loop inside a linted folder: walked once, links not followed', () => {
    const cwd = runFolder('other.md', readFileSync(EXAMPLE));
    mkdirSync(join(cwd, 'memos', 'sub'));
    symlinkSync('..', join(cwd, 'memos', 'sub', 'up'));
    symlinkSync('.', join(cwd, 'memos', 'self'));
    symlinkSync('b.md', join(cwd, 'memos', 'a.md'));
    symlinkSync('a.md', join(cwd, 'memos', 'b.md'));
    // Walking a folder never follows a symbolic link (src/io/find.ts: followSymbolicLinks
    // false), so the loops are neither followed nor read: each real memo is linted once.
    const lint = memo(['lint', 'memos', '--format', 'json'], { cwd, timeout: 20_000 });
    expect(lint.status, lint.stderr).toBe(0);
    expect(lint.stderr).toBe('');
    expect(linted(lint).sort()).toEqual(['good.md', 'other.md']);
    const exported = memo(['export', 'memos', '--to', 'html', '--out-dir', 'out'], { cwd, timeout: 20_000 });
    expect(exported.status, exported.stderr).toBe(0);
    expect(exported.stderr).toBe('2 memos written to out\n');
    expect(readFileSync(join(cwd, 'out', 'memos', 'good.html'), 'utf8')).toContain(GOOD_TITLE);
    expect(existsSync(join(cwd, 'out', 'memos', 'sub'))).toBe(false);
  });
});

describe('readable memos with broken front matter: lint findings (exit 1), but export refuses them (exit 2)', () => {
  it('front matter only: a memo with lint findings (no title, no lede), exported as it is', () => {
    const cwd = runFolder('bare.md', '---\ntype: statement\ntitle: Bare\ndate: 2020-01-03\n---\n');
    const lint = memo(['lint', 'memos', '--format', 'json'], { cwd });
    expect(lint.status).toBe(1);
    expect(lint.stderr).toBe('');
    const results = JSON.parse(lint.stdout) as JsonResult[];
    const bare = results.find((r) => r.filePath.endsWith('bare.md'));
    expect(new Set(bare?.messages.map((m) => m.ruleId))).toEqual(new Set(['title', 'lede']));
    expect(results.find((r) => r.filePath.endsWith('good.md'))?.messages).toEqual([]);

    const exported = memo(['export', 'memos', '--to', 'html', '--out-dir', 'out'], { cwd });
    expect(exported.status, exported.stderr).toBe(0);
    expect(exported.stderr).toBe('2 memos written to out\n');
    expect(readFileSync(join(cwd, 'out', 'memos', 'bare.html'), 'utf8')).toMatch(/<title>Bare<\/title>/);
    expect(readFileSync(join(cwd, 'out', 'memos', 'good.html'), 'utf8')).toContain(GOOD_TITLE);
  });

  it.each([
    ['invalid YAML (export: see export.test.ts)', 'bad-yaml.md', 4, /Invalid YAML in front matter: Missing closing "quote/, false],
    ['duplicate YAML keys', 'duplicate-keys.md', 4, /Invalid YAML in front matter: Map keys must be unique/, true],
  ])('%s: a front-matter finding with its line from lint; one line and exit 2 from export', (_name, fixture, line, message, exportToo) => {
    const cwd = runFolder('bad.md', readFileSync(join(FIXTURES, 'memos', fixture)));
    const lint = memo(['lint', 'memos', '--format', 'json'], { cwd });
    expect(lint.status).toBe(1);
    expect(lint.stderr).toBe('');
    const results = JSON.parse(lint.stdout) as JsonResult[];
    const finding = results.find((r) => r.filePath.endsWith('bad.md'))?.messages.find((m) => m.ruleId === 'front-matter');
    expect(finding?.line).toBe(line);
    expect(finding?.message).toMatch(message);
    expect(results.find((r) => r.filePath.endsWith('good.md'))?.messages).toEqual([]);
    if (!exportToo) return;
    const exported = memo(['export', 'memos', '--to', 'html', '--out-dir', 'out'], { cwd });
    expect(exported.status).toBe(2);
    expectOneLine(exported, new RegExp(`^memo: memos/bad\\.md:${line}: ${message.source}`), exportedGood(1));
    expect(readFileSync(join(cwd, 'out', 'memos', 'good.html'), 'utf8')).toContain(GOOD_TITLE);
    expect(existsSync(join(cwd, 'out', 'memos', 'bad.html'))).toBe(false);
  });
});
