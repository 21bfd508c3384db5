// What every property case goes through, and what is checked on it. One call runs everything
// memokit does with a memo's text: parse, lint with every rule (with and without --fix), the
// three exporters (HTML as document, fragment and email; text; JSON) and the three bundlers
// (HTML, text, JSON Feed; the memo twice, as two files, so its ids collide across memos).
// Then: the JSON export validates against `memo schema`; every HTML output has unique ids and
// in-page links that resolve (except links the memo itself has broken); --fix is local,
// idempotent, keeps the memo readable (front matter, BOM, line endings) and keeps its words
// (but for the "Back to top" and title heading it documents writing).
import fc from 'fast-check';
import type { Definition } from 'mdast';
import { expect, it } from 'vitest';
import { SKIP, visit } from 'unist-util-visit';
import { emptyConfig } from '../../src/config/config.js';
import { bundleFeed, bundleHtml, bundleText } from '../../src/export/bundle.js';
import { exportHtml } from '../../src/export/html.js';
import { exportJson, type MemoJson } from '../../src/export/json.js';
import { memoJsonSchema } from '../../src/export/schema.js';
import { exportText } from '../../src/export/text.js';
import { describeSchemaError, validator } from '../../src/io/schema.js';
import { lintText } from '../../src/lint/engine.js';
import type { LintResult } from '../../src/lint/types.js';
import type { Memo, Span } from '../../src/memo/model.js';
import { parseMemo } from '../../src/memo/parse.js';
import { loadMemoTypes } from '../../src/templates/load.js';
import { anchorProblems, fragmentTarget, parseHtml } from '../helpers/html.js';
import { fuzzParameters, fuzzTimeout } from './arbitraries.js';

export const types = loadMemoTypes();
export const config = emptyConfig();

export function parse(text: string, path = 'memos/generated.md'): Memo {
  return parseMemo(text, { path, types });
}

export function lint(text: string, fix: boolean, path = 'memos/generated.md'): LintResult {
  return lintText(text, { path, config, types, fix });
}

export interface Outputs {
  memo: Memo;
  lint: LintResult;
  fixed: LintResult;
  html: { document: string; fragment: string; email: string };
  text: string;
  json: MemoJson;
  bundle: { html: string; text: string; feed: string };
}

/**
 * Run the memo through everything; throws whatever the code throws. The bundle holds the memo
 * twice (as two files), so every id of the memo collides across memos.
 */
