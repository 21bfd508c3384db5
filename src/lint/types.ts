// The lint vocabulary: rules (metadata as data + a check), the one finding shape every reporter
// formats, and fixes as data (`range` + replacement text) that the engine applies.
import type { Memo, Span } from '../memo/model.js';

export type RuleSeverity = 'error' | 'warn';

/** Replace `source.slice(range[0], range[1])` with `text`. Offsets are into `memo.source`. */
export interface Fix {
  range: [number, number];
  text: string;
}

/** One finding, vfile-message style: what, where, which rule, how bad, and an optional fix. */
export interface Finding {
  ruleId: string;
  severity: RuleSeverity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: Fix;
  /**
   * The file could not be linted at all (binary, empty, not UTF-8, too big, unreadable, too slow
   * to parse): ESLint's `fatal` message. No rule found it, so `ruleId` is ''.
   */
  fatal?: true;
}

export interface Report {
  message: string;
  at: Span;
  fix?: Fix;
  /** Lower a finding below the rule's severity (dated-events: a future date is only a warning). */
  severity?: 'warn';
}

export interface RuleContext {
  /** The rule's options: its defaults merged with the config's. */
  options: Record<string, unknown>;
  /** Names of every known memo type (front-matter names them when `type` is unknown). */
  knownTypes?: readonly string[];
  report(report: Report): void;
}

export interface Rule {
  id: string;
  /** One line: what the rule checks. */
  description: string;
  severity: RuleSeverity;
  fixable: boolean;
  /** Default option values; the config may override each. */
  defaults?: Record<string, unknown>;
  /** JSON Schema of the options object, used to validate the config. */
  optionsSchema?: Record<string, unknown>;
  check(memo: Memo, context: RuleContext): void;
}

export interface LintResult {
  path: string;
  messages: Finding[];
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** Findings that are `fatal` (the file could not be linted); absent when none. */
  fatalErrorCount?: number;
  /** The fixed text, when fixing changed anything. */
  output?: string;
  /**
   * The source that was linted (for reporters that show context): its text, or the UTF-8
   * bytes read from the file (a cached result), which the json report writes without decoding.
   */
  source: string | Uint8Array;
}
