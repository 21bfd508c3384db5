// The pages of `memo preview`: the list of memos and one page per memo. A memo's page is its HTML
// export — the same sanitized `<article>` (export/html.ts memoArticle), the same stylesheet —
// with a findings panel above it. Every block of the article carries the source lines it came
// from (`data-line-start`, `data-line-end`, from the positions remark keeps), so a finding can
// point at its block in the page. Pages are built as hast and stringified (every text escaped);
// the only markup not from the exporter is memokit's own. No page has inline script or style:
// preview.js and preview.css are served by the preview itself (a strict CSP allows only them).
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { element, lines, memoArticle, memoTitle, stringify, textNode } from '../export/html.js';
import { MemoError } from '../io/errors.js';
import { decodeMemo, readMemoBytes } from '../io/read.js';
import type { ResidentLinter } from '../lint/resident.js';
import type { Finding, LintResult } from '../lint/types.js';
import { parseMemo } from '../memo/parse.js';
import { textDirection } from '../util/direction.js';
import { counted } from '../util/plural.js';

/** What the preview knows of one memo after reading it: for the list, its page, and its findings. */
export interface MemoView {
  file: string;
  /** The path in the page's URL: `/memo/<path relative to the working folder, URL-encoded>`. */
  url: string;
  /** The path as shown (relative to the working folder). */
  shown: string;
  title: string;
  date: string | undefined;
  type: string | undefined;
  result: LintResult | undefined;
  /** The page's content (findings panel and article), or undefined until asked for. */
  content?: string;
  /** Why the memo cannot be shown (unreadable, bad config): shown in place of the article. */
  error?: string;
}

/** Source lines of an element, from its position. */
function markLines(node: Element, start: number, end: number): void {
  node.properties['dataLineStart'] = String(start);
  node.properties['dataLineEnd'] = String(end);
}

const BLOCKS = new Set('p li ul ol h1 h2 h3 h4 h5 h6 blockquote pre table tr hr section div dl dt dd'.split(' '));

/** Put the source lines on every block element that has a position (iteratively: any depth). */
function markBlocks(root: Element): void {
  const stack: ElementContent[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as ElementContent;
    if (node.type !== 'element') continue;
    const position = node.position;
    if (position && BLOCKS.has(node.tagName)) markLines(node, position.start.line, position.end.line);
    for (const child of node.children) stack.push(child);
  }
}

function findingItem(finding: Finding): Element {
  const severity = finding.severity === 'error' ? 'error' : 'warning';
  return element('li', {}, [
    element('button', { type: 'button', className: ['finding', severity], dataLine: String(finding.line) }, [
      element('span', { className: ['finding-place'] }, [textNode(`line ${finding.line}`)]),
      textNode(' '),
      element('span', { className: ['finding-severity'] }, [textNode(severity)]),
      textNode(' '),
      element('span', { className: ['finding-message'] }, [textNode(finding.message)]),
      ...(finding.ruleId ? [textNode(' '), element('code', { className: ['finding-rule'] }, [textNode(finding.ruleId)])] : []),
    ]),
  ]);
}

function findingsPanel(result: LintResult | undefined): Element {
  const messages = result?.messages ?? [];
  if (messages.length === 0) {
    return element('aside', { className: ['findings', 'clean'], ariaLabel: 'Findings' }, [
      element('p', {}, [textNode('No problems: this memo is clean.')]),
    ]);
  }
  const summary = `${counted(result?.errorCount ?? 0, 'error')}, ${counted(result?.warningCount ?? 0, 'warning')}`;
  return element(
    'aside',
    { className: ['findings'], ariaLabel: 'Findings' },
    lines([element('h2', {}, [textNode(`Findings: ${summary}`)]), element('ol', {}, lines(messages.map(findingItem)))]),
  );
}

function errorBox(message: string): Element {
  return element('div', { className: ['memo-error'], role: 'alert' }, [
    element('strong', {}, [textNode('This memo cannot be shown: ')]),
    textNode(message),
  ]);
}

/**
 * Read, lint and render one memo. Never throws for the memo's own trouble (unreadable,
 * invalid, a broken config): the view carries the error, and the page shows it.
 */
