// Every file memokit writes goes through here: a temporary file beside the target, then a
// rename (or a hard link, when the target must not be overwritten), so a reader never sees a
// half-written file and an interrupted run leaves the old file or none.
//
// Interrupts: the temporary file is created, written, synced and renamed in one synchronous
// stretch, so a signal handler (which runs between tasks) never finds a write half done. When
// the CLI is interrupted it calls stopWrites(): no new write starts, in this thread or in a
// worker thread, and the CLI exits once no thread is in the middle of one. Only SIGKILL (or a
// power cut) can leave a `.<name>.<pid>.<random>.tmp` file behind; it is never a target.
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fchmodSync,
  fchownSync,
  fstatSync,
  fsyncSync,
  linkSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { isMainThread, workerData } from 'node:worker_threads';
import { MemoError, fileSystemError } from './errors.js';
import { sameStamp, stampOf, type FileStamp } from './read.js';

/** This thread's temporary files that exist right now. */
const temps = new Set<string>();
/** Set once the process is being interrupted: no write starts after it. */
let stopped = false;

/** What the temporary file gets before it takes the target's place. */
interface Placement {
  /** Replace an existing target (rename), or refuse one (link). */
  overwrite: boolean;
  /** fsync before placing it. */
  durable: boolean;
  /**
   * Called right before the rename, with the temporary file still open: throws to cancel, or
   * returns the permissions and owner it must have (see `replaces`).
   */
  beforePlace?: () => Keep;
}

/** The permission bits and owner of the file being replaced, given to its replacement. */
interface Keep {
  mode: number;
  uid: number;
  gid: number;
}

/** Give the open temporary file the replaced file's owner (where permitted) and permissions. */
function keep(fd: number, wanted: Keep): void {
  const now = fstatSync(fd);
  let chowned = false;
  if (process.platform !== 'win32' && (now.uid !== wanted.uid || now.gid !== wanted.gid)) {
    // Only root may give a file away; anyone may pick among their own groups. Where neither is
    // permitted the replacement stays ours, as an editor's save would.
    try {
      fchownSync(fd, wanted.uid, wanted.gid);
      chowned = true;
    } catch {
      try {
        fchownSync(fd, -1, wanted.gid);
        chowned = true;
      } catch {
        // not permitted: it stays ours
      }
    }
  }
  // After chown, which may clear set-id bits; exactly the bits wanted, whatever the umask.
  if (chowned || (now.mode & 0o7777) !== wanted.mode) fchmodSync(fd, wanted.mode);
}

/** Create, fill, sync and place the temporary file; synchronous, so no handler runs in between. */
function writeAndPlace(target: string, data: string | Uint8Array, placement: Placement): void {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  let placed = false;
  temps.add(temp);
  try {
    // A file that replaces another is readable by us alone until it gets that file's permissions.
    fd = openSync(temp, 'wx', placement.beforePlace ? 0o600 : 0o644);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    for (let offset = 0; offset < bytes.length;) offset += writeSync(fd, bytes, offset);
    if (placement.durable) fsyncSync(fd);
    if (placement.beforePlace) keep(fd, placement.beforePlace());
    closeSync(fd);
    fd = undefined;
    if (placement.overwrite) {
      renameSync(temp, target);
      placed = true;
    } else {
      // link() fails with EEXIST instead of replacing: no window in which a file could be clobbered.
      linkSync(temp, target);
    }
  } finally {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // the write already failed; that error is the one to report
      }
    }
    if (!placed) {
      try {
        unlinkSync(temp);
      } catch {
        // never created, or already gone
      }
    }
    temps.delete(temp);
  }
}

/** The file a write replaces, as it was read: see WriteOptions.replaces. */
export interface ReadFile {
  /** Its stamp, taken when it was read (io/read.ts readMemoBytesStamped). */
  stamp: FileStamp;
  /** The bytes read (a copy). */
  bytes: Uint8Array;
}

export interface WriteOptions {
  /** Replace an existing file. Without it, an existing target is refused (exit 2). */
  overwrite: boolean;
  /** Create missing parent folders. */
  mkdirs?: boolean;
  /**
   * fsync before the rename (default true), so the new content survives a power cut. Batch
   * exports turn it off: their outputs can be made again, and an fsync per file costs more
   * than the export. The rename keeps them atomic either way.
   */
  durable?: boolean;
  /**
   * Save over a file that was read, as an editor saves (`--fix`): through a symbolic link to the
   * file it points at (the link stays), keeping the file's permissions and, where permitted, its
   * owner; and only if it is still what was read, checked right before the rename (stamp first;
   * a re-read only when the stamp differs). Otherwise nothing is written: a MemoError with code
   * `ECHANGED`.
   */
  replaces?: ReadFile;
}

