import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/lint/types.js';
import { findings, fixture, lint, lines } from './helpers.js';

const rule = 'placeholders';
const of = (name: string) => findings(rule, `${rule}/${name}`);
/** `rule-id:line:column marker`, the marker read back from the message. */
const where = (list: Finding[]) =>
  list.map((finding) => `${lines([finding])[0]}:${finding.column} ${/"TK" marker|\{\{[^}]*\}\}/.exec(finding.message)?.[0]}`);
const TK = 'Unfinished text: "TK" marker; write the text it stands for, then remove the marker.';

describe('placeholders', () => {
  it('passes a finished memo (TKO, tk and {single braces} are not markers)', () => {
    expect(of('pass.md')).toEqual([]);
  });

  it('reports every TK and {{...}} left, each where it stands', () => {
    const list = of('unfinished.md');
    expect(where(list)).toEqual([
      'placeholders:9:1 "TK" marker',
      'placeholders:9:64 {{ author }}',
      'placeholders:16:3 "TK" marker',
      'placeholders:17:64 "TK" marker',
      'placeholders:21:5 {{date}}',
      'placeholders:21:18 "TK" marker',
    ]);
    expect(list[0]?.message).toBe(TK);
    expect(list[1]?.message).toBe(
      'Unfinished text: unfilled placeholder {{ author }}; write the text it stands for, then remove the marker.',
    );
    expect(list.map((f) => [f.line, f.endLine, f.endColumn - f.column])).toEqual([
      [9, 9, 2],
      [9, 9, 12],
      [16, 16, 2],
      [17, 17, 2],
      [21, 21, 8],
      [21, 21, 2],
    ]);
    expect(list.every((f) => f.severity === 'error' && f.fix === undefined)).toBe(true);
  });

  it('reports nothing in code, fenced, indented or inline; a marker beside it still counts', () => {
    // Line 16 follows "```js", which cannot close the fence opened on line 13: it is still code.
    expect(where(of('code.md'))).toEqual(['placeholders:29:3 "TK" marker', 'placeholders:39:82 {{city}}']);
  });

  it('reports markers in the front matter too: a `title: TK` is a title still owed', () => {
    expect(where(of('front-matter.md'))).toEqual([
      'placeholders:3:8 "TK" marker',
      'placeholders:5:11 {{summary}}',
      'placeholders:8:9 "TK" marker',
    ]);
  });

  it('gives the same lines and columns with CRLF line endings and a BOM', () => {
    for (const name of ['unfinished.md', 'code.md', 'front-matter.md']) {
      const crlf = `\uFEFF${fixture(`${rule}/${name}`).replace(/\n/g, '\r\n')}`;
      expect(where(lint(crlf, { only: [rule] }).messages), name).toEqual(where(of(name)));
    }
  });

  it('is silenced by a disable comment on the line before', () => {
    const disable = '<!-- memo-lint-disable-next-line placeholders -->\n';
    const source = fixture(`${rule}/unfinished.md`).replace('- TK: the second', `${disable}- TK: the second`);
    // Line 16 is now the comment, the silenced TK line 17; the rest moved down one.
    expect(lines(lint(source, { only: [rule] }).messages)).toEqual([
      'placeholders:9',
      'placeholders:9',
      'placeholders:18',
      'placeholders:22',
      'placeholders:22',
    ]);
  });
});
