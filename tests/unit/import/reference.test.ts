// The reference memo, as published (plain text off a web page), imports into a clean
// rapid-response memo: date line → date, `Memo:` line → title, lede, 7 takeaways, 4 events.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importText } from '../../../src/import/text.js';
import { ROOT, fixture, parse, section, types } from './helpers.js';

const reference = fixture('reference.txt');
const result = importText(reference, { types, source: 'reference.txt' });
const memo = parse(result.markdown);

describe('importing the reference memo', () => {
  it('keeps a byte-for-byte copy of the shared reference as its fixture', () => {
    const shared = join(ROOT, '..', 'shared', 'reference', '000_8da725932d117b0e.txt');
    let original: string | undefined;
    try {
      original = readFileSync(shared, 'utf8');
    } catch {
      original = undefined; // shared/ is not there outside the work tree; the fixture stands alone.
    }
    if (original !== undefined) expect(reference).toBe(original);
    expect(reference).toContain('\u00A0');
    expect(reference.endsWith('Back to top')).toBe(true);
  });

  it('writes front matter that parses, with type, title and date', () => {
    expect(memo.problems).toEqual([]);
    expect(memo.type).toBe('rapid-response');
    expect(result.type).toBe('rapid-response');
    expect(result.typeGuessed).toBe(false);
    expect(memo.title).toBe('Backlash to U.S. Strikes in Iraq Underscores Failure of Max Pressure');
    expect(memo.date).toBe('2019-12-31');
    expect(result.markdown).toMatch(
      /^---\ntype: rapid-response\ntitle: Backlash to U\.S\. Strikes in Iraq Underscores Failure of Max Pressure\ndate: 2019-12-31\n---\n/,
    );
  });

  it('writes the title heading with the type prefix, and no comment about guessing', () => {
    expect(memo.titleHeadings.map((heading) => heading.text)).toEqual([
      'Memo: Backlash to U.S. Strikes in Iraq Underscores Failure of Max Pressure',
    ]);
    expect(result.markdown).not.toContain('<!-- memo import');
    expect(result.markdown).not.toContain('December 31, 2019');
  });

  it('keeps the lede: two paragraphs before the first section', () => {
    expect(memo.lede).toHaveLength(2);
    expect(memo.lede[0]?.text).toMatch(/^This morning, Iraqi militiamen and protestors/);
    expect(memo.lede[0]?.text).toContain('the administration’s so-called maximum pressure campaign');
    expect(memo.lede[1]?.text).toBe('Below are key takeaways and background on this still-developing event:');
  });

  it('finds Key Takeaways with 7 items and Sequence of Events with 4', () => {
    expect(memo.sections.map((s) => s.heading.text)).toEqual(['Key Takeaways', 'Sequence of Events']);
    expect(memo.takeaways).toHaveLength(7);
    expect(memo.events).toHaveLength(4);
    expect(section(memo, 'Key Takeaways').listCount).toBe(1);
    expect(memo.takeaways[0]?.text).toMatch(/^The exchange of fire with Iraqi Shia militias/);
    expect(memo.takeaways[6]?.text).toMatch(/potentially triggering a global recession\.$/);
    expect(memo.events[0]?.text).toMatch(/^Dozens of angry Iraqi Shiite militia supporters/);
    expect(memo.events[3]?.text).toMatch(/blessing of the central government\.$/);
  });

  it('normalises the no-break space but keeps curly quotes and dashes', () => {
    expect(result.markdown).not.toContain('\u00A0');
    expect(result.markdown).toContain('through “legal and political methods.” Iraq’s National Security Council');
    expect(result.markdown).toContain('failure of maximum pressure – thanks to maximum pressure');
    expect(result.markdown).not.toMatch(/[ \t]+\n/);
  });

  it('drops the stray "Back to top" line and re-adds one link at the end', () => {
    expect(memo.backToTop).toHaveLength(1);
    expect(memo.backToTop[0]?.url).toBe('#top');
    expect(result.markdown.trimEnd().endsWith('[Back to top](#top)')).toBe(true);
    expect(section(memo, 'Sequence of Events').backToTop).toHaveLength(1);
  });

  it('warns only that the events have no dates, pointing at the first one', () => {
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]?.line).toBe(27);
    expect(result.warnings[0]?.message).toMatch(/4 of 4 "Sequence of Events" items have no date/);
  });

  it('uses bullets, not the source’s `•`, and keeps no indentation', () => {
    expect(result.markdown).not.toContain('•');
    expect(result.markdown.match(/^- /gm)).toHaveLength(11);
  });
});
