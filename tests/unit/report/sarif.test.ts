import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AjvDraft04 from 'ajv-draft-04';
import type { Log, ReportingDescriptor } from 'sarif';
import { describe, expect, it } from 'vitest';
import { fatalResult } from '../../../src/lint/summary.js';
import { sarif } from '../../../src/report/sarif.js';
import { CWD, context, fakeRules, finding, handResults, ROOT, result } from './fixtures.js';

const schema = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../fixtures/schemas/sarif-2.1.0-rtm.5.json', import.meta.url)), 'utf8'),
) as object;

// The schema has a pattern (`^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`) that is invalid with the `u` flag.
// ajv-formats is not installed: the three formats the schema uses, checked strictly enough here.
const URI_CHARS = /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;
// ajv-draft-04 is CommonJS typed as an ES module: under NodeNext its class is the default import's `default`.
const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
ajv.addFormat('uri', (value: string) => URI_CHARS.test(value) && /^[A-Za-z][A-Za-z0-9+.-]*:/.test(value));
ajv.addFormat('uri-reference', (value: string) => URI_CHARS.test(value));
ajv.addFormat('date-time', (value: string) => /^\d{4}-\d\d-\d\dT/.test(value) && !Number.isNaN(Date.parse(value)));
const validate = ajv.compile(schema);

function log(output: string): Log {
  expect(output.endsWith('\n')).toBe(true);
  return JSON.parse(output) as Log;
}

function expectValid(value: unknown): void {
  const ok = validate(value);
  expect(ok ? [] : validate.errors).toEqual([]);
}

