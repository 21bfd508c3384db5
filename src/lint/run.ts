// Lint many files: find them, answer from the cache what it knows, and lint the rest — in
// this thread for small runs, in one worker thread per core for large ones. A library
// function: it returns results and errors; the CLI prints them and picks the exit code.
// The engine (and with it the Markdown parser) is imported only when a file needs linting,
// so a fully cached run never loads it.
import { resolve } from 'node:path';
import { lintConfigFor } from './settings.js';
import { templatesFolderTest } from '../config/config.js';
import { MemoError } from '../io/errors.js';
import { findMemoFiles, findProjectMemos } from '../io/find.js';
import { readMemoBytes } from '../io/read.js';
import { loadMemoTypes } from '../templates/load.js';
import { CACHE_FILE, LintCache, hashText, settingsKey, statData } from './cache.js';
import type { LintJob, LintJobOptions, LintOutcome } from './one.js';
import { fatalResult, summarize } from './summary.js';
import type { LintResult } from './types.js';
import { folderOf } from '../util/folders.js';
import { mark } from '../util/timing.js';

/** The worker thread entry for files linted off the main thread. */
const LINT_WORKER = new URL('./lint-worker.js', import.meta.url);

export interface LintRunOptions {
  cwd: string;
  /** `--config FILE`: use this config for every file instead of searching. */
  configFile?: string;
  fix?: boolean;
  /** Keep the source text of files with findings (the json format includes it). */
  keepSource?: boolean;
  /** Use and update the cache file (`--cache`). */
  cache?: boolean;
  /** Where the cache lives (default `.memocache` in the working folder). */
  cacheLocation?: string;
  /** memokit's version, part of every cache key. */
  version?: string;
  /**
   * Let the cache skip files whose stat data are unchanged (default true). In CI every checkout
   * is new, no stat data ever match, and asking for them only costs time.
   */
  statData?: boolean;
}

export interface LintRun {
  results: LintResult[];
  /** Files that could not be linted (unreadable, binary...), and inputs that gave no file. */
  errors: MemoError[];
  /** Files rewritten by --fix. */
  fixed: string[];
  /** How many results came from the cache. */
  cached: number;
}

/**
 * Lint `inputs` (files, folders, globs), or with none the project's memos (config `include`,
 * io/find.ts).
 */
