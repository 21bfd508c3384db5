// Finding the article in a saved page: `<article>` (the one with the most paragraph text),
// `<main>`, `[role=main]`, or — in a page of nested <div>s — the element whose own paragraphs
// hold the most text, widened to the ancestor that also holds the title and the rest of the
// article's paragraphs. What the page holds outside it, page furniture aside, is reported.
import type { Element, Root } from 'hast';
import { cleanText } from '../blocks.js';
import { isLeftOut, keptElements as kept } from './furniture.js';
import { elements, firstWords, lineOf, parentsOf, plainText, type Parent } from './tree.js';

const textLength = (node: Element) => cleanText(plainText(node, (element) => isLeftOut(element))).length;

/** A paragraph that reads as article text, not a label: a sentence of some length. */
const isProse = (node: Element) => node.tagName === 'p' && /[.!?…"”)]\s*$/.test(cleanText(plainText(node))) && textLength(node) >= 40;

export interface Body {
  /** The element holding the article (the whole page when nothing is found). */
  node: Parent;
  /** An <article>, <main> or the like was found: its own <footer> and <aside> are kept. */
  inArticle: boolean;
  /** Text of the page outside the article that is not furniture: reported as left out. */
  leftOut: { line: number; message: string }[];
}

export function findBody(root: Root): Body {
  const all = [...kept(root)];
  const parents = parentsOf(root);
  const paragraphText = (node: Element) =>
    [...kept(node)].filter((element) => element.tagName === 'p').reduce((sum, p) => sum + textLength(p), 0);
  const hasH1 = (node: Element) => [...kept(node)].some((element) => element.tagName === 'h1');
  const top = (node: Parent | undefined) =>
    node === undefined || node.type === 'root' || node.tagName === 'body' || node.tagName === 'html';

  let chosen: Element | undefined;
  let landmark = true;
  const articles = all.filter((node) => node.tagName === 'article');
  if (articles.length > 0) chosen = articles.sort((a, b) => paragraphText(b) - paragraphText(a))[0];
  chosen ??= all.find((node) => node.tagName === 'main' || node.properties['role'] === 'main');
  if (!chosen) {
    landmark = false;
    let most = 0;
    for (const node of all) {
      const own = elements(node)
        .filter((child) => child.tagName === 'p' && !isLeftOut(child))
        .reduce((sum, p) => sum + textLength(p), 0);
      if (own > most) {
        most = own;
        chosen = node;
      }
    }
  }
  if (!chosen) return { node: root, inArticle: false, leftOut: [] };

  // Widen to the title above it: the nearest ancestor holding an <h1>, never past <main>.
  if (!hasH1(chosen)) {
    for (let node = parents.get(chosen); !top(node); node = parents.get(node as Element)) {
      if (hasH1(node as Element)) {
        chosen = node as Element;
        break;
      }
      if ((node as Element).tagName === 'main') break;
    }
  }
  // Without a landmark, also to the article's paragraphs beside it.
  for (let parent = parents.get(chosen); !landmark && !top(parent); parent = parents.get(chosen)) {
    const current = chosen;
    const siblings = elements(parent as Element).filter((child) => child !== current && !isLeftOut(child));
    if (!siblings.some((child) => isProse(child) || [...kept(child)].some((element) => isProse(element)))) break;
    chosen = parent as Element;
  }

  // Report what stands beside the article and its ancestors, furniture aside.
  const leftOut: Body['leftOut'] = [];
  let node: Parent = chosen;
  for (let parent = parents.get(chosen); parent; node = parent, parent = parent.type === 'element' ? parents.get(parent) : undefined) {
    for (const sibling of elements(parent)) {
      if (sibling === node || isLeftOut(sibling)) continue;
      const text = cleanText(plainText(sibling, (element) => isLeftOut(element)));
      if (/[\p{L}\p{N}]/u.test(text))
        leftOut.push({ line: lineOf(sibling), message: `left out, outside the article: ${firstWords(text)}` });
    }
  }
  return { node: chosen, inArticle: true, leftOut };
}
