// Feeds and email as their consumers read them (#20). RSS and Atom issues are parsed by Python's
// feedparser (Debian's python3-feedparser, run as /usr/bin/python3), the library most feed
// readers' behaviour is checked against: no `bozo` (malformed) flag, and every item's title,
// link, id, date, authors and content recovered. Ids must be the same whatever the order and
// whichever other memos share the issue; the JSON Feed carries the same ids and validates
// against tests/fixtures/schemas/jsonfeed-1.1.json. The email export is checked as a mail
// client sees it: no <style> to rely on, styles inline, no relative URL with --base-url.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { EXAMPLE, FIXTURES, memo, tempDir } from '../helpers/cli.js';
import { elements, parseHtml } from '../helpers/html.js';

const PYTHON = '/usr/bin/python3';
const READ_FEED = join(FIXTURES, '..', 'helpers', 'read-feed.py');
const feedparserAvailable = existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import feedparser']).status === 0;
const BASE = 'https://memos.example.org/site/';

interface ReadEntry {
  title: string;
  link: string;
  id: string;
  date: string | null;
  authors: string[];
  summary: string | null;
  content: string[];
  tags: string[];
}
interface ReadFeed {
  bozo: boolean;
  bozo_exception: string;
  version: string;
  feed: { title: string; id: string | null; link: string | null };
  entries: ReadEntry[];
}

