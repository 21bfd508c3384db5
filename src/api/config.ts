// Which config a library call uses, and `loadConfig()` itself. A call looks the config up as the
// CLI does (every .memorc.yaml from the memo's folder upward), unless it is given one: a Config
// from loadConfig(), or the path of a .memorc.yaml (the CLI's --config).
import { dirname, resolve } from 'node:path';
import { forgetConfigs, loadConfig as findConfig, type Config } from '../config/config.js';
import { assertRuleSettings } from '../lint/settings.js';
import { forgetMemoTypes } from '../templates/load.js';

export interface ConfigChoice {
  /**
   * A config from loadConfig(), or the path of a .memorc.yaml to use alone. Default: the
   * .memorc.yaml files from the memo's folder (or `cwd`) upward, read once per process.
   */
  config?: Config | string;
  /** The folder relative paths are resolved from. Default: the process's working folder. */
  cwd?: string;
}

/** A call's working folder, absolute. */
export function cwdOf(options: { cwd?: string } | undefined): string {
  return resolve(options?.cwd ?? process.cwd());
}

/** Paths like `<text>` name no file: no config is looked up from them. */
export function isPseudoPath(path: string): boolean {
  return /^<[^<>]*>$/.test(path);
}

/** The config a call uses for a memo at `path` (or for the working folder). */
export function chosenConfig(options: ConfigChoice | undefined, path?: string): Config {
  const cwd = cwdOf(options);
  const given = options?.config;
  if (typeof given === 'object' && given !== null) return given;
  if (typeof given === 'string') return findConfig(cwd, resolve(cwd, given));
  const folder = path === undefined || isPseudoPath(path) ? cwd : dirname(resolve(cwd, path));
  return findConfig(folder);
}

export interface LoadConfigOptions {
  /** Use this .memorc.yaml alone instead of searching (the CLI's --config); relative to the working folder. */
  file?: string;
}

/**
 * The config that applies in `folder` (default: the working folder), read from disk now (not from
 * an earlier look-up), with every rule setting checked. A config error is a MemoError `ECONFIG`
 * naming the file and line. (It reads synchronously today; it is async like every call that
 * reads files, so that callers never rely on that.)
 */
// eslint-disable-next-line @typescript-eslint/require-await
export async function loadConfig(folder: string = process.cwd(), options: LoadConfigOptions = {}): Promise<Config> {
  forgetConfigs();
  forgetMemoTypes();
  const config = findConfig(resolve(folder), options.file === undefined ? undefined : resolve(options.file));
  return assertRuleSettings(config);
}
