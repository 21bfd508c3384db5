// `--cache`: remember each file's findings under a key of its content hash and everything
// that could change them (memokit's version, the config, the memo types). Keyed on content,
// not timestamps, so a fresh CI checkout of unchanged files is still a hit.
import { hash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Config } from '../config/config.js';
import { writeFileAtomic } from '../io/write.js';
import type { MemoType } from '../templates/structure.js';
import type { Finding } from './types.js';

export const CACHE_FILE = '.memocache';

export interface CachedResult {
  messages: Finding[];
}

interface CacheData {
  memokit: string;
  entries: Record<string, { key: string; result: CachedResult }>;
}

/** SHA-1 of a file's content: its bytes, or its text (the same digest for the same file). */
export function hashText(content: string | Uint8Array): string {
  return hash('sha1', content, 'hex');
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
  private constructor(
    private readonly file: string,
    private readonly data: CacheData,
    private dirty: boolean,
  ) {}

  /** Open the cache file; a missing, unreadable or other-version cache starts empty. */
  static async open(file: string, version: string): Promise<LintCache> {
    try {
      const data = JSON.parse(await readFile(file, 'utf8')) as CacheData;
      if (data && data.memokit === version && typeof data.entries === 'object') return new LintCache(file, data, false);
    } catch {
      // No cache yet, or a damaged one: start over.
    }
    return new LintCache(file, { memokit: version, entries: {} }, true);
  }

  /** No entries at all (a first run, or a cache of another version): nothing can hit. */
  get isEmpty(): boolean {
    for (const _ in this.data.entries) return false;
    return true;
  }

  get(path: string, key: string): CachedResult | undefined {
    const entry = this.data.entries[path];
    return entry && entry.key === key ? entry.result : undefined;
  }

  set(path: string, key: string, result: CachedResult): void {
    this.data.entries[path] = { key, result };
    this.dirty = true;
  }

  async save(): Promise<void> {
    if (this.dirty) await writeFileAtomic(this.file, JSON.stringify(this.data), { overwrite: true });
  }
}
