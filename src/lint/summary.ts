// A LintResult from its findings: the counts reporters and exit codes read.
import type { Finding, LintResult, RuleSeverity } from './types.js';

export function summarize(path: string, messages: Finding[], source: LintResult['source'], output?: string): LintResult {
  const count = (severity: RuleSeverity, fixable: boolean) => messages.filter((m) => m.severity === severity && (!fixable || m.fix)).length;
  return {
    path,
    messages,
    errorCount: count('error', false),
    warningCount: count('warn', false),
    fixableErrorCount: count('error', true),
    fixableWarningCount: count('warn', true),
    ...(output !== undefined ? { output } : {}),
    source,
  };
}
