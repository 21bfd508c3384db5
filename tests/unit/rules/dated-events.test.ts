import { describe, expect, it } from 'vitest';
import type { MemoType } from '../../../src/templates/structure.js';
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

  it('reports a date that is not a real one', () => {
    const list = of('not-real.md');
    expect(lines(list)).toEqual(['dated-events:22']);
    expect(list[0]?.message).toContain('"Feb. 30, 2019", which is not a real date');
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
    expect(list[0]?.message).toContain('newest first');
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
});