/** A MemoError (`ECHANGED`) for a file that is no longer what was read. */
function changed(file: string): MemoError {
  return new MemoError('changed on disk since it was read; not written', { file, code: 'ECHANGED' });
}

/**
 * For `replaces`: the file the link points at, and a check that it is still what was read,
 * which answers with the permissions and owner its replacement gets.
 */
function replacing(target: string, read: ReadFile): { real: string; check: () => Keep } {
  let real: string;
  try {
    real = realpathSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw changed(target);
    throw error;
  }
  let expected = read.stamp;
  const check = (): Keep => {
    const now = statSync(real, { throwIfNoEntry: false });
    if (!now) throw changed(target);
    if (!sameStamp(stampOf(now), expected)) {
      // Touched, or changed back: only different bytes stop the write.
      let bytes: Buffer;
      try {
        bytes = readFileSync(real);
      } catch {
        throw changed(target);
      }
      if (!bytes.equals(read.bytes)) throw changed(target);
      expected = stampOf(now);
    }
    return { mode: now.mode & 0o7777, uid: now.uid, gid: now.gid };
  };
  return { real, check };
}

/** Write `data` to `target` atomically. */
export async function writeFileAtomic(target: string, data: string | Uint8Array, options: WriteOptions): Promise<void> {
  try {
    if (options.mkdirs) await makeFolders(dirname(target));
    // Interrupted: the process is about to exit; start nothing new (and never settle).
    if (!beginWrite()) return await new Promise<void>(() => undefined);
    try {
      const durable = options.durable !== false;
      if (options.replaces) {
        const { real, check } = replacing(target, options.replaces);
        // Checked before anything is written too, so a changed file costs no temporary file.
        check();
        writeAndPlace(real, data, { overwrite: true, durable, beforePlace: check });
      } else {
        writeAndPlace(target, data, { overwrite: options.overwrite, durable });
      }
    } finally {
      endWrite();
    }
  } catch (error) {
    if (error instanceof MemoError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new MemoError('already exists; use --force to replace it', { file: target, code: 'EEXIST' });
    throw fileSystemError(error, target);
  }
}

/** mkdir -p, naming a file in the way as such (mkdir says EEXIST, which means "refused overwrite" here). */
async function makeFolders(folder: string): Promise<void> {
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR')
      throw new MemoError('cannot create the folder: a file is in the way', { file: folder, code: 'EFILE' });
    throw fileSystemError(error, folder);
  }
}

// Worker threads write too (`memo lint --fix`, batch exports). Each shares one number with the
// main thread: idle, writing, or stopped. The main thread makes it before the worker starts
// (newWriterState, from io/pool.ts) and hands it over in workerData, so it knows every worker
// that may write from the first moment; it stops one by swapping idle for stopped, waiting while
// it is in the middle of a write. A worker only starts a write by swapping idle for writing, so
// once stopped it never writes again. (A hello over a BroadcastChannel, awaited 20 ms, missed
// workers that had just started on a loaded machine, and a Ctrl-C then left their temporary file.)
const IDLE = 0;
const WRITING = 1;
const STOPPED = 2;
/** This worker's state (worker threads only). */
let own: Int32Array | undefined;
/** Every worker's state (main thread). */
const workers: Int32Array[] = [];

if (!isMainThread) {
  const shared = (workerData as { writerState?: unknown } | null)?.writerState;
  if (shared instanceof SharedArrayBuffer) own = new Int32Array(shared);
}

/** Main thread, before starting a worker that may write: its state, for its workerData. */
export function newWriterState(): SharedArrayBuffer {
  const buffer = new SharedArrayBuffer(4);
  workers.push(new Int32Array(buffer));
  return buffer;
}

/** May this thread start a write now? (false once the run is interrupted) */
function beginWrite(): boolean {
  if (stopped) return false;
  return own === undefined || Atomics.compareExchange(own, 0, IDLE, WRITING) === IDLE;
}

function endWrite(): void {
  if (own && Atomics.compareExchange(own, 0, WRITING, IDLE) === WRITING) Atomics.notify(own, 0);
}

/**
 * The run is interrupted: remove this thread's temporary files, start no new write in any
 * thread, and return once no worker thread is in the middle of one.
 */
export function stopWrites(): void {
  stopped = true;
  for (const temp of temps) {
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
  }
  temps.clear();
  for (const state of workers) {
    // A write takes milliseconds; the deadline only guards against a worker that died mid-write.
    const deadline = Date.now() + 5_000;
    while (Atomics.compareExchange(state, 0, IDLE, STOPPED) === WRITING && Date.now() < deadline) Atomics.wait(state, 0, WRITING, 100);
  }
}
