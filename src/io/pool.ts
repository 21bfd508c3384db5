// Spread a large batch over this thread and worker threads, one thread per core. Jobs go out
// from one queue as threads free up (workers take small batches, this thread one job at a time),
// so a slow file never holds back a whole share of the run, and this thread works from the
// start instead of waiting while the workers start up and load the code. A worker answers each
// batch with `{ outcomes }`, or `{ fatal }` for an error that ends the run (a bad config); see
// workerLoop below for the other side. A file that exhausts a worker's heap or time is found
// and reported as that file's error; the run goes on. Memos big enough to need those limits
// always go to a worker (runJobs).
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { MemoError, type MemoErrorCode } from './errors.js';
import { newWriterState } from './write.js';

/**
 * From this many files, worker threads join this thread. Below it a worker's start-up (~60 ms of
 * a core, loading the code again) costs about what it would take over; measured with
 * `npm run bench` (the scale curve).
 */
export const PARALLEL_THRESHOLD = 120;
const BATCH = 20;

export interface SerializedError {
  message: string;
  code: MemoErrorCode;
  file?: string;
  line?: number;
  exitCode: number;
}

export function serializeError(error: MemoError): SerializedError {
  return {
    message: error.message,
    code: error.code,
    exitCode: error.exitCode,
    ...(error.file ? { file: error.file } : {}),
    ...(error.line ? { line: error.line } : {}),
  };
}

export function deserializeError(error: SerializedError): MemoError {
  return new MemoError(error.message, error);
}

/**
 * Memos bigger than this go to a worker thread even in a run too small for threads. The
 * Markdown parser is quadratic on long runs of nested lists and quotes: 150 KB of them take
 * it seconds, 1 MB minutes and most of a gigabyte, and only a worker's limits stop that.
 * Real memos are about 5 KB; one thread start (~0.1 s) is nothing beside parsing such a file.
 */
export const HEAVY_MEMO_BYTES = 64 * 1024;

/** MEMOKIT_THREADS, when set to a number: the most threads a run may use (0 or 1: none). */
function threadCap(): number | undefined {
  const cap = Number.parseInt(process.env['MEMOKIT_THREADS'] ?? '', 10);
  return Number.isNaN(cap) ? undefined : Math.max(0, cap);
}

/** How many worker threads join this one for a run of `jobs` jobs: none below the threshold. */
export function workerCount(jobs: number): number {
  // MEMOKIT_THREADS caps the threads, this one included (0 or 1: all in this thread), e.g. on a shared CI runner.
  const cores = threadCap() ?? availableParallelism();
  if (jobs < PARALLEL_THRESHOLD || cores < 2) return 0;
  return Math.max(1, Math.min(cores - 1, Math.ceil(jobs / 100)));
}

/**
 * Run jobs the way their number asks: here, with worker threads joining in for a large run.
 * Memos over HEAVY_MEMO_BYTES always go to a worker thread (one is started for them in a small
 * run), so that its heap and time limits apply to them (not with MEMOKIT_THREADS at 0 or 1,
 * which asks for no threads at all). Outcomes come back in the jobs' order; `onOutcome` hears
 * of each as it is settled.
 */
export async function runJobs<Job extends { file: string; text?: string }, Outcome>(
  workerUrl: URL,
  data: unknown,
  jobs: Job[],
  here: (job: Job) => Promise<Outcome>,
  onOutcome?: (outcome: Outcome | FailedOutcome, index: number) => void,
  /**
   * Whether this thread takes jobs beside the workers in a large run. Lint: yes (a lint result
   * is small). Export: no; this thread's heap has no cap, and rendering HTML in it too took a
   * 10,000-memo export's peak from ~200 to ~340 MB.
   */
  shareHere = true,
): Promise<(Outcome | FailedOutcome)[]> {
  const cap = threadCap();
  const noThreads = cap !== undefined && cap < 2;
  // A job's size: its text when it carries one (stdin), else its file's.
  const size = (job: Job) =>
    job.text !== undefined ? Buffer.byteLength(job.text) : (statSync(job.file, { throwIfNoEntry: false })?.size ?? 0);
  const light: number[] = [];
  const heavy: number[] = [];
  for (const [index, job] of jobs.entries()) (noThreads || size(job) <= HEAVY_MEMO_BYTES ? light : heavy).push(index);
  const workers = noThreads ? 0 : Math.max(workerCount(jobs.length), heavy.length > 0 ? 1 : 0);
  // Not sharing, a large run is the workers' alone: one per core, as many as the run needs.
  const alone = !shareHere && workerCount(jobs.length) > 0;
  const count = alone ? Math.min(threadCap() ?? availableParallelism(), Math.ceil(jobs.length / 100)) : workers;
  return runShared<Job, Outcome>(workerUrl, data, jobs, { light, heavy, local: !alone }, count, here, onOutcome);
}

