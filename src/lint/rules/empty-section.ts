// empty-section: no heading (`##` and deeper) without content before the next heading of the
// same or a higher level. A "Back to top" line or an HTML comment alone is not content; a
// sub-heading is (its own emptiness is reported at it).
import type { Rule } from '../types.js';
import { bodyNodes, isContent } from './shared.js';

export const emptySection: Rule = {
  id: 'empty-section',
  description: 'Every section heading has content under it.',
  severity: 'error',
  fixable: false,
  check(memo, context) {
    const nodes = bodyNodes(memo);
    nodes.forEach((node, index) => {
      if (node.type !== 'heading' || node.depth < 2) return;
      let hasContent = false;
      for (const next of nodes.slice(index + 1)) {
        if (next.type === 'heading' && next.depth <= node.depth) break;
        if (isContent(next)) {
          hasContent = true;
          break;
        }
      }
      if (hasContent) return;
      const heading = memo.headings.find((h) => h.span.start.offset === node.position?.start.offset);
      if (!heading) return;
      context.report({
        message: `Section "${'#'.repeat(node.depth)} ${heading.text}" is empty; write its content or remove the heading.`,
        at: heading.span,
      });
    });
  },
};