export async function lintFiles(inputs: string[], options: LintRunOptions): Promise<LintRun> {
  // Files changed after this moment never get their stat data kept in the cache (see cache.ts).
  const runStart = Date.now();
  // Config ignore globs come from the config of the working folder (or --config).
  const rootConfig = lintConfigFor(options.cwd, options.configFile);
  const findOptions = {
    cwd: options.cwd,
    ignore: rootConfig.ignore,
    isTemplatesFolder: templatesFolderTest(rootConfig, options.configFile),
  };
  const { files, errors } =
    inputs.length > 0
      ? await findMemoFiles(inputs, findOptions)
      : await findProjectMemos({
          ...findOptions,
          base: rootConfig.dir ?? options.cwd,
          ...(rootConfig.include ? { include: rootConfig.include } : {}),
        });
  mark('found');
  const cache = options.cache
    ? await LintCache.open(resolve(options.cwd, options.cacheLocation ?? CACHE_FILE), options.version ?? '0')
    : undefined;
  const useStats = options.statData !== false;
  const jobOptions: LintJobOptions = {
    fix: Boolean(options.fix),
    keepSource: Boolean(options.keepSource),
    ...(options.configFile ? { configFile: options.configFile } : {}),
    ...(cache && useStats ? { statSince: runStart } : {}),
    ...(cache ? { hash: true } : {}),
  };
  const slots = new Array<LintResult | MemoError | undefined>(files.length);
  const jobs: LintJob[] = [];
  const jobSlots: number[] = [];
  /** The settings key of each file sent to the linter, for its cache entry. */
  const settingsOf = new Map<string, string>();
  const settingsByFolder = new Map<string, string>();
  let cached = 0;

  const emptyCache = cache?.isEmpty ?? true;
  const folderOfFile = folderOf();
  for (let index = 0; index < files.length; index++) {
    const file = files[index] as string;
    if (!cache) {
      jobs.push({ file });
      jobSlots.push(index);
      continue;
    }
    const folder = folderOfFile(file);
    let settings = settingsByFolder.get(folder);
    if (settings === undefined) {
      const config = lintConfigFor(folder, options.configFile);
      settings = settingsKey(config, loadMemoTypes(config.templatesDir), jobOptions.fix);
      settingsByFolder.set(folder, settings);
    }
    // An empty cache cannot answer: skip looking at every file here (the linter reads it anyway).
    if (emptyCache) {
      settingsOf.set(file, settings);
      jobs.push({ file });
      jobSlots.push(index);
      continue;
    }
    try {
      // Unchanged stat data: the file is not read at all. Otherwise the key is the hash of its
      // bytes, and a hit is never parsed.
      const stat = useStats ? statData(file, runStart) : undefined;
      let bytes: Uint8Array | undefined;
      let messages = cache.getUnchanged(file, settings, stat);
      if (messages === undefined) {
        bytes = readMemoBytes(file);
        messages = cache.get(file, hashText(bytes), settings);
        if (messages && useStats) cache.setStat(file, stat);
      }
      // With --fix, a cached result that still has fixes to apply must be linted again.
      if (messages && !(jobOptions.fix && messages.some((m) => m.fix))) {
        // The json report writes the source of files with findings; a copy, as the read buffer is reused.
        const source = jobOptions.keepSource && messages.length > 0 ? new Uint8Array(bytes ?? readMemoBytes(file)) : '';
        slots[index] = summarize(file, messages, source);
        cached++;
        continue;
      }
    } catch (error) {
      if (!(error instanceof MemoError)) throw error;
      slots[index] = error;
      continue;
    }
    // Only the path goes to the linter: holding every text until the workers get to it would
    // double the peak memory of a large cold run.
    settingsOf.set(file, settings);
    jobs.push({ file });
    jobSlots.push(index);
  }

  let outcomes: LintOutcome[] = [];
  if (jobs.length > 0) {
    const { runJobs } = await import('../io/pool.js');
    // The linter is loaded here only if a file is linted in this thread (not in a large run).
    let lintHere: typeof import('./one.js').lintOneFile | undefined;
    const here = async (job: LintJob) => (lintHere ??= (await import('./one.js')).lintOneFile)(job, jobOptions);
    outcomes = await runJobs<LintJob, LintOutcome>(LINT_WORKER, jobOptions, jobs, here);
  }

  const fixed: string[] = [];
  outcomes.forEach((outcome, i) => {
    const index = jobSlots[i] as number;
    const job = jobs[i] as LintJob;
    if (outcome.kind === 'error') {
      slots[index] = new MemoError(outcome.error.message, outcome.error);
      return;
    }
    slots[index] = outcome.result;
    if (outcome.fixed) fixed.push(job.file);
    const settings = settingsOf.get(job.file);
    if (cache && settings && outcome.hash !== undefined) cache.set(job.file, outcome.hash, settings, outcome.result.messages, outcome.stat);
  });
  mark('linted');
  await cache?.save();

  const results: LintResult[] = [];
  slots.forEach((slot, index) => {
    if (slot instanceof MemoError) {
      errors.push(slot);
      // The file stays in the report, as a fatal finding, so no report shows a green run.
      results.push(fatalResult(files[index] as string, slot));
    } else if (slot) {
      results.push(slot);
    }
  });
  return { results, errors, fixed, cached };
}

/**
 * Lint text from stdin, named `path` for config lookup and reports. Like a file: in this thread,
 * or over 64 KB in a worker thread with its limits (io/pool.ts).
 */
export async function lintStdin(text: string, path: string, options: LintRunOptions): Promise<LintResult> {
  const [{ runJobs, deserializeError }, { lintOneFile }] = await Promise.all([import('../io/pool.js'), import('./one.js')]);
  const jobOptions: LintJobOptions = {
    fix: false,
    keepSource: Boolean(options.keepSource),
    ...(options.configFile ? { configFile: options.configFile } : {}),
  };
  const [outcome] = (await runJobs<LintJob, LintOutcome>(LINT_WORKER, jobOptions, [{ file: path, text }], (job) =>
    lintOneFile(job, jobOptions),
  )) as [LintOutcome];
  if (outcome.kind === 'error') throw deserializeError(outcome.error);
  return outcome.result;
}
