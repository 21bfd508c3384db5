// `--cache`: remember each file's findings under a key of its content hash and everything
// that could change them (memokit's version, the config, the memo types). Keyed on content,
// not timestamps, so a fresh CI checkout of unchanged files is still a hit.
//
// Re-hashing every file is most of a warm run, so an entry also keeps the file's stat data
// (inode, size, modification and change times) from when its content was hashed, the way git's
// index does: a file whose stat data all still match is not read again. The change time (ctime)
// is set by the kernel on every write and cannot be set back (short of changing the system
// clock), so a changed file never matches.
// Stat data are only kept for files last changed more than STAT_MARGIN_MS before the run began:
// a file written again within the same clock tick as it was hashed (the "racy" case) would
// otherwise keep matching; such a file is simply hashed next time. The same margin makes the
// order of stat and read irrelevant (workers stat after reading): a change at any moment after
// the run began leaves a ctime past runStart, so those stat data are never kept.
import { hash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import type { Config } from '../config/config.js';
import { writeFileAtomic } from '../io/write.js';
import type { MemoType } from '../templates/structure.js';
import type { Finding } from './types.js';

export const CACHE_FILE = '.memocache';

/** Bumped when the file's shape changes; a cache of another format starts over. */
const FORMAT = 3;

/** Coarse file systems keep times to the second or two (FAT: 2 s). */
export const STAT_MARGIN_MS = 3000;

// The file is text, one line per file, ASCII only (anything else is \u-escaped inside its JSON),
// so that it is read without UTF-8 decoding and only the lines a run needs are taken apart.
// Opening 10,000 entries this way takes less than half the time and a third of the memory that
// JSON.parse took.
//   memokit-cache TAB 3 TAB <memokit version>
//   S TAB <settings key>                  the settings table; entries refer to it by index
//   F TAB <path, JSON string> TAB <SHA-1> TAB <settings index> TAB <stat data or -> TAB <findings, JSON; empty for none>
// Paths are relative to the cache file's folder, with `/`: a checkout elsewhere still hits.

interface CacheEntry {
  /** SHA-1 of the content the findings are for. */
  hash: string;
  /** settingsKey() of the run that found them. */
  settings: string;
  /** Stat data when the content was hashed, if the file was old enough to trust them. */
  stat: string | undefined;
  /** The findings, or their JSON as read from the file (parsed when asked for). */
  findings: Finding[] | string;
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
  if (!byTypes) settingsKeys.set(config, (byTypes = new Map<ReadonlyMap<string, MemoType>, string>()));
  let key = byTypes.get(types);
  if (key === undefined) {
    const typeData = [...types.values()].map(({ origin, builtIn, file, ...rest }) => rest);
    key = hashText(JSON.stringify([config.rules, config.types, config.dateOrder ?? 'mdy', typeData]));
    byTypes.set(types, key);
  }
  return `${key}:${fix ? 'fix' : 'lint'}`;
}

export class LintCache {
  private readonly folder: string;
  private readonly prefix: string;
  /** Entries as read, by path: the rest of their line, taken apart when looked up. */
  private readonly lines: Map<string, string>;
  /** Entries this run looked up or changed. */
  private readonly entries = new Map<string, CacheEntry | null>();
  private dirty = false;

  private constructor(
    private readonly file: string,
    private readonly version: string,
    private readonly settingsTable: string[],
    lines: Map<string, string>,
  ) {
    this.folder = dirname(file);
    this.prefix = this.folder.endsWith(sep) ? this.folder : this.folder + sep;
    this.lines = lines;
    this.dirty = lines.size === 0;
  }

  /** Open the cache file; a missing, unreadable, damaged or other-version cache starts empty. */
  // eslint-disable-next-line @typescript-eslint/require-await -- async for callers; the read itself is synchronous (see below)
  static async open(file: string, version: string): Promise<LintCache> {
    const settings: string[] = [];
    const lines = new Map<string, string>();
    let text = '';
    try {
      // Read at once: the file is needed before anything else can go on, and a read through the
      // thread pool (in 512 KB pieces) only added round trips.
      text = readFileSync(file).toString('latin1');
    } catch {
      // No cache yet: start empty.
    }
    let start = text.indexOf('\n') + 1;
    if (start === 0 || text.slice(0, start - 1) !== `memokit-cache\t${FORMAT}\t${version}`)
      return new LintCache(file, version, settings, lines);
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end === -1) end = text.length;
      const kind = text.slice(start, start + 2);
      if (kind === 'S\t') {
        settings.push(text.slice(start + 2, end));
      } else if (kind === 'F\t') {
        const tab = text.indexOf('\t', start + 2);
        const name = tab === -1 || tab > end ? undefined : jsonName(text.slice(start + 2, tab));
        if (name !== undefined) lines.set(name, text.slice(tab + 1, end));
      }
      start = end + 1;
    }
    return new LintCache(file, version, settings, lines);
  }

  /** No entries at all (a first run, or a cache of another version): nothing can hit. */
  get isEmpty(): boolean {
    return this.lines.size === 0 && this.entries.size === 0;
  }

  /** The findings stored for this content of this file under these settings, if any. */
  get(path: string, hash: string, settings: string): Finding[] | undefined {
    return this.lookup(this.name(path), settings, hash, undefined);
  }

  /** The findings for this file under these settings, if its stat data still match those kept when it was hashed. */
  getUnchanged(path: string, settings: string, stat: string | undefined): Finding[] | undefined {
    if (stat === undefined) return undefined;
    return this.lookup(this.name(path), settings, undefined, stat);
  }

  set(path: string, hash: string, settings: string, findings: Finding[], stat: string | undefined): void {
    this.entries.set(this.name(path), { hash, settings, stat, findings });
    this.dirty = true;
  }

  /** Keep newer stat data for an entry whose content was just found unchanged. */
  setStat(path: string, stat: string | undefined): void {
    const entry = this.entry(this.name(path));
    if (!entry || entry.stat === stat) return;
    entry.stat = stat;
    this.dirty = true;
  }

  async save(): Promise<void> {
    if (!this.dirty) return;
    const index = new Map(this.settingsTable.map((settings, i) => [settings, i]));
    const out = [`memokit-cache\t${FORMAT}\t${this.version}`];
    const files: string[] = [];
    for (const [name, line] of this.lines) if (!this.entries.get(name)) files.push(`F\t${JSON.stringify(name)}\t${line}`);
    for (const [name, entry] of this.entries) {
      if (!entry) continue;
      let i = index.get(entry.settings);
      if (i === undefined) index.set(entry.settings, (i = this.settingsTable.push(entry.settings) - 1));
      const findings =
        typeof entry.findings === 'string' ? entry.findings : entry.findings.length > 0 ? JSON.stringify(entry.findings) : '';
      files.push(`F\t${JSON.stringify(name)}\t${entry.hash}\t${i}\t${entry.stat ?? '-'}\t${findings}`);
    }
    for (const settings of this.settingsTable) out.push(`S\t${settings}`);
    // Only JSON strings can hold other characters; \u escapes keep the file ASCII.
    const text = `${[...out, ...files].join('\n')}\n`.replace(
      /[^\x00-\x7f]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
    // Atomic but not fsync'ed: a cache lost to a power cut only makes the next run slower.
    // Its folder is made if missing: `--cache-location .cache/memo/lint` on a fresh checkout.
    await writeFileAtomic(this.file, Buffer.from(text, 'latin1'), { overwrite: true, durable: false, mkdirs: true });
  }

  /**
   * The findings of an entry for these settings whose hash (or, given `stat`, whose stat data)
   * match. A line read from the file is looked at in place, without taking it apart into an
   * entry: a warm run looks up every file once and changes none, and an object (and four
   * strings) per file was a good part of its time.
   */
  private lookup(name: string, settings: string, hash: string | undefined, stat: string | undefined): Finding[] | undefined {
    const changed = this.entries.get(name);
    if (changed !== undefined) {
      if (!changed || changed.settings !== settings) return undefined;
      if (stat !== undefined ? changed.stat !== stat : changed.hash !== hash) return undefined;
      return findingsOf(changed);
    }
    const line = this.lines.get(name);
    if (line === undefined) return undefined;
    // <hash> TAB <settings index> TAB <stat data or -> TAB <findings>: exactly four fields.
    const first = line.indexOf('\t');
    const second = first === -1 ? -1 : line.indexOf('\t', first + 1);
    const third = second === -1 ? -1 : line.indexOf('\t', second + 1);
    if (third === -1 || line.includes('\t', third + 1)) return undefined;
    const key = stat ?? hash;
    const [from, to] = stat !== undefined ? [second + 1, third] : [0, first];
    if (key === undefined || to - from !== key.length || !line.startsWith(key, from)) return undefined;
    if (this.settingsTable[Number(line.slice(first + 1, second))] !== settings) return undefined;
    return parseFindings(line.slice(third + 1));
  }

  /** This run's view of an entry: taken apart from its line the first time it is asked for. */
  private entry(name: string): CacheEntry | undefined {
    let entry = this.entries.get(name);
    if (entry === undefined) {
      const line = this.lines.get(name);
      const fields = line?.split('\t');
      const settings = fields ? this.settingsTable[Number(fields[1])] : undefined;
      entry =
        fields && fields.length === 4 && settings !== undefined
          ? { hash: fields[0] as string, settings, stat: fields[2] === '-' ? undefined : fields[2], findings: fields[3] as string }
          : null;
      this.entries.set(name, entry);
    }
    return entry ?? undefined;
  }

  private name(path: string): string {
    const below = path.startsWith(this.prefix) ? path.slice(this.prefix.length) : relative(this.folder, path);
    return sep === '/' ? below : below.split(sep).join('/');
  }
}

/** A path field: a JSON string (parsed only when it holds an escape). */
function jsonName(field: string): string | undefined {
  if (field.length < 2 || !field.startsWith('"') || !field.endsWith('"')) return undefined;
  if (!field.includes('\\')) return field.slice(1, -1);
  try {
    const name: unknown = JSON.parse(field);
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}

/** An entry's findings; damaged JSON counts as no entry. */
function findingsOf(entry: CacheEntry): Finding[] | undefined {
  if (typeof entry.findings !== 'string') return entry.findings;
  const findings = parseFindings(entry.findings);
  if (findings) entry.findings = findings;
  return findings;
}

/** Findings from their JSON (empty for none); damaged JSON counts as no entry. */
function parseFindings(json: string): Finding[] | undefined {
  if (json === '') return [];
  try {
    const findings: unknown = JSON.parse(json);
    return Array.isArray(findings) ? (findings as Finding[]) : undefined;
  } catch {
    return undefined;
  }
}