function readFeed(file: string): ReadFeed {
  const result = spawnSync(PYTHON, [READ_FEED, file], { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as ReadFeed;
}

const LINKS_MEMO = `---
type: statement
title: Links Everywhere
date: 2020-01-05
author: [Dana Reyes, Omid Farahani]
summary: A memo whose links and images are relative.
id: tag:memos.example.org,2020:links-everywhere
---

# Links Everywhere

See [the annex](annex.html), [the top](#top), [a site](https://example.com/x) and
![a chart](img/chart.png) then <img src="../img/raw.png" alt="raw"> too. A control character:\u0007 gone.
`;

/** A project: a config with the feed authority, memos in two folders (two share a file name). */
function project(): string {
  const dir = tempDir('memokit-feeds-');
  writeFileSync(join(dir, '.memorc.yaml'), 'root: true\nfeed:\n  authority: example.org\n');
  mkdirSync(join(dir, 'memos', 'sub'), { recursive: true });
  cpSync(join(FIXTURES, 'export', 'week-one.md'), join(dir, 'memos', 'bg.md'));
  cpSync(join(FIXTURES, 'export', 'week-two.md'), join(dir, 'memos', 'sub', 'bg.md'));
  cpSync(EXAMPLE, join(dir, 'memos', 'example.md'));
  cpSync(join(FIXTURES, 'authors', 'two-authors.md'), join(dir, 'memos', 'two-authors.md'));
  writeFileSync(join(dir, 'memos', 'sub', 'links.md'), LINKS_MEMO);
  return dir;
}

function bundle(cwd: string, args: string[]): string {
  const result = memo(['bundle', ...args], { cwd });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

/** Every URL in an HTML string's href and src attributes. */
function urls(html: string): string[] {
  return elements(parseHtml(html, true)).flatMap((node) =>
    ['href', 'src'].map((key) => node.properties[key]).filter((value): value is string => typeof value === 'string'),
  );
}

if (!feedparserAvailable) {
  describe('feedparser', () => {
    it.runIf(Boolean(process.env['CI']))('is installed in CI (.ci/run installs python3-feedparser)', () => {
      throw new Error(`${PYTHON} cannot import feedparser on a CI machine; .ci/run should have installed python3-feedparser`);
    });
    it.skipIf(Boolean(process.env['CI']))('RSS and Atom checks skipped: apt-get install python3-feedparser', () => undefined);
  });
}

describe.runIf(feedparserAvailable)('RSS and Atom, read by feedparser', () => {
  const dir = project();
  const expected = {
    'memos/example.md': { title: 'Backlash to U.S. Strikes in Iraq Underscores Failure of Max Pressure', date: '2019-12-31' },
    'memos/sub/bg.md': { title: 'U.S. Strikes Kataib Hezbollah in Iraq and Syria', date: '2019-12-29' },
    'memos/bg.md': { title: 'Militia Attack Kills U.S. Contractor Near Kirkuk', date: '2019-12-27' },
  };

  for (const format of ['rss', 'atom'] as const) {
    it(`--to ${format}: well formed, and every item's title, link, id, date, authors and content come back`, () => {
      const file = join(dir, `feed.${format}.xml`);
      bundle(dir, ['memos', '--to', format, '--base-url', BASE, '-o', file]);
      const feed = readFeed(file);
      expect(feed.bozo, feed.bozo_exception).toBe(false);
      expect(feed.version).toBe(format === 'rss' ? 'rss20' : 'atom10');
      expect(feed.feed.title).toBe('Memos');
      expect(feed.entries).toHaveLength(5);
      for (const [path, { title, date }] of Object.entries(expected)) {
        const entry = feed.entries.find((candidate) => candidate.title === title);
        expect(entry, title).toBeDefined();
        expect(entry?.link).toBe(`${BASE}${path.replace(/\.md$/, '.html')}`);
        expect(entry?.id).toBe(`tag:example.org,${date}:${path.replace(/\.md$/, '')}`);
        expect(entry?.date).toBe(date);
        expect(entry?.content.join('')).toContain(`<h1`);
      }
      const byTitle = (title: string) => feed.entries.find((entry) => entry.title === title) as ReadEntry;
      expect(byTitle(expected['memos/example.md'].title).authors).toEqual(['Policy Team']);
      expect(byTitle(expected['memos/example.md'].title).tags).toEqual(['iraq', 'iran', 'maximum-pressure']);
      expect(byTitle(expected['memos/example.md'].title).summary).toContain('breached the U.S. Embassy walls');
      expect(byTitle(expected['memos/example.md'].title).content.join('')).toContain('maximum pressure campaign');
      // Several authors: one element each, names with commas kept whole.
      const twoAuthors = feed.entries.find((entry) => entry.link.endsWith('/memos/two-authors.html'));
      expect(twoAuthors?.authors).toEqual(['Dana Reyes', 'Omid Farahani']);
      // A front-matter id is kept as written; links and images in the content are absolute.
      const links = byTitle('Links Everywhere');
      expect(links.id).toBe('tag:memos.example.org,2020:links-everywhere');
      expect(links.authors).toEqual(['Dana Reyes', 'Omid Farahani']);
      const found = urls(links.content.join(''));
      expect(found).toEqual(
        expect.arrayContaining([
          `${BASE}memos/sub/annex.html`,
          `${BASE}memos/sub/links.html#top`,
          'https://example.com/x',
          `${BASE}memos/sub/img/chart.png`,
          `${BASE}memos/img/raw.png`,
        ]),
      );
      for (const entry of feed.entries) for (const url of urls(entry.content.join(''))) expect(url).toMatch(/^https?:\/\//);
    });
  }

  it('gives every item the same id in every order, every format and every bundle it is in', () => {
    const ids = (args: string[]) => {
      const file = join(dir, 'ids.xml');
      bundle(dir, [...args, '-o', file]);
      return Object.fromEntries(readFeed(file).entries.map((entry) => [entry.title, entry.id]));
    };
    const desc = ids(['memos', '--to', 'rss', '--sort', 'date-desc']);
    expect(ids(['memos', '--to', 'rss', '--sort', 'date-asc'])).toEqual(desc);
    expect(ids(['memos', '--to', 'atom', '--sort', 'input'])).toEqual(desc);
    // Another issue sharing two memos, named from another folder of the project.
    const subset = ids(['memos/sub', '--to', 'atom']);
    expect(Object.keys(subset)).toHaveLength(2);
    for (const [title, id] of Object.entries(subset)) expect(id).toBe(desc[title]);
    const fromSub = memo(['bundle', '.', '--to', 'rss'], { cwd: join(dir, 'memos', 'sub') });
    expect(fromSub.status, fromSub.stderr).toBe(0);
    for (const id of Object.values(subset)) expect(fromSub.stdout).toContain(`<guid isPermaLink="false">${id}</guid>`);
    // memos/bg.md and memos/sub/bg.md share a file name, not an id.
    expect(new Set(Object.values(desc)).size).toBe(5);
    // The JSON Feed carries the very same ids.
    const json = JSON.parse(bundle(dir, ['memos', '--to', 'json'])) as { items: { id: string; title: string }[] };
    expect(Object.fromEntries(json.items.map((item) => [item.title, item.id]))).toEqual(desc);
  });
});

describe('JSON Feed', () => {
  const dir = project();
  const validate = new Ajv2020({ strict: false })
    .addFormat('uri', (value: string) => URL.canParse(value))
    .addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/)
    .compile(JSON.parse(readFileSync(join(FIXTURES, 'schemas', 'jsonfeed-1.1.json'), 'utf8')) as object);

  it('validates against the JSON Feed 1.1 schema, with and without a base URL', () => {
    for (const args of [[], ['--base-url', BASE]]) {
      const feed = JSON.parse(bundle(dir, ['memos', '--to', 'json', ...args])) as {
        items: { id: string; url?: string; authors?: { name: string }[] }[];
      };
      expect(validate(feed), JSON.stringify(validate.errors)).toBe(true);
      expect(feed.items.every((item) => item.id.startsWith('tag:'))).toBe(true);
      expect(feed.items.some((item) => item.authors?.length === 2)).toBe(true);
      if (args.length > 0) expect(feed.items.every((item) => item.url?.startsWith(BASE))).toBe(true);
    }
  });

  it('the schema fails a feed without ids (so the check can fail)', () => {
    expect(validate({ version: 'https://jsonfeed.org/version/1.1', title: 'x', items: [{ content_text: 'x' }] })).toBe(false);
  });
});

describe('feed ids without an authority', () => {
  it('use a placeholder and say so; --base-url gives its host', () => {
    const dir = tempDir('memokit-feeds-');
    cpSync(join(FIXTURES, 'export', 'week-one.md'), join(dir, 'week-one.md'));
    const bare = memo(['bundle', 'week-one.md', '--to', 'atom'], { cwd: dir });
    expect(bare.status, bare.stderr).toBe(0);
    expect(bare.stderr).toContain('feed ids use the placeholder authority memokit.invalid');
    expect(bare.stdout).toContain('<id>tag:memokit.invalid,2019-12-27:week-one</id>');
    const based = memo(['bundle', 'week-one.md', '--to', 'atom', '--base-url', 'https://Memos.Example.org:8443/a'], { cwd: dir });
    expect(based.stderr).toBe('');
    expect(based.stdout).toContain('<id>tag:memos.example.org,2019-12-27:week-one</id>');
    expect(based.stdout).toContain('href="https://memos.example.org:8443/a/week-one.html"');
  });

  it('refuses a base URL that is not an absolute http(s) URL, and a bad feed.authority', () => {
    const dir = tempDir('memokit-feeds-');
    cpSync(join(FIXTURES, 'export', 'week-one.md'), join(dir, 'week-one.md'));
    const relative = memo(['bundle', 'week-one.md', '--to', 'rss', '--base-url', 'site/memos'], { cwd: dir });
    expect(relative.status).toBe(2);
    expect(relative.stderr).toContain('not an absolute URL');
    writeFileSync(join(dir, '.memorc.yaml'), 'feed:\n  authority: "not an authority"\n');
    const bad = memo(['bundle', 'week-one.md', '--to', 'rss'], { cwd: dir });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/\.memorc\.yaml:2: invalid config/);
  });

  it('warns when two memos share an id', () => {
    const dir = tempDir('memokit-feeds-');
    for (const name of ['a.md', 'b.md']) writeFileSync(join(dir, name), LINKS_MEMO);
    const result = memo(['bundle', 'a.md', 'b.md', '--to', 'json'], { cwd: dir });
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('has the feed id of');
  });
});

describe('bundle --to text --width', () => {
  // Headings are the exception, as in `memo export --to text`: a memo's title and section headings
  // stay on one line, so that `memo import` reads them back whole (docs/import.md, "Round trip").
  it('wraps the title, contents and memos at the width (export.width by default); headings stay whole', () => {
    const dir = project();
    for (const [args, width] of [
      [['--width', '40'], 40],
      [[], 72],
    ] as const) {
      const text = bundle(dir, ['memos', '--to', 'text', '--title', 'A long issue title for the week of December 27', ...args]);
      const headings = new Set(text.split('\n').filter((line) => /^Memo: /.test(line)));
      const long = text.split('\n').filter((line) => [...line].length > width && /\s/.test(line.trim()) && !headings.has(line));
      expect(long).toEqual([]);
      expect(headings.size).toBeGreaterThan(0);
      expect(text).toContain(`\n${'='.repeat(width)}\n`);
    }
    writeFileSync(join(dir, '.memorc.yaml'), 'root: true\nexport:\n  width: 50\n');
    const configured = bundle(dir, ['memos', '--to', 'text']);
    expect(configured.split('\n').filter((line) => [...line].length > 50 && /\s/.test(line.trim()) && !/^Memo: /.test(line))).toEqual([]);
    expect(configured).toContain(`\n${'='.repeat(50)}\n`);
  });
});

describe('--email with --base-url', () => {
  const dir = project();
  for (const [name, args] of [
    ['export', ['export', 'memos/sub/links.md', '--to', 'html', '--email', '--base-url', BASE]],
    ['bundle', ['bundle', 'memos', '--to', 'html', '--email', '--base-url', BASE]],
  ] as const) {
    it(`${name}: no <style>, styles inline, the 600 px table, no relative URL`, () => {
      const result = memo([...args], { cwd: dir });
      expect(result.status, result.stderr).toBe(0);
      const tree = parseHtml(result.stdout);
      expect(elements(tree, (node) => node.tagName === 'style')).toEqual([]);
      for (const node of elements(tree, (node) => ['h1', 'h2', 'p', 'li', 'a', 'article', 'table', 'td'].includes(node.tagName))) {
        expect(node.properties['style'], `<${node.tagName}> has no inline style`).toBeDefined();
      }
      const column = elements(tree, (node) => node.tagName === 'table' && String(node.properties['width']) === '600');
      expect(column).toHaveLength(1);
      expect(column[0]?.properties['role']).toBe('presentation');
      const found = urls(result.stdout);
      expect(found.length).toBeGreaterThan(3);
      for (const url of found) expect(url).toMatch(/^(?:https?|mailto):/);
      for (const image of elements(tree, (node) => node.tagName === 'img')) expect(image.properties['width']).toBeDefined();
      expect(result.stdout).toMatch(/<meta name="color-scheme" content="light">/);
    });
  }
});
