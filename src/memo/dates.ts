// Dates memokit writes and checks: the long date line, today's date, AP style, ISO validation,
// and the month names writers use. Event dates are read in event-date.ts.
import { isIsoDate, today } from '../util/iso-date.js';

export { isIsoDate, today };

/** A month name as writers write it, full or abbreviated (regex source, no flags: add `i`). */
export const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

/** "December 31, 2019" for `2019-12-31`. */
export function formatLongDate(isoDate: string): string {
  return new Intl.DateTimeFormat('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

/** AP style's month names: five spelled out, the rest abbreviated with a period. */
const AP_MONTHS = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];

/** `2019-12-27` → `Dec. 27, 2019` (AP style), the way memokit writes a date into a memo or a message. */
export function apDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${AP_MONTHS[(month ?? 1) - 1]} ${day}, ${year}`;
}