/** What a job gets when its worker ran out of memory or time on it alone (lint and export both read it). */
export interface FailedOutcome {
  kind: 'error';
  error: SerializedError;
}

/**
 * Heap limits per worker (MB). A bounded heap keeps a 10,000-file run's peak memory in check; a
 * memo needs a few MB, and a 1 MB one of plain lists and paragraphs parses well inside this. The
 * young generation matters most for the peak: at 16 MB (or a 256 MB old generation) a
 * 10,000-memo export peaked near 360-380 MB, at 8 + 96 MB near 220 MB, and ran faster.
 * MEMOKIT_WORKER_MEMORY_MB sets the old generation (for small CI runners, or huge memos).
 */
function workerLimits(): { maxOldGenerationSizeMb: number; maxYoungGenerationSizeMb: number } {
  const set = Number.parseInt(process.env['MEMOKIT_WORKER_MEMORY_MB'] ?? '', 10);
  return { maxOldGenerationSizeMb: Number.isNaN(set) || set < 8 ? 96 : set, maxYoungGenerationSizeMb: 8 };
}

/**
 * How long a worker may take over one file (s). A memo takes milliseconds; the parser's
 * quadratic cases take minutes (a 1 MB one: two minutes in this thread, five near a worker's
 * heap cap, where collections never free enough). MEMOKIT_WORKER_TIMEOUT_S changes it.
 */
export function fileTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const set = Number.parseInt(env['MEMOKIT_WORKER_TIMEOUT_S'] ?? '', 10);
  return (Number.isNaN(set) || set < 1 ? 30 : set) * 1000;
}

type Failure = 'out-of-memory' | 'timed-out';

