// Reading memo files with clear errors: binary, UTF-16, invalid UTF-8, empty and oversized
// files are refused with one line that names the file (and the line, where there is one).
import { readFile, stat } from 'node:fs/promises';
import { MemoError, fileSystemError } from './errors.js';

/** Memos are a few kilobytes; anything this large is not a memo, and parsing it would stall a run. */
export const MAX_MEMO_BYTES = 2 * 1024 * 1024;

export function decodeMemo(bytes: Uint8Array, file: string): string {
  if (bytes.length > MAX_MEMO_BYTES) {
    const mb = (bytes.length / (1024 * 1024)).toFixed(1);
    throw new MemoError(`file is ${mb} MB; memos over ${MAX_MEMO_BYTES / (1024 * 1024)} MB are refused`, { file });
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new MemoError('file is UTF-16; save it as UTF-8', { file });
  }
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) throw new MemoError('file is binary, not a Markdown memo', { file });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Find the first bad byte to name its line.
    let line = 1;
    let valid = 0;
    for (let end = Math.min(bytes.length, 64); end <= bytes.length; end += 64) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end), { stream: true });
        valid = end;
      } catch {
        break;
      }
    }
    for (let i = 0; i < valid; i++) if (bytes[i] === 0x0a) line++;
    throw new MemoError('file is not valid UTF-8; save it as UTF-8', { file, line });
  }
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new MemoError('file is empty', { file });
  return text;
}

/** Read a memo file as text. Throws MemoError (exit 2) for anything that is not a readable UTF-8 memo. */
export async function readMemoFile(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new MemoError('is a folder, not a file', { file });
    if (info.size > MAX_MEMO_BYTES) {
      const mb = (info.size / (1024 * 1024)).toFixed(1);
      throw new MemoError(`file is ${mb} MB; memos over ${MAX_MEMO_BYTES / (1024 * 1024)} MB are refused`, { file });
    }
    bytes = await readFile(file);
  } catch (error) {
    if (error instanceof MemoError) throw error;
    throw fileSystemError(error, file);
  }
  return decodeMemo(bytes, file);
}

/** Read all of stdin as bytes. */
export async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
