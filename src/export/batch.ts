// Export many memos into an out-dir: each file parsed once, exported, and written atomically
// to its place (export/layout.ts). A bad file is reported and skipped; the rest are still written.
import { dirname } from 'node:path';
import { loadConfig } from '../config/config.js';
import { MemoError } from '../io/errors.js';
import { runJobs, serializeError, type SerializedError } from '../io/pool.js';
import { writeFileAtomic } from '../io/write.js';
import type { ExportWarning } from './html-screen.js';
import { exportOne, type ExportOneOptions } from './one.js';

export interface BatchJob {
  file: string;
  /** The path shown in messages. */
  shown: string;
  /** Where the export goes; none: the text comes back instead (one memo to stdout or -o). */
  target?: string;
}

export interface BatchOptions extends ExportOneOptions {
  configFile?: string;
}

/** `warnings`: what the HTML sanitizer removed from the memo (plain data, so it crosses from a worker thread). */
export type BatchOutcome =
  | { kind: 'written'; warnings?: ExportWarning[] }
  | { kind: 'text'; text: string; warnings?: ExportWarning[] }
  | { kind: 'refused'; errors: string[] }
  | { kind: 'error'; error: SerializedError };

/** Export one memo of a batch to its file (or back as text). Errors come back as data, so one file stops only itself. */
export async function exportToFile(job: BatchJob, options: BatchOptions): Promise<BatchOutcome> {
  try {
    const config = loadConfig(dirname(job.file), options.configFile);
    const outcome = await exportOne(job.file, job.shown, options, config);
    if (outcome.refused) return { kind: 'refused', errors: outcome.refused };
    const warnings = outcome.warnings ? { warnings: outcome.warnings } : {};
    if (job.target === undefined) return { kind: 'text', text: outcome.text, ...warnings };
    await writeFileAtomic(job.target, outcome.text, { overwrite: true, mkdirs: true, durable: false });
    return { kind: 'written', ...warnings };
  } catch (error) {
    if (error instanceof MemoError) return { kind: 'error', error: serializeError(error) };
    throw error;
  }
}

/** Export a batch: in this thread for a few files (a heavy one in a worker), in one worker per core for many. */
export async function exportBatch(
  jobs: BatchJob[],
  options: BatchOptions,
  onOutcome: (outcome: BatchOutcome, job: BatchJob) => void,
): Promise<void> {
  await runJobs<BatchJob, BatchOutcome>(
    new URL('./export-worker.js', import.meta.url),
    options,
    jobs,
    (job) => exportToFile(job, options),
    (outcome, index) => onOutcome(outcome, jobs[index] as BatchJob),
  );
}
