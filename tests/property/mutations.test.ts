// Properties over damaged real memos: every memo in examples/ and tests/fixtures/ with lines
// deleted, duplicated or swapped, characters inserted or replaced, the text truncated, line
// endings switched to CRLF or a BOM added or removed; and with generated blocks spliced in.
// See ./pipeline.ts for what each case goes through and what is checked. `FUZZ_RUNS` cases per
// property (default 40), seeded by `FUZZ_SEED` when set.
import { describe, expect, it } from 'vitest';
import { CORPUS, FUZZ_RUNS, mutatedMemo, splicedMemo } from './arbitraries.js';
import { allProblems, itHasNoProblems, keptWords, lint } from './pipeline.js';

describe(`property on real memos, damaged (${FUZZ_RUNS} cases each): nothing throws, --fix is local and idempotent, JSON validates, HTML anchors resolve`, () => {
  it('the corpus is there', () => {
    expect(CORPUS.length).toBeGreaterThan(50);
    expect(CORPUS.map((file) => file.name)).toContain('examples/2019-12-31-backlash-to-us-strikes.md');
  });

  itHasNoProblems('random mutations', mutatedMemo);
  itHasNoProblems('generated blocks spliced in', splicedMemo);
});

/** A small rapid-response memo whose Sequence of Events ends the memo with these lines. */
function memoEndingIn(events: string[]): string {
  const head = [
    '---',
    'type: rapid-response',
    'title: Backlash',
    'date: 2019-12-31',
    '---',
    '',
    '# Memo: Backlash',
    '',
    'Lede.',
    '',
    '## Key Takeaways',
    '',
  ];
  return [...head, '- One.', '- Two.', '- Three.', '', '## Sequence of Events', '', ...events, ''].join('\n');
}

