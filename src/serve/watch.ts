// Watching files for the resident commands (`memo lint --watch`, `memo preview`), with chokidar 4.
// Editors save in two ways, and both must count as one change of the file:
//   - in place: open, truncate, write (nano, VS Code's default, `echo > file`): `change` events,
//     often two or more for one save (the truncation, then the write);
//   - atomically: write a temporary file beside it, then rename it over the file (vim's
//     `backupcopy=no`, many IDEs, memo --fix): the old inode goes, a new one comes. chokidar
//     watches the folder, and its `atomic` option turns an unlink followed by an add of the
//     same path into one `change` (tests/e2e/watch.test.ts saves both ways).
// Events are gathered for `debounceMs` after the last one, then handed over as one batch of
// paths, so a burst of saves (a `git checkout`, a save-all) is read and linted once per file.
import { watch, type FSWatcher } from 'chokidar';
import { resolve, sep } from 'node:path';

export interface WatchBatch {
  /** Paths added or changed since the last batch (absolute). */
  changed: Set<string>;
  /** Paths removed since the last batch (absolute). */
  removed: Set<string>;
}

export interface WatchOptions {
  /** Files and folders to watch (absolute). Folders are watched recursively. */
  targets: string[];
  /** Is this path one the caller cares about (memo, config, template)? Others make no batch. */
  relevant(path: string): boolean;
  onBatch(batch: WatchBatch): void;
  onError(error: Error): void;
  /** Quiet time after the last event before a batch is handed over (default 30 ms). */
  debounceMs?: number;
}

export interface Watcher {
  /** Resolves once the initial scan is done: saves after it are seen. */
  ready: Promise<void>;
  /** Watch more files or folders (a config or templates folder found later). */
  add(targets: string[]): void;
  close(): Promise<void>;
}

/** Folders no memo lives in: never descended into (the find step skips them as well). */
function skipped(path: string): boolean {
  return path.split(sep).some((part) => part === 'node_modules' || part === '.git');
}

export function watchFiles(options: WatchOptions): Watcher {
  const debounceMs = options.debounceMs ?? 30;
  let pending: WatchBatch = { changed: new Set(), removed: new Set() };
  let timer: NodeJS.Timeout | undefined;
  const flush = (): void => {
    timer = undefined;
    const batch = pending;
    pending = { changed: new Set(), removed: new Set() };
    if (batch.changed.size > 0 || batch.removed.size > 0) options.onBatch(batch);
  };
  const note = (kind: 'changed' | 'removed', raw: string): void => {
    const path = resolve(raw);
    if (!options.relevant(path)) return;
    (kind === 'changed' ? pending.removed : pending.changed).delete(path);
    pending[kind].add(path);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  };

  const watcher: FSWatcher = watch(options.targets, {
    ignoreInitial: true,
    // An unlink followed within 100 ms by an add of the same path is one `change` (an atomic save).
    atomic: true,
    // The find step neither follows symbolic links nor takes them from folders: nor does this.
    followSymlinks: false,
    ignored: (path) => skipped(path),
  });
  watcher.on('add', (path) => note('changed', path));
  watcher.on('change', (path) => note('changed', path));
  watcher.on('unlink', (path) => note('removed', path));
  watcher.on('error', (error) => options.onError(error instanceof Error ? error : new Error(String(error))));
  const ready = new Promise<void>((done) => watcher.once('ready', () => done()));
  return {
    ready,
    add(targets) {
      if (targets.length > 0) watcher.add(targets);
    },
    async close() {
      if (timer) clearTimeout(timer);
      await watcher.close();
    },
  };
}
