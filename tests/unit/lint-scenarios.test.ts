// The linter as a writer meets it: every rule on, real memo files, one expected finding each.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { emptyConfig } from '../../src/config/config.js';
import { lintText } from '../../src/lint/engine.js';
import type { Finding } from '../../src/lint/types.js';
import { loadMemoTypes } from '../../src/templates/load.js';
import { scaffoldMemo } from '../../src/templates/scaffold.js';
import type { MemoType } from '../../src/templates/structure.js';

const types = loadMemoTypes();
const read = (relative: string) => readFileSync(fileURLToPath(new URL(relative, import.meta.url)), 'utf8');
const scenario = (name: string) => read(`../fixtures/lint/scenarios/${name}`);
const lintAll = (source: string, path = 'memo.md') => lintText(source, { path, config: emptyConfig(), types });
const where = (messages: Finding[]) => messages.map((m) => `${m.ruleId}:${m.line}`);

describe('lint with every rule on', () => {
  it('finds nothing in the canonical example memo', () => {
    const result = lintAll(read('../../examples/2019-12-31-backlash-to-us-strikes.md'));
    expect(result.messages).toEqual([]);
    expect(result.errorCount + result.warningCount).toBe(0);
  });

  it('finds nothing in the clean scenario memo', () => {
    expect(lintAll(scenario('clean.md')).messages).toEqual([]);
  });

  for (const name of [...types.keys()]) {
    it(`finds only placeholders, one per TK line, in a freshly scaffolded ${name} memo`, () => {
      const source = scaffoldMemo(types.get(name) as MemoType, { title: 'Test Memo', date: '2020-01-03' });
      const tkLines = source.split('\n').flatMap((line, index) => (/\bTK\b/.test(line) ? [index + 1] : []));
      expect(tkLines.length).toBeGreaterThan(0);
      const { messages } = lintAll(source);
      expect(messages.map((m) => m.ruleId).every((id) => id === 'placeholders')).toBe(true);
      expect(messages.map((m) => m.line)).toEqual(tkLines);
    });
  }

  it('the rapid-response scaffold the spec names gives its five placeholders', () => {
    const source = scaffoldMemo(types.get('rapid-response') as MemoType, { title: 'Test Memo', date: '2020-01-03' });
    expect(where(lintAll(source).messages)).toEqual([
      'placeholders:9',
      'placeholders:15',
      'placeholders:16',
      'placeholders:17',
      'placeholders:21',
    ]);
  });

  const cases: [file: string, expected: string, message: RegExp][] = [
    [
      'undated-event.md',
      'dated-events:22',
      /Sequence of Events item 2 has no date; start it with a date such as "\*\*Dec\. 31, 2019\*\* —"/,
    ],
    ['events-out-of-order.md', 'dated-events:22', /out of order/],
    ['no-back-to-top.md', 'back-to-top:23', /\[Back to top\]\(#top\)/],
    ['tk-left.md', 'placeholders:16', /"TK" marker/],
    [
      'misspelled-section.md',
      'required-sections:13',
      /^Section "Key Take-aways" looks like "Key Takeaways"; rename it to match the template\.$/,
    ],
  ];
  for (const [file, expected, message] of cases) {
    it(`${file}: exactly one finding, ${expected}`, () => {
      const { messages } = lintAll(scenario(file), file);
      expect(where(messages)).toEqual([expected]);
      expect(messages[0]?.message).toMatch(message);
    });
  }

  describe('inline directives', () => {
    it('disable-next-line (with a `-- reason`) suppresses the finding on the next line', () => {
      const source = scenario('directive-next-line.md');
      expect(source).toContain('-- date unknown -->');
      expect(lintAll(source).messages).toEqual([]);
      // Without the comment the finding is there: the directive is what hides it.
      const without = source.replace('<!-- memo-lint-disable-next-line dated-events -- date unknown -->\n', '');
      expect(where(lintAll(without).messages)).toEqual(['dated-events:21']);
    });

    it('reports a disable comment that suppresses nothing as unused-disable', () => {
      const { messages } = lintAll(scenario('directive-unused.md'));
      expect(where(messages)).toEqual(['unused-disable:21']);
      expect(messages[0]?.severity).toBe('warn');
      expect(messages[0]?.message).toContain('dated-events');
    });

    it('disable … enable turns a rule off for a stretch, and only that stretch', () => {
      const source = scenario('directive-range.md');
      expect(lintAll(source).messages).toEqual([]);
      const after = source.replace('- **Dec. 29, 2019** —', '- **Dec. 29, 2019** — TK');
      expect(where(lintAll(after).messages)).toEqual(['placeholders:26']);
    });
  });
});
