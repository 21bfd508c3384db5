// lede: at least one paragraph between the title and the first `##` section when the memo
// type wants one, within the type's lede word limit; and the whole memo within the type's
// overall word limit (`maxWords` in the template), when it has one.
import type { Rule } from '../types.js';
import { at, intOption, plural, pointAt } from './shared.js';

export const lede: Rule = {
  id: 'lede',
  description: "The memo opens with a lede (paragraphs before the first `##`) within the type's word limits.",
  severity: 'error',
  fixable: false,
  defaults: {},
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      maxWords: { type: 'integer', minimum: 1, description: "Word limit for the lede; overrides the memo type's `lede.maxWords`." },
    },
  },
  check(memo, context) {
    const type = memo.memoType;
    if (!type) return;
    const firstSection = memo.sections[0];
    const first = memo.lede[0];
    const last = memo.lede[memo.lede.length - 1];
    if (!first || !last) {
      if (type.lede.required) {
        const where =
          memo.titleHeadings[0]?.span ?? firstSection?.heading.span ?? at(pointAt(memo.source, memo.frontMatter?.span.end.offset ?? 0));
        const before = firstSection ? `between the title and "## ${firstSection.heading.text}"` : 'after the title';
        context.report({
          message: `Memo has no lede; write at least one paragraph ${before} saying what happened and why it matters.`,
          at: where,
        });
      }
    } else {
      const limit = intOption(context.options, 'maxWords', type.lede.maxWords);
      if (limit !== undefined && memo.ledeWords > limit) {
        context.report({
          message: `Lede is ${plural(memo.ledeWords, 'word')}; ${type.name} ledes are at most ${limit}. Cut ${plural(memo.ledeWords - limit, 'word')}.`,
          at: { start: first.span.start, end: last.span.end },
        });
      }
    }
    if (type.maxWords !== undefined && memo.words > type.maxWords) {
      const where = memo.titleHeadings[0]?.span ?? first?.span ?? at(pointAt(memo.source, 0));
      context.report({
        message: `Memo is ${plural(memo.words, 'word')}; ${type.name} memos are at most ${type.maxWords}. Cut ${plural(memo.words - type.maxWords, 'word')}.`,
        at: where,
      });
    }
  },
};
