// Export many memos into an out-dir: each file parsed once, exported, and written atomically
// to the same relative path under the out-dir (relative to the inputs' common folder, as tsc
// does with rootDir). A bad file is reported and skipped; the rest are still written.
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { MemoError } from '../io/errors.js';
import { writeFileAtomic } from '../io/write.js';

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

/** Where `file` goes under `outDir`; never outside it. */
export function outputPath(file: string, base: string, outDir: string, format: ExportFormat): string {
  const path = relative(base, resolve(file));
  const target = resolve(outDir, path.slice(0, path.length - extname(path).length) + EXTENSIONS[format]);
  const root = resolve(outDir);
  if (path.startsWith('..') || (target !== root && !target.startsWith(root + sep))) {
    throw new MemoError(`would be written outside --out-dir (${outDir})`, { file });
  }
  return target;
}

export async function writeExport(target: string, text: string): Promise<void> {
  await writeFileAtomic(target, text, { overwrite: true, mkdirs: true });
}

export { join };
