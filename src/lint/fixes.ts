// Fixes are data (a range and its replacement); this applies them. Kept apart from the engine so
// the library's applyFixes() does not load the rules or the Markdown parser.
import type { Fix } from './types.js';

/** Apply non-overlapping fixes, earliest first. Returns undefined when none applied. */
export function applyFixes(source: string, fixes: Fix[]): string | undefined {
  const sorted = [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let output = '';
  let cursor = 0;
  let applied = 0;
  for (const fix of sorted) {
    if (fix.range[0] < cursor) continue; // overlaps one already taken; the next pass gets it
    output += source.slice(cursor, fix.range[0]) + fix.text;
    cursor = fix.range[1];
    applied++;
  }
  if (applied === 0) return undefined;
  output += source.slice(cursor);
  return output === source ? undefined : output;
}
