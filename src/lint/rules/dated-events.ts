// dated-events: every event of the memo type's events section starts with a date memokit can
// read; the dates run in the section's order (oldest first by default); none is after the memo's
// own date, and a weekday written with a date is that date's (both warnings: a typo, or a
// scheduled event). Dates are intervals at the precision written (memo/event-date.ts), so an
// item is out of order only when it is definitely earlier (or later) than one before it:
// "April 2018" then "April 9, 2018" is fine. Fixable: a list whose dates are all readable is put
// in order, overlapping items keeping theirs, each item's source kept exactly.
import type { Nodes } from 'mdast';
import { apDate } from '../../memo/dates.js';
import { isBackToTopText } from '../../memo/back-to-top.js';
import { isReadable, type ReadableDate } from '../../memo/event-date.js';
import type { ListItem, Memo } from '../../memo/model.js';
import { eventsSection } from '../../templates/structure.js';
import type { Fix, Rule } from '../types.js';
import { eol, findSection } from './shared.js';

const ORDINAL_MARKER = /^(\s*)(\d{1,9}[.)])/;

type Dated = ListItem & { date: ReadableDate };

/** Must `a` come after `b`? Only when `a` is definitely later (oldest first) or earlier (newest first). */
function mustFollow(a: Dated, b: Dated, newestFirst: boolean): boolean {
  return newestFirst ? a.date.to < b.date.from : a.date.from > b.date.to;
}

/**
 * The items in an order consistent with their dates that keeps the written order wherever the
 * dates allow it: of the items nothing must follow, always the earliest written first. A
 * timeline already in order comes back as it is.
 */
function orderByDate(items: Dated[], newestFirst: boolean): Dated[] {
  const left = [...items];
  const ordered: Dated[] = [];
  while (left.length > 0) {
    const next = left.findIndex((item) => !left.some((other) => other !== item && mustFollow(item, other, newestFirst)));
    ordered.push(...left.splice(next === -1 ? 0 : next, 1));
  }
  return ordered;
}

/** Whether a block's last block, all the way down, is a paragraph (`- A\n  - b`: yes). */
function endsInParagraph(node: Nodes | undefined): boolean {
  while (node && (node.type === 'listItem' || node.type === 'list' || node.type === 'blockquote'))
    node = node.children[node.children.length - 1];
  return node?.type === 'paragraph';
}

/** The events put in date order, written back with the original separators between them. */
function sortFix(memo: Memo, items: Dated[], newestFirst: boolean): Fix | undefined {
  const sorted = orderByDate(items, newestFirst);
  if (sorted.every((item, index) => item === items[index])) return undefined;
  const whole = (item: ListItem) => memo.source.slice(item.span.start.offset, item.span.end.offset);
  // A "Back to top" run into an item (a plain line, or a link, typed right under it, or a link
  // ending its line) must not travel with the item: it is cut off and stays at its place in the
  // list, like what stands between items. Under the last item, that is after the list, where
  // back-to-top's own fix (next pass, as the two overlap) gives it a paragraph of its own.
  const cut = (item: ListItem): { kept: string; tail: string } => {
    const body = whole(item);
    const base = item.span.start.offset;
    const links = memo.backToTop.filter((link) => link.span.start.offset > base && link.span.end.offset <= item.span.end.offset);
    let offset = 0;
    const lines = body.split('\n');
    for (const [index, raw] of lines.entries()) {
      const line = raw.replace(/\r$/, '');
      const lead = base + offset + (line.length - line.trimStart().length);
      const lineEnd = base + offset + line.length;
      const isLink = links.some(
        (link) => link.span.start.offset === lead && memo.source.slice(link.span.end.offset, lineEnd).trim() === '',
      );
      if (index > 0 && (isBackToTopText(line) || isLink)) {
        const kept = body.slice(0, offset - 1).replace(/\r$/, '');
        return { kept, tail: body.slice(kept.length) };
      }
      offset += raw.length + 1;
    }
    // A link that ends the item on a line with text: cut, and kept after the list on its own line.
    const last = links.find((link) => memo.source.slice(link.span.end.offset, item.span.end.offset).trim() === '');
    if (last) {
      const kept = memo.source.slice(base, last.span.start.offset).trimEnd();
      const words = kept.replace(/^\s*(?:[-+*]|\d{1,9}[.)])/, '').trim();
      if (words !== '' && !/\n[ \t>]*$/.test(memo.source.slice(base, last.span.start.offset)))
        return { kept, tail: `${eol(memo.source)}${memo.source.slice(last.span.start.offset, item.span.end.offset)}` };
    }
    return { kept: body, tail: '' };
  };
  const text = (item: ListItem): string => cut(item).kept;
  // A line kept at its place joins the item now there as a lazy continuation of its last
  // paragraph; after an item ending in any other block it would end the list: no fix then.
  const lastIndex = items.length - 1;
  if (items.some((item, position) => position < lastIndex && cut(item).tail !== '' && !endsInParagraph(sorted[position]?.node)))
    return undefined;
  const start = items[0]?.span.start.offset ?? 0;
  let output = '';
  sorted.forEach((item, position) => {
    const original = items[position] as ListItem;
    let body = text(item);
    // An ordered list keeps its numbering: each place keeps its own marker.
    const marker = ORDINAL_MARKER.exec(text(original));
    if (marker) body = body.replace(ORDINAL_MARKER, marker[0]);
    output += body + cut(original).tail;
    const next = items[position + 1];
    // What stands between two events stays where it is (a blank line, an undated paragraph).
    if (next) output += memo.source.slice(original.span.end.offset, next.span.start.offset);
  });
  return { range: [start, (items[items.length - 1] as ListItem).span.end.offset], text: output };
}

