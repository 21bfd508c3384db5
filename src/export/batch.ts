// Export many memos into an out-dir: each file parsed once, exported, and written atomically
// to the same relative path under the out-dir (relative to the inputs' common folder, as tsc
// does with rootDir). A bad file is reported and skipped; the rest are still written.
import { realpathSync } from 'node:fs';
import { dirname, extname, relative, resolve, sep } from 'node:path';
import { loadConfig } from '../config/config.js';
import { MemoError } from '../io/errors.js';
import { runJobs, serializeError, type SerializedError } from '../io/pool.js';
import { writeFileAtomic } from '../io/write.js';
import type { ExportWarning } from './html-screen.js';
import { exportOne, type ExportOneOptions } from './one.js';

export type ExportFormat = 'html' | 'text' | 'json';

export const EXTENSIONS: Record<ExportFormat, string> = { html: '.html', text: '.txt', json: '.json' };

/** The longest folder that holds every file. */
export function commonFolder(files: string[]): string {
  if (files.length === 0) return process.cwd();
  let common = dirname(resolve(files[0] as string)).split(sep);
  for (const file of files.slice(1)) {
    const parts = dirname(resolve(file)).split(sep);
    let i = 0;
    while (i < common.length && i < parts.length && common[i] === parts[i]) i++;
    common = common.slice(0, i);
  }
  return common.join(sep) || sep;
}

/** Where `file` goes under `outDir`; never outside it, not even through a symbolic link in it. */
export function outputPath(file: string, base: string, outDir: string, format: ExportFormat): string {
  const path = relative(base, resolve(file));
  const target = resolve(outDir, path.slice(0, path.length - extname(path).length) + EXTENSIONS[format]);
  const root = resolve(outDir);
  if (path.startsWith('..') || (target !== root && !target.startsWith(root + sep))) {
    throw new MemoError(`would be written outside --out-dir (${outDir})`, { file });
  }
  // A folder under the out-dir that is a symbolic link (out/2019 -> /elsewhere) would carry the
  // write out: the deepest folder of the target that exists must really be inside the out-dir.
  const real = (folder: string): string | undefined => {
    for (let current = folder; ; current = dirname(current)) {
      try {
        return realpathSync(current);
      } catch {
        if (current === root || dirname(current) === current) return undefined;
      }
    }
  };
  const realRoot = real(root);
  const realFolder = realRoot === undefined ? undefined : real(dirname(target));
  if (
    realRoot !== undefined &&
    realFolder !== undefined &&
    realFolder !== realRoot &&
    !realFolder.startsWith(realRoot === sep ? sep : realRoot + sep)
  ) {
    throw new MemoError(`would be written outside --out-dir (${outDir}) through a symbolic link`, { file });
  }
  return target;
}

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
