// json: ESLint's result shape, so tools that read `eslint --format json` read memokit too.
// `source` only when there are messages and nothing was fixed; `output` only when something was.
import type { LintResult } from '../lint/types.js';
import type { JsonFatalMessage, JsonMessage, JsonResult } from './json-shape.js';
import { absolutePath, severityNumber, type FormatContext } from './context.js';
import { Utf8Writer } from './json-string.js';

export type { JsonFatalMessage, JsonMessage, JsonResult };

/** One result's entry, without `source` (json() adds it, from bytes where it has them). */
function jsonEntry(result: LintResult, cwd: string): JsonResult {
  const entry: JsonResult = {
    filePath: absolutePath(result.path, cwd),
    messages: result.messages.map((message): JsonMessage | JsonFatalMessage => {
      if (message.fatal)
        return { ruleId: null, fatal: true, severity: 2, message: message.message, line: message.line, column: message.column };
      return {
        ruleId: message.ruleId,
        severity: severityNumber(message.severity),
        message: message.message,
        line: message.line,
        column: message.column,
        endLine: message.endLine,
        endColumn: message.endColumn,
        ...(message.fix ? { fix: { range: [message.fix.range[0], message.fix.range[1]], text: message.fix.text } } : {}),
      };
    }),
    errorCount: result.errorCount,
    fatalErrorCount: result.fatalErrorCount ?? 0,
    warningCount: result.warningCount,
    fixableErrorCount: result.fixableErrorCount,
    fixableWarningCount: result.fixableWarningCount,
  };
  if (result.output !== undefined) entry.output = result.output;
  return entry;
}

/** Whether the entry carries the source: findings, and no fixed output instead (a fatal result has no source). */
function showsSource(result: LintResult): boolean {
  return result.output === undefined && result.messages.length > 0 && result.fatalErrorCount === undefined;
}

export function toJsonResults(results: LintResult[], context: Pick<FormatContext, 'cwd'>): JsonResult[] {
  return results.map((result) => {
    const entry = jsonEntry(result, context.cwd);
    // ignoreBOM: a byte-order mark stays in the source, as json() writes it.
    if (showsSource(result))
      entry.source =
        typeof result.source === 'string' ? result.source : new TextDecoder('utf-8', { ignoreBOM: true }).decode(result.source);
    return entry;
  });
}

/**
 * The report as UTF-8 bytes. Each entry is JSON.stringify'd; a source held as bytes (a file
 * read for the cache or by a worker) is escaped as bytes and spliced in before the closing brace.
 */
export function json(results: LintResult[], context: FormatContext): Buffer {
  // Room up front for ~200 bytes per entry and finding, the paths and the sources: growing a
  // large report by copying cost more than writing it (a finding-free entry is 127 bytes and its
  // path). The writer asks for a source's worst case (every byte escaped to six) before escaping
  // it, so there is room for that of the largest one too: without it, the last sources of a large
  // report made the writer copy all of it into a buffer twice the size. Room that is never
  // written costs no memory (its pages are never touched).
  let size = 64;
  let largest = 0;
  for (const result of results) {
    const source = showsSource(result) ? result.source.length : 0;
    size += 200 * (1 + result.messages.length) + result.path.length + context.cwd.length + source * 1.1;
    if (source > largest) largest = source;
  }
  size += largest * 6 + 2;
  const out = new Utf8Writer(size);
  out.text('[');
  results.forEach((result, index) => {
    const comma = index > 0 ? ',' : '';
    // Most files have no findings: their entry is written without building an object first.
    if (result.messages.length === 0 && result.output === undefined) {
      const counts = `"errorCount":${result.errorCount},"fatalErrorCount":0,"warningCount":${result.warningCount},"fixableErrorCount":${result.fixableErrorCount},"fixableWarningCount":${result.fixableWarningCount}`;
      out.text(`${comma}{"filePath":${JSON.stringify(absolutePath(result.path, context.cwd))},"messages":[],${counts}}`);
      return;
    }
    const entry = JSON.stringify(jsonEntry(result, context.cwd));
    if (!showsSource(result)) {
      out.text(`${comma}${entry}`);
    } else if (typeof result.source === 'string') {
      out.text(`${comma}${entry.slice(0, -1)},"source":${JSON.stringify(result.source)}}`);
    } else {
      // `{…}` → `{…,"source":"…"}`
      out.text(`${comma}${entry.slice(0, -1)},"source":`);
      out.jsonString(result.source);
      out.text('}');
    }
  });
  out.text(']\n');
  return out.bytes();
}
