// One error type for everything the user can cause: it carries the exit code and the place,
// and the CLI prints it as one line (`memo: file.md:3: message`) without a stack trace.

/** Codes for the failures a caller may handle rather than report. */
export type MemoErrorCode = 'EEXIST' | 'ECHANGED';

export class MemoError extends Error {
  readonly exitCode: number;
  readonly file: string | undefined;
  readonly line: number | undefined;
  /**
   * Set when the caller may want to tell this failure apart (`EEXIST`: a refused overwrite;
   * `ECHANGED`: a file changed on disk since it was read, so it was not written over).
   */
  readonly code: MemoErrorCode | undefined;

  constructor(message: string, options: { file?: string; line?: number; exitCode?: number; code?: MemoErrorCode } = {}) {
    super(message);
    this.name = 'MemoError';
    this.exitCode = options.exitCode ?? 2;
    this.file = options.file;
    this.line = options.line;
    this.code = options.code;
  }

  /** `file:line: message`, or as much of it as is known. */
  describe(): string {
    const place = this.file ? `${this.file}${this.line ? `:${this.line}` : ''}: ` : '';
    return `${place}${this.message}`;
  }
}

/** Turn a Node.js file-system error into a MemoError with a human message. */
export function fileSystemError(error: unknown, file: string): MemoError {
  const code = (error as NodeJS.ErrnoException)?.code;
  const reasons: Record<string, string> = {
    ENOENT: 'no such file or folder',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EISDIR: 'is a folder, not a file',
    ENOTDIR: 'a part of the path is not a folder',
    ELOOP: 'too many levels of symbolic links (a symlink loop)',
    EEXIST: 'already exists',
    ENOSPC: 'no space left on the device',
    EROFS: 'read-only file system',
  };
  const reason = (code && reasons[code]) ?? (error instanceof Error ? error.message : String(error));
  return new MemoError(reason, { file });
}
