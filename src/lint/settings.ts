// Rule settings in a config: normalised, and checked once per config before any file is
// linted (unknown rule ids, bad options and unknown memo types under `types:` are exit 2,
// naming the config file and line). Only the commands that run rules check them (lint,
// export --strict): the config layer below knows nothing of rules, so exporting or importing
// never loads the rule registry. Kept apart from the engine so checking a config never loads
// the Markdown parser.
import type { Config, ConfigPlace, RuleSetting, Severity } from '../config/config.js';
import { loadConfig } from '../config/config.js';
import { MemoError } from '../io/errors.js';
import { describeSchemaError, validator } from '../io/schema.js';
import { loadMemoTypes } from '../templates/load.js';
import { closeMatch } from '../util/suggest.js';
import { rules, rulesById } from './rules/index.js';
import type { Rule } from './types.js';

type Place = Partial<ConfigPlace>;

export function normalizeSetting(setting: RuleSetting): { severity?: Severity; options?: Record<string, unknown> } {
  if (typeof setting === 'string') return { severity: setting };
  if (Array.isArray(setting)) return { severity: setting[0], ...(setting[1] ? { options: setting[1] } : {}) };
  return setting;
}

/** `; did you mean "x"? Known rules: …` (or `; known rules: …` when nothing is near). */
function suggestion(near: string | undefined, what: string, known: readonly string[]): string {
  return near ? `; did you mean "${near}"? Known ${what}: ${known.join(', ')}` : `; known ${what}: ${known.join(', ')}`;
}

/** Check every rule id, options object and memo type in the config once, before any file is linted. */
export function validateRuleConfig(config: Config): void {
  const nearest: Place = config.files[0] ? { file: config.files[0] } : {};
  const placeOf = (section: 'rules' | 'types', key: string): Place => config.places?.[section][key] ?? nearest;
  const ruleIds = rules.map((rule) => rule.id);
  const check = (settings: Record<string, RuleSetting> | undefined, where: string, place: (id: string) => Place) => {
    for (const [id, setting] of Object.entries(settings ?? {})) {
      const rule = rulesById.get(id);
      if (!rule)
        throw new MemoError(`unknown rule "${id}"${where}${suggestion(closeMatch(id, ruleIds), 'rules', ruleIds)}`, {
          ...place(id),
          code: 'ECONFIG',
        });
      const { options } = normalizeSetting(setting);
      const problem = options ? optionsProblem(rule, options) : undefined;
      if (problem) throw new MemoError(`invalid options for rule "${id}"${where}: ${problem}`, { ...place(id), code: 'ECONFIG' });
    }
  };
  check(config.rules, '', (id) => placeOf('rules', id));
  // A type under `types:` that no template declares applies to no memo, silently: it is almost
  // always a typo of a real one. Memo types come from templates, which the config layer may not
  // read, so they are checked here, beside the rules.
  const entries = Object.entries(config.types);
  if (entries.length === 0) return;
  const known = [...loadMemoTypes(config.templatesDir).keys()].sort();
  for (const [type, override] of entries) {
    const place = placeOf('types', type);
    if (!known.includes(type)) {
      throw new MemoError(`types: "${type}" is not a memo type${suggestion(closeMatch(type, known), 'types', known)}`, {
        ...place,
        code: 'ECONFIG',
      });
    }
    check(override.rules, ` (types.${type})`, () => place);
  }
}

/** Why `options` do not suit `rule`, in one phrase; undefined when they do. */
function optionsProblem(rule: Rule, options: Record<string, unknown>): string | undefined {
  const names = Object.keys((rule.optionsSchema?.['properties'] as Record<string, unknown> | undefined) ?? {});
  const given = Object.keys(options);
  if (names.length === 0) {
    if (given.length === 0) return undefined;
    return `it takes no options (got ${given.map((name) => `"${name}"`).join(', ')}); give a severity alone, like \`${rule.id}: warn\``;
  }
  const unknown = given.find((name) => !names.includes(name));
  if (unknown !== undefined) return `unknown option "${unknown}"${suggestion(closeMatch(unknown, names), 'options', names)}`;
  const validate = validator(rule.optionsSchema ?? {});
  return validate(options) ? undefined : describeSchemaError(validate.errors);
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
