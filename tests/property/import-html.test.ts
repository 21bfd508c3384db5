// import(export(m, html)) gives m back: for generated memos of every built-in type, the HTML
// export imported again has the memo's title, date and sections, and every word of its body
// in order (the exported date line and "Back to top" links aside).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportHtml } from '../../src/export/html.js';
import { importHtml } from '../../src/import/html.js';
import { inOrder, keys } from '../helpers/words.js';
import { fuzzParameters, fuzzTimeout } from './arbitraries.js';
import { parse, types } from './pipeline.js';

const VOCABULARY = [
  'policy',
  'sanctions',
  'embassy',
  'militia',
  'pressure',
  'Baghdad',
  'strike',
  'café',
  'crème',
  'U.S.',
  'the',
  'of',
  'region',
  '2019',
  'talks',
  'envoy',
];
const SECTIONS: Record<string, string[]> = {
  'rapid-response': ['Key Takeaways', 'Sequence of Events'],
  backgrounder: ['Key Takeaways', 'Background', 'Timeline', 'What Comes Next'],
  'talking-points': ['Top Line', 'Talking Points', 'Questions and Answers'],
  statement: [],
};
const PREFIX: Record<string, string> = {
  'rapid-response': 'Memo: ',
  backgrounder: 'Backgrounder: ',
  'talking-points': 'Talking Points: ',
  statement: 'Statement: ',
};

const plain = (min: number, max: number) => fc.array(fc.constantFrom(...VOCABULARY), { minLength: min, maxLength: max });
const sentence = plain(4, 14).map((list) => `${list.join(' ').replace(/^./, (c) => c.toUpperCase())}.`);
const title = plain(2, 6).map((list) => list.map((word) => word.replace(/^./, (c) => c.toUpperCase())).join(' '));
const date = fc
  .date({ min: new Date('2017-01-01T00:00:00Z'), max: new Date('2021-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const memo = fc
  .record({
    type: fc.constantFrom(...Object.keys(SECTIONS)),
    title,
    date,
    lede: fc.array(sentence, { minLength: 1, maxLength: 2 }),
    items: fc.array(fc.array(sentence, { minLength: 3, maxLength: 5 }), { minLength: 4, maxLength: 4 }),
  })
  .map(({ type, title, date, lede, items }) => {
    const parts = [`---\ntype: ${type}\ntitle: ${title}\ndate: ${date}\n---`, `# ${PREFIX[type] ?? ''}${title}`, ...lede];
    (SECTIONS[type] ?? []).forEach((heading, index) => {
      parts.push(`## ${heading}`);
      const list = items[index] ?? [];
      if (/Events|Timeline/.test(heading)) parts.push(list.map((text, day) => `- **Jan. ${day + 1}, 2017** — ${text}`).join('\n'));
      else parts.push(list.map((text) => `- ${text}`).join('\n'));
    });
    parts.push('[Back to top](#top)');
    return { type, title, date, markdown: `${parts.join('\n\n')}\n` };
  });

describe('importing a memo’s HTML export', () => {
  it(
    'gives back its title, date, sections and every word of its body in order',
    () => {
      fc.assert(
        fc.property(memo, ({ title, date, markdown }) => {
          const original = parse(markdown);
          const imported = importHtml(exportHtml(original), { types, source: 'export.html' });
          const back = parse(imported.markdown);
          expect(back.title).toBe(title);
          expect(back.date).toBe(date);
          expect(back.sections.map((section) => section.heading.text)).toEqual(original.sections.map((section) => section.heading.text));
          const body = (text: string) => keys(text.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/\[Back to top\]\(#top\)/g, ''));
          const words = body(markdown);
          expect(inOrder(words, body(imported.markdown))).toBe(words.length);
        }),
        fuzzParameters(),
      );
    },
    fuzzTimeout(),
  );
});
