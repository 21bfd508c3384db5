// Watching files for the resident commands (`memo lint --watch`, `memo preview`). Editors save
// in two ways, and both must be seen, every time:
//   - in place: open, truncate, write (nano, VS Code's default, `echo > file`): the folder
//     reports a `change` of the name, often two or more for one save;
//   - atomically: write a temporary file beside it, then rename it over the file (vim's
//     `backupcopy=no`, many IDEs, memo --fix): the folder reports a `rename` of the name, and
//     the file is a new inode.
// So memokit watches folders, not files (node:fs `watch` on each folder, inotify on Linux): a
// folder's watch outlives any number of renames inside it, and reports every name written. A
// watch on the file itself (what chokidar 4 does beside the folder's) is tied to the old inode
// after a rename; chokidar's `atomic` window and its 50 ms `change` throttle then dropped the
// next save when saves came less than ~100 ms apart — measured, both with `atomic` on and off,
// so the last text of a quick save-save was never linted (see docs/preview.md, "Watching").
// Events are gathered for `debounceMs` after the last one and handed over as one batch, so a
// burst (truncate + write, a save-all, a `git checkout`) is read once per file.
import { existsSync, readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface WatchBatch {
  /** Paths added or changed since the last batch (absolute). */
  changed: Set<string>;
  /** Paths removed since the last batch (absolute). */
  removed: Set<string>;
}

export interface WatchOptions {
  /** Files and folders to watch (absolute). Folders are watched with every folder below them. */
  targets: string[];
  /** Is this path one the caller cares about (memo, config, template)? Others make no batch. */
  relevant(path: string): boolean;
  onBatch(batch: WatchBatch): void;
  onError(error: Error): void;
  /** Quiet time after the last event before a batch is handed over (default 10 ms: a save is one or two writes microseconds apart). */
  debounceMs?: number;
}

export interface Watcher {
  /** Resolves once the watches are in place: saves after it are seen. */
  ready: Promise<void>;
  /** Watch more files or folders (a config or templates folder found later). */
  add(targets: string[]): void;
  close(): Promise<void>;
}

/** Folders no memo lives in, never descended into (the find step skips them too). */
function skippedFolder(name: string): boolean {
  return name === 'node_modules' || name === '.git';
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function watchFiles(options: WatchOptions): Watcher {
  const debounceMs = options.debounceMs ?? 10;
  /** Folder → its watch. `deep`: folders below are watched too (a target folder, not a file's parent). */
  const folders = new Map<string, { watcher: FSWatcher; deep: boolean }>();
  let pending: WatchBatch = { changed: new Set(), removed: new Set() };
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const flush = (): void => {
    timer = undefined;
    const batch = pending;
    pending = { changed: new Set(), removed: new Set() };
    // Whether a renamed name is there now is asked at the end of the burst, once.
    for (const path of [...batch.changed]) {
      if (!existsSync(path)) {
        batch.changed.delete(path);
        batch.removed.add(path);
      }
    }
    if (batch.changed.size > 0 || batch.removed.size > 0) options.onBatch(batch);
  };

  const note = (path: string): void => {
    if (!options.relevant(path)) return;
    pending.removed.delete(path);
    pending.changed.add(path);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  };

  const watchFolder = (folder: string, deep: boolean): void => {
    const known = folders.get(folder);
    if (closed || (known && (known.deep || !deep))) return;
    known?.watcher.close();
    let watcher: FSWatcher;
    try {
      watcher = watch(folder, { persistent: true }, (event, name) => {
        if (!name) return;
        const path = join(folder, name.toString());
        // A folder made (or moved) inside a deep watch is watched too, and its memos looked at.
        if (deep && event === 'rename' && !skippedFolder(name.toString()) && isFolder(path)) {
          watchTree(path);
          for (const entry of readdirSync(path)) note(join(path, entry));
          return;
        }
        note(path);
      });
    } catch (error) {
      // A folder removed before its watch began: nothing to watch.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    watcher.on('error', (error: NodeJS.ErrnoException) => {
      // The folder itself went away: its parent's watch reports that; drop this one quietly.
      watcher.close();
      if (folders.get(folder)?.watcher === watcher) folders.delete(folder);
      if (error.code !== 'EPERM' && error.code !== 'ENOENT') options.onError(error);
    });
    folders.set(folder, { watcher, deep });
  };

  const watchTree = (root: string): void => {
    const stack = [root];
    while (stack.length > 0) {
      const folder = stack.pop() as string;
      watchFolder(folder, true);
      let entries;
      try {
        entries = readdirSync(folder, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const entry of entries) {
        // Symbolic links are not followed (the find step takes none from folders either).
        if (entry.isDirectory() && !skippedFolder(entry.name)) stack.push(join(folder, entry.name));
      }
    }
  };

  const add = (targets: string[]): void => {
    for (const target of targets.map((path) => resolve(path))) {
      // A file is watched through its folder's watch, which survives the file being replaced.
      if (isFolder(target)) watchTree(target);
      else watchFolder(dirname(target), false);
    }
  };

  add(options.targets);
  return {
    ready: Promise.resolve(),
    add,
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      for (const { watcher } of folders.values()) watcher.close();
      folders.clear();
      return Promise.resolve();
    },
  };
}
