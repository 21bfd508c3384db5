// The newsletter bundle on real memo files: two memos that both have "Key Takeaways" (so ids
// must be prefixed per memo), the example memo, a hostile memo and an anchor corner-case memo.
// Outputs are parsed back (rehype-parse, JSON.parse) and checked as data.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { describe, expect, it } from 'vitest';
import { bundleFeed, bundleHtml, bundleText, formatDateRange, sortMemos } from '../../../src/export/bundle.js';
import { exportHtml } from '../../../src/export/html.js';
import { exportText } from '../../../src/export/text.js';
import type { Memo } from '../../../src/memo/model.js';
import { parseMemo } from '../../../src/memo/parse.js';
import { loadMemoTypes } from '../../../src/templates/load.js';
import { anchorProblems, elements, parseHtml, safetyProblems } from '../../helpers/html.js';
import { EMAIL_CSS, MEMO_CSS } from '../../../src/export/style.css.js';

/** Our stylesheets: the built-in one and what --email adds (its layout). */
const OUR_CSS = `${MEMO_CSS}\n${EMAIL_CSS}`;
import { EXAMPLE, FIXTURES, ROOT } from '../../helpers/cli.js';

const WEEK_ONE = join(FIXTURES, 'export', 'week-one.md'); // 2019-12-27
const WEEK_TWO = join(FIXTURES, 'export', 'week-two.md'); // 2019-12-29
const HOSTILE = join(FIXTURES, 'export', 'hostile.md'); // 2019-12-30
const EDGE = join(FIXTURES, 'export', 'edge-cases.md'); // 2020-01-03

function load(file: string, path = file): Memo {
  return parseMemo(readFileSync(file, 'utf8'), { path, types: loadMemoTypes() });
}

/** A memo from inline Markdown, for dates and ordering. */
function memoOn(date: string, path: string, title = `Memo of ${date}`): Memo {
  return parseMemo(`---\ntype: statement\ntitle: ${title}\ndate: ${date}\n---\n\n# ${title}\n\nText.\n`, { path, types: loadMemoTypes() });
}

const parse = parseHtml;

function ids(tree: Root | Element): string[] {
  return elements(tree)
    .map((node) => node.properties['id'])
    .filter((id): id is string => typeof id === 'string');
}

/** Nothing active (tests/helpers/html.ts holds the one checker the suites share). */
function expectSafe(tree: Root, _html: string): void {
  expect(safetyProblems(tree, { stylesheet: OUR_CSS, styleAttributes: true })).toEqual([]);
}

function expectAnchorsResolve(tree: Root): void {
  expect(anchorProblems(tree)).toEqual([]);
  expect(elements(tree, (node) => String(node.properties['href'] ?? '').startsWith('#')).length).toBeGreaterThan(0);
}

const articles = (tree: Root): Element[] => elements(tree, (node) => node.tagName === 'article');

