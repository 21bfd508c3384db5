// Properties over generated memos: Markdown shaped like its memo type, free mixes of every
// block and inline construct, lists and quotes nested past every limit, and generated front
// matter (valid and invalid YAML, wrong types, duplicate keys, huge strings, aliases, documents
// that are not a mapping, unclosed fences) over memo-shaped bodies. See ./pipeline.ts for what
// each case goes through and what is checked. `FUZZ_RUNS` cases per property (default 40),
// seeded by `FUZZ_SEED` when set; fast-check prints the seed of a failing run.
import { describe, expect, it } from 'vitest';
import { deepMemo, freeMarkdown, frontMatterMemo, FUZZ_RUNS, shapedMemo } from './arbitraries.js';
import { allProblems, itHasNoProblems } from './pipeline.js';

const SOURCES = [
  ['memos shaped like their type', shapedMemo],
  ['free mixes of Markdown blocks', freeMarkdown],
  ['lists and quotes nested deep', deepMemo],
  ['any front matter over a memo-shaped body', frontMatterMemo],
] as const;

describe(`property on generated memos (${FUZZ_RUNS} cases each): nothing throws, --fix is local and idempotent, JSON validates, HTML anchors resolve`, () => {
  for (const [name, source] of SOURCES) itHasNoProblems(name, source);
});

// Memos these properties found, pinned with their exact (shrunk) inputs; each is checked once.
const FOUND = [
  // Found at 1,500 runs: a link to `#{%` is exported as `#%7B%25`; the check read that back wrong.
  [
    'a broken in-page link with a stray % (#{%)',
    '---\ntype: rapid-response\ntitle: " "\ndate: 2017-01-01\n---\n\n# Memo:  \n\n## Key Takeaways\n\n- [\u0000](#{%  "café") the\n\n## Sequence of Events\n\n[Back to top](#top)\n\n- café',
  ],
  // Found at 2,000 runs: juice treated `{{ … }}` as template code, from a `{{` in a link title to
  // a later `}}`, and mangled the email export's markup in between (src/export/html.ts).
  [
    '{{ in a link title and }} further on, in the email export',
    '---\ntype: rapid-response\ntitle: "*"\ndate: 2017-01-01\n---\n\n# Memo: *\n\n- [[[*](https://example.org/a?b=1&c=2 "{{") café]() the](#top) *\n- [*{{title}} ** café](https://example.org/a?b=1&c=2) *\n\n## Key Takeaways\n\n## Sequence of Events\n\n[Back to top](#top)\n\n- [[*](#key-takeaways) the](#top) the',
  ],
  // Found at 3,000 runs (seed 90210): the list item's unclosed `<!--` ends with the item, which
  // ends after the blank line below it; the Back to top link went in there, right above `.` and
  // `===`, and became a setext heading with them, so every --fix added another.
  [
    'a list item ending in an unclosed <!-- right above a setext heading',
    '---\ntype: backgrounder\ntitle: "the"\ndate: 2017-01-01\n---\n\n# Backgrounder: the\n\n## Key Takeaways\n\n- <!-- the\n\n.\n===\n\n## Background\n\n## Timeline\n\n## What Comes Next\n\n[Back to top](#top)\n\n- café',
  ],
  // Found at 2,000 runs by the word check of --fix: a ``` line does not close a ~~~ fence, so the
  // added "Back to top" landed inside the code block, as words that were never the memo's.
  [
    'a ~~~ fence that a ``` line does not close, at the end of the memo',
    '---\ntype: backgrounder\ntitle: "the"\ndate: 2019-02-30\n---\n\n# Backgrounder: the\n\n## Key Takeaways\n\n## Background\n\n## Timeline\n\n## What Comes Next\n\n~~~\n\n\n```',
  ],
  // Found by seed 422378302: moving the link out from behind `[^1]: the` left that line alone,
  // a link definition as CommonMark reads it, so its words were gone: reported, not fixed.
  [
    'a Back to top link behind text that alone would be a link definition ([^1]: the)',
    '---\ntype: backgrounder\ntitle: "the"\ndate: 2017-01-01\n---\n\n# Backgrounder: the\n\n## Key Takeaways\n\n[^1]: the [Back to top](#top)\n\n## Background\n\n## Timeline\n\n## What Comes Next\n\n[Back to top](#top)',
  ],
  // Found by a random seed: a plain "Back to top" glued under a list item, with the item's
  // nested list indented below a blank line; moving the line out (a blank line above it) ended
  // the list, and the nested list became an indented code block ("j" became "&#x6A;").
  [
    'a plain Back to top glued under an item whose nested list follows a blank line',
    '---\ntype: rapid-response\ntitle: "*"\ndate: 2019-02-30\n---\n\n# Memo: *\n\n## Key Takeaways\n\n## Sequence of Events\n\n- café\nBack to top\n\n    - &#x6A;',
  ],
  // Found at 2,000 runs (seed 1261408872, "nested deep"): "Back to top" with a word after it was
  // exported as `#`, no id; the model's empty heading in an uncited footnote made `#` look meant.
  [
    'a Back to top link (#) with words beside it',
    '---\ntype: rapid-response\ntitle: "the"\ndate: 2017-01-01\n---\n\n# Memo: the\n\n[^1]: #\n\n## Key Takeaways\n\n## Sequence of Events\n\n[Back to top](#) the\n\n[Back to top](#top)\n\n- the',
  ],
] as const;

describe('generated memos the properties found', () => {
  for (const [name, text] of FOUND) it(name, () => expect(allProblems(text)).toEqual([]));
});
