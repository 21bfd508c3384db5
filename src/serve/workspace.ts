// The memos a resident command works on, kept up to date: the paths given (files, folders,
// globs; none: the project's memos, as `memo lint` finds them), what to watch for them, and
// which saved paths are settings (a .memorc.yaml, a template, the export stylesheet) whose
// change re-reads everything. Shared by `memo lint --watch` and `memo preview`.
import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, resolve, sep } from 'node:path';
import { CONFIG_NAMES, templatesFolderTest } from '../config/config.js';
import { MemoError } from '../io/errors.js';
import { findMemoFiles, findProjectMemos, isMemoPath } from '../io/find.js';
import type { ResidentLinter } from '../lint/resident.js';
import { lintConfigFor } from '../lint/settings.js';

export interface WorkspaceOptions {
  cwd: string;
  /** Paths as the user gave them; none: the project's memos. */
  inputs: string[];
  configFile?: string;
}

function isBelowOrAt(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

export class Workspace {
  /** The memo files, absolute, in a stable order. */
  files: string[] = [];
  /** Inputs that gave nothing (a missing path, an empty folder), from the last refresh. */
  errors: MemoError[] = [];
  readonly #options: WorkspaceOptions;
  #memoSet = new Set<string>();
  /** Config files, templates folders and stylesheets the memos are read with. */
  #settings = new Set<string>();
  #settingsFolders = new Set<string>();
  /** Folders named (walked), and files named on the command line: what may be served. */
  readonly #rootFolders: string[] = [];
  readonly #namedFiles = new Set<string>();
  readonly #watchTargets: string[] = [];

  constructor(options: WorkspaceOptions) {
    this.#options = options;
  }

  /** Find the memos (again, after a file was added or removed) and the settings they use. */
  async refresh(linter: ResidentLinter): Promise<void> {
    const { cwd, configFile, inputs } = this.#options;
    const rootConfig = lintConfigFor(cwd, configFile);
    const findOptions = { cwd, ignore: rootConfig.ignore, isTemplatesFolder: templatesFolderTest(rootConfig, configFile) };
    const base = rootConfig.dir ?? cwd;
    const found =
      inputs.length > 0
        ? await findMemoFiles(inputs, findOptions)
        : await findProjectMemos({ ...findOptions, base, ...(rootConfig.include ? { include: rootConfig.include } : {}) });
    if (this.#watchTargets.length === 0) this.#planRoots(inputs.length > 0 ? inputs : [base]);
    this.files = found.files;
    this.errors = found.errors;
    this.#memoSet = new Set(found.files);
    this.#settings = new Set(rootConfig.files);
    this.#settingsFolders = new Set(rootConfig.templatesDir ? [rootConfig.templatesDir] : []);
    const folders = new Set(found.files.map((file) => dirname(file)));
    for (const folder of folders) {
      try {
        const { config } = linter.settingsFor(`${folder}${sep}x.md`);
        for (const file of config.files) this.#settings.add(file);
        if (config.templatesDir) this.#settingsFolders.add(config.templatesDir);
        if (config.export.css) this.#settings.add(config.export.css);
      } catch (error) {
        // A broken config is reported when a memo is linted with it; it is still watched.
        if (!(error instanceof MemoError)) throw error;
        if (error.file) this.#settings.add(resolve(cwd, error.file));
      }
    }
  }

  /** The folders walked and the files named, for watching and for what may be served. */
  #planRoots(inputs: string[]): void {
    const { cwd } = this.#options;
    for (const input of inputs) {
      const absolute = resolve(cwd, input);
      let kind: 'file' | 'folder' | 'glob' = 'glob';
      try {
        kind = statSync(absolute).isDirectory() ? 'folder' : 'file';
      } catch {
        // A glob (or a path that is missing, reported by the find step).
      }
      if (kind === 'file') {
        this.#namedFiles.add(realOrSelf(absolute));
        this.#watchTargets.push(absolute);
        continue;
      }
      // A glob's fixed part ("memos/2019-*.md" → memos): watched and served below it.
      const folder = kind === 'folder' ? absolute : resolve(cwd, globBase(input));
      this.#rootFolders.push(realOrSelf(folder));
      this.#watchTargets.push(folder);
    }
  }

  /** Files and folders to watch: the inputs and every settings file or folder in use. */
  watchTargets(): string[] {
    return [...new Set([...this.#watchTargets, ...this.#settings, ...this.#settingsFolders])];
  }

  isMemo(path: string): boolean {
    return this.#memoSet.has(path);
  }

  /** A config file (any .memorc.yaml, a new one too), a template or the stylesheet in use. */
  isSettings(path: string): boolean {
    if (CONFIG_NAMES.includes(basename(path)) || this.#settings.has(path)) return true;
    for (const folder of this.#settingsFolders) if (isBelowOrAt(path, folder)) return true;
    return false;
  }

  /** Paths whose change matters: settings, and memo files (known, or new ones that may be taken). */
  relevant(path: string): boolean {
    return this.isSettings(path) || this.isMemo(path) || isMemoPath(path);
  }

  /**
   * Whether `file` may be served: one of the memos found, whose real path (symbolic links
   * resolved, now) is still inside a folder given or is a file named on the command line.
   */
  mayServe(file: string): boolean {
    if (!this.#memoSet.has(file)) return false;
    let real: string;
    try {
      real = realpathSync(file);
    } catch {
      // Gone since it was found: served as "not found" by the caller's read.
      return true;
    }
    if (this.#namedFiles.has(real)) return true;
    return this.#rootFolders.some((folder) => isBelowOrAt(real, folder));
  }
}

/** The part of a glob before its first special character, as a folder ("memos/**\/*.md" → "memos"). */
function globBase(pattern: string): string {
  const parts = pattern.split(/[\\/]/);
  const fixed: string[] = [];
  for (const part of parts) {
    if (/[*?[\]{}()!+@]/.test(part)) break;
    fixed.push(part);
  }
  return fixed.length === 0 ? '.' : fixed.join('/') || '/';
}
