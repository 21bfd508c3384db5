// Spread a large batch over worker threads, one per core. Jobs go out in small batches as
// workers free up, so a slow file never holds back a whole share of the run. A worker
// answers each batch with `{ outcomes }`, or `{ fatal }` for an error that ends the run
// (a bad config); see workerLoop below for the other side.
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

export async function runInWorkers<Job, Outcome>(
  workerUrl: URL,
  data: unknown,
  jobs: Job[],
  count: number,
  onOutcome?: (outcome: Outcome, index: number) => void,
): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(jobs.length);
  let next = 0;
  const run = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      let sent: number[] = [];
      const feed = () => {
        if (next >= jobs.length) {
          resolve();
          return;
        }
        sent = [];
        const batch: Job[] = [];
        for (; next < jobs.length && batch.length < BATCH; next++) {
          sent.push(next);
          batch.push(jobs[next] as Job);
        }
        worker.postMessage(batch);
      };
      worker.on('message', (message: { outcomes?: Outcome[]; fatal?: SerializedError }) => {
        if (message.fatal) {
          reject(deserializeError(message.fatal));
          return;
        }
        message.outcomes?.forEach((outcome, i) => {
          const index = sent[i] as number;
          outcomes[index] = outcome;
          onOutcome?.(outcome, index);
        });
        feed();
      });
      worker.on('error', reject);
      feed();
    });
  // A bounded young/old heap per worker keeps a 10,000-file run's peak memory in check; a memo
  // needs a few MB, and even a 1 MB one parses well inside this. The young generation matters
  // most: at 16 MB a 10,000-memo export peaked near 380 MB, at 8 MB near 220 MB, and ran faster.
  const workers = Array.from({ length: count }, () => new Worker(workerUrl, { workerData: data, resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 8 } }));
  try {
    await Promise.all(workers.map(run));
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
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