// --fix bugs the properties found, pinned with their exact inputs (pin a newly found one that
// cannot be fixed yet as `it.fails`).
describe('--fix bugs found by fuzzing', () => {
  it('offers no "Back to top" fix after an HTML block that runs to the end, and still fixes after a closed one (src/lint/rules/back-to-top.ts)', () => {
    // Found at FUZZ_RUNS=2000: a memo ending in `<style` got a link appended inside the style
    // block on every --fix. CommonMark HTML blocks 1-5 end only at their closing string.
    const backToTop = (text: string) => lint(text, false).messages.filter((message) => message.ruleId === 'back-to-top');
    for (const tail of [
      '<style',
      '<script>\nx',
      '<pre class="a">\ncode',
      '<TEXTAREA',
      '<?php echo 1;',
      '<!DOCTYPE html',
      '<![CDATA[ x',
      '<!-- open',
    ]) {
      const text = memoEndingIn(['- **Dec. 27, 2019** — A contractor is killed.', '', tail]);
      expect(
        backToTop(text).map((message) => message.fix),
        tail,
      ).toEqual([undefined]);
      expect(lint(text, true).output, tail).toBeUndefined();
    }
    for (const tail of [
      '<style>p {}</style>',
      '<script>\nx\n</script>',
      '<?php echo 1; ?>',
      '<!DOCTYPE html>',
      '<![CDATA[ x ]]>',
      '<!-- closed -->\n\nText.',
      '<div>\nx',
    ]) {
      const text = memoEndingIn(['- **Dec. 27, 2019** — A contractor is killed.', '', tail]);
      expect(backToTop(text).filter((message) => message.fix).length, tail).toBe(1);
      const output = lint(text, true).output ?? text;
      expect(backToTop(output), tail).toEqual([]);
    }
  });

  it('leaves a "Back to top" line inside an HTML or code block alone (src/lint/rules/back-to-top.ts)', () => {
    // Found at FUZZ_RUNS=2000 (seed 4242): the line was rewritten as a link, the blank line the
    // fix added ended the `<div>` block early, and the next line became Markdown to fix again.
    const found = '<div>raw <b>block</b></div>\nBack to top\n[Back to top](#)';
    expect(allProblems(found)).toEqual([]);
    expect(lint(found, true).output).toBeUndefined();
    for (const block of ['<div>raw</div>\nBack to top', '    indented code\n    Back to top', '```\nBack to top\n```']) {
      const text = memoEndingIn(['- **Dec. 27, 2019** — A contractor is killed.', '', 'Notes.', '', block]);
      const messages = lint(text, false).messages.filter((message) => message.ruleId === 'back-to-top');
      expect(
        messages.map((message) => message.message),
        block,
      ).toEqual([expect.stringMatching(/does not end with a "Back to top" link/)]);
      expect(allProblems(text), block).toEqual([]);
    }
  });

  it('inserts a missing title at the start of the first line, not after its indentation (src/lint/rules/title.ts)', () => {
    // Found at FUZZ_RUNS=2000 (seed 777): the heading went in after "\t ", inside what was an
    // indented code block, and the line after it lost its indent and turned into a paragraph.
    const text =
      '---\ntype: statement\ntitle: "the"\ndate: 2017-01-01\n---\n\n\t [[[Back to top](https://example.org/#top)](https://example.org/a?b=1&c=2) café](https://example.org/a?b=1&c=2) the';
    expect(allProblems(text)).toEqual([]);
    expect(lint(text, true).output).toBe(text.replace('\n\n\t ', '\n\n# Statement: the\n\n\t '));
  });

  it('keeps the byte-order mark when a fix applies (src/lint/engine.ts, lintText)', () => {
    const text = '\uFEFF---\ntype: rapid-response\ntitle: Backlash to U.S. Strikes in Iraq\ndate: 2019-12-31\n---\n\n# Memo: Wrong Title\n';
    const output = lint(text, true).output;
    expect(output).toBeDefined();
    expect(output?.startsWith('\uFEFF')).toBe(true);
  });

  it('adds one "Back to top" to a memo that ends in an unclosed code fence (src/lint/rules/back-to-top.ts)', () => {
    const text = '---\ntype: rapid-response\ntitle: "café"\ndate: 2017-01-01\n---\n\n```';
    const output = lint(text, true).output ?? text;
    expect(lint(output, true).output).toBeUndefined();
  });

  it('adds one "Back to top" to a memo that ends in an unclosed HTML comment (src/lint/rules/back-to-top.ts)', () => {
    const text =
      '---\ntype: backgrounder\ntitle: "the"\ndate: 2017-01-01\n---\n\n# Backgrounder: the\n\n## Key Takeaways\n\n## Background\n\n## Timeline\n\n<!-- unclosed comment\n\n## What Comes Next\n\n[Back to top](#top)\n\n- \u0000';
    const output = lint(text, true).output ?? text;
    expect(lint(output, true).output).toBeUndefined();
  });

  it('announces every change --fix makes: a plain "Back to top" mid-list does not hide the missing one at the end (src/lint/rules/back-to-top.ts)', () => {
    const text = memoEndingIn(['- **Dec. 27, 2019** — A contractor is killed.', 'Back to top', '- **Dec. 29, 2019** — U.S. airstrikes.']);
    const announced = lint(text, false).messages.filter((message) => message.fix);
    const last = Math.max(...announced.map((message) => message.fix?.range[1] ?? 0));
    const output = lint(text, true).output ?? text;
    expect(output.endsWith(text.slice(last))).toBe(true);
  });

  it('links a plain "Back to top" mid-list where it stands: the list is not split, so no unannounced fix follows (src/lint/rules/back-to-top.ts)', () => {
    // Found at FUZZ_RUNS=3000 (seed 2718), twice: moved out into its own paragraph, the line
    // split the events list in two, and the second list's items were then sorted unannounced.
    const text = memoEndingIn([
      '- **Dec. 29, 2019** — U.S. airstrikes.',
      '- **Dec. 27, 2019** — A contractor is killed.',
      'Back to top',
      '- January 0 — the',
      '- January 1 — the',
    ]);
    expect(allProblems(text)).toEqual([]);
    const shaped =
      '---\ntype: rapid-response\ntitle: "the"\ndate: 2019-02-30\n---\n\n# Memo: the\n\n## Key Takeaways\n\n## Sequence of Events\n\n- 2019-00-01 —   \n Back to top\n- January 1 —  \n- January 1, 2017 — *\n\n[Back to top](#top)';
    expect(allProblems(shaped)).toEqual([]);
    expect(lint(shaped, true).output).toContain('- 2019-00-01 —   \n [Back to top](#top)\n- January 1 —  \n');
  });

  it('announces the event sort when a plain "Back to top" ends the out-of-order list (src/lint/rules/dated-events.ts)', () => {
    const text = memoEndingIn(['- **Dec. 29, 2019** — U.S. airstrikes.', '- **Dec. 27, 2019** — A contractor is killed.', 'Back to top']);
    const announced = lint(text, false).messages.filter((message) => message.fix);
    expect(announced.map((message) => message.ruleId).sort()).toEqual(['back-to-top', 'dated-events']);
    const output = lint(text, true).output ?? text;
    expect(output).toContain(
      '- **Dec. 27, 2019** — A contractor is killed.\n- **Dec. 29, 2019** — U.S. airstrikes.\n\n[Back to top](#top)\n',
    );
    expect(lint(output, true).output).toBeUndefined();
  });

  it('fixes the title once when the front-matter title has a line break (src/lint/rules/title.ts)', () => {
    const text = '---\ntype: statement\ntitle: "Foo\\nBar"\ndate: 2019-12-31\n---\n\n# Foo\n\nText.\n';
    const output = lint(text, true).output ?? text;
    expect(lint(output, true).output).toBeUndefined();
  });

  it('leaves no "fixable" title finding when the front-matter title ends with a space (src/lint/rules/title.ts)', () => {
    const text = '---\ntype: statement\ntitle: "Foo "\ndate: 2019-12-31\n---\n\n# Foo\n\nText.\n';
    const result = lint(text, true);
    expect(result.messages.filter((message) => message.fix)).toEqual([]);
  });

  it('offers no "Back to top" fix after a ~~~ block that a ``` line does not close (src/lint/rules/back-to-top.ts)', () => {
    // Found at FUZZ_RUNS=500 (seed 365009321) by the word property: the "```" inside the block
    // was taken for its closing fence, and the link went in as code text, never a link.
    const found =
      '---\ntype: rapid-response\ntitle: "the"\ndate: 2019-02-30\n---\n\n# Memo: the\n\n## Key Takeaways\n\n~~~\n\n\n## Sequence of Events\n\n```';
    expect(allProblems(found)).toEqual([]);
    expect(lint(found, true).output).toBeUndefined();
    // Closed by its own kind of fence, it gets the link after it.
    const closed = memoEndingIn(['- **Dec. 27, 2019** — A contractor is killed.', '', '~~~~', '```', '~~~~']);
    expect(lint(closed, true).output).toBe(`${closed}\n[Back to top](#top)\n`);
  });

  it('may rewrite a title heading that reads "Back to top": the title is the one place --fix changes words (src/lint/rules/title.ts)', () => {
    // Found at FUZZ_RUNS=500 (seed 796802451) by the property that no "Back to top" is removed.
    const found = '---\ntype: backgrounder\ntitle: "café"\ndate: 2017-01-01\n---\n\n# Back to top';
    expect(allProblems(found)).toEqual([]);
    expect(lint(found, true).output).toContain('# Backgrounder: café');
  });

  it('rewrites a setext title without the link definitions typed right above it (src/memo/parse.ts, heading spans)', () => {
    // Found at FUZZ_RUNS=800 (seed -1136213259) by the word property: a setext heading's
    // position takes in the definitions above it, and the title fix deleted "[^1]: the".
    const found = '---\ntype: rapid-response\ntitle: "the"\ndate: 2019-02-30\n---\n\n[^1]: the\nthe\n===';
    expect(allProblems(found)).toEqual([]);
    const output = lint(found, true).output ?? '';
    expect(output).toContain('[^1]: the\n');
    expect(output).toMatch(/\n# Memo: the$/);
    expect(lint(found.replace('[^1]', '[a]'), false).messages.find((m) => m.ruleId === 'title')?.line).toBe(8);
  });

  it('runs the checks these bugs are skipped from on a memo without them', () => {
    const text = '---\ntype: statement\ntitle: Foo\ndate: 2019-12-31\n---\n\n# Foo\n\nText.\n';
    expect(lint(text, true).output).toBe(text.replace('# Foo', '# Statement: Foo'));
  });
});

// The word property (#15): --fix keeps the memo's words, but for what it documents writing.
describe('--fix keeps the words of a memo', () => {
  const words = keptWords;

  it('counts a word lost, gained or changed anywhere but in the title heading and the "Back to top"s', () => {
    const text = memoEndingIn(['- **Dec. 27, 2019** — A contractor is killed.']);
    expect(words(text)).toContain('contractor');
    expect(words(text.replace('contractor', 'worker'))).not.toEqual(words(text));
    expect(words(text.replace('Lede.', 'Lede. Lede.'))).not.toEqual(words(text));
    expect(words(text.replace('Lede.', ''))).not.toEqual(words(text));
    // Reordered, re-spaced, re-lined: the same words.
    expect(words(text.replace('- One.\n- Two.', '- Two.\r\n\n-   One.'))).toEqual(words(text));
    // What --fix documents writing does not count: the title heading, a "Back to top" in any form.
    expect(words(text.replace('# Memo: Backlash', '# Backlash and more'))).toEqual(words(text));
    expect(words(`${text}\n[Back to top](#start)\n\n↑ Back to top\n`)).toEqual(words(text));
  });

  it('holds for the fixes of #15: a glued link moved out, a title ending in ##, a timeline sorted with its link glued', () => {
    for (const text of [
      memoEndingIn(['- **Dec. 27, 2019** — A contractor is killed.', '[Back to top](#top)']),
      memoEndingIn(['- **Dec. 27, 2019** — A contractor is killed. [Back to top](#wrong)']),
      memoEndingIn([
        '- **Dec. 29, 2019** — Airstrikes.',
        '[Back to top](#top)',
        '- **Dec. 27, 2019** — A contractor is killed.',
        '[Back to top](#top)',
      ]),
      memoEndingIn(['- **Dec. 29, 2019** — Airstrikes.', '- **Dec. 27, 2019** — A contractor is killed.']).replace(
        'title: Backlash',
        'title: "Backlash ##"',
      ),
    ]) {
      expect(allProblems(text), text).toEqual([]);
      const output = lint(text, true).output;
      expect(output, text).toBeDefined();
      expect(words(output ?? ''), text).toEqual(words(text));
    }
  });
});
