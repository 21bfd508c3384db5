// Never lose data. A batch export and a `memo lint --fix` run over 200 memos are killed at
// random moments (SIGINT and SIGKILL, 50 trials each), and afterwards every output file is
// byte-identical to the uninterrupted export, every source memo is either untouched or
// completely fixed, and no temporary file is left (SIGINT), or only the writer's hidden
// temporary files, never a target (SIGKILL, which no process can clean up after).
// Then: export output never leaves --out-dir.
//
// Proved elsewhere: `memo new` never overwrites without --force — tests/e2e/new.test.ts
// "refuses to overwrite without --force (exit 2, file byte-identical), replaces with it".
//
// INTERRUPT_TRIALS=n changes the number of trials per command and signal (default 50);
// INTERRUPT_SEED=n replays another sequence of kill times.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, EXAMPLE, memo, tempDir } from '../helpers/cli.js';
import { listTree, numberedMemo, prng, writeMemoFolder } from '../helpers/memo-folder.js';

const MEMOS = 200;
const TRIALS = Number(process.env['INTERRUPT_TRIALS'] ?? 50);
const SEED = Number(process.env['INTERRUPT_SEED'] ?? 20191231);
const PARALLEL = 2;
/** The atomic writer's temporary file: `.<target name>.<pid>.<8 hex>.tmp`, hidden, beside the target. */
const TEMP = /(^|\/)\.[^/]+\.\d+\.[0-9a-f]{8}\.tmp$/;

interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  ms: number;
}

/** Start the CLI and send `signal` after `delay` ms (if it is still running). */
function runAndKill(args: string[], cwd: string, delay: number, signal: NodeJS.Signals | null): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env['FORCE_COLOR'];
  const started = Date.now();
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const timer = signal ? setTimeout(() => child.kill(signal), delay) : undefined;
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status, got) => {
      clearTimeout(timer);
      resolve({ status, signal: got, stderr, ms: Date.now() - started });
    });
  });
}

/** Run `trial(i)` for i in 0..count-1, `PARALLEL` at a time. */
async function pool<T>(count: number, trial: (i: number) => Promise<T>): Promise<T[]> {
  const results = new Array<T>(count);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) results[i] = await trial(i);
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return results;
}

/**
 * Kill times between 20 ms and the uninterrupted run's duration: one trial in three uniform
 * over its last three quarters (where the writes are), the others log-uniform over all of it
 * (start-up and the first writes, densely). The mean is about a third of a run, so 200 runs
 * fit the time budget.
 */
function killTimes(seed: number, duration: number): number[] {
  const random = prng(seed);
  const low = 20;
  const high = Math.max(duration, 40);
  return Array.from({ length: TRIALS }, (_, i) =>
    Math.round(
      i % 3 === 0 ? high / 4 + ((3 * high) / 4) * random() : Math.exp(Math.log(low) + (Math.log(high) - Math.log(low)) * random()),
    ),
  );
}

/** What a trial left behind, checked against the expected bytes of each file. */
interface Outcome {
  /** Output files complete (export) or memos fixed (lint --fix). */
  done: number;
  temps: string[];
}

/** Every file is one of the `allowed` versions of it; hidden temp files are listed apart. */
function inspect(dir: string, allowed: (file: string) => Buffer[] | undefined, doneVersion: (file: string) => Buffer): Outcome {
  const outcome: Outcome = { done: 0, temps: [] };
  for (const file of existsSync(dir) ? listTree(dir) : []) {
    if (TEMP.test(file)) {
      outcome.temps.push(file);
      continue;
    }
    const versions = allowed(file);
    expect(versions, `unexpected file ${join(dir, file)}`).toBeDefined();
    const bytes = readFileSync(join(dir, file));
    expect(
      versions?.some((version) => version.equals(bytes)),
      `${join(dir, file)} is neither the original nor the complete result (${bytes.length} bytes)`,
    ).toBe(true);
    if (bytes.equals(doneVersion(file))) outcome.done++;
  }
  return outcome;
}

function expectCleanExit(run: Run, signal: NodeJS.Signals): void {
  // No stack trace, no error: an interrupted run is quiet. A batch export that got to its end
  // (finished, or killed right after) has printed its one summary line, all memos written.
  expect(run.stderr).toMatch(new RegExp(`^(?:${MEMOS} memos written to \\S+\n)?$`));
  if (run.signal === null && run.status === 0) return; // finished before the kill
  if (signal === 'SIGKILL') expect(run.signal).toBe('SIGKILL');
  // SIGINT: handled (exit 130), or it came before the CLI had installed its handler.
  else expect(run.status === 130 || run.signal === 'SIGINT', `status ${run.status}, signal ${run.signal}`).toBe(true);
}

