// An interrupted PDF batch leaves complete files or none, and no browser behind. `memo export
// <40 memos> --to pdf --out-dir` is interrupted with SIGINT and with SIGTERM at moments chosen by
// what the run has done (before Chromium starts, as it starts, after 1, 5, 15 and 30 PDFs), and
// afterwards: the exit is 130 (SIGINT) or 143 (SIGTERM: cli/interrupt.ts exits 128 + the
// signal's number for both); stderr is empty (interrupted runs are quiet: no stack trace, no
// "could not be printed" for the memos in flight); every file in the out-dir is byte-identical to
// the uninterrupted export's (a PDF starts with %PDF-, ends with %%EOF and pdfinfo reads it), with
// no temporary file left; and no process of the Chromium that run started is alive 3 s later.
// Once with SIGKILL too, which no handler sees: the browser must still go, the PDFs be whole.
//
// Chromium's processes are found by a marker of their own: each run gets its own TMPDIR, under
// which playwright makes the browser's profile, so every browser process names it on its command
// line (--user-data-dir=…) and the crash handlers, which leave the process tree (setsid, parent
// 1) and name no profile, carry it in their environment. Other tests' browsers never match.
//
// Needs Chromium and Linux's /proc (skipped with a message without them, a failure in CI).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, tempDir } from '../helpers/cli.js';
import { CHROMIUM, hasChromium, hasTool, pdfInfo } from '../helpers/documents.js';
import { listTree, writeMemoFolder } from '../helpers/memo-folder.js';

const inCi = Boolean(process.env['CI']);
const hasProc = existsSync('/proc/self/environ');
const ready = (hasChromium && hasProc) || inCi;
const MEMOS = 40;
/** The atomic writer's temporary file: `.<target name>.<pid>.<8 hex>.tmp`, hidden, beside the target. */
const TEMP = /(^|\/)\.[^/]+\.\d+\.[0-9a-f]{8}\.tmp$/;

/** When a trial sends its signal: after a fixed delay, once its Chromium is running, or once `n` PDFs are in the out-dir. */
type Moment = { ms: number } | { chromium: true } | { pdfs: number };

interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  ms: number;
  /** PDFs in the out-dir when the signal was sent (-1: the run ended first). */
  pdfsAtKill: number;
}

const pdfsIn = (dir: string): number => (existsSync(dir) ? listTree(dir).filter((file) => file.endsWith('.pdf')).length : 0);

/** Processes (not `except`) whose command line or environment contains `marker`. */
function markedProcesses(marker: string, except: number[] = []): { pid: number; command: string }[] {
  const found: { pid: number; command: string }[] = [];
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || except.includes(pid)) continue;
    try {
      const command = readFileSync(`/proc/${pid}/cmdline`, 'latin1');
      if (command.includes(marker) || readFileSync(`/proc/${pid}/environ`, 'latin1').includes(marker))
        found.push({ pid, command: command.replace(/\0/g, ' ').slice(0, 120) });
    } catch {
      // Gone meanwhile, or another user's.
    }
  }
  return found;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Start the batch with its own TMPDIR (the marker) and send `signal` at `moment` (if it is still running). */
function runAndKill(root: string, out: string, tmp: string, moment: Moment | null, signal: NodeJS.Signals): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', TMPDIR: tmp, MEMOKIT_CHROMIUM: CHROMIUM };
  delete env['FORCE_COLOR'];
  const started = Date.now();
  const child = spawn(process.execPath, [BIN, 'export', 'corpus', '--to', 'pdf', '--out-dir', out], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  let pdfsAtKill = -1;
  let exited = false;
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const kill = () => {
    if (exited) return;
    pdfsAtKill = pdfsIn(join(root, out));
    child.kill(signal);
  };
  let poll: NodeJS.Timeout | undefined;
  if (moment && 'ms' in moment) poll = setTimeout(kill, moment.ms);
  else if (moment) {
    // Polled every 10 ms: the signal lands within a PDF or two of the moment.
    poll = setInterval(() => {
      const due = 'pdfs' in moment ? pdfsIn(join(root, out)) >= moment.pdfs : markedProcesses(tmp, [child.pid ?? 0]).length > 0;
      if (due) {
        clearInterval(poll);
        kill();
      }
    }, 10);
  }
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status, got) => {
      exited = true;
      clearTimeout(poll);
      clearInterval(poll);
      resolve({ status, signal: got, stderr, ms: Date.now() - started, pdfsAtKill });
    });
  });
}

