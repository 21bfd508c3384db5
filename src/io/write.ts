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
import { closeSync, fsyncSync, linkSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { BroadcastChannel, isMainThread } from 'node:worker_threads';
import { MemoError, fileSystemError } from './errors.js';

/** This thread's temporary files that exist right now. */
const temps = new Set<string>();
/** Set once the process is being interrupted: no write starts after it. */
let stopped = false;

/** Create, fill, sync and place the temporary file; synchronous, so no handler runs in between. */
function writeAndPlace(target: string, data: string | Uint8Array, overwrite: boolean, durable = true): void {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  let placed = false;
  temps.add(temp);
  try {
    fd = openSync(temp, 'wx', 0o644);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    for (let offset = 0; offset < bytes.length;) offset += writeSync(fd, bytes, offset);
    if (durable) fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    if (overwrite) {
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
}

/** Write `data` to `target` atomically. */
export async function writeFileAtomic(target: string, data: string | Uint8Array, options: WriteOptions): Promise<void> {
  try {
    if (options.mkdirs) await mkdir(dirname(target), { recursive: true });
    // Interrupted: the process is about to exit; start nothing new (and never settle).
    if (!beginWrite()) return await new Promise<void>(() => undefined);
    try {
      writeAndPlace(target, data, options.overwrite, options.durable !== false);
    } finally {
      endWrite();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new MemoError('already exists; use --force to replace it', { file: target, code: 'EEXIST' });
    throw error instanceof MemoError ? error : fileSystemError(error, target);
  }
}

// Worker threads write too (`memo lint --fix`, batch exports). Each shares one number with the
// main thread when it loads this module: idle, writing, or stopped. The main thread stops a
// worker by swapping idle for stopped, waiting while it is in the middle of a write; a worker
// only starts a write by swapping idle for writing, so once stopped it never writes again.
const CHANNEL = 'memokit:atomic-writes';
const IDLE = 0;
const WRITING = 1;
const STOPPED = 2;
/** This worker's state (worker threads only). */
let own: Int32Array | undefined;
/** Every worker's state (main thread, after watchWriters()). */
const workers: Int32Array[] = [];
let channel: BroadcastChannel | undefined;

if (!isMainThread) {
  own = new Int32Array(new SharedArrayBuffer(4));
  const hello = new BroadcastChannel(CHANNEL);
  hello.unref();
  hello.postMessage(own.buffer);
}

/** May this thread start a write now? (false once the run is interrupted) */
function beginWrite(): boolean {
  if (stopped) return false;
  return own === undefined || Atomics.compareExchange(own, 0, IDLE, WRITING) === IDLE;
}

function endWrite(): void {
  if (own && Atomics.compareExchange(own, 0, WRITING, IDLE) === WRITING) Atomics.notify(own, 0);
}

/** Main thread, at start-up: learn about the worker threads that may write, so stopWrites() can stop them. */
export function watchWriters(): void {
  if (!isMainThread || channel) return;
  channel = new BroadcastChannel(CHANNEL);
  channel.unref();
  channel.onmessage = (event) => {
    const data = (event as MessageEvent).data as unknown;
    if (data instanceof SharedArrayBuffer) workers.push(new Int32Array(data));
  };
}

/**
 * The run is interrupted: remove this thread's temporary files, start no new write in any
 * thread, and resolve once no worker thread is in the middle of one.
 */
export async function stopWrites(): Promise<void> {
  stopped = true;
  for (const temp of temps) {
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
  }
  temps.clear();
  if (!channel) return;
  // Let the hellos of workers that have just started arrive.
  await new Promise((resolve) => setTimeout(resolve, 20));
  for (const state of workers) {
    // A write takes milliseconds; the deadline only guards against a worker that died mid-write.
    const deadline = Date.now() + 5_000;
    while (Atomics.compareExchange(state, 0, IDLE, STOPPED) === WRITING && Date.now() < deadline) Atomics.wait(state, 0, WRITING, 100);
  }
}
