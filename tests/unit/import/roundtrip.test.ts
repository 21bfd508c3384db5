// SPEC, Import: "Exporting the result as text gives back the original's words, in order."
// The reference memo → import → exportText gives the same word sequence (bullets and the
// "Back to top" line aside). And the imported memos are ones `memo lint` accepts.
import { describe, expect, it } from 'vitest';
import { exportText } from '../../../src/export/text.js';
import { importText } from '../../../src/import/text.js';
import { emptyConfig } from '../../../src/config/config.js';
import { lintText } from '../../../src/lint/engine.js';
import { fixture, parse, types } from './helpers.js';

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
