// front-matter: the YAML parses; `type`, `title` and `date` are there; `date` is a real ISO
// date; `type` names a known memo type (and, when it does not, the nearest one is suggested).
import { closest } from 'fastest-levenshtein';
import type { Rule } from '../types.js';
import { at } from './shared.js';

const ZERO = { line: 1, column: 1, offset: 0 };
const EXAMPLES: Record<string, string> = {
  type: 'type: rapid-response',
  title: 'title: Backlash to U.S. Strikes in Iraq',
  date: 'date: 2019-12-31',
};

export const frontMatter: Rule = {
  id: 'front-matter',
  description: 'Front matter is valid YAML with `type`, `title` and a real ISO `date`, and `type` is a known memo type.',
  severity: 'error',
  fixable: false,
  check(memo, context) {
    for (const problem of memo.problems) context.report({ message: problem.message, at: problem.span });
    const block = memo.frontMatter;
    if (!block) {
      if (memo.problems.length === 0) {
        context.report({
          message:
            'Memo has no front matter; start the file with a `---` block giving `type`, `title` and `date` (e.g. `type: rapid-response`, `date: 2019-12-31`), closed by `---`.',
          at: at(ZERO),
        });
      }
      return;
    }
    // Invalid YAML leaves the data empty: the YAML error is the one finding, not three "missing" ones.
    if (memo.problems.length > 0) return;
    const data = block.data;
    const fieldSpan = (key: string) => block.keySpans[key] ?? block.span;

    for (const key of ['type', 'title', 'date'] as const) {
      const value = data[key];
      if (value === undefined || value === null || value === '') {
        context.report({
          message: `Front matter has no \`${key}\`; add a line like \`${EXAMPLES[key]}\`.`,
          at: value === undefined ? at(block.span.start) : fieldSpan(key),
        });
      } else if (typeof value !== 'string') {
        context.report({
          message: `Front matter \`${key}\` must be text, not ${Array.isArray(value) ? 'a list' : typeof value}; write it like \`${EXAMPLES[key]}\`.`,
          at: fieldSpan(key),
        });
      }
    }

    const date = data['date'];
    if (typeof date === 'string' && date !== '' && memo.date === undefined) {
      context.report({
        message: `Front matter \`date\` is "${date}", not a real ISO date; write it as YYYY-MM-DD, like \`date: 2019-12-31\`.`,
        at: fieldSpan('date'),
      });
    }

    if (memo.typeProblem !== undefined) {
      context.report({
        message: `Memo type "${memo.type}" cannot be checked: its template is broken (${memo.typeProblem}); fix the template.`,
        at: fieldSpan('type'),
      });
    } else if (memo.type !== undefined && memo.type !== '' && memo.memoType === undefined) {
      const known = context.knownTypes ?? [];
      const message =
        known.length === 0
          ? `Unknown memo type "${memo.type}"; no memo types are loaded (check the templates folder).`
          : `Unknown memo type "${memo.type}"; did you mean "${closest(memo.type, [...known])}"? Known types: ${known.join(', ')}.`;
      context.report({ message, at: fieldSpan('type') });
    }
  },
};
