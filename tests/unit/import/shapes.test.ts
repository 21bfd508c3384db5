// Memos published in other shapes than the reference: a TO/FROM/RE/DATE header block, a date
// below the title, a timeline of `Dec. 27:` paragraphs rolling over into January, numbered
// headings and recommendations, an FAQ of question headings, page furniture and stray text.
import { describe, expect, it } from 'vitest';
import { importText } from '../../../src/import/text.js';
import { fixture, parse, section, types } from './helpers.js';

const run = (name: string) => {
  const result = importText(fixture(name), { types, source: name });
  return { result, memo: parse(result.markdown) };
};

describe('a TO/FROM/DATE/RE header memo', () => {
  const { result, memo } = run('header-memo.txt');

  it('takes the title from RE:, the date from DATE: and the author from FROM:', () => {
    expect(memo.problems).toEqual([]);
    expect(memo.title).toBe('The Case for De-escalation With Iran');
    expect(memo.date).toBe('2020-01-08');
    expect(memo.author).toBe('Policy Team, Example Council');
    expect(memo.titleHeadings[0]?.text).toBe('Memo: The Case for De-escalation With Iran');
  });

  it('infers rapid-response from its sections, joins wrapped lines and continuation lines', () => {
    expect(result.type).toBe('rapid-response');
    expect(result.typeGuessed).toBe(false);
    expect(memo.lede.map((p) => p.text)).toEqual([
      'Last night Iran fired ballistic missiles at two bases in Iraq that host U.S. troops. No Americans were killed, and both sides now have a chance to step back from the brink.',
    ]);
    expect(memo.takeaways.map((item) => item.text)).toContain(
      'The administration has an opening to pursue diplomacy, if it chooses to take it.',
    );
  });

  it('dates its events with the memo’s year', () => {
    expect(memo.events.map((event) => event.date?.start)).toEqual(['2020-01-03', '2020-01-05', '2020-01-08']);
    expect(result.markdown).toContain('- **Jan. 3** — A U.S. drone strike kills Qassem Soleimani in Baghdad.');
  });

  it('moves TO: into front matter and the MEMORANDUM line out, each in the report with its line', () => {
    expect(result.warnings).toEqual([]);
    expect(memo.frontMatter?.data['to']).toBe('Members of the House Foreign Affairs Committee');
    expect(result.report.moved.map((entry) => [entry.line, entry.to])).toEqual([
      [1, 'type'],
      [3, 'to'],
      [4, 'author'],
      [5, 'date'],
      [6, 'title'],
    ]);
    expect(result.markdown).not.toContain('MEMORANDUM');
    expect(result.markdown).not.toMatch(/^(?:TO|FROM|RE|DATE):/m);
  });
});

describe('a memo whose date sits below its title', () => {
  const { result, memo } = run('date-below-title.txt');

  it('finds the title above the date line and the type from the title prefix and sections', () => {
    expect(memo.title).toBe('Protecting the Iran Nuclear Deal');
    expect(memo.date).toBe('2018-05-08');
    expect(result.type).toBe('talking-points');
    expect(result.typeGuessed).toBe(false);
    expect(memo.titleHeadings[0]?.text).toBe('Talking Points: Protecting the Iran Nuclear Deal');
  });

  it('maps the ALL-CAPS heading to the canonical "Talking Points"', () => {
    expect(memo.sections.map((s) => s.heading.text)).toEqual(['Top Line', 'Talking Points', 'Questions and Answers']);
    expect(memo.takeaways).toHaveLength(3);
  });

  it('keeps questions under "Questions and Answers" as bold lead-ins, not new sections', () => {
    expect(result.markdown).toContain("**Isn't Iran cheating?**\n\nNo. The International Atomic Energy Agency");
    expect(section(memo, 'Questions and Answers').text).toContain('What about the sunset clauses?');
    expect(result.warnings).toEqual([]);
  });
});

describe('a timeline of dated paragraphs', () => {
  const { result, memo } = run('timeline.txt');

  it('turns `Dec. 27:` paragraphs into dated event items, rolling the year over into January', () => {
    expect(result.type).toBe('rapid-response');
    expect(memo.date).toBe('2020-01-03');
    expect(memo.events.map((event) => event.date?.start)).toEqual(['2019-12-27', '2019-12-29', '2019-12-31', '2020-01-03']);
    expect(result.markdown).toContain('- **Dec. 27** — A rocket attack on the K-1 base near Kirkuk kills an American contractor.');
    expect(result.markdown).toContain('- **Jan. 3** — A U.S. drone strike kills Qassem Soleimani at Baghdad airport.');
    expect(section(memo, 'Sequence of Events').listCount).toBe(1);
  });

  it('keeps `•` takeaways and straight quotes as written', () => {
    expect(memo.takeaways).toHaveLength(3);
    expect(memo.takeaways[1]?.text).toBe('Iran has promised "harsh revenge" and has many ways to deliver it.');
    expect(result.warnings).toEqual([]);
  });
});

