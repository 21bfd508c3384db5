// Plain-text export on real memo files: the example memo against the published reference memo,
// and fixtures (tests/fixtures/export-text/) for links, markup, long words, nested lists, tables,
// code, a memo without front matter and undated events.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportText } from '../../../src/export/text.js';
import { GLUE, wrap } from '../../../src/export/wrap.js';
import type { Memo } from '../../../src/memo/model.js';
import { parseMemo } from '../../../src/memo/parse.js';
import { loadMemoTypes } from '../../../src/templates/load.js';
import { EXAMPLE, ROOT } from '../../helpers/cli.js';

const FIXTURES = join(ROOT, 'tests', 'fixtures', 'export-text');
// The published reference memo, byte for byte (also the plain-text importer's fixture).
const REFERENCE = join(ROOT, 'tests', 'fixtures', 'import', 'reference.txt');

function load(file: string): Memo {
  return noteHeadings(parseMemo(readFileSync(file, 'utf8'), { path: file, types: loadMemoTypes() }));
}
const fixture = (name: string): Memo => load(join(FIXTURES, name));
const FIXTURE_NAMES = ['markup.md', 'events.md', 'no-front-matter.md', 'statement.md'];

/** Curly quotes, dashes and no-break spaces made plain, whitespace runs made one space. */
function normalize(text: string): string {
  return text
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}
const words = (text: string): string[] => normalize(text).split(' ').filter(Boolean);

/** Lines from the line equal to `from` up to (not including) the line equal to `to`. */
function between(lines: string[], from: string, to: string | undefined): string[] {
  const start = lines.indexOf(from);
  expect(start, `no line "${from}"`).toBeGreaterThanOrEqual(0);
  const end = to === undefined ? lines.length : lines.indexOf(to, start);
  expect(end, `no line "${to}" after "${from}"`).toBeGreaterThan(start);
  return lines.slice(start + 1, end);
}

/** The text of each `  • ` bullet, continuation lines joined. */
function bullets(lines: string[]): string[] {
  const items: string[] = [];
  for (const line of lines) {
    if (line.startsWith('  • ')) items.push(line.slice(4));
    else if (line.trim() !== '' && items.length > 0) items[items.length - 1] += ` ${line.trim()}`;
  }
  return items;
}

const sentences = (text: string): string[] => normalize(text).split(/(?<=[.!?]"?) (?=["A-Z])/);

/** Lines longer than `width` that hold more than one word once their indentation and bullet are gone. */
/** Heading lines (the title among them) are never wrapped (a wrapped title read back as a title and a section). */
const HEADINGS = new Set<string>();
function noteHeadings(memo: Memo): Memo {
  for (const heading of memo.headings) HEADINGS.add(heading.text);
  if (memo.title !== undefined) HEADINGS.add(`${memo.memoType?.titlePrefix ?? ''}${memo.title}`);
  return memo;
}

function overlong(text: string, width: number, exempt: (line: string) => boolean = () => false): string[] {
  return text.split('\n').filter((line) => {
    if ([...line].length <= width || exempt(line) || HEADINGS.has(line)) return false;
    // A footnote marker is glued to its link's last word, so the pair counts as one word.
    const content = line
      .trim()
      .replace(/^(?:•|\d+\.|\[\d+\])\s+/, '')
      .replace(/ \[\d+\]/g, '');
    return content.split(' ').length > 1;
  });
}