describe('bundleHtml', () => {
  const memos = [load(WEEK_ONE), load(EXAMPLE), load(WEEK_TWO)];
  const html = bundleHtml(memos, {});
  const tree = parse(html);

  it('is a complete document with the issue title, the date range and lang', () => {
    expect(html.startsWith('<!doctype html>\n')).toBe(true);
    expect(html.endsWith('</html>\n')).toBe(true);
    expect(elements(tree, (node) => node.tagName === 'html')[0]?.properties['lang']).toBe('en');
    expect(toText(elements(tree, (node) => node.tagName === 'title')[0] as Element)).toBe('Memos');
    const h1s = elements(tree, (node) => node.tagName === 'h1');
    expect(h1s.map((node) => toText(node))).toEqual(['Memos']);
    const [range] = elements(tree, (node) => String(node.properties['className']) === 'issue-dates');
    expect(toText(range as Element)).toBe('December 27–31, 2019');
  });

  it('escapes a custom issue title', () => {
    const custom = parse(bundleHtml(memos, { title: '<b>Week</b> of Dec. 27 & after' }));
    expect(toText(elements(custom, (node) => node.tagName === 'h1')[0] as Element)).toBe('<b>Week</b> of Dec. 27 & after');
    expect(toText(elements(custom, (node) => node.tagName === 'title')[0] as Element)).toBe('<b>Week</b> of Dec. 27 & after');
    expect(elements(custom, (node) => node.tagName === 'b')).toEqual([]);
  });

  it('lists every memo in the contents, newest first, linking to its article', () => {
    const [nav] = elements(tree, (node) => node.tagName === 'nav');
    expect(nav?.properties['id']).toBe('contents');
    const links = elements(nav as Element, (node) => node.tagName === 'a');
    expect(links.map((node) => toText(node))).toEqual([
      'Backlash to U.S. Strikes in Iraq Underscores Failure of Max Pressure',
      'U.S. Strikes Kataib Hezbollah in Iraq and Syria',
      'Militia Attack Kills U.S. Contractor Near Kirkuk',
    ]);
    expect(links.map((node) => node.properties['href'])).toEqual(['#2019-12-31-backlash-to-us-strikes', '#week-two', '#week-one']);
    expect(articles(tree).map((node) => node.properties['id'])).toEqual(['2019-12-31-backlash-to-us-strikes', 'week-two', 'week-one']);
  });

  it('gives each memo its date line and its title', () => {
    for (const article of articles(tree)) {
      const [header] = elements(article, (node) => node.tagName === 'header');
      const [time] = elements(header as Element, (node) => node.tagName === 'time');
      const [title] = elements(header as Element, (node) => node.tagName === 'h2');
      expect(toText(title as Element)).toMatch(/^Memo: /);
      expect(time?.properties['dateTime']).toMatch(/^2019-12-(27|29|31)$/);
    }
    const [first] = articles(tree);
    expect(toText(elements(first as Element, (node) => node.tagName === 'time')[0] as Element)).toBe('December 31, 2019');
  });

  it('prefixes every id in a memo and rewrites its in-page links', () => {
    expectAnchorsResolve(tree);
    const all = ids(tree);
    expect(all).toContain('week-one--key-takeaways');
    expect(all).toContain('week-two--key-takeaways');
    expect(all).toContain('2019-12-31-backlash-to-us-strikes--key-takeaways');
    expect(all).not.toContain('key-takeaways');
    const [weekOne] = articles(tree).filter((node) => node.properties['id'] === 'week-one');
    const inMemo = elements(weekOne as Element, (node) => node.tagName === 'a').map((node) => node.properties['href']);
    expect(inMemo).toEqual(['#week-one--key-takeaways', '#week-one--sequence-of-events', '#week-one', '#contents']);
  });

  it('ends every memo with "Back to contents", and its "Back to top" returns to the memo', () => {
    for (const article of articles(tree)) {
      const last = article.children.filter((node): node is Element => node.type === 'element').pop();
      expect(last && toText(last)).toBe('Back to contents');
      expect(elements(last as Element, (node) => node.tagName === 'a')[0]?.properties['href']).toBe('#contents');
      const back = elements(article, (node) => node.tagName === 'a' && toText(node) === 'Back to top');
      expect(back.map((node) => node.properties['href'])).toEqual([`#${String(article.properties['id'])}`]);
    }
  });

  it('demotes memo headings under the issue title', () => {
    expect(elements(tree, (node) => node.tagName === 'h3').map((node) => toText(node))).toContain('Key Takeaways');
    expect(elements(tree, (node) => node.tagName === 'h2').map((node) => toText(node))).toContain('Contents');
  });

  it('is deterministic and leaves the memos unchanged', () => {
    const before = memos.map((memo) => JSON.stringify(memo.tree));
    expect(bundleHtml([load(WEEK_ONE), load(EXAMPLE), load(WEEK_TWO)], {})).toBe(html);
    expect(bundleHtml(memos, { email: true })).toBe(bundleHtml(memos, { email: true }));
    expect(memos.map((memo) => JSON.stringify(memo.tree))).toEqual(before);
  });

  it('keeps ids unique for two files with the same name and for anchor corner cases', () => {
    const twins = parse(bundleHtml([load(WEEK_ONE, 'a/memo.md'), load(WEEK_ONE, 'b/memo.md'), load(EDGE)], {}));
    expect(articles(twins).map((node) => node.properties['id'])).toEqual(['edge-cases', 'memo', 'memo-1']);
    expectAnchorsResolve(twins);
    expect(ids(twins)).toEqual(
      expect.arrayContaining(['memo--key-takeaways', 'memo-1--key-takeaways', 'edge-cases--top-1', 'edge-cases--café-and-crème']),
    );
  });

  it('inlines the stylesheet with email', () => {
    const email = bundleHtml(memos, { email: true });
    const emailTree = parse(email);
    // The 600 px table column does the layout; no block relies on max-width, and no <style> is left.
    for (const article of articles(emailTree)) expect(String(article.properties['style'])).toContain('max-width: none');
    expect(elements(emailTree, (node) => node.tagName === 'style')).toEqual([]);
    expect(elements(emailTree, (node) => node.tagName === 'table' && String(node.properties['width']) === '600')).toHaveLength(1);
    expectAnchorsResolve(emailTree);
  });
});

