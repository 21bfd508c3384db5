// What exportMemo() and bundleMemos() take alike: how the output looks and where it is published,
// and the checks both make on them.
import type { Config } from '../config/config.js';
import type { BinaryFormatOptions } from '../export/binary-options.js';
import { MemoError } from '../io/errors.js';
import { parseBaseUrl } from '../util/base-url.js';

export interface PublishOptions {
  /** HTML: inline the styles for email clients (Outlook-safe; the command's --email). */
  email?: boolean;
  /** HTML, PDF: stylesheet text that replaces the built-in one (default: the file `export.css` names). */
  css?: string;
  /** Text: wrap at this many columns (0: no wrapping). Default `export.width`, else 72. */
  width?: number;
  /** The URL the exported memos are published at: links are made absolute (feeds, HTML). */
  baseUrl?: string;
  /** With `baseUrl` and for feed ids: the folder memo paths are taken from. Default: the config's folder, else `cwd`. */
  root?: string;
  /** DOCX: a house .docx whose styles replace memokit's. Default `export.docx.reference`. */
  referenceDocx?: string;
  /** PDF: page size. Default `export.pdf.page`, else letter. */
  page?: 'letter' | 'a4';
  /** PDF: the Chromium to print with. Default MEMOKIT_CHROMIUM, `export.pdf.chromium`, then the usual places. */
  chromium?: string;
}

/** `baseUrl` as a folder URL (`…/memos/`), or a MemoError `EOPTION` saying what is wrong with it. */
export function checkedBaseUrl(fn: string, options: PublishOptions): string | undefined {
  if (options.baseUrl === undefined) return undefined;
  const checked = parseBaseUrl(options.baseUrl);
  if ('problem' in checked) throw new MemoError(`${fn}(): baseUrl: ${checked.problem}`, { code: 'EOPTION' });
  return checked.url;
}

/** `width` as the command takes it: a whole number of columns. */
export function checkWidth(fn: string, options: PublishOptions): void {
  if (options.width !== undefined && !(Number.isInteger(options.width) && options.width >= 0))
    throw new MemoError(`${fn}(): width must be a whole number of columns (0: no wrapping), not ${String(options.width)}`, {
      code: 'EOPTION',
    });
}

/** DOCX and PDF: the reference document (read now) and the Chromium and page size, options before config. */
export async function binaryOptions(to: string, options: PublishOptions, config: Config, cwd: string): Promise<BinaryFormatOptions> {
  const { binaryOptionsFromConfig } = await import('../export/binary-options.js');
  return binaryOptionsFromConfig(
    to,
    {
      ...(options.referenceDocx !== undefined ? { referenceDocx: options.referenceDocx } : {}),
      ...(options.page !== undefined ? { page: options.page } : {}),
      ...(options.chromium !== undefined ? { chromium: options.chromium } : {}),
    },
    config,
    cwd,
  );
}
