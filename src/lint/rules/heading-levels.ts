// heading-levels: headings go down one level at a time (`##` → `###`, never `##` → `####`),
// and there is only one `#` heading (the title). A second `#` heading is taken for the `##` it
// was meant to be (the parser starts a section at it): its sub-headings are measured from 2.
import type { Rule } from '../types.js';

export const headingLevels: Rule = {
  id: 'heading-levels',
  description: 'Heading levels go down one at a time, and only the title is a `#` heading.',
  severity: 'error',
  fixable: false,
  check(memo, context) {
    let previous: { depth: number; line: number } | undefined;
    let title: number | undefined;
    for (const heading of memo.headings) {
      let depth = heading.depth;
      if (heading.depth === 1) {
        if (title === undefined) title = heading.span.start.line;
        else {
          depth = 2;
          context.report({
            message: `Second \`#\` heading "${heading.text}" (the title is on line ${title}); a memo has one title, so make this a \`##\` section.`,
            at: heading.span,
          });
        }
      }
      const from = previous?.depth ?? 1;
      if (heading.depth > from + 1) {
        const expected = '#'.repeat(from + 1);
        const after = previous ? `the level-${from} heading on line ${previous.line}` : 'the title';
        context.report({
          message: `Heading "${'#'.repeat(heading.depth)} ${heading.text}" skips from level ${from} to ${heading.depth} after ${after}; make it \`${expected}\`.`,
          at: heading.span,
        });
      }
      previous = { depth, line: heading.span.start.line };
    }
  },
};
