import { describe, expect, it } from 'vitest';
import { findings, fixture, lines, lint, withOptions } from './helpers.js';

const rule = 'takeaways';
const of = (name: string, options = {}) => findings(rule, `${rule}/${name}`, options);

describe('takeaways', () => {
  it('passes one list of three short items', () => {
    expect(of('pass.md')).toEqual([]);
  });

  it('reports too few items at the heading', () => {
    const list = of('too-few.md');
    expect(lines(list)).toEqual(['takeaways:13']);
    expect(list[0]?.message).toBe('Key Takeaways has 2 items; write at least 3.');
  });

  it('reports too many items at the first one over', () => {
    const list = of('too-many.md');
    expect(lines(list)).toEqual(['takeaways:23']);
    expect(list[0]?.message).toContain('keep at most 8');
  });

  it('reports an empty item', () => {
    const list = of('empty-item.md');
    expect(lines(list)).toEqual(['takeaways:16']);
    expect(list[0]?.message).toContain('item 2 is empty');
  });

  it('reports an item over the word limit', () => {
    const list = of('long-item.md');
    expect(lines(list)).toEqual(['takeaways:16']);
    expect(list[0]?.message).toContain('item 2 is 121 words; the limit is 120');
  });

  it('reports two lists', () => {
    const list = of('two-lists.md');
    expect(lines(list)).toEqual(['takeaways:19']);
    expect(list[0]?.message).toContain('2 separate lists');
  });

  it('names the comment that split the list, and how to keep one list (#15)', () => {
    // Every rule on: the directive that split the list still covers the next line (no placeholders finding there).
    const list = lint(fixture('takeaways/split-by-comment.md')).messages;
    expect(list.map((f) => `${f.ruleId}:${f.line}:${f.column} ${f.message}`)).toEqual([
      "takeaways:16:1 Key Takeaways has 2 separate lists: the comment on line 16 ends the list above it (a comment at the start of a line ends a list); indent it 2 spaces, under the item's text, to keep one list.",
    ]);
    const two = of('split-by-two-comments.md');
    expect(two.map((f) => `${f.line} ${f.message}`)).toEqual([
      "16 Key Takeaways has 3 separate lists: the comments on lines 16 and 18 end the lists above them (a comment at the start of a line ends a list); indent each 2 spaces, under the item's text, to keep one list.",
    ]);
    // Numbered items have their text 3 columns in.
    const numbered = fixture('takeaways/split-by-comment.md').replace(/^- /gm, '1. ');
    expect(
      lint(numbered, { only: [rule] })
        .messages.filter((f) => f.ruleId === rule)
        .map((f) => f.message),
    ).toEqual([expect.stringContaining('indent it 3 spaces, under the item')]);
  });

  it('keeps one list when the comment is indented as told, and the directive in it still applies', () => {
    // Every rule on: the TK under the directive is suppressed, and nothing else is found.
    expect(lint(fixture('takeaways/comment-indented.md')).messages).toEqual([]);
    expect(
      lint(fixture('takeaways/comment-indented.md').replace('disable-next-line placeholders', 'disable-next-line anchors')).messages.map(
        (f) => `${f.ruleId}:${f.line}`,
      ),
    ).toEqual(['unused-disable:16', 'placeholders:17']);
  });

  it('keeps the old message when text, not a comment, stands between the lists', () => {
    expect(of('two-lists.md').map((f) => f.message)).toEqual([
      'Key Takeaways has 2 separate lists; merge them into one list of 3–8 items.',
    ]);
  });

  it('reports a section with no list', () => {
    const list = of('no-list.md');
    expect(lines(list)).toEqual(['takeaways:13']);
    expect(list[0]?.message).toContain('no list');
  });

  it('takes limits from the options', () => {
    const list = of('pass.md', { config: withOptions(rule, { maxItems: 2, maxItemWords: 10 }) });
    expect(lines(list)).toEqual(['takeaways:15', 'takeaways:17', 'takeaways:17']);
    expect(list.map((f) => f.message)).toEqual([
      'Key Takeaways item 1 is 17 words; the limit is 10. Cut 7 words or split it.',
      'Key Takeaways has 3 items; keep at most 2 (cut 1).',
      'Key Takeaways item 3 is 13 words; the limit is 10. Cut 3 words or split it.',
    ]);
  });
});