describe('sarif', () => {
  it('validates against the SARIF 2.1.0 schema', () => {
    const output = log(sarif(handResults(), context()));
    expectValid(output);
    expect(output.version).toBe('2.1.0');
    expect(output.$schema).toMatch(/sarif/);
  });

  it('the schema check can fail (a result without a message, a bad level, a relative helpUri)', () => {
    const output = log(sarif(handResults(), context()));
    const broken = structuredClone(output);
    delete (broken.runs[0]!.results![0] as { message?: unknown }).message;
    expect(validate(broken)).toBe(false);
    const badLevel = structuredClone(output);
    (badLevel.runs[0]!.results![0] as { level: string }).level = 'warn';
    expect(validate(badLevel)).toBe(false);
    const badUri = structuredClone(output);
    badUri.runs[0]!.tool.driver.rules![0]!.helpUri = 'docs/rules/x.md';
    expect(validate(badUri)).toBe(false);
  });

  it("describes every rule, plus unused-disable and unknown-directive, and every result's ruleIndex points at its ruleId", () => {
    const run = log(sarif(handResults(), context())).runs[0]!;
    const rules = run.tool.driver.rules!;
    expect(rules.map((rule) => rule.id)).toEqual([...fakeRules.map((rule) => rule.id), 'unused-disable', 'unknown-directive']);
    expect(run.results).toHaveLength(5);
    for (const item of run.results!) {
      expect(rules[item.ruleIndex!]!.id).toBe(item.ruleId);
    }
    expect(run.results!.map((item) => [item.ruleId, item.level])).toEqual([
      ['placeholders', 'error'],
      ['dated-events', 'error'],
      ['unused-disable', 'warning'],
      ['back-to-top', 'warning'],
      ['front-matter', 'error'],
    ]);
  });

  it('gives each rule its metadata: names, descriptions, help, default level, tags', () => {
    const rules = log(sarif(handResults(), context())).runs[0]!.tool.driver;
    expect(rules).toMatchObject({ name: 'memokit', version: '1.2.3', informationUri: 'https://github.com/memokit/memokit' });
    const byId = new Map<string, ReportingDescriptor>(rules.rules!.map((rule) => [rule.id, rule]));
    const datedEvents = byId.get('dated-events')!;
    expect(datedEvents).toMatchObject({
      name: 'DatedEvents',
      shortDescription: { text: 'Events start with a date, run in order, and none is after the memo.' },
      helpUri: 'https://github.com/memokit/memokit/blob/main/docs/rules/dated-events.md',
      defaultConfiguration: { level: 'error', parameters: { allowFuture: false } },
    });
    expect(datedEvents.fullDescription!.text).toContain('--fix');
    expect(datedEvents.properties!.tags).toContain('fixable');
    expect(byId.get('unused-disable')!.defaultConfiguration!.level).toBe('warning');
    expect(byId.get('unknown-directive')).toMatchObject({
      name: 'UnknownDirective',
      shortDescription: { text: 'Every memo-lint comment is a directive memokit knows.' },
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['memo', 'directives'] },
    });
    for (const rule of rules.rules!) {
      const page = `${ROOT}docs/rules/${rule.id}.md`;
      if (existsSync(page)) {
        expect(rule.help!.markdown).toBe(
          readFileSync(page, 'utf8')
            .replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '')
            .trim(),
        );
      } else {
        expect(rule.help).toEqual({ text: rule.fullDescription!.text });
      }
    }
  });

  it('lists each file as an artifact and points at it relative to %SRCROOT%, with the full region', () => {
    const run = log(sarif(handResults(), context())).runs[0]!;
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: `file://${CWD}/` } });
    expect(run.artifacts!.map((artifact) => artifact.location!.uri)).toEqual([
      'memos/2019-12-31-backlash.md',
      'memos/clean.md',
      'memos/odd%2C%20name%3A%20%22q%26a%22%20%3Cdraft%3E.md',
    ]);
    const location = run.results![1]!.locations![0]!.physicalLocation!;
    expect(location).toEqual({
      artifactLocation: { uri: 'memos/2019-12-31-backlash.md', uriBaseId: '%SRCROOT%', index: 0 },
      region: { startLine: 14, startColumn: 3, endLine: 14, endColumn: 66 },
    });
    expect(run.results![4]!.locations![0]!.physicalLocation!.artifactLocation!.index).toBe(2);
  });

  it('uses an absolute file URI for a file outside the working folder', () => {
    const run = log(sarif([result('../elsewhere/memo one.md', [finding('title', 'error', 'x', 1, 1, 1, 2)])], context())).runs[0]!;
    expect(run.results![0]!.locations![0]!.physicalLocation!.artifactLocation).toEqual({
      uri: 'file:///work/elsewhere/memo%20one.md',
      index: 0,
    });
  });

  it('still describes a rule the registry does not list, and mends impossible regions', () => {
    const output = log(sarif([result('a.md', [finding('mystery', 'warn', 'odd', 0, 0, 0, 0)])], context({ rules: [] })));
    expectValid(output);
    const run = output.runs[0]!;
    expect(run.tool.driver.rules!.map((rule) => rule.id)).toEqual(['unused-disable', 'unknown-directive', 'mystery']);
    expect(run.results![0]!.ruleIndex).toBe(2);
    expect(run.results![0]!.locations![0]!.physicalLocation!.region).toEqual({ startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 });
  });

  it('is a valid log with no results for a clean run', () => {
    const output = log(sarif([result('a.md', [])], context()));
    expectValid(output);
    expect(output.runs[0]!.results).toEqual([]);
  });
});

describe('sarif: a file that could not be linted', () => {
  it('is an error tool-execution notification on an unsuccessful run, and the log still validates', () => {
    const results = [
      fatalResult(`${CWD}/memos/bin.md`, { message: 'file is binary, not a Markdown memo' }),
      result(`${CWD}/memos/ok.md`, []),
    ];
    const parsed = log(sarif(results, context()));
    expectValid(parsed);
    const run = parsed.runs[0];
    expect(run?.results).toEqual([]);
    expect(run?.artifacts?.map((artifact) => artifact.location?.uri)).toEqual(['memos/bin.md', 'memos/ok.md']);
    expect(run?.invocations).toEqual([
      {
        executionSuccessful: false,
        toolExecutionNotifications: [
          {
            level: 'error',
            message: { text: 'file is binary, not a Markdown memo' },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: 'memos/bin.md', uriBaseId: '%SRCROOT%', index: 0 },
                  region: { startLine: 1, startColumn: 1 },
                },
              },
            ],
          },
        ],
      },
    ]);
    // A clean run says nothing about its execution, as before.
    expect(log(sarif([result(`${CWD}/memos/ok.md`, [])], context())).runs[0]?.invocations).toBeUndefined();
  });
});
