// Runs the rules over a parsed Memo: resolves severities and options from the config (with
// per-type overrides), applies inline directives, and applies fixes (data from the rules)
// until none applies. Never prints, never exits: the CLI does that.
import type { Config } from '../config/config.js';
import type { Memo } from '../memo/model.js';
import { parseMemo, withFullParser, type ParseOptions } from '../memo/parse.js';
import type { MemoType } from '../templates/structure.js';
import { applyDirectives } from './directives.js';
import { rules, rulesById } from './rules/index.js';
import { normalizeSetting } from './settings.js';
import { summarize } from './summary.js';
import { applyFixes } from './fixes.js';
import type { Finding, LintResult, Rule, RuleSeverity } from './types.js';

export { applyFixes, summarize };

export interface ActiveRule {
  rule: Rule;
  severity: RuleSeverity;
  options: Record<string, unknown>;
}

/** The rules that run for a memo of `type`, with their severities and options. */
export function activeRules(config: Config, type: string | undefined, only?: ReadonlySet<string>): ActiveRule[] {
  const settings = { ...config.rules, ...(type ? config.types[type]?.rules : undefined) };
  const active: ActiveRule[] = [];
  for (const rule of rules) {
    if (only && !only.has(rule.id)) continue;
    const setting = settings[rule.id];
    const { severity, options } = setting ? normalizeSetting(setting) : {};
    const level = severity ?? rule.severity;
    if (level === 'off') continue;
    active.push({ rule, severity: level, options: { ...rule.defaults, ...options } });
  }
  return active;
}

function runRules(memo: Memo, active: ActiveRule[], knownTypes: readonly string[]): Finding[] {
  const findings: Finding[] = [];
  for (const { rule, severity, options } of active) {
    rule.check(memo, {
      options,
      knownTypes,
      report(report) {
        findings.push({
          ruleId: rule.id,
          // A rule may lower a finding (to a warning), never raise it above the configured level.
          severity: report.severity === 'warn' ? 'warn' : severity,
          message: report.message,
          line: report.at.start.line,
          column: report.at.start.column,
          endLine: report.at.end.line,
          endColumn: report.at.end.column,
          ...(rule.fixable && report.fix ? { fix: report.fix } : {}),
        });
      },
    });
  }
  return findings;
}

export interface LintOptions {
  path: string;
  config: Config;
  types: ReadonlyMap<string, MemoType>;
  fix?: boolean;
  /** Run only these rules (tests and docs examples). */
  only?: ReadonlySet<string>;
}

const MAX_FIX_PASSES = 10;

function lintParsed(memo: Memo, options: LintOptions): Finding[] {
  const active = activeRules(options.config, memo.type, options.only);
  const raw = runRules(memo, active, [...options.types.keys()].sort());
  const { findings, directiveFindings } = applyDirectives(memo.comments, raw, rulesById);
  return [...findings, ...directiveFindings].sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
}

/** How the linter parses: CommonMark only (no rule reads GFM), numeric dates as the config says. */
function memoOptions(options: LintOptions): ParseOptions {
  const { dateOrder } = options.config;
  return { path: options.path, types: options.types, gfm: false, ...(dateOrder ? { dateOrder } : {}) };
}

/** lintText, loading the full parser when the memo (or a fixed version of it) needs them. */
export function lintTextLoading(text: string, options: LintOptions): Promise<LintResult> {
  return withFullParser(() => lintText(text, options));
}

/**
 * Lint one memo's text. With `fix`, fixes are applied and the text re-linted until stable.
 * Throws FullParserNeeded for a memo the fast parsers decline, until loadFullParser() ran.
 */
export function lintText(text: string, options: LintOptions): LintResult {
  let memo = parseMemo(text, memoOptions(options));
  // Fixed text is re-parsed without the byte-order mark; remember it to write it back.
  const bom = memo.bom;
  let findings = lintParsed(memo, options);
  let output: string | undefined;
  if (options.fix) {
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      const fixed = applyFixes(
        memo.source,
        findings.flatMap((item) => (item.fix ? [item.fix] : [])),
      );
      if (fixed === undefined) break;
      output = fixed;
      memo = parseMemo(fixed, memoOptions(options));
      findings = lintParsed(memo, options);
    }
  }
  return summarize(
    options.path,
    findings,
    bom ? `\uFEFF${memo.source}` : memo.source,
    output === undefined ? undefined : bom ? `\uFEFF${output}` : output,
  );
}
