// Lint one file end to end: its config, its memo types, read, lint, write the fix. Runs in the
// main thread for small runs and in worker threads for large ones; never throws for a bad
// file (the error comes back as data), only for a bad config.
import { dirname } from 'node:path';
import { lintConfigFor } from './settings.js';
import { MemoError } from '../io/errors.js';
import { decodeMemo, readMemoBytes, readMemoBytesStamped, type FileStamp } from '../io/read.js';
import { serializeError, type SerializedError } from '../io/pool.js';
import { writeFileAtomic } from '../io/write.js';
import { loadMemoTypes } from '../templates/load.js';
import { hashText, statData } from './cache.js';
import { lintTextLoading } from './engine.js';
import type { LintResult } from './types.js';

export interface LintJob {
  file: string;
  /** The text, when the caller already has it (stdin); otherwise the file is read. */
  text?: string;
}

export interface LintJobOptions {
  configFile?: string;
  fix: boolean;
  keepSource: boolean;
  /** --cache: the run's start time, for the stat data the cache keeps (see cache.ts). */
  statSince?: number;
  /** --cache: hash each text for its cache entry (without it, hashing was 2% of a cold run). */
  hash?: boolean;
}

export type LintOutcome =
  | {
      kind: 'result';
      result: LintResult;
      /** With --cache: SHA-1 of the text the result describes (after fixes). */
      hash?: string;
      /** --fix rewrote the file. */
      fixed: boolean;
      /** With --cache: the file's stat data, if it was last changed long enough before the run. */
      stat?: string;
    }
  | { kind: 'error'; error: SerializedError };

export async function lintOneFile(job: LintJob, options: LintJobOptions): Promise<LintOutcome> {
  const config = lintConfigFor(dirname(job.file), options.configFile);
  const types = loadMemoTypes(config.templatesDir);
  let text: string;
  // The file's bytes, when it was read here: hashed for the cache and, for the json report,
  // sent back as the source (cheaper to send and to write than the decoded text).
  let bytes: Uint8Array | undefined;
  // With --fix, what the file was when read: it is written over only if it still is.
  let stamp: FileStamp | undefined;
  try {
    if (job.text !== undefined) {
      text = job.text;
    } else if (options.fix) {
      ({ bytes, stamp } = readMemoBytesStamped(job.file));
      text = decodeMemo(bytes, job.file);
    } else {
      bytes = readMemoBytes(job.file);
      text = decodeMemo(bytes, job.file);
    }
  } catch (error) {
    if (error instanceof MemoError) return { kind: 'error', error: serializeError(error) };
    throw error;
  }
  const result = await lintTextLoading(text, { path: job.file, config, types, fix: options.fix });
  const hash = options.hash ? hashText(result.output ?? bytes ?? text) : undefined;
  const fixed = options.fix && result.output !== undefined;
  if (fixed && bytes && stamp) {
    try {
      // As an editor saves: through a symbolic link, keeping mode and owner, never over a change.
      await writeFileAtomic(job.file, result.output as string, { overwrite: true, replaces: { stamp, bytes: new Uint8Array(bytes) } });
    } catch (error) {
      if (!(error instanceof MemoError)) throw error;
      const reported =
        error.code === 'ECHANGED'
          ? new MemoError('changed on disk while memo was fixing it; not written', { file: job.file, code: 'ECHANGED' })
          : error;
      return { kind: 'error', error: serializeError(reported) };
    }
  }
  delete result.output;
  // Reporters only show the source of files with findings (ESLint's json does the same).
  // (readMemoBytes reuses its buffer for the next file: the source keeps a copy.)
  if (!options.keepSource || result.messages.length === 0) result.source = '';
  else if (bytes) result.source = new Uint8Array(bytes);
  const stat = options.statSince === undefined || fixed ? undefined : statData(job.file, options.statSince);
  return { kind: 'result', result, fixed, ...(hash !== undefined ? { hash } : {}), ...(stat ? { stat } : {}) };
}
