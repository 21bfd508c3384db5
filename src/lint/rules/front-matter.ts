// front-matter: the YAML parses; `type`, `title` and `date` are there; `date` is a real ISO
// date; `type` names a known memo type (and, when it does not, a near one is suggested);
// every other key is one memokit reads or the type's template declares (a warning: `summry:`
// is silently left out of every export otherwise).
import { FRONT_MATTER_KEYS } from '../../memo/model.js';
import { closeMatch } from '../../util/suggest.js';
import type { Rule } from '../types.js';
import { at } from './shared.js';

const ZERO = { line: 1, column: 1, offset: 0 };
const EXAMPLES: Record<string, string> = {
  type: 'type: rapid-response',
  title: 'title: Backlash to U.S. Strikes in Iraq',
  date: 'date: 2019-12-31',
};

/** What a YAML value is, for a message: `a number`, `a mapping`... */
function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'an empty entry';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'boolean') return 'true or false';
  return `a ${typeof value}`;
}

export const frontMatter: Rule = {
  id: 'front-matter',
  description: 'Front matter is valid YAML with `type`, `title` and a real ISO `date`, `type` is a known memo type, and no key is unknown.',
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

    // `author` is one name or a list of names; anything else would vanish from every export.
    const author = data['author'];
    const isName = (value: unknown) => typeof value === 'string';
    if (author !== undefined && author !== null && !(Array.isArray(author) ? author.every(isName) : isName(author))) {
      const what = Array.isArray(author) ? `a list holding ${kindOf(author.find((value) => !isName(value)))}` : kindOf(author);
      context.report({
        message: `Front matter \`author\` must be a name or a list of names, not ${what}; write it like \`author: Dana Reyes\` or \`author: [Dana Reyes, Omid Farahani]\`.`,
        at: fieldSpan('author'),
      });
    }

    // `id` names the memo in feeds for good (docs/export.md, "Feeds"); a number or a list would be dropped.
    const id = data['id'];
    if (id !== undefined && id !== null && (typeof id !== 'string' || id.trim() === '')) {
      context.report({
        message: `Front matter \`id\` must be text, not ${typeof id === 'string' ? 'blank' : kindOf(id)}; write it like \`id: tag:example.org,2019-12-31:iraq-strikes\` or \`id: iraq-strikes\`.`,
        at: fieldSpan('id'),
      });
    }

    if (memo.typeProblem !== undefined) {
      context.report({
        message: `Memo type "${memo.type}" cannot be checked: its template is broken (${memo.typeProblem}); fix the template.`,
        at: fieldSpan('type'),
      });
    } else if (memo.type !== undefined && memo.type !== '' && memo.memoType === undefined) {
      const known = context.knownTypes ?? [];
      const near = closeMatch(memo.type, known);
      const message =
        known.length === 0
          ? `Unknown memo type "${memo.type}"; no memo types are loaded (check the templates folder).`
          : near
            ? `Unknown memo type "${memo.type}"; did you mean "${near}"? Known types: ${known.join(', ')}.`
            : `Unknown memo type "${memo.type}"; known types: ${known.join(', ')}.`;
      context.report({ message, at: fieldSpan('type') });
    }

    // A memo of an unknown type may carry keys its (missing) template would declare: only the
    // type is reported then.
    if (memo.type !== undefined && memo.memoType === undefined) return;
    const keys = [...FRONT_MATTER_KEYS, ...(memo.memoType?.frontMatter ?? [])];
    for (const key of Object.keys(data)) {
      if (keys.includes(key)) continue;
      const near = closeMatch(key, keys);
      context.report({
        message: near
          ? `Front matter has an unknown key \`${key}\`; did you mean \`${near}\`?`
          : `Front matter has an unknown key \`${key}\`; known keys: ${keys.join(', ')} (a memo type's template may declare more under \`frontMatter:\`).`,
        at: fieldSpan(key),
        severity: 'warn',
      });
    }
  },
};
