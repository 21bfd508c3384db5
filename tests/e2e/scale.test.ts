// Large runs: worker threads give the same results as one thread, and --cache is used, kept
// up to date, and keyed on content and config rather than timestamps.
import { cpSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE, memo, tempDir, withoutAuthorityWarning } from '../helpers/cli.js';
import { writeCorpus } from '../helpers/corpus.js';

interface JsonResult {
  filePath: string;
  messages: { ruleId: string; line: number; message: string }[];
}

const summary = (stdout: string) =>
  (JSON.parse(stdout) as JsonResult[]).map((r) => [r.filePath, r.messages.map((m) => `${m.line} ${m.ruleId} ${m.message}`)]);

describe('large runs', () => {
  it('lints 240 memos in worker threads exactly as in one thread', () => {
    const cwd = tempDir();
    const flawed = writeCorpus(join(cwd, 'memos'), 240);
    const threaded = memo(['lint', 'memos', '--format', 'json'], { cwd });
    const single = memo(['lint', 'memos', '--format', 'json'], { cwd, env: { MEMOKIT_THREADS: '1' } });
    expect(threaded.status).toBe(1);
    expect(single.status).toBe(1);
    expect(summary(threaded.stdout)).toEqual(summary(single.stdout));
    const reported = (JSON.parse(threaded.stdout) as JsonResult[]).filter((r) => r.messages.length > 0);
    expect(reported.map((r) => r.filePath).sort()).toEqual(flawed.sort());
    expect(new Set(reported.flatMap((r) => r.messages.map((m) => m.ruleId)))).toEqual(new Set(['dated-events']));
  });

  it("a memo that exhausts a worker thread's memory is reported alone; the other memos are still linted and exported", () => {
    const cwd = tempDir();
    writeCorpus(join(cwd, 'memos'), 220, 1000);
    // remark needs far more than the 16 MB allowed here for this one.
    writeFileSync(join(cwd, 'memos', 'set-2', 'heavy.md'), heavyMemo());
    const env = { MEMOKIT_WORKER_MEMORY_MB: '16' };

    const lint = memo(['lint', 'memos', '--format', 'json'], { cwd, env });
    expect(lint.status).toBe(2);
    expect(lint.stderr.trim()).toMatch(/^memo: memos\/set-2\/heavy\.md: ran out of memory \(16 MB per thread\)/);
    expect(lint.stderr).not.toMatch(/internal error|\n\s+at /);
    const results = JSON.parse(lint.stdout) as JsonResult[];
    // Every file is in the report; the heavy one as a fatal entry (#16).
    expect(results).toHaveLength(221);
    expect(
      results.filter((r) => (r as JsonResult & { fatalErrorCount: number }).fatalErrorCount > 0).map((r) => r.filePath.split('/').pop()),
    ).toEqual(['heavy.md']);

    const exported = memo(['export', 'memos', '--to', 'html', '--out-dir', 'out'], { cwd, env });
    expect(exported.status).toBe(2);
    expect(exported.stderr).toMatch(/heavy\.md: ran out of memory/);
    expect(readFileSync(join(cwd, 'out', 'memos', 'set-4', 'memo-0219.html'), 'utf8')).toMatch(/^<!doctype html>/i);

    const bundled = memo(['bundle', 'memos', '--to', 'json', '-o', 'feed.json'], { cwd, env });
    expect(bundled.status).toBe(2);
    expect(withoutAuthorityWarning(bundled.stderr).trim()).toMatch(
      /^memo: memos\/set-2\/heavy\.md: ran out of memory \(16 MB per thread\)[^\n]*$/,
    );
    expect((JSON.parse(readFileSync(join(cwd, 'feed.json'), 'utf8')) as { items: unknown[] }).items).toHaveLength(220);
  }, 120_000);

  it('a memo too slow to parse is stopped and reported alone, in a small run too; the other memos are still linted and exported', () => {
    const cwd = tempDir();
    writeCorpus(join(cwd, 'memos'), 3);
    // Over HEAVY_MEMO_BYTES, so a worker thread parses it even in a run of four files; the
    // parser takes seconds on it (quadratic), far over the 1 s allowed here.
    writeFileSync(join(cwd, 'memos', 'heavy.md'), heavyMemo());
    const env = { MEMOKIT_WORKER_TIMEOUT_S: '1' };

    const lint = memo(['lint', 'memos', '--format', 'json'], { cwd, env });
    expect(lint.status).toBe(2);
    expect(lint.stderr.trim()).toMatch(
      /^memo: memos\/heavy\.md: took longer than 1 s \(the Markdown parser is slow on very long runs of nested lists and quotes\); split it, or raise MEMOKIT_WORKER_TIMEOUT_S$/,
    );
    const results = JSON.parse(lint.stdout) as JsonResult[];
    expect(results.map((r) => r.filePath.slice(cwd.length)).sort()).toEqual([
      '/memos/heavy.md',
      '/memos/set-0/memo-0000.md',
      '/memos/set-0/memo-0001.md',
      '/memos/set-0/memo-0002.md',
    ]);
    // heavy.md is in the report as a fatal entry (#16); the first memo keeps its finding.
    expect(results.find((r) => r.filePath.endsWith('memo-0000.md'))?.messages.map((m) => m.ruleId)).toEqual(['dated-events']);
    expect(results.find((r) => r.filePath.endsWith('heavy.md'))?.messages.map((m) => m.ruleId)).toEqual([null]);

    const exported = memo(['export', 'memos', '--to', 'html', '--out-dir', 'out'], { cwd, env });
    expect(exported.status).toBe(2);
    expect(exported.stderr).toMatch(/heavy\.md: took longer than 1 s/);
    expect(readFileSync(join(cwd, 'out', 'memos', 'set-0', 'memo-0002.html'), 'utf8')).toMatch(/^<!doctype html>/i);
    expect(() => statSync(join(cwd, 'out', 'memos', 'heavy.html'))).toThrow();

    // One memo to standard output: the same limits, and nothing half-written.
    const single = memo(['export', 'memos/heavy.md', '--to', 'html'], { cwd, env });
    expect(single.status).toBe(2);
    expect(single.stderr.trim()).toMatch(/^memo: memos\/heavy\.md: took longer than 1 s /);
    expect(single.stdout).toBe('');

    // And from standard input.
    const piped = memo(['lint', '--stdin', '--stdin-filename', 'memos/heavy.md'], { cwd, env, input: heavyMemo() });
    expect(piped.status).toBe(2);
    expect(piped.stderr.trim()).toMatch(/^memo: memos\/heavy\.md: took longer than 1 s /);
  }, 60_000);

  it('memo bundle: a memo too slow to parse is stopped and reported as by lint; the other memos are still bundled', () => {
    const cwd = tempDir();
    writeCorpus(join(cwd, 'memos'), 3);
    // Over HEAVY_MEMO_BYTES: parsed in a worker thread, under its limits, even in a run of four.
    writeFileSync(join(cwd, 'memos', 'heavy.md'), heavyMemo());
    const env = { MEMOKIT_WORKER_TIMEOUT_S: '1' };

    const lint = memo(['lint', 'memos', '--format', 'json'], { cwd, env });
    const bundled = memo(['bundle', 'memos', '--to', 'html', '--sort', 'input', '-o', 'issue.html'], { cwd, env });
    expect(bundled.status).toBe(2);
    expect(bundled.stderr).toBe(lint.stderr);
    expect(bundled.stderr).toMatch(
      /^memo: memos\/heavy\.md: took longer than 1 s \(the Markdown parser is slow [^\n]*MEMOKIT_WORKER_TIMEOUT_S\n$/,
    );
    const issue = readFileSync(join(cwd, 'issue.html'), 'utf8');
    const articles = [...issue.matchAll(/<article class="memo" id="([^"]+)"/g)].map((match) => match[1]);
    expect(articles).toEqual(['memo-0000', 'memo-0001', 'memo-0002']);
  }, 60_000);

  it('exports 240 memos in worker threads, the same bytes as in one thread', () => {
    const cwd = tempDir();
    writeCorpus(join(cwd, 'memos'), 240);
    expect(memo(['export', 'memos', '--to', 'html', '--out-dir', 'a'], { cwd }).status).toBe(0);
    expect(memo(['export', 'memos', '--to', 'html', '--out-dir', 'b'], { cwd, env: { MEMOKIT_THREADS: '0' } }).status).toBe(0);
    for (const file of ['memos/set-0/memo-0000.html', 'memos/set-4/memo-0239.html', 'memos/set-2/memo-0117.html']) {
      expect(readFileSync(join(cwd, 'a', file), 'utf8')).toBe(readFileSync(join(cwd, 'b', file), 'utf8'));
    }
    // The memos of a bundle come back from the threads as parsed in one thread.
    expect(memo(['bundle', 'memos', '--to', 'json', '-o', 'a.json'], { cwd }).status).toBe(0);
    expect(memo(['bundle', 'memos', '--to', 'json', '-o', 'b.json'], { cwd, env: { MEMOKIT_THREADS: '0' } }).status).toBe(0);
    expect(readFileSync(join(cwd, 'a.json'), 'utf8')).toBe(readFileSync(join(cwd, 'b.json'), 'utf8'));
  });
});

/**
 * A memo followed by about 150 KB of nested lists and quotes, on which the Markdown parser is
 * quadratic: seconds to parse, and 200+ MB.
 */
function heavyMemo(): string {
  let heavy = readFileSync(EXAMPLE, 'utf8');
  for (let i = 0; heavy.length < 150 * 1024; i++)
    heavy += `- item *${i}* with [a link](https://example.org/${i}) and \`code ${i}\`\n  - nested ${i}\n    > quote ${i}\n\n`;
  return heavy;
}

/** The cache file as memokit writes it (format 3: see src/lint/cache.ts), by path. */
interface CacheEntry {
  hash: string;
  settings: string;
  stat: string;
  messages: { message: string }[];
}
interface CacheFile {
  header: string;
  settings: string[];
  files: Record<string, CacheEntry>;
}
function readCache(cwd: string): CacheFile {
  const [header = '', ...lines] = readFileSync(join(cwd, '.memocache'), 'latin1').trimEnd().split('\n');
  const cache: CacheFile = { header, settings: [], files: {} };
  for (const line of lines) {
    const [kind, ...fields] = line.split('\t');
    if (kind === 'S') cache.settings.push(fields[0] ?? '');
    if (kind === 'F') {
      const [path = '', hash = '', settings = '', stat = '', messages = ''] = fields;
      cache.files[JSON.parse(path) as string] = {
        hash,
        settings,
        stat,
        messages: messages ? (JSON.parse(messages) as { message: string }[]) : [],
      };
    }
  }
  return cache;
}
function writeCache(cwd: string, cache: CacheFile): void {
  const lines = [cache.header, ...cache.settings.map((settings) => `S\t${settings}`)];
  for (const [path, entry] of Object.entries(cache.files)) {
    lines.push(
      [
        'F',
        JSON.stringify(path),
        entry.hash,
        entry.settings,
        entry.stat,
        entry.messages.length > 0 ? JSON.stringify(entry.messages) : '',
      ].join('\t'),
    );
  }
  writeFileSync(join(cwd, '.memocache'), `${lines.join('\n')}\n`);
}
/** Plant a message in a file's cache entry: a run that answers from the cache reports it. */
function plant(cwd: string, name: string, change: (entry: CacheEntry) => void = () => undefined): void {
  const cache = readCache(cwd);
  const entry = cache.files[name];
  expect(entry?.messages).toHaveLength(1);
  (entry?.messages[0] as { message: string }).message = 'PLANTED';
  if (entry) change(entry);
  writeCache(cwd, cache);
}
const lintCached = (cwd: string, env: NodeJS.ProcessEnv = {}) =>
  memo(['lint', '.', '--cache', '--format', 'json'], { cwd, env: { CI: '', ...env } });
/** Past cache.ts's STAT_MARGIN_MS: only files this old get their stat data kept. */
const waitForStatMargin = () => new Promise((resolve) => setTimeout(resolve, 3100));

describe('memo lint --cache', () => {
  it('answers unchanged files from .memocache, and re-lints on a content or config change', () => {
    const cwd = tempDir();
    cpSync(EXAMPLE, join(cwd, 'memo.md'));
    writeFileSync(join(cwd, 'late.md'), readFileSync(EXAMPLE, 'utf8').replace('**Dec. 27, 2019**', '**Dec. 30, 2019**'));
    // CI=1: content hashes only, as after every fresh checkout.
    const env = { CI: '1' };
    const cold = lintCached(cwd, env);
    expect(cold.status).toBe(1);
    // Paths are kept relative to the cache file, so a checkout in another folder still hits.
    expect(Object.keys(readCache(cwd).files).sort()).toEqual(['late.md', 'memo.md']);
    expect(Object.values(readCache(cwd).files).map((entry) => entry.stat)).toEqual(['-', '-']);

    // Prove the second run reads the cache: plant a message in it and see it come back.
    plant(cwd, 'late.md');
    const warm = lintCached(cwd, env);
    expect(summary(warm.stdout).flatMap(([, messages]) => messages)).toEqual(['29 dated-events PLANTED']);
    expect(warm.status).toBe(1);

    // Same content, new timestamp (a fresh checkout): still a hit.
    writeFileSync(join(cwd, 'late.md'), readFileSync(join(cwd, 'late.md')));
    expect(lintCached(cwd, env).stdout).toContain('PLANTED');

    // The same files in another folder, the cache with them: still hits.
    const moved = tempDir();
    cpSync(cwd, moved, { recursive: true });
    expect(lintCached(moved, env).stdout).toContain('PLANTED');

    // A content change re-lints that file.
    writeFileSync(join(cwd, 'late.md'), `${readFileSync(join(cwd, 'late.md'), 'utf8')}\n`);
    expect(lintCached(cwd, env).stdout).not.toContain('PLANTED');

    // A config change re-lints everything.
    plant(cwd, 'late.md');
    writeFileSync(join(cwd, '.memorc.yaml'), 'root: true\nrules:\n  dated-events: warn\n');
    const changed = lintCached(cwd, env);
    expect(changed.stdout).not.toContain('PLANTED');
    expect(changed.status).toBe(0);
  });

  it('skips reading a file whose stat data are unchanged, and never trusts them for a changed file', { timeout: 30_000 }, async () => {
    const cwd = tempDir();
    const late = join(cwd, 'late.md');
    writeFileSync(late, readFileSync(EXAMPLE, 'utf8').replace('**Dec. 27, 2019**', '**Dec. 30, 2019**'));
    // A whole second, so that it can be put back exactly below.
    const mtime = Math.floor(Date.now() / 1000) - 60;
    utimesSync(late, mtime, mtime);
    // Just written: too recent for its stat data to be kept (a write in the same clock tick
    // as the hash would go unseen).
    lintCached(cwd);
    expect(readCache(cwd).files['late.md']?.stat).toBe('-');
    await waitForStatMargin();
    lintCached(cwd);
    expect(readCache(cwd).files['late.md']?.stat).toMatch(/^\d+:\d+:/);

    // A wrong content hash goes unnoticed while the stat data match: the file is not read...
    plant(cwd, 'late.md', (entry) => (entry.hash = '0'.repeat(40)));
    expect(lintCached(cwd).stdout).toContain('PLANTED');
    // ...and is noticed in CI, where only content counts.
    expect(lintCached(cwd, { CI: 'true' }).stdout).not.toContain('PLANTED');

    // Same size, modification time put back: the change time still differs, so it is re-linted
    // (and Dec. 28 puts the events back in order).
    lintCached(cwd); // (the CI run kept no stat data; this one does again)
    plant(cwd, 'late.md');
    expect(readCache(cwd).files['late.md']?.stat).toMatch(/^\d+:\d+:/);
    expect(lintCached(cwd).stdout).toContain('PLANTED');
    const before = statSync(late);
    writeFileSync(late, readFileSync(late, 'utf8').replace('Dec. 30, 2019', 'Dec. 28, 2019'));
    utimesSync(late, mtime, mtime);
    expect([statSync(late).size, statSync(late).mtimeMs, statSync(late).ino]).toEqual([before.size, before.mtimeMs, before.ino]);
    await waitForStatMargin(); // (a change within the margin is never trusted anyway)
    const relinted = lintCached(cwd);
    expect(relinted.stdout).not.toContain('PLANTED');
    expect(summary(relinted.stdout).flatMap(([, messages]) => messages)).toEqual([]);
    expect(relinted.status).toBe(0);
  });

  it('gives each reported file its own source in the json report: in threads, in one thread, cold and warm', () => {
    const cwd = tempDir();
    const flawed = writeCorpus(join(cwd, 'memos'), 240);
    // Text JSON must escape, text it must not, a byte-order mark and CRLF line ends.
    flawed.forEach((file, i) => {
      let text = `${readFileSync(file, 'utf8')}\nNote ${i}: "quoted" back\\slash\ttab \u0001 “curly” é 😀 \u2028 end\n`;
      if (i === 1) text = `\ufeff${text.replace(/\n/g, '\r\n')}`;
      writeFileSync(file, text);
    });
    const sources = (stdout: string) =>
      (JSON.parse(stdout) as (JsonResult & { source?: string })[]).filter((r) => r.messages.length > 0).map((r) => [r.filePath, r.source]);
    const expected = flawed.sort().map((file) => [file, readFileSync(file, 'utf8')]);
    for (const env of [{}, { MEMOKIT_THREADS: '1' }]) {
      rmSync(join(cwd, '.memocache'), { force: true });
      const cold = memo(['lint', 'memos', '--format', 'json', '--cache'], { cwd, env });
      const warm = memo(['lint', 'memos', '--format', 'json', '--cache'], { cwd, env });
      expect(sources(cold.stdout)).toEqual(expected);
      expect(warm.stdout).toBe(cold.stdout);
    }
  });

  it('ignores a damaged cache file', () => {
    const cwd = tempDir();
    cpSync(EXAMPLE, join(cwd, 'memo.md'));
    writeFileSync(join(cwd, '.memocache'), '{ not json');
    const result = memo(['lint', '.', '--cache'], { cwd });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(readCache(cwd).header).toMatch(/^memokit-cache\t3\t\d+\.\d+\.\d+/);
  });
});
