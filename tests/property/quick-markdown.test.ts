// The lint fast path (src/memo/quick-markdown.ts) must build exactly the tree remark-parse
// builds, positions included, or decline; the full parser (src/memo/full-parse.ts) must build
// it always. Checked on every real memo, on a slice of the bench
// corpus, on generated memos (free and type-shaped) in the subset it accepts, and on the fuzzers'
// wilder Markdown.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { afterAll, describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/memo/full-parse.js';
import { quickParse } from '../../src/memo/quick-markdown.js';
import {
  CORPUS,
  eventDate,
  freeMarkdown,
  fuzzParameters,
  fuzzTimeout,
  mutatedMemo,
  shapedBodyOf,
  shapedMemoOf,
  splicedMemo,
  withCrlf,
  withMixedEol,
} from './arbitraries.js';

const remark = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).freeze();
const remarkWithGfm = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();

/**
 * Compare with remark, CommonMark and GFM; returns whether the fast path accepted the text. The
 * full parser (mdast-util-from-markdown with remark's extensions, no unified) must agree always.
 */
function agreesWithRemark(text: string): boolean {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  expect(parseMarkdown(source, false)).toEqual(remark.parse(source));
  expect(parseMarkdown(source, true)).toEqual(remarkWithGfm.parse(source));
  const withGfm = quickParse(source, { gfm: true });
  if (withGfm !== undefined) expect(withGfm).toEqual(remarkWithGfm.parse(source));
  const quick = quickParse(source);
  if (quick === undefined) return false;
  expect(quick).toEqual(remark.parse(source));
  return true;
}

const crlf = withCrlf;
const mixed = withMixedEol;

/** Which line-ending variants of a text the fast path accepted, each compared with remark. */
interface Accepted {
  lf: boolean;
  crlf: boolean;
  mixed: boolean;
}

/**
 * agreesWithRemark on the text as it is, with CRLF line endings, and with LF and CRLF mixed (both
 * ways round when `bothMixes`, else one, picked by the text's length): identical trees or a decline.
 */
function agreesInEveryEol(text: string, bothMixes = false): Accepted {
  const lf = agreesWithRemark(text);
  const withCrlf = agreesWithRemark(crlf(text));
  const parity = (text.length % 2) as 0 | 1;
  let withMixed = agreesWithRemark(mixed(text, parity));
  if (bothMixes) withMixed = agreesWithRemark(mixed(text, parity === 0 ? 1 : 0)) && withMixed;
  return { lf, crlf: withCrlf, mixed: withMixed };
}

// ---- generated memos inside the accepted subset (so the comparison is exercised, not skipped)

const plainWord = fc.constantFrom(
  'the',
  'memo',
  'Iraq',
  'U.S.',
  'Dec.',
  '2019',
  '10:40',
  'a.m.',
  'café',
  '日本語',
  '“quoted”',
  '—',
  '–',
  '😀',
  'x+y',
  '(aside)',
  'a|b',
  '#tag',
  '5%',
  'AT&T',
  '~',
  '=',
  '!',
  'e.g.,',
  '$4',
);
const plainText = fc.array(plainWord, { minLength: 1, maxLength: 8 }).map((words) => words.join(' '));
const simpleInline: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { arbitrary: plainText, weight: 6 },
      { arbitrary: fc.tuple(fc.constantFrom('*', '**', '_', '__'), plainText).map(([mark, text]) => `${mark}${text}${mark}`), weight: 2 },
      {
        arbitrary: fc
          .tuple(plainText, fc.constantFrom('#top', '#key-takeaways', 'https://example.org/a?b=c', ''))
          .map(([text, url]) => `[${text}](${url})`),
        weight: 2,
      },
      {
        arbitrary: fc.constantFrom(
          '[Back to top](#top)',
          '[**Back to top**](#top)',
          '*[a link](#top)*',
          'snake_case_name',
          '2 * 3',
          '**Dec. 27, 2019** —',
          'a ** b',
          '1. not a list',
        ),
        weight: 1,
      },
    ),
    { minLength: 1, maxLength: 5 },
  )
  .map((parts) => parts.join(' '));
/** Lines of one paragraph: continuation lines plain, indented or not. */
const simpleParagraph = fc
  .array(fc.tuple(fc.constantFrom('', '', '  ', '    '), simpleInline), { minLength: 1, maxLength: 3 })
  .map((lines) => lines.map(([indent, text], index) => (index === 0 ? text : `${indent}${text}`)).join('\n'));
