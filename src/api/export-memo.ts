// exportMemo(): one memo as HTML, plain text, JSON, DOCX or PDF, by the exporters `memo export`
// runs (export/one.ts renderMemo), with the same config settings (export.css, lang, width…).
import { resolve } from 'node:path';
import type { ExportWarning } from '../export/html-screen.js';
import type { ExportFormat } from '../export/layout.js';
import { MemoError } from '../io/errors.js';
import type { Memo } from '../memo/model.js';
import { assertOneOf, isMemo } from './arguments.js';
import { chosenConfig, cwdOf, isPseudoPath, type ConfigChoice } from './config.js';
import { parseMemo } from './parse-memo.js';
import { binaryOptions, checkWidth, checkedBaseUrl, type PublishOptions } from './publish-options.js';

export type { ExportFormat, ExportWarning };

export interface ExportMemoOptions<F extends ExportFormat = ExportFormat> extends ConfigChoice, PublishOptions {
  to: F;
  /** When `memo` is text: its path, for messages and to find its config. Default `<text>`. */
  path?: string;
  /** HTML: the memo's `<article>` only, no page around it. */
  fragment?: boolean;
  /** Refuse a memo with lint errors: a MemoError `ELINT` listing them. */
  strict?: boolean;
}

export interface ExportResult<F extends ExportFormat = ExportFormat> {
  /** The export: bytes for DOCX and PDF, text for the rest. */
  output: F extends 'docx' | 'pdf' ? Uint8Array : string;
  /** HTML, PDF: what the sanitizer removed from the memo (raw HTML, scripts…); the export still succeeded. */
  warnings: ExportWarning[];
}

const FORMATS: readonly ExportFormat[] = ['html', 'text', 'json', 'docx', 'pdf'];

/**
 * Export a memo: a Memo from parseMemo(), or its text. A memo whose front matter cannot be read
 * is refused (MemoError `EFRONTMATTER`, with its line), as `memo export` refuses it.
 */
export async function exportMemo<F extends ExportFormat>(memo: Memo | string, options: ExportMemoOptions<F>): Promise<ExportResult<F>> {
  assertOneOf('exportMemo', 'options.to', options?.to, FORMATS);
  checkWidth('exportMemo', options);
  const baseUrl = checkedBaseUrl('exportMemo', options);
  const cwd = cwdOf(options);
  const parsed = typeof memo === 'string' ? await parseMemo(memo, { ...options, ...(options.path ? { path: options.path } : {}) }) : memo;
  if (!isMemo(parsed)) throw new MemoError("exportMemo(): memo must be a Memo from parseMemo() or a memo's text", { code: 'EOPTION' });
  const config = chosenConfig(options, parsed.path);
  // A page URL needs the memo's place under the root; a memo named `<text>` has none.
  if (baseUrl !== undefined && isPseudoPath(parsed.path))
    throw new MemoError("exportMemo(): baseUrl needs the memo's path (options.path, or parseMemo's) to know its page's URL", {
      code: 'EOPTION',
    });
  const [{ exportParsed }, { layoutRoot }] = await Promise.all([import('../export/one.js'), import('../export/layout.js')]);
  const binary = await binaryOptions(options.to, options, config, cwd);
  const placed = baseUrl !== undefined;
  const outcome = await exportParsed(
    parsed,
    {
      to: options.to,
      ...(binary.referenceDocx ? { referenceDocx: binary.referenceDocx } : {}),
      ...(options.email ? { email: true } : {}),
      ...(options.fragment ? { fragment: true } : {}),
      ...(options.css !== undefined ? { css: options.css } : {}),
      ...(options.width !== undefined ? { width: options.width } : {}),
      ...(options.strict ? { strict: true } : {}),
      ...(placed ? { baseUrl, root: layoutRoot(cwd, options.root, config.dir) } : {}),
    },
    config,
    placed ? resolve(cwd, parsed.path) : undefined,
  );
  if (outcome.refused)
    throw new MemoError(`has lint errors (strict): ${outcome.refused.join('; ')}`, { file: parsed.path, exitCode: 1, code: 'ELINT' });
  const warnings = outcome.warnings ?? [];
  const rendered = outcome.text;
  let output: string | Uint8Array = rendered;
  if (options.to === 'pdf') {
    const { printMemoPdf } = await import('../export/pdf.js');
    output = await printMemoPdf(String(rendered), binary.chromium as string, binary.page ?? 'letter');
  }
  return { output: output as ExportResult<F>['output'], warnings };
}