describe('bundleHtml: sorting', () => {
  const first = memoOn('2019-12-30', 'first.md');
  const second = memoOn('2019-12-31', 'second.md');
  const tieA = memoOn('2019-12-29', 'tie-a.md');
  const tieB = memoOn('2019-12-29', 'tie-b.md');
  const order = (memos: Memo[]) => memos.map((memo) => memo.path);

  it('sorts newest first by default, oldest first with date-asc, keeps input order with input', () => {
    const input = [tieA, first, tieB, second];
    expect(order(sortMemos(input))).toEqual(['second.md', 'first.md', 'tie-a.md', 'tie-b.md']);
    expect(order(sortMemos(input, 'date-asc'))).toEqual(['tie-a.md', 'tie-b.md', 'first.md', 'second.md']);
    expect(order(sortMemos(input, 'input'))).toEqual(['tie-a.md', 'first.md', 'tie-b.md', 'second.md']);
    expect(order(sortMemos([tieB, tieA], 'date-desc'))).toEqual(['tie-b.md', 'tie-a.md']);
  });

  it('orders the articles by the sort option', () => {
    const asc = parse(bundleHtml([second, first], { sort: 'date-asc' }));
    expect(articles(asc).map((node) => node.properties['id'])).toEqual(['first', 'second']);
    const input = parse(bundleHtml([first, second], { sort: 'input' }));
    expect(articles(input).map((node) => node.properties['id'])).toEqual(['first', 'second']);
  });
});

describe('formatDateRange', () => {
  it('writes a single day, a range in one month, across months and across years', () => {
    expect(formatDateRange([memoOn('2019-12-31', 'a.md')])).toBe('December 31, 2019');
    expect(formatDateRange([memoOn('2019-12-31', 'a.md'), memoOn('2019-12-27', 'b.md')])).toBe('December 27–31, 2019');
    expect(formatDateRange([memoOn('2019-12-03', 'a.md'), memoOn('2019-11-28', 'b.md')])).toBe('November 28 – December 3, 2019');
    expect(formatDateRange([memoOn('2020-01-03', 'a.md'), memoOn('2019-12-31', 'b.md')])).toBe('December 31, 2019 – January 3, 2020');
    expect(formatDateRange([memoOn('2020-01-03', 'a.md'), memoOn('2019-12-31', 'b.md')], 'iso')).toBe('2019-12-31 – 2020-01-03');
    expect(formatDateRange([])).toBeUndefined();
  });
});

describe('bundle of a hostile memo', () => {
  const memos = [load(HOSTILE), load(WEEK_ONE)];

  for (const email of [false, true]) {
    it(`lets nothing dangerous through${email ? ' (email)' : ''}`, () => {
      const html = bundleHtml(memos, { email, title: '<script>alert("issue")</script>' });
      const tree = parse(html);
      expectSafe(tree, html);
      expectAnchorsResolve(tree);
      expect(toText(elements(tree, (node) => node.tagName === 'h1')[0] as Element)).toBe('<script>alert("issue")</script>');
      const [contents] = elements(tree, (node) => node.tagName === 'nav');
      expect(toText(elements(contents as Element, (node) => node.tagName === 'a')[0] as Element)).toBe(memos[0]?.title);
    });
  }

  it('gives the feed safe content_html', () => {
    const feed = JSON.parse(bundleFeed(memos, {})) as { items: { content_html: string }[] };
    for (const item of feed.items) {
      const tree = parse(item.content_html, true);
      expectSafe(tree, item.content_html);
      expectAnchorsResolve(tree);
    }
  });
});

