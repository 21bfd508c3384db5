// json: ESLint's result shape, so tools that read `eslint --format json` read memokit too.
// `source` only when there are messages and nothing was fixed; `output` only when something was.
import type { Finding, LintResult } from '../lint/types.js';
import { absolutePath, severityNumber, type FormatContext } from './context.js';

/** A Finding with ESLint's numeric severity (1 warning, 2 error). */
export type JsonMessage = Omit<Finding, 'severity'> & { severity: 1 | 2 };

export interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  output?: string;
  source?: string;
}

export function toJsonResults(results: LintResult[], context: Pick<FormatContext, 'cwd'>): JsonResult[] {
  return results.map((result) => {
    const entry: JsonResult = {
      filePath: absolutePath(result.path, context.cwd),
      messages: result.messages.map((message) => ({
        ruleId: message.ruleId,
        severity: severityNumber(message.severity),
        message: message.message,
        line: message.line,
        column: message.column,
        endLine: message.endLine,
        endColumn: message.endColumn,
        ...(message.fix ? { fix: { range: [message.fix.range[0], message.fix.range[1]], text: message.fix.text } } : {}),
      })),
      errorCount: result.errorCount,
      warningCount: result.warningCount,
      fixableErrorCount: result.fixableErrorCount,
      fixableWarningCount: result.fixableWarningCount,
    };
    if (result.output !== undefined) entry.output = result.output;
    else if (result.messages.length > 0) entry.source = result.source;
    return entry;
  });
}

export function json(results: LintResult[], context: FormatContext): string {
  return `${JSON.stringify(toJsonResults(results, context))}\n`;
}
