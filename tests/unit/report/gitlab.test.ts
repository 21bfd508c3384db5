import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { fatalResult } from '../../../src/lint/summary.js';
import { gitlab, type GitlabIssue } from '../../../src/report/gitlab.js';
import { BACKLASH_SOURCE, context, finding, handResults, result } from './fixtures.js';

const schema = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../fixtures/schemas/gitlab-code-quality.json', import.meta.url)), 'utf8'),
) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

function issues(output: string): GitlabIssue[] {
  expect(output.endsWith('\n')).toBe(true);
  return JSON.parse(output) as GitlabIssue[];
}

function expectValid(value: unknown): void {
  const ok = validate(value);
  expect(ok ? [] : validate.errors).toEqual([]);
}

describe('gitlab', () => {
  it("validates against the fields GitLab's Code Quality docs require, one issue per finding", () => {
    const output = issues(gitlab(handResults(), context()));
    expectValid(output);
    expect(output).toHaveLength(5);
    expect(output[0]).toEqual({
      description: 'Unfinished text: "TK" marker; write the text it stands for, then remove the marker.',
      check_name: 'placeholders',
      fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
      severity: 'major',
      location: { path: 'memos/2019-12-31-backlash.md', lines: { begin: 9 } },
    });
    expect(output.map((issue) => [issue.check_name, issue.severity, issue.location.lines.begin])).toEqual([
      ['placeholders', 'major', 9],
      ['dated-events', 'major', 14],
      ['unused-disable', 'minor', 15],
      ['back-to-top', 'minor', 15],
      ['front-matter', 'major', 2],
    ]);
    expect(output[4]!.location.path).toBe('memos/odd, name: "q&a" <draft>.md');
  });

  it('the schema check can fail (no fingerprint, an unknown severity, an absolute path, line 0)', () => {
    const output = issues(gitlab(handResults(), context()));
    const broken = (change: (issue: Record<string, unknown> & GitlabIssue) => void) => {
      const copy = structuredClone(output) as (Record<string, unknown> & GitlabIssue)[];
      change(copy[0]!);
      return validate(copy);
    };
    expect(broken((issue) => delete (issue as Record<string, unknown>)['fingerprint'])).toBe(false);
    expect(broken((issue) => ((issue as Record<string, unknown>)['severity'] = 'error'))).toBe(false);
    expect(broken((issue) => (issue.location.path = '/work/policy-memos/memos/a.md'))).toBe(false);
    expect(broken((issue) => (issue.location.lines.begin = 0))).toBe(false);
  });

  it('is an empty array for a clean run (GitLab needs a JSON file either way)', () => {
    expect(gitlab([result('memos/a.md', [])], context())).toBe('[]\n');
  });

  it('gives every finding its own fingerprint, duplicates on one line included', () => {
    const same = finding('placeholders', 'error', 'Unfinished text: "TK" marker.', 9, 1, 9, 3);
    const output = issues(
      gitlab(
        [...handResults(), result('memos/dup.md', [same, { ...same, column: 5 }, { ...same, line: 10 }], 'a\n'.repeat(12))],
        context(),
      ),
    );
    expectValid(output);
    expect(new Set(output.map((issue) => issue.fingerprint)).size).toBe(output.length);
  });

  it('keeps fingerprints when lines are inserted above the findings', () => {
    const lint = (shift: number) => {
      const source = '\n'.repeat(shift) + BACKLASH_SOURCE;
      const at = (line: number) => line + shift;
      return issues(
        gitlab(
          [
            result(
              'memos/b.md',
              [
                finding('placeholders', 'error', 'Unfinished text: "TK" marker.', at(9), 1, at(9), 3),
                finding('dated-events', 'error', 'Item 2 comes before item 1; events run oldest first.', at(14), 3, at(14), 66),
                finding(
                  'title',
                  'error',
                  `Title heading must come first, but content starts on line ${at(8)}; move it up.`,
                  at(7),
                  1,
                  at(7),
                  30,
                ),
              ],
              source,
            ),
          ],
          context(),
        ),
      );
    };
    const before = lint(0);
    const after = lint(3);
    expect(after.map((issue) => issue.location.lines.begin)).toEqual(before.map((issue) => issue.location.lines.begin + 3));
    expect(after.map((issue) => issue.fingerprint)).toEqual(before.map((issue) => issue.fingerprint));
    expect(new Set(before.map((issue) => issue.fingerprint)).size).toBe(3);
  });

  it('reads the line text from bytes too (a cached result), to the same fingerprint', () => {
    const messages = [finding('placeholders', 'error', 'Unfinished text: "TK" marker.', 9, 1, 9, 3)];
    const fromText = issues(gitlab([result('memos/b.md', messages, BACKLASH_SOURCE)], context()));
    const fromBytes = issues(
      gitlab(
        [result('memos/b.md', messages, '')].map((r) => ({ ...r, source: Buffer.from(BACKLASH_SOURCE) })),
        context(),
      ),
    );
    expect(fromBytes[0]!.fingerprint).toBe(fromText[0]!.fingerprint);
  });

  it('fingerprints the same finding in another file differently', () => {
    const messages = [finding('placeholders', 'error', 'Unfinished text: "TK" marker.', 9, 1, 9, 3)];
    const [a] = issues(gitlab([result('memos/a.md', messages, BACKLASH_SOURCE)], context()));
    const [b] = issues(gitlab([result('memos/b.md', messages, BACKLASH_SOURCE)], context()));
    expect(a!.fingerprint).not.toBe(b!.fingerprint);
  });
});

describe('gitlab: a file that could not be linted', () => {
  it('is a critical issue on the file, checked by memokit', () => {
    const output = issues(
      gitlab([fatalResult('/work/policy-memos/memos/bin.md', { message: 'invalid UTF-8, first at line 3', line: 3 })], context()),
    );
    expectValid(output);
    expect(output).toEqual([
      {
        description: 'invalid UTF-8, first at line 3',
        check_name: 'memokit',
        fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
        severity: 'critical',
        location: { path: 'memos/bin.md', lines: { begin: 3 } },
      },
    ]);
  });
});