describe('numbered headings and numbered recommendations', () => {
  const { result, memo } = run('recommendations.txt');

  it('reads `I.`/`II.` lines as headings, kept as published (the plain memo type has no sections to map them to)', () => {
    expect(memo.sections.map((s) => s.heading.text)).toEqual(['I. Key Takeaways', 'II. Recommendations']);
    expect(memo.date).toBe('2020-03-02');
  });

  it('keeps `1.` and `1)` items as one ordered list each, continuation lines joined', () => {
    const recommendations = section(memo, 'II. Recommendations');
    expect(recommendations.items).toHaveLength(5);
    expect(recommendations.listCount).toBe(1);
    expect(recommendations.items[1]?.text).toBe('Prohibit funds for any military action against Iran that Congress has not authorized.');
    expect(result.markdown).toMatch(/^1\. Pass the war powers resolution/m);
    expect(result.markdown).toMatch(/^5\. Hold hearings on the costs of maximum pressure\.$/m);
    expect(section(memo, 'I. Key Takeaways').items).toHaveLength(3);
  });

  it('imports as the plain `memo` type (no events section, so no rapid-response), keeping its `Memo:` heading', () => {
    expect(result.type).toBe('memo');
    expect(result.typeGuessed).toBe(false);
    expect(memo.titleHeadings[0]?.text).toBe('Memo: Five Steps Congress Can Take to Prevent War With Iran');
    expect(memo.lede).toHaveLength(1);
    expect(memo.comments).toEqual([]);
  });

  it('guesses, and says so in a comment kept out of the lede, when no plain type is there to fall back on', () => {
    const withoutMemo = new Map([...types].filter(([name]) => name !== 'memo'));
    const guessed = importText(fixture('recommendations.txt'), { types: withoutMemo, source: 'x.txt' });
    expect(guessed.type).toBe('rapid-response');
    expect(guessed.typeGuessed).toBe(true);
    const parsed = parse(guessed.markdown);
    expect(parsed.lede).toHaveLength(1);
    expect(parsed.comments.map((comment) => comment.text)).toEqual([
      'memo import: type "rapid-response" was guessed from the sections found; check it',
    ]);
  });
});

describe('an FAQ with question headings, an organisation-qualified title and page furniture', () => {
  const { result, memo } = run('faq.txt');

  it('keeps the title after "NIAC Memo:" and the organisation as the author', () => {
    expect(memo.title).toBe('Frequently Asked Questions About Snapback Sanctions');
    expect(memo.author).toBe('NIAC');
    expect(memo.date).toBe('2020-09-21');
  });

  it('makes each question a section heading', () => {
    expect(memo.sections.map((s) => s.heading.text)).toEqual([
      'What is snapback?',
      'Can the United States trigger it?',
      'What happens next?',
    ]);
    expect(section(memo, 'What is snapback?').text).toMatch(/^Snapback is a mechanism/);
  });

  it('takes the plain `memo` type rather than forcing the closest', () => {
    expect(result.type).toBe('memo');
    expect(result.typeGuessed).toBe(false);
    expect(result.markdown).not.toContain('<!-- memo import');
  });

  it('drops "Share | Tweet | Print" with a warning and "Back to top" silently', () => {
    expect(result.markdown).not.toMatch(/Share|Tweet|Print/);
    expect(result.markdown).not.toMatch(/back to top/i); // statements have backToTop: off
    expect(result.warnings).toEqual([{ line: 3, message: 'dropped page furniture "Share | Tweet | Print"' }]);
  });
});

