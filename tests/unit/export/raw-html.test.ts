// Raw HTML in a memo, through the exporters: what rehype-raw keeps, what the sanitizer removes and
// how that is said (one warning per removal, with its line), the JSON text of the same HTML, and
// the small helpers (scheme folding, writing direction). End-to-end runs are in
// tests/e2e/export-words.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldScheme, MAX_RAW_HTML_NESTING, NestingGauge, type ExportWarning } from '../../../src/export/html-screen.js';
import { exportHtml, sanitizeSchema } from '../../../src/export/html.js';
import { exportJson } from '../../../src/export/json.js';
import type { Memo } from '../../../src/memo/model.js';
import { parseMemo } from '../../../src/memo/parse.js';
import { loadMemoTypes } from '../../../src/templates/load.js';
import { textDirection } from '../../../src/util/direction.js';
import { EXAMPLE, FIXTURES } from '../../helpers/cli.js';

const types = loadMemoTypes();

/** A statement memo whose body (from line 7) is `body`. */
function memoOf(body: string): Memo {
  return parseMemo(`---\ntype: statement\ntitle: T\ndate: 2020-01-03\n---\n\n${body}\n`, { path: 'memo.md', types });
}

/** The fragment's body (the lines between the header and </article>) and the warnings as `line: message`. */
function render(body: string): { html: string; warnings: string[] } {
  const warnings: ExportWarning[] = [];
  const out = exportHtml(memoOf(body), { fragment: true, warnings });
  const html = out.slice(out.indexOf('</header>\n') + '</header>\n'.length, out.lastIndexOf('</article>')).trim();
  for (const warning of warnings) expect(warning.file).toBe('memo.md');
  return { html, warnings: warnings.map((warning) => `${warning.line}: ${warning.message}`) };
}

describe('raw HTML in the HTML export', () => {
  it.each([
    ['a paragraph', '<p>Contact the press office.</p>', '<p>Contact the press office.</p>', []],
    ['<br> in a paragraph', 'line<br>break', '<p>line<br>break</p>', []],
    ['<br/> and <BR>', 'one<br/>two<BR>three', '<p>one<br>two<br>three</p>', []],
    [
      'an unknown element: unwrapped, its words kept in a paragraph',
      '<center>Embargoed</center>',
      '<p>Embargoed</p>',
      ['7: removed <center>, kept its text (not allowed in exported HTML)'],
    ],
    [
      'a script: removed with its content',
      'a <script>alert(1)</script> b',
      '<p>a  b</p>',
      ['7: removed <script> and its content (not allowed in exported HTML)'],
    ],
    [
      'handlers and styles: one line for the element',
      '<div onclick="x()" style="color: red" class="note">Words</div>',
      '<div>Words</div>',
      ['7: removed onclick, style, class from <div> (not allowed in exported HTML)'],
    ],
    [
      'an SVG without words: one line, not one per shape',
      '<svg onload="alert(1)"><circle r="1"/><path d="M0"/></svg>\n\nAfter.',
      '<p>After.</p>',
      ['7: removed <svg> (not allowed in exported HTML)'],
    ],
    [
      'a raw checkbox: allowed from a task list, never from raw HTML',
      '<input type="checkbox" checked> Done',
      '<p> Done</p>',
      ['7: removed <input> (not allowed in exported HTML)'],
    ],
    [
      'a task list keeps its checkboxes, and says nothing',
      '- [x] Done',
      '<ul class="contains-task-list">\n<li class="task-list-item"><input type="checkbox" checked disabled> Done</li>\n</ul>',
      [],
    ],
    [
      'ids from raw HTML get GitHub’s prefix, and in-page links follow them',
      '<a id="top" name="top"></a>[Top](#top) and <span id="annex">annex</span>, [see it](#annex).',
      '<p><a id="user-content-top" name="user-content-top"></a><a href="#top">Top</a> and <span id="user-content-annex">annex</span>, <a href="#user-content-annex">see it</a>.</p>',
      [],
    ],
    ['a comment alone (a lint directive) is dropped without a word', '<!-- memo-lint-disable lede -->\nText.', '<p>Text.</p>', []],
    [
      'attributes named like built-ins, and a URL on an element that is no link',
      '<div constructor="x" toString="y" href="javascript:x">words</div>',
      '<div>words</div>',
      [
        '7: removed href="javascript:x" from <div> (exported HTML allows only http:, https:, irc:, ircs:, mailto:, xmpp:, tel: and relative URLs there)',
        '7: removed tostring from <div> (not allowed in exported HTML)',
      ],
    ],
    [
      'control characters in a tag or attribute name are shown escaped: one printable line',
      '<div>\n<x\u001b[31m>red</x\u001b[31m> <b on\u0007x="1">bold</b>\n</div>',
      '<div>\nred <b>bold</b>\n</div>',
      [
        '8: removed <x\\u001b[31m>, kept its text (not allowed in exported HTML)',
        '8: removed on\\u0007x from <b> (not allowed in exported HTML)',
      ],
    ],
    [
      'the same removal twice on a line: one warning',
      '<font>a</font> and <font>b</font>',
      '<p>a and b</p>',
      ['7: removed <font>, kept its text (not allowed in exported HTML)'],
    ],
  ])('%s', (_name, body, html, warnings) => {
    const result = render(body);
    expect(result.html).toBe(html);
    expect(result.warnings).toEqual(warnings);
  });

  it('warns about links and images dropped as unsafe, on their lines; keeps tel:, mailto: and capital schemes', () => {
    const result = render(
      [
        '[a](javascript:alert(1)) [b](TEL:+1) [c](Mailto:x@example.org)',
        '',
        '![pic](data:image/png;base64,AA) [d](HTTP://example.org)',
      ].join('\n'),
    );
    expect(result.html).toBe(
      '<p><a>a</a> <a href="tel:+1">b</a> <a href="mailto:x@example.org">c</a></p>\n<p><img alt="pic"> <a href="http://example.org">d</a></p>',
    );
    expect(result.warnings).toEqual([
      '7: dropped the link to "javascript:alert(1)", kept its text (exported HTML links only to http:, https:, irc:, ircs:, mailto:, xmpp:, tel: and relative URLs)',
      '9: dropped the image "data:image/png;base64,AA" (exported HTML shows only http:, https: and relative images)',
    ]);
  });

  it('says nothing about memos with nothing to remove (Markdown links, footnotes, task lists, tables, comments)', () => {
    const quiet = [
      EXAMPLE,
      ...['edge-cases.md', 'week-one.md', 'week-two.md', 'long-words.md'].map((name) => join(FIXTURES, 'export', name)),
    ];
    for (const file of quiet) {
      const warnings: ExportWarning[] = [];
      exportHtml(parseMemo(readFileSync(file, 'utf8'), { path: file, types }), { warnings });
      expect(warnings, file).toEqual([]);
    }
  });

  it('gives the same HTML with or without a warnings list', () => {
    const memo = memoOf('<center>a</center> <script>x</script>');
    expect(exportHtml(memo, { warnings: [] })).toBe(exportHtml(memo));
  });
});

