// A memo's byline ("By Dana Reyes and Sam Ortiz"), shared by the bundle and the DOCX and PDF
// exports. Its own small module so that an exporter gets it without the HTML pipeline.
import { toString } from 'mdast-util-to-string';
import type { Memo } from '../memo/model.js';
import { namesInProse } from '../util/names.js';

/**
 * "By Dana Reyes", "By Dana Reyes and Sam Ortiz", "By A, B and C": the memo's authors under its
 * title. Undefined without authors, or when the memo's own text already has a byline naming
 * them (an op-ed template's `By {{author}}.`), which would then be doubled.
 */
export function byline(memo: Memo): string | undefined {
  const first = memo.authors[0];
  if (first === undefined) return undefined;
  const own = memo.tree.children.some(
    (node) => node.type === 'paragraph' && /^by\s/i.test(toString(node)) && toString(node).includes(first),
  );
  return own ? undefined : `By ${namesInProse(memo.authors)}`;
}