/** Send one batch to a worker: its outcomes, or why the worker gave none (it is then unusable). */
function ask<Job, Outcome>(worker: Worker, batch: Job[], timeoutMs: number): Promise<Outcome[] | Failure> {
  return new Promise((resolve, reject) => {
    // Not unref'd: the run waits for this answer either way.
    const timer = setTimeout(() => {
      done();
      resolve('timed-out');
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (message: { outcomes?: Outcome[]; fatal?: SerializedError }) => {
      done();
      if (message.fatal) reject(deserializeError(message.fatal));
      else resolve(message.outcomes ?? []);
    };
    const onError = (error: Error) => {
      done();
      if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') resolve('out-of-memory');
      else reject(error);
    };
    const onExit = (code: number) => {
      done();
      reject(new Error(`a worker thread stopped (exit code ${code})`));
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(batch);
  });
}

/** Let pending events in (worker answers, signals) between this thread's jobs. */
const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Run `jobs` from shared queues: this thread (when `local`) takes `light` jobs one at a time with
 * `here`; `count` worker threads take the `heavy` ones alone, then `light` ones in small batches.
 */
async function runShared<Job extends { file: string }, Outcome>(
  workerUrl: URL,
  data: unknown,
  jobs: Job[],
  queues: { light: number[]; heavy: number[]; local: boolean },
  count: number,
  here: (job: Job) => Promise<Outcome>,
  onOutcome?: (outcome: Outcome | FailedOutcome, index: number) => void,
): Promise<(Outcome | FailedOutcome)[]> {
  const outcomes = new Array<Outcome | FailedOutcome>(jobs.length);
  const live = new Set<Worker>();
  const limits = workerLimits();
  const spawn = (): Worker => {
    // The options for the handler, and the write state that lets an interrupt stop this worker's writes.
    const worker = new Worker(workerUrl, { workerData: { options: data, writerState: newWriterState() }, resourceLimits: limits });
    live.add(worker);
    return worker;
  };
  const retire = (worker: Worker): Promise<number> => {
    live.delete(worker);
    return worker.terminate();
  };
  const settle = (index: number, outcome: Outcome | FailedOutcome): void => {
    outcomes[index] = outcome;
    onOutcome?.(outcome, index);
  };
  const timeoutMs = fileTimeoutMs();
  const failed = (job: Job, failure: Failure): FailedOutcome => {
    const message =
      failure === 'out-of-memory'
        ? `ran out of memory (${limits.maxOldGenerationSizeMb} MB per thread) reading this file; split it, or raise MEMOKIT_WORKER_MEMORY_MB`
        : `took longer than ${timeoutMs / 1000} s (the Markdown parser is slow on very long runs of nested lists and quotes); split it, or raise MEMOKIT_WORKER_TIMEOUT_S`;
    return { kind: 'error', error: { message, file: job.file, exitCode: 2, code: 'ELIMIT' } };
  };
  const { light, heavy } = queues;
  let nextLight = 0;
  let nextHeavy = 0;
  // This thread: the next light job, one at a time, until none is left.
  const local = async (): Promise<void> => {
    while (queues.local && nextLight < light.length) {
      const index = light[nextLight++] as number;
      settle(index, await here(jobs[index] as Job));
      if (count > 0) await yieldToEvents();
    }
  };
  // A worker's next batch: a heavy job alone, else a few light ones (fewer when few are left,
  // so the threads finish together).
  const nextBatch = (): number[] => {
    if (nextHeavy < heavy.length) return [heavy[nextHeavy++] as number];
    const left = light.length - nextLight;
    const take = Math.min(BATCH, Math.max(1, Math.floor(left / (count + 1))));
    const batch = light.slice(nextLight, nextLight + take);
    nextLight += batch.length;
    return batch;
  };
  // One loop per worker thread: take the next small batch, so a slow file never holds back a share.
  const slot = async (): Promise<void> => {
    let worker = spawn();
    for (;;) {
      const indices = nextBatch();
      if (indices.length === 0) break;
      // One timer per batch: memos take milliseconds, so only a file that takes about the limit
      // on its own trips it; each file of the batch then runs alone against the limit.
      const answer = await ask<Job, Outcome>(
        worker,
        indices.map((index) => jobs[index] as Job),
        timeoutMs,
      );
      if (typeof answer !== 'string') {
        answer.forEach((outcome, k) => settle(indices[k] as number, outcome));
        continue;
      }
      // A file of this batch exhausted the worker's heap or its time: run each alone to find
      // it, so that file alone is reported and the rest of the run goes on. (Files of the batch
      // done before run again: an export is rewritten the same; a fixed memo is found clean.)
      await retire(worker);
      if (indices.length === 1) {
        const index = indices[0] as number;
        settle(index, failed(jobs[index] as Job, answer));
        worker = spawn();
        continue;
      }
      for (const index of indices) {
        const job = jobs[index] as Job;
        const alone = spawn();
        const single = await ask<Job, Outcome>(alone, [job], timeoutMs);
        await retire(alone);
        settle(index, typeof single === 'string' ? failed(job, single) : (single[0] as Outcome));
      }
      worker = spawn();
    }
    await retire(worker);
  };
  try {
    await Promise.all([local(), ...Array.from({ length: count }, slot)]);
  } finally {
    await Promise.all([...live].map((worker) => retire(worker)));
  }
  return outcomes;
}

/** The worker side: handle each batch with `handle`, which gets the options from workerData. */
export function workerLoop<Job, Outcome>(handle: (job: Job, options: never) => Promise<Outcome>): void {
  const onBatch = async (batch: Job[]): Promise<void> => {
    const outcomes: Outcome[] = [];
    try {
      for (const job of batch) outcomes.push(await handle(job, (workerData as { options: never }).options));
      parentPort?.postMessage({ outcomes });
    } catch (error) {
      const fatal =
        error instanceof MemoError
          ? serializeError(error)
          : { message: `internal error: ${(error as Error)?.message ?? String(error)}`, exitCode: 2, code: 'EINTERNAL' as const };
      parentPort?.postMessage({ fatal });
    }
  };
  // Left unhandled on purpose: a rejection (only if even `fatal` cannot be posted) ends the
  // worker with an error, which ask() reports.
  parentPort?.on('message', (batch: Job[]) => void onBatch(batch));
}
