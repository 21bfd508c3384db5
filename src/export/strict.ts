// --strict for export and bundle: a memo with lint errors is refused, with the errors listed.
// The lint engine is loaded only when --strict is given.
import type { Config } from '../config/config.js';
import type { MemoType } from '../templates/structure.js';

/** The memo's lint errors as `line:col message (rule)`; empty when it may be exported. */
export async function strictErrors(text: string, shown: string, config: Config, types: ReadonlyMap<string, MemoType>): Promise<string[]> {
  const [{ lintTextLoading }, { assertRuleSettings }] = await Promise.all([import('../lint/engine.js'), import('../lint/settings.js')]);
  assertRuleSettings(config);
  const result = await lintTextLoading(text, { path: shown, config, types });
  return result.messages.filter((m) => m.severity === 'error').map((m) => `${m.line}:${m.column} ${m.message} (${m.ruleId})`);
}
