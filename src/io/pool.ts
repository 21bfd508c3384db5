// Spread a large batch over worker threads, one per core. Jobs go out in small batches as
// workers free up, so a slow file never holds back a whole share of the run. A worker
// answers each batch with `{ outcomes }`, or `{ fatal }` for an error that ends the run
// (a bad config); see workerLoop below for the other side. A file that exhausts a worker's
// heap is found and reported as that file's error; the run goes on.
import { availableParallelism } from 'node:os';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { MemoError } from './errors.js';

/** Below this many files, starting threads costs more than it saves. */
export const PARALLEL_THRESHOLD = 200;
const BATCH = 20;

export interface SerializedError {
  message: string;
  file?: string;
  line?: number;
  exitCode: number;
}

export function serializeError(error: MemoError): SerializedError {
  return { message: error.message, exitCode: error.exitCode, ...(error.file ? { file: error.file } : {}), ...(error.line ? { line: error.line } : {}) };
}

export function deserializeError(error: SerializedError): MemoError {
  return new MemoError(error.message, error);
}

/** How many threads a run of `jobs` jobs should use: none below the threshold. */
export function workerCount(jobs: number): number {
  // MEMOKIT_THREADS caps the threads (0 or 1: all in this thread), e.g. on a shared CI runner.
  const cap = Number.parseInt(process.env['MEMOKIT_THREADS'] ?? '', 10);
  const cores = Number.isNaN(cap) ? availableParallelism() : Math.max(0, cap);
  if (jobs < PARALLEL_THRESHOLD || cores < 2) return 0;
  return Math.min(cores, Math.ceil(jobs / 100));
}

/** What a job gets when its worker ran out of memory on it alone (lint and export both read it). */
export interface OutOfMemoryOutcome {
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

/** Send one batch to a worker: its outcomes, or 'out-of-memory' when the worker died of that. */
function ask<Job, Outcome>(worker: Worker, batch: Job[]): Promise<Outcome[] | 'out-of-memory'> {
  return new Promise((resolve, reject) => {
    const done = () => {
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

export async function runInWorkers<Job extends { file: string }, Outcome>(
  workerUrl: URL,
  data: unknown,
  jobs: Job[],
  count: number,
  onOutcome?: (outcome: Outcome | OutOfMemoryOutcome, index: number) => void,
): Promise<(Outcome | OutOfMemoryOutcome)[]> {
  const outcomes: (Outcome | OutOfMemoryOutcome)[] = new Array(jobs.length);
  const live = new Set<Worker>();
  const limits = workerLimits();
  const spawn = (): Worker => {
    const worker = new Worker(workerUrl, { workerData: data, resourceLimits: limits });
    live.add(worker);
    return worker;
  };
  const retire = (worker: Worker): Promise<number> => {
    live.delete(worker);
    return worker.terminate();
  };
  const settle = (index: number, outcome: Outcome | OutOfMemoryOutcome): void => {
    outcomes[index] = outcome;
    onOutcome?.(outcome, index);
  };
  let next = 0;
  // One loop per thread: take the next small batch, so a slow file never holds back a share.
  const slot = async (): Promise<void> => {
    let worker = spawn();
    while (next < jobs.length) {
      const indices: number[] = [];
      for (; next < jobs.length && indices.length < BATCH; next++) indices.push(next);
      const answer = await ask<Job, Outcome>(worker, indices.map((index) => jobs[index] as Job));
      if (answer !== 'out-of-memory') {
        answer.forEach((outcome, k) => settle(indices[k] as number, outcome));
        continue;
      }
      // A file of this batch exhausted the worker's heap: run each alone to find it, so that
      // file alone is reported and the rest of the run goes on. (Files of the batch done before
      // the crash run again: an export is rewritten the same; a fixed memo is found clean.)
      await retire(worker);
      for (const index of indices) {
        const job = jobs[index] as Job;
        const alone = spawn();
        const single = await ask<Job, Outcome>(alone, [job]);
        await retire(alone);
        if (single === 'out-of-memory') {
          const message = `ran out of memory (${limits.maxOldGenerationSizeMb} MB per thread) reading this file; split it, or raise MEMOKIT_WORKER_MEMORY_MB`;
          settle(index, { kind: 'error', error: { message, file: job.file, exitCode: 2 } });
        } else {
          settle(index, single[0] as Outcome);
        }
      }
      worker = spawn();
    }
    await retire(worker);
  };
  try {
    await Promise.all(Array.from({ length: count }, slot));
  } finally {
    await Promise.all([...live].map((worker) => retire(worker)));
  }
  return outcomes;
}

/** The worker side: handle each batch with `handle`, which gets the options from workerData. */
export function workerLoop<Job, Outcome>(handle: (job: Job, options: never) => Promise<Outcome>): void {
  parentPort?.on('message', async (batch: Job[]) => {
    const outcomes: Outcome[] = [];
    try {
      for (const job of batch) outcomes.push(await handle(job, workerData as never));
      parentPort?.postMessage({ outcomes });
    } catch (error) {
      const fatal = error instanceof MemoError ? serializeError(error) : { message: `internal error: ${(error as Error)?.message ?? String(error)}`, exitCode: 2 };
      parentPort?.postMessage({ fatal });
    }
  });
}
