import { describe, expect, it } from 'vitest';
import type { MemoType } from '../../../src/templates/structure.js';
import { emptyConfig } from '../../../src/config/config.js';
import { findings, fixWith, fixture, lines, lint, types } from './helpers.js';

const rule = 'dated-events';
const of = (name: string) => findings(rule, `${rule}/${name}`);

describe('dated-events', () => {
  it('passes dated events, oldest first, none after the memo', () => {
    expect(of('pass.md')).toEqual([]);
  });

  it('reports an undated item with its number and an example date', () => {
    const list = of('undated.md');
    expect(lines(list)).toEqual(['dated-events:22']);
    expect(list[0]?.message).toBe('Sequence of Events item 2 has no date; start it with a date such as "**Dec. 31, 2019** —".');
  });

  it('reports a date that is not a real one, saying why', () => {
    const list = of('not-real.md');
    expect(lines(list)).toEqual(['dated-events:22']);
    expect(list[0]?.message).toContain('"Feb. 30, 2019", which memokit cannot read as a date (February 2019 has 28 days)');
  });

  it("warns about an event after the memo's date", () => {
    const list = of('future.md');
    expect(lines(list)).toEqual(['dated-events:23']);
    expect(list[0]?.severity).toBe('warn');
    expect(list[0]?.message).toContain("after the memo's date 2019-12-31");
  });

  it('reports events out of order, once per misplaced item, with a fix', () => {
    const list = of('out-of-order.md');
    expect(lines(list)).toEqual(['dated-events:22']);
    expect(list[0]?.message).toContain('item 2 (Dec. 27, 2019) is out of order after item 1 (Dec. 31, 2019)');
    expect(list[0]?.fix).toBeDefined();
  });

  it('offers no reordering when an item has no valid date', () => {
    const list = of('out-of-order-undated.md');
    expect(lines(list)).toEqual(['dated-events:22', 'dated-events:23']);
    expect(list.every((finding) => finding.fix === undefined)).toBe(true);
  });

  it('checks newest-first order when the template asks for it', () => {
    const base = types.get('rapid-response') as MemoType;
    const newestFirst: MemoType = {
      ...base,
      sections: base.sections.map((section) => (section.role === 'events' ? { ...section, order: 'newest-first' } : section)),
    };
    const custom = new Map(types).set('rapid-response', newestFirst);
    const list = findings(rule, `${rule}/pass.md`, { types: custom });
    expect(lines(list)).toEqual(['dated-events:22', 'dated-events:23']);
    // The later item is the newer one: it must move up, as in an oldest-first list.
    expect(list[0]?.message).toContain('events run newest first, so move it up');
    expect(findings(rule, `${rule}/out-of-order.md`, { types: custom })).toHaveLength(1);
  });

  for (const name of ['out-of-order', 'out-of-order-loose', 'out-of-order-numbered']) {
    it(`fixes ${name}: items sorted, their text and the separators kept, a second fix changes nothing`, () => {
      const source = fixture(`${rule}/${name}.md`);
      const once = fixWith(rule, source);
      expect(once).not.toBe(source);
      expect(once).toBe(fixture(`${rule}/${name}.fixed.md`));
      expect(fixWith(rule, once)).toBe(once);
      expect(findings(rule, `${rule}/${name}.fixed.md`)).toEqual([]);
    });
  }

  it('sorts a list whose item has a "Back to top" line glued to it, leaving the line after the list', () => {
    const name = `${rule}/out-of-order-glued-back-to-top.md`;
    const list = findings(rule, name);
    expect(lines(list)).toEqual(['dated-events:23']);
    // The fix is announced (every --fix change is), and keeps the glued line out of the moved item.
    expect(list[0]?.fix?.text).toMatch(/\nBack to top$/);
    const fixed = lint(fixture(name), { fix: true }).output;
    expect(fixed).toBe(fixture(`${rule}/out-of-order.fixed.md`));
    expect(lint(fixed ?? '', { fix: true }).output).toBeUndefined();
  });

  it('never carries a glued "Back to top" link with its item: under the last item it ends up after the list (#15)', () => {
    const name = `${rule}/out-of-order-glued-link.md`;
    expect(lines(findings(rule, name))).toEqual(['dated-events:23']);
    const all = lint(fixture(name)).messages;
    expect(all.map((f) => `${f.ruleId}:${f.line}`)).toEqual(['dated-events:23', 'back-to-top:24']);
    // The sort leaves the link where it was typed, under the last place of the list, and no item takes it along.
    expect(all[0]?.fix?.text).toMatch(/Baghdad\.\n\[Back to top\]\(#top\)$/);
    const fixed = lint(fixture(name), { fix: true }).output;
    expect(fixed).toBe(fixture(`${rule}/out-of-order.fixed.md`));
    expect(lint(fixed ?? '', { fix: true }).output).toBeUndefined();
  });

  it('leaves a link glued under a middle item at its place in the list, not with the item it was under', () => {
    const source = fixture(`${rule}/out-of-order-glued-link-mid.md`);
    const fixed = fixWith(rule, source);
    expect(fixed).toContain(
      [
        '- **Dec. 27, 2019** — An American contractor is killed in a rocket attack on a base near Kirkuk.',
        '[Back to top](#top)',
        '- **Dec. 29, 2019** — U.S. airstrikes hit Kataib Hezbollah positions in Iraq and Syria.',
        '- **Dec. 31, 2019** — Militia supporters break into the U.S. Embassy compound in Baghdad.',
      ].join('\n'),
    );
    expect(fixWith(rule, fixed)).toBe(fixed);
    // A link at the end of an item's own line stays at its place too, on a line of its own.
    const sameLine = fixture(`${rule}/out-of-order-glued-link.md`).replace('Kirkuk.\n[Back to top](#top)', 'Kirkuk. [Back to top](#top)');
    expect(fixWith(rule, sameLine)).toBe(
      fixture(`${rule}/out-of-order.fixed.md`).replace('Baghdad.\n\n[Back to top](#top)', 'Baghdad.\n[Back to top](#top)'),
    );
  });

  it('offers no sort when a glued line would have to follow an item that ends in something else than a paragraph', () => {
    const source = fixture(`${rule}/out-of-order-glued-link-mid.md`).replace(
      '- **Dec. 27, 2019** — An American contractor is killed in a rocket attack on a base near Kirkuk.',
      '- **Dec. 27, 2019** — An American contractor is killed in a rocket attack on a base near Kirkuk.\n\n  ```\n  report\n  ```',
    );
    // The link under item 1 would go under the moved item 3, after its code block, and split the list.
    expect(lint(source, { only: [rule] }).messages.map((f) => [f.line, f.fix])).toEqual([[24, undefined]]);
    expect(lint(source.replace('[Back to top](#top)\n- **Dec. 31', '- **Dec. 31'), { only: [rule] }).messages[0]?.fix).toBeDefined();
  });

  it('reads every precision and passes a timeline whose intervals are in order (overlaps allowed)', () => {
    expect(of('precisions.md')).toEqual([]);
    expect(fixWith(rule, fixture(`${rule}/precisions.md`))).toBe(fixture(`${rule}/precisions.md`));
  });

  it('reads "May 2018" and "December 2019" as months: no false "after the memo", no false order, --fix is a no-op', () => {
    expect(of('month-precision.md')).toEqual([]);
    const source = fixture(`${rule}/month-precision.md`);
    expect(lint(source, { fix: true }).output).toBeUndefined();
  });

  it('compares times on the same day', () => {
    const list = of('times-out-of-order.md');
    expect(lines(list)).toEqual(['dated-events:23']);
    expect(list[0]?.message).toBe(
      'Sequence of Events item 3 (Dec. 31, 9:00 a.m.) is out of order after item 2 (Dec. 31, 10:40 a.m.); events run oldest first, so move it up.',
    );
  });

  it('reads day-first and numeric dates, and quotes what it cannot read instead of calling it missing', () => {
    const list = of('unreadable.md');
    expect(lines(list)).toEqual(['dated-events:23', 'dated-events:24']);
    expect(list[0]?.message).toBe(
      'Sequence of Events item 3 starts with "32/13/2019", which memokit cannot read as a date (neither 32 nor 13 can be a month); write it like "**Dec. 31, 2019** —".',
    );
    expect(list[1]?.message).toBe('Sequence of Events item 4 has no date; start it with a date such as "**Dec. 31, 2019** —".');
  });

  it('reads numeric dates month first by default, day first with dateOrder: dmy', () => {
    // 11/12 then 12/11: Nov. 12 then Dec. 11 month first (in order); Dec. 11 then Nov. 12 day first.
    const source = fixture(`${rule}/pass.md`).replace('**Dec. 27, 2019**', '**11/12/2019**').replace('**Dec. 29, 2019**', '**12/11/2019**');
    expect(lint(source, { only: [rule] }).messages).toEqual([]);
    const dmy = lint(source, { only: [rule], config: { ...emptyConfig(), dateOrder: 'dmy' } }).messages;
    expect(dmy.map((m) => [m.line, m.message])).toEqual([
      [22, 'Sequence of Events item 2 (12/11/2019) is out of order after item 1 (11/12/2019); events run oldest first, so move it up.'],
    ]);
  });

  it('treats paragraphs that start with a date as the events of a section without a list, and fixes their order', () => {
    const list = of('paragraphs.md');
    expect(lines(list)).toEqual(['dated-events:25']);
    expect(list[0]?.message).toContain('item 2 (Dec. 27, 2019) is out of order after item 1 (Dec. 29, 2019)');
    const once = fixWith(rule, fixture(`${rule}/paragraphs.md`));
    expect(once).toBe(fixture(`${rule}/paragraphs.fixed.md`));
    expect(fixWith(rule, once)).toBe(once);
  });

  it('moves an item whole, nested list and continuation lines included', () => {
    const once = fixWith(rule, fixture(`${rule}/nested.md`));
    expect(once).toBe(fixture(`${rule}/nested.fixed.md`));
    expect(findings(rule, `${rule}/nested.fixed.md`)).toEqual([]);
  });

  it("warns when a weekday is not the date's", () => {
    const source = fixture(`${rule}/pass.md`)
      .replace('**Dec. 27, 2019**', '**Friday, Dec. 27, 2019**')
      .replace('**Dec. 29, 2019**', '**Fri., Dec. 29**');
    const list = lint(source, { only: [rule] }).messages;
    expect(list.map((m) => [m.line, m.severity, m.message])).toEqual([
      [22, 'warn', 'Sequence of Events item 2 says Fri., but 2019-12-29 is a Sunday; correct the weekday or the date.'],
    ]);
  });
});
