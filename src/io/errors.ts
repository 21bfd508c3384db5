// One error type for everything the user can cause: it carries the exit code and the place,
// and the CLI prints it as one line (`memo: file.md:3: message`) without a stack trace.

/**
 * What went wrong, for callers that handle a failure rather than report it (the library's users;
 * the CLI prints the message and exits with `exitCode`). docs/api.md lists them.
 */
export type MemoErrorCode =
  /** A file-system failure, with Node's code where it is one of these; `EFILE` for the rest. */
  | 'ENOENT'
  | 'EACCES'
  | 'EPERM'
  | 'EISDIR'
  | 'ENOTDIR'
  | 'ELOOP'
  | 'ENOSPC'
  | 'EROFS'
  | 'EFILE'
  /** A refused overwrite (the file exists; `--force`/`force` replaces it). */
  | 'EEXIST'
  /** A file changed on disk since it was read, so it was not written over. */
  | 'ECHANGED'
  /** The input is not memo text: binary, empty, UTF-16, not UTF-8, an unknown charset, too large. */
  | 'EINPUT'
  /** The memo's front matter cannot be read, so it cannot be exported or bundled. */
  | 'EFRONTMATTER'
  /** A .memorc.yaml that is not valid: YAML, an unknown key, a bad value. */
  | 'ECONFIG'
  /** A project template that is broken. */
  | 'ETEMPLATE'
  /** A memo type no template defines. */
  | 'ETYPE'
  /** An option or argument with a bad value, or missing. */
  | 'EOPTION'
  /** An input path or glob that names no memo. */
  | 'ENOMATCH'
  /** Outputs that cannot be written as asked: onto an input, two memos onto one file, outside the root. */
  | 'EOUTPUT'
  /** A memo that took too long or too much memory to read (the worker limits). */
  | 'ELIMIT'
  /** Chromium is missing or failed (PDF). */
  | 'ECHROMIUM'
  /** A memo refused because it has lint errors (`strict`). */
  | 'ELINT'
  /** A memo or issue that could not be made (an exporter failed on it). */
  | 'EEXPORT'
  /** A bug in memokit (please report it). */
  | 'EINTERNAL';

export class MemoError extends Error {
  readonly exitCode: number;
  readonly file: string | undefined;
  readonly line: number | undefined;
  /** What went wrong, as one of a few codes a caller can branch on. */
  readonly code: MemoErrorCode;

  constructor(message: string, options: { file?: string; line?: number; exitCode?: number; code: MemoErrorCode }) {
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
  const known = code !== undefined && code in reasons ? (code as MemoErrorCode) : 'EFILE';
  return new MemoError(reason, { file, code: known });
}
