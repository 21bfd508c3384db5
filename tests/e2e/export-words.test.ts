// "Exports keep the writer's words" (#15, points 12–14), through the built CLI on real files:
// raw HTML a writer types is parsed and sanitized (its words kept, `<br>` a line break), what
// the sanitizer removes is one warning line naming the file and line, links keep `tel:`,
// `mailto:` and schemes written in capitals, and right-to-left languages get `dir="rtl"`.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { toText } from 'hast-util-to-text';
import { describe, expect, it } from 'vitest';
import { MEMO_CSS } from '../../src/export/style.css.js';
import { FIXTURES, memo, tempDir, withoutAuthorityWarning } from '../helpers/cli.js';
import { elements, parseHtml, safetyProblems } from '../helpers/html.js';

const EXPORT_FIXTURES = join(FIXTURES, 'export');
const inFixtures = { cwd: EXPORT_FIXTURES };

/** What `memo export raw-html.md --to html` says on stderr, one line per removal, in line order. */
const RAW_HTML_WARNINGS = [
  'memo: warning: raw-html.md:13: removed <center>, kept its text (not allowed in exported HTML)',
  'memo: warning: raw-html.md:21: removed onclick from <span> (not allowed in exported HTML)',
  'memo: warning: raw-html.md:22: removed target from <a> (not allowed in exported HTML)',
  'memo: warning: raw-html.md:24: removed <script> and its content (not allowed in exported HTML)',
  'memo: warning: raw-html.md:31: removed class, style, onmouseover from <div> (not allowed in exported HTML)',
  'memo: warning: raw-html.md:33: removed <style> and its content (not allowed in exported HTML)',
];

const SCHEMES = 'http:, https:, irc:, ircs:, mailto:, xmpp:, tel: and relative URLs';
const LINK_WARNINGS = [
  `memo: warning: links.md:13: dropped the link to "javascript:alert(1)", kept its text (exported HTML links only to ${SCHEMES})`,
  `memo: warning: links.md:13: dropped the link to "data:text/html,hi", kept its text (exported HTML links only to ${SCHEMES})`,
];

const lines = (stderr: string): string[] => stderr.split('\n').filter(Boolean);
const paragraphs = (html: string): string[] =>
  elements(parseHtml(html), (node) => node.tagName === 'p').map((node) => toText(node).replace(/\s+/g, ' ').trim());
const hrefs = (html: string): unknown[] =>
  elements(parseHtml(html), (node) => node.tagName === 'a' && toText(node) !== 'Back to top').map((node) => node.properties['href']);

