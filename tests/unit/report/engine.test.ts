// The formatters over real lint results: memo files linted by the engine with the real rules.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import type { Log } from 'sarif';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LintResult } from '../../../src/lint/types.js';
import type { JsonResult } from '../../../src/report/json.js';
import { formatters, type FormatContext } from '../../../src/report/index.js';
import { scaffoldMemo } from '../../../src/templates/scaffold.js';
import { loadMemoTypes } from '../../../src/templates/load.js';
import { BACKLASH_SOURCE, loadEngine, ROOT } from './fixtures.js';
import { parseXml } from './xml.js';

let results: LintResult[];
let context: FormatContext;

beforeAll(async () => {
  const engine = await loadEngine();
  const type = loadMemoTypes().get('rapid-response')!;
  const scaffold = scaffoldMemo(type, { title: 'Backlash to U.S. Strikes in Iraq', date: '2019-12-31' });
  const memoDir = join(ROOT, 'tests', 'fixtures', 'memos');
  results = [
    engine.lint(join(ROOT, 'memos', 'new-memo.md'), scaffold),
    engine.lint(join(ROOT, 'memos', 'backlash.md'), BACKLASH_SOURCE),
    engine.lint(
      join(ROOT, 'examples', '2019-12-31-backlash-to-us-strikes.md'),
      readFileSync(join(ROOT, 'examples', '2019-12-31-backlash-to-us-strikes.md'), 'utf8'),
    ),
    ...readdirSync(memoDir)
      .filter((name) => name.endsWith('.md'))
      .sort()
      .map((name) => engine.lint(join(memoDir, name), readFileSync(join(memoDir, name), 'utf8'))),
  ];
  context = { cwd: ROOT, color: false, version: '0.1.0', rules: engine.rules };
});

describe('formatters over real lint results', () => {
  it('the memos give findings of several rules (otherwise this suite proves little)', () => {
    const [scaffold, backlash] = results;
    // A freshly scaffolded memo lints with exactly its placeholders findings.
    expect(scaffold!.messages.length).toBeGreaterThan(0);
    expect(new Set(scaffold!.messages.map((m) => m.ruleId))).toEqual(new Set(['placeholders']));
    expect(backlash!.messages.map((m) => m.ruleId)).toEqual(expect.arrayContaining(['placeholders', 'unused-disable']));
    expect(new Set(results.flatMap((r) => r.messages.map((m) => m.ruleId))).size).toBeGreaterThanOrEqual(3);
  });

  it('stylish shows every finding as line:col, severity, rule id, and sums up', () => {
    const output = formatters.stylish(results, context);
    const total = results.reduce((sum, r) => sum + r.messages.length, 0);
    const errors = results.reduce((sum, r) => sum + r.errorCount, 0);
    expect(output).toContain(`\u2716 ${total} problem`);
    expect(output).toContain(`(${errors} error`);
    expect(output).toContain('\nmemos/new-memo.md\n');
    for (const message of results[0]!.messages) {
      expect(output).toMatch(
        new RegExp(
          `^ +${message.line}:${message.column} +${message.severity === 'error' ? 'error' : 'warning'} +.+ ${message.ruleId}$`,
          'm',
        ),
      );
    }
    expect(output).not.toMatch(/\u001b\[/);
  });

  it('json has one entry per file and the engine’s positions and severities', () => {
    const output = JSON.parse(String(formatters.json(results, context))) as JsonResult[];
    expect(output).toHaveLength(results.length);
    output.forEach((entry, index) => {
      const lint = results[index]!;
      expect(entry.filePath).toBe(lint.path);
      expect(entry.messages.map((m) => [m.ruleId, m.line, m.column, m.severity])).toEqual(
        lint.messages.map((m) => [m.ruleId, m.line, m.column, m.severity === 'error' ? 2 : 1]),
      );
      expect(entry.source === undefined).toBe(lint.messages.length === 0);
    });
  });

  it('sarif validates, describes every registry rule plus unused-disable and unknown-directive, and indexes each result correctly', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'tests', 'fixtures', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
    const validate = new AjvDraft04.default({ strict: false, validateFormats: false, unicodeRegExp: false, allErrors: true }).compile(
      schema,
    );
    const log = JSON.parse(String(formatters.sarif(results, context))) as Log;
    expect(validate(log) ? [] : validate.errors).toEqual([]);
    const run = log.runs[0]!;
    const ids = run.tool.driver.rules!.map((rule) => rule.id);
    expect(ids).toEqual([...context.rules.map((rule) => rule.id), 'unused-disable', 'unknown-directive']);
    expect(run.results!.length).toBe(results.reduce((sum, r) => sum + r.messages.length, 0));
    for (const item of run.results!) expect(ids[item.ruleIndex!]).toBe(item.ruleId);
    expect(run.results![0]!.locations![0]!.physicalLocation!.artifactLocation).toMatchObject({
      uri: 'memos/new-memo.md',
      uriBaseId: '%SRCROOT%',
    });
  });

  it('github gives one annotation line per finding', () => {
    const lines = String(formatters.github(results, context)).trimEnd().split('\n');
    expect(lines).toHaveLength(results.reduce((sum, r) => sum + r.messages.length, 0));
    for (const line of lines)
      expect(line).toMatch(/^::(error|warning) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::\S/);
  });

  it('junit is well-formed with a suite per file', () => {
    const root = parseXml(String(formatters.junit(results, context)));
    expect(root.children).toHaveLength(results.length);
    root.children.forEach((suite, index) => {
      expect(suite.attributes['failures']).toBe(String(results[index]!.messages.length));
    });
  });
});
