import { describe, expect, it } from 'vitest';
import { findings, fixWith, fixture, lines, lint } from './helpers.js';

const rule = 'back-to-top';
const of = (name: string) => findings(rule, `${rule}/${name}`);

describe('back-to-top', () => {
  it('reports a wrong "Back to top" link inside the title but leaves it to the title rule (no fix loop)', () => {
    // Found by the mutation fuzzer: the title fix copied the front-matter title in, this rule's
    // fix pointed its link at #top, and the two undid each other on every --fix.
    const source = fixture('title/pass.md')
      .replace(/^title: .*$/m, 'title: A [Back to top](#wrong) title')
      .replace(/^# .*$/m, '# Memo: A [Back to top](#wrong) title');
    const list = lint(source, { only: [rule] }).messages.filter((finding) => finding.message.includes('#wrong'));
    expect(list).toHaveLength(1);
    expect(list[0]?.fix).toBeUndefined();
    const once = lint(source, { fix: true }).output ?? source;
    expect(lint(once, { fix: true }).output).toBeUndefined();
  });

  it('passes a link after the last section', () => {
    expect(of('pass.md')).toEqual([]);
  });

  it('allows more links than the policy asks for', () => {
    expect(of('pass-extra-links.md')).toEqual([]);
  });

  it('reports a missing link at the end of the last block', () => {
    const list = of('missing-end.md');
    expect(lines(list)).toEqual(['back-to-top:23']);
    expect(list[0]?.message).toContain('[Back to top](#top)');
  });

  it('wants the link after the last section, not an earlier one', () => {
    const list = of('missing-mid-section.md');
    expect(lines(list)).toEqual(['back-to-top:29']);
    expect(list[0]?.message).toContain('"## Reactions"');
  });

  it('reports a link that does not point at #top', () => {
    const list = of('wrong-url.md');
    expect(lines(list)).toEqual(['back-to-top:25']);
    expect(list[0]?.message).toContain('"#memo-backlash"');
  });

  it('reports plain text "Back to top", and only that', () => {
    expect(lines(of('plain-text.md'))).toEqual(['back-to-top:25']);
    const lazy = of('plain-text-lazy.md');
    expect(lines(lazy)).toEqual(['back-to-top:24']);
    expect(lazy[0]?.message).toContain('plain text');
  });

  it('wants a link closing every section when the type says every-section', () => {
    const list = of('every-section-missing.md');
    expect(lines(list)).toEqual(['back-to-top:21']);
    expect(list[0]?.message).toContain('"## Background"');
  });

  it('wants none when the type says off', () => {
    expect(of('statement-off.md')).toEqual([]);
  });

  for (const name of ['missing-end', 'wrong-url', 'plain-text', 'plain-text-lazy', 'every-section-missing']) {
    it(`fixes ${name}: exactly the expected file, and a second fix changes nothing`, () => {
      const source = fixture(`${rule}/${name}.md`);
      const once = fixWith(rule, source);
      expect(once).toBe(fixture(`${rule}/${name}.fixed.md`));
      expect(fixWith(rule, once)).toBe(once);
      expect(findings(rule, `${rule}/${name}.fixed.md`)).toEqual([]);
    });
  }

  it('keeps CRLF line endings in what it adds', () => {
    const crlf = (text: string) => text.replace(/\n/g, '\r\n');
    for (const name of ['missing-end', 'plain-text-lazy']) {
      expect(fixWith(rule, crlf(fixture(`${rule}/${name}.md`)))).toBe(crlf(fixture(`${rule}/${name}.fixed.md`)));
    }
  });
});
