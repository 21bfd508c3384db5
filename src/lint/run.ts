// Lint many files: find them, pick each one's config and memo types, lint, and (with fix)
// write fixed files back atomically. A library function: it returns results and errors; the
// CLI prints them and chooses the exit code.
import { dirname } from 'node:path';
import type { Config } from '../config/config.js';
import { loadConfig } from '../config/config.js';
import { MemoError } from '../io/errors.js';
import { findMemoFiles, ignoreMatcher } from '../io/find.js';
import { readMemoFile } from '../io/read.js';
import { writeFileAtomic } from '../io/write.js';
import { loadMemoTypes } from '../templates/load.js';
import { lintText, validateRuleConfig } from './engine.js';
import type { LintResult } from './types.js';

export interface LintRunOptions {
  cwd: string;
  /** `--config FILE`: use this config for every file instead of searching. */
  configFile?: string;
  fix?: boolean;
  /** Keep each result's source text (the json format includes it). */
  keepSource?: boolean;
}

export interface LintRun {
  results: LintResult[];
  /** Files that could not be linted (unreadable, binary...), and inputs that gave no file. */
  errors: MemoError[];
  /** Files rewritten by --fix. */
  fixed: string[];
}

const validated = new WeakSet<Config>();

/** The config for a file's folder, with its rule settings checked once. Config errors throw. */
export function configFor(folder: string, configFile?: string): Config {
  const config = loadConfig(folder, configFile);
  if (!validated.has(config)) {
    validateRuleConfig(config);
    validated.add(config);
  }
  return config;
}

export async function lintFiles(inputs: string[], options: LintRunOptions): Promise<LintRun> {
  // Config ignore globs come from the config of the working folder (or --config).
  const rootConfig = configFor(options.cwd, options.configFile);
  const { files, errors } = await findMemoFiles(inputs, { cwd: options.cwd, ignore: ignoreMatcher(rootConfig.ignore) });
  const results: LintResult[] = [];
  const fixed: string[] = [];
  for (const file of files) {
    const config = configFor(dirname(file), options.configFile);
    const types = loadMemoTypes(config.templatesDir);
    let text: string;
    try {
      text = await readMemoFile(file);
    } catch (error) {
      if (error instanceof MemoError) {
        errors.push(error);
        continue;
      }
      throw error;
    }
    const result = lintText(text, { path: file, config, types, fix: Boolean(options.fix) });
    if (options.fix && result.output !== undefined) {
      await writeFileAtomic(file, result.output, { overwrite: true });
      fixed.push(file);
    }
    delete result.output;
    if (!options.keepSource) result.source = '';
    results.push(result);
  }
  return { results, errors, fixed };
}

/** Lint text from stdin, named `path` for config lookup and reports. */
export function lintStdin(text: string, path: string, options: LintRunOptions): LintResult {
  const config = configFor(dirname(path), options.configFile);
  return lintText(text, { path, config, types: loadMemoTypes(config.templatesDir) });
}
