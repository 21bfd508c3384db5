// Read and parse the memos of a bundle through the worker path (io/pool.ts runJobs), as lint
// and export do: a memo over 64 KB, or every memo of a run of 200+, is parsed in a worker
// thread, under its heap and time limits, and its Memo comes back here to be bundled.
import { dirname, relative } from 'node:path';
import { loadConfig } from '../config/config.js';
import { MemoError } from '../io/errors.js';
import { deserializeError, runJobs, serializeError, type SerializedError } from '../io/pool.js';
import { readMemoFile } from '../io/read.js';
import type { Memo } from '../memo/model.js';
import { parseMemoLoading } from '../memo/parse.js';
import { loadMemoTypes } from '../templates/load.js';
import { assertReadable } from './one.js';
import { strictErrors } from './strict.js';

export interface BundleJob {
  file: string;
  /** The path shown in messages, and the memo's path. */
  shown: string;
}

export interface BundleReadOptions {
  configFile?: string;
  /** Refuse memos with lint errors (--strict). */
  strict?: boolean;
}

/**
 * A Memo is plain data (mdast nodes, strings, numbers, arrays, plain objects; no functions, class
 * instances or Dates), so it crosses from a worker thread by structured clone unchanged;
 * tests/unit/export/bundle-read.test.ts holds it to that.
 */
export type BundleReadOutcome =
  { kind: 'memo'; memo: Memo } | { kind: 'refused'; errors: string[] } | { kind: 'error'; error: SerializedError };

/** Read and parse one memo of a bundle. Errors come back as data, so one file stops only itself. */
export async function readBundleMemo(job: BundleJob, options: BundleReadOptions): Promise<BundleReadOutcome> {
  try {
    const text = await readMemoFile(job.file);
    const config = loadConfig(dirname(job.file), options.configFile);
    const types = loadMemoTypes(config.templatesDir);
    const memo = await parseMemoLoading(text, { path: job.shown, types, ...(config.dateOrder ? { dateOrder: config.dateOrder } : {}) });
    // A memo whose front matter cannot be read at all would make a garbage entry.
    assertReadable(memo);
    if (options.strict) {
      const errors = await strictErrors(text, job.shown, config, types);
      if (errors.length > 0) return { kind: 'refused', errors };
    }
    return { kind: 'memo', memo };
  } catch (error) {
    if (error instanceof MemoError) return { kind: 'error', error: serializeError(error) };
    throw error;
  }
}

/** A memo of the bundle that could not be read: the file (its full path) and why. */
export interface BundleReadError {
  file: string;
  error: MemoError;
}

/** A memo --strict left out: the file (its full path) and its lint errors (`line:col message (rule)`). */
export interface BundleRefusal {
  file: string;
  errors: string[];
}

/**
 * Read the memos of a bundle (full paths), each named relative to `cwd` as the user gave it. The
 * memos and the errors come back in the files' order; a file that could not be read is left out.
 */
export async function readBundleMemos(
  files: string[],
  cwd: string,
  options: BundleReadOptions,
  onDone?: () => void,
): Promise<{ memos: Memo[]; errors: BundleReadError[]; refused: BundleRefusal[] }> {
  const jobs = files.map((file) => ({ file, shown: relative(cwd, file) || file }));
  const outcomes = await runJobs<BundleJob, BundleReadOutcome>(
    new URL('./bundle-worker.js', import.meta.url),
    options,
    jobs,
    (job) => readBundleMemo(job, options),
    () => onDone?.(),
  );
  const memos: Memo[] = [];
  const errors: BundleReadError[] = [];
  const refused: BundleRefusal[] = [];
  outcomes.forEach((outcome, index) => {
    const file = (jobs[index] as BundleJob).file;
    if (outcome.kind === 'memo') memos.push(outcome.memo);
    else if (outcome.kind === 'refused') refused.push({ file, errors: outcome.errors });
    else errors.push({ file, error: deserializeError(outcome.error) });
  });
  return { memos, errors, refused };
}
