// The CLI's way in: pick a format by name, load only that formatter (and, for SARIF, the rule
// registry), decide colour the way the CLI does, and return the text to print.
import { supportsColor } from 'chalk';
import type { LintResult, Rule } from '../lint/types.js';
import type { FormatContext, Formatter } from './context.js';
import type { FormatName } from './names.js';
import { packageVersion } from '../util/version.js';

const loaders: Record<FormatName, () => Promise<Formatter>> = {
  stylish: async () => (await import('./stylish.js')).stylish,
  json: async () => (await import('./json.js')).json,
  sarif: async () => (await import('./sarif.js')).sarif,
  github: async () => (await import('./github.js')).github,
  junit: async () => (await import('./junit.js')).junit,
  gitlab: async () => (await import('./gitlab.js')).gitlab,
};

/** Colour on stdout: a TTY (or FORCE_COLOR, which chalk honours) and no NO_COLOR. */
export function stdoutColor(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env['NO_COLOR'] && !env['FORCE_COLOR']) return false;
  return Boolean(supportsColor) && supportsColor !== false && supportsColor.level > 0;
}

export interface FormatReportOptions {
  color?: boolean;
  version?: string;
  rules?: readonly Rule[];
}

export async function formatReport(
  format: FormatName,
  results: LintResult[],
  cwd: string,
  options: FormatReportOptions = {},
): Promise<string | Uint8Array> {
  const load = loaders[format];
  if (!load) throw new Error(`unknown format "${String(format)}"`);
  const formatter = await load();
  const rules = options.rules ?? (format === 'sarif' ? (await import('../lint/rules/index.js')).rules : []);
  const context: FormatContext = {
    cwd,
    color: options.color ?? (format === 'stylish' && stdoutColor()),
    version: options.version ?? packageVersion(),
    rules,
  };
  return formatter(results, context);
}
