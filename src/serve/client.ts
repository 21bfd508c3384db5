// What `memo preview` serves beside its pages, from its own origin (the pages' CSP allows scripts
// and styles from there only): preview.js, which follows the server's events and points at
// findings, and preview.css, the export's stylesheet plus the preview's own bits.
//
// preview.js, in the page: one EventSource on /events?page=<this page>; each `update` event
// carries the page's new content (the same HTML the page was served with), which replaces the
// `<main>`. No library, no eval, no inline handler: only textContent, innerHTML of HTML the
// preview rendered (sanitized memo markup and its own), and classList.
export const PREVIEW_JS = `'use strict';
(function () {
  var main = document.getElementById('preview');
  var status = document.getElementById('preview-status');
  var page = document.body.getAttribute('data-page') || '/';
  var line = 0;

  function blockFor(target) {
    var blocks = main.querySelectorAll('[data-line-start]');
    var best = null;
    var bestSpan = Infinity;
    var next = null;
    for (var i = 0; i < blocks.length; i++) {
      var start = Number(blocks[i].getAttribute('data-line-start'));
      var end = Number(blocks[i].getAttribute('data-line-end'));
      // The narrowest block holding the line; on a tie the inner one (it comes later).
      if (start <= target && target <= end) {
        if (end - start <= bestSpan) {
          best = blocks[i];
          bestSpan = end - start;
        }
      } else if (start > target && next === null) {
        next = blocks[i];
      }
    }
    return best || next || blocks[blocks.length - 1] || null;
  }

  function highlight(target, scroll) {
    var old = main.querySelectorAll('.preview-highlight');
    for (var i = 0; i < old.length; i++) old[i].classList.remove('preview-highlight');
    var block = blockFor(target);
    if (!block) return;
    block.classList.add('preview-highlight');
    if (scroll) block.scrollIntoView({ block: 'center' });
  }

  main.addEventListener('click', function (event) {
    var button = event.target && event.target.closest ? event.target.closest('button.finding') : null;
    if (!button) return;
    line = Number(button.getAttribute('data-line'));
    highlight(line, true);
  });

  var events = new EventSource('/events?page=' + encodeURIComponent(page));
  events.addEventListener('update', function (event) {
    var data = JSON.parse(event.data);
    main.innerHTML = data.html;
    document.title = data.title;
    // A finding picked before the save stays picked where its line now is.
    if (line > 0) highlight(line, false);
    status.textContent = 'updated ' + new Date().toLocaleTimeString();
    document.body.setAttribute('data-version', String(data.version));
  });
  events.addEventListener('open', function () {
    status.textContent = 'live';
  });
  events.addEventListener('error', function () {
    status.textContent = 'reconnecting: is memo preview still running?';
  });
})();
`;

/** The preview's own styles, after the export's stylesheet. */
export const PREVIEW_CSS = `
.preview-bar {
  max-width: 38em;
  margin: 0 auto 1em;
  font-family: system-ui, sans-serif;
  font-size: 0.875rem;
  color: #555555;
}
.preview-bar #preview-status {
  margin-left: 1em;
}
aside.findings {
  max-width: 38em;
  margin: 0 auto 2em;
  padding: 0.5em 1em;
  border: 1px solid #d0d0d0;
  border-radius: 4px;
  font-family: system-ui, sans-serif;
  font-size: 0.9375rem;
}
aside.findings h2 {
  font-size: 1rem;
  margin: 0.5em 0;
}
aside.findings ol {
  margin: 0;
  padding-left: 1.5em;
}
aside.findings.clean {
  border-color: #7fb77f;
  color: #1f5f1f;
}
button.finding {
  display: block;
  width: 100%;
  margin: 0.2em 0;
  padding: 0.2em 0.4em;
  border: 0;
  background: transparent;
  color: inherit;
  font: inherit;
  text-align: start;
  cursor: pointer;
}
button.finding:hover,
button.finding:focus {
  background: #f0f0f0;
}
.finding-severity {
  font-weight: bold;
}
button.finding.error .finding-severity {
  color: #b00020;
}
button.finding.warning .finding-severity {
  color: #8a5a00;
}
.finding-rule {
  color: #555555;
}
.preview-highlight {
  outline: 3px solid #f2c200;
  outline-offset: 2px;
  background: #fff8d6;
}
.memo-error {
  max-width: 38em;
  margin: 1em auto;
  padding: 0.75em 1em;
  border: 1px solid #b00020;
  background: #fdecee;
  font-family: system-ui, sans-serif;
}
.memo-index {
  max-width: 50em;
  margin: 0 auto;
  font-family: system-ui, sans-serif;
}
table.memo-list {
  width: 100%;
  border-collapse: collapse;
}
table.memo-list th,
table.memo-list td {
  padding: 0.4em 0.5em;
  border-bottom: 1px solid #e0e0e0;
  text-align: start;
  vertical-align: top;
}
.badge {
  display: inline-block;
  padding: 0 0.5em;
  border-radius: 1em;
  font-size: 0.8125rem;
  white-space: nowrap;
}
.badge.clean {
  background: #e3f3e3;
  color: #1f5f1f;
}
.badge.warning {
  background: #fff1d0;
  color: #6b4500;
}
.badge.error {
  background: #fde0e4;
  color: #8a0018;
}
`;
