// A LintResult from its findings: the counts reporters and exit codes read.
import type { Finding, LintResult, RuleSeverity } from './types.js';

export function summarize(path: string, messages: Finding[], source: LintResult['source'], output?: string): LintResult {
  // Most files have no findings (a warm --cache run summarises every file): nothing to count.
  if (messages.length === 0 && output === undefined)
    return { path, messages, errorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0, source };
  const count = (severity: RuleSeverity, fixable: boolean) => messages.filter((m) => m.severity === severity && (!fixable || m.fix)).length;
  return {
    path,
    messages,
    errorCount: count('error', false),
    warningCount: count('warn', false),
    fixableErrorCount: count('error', true),
    fixableWarningCount: count('warn', true),
    ...(messages.some((m) => m.fatal) ? { fatalErrorCount: messages.filter((m) => m.fatal).length } : {}),
    ...(output !== undefined ? { output } : {}),
    source,
  };
}

/**
 * The result of a file that could not be linted: one fatal error finding, so every report (json,
 * sarif, junit, github) lists the file instead of leaving it out of a run that exits 2.
 */
export function fatalResult(path: string, error: { message: string; line?: number | undefined }): LintResult {
  const line = error.line ?? 1;
  const finding: Finding = {
    ruleId: '',
    severity: 'error',
    message: error.message,
    line,
    column: 1,
    endLine: line,
    endColumn: 1,
    fatal: true,
  };
  return summarize(path, [finding], '');
}
