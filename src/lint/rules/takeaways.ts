// takeaways: the memo type's takeaways section is a single list of min–max items, none empty
// and none over the per-item word limit. Limits come from the template; options override them.
import { spanOf } from '../../memo/nodes.js';
import { takeawaysSection } from '../../templates/structure.js';
import type { Rule } from '../types.js';
import { findSection, intOption, plural } from './shared.js';

export const takeaways: Rule = {
  id: 'takeaways',
  description: 'The takeaways section is one list of the allowed number of items, none empty or too long.',
  severity: 'error',
  fixable: false,
  defaults: {},
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      minItems: { type: 'integer', minimum: 0, description: "Fewest items; overrides the template's `minItems`." },
      maxItems: { type: 'integer', minimum: 1, description: "Most items; overrides the template's `maxItems`." },
      maxItemWords: { type: 'integer', minimum: 1, description: "Word limit per item; overrides the template's `maxItemWords`." },
    },
  },
  check(memo, context) {
    const spec = memo.memoType ? takeawaysSection(memo.memoType) : undefined;
    if (!spec) return;
    // A missing section is required-sections' finding.
    const section = findSection(memo, spec.heading);
    if (!section) return;
    const name = section.heading.text;
    const min = intOption(context.options, 'minItems', spec.minItems);
    const max = intOption(context.options, 'maxItems', spec.maxItems);
    const maxWords = intOption(context.options, 'maxItemWords', spec.maxItemWords);
    const range =
      min !== undefined && max !== undefined
        ? `${min}–${max}`
        : min !== undefined
          ? `at least ${min}`
          : max !== undefined
            ? `at most ${max}`
            : 'its';

    if (section.listCount === 0) {
      context.report({
        message: `${name} has no list; write the takeaways as one bulleted list of ${range} items.`,
        at: section.heading.span,
      });
      return;
    }
    if (section.listCount > 1) {
      const second = section.items.find((item) => item.listIndex === 1);
      context.report({
        message: `${name} has ${section.listCount} separate lists; merge them into one list of ${range} items.`,
        at: second?.span ?? section.heading.span,
      });
    }
    const items = section.items;
    if (min !== undefined && items.length < min) {
      context.report({ message: `${name} has ${plural(items.length, 'item')}; write at least ${min}.`, at: section.heading.span });
    }
    if (max !== undefined && items.length > max) {
      const extra = items[max];
      context.report({
        message: `${name} has ${plural(items.length, 'item')}; keep at most ${max} (cut ${items.length - max}).`,
        at: extra?.span ?? section.heading.span,
      });
    }
    items.forEach((item, index) => {
      const which = `${name} item ${index + 1}`;
      if (item.text.trim() === '') {
        context.report({ message: `${which} is empty; write the takeaway or remove the item.`, at: spanOf(item.node) });
      } else if (maxWords !== undefined && item.words > maxWords) {
        context.report({
          message: `${which} is ${plural(item.words, 'word')}; the limit is ${maxWords}. Cut ${plural(item.words - maxWords, 'word')} or split it.`,
          at: item.span,
        });
      }
    });
  },
};
