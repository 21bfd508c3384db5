// Heading ids, exactly as github-slugger makes them (GitHub's), with a fast path for ASCII text:
// github-slugger strips characters with one regex over all of Unicode, which showed in the
// profile of a large lint (every heading of every memo is slugged). Which ASCII characters it
// strips is read from github-slugger itself, once, so the two cannot disagree; the tests
// compare them on generated headings.
import { slug as githubSlug } from 'github-slugger';

const ASCII = /^[\x00-\x7f]*$/;

/** The ASCII characters github-slugger removes (all but letters, digits, space, `-` and `_`). */
const STRIPPED = (() => {
  let set = '';
  for (let code = 0; code < 128; code++) {
    const char = String.fromCharCode(code);
    if (char !== ' ' && githubSlug(char) === '') set += `\\x${code.toString(16).padStart(2, '0')}`;
  }
  return new RegExp(`[${set}]`, 'g');
})();

/** github-slugger's `slug`: lower-cased, stripped, spaces to hyphens. */
export function slugOf(text: string): string {
  if (!ASCII.test(text)) return githubSlug(text);
  return text.toLowerCase().replace(STRIPPED, '').replace(/ /g, '-');
}

/** github-slugger's `BananaSlug` (unique slugs: `a`, `a-1`, `a-2`...), on slugOf. */
export class Slugger {
  private occurrences: Record<string, number> = Object.create(null) as Record<string, number>;

  slug(text: string): string {
    const original = slugOf(text);
    let result = original;
    while (Object.hasOwn(this.occurrences, result)) {
      this.occurrences[original] = (this.occurrences[original] as number) + 1;
      result = `${original}-${this.occurrences[original]}`;
    }
    this.occurrences[result] = 0;
    return result;
  }
}
