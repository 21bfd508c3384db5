// Inline directives, ESLint-style:
//   <!-- memo-lint-disable [rule-id ...] [-- reason] -->            off from here (all rules when none named)
//   <!-- memo-lint-enable [rule-id ...] -->                         back on
//   <!-- memo-lint-disable-next-line [rule-id ...] [-- reason] -->  the line after the comment
//   <!-- memo-lint-disable-line [rule-id ...] [-- reason] -->       the line the comment is on
// A disable that suppresses nothing is itself reported (`unused-disable`, a warning), as ESLint
// does with unused directives. A `memo-lint-…` comment that is none of these is an error
// (`unknown-directive`) and disables nothing: read as a disable, `memo-lint-disable-lines x`
// would have turned rule x off for the rest of the file without a word.
import type { Comment, Span } from '../memo/model.js';
import { closeMatch, quotedList } from '../util/suggest.js';
import type { Finding, Rule, RuleSeverity } from './types.js';

export const DIRECTIVE_RULE_ID = 'unused-disable';
export const UNKNOWN_DIRECTIVE_ID = 'unknown-directive';

/** The pseudo-rules the directives report under, described like rules (SARIF lists them). */
export const directiveRules: readonly Pick<Rule, 'id' | 'description' | 'severity' | 'fixable'>[] = [
  {
    id: DIRECTIVE_RULE_ID,
    description: 'Every memo-lint-disable comment suppresses a finding and names only known rules.',
    severity: 'warn',
    fixable: false,
  },
  {
    id: UNKNOWN_DIRECTIVE_ID,
    description: 'Every memo-lint comment is a directive memokit knows.',
    severity: 'error',
    fixable: false,
  },
];

const KINDS = ['disable', 'enable', 'disable-next-line', 'disable-line'] as const;
type Kind = (typeof KINDS)[number];

interface DisableRange {
  /** Rule ids, or undefined for every rule. */
  ids: Set<string> | undefined;
  from: number;
  to: number;
  span: Span;
  kind: Kind;
  used: boolean;
}

const DIRECTIVE = /^memo-lint-(disable-next-line|disable-line|disable|enable)(?=\s|$)([\s\S]*)$/;
/** A comment meant as a directive: its first word is `memo-lint`, `memo-lint-…` or `memolint-…`. */
const ATTEMPT = /^memo-?lint(?:-\S*)?(?=\s|$)/i;

export interface DirectiveResult {
  findings: Finding[];
  /** Findings about the directives themselves (unused, unknown rule, unknown directive). */
  directiveFindings: Finding[];
}

function finding(span: Span, message: string, ruleId = DIRECTIVE_RULE_ID, severity: RuleSeverity = 'warn'): Finding {
  return {
    ruleId,
    severity,
    message,
    line: span.start.line,
    column: span.start.column,
    endLine: span.end.line,
    endColumn: span.end.column,
  };
}

function unknownDirective(comment: Comment, written: string): Finding {
  // Compared on what follows `memo-lint-` (`memo-lint enable`: the next word), so that the
  // shared prefix does not make every name look close.
  const kind = written.replace(/^memo-?lint-?/i, '') || (comment.text.split(/\s+/)[1] ?? '');
  const near = kind === '' ? undefined : closeMatch(kind, KINDS);
  const hint = near ? `did you mean "memo-lint-${near}"?` : `the directives are ${quotedList(KINDS.map((name) => `memo-lint-${name}`))}.`;
  return finding(comment.span, `Unknown directive "${written}"; ${hint} It disables nothing.`, UNKNOWN_DIRECTIVE_ID, 'error');
}

/** Drop findings that directives suppress; report directives that suppress nothing or are unknown. */
export function applyDirectives(comments: Comment[], findings: Finding[], knownRules: ReadonlyMap<string, unknown>): DirectiveResult {
  const ranges: DisableRange[] = [];
  const directiveFindings: Finding[] = [];
  for (const comment of comments) {
    const match = DIRECTIVE.exec(comment.text);
    if (!match) {
      const attempt = ATTEMPT.exec(comment.text);
      if (attempt) directiveFindings.push(unknownDirective(comment, attempt[0]));
      continue;
    }
    const kind = match[1] as Kind;
    const names =
      (match[2] ?? '')
        .split(/\s--\s|^--\s|\s--$/)[0]
        ?.split(/[\s,]+/)
        .filter(Boolean) ?? [];
    const unknown = names.filter((name) => !knownRules.has(name));
    for (const name of unknown) {
      const near = closeMatch(name, knownRules.keys());
      directiveFindings.push(
        finding(
          comment.span,
          `Unknown rule "${name}" in memo-lint-${kind} comment; ${near ? `did you mean "${near}"?` : 'check the rule id (see docs/rules/).'}`,
        ),
      );
    }
    const ids = names.length > 0 ? new Set(names.filter((name) => knownRules.has(name))) : undefined;
    if (ids && ids.size === 0) continue;
    if (kind === 'disable-next-line') {
      const line = comment.span.end.line + 1;
      ranges.push({ ids, from: line, to: line, span: comment.span, kind, used: false });
    } else if (kind === 'disable-line') {
      ranges.push({ ids, from: comment.span.start.line, to: comment.span.end.line, span: comment.span, kind, used: false });
    } else if (kind === 'disable') {
      ranges.push({ ids, from: comment.span.start.line, to: Infinity, span: comment.span, kind, used: false });
    } else {
      const line = comment.span.start.line;
      for (const range of ranges) {
        if (range.kind !== 'disable' || range.to !== Infinity) continue;
        if (!ids) range.to = line;
        else if (range.ids) {
          // Close the range here, and let the ids still disabled carry on in a new one (the
          // range's own ids must stay intact: they are what it suppressed before this line).
          const remaining = new Set([...range.ids].filter((id) => !ids.has(id)));
          if (remaining.size === range.ids.size) continue;
          range.to = line;
          if (remaining.size > 0)
            ranges.push({ ids: remaining, from: line, to: Infinity, span: range.span, kind: range.kind, used: false });
        }
      }
    }
  }
  if (ranges.length === 0) return { findings, directiveFindings };
  const kept = findings.filter((item) => {
    let suppressed = false;
    for (const range of ranges) {
      if (item.line >= range.from && item.line <= range.to && (!range.ids || range.ids.has(item.ruleId))) {
        range.used = true;
        suppressed = true;
      }
    }
    return !suppressed;
  });
  const usedComments = new Set(ranges.filter((range) => range.used).map((range) => range.span.start.offset));
  const reported = new Set<number>();
  for (const range of ranges) {
    // A comment split by a partial enable is used when any of its parts is.
    if (!usedComments.has(range.span.start.offset) && !reported.has(range.span.start.offset)) {
      reported.add(range.span.start.offset);
      const what = range.ids ? [...range.ids].join(', ') : 'any rule';
      directiveFindings.push(
        finding(range.span, `Unused memo-lint-${range.kind} comment: no finding of ${what} to suppress here; remove it.`),
      );
    }
  }
  return { findings: kept, directiveFindings };
}
