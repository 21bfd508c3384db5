import { describe, expect, it } from 'vitest';
import { fatalResult } from '../../../src/lint/summary.js';
import { escapeData, escapeProperty, github } from '../../../src/report/github.js';
import { context, finding, golden, handResults, result } from './fixtures.js';

describe('github', () => {
  it('matches the reviewed golden output', () => {
    const output = github(handResults(), context());
    expect(output).toBe(golden('github.txt', output));
  });

  it('writes one workflow command per finding, with relative path and full range', () => {
    const lines = github(handResults(), context()).trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe(
      '::error file=memos/2019-12-31-backlash.md,line=9,col=1,endLine=9,endColumn=3,title=placeholders::Unfinished text: "TK" marker; write the text it stands for, then remove the marker.',
    );
    expect(lines[2]).toMatch(/^::warning file=memos\/2019-12-31-backlash\.md,line=15,col=1,endLine=15,endColumn=45,title=unused-disable::/);
  });

  it("escapes %, CR and LF in the message, and also ':' and ',' in properties", () => {
    const output = github(
      [result('memos/a,b: c%.md', [finding('front-matter', 'error', '100% sure, really: no\r\nline two', 1, 1, 1, 4)])],
      context(),
    );
    expect(output).toBe(
      '::error file=memos/a%2Cb%3A c%25.md,line=1,col=1,endLine=1,endColumn=4,title=front-matter::100%25 sure, really: no%0D%0Aline two\n',
    );
    // One annotation stays one line.
    expect(output.split('\n')).toHaveLength(2);
  });

  it('escapes % first, so an escape is never escaped twice', () => {
    expect(escapeData('%0A\n')).toBe('%250A%0A');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
  });

  it('prints nothing for a clean run', () => {
    expect(github([result('a.md', [])], context())).toBe('');
  });
});

describe('github: a file that could not be linted', () => {
  it('is an ::error annotation on the file, titled memokit', () => {
    const output = github(
      [fatalResult('/work/policy-memos/memos/bin.md', { message: 'invalid UTF-8, first at line 3', line: 3 })],
      context(),
    );
    expect(output).toBe('::error file=memos/bin.md,line=3,col=1,endLine=3,endColumn=1,title=memokit::invalid UTF-8, first at line 3\n');
  });
});
