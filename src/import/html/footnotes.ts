// Footnotes as sites mark them up — WordPress's footnotes block (`<sup class="fn"><a href="#id">1</a>`
// and `<ol class="wp-block-footnotes">`), Ghost/pandoc (`<a class="footnote-ref">`, `<section
// class="footnotes">`), Substack (`<a class="footnote-anchor">`, `<div class="footnote">`) and plain
// `<sup><a href="#fn1">1</a></sup>`: a short numbered link to an element that links back, or that
// sits in a list or a footnotes container. References become `[^1]`; the notes become `[^1]: …`
// definitions at the end of the memo, their "↩" back-links left out.
import type { Element, Root } from 'hast';
import { cleanText } from '../blocks.js';
import { classTokens, descendants, idOf, parentsOf, plainText, type Parent } from './tree.js';

export interface Footnotes {
  /** Reference links → their label (`1`). */
  refs: Map<Element, string>;
  /** Note elements → their label, in the order of their references. */
  notes: Map<Element, string>;
  /** Links inside notes that point back at the text ("↩"): left out. */
  backLinks: Set<Element>;
}

const LABEL = /^\[?\(?(\d{1,3}|[*†‡§]|[a-z])\)?\]?$/;
const BACK_TEXT = /^(?:[\s↩↑⤴^]|\uFE0E|\uFE0F)+$|^(?:back|return)(?: to (?:text|content|reference))?$/i;
const INLINE = new Set(['a', 'span', 'sup', 'sub', 'small', 'em', 'strong', 'b', 'i']);

/** Find the page's footnotes (an empty set when it has none). */
export function findFootnotes(root: Root): Footnotes {
  const footnotes: Footnotes = { refs: new Map(), notes: new Map(), backLinks: new Set() };
  const ids = new Map<string, Element>();
  const all = [...descendants(root)];
  for (const element of all) {
    const id = idOf(element);
    if (id !== undefined && !ids.has(id)) ids.set(id, element);
  }
  const parents = parentsOf(root);
  const ancestors = (element: Element) => {
    const chain: Element[] = [];
    for (let parent = parents.get(element); parent && parent.type === 'element'; parent = parents.get(parent)) chain.push(parent);
    return chain;
  };
  let next = 1;
  for (const link of all) {
    if (link.tagName !== 'a') continue;
    const href = link.properties['href'];
    if (typeof href !== 'string' || !href.startsWith('#') || href.length < 2) continue;
    const written = cleanText(plainText(link));
    if (!LABEL.test(written) || footnotes.backLinks.has(link)) continue;
    // A note's own number, linking back to the text, is not a reference.
    if ([...footnotes.notes.keys()].some((note) => note === link || ancestors(link).includes(note))) continue;
    let target = ids.get(decodeURIComponent(href.slice(1)));
    if (!target || target === link || ancestors(link).includes(target)) continue;
    // Substack's note starts with its number, linking back: the note is the block around it.
    while (INLINE.has(target.tagName)) {
      const parent = parents.get(target);
      if (!parent || parent.type !== 'element') break;
      target = parent;
    }
    // The ids a back-link may point at: the reference's own, or its <sup>'s.
    const refIds = [link, ...ancestors(link).slice(0, 2)].map(idOf).filter((id): id is string => id !== undefined);
    const backLinks = [...descendants(target), target].filter(
      (element) =>
        element.tagName === 'a' &&
        ((typeof element.properties['href'] === 'string' && refIds.includes(element.properties['href'].slice(1))) ||
          BACK_TEXT.test(cleanText(plainText(element)))),
    );
    const inNotes = [target, ...ancestors(target)].some(
      (element) => element.tagName === 'li' || classTokens(element).some((name) => /foot|note|fn/.test(name)),
    );
    if (backLinks.length === 0 && !inNotes) continue;
    if (/^h[1-6]$/.test(target.tagName) || target.tagName === 'article' || target.tagName === 'main' || target.tagName === 'body') continue;
    let label = footnotes.notes.get(target);
    if (label === undefined) {
      const digits = /\d+/.exec(written)?.[0];
      label = digits !== undefined && ![...footnotes.notes.values()].includes(digits) ? digits : String(next);
      footnotes.notes.set(target, label);
      next = Math.max(next, Number(label) + 1);
    }
    footnotes.refs.set(link, label);
    for (const back of backLinks) footnotes.backLinks.add(back);
  }
  return footnotes;
}

/** Is this element, or one inside it, a note? (The notes' container is then written as definitions.) */
export function holdsNotes(node: Parent, footnotes: Footnotes): boolean {
  return [...descendants(node)].some((element) => footnotes.notes.has(element));
}
