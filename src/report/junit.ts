// junit: JUnit XML for CI test-report views. One <testsuite> per file, one failing <testcase>
// per finding (type = rule id, location and message in the body), one passing case for a clean file,
// and an <error> case for a file that could not be linted at all (a fatal finding).
import type { LintResult } from '../lint/types.js';
import { displayPath, severityName, type FormatContext } from './context.js';

// XML 1.0 allows tab, LF, CR and everything from U+0020 except lone surrogates, U+FFFE and U+FFFF.
const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escape text for element content. */
export function escapeXmlText(value: string): string {
  return value.replace(INVALID_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escape text for a double-quoted attribute; line breaks and tabs as references, so parsers keep them. */
export function escapeXmlAttribute(value: string): string {
  return escapeXmlText(value)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

function attributes(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([name, value]) => ` ${name}="${escapeXmlAttribute(String(value))}"`)
    .join('');
}

export function junit(results: LintResult[], context: FormatContext): string {
  const lines = ['<?xml version="1.0" encoding="utf-8"?>'];
  const total = results.reduce((sum, result) => sum + Math.max(1, result.messages.length), 0);
  const errors = results.reduce((sum, result) => sum + (result.fatalErrorCount ?? 0), 0);
  const failures = results.reduce((sum, result) => sum + result.messages.length, 0) - errors;
  lines.push(`<testsuites${attributes({ name: 'memokit', tests: total, failures, errors, time: 0 })}>`);
  for (const result of results) {
    const path = displayPath(result.path, context.cwd);
    const count = result.messages.length;
    const fatal = result.fatalErrorCount ?? 0;
    lines.push(
      `  <testsuite${attributes({ name: path, tests: Math.max(1, count), failures: count - fatal, errors: fatal, skipped: 0, time: 0 })}>`,
    );
    if (count === 0) {
      lines.push(`    <testcase${attributes({ name: 'memo-lint', classname: path, time: 0 })}/>`);
    }
    for (const message of result.messages) {
      if (message.fatal) {
        // JUnit's <error>: the check could not run, as opposed to a <failure> it found.
        lines.push(`    <testcase${attributes({ name: 'memo-lint', classname: path, time: 0 })}>`);
        lines.push(
          `      <error${attributes({ message: message.message, type: 'fatal' })}>${escapeXmlText(`${path}: ${message.message}`)}</error>`,
        );
        lines.push('    </testcase>');
        continue;
      }
      const severity = severityName(message.severity);
      const name = `${message.ruleId} ${message.line}:${message.column}`;
      const body = `${path}:${message.line}:${message.column}: ${severity}: ${message.message} (${message.ruleId})`;
      lines.push(`    <testcase${attributes({ name, classname: path, time: 0 })}>`);
      lines.push(`      <failure${attributes({ message: message.message, type: message.ruleId })}>${escapeXmlText(body)}</failure>`);
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}
