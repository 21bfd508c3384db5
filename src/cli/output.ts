// Where the CLI talks: data to stdout, one-line errors and warnings to stderr. Colour only on a
// TTY (chalk decides), `FORCE_COLOR` honoured by chalk, `NO_COLOR` honoured here.
import { isAbsolute, relative } from 'node:path';
import chalk from 'chalk';
import { MemoError } from '../io/errors.js';

if (process.env['NO_COLOR'] && !process.env['FORCE_COLOR']) chalk.level = 0;

export function printError(message: string): void {
  process.stderr.write(`${chalk.red('memo:')} ${message}\n`);
}

export function printWarning(message: string): void {
  process.stderr.write(`${chalk.yellow('memo: warning:')} ${message}\n`);
}

export function printInfo(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** Write to stdout and wait until it is flushed (so piping to `head` or a file loses nothing). */
export function writeStdout(text: string | Uint8Array): Promise<void> {
  return new Promise((resolve) => {
    if (text.length === 0) resolve();
    else process.stdout.write(text, () => resolve());
  });
}

/** One line for any error; a stack trace only with MEMO_DEBUG=1. */
export function describeError(error: unknown): { message: string; exitCode: number } {
  if (error instanceof MemoError) return { message: error.describe(), exitCode: error.exitCode };
  const message = error instanceof Error ? error.message : String(error);
  if (process.env['MEMO_DEBUG'] && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  return { message: `internal error: ${message} (set MEMO_DEBUG=1 for details)`, exitCode: 2 };
}

/**
 * An error as one line, naming the memo it is about relative to the working folder, as the user
 * gave it (the core names memos by their full paths). `file`: that memo, when the caller knows it;
 * it also places an error that names no file. Other files (a config, a template) are shown as
 * they are. Without `file`, an absolute path in the error is taken to be the memo's.
 */
export function describeRelative(error: MemoError, cwd: string, file?: string): string {
  const at = error.file || file;
  if (!at) return error.message;
  const shown = at === (file ?? at) && isAbsolute(at) ? relative(cwd, at) || at : at;
  return `${shown}${error.line ? `:${error.line}` : ''}: ${error.message}`;
}
