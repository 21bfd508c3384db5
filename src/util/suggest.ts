// "Did you mean …?" for a name nobody defined (a link's `#id`, a memo type, a rule id): only a
// candidate that is genuinely close is offered. The nearest of a few unrelated names is a
// guess, and a wrong guess sends the writer after it ("#soleimani": did you mean "#timeline"?).
import { distance } from 'fastest-levenshtein';

/** Edits allowed between a name and what it meant: one per four characters, at least one. */
function allowedEdits(a: string, b: string): number {
  return Math.max(1, Math.ceil(Math.max(a.length, b.length) / 4));
}

/** One is the other with whole `-`/`_` parts left off its start or end ("takeaways", "key-takeaways"). */
function partOf(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < 3 || short === long) return false;
  return (
    (long.startsWith(short) && /[-_]/.test(long[short.length] ?? '')) ||
    (long.endsWith(short) && /[-_]/.test(long[long.length - short.length - 1] ?? ''))
  );
}

/**
 * The candidate `name` most likely meant: a few typing slips away (case aside), or the same
 * name with whole hyphenated parts added or left off. Undefined when none is that close.
 */
export function closeMatch(name: string, candidates: Iterable<string>): string | undefined {
  const wanted = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    const edits = distance(wanted, lower);
    if (edits > allowedEdits(wanted, lower) && !partOf(wanted, lower)) continue;
    if (edits < bestDistance) [best, bestDistance] = [candidate, edits];
  }
  return best;
}

/** `"a", "b" and "c"` (or `or`), at most `limit` of them, then how many more. */
export function quotedList(names: readonly string[], conjunction: 'and' | 'or' = 'and', limit = 12): string {
  const quoted = names.slice(0, limit).map((name) => `"${name}"`);
  if (names.length > limit) return `${quoted.join(', ')} and ${names.length - limit} more`;
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} ${conjunction} ${quoted[quoted.length - 1]}`;
}