/** What is left of the run's Chromium: processes still alive `grace` ms after memo exited (killed here, so none outlives the test). */
async function leftoverBrowsers(marker: string, grace = 3000): Promise<string[]> {
  const until = Date.now() + grace;
  let left = markedProcesses(marker);
  while (left.length > 0 && Date.now() < until) {
    await sleep(50);
    left = markedProcesses(marker);
  }
  for (const { pid } of left) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  return left.map(({ pid, command }) => `${pid} ${command}`);
}

/** A complete PDF: the header, the end-of-file marker last, and (where poppler is installed) pages pdfinfo reads. */
function expectCompletePdf(file: string, bytes: Buffer): void {
  expect(bytes.subarray(0, 5).toString('latin1'), `${file} does not start with %PDF-`).toBe('%PDF-');
  expect(bytes.subarray(-16).toString('latin1').trimEnd().endsWith('%%EOF'), `${file} does not end with %%EOF`).toBe(true);
  if (hasTool('pdfinfo')) expect(pdfInfo(file).pages, `pdfinfo cannot read ${file}`).toBeGreaterThan(0);
}

// Registered only when it applies: under describe.runIf(false) it would count as skipped in every run.
if (!ready) {
  describe('interrupted PDF export', () => {
    it.skip('needs Chromium (apt-get install chromium) and /proc', () => undefined);
  });
}

