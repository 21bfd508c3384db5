// Authors are people, plural (issue #15, point 10): `author: [Dana Reyes, Omid Farahani]` reaches
// every export with each person in it. The JSON export's fields are in json.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleFeedObject, bundleText } from '../../../src/export/bundle.js';
import { exportHtml } from '../../../src/export/html.js';
import { exportText } from '../../../src/export/text.js';
import type { Memo } from '../../../src/memo/model.js';
import { parseMemo } from '../../../src/memo/parse.js';
import { loadMemoTypes } from '../../../src/templates/load.js';
import { namesInProse } from '../../../src/util/names.js';
import { FIXTURES } from '../../helpers/cli.js';
import { elements, parseHtml } from '../../helpers/html.js';

const AUTHORS = join(FIXTURES, 'authors');
const load = (name: string): Memo => parseMemo(readFileSync(join(AUTHORS, name), 'utf8'), { path: name, types: loadMemoTypes() });
const authorMeta = (html: string): unknown[] =>
  elements(parseHtml(html), (node) => node.tagName === 'meta' && node.properties['name'] === 'author').map(
    (node) => node.properties['content'],
  );

describe('HTML: one author meta per person', () => {
  it('writes each author of a list, in order', () => {
    expect(authorMeta(exportHtml(load('two-authors.md')))).toEqual(['Dana Reyes', 'Omid Farahani']);
    expect(authorMeta(exportHtml(load('block-list.md')))).toEqual(['Reyes, Dana', 'Omid Farahani', 'Policy Team, Acme Inc.']);
  });

  it('writes one for one author, none for none, and escapes what it writes', () => {
    expect(authorMeta(exportHtml(load('one-author.md')))).toEqual(['Policy Team']);
    const none = parseMemo('---\ntype: statement\ntitle: T\ndate: 2020-01-01\n---\n\n# Statement: T\n\nText.\n', {
      path: 'n.md',
      types: loadMemoTypes(),
    });
    expect(authorMeta(exportHtml(none))).toEqual([]);
    const html = exportHtml(
      parseMemo(
        "---\ntype: statement\ntitle: T\ndate: 2020-01-01\nauthor: ['\"><script>x</script>', Omid]\n---\n\n# Statement: T\n\nText.\n",
        {
          path: 'x.md',
          types: loadMemoTypes(),
        },
      ),
    );
    // Inside a quoted attribute value `<script>` is text; the quote is what must not get out.
    expect(elements(parseHtml(html), (node) => node.tagName === 'script')).toEqual([]);
    expect(authorMeta(html)).toEqual(['"><script>x</script>', 'Omid']);
  });
});

describe('bundle: JSON Feed 1.1 authors', () => {
  it('gives each item one author object per person, and none when the memo has none', () => {
    const feed = bundleFeedObject([load('two-authors.md'), load('block-list.md'), load('one-author.md')], { sort: 'input' });
    expect(feed.items.map((item) => item.authors)).toEqual([
      [{ name: 'Dana Reyes' }, { name: 'Omid Farahani' }],
      [{ name: 'Reyes, Dana' }, { name: 'Omid Farahani' }, { name: 'Policy Team, Acme Inc.' }],
      [{ name: 'Policy Team' }],
    ]);
    const none = parseMemo('---\ntype: statement\ntitle: T\ndate: 2020-01-01\nauthor: []\n---\n\n# Statement: T\n\nText.\n', {
      path: 'n.md',
      types: loadMemoTypes(),
    });
    expect(bundleFeedObject([none]).items[0]).not.toHaveProperty('authors');
  });
});

describe('text: the memo’s own words', () => {
  it('adds no byline of its own, so a byline in the body is never doubled', () => {
    const withByline = parseMemo(
      '---\ntype: statement\ntitle: T\ndate: 2020-01-01\nauthor: [Dana Reyes, Omid Farahani]\n---\n\n# Statement: T\n\nBy Dana Reyes and Omid Farahani.\n\nText.\n',
      { path: 'b.md', types: loadMemoTypes() },
    );
    expect(exportText(withByline)).toBe('January 1, 2020\n\nStatement: T\n\nBy Dana Reyes and Omid Farahani.\n\nText.\n');
    expect(bundleText([withByline]).match(/By Dana Reyes/g)).toHaveLength(1);
  });

  it('says a list of names as a reader would, AP style', () => {
    expect(namesInProse([])).toBe('');
    expect(namesInProse(['Dana Reyes'])).toBe('Dana Reyes');
    expect(namesInProse(['Dana Reyes', 'Omid Farahani'])).toBe('Dana Reyes and Omid Farahani');
    expect(namesInProse(['A', 'B', 'C'])).toBe('A, B and C');
  });
});