describe('bundleText', () => {
  const memos = [load(WEEK_ONE), load(WEEK_TWO)];
  const text = bundleText(memos, {});

  it('has the title, the date range, numbered contents, and each memo between = rules', () => {
    const lines = text.split('\n');
    expect(lines.slice(0, 7)).toEqual([
      'Memos',
      'December 27–29, 2019',
      '',
      'Contents',
      '',
      '1. U.S. Strikes Kataib Hezbollah in Iraq and Syria (December 29, 2019)',
      '2. Militia Attack Kills U.S. Contractor Near Kirkuk (December 27, 2019)',
    ]);
    expect(lines.filter((line) => /^=+$/.test(line))).toHaveLength(2);
    const chunks = text.split(/\n=+\n/);
    expect(chunks).toHaveLength(3);
    // Each memo as its text export, with its authors under the date line when it has any.
    expect(chunks[1]?.trim()).toBe(
      exportText(memos[1] as Memo)
        .trim()
        .replace('\n', '\nBy Policy Team\n'),
    );
    expect(chunks[2]?.trim()).toBe(exportText(memos[0] as Memo).trim());
    expect(text).not.toContain('Back to top');
    expect(text.endsWith('.\n')).toBe(true);
  });

  it('follows the sort, the width and the title options, deterministically', () => {
    const asc = bundleText(memos, { sort: 'date-asc', width: 0, title: 'Weekly' });
    expect(asc.split('\n')[0]).toBe('Weekly');
    expect(asc.indexOf('Militia Attack Kills')).toBeLessThan(asc.indexOf('U.S. Strikes Kataib'));
    expect(asc).toContain(exportText(memos[0] as Memo, { width: 0 }).trim());
    expect(bundleText([load(WEEK_ONE), load(WEEK_TWO)], {})).toBe(text);
  });
});

describe('bundleFeed', () => {
  const memos = [load(WEEK_ONE), load(EXAMPLE), load(WEEK_TWO)];
  const places = { root: ROOT, cwd: ROOT, authority: 'example.org' };
  const json = bundleFeed(memos, { title: 'Iran Weekly', lang: 'en', places });
  const feed = JSON.parse(json) as {
    version: string;
    title: string;
    language?: string;
    items: {
      id: string;
      title: string;
      content_html: string;
      content_text: string;
      date_published?: string;
      tags?: string[];
      summary?: string;
      authors?: { name: string }[];
    }[];
  };

  it('is a JSON Feed 1.1 with one item per memo, newest first', () => {
    expect(json.endsWith('}\n')).toBe(true);
    expect(json).toContain('\n  "version"');
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.title).toBe('Iran Weekly');
    expect(feed.language).toBe('en');
    // Stable ids (export/feed-places.ts): tag: URIs from the authority, the memo's date and its path under the root.
    expect(feed.items.map((item) => item.id)).toEqual([
      'tag:example.org,2019-12-31:examples/2019-12-31-backlash-to-us-strikes',
      'tag:example.org,2019-12-29:tests/fixtures/export/week-two',
      'tag:example.org,2019-12-27:tests/fixtures/export/week-one',
    ]);
    expect(new Set(feed.items.map((item) => item.id)).size).toBe(3);
  });

  it('carries each memo: title, dates in RFC 3339, tags, summary, author, HTML and text', () => {
    const [example, weekTwo, weekOne] = feed.items;
    expect(example?.title).toBe('Backlash to U.S. Strikes in Iraq Underscores Failure of Max Pressure');
    expect(example?.date_published).toBe('2019-12-31T00:00:00Z');
    expect(example?.tags).toEqual(['iraq', 'iran', 'maximum-pressure']);
    expect(example?.summary).toBe(memos[1]?.summary);
    expect(example?.authors).toEqual([{ name: 'Policy Team' }]);
    expect(example?.content_html).toBe(exportHtml(memos[1] as Memo, { fragment: true }));
    expect(example?.content_text).toBe(exportText(memos[1] as Memo));
    expect(weekTwo?.date_published).toBe('2019-12-29T00:00:00Z');
    expect(weekOne?.authors).toBeUndefined();
    expect(bundleFeed([load(WEEK_ONE), load(EXAMPLE), load(WEEK_TWO)], { title: 'Iran Weekly', lang: 'en', places })).toBe(json);
  });
});