/** The last minute of the memo's date, in the same minutes as an event's interval. */
function endOfDay(iso: string): number {
  return Date.parse(`${iso}T23:59:00Z`) / 60_000;
}

export const datedEvents: Rule = {
  id: 'dated-events',
  description: "Events start with a date memokit can read, run in the type's order, and none is after the memo's date.",
  severity: 'error',
  fixable: true,
  check(memo, context) {
    const spec = memo.memoType ? eventsSection(memo.memoType) : undefined;
    if (!spec) return;
    const section = findSection(memo, spec.heading);
    if (!section) return;
    const name = section.heading.text;
    const newestFirst = spec.order === 'newest-first';
    const example = (): string => (memo.date ? `"**${apDate(memo.date)}** —"` : '"**Dec. 27, 2019** —"');
    const events = memo.events;
    const number = (item: ListItem) => events.indexOf(item) + 1;

    for (const item of events) {
      const which = `${name} item ${number(item)}`;
      const date = item.date;
      if (!date) {
        context.report({ message: `${which} has no date; start it with a date such as ${example()}.`, at: item.span });
      } else if (!isReadable(date)) {
        const why = date.problem ? ` (${date.problem})` : '';
        context.report({
          message: `${which} starts with "${date.text}", which memokit cannot read as a date${why}; write it like ${example()}.`,
          at: item.span,
        });
      } else {
        if (memo.date !== undefined && date.from > endOfDay(memo.date)) {
          context.report({
            message: `${which} is dated ${date.start}, after the memo's date ${memo.date}; check the date (or the memo's).`,
            at: item.span,
            severity: 'warn',
          });
        }
        if (date.weekday) {
          context.report({
            message: `${which} says ${date.weekday.written}, but ${date.start} is a ${date.weekday.actual}; correct the weekday or the date.`,
            at: item.span,
            severity: 'warn',
          });
        }
      }
    }

    // Order, list by list (the paragraphs of a section without a list are one).
    const undated = events.find((item) => !isReadable(item.date));
    for (const list of new Set(events.map((item) => item.listIndex))) {
      const items = events.filter((item) => item.listIndex === list);
      const dated = items.filter((item): item is Dated => isReadable(item.date));
      // Each item against the one before that it is most likely to clash with: the latest
      // starting (oldest first) or earliest ending (newest first) since the last misplaced item.
      let fix: Fix | undefined | null = null;
      let reference: Dated | undefined;
      for (const item of dated) {
        if (reference && mustFollow(reference, item, newestFirst)) {
          // Built on the first misplaced item only: most lists are in order. Reordering needs
          // every date: an undated item has no place in the order.
          if (fix === null) fix = undated ? undefined : sortFix(memo, dated, newestFirst);
          const why = undated ? ` --fix leaves the order alone while item ${number(undated)} has no date it can read.` : '';
          context.report({
            message: `${name} item ${number(item)} (${item.date.text}) is out of order after item ${number(reference)} (${reference.date.text}); events run ${newestFirst ? 'newest' : 'oldest'} first, so move it up.${why}`,
            at: item.span,
            ...(fix ? { fix } : {}),
          });
          reference = item;
        } else if (!reference || (newestFirst ? item.date.to < reference.date.to : item.date.from > reference.date.from)) {
          reference = item;
        }
      }
    }
  },
};
