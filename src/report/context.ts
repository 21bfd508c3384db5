// What every formatter receives besides the results, and the small helpers they share: paths
// relative to the working folder (forward slashes), severity names and numbers.
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Finding, LintResult, Rule, RuleSeverity } from '../lint/types.js';

export interface FormatContext {
  /** Paths in the output are relative to this folder. */
  cwd: string;
  /** Colour (ANSI) in the output; only `stylish` uses it. */
  color: boolean;
  /** memokit's version, for the SARIF tool driver. */
  version: string;
  /** Rule metadata (the registry), for SARIF's rule descriptors. */
  rules: readonly Rule[];
}

/** A formatter is a plain function from results to text (ESLint's shape), or to UTF-8 bytes (json). */
export type Formatter = (results: LintResult[], context: FormatContext) => string | Uint8Array;

/** Paths like `<stdin>` or `<text>` name no file: they are shown as they are. */
function isPseudoPath(path: string): boolean {
  return /^<[^<>]*>$/.test(path);
}

/** The absolute path of a result (ESLint's `filePath`). Found files' paths already are. */
export function absolutePath(path: string, cwd: string): string {
  return isAbsolute(path) || isPseudoPath(path) ? path : resolve(cwd, path);
}

/** The path to show: relative to `cwd`, with forward slashes on every platform. */
export function displayPath(path: string, cwd: string): string {
  if (isPseudoPath(path)) return path;
  const absolute = resolve(cwd, path);
  const rel = relative(resolve(cwd), absolute);
  // Outside `cwd` the path keeps its `../`; on another drive (Windows) `relative` gives it absolute.
  const shown = rel === '' ? absolute : rel;
  return sep === '\\' ? shown.split(sep).join('/') : shown;
}

export function severityName(severity: RuleSeverity): 'error' | 'warning' {
  return severity === 'error' ? 'error' : 'warning';
}

/** ESLint's severity numbers: 1 warning, 2 error. */
export function severityNumber(severity: RuleSeverity): 1 | 2 {
  return severity === 'error' ? 2 : 1;
}

/** A position that every consumer accepts: lines and columns at least 1, the end not before the start. */
export function normalizedRange(finding: Finding): { line: number; column: number; endLine: number; endColumn: number } {
  const line = Math.max(1, finding.line || 1);
  const column = Math.max(1, finding.column || 1);
  let endLine = Math.max(1, finding.endLine || line);
  let endColumn = Math.max(1, finding.endColumn || column);
  if (endLine < line || (endLine === line && endColumn < column)) {
    endLine = line;
    endColumn = column;
  }
  return { line, column, endLine, endColumn };
}