describe('exportText: the example memo reads like the reference memo', () => {
  const example = load(EXAMPLE);
  const text = exportText(example);
  const lines = text.split('\n');

  it('starts with the date line, a blank line and the title', () => {
    expect(lines[0]).toBe('December 31, 2019');
    expect(lines[1]).toBe('');
    expect(words(lines.slice(2, lines.indexOf('', 2)).join(' '))).toEqual(
      words('Memo: Backlash to U.S. Strikes in Iraq Underscores Failure of Max Pressure'),
    );
  });

  it('puts each section heading alone on a line between blank lines, then bullets a blank line apart', () => {
    for (const heading of ['Key Takeaways', 'Sequence of Events']) {
      const at = lines.indexOf(heading);
      expect(at, heading).toBeGreaterThan(0);
      expect(lines[at - 1]).toBe('');
      expect(lines[at + 1]).toBe('');
      expect(lines[at + 2]?.startsWith('  • ')).toBe(true);
    }
    const takeaways = between(lines, 'Key Takeaways', 'Sequence of Events');
    // Every line is a bullet, a continuation indented to the text after the bullet, or blank.
    for (const line of takeaways) expect(line === '' || /^ {2}• \S/.test(line) || /^ {4}\S/.test(line), JSON.stringify(line)).toBe(true);
    // A blank line before every bullet but the first.
    takeaways.forEach((line, index) => {
      if (line.startsWith('  • ') && index > 0) expect(takeaways[index - 1]).toBe('');
    });
  });

  it('leaves out "Back to top", strips the bold dates\' markers and ends with exactly one newline', () => {
    expect(text).not.toMatch(/back to top/i);
    expect(text).not.toContain('**');
    expect(text.endsWith('.\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
  });

  it('wraps at 72 by default', () => {
    expect(Math.max(...lines.filter((line) => !HEADINGS.has(line)).map((line) => [...line].length))).toBeLessThanOrEqual(72);
    expect(overlong(text, 72)).toEqual([]);
    expect(exportText(example, { width: 72 })).toBe(text);
    expect(exportText(example)).toBe(text); // deterministic
  });

  describe('against the reference memo (tests/fixtures/import/reference.txt)', () => {
    const reference = readFileSync(REFERENCE, 'utf8');
    const referenceLines = reference.split('\n').map((line) => line.trimEnd());

    it('with width 0, is line for line the reference up to "Sequence of Events" (trailing no-break spaces aside)', () => {
      const unwrapped = exportText(example, { width: 0 }).split('\n');
      const end = referenceLines.indexOf('Sequence of Events');
      expect(end).toBeGreaterThan(0);
      expect(unwrapped.slice(0, end + 1)).toEqual(referenceLines.slice(0, end + 1));
    });

    it("has the reference's lede, word for word", () => {
      const lede = (source: string[]) =>
        words(between(source, 'Memo: Backlash to U.S. Strikes in Iraq Underscores Failure of Max Pressure', 'Key Takeaways').join(' '));
      // The wrapped title spans two lines in the export, so find the lede by the first heading instead.
      const exportLede = words(lines.slice(lines.indexOf('', 2) + 1, lines.indexOf('Key Takeaways')).join(' '));
      expect(exportLede).toEqual(lede(referenceLines));
      expect(exportLede.length).toBeGreaterThan(80);
    });

    it("has the reference's 7 takeaways, word for word and in order", () => {
      const mine = bullets(between(lines, 'Key Takeaways', 'Sequence of Events')).map(words);
      const theirs = bullets(between(referenceLines, 'Key Takeaways', 'Sequence of Events')).map(words);
      expect(theirs).toHaveLength(7);
      expect(mine).toEqual(theirs);
    });

    it("has the reference's events, but for the two sentences the example rewrote and its date prefixes", () => {
      const mine = bullets(between(lines, 'Sequence of Events', undefined));
      const theirs = bullets(between(referenceLines, 'Sequence of Events', 'Back to top'));
      expect(mine).toHaveLength(5);
      expect(theirs).toHaveLength(4);
      // Every exported event starts with its date as written in the example, markers gone.
      const datePrefix = /^(?:Dec\. (?:27|29|31), 2019) — /;
      for (const item of mine) expect(item).toMatch(datePrefix);
      const mySentences = mine.map((item) => item.replace(datePrefix, '')).flatMap(sentences);
      const theirSentences = theirs.flatMap(sentences);
      // The example split the reference's third item into two dated events and reworded two
      // sentences; everything else is the same, sentence for sentence.
      expect(theirSentences.filter((sentence) => !mySentences.includes(sentence))).toEqual([
        'This comes after the death of an American contractor following a missile attack on a U.S. military base in Iraq, ostensibly by the Kataib Hezbollah, a predominantly-Shia militia in Iraq.',
        'In response, the U.S. conducted five airstrikes in Iraq and Syria on Kataib Hezbollah positions, resulting in almost two dozen dead.',
      ]);
      expect(mySentences.filter((sentence) => !theirSentences.includes(sentence))).toEqual([
        'An American contractor is killed in a missile attack on a U.S. military base in Iraq, ostensibly by the Kataib Hezbollah, a predominantly-Shia militia in Iraq.',
        'In response, the U.S. conducts five airstrikes in Iraq and Syria on Kataib Hezbollah positions, resulting in almost two dozen dead.',
      ]);
      expect(mySentences.length).toBeGreaterThanOrEqual(theirSentences.length);
      // The three Dec. 31 events are the reference's first, second and fourth items, word for word.
      expect(mine.slice(2).map((item) => words(item.replace(datePrefix, '')))).toEqual(
        [theirs[0], theirs[1], theirs[3]].map((item) => words(item ?? '')),
      );
    });
  });
});

describe('exportText: wrapping', () => {
  const markup = fixture('markup.md');
  const source = readFileSync(join(FIXTURES, 'markup.md'), 'utf8');
  const codeLines = new Set((/```\n([\s\S]*?)\n```/.exec(source)?.[1] ?? '').split('\n').map((line) => `    ${line}`));
  // Code blocks and table rows are never wrapped.
  const exempt = (line: string) => codeLines.has(line) || line.includes(' | ');

  for (const width of [72, 50, 30, 12]) {
    it(`keeps every line within ${width} columns but for single long words, code and table rows`, () => {
      for (const name of FIXTURE_NAMES)
        expect(overlong(exportText(fixture(name), { width }), width, exempt), `${name} at ${width}`).toEqual([]);
      expect(overlong(exportText(load(EXAMPLE), { width }), width)).toEqual([]);
    });
  }

  it('never breaks a word: a word longer than the line stands alone', () => {
    const long = 'Supercalifragilisticexpialidociousnessandthenabitmoretomakeitreallylongindeed';
    const lines = exportText(markup, { width: 40 }).split('\n');
    expect(lines).toContain(long);
    expect(lines[lines.indexOf(long) - 1]).toBe('The word of the day:');
    expect(lines[lines.indexOf(long) + 1]).toBe('is not a policy.');
    // Every word of the source paragraph survives whole, whatever the width.
    for (const width of [1, 10, 72, 0]) expect(words(exportText(markup, { width }))).toContain(long);
  });

  it('hangs continuation lines under the text after the bullet', () => {
    const lines = exportText(markup, { width: 50 }).split('\n');
    const at = lines.findIndex((line) => line.startsWith('  • The snapback gambit'));
    expect(lines.slice(at, at + 4)).toEqual([
      '  • The snapback gambit isolates the U.S. from its',
      '    European partners, who told the Security',
      '    Council [3] the move has no legal basis',
      '    because the U.S. left the deal in 2018.',
    ]);
  });

  it('does not wrap at width 0', () => {
    const text = exportText(markup, { width: 0 });
    expect(text.split('\n')).toContain(
      'Talks in Vienna stalled today after the U.S. delegation invoked the snapback clause of Resolution 2231 [1], a move that most European diplomats [2] reject. See the key takeaways below and the snapback text itself.',
    );
    expect(text.split('\n')).toContain(
      '  • The snapback gambit isolates the U.S. from its European partners, who told the Security Council [3] the move has no legal basis because the U.S. left the deal in 2018.',
    );
    const example = exportText(load(EXAMPLE), { width: 0 }).split('\n');
    // No continuation lines at all: every line is a heading, a paragraph, a bullet or blank.
    expect(example.filter((line) => /^ {4}/.test(line))).toEqual([]);
    expect(example.filter((line) => line.startsWith('  • '))).toHaveLength(12);
  });

  it('refuses a width that is not a whole number of columns', () => {
    expect(() => exportText(markup, { width: -1 })).toThrow(RangeError);
    expect(() => exportText(markup, { width: 7.5 })).toThrow(RangeError);
  });
});

describe('wrap', () => {
  it('fills lines greedily by words and never breaks one', () => {
    expect(wrap('one two three four five', 9)).toEqual(['one two', 'three', 'four five']);
    expect(wrap('a verylongword b', 5)).toEqual(['a', 'verylongword', 'b']);
    expect(wrap('  spaced   out\twords ', 0)).toEqual(['spaced out words']);
  });

  it('breaks at hard breaks, keeps no-break spaces inside words, and keeps glued words together', () => {
    expect(wrap('first line\nsecond line', 0)).toEqual(['first line', 'second line']);
    expect(wrap('a\u00a0b c', 3)).toEqual(['a\u00a0b', 'c']);
    expect(wrap(`see the text${GLUE}[1] now`, 14)).toEqual(['see the', 'text [1] now']);
    expect(wrap(`see text${GLUE}[1] now`, 9)).toEqual(['see', 'text [1]', 'now']);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(wrap('“𝒳” “𝒴”', 7)).toEqual(['“𝒳” “𝒴”']);
  });
});

describe('exportText: links, markup and blocks', () => {
  const markup = fixture('markup.md');
  const text = exportText(markup);
  const lines = text.split('\n');

  it('turns links into footnotes numbered in order of first use, one number per URL', () => {
    const markers = [...text.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1]));
    const links = between(lines, 'Links', undefined).filter(Boolean);
    expect(links).toEqual([
      '[1] https://www.un.org/securitycouncil/content/2231/background',
      '[2] https://www.example.org/reports/europe?id=7&lang=en',
      '[3] https://www.un.org/securitycouncil/',
      '[4] https://www.example.org/letters/2020-08-20',
      '[5] https://www.example.org/votes/us',
    ]);
    // In the body: 1, 2, 3, 4, then 1 again (the same URL), then 5; then the list 1–5.
    expect(markers).toEqual([1, 2, 3, 4, 1, 5, 1, 2, 3, 4, 5]);
    expect(text).toContain('legal basis [1] of the');
    expect(lines[lines.indexOf('Links') - 1]).toBe('');
    expect(lines[lines.indexOf('Links') + 1]).toBe('');
  });

  it('gives in-page links, autolinks and "Back to top" no footnote', () => {
    expect(text).toContain('See the key takeaways below');
    expect(text).not.toContain('#key-takeaways');
    expect(text).not.toContain('#top');
    expect(text).not.toMatch(/back to top/i);
    // An autolink shows its URL already.
    expect(text).toContain('https://www.un.org/securitycouncil/s/res/2231-%282015%29.');
    expect(text.match(/2231-%282015%29/g)).toHaveLength(1);
  });

  it('strips emphasis, strong, code and strikethrough markers and keeps their text', () => {
    const prose = lines.filter((line) => !line.startsWith('    snapback') && !line.startsWith('        ->'));
    for (const marker of ['*', '`', '~~', '](', '![', '|---', '<'])
      expect(
        prose.filter((line) => line.includes(marker)),
        marker,
      ).toEqual([]);
    expect(text).toContain('after the U.S. delegation invoked the');
    expect(text).toContain('snapback gambit isolates the U.S.');
    expect(text).toContain('the snapback text');
    expect(text).toContain('Russia | No | unclear record');
  });

  it('renders images as their alt text', () => {
    expect(lines).toContain('Map of the region');
    expect(text).not.toContain('map.png');
  });

  it("indents nested lists under their parent item's text", () => {
    const at = lines.indexOf('  • Reactions so far:');
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at, at + 6)).toEqual([
      '  • Reactions so far:',
      '      • Britain, France and Germany issued a joint statement rejecting',
      '        the move.',
      '      • Russia and China called it "legally void" and said so in',
      '        writing [4].',
      '          • The letter runs to four pages.',
    ]);
    expect(lines[at + 6]).toBe('');
  });

  it('writes table rows as cells joined by " | "', () => {
    const at = lines.indexOf('Who voted how');
    expect(lines.slice(at, at + 6)).toEqual([
      'Who voted how',
      '',
      'Country | Vote | Source',
      'United States | Yes | record [5]',
      'Dominican Republic | Yes | press release',
      'Russia | No | unclear record',
    ]);
  });

  it('indents block quotes and keeps code blocks verbatim', () => {
    expect(lines).toContain('    The United States is not a participant in the deal and cannot invoke');
    expect(lines).toContain('    snapback(resolution: 2231)');
    expect(lines).toContain(
      '        -> sanctions restored in 30 days      # per paragraph 11 of the resolution, which this line deliberately makes long',
    );
  });

  it('is deterministic and ends with exactly one newline, for every fixture', () => {
    for (const name of FIXTURE_NAMES) {
      const once = exportText(fixture(name));
      expect(exportText(fixture(name)), name).toBe(once);
      expect(once, name).toMatch(/[^\n]\n$/);
      expect(once, name).not.toMatch(/[ \t]$/m);
      expect(once, name).not.toMatch(/\n\n\n/);
      expect(once, name).not.toMatch(/back to top/i);
    }
  });
});