describe('text that cannot be placed', () => {
  it('keeps text above the title at the start of the lede, and says so with its line', () => {
    const text =
      'For Immediate Release\n\nMemo: A Title\n\nDecember 31, 2019\n\nThe lede.\n\nKey Takeaways\n\n- One.\n- Two.\n- Three.\n\nSequence of Events\n\n- Dec. 31: It happened.\n';
    const result = importText(text, { types, source: 'x.txt' });
    expect(result.warnings).toEqual([
      { line: 1, message: 'text above the title was kept at the start of the lede: "For Immediate Release"' },
    ]);
    const memo = parse(result.markdown);
    expect(memo.lede.map((paragraph) => paragraph.text)).toEqual(['For Immediate Release', 'The lede.']);
    expect(memo.title).toBe('A Title');
    expect(memo.events[0]?.date?.start).toBe('2019-12-31');
  });

  it('warns when there is no date line, and writes no date', () => {
    const result = importText('Memo: Undated\n\nThe lede.\n\nKey Takeaways\n\n- One.\n- Two.\n- Three.\n', { types, source: 'x.txt' });
    expect(result.markdown).not.toMatch(/^date:/m);
    expect(result.warnings).toContainEqual({ line: 1, message: 'no date line found; add `date: YYYY-MM-DD` to the front matter' });
  });

  it('finds a date written inside the title line', () => {
    const memo = parse(importText('Memo: Iran Strikes Back (Jan. 8, 2020)\n\nThe lede.\n', { types, source: 'x.txt' }).markdown);
    expect(memo.title).toBe('Iran Strikes Back');
    expect(memo.date).toBe('2020-01-08');
  });

  it('escapes Markdown in the text so it reads back as written', () => {
    const text =
      'Memo: Stars *and* [Brackets]\n\nDecember 31, 2019\n\n2019. A year when <b>tags</b> and 5 * 3 = 15 and snake_case_names appeared.\n';
    const memo = parse(importText(text, { types, source: 'x.txt', type: 'rapid-response' }).markdown);
    expect(memo.title).toBe('Stars *and* [Brackets]');
    expect(memo.titleHeadings[0]?.text).toBe('Memo: Stars *and* [Brackets]');
    expect(memo.lede.map((p) => p.text)).toEqual(['2019. A year when <b>tags</b> and 5 * 3 = 15 and snake_case_names appeared.']);
  });

  it('honours a forced type and rejects an unknown one', () => {
    const result = importText('Memo: A Title\n\nThe lede.\n', { types, source: 'x.txt', type: 'statement' });
    expect(result.type).toBe('statement');
    expect(result.typeGuessed).toBe(false);
    expect(() => importText('Memo: A Title\n\nThe lede.\n', { types, source: 'x.txt', type: 'nope' })).toThrow(/unknown memo type "nope"/);
  });
});

describe('timeline paragraphs in every date form the linter reads', () => {
  const text = [
    'Memo: A Long Year in the Gulf',
    '',
    'December 31, 2019',
    '',
    'Tensions rose all year, and the embassy was breached this morning.',
    '',
    'Key Takeaways',
    '',
    '- Pressure has not worked.',
    '- Iran retains options.',
    '- The U.S. position in Iraq is under threat.',
    '',
    'Sequence of Events',
    '',
    '2015 — The militia is founded.',
    '',
    'May 2018: Parliamentary elections are held.',
    '',
    'Q3 2019 — A summer of rocket attacks.',
    '',
    'early October 2019 – Security forces fire on protesters.',
    '',
    '5–7 December: Protests spread south.',
    '',
    '27 December: A contractor is killed near Kirkuk.',
    '',
    '12/29/2019 - U.S. airstrikes hit Kataib Hezbollah.',
    '',
    'Dec. 31, 9:40 a.m. ET: Protesters break into the embassy.',
  ].join('\n');

  it('turns each into a dated event at its precision, kept in order', () => {
    const result = importText(text, { types, source: 'gulf.txt' });
    const memo = parse(result.markdown);
    expect(memo.events.map((event) => [event.date?.start, event.date?.precision])).toEqual([
      ['2015', 'year'],
      ['2018-05', 'month'],
      ['2019-07', 'quarter'],
      ['2019-10', 'part-of-month'],
      ['2019-12-05', 'day'],
      ['2019-12-27', 'day'],
      ['2019-12-29', 'day'],
      ['2019-12-31T09:40', 'minute'],
    ]);
    expect(memo.events.map((event) => event.body)).toContain('Protesters break into the embassy.');
  });
});

describe('a title line whose words come near a section heading', () => {
  // Found by the HTML round-trip property: "Talking Points: U.S. U.S." is a near miss of the
  // section "Talking Points", and was taken for it, so the title kept its prefix.
  it('is the title, its prefix the type, never a section', () => {
    const result = importText('January 1, 2020\n\nTalking Points: U.S. U.S.\n\n## Top Line\n\nText here.\n', { types, source: 'x.txt' });
    const memo = parse(result.markdown);
    expect(result.type).toBe('talking-points');
    expect(memo.title).toBe('U.S. U.S.');
    expect(memo.titleHeadings[0]?.text).toBe('Talking Points: U.S. U.S.');
  });
});
