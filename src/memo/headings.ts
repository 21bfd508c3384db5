// When two headings name the same section. The parser, the lint rules and the importer all ask
// this; the answers live here so that they cannot drift apart.
import { distance } from 'fastest-levenshtein';

/** The same heading as the parser matches them: trimmed, case-insensitive. */
export function sameHeading(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * A heading reduced to what names the section: no numbering (`II.`, `3)`, `A.`), no case,
 * punctuation or spacing. "KEY TAKE-AWAYS" and "2. Key takeaways" both give "keytakeaways".
 */
function headingKey(text: string): string {
  return text
    .trim()
    .replace(/^(?:[IVXLC]+|\d{1,2}|[A-Z])[.)]\s+/, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** How far apart two headings are, 0 (the same section) to 1 (nothing alike). */
export function headingDifference(a: string, b: string): number {
  const [x, y] = [headingKey(a), headingKey(b)];
  const longest = Math.max(x.length, y.length);
  return longest === 0 ? 0 : distance(x, y) / longest;
}

/** At most this far apart, a heading is taken for the section it nearly names ("Takeaways" for "Key Takeaways"). */
export const NEAR_MISS = 0.25;

/** Is `found` the section `canonical`, written a little differently ("KEY TAKE-AWAYS", "Key Takeaway")? */
export function nearMiss(found: string, canonical: string): boolean {
  if (headingKey(found) === '' || headingKey(canonical) === '') return false;
  return headingDifference(found, canonical) <= NEAR_MISS;
}