describe('raw HTML in a memo (memo export --to html)', () => {
  it('keeps the words of safe HTML, <br> as a line break, and warns once per removal with file and line (exit 0)', () => {
    const result = memo(['export', 'raw-html.md', '--to', 'html'], inFixtures);
    expect(lines(result.stderr)).toEqual(RAW_HTML_WARNINGS);
    expect(result.status).toBe(0);
    const tree = parseHtml(result.stdout);
    expect(safetyProblems(tree, { stylesheet: MEMO_CSS, styleAttributes: false })).toEqual([]);
    expect(paragraphs(result.stdout)).toEqual([
      'January 6, 2020',
      'The press office changes its hours this week. Calls after 6 p.m. go to the duty officer.',
      'Contact the press office at press@example.org or call +1 202 555 0100.',
      'Embargoed until 9 a.m. ET on Jan. 6',
      'Below are key takeaways and the sequence of events:',
      'Back to top',
    ]);
    // The lede's <br> and the two in list items are real line breaks, where the writer put them.
    expect(result.stdout).toContain('<p>The press office changes its hours this week.<br>Calls after 6 p.m.');
    expect(result.stdout).toContain('on weekdays<br>and at 10 a.m. on Saturdays.</li>');
    expect(result.stdout).toContain('The new hours start.<br>Reporters are told by email.</li>');
    expect(result.stdout).toContain('<div>Questions about the change go to the front desk.</div>');
    // Safe inline markup stays; what was removed leaves no trace, not even its text.
    expect(result.stdout).toContain('<b>8 a.m.</b>');
    expect(result.stdout).toContain('<i>every</i>');
    expect(result.stdout).not.toMatch(/trackVisit|track\('old'\)|\.note \{|onclick|onmouseover|target=/);
    expect(hrefs(result.stdout)).toEqual(['mailto:press@example.org', 'tel:+12025550100', 'https://example.org/hours']);
  });

  it('says the same in every HTML mode (--fragment, --email), and nothing for text and JSON', () => {
    for (const flags of [['--fragment'], ['--email'], ['--email', '--fragment']]) {
      const result = memo(['export', 'raw-html.md', '--to', 'html', ...flags], inFixtures);
      expect(lines(result.stderr), flags.join(' ')).toEqual(RAW_HTML_WARNINGS);
      expect(result.status).toBe(0);
      expect(paragraphs(result.stdout)).toContain('Contact the press office at press@example.org or call +1 202 555 0100.');
    }
    for (const to of ['text', 'json']) {
      const result = memo(['export', 'raw-html.md', '--to', to], inFixtures);
      expect(result.stderr, to).toBe('');
      expect(result.status).toBe(0);
    }
  });

  it('JSON keeps the words of safe HTML in the lede, sections, takeaways and events; <br> keeps words apart', () => {
    const result = memo(['export', 'raw-html.md', '--to', 'json'], inFixtures);
    expect(result.status).toBe(0);
    const data = JSON.parse(result.stdout) as {
      lede: string;
      takeaways: string[];
      events: { text: string }[];
      sections: { text: string }[];
    };
    expect(data.lede).toBe(
      [
        'The press office changes its hours this week. Calls after 6 p.m. go to the duty officer.',
        'Contact the press office at press@example.org or call +1 202 555 0100.',
        'Embargoed until 9 a.m. ET on Jan. 6',
        'Below are key takeaways and the sequence of events:',
      ].join('\n\n'),
    );
    expect(data.takeaways).toEqual([
      'The office opens at 8 a.m. on weekdays and at 10 a.m. on Saturdays.',
      'Requests sent to the old address are forwarded for a month.',
      'The duty officer answers every call; the hours page has the details.',
    ]);
    expect(data.events.map((event) => event.text)).toEqual([
      'The change is announced to staff.',
      'The new hours start. Reporters are told by email.',
    ]);
    // The script between the sections is not words; the <div>'s text is.
    expect(data.sections[0]?.text).not.toContain('trackVisit');
    expect(data.sections[1]?.text.split('\n\n')).toEqual([
      'Jan. 3, 2020 — The change is announced to staff.\nJan. 6, 2020 — The new hours start. Reporters are told by email.',
      'Questions about the change go to the front desk.',
    ]);
  });

  it('warnings come back from worker threads: a memo over 64 KB, exported into --out-dir', () => {
    const dir = tempDir('memokit-raw-');
    const source = readFileSync(join(EXPORT_FIXTURES, 'raw-html.md'), 'utf8');
    // Over HEAVY_MEMO_BYTES (io/pool.ts): exported in a worker thread even alone.
    const padding = Array.from({ length: 900 }, (_, i) => `Background paragraph ${i} with enough words to weigh a hundred bytes or so.`);
    writeFileSync(join(dir, 'heavy.md'), `${source}\n${padding.join('\n\n')}\n`);
    cpSync(join(EXPORT_FIXTURES, 'links.md'), join(dir, 'links.md'));
    expect(readFileSync(join(dir, 'heavy.md')).length).toBeGreaterThan(64 * 1024);
    const result = memo(['export', 'heavy.md', 'links.md', '--to', 'html', '--out-dir', 'out'], { cwd: dir });
    expect(result.status).toBe(0);
    expect(lines(result.stderr).sort()).toEqual(
      [...RAW_HTML_WARNINGS.map((line) => line.replace('raw-html.md', 'heavy.md')), ...LINK_WARNINGS, '2 memos written to out'].sort(),
    );
    expect(paragraphs(readFileSync(join(dir, 'out', 'heavy.html'), 'utf8'))).toContain('Embargoed until 9 a.m. ET on Jan. 6');
  });
});

describe('raw HTML nested thousands deep', () => {
  // The HTML tools after the parser recurse: 2,000 nested <div>s overflowed the stack.
  it.each([
    ['5,000 <div>s in an HTML block', `${'<div>'.repeat(5000)}Deep words.${'</div>'.repeat(5000)}`],
    ['5,000 inline <span>s in a paragraph', `Start ${'<span>'.repeat(5000)}deep words.`],
    ['3,000 <div><table><td>s', `${'<div><table><td>'.repeat(3000)}Deep words.`],
  ])('%s: its words kept as text, one warning line, exit 0 (HTML, JSON, bundle)', (_name, html) => {
    const dir = tempDir('memokit-deep-');
    writeFileSync(join(dir, 'deep.md'), `---\ntype: statement\ntitle: Deep\ndate: 2020-01-01\n---\n\nBefore.\n\n${html}\n\nAfter.\n`);
    const warning = 'memo: warning: deep.md:9: raw HTML nested more than 256 elements deep: kept its words as plain text, without its tags';
    const result = memo(['export', 'deep.md', '--to', 'html'], { cwd: dir });
    expect(lines(result.stderr)).toEqual([warning]);
    expect(result.status).toBe(0);
    const text = toText(parseHtml(result.stdout));
    for (const words of ['Before.', /deep words\./i, 'After.']) expect(text).toMatch(words);
    expect(result.stdout).not.toContain('<div>');

    const json = memo(['export', 'deep.md', '--to', 'json'], { cwd: dir });
    expect(json.stderr).toBe('');
    expect((JSON.parse(json.stdout) as { lede: string }).lede).toMatch(/^Before\.\n\n.*deep words\.\n\nAfter\.$/is);

    const bundle = memo(['bundle', 'deep.md', '--to', 'html'], { cwd: dir });
    expect(lines(bundle.stderr)).toEqual([warning]);
    expect(bundle.status).toBe(0);
  });
});

describe('raw HTML in a newsletter (memo bundle)', () => {
  it('HTML and the JSON Feed warn about each memo, naming it; the text issue does not (exit 0)', () => {
    // date-desc: links.md (Jan. 7) comes first, then raw-html.md (Jan. 6).
    const html = memo(['bundle', 'raw-html.md', 'links.md', '--to', 'html'], inFixtures);
    expect(lines(html.stderr)).toEqual([...LINK_WARNINGS, ...RAW_HTML_WARNINGS]);
    expect(html.status).toBe(0);
    expect(safetyProblems(parseHtml(html.stdout), { stylesheet: MEMO_CSS, styleAttributes: false })).toEqual([]);
    expect(paragraphs(html.stdout)).toContain('Contact the press office at press@example.org or call +1 202 555 0100.');

    const feed = memo(['bundle', 'raw-html.md', 'links.md', '--to', 'json'], inFixtures);
    expect(lines(withoutAuthorityWarning(feed.stderr))).toEqual([...LINK_WARNINGS, ...RAW_HTML_WARNINGS]);
    expect(feed.status).toBe(0);
    const items = (JSON.parse(feed.stdout) as { items: { id: string; content_html: string }[] }).items;
    expect(paragraphs(items.find((item) => item.id.endsWith(':raw-html'))?.content_html ?? '')).toContain(
      'Embargoed until 9 a.m. ET on Jan. 6',
    );

    const text = memo(['bundle', 'raw-html.md', 'links.md', '--to', 'text'], inFixtures);
    expect(text.stderr).toBe('');
    expect(text.status).toBe(0);
  });
});

describe('links (memo export --to html)', () => {
  it('keeps tel:, mailto: and schemes written in capitals; drops unsafe links with a warning, keeping their text', () => {
    const result = memo(['export', 'links.md', '--to', 'html'], inFixtures);
    expect(lines(result.stderr)).toEqual(LINK_WARNINGS);
    expect(result.status).toBe(0);
    expect(hrefs(result.stdout)).toEqual([
      'tel:+1-202-555-0100',
      'mailto:desk@example.org',
      'https://www.example.org/report',
      'https://example.org/annex#part-2',
      'https://www.example.org/contact',
      undefined,
      undefined,
      'tel:+12025550100',
      'mailto:press@example.org',
      // An in-page link to an id the writer gave in raw HTML, which gets GitHub's prefix.
      '#user-content-annex',
      undefined,
    ]);
    expect(result.stdout).toContain('<a id="user-content-annex"></a>The annex lists every number.');
    expect(paragraphs(result.stdout)).toContain('A script link and a data link are not followed.');
  });

  it('the same links in a bundle, its ids prefixed by the memo', () => {
    const result = memo(['bundle', 'links.md', '--to', 'html'], inFixtures);
    expect(lines(result.stderr)).toEqual(LINK_WARNINGS);
    expect(hrefs(result.stdout)).toEqual(
      expect.arrayContaining(['tel:+1-202-555-0100', 'https://www.example.org/report', '#links--user-content-annex']),
    );
    expect(result.stdout).toContain('<a id="links--user-content-annex"></a>');
  });
});

describe('right-to-left languages (export.lang)', () => {
  /** A folder with a `.memorc.yaml` setting `export.lang` and a copy of week-one.md. */
  function project(lang: string): string {
    const dir = tempDir('memokit-lang-');
    writeFileSync(join(dir, '.memorc.yaml'), `root: true\nexport:\n  lang: ${lang}\n`);
    cpSync(join(EXPORT_FIXTURES, 'week-one.md'), join(dir, 'memo.md'));
    return dir;
  }
  const htmlTag = (html: string): string => /<html[^>]*>/.exec(html)?.[0] ?? '';

  it.each([
    ['fa', '<html lang="fa" dir="rtl">'],
    ['ar', '<html lang="ar" dir="rtl">'],
    ['he', '<html lang="he" dir="rtl">'],
    ['ur', '<html lang="ur" dir="rtl">'],
    ['fa-IR', '<html lang="fa-IR" dir="rtl">'],
    ['en', '<html lang="en">'],
    ['de', '<html lang="de">'],
  ])('export.lang: %s → %s (export and bundle)', (lang, tag) => {
    const dir = project(lang);
    const one = memo(['export', 'memo.md', '--to', 'html'], { cwd: dir });
    expect(one.status, one.stderr).toBe(0);
    expect(htmlTag(one.stdout)).toBe(tag);
    const issue = memo(['bundle', 'memo.md', '--to', 'html'], { cwd: dir });
    expect(issue.status, issue.stderr).toBe(0);
    expect(htmlTag(issue.stdout)).toBe(tag);
  });

  it('a fragment (export --fragment, the JSON Feed) carries dir="rtl" on its <article>; the email export mirrors list indents', () => {
    const dir = project('fa');
    const fragment = memo(['export', 'memo.md', '--to', 'html', '--fragment'], { cwd: dir });
    expect(fragment.stdout.split('\n')[0]).toBe('<article class="memo" dir="rtl">');
    const feed = JSON.parse(memo(['bundle', 'memo.md', '--to', 'json'], { cwd: dir }).stdout) as { items: { content_html: string }[] };
    expect(feed.items[0]?.content_html.split('\n')[0]).toBe('<article class="memo" dir="rtl">');
    const email = memo(['export', 'memo.md', '--to', 'html', '--email'], { cwd: dir });
    const [list] = elements(parseHtml(email.stdout), (node: Element) => node.tagName === 'ul');
    expect(String(list?.properties['style'])).toContain('padding-right: 1.5em');
    // Left to right, none of that.
    const ltr = memo(['export', 'memo.md', '--to', 'html', '--fragment'], { cwd: project('en') });
    expect(ltr.stdout.split('\n')[0]).toBe('<article class="memo">');
  });
});
