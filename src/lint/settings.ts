// Rule settings in a config: normalised, and checked once per config before any file is
// linted (unknown rule ids and bad options are exit 2, naming the config file). Only the
// commands that run rules check them (lint, export --strict): the config layer below knows
// nothing of rules, so exporting or importing never loads the rule registry. Kept apart from
// the engine so checking a config never loads the Markdown parser.
import type { Config, RuleSetting, Severity } from '../config/config.js';
import { loadConfig } from '../config/config.js';
import { MemoError } from '../io/errors.js';
import { describeSchemaError, validator } from '../io/schema.js';
import { rules, rulesById } from './rules/index.js';

export function normalizeSetting(setting: RuleSetting): { severity?: Severity; options?: Record<string, unknown> } {
  if (typeof setting === 'string') return { severity: setting };
  if (Array.isArray(setting)) return { severity: setting[0], ...(setting[1] ? { options: setting[1] } : {}) };
  return setting;
}

/** Check every rule id and options object in the config once, before any file is linted. */
export function validateRuleConfig(config: Config): void {
  const file = config.files[0];
  const check = (settings: Record<string, RuleSetting> | undefined, where: string) => {
    for (const [id, setting] of Object.entries(settings ?? {})) {
      const rule = rulesById.get(id);
      if (!rule) {
        throw new MemoError(`unknown rule "${id}"${where}; known rules: ${rules.map((r) => r.id).join(', ')}`, file ? { file } : {});
      }
      const { options } = normalizeSetting(setting);
      if (options) {
        const schema = rule.optionsSchema ?? { type: 'object', additionalProperties: false, properties: {} };
        const validate = validator(schema);
        if (!validate(options))
          throw new MemoError(`invalid options for rule "${id}"${where}: ${describeSchemaError(validate.errors)}`, file ? { file } : {});
      }
    }
  };
  check(config.rules, '');
  for (const [type, override] of Object.entries(config.types)) check(override.rules, ` (types.${type})`);
}

const validated = new WeakSet<Config>();

/** Check a config's rule settings, once per config object. */
export function assertRuleSettings(config: Config): Config {
  if (!validated.has(config)) {
    validateRuleConfig(config);
    validated.add(config);
  }
  return config;
}

/** The config for a folder, with its rule settings checked once. Config errors throw. */
export function lintConfigFor(folder: string, configFile?: string): Config {
  return assertRuleSettings(loadConfig(folder, configFile));
}
