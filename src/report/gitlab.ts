// gitlab: a GitLab Code Quality report (the subset of the Code Climate spec GitLab reads), for
// `artifacts: reports: codequality:`. A JSON array, one issue per finding:
//   { description, check_name, fingerprint, severity, location: { path, lines: { begin } } }
// GitLab matches issues across pipelines by fingerprint, so it leaves the line number out: it
// hashes the path, the rule, the message (line numbers in it masked), the text of the finding's
// line, and a counter for findings that share all of those. Inserting lines above a finding keeps
// its fingerprint; two findings never share one.
import { createHash } from 'node:crypto';
import type { Finding, LintResult } from '../lint/types.js';
import { displayPath, normalizedRange, type FormatContext } from './context.js';

export type GitlabSeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

export interface GitlabIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: GitlabSeverity;
  location: { path: string; lines: { begin: number } };
}

/** The check name of a file that could not be linted (no rule found it). */
export const FATAL_CHECK = 'memokit';

function severity(finding: Finding): GitlabSeverity {
  // A file that could not be linted was not checked at all: worse than any one finding.
  if (finding.fatal) return 'critical';
  return finding.severity === 'error' ? 'major' : 'minor';
}

/** "… (first on line 12)", "the comments on lines 3, 5 and 9": the numbers move with the text. */
function stableMessage(message: string): string {
  return message.replace(/\b(lines?) \d+(?:(?:, | and )\d+)*/gi, '$1 N');
}

/** The source's lines, trimmed and with runs of white space as one space; none when not kept. */
function sourceLines(source: string | Uint8Array): string[] {
  const text = typeof source === 'string' ? source : new TextDecoder('utf-8').decode(source);
  if (text === '') return [];
  return text.split(/\r\n|\r|\n/).map((line) => line.trim().replace(/\s+/g, ' '));
}

export function toGitlabIssues(results: LintResult[], context: Pick<FormatContext, 'cwd'>): GitlabIssue[] {
  const issues: GitlabIssue[] = [];
  for (const result of results) {
    if (result.messages.length === 0) continue;
    const path = displayPath(result.path, context.cwd);
    const lines = sourceLines(result.source);
    const seen = new Map<string, number>();
    for (const message of result.messages) {
      const { line } = normalizedRange(message);
      const checkName = message.fatal ? FATAL_CHECK : message.ruleId;
      const key = [path, checkName, stableMessage(message.message), lines[line - 1] ?? ''].join('\0');
      const occurrence = seen.get(key) ?? 0;
      seen.set(key, occurrence + 1);
      issues.push({
        description: message.message,
        check_name: checkName,
        fingerprint: createHash('sha256').update(`${key}\0${occurrence}`).digest('hex'),
        severity: severity(message),
        location: { path, lines: { begin: line } },
      });
    }
  }
  return issues;
}

export function gitlab(results: LintResult[], context: FormatContext): string {
  return `${JSON.stringify(toGitlabIssues(results, context), null, 2)}\n`;
}
