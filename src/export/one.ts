// Export one memo file: read, parse once, optionally lint (--strict), then run the exporter.
// Exporters are imported on demand so `--to text` never loads rehype or juice.
import { readFile } from 'node:fs/promises';
import type { Config } from '../config/config.js';
import { MemoError, fileSystemError } from '../io/errors.js';
import { readMemoFile } from '../io/read.js';
import { parseMemoLoading } from '../memo/parse.js';
import type { Memo } from '../memo/model.js';
import { loadMemoTypes } from '../templates/load.js';
import type { ExportWarning } from './html-screen.js';
import type { ExportFormat } from './layout.js';
import { strictErrors } from './strict.js';

export interface ExportOneOptions {
  /** `pdf` renders the HTML that is printed (byline shown, print-only CSS added); export/pdf-batch.ts prints it. */
  to: ExportFormat;
  /** DOCX: a house .docx whose styles replace memokit's (`--reference-docx`; else `export.docx.reference`). */
  referenceDocx?: string;
  email?: boolean;
  fragment?: boolean;
  /** Stylesheet text (already read). */
  css?: string;
  width?: number;
  strict?: boolean;
  /** HTML: the published out-dir's URL (a folder); with `root`, every link is made absolute against the memo's page. */
  baseUrl?: string;
  /** The folder pages are laid out from under `baseUrl`. */
  root?: string;
}

export interface ExportOutcome {
  /** The export; a DOCX as bytes. */
  text: string | Uint8Array;
  /** HTML: what the sanitizer removed from the memo (the CLI prints these; the export still succeeds). */
  warnings?: ExportWarning[];
  /** With --strict: the lint errors that refused the memo, as `line:col message (rule)`. */
  refused?: string[];
}

export async function loadCss(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw fileSystemError(error, file);
  }
}

/** Refuse a memo whose front matter cannot be read at all: an export (or a bundle entry) would be garbage. */
export function assertReadable(memo: Memo): void {
  const problem = memo.problems[0];
  if (problem) throw new MemoError(problem.message, { file: memo.path, line: problem.span.start.line, code: 'EFRONTMATTER' });
}

/** The memo in the format asked for; an HTML export adds what its sanitizer removed to `warnings`. */
export async function renderMemo(
  memo: Memo,
  options: ExportOneOptions,
  config: Config,
  warnings?: ExportWarning[],
  file?: string,
): Promise<string | Uint8Array> {
  const settings = config.export;
  if (options.to === 'html' || options.to === 'pdf') {
    const { exportHtml } = await import('./html.js');
    const css = options.css ?? (settings.css ? await loadCss(settings.css) : undefined);
    const print = options.to === 'pdf' ? await printParts(memo, css) : undefined;
    const page =
      options.baseUrl !== undefined && options.root !== undefined && file !== undefined
        ? (await import('./feed-places.js')).pageUrlOf(file, options.root, options.baseUrl)
        : undefined;
    return exportHtml(memo, {
      ...(page !== undefined ? { baseUrl: page } : {}),
      ...(warnings ? { warnings } : {}),
      ...(options.fragment && !print ? { fragment: true } : {}),
      ...(options.email && !print ? { email: true } : {}),
      ...(print ? print : css !== undefined ? { css } : {}),
      ...(settings.lang ? { lang: settings.lang } : {}),
      ...(settings.dateFormat ? { dateFormat: settings.dateFormat } : {}),
    });
  }
  if (options.to === 'docx') {
    const [{ exportDocx }, { readReferenceDocx }] = await Promise.all([import('./docx.js'), import('./docx-styles.js')]);
    const reference = options.referenceDocx ?? settings.docx?.reference;
    return exportDocx(memo, {
      ...(reference ? { reference: readReferenceDocx(reference) } : {}),
      ...(settings.lang ? { lang: settings.lang } : {}),
      ...(settings.dateFormat ? { dateFormat: settings.dateFormat } : {}),
    });
  }
  if (options.to === 'text') {
    const { exportText } = await import('./text.js');
    const width = options.width ?? settings.width;
    return exportText(memo, {
      ...(width !== undefined ? { width } : {}),
      ...(settings.dateFormat ? { dateFormat: settings.dateFormat } : {}),
    });
  }
  const { exportJson } = await import('./json.js');
  return `${JSON.stringify(exportJson(memo), null, 2)}\n`;
}

/** What the printed HTML adds: the byline under the title, and the print-only rules after the stylesheet. */
async function printParts(memo: Memo, css: string | undefined): Promise<{ css: string; byline?: string }> {
  const [{ byline }, { PDF_CSS }, { MEMO_CSS }] = await Promise.all([import('./byline.js'), import('./pdf.js'), import('./style.css.js')]);
  const by = byline(memo);
  return { css: `${css ?? MEMO_CSS}\n${PDF_CSS}`, ...(by ? { byline: by } : {}) };
}

export async function exportOne(file: string, shown: string, options: ExportOneOptions, config: Config): Promise<ExportOutcome> {
  const text = await readMemoFile(file).catch((error: unknown) => {
    if (error instanceof MemoError)
      throw new MemoError(error.message, { file: shown, ...(error.line ? { line: error.line } : {}), code: error.code });
    throw error;
  });
  const types = loadMemoTypes(config.templatesDir);
  const memo = await parseMemoLoading(text, { path: shown, types, ...(config.dateOrder ? { dateOrder: config.dateOrder } : {}) });
  return exportParsed(memo, options, config, file);
}

/**
 * A parsed memo's export (`memo export` per file, the library's exportMemo()): refused when its
 * front matter cannot be read, left out with its lint errors under `strict`, else rendered.
 * `file` (its full path) places it under `root` for `baseUrl`.
 */
export async function exportParsed(memo: Memo, options: ExportOneOptions, config: Config, file?: string): Promise<ExportOutcome> {
  assertReadable(memo);
  if (options.strict) {
    const errors = await strictErrors(memo.source, memo.path, config, loadMemoTypes(config.templatesDir));
    if (errors.length > 0) return { text: '', refused: errors };
  }
  const warnings: ExportWarning[] = [];
  const rendered = await renderMemo(memo, options, config, warnings, file);
  return warnings.length > 0 ? { text: rendered, warnings } : { text: rendered };
}
