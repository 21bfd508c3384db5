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

  describe('a link typed inside the last block (#15): reported as such, moved out by --fix, never doubled', () => {
    const last = '- **Dec. 31, 2019** — Militia supporters break into the U.S. Embassy compound in Baghdad.';
    const base = fixture(`${rule}/pass.md`);
    const ending = (tail: string) => base.replace(`${last}\n\n[Back to top](#top)\n`, tail);
    const section = 'The last section, "## Sequence of Events", ends with its "Back to top" link inside';
    const cases: [name: string, tail: string, message: string, fixed: string][] = [
      [
        'typed right under the last item',
        `${last}\n[Back to top](#top)\n`,
        `${section} the last list item (a line typed right under an item joins it); put a blank line above the link.`,
        `${last}\n\n[Back to top](#top)\n`,
      ],
      [
        'indented under the last item',
        `${last}\n  [Back to top](#top)\n`,
        `${section} the last list item (a line typed right under an item joins it); put a blank line above the link and remove its indent.`,
        `${last}\n\n[Back to top](#top)\n`,
      ],
      [
        'indented under the last item after a blank line',
        `${last}\n\n  [Back to top](#top)\n`,
        `${section} the last list item (indented, it belongs to an item); remove the link's indent.`,
        `${last}\n\n[Back to top](#top)\n`,
      ],
      [
        "on the last item's own line",
        `${last} [Back to top](#top)\n`,
        `${section} the last list item; put the link on a line of its own, with a blank line above it.`,
        `${last}\n\n[Back to top](#top)\n`,
      ],
      [
        'typed right under a closing paragraph',
        `${last}\n\nMore to come.\n[Back to top](#top)\n`,
        `${section} the last paragraph (a line typed right under a paragraph joins it); put a blank line above the link.`,
        `${last}\n\nMore to come.\n\n[Back to top](#top)\n`,
      ],
      [
        'typed right under a closing quote',
        `${last}\n\n> More to come.\n[Back to top](#top)\n`,
        `${section} the block quote (a line typed right under a quote joins it); put a blank line above the link.`,
        `${last}\n\n> More to come.\n\n[Back to top](#top)\n`,
      ],
      [
        'inside a closing quote',
        `${last}\n\n> More to come.\n> [Back to top](#top)\n`,
        `${section} the block quote (a line typed right under a quote joins it); move the link out of the quote, with a blank line above it.`,
        `${last}\n\n> More to come.\n\n[Back to top](#top)\n`,
      ],
      [
        'with a comment right below it',
        `${last}\n[Back to top](#top)\n<!-- end -->\n`,
        `${section} the last list item (a line typed right under an item joins it); put a blank line above the link.`,
        `${last}\n\n[Back to top](#top)\n\n<!-- end -->\n`,
      ],
    ];
    for (const [name, tail, message, fixed] of cases) {
      it(`${name}: one finding at the link, fixed to exactly one link after the block`, () => {
        const source = ending(tail);
        const list = lint(source, { only: [rule] }).messages;
        expect(list.map((f) => `${f.line} ${f.message}`)).toEqual([
          `${source.split('\n').findIndex((line) => line.includes('[Back to top]')) + 1} ${message}`,
        ]);
        const once = fixWith(rule, source);
        expect(once).toBe(ending(fixed));
        expect(once.match(/\[Back to top\]/g)).toHaveLength(1);
        expect(lint(once).messages).toEqual([]);
        expect(fixWith(rule, once)).toBe(once);
        const crlf = (text: string) => text.replace(/\n/g, '\r\n');
        expect(fixWith(rule, crlf(source))).toBe(crlf(ending(fixed)));
      });
    }

    it('fixes a glued link with a wrong URL too, in two passes of one --fix', () => {
      const source = ending(`${last}\n[Back to top](#start)\n`);
      expect(lint(source, { only: [rule] }).messages.map((f) => f.message)).toEqual([
        '"Back to top" link points at "#start"; point it at "#top".',
        expect.stringContaining('inside the last list item'),
      ]);
      expect(fixWith(rule, source)).toBe(base);
    });

    it('closing a section that is not the last, when the type wants a link after every section', () => {
      const source = fixture(`${rule}/every-section-missing.md`);
      const glued = source.replace(/(\n- [^\n]+)\n\n\[Back to top\]\(#top\)\n/, '$1\n[Back to top](#top)\n');
      expect(glued).not.toBe(source);
      const list = lint(glued, { only: [rule] }).messages.map((f) => f.message);
      expect(list).toContainEqual(
        expect.stringMatching(/^Section "## Key Takeaways" ends with its "Back to top" link inside the last list item/),
      );
      expect(fixWith(rule, glued)).toBe(fixture(`${rule}/every-section-missing.fixed.md`));
    });

    it('is the fixture glued-link.md, fixed to pass.md', () => {
      expect(lines(of('glued-link.md'))).toEqual(['back-to-top:24']);
      expect(fixWith(rule, fixture(`${rule}/glued-link.md`))).toBe(fixture(`${rule}/glued-link.fixed.md`));
    });
  });

  it('keeps CRLF line endings in what it adds', () => {
    const crlf = (text: string) => text.replace(/\n/g, '\r\n');
    for (const name of ['missing-end', 'plain-text-lazy']) {
      expect(fixWith(rule, crlf(fixture(`${rule}/${name}.md`)))).toBe(crlf(fixture(`${rule}/${name}.fixed.md`)));
    }
  });
});
