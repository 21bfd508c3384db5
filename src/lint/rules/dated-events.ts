// dated-events: every item of the memo type's events section starts with a date; the dates
// are real; they run in the section's order (oldest first by default); and none is after the
// memo's own date (a warning: it may be a typo, or a scheduled event). Fixable: items out of
// order are put in order, each item's source kept exactly, separators between items untouched.
import type { ListItem, Memo } from '../../memo/model.js';
import { apDate } from '../../memo/dates.js';
import { isBackToTopText } from '../../memo/back-to-top.js';
import { eventsSection } from '../../templates/structure.js';
import type { Fix, Rule } from '../types.js';
import { findSection } from './shared.js';

const ORDINAL_MARKER = /^(\s*)(\d{1,9}[.)])/;

/** The list's items sorted by date (stable), written back with the original separators. */
function sortFix(memo: Memo, items: ListItem[], newestFirst: boolean): Fix | undefined {
  if (items.length < 2 || items.some((item) => item.date?.iso === undefined)) return undefined;
  const sorted = items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => {
      const [x, y] = [a.item.date?.iso ?? '', b.item.date?.iso ?? ''];
      const order = x < y ? -1 : x > y ? 1 : 0;
      return (newestFirst ? -order : order) || a.index - b.index;
    })
    .map(({ item }) => item);
  const whole = (item: ListItem) => memo.source.slice(item.span.start.offset, item.span.end.offset);
  // A plain "Back to top" line run into an item (a lazy continuation) must not travel with the
  // item: it is cut off and kept after the list, where back-to-top's own fix (next pass, as the
  // two overlap) makes it the link.
  const tails: string[] = [];
  const text = (item: ListItem): string => {
    const lines = whole(item).split('\n');
    const cut = lines.findIndex((line, index) => index > 0 && isBackToTopText(line));
    return cut === -1 ? lines.join('\n') : lines.slice(0, cut).join('\n').replace(/\r$/, '');
  };
  for (const item of items) {
    const body = whole(item);
    const kept = text(item);
    if (kept.length < body.length) tails.push(body.slice(kept.length));
  }
  const start = items[0]?.span.start.offset ?? 0;
  let output = '';
  sorted.forEach((item, position) => {
    const original = items[position] as ListItem;
    let body = text(item);
    // An ordered list keeps its numbering: each place keeps its own marker.
    const marker = ORDINAL_MARKER.exec(text(original));
    if (marker) body = body.replace(ORDINAL_MARKER, marker[0]);
    output += body;
    const next = items[position + 1];
    if (next) output += memo.source.slice(original.span.end.offset, next.span.start.offset);
  });
  output += tails.join('');
  return { range: [start, (items[items.length - 1] as ListItem).span.end.offset], text: output };
}

export const datedEvents: Rule = {
  id: 'dated-events',
  description: "Events start with a real date, run in the type's order, and none is after the memo's date.",
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

    section.items.forEach((item, index) => {
      const which = `${name} item ${index + 1}`;
      if (!item.date) {
        context.report({ message: `${which} has no date; start it with a date such as ${example()}.`, at: item.span });
      } else if (item.date.iso === undefined) {
        context.report({
          message: `${which} starts with "${item.date.text}", which is not a real date; correct it (e.g. ${example()}).`,
          at: item.span,
        });
      } else if (memo.date !== undefined && item.date.iso > memo.date) {
        context.report({
          message: `${which} is dated ${item.date.iso}, after the memo's date ${memo.date}; check the date (or the memo's).`,
          at: item.span,
          severity: 'warn',
        });
      }
    });

    // Order, list by list: each dated item against the dated item before it.
    for (let list = 0; list < section.listCount; list++) {
      const items = section.items.filter((item) => item.listIndex === list);
      // Built on the first out-of-order item only: most lists are in order.
      let fix: Fix | undefined | null = null;
      let previous: ListItem | undefined;
      for (const item of items) {
        const iso = item.date?.iso;
        if (iso === undefined) continue;
        const before = previous?.date?.iso;
        if (previous && before !== undefined && (newestFirst ? iso > before : iso < before)) {
          if (fix === null) fix = sortFix(memo, items, newestFirst);
          const index = section.items.indexOf(item) + 1;
          const previousIndex = section.items.indexOf(previous) + 1;
          context.report({
            message: `${name} item ${index} (${item.date?.text}) is out of order after item ${previousIndex} (${previous.date?.text}); events run ${newestFirst ? 'newest' : 'oldest'} first, so move it ${newestFirst ? 'down' : 'up'}.`,
            at: item.span,
            ...(fix ? { fix } : {}),
          });
        }
        previous = item;
      }
    }
  },
};
