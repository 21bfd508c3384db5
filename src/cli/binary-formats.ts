// What `--to docx` and `--to pdf` need before any memo is read, for `memo export` and `memo
// bundle` alike: a file or a pipe to write bytes to (never a terminal), then the reference
// document and Chromium (export/binary-options.ts, shared with the library).
import type { Config } from '../config/config.js';
import { binaryOptionsFromConfig, type BinaryFormatOptions } from '../export/binary-options.js';
import { MemoError } from '../io/errors.js';

export interface BinaryFormatFlags {
  output?: string;
  referenceDocx?: string;
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
    throw new MemoError(`--to ${format} writes a binary file, not text for a terminal; give -o FILE (or redirect stdout to a file)`, {
      code: 'EOPTION',
    });
  }
  return binaryOptionsFromConfig(
    format,
    { ...(flags.referenceDocx ? { referenceDocx: flags.referenceDocx } : {}), ...(flags.page ? { page: flags.page } : {}) },
    config,
    cwd,
  );
}
