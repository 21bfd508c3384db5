// A `#` heading that is nothing but a date (`# March 3, 2021`) was taken as the title and as the
// date line, so its words were moved twice and the report no longer added up (the property test
// "words kept + moved + dropped = words in", FUZZ_RUNS=2000 FUZZ_SEED=-951914692, shrunk to
// "# March 3, 2021\n"). It is the date line; the title is looked for next to it.
import { describe, expect, it } from 'vitest';
import { importHtml } from '../../../src/import/html.js';
import { importText } from '../../../src/import/text.js';
import { wordsOf } from '../../../src/import/words.js';
import type { ImportReport } from '../../../src/import/model.js';
import { parse, types } from './helpers.js';

const sum = (entries: { words: number }[]) => entries.reduce((total, entry) => total + entry.words, 0);

/** Every word accounted for exactly once: in = kept + moved + dropped, and no block moved or dropped twice. */
function addsUp(report: ImportReport, text: string) {
  expect(report.wordsKept + sum(report.moved) + sum(report.dropped)).toBe(report.wordsIn);
  expect(report.wordsIn).toBe(wordsOf(text).length);
  const entries = [...report.moved, ...report.dropped].map((entry) => `${entry.line}: ${entry.text}`);
  expect(new Set(entries).size).toBe(entries.length);
}

describe('a date written as a heading', () => {
  it('is moved once, to the date (the shrunk counterexample of seed -951914692)', () => {
    const text = '# March 3, 2021\n';
    const { report, markdown } = importText(text, { types, source: 'x.txt' });
    addsUp(report, text);
    expect(report.moved).toEqual([{ line: 1, text: 'March 3, 2021', words: 3, to: 'date' }]);
    expect(parse(markdown).date).toBe('2021-03-03');
  });

  const HEADINGS = [
    ['# March 3, 2021', 3],
    ['## March 3, 2021', 3],
    ['# Updated March 3, 2021', 4],
    ['# 3 March 2021', 3],
  ] as const;
  for (const [heading, words] of HEADINGS) {
    for (const eol of ['\n', '\r\n']) {
      const name = `${heading} (${eol === '\n' ? 'LF' : 'CRLF'})`;

      it(`${name}: alone, its words go to the date and nowhere else`, () => {
        const text = `${heading}${eol}`;
        const { report, markdown } = importText(text, { types, source: 'x.txt' });
        addsUp(report, text);
        expect(sum(report.moved.filter((entry) => entry.line === 1))).toBe(words);
        expect(parse(markdown).date).toBe('2021-03-03');
      });

      it(`${name}: with a title line after it, the date and the title each move once`, () => {
        const text = [heading, 'Aid Talks Resume', '', 'The vote on the budget is set for Friday.', ''].join(eol);
        const { report, markdown } = importText(text, { types, source: 'x.txt' });
        addsUp(report, text);
        const memo = parse(markdown);
        expect(memo.date).toBe('2021-03-03');
        expect(memo.title).toBe('Aid Talks Resume');
        expect(report.moved.map((entry) => [entry.line, entry.to])).toEqual([
          [1, 'date'],
          [2, 'title'],
        ]);
        expect(report.wordsKept).toBe(9);
      });

      it(`${name}: with body text after it, every word is still counted once`, () => {
        const text = [heading, 'Aid talks resume in the port.', 'Analysis of the vote on the grid.', ''].join(eol);
        addsUp(importText(text, { types, source: 'x.txt' }).report, text);
      });
    }
  }

  it('a real `#` title below a date heading is the title', () => {
    const text = '# March 3, 2021\n# Aid Talks Resume\n\nThe vote is set for Friday.\n';
    const { report, markdown } = importText(text, { types, source: 'x.txt' });
    addsUp(report, text);
    expect(parse(markdown).title).toBe('Aid Talks Resume');
  });

  it('in HTML, an <h1> holding only a <time> moves once too', () => {
    for (const h1 of ['<h1>March 3, 2021</h1>', '<h1><time datetime="2021-03-03">March 3, 2021</time></h1>']) {
      const html = `<html><body><article>${h1}<h2>Aid Talks Resume</h2><p>The vote is set for Friday.</p></article></body></html>`;
      const { report, markdown } = importHtml(html, { types, source: 'x.html' });
      expect(report.wordsKept + sum(report.moved) + sum(report.dropped)).toBe(report.wordsIn);
      expect(report.moved.filter((entry) => entry.text === 'March 3, 2021')).toHaveLength(1);
      expect(parse(markdown).date).toBe('2021-03-03');
    }
  });
});
