// Every file memokit writes goes through here: a temporary file beside the target, then a
// rename (or a hard link, when the target must not be overwritten), so a reader never sees a
// half-written file and an interrupted run leaves the old file or none.
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, rename, unlink } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { MemoError, fileSystemError } from './errors.js';

async function writeTemp(target: string, data: string | Uint8Array): Promise<string> {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o644);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return temp;
}

export interface WriteOptions {
  /** Replace an existing file. Without it, an existing target is refused (exit 2). */
  overwrite: boolean;
  /** Create missing parent folders. */
  mkdirs?: boolean;
}

/** Write `data` to `target` atomically. */
export async function writeFileAtomic(target: string, data: string | Uint8Array, options: WriteOptions): Promise<void> {
  let temp: string | undefined;
  try {
    if (options.mkdirs) await mkdir(dirname(target), { recursive: true });
    temp = await writeTemp(target, data);
    if (options.overwrite) {
      await rename(temp, target);
      temp = undefined;
    } else {
      // link() fails with EEXIST instead of replacing: no window in which a file could be clobbered.
      await link(temp, target);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new MemoError('already exists; use --force to replace it', { file: target });
    throw error instanceof MemoError ? error : fileSystemError(error, target);
  } finally {
    if (temp) await unlink(temp).catch(() => undefined);
  }
}
