// The saved pages of tests/fixtures/import/corpus/html/ (written by us in the shapes of common
// themes; the sidecar format is the corpus README's, on the text side's branch): title and date
// 100% right, type, sections, item counts and author as expected, never a crash, and the body's
// words kept in order — at least 99.5% over the pages. A page's body words are its visible text
// outside page furniture (html/furniture.ts), less what the import reports it moved or dropped
// (each warning names a line and its first words) and the date line the front matter took.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { afterAll, describe, expect, it } from 'vitest';
import { dateOnly, cleanText } from '../../../src/import/blocks.js';
import { isLeftOut } from '../../../src/import/html/furniture.js';
import { elements, lineOf, plainText } from '../../../src/import/html/tree.js';
import { declaredCharset, importMemo } from '../../../src/import/import.js';
import { decodeMemo } from '../../../src/io/read.js';
import { inOrder, keys } from '../../helpers/words.js';
import { corpusFields, parse, ROOT, types, type Expect } from './helpers.js';

const FOLDER = join(ROOT, 'tests', 'fixtures', 'import', 'corpus', 'html');
const pages = readdirSync(FOLDER)
  .filter((name) => name.endsWith('.html'))
  .sort();

/** Markdown → its words: link targets, footnote marks and escapes taken out. */
function markdownWords(markdown: string): string[] {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
  return keys(
    body
      .replace(/\]\([^)]*\)/g, '] ')
      .replace(/\[\^(\w+)\]:?/g, ' $1 ')
      .replace(/\\(.)/g, '$1')
      .replace(/<!--[\s\S]*?-->/g, ' '),
  );
}

/** The page's body words: visible text outside furniture, less reported and front-matter lines. */
function bodyWords(tree: Root, reported: { line: number; quote: string; cut: boolean }[]): string[] {
  const words: string[] = [];
  const visit = (node: Element) => {
    if (isLeftOut(node) || node.tagName === 'time') return;
    const text = cleanText(plainText(node, (element) => isLeftOut(element)));
    if (reported.some((entry) => entry.line === lineOf(node) && (entry.cut ? text.startsWith(entry.quote) : text === entry.quote))) return;
    if (dateOnly(text)) return;
    for (const child of node.children) {
      if (child.type === 'element') visit(child);
      else if (child.type === 'text') words.push(...keys(child.value));
    }
  };
  const html = elements(tree).find((element) => element.tagName === 'html');
  const body = html && elements(html).find((element) => element.tagName === 'body');
  if (body) visit(body);
  return words;
}

const totals = { pages: 0, fields: 0, right: 0, words: 0, kept: 0, reported: 0 };

describe.each(pages)('html corpus: %s', (name) => {
  const expected = JSON.parse(readFileSync(join(FOLDER, name.replace(/\.html$/, '.expect.json')), 'utf8')) as Expect;
  const bytes = readFileSync(join(FOLDER, name));

  it('has the expected front matter and structure, and keeps the body’s words in order', async () => {
    const result = await importMemo(bytes, { types, source: name });
    const memo = parse(result.markdown);
    const { actual, want, fields, right } = corpusFields(memo, result.type, expected);
    totals.pages++;
    totals.fields += fields;
    totals.right += right;

    const reported = result.warnings.flatMap((warning) => {
      const quote = /"([^"]*?)(…?)"/.exec(warning.message);
      return quote?.[1] === undefined ? [] : [{ line: warning.line, quote: quote[1], cut: quote[2] === '…' }];
    });
    const text = decodeMemo(bytes, name, declaredCharset(bytes, name));
    const source = bodyWords(unified().use(rehypeParse).parse(text), reported);
    const kept = inOrder(source, markdownWords(result.markdown));
    totals.words += source.length;
    totals.kept += kept;
    totals.reported += reported.length;

    expect(actual).toEqual(want);
    expect(kept / source.length).toBeGreaterThanOrEqual(0.98);
  });
});

describe('the html corpus as a whole', () => {
  it('has the twelve shapes', () => expect(pages.length).toBeGreaterThanOrEqual(12));

  afterAll(() => {
    const percent = (part: number, whole: number) => `${((100 * part) / Math.max(1, whole)).toFixed(1)}%`;
    console.info(
      `html corpus: ${totals.pages} pages; fields right ${totals.right}/${totals.fields} (${percent(totals.right, totals.fields)}); ` +
        `body words ${totals.words}, kept in order ${totals.kept} (${percent(totals.kept, totals.words)}); ${totals.reported} reports`,
    );
    expect(totals.kept / Math.max(1, totals.words)).toBeGreaterThanOrEqual(0.995);
  });
});
