import { describe, expect, it } from 'vitest';
import { stylish } from '../../../src/report/stylish.js';
import { context, finding, golden, handResults, result } from './fixtures.js';

const ANSI = /\u001b\[[0-9;]*m/;

describe('stylish', () => {
  it('matches the reviewed golden output', () => {
    const output = stylish(handResults(), context());
    expect(output).toBe(golden('stylish.txt', output));
  });

  it('groups by file (relative path), shows line:col, severity, message and rule id, and sums up', () => {
    const output = stylish(handResults(), context());
    const lines = output.split('\n');
    expect(lines).toContain('memos/2019-12-31-backlash.md');
    expect(output).not.toContain('memos/clean.md');
    expect(output).not.toContain('/work/policy-memos');
    expect(output).toMatch(
      /^ {3}9:1 {3}error {4}Unfinished text: "TK" marker; write the text it stands for, then remove the marker +placeholders$/m,
    );
    expect(output).toMatch(/^ {2}15:45 {2}warning {2}No "Back to top" link.*after the last section +back-to-top$/m);
    expect(output).toContain('\u2716 5 problems (3 errors, 2 warnings)\n');
    expect(output).toContain('  1 error and 1 warning potentially fixable with the `--fix` option.\n');
    expect(output.endsWith('option.\n')).toBe(true);
  });

  it('aligns the columns within a file', () => {
    const output = stylish(handResults(), context());
    const block = output
      .split('\n\n')[0]!
      .split('\n')
      .filter((line) => /^\s+\d+:\d+/.test(line));
    expect(block).toHaveLength(4);
    const severityAt = block.map((line) => line.search(/error|warning/));
    expect(new Set(severityAt).size).toBe(1);
    const ruleIds = ['placeholders', 'dated-events', 'unused-disable', 'back-to-top'];
    const ruleAt = block.map((line, index) => line.lastIndexOf(ruleIds[index]!));
    expect(new Set(ruleAt).size).toBe(1);
  });

  it('prints nothing at all when there are no findings', () => {
    expect(stylish([result('memos/clean.md', [])], context())).toBe('');
    expect(stylish([], context())).toBe('');
  });

  it('leaves out the fixable line when nothing is fixable, and says "1 problem" for one', () => {
    const output = stylish([result('a.md', [finding('placeholders', 'warn', 'Unfinished text.', 1, 1, 1, 3)])], context());
    expect(output).toContain('\u2716 1 problem (0 errors, 1 warning)\n');
    expect(output).not.toContain('potentially fixable');
  });

  it('has no ANSI codes without colour, and colours with it', () => {
    expect(stylish(handResults(), context({ color: false }))).not.toMatch(ANSI);
    const coloured = stylish(handResults(), context({ color: true }));
    expect(coloured).toMatch(ANSI);
    expect(coloured).toContain('\u001b[31merror\u001b[39m');
    expect(coloured).toContain('\u001b[4mmemos/2019-12-31-backlash.md\u001b[24m');
    // Colour changes nothing but the escape codes.
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(stylish(handResults(), context({ color: false })));
  });

  it('keeps one finding on one line when the message has a line break', () => {
    const output = stylish([result('a.md', [finding('lede', 'error', 'First line\nsecond line.', 2, 1, 2, 5)])], context());
    expect(output).toContain('2:1  error  First line second line  lede\n');
  });
});
