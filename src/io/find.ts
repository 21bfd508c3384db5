// Turn the paths a user typed into memo files: files as given, folders as every `*.md` under
// them, globs through tinyglobby. node_modules and .gitignored files are skipped when found
// by walking (a file named explicitly is always taken); config `ignore` globs apply to all.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { glob, isDynamicPattern } from 'tinyglobby';
import { MemoError, fileSystemError } from './errors.js';

export interface FoundFiles {
  /** Absolute paths, in a stable order, without duplicates. */
  files: string[];
  /** One error per input that gave nothing (missing path, empty folder, unmatched glob). */
  errors: MemoError[];
}

/** Answers "is this path .gitignored?", reading each folder's .gitignore once. */
class GitignoreFilter {
  private readonly rules = new Map<string, Ignore | undefined>();
  private readonly roots = new Map<string, string | undefined>();

  private gitRoot(folder: string): string | undefined {
    if (this.roots.has(folder)) return this.roots.get(folder);
    const parent = dirname(folder);
    const root = existsSync(join(folder, '.git')) ? folder : parent === folder ? undefined : this.gitRoot(parent);
    this.roots.set(folder, root);
    return root;
  }

  private rulesIn(folder: string): Ignore | undefined {
    if (!this.rules.has(folder)) {
      let found: Ignore | undefined;
      try {
        found = ignore().add(readFileSync(join(folder, '.gitignore'), 'utf8'));
      } catch {
        found = undefined;
      }
      this.rules.set(folder, found);
    }
    return this.rules.get(folder);
  }

  isIgnored(file: string, isFolder = false): boolean {
    const root = this.gitRoot(dirname(file));
    if (!root) return false;
    // Check the .gitignore of every folder from the repository root down to the file's folder.
    const folders: string[] = [];
    for (let folder = dirname(file); ; folder = dirname(folder)) {
      folders.unshift(folder);
      if (folder === root || dirname(folder) === folder) break;
    }
    for (const folder of folders) {
      const rules = this.rulesIn(folder);
      if (!rules) continue;
      const path = relative(folder, file).split(sep).join('/');
      // A file is also ignored when one of its folders is (`drafts/`).
      const parts = path.split('/');
      for (let i = 1; i <= parts.length; i++) {
        const candidate = parts.slice(0, i).join('/') + (i < parts.length || isFolder ? '/' : '');
        if (rules.ignores(candidate)) return true;
      }
    }
    return false;
  }
}

export interface FindOptions {
  cwd: string;
  /** Config ignore globs, each relative to its config file's folder. */
  ignore?: (file: string) => boolean;
}

/** A predicate for config `ignore` globs ({ base, pattern } pairs). */
export function ignoreMatcher(patterns: { base: string; pattern: string }[]): (file: string) => boolean {
  if (patterns.length === 0) return () => false;
  const matchers = patterns.map(({ base, pattern }) => ({ base, match: picomatch(pattern, { dot: true }) }));
  return (file) =>
    matchers.some(({ base, match }) => {
      const path = relative(base, file).split(sep).join('/');
      return !path.startsWith('../') && match(path);
    });
}

export async function findMemoFiles(inputs: string[], options: FindOptions): Promise<FoundFiles> {
  const gitignore = new GitignoreFilter();
  const seen = new Set<string>();
  const files: string[] = [];
  const errors: MemoError[] = [];
  const add = (file: string) => {
    if (!seen.has(file) && !options.ignore?.(file)) {
      seen.add(file);
      files.push(file);
    }
  };
  const walked = (found: string[], respectGitignore = true) =>
    found
      .map((file) => resolve(file))
      .filter((file) => !respectGitignore || !gitignore.isIgnored(file))
      .sort();

  for (const input of inputs) {
    const absolute = resolve(options.cwd, input);
    let kind: 'file' | 'folder' | 'missing' = 'missing';
    try {
      const info = statSync(absolute);
      kind = info.isDirectory() ? 'folder' : 'file';
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' || !isDynamicPattern(input)) {
        errors.push(fileSystemError(error, input));
        continue;
      }
    }
    if (kind === 'file') {
      add(absolute);
    } else if (kind === 'folder') {
      // A folder the user names is walked even when it is itself .gitignored (a build or
      // corpus folder, say); .gitignore rules then only apply to what is below it.
      const named = gitignore.isIgnored(absolute, true);
      const found = walked(await glob('**/*.md', { cwd: absolute, absolute: true, ignore: ['**/node_modules/**'], followSymbolicLinks: false, dot: false }), !named);
      const before = files.length;
      for (const file of found) add(file);
      if (files.length === before) errors.push(new MemoError('no memos (*.md files) in this folder', { file: input }));
    } else {
      const found = walked(await glob(input, { cwd: options.cwd, absolute: true, ignore: ['**/node_modules/**'], followSymbolicLinks: false }));
      const before = files.length;
      for (const file of found) add(file);
      if (files.length === before) errors.push(new MemoError('no files match this pattern', { file: input }));
    }
  }
  return { files, errors };
}
