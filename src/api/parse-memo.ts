// parseMemo(): a memo's text → the Memo model every command works from (front matter, title,
// lede, sections, takeaways, dated events, links), as `memo export` parses it.
import type { Memo } from '../memo/model.js';
import { parseMemoLoading } from '../memo/parse.js';
import { loadMemoTypes } from '../templates/load.js';
import { assertText } from './arguments.js';
import { chosenConfig, type ConfigChoice } from './config.js';

export interface ParseMemoOptions extends ConfigChoice {
  /** The memo's path: named in messages, and where its config is looked up from. Default `<text>`. */
  path?: string;
}

/**
 * Parse a memo. Never throws for what a writer typed: problems with the front matter are in
 * `memo.problems` (lintText() reports them as findings). A config or template error throws.
 */
export async function parseMemo(text: string, options: ParseMemoOptions = {}): Promise<Memo> {
  assertText('parseMemo', 'text', text);
  const path = options.path ?? '<text>';
  const config = chosenConfig(options, path);
  const types = loadMemoTypes(config.templatesDir);
  return parseMemoLoading(text, { path, types, ...(config.dateOrder ? { dateOrder: config.dateOrder } : {}) });
}
