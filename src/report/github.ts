// github: GitHub Actions workflow commands, one annotation per finding:
//   ::error file=memos/a.md,line=3,col=1,endLine=3,endColumn=9,title=placeholders::Unfinished text…
// Escaping as @actions/core does: `%`, CR and LF in the message; also `:` and `,` in properties.
import type { LintResult } from '../lint/types.js';
import { displayPath, normalizedRange, severityName, type FormatContext } from './context.js';

export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function github(results: LintResult[], context: FormatContext): string {
  let output = '';
  for (const result of results) {
    const file = escapeProperty(displayPath(result.path, context.cwd));
    for (const message of result.messages) {
      const { line, column, endLine, endColumn } = normalizedRange(message);
      const properties = [
        `file=${file}`,
        `line=${line}`,
        `col=${column}`,
        `endLine=${endLine}`,
        `endColumn=${endColumn}`,
        `title=${escapeProperty(message.fatal ? 'memokit' : message.ruleId)}`,
      ];
      output += `::${severityName(message.severity)} ${properties.join(',')}::${escapeData(message.message)}\n`;
    }
  }
  return output;
}
