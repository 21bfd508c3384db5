// placeholders: no `TK` markers or unfilled `{{...}}` left — text the writer still owes.
import type { Rule } from '../types.js';

const MARKERS = /\bTK\b|\{\{\s*[\w-]*\s*\}\}/g;
/** The same, once over the whole source (every per-line match is also a match here). */
const ANY_MARKER = new RegExp(MARKERS.source);

export const placeholders: Rule = {
  id: 'placeholders',
  description: 'No `TK` markers or unfilled `{{...}}` placeholders are left.',
  severity: 'error',
  fixable: false,
  check(memo, context) {
    // Most memos have no marker at all: one search of the whole text settles that.
    if (!ANY_MARKER.test(memo.source)) return;
    // Scan the source line by line (front matter included: a `{{title}}` there is unfinished too),
    // skipping fenced code, where TK may be meant literally.
    const lines = memo.source.split('\n');
    let offset = 0;
    let fence: string | undefined;
    lines.forEach((line, index) => {
      const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
      if (fenceMatch) fence = fence === undefined ? fenceMatch[1] : line.trim().startsWith(fence) ? undefined : fence;
      else if (fence === undefined) {
        for (const match of line.matchAll(MARKERS)) {
          const column = (match.index ?? 0) + 1;
          const start = { line: index + 1, column, offset: offset + column - 1 };
          const end = { line: index + 1, column: column + match[0].length, offset: start.offset + match[0].length };
          const what = match[0] === 'TK' ? '"TK" marker' : `unfilled placeholder ${match[0]}`;
          context.report({ message: `Unfinished text: ${what}; write the text it stands for, then remove the marker.`, at: { start, end } });
        }
      }
      offset += line.length + 1;
    });
  },
};
