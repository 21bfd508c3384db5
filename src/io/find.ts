// Turn the paths a user typed into memo files: files as given, folders as every `*.md` under
// them (walked with fdir), globs through tinyglobby. node_modules and .gitignored files are
// skipped when found by walking (a file named explicitly is always taken); config `ignore`
// globs apply to all.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fdir } from 'fdir';
import ignore, { type Ignore } from 'ignore';
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

  /** Per folder: the folders from its repository root down to it that have a .gitignore. */
  private readonly chains = new Map<string, { folder: string; rules: Ignore }[]>();

  private chainFor(folder: string): { folder: string; rules: Ignore }[] {
    let chain = this.chains.get(folder);
    if (!chain) {
      const root = this.gitRoot(folder);
      const parent = dirname(folder);
      chain = !root ? [] : [...(folder === root || parent === folder ? [] : this.chainFor(parent))];
      const rules = root ? this.rulesIn(folder) : undefined;
      if (rules) chain.push({ folder, rules });
      this.chains.set(folder, chain);
    }
    return chain;
  }

  isIgnored(file: string, isFolder = false): boolean {
    // Each .gitignore from the repository root down, matched against the path below its folder;
    // `ignore` also checks that path's folders (`drafts/` ignores `drafts/a.md`).
    for (const { folder, rules } of this.chainFor(dirname(file))) {
      const below = file.slice(folder.endsWith(sep) ? folder.length : folder.length + 1);
      const path = sep === '/' ? below : below.split(sep).join('/');
      if (rules.ignores(isFolder ? `${path}/` : path)) return true;
    }
    return false;
  }
}

export interface FindOptions {
  cwd: string;
  /** Config `ignore` globs, each relative to its config file's folder. */
  ignore?: { base: string; pattern: string }[];
}

/**
 * A predicate for config `ignore` globs. picomatch (like tinyglobby, for glob inputs) is only
 * loaded when there are globs: most runs name folders, and loading both cost every run ~20 ms.
 */
async function ignoreMatcher(patterns: { base: string; pattern: string }[]): Promise<(file: string) => boolean> {
  if (patterns.length === 0) return () => false;
  const { default: picomatch } = await import('picomatch');
  const matchers = patterns.map(({ base, pattern }) => ({ base, match: picomatch(pattern, { dot: true }) }));
  return (file) =>
    matchers.some(({ base, match }) => {
      const path = relative(base, file).split(sep).join('/');
      return !path.startsWith('../') && match(path);
    });
}

/**
 * Every `*.md` file under a folder, as absolute paths: what `**\/*.md` finds with tinyglobby
 * (no dot files or folders, no node_modules, symbolic links neither followed nor taken), walked
 * with fdir directly, the crawler tinyglobby uses, without matching each path against a glob
 * (that, and resolving each path again, was a tenth of a warm run over 10,000 memos).
 */
async function memosUnder(folder: string): Promise<string[]> {
  return new fdir({
    includeBasePath: true,
    excludeSymlinks: true,
    pathSeparator: sep === '\\' ? '\\' : '/',
    exclude: (name) => name === 'node_modules' || name.startsWith('.'),
    filters: [(path, isDirectory) => !isDirectory && isMemoPath(path)],
    maxDepth: Infinity,
    suppressErrors: true,
  })
    .crawl(folder)
    .withPromise();
}

/** `*.md`, not a dot file (checked on the path: path.basename per file cost ~20 ms in 10,000). */
function isMemoPath(path: string): boolean {
  return path.endsWith('.md') && path[path.lastIndexOf(sep) + 1] !== '.';
}

export async function findMemoFiles(inputs: string[], options: FindOptions): Promise<FoundFiles> {
  const gitignore = new GitignoreFilter();
  const ignored = await ignoreMatcher(options.ignore ?? []);
  const seen = new Set<string>();
  const files: string[] = [];
  const errors: MemoError[] = [];
  const add = (file: string) => {
    if (!seen.has(file) && !ignored(file)) {
      seen.add(file);
      files.push(file);
    }
  };
  const walked = (found: string[], respectGitignore = true) =>
    (respectGitignore ? found.filter((file) => !gitignore.isIgnored(file)) : found).sort();

  for (const input of inputs) {
    const absolute = resolve(options.cwd, input);
    let kind: 'file' | 'folder' | 'missing' = 'missing';
    try {
      const info = statSync(absolute);
      kind = info.isDirectory() ? 'folder' : 'file';
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' || !(await import('tinyglobby')).isDynamicPattern(input)) {
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
      const found = walked(await memosUnder(absolute), !named);
      const before = files.length;
      for (const file of found) add(file);
      if (files.length === before) errors.push(new MemoError('no memos (*.md files) in this folder', { file: input }));
    } else {
      const { glob } = await import('tinyglobby');
      const matches = await glob(input, { cwd: options.cwd, absolute: true, ignore: ['**/node_modules/**'], followSymbolicLinks: false });
      const found = walked(matches.map((file) => resolve(file)));
      const before = files.length;
      for (const file of found) add(file);
      if (files.length === before) errors.push(new MemoError('no files match this pattern', { file: input }));
    }
  }
  return { files, errors };
}
