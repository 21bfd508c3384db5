// Where a batch export writes each memo: under --out-dir at the memo's path relative to the
// root folder (--root; by default the folder of the nearest .memorc.yaml, else the working
// folder), with the format's extension. Relative to a fixed root, not to what the inputs have
// in common, so `memo export in/a` and `memo export in` put in/a/b/one.md at the same place.
import { realpathSync } from 'node:fs';
import { dirname, extname, relative, resolve, sep } from 'node:path';
import { MemoError } from '../io/errors.js';

export type ExportFormat = 'html' | 'text' | 'json' | 'docx' | 'pdf';

export const EXTENSIONS: Record<ExportFormat, string> = { html: '.html', text: '.txt', json: '.json', docx: '.docx', pdf: '.pdf' };

/** The folder exports are laid out from: --root, else the nearest config's folder, else the working folder. */
export function layoutRoot(cwd: string, root: string | undefined, configDir: string | undefined): string {
  return resolve(cwd, root ?? configDir ?? '.');
}

/** Where `file` goes under `outDir`; never outside it, not even through a symbolic link in it. */
export function outputPath(file: string, root: string, outDir: string, format: ExportFormat): string {
  const path = relative(root, resolve(file));
  if (path.startsWith(`..${sep}`) || path === '..' || resolve(root, path) !== resolve(file)) {
    throw new MemoError(`is not under the root folder (${root}) that outputs are laid out from; --root sets it`, { file, code: 'EOUTPUT' });
  }
  const target = resolve(outDir, path.slice(0, path.length - extname(path).length) + EXTENSIONS[format]);
  const outRoot = resolve(outDir);
  if (target !== outRoot && !target.startsWith(outRoot + sep)) {
    throw new MemoError(`would be written outside --out-dir (${outDir})`, { file, code: 'EOUTPUT' });
  }
  // A folder under the out-dir that is a symbolic link (out/2019 -> /elsewhere) would carry the
  // write out: the deepest folder of the target that exists must really be inside the out-dir.
  const real = (folder: string): string | undefined => {
    for (let current = folder; ; current = dirname(current)) {
      try {
        return realpathSync(current);
      } catch {
        if (current === outRoot || dirname(current) === current) return undefined;
      }
    }
  };
  const realRoot = real(outRoot);
  const realFolder = realRoot === undefined ? undefined : real(dirname(target));
  if (
    realRoot !== undefined &&
    realFolder !== undefined &&
    realFolder !== realRoot &&
    !realFolder.startsWith(realRoot === sep ? sep : realRoot + sep)
  ) {
    throw new MemoError(`would be written outside --out-dir (${outDir}) through a symbolic link`, { file, code: 'EOUTPUT' });
  }
  return target;
}

/** Inputs that would write one output: `a.md`, `a.MD` and `a.markdown` all become `a.json`. */
export interface Collision {
  target: string;
  files: string[];
}

/**
 * Every output written by more than one input, found before anything is written. Compared
 * without regard to case: an out-dir is often published to or copied onto a disk where `A.html`
 * and `a.html` are one file.
 */
export function findCollisions(jobs: readonly { file: string; target: string }[]): Collision[] {
  const byTarget = new Map<string, Collision>();
  for (const { file, target } of jobs) {
    const key = target.toLowerCase();
    const collision = byTarget.get(key);
    if (collision) collision.files.push(file);
    else byTarget.set(key, { target, files: [file] });
  }
  return [...byTarget.values()].filter((collision) => collision.files.length > 1);
}