describe('raw HTML in the JSON export', () => {
  const lede = (body: string): string | null => exportJson(memoOf(body)).lede;

  it.each([
    ['a paragraph', '<p>Contact the press office.</p>', 'Contact the press office.'],
    ['<br> keeps words apart', 'line<br>break and <p>one<br>two</p>', 'line break and one two'],
    ['an unknown element keeps its words', '<center>Embargoed <b>now</b></center>', 'Embargoed now'],
    ['an inline script is not words', 'a <script>alert(1)</script> b', 'a b'],
    ['a block script or style is not words', '<script>\nalert(1)\n</script>\n\n<style>p { color: red }</style>\n\nText.', 'Text.'],
    ['a frame’s fallback is not words', '<iframe src="x">fallback</iframe>\n\nText.', 'Text.'],
    ['comments are not words', '<!-- note -->\n\nText.', 'Text.'],
    ['block paragraphs stay apart', '<div><p>One.</p><p>Two.</p></div>', 'One.\n\nTwo.'],
    ['list items one per line', '<ul><li>a</li><li>b</li></ul>', 'a\nb'],
    ['table rows one per line, cells apart', '<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>', 'a | b\nc | d'],
  ])('%s', (_name, body, expected) => {
    expect(lede(body)).toBe(expected);
  });
});

describe('NestingGauge: how deep raw HTML nests, read as the parser closes elements', () => {
  it.each([
    [['<div><div></div></div>'], 2],
    [['<div>', 'text', '</div>', '<div>'], 1],
    [['<p>a<p>b<p>c', '<li>x<li>y'], 0],
    [['<br><img src=x><hr>'], 0],
    [['<!-- <div><div><div> -->'], 0],
    [['<div/><div/><div/>'], 3],
    [['<div></span><div></span>'], 2],
    [['<table><tr><td>a<td>b<td>c</table>'], 2],
    [['<div><table><td></div><div>'], 4],
    [['<span>', '<b>', '</span>', '<i>'], 2],
  ])('%j → %i', (values, depth) => {
    const gauge = new NestingGauge();
    for (const value of values) gauge.add(value);
    expect(gauge.deepest).toBe(depth);
    expect(gauge.tooDeep).toBe(false);
  });

  it(`is too deep past ${MAX_RAW_HTML_NESTING}`, () => {
    const gauge = new NestingGauge();
    gauge.add('<div>'.repeat(MAX_RAW_HTML_NESTING));
    expect(gauge.tooDeep).toBe(false);
    gauge.add('<div>');
    expect(gauge.tooDeep).toBe(true);
  });
});

describe('foldScheme', () => {
  const href = sanitizeSchema.protocols?.['href'] ?? [];
  it.each([
    ['HTTPS://example.org/A', 'https://example.org/A'],
    ['Mailto:Desk@Example.org', 'mailto:Desk@Example.org'],
    ['TEL:+1', 'tel:+1'],
    ['https://example.org', 'https://example.org'],
    ['JAVASCRIPT:alert(1)', 'JAVASCRIPT:alert(1)'],
    ['Foo/Bar:baz', 'Foo/Bar:baz'],
    ['#Top', '#Top'],
    [':x', ':x'],
  ])('%s → %s', (url, folded) => {
    expect(foldScheme(url, href)).toBe(folded);
  });
});

describe('textDirection', () => {
  it.each([
    ['fa', 'rtl'],
    ['ar', 'rtl'],
    ['he', 'rtl'],
    ['ur', 'rtl'],
    ['fa-IR', 'rtl'],
    ['ar_EG', 'rtl'],
    ['AR', 'rtl'],
    ['ku-Arab', 'rtl'],
    ['pa-Arab-PK', 'rtl'],
    ['fa-Latn', 'ltr'],
    ['fa-u-nu-latn', 'rtl'],
    ['en', 'ltr'],
    ['en-US', 'ltr'],
    ['de', 'ltr'],
    ['', 'ltr'],
  ])('%s → %s', (lang, direction) => {
    expect(textDirection(lang)).toBe(direction);
  });
});
