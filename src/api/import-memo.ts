// importMemo(): a memo published as plain text or a saved web page → memo Markdown, by the
// importer `memo import` runs, with every word accounted for in `report`.
import type { ImportFormat } from '../import/import.js';
import type { ImportReport, ImportResult, ImportWarning } from '../import/model.js';
import { MemoError } from '../io/errors.js';
import { assertOneOf } from './arguments.js';
import { chosenConfig, type ConfigChoice } from './config.js';

export type { ImportFormat, ImportReport, ImportWarning };

export interface ImportMemoOptions extends ConfigChoice {
  /** `text` or `html`. Default: sniffed from the content. */
  from?: ImportFormat;
  /** Use this memo type instead of inferring it from the sections found. */
  type?: string;
  /** Where the input came from, named in warnings and errors. Default `<text>`. */
  source?: string;
}

export interface ImportMemoResult extends ImportResult {
  /** The format read: as given, or as sniffed. */
  from: ImportFormat;
}

/**
 * Import a published memo: its text, or its bytes (a saved page's declared charset is honoured).
 * Input that is no memo text (binary, empty, too large, an unknown charset) is a MemoError `EINPUT`.
 */
export async function importMemo(input: string | Uint8Array, options: ImportMemoOptions = {}): Promise<ImportMemoResult> {
  if (typeof input !== 'string' && !(input instanceof Uint8Array))
    throw new MemoError('importMemo(): input must be a string or a Uint8Array', { code: 'EOPTION' });
  if (options.from !== undefined) assertOneOf('importMemo', 'options.from', options.from, ['text', 'html'] as const);
  const [{ importMemo: importAny }, { workingMemoTypes }] = await Promise.all([
    import('../import/import.js'),
    import('../templates/load.js'),
  ]);
  const config = chosenConfig(options);
  return importAny(input, {
    types: workingMemoTypes(config.templatesDir),
    source: options.source ?? '<text>',
    ...(options.from ? { from: options.from } : {}),
    ...(options.type ? { type: options.type } : {}),
  });
}
