// Inline directives, ESLint-style:
//   <!-- memo-lint-disable [rule-id ...] [-- reason] -->       off from here (all rules when none named)
//   <!-- memo-lint-enable [rule-id ...] -->                    back on
//   <!-- memo-lint-disable-next-line [rule-id ...] [-- reason] -->
// A disable that suppresses nothing is itself reported, as ESLint does with unused directives.
import type { Comment, Span } from '../memo/model.js';
import type { Finding } from './types.js';

export const DIRECTIVE_RULE_ID = 'unused-disable';

interface DisableRange {
  /** Rule ids, or undefined for every rule. */
  ids: Set<string> | undefined;
  from: number;
  to: number;
  span: Span;
  kind: string;
  used: boolean;
}

const DIRECTIVE = /^memo-lint-(disable-next-line|disable|enable)\b([\s\S]*)$/;

export interface DirectiveResult {
  findings: Finding[];
  /** Warnings about the directives themselves (unused, unknown rule). */
  directiveFindings: Finding[];
}

function finding(span: Span, message: string): Finding {
  return {
    ruleId: DIRECTIVE_RULE_ID,
    severity: 'warn',
    message,
    line: span.start.line,
    column: span.start.column,
    endLine: span.end.line,
    endColumn: span.end.column,
  };
}

/** Drop findings that directives suppress; report directives that suppress nothing. */
export function applyDirectives(comments: Comment[], findings: Finding[], knownRules: { has(id: string): boolean }): DirectiveResult {
  const ranges: DisableRange[] = [];
  const directiveFindings: Finding[] = [];
  for (const comment of comments) {
    const match = DIRECTIVE.exec(comment.text);
    if (!match) continue;
    const kind = match[1] as string;
    const names =
      (match[2] ?? '')
        .split(/\s--\s|^--\s|\s--$/)[0]
        ?.split(/[\s,]+/)
        .filter(Boolean) ?? [];
    const unknown = names.filter((name) => !knownRules.has(name));
    for (const name of unknown)
      directiveFindings.push(
        finding(comment.span, `Unknown rule "${name}" in memo-lint-${kind} comment; check the rule id (see docs/rules/).`),
      );
    const ids = names.length > 0 ? new Set(names.filter((name) => knownRules.has(name))) : undefined;
    if (ids && ids.size === 0) continue;
    if (kind === 'disable-next-line') {
      const line = comment.span.end.line + 1;
      ranges.push({ ids, from: line, to: line, span: comment.span, kind, used: false });
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
