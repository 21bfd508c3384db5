import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE, FIXTURES, ROOT, memo, tempDir } from '../helpers/cli.js';

const E2E = join(FIXTURES, 'lint-e2e');

/** A copy of the fixture project inside a git repository, with a node_modules folder. */
function project(): string {
  const cwd = tempDir();
  cpSync(join(E2E, 'project'), cwd, { recursive: true });
  spawnSync('git', ['init', '-q'], { cwd });
  mkdirSync(join(cwd, 'node_modules', 'pkg'), { recursive: true });
  writeFileSync(join(cwd, 'node_modules', 'pkg', 'readme.md'), '# not a memo\n');
  return cwd;
}

interface JsonResult {
  filePath: string;
  messages: { ruleId: string; line: number; column: number; severity: number; message: string }[];
  errorCount: number;
  warningCount: number;
}

describe('memo lint', () => {
  it('lints the example memo clean: no output, exit 0', () => {
    const result = memo(['lint', join(ROOT, 'examples')]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('');
    expect(result.status).toBe(0);
  });

  it('reports a scaffolded memo with exactly its placeholders findings, exit 1', () => {
    const cwd = tempDir();
    memo(['new', 'rapid-response', 'Test Memo', '--date', '2020-01-03'], { cwd });
    const result = memo(['lint', '2020-01-03-test-memo.md', '--format', 'json'], { cwd });
    expect(result.status).toBe(1);
    const [file] = JSON.parse(result.stdout) as JsonResult[];
    expect(new Set(file?.messages.map((m) => m.ruleId))).toEqual(new Set(['placeholders']));
    expect(file?.messages.map((m) => m.line)).toEqual([9, 15, 16, 17, 21]);
  });

  it('walks folders, skipping node_modules, .gitignored files and config ignore globs', () => {
    const cwd = project();
    const result = memo(['lint', '.', '--format', 'json'], { cwd });
    const files = (JSON.parse(result.stdout) as JsonResult[]).map((r) => r.filePath.slice(cwd.length + 1)).sort();
    expect(files).toEqual(['memos/clean.md', 'memos/undated.md']);
    expect(result.status).toBe(1);
  });

  it('takes globs and reports an undated event with its line and rule', () => {
    const cwd = project();
    const result = memo(['lint', 'memos/*.md'], { cwd });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/memos\/undated\.md\n\s+29:1\s+error\s+.*no date.*dated-events/);
    expect(result.stdout).toMatch(/1 problem \(1 error, 0 warnings\)/);
  });

  it('reads stdin, named by --stdin-filename for config lookup', () => {
    const cwd = project();
    const text = readFileSync(join(cwd, 'memos', 'undated.md'), 'utf8');
    const result = memo(['lint', '--stdin', '--stdin-filename', 'memos/from-stdin.md', '--format', 'json'], { cwd, input: text });
    expect(result.status).toBe(1);
    const [file] = JSON.parse(result.stdout) as JsonResult[];
    expect(file?.filePath).toBe(join(cwd, 'memos', 'from-stdin.md'));
    expect(file?.messages.map((m) => [m.ruleId, m.line])).toEqual([['dated-events', 29]]);
  });

  it('--quiet drops warnings and --max-warnings turns them into exit 1', () => {
    const cwd = tempDir();
    const text = readFileSync(EXAMPLE, 'utf8').replace(
      '**Dec. 31, 2019** — The Iraqi government',
      '**Jan. 5, 2020** — The Iraqi government',
    );
    writeFileSync(join(cwd, 'future.md'), text);
    const plain = memo(['lint', 'future.md', '--format', 'json'], { cwd });
    const [file] = JSON.parse(plain.stdout) as JsonResult[];
    expect(file?.messages.map((m) => [m.ruleId, m.severity])).toContainEqual(['dated-events', 1]);
    expect(file?.errorCount).toBe(0);
    expect(plain.status).toBe(0);
    const over = memo(['lint', 'future.md', '--max-warnings', '0'], { cwd });
    expect(over.status).toBe(1);
    expect(over.stderr).toBe('memo: 1 warning found; --max-warnings allows 0\n');
    const quiet = memo(['lint', 'future.md', '--quiet'], { cwd });
    expect(quiet.stdout).toBe('');
    expect(quiet.status).toBe(0);
    // An explicit limit still counts the warnings --quiet hides, and says so; -1 is no limit (ESLint's convention).
    const both = memo(['lint', 'future.md', '--quiet', '--max-warnings', '0'], { cwd });
    expect([both.status, both.stdout, both.stderr]).toEqual([
      1,
      '',
      'memo: 1 warning found (not shown: --quiet); --max-warnings allows 0\n',
    ]);
    expect(memo(['lint', 'future.md', '--max-warnings', '-1'], { cwd }).status).toBe(0);
    expect(memo(['lint', 'future.md', '--max-warnings=-1'], { cwd }).status).toBe(0);
    const bad = memo(['lint', 'future.md', '--max-warnings', '-2'], { cwd });
    expect([bad.status, bad.stderr]).toEqual([
      2,
      "memo: option '--max-warnings <n>' argument '-2' is invalid. expected a whole number, like 0 or 10 (or -1 for no limit)\n",
    ]);
  });

  it('--fix puts events in order in place, and a second --fix changes nothing', () => {
    const cwd = tempDir();
    const original = readFileSync(EXAMPLE, 'utf8');
    const lines = original.split('\n');
    const [a, b] = [lines.findIndex((l) => l.startsWith('- **Dec. 27')), lines.findIndex((l) => l.startsWith('- **Dec. 29'))];
    [lines[a], lines[b]] = [lines[b] as string, lines[a] as string];
    writeFileSync(join(cwd, 'memo.md'), lines.join('\n'));
    expect(memo(['lint', 'memo.md'], { cwd }).status).toBe(1);
    const fixed = memo(['lint', 'memo.md', '--fix'], { cwd });
    expect(fixed.status).toBe(0);
    expect(readFileSync(join(cwd, 'memo.md'), 'utf8')).toBe(original);
    memo(['lint', 'memo.md', '--fix'], { cwd });
    expect(readFileSync(join(cwd, 'memo.md'), 'utf8')).toBe(original);
  });

  it('--fix keeps a byte-order mark and CRLF line endings of the file on disk', () => {
    const cwd = tempDir();
    const original = `\uFEFF${readFileSync(EXAMPLE, 'utf8')}`.replace(/\n/g, '\r\n');
    writeFileSync(join(cwd, 'memo.md'), original.replace(/^# Memo: .*$/m, '# Wrong title'));
    expect(memo(['lint', 'memo.md', '--fix'], { cwd }).status).toBe(0);
    const bytes = readFileSync(join(cwd, 'memo.md'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toBe(original);
  });

  it('--cache-location in folders that do not exist yet: they are made, and the next run reads the cache', () => {
    const cwd = tempDir();
    cpSync(EXAMPLE, join(cwd, 'memo.md'));
    const first = memo(['lint', 'memo.md', '--cache', '--cache-location', 'sub/deeper/c.cache'], { cwd });
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const cache = readFileSync(join(cwd, 'sub', 'deeper', 'c.cache'), 'latin1');
    expect(cache.split('\n')[0]).toMatch(/^memokit-cache\t\d+\t/);
    expect(cache).toContain('F\t"../../memo.md"\t');
    const second = memo(['lint', 'memo.md', '--cache', '--cache-location', 'sub/deeper/c.cache'], { cwd });
    expect(second.status).toBe(0);
    expect(readFileSync(join(cwd, 'sub', 'deeper', 'c.cache'), 'latin1')).toBe(cache);
  });

  it('reports an unreadable file in a run, still lints the others, and exits 2', () => {
    const cwd = project();
    writeFileSync(join(cwd, 'memos', 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]));
    const result = memo(['lint', 'memos', '--format', 'json'], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe('memo: memos/binary.md: file is binary, not a Markdown memo');
    expect((JSON.parse(result.stdout) as JsonResult[]).length).toBe(3);
  });

  it('lists every file it could not read in every report format, as a fatal error, and still exits 2', () => {
    const cwd = project();
    const bad: [string, Buffer, string][] = [
      ['binary.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]), 'file is binary, not a Markdown memo'],
      ['empty.md', Buffer.alloc(0), 'file is empty'],
      ['utf16.md', Buffer.from('\ufeffhi', 'utf16le'), 'file is UTF-16; save it as UTF-8'],
      ['latin1.md', Buffer.from('ok\nno\xe9\n', 'latin1'), 'not valid UTF-8'],
    ];
    for (const [name, bytes] of bad) writeFileSync(join(cwd, 'memos', name), bytes);
    const run = (format: string) => {
      const result = memo(['lint', 'memos', '--format', format], { cwd });
      expect(result.status, format).toBe(2);
      return result.stdout;
    };
    const json = JSON.parse(run('json')) as {
      filePath: string;
      fatalErrorCount: number;
      messages: { ruleId: unknown; fatal?: boolean; message: string }[];
    }[];
    for (const [name, , message] of bad) {
      const entry = json.find((item) => item.filePath.endsWith(`/${name}`));
      expect(entry?.fatalErrorCount, name).toBe(1);
      expect(entry?.messages[0]?.ruleId, name).toBeNull();
      expect(entry?.messages[0]?.fatal, name).toBe(true);
      expect(entry?.messages[0]?.message, name).toContain(message);
    }
    const sarif = JSON.parse(run('sarif')) as {
      runs: {
        invocations?: {
          executionSuccessful: boolean;
          toolExecutionNotifications: { level: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
        }[];
      }[];
    };
    const invocation = sarif.runs[0]?.invocations?.[0];
    expect(invocation?.executionSuccessful).toBe(false);
    expect(
      invocation?.toolExecutionNotifications.map((n) => [n.level, n.locations[0]?.physicalLocation.artifactLocation.uri]).sort(),
    ).toEqual(bad.map(([name]) => ['error', `memos/${name}`]).sort());
    const junit = run('junit');
    for (const [name] of bad)
      expect(junit).toMatch(new RegExp(`<testsuite name="memos/${name.replace('.', '\\.')}"[^>]*errors="1"[\\s\\S]*?<error `));
    const github = run('github');
    for (const [name] of bad)
      expect(github).toMatch(new RegExp(`^::error file=memos/${name.replace('.', '\\.')},line=\\d+,.*title=memokit::`, 'm'));
  });

  it.each([
    ['a missing path', ['lint', 'no/such/memo.md'], null, /^memo: no\/such\/memo\.md: no such file or folder$/],
    [
      'a folder with no memos',
      ['lint', join(E2E, 'empty-folder')],
      null,
      /empty-folder: no memos \(\*\.md or \*\.markdown files\) in this folder$/,
    ],
    ['a glob matching nothing', ['lint', 'nothing/**/*.md'], null, /nothing\/\*\*\/\*\.md: no files match this pattern$/],
    ['bad YAML in .memorc.yaml', ['lint', 'memo.md'], join(E2E, 'bad-config'), /bad-config\/\.memorc\.yaml:\d+: invalid YAML in config/],
    [
      'an unknown rule id in config',
      ['lint', 'memo.md'],
      join(E2E, 'unknown-rule'),
      /unknown-rule\/\.memorc\.yaml:3: unknown rule "no-such-rule"; known rules: front-matter, title/,
    ],
    ['an unknown format', ['lint', 'x.md', '--format', 'xml'], null, /argument 'xml' is invalid/],
    ['a bad --max-warnings', ['lint', 'x.md', '--max-warnings', 'many'], null, /expected a whole number/],
  ])('%s: one clear line, exit 2', (_name, args, cwd, message) => {
    const result = memo(args, { cwd: cwd ?? tempDir() });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr.trim()).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('names a file it may not read', () => {
    if (process.getuid?.() === 0) {
      // root reads everything; make the file unreadable another way: a folder named like a memo.
      const cwd = tempDir();
      mkdirSync(join(cwd, 'memo.md'));
      const result = memo(['lint', 'memo.md'], { cwd });
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/memo\.md: is a folder, not a file|no memos/);
      return;
    }
    const cwd = tempDir();
    writeFileSync(join(cwd, 'memo.md'), readFileSync(EXAMPLE));
    chmodSync(join(cwd, 'memo.md'), 0o000);
    const result = memo(['lint', 'memo.md'], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/memo\.md: permission denied/);
  });
});

describe('memo lint configuration and CI formats', () => {
  it('applies per-type overrides and --config FILE', () => {
    const cwd = tempDir();
    const text = readFileSync(EXAMPLE, 'utf8').replace('\n[Back to top](#top)\n', '\n');
    writeFileSync(join(cwd, 'memo.md'), text);
    expect(memo(['lint', 'memo.md', '--format', 'json'], { cwd }).status).toBe(1);
    writeFileSync(join(cwd, '.memorc.yaml'), 'root: true\ntypes:\n  rapid-response:\n    rules:\n      back-to-top: off\n');
    expect(memo(['lint', 'memo.md'], { cwd }).status).toBe(0);
    writeFileSync(join(cwd, 'strict.yaml'), 'rules:\n  back-to-top: warn\n');
    const warned = memo(['lint', 'memo.md', '--config', 'strict.yaml', '--format', 'json'], { cwd });
    expect(warned.status).toBe(0);
    expect((JSON.parse(warned.stdout) as JsonResult[])[0]?.messages.map((m) => [m.ruleId, m.severity])).toEqual([['back-to-top', 1]]);
    const missing = memo(['lint', 'memo.md', '--config', 'nope.yaml'], { cwd });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/nope\.yaml: config file not found/);
  });

  it('writes SARIF with rule metadata and GitHub annotations from the real CLI', () => {
    const cwd = project();
    const sarif = memo(['lint', 'memos', '--format', 'sarif'], { cwd });
    expect(sarif.status).toBe(1);
    const log = JSON.parse(sarif.stdout) as {
      version: string;
      runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; ruleIndex: number }[] }[];
    };
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    expect(run?.tool.driver.rules.map((r) => r.id)).toContain('dated-events');
    expect(run?.results.map((r) => [r.ruleId, run.tool.driver.rules[r.ruleIndex]?.id])).toEqual([['dated-events', 'dated-events']]);
    const github = memo(['lint', 'memos', '--format', 'github'], { cwd });
    expect(github.stdout.trim()).toMatch(
      /^::error file=memos\/undated\.md,line=29,col=1,.*title=dated-events::Sequence of Events item 2 has no date/,
    );
  });
});
