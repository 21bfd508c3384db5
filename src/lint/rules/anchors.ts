// anchors: every in-page link (`#...`) goes to `#top` or to a heading's id (GitHub-style slugs,
// as the exports write them). "Back to top" links are back-to-top's to check. The message names
// the id meant when one is close; otherwise it lists the ids there are.
import { closeMatch, quotedList } from '../../util/suggest.js';
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
      const near = id === '' ? undefined : closeMatch(id, ids);
      const hint =
        id === ''
          ? `point it at "#top" or a heading's id${headingIds.length > 0 ? `, like "#${headingIds[0]}"` : ''}`
          : near
            ? `did you mean "#${near}"?`
            : `link to one of its ids: ${quotedList(
                ids.map((known) => `#${known}`),
                'or',
              )}.`;
      context.report({ message: `Link "${link.url}" goes to no heading in this memo; ${hint}`, at: link.span });
    }
  },
};
