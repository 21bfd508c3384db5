// anchors: every in-page link (`#...`) goes to `#top` or to a heading's id (GitHub-style slugs,
// as the exports write them). "Back to top" links are back-to-top's to check.
import { closest } from 'fastest-levenshtein';
import type { Rule } from '../types.js';

function decode(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

export const anchors: Rule = {
  id: 'anchors',
  description: 'Every in-page link (`#...`) resolves to `#top` or a heading id.',
  severity: 'error',
  fixable: false,
  check(memo, context) {
    const ids = ['top', ...memo.headings.map((heading) => heading.id)];
    const known = new Set(ids);
    for (const link of memo.links) {
      if (!link.url.startsWith('#') || link.backToTop) continue;
      const id = decode(link.url.slice(1));
      if (known.has(id)) continue;
      const headingIds = memo.headings.map((heading) => heading.id);
      const hint =
        id === ''
          ? `point it at "#top" or a heading's id${headingIds.length > 0 ? `, like "#${headingIds[0]}"` : ''}`
          : `did you mean "#${closest(id, ids)}"?`;
      context.report({ message: `Link "${link.url}" goes to no heading in this memo; ${hint}`, at: link.span });
    }
  },
};
