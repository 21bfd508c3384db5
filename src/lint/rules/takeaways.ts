// takeaways: the memo type's takeaways section is a single list of min–max items, none empty
// and none over the per-item word limit. Limits come from the template; options override them.
// Lists split by nothing but HTML comments (a directive typed between two items) are named as
// such: Markdown ends a list at a comment that starts a line, and indenting it keeps one list.
import type { List, RootContent } from 'mdast';
import { spanOf } from '../../memo/nodes.js';
import { takeawaysSection } from '../../templates/structure.js';
import type { Rule } from '../types.js';
import { findSection, intOption, plural } from './shared.js';

const isComment = (node: RootContent): boolean => node.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(node.value);

/**
 * When only HTML comments stand between the section's lists: the first comment of each gap,
 * with how far to indent it to sit under the text of the item above (inside that item).
 */
function splittingComments(nodes: RootContent[]): { node: RootContent; indent: number }[] | undefined {
  const found: { node: RootContent; indent: number }[] = [];
  let list: List | undefined;
  let gap: RootContent[] = [];
  for (const node of nodes) {
    if (node.type === 'list') {
      if (list) {
        if (gap.length === 0 || !gap.every(isComment)) return undefined;
        const item = list.children[list.children.length - 1];
        const text = item?.children[0]?.position?.start.column;
        const marker = item?.position?.start.column ?? 1;
        found.push({ node: gap[0] as RootContent, indent: (text ?? marker + 2) - 1 });
      }
      list = node;
      gap = [];
    } else if (list) gap.push(node);
  }
  return found.length > 0 ? found : undefined;
}

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
      const comments = splittingComments(section.nodes);
      const first = comments?.[0];
      if (comments && first) {
        const lines = comments.map((comment) => spanOf(comment.node).start.line);
        const where =
          lines.length === 1
            ? `the comment on line ${lines[0]} ends the list above it`
            : `the comments on lines ${lines.slice(0, -1).join(', ')} and ${lines[lines.length - 1]} end the lists above them`;
        const indents = new Set(comments.map((comment) => comment.indent));
        const how =
          indents.size === 1
            ? `indent ${lines.length === 1 ? 'it' : 'each'} ${plural(first.indent, 'space')}, under the item's text,`
            : 'indent each under the text of the item above it';
        context.report({
          message: `${name} has ${section.listCount} separate lists: ${where} (a comment at the start of a line ends a list); ${how} to keep one list.`,
          at: spanOf(first.node),
        });
      } else {
        context.report({
          message: `${name} has ${section.listCount} separate lists; merge them into one list of ${range} items.`,
          at: second?.span ?? section.heading.span,
        });
      }
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
