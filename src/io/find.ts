// Turn the paths a user typed into memo files: files as given, folders as every memo file
// (`*.md`, `*.markdown`) under them (walked with fdir), globs through tinyglobby, and no path at
// all as the project's memos (config `include`). What folders and globs expand to is filtered:
// node_modules, .gitignored files, config `ignore` globs and templates folders are skipped. A
// file named explicitly is always taken: it is what the user asked for.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fdir } from 'fdir';
import ignore, { type Ignore } from 'ignore';
import { folderOf } from '../util/folders.js';
import { counted } from '../util/plural.js';
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
      const file = join(folder, '.gitignore');
      // Most folders have none: asked first, as a failed read costs an exception (a walk of
      // 10,000 memos in 111 folders spent a few ms on them).
      if (existsSync(file)) {
        try {
          found = ignore().add(readFileSync(file, 'utf8'));
        } catch {
          found = undefined;
        }
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

  private readonly folderOf = folderOf();

  isIgnored(file: string, isFolder = false): boolean {
    // Each .gitignore from the repository root down, matched against the path below its folder;
    // `ignore` also checks that path's folders (`drafts/` ignores `drafts/a.md`).
    for (const { folder, rules } of this.chainFor(this.folderOf(file))) {
      const below = file.slice(folder.endsWith(sep) ? folder.length : folder.length + 1);
      const path = sep === '/' ? below : below.split(sep).join('/');
      if (rules.ignores(isFolder ? `${path}/` : path)) return true;
    }
    return false;
  }
}

/** A config glob (`ignore`, `include`): relative to `base`, the folder of the config `file` it is written in. */
export interface ConfigGlob {
  base: string;
  pattern: string;
  /** The config file, named when its globs skipped every file an input gave. */
  file?: string;
}

export interface FindOptions {
  cwd: string;
  /** Config `ignore` globs, each relative to its config file's folder. */
  ignore?: ConfigGlob[];
  /**
   * Is this folder a templates folder (memo types, not memos)? Walks and globs skip every file
   * in one, and below it. The config layer answers (`templatesFolderTest`).
   */
  isTemplatesFolder?: (folder: string) => boolean;
  /**
   * The folder a command writes into (export's --out-dir), absolute. A folder or glob above it
   * skips what is in it: a command's own outputs are never its inputs (`memo export "in/**"
   * --out-dir in/site` run twice must not export in/site/ into in/site/site/).
   */
  outputFolder?: string;
}

/**
 * A predicate for config `ignore` globs, answering with the glob that matched. picomatch (like
 * tinyglobby, for glob inputs) is only loaded when there are globs: most runs name folders, and
 * loading both cost every run ~20 ms.
 */
export async function ignoreMatcher(patterns: ConfigGlob[]): Promise<(file: string) => ConfigGlob | undefined> {
  if (patterns.length === 0) return () => undefined;
  const { default: picomatch } = await import('picomatch');
  const matchers = patterns.map((glob) => ({ glob, match: picomatch(glob.pattern, { dot: true }) }));
  return (file) =>
    matchers.find(({ glob, match }) => {
      const path = relative(glob.base, file).split(sep).join('/');
      return !path.startsWith('../') && match(path);
    })?.glob;
}

/**
 * Every memo file under a folder, as absolute paths: what `**\/*.md` finds with tinyglobby (no
 * dot files or folders, no node_modules, symbolic links neither followed nor taken), plus
 * `*.markdown` and any capitalisation of either, walked with fdir directly, the crawler
 * tinyglobby uses, without matching each path against a glob (that, and resolving each path
 * again, was a tenth of a warm run over 10,000 memos).
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

/**
 * `*.md` or `*.markdown` in any case (`.MD`, `.Markdown`), not a dot file. Checked on the path:
 * path.basename per file cost ~20 ms in 10,000.
 */
export function isMemoPath(path: string): boolean {
  const slash = path.lastIndexOf(sep);
  if (path[slash + 1] === '.') return false;
  if (path.endsWith('.md')) return true;
  const dot = path.lastIndexOf('.');
  if (dot <= slash + 1) return false;
  const extension = path.slice(dot + 1).toLowerCase();
  return extension === 'md' || extension === 'markdown';
}

/**
 * Markdown files of a repository that are not memos, by name in any case, in any folder:
 * the project's own default `include` leaves them out (a folder or glob the user names does not).
 */
export const REPOSITORY_DOCS = [
  'README',
  'CHANGELOG',
  'CHANGES',
  'HISTORY',
  'CONTRIBUTING',
  'CODE_OF_CONDUCT',
  'SECURITY',
  'SUPPORT',
  'AUTHORS',
  'LICENSE',
  'LICENCE',
  'NOTICE',
];
const DOC_NAMES = new Set(REPOSITORY_DOCS.map((name) => name.toLowerCase()));

