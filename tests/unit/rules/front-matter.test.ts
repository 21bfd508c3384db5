import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadMemoTypes } from '../../../src/templates/load.js';
import { ROOT } from '../../helpers/cli.js';
import { findings, fixture, lines, lint } from './helpers.js';

const rule = 'front-matter';
const of = (name: string) => findings(rule, `${rule}/${name}`);

describe('front-matter', () => {
  it('passes a memo with type, title and a real date', () => {
    expect(of('pass.md')).toEqual([]);
  });

  it('asks for front matter at 1:1 when there is none', () => {
    const list = of('no-front-matter.md');
    expect(lines(list)).toEqual(['front-matter:1']);
    expect(list[0]?.column).toBe(1);
    expect(list[0]?.message).toMatch(/add|start the file with a `---` block/);
    expect(list[0]?.message).toContain('type');
    expect(list[0]?.message).toContain('title');
    expect(list[0]?.message).toContain('date');
  });

  it('reports invalid YAML at its line, and nothing about missing fields', () => {
    const list = of('invalid-yaml.md');
    expect(list).toHaveLength(1);
    expect(list[0]?.message).toMatch(/^Invalid YAML in front matter/);
    expect(list[0]?.line).toBeGreaterThanOrEqual(3);
  });

  it('reports front matter that is never closed, once', () => {
    const list = of('unclosed.md');
    expect(lines(list)).toEqual(['front-matter:1']);
    expect(list[0]?.message).toContain('never closed');
  });

  it('names each missing field', () => {
    const list = of('missing-fields.md');
    expect(lines(list)).toEqual(['front-matter:1', 'front-matter:1']);
    expect(list.map((f) => f.message).join('\n')).toMatch(/no `title`[\s\S]*no `date`|no `date`[\s\S]*no `title`/);
  });

  it('points at the date line when the date is not a real ISO date', () => {
    const list = of('bad-date.md');
    expect(lines(list)).toEqual(['front-matter:4']);
    expect(list[0]?.message).toContain('"2019-13-45"');
    expect(list[0]?.message).toContain('YYYY-MM-DD');
  });

  it('names the known types and the nearest one for an unknown type', () => {
    const list = of('unknown-type.md');
    expect(lines(list)).toEqual(['front-matter:2']);
    expect(list[0]?.message).toContain('did you mean "rapid-response"?');
    expect(list[0]?.message).toContain('backgrounder, memo, rapid-response, statement, talking-points');
  });

  it('warns about each unknown key at its line (BOM, CRLF), naming the known key it is near', () => {
    const list = of('unknown-keys.md');
    expect(list.map((f) => [f.line, f.column, f.severity, f.message])).toEqual([
      [6, 1, 'warn', 'Front matter has an unknown key `summry`; did you mean `summary`?'],
      [7, 1, 'warn', 'Front matter has an unknown key `Title`; did you mean `title`?'],
      [
        8,
        1,
        'warn',
        "Front matter has an unknown key `notes`; known keys: type, title, date, author, to, cc, tags, summary, id (a memo type's template may declare more under `frontMatter:`).",
      ],
    ]);
  });

  it("knows the keys a memo type's template declares, for memos of that type only", () => {
    const project = loadMemoTypes(join(ROOT, 'tests', 'fixtures', 'projects', 'briefing', 'templates'));
    expect(project.get('briefing')?.frontMatter).toEqual(['audience', 'region']);
    const memo = (type: string) =>
      `---\ntype: ${type}\ntitle: T\ndate: 2019-07-20\naudience: Senate staff\nregion: Gulf\nsumary: S\n---\n\n# T\n`;
    const briefing = lint(memo('briefing'), { only: [rule], types: project }).messages;
    expect(briefing.map((f) => `${f.line} ${f.message}`)).toEqual(['7 Front matter has an unknown key `sumary`; did you mean `summary`?']);
    const rapid = lint(memo('rapid-response'), { only: [rule], types: project }).messages;
    const known =
      "known keys: type, title, date, author, to, cc, tags, summary, id (a memo type's template may declare more under `frontMatter:`).";
    expect(rapid.map((f) => `${f.line} ${f.severity} ${f.message}`)).toEqual([
      `5 warn Front matter has an unknown key \`audience\`; ${known}`,
      `6 warn Front matter has an unknown key \`region\`; ${known}`,
      '7 warn Front matter has an unknown key `sumary`; did you mean `summary`?',
    ]);
  });

  it('reports only the type of a memo whose type is unknown, whose keys cannot be known', () => {
    const list = lint('---\ntype: briefing\ntitle: T\ndate: 2019-07-20\naudience: Senate staff\n---\n\n# T\n', { only: [rule] }).messages;
    expect(list.map((f) => `${f.line} ${f.message}`)).toEqual([
      // Near none of the known types: they are listed, none is suggested.
      '2 Unknown memo type "briefing"; known types: backgrounder, memo, rapid-response, statement, talking-points.',
    ]);
  });

  it('accepts an author that is a name or a list of names, and reports anything else at its line', () => {
    const memo = (author: string) => `---\ntype: statement\ntitle: T\ndate: 2020-01-01\n${author}\n---\n\n# Statement: T\n\nText.\n`;
    for (const ok of ['author: Policy Team', 'author: [Dana Reyes, Omid Farahani]', 'author:\n  - Dana Reyes', 'author: []', 'author:']) {
      expect(lint(memo(ok), { only: [rule] }).messages, ok).toEqual([]);
    }
    const example = 'write it like `author: Dana Reyes` or `author: [Dana Reyes, Omid Farahani]`.';
    const cases: [string, string][] = [
      ['author: 42', 'a number'],
      ['author: { name: Dana Reyes }', 'a mapping'],
      ['author: true', 'true or false'],
      ['author: [Dana Reyes, { name: Omid Farahani }]', 'a list holding a mapping'],
      ['author:\n  - Dana Reyes\n  -\n', 'a list holding an empty entry'],
      ['author: [[Dana, Omid]]', 'a list holding a list'],
    ];
    for (const [line, what] of cases) {
      const list = lint(memo(line), { only: [rule] }).messages;
      expect(
        list.map((f) => `${f.line}:${f.column} ${f.severity} ${f.message}`),
        line,
      ).toEqual([`5:1 error Front matter \`author\` must be a name or a list of names, not ${what}; ${example}`]);
    }
  });
  it('suggests no type when none is close, and lists them', () => {
    const source = fixture('front-matter/unknown-type.md').replace('type: rapid-respons', 'type: newsletter');
    expect(lint(source, { only: [rule] }).messages.map((f) => `${f.line} ${f.message}`)).toEqual([
      '2 Unknown memo type "newsletter"; known types: backgrounder, memo, rapid-response, statement, talking-points.',
    ]);
  });
});