const simpleHeading = fc.tuple(fc.integer({ min: 1, max: 6 }), simpleInline).map(([depth, text]) => `${'#'.repeat(depth)} ${text}`);
const bulletList = (marker: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc
    .tuple(marker, fc.array(simpleParagraph, { minLength: 1, maxLength: 5 }), fc.boolean())
    .map(([bullet, items, loose]) => items.map((item) => `${bullet} ${item}`).join(loose ? '\n\n' : '\n'));
const orderedList = fc
  .tuple(fc.constantFrom('.', ')'), fc.constantFrom(1, 2, 10, 123456789), fc.array(simpleParagraph, { minLength: 1, maxLength: 4 }))
  .map(([delimiter, first, items]) => items.map((item, index) => `${first + index}${delimiter} ${item}`).join('\n'));
const standalone = fc.constantFrom(
  '<!-- memo-lint-disable dated-events -->',
  '<!-- a\ncomment -->',
  '<!-- x --> trailing',
  '[Back to top](#top)',
);
const simpleBlock = fc.oneof(
  { arbitrary: simpleParagraph, weight: 4 },
  { arbitrary: simpleHeading, weight: 2 },
  { arbitrary: bulletList(fc.constantFrom('-', '*', '+')), weight: 3 },
  { arbitrary: orderedList, weight: 2 },
  { arbitrary: standalone, weight: 1 },
);
// Blocks a single newline apart run into each other (lazy continuations, a list after a paragraph),
// which the fast path mostly declines: kept, but rarer, so that well over half the memos are compared.
const blockGap = fc.oneof(
  { arbitrary: fc.constant('\n\n'), weight: 3 },
  { arbitrary: fc.constant('\n'), weight: 1 },
  { arbitrary: fc.constant('\n\n\n'), weight: 1 },
);
const simpleMemo = fc
  .tuple(fc.boolean(), fc.array(simpleBlock, { minLength: 0, maxLength: 7 }), blockGap, fc.boolean())
  .map(
    ([front, blocks, gap, finalNewline]) =>
      `${front ? '---\ntype: rapid-response\ntitle: "A: title"\ndate: 2019-12-31\n---\n\n' : ''}${blocks.join(gap)}${finalNewline ? '\n' : ''}`,
  );

/**
 * A block in a memo's lede or sections: mostly paragraphs, and lists only with `-`, as the takeaways and events
 * lists beside them are (a `*` or `1.` list right after one is a second list, which the fast path declines).
 */
const sectionBlock = fc.oneof(
  { arbitrary: simpleParagraph, weight: 6 },
  { arbitrary: simpleHeading, weight: 1 },
  { arbitrary: bulletList(fc.constant('-')), weight: 1 },
  { arbitrary: standalone, weight: 1 },
);
/** Memos shaped like their type (title, lede, sections, dated events, Back to top) made of the parts above, LF only. */
const shapedSimpleMemo = shapedMemoOf(
  shapedBodyOf({ title: plainText, block: sectionBlock, inline: simpleInline, eventDate }),
  fc.record({ bom: fc.boolean(), eol: fc.constant('lf' as const), finalNewline: fc.boolean() }),
);

/** Emphasis and link syntax thrown together, across lines: the flanking rules' corner cases. */
const tokenSoup = fc
  .array(
    fc.constantFrom(
      '*',
      '**',
      '_',
      '__',
      'word',
      'x',
      'www.x.org',
      'a@b.co',
      '\n:--',
      '\n-:',
      ' | ',
      'https://x.org',
      '|',
      '~~',
      '[^1]',
      '- [ ] ',
      ' ',
      ' ',
      '\n',
      '\n  ',
      '\n\n',
      '\r\n',
      '\r',
      '[',
      ']',
      '](#x)',
      '[a](b)',
      '[*a*](b)',
      '.',
      ',',
      '“',
      '”',
      '(',
      ')',
      '-',
      '- ',
      '1. ',
      '#',
      '# ',
      '!',
      '😀',
      'é',
      '\u00a0',
      '&',
      ':',
      '~',
      '=',
    ),
    { minLength: 1, maxLength: 24 },
  )
  .map((tokens) => tokens.join(''));

describe('quickParse builds the same tree as remark-parse, or declines', () => {
  const accepted: string[] = [];

  it('on every memo in examples/ and tests/fixtures/, with LF, CRLF and mixed line endings', () => {
    const acceptedCrlf: string[] = [];
    const acceptedMixed: string[] = [];
    for (const { name, text } of CORPUS) {
      const taken = agreesInEveryEol(text, true);
      if (taken.lf) accepted.push(name);
      if (taken.crlf) acceptedCrlf.push(name);
      if (taken.mixed) acceptedMixed.push(name);
    }
    // The reference memo and the examples are the shape the fast path is for, whatever their line endings.
    expect(accepted).toContain('examples/2019-12-31-backlash-to-us-strikes.md');
    expect(acceptedCrlf).toContain('examples/2019-12-31-backlash-to-us-strikes.md');
    expect(acceptedMixed).toContain('examples/2019-12-31-backlash-to-us-strikes.md');
  });

  it('on the bench corpus: every generated memo is accepted and identical', () => {
    const dir = mkdtempSync(join(tmpdir(), 'memokit-quick-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    return import('../../bench/generate.mjs').then(({ generateCorpus }) => {
      const { files } = (generateCorpus as (options: { memos: number; out: string }) => { files: string[] })({ memos: 200, out: dir });
      expect(files.length).toBe(200);
      for (const file of files) {
        const text = readFileSync(join(dir, file), 'utf8');
        expect(agreesInEveryEol(text), file).toEqual({ lf: true, crlf: true, mixed: true });
        // Export parses with GFM: the corpus takes the fast path there too.
        expect(quickParse(text, { gfm: true }), file).toBeDefined();
        expect(quickParse(crlf(text), { gfm: true }), file).toBeDefined();
      }
    });
  });

  it.each([
    ['generated memos in the subset it handles', simpleMemo],
    ['memos shaped like their type, in that subset', shapedSimpleMemo],
  ] as const)(
    'on %s, with LF, CRLF and mixed line endings (most must be accepted)',
    (_name, arbitrary) => {
      const taken = { lf: 0, crlf: 0, mixed: 0 };
      let runs = 0;
      fc.assert(
        fc.property(arbitrary, (text) => {
          runs++;
          const accepted = agreesInEveryEol(text);
          for (const eol of ['lf', 'crlf', 'mixed'] as const) if (accepted[eol]) taken[eol]++;
        }),
        { ...fuzzParameters(), numRuns: Math.max(200, fuzzParameters().numRuns ?? 0) },
      );
      // Declining everything would pass the comparison; at least half must be compared, in each line-ending style.
      expect(
        { lf: taken.lf / runs >= 0.5, crlf: taken.crlf / runs >= 0.5, mixed: taken.mixed / runs >= 0.5 },
        JSON.stringify({ ...taken, runs }),
      ).toEqual({
        lf: true,
        crlf: true,
        mixed: true,
      });
      // And line endings never cost the fast path a memo.
      expect(taken, JSON.stringify({ ...taken, runs })).toEqual({ lf: taken.lf, crlf: taken.lf, mixed: taken.lf });
    },
    fuzzTimeout(50),
  );

  it.each([
    ['free Markdown', freeMarkdown],
    ['mutated real memos', mutatedMemo],
    ['spliced real memos', splicedMemo],
    ['emphasis and link soup', tokenSoup],
  ] as const)(
    'on %s',
    (_name, arbitrary) => {
      fc.assert(
        fc.property(arbitrary, (text) => {
          agreesInEveryEol(text);
        }),
        { ...fuzzParameters(), numRuns: Math.max(100, fuzzParameters().numRuns ?? 0) },
      );
    },
    fuzzTimeout(50),
  );

  it('declines what it does not build', () => {
    for (const text of [
      'Title\n=====',
      'a\n---',
      '> quote',
      '    code',
      '```\ncode\n```',
      '1. one\n2) two',
      'para\n2. two',
      '*lone',
      'word*s*',
      '- - nested',
      '- a\n  - b',
      '<div>x</div>',
      'a `code` b',
      'a \\* b',
      '&amp;',
      '![alt](x.png)',
      '[ref]: https://example.org',
      '[a][b]',
      'a  \nb',
      'a\tb',
      // A carriage return not followed by a line feed (old Mac line endings) is left to remark.
      'a\rb',
      'a\r',
      'a\r\rb',
      'a\r\n\rb',
      '---\rtitle: x\r---\r',
      'a\n\r\nb\r',
      '***',
      '- a\n\n  more',
      '* a\n- b',
      '<!-- open',
      '---\ntitle: x',
      '\uFEFF--\ntitle: x',
      '#',
      '- ',
      '***a***',
      'a_b_c*d*',
      '# Title #',
    ]) {
      expect(quickParse(text), JSON.stringify(text)).toBeUndefined();
      expect(quickParse(crlf(text)), JSON.stringify(crlf(text))).toBeUndefined();
    }
  });

  it('takes CRLF where it takes LF, with the line endings where micromark keeps them (values) and positions counting both bytes', () => {
    for (const text of [
      '---\r\ntitle: x\r\ndate: 2019-12-31\r\n---\r\n\r\n# Title\r\n\r\nA lede\r\non two lines.\r\n',
      '---\r\n---\r\nx',
      '---\n\r\n---\r\n',
      '<!-- a\r\ncomment -->\r\nafter',
      '<!-- x -->\r\n\r\n',
      'a *b\r\nc* d',
      'a\r\n*b* c',
      'a *b*\r\nc',
      '**a**\r\n  _b_\r\n    c',
      '- a\r\n- b\r\n\r\n- c\r\n  more',
      '1. a\r\n2. b\n3. c\r\n',
      '[a\r\nb](#x) [c](#y)\r\n',
      'a\r\n\r\n\r\nb\r\n\r\n',
      '\r\n',
      '\r\n\r\n# h\r\n',
    ]) {
      expect(agreesWithRemark(text), JSON.stringify(text)).toBe(true);
      expect(quickParse(text, { gfm: true }), JSON.stringify(text)).toBeDefined();
    }
  });
});
