// bundleMemos(): many memos → one newsletter issue (HTML, text, JSON Feed, RSS, Atom, DOCX, PDF),
// by the renderer `memo bundle` runs (export/bundle-render.ts), with the same settings and warnings.
import type { BundleFormat, BundleWarning } from '../export/bundle-render.js';
import type { BundleSort } from '../export/bundle.js';
import { MemoError } from '../io/errors.js';
import type { Memo } from '../memo/model.js';
import { assertOneOf, isList, isMemo } from './arguments.js';
import { chosenConfig, cwdOf, type ConfigChoice } from './config.js';
import { parseMemo } from './parse-memo.js';
import { binaryOptions, checkWidth, checkedBaseUrl, type PublishOptions } from './publish-options.js';

export type { BundleFormat, BundleSort, BundleWarning };

export interface BundleMemosOptions<F extends BundleFormat = BundleFormat> extends ConfigChoice, PublishOptions {
  /** Default `html`. */
  to?: F;
  /** The title. Default "Memos". */
  title?: string;
  /** Default `date-desc` (newest first); `input` keeps the order given. */
  sort?: BundleSort;
}

export interface BundleResult<F extends BundleFormat = BundleFormat> {
  output: F extends 'docx' | 'pdf' ? Uint8Array : string;
  /** Worth a look, the issue is made anyway: undated memos, placeholder feed ids, what the sanitizer removed. */
  warnings: BundleWarning[];
}

const FORMATS: readonly BundleFormat[] = ['html', 'text', 'json', 'rss', 'atom', 'docx', 'pdf'];
const SORTS: readonly BundleSort[] = ['date-desc', 'date-asc', 'input'];

/**
 * Bundle memos (Memos from parseMemo(), or memo texts) into one issue. The config is the one of
 * `cwd` (or `config`). A memo whose front matter cannot be read is refused (MemoError `EFRONTMATTER`).
 */
export async function bundleMemos<F extends BundleFormat = 'html'>(
  memos: readonly (Memo | string)[],
  options: BundleMemosOptions<F> = {},
): Promise<BundleResult<F>> {
  if (!isList(memos) || memos.length === 0)
    throw new MemoError('bundleMemos(): memos must be a non-empty array of memos or memo texts', { code: 'EOPTION' });
  const to = options.to ?? 'html';
  assertOneOf('bundleMemos', 'options.to', to, FORMATS);
  if (options.sort !== undefined) assertOneOf('bundleMemos', 'options.sort', options.sort, SORTS);
  if (options.title !== undefined && (typeof options.title !== 'string' || options.title.trim() === ''))
    throw new MemoError('bundleMemos(): title must be a non-empty string', { code: 'EOPTION' });
  checkWidth('bundleMemos', options);
  const baseUrl = checkedBaseUrl('bundleMemos', options);
  const cwd = cwdOf(options);
  const config = chosenConfig(options);
  const [{ assertReadable }, { renderBundle }, { layoutRoot }] = await Promise.all([
    import('../export/one.js'),
    import('../export/bundle-render.js'),
    import('../export/layout.js'),
  ]);
  const parsed: Memo[] = [];
  for (const [index, memo] of memos.entries()) {
    const one = typeof memo === 'string' ? await parseMemo(memo, { ...options, path: `<memo ${index + 1}>` }) : memo;
    if (!isMemo(one))
      throw new MemoError(`bundleMemos(): memos[${index}] is neither a Memo from parseMemo() nor a memo's text`, { code: 'EOPTION' });
    assertReadable(one);
    parsed.push(one);
  }
  const binary = await binaryOptions(to, options, config, cwd);
  const { output, warnings } = await renderBundle(
    parsed,
    {
      to,
      ...binary,
      ...(options.title !== undefined ? { title: options.title } : {}),
      ...(options.sort !== undefined ? { sort: options.sort } : {}),
      ...(options.email ? { email: true } : {}),
      ...(options.css !== undefined ? { css: options.css } : {}),
      ...(options.width !== undefined ? { width: options.width } : {}),
      ...(baseUrl !== undefined ? { baseUrl } : {}),
      root: layoutRoot(cwd, options.root, config.dir),
      cwd,
    },
    config,
  );
  return { output: output as BundleResult<F>['output'], warnings };
}
