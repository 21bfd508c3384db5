// json: ESLint's result shape, so tools that read `eslint --format json` read memokit too.
// `source` only when there are messages and nothing was fixed; `output` only when something was.
import type { Finding, LintResult } from '../lint/types.js';
import { absolutePath, severityNumber, type FormatContext } from './context.js';
import { jsonStringFromUtf8 } from './json-string.js';

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

/** One result's entry, without `source` (json() adds it, from bytes where it has them). */
function jsonEntry(result: LintResult, cwd: string): JsonResult {
  const entry: JsonResult = {
    filePath: absolutePath(result.path, cwd),
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
  return entry;
}

/** Whether the entry carries the source: findings, and no fixed output instead. */
function showsSource(result: LintResult): boolean {
  return result.output === undefined && result.messages.length > 0;
}

export function toJsonResults(results: LintResult[], context: Pick<FormatContext, 'cwd'>): JsonResult[] {
  return results.map((result) => {
    const entry = jsonEntry(result, context.cwd);
    if (showsSource(result)) entry.source = typeof result.source === 'string' ? result.source : new TextDecoder().decode(result.source);
    return entry;
  });
}

/**
 * The report as UTF-8 bytes. Each entry is JSON.stringify'd; a source held as bytes (a file
 * read for the cache) is escaped as bytes and spliced in before the entry's closing brace.
 */
export function json(results: LintResult[], context: FormatContext): Buffer {
  const pieces: Buffer[] = [];
  let text = '[';
  results.forEach((result, index) => {
    if (index > 0) text += ',';
    const entry = JSON.stringify(jsonEntry(result, context.cwd));
    if (!showsSource(result)) {
      text += entry;
      return;
    }
    // `{…}` → `{…,"source":"…"}`
    text += `${entry.slice(0, -1)},"source":`;
    if (typeof result.source === 'string') {
      text += `${JSON.stringify(result.source)}}`;
      return;
    }
    pieces.push(Buffer.from(text), jsonStringFromUtf8(result.source));
    text = '}';
  });
  pieces.push(Buffer.from(`${text}]\n`));
  return Buffer.concat(pieces);
}
