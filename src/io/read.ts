// Reading memo files with clear errors: binary, UTF-16, invalid UTF-8, empty and oversized
// files are refused with one line that names the file (and the line, where there is one).
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { MemoError, fileSystemError } from './errors.js';

/** Memos are a few kilobytes; anything this large is not a memo, and parsing it would stall a run. */
export const MAX_MEMO_BYTES = 1024 * 1024;

/** Deeper nesting than this is not a memo, and would make the Markdown parser crawl or overflow. */
export const MAX_NESTING = 64;

// Block-quote markers and list markers at the start of a line, each opening one more level.
const CONTAINER = /^[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))/;

/**
 * A line that fails assertNesting starts with more than 64 characters of indentation and
 * container markers (65 markers, or 257 columns of indentation, or a mix past 128 levels);
 * memos without such a line skip the per-line check.
 */
const DEEP_PREFIX = /^[\s>*+\-0-9.)]{65}/m;

/** Refuse text nested deeper than MAX_NESTING levels (lists, block quotes), naming the line. */
export function assertNesting(text: string, file: string): void {
  if (!DEEP_PREFIX.test(text)) return;
  let line = 0;
  for (const raw of text.split('\n')) {
    line++;
    let rest = raw;
    let depth = 0;
    for (let match = CONTAINER.exec(rest); match; match = CONTAINER.exec(rest)) {
      depth++;
      rest = rest.slice(match[0].length);
    }
    // Indentation nests too: every two to four columns may open another list level.
    const indent = /^[ \t]*/.exec(rest)?.[0].replace(/\t/g, '    ').length ?? 0;
    if (depth > MAX_NESTING || raw.length - raw.trimStart().length > MAX_NESTING * 4 || depth + indent / 4 > MAX_NESTING * 2) {
      throw new MemoError(`lists or block quotes nested more than ${MAX_NESTING} levels deep; memokit does not read such files`, {
        file,
        line,
        code: 'EINPUT',
      });
    }
  }
}

/** A legacy charset, through iconv-lite, loaded only when a page declares one (lint never does). */
function legacyDecode(bytes: Uint8Array, charset: string): string {
  const iconv = createRequire(import.meta.url)('iconv-lite') as typeof import('iconv-lite');
  return iconv.decode(Buffer.from(bytes), charset, { stripBOM: false });
}

// ignoreBOM keeps a byte-order mark in the text: parseMemo notes it and --fix writes it back.
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Bytes → text, with one clear error for anything that is not a readable memo. `charset` is a
 * legacy encoding the input declares (an HTML page's `<meta charset="windows-1252">`): its bytes
 * are decoded as declared instead of being refused as invalid UTF-8.
 */
export function decodeMemo(bytes: Uint8Array, file: string, charset?: string): string {
  if (bytes.length > MAX_MEMO_BYTES) {
    const mb = (bytes.length / (1024 * 1024)).toFixed(1);
    throw new MemoError(`file is ${mb} MB; memos over ${MAX_MEMO_BYTES / (1024 * 1024)} MB are refused`, { file, code: 'EINPUT' });
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new MemoError('file is UTF-16; save it as UTF-8', { file, code: 'EINPUT' });
  }
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) throw new MemoError('file is binary, not a Markdown memo', { file, code: 'EINPUT' });
  let text: string;
  try {
    // Node's own TextDecoder reads windows-1252 as Latin-1 (0x93 becomes a control, not “);
    // iconv-lite has the real tables.
    text = charset === undefined ? decoder.decode(bytes) : legacyDecode(bytes, charset);
  } catch {
    // Name the line of the first bad byte: the longest prefix that still decodes (a prefix
    // ending inside a valid character decodes in streaming mode) ends just before it.
    let valid = 0;
    let bad = bytes.length;
    while (valid < bad - 1) {
      const middle = Math.floor((valid + bad) / 2);
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, middle), { stream: true });
        valid = middle;
      } catch {
        bad = middle;
      }
    }
    let line = 1;
    for (let i = 0; i < valid; i++) if (bytes[i] === 0x0a) line++;
    throw new MemoError('file is not valid UTF-8; save it as UTF-8', { file, line, code: 'EINPUT' });
  }
  // Whitespace only (JavaScript's \s includes the byte-order mark): no copy of the text needed.
  if (!/\S/.test(text)) throw new MemoError('file is empty', { file, code: 'EINPUT' });
  assertNesting(text, file);
  return text;
}

/** Read a memo file as text. Throws MemoError (exit 2) for anything that is not a readable UTF-8 memo. */
// eslint-disable-next-line @typescript-eslint/require-await -- async so that a failed read rejects: export/one.ts chains .catch
export async function readMemoFile(file: string): Promise<string> {
  return readMemoFileSync(file);
}

/**
 * The same, synchronously. Memos are small: a blocking read is faster than a trip through
 * libuv's thread pool, and lint and export read thousands of them in worker threads, where
 * blocking costs nothing.
 */
export function readMemoFileSync(file: string): string {
  return decodeMemo(readMemoBytes(file), file);
}

/** Reused by every read in this thread: a large run then allocates no buffer per file. */
let scratch = Buffer.allocUnsafe(64 * 1024);

/**
 * What identifies the content of a file on disk, as editors check before they save over it:
 * device and inode (the same file, not a replacement), size, modification and change times (any
 * write sets the change time, and it cannot be set back).
 */
export interface FileStamp {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
}

export function stampOf(stats: FileStamp): FileStamp {
  return { dev: stats.dev, ino: stats.ino, size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs };
}

export function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs;
}

/**
 * The bytes of a memo file, refusing folders and files over MAX_MEMO_BYTES. The result is a
 * view of a buffer the next call reuses: hash or decode it before reading another file.
 * open + read + close, no stat: a warm `--cache` run reads 10,000 files, and a stat per file
 * was a fifth of it.
 */
export function readMemoBytes(file: string): Uint8Array {
  return readBytes(file, false).bytes;
}

/**
 * The same, with the file's stamp, for writing it back (`--fix`): taken from the open file
 * before it is read, so a write that lands during the read shows as a changed stamp.
 */
export function readMemoBytesStamped(file: string): { bytes: Uint8Array; stamp: FileStamp } {
  return readBytes(file, true) as { bytes: Uint8Array; stamp: FileStamp };
}

function readBytes(file: string, stamped: boolean): { bytes: Uint8Array; stamp?: FileStamp } {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    throw fileSystemError(error, file);
  }
  try {
    const stamp = stamped ? stampOf(fstatSync(fd)) : undefined;
    let length = 0;
    for (;;) {
      if (length === scratch.length) {
        if (length > MAX_MEMO_BYTES) {
          const mb = (Math.max(fstatSync(fd).size, length) / (1024 * 1024)).toFixed(1);
          throw new MemoError(`file is ${mb} MB; memos over ${MAX_MEMO_BYTES / (1024 * 1024)} MB are refused`, { file, code: 'EINPUT' });
        }
        const bigger = Buffer.allocUnsafe(Math.min(scratch.length * 2, MAX_MEMO_BYTES + 1));
        scratch.copy(bigger, 0, 0, length);
        scratch = bigger;
      }
      const read = readSync(fd, scratch, length, scratch.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return { bytes: scratch.subarray(0, length), ...(stamp ? { stamp } : {}) };
  } catch (error) {
    if (error instanceof MemoError) throw error;
    throw fileSystemError(error, file);
  } finally {
    closeSync(fd);
  }
}

/** Read all of stdin as bytes. */
export async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
