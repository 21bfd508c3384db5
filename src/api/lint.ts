// lintText() and lintFiles(): the results `memo lint --format json` prints (ESLint's shape), and
// applyFixes() for the fixes they carry. The same engine and file walk as the CLI.
import { resolve } from 'node:path';
import { MemoError } from '../io/errors.js';
import type { JsonFatalMessage, JsonMessage, JsonResult } from '../report/json-shape.js';
import { assertText, isList } from './arguments.js';
import { chosenConfig, cwdOf, isPseudoPath, type ConfigChoice } from './config.js';

/** One memo's lint result: `memo lint --format json`'s entry for it. */
export type LintFileResult = JsonResult;
/** A finding (ESLint's numeric severity: 1 warning, 2 error), or a file that could not be linted (`fatal`). */
export type LintMessage = JsonMessage | JsonFatalMessage;

export interface LintTextOptions extends ConfigChoice {
  /** The memo's path: its config is looked up from it and `filePath` names it. Default `<text>`. */
  path?: string;
  /** Apply the fixable findings until none is left; the fixed text is in `output`. */
  fix?: boolean;
}

/** The absolute path a result names; `<text>`-like names stay as they are. */
function resultPath(path: string, cwd: string): string {
  return isPseudoPath(path) ? path : resolve(cwd, path);
}

/** Lint a memo's text. Findings never throw; a config or template error does (MemoError). */
export async function lintText(text: string, options: LintTextOptions = {}): Promise<LintFileResult> {
  assertText('lintText', 'text', text);
  const cwd = cwdOf(options);
  const path = resultPath(options.path ?? '<text>', cwd);
  const [{ lintTextLoading }, { assertRuleSettings }, { loadMemoTypes }] = await Promise.all([
    import('../lint/engine.js'),
    import('../lint/settings.js'),
    import('../templates/load.js'),
  ]);
  const config = assertRuleSettings(chosenConfig(options, path));
  const result = await lintTextLoading(text, { path, config, types: loadMemoTypes(config.templatesDir), fix: Boolean(options.fix) });
  const { toJsonResults } = await import('../report/json.js');
  return toJsonResults([result], { cwd })[0] as LintFileResult;
}

export interface LintFilesOptions {
  /** The folder relative paths are resolved from. Default: the process's working folder. */
  cwd?: string;
  /** The path of a .memorc.yaml to use for every memo (the CLI's --config). Default: each memo's own. */
  config?: string;
  /** Fix what can be fixed and write the memos back (as `memo lint --fix` does). */
  fix?: boolean;
  /** Keep results between runs in a cache file and skip unchanged memos. */
  cache?: boolean;
  /** The cache file; default `.memocache` in `cwd`. */
  cacheLocation?: string;
}

export interface LintFilesResult {
  /** One entry per memo linted, in path order. */
  results: LintFileResult[];
  /** Inputs that named no memo, and files that could not be read or written. */
  errors: MemoError[];
  /** Memos --fix rewrote. */
  fixed: string[];
}

/**
 * Lint memo files, folders and globs (`paths`), or with none the project's memos (config
 * `include`), as `memo lint` does: .gitignore and config `ignore` honoured, large runs in worker
 * threads. Nothing is printed; what could not be linted is in `errors` or a result's fatal message.
 */
export async function lintFiles(paths: readonly string[], options: LintFilesOptions = {}): Promise<LintFilesResult> {
  if (!isList(paths)) throw new MemoError('lintFiles(): paths must be an array of paths', { code: 'EOPTION' });
  for (const path of paths) assertText('lintFiles', 'each path', path);
  const cwd = cwdOf(options);
  const [{ lintFiles: lintRun }, { packageVersion }] = await Promise.all([import('../lint/run.js'), import('../util/version.js')]);
  const run = await lintRun([...paths], {
    cwd,
    keepSource: true,
    ...(options.config !== undefined ? { configFile: resolve(cwd, options.config) } : {}),
    ...(options.fix ? { fix: true } : {}),
    ...(options.cache ? { cache: true, version: packageVersion() } : {}),
    ...(options.cacheLocation !== undefined ? { cacheLocation: options.cacheLocation } : {}),
  });
  const { toJsonResults } = await import('../report/json.js');
  return { results: toJsonResults(run.results, { cwd }), errors: run.errors, fixed: run.fixed };
}
