// The import corpus (tests/fixtures/import/corpus/README.md): published memos in many shapes,
// plain text and saved pages, each with what the import must make of it. Titles and dates must
// all be right, the import must never throw, and the words that stay in the body must be there,
// in order — at least 99.5% of them over the whole corpus.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportText } from '../../../src/export/text.js';
import { importMemo } from '../../../src/import/import.js';
import type { ImportResult } from '../../../src/import/blocks.js';
import { inOrder, keys, wordsToKeep } from '../../helpers/words.js';
import { corpusFields, parse, ROOT, types, type Expect } from './helpers.js';

const CORPUS = join(ROOT, 'tests', 'fixtures', 'import', 'corpus');
const files = ['text', 'html'].flatMap((kind) => {
  const folder = join(CORPUS, kind);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => /\.(?:txt|html)$/.test(name))
    .sort()
    .map((name) => ({ kind: kind as 'text' | 'html', name, path: join(folder, name) }));
});

/** The memo's body as plain text: front matter and `#` title taken out, so only body words remain. */
function bodyText(markdown: string): string {
  const type = /^type: (.*)$/m.exec(markdown)?.[1] ?? '';
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/^# .*$/m, '');
  return exportText(parse(`---\ntype: ${type}\n---\n${body}`), { width: 0 });
}

const totals = { files: 0, fieldsRight: 0, fields: 0, wordsIn: 0, mustKeep: 0, keptInOrder: 0, moved: 0, dropped: 0 };

describe.each(files)('corpus $kind/$name', ({ kind, name, path }) => {
  const expected = JSON.parse(readFileSync(path.replace(/\.(?:txt|html)$/, '.expect.json'), 'utf8')) as Expect;
  // Bytes, as the CLI reads them: a saved page may declare a legacy charset (windows-1252).
  const bytes = readFileSync(path);
  const source = bytes.toString('utf8');

  it('imports with the expected title, date, type, sections and items, keeping the body’s words in order', async () => {
    const result: ImportResult = await importMemo(kind === 'html' ? new Uint8Array(bytes) : source, {
      types,
      source: name,
      from: kind,
      ...(expected.options?.type ? { type: expected.options.type } : {}),
    });
    const memo = parse(result.markdown);
    const { actual, want, fields, right } = corpusFields(memo, result.type, expected);
    totals.files++;
    totals.fields += fields;
    totals.fieldsRight += right;

    // Words: what the source holds (the file for text, the blocks read for HTML), less what the
    // report says moved or dropped, must be in the body, in order.
    const report = result.report;
    const lines =
      kind === 'text' ? source.split(/\r\n|\r|\n/).map((text, index) => ({ line: index + 1, text })) : report.read.map((block) => block);
    const keep = wordsToKeep(lines, [...report.moved, ...report.dropped]);
    const found = inOrder(keep, keys(bodyText(result.markdown)));
    totals.wordsIn += report.wordsIn;
    totals.mustKeep += keep.length;
    totals.keptInOrder += found;
    totals.moved += report.moved.reduce((sum, entry) => sum + entry.words, 0);
    totals.dropped += report.dropped.reduce((sum, entry) => sum + entry.words, 0);

    expect(actual).toEqual(want);
    expect(report.wordsKept + report.moved.reduce((s, e) => s + e.words, 0) + report.dropped.reduce((s, e) => s + e.words, 0)).toBe(
      report.wordsIn,
    );
    expect(found / Math.max(1, keep.length)).toBeGreaterThanOrEqual(0.98);
  });
});

describe('the corpus as a whole', () => {
  it('has files in both shapes of input', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  afterAll(() => {
    if (totals.files === 0) return;
    const percent = (part: number, whole: number) => `${((100 * part) / Math.max(1, whole)).toFixed(1)}%`;
    console.info(
      `import corpus: ${totals.files} files; fields right ${totals.fieldsRight}/${totals.fields} (${percent(totals.fieldsRight, totals.fields)}); ` +
        `words in ${totals.wordsIn}, must stay ${totals.mustKeep}, kept in order ${totals.keptInOrder} (${percent(totals.keptInOrder, totals.mustKeep)}), ` +
        `moved ${totals.moved}, dropped ${totals.dropped}`,
    );
    expect(totals.keptInOrder / Math.max(1, totals.mustKeep)).toBeGreaterThanOrEqual(0.995);
  });
});
