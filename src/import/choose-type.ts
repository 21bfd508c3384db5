// Which memo type an imported memo is. A title prefix as published (`Memo:`, `Statement:`)
// narrows the choice to the types that print that prefix, so the heading is never rewritten;
// among those, a type whose sections are all there wins; when none fits, the plain type that
// demands nothing (`memo`) is taken rather than forcing the closest, which would make lint
// report sections the author never meant to write.
import { nearMiss } from '../memo/headings.js';
import type { MemoType } from '../templates/structure.js';

export interface TypeChoice {
  type: MemoType;
  guessed: boolean;
}

/** The title prefix word of a type: "memo" for `Memo: `. */
export function prefixWord(type: MemoType): string {
  return type.titlePrefix
    .replace(/[:\s]+$/, '')
    .trim()
    .toLowerCase();
}

/** A type with no required sections and no word limit: any memo fits it. */
function demandsNothing(type: MemoType): boolean {
  return type.sections.every((section) => section.required === false) && type.maxWords === undefined;
}

export function chooseType(headings: readonly string[], types: ReadonlyMap<string, MemoType>, prefix: string | undefined): TypeChoice {
  const all = [...types.values()];
  const word = prefix === 'memorandum' ? 'memo' : prefix;
  const prefixed = word === undefined ? [] : all.filter((type) => prefixWord(type) === word);
  const candidates = prefixed.length > 0 ? prefixed : all;
  const scored = candidates.map((type) => {
    let matched = 0;
    let missing = 0;
    for (const spec of type.sections) {
      if (headings.some((text) => nearMiss(text, spec.heading))) matched++;
      else if (spec.required !== false) missing++;
    }
    return { type, matched, missing, score: 2 * matched - missing };
  });
  scored.sort((a, b) => b.score - a.score || b.matched - a.matched);
  const fits = scored.filter((entry) => entry.missing === 0 && entry.matched > 0);
  const best = fits[0];
  if (best && fits.filter((entry) => entry.score === best.score).length === 1) return { type: best.type, guessed: false };
  // Nothing fits: the plain type (`memo`), or, failing one, the only type the prefix names.
  const plain = candidates.find((type) => type.name === 'memo' && demandsNothing(type)) ?? candidates.find(demandsNothing);
  if (plain) return { type: plain, guessed: false };
  const only = scored[0];
  if (prefixed.length === 1 && only) return { type: only.type, guessed: only.missing > 0 };
  return { type: (scored[0] ?? { type: all[0] as MemoType }).type, guessed: true };
}
