// A saved web page: the article is found, the site's navigation, cookie banner, share bar,
// related-reading aside, footer and scripts are left behind, and the article's headings, list
// items and links come through as memo Markdown.
import { describe, expect, it } from 'vitest';
import { importHtml } from '../../../src/import/html.js';
import { importMemo, sniffFormat } from '../../../src/import/import.js';
import { fixture, parse, section, types } from './helpers.js';

const html = fixture('page.html');
const result = importHtml(html, { types, source: 'page.html' });
const memo = parse(result.markdown);

describe('importing a web page', () => {
  it('leaves navigation, footer, banners, share bars, asides and scripts out', () => {
    for (const chrome of [
      'Home',
      'About Us',
      'Donate Today',
      'Example Council Homepage',
      'cookies',
      'Tweet this memo',
      'Post to Facebook',
      'Related Reading',
      'sanctions relief',
      '©',
      'All rights reserved',
      'Privacy Policy',
      'analytics',
      'font-family',
      '<',
    ]) {
      expect(result.markdown, chrome).not.toContain(chrome);
    }
  });

  it('keeps the article: title, date from <time>, lede with its link and emphasis', () => {
    expect(memo.problems).toEqual([]);
    expect(memo.title).toBe('Backlash to U.S. Strikes in Iraq Underscores Failure of Max Pressure');
    expect(memo.date).toBe('2019-12-31');
    expect(memo.lede).toHaveLength(1);
    expect(result.markdown).toContain(
      'breached the [U.S. Embassy walls](https://example.org/embassy) in Baghdad. The incident underscores how *maximum pressure* continues',
    );
    expect(memo.links.map((link) => link.url)).toEqual(['https://example.org/embassy', '#top']);
  });

  it('keeps the article’s headings and list items', () => {
    expect(result.type).toBe('rapid-response');
    expect(result.typeGuessed).toBe(false);
    expect(memo.sections.map((s) => s.heading.text)).toEqual(['Key Takeaways', 'Sequence of Events']);
    expect(memo.takeaways.map((item) => item.text)).toEqual([
      'The exchange of fire is yet another sign of the failure of maximum pressure.',
      'Iran retains both direct and indirect options to escalate.',
      'The strikes have been condemned across Iraq’s political spectrum.',
    ]);
    expect(result.markdown).toContain('- The exchange of fire is **yet another sign** of the failure of maximum pressure.');
  });

  it('turns bold-dated paragraphs under the events heading into dated events', () => {
    expect(memo.events.map((event) => event.date?.start)).toEqual(['2019-12-27', '2019-12-29', '2019-12-31']);
    expect(result.markdown).toContain('- **Dec. 27** — An American contractor is killed in a rocket attack near Kirkuk.');
    expect(section(memo, 'Sequence of Events').backToTop).toHaveLength(1);
    // The share bar inside the article is page furniture: left out, and reported with its line.
    expect(result.warnings).toEqual([{ line: 18, message: 'dropped page furniture ("share-buttons") "Tweet this memo Post to Facebook"' }]);
  });

  it('finds the text-richest element when there is no <article> or <main>, and drops nav-classed menus', () => {
    const page = `<html><body>
<div class="main-menu"><p>Issues</p><p>Experts</p></div>
<div class="content">
<h1>Memo: A Page Without Landmarks</h1>
<p>March 4, 2020</p>
<p>The first paragraph of the memo explains what happened and why it matters to the region.</p>
<h2>Key Takeaways</h2>
<ol><li>First point.</li><li>Second point.<ul><li>A nested detail.</li></ul></li><li>Third point.</li></ol>
</div>
<div id="social-links"><p>Follow us on every network you can think of.</p></div>
</body></html>`;
    const imported = importHtml(page, { types, source: 'page.html' });
    const parsed = parse(imported.markdown);
    expect(parsed.title).toBe('A Page Without Landmarks');
    expect(parsed.date).toBe('2020-03-04');
    expect(imported.markdown).not.toMatch(/Issues|Experts|Follow us/);
    expect(imported.markdown).toContain('1. First point.\n2. Second point.\n   - A nested detail.\n3. Third point.');
    // No Sequence of Events: not a rapid-response, so the plain `memo` type, its sections as written.
    expect(imported.type).toBe('memo');
    expect(section(parsed, 'Key Takeaways').items.map((item) => item.text)).toEqual([
      'First point.',
      'Second point.\nA nested detail.',
      'Third point.',
    ]);
  });

  it('keeps javascript: links as plain text', () => {
    const imported = importHtml(
      '<article><h1>Memo: Links</h1><p>Jan. 5, 2020</p><p>Click <a href="javascript:alert(1)">here</a> now.</p></article>',
      { types, source: 'x.html' },
    );
    expect(imported.markdown).toContain('Click here now.');
    expect(imported.markdown).not.toContain('javascript');
  });
});

describe('sniffing the input format', () => {
  it('tells HTML from text', () => {
    expect(sniffFormat('<!DOCTYPE html><html><body><p>x</p></body></html>')).toBe('html');
    expect(sniffFormat('  <html lang="en">')).toBe('html');
    expect(sniffFormat('<div class="x"><p>Memo</p></div>')).toBe('html');
    expect(sniffFormat(fixture('reference.txt'))).toBe('text');
    expect(sniffFormat('Memo: Why 3 < 4 and <b> is bold\n\ntext')).toBe('text');
  });

  it('imports a page through importMemo, sniffed or told', async () => {
    const sniffed = await importMemo(new TextEncoder().encode(html), { types, source: 'page.html' });
    expect(sniffed.from).toBe('html');
    expect(sniffed.markdown).toBe(result.markdown);
    const told = await importMemo(html, { types, source: 'page.html', from: 'text' });
    expect(told.from).toBe('text');
  });
});
