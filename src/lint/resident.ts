// Lint one text at a time in a long-running process (`memo lint --watch`, `memo preview`; the
// language server may share it): configs and memo types are read once and kept, until the
// caller says a config or template changed (`forget`). The text comes from the caller (a file
// just saved, an editor's buffer); nothing here watches or prints.
import { dirname } from 'node:path';
import type { Config } from '../config/config.js';
import { forgetConfigs } from '../config/config.js';
import { MemoError } from '../io/errors.js';
import { decodeMemo, readMemoBytes } from '../io/read.js';
import type { MemoType } from '../templates/structure.js';
import { forgetMemoTypes, loadMemoTypes } from '../templates/load.js';
import { lintText } from './engine.js';
import { lintConfigFor } from './settings.js';
import { fatalResult } from './summary.js';
import type { LintResult } from './types.js';

export interface ResidentOptions {
  /** `--config FILE`: this config for every file instead of searching. */
  configFile?: string;
  /** Keep the source in results with findings (the json report shows it). */
  keepSource?: boolean;
}

/** What a memo is linted with: its config (checked) and the memo types of its templates folder. */
export interface LintSettings {
  config: Config;
  types: ReadonlyMap<string, MemoType>;
}

export class ResidentLinter {
  readonly #options: ResidentOptions;

  constructor(options: ResidentOptions = {}) {
    this.#options = options;
  }

  /** The config and memo types for a memo at `path` (cached per folder until `forget`). Config errors throw. */
  settingsFor(path: string): LintSettings {
    // loadConfig and loadMemoTypes keep what they read for the life of the process.
    const config = lintConfigFor(dirname(path), this.#options.configFile);
    return { config, types: loadMemoTypes(config.templatesDir) };
  }

  /** Lint `text` as the memo at `path`. Config errors throw (a MemoError naming the config). */
  lint(path: string, text: string): LintResult {
    const { config, types } = this.settingsFor(path);
    const result = lintText(text, { path, config, types });
    if (!this.#options.keepSource || result.messages.length === 0) result.source = '';
    return result;
  }

  /**
   * Read and lint the file at `path`. A file that cannot be read (gone, binary, not UTF-8)
   * comes back as a fatal result, as in a batch run; a bad config still throws.
   */
  lintFile(path: string): LintResult {
    let text: string;
    try {
      text = decodeMemo(readMemoBytes(path), path);
    } catch (error) {
      if (error instanceof MemoError) return fatalResult(path, error);
      throw error;
    }
    return this.lint(path, text);
  }

  /** A config or template changed on disk: read them again on the next lint. */
  forget(): void {
    forgetConfigs();
    forgetMemoTypes();
  }
}
