// What `docx` and `pdf` need besides the memos, for `memo export`, `memo bundle` and the library
// alike: the house reference document (read now, so a bad one is one error before any work) and
// the Chromium and page size to print with (found now, so a missing browser is one error saying
// how to get one). The flags win over the config.
import { resolve } from 'node:path';
import type { Config } from '../config/config.js';

export interface BinaryFormatFlags {
  referenceDocx?: string;
  page?: 'letter' | 'a4';
  /** The Chromium to print with; default MEMOKIT_CHROMIUM, then `export.pdf.chromium`, then the usual places. */
  chromium?: string;
}

export interface BinaryFormatOptions {
  referenceDocx?: string;
  chromium?: string;
  page?: 'letter' | 'a4';
}

export async function binaryOptionsFromConfig(
  format: string,
  flags: BinaryFormatFlags,
  config: Config,
  cwd: string,
): Promise<BinaryFormatOptions> {
  if (format === 'docx') {
    const reference = flags.referenceDocx ? resolve(cwd, flags.referenceDocx) : config.export.docx?.reference;
    if (!reference) return {};
    (await import('./docx-styles.js')).readReferenceDocx(reference);
    return { referenceDocx: reference };
  }
  if (format !== 'pdf') return {};
  const { findChromium } = await import('./pdf.js');
  const chromium =
    flags.chromium ??
    findChromium({
      env: process.env['MEMOKIT_CHROMIUM'],
      configured: config.export.pdf?.chromium,
      configFile: config.files[0],
    });
  return { chromium, page: flags.page ?? config.export.pdf?.page ?? 'letter' };
}
