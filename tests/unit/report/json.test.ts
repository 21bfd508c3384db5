import { describe, expect, it, vi } from 'vitest';
import { fatalResult, summarize } from '../../../src/lint/summary.js';
import type { JsonResult } from '../../../src/report/json.js';
import { json, toJsonResults } from '../../../src/report/json.js';
import { BACKLASH_SOURCE, CWD, context, finding, handResults, result } from './fixtures.js';

function parse(bytes: Uint8Array): JsonResult[] {
  const output = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  expect(output.endsWith('\n')).toBe(true);
  return JSON.parse(output) as JsonResult[];
}

describe('json', () => {
  it('has one ESLint-shaped entry per file, with absolute paths', () => {
    const output = parse(json(handResults(), context()));
    expect(output.map((entry) => entry.filePath)).toEqual([
      `${CWD}/memos/2019-12-31-backlash.md`,
      `${CWD}/memos/clean.md`,
      `${CWD}/memos/odd, name: "q&a" <draft>.md`,
    ]);
    const [backlash, clean] = output;
    expect(Object.keys(backlash!).sort()).toEqual([
      'errorCount',
      'fatalErrorCount',
      'filePath',
      'fixableErrorCount',
      'fixableWarningCount',
      'messages',
      'source',
      'warningCount',
    ]);
    expect(backlash).toMatchObject({
      errorCount: 2,
      warningCount: 2,
      fixableErrorCount: 1,
      fixableWarningCount: 1,
      source: BACKLASH_SOURCE,
    });
    expect(clean).toEqual({
      filePath: `${CWD}/memos/clean.md`,
      messages: [],
      errorCount: 0,
      fatalErrorCount: 0,
      warningCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
    });
  });

  it('gives each message ruleId, severity 1|2, message, positions and its fix', () => {
    const [backlash] = parse(json(handResults(), context()));
    expect(backlash!.messages.map((m) => [m.ruleId, m.severity, m.line, m.column])).toEqual([
      ['placeholders', 2, 9, 1],
      ['dated-events', 2, 14, 3],
      ['unused-disable', 1, 15, 1],
      ['back-to-top', 1, 15, 45],
    ]);
    expect(backlash!.messages[0]).toEqual({
      ruleId: 'placeholders',
      severity: 2,
      message: 'Unfinished text: "TK" marker; write the text it stands for, then remove the marker.',
      line: 9,
      column: 1,
      endLine: 9,
      endColumn: 3,
    });
    expect(backlash!.messages[3]).toMatchObject({ fix: { range: [378, 378], text: '\n[Back to top](#top)\n' } });
  });

  it('gives `output` instead of `source` when fixing changed the file (as ESLint does)', () => {
    const fixed = {
      ...result(
        'a.md',
        [{ ruleId: 'title', severity: 'error' as const, message: 'x', line: 1, column: 1, endLine: 1, endColumn: 2 }],
        'old',
      ),
      output: 'new',
    };
    const [entry] = parse(json([fixed], context()));
    expect(entry!.output).toBe('new');
    expect(entry).not.toHaveProperty('source');
  });

  it('prints an empty array for no files', () => {
    expect(json([], context()).toString()).toBe('[]\n');
  });

  it('writes a source held as UTF-8 bytes exactly as the same source held as text', () => {
    const source = '\ufeff---\r\ntitle: "Q&A" \\ “curly” 😀\t\u0001\n';
    const messages = [{ ruleId: 'title', severity: 'error' as const, message: 'é', line: 1, column: 1, endLine: 1, endColumn: 2 }];
    const asText = [result('a.md', messages, source), result('b.md', [], source), result('c.md', messages, source)];
    const asBytes = asText.map((r) => ({ ...r, source: Buffer.from(source) }));
    expect(json(asBytes, context()).equals(json(asText, context()))).toBe(true);
    expect(parse(json(asBytes, context())).map((entry) => entry.source)).toEqual([source, undefined, source]);
    expect(toJsonResults(asBytes, context())).toEqual(parse(json(asText, context())));
  });
});

describe('json: a file that could not be linted', () => {
  it("is ESLint's fatal message: no rule id, fatal, severity 2; fatalErrorCount in every entry; no source", () => {
    const results = [fatalResult(`${CWD}/bin.md`, { message: 'file is empty' }), result(`${CWD}/ok.md`, [])];
    const parsed = JSON.parse(json(results, context()).toString()) as JsonResult[];
    expect(parsed).toEqual([
      {
        filePath: `${CWD}/bin.md`,
        messages: [{ ruleId: null, fatal: true, severity: 2, message: 'file is empty', line: 1, column: 1 }],
        errorCount: 1,
        fatalErrorCount: 1,
        warningCount: 0,
        fixableErrorCount: 0,
        fixableWarningCount: 0,
      },
      {
        filePath: `${CWD}/ok.md`,
        messages: [],
        errorCount: 0,
        fatalErrorCount: 0,
        warningCount: 0,
        fixableErrorCount: 0,
        fixableWarningCount: 0,
      },
    ]);
    expect(toJsonResults(results, context())).toEqual(parsed);
  });

  it('writes a large report into the one buffer it sizes up front', () => {
    // Long paths, most files clean, a tenth with a finding and their sources (as bytes): the shape
    // of a warm run over a corpus. Growing the buffer would copy the whole report so far.
    const source = new TextEncoder().encode(`${'A memo line with "quotes" and a tab\t.\n'.repeat(120)}`);
    const results = Array.from({ length: 2000 }, (_, i) => {
      const path = `memos/set-${i % 10}/batch-${i % 7}/2019-12-31-a-rather-long-slug-for-memo-number-${i}-of-the-corpus.md`;
      return i % 10 === 0
        ? summarize(path, [finding('placeholders', 'error', 'Unfinished text: "TK" marker.', 3, 1, 3, 3)], source)
        : result(path, []);
    });
    const allocations = vi.spyOn(Buffer, 'allocUnsafe');
    try {
      const report = json(results, context());
      expect(parse(report).length).toBe(2000);
      expect(allocations.mock.calls.filter(([size]) => size >= 1024 * 1024)).toHaveLength(1);
    } finally {
      allocations.mockRestore();
    }
  });
});
