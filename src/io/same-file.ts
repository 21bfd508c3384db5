// No output onto an input: before a command writes, each output path is checked against the
// files it reads. Compared by identity (device and inode), not by name, so `./x.md`, a symbolic
// link or a hard link to an input, a path through a linked folder, and another spelling on a
// case-insensitive disk are all caught. An output that does not exist yet cannot be an input.
import { lstatSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { MemoError } from './errors.js';

const idOf = (stats: { dev: number; ino: number }) => `${stats.dev}:${stats.ino}`;

/** stat or lstat, or undefined for a path that cannot be looked at (the read or write will say why). */
function look(path: string, follow: boolean): { dev: number; ino: number } | undefined {
  try {
    return (follow ? statSync : lstatSync)(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

export class InputFiles {
  /** Identity → input: each input's file and, for a symbolic link, the link itself. Made on first need. */
  private ids: Map<string, string> | undefined;
  /** Folders known to exist or not: in a fresh out-dir no output needs a look of its own. */
  private readonly folders = new Map<string, boolean>();

  constructor(private readonly files: readonly string[]) {}

  /**
   * The input that writing `output` would replace or that `output` resolves to, if any: the
   * output's entry is an input (or the link an input was named by), or it is a symbolic link to
   * an input. A link to any other file is no input: it is replaced, never written through.
   */
  inputAt(output: string): string | undefined {
    const folder = dirname(output);
    let exists = this.folders.get(folder);
    if (exists === undefined) this.folders.set(folder, (exists = look(folder, true) !== undefined));
    if (!exists) return undefined;
    const entry = look(output, false);
    if (!entry) return undefined;
    const ids = this.identities();
    // Its own entry (what a rename replaces), then, for a symbolic link, the file it resolves to.
    const target = ids.get(idOf(entry)) ?? look(output, true);
    return typeof target === 'string' ? target : target && ids.get(idOf(target));
  }

  private identities(): Map<string, string> {
    if (!this.ids) {
      this.ids = new Map();
      for (const file of this.files) {
        for (const stats of [look(file, false), look(file, true)]) {
          if (stats && !this.ids.has(idOf(stats))) this.ids.set(idOf(stats), file);
        }
      }
    }
    return this.ids;
  }
}

/** " (the same file as x.md)", when `output` names the input another way; relative to `cwd`. */
export function sameFileAs(input: string, output: string, cwd: string): string {
  const shown = relative(cwd, input) || input;
  return shown === output ? '' : ` (the same file as ${shown})`;
}

/** The refusal of `-o FILE` (as typed) when it names one of `inputs`: exit 2, nothing written. */
export function outputOnInput(inputs: InputFiles, output: string, cwd: string): MemoError | undefined {
  const input = inputs.inputAt(resolve(cwd, output));
  return input
    ? new MemoError(`-o names an input${sameFileAs(input, output, cwd)}; nothing written`, { file: output, code: 'EOUTPUT' })
    : undefined;
}
