import GithubSlugger from 'github-slugger';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Slugger, slugOf } from '../../../src/util/slugs.js';

describe("heading ids are github-slugger's", () => {
  it('on every ASCII character and on generated headings, one by one and as a sequence of unique ids', () => {
    for (let code = 0; code < 128; code++)
      expect(slugOf(`a${String.fromCharCode(code)}b`)).toBe(new GithubSlugger().slug(`a${String.fromCharCode(code)}b`));
    const heading = fc.oneof(
      fc.string({ unit: fc.integer({ min: 0, max: 127 }).map((code) => String.fromCharCode(code)), maxLength: 20 }),
      fc.constantFrom(
        'Key Takeaways',
        'Sequence of Events',
        'Top',
        'top',
        'Key Takeaways!',
        'Café and Crème',
        'Q&A: What now?',
        '日本語',
        '😀 Emoji',
        '  spaced  out  ',
        'a-1',
        'A_B',
      ),
      fc.string({ unit: 'grapheme', maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(heading, { maxLength: 12 }), (headings) => {
        const ours = new Slugger();
        const theirs = new GithubSlugger();
        for (const text of headings) expect(ours.slug(text)).toBe(theirs.slug(text));
      }),
      { numRuns: 3000 },
    );
  });
});
