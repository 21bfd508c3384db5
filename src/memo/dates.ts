// Dates memokit writes and checks: the long date line, today's date, AP style, ISO validation,
// and the month names writers use. Event dates are read in event-date.ts.
import { isIsoDate } from '../util/iso-date.js';

export { isIsoDate };

/** A month name as writers write it, full or abbreviated (regex source, no flags: add `i`). */
export const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "December 31, 2019" for `2019-12-31`. */
export function formatLongDate(isoDate: string): string {
  return new Intl.DateTimeFormat('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

/** Today's date in the local time zone, as `YYYY-MM-DD`. */
export function today(): string {
  const now = new Date();
  return iso(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** AP style's month names: five spelled out, the rest abbreviated with a period. */
const AP_MONTHS = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];

/** `2019-12-27` → `Dec. 27, 2019` (AP style), the way memokit writes a date into a memo or a message. */
export function apDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${AP_MONTHS[(month ?? 1) - 1]} ${day}, ${year}`;
}
