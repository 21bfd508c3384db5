// The import entry point for the CLI (and for library users): bytes or text in, the format
// sniffed unless given, the matching importer run. The HTML importer (rehype) loads only when
// the input is HTML.
import { createRequire } from 'node:module';
import { MemoError } from '../io/errors.js';
import { decodeMemo } from '../io/read.js';
import type { ImportOptions, ImportResult } from './blocks.js';
import { importText } from './text.js';

export type { ImportOptions, ImportResult, ImportWarning } from './blocks.js';
export type ImportFormat = 'text' | 'html';

/** HTML if it starts with `<!doctype`/`<html`, or has `<body` or `<p>` tags early; else text. */
export function sniffFormat(text: string): ImportFormat {
  const head = text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 4096);
  if (/^(?:<!doctype\s+html|<html[\s>])/i.test(head)) return 'html';
  if (/^<\?xml[^>]*>\s*(?:<!doctype\s+html|<html[\s>])/i.test(head)) return 'html';
  return /<body[\s>]|<p[\s>]|<article[\s>]|<h1[\s>]/i.test(head.slice(0, 2048)) ? 'html' : 'text';
}

/**
 * The legacy charset an HTML page (or XML prolog) declares in its head, when it is not UTF-8:
 * pages saved from older sites say `windows-1252` or `ISO-8859-1` and are not UTF-8. A UTF-8
 * byte-order mark wins, as in browsers.
 */
export function declaredCharset(bytes: Uint8Array, source: string): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return undefined;
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  const declared =
    /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1] ??
    /^\s*<\?xml\b[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1];
  if (declared === undefined || /^utf-?8$/i.test(declared)) return undefined;
  let encoding: string | undefined;
  try {
    // The WHATWG name of the label, as browsers read it (iso-8859-1 and latin1 are windows-1252).
    encoding = new TextDecoder(declared).encoding;
  } catch {
    encoding = undefined;
  }
  const iconv = createRequire(import.meta.url)('iconv-lite') as typeof import('iconv-lite');
  if (encoding === undefined || !iconv.encodingExists(encoding)) {
    throw new MemoError(`the page declares the charset "${declared}", which memokit cannot read; save it as UTF-8`, {
      file: source,
      code: 'EINPUT',
    });
  }
  return encoding;
}

/**
 * Import a published memo. `input` is the file's bytes (decoded with clear errors for binary,
 * UTF-16, invalid UTF-8, empty and oversized files) or already-decoded text.
 */
export async function importMemo(
  input: Uint8Array | string,
  options: ImportOptions & { from?: ImportFormat },
): Promise<ImportResult & { from: ImportFormat }> {
  const text = typeof input === 'string' ? input : decodeMemo(input, options.source, declaredCharset(input, options.source));
  const from = options.from ?? sniffFormat(text);
  if (from === 'html') {
    const { importHtml } = await import('./html.js');
    return { ...importHtml(text, options), from };
  }
  return { ...importText(text, options), from };
}
