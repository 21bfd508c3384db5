import { describe, expect, it } from 'vitest';
import { findings, fixWith, fixture, lines, lint } from './helpers.js';

const rule = 'title';
const of = (name: string) => findings(rule, `${rule}/${name}`);

describe('title', () => {
  it('passes the type prefix + front-matter title', () => {
    expect(of('pass.md')).toEqual([]);
  });

  it('reports a heading that does not read prefix + title, with the expected text', () => {
    const list = of('wrong-prefix.md');
    expect(lines(list)).toEqual(['title:7']);
    expect(list[0]?.message).toContain('"Memo: Backlash to U.S. Strikes in Iraq"');
    expect(list[0]?.fix).toBeDefined();
  });

  it('reports a missing title at the start of the body', () => {
    const list = of('missing.md');
    expect(lines(list)).toEqual(['title:7']);
    expect(list[0]?.message).toContain('# Memo: Backlash to U.S. Strikes in Iraq');
  });

  it('reports a title that is not first in the body (without a fix)', () => {
    const list = of('not-first.md');
    expect(lines(list)).toEqual(['title:9']);
    expect(list[0]?.message).toContain('line 7');
    expect(list[0]?.fix).toBeUndefined();
  });

  it('leaves a second `#` heading to heading-levels', () => {
    expect(of('second-title.md')).toEqual([]);
  });

  it('fixes a title that ends in "##", which a heading would drop as its closing sequence (#15)', () => {
    const list = of('trailing-hashes.md');
    expect(list.map((f) => `${f.line} ${f.message}`)).toEqual([
      '7 Title heading reads "Memo: Backlash to U.S. Strikes in Iraq"; expected "Memo: Backlash to U.S. Strikes in Iraq ##" (the rapid-response prefix "Memo: " + the front-matter title), written `# Memo: Backlash to U.S. Strikes in Iraq \\##` (a heading drops the "#"s that end it).',
    ]);
    expect(list[0]?.fix).toBeDefined();
    // Inserted as well as rewritten: the heading that is added reads the title too.
    const missing = fixture(`${rule}/trailing-hashes.md`).replace('# Memo: Backlash to U.S. Strikes in Iraq ##\n\n', '');
    expect(fixWith(rule, missing)).toBe(fixture(`${rule}/trailing-hashes.fixed.md`));
    for (const title of ['#', 'Iraq #', 'Iraq\t###', 'C# and F#']) {
      const source = fixture(`${rule}/pass.md`).replace(/^title: .*$/m, `title: ${JSON.stringify(title)}`);
      const once = fixWith(rule, source);
      expect(lint(once, { only: [rule] }).messages, title).toEqual([]);
    }
  });

  it('says why a title with a line break is not fixed', () => {
    const source = fixture(`${rule}/pass.md`).replace(/^title: .*$/m, 'title: "Backlash\\nin Iraq"');
    const list = lint(source, { only: [rule] }).messages;
    expect(list.map((f) => [f.line, f.fix, f.message])).toEqual([
      [
        7,
        undefined,
        'Title heading reads "Memo: Backlash to U.S. Strikes in Iraq"; expected "Memo: Backlash\nin Iraq" (the rapid-response prefix "Memo: " + the front-matter title). --fix cannot write it: the front-matter title has a line break, and a heading is one line; make the title one line.',
      ],
    ]);
  });

  it('leaves a memo whose front matter is never closed to front-matter: no title finding (#15)', () => {
    expect(findings(rule, 'front-matter/unclosed.md')).toEqual([]);
    expect(lint(fixture('front-matter/unclosed.md')).messages.map((f) => `${f.ruleId}:${f.line}`)).toEqual(['front-matter:1']);
  });

  for (const name of ['wrong-prefix', 'missing', 'trailing-hashes']) {
    it(`fixes ${name}: exactly the expected file, and a second fix changes nothing`, () => {
      const once = fixWith(rule, fixture(`${rule}/${name}.md`));
      expect(once).toBe(fixture(`${rule}/${name}.fixed.md`));
      expect(fixWith(rule, once)).toBe(once);
      expect(findings(rule, `${rule}/${name}.fixed.md`)).toEqual([]);
    });
  }

  it('keeps CRLF line endings when it inserts a title', () => {
    const crlf = (text: string) => text.replace(/\n/g, '\r\n');
    const once = fixWith(rule, crlf(fixture(`${rule}/missing.md`)));
    expect(once).toBe(crlf(fixture(`${rule}/missing.fixed.md`)));
  });

  it('inserts a missing title into a body that is only front matter', () => {
    const source = '---\ntype: statement\ntitle: On Iraq\ndate: 2019-12-31\n---\n';
    const once = fixWith(rule, source);
    expect(once).toBe(`${source}\n# Statement: On Iraq\n`);
    expect(fixWith(rule, once)).toBe(once);
  });
});