describe('exportText: dates, titles and events', () => {
  it('writes the date line in ISO form when asked', () => {
    const text = exportText(load(EXAMPLE), { dateFormat: 'iso' });
    expect(text.startsWith('2019-12-31\n\nMemo: Backlash')).toBe(true);
  });

  it('starts a memo without front matter with its title (no date line)', () => {
    const text = exportText(fixture('no-front-matter.md'));
    expect(
      text.startsWith(
        'Notes on the Baghdad Embassy Protests\n\nCrowds gathered outside the embassy for a second day, according to wire\nreports [1].\n\nWhat We Know\n\n',
      ),
    ).toBe(true);
    expect(text.endsWith('Links\n\n[1] https://www.example.org/wire/baghdad\n')).toBe(true);
  });

  it("uses the type's prefix and the front-matter title when the memo has no # heading", () => {
    expect(exportText(fixture('statement.md'), { width: 0 })).toBe(
      'December 31, 2019\n\nStatement: On the Embassy Attack\n\nWe condemn the violence at the U.S. Embassy in Baghdad and call for calm on all sides. The safety of diplomats is not negotiable.\n',
    );
  });

  it('keeps undated events and dates as written', () => {
    const lines = exportText(fixture('events.md'), { width: 0 }).split('\n');
    expect(bullets(between(lines, 'Sequence of Events', undefined))).toEqual([
      'July 4, 2019 — British Royal Marines help detain the Grace 1 off Gibraltar.',
      'July 10: Iranian boats approach the British Heritage tanker.',
      'July 19, 2019, 4:20 p.m. ET — The Stena Impero is seized.',
      'Officials say more details are expected in the coming days.',
      'Feb. 30, 2019 — A date that does not exist, kept as written.',
      "2019-07-20 — London summons Iran's chargé d'affaires.",
    ]);
  });

  it('survives lists nested thousands deep, with bounded indentation', () => {
    const memo = parseMemo('# Deep\n\n- top\n', { path: 'deep.md' });
    type Item = { type: 'listItem'; spread: boolean; children: unknown[] };
    let list: { type: 'list'; ordered: boolean; spread: boolean; children: Item[] } = {
      type: 'list',
      ordered: false,
      spread: false,
      children: [{ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [{ type: 'text', value: 'leaf' }] }] }],
    };
    for (let depth = 0; depth < 5000; depth++) {
      list = {
        type: 'list',
        ordered: false,
        spread: false,
        children: [
          {
            type: 'listItem',
            spread: false,
            children: [{ type: 'paragraph', children: [{ type: 'text', value: `level ${depth}` }] }, list],
          },
        ],
      };
    }
    memo.tree.children = [memo.tree.children[0] as Memo['tree']['children'][number], list as unknown as Memo['tree']['children'][number]];
    const lines = exportText(memo).split('\n');
    // "Deep", a blank line, 5001 bullets (5000 levels and the leaf), and the final newline.
    expect(lines).toHaveLength(5004);
    expect(lines[2]).toBe('  • level 4999');
    expect(lines[5002]?.trim()).toBe('• leaf');
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(72);
  });
});