describe.runIf(ready)('an interrupted PDF batch leaves complete files or none, and no Chromium', () => {
  const root = tempDir('memokit-pdfint-');
  const expected = new Map<string, Buffer>();
  let wholeMs = 0;
  let trial = 0;

  beforeAll(async () => {
    writeMemoFolder(join(root, 'corpus'), MEMOS, { outOfOrder: false });
    const tmp = join(root, 'tmp-all');
    mkdirSync(tmp);
    const whole = await runAndKill(root, 'expected', tmp, null, 'SIGINT');
    expect(whole.status, whole.stderr).toBe(0);
    expect(whole.stderr).toBe(`${MEMOS} memos written to expected\n`);
    wholeMs = whole.ms;
    for (const file of listTree(join(root, 'expected'))) expected.set(file, readFileSync(join(root, 'expected', file)));
    expect([...expected.keys()].filter((file) => file.endsWith('.pdf')).length).toBe(MEMOS);
    // A run that ends normally closes its browser and removes its profile too.
    expect(await leftoverBrowsers(tmp)).toEqual([]);
    expect(readdirSync(tmp)).toEqual([]);
  }, 60_000);

  async function interrupt(signal: NodeJS.Signals, moment: Moment): Promise<Run> {
    // t1x is no prefix of t10x: each trial's marker matches its own processes only. Short, as
    // Chromium puts a socket under it (a socket's path is at most 107 bytes).
    const name = `t${trial++}x`;
    const out = `out-${name}-${signal}`;
    const tmp = join(root, name);
    mkdirSync(tmp);
    const run = await runAndKill(root, out, tmp, moment, signal);
    const where = `${JSON.stringify(moment)}, ${run.pdfsAtKill} PDFs at the signal, exit ${run.status ?? run.signal}`;
    // Every moment comes before the run's end; { chromium: true } coming at all shows the marker finds the run's browser.
    expect(run.pdfsAtKill, `the run ended before its signal (${where})`).toBeGreaterThanOrEqual(0);

    // Quiet: nothing at all (no summary, no "could not be printed", never a stack trace).
    expect(run.stderr, where).toBe('');
    // A signal before the CLI has installed its handler (the early fixed delay) kills it the default way.
    // SIGKILL: no handler runs at all.
    const code = signal === 'SIGINT' ? 130 : signal === 'SIGTERM' ? 143 : null;
    expect(run.status === code || ((signal === 'SIGKILL' || 'ms' in moment) && run.signal === signal), where).toBe(true);

    // No browser process outlives the run.
    expect(await leftoverBrowsers(tmp), `Chromium processes left (${where})`).toEqual([]);
    // Not promised, only reported and bounded: what the run left in its TMPDIR (not its out-dir).
    // Chromium, SIGKILLed by playwright's exit handler, cannot remove its singleton folder
    // (org.chromium.Chromium.*: two symbolic links and a socket); a signal between playwright
    // making the profile folders and starting the browser leaves those (playwright*, empty), and
    // after SIGKILL of memo nothing removes the profile.
    const litter = readdirSync(tmp);
    if (litter.length > 0) console.info(`pdf ${signal} (${where}): left in TMPDIR: ${litter.join(', ')}`);
    expect(
      litter.filter((name) => !/^(org\.chromium\.Chromium|playwright[-_])/.test(name)),
      `unexpected files left in TMPDIR (${where})`,
    ).toEqual([]);

    // Every file is the uninterrupted export's, byte for byte; no temporary file is left.
    const dir = join(root, out);
    for (const file of existsSync(dir) ? listTree(dir) : []) {
      // SIGKILL may leave the writer's hidden temporary file (docs/reliability.md), never a partial target.
      if (signal === 'SIGKILL' && TEMP.test(file)) continue;
      expect(TEMP.test(file), `temporary file ${file} left (${where})`).toBe(false);
      const bytes = readFileSync(join(dir, file));
      expect(expected.get(file)?.equals(bytes), `${join(dir, file)} is not the complete export (${bytes.length} bytes; ${where})`).toBe(
        true,
      );
      if (file.endsWith('.pdf')) expectCompletePdf(join(dir, file), bytes);
    }
    rmSync(dir, { recursive: true, force: true });
    rmSync(tmp, { recursive: true, force: true });
    return run;
  }

  it('SIGINT before Chromium starts, as it starts, and after 1, 5, 15 and 30 PDFs: exit 130', async () => {
    const runs: Run[] = [];
    for (const moment of [{ ms: 150 }, { chromium: true }, { pdfs: 1 }, { pdfs: 5 }, { pdfs: 15 }, { pdfs: 30 }] as Moment[])
      runs.push(await interrupt('SIGINT', moment));
    const partial = runs.filter((run) => run.pdfsAtKill > 0 && run.pdfsAtKill < MEMOS).length;
    console.info(`pdf SIGINT: uninterrupted ${wholeMs} ms; PDFs at the signal: ${runs.map((run) => run.pdfsAtKill).join(', ')}`);
    expect(partial, 'too few signals landed while PDFs were being written').toBeGreaterThanOrEqual(2);
  }, 60_000);

  it('SIGTERM as Chromium starts and after 3 and 20 PDFs: exit 143', async () => {
    const runs: Run[] = [];
    for (const moment of [{ chromium: true }, { pdfs: 3 }, { pdfs: 20 }] as Moment[]) runs.push(await interrupt('SIGTERM', moment));
    console.info(`pdf SIGTERM: PDFs at the signal: ${runs.map((run) => run.pdfsAtKill).join(', ')}`);
    expect(runs.filter((run) => run.pdfsAtKill > 0 && run.pdfsAtKill < MEMOS).length).toBeGreaterThanOrEqual(1);
  }, 60_000);

  // No handler can run: the browser must go by itself (it exits when playwright's pipe to it closes).
  it('SIGKILL after 5 PDFs: no Chromium left either, every PDF complete', async () => {
    const run = await interrupt('SIGKILL', { pdfs: 5 });
    expect(run.pdfsAtKill).toBeGreaterThan(0);
  }, 60_000);
});
