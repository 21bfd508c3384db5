// Which open documents are memos, and the config and memo types each is linted with: read as
// `memo lint` reads them, cached, and read again when a config file or a template changes.
// The server learns of changes from the client's file watcher (workspace/didChangeWatchedFiles)
// when the client has one; otherwise `changed()` compares the files' stat data.
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CONFIG_NAMES, emptyConfig, forgetConfigs, type Config } from '../config/config.js';
import { MemoError } from '../io/errors.js';
import { ignoreMatcher, isMemoPath, isRepositoryDoc } from '../io/find.js';
import { lintConfigFor } from '../lint/settings.js';
import { forgetMemoTypes, loadMemoTypes } from '../templates/load.js';
import type { MemoType } from '../templates/structure.js';

export interface Settings {
  config: Config;
  types: ReadonlyMap<string, MemoType>;
}

/** The front matter opens the file and has a `type:` key: the file says it is a memo. */
export function declaresMemoType(text: string): boolean {
  const open = /^\uFEFF?---[ \t]*(?:\r\n|\r|\n)/.exec(text);
  if (!open) return false;
  const rest = text.slice(open[0].length, open[0].length + 65536);
  const close = /^(?:---|\.\.\.)[ \t]*$/m.exec(rest);
  return /^type[ \t]*:/m.test(close ? rest.slice(0, close.index) : rest);
}

/** Why a memo file is not linted, or undefined when it is. */
export type Verdict = { lint: true; settings: Settings } | { lint: false; reason: string };

export class Projects {
  /** Settings by folder; a config that could not be read is kept as its error until it changes. */
  private readonly settings = new Map<string, Settings | MemoError>();
  private readonly ignores = new Map<Config, (file: string) => unknown>();
  /** Stat data of every config and template file each folder's settings came from. */
  private readonly stamps = new Map<string, string>();

  /** The settings for a file in `folder` (a config error throws a MemoError naming the file and line). */
  settingsFor(folder: string | undefined): Settings {
    const key = folder ?? '';
    let settings = this.settings.get(key);
    if (!settings) {
      // Stat data first: a file changed while it is being read is read again.
      const stamp = folder === undefined ? undefined : configStamp(folder);
      let templatesDir: string | undefined;
      try {
        const config = folder === undefined ? emptyConfig() : lintConfigFor(folder);
        templatesDir = config.templatesDir;
        settings = { config, types: loadMemoTypes(templatesDir) };
      } catch (error) {
        if (!(error instanceof MemoError)) throw error;
        settings = error;
      }
      this.settings.set(key, settings);
      if (stamp !== undefined) this.stamps.set(key, `${stamp}|${templatesDir ? templatesStamp(templatesDir) : ''}`);
    }
    if (settings instanceof MemoError) throw settings;
    return settings;
  }

  /**
   * Lint this document? Memo files (`*.md`, `*.markdown`) that say they are memos (`type:` in
   * their front matter) or sit in a project with a `.memorc.yaml`; never a file in the templates
   * folder or matched by the config's `ignore`, nor a README or the like that does not say so.
   * `file` is undefined for an unsaved buffer (untitled:), linted if it declares a type.
   */
  async verdict(file: string | undefined, text: string): Promise<Verdict> {
    if (file !== undefined && !isMemoPath(file)) return { lint: false, reason: 'not a *.md or *.markdown file' };
    const declared = declaresMemoType(text);
    if (file === undefined)
      return declared ? { lint: true, settings: this.settingsFor(undefined) } : { lint: false, reason: 'no type: in front matter' };
    const folder = dirname(file);
    let settings: Settings;
    try {
      settings = this.settingsFor(folder);
    } catch (error) {
      // A broken config is shown on every file that would be a memo under it.
      if (!declared && isRepositoryDoc(file)) return { lint: false, reason: 'a repository doc without type: in front matter' };
      throw error;
    }
    const { config } = settings;
    if (config.templatesDir && folder === config.templatesDir) return { lint: false, reason: 'in the templates folder' };
    let ignored = this.ignores.get(config);
    if (!ignored) this.ignores.set(config, (ignored = await ignoreMatcher(config.ignore)));
    if (ignored(file)) return { lint: false, reason: 'ignored by the config' };
    if (declared) return { lint: true, settings };
    if (config.files.length === 0) return { lint: false, reason: 'no .memorc.yaml and no type: in front matter' };
    if (isRepositoryDoc(file)) return { lint: false, reason: 'a repository doc without type: in front matter' };
    return { lint: true, settings };
  }

  /** Read every config and template again from the next look-up on. */
  forget(): void {
    this.settings.clear();
    this.ignores.clear();
    this.stamps.clear();
    forgetConfigs();
    forgetMemoTypes();
  }

  /** Without a file watcher: has any config or template the cached settings came from changed? */
  changed(): boolean {
    for (const [folder, stamp] of this.stamps) {
      const settings = this.settings.get(folder);
      const templatesDir = settings instanceof MemoError ? undefined : settings?.config.templatesDir;
      if (`${configStamp(folder)}|${templatesDir ? templatesStamp(templatesDir) : ''}` !== stamp) return true;
    }
    return false;
  }

  /** Is this path one whose change means reading the settings again (a config, or a template)? */
  isSettingsFile(file: string): boolean {
    if (CONFIG_NAMES.includes(basename(file))) return true;
    const folder = dirname(file);
    for (const settings of this.settings.values())
      if (!(settings instanceof MemoError) && settings.config.templatesDir === folder) return true;
    return basename(folder) === 'templates';
  }
}

/**
 * The stat data of every place a folder's config can come from: each `.memorc.yaml` (or its
 * absence) from the folder up, and the `templates/` folder beside each (its entries and each
 * template file). A few dozen stat calls; the server makes them once a second at most.
 */
function configStamp(folder: string): string {
  const parts: string[] = [];
  let current = folder;
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const stat = statOrUndefined(join(current, name));
      parts.push(stat ?? '-');
      if (stat) parts.push(templatesStamp(join(current, 'templates')));
    }
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return parts.join('|');
}

function statOrUndefined(path: string): string | undefined {
  try {
    const stat = statSync(path);
    return `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
  } catch {
    return undefined;
  }
}

function templatesStamp(dir: string): string {
  const self = statOrUndefined(dir);
  if (!self) return '-';
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.md'));
  } catch {
    return self;
  }
  return [self, ...names.sort().map((name) => `${name}=${statOrUndefined(join(dir, name)) ?? '-'}`)].join(',');
}
