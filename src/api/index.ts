// memokit as a library: `import { lintText } from 'memokit'`. Every function here is the code
// path the `memo` command runs, without the printing and exiting: results and warnings come back
// as data, failures as a MemoError with a `code` (and `file`, `line` where there is one).
// docs/api.md documents each, with an example the tests run.
export { MemoError, type MemoErrorCode } from '../io/errors.js';
export type { Config } from '../config/config.js';
export type { Memo, Section, ListItem, Heading, Link, Paragraph, FrontMatter, Span, Point, ParseProblem } from '../memo/model.js';
export type { EventDate } from '../memo/event-date.js';
export { loadConfig, type ConfigChoice, type LoadConfigOptions } from './config.js';
export { parseMemo, type ParseMemoOptions } from './parse-memo.js';
export {
  lintText,
  lintFiles,
  type LintTextOptions,
  type LintFilesOptions,
  type LintFilesResult,
  type LintFileResult,
  type LintMessage,
} from './lint.js';
export { applyFixes, type Fixable } from './apply-fixes.js';
export { exportMemo, type ExportMemoOptions, type ExportResult, type ExportFormat, type ExportWarning } from './export-memo.js';
export {
  bundleMemos,
  type BundleMemosOptions,
  type BundleResult,
  type BundleFormat,
  type BundleSort,
  type BundleWarning,
} from './bundle-memos.js';
export {
  importMemo,
  type ImportMemoOptions,
  type ImportMemoResult,
  type ImportFormat,
  type ImportReport,
  type ImportWarning,
} from './import-memo.js';
export { listTemplates, scaffold, type ScaffoldFields, type ScaffoldResult, type TemplateInfo } from './templates.js';