describe('interrupted runs leave complete files or none', () => {
  const root = tempDir('memokit-interrupt-');
  const corpus = join(root, 'corpus');
  let paths: string[] = [];
  const original = new Map<string, Buffer>();
  const fixed = new Map<string, Buffer>();
  const exported = new Map<string, Buffer>();
  let exportMs = 0;
  let fixMs = 0;

  beforeAll(async () => {
    paths = writeMemoFolder(corpus, MEMOS, { outOfOrder: true });
    paths.forEach((path, n) => {
      original.set(path, readFileSync(join(corpus, path)));
      // The oracle for --fix: the same memo with its events in order.
      fixed.set(path, Buffer.from(numberedMemo(Number(/memo-(\d+)/.exec(path)?.[1]), false)));
      expect(original.get(path)?.equals(fixed.get(path) as Buffer), `memo ${n} has nothing to fix`).toBe(false);
    });

    const whole = await runAndKill(['export', 'corpus', '--to', 'html', '--out-dir', 'expected'], root, 0, null);
    expect(whole.status, whole.stderr).toBe(0);
    exportMs = whole.ms;
    for (const file of listTree(join(root, 'expected'))) exported.set(file, readFileSync(join(root, 'expected', file)));
    // Every memo, and the record of what was written (the same in every out-dir beside this one).
    expect(exported.size).toBe(MEMOS + 1);
    expect(exported.has('.memokit-outputs.json')).toBe(true);

    cpSync(corpus, join(root, 'fixed'), { recursive: true });
    const fix = await runAndKill(['lint', '--fix', 'fixed'], root, 0, null);
    expect(fix.status, fix.stderr).toBe(0);
    fixMs = fix.ms;
    for (const path of paths)
      expect(readFileSync(join(root, 'fixed', path)).equals(fixed.get(path) as Buffer), `${path} not fixed`).toBe(true);
    expect(listTree(join(root, 'fixed'))).toEqual(paths);
  }, 120_000);

  // Each trial's folder is removed once it has passed; a failing one stays for a look.
  it.each(['SIGINT', 'SIGKILL'] as const)(
    `memo export <200 memos> --to html --out-dir, ${TRIALS} × %s`,
    async (signal) => {
      const delays = killTimes(SEED + (signal === 'SIGINT' ? 1 : 2), exportMs);
      const outcomes = await pool(TRIALS, async (i) => {
        const out = `out-${signal}-${i}`;
        const run = await runAndKill(['export', 'corpus', '--to', 'html', '--out-dir', out], root, delays[i] as number, signal);
        expectCleanExit(run, signal);
        const result = inspect(
          join(root, out),
          (file) => (exported.has(file) ? [exported.get(file) as Buffer] : undefined),
          (file) => exported.get(file) as Buffer,
        );
        if (signal === 'SIGINT') expect(result.temps, `temporary files left in ${join(root, out)} (kill at ${delays[i]} ms)`).toEqual([]);
        rmSync(join(root, out), { recursive: true, force: true });
        return result;
      });
      reportTrials(`export ${signal}`, exportMs, outcomes);
    },
    600_000,
  );

  it.each(['SIGINT', 'SIGKILL'] as const)(
    `memo lint --fix <200 memos>, ${TRIALS} × %s`,
    async (signal) => {
      const delays = killTimes(SEED + (signal === 'SIGINT' ? 3 : 4), fixMs);
      const outcomes = await pool(TRIALS, async (i) => {
        const folder = `fix-${signal}-${i}`;
        cpSync(corpus, join(root, folder), { recursive: true });
        const run = await runAndKill(['lint', '--fix', folder], root, delays[i] as number, signal);
        expectCleanExit(run, signal);
        const result = inspect(
          join(root, folder),
          (file) => (original.has(file) ? [original.get(file) as Buffer, fixed.get(file) as Buffer] : undefined),
          (file) => fixed.get(file) as Buffer,
        );
        // No memo lost: all 200 are still there.
        expect(listTree(join(root, folder)).filter((file) => !TEMP.test(file))).toEqual(paths);
        if (signal === 'SIGINT')
          expect(result.temps, `temporary files left in ${join(root, folder)} (kill at ${delays[i]} ms)`).toEqual([]);
        rmSync(join(root, folder), { recursive: true, force: true });
        return result;
      });
      reportTrials(`lint --fix ${signal}`, fixMs, outcomes);
    },
    600_000,
  );

  /** The kills must have landed mid-run often enough for the trials to prove anything. */
  function reportTrials(name: string, duration: number, outcomes: Outcome[]): void {
    const partial = outcomes.filter((o) => o.done > 0 && o.done < MEMOS).length;
    const temps = outcomes.reduce((sum, o) => sum + o.temps.length, 0);
    console.info(
      `${name}: uninterrupted ${duration} ms; ${partial}/${outcomes.length} trials killed mid-run; ${temps} hidden temporary file(s) left`,
    );
    expect(partial, 'too few kills landed while files were being written').toBeGreaterThanOrEqual(Math.min(3, Math.floor(TRIALS / 10)));
  }
});

