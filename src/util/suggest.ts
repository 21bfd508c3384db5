// "Did you mean …?" for a name a writer typed that nobody defined: a config field, a rule id, a
// memo type, a front-matter key, a link's `#id`, a directive. Only a candidate that is genuinely
// close is offered; the nearest of a few unrelated names is a guess, and a wrong guess sends the
// writer after it ("#soleimani": did you mean "#timeline"?). One home, so every message agrees.

/**
 * Edits between two words, a swap of two neighbouring letters counting as one (optimal string
 * alignment): `widht` is one slip from `width`, as a writer sees it, not two.
 */
export function typoDistance(a: string, b: string): number {
  // d[i][j]: edits between the first i letters of a and the first j of b.
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number): number => d[i]?.[j] ?? 0;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      (d[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

/** Slips allowed between a name and what it meant: a third of the longer word's letters, at least one. */
function allowedEdits(a: string, b: string): number {
  return Math.max(1, Math.floor(Math.max(a.length, b.length) / 3));
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
    const edits = typoDistance(wanted, lower);
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
