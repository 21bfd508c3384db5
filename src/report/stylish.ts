// stylish: ESLint's default look. Findings grouped by file (path underlined), one aligned line
// each — `line:col  severity  message  rule-id` — and a summary. Nothing at all when clean.
import { Chalk } from 'chalk';
import type { LintResult } from '../lint/types.js';
import { displayPath, severityName, type FormatContext } from './context.js';
import { pluralize } from '../util/plural.js';

export function stylish(results: LintResult[], context: FormatContext): string {
  const chalk = new Chalk({ level: context.color ? 1 : 0 });
  let output = '\n';
  let errorCount = 0;
  let warningCount = 0;
  let fixableErrorCount = 0;
  let fixableWarningCount = 0;

  for (const result of results) {
    // A file that could not be linted is already one error line on stderr; a terminal needs it once.
    if (result.messages.length === 0 || result.fatalErrorCount) continue;
    errorCount += result.errorCount;
    warningCount += result.warningCount;
    fixableErrorCount += result.fixableErrorCount;
    fixableWarningCount += result.fixableWarningCount;

    // Widths are measured on the plain text; colour goes on after padding.
    const rows = result.messages.map((message) => ({
      line: String(message.line || 0),
      column: String(message.column || 0),
      severity: severityName(message.severity),
      // ESLint drops a message's final period; newlines would break the alignment.
      text: message.message.replace(/\s*[\r\n]+\s*/g, ' ').replace(/([^ ])\.$/u, '$1'),
      ruleId: message.ruleId,
    }));
    const width = (pick: (row: (typeof rows)[number]) => string) => Math.max(...rows.map((row) => pick(row).length));
    const lineWidth = width((row) => row.line);
    const columnWidth = width((row) => row.column);
    const severityWidth = width((row) => row.severity);
    const textWidth = width((row) => row.text);

    output += `${chalk.underline(displayPath(result.path, context.cwd))}\n`;
    for (const row of rows) {
      const place = `${row.line.padStart(lineWidth)}:${row.column}`;
      const severity = row.severity === 'error' ? chalk.red(row.severity) : chalk.yellow(row.severity);
      const cells = [
        `  ${chalk.dim(place)}${' '.repeat(lineWidth + 1 + columnWidth - place.length)}`,
        `${severity}${' '.repeat(severityWidth - row.severity.length)}`,
        `${row.text}${' '.repeat(textWidth - row.text.length)}`,
        chalk.dim(row.ruleId),
      ];
      output += `${cells.join('  ').trimEnd()}\n`;
    }
    output += '\n';
  }

  const total = errorCount + warningCount;
  if (total === 0) return '';
  const summary = errorCount > 0 ? chalk.red.bold : chalk.yellow.bold;
  output += `${summary(`\u2716 ${total} ${pluralize('problem', total)} (${errorCount} ${pluralize('error', errorCount)}, ${warningCount} ${pluralize('warning', warningCount)})`)}\n`;
  if (fixableErrorCount > 0 || fixableWarningCount > 0) {
    output += `${summary(`  ${fixableErrorCount} ${pluralize('error', fixableErrorCount)} and ${fixableWarningCount} ${pluralize('warning', fixableWarningCount)} potentially fixable with the \`--fix\` option.`)}\n`;
  }
  return context.color ? chalk.reset(output) : output;
}
