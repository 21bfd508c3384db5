// Options that mean something only for some formats, or only beside another option: given where
// they do not apply, each is named in a warning rather than silently ignored (the run goes on).
import { printWarning } from './output.js';

export interface Applicability {
  /** The option as typed, e.g. `--email`. */
  flag: string;
  /** The formats it applies to... */
  formats?: readonly string[];
  /** ...or the option it needs, e.g. `--out-dir`, with whether it was given. */
  needs?: { flag: string; given: boolean };
}

/** Warn about each given option (a key of `given` with a defined value) that does not apply. */
export function warnInapplicable(given: object, format: string, rules: Record<string, Applicability>): void {
  for (const [key, rule] of Object.entries(rules)) {
    if ((given as Record<string, unknown>)[key] === undefined) continue;
    if (rule.formats && !rule.formats.includes(format)) {
      printWarning(`${rule.flag} applies only to --to ${rule.formats.join('|')}; ignored with --to ${format}`);
    } else if (rule.needs && !rule.needs.given) {
      printWarning(`${rule.flag} applies only with ${rule.needs.flag}; ignored`);
    }
  }
}