export function runEverything(text: string, path = 'memos/generated.md'): Outputs {
  const memo = parse(text, path);
  // Exporters never change the memo (tests/unit/export), so a second file can share its tree.
  const twin: Memo = { ...memo, path: path.replace(/\.md$/, '-copy.md') };
  const bundled = [memo, twin];
  return {
    memo,
    lint: lint(text, false, path),
    fixed: lint(text, true, path),
    html: {
      document: exportHtml(memo),
      fragment: exportHtml(memo, { fragment: true }),
      email: exportHtml(memo, { email: true }),
    },
    text: exportText(memo),
    json: exportJson(memo),
    bundle: {
      html: bundleHtml(bundled, { title: 'Generated issue', sort: 'input' }),
      text: bundleText(bundled),
      feed: bundleFeed(bundled),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Outputs

const validate = validator(memoJsonSchema);

/**
 * The in-page targets the memo links to (inline links and link definitions) that are neither
 * its top nor one of its heading ids: broken in the source (the `anchors` rule's finding).
 */
function brokenTargets(memo: Memo): Set<string> {
  const known = new Set(['top', ...memo.headings.map((heading) => heading.id)]);
  const urls = memo.links.map((link) => link.url);
  visit(memo.tree, 'definition', (node: Definition) => {
    urls.push(node.url);
  });
  return new Set(
    urls
      .filter((url) => url.startsWith('#'))
      .map(fragmentTarget)
      .filter((target) => !known.has(target)),
  );
}

/** Every problem with one memo's outputs (empty when all is well). */
export function outputProblems(out: Outputs): string[] {
  const problems: string[] = [];

  // The JSON export, as the CLI writes it (through JSON.stringify), validates.
  const json: unknown = JSON.parse(JSON.stringify(out.json));
  if (!validate(json)) problems.push(`JSON export does not validate: ${describeSchemaError(validate.errors)}`);

  const htmls: [string, string, boolean][] = [
    ['document', out.html.document, false],
    ['fragment', out.html.fragment, true],
    ['email', out.html.email, false],
    ['bundle', out.bundle.html, false],
  ];
  // The feed's items are the memo's fragment export, as it is (checked above).
  const feed = JSON.parse(out.bundle.feed) as { items: { id: string; content_html: string }[] };
  for (const item of feed.items)
    if (item.content_html !== out.html.fragment) problems.push(`feed item ${item.id}: content_html is not the fragment export`);
  // In a bundle, the memo's targets carry its slug: `generated--nope`.
  const broken = brokenTargets(out.memo);
  const brokenInSource = (target: string): boolean => broken.has(target) || broken.has(target.replace(/^generated(?:-copy)?--/, ''));
  for (const [name, html, fragment] of htmls) {
    for (const problem of anchorProblems(parseHtml(html, fragment), brokenInSource)) problems.push(`${name}: ${problem}`);
  }

  if (!out.text.endsWith('\n')) problems.push('text export does not end with a newline');
  if (!out.bundle.text.endsWith('\n')) problems.push('text bundle does not end with a newline');
  return problems;
}

// ---------------------------------------------------------------------------------------------
// --fix

/** Line-ending kinds present in a text. */
function endings(text: string): { crlf: boolean; lf: boolean } {
  return { crlf: /\r\n/.test(text), lf: /(^|[^\r])\n/.test(text) };
}

/** Words as word limits count them (runs of non-space holding a letter or digit), lowercased. */
function words(text: string): string[] {
  return text
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .map((word) => word.toLowerCase());
}

/**
 * The words of a memo with their counts: those of its `#` headings apart (the title fix
 * rewrites the title from the front matter), and those of the rest. Every text, code, HTML and
 * alt value is taken on its own, so moving an item whole leaves both bags as they were.
 */
function wordBags(memo: Memo): { titles: Map<string, number>; rest: Map<string, number> } {
  const bags = { titles: new Map<string, number>(), rest: new Map<string, number>() };
  const add = (bag: Map<string, number>, text: string) => {
    for (const word of words(text)) bag.set(word, (bag.get(word) ?? 0) + 1);
  };
  visit(memo.tree, (node) => {
    if (node.type === 'yaml') return SKIP;
    if (node.type === 'heading' && node.depth === 1) {
      visit(node, (inner) => {
        if ('value' in inner) add(bags.titles, inner.value);
        if (inner.type === 'image' && inner.alt) add(bags.titles, inner.alt);
      });
      return SKIP;
    }
    if ('value' in node) add(bags.rest, node.value);
    if (node.type === 'image' && node.alt) add(bags.rest, node.alt);
    return undefined;
  });
  return bags;
}

/** `a` less `b`, counts included: the words of `a` that `b` does not have as often. */
function bagMinus(a: Map<string, number>, b: Map<string, number>): string[] {
  return [...a].flatMap(([word, count]) => Array<string>(Math.max(0, count - (b.get(word) ?? 0))).fill(word));
}

/**
 * --fix adds only the words it documents adding: "Back to top" links (it may also turn a
 * "↑ back to Top" line into one), and a title heading reading the type prefix + the
 * front-matter title. Every other word stays, as often as it was there (events move whole).
 */
function wordProblems(before: Memo, after: Memo): string[] {
  const was = wordBags(before);
  const now = wordBags(after);
  const problems: string[] = [];
  const lost = bagMinus(was.rest, now.rest);
  const added = bagMinus(now.rest, was.rest);
  const links = added.filter((word) => word === 'back').length;
  const linkWords = new Map([
    ['back', links],
    ['to', links],
    ['top', links],
  ]);
  const extra = bagMinus(bagOf(added), linkWords);
  if (lost.length > 0) problems.push(`--fix removed words: ${lost.join(' ')}`);
  if (extra.length > 0) problems.push(`--fix added words it does not document adding: ${extra.join(' ')}`);
  // The title heading as Markdown reads it (`&#106;` is a "j"), as the title fix writes it.
  const expected = after.memoType && after.title !== undefined ? `${after.memoType.titlePrefix}${after.title}` : undefined;
  const title =
    expected === undefined
      ? new Map<string, number>()
      : wordBags(parseMemo(`# ${expected}\n`, { path: 'title.md', types, gfm: false })).titles;
  const untitled = bagMinus(now.titles, was.titles).filter((word) => !title.has(word));
  if (untitled.length > 0) problems.push(`--fix put words in a # heading that are not the title's: ${untitled.join(' ')}`);
  return problems;
}

function bagOf(list: string[]): Map<string, number> {
  const bag = new Map<string, number>();
  for (const word of list) bag.set(word, (bag.get(word) ?? 0) + 1);
  return bag;
}

/** The text without a byte-order mark. */
const noBom = (text: string): string => (text.startsWith('\uFEFF') ? text.slice(1) : text);

export function fixProblems(text: string, out: Pick<Outputs, 'memo' | 'lint' | 'fixed'>): string[] {
  const problems: string[] = [];
  const before = out.lint;
  const fixes = before.messages.flatMap((message) => (message.fix ? [message.fix] : []));
  const result = out.fixed;
  const output = result.output;

  if (fixes.length === 0) {
    if (output !== undefined) problems.push('a memo with no fixable finding was changed by --fix');
    return problems;
  }
  const fixed = output ?? text;

  // What --fix leaves has nothing fixable, and fixing it again changes nothing.
  const left = result.messages.filter((message) => message.fix);
  if (left.length > 0)
    problems.push(`fixable findings left after --fix: ${left.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`).join(' | ')}`);
  const again = lint(fixed, true);
  if (again.output !== undefined)
    problems.push(`a second --fix changed the text again:\n${JSON.stringify(fixed)}\n→\n${JSON.stringify(again.output)}`);
  if (again.messages.length !== result.messages.length)
    problems.push('linting the fixed text again gives other findings than --fix reported');

  if (output === undefined) return problems;

  // The fixed text re-parses with the same front matter, BOM and line endings, and the same words.
  const original = out.memo;
  const reparsed = parse(fixed);
  // Words as lint reads the memo (CommonMark: what --fix works on; GFM reads `https://w[Back` as a URL).
  problems.push(
    ...wordProblems(
      parseMemo(text, { path: 'memos/generated.md', types, gfm: false }),
      parseMemo(fixed, { path: 'memos/generated.md', types, gfm: false }),
    ),
  );
  if (reparsed.frontMatter?.raw !== original.frontMatter?.raw) problems.push('--fix changed the front matter');
  if (reparsed.problems.length !== original.problems.length) problems.push('--fix changed what the parser reports');
  if (text.startsWith('\uFEFF') !== fixed.startsWith('\uFEFF')) problems.push('--fix changed the byte-order mark');
  const was = endings(text);
  const now = endings(fixed);
  if (was.crlf && !was.lf && now.lf) problems.push('--fix wrote LF line endings into a CRLF memo');
  if (was.lf && !was.crlf && now.crlf) problems.push('--fix wrote CRLF line endings into an LF memo');

  // The words are the memo's own, but for what --fix documents adding or rewriting: a "Back to
  // top" (added, pointed at #top, made a link) and the title heading (the type's prefix + the
  // front-matter title). Nothing is ever dropped, duplicated or reworded elsewhere.
  const [wordsBefore, wordsAfter] = [keptWords(text), keptWords(fixed)];
  if (wordsBefore.join('\n') !== wordsAfter.join('\n')) problems.push(`--fix changed the words: ${wordChanges(wordsBefore, wordsAfter)}`);
  if (backToTopPhrases(reparsed) < backToTopPhrases(original)) problems.push('--fix removed a "Back to top"');

  // Only where the fixable findings were: the text before the first fix and after the last is kept.
  // Fix ranges are offsets into the text after its BOM: what lies before the first range and
  // after the last one is still there, at the start and at the end of the fixed text.
  const first = Math.min(...fixes.map((fix) => fix.range[0]));
  const last = Math.max(...fixes.map((fix) => fix.range[1]));
  const source = noBom(text);
  const target = noBom(fixed);
  if (!target.startsWith(source.slice(0, first))) problems.push(`--fix changed the text before the first fix (at offset ${first})`);
  if (!target.endsWith(source.slice(last))) problems.push(`--fix changed the text after the last fix (which ends at offset ${last})`);
  return problems;
}

/** The memo's source without the given spans (each replaced by a space). */
function without(memo: Memo, spans: (Span | undefined)[]): string {
  const cuts = spans.flatMap((span) => (span ? [[span.start.offset, span.end.offset] as const] : [])).sort((a, b) => a[0] - b[0]);
  let text = '';
  let cursor = 0;
  for (const [start, end] of cuts) {
    if (start > cursor) text += memo.source.slice(cursor, start);
    text += ' ';
    cursor = Math.max(cursor, end);
  }
  return text + memo.source.slice(cursor);
}

/** How many times the memo says "back to top", its front matter and title heading left out. */
export function backToTopPhrases(memo: Memo): number {
  return (without(memo, [memo.frontMatter?.span, memo.titleHeadings[0]?.span]).match(/back\s+to\s+top/gi) ?? []).length;
}

/**
 * The memo's words (runs of non-space characters with a letter or digit in them, as memokit
 * counts them), sorted, leaving out its front matter, its title heading and every "Back to top".
 * Read as the linter reads it (CommonMark), so the title heading is the one its fix rewrites.
 */
export function keptWords(text: string): string[] {
  const memo = parseMemo(text, { path: 'memos/generated.md', types, gfm: false });
  return without(memo, [memo.frontMatter?.span, memo.titleHeadings[0]?.span, ...memo.backToTop.map((link) => link.span)])
    .replace(/[↑^]?\s*back\s+to\s+top\s*↑?/gi, ' ')
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .sort();
}

/** What one sorted word list has that the other lacks, for a failure message. */
function wordChanges(before: string[], after: string[]): string {
  const count = (words: string[]) => words.reduce((map, word) => map.set(word, (map.get(word) ?? 0) + 1), new Map<string, number>());
  const [was, now] = [count(before), count(after)];
  const lost = [...was].filter(([word, n]) => (now.get(word) ?? 0) < n).map(([word]) => word);
  const gained = [...now].filter(([word, n]) => (was.get(word) ?? 0) < n).map(([word]) => word);
  return `lost ${JSON.stringify(lost)}, gained ${JSON.stringify(gained)}`;
}

/** Everything checked for one memo: the outputs, and --fix. */
export function allProblems(text: string): string[] {
  const out = runEverything(text);
  return [...outputProblems(out), ...fixProblems(text, out)];
}

/** One test: every memo `source` generates passes allProblems (`FUZZ_RUNS` of them). */
export function itHasNoProblems(name: string, source: fc.Arbitrary<string>): void {
  it(
    name,
    () => {
      fc.assert(
        fc.property(source, (text) => {
          expect(allProblems(text)).toEqual([]);
        }),
        fuzzParameters(),
      );
    },
    fuzzTimeout(),
  );
}
