// listTemplates() and scaffold(): the memo types a project has, and a new memo from one, as
// `memo templates` lists them and `memo new` writes it.
import { MemoError } from '../io/errors.js';
import type { TemplateInfo } from '../templates/describe.js';
import { today } from '../util/iso-date.js';
import { assertText } from './arguments.js';
import { chosenConfig, cwdOf, type ConfigChoice } from './config.js';

export type { TemplateInfo };

/**
 * The memo types in `folder` (default: the working folder): built-ins and the project's
 * templates, a broken one listed with its `error` (never thrown).
 */
export async function listTemplates(folder?: string, options: Omit<ConfigChoice, 'cwd'> = {}): Promise<TemplateInfo[]> {
  const cwd = cwdOf({ ...(folder !== undefined ? { cwd: folder } : {}) });
  const [{ loadMemoTypes }, { describeTemplates }] = await Promise.all([
    import('../templates/load.js'),
    import('../templates/describe.js'),
  ]);
  const config = chosenConfig({ ...options, cwd });
  return describeTemplates(loadMemoTypes(config.templatesDir), loadMemoTypes(), cwd);
}

export interface ScaffoldFields {
  title: string;
  /** `YYYY-MM-DD`. Default: today. */
  date?: string;
  /** One author or several. Default: the config's `new.author`, else none. */
  author?: string | readonly string[];
}

export interface ScaffoldResult {
  /** The new memo's text: front matter and the template's skeleton filled in. */
  text: string;
  /** The file name `memo new` gives it: `<date>-<slug>.md`. */
  fileName: string;
}

/**
 * A new memo of `type` (a name from listTemplates()), as `memo new` makes it; nothing is written.
 * An unknown type is a MemoError `ETYPE`, a broken template `ETEMPLATE`, a bad date or an empty
 * title `EOPTION`.
 */
export async function scaffold(type: string, fields: ScaffoldFields, options: ConfigChoice = {}): Promise<ScaffoldResult> {
  assertText('scaffold', 'type', type);
  assertText('scaffold', 'fields.title', fields?.title);
  if (fields.date !== undefined) assertText('scaffold', 'fields.date', fields.date);
  const authors: unknown = fields.author;
  if (
    authors !== undefined &&
    typeof authors !== 'string' &&
    !(Array.isArray(authors) && authors.every((name) => typeof name === 'string'))
  )
    throw new MemoError('scaffold(): fields.author must be a name or a list of names', { code: 'EOPTION' });
  const [{ loadMemoTypes }, { scaffoldNamed }] = await Promise.all([import('../templates/load.js'), import('../templates/scaffold.js')]);
  const config = chosenConfig(options);
  const author = fields.author ?? config.new?.author;
  return scaffoldNamed(loadMemoTypes(config.templatesDir), type, {
    title: fields.title,
    date: fields.date ?? today(),
    ...(author !== undefined ? { author } : {}),
  });
}