export function viewMemo(file: string, shown: string, url: string, linter: ResidentLinter): MemoView {
  const view: MemoView = { file, url, shown, title: shown, date: undefined, type: undefined, result: undefined };
  let text: string;
  try {
    text = decodeMemo(readMemoBytes(file), shown);
  } catch (error) {
    if (!(error instanceof MemoError)) throw error;
    view.error = error.message;
    view.content = stringify({ type: 'root', children: [errorBox(error.message)] });
    return view;
  }
  try {
    view.result = linter.lint(file, text);
    const { config, types } = linter.settingsFor(file);
    const memo = parseMemo(text, { path: shown, types, ...(config.dateOrder ? { dateOrder: config.dateOrder } : {}) });
    view.title = memoTitle(memo);
    view.date = memo.date;
    view.type = memo.type;
    const article = memoArticle(memo, { dateFormat: config.export.dateFormat ?? 'long' });
    markBlocks(article);
    // The date line and title stand for the front matter: findings there point at the header.
    const header = article.children.find((node): node is Element => node.type === 'element' && node.tagName === 'header');
    const fence = memo.frontMatter?.span.end.line;
    if (header && fence) markLines(header, 1, fence);
    const root: HastRoot = { type: 'root', children: [findingsPanel(view.result), textNode('\n'), article] };
    view.content = stringify(root);
  } catch (error) {
    if (!(error instanceof MemoError)) throw error;
    view.error = error.describe();
    view.content = stringify({ type: 'root', children: [findingsPanel(view.result), errorBox(view.error)] });
  }
  return view;
}

function badge(result: LintResult | undefined, error: string | undefined): Element {
  if (error !== undefined) return element('span', { className: ['badge', 'error'] }, [textNode('cannot be read')]);
  const errors = result?.errorCount ?? 0;
  const warnings = result?.warningCount ?? 0;
  if (errors === 0 && warnings === 0) return element('span', { className: ['badge', 'clean'] }, [textNode('clean')]);
  const parts: string[] = [];
  if (errors > 0) parts.push(counted(errors, 'error'));
  if (warnings > 0) parts.push(counted(warnings, 'warning'));
  return element('span', { className: ['badge', errors > 0 ? 'error' : 'warning'] }, [textNode(parts.join(', '))]);
}

/** Newest first; undated memos last, by path. */
export function byDate(a: MemoView, b: MemoView): number {
  if (a.date !== b.date) {
    if (a.date === undefined) return 1;
    if (b.date === undefined) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return a.shown.localeCompare(b.shown);
}

/** The list of memos: date, title (a link to its page), type and a badge of its findings. */
export function indexContent(views: MemoView[], problems: string[]): string {
  const rows = [...views]
    .sort(byDate)
    .map((view) =>
      element('tr', {}, [
        element('td', {}, [textNode(view.date ?? '')]),
        element('td', {}, [
          element('a', { href: view.url }, [textNode(view.title)]),
          element('br', {}),
          element('small', {}, [textNode(view.shown)]),
        ]),
        element('td', {}, [textNode(view.type ?? '')]),
        element('td', {}, [badge(view.result, view.error)]),
      ]),
    );
  const children: ElementContent[] = [element('h1', {}, [textNode('Memos')])];
  for (const problem of problems) children.push(errorBox(problem));
  children.push(
    rows.length === 0
      ? element('p', {}, [textNode('No memos found.')])
      : element('table', { className: ['memo-list'] }, [
          element('thead', {}, [
            element(
              'tr',
              {},
              ['Date', 'Title', 'Type', 'Findings'].map((name) => element('th', { scope: 'col' }, [textNode(name)])),
            ),
          ]),
          element('tbody', {}, lines(rows)),
        ]),
  );
  return stringify({ type: 'root', children: [element('div', { className: ['memo-index'] }, lines(children))] });
}

/** A whole page around `content`: memokit's head (stylesheet and script, same origin), a bar, `<main>`. */
export function pageDocument(title: string, page: string, content: string, lang = 'en'): string {
  // The content is already HTML (escaped by stringify); the rest is built here and escaped too.
  const shell = stringify({
    type: 'root',
    children: [
      { type: 'doctype' },
      element('html', { lang, ...(textDirection(lang) === 'rtl' ? { dir: 'rtl' } : {}) }, [
        element(
          'head',
          {},
          lines([
            element('meta', { charSet: 'utf-8' }),
            element('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
            element('title', {}, [textNode(title)]),
            element('link', { rel: ['stylesheet'], href: '/preview.css' }),
            element('script', { src: '/preview.js', defer: true }, []),
          ]),
        ),
        element('body', { dataPage: page }, [
          element('nav', { className: ['preview-bar'] }, [
            element('a', { href: '/' }, [textNode('All memos')]),
            textNode(' '),
            element('span', { id: 'preview-status', role: 'status' }, []),
          ]),
          element('main', { id: 'preview' }, []),
        ]),
      ]),
    ],
  });
  // `</main>` closes the shell's last element but two: nothing from the memo comes after it.
  const at = shell.lastIndexOf('</main>');
  return shell.slice(0, at) + content + shell.slice(at);
}
