import { describe, expect, it } from 'vitest';
import { findings, fixWith, fixture, lines } from './helpers.js';

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

  for (const name of ['wrong-prefix', 'missing']) {
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
