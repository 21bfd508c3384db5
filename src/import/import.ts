// The import entry point for the CLI (and for library users): bytes or text in, the format
// sniffed unless given, the matching importer run. The HTML importer (rehype) loads only when
// the input is HTML.
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
 * Import a published memo. `input` is the file's bytes (decoded with clear errors for binary,
 * UTF-16, invalid UTF-8, empty and oversized files) or already-decoded text.
 */
export async function importMemo(
  input: Uint8Array | string,
  options: ImportOptions & { from?: ImportFormat },
): Promise<ImportResult & { from: ImportFormat }> {
  const text = typeof input === 'string' ? input : decodeMemo(input, options.source);
  const from = options.from ?? sniffFormat(text);
  if (from === 'html') {
    const { importHtml } = await import('./html.js');
    return { ...importHtml(text, options), from };
  }
  return { ...importText(text, options), from };
}
