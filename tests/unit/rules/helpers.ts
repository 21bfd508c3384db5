// Shared by the rule tests: read a fixture memo, lint it with one rule (or all), and boil the
// findings down to what the tests assert on — rule id, line, severity, message.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { emptyConfig } from '../../../src/config/config.js';
import type { Config } from '../../../src/config/config.js';
import { lintText } from '../../../src/lint/engine.js';
import type { Finding, LintResult } from '../../../src/lint/types.js';
import type { MemoType } from '../../../src/templates/structure.js';
import { loadMemoTypes } from '../../../src/templates/load.js';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/lint/', import.meta.url));
export const types = loadMemoTypes();

export function fixture(name: string): string {
  return readFileSync(`${FIXTURES}${name}`, 'utf8');
}

export interface LintWith {
  only?: string[] | undefined;
  fix?: boolean;
  config?: Config;
  types?: ReadonlyMap<string, MemoType>;
}

export function lint(source: string, options: LintWith = {}): LintResult {
  return lintText(source, {
    path: 'memo.md',
    config: options.config ?? emptyConfig(),
    types: options.types ?? types,
    ...(options.fix ? { fix: true } : {}),
    ...(options.only ? { only: new Set(options.only) } : {}),
  });
}

/** Findings of one rule on a fixture. */
export function findings(rule: string, name: string, options: LintWith = {}): Finding[] {
  return lint(fixture(name), { ...options, only: [rule] }).messages;
}

/** `rule-id:line` for each finding, the shape most assertions use. */
export function lines(list: Finding[]): string[] {
  return list.map((finding) => `${finding.ruleId}:${finding.line}`);
}

/** A config that gives one rule options. */
export function withOptions(rule: string, options: Record<string, unknown>): Config {
  return { ...emptyConfig(), rules: { [rule]: ['error', options] } };
}

/** Fix with one rule; return the output (or the source when nothing changed). */
export function fixWith(rule: string, source: string, options: LintWith = {}): string {
  const result = lint(source, { ...options, only: [rule], fix: true });
  return result.output ?? source;
}