export function isRepositoryDoc(file: string): boolean {
  const name = basename(file);
  const dot = name.lastIndexOf('.');
  return DOC_NAMES.has((dot > 0 ? name.slice(0, dot) : name).toLowerCase());
}

/** Files an input expanded to but that were skipped, counted by why (a phrase: "by .gitignore"). */
type Skipped = Map<string, number>;

/** Reasons in the order they are checked (skipReason), whatever order the files came in. */
const REASONS = ['in the output folder', 'by `ignore`', 'by .gitignore', 'in the templates folder', 'as repository docs'];
const rank = (reason: string) => REASONS.findIndex((start) => reason.startsWith(start));

/** "3 files skipped by `ignore` in .memorc.yaml", or "5 files skipped: 3 by …, 2 by …". */
function describeSkipped(skipped: Skipped): string {
  let total = 0;
  for (const count of skipped.values()) total += count;
  const files = `${counted(total, 'file')} skipped`;
  const reasons = [...skipped].sort(([a], [b]) => rank(a) - rank(b));
  const why =
    reasons.length === 1 ? `${files} ${reasons[0]?.[0]}` : `${files}: ${reasons.map(([reason, count]) => `${count} ${reason}`).join(', ')}`;
  return `${why} (a file named on the command line is always taken)`;
}

/** What a folder or glob's files are checked against, beyond `ignore` globs. */
interface Checks {
  gitignore: boolean;
  /** Skip repository docs (README, CHANGELOG...): only the project's default memos do. */
  docs: boolean;
  /** Skip files in the output folder: set when it lies below the folder walked or globbed. */
  outputFolder?: string;
}

/** Is `path` strictly below `folder` (both absolute)? */
function isBelow(path: string, folder: string): boolean {
  return path.length > folder.length && path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

/** Sorts what folders and globs expand to into taken and skipped, for one run of findMemoFiles. */
class Filter {
  private readonly gitignore = new GitignoreFilter();
  private readonly templatesOf = new Map<string, string | undefined>();

  constructor(
    private readonly options: FindOptions,
    private readonly ignored: (file: string) => ConfigGlob | undefined,
  ) {}

  static async create(options: FindOptions): Promise<Filter> {
    return new Filter(options, await ignoreMatcher(options.ignore ?? []));
  }

  isGitignored(path: string, isFolder = false): boolean {
    return this.gitignore.isIgnored(path, isFolder);
  }

  /** The templates folder that holds `folder` (or is it), if any. */
  private templatesFolder(folder: string): string | undefined {
    if (this.templatesOf.has(folder)) return this.templatesOf.get(folder);
    const parent = dirname(folder);
    const found = this.options.isTemplatesFolder?.(folder) ? folder : parent === folder ? undefined : this.templatesFolder(parent);
    this.templatesOf.set(folder, found);
    return found;
  }

  /** Why a file a folder or glob gave is skipped (a phrase for describeSkipped), or undefined: it is taken. */
  skipReason(file: string, checks: Checks): string | undefined {
    const shown = (path: string) => relative(this.options.cwd, path) || '.';
    if (checks.outputFolder && isBelow(file, checks.outputFolder)) return `in the output folder ${shown(checks.outputFolder)}${sep}`;
    const glob = this.ignored(file);
    if (glob) return `by \`ignore\`${glob.file ? ` in ${shown(glob.file)}` : ''}`;
    if (checks.gitignore && this.gitignore.isIgnored(file)) return 'by .gitignore';
    if (this.options.isTemplatesFolder) {
      const slash = file.lastIndexOf(sep);
      const templates = this.templatesFolder(slash === 0 ? sep : file.slice(0, slash));
      if (templates) return `in the templates folder ${shown(templates)}${sep}`;
    }
    if (checks.docs && isRepositoryDoc(file)) return `as repository docs (${REPOSITORY_DOCS.slice(0, 2).join(', ')}...)`;
    return undefined;
  }
}

/** Collects the files of a run: in order, each once. */
class Collector {
  readonly files: string[] = [];
  readonly errors: MemoError[] = [];
  private readonly seen = new Set<string>();

  /** Take a file; false when an earlier input already took it. */
  add(file: string): boolean {
    if (this.seen.has(file)) return false;
    this.seen.add(file);
    this.files.push(file);
    return true;
  }

  /**
   * Take what a folder or glob gave, less what `filter` skips; an error naming `input` when it
   * gave nothing to take. A file an earlier input already took counts as given (`memo lint memos
   * memos` is two inputs that overlap, not an empty one); it is just not taken twice.
   */
  addExpanded(found: string[], filter: Filter, checks: Checks, input: string, nothing: string): void {
    const skipped: Skipped = new Map();
    let given = 0;
    for (const file of found.sort()) {
      const reason = filter.skipReason(file, checks);
      if (reason === undefined) {
        this.add(file);
        given++;
      } else {
        skipped.set(reason, (skipped.get(reason) ?? 0) + 1);
      }
    }
    if (given === 0)
      this.errors.push(new MemoError(skipped.size > 0 ? describeSkipped(skipped) : nothing, { file: input, code: 'ENOMATCH' }));
  }
}

const NO_MEMOS = 'no memos (*.md or *.markdown files) in this folder';

/** The output folder, when it lies below `folder` (an input's folder): then its files are skipped. */
function outputFolderBelow(outputFolder: string | undefined, folder: string): string | undefined {
  return outputFolder && isBelow(outputFolder, folder) ? outputFolder : undefined;
}

export async function findMemoFiles(inputs: string[], options: FindOptions): Promise<FoundFiles> {
  const filter = await Filter.create(options);
  const found = new Collector();

  for (const input of inputs) {
    const absolute = resolve(options.cwd, input);
    let kind: 'file' | 'folder' | 'missing' = 'missing';
    try {
      const info = statSync(absolute);
      kind = info.isDirectory() ? 'folder' : 'file';
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' || !(await import('tinyglobby')).isDynamicPattern(input)) {
        found.errors.push(fileSystemError(error, input));
        continue;
      }
    }
    if (kind === 'file') {
      // Named on the command line: taken whatever `ignore`, .gitignore or a templates folder say.
      found.add(absolute);
    } else if (kind === 'folder') {
      // A folder the user names is walked even when it is itself .gitignored (a build or
      // corpus folder, say); .gitignore rules then only apply to what is below it.
      const gitignore = !filter.isGitignored(absolute, true);
      const outputFolder = outputFolderBelow(options.outputFolder, absolute);
      found.addExpanded(await memosUnder(absolute), filter, { gitignore, docs: false, outputFolder }, input, NO_MEMOS);
    } else {
      const [{ glob }, { default: picomatch }] = await Promise.all([import('tinyglobby'), import('picomatch')]);
      const matches = await glob(input, { cwd: options.cwd, absolute: true, ignore: ['**/node_modules/**'], followSymbolicLinks: false });
      // A glob takes memo files only, like a folder walk: "c/*" is c's memos, not its notes.txt.
      const memos = matches.filter(isMemoPath).map((file) => resolve(file));
      const others = matches.length - memos.length;
      const nothing =
        others === 0
          ? 'no files match this pattern'
          : `no memo files match this pattern (${counted(others, 'other file')} did; memos are *.md or *.markdown)`;
      const outputFolder = outputFolderBelow(options.outputFolder, resolve(options.cwd, picomatch.scan(input).base));
      found.addExpanded(memos, filter, { gitignore: true, docs: false, outputFolder }, input, nothing);
    }
  }
  return { files: found.files, errors: found.errors };
}

