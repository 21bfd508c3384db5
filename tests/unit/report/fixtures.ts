// Lint results for the formatter tests. `handResults()` is built by hand so the golden files do
// not move when a rule's wording changes; `lintMemos()` lints real memo text with the engine.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { summarize } from '../../../src/lint/summary.js';
import type { Finding, LintResult, Rule } from '../../../src/lint/types.js';
import type { FormatContext } from '../../../src/report/index.js';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const GOLDEN_DIR = fileURLToPath(new URL('../../fixtures/report/', import.meta.url));
/** A made-up checkout, so absolute paths in the output are the same on every machine. */
export const CWD = '/work/policy-memos';

/** A LintResult from findings: summary.ts needs no rules or parser, so these fixtures stay light. */
export function result(path: string, messages: Finding[], source = ''): LintResult {
  return summarize(path, messages, source);
}

export function finding(
  ruleId: string,
  severity: Finding['severity'],
  message: string,
  line: number,
  column: number,
  endLine: number,
  endColumn: number,
  fix?: Finding['fix'],
): Finding {
  return { ruleId, severity, message, line, column, endLine, endColumn, ...(fix ? { fix } : {}) };
}

const noop = () => undefined;

/** The registry's metadata, as far as the formatters read it (check is never called). */
export const fakeRules: Rule[] = [
  {
    id: 'front-matter',
    description: 'Front matter parses and has `type`, `title` and a real ISO `date`.',
    severity: 'error',
    fixable: false,
    check: noop,
  },
  {
    id: 'title',
    description: 'Exactly one `#` heading, first, equal to the type prefix plus the title.',
    severity: 'error',
    fixable: true,
    check: noop,
  },
  {
    id: 'dated-events',
    description: 'Events start with a date, run in order, and none is after the memo.',
    severity: 'error',
    fixable: true,
    defaults: { allowFuture: false },
    check: noop,
  },
  {
    id: 'back-to-top',
    description: 'Back to top links are where the memo type wants them.',
    severity: 'error',
    fixable: true,
    check: noop,
  },
  {
    id: 'placeholders',
    description: 'No `TK` markers or unfilled `{{...}}` placeholders are left.',
    severity: 'error',
    fixable: false,
    check: noop,
  },
];

export const BACKLASH_SOURCE = `---
type: rapid-response
title: Backlash to U.S. Strikes
date: 2019-12-31
---

# Memo: Backlash to U.S. Strikes

TK: one-paragraph lede.

## Sequence of Events

- **Dec. 29, 2019** — U.S. airstrikes hit Kataib Hezbollah positions.
- **Dec. 27, 2019** — An American contractor is killed near Kirkuk.
<!-- memo-lint-disable-next-line anchors -->
`;

/** Three files: one with errors, warnings and fixes; one clean; one with awkward characters. */
export function handResults(): LintResult[] {
  return [
    result(
      'memos/2019-12-31-backlash.md',
      [
        finding('placeholders', 'error', 'Unfinished text: "TK" marker; write the text it stands for, then remove the marker.', 9, 1, 9, 3),
        finding(
          'dated-events',
          'error',
          'Sequence of Events item 2 (Dec. 27, 2019) comes before item 1 (Dec. 29, 2019); events run oldest first.',
          14,
          3,
          14,
          66,
          { range: [200, 330], text: '- **Dec. 27, 2019** — …' },
        ),
        finding(
          'unused-disable',
          'warn',
          'Unused memo-lint-disable-next-line comment: no finding of anchors to suppress here; remove it.',
          15,
          1,
          15,
          45,
        ),
        finding(
          'back-to-top',
          'warn',
          'No "Back to top" link at the end; add [Back to top](#top) after the last section.',
          15,
          45,
          15,
          45,
          { range: [378, 378], text: '\n[Back to top](#top)\n' },
        ),
      ],
      BACKLASH_SOURCE,
    ),
    result('memos/clean.md', [], '---\ntype: statement\n---\n'),
    result(
      'memos/odd, name: "q&a" <draft>.md',
      [
        finding(
          'front-matter',
          'error',
          'Unknown memo type "<q&a>"; 100% of memos need a known type,\nlike "rapid-response".',
          2,
          7,
          2,
          14,
        ),
      ],
      '---\ntype: <q&a>\n---\n',
    ),
  ];
}

export function context(overrides: Partial<FormatContext> = {}): FormatContext {
  return { cwd: CWD, color: false, version: '1.2.3', rules: fakeRules, ...overrides };
}

/**
 * Compare with a golden file. `UPDATE_GOLDEN=1 npx vitest run tests/unit/report` rewrites it
 * from the real formatter; review the diff before keeping it.
 */
export function golden(name: string, actual: string): string {
  const file = `${GOLDEN_DIR}${name}`;
  if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(file, actual);
  if (!existsSync(file)) throw new Error(`golden file ${name} is missing; create it with UPDATE_GOLDEN=1 and review it`);
  return readFileSync(file, 'utf8');
}

// ---- the real engine, when the rules are all there --------------------------------------

export interface EngineApi {
  lint(path: string, text: string, only?: string[]): LintResult;
  rules: readonly Rule[];
}

let engine: Promise<EngineApi> | undefined;

/** The real engine with the built-in memo types and an empty config. Rejects if it does not load. */
export function loadEngine(): Promise<EngineApi> {
  engine ??= (async () => {
    const [{ lintText }, { emptyConfig }, { loadMemoTypes }, { rules }] = await Promise.all([
      import('../../../src/lint/engine.js'),
      import('../../../src/config/config.js'),
      import('../../../src/templates/load.js'),
      import('../../../src/lint/rules/index.js'),
    ]);
    const types = loadMemoTypes();
    return {
      rules,
      lint: (path, text, only) => lintText(text, { path, config: emptyConfig(), types, ...(only ? { only: new Set(only) } : {}) }),
    };
  })();
  return engine;
}
