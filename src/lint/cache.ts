// `--cache`: remember each file's findings under a key of its content hash and everything
// that could change them (memokit's version, the config, the memo types). Keyed on content,
// not timestamps, so a fresh CI checkout of unchanged files is still a hit.
//
// Re-hashing every file is most of a warm run, so an entry also keeps the file's stat data
// (inode, size, modification and change times) from when its content was hashed, the way git's
// index does: a file whose stat data all still match is not read again. The change time (ctime)
// is set by the kernel on every write and cannot be set back, so a changed file never matches.
// Stat data are only kept for files last changed more than STAT_MARGIN_MS before the run began:
// a file written again within the same clock tick as it was hashed (the "racy" case) would
// otherwise keep matching; such a file is simply hashed next time.
import { hash } from 'node:crypto';
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, relative, sep } from 'node:path';
import type { Config } from '../config/config.js';
import { writeFileAtomic } from '../io/write.js';
import type { MemoType } from '../templates/structure.js';
import type { Finding } from './types.js';

export const CACHE_FILE = '.memocache';

/** Bumped when the file's shape changes; a cache of another format starts over. */
const FORMAT = 2;

/** Coarse file systems keep times to the second or two (FAT: 2 s). */
export const STAT_MARGIN_MS = 3000;

interface CacheEntry {
  /** SHA-1 of the content the findings are for. */
  hash: string;
  /** settingsKey() of the run that found them. */
  settings: string;
  /** Stat data when the content was hashed, if the file was old enough to trust them. */
  stat?: string;
  /** Findings; left out when there are none (most files). */
  messages?: Finding[];
}

interface CacheData {
  memokit: string;
  format: number;
  /** By path relative to the cache file's folder, with `/`: a checkout elsewhere still hits. */
  files: Record<string, CacheEntry>;
}

/** SHA-1 of a file's content: its bytes, or its text (the same digest for the same file). */
export function hashText(content: string | Uint8Array): string {
  return hash('sha1', content, 'hex');
}

/**
 * The stat data an entry keeps, or undefined when the file changed too recently to rely on them
 * (or cannot be stat'ed: reading it will say why).
 */
export function statData(file: string, runStart: number): string | undefined {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat || Math.max(stat.mtimeMs, stat.ctimeMs) > runStart - STAT_MARGIN_MS) return undefined;
  return `${stat.ino}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}`;
}

const settingsKeys = new WeakMap<Config, Map<ReadonlyMap<string, MemoType>, string>>();

/** A key for everything besides the file's text that decides its findings. */
export function settingsKey(config: Config, types: ReadonlyMap<string, MemoType>, fix: boolean): string {
  let byTypes = settingsKeys.get(config);
  if (!byTypes) settingsKeys.set(config, (byTypes = new Map()));
  let key = byTypes.get(types);
  if (key === undefined) {
    const typeData = [...types.values()].map(({ origin, builtIn, file, ...rest }) => rest);
    key = hashText(JSON.stringify([config.rules, config.types, typeData]));
    byTypes.set(types, key);
  }
  return `${key}:${fix ? 'fix' : 'lint'}`;
}

export class LintCache {
  private readonly prefix: string;

  private readonly folder: string;

  private constructor(
    private readonly file: string,
    private readonly data: CacheData,
    private dirty: boolean,
  ) {
    this.folder = dirname(file);
    this.prefix = this.folder.endsWith(sep) ? this.folder : this.folder + sep;
  }

  /** Open the cache file; a missing, unreadable, damaged or other-version cache starts empty. */
  static async open(file: string, version: string): Promise<LintCache> {
    try {
      const data = JSON.parse(await readFile(file, 'utf8')) as CacheData;
      if (data && data.memokit === version && data.format === FORMAT && typeof data.files === 'object' && data.files !== null) return new LintCache(file, data, false);
    } catch {
      // No cache yet, or a damaged one: start over.
    }
    return new LintCache(file, { memokit: version, format: FORMAT, files: {} }, true);
  }

  /** No entries at all (a first run, or a cache of another version): nothing can hit. */
  get isEmpty(): boolean {
    for (const _ in this.data.files) return false;
    return true;
  }

  /** The findings stored for this content of this file under these settings, if any. */
  get(path: string, hash: string, settings: string): Finding[] | undefined {
    const entry = this.data.files[this.name(path)];
    return entry && entry.hash === hash && entry.settings === settings ? (entry.messages ?? []) : undefined;
  }

  /** The findings for this file under these settings, if its stat data still match those kept when it was hashed. */
  getUnchanged(path: string, settings: string, stat: string | undefined): Finding[] | undefined {
    if (stat === undefined) return undefined;
    const entry = this.data.files[this.name(path)];
    return entry && entry.stat === stat && entry.settings === settings ? (entry.messages ?? []) : undefined;
  }

  set(path: string, hash: string, settings: string, messages: Finding[], stat: string | undefined): void {
    const entry: CacheEntry = { hash, settings };
    if (stat !== undefined) entry.stat = stat;
    if (messages.length > 0) entry.messages = messages;
    this.data.files[this.name(path)] = entry;
    this.dirty = true;
  }

  /** Keep newer stat data for an entry whose content was just found unchanged. */
  setStat(path: string, stat: string | undefined): void {
    const entry = this.data.files[this.name(path)];
    if (!entry || entry.stat === stat) return;
    if (stat === undefined) delete entry.stat;
    else entry.stat = stat;
    this.dirty = true;
  }

  async save(): Promise<void> {
    // Atomic but not fsync'ed: a cache lost to a power cut only makes the next run slower.
    if (this.dirty) await writeFileAtomic(this.file, JSON.stringify(this.data), { overwrite: true, durable: false });
  }

  private name(path: string): string {
    const below = path.startsWith(this.prefix) ? path.slice(this.prefix.length) : relative(this.folder, path);
    return sep === '/' ? below : below.split(sep).join('/');
  }
}
