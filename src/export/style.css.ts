// The built-in stylesheet of HTML exports and newsletter bundles. Readable on screen (one
// centred column about 38em wide, system fonts, generous line height) and print-friendly
// (black on white, no link colours, no "Back to top"/"Back to contents" links, lists kept
// whole across pages). Simple selectors only, so `--email` can inline every rule with juice;
// the `@media print` block is kept in a <style> element by juice, which email clients ignore.
// Long words and URLs wrap instead of widening the page (`overflow-wrap`; `anywhere` in table
// cells, where `break-word` would still size the column to the whole word), and a right-to-left
// memo (`dir="rtl"` from `export.lang`) has its list indents, quote rule and cells on the right.
export const MEMO_CSS = `body {
  margin: 0;
  padding: 2em 1em 4em;
  background: #ffffff;
  color: #1a1a1a;
  font-family: Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, "Times New Roman", serif;
  font-size: 1.0625rem;
  line-height: 1.6;
}
article.memo,
header.issue,
nav.contents {
  max-width: 38em;
  margin: 0 auto;
  overflow-wrap: break-word;
  word-wrap: break-word;
}
article.memo {
  margin-bottom: 3em;
}
h1, h2, h3, h4, h5, h6 {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  line-height: 1.25;
  margin: 1.6em 0 0.6em;
  color: #111111;
}
h1 {
  font-size: 1.75em;
  margin-top: 0.25em;
}
h2 {
  font-size: 1.3em;
}
h3 {
  font-size: 1.1em;
}
p, ul, ol, blockquote, table, pre {
  margin: 0 0 1em;
}
ul, ol {
  padding-left: 1.5em;
}
li {
  margin-bottom: 0.5em;
}
a {
  color: #1f4e99;
  text-decoration: underline;
}
blockquote {
  margin-left: 0;
  padding-left: 1em;
  border-left: 3px solid #cccccc;
  color: #444444;
}
code, pre {
  font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
  font-size: 0.9em;
}
pre {
  overflow-x: auto;
  padding: 0.75em;
  background: #f5f5f5;
}
table {
  border-collapse: collapse;
}
th, td {
  border: 1px solid #cccccc;
  padding: 0.3em 0.6em;
  text-align: left;
  overflow-wrap: anywhere;
}
img {
  max-width: 100%;
  height: auto;
}
[dir="rtl"] ul,
[dir="rtl"] ol {
  padding-left: 0;
  padding-right: 1.5em;
}
[dir="rtl"] blockquote {
  padding-left: 0;
  padding-right: 1em;
  border-left: 0;
  border-right: 3px solid #cccccc;
}
[dir="rtl"] th,
[dir="rtl"] td {
  text-align: right;
}
hr {
  border: 0;
  border-top: 1px solid #cccccc;
  margin: 2em 0;
}
.memo-date {
  margin: 0;
  color: #555555;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 0.95em;
}
.memo-byline {
  margin-top: -0.5em;
  color: #555555;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 0.95em;
}
.issue-dates {
  color: #555555;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
.back-to-top,
.back-to-contents {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 0.9em;
}
.footnotes {
  font-size: 0.9em;
  border-top: 1px solid #cccccc;
  margin-top: 2em;
}
.sr-only {
  position: absolute;
  width: 1px;
  height: 1px;
  padding: 0;
  margin: -1px;
  overflow: hidden;
  clip: rect(0, 0, 0, 0);
  white-space: nowrap;
  border: 0;
}
@media print {
  body {
    padding: 0;
    background: #ffffff;
    color: #000000;
    font-size: 11pt;
  }
  article.memo,
  header.issue,
  nav.contents {
    max-width: none;
  }
  article.memo + article.memo {
    break-before: page;
    page-break-before: always;
  }
  a {
    color: inherit;
    text-decoration: none;
  }
  .back-to-top,
  .back-to-contents {
    display: none;
  }
  ul, ol, li, blockquote, table, pre {
    break-inside: avoid;
    page-break-inside: avoid;
  }
  h1, h2, h3, h4, h5, h6 {
    break-after: avoid;
    page-break-after: avoid;
  }
}
`;

/**
 * What `--email` adds after the stylesheet (built-in or `--css`): the table wrapper of
 * html.ts's email layout (a 600 px column that Outlook's Word engine sizes by its `width`
 * attribute, and other clients by `max-width`), a column that fits the wrapper instead of the
 * screen layout's `max-width` on a block (which Outlook ignores), and the hidden preheader.
 * Inlined with the rest by juice; nothing is left in a `<style>` element.
 */
export const EMAIL_CSS = `body {
  padding: 0;
}
table.email-frame {
  width: 100%;
  margin: 0;
  border-collapse: collapse;
}
td.email-frame-cell {
  border: 0;
  padding: 16px 0;
  text-align: center;
}
table.email-column {
  width: 100%;
  max-width: 600px;
  margin: 0 auto;
  border-collapse: collapse;
  table-layout: fixed;
}
td.email-column-cell {
  border: 0;
  padding: 0 16px;
  overflow-wrap: break-word;
  word-wrap: break-word;
}
article.memo,
header.issue,
nav.contents {
  max-width: none;
  margin: 0 0 2em;
}
div.preheader {
  display: none;
  max-height: 0;
  max-width: 0;
  overflow: hidden;
  opacity: 0;
  color: #ffffff;
  font-size: 1px;
  line-height: 1px;
  mso-hide: all;
}
`;
