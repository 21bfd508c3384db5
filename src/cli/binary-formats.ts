// What `--to docx` and `--to pdf` need before any memo is read, for `memo export` and `memo
// bundle` alike: a file or a pipe to write bytes to (never a terminal), the house reference
// document (read now, so a bad one is one line before any work), and the Chromium and page size
// to print with (found now, so a missing browser is one line, exit 2, saying how to get one).
import { resolve } from 'node:path';
import type { Config } from '../config/config.js';
import { MemoError } from '../io/errors.js';

export interface BinaryFormatFlags {
  output?: string;
  referenceDocx?: string;
  page?: 'letter' | 'a4';
}

export interface BinaryFormatOptions {
  referenceDocx?: string;
  chromium?: string;
  page?: 'letter' | 'a4';
}

export async function binaryFormatOptions(
  format: string,
  flags: BinaryFormatFlags,
  config: Config,
  cwd: string,
  writesOne: boolean,
): Promise<BinaryFormatOptions> {
  if (format !== 'docx' && format !== 'pdf') return {};
  if (writesOne && (!flags.output || flags.output === '-') && process.stdout.isTTY) {
    throw new MemoError(`--to ${format} writes a binary file, not text for a terminal; give -o FILE (or redirect stdout to a file)`);
  }
  if (format === 'docx') {
    const reference = flags.referenceDocx ? resolve(cwd, flags.referenceDocx) : config.export.docx?.reference;
    if (!reference) return {};
    (await import('../export/docx-styles.js')).readReferenceDocx(reference);
    return { referenceDocx: reference };
  }
  const { findChromium } = await import('../export/pdf.js');
  const chromium = findChromium({
    env: process.env['MEMOKIT_CHROMIUM'],
    configured: config.export.pdf?.chromium,
    configFile: config.files[0],
  });
  return { chromium, page: flags.page ?? config.export.pdf?.page ?? 'letter' };
}
