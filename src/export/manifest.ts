// The out-dir's record of what memokit wrote there (`.memokit-outputs.json`): each output's path
// and the memo and format it came from. With it, a batch export can tell its own outputs that
// this run did not produce (the memo was deleted or moved, or is now refused by --strict) from
// files someone else put in the out-dir, warn about them, and remove them with --prune. Only
// files in the record are ever removed.
import { existsSync, readFileSync, readdirSync, rmdirSync, unlinkSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileSystemError } from '../io/errors.js';
import { writeFileAtomic } from '../io/write.js';
import type { ExportFormat } from './layout.js';

export const MANIFEST_NAME = '.memokit-outputs.json';

/** One output memokit wrote: where (absolute), from which memo (absolute), in which format. */
export interface ManifestEntry {
  output: string;
  memo: string;
  format: ExportFormat;
}

/** On disk: paths relative to the out-dir with `/`, so the out-dir can move with its record. */
interface ManifestFile {
  memokit: 1;
  outputs: Record<string, { memo: string; format: ExportFormat }>;
}

const FORMATS = new Set<string>(['html', 'text', 'json']);

const toRecord = (outDir: string, path: string) => relative(outDir, path).split(sep).join('/');

/**
 * The out-dir's record, by output path. A missing record is empty; an unreadable one too, with a
 * problem to warn about (nothing in it can be trusted to be ours, so nothing is pruned).
 */
export function readManifest(outDir: string): { entries: Map<string, ManifestEntry>; problem?: string } {
  const entries = new Map<string, ManifestEntry>();
  const file = join(outDir, MANIFEST_NAME);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries };
    return { entries, problem: fileSystemError(error, file).describe() };
  }
  try {
    const parsed = JSON.parse(text) as Partial<ManifestFile>;
    if (parsed.memokit !== 1 || typeof parsed.outputs !== 'object' || parsed.outputs === null) throw new Error('not a memokit record');
    for (const [path, value] of Object.entries(parsed.outputs)) {
      if (typeof value?.memo !== 'string' || !FORMATS.has(value.format)) continue;
      const output = resolve(outDir, path);
      // A record edited to point outside its out-dir is not followed.
      if (!output.startsWith(resolve(outDir) + sep)) continue;
      entries.set(output, { output, memo: resolve(outDir, value.memo), format: value.format });
    }
    return { entries };
  } catch {
    return { entries, problem: `${file}: not a record memokit wrote (invalid JSON); it is rewritten, and nothing is pruned this run` };
  }
}

export async function writeManifest(outDir: string, entries: Iterable<ManifestEntry>): Promise<void> {
  const outputs: ManifestFile['outputs'] = {};
  const sorted = [...entries].sort((a, b) => (a.output < b.output ? -1 : a.output > b.output ? 1 : 0));
  for (const entry of sorted) outputs[toRecord(outDir, entry.output)] = { memo: toRecord(outDir, entry.memo), format: entry.format };
  const record: ManifestFile = { memokit: 1, outputs };
  await writeFileAtomic(join(outDir, MANIFEST_NAME), `${JSON.stringify(record, null, 2)}\n`, { overwrite: true, mkdirs: true });
}

/** Why a recorded output is stale: its memo is gone, or this run had the memo and did not write it. */
export type StaleReason = 'memo gone' | 'not written';

/**
 * Recorded outputs of this run's format that this run did not produce, and still exist, with why
 * they are stale. `covers(memo)`: was this memo within the run's inputs? A memo the run did not
 * look at (a partial run, `memo export in/a`) leaves its output alone.
 */
export function staleOutputs(
  entries: ReadonlyMap<string, ManifestEntry>,
  format: ExportFormat,
  produced: ReadonlySet<string>,
  covers: (memo: string) => boolean,
): { entry: ManifestEntry; reason: StaleReason }[] {
  const stale: { entry: ManifestEntry; reason: StaleReason }[] = [];
  for (const entry of entries.values()) {
    if (entry.format !== format || produced.has(entry.output) || !existsSync(entry.output)) continue;
    if (!existsSync(entry.memo)) stale.push({ entry, reason: 'memo gone' });
    else if (covers(entry.memo)) stale.push({ entry, reason: 'not written' });
  }
  return stale;
}

/** Remove a stale output, and the folders it leaves empty up to the out-dir. */
export function removeOutput(output: string, outDir: string): void {
  unlinkSync(output);
  const root = resolve(outDir);
  for (let folder = dirname(output); folder.startsWith(root + sep); folder = dirname(folder)) {
    if (readdirSync(folder).length > 0) break;
    rmdirSync(folder);
  }
}