describe('export output never leaves --out-dir', () => {
  /**
   * `work/` is the working folder; `outside/` and `victim/` are beside it. `mark()` notes every
   * file there is; `filesOutside()` then lists the new ones that are not under work/out/.
   */
  function layout() {
    const root = tempDir();
    const work = join(root, 'work');
    mkdirSync(join(work, 'memos', 'sub'), { recursive: true });
    mkdirSync(join(root, 'outside'));
    mkdirSync(join(root, 'victim'));
    cpSync(EXAMPLE, join(work, 'memos', 'top.md'));
    cpSync(EXAMPLE, join(work, 'memos', 'sub', 'deep.md'));
    cpSync(EXAMPLE, join(root, 'outside', 'far.md'));
    let before = new Set<string>();
    return {
      root,
      work,
      mark: () => void (before = new Set(listTree(root))),
      filesOutside: () => listTree(root).filter((file) => !before.has(file) && !file.startsWith('work/out/')),
    };
  }

  it.each([
    ['a relative path with ..', (_work: string) => ['../outside/far.md', 'memos/top.md', join('memos', '..', 'memos', 'sub', 'deep.md')]],
    ['an absolute path outside the working folder', (work: string) => [join(work, '..', 'outside', 'far.md'), 'memos/top.md']],
    [
      'a symbolic link to a memo outside',
      (work: string) => (
        symlinkSync(join(work, '..', 'outside', 'far.md'), join(work, 'memos', 'link.md')),
        ['memos/link.md', 'memos/top.md']
      ),
    ],
  ])('%s: with --root above them, every file lands under --out-dir at its path from the root', (_name, inputs) => {
    const { work, mark, filesOutside } = layout();
    const args = inputs(work);
    mark();
    const result = memo(['export', ...args, '--to', 'text', '--out-dir', 'out', '--root', '..'], { cwd: work });
    expect(result.status, result.stderr).toBe(0);
    expect(filesOutside()).toEqual([]);
    const written = listTree(join(work, 'out')).filter((file) => file !== '.memokit-outputs.json');
    expect(written.length).toBe(args.length);
    for (const file of written) expect(file).toMatch(/^[^.][^/]*(\/[^.][^/]*)*\.txt$/);
    // The symlinked memo is written under its link's name, not its target's.
    if (args[0] === 'memos/link.md') expect(written).toEqual(['work/memos/link.txt', 'work/memos/top.txt']);
    else expect(written).toContain('outside/far.txt');
  });

  it('a memo outside the root folder (the working folder, here) is refused and named; the others are written', () => {
    const { work, mark, filesOutside } = layout();
    mark();
    const result = memo(['export', '../outside/far.md', 'memos/top.md', '--to', 'text', '--out-dir', 'out'], { cwd: work });
    expect(result.status).toBe(2);
    const [refusal, summary, ...more] = result.stderr.trim().split('\n');
    expect(refusal).toMatch(
      /^memo: \.\.\/outside\/far\.md: is not under the root folder \(.+work\) that outputs are laid out from; --root sets it$/,
    );
    expect(summary).toBe('1 memo written to out, 1 failed');
    expect(more).toEqual([]);
    expect(filesOutside()).toEqual([]);
    expect(existsSync(join(work, 'out', 'memos', 'top.txt'))).toBe(true);
  });

  it('a folder under --out-dir that is a symbolic link to outside: refused, named, nothing written outside', () => {
    const { work, mark, filesOutside } = layout();
    mkdirSync(join(work, 'out', 'memos'), { recursive: true });
    symlinkSync(join('..', '..', '..', 'victim'), join(work, 'out', 'memos', 'sub'));
    mark();
    const result = memo(['export', 'memos', '--to', 'html', '--out-dir', 'out'], { cwd: work });
    expect(result.status).toBe(2);
    // The refusal, then the batch's summary line.
    const [refusal, summary, ...more] = result.stderr.trim().split('\n');
    expect(refusal).toMatch(/deep\.md: would be written outside --out-dir \(out\) through a symbolic link$/);
    expect(summary).toBe('1 memo written to out, 1 failed');
    expect(more).toEqual([]);
    expect(filesOutside()).toEqual([]);
    expect(readFileSync(join(work, 'out', 'memos', 'top.html'), 'utf8')).toContain('Backlash to U.S. Strikes');
  });

  it('an existing output file that is a symbolic link to outside is replaced, not written through', () => {
    const { root, work, mark, filesOutside } = layout();
    writeFileSync(join(root, 'victim', 'keep.txt'), 'do not touch\n');
    mkdirSync(join(work, 'out', 'memos'), { recursive: true });
    symlinkSync(join(root, 'victim', 'keep.txt'), join(work, 'out', 'memos', 'top.txt'));
    mark();
    const result = memo(['export', 'memos/top.md', '--to', 'text', '--out-dir', 'out'], { cwd: work });
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(join(root, 'victim', 'keep.txt'), 'utf8')).toBe('do not touch\n');
    expect(readFileSync(join(work, 'out', 'memos', 'top.txt'), 'utf8')).toMatch(/^December 31, 2019\n/);
    expect(filesOutside()).toEqual([]);
  });
});
