// Dated timeline paragraphs → events: under the type's events section, `Dec. 27: text` becomes
// the item `**Dec. 27** — text`, in any date form memo/event-date.ts reads; the linter gives a
// date without a year the memo's (December rolling over into January).
import { apDate } from '../memo/dates.js';
import { nearMiss } from '../memo/headings.js';
import type { MemoType } from '../templates/structure.js';
import { eventsSection } from '../templates/structure.js';
import { escapeBlockStart, escapeInline, eventLine } from './heuristics.js';
import type { Block, ImportWarning } from './model.js';
import type { Section } from './sections.js';

/** Drop leading plain text `prefix` (and emphasis/escapes around it) from `markdown`. */
function stripPlainPrefix(markdown: string, prefix: string): string | undefined {
  let m = 0;
  let p = 0;
  while (p < prefix.length && m < markdown.length) {
    const c = markdown[m] as string;
    if (c === prefix[p]) {
      m++;
      p++;
    } else if (c === '*' || c === '_') {
      m++;
    } else if (c === '\\' && markdown[m + 1] === prefix[p]) {
      m++;
    } else if (/\s/.test(c) && /\s/.test(prefix[p] ?? '')) {
      m++;
      p++;
    } else {
      return undefined;
    }
  }
  if (p < prefix.length) return undefined;
  return markdown
    .slice(m)
    .replace(/^[*_]+/, '')
    .trimStart();
}

/** `Dec. 27: text` → `**Dec. 27** — text`; undefined when the block does not start with a date. */
function eventMarkdown(block: Block, memoDate: string | undefined): string | undefined {
  const line = eventLine(block.text, memoDate);
  if (!line) return undefined;
  const { leading, prefix } = line;
  // The date as written: a date without a year takes the memo's (the linter reads it so, rolling
  // December over into January), and adding one would put a word in the memo its author never wrote.
  const dateText = leading.date.text.replace(/[,\s]+$/, '');
  const rest = stripPlainPrefix(block.markdown, prefix.trimEnd()) ?? escapeInline(leading.rest);
  return `**${escapeInline(dateText)}** — ${escapeBlockStart(rest.replace(/^(?:—|–|-{1,2}|:)\s*/, ''))}`;
}

const TIMELINE = /\b(?:timeline|events|chronology|sequence|what happened)\b/i;

/**
 * The type's events section (by its heading, or failing that a section named like a timeline)
 * gets its dated paragraphs and items written as events; a type without one keeps them as
 * written. Returns the event Markdown by block (the blocks themselves become items) and a
 * warning for items without a date.
 */
export function buildEvents(
  sections: Section[],
  type: MemoType,
  memoDate: string | undefined,
): { eventText: Map<Block, string>; warning?: ImportWarning } {
  const eventText = new Map<Block, string>();
  const events = eventsSection(type)?.heading;
  if (events === undefined) return { eventText };
  const named = sections.filter((section) => nearMiss(section.text, events));
  const timeline = named.length > 0 ? named : sections.filter((section) => TIMELINE.test(section.text));
  let undated = 0;
  let firstUndated = 0;
  let count = 0;
  for (const section of timeline) {
    section.blocks = section.blocks.map((block) => {
      if (block.kind === 'heading' || (block.kind === 'item' && (block.depth ?? 0) > 0)) return block;
      const markdown = eventMarkdown(block, memoDate);
      const item: Block = markdown !== undefined && block.kind === 'paragraph' ? { ...block, kind: 'item', depth: 0 } : block;
      if (markdown !== undefined) eventText.set(item, markdown);
      if (item.kind === 'item') {
        count++;
        if (markdown === undefined && undated++ === 0) firstUndated = item.line;
      }
      return item;
    });
  }
  if (undated === 0) return { eventText };
  return {
    eventText,
    warning: {
      line: firstUndated,
      message: `${undated} of ${count} "${events}" items have no date; start each with one, like "**${memoDate ? apDate(memoDate) : 'Dec. 27, 2019'}** —"`,
    },
  };
}