export interface ProjectOptions extends FindOptions {
  /** The project's folder: where its config is (or the working folder, without one). */
  base: string;
  /** Config `include` globs (their memo files); without them, every memo file under `base` but repository docs. */
  include?: ConfigGlob[];
}

/**
 * The project's memos, for a run given no path: the config's `include` globs, or by default
 * every `*.md` and `*.markdown` under the project's folder except repository docs (README,
 * CHANGELOG...). Either way what folders and globs skip is skipped (templates folders,
 * `ignore`, .gitignore, node_modules).
 */
export async function findProjectMemos(options: ProjectOptions): Promise<FoundFiles> {
  const filter = await Filter.create(options);
  const found = new Collector();
  const shown = relative(options.cwd, options.base) || '.';
  const include = options.include ?? [];
  if (include.length === 0) {
    const gitignore = !filter.isGitignored(options.base, true);
    found.addExpanded(await memosUnder(options.base), filter, { gitignore, docs: true }, shown, NO_MEMOS);
    return { files: found.files, errors: found.errors };
  }
  const { glob } = await import('tinyglobby');
  const matches: string[] = [];
  for (const { base, pattern } of include) {
    const files = await glob(pattern, { cwd: base, absolute: true, ignore: ['**/node_modules/**'], followSymbolicLinks: false });
    // `include` names memos: "memos/**" takes the memo files under memos/, not their images.
    for (const file of files) if (isMemoPath(file)) matches.push(resolve(file));
  }
  const where = include[0]?.file ? ` in ${relative(options.cwd, include[0].file) || include[0].file}` : '';
  found.addExpanded(matches, filter, { gitignore: true, docs: false }, shown, `no files match \`include\`${where}`);
  return { files: found.files, errors: found.errors };
}
