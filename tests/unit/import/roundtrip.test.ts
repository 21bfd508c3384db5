// SPEC, Import: "Exporting the result as text gives back the original's words, in order."
// The reference memo → import → exportText gives the same word sequence (bullets and the
// "Back to top" line aside). And the imported memos are ones `memo lint` accepts.
import { describe, expect, it } from 'vitest';
import { exportText } from '../../../src/export/text.js';
import { importText } from '../../../src/import/text.js';
import { emptyConfig } from '../../../src/config/config.js';
import { lintText } from '../../../src/lint/engine.js';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { keys } from '../../helpers/words.js';
import { fixture, parse, ROOT, types } from './helpers.js';

/** Words in order: no bullets, no "Back to top", no-break spaces as spaces. */
function words(text: string): string[] {
  return text
    .replace(/\u00A0/g, ' ')
    .replace(/^\s*back to top\s*$/gim, ' ')
    .split(/\s+/)
    .filter((word) => word !== '' && !/^[•\-*–]$/.test(word));
}

const reference = fixture('reference.txt');
const imported = importText(reference, { types, source: 'reference.txt' });

describe('round trip', () => {
  it('gives back the reference’s words in the same order, at any width', () => {
    const memo = parse(imported.markdown);
    const expected = words(reference);
    expect(expected.length).toBeGreaterThan(600);
    expect(expected[0]).toBe('December');
    expect(words(exportText(memo, { width: 0 }))).toEqual(expected);
    expect(words(exportText(memo))).toEqual(expected);
  });

  it('gives back the words of a memo in another shape, its date line now leading', () => {
    const source = fixture('date-below-title.txt');
    const memo = parse(importText(source, { types, source: 'x.txt' }).markdown);
    // Exports put the date line first (the source had it under the title), and "TALKING POINTS"
    // became the canonical "Talking Points": compare ignoring case.
    const expected = words(source.replace('May 8, 2018\n', '').toLowerCase());
    expect(words(exportText(memo, { width: 0 }).toLowerCase())).toEqual(['may', '8,', '2018', ...expected]);
  });
});

describe('lint accepts what import writes', () => {
  const lint = (markdown: string) => lintText(markdown, { path: 'imported.md', config: emptyConfig(), types }).messages;

  it('the imported reference has no findings but (at most) its four undated events', () => {
    const findings = lint(imported.markdown);
    expect(findings.filter((finding) => finding.ruleId !== 'dated-events')).toEqual([]);
    expect(findings.length).toBeLessThanOrEqual(4);
  });

  it.each(['header-memo.txt', 'timeline.txt', 'date-below-title.txt'])('%s lints clean', (name) => {
    const result = importText(fixture(name), { types, source: name });
    expect(lint(result.markdown)).toEqual([]);
  });
});

// Issue #17: `memo export x.md --to text | memo import -` gives back x's title, date, sections,
// items and words, for every example and fixture memo (at the default width, where a long title
// used to wrap onto a second line and come back as a section).
describe('export --to text, then import, gives the memo back', () => {
  const folders = ['examples', 'tests/fixtures/export-text', 'tests/fixtures/memos', 'tests/fixtures/import/corpus/memos'];
  const memos = folders.flatMap((folder) =>
    existsSync(join(ROOT, folder))
      ? readdirSync(join(ROOT, folder))
          .filter((name) => name.endsWith('.md'))
          .map((name) => join(folder, name))
      : [],
  );
  const cases = memos
    .map((path) => ({ path, memo: parse(readFileSync(join(ROOT, path), 'utf8')) }))
    .filter(({ memo }) => memo.problems.length === 0 && memo.title !== undefined && memo.memoType !== undefined);

  it('has memos to try', () => {
    expect(cases.length).toBeGreaterThanOrEqual(6);
  });

  // Plain text cannot carry everything Markdown can: in markup.md an image's alt text and a `###`
  // heading come out as lines the importer reads as `##` headings, and the export's own "Links"
  // footnotes as a section. Its title, date and words must still come back, in order.
  const textOnly = new Set(['tests/fixtures/export-text/markup.md']);

  it.each(cases.map(({ path, memo }) => [path, memo] as const))('%s', (path, memo) => {
    for (const width of [72, 0]) {
      const text = exportText(memo, { width });
      const back = parse(importText(text, { types, source: 'x.txt' }).markdown);
      if (textOnly.has(path)) {
        expect([back.title, back.date]).toEqual([memo.title, memo.date]);
        expect(keys(exportText(back, { width: 0 }))).toEqual(keys(text));
        continue;
      }
      const shape = (m: typeof memo) => ({
        title: m.title,
        date: m.date,
        sections: m.sections.map((s) => s.heading.text.toLowerCase()),
        items: m.sections.map((s) => s.items.length),
      });
      expect(shape(back)).toEqual(shape(memo));
      expect(keys(exportText(back, { width: 0 }))).toEqual(keys(exportText(memo, { width: 0 })));
    }
  });
});
