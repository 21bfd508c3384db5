// placeholders: no `TK` markers or unfilled `{{...}}` left — text the writer still owes.
import type { Nodes } from 'mdast';
import type { Rule } from '../types.js';

const MARKERS = /\bTK\b|\{\{\s*[\w-]*\s*\}\}/g;
/** The same, once over the whole source (every per-line match is also a match here). */
const ANY_MARKER = new RegExp(MARKERS.source);

/** Source ranges (offsets) of code, fenced, indented or inline, as the parser read it. */
function codeRanges(node: Nodes, ranges: [number, number][]): [number, number][] {
  if (node.type === 'code' || node.type === 'inlineCode') {
    const { start, end } = node.position ?? {};
    if (start?.offset !== undefined && end?.offset !== undefined) ranges.push([start.offset, end.offset]);
  } else if ('children' in node) {
    for (const child of node.children) codeRanges(child, ranges);
  }
  return ranges;
}

export const placeholders: Rule = {
  id: 'placeholders',
  description: 'No `TK` markers or unfilled `{{...}}` placeholders are left.',
  severity: 'error',
  fixable: false,
  check(memo, context) {
    // Most memos have no marker at all: one search of the whole text settles that.
    if (!ANY_MARKER.test(memo.source)) return;
    // Scan the source line by line (front matter included: a `title: TK` there is unfinished too),
    // skipping code, where TK may be meant literally. Where code is comes from the tree, so a
    // fence is what CommonMark says it is (inside list items, not closed by "```js"...).
    const code = codeRanges(memo.tree, []);
    const inCode = (offset: number) => code.some(([start, end]) => offset >= start && offset < end);
    let offset = 0;
    memo.source.split('\n').forEach((line, index) => {
      for (const match of line.matchAll(MARKERS)) {
        const column = (match.index ?? 0) + 1;
        const start = { line: index + 1, column, offset: offset + column - 1 };
        if (inCode(start.offset)) continue;
        const end = { line: index + 1, column: column + match[0].length, offset: start.offset + match[0].length };
        const what = match[0] === 'TK' ? '"TK" marker' : `unfilled placeholder ${match[0]}`;
        context.report({ message: `Unfinished text: ${what}; write the text it stands for, then remove the marker.`, at: { start, end } });
      }
      offset += line.length + 1;
    });
  },
};
