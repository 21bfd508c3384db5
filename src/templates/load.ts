// Memo types come from template files: the built-ins in memokit's own templates/, then the
// project's templates folder (beside .memorc.yaml), whose files add types or replace built-ins.
// Each template's structure is validated when loaded; a broken one is an error naming its file.
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MemoError } from '../io/errors.js';
import { describeSchemaError, validator } from '../io/schema.js';
import { yaml } from '../util/lazy-yaml.js';
import type { MemoType, SectionSpec } from './structure.js';
import { TEMPLATE_VARIABLES, templateSchema } from './structure.js';

export const BUILT_IN_TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * The built-in templates' front matter, parsed at build time (scripts/templates-snapshot.mjs):
 * every run loads the built-in types, and parsing their YAML was most of why a run needed the
 * `yaml` package at all. Used only for a file whose front matter is the text it was made from.
 */
const SNAPSHOT = new URL('../templates-snapshot.json', import.meta.url);
let snapshot: Record<string, { yaml: string; data: unknown }> | null | undefined;

function snapshotData(file: string, frontMatter: string): unknown {
  if (snapshot === undefined) {
    try {
      snapshot = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Record<string, { yaml: string; data: unknown }>;
    } catch {
      snapshot = null;
    }
  }
  const entry = snapshot?.[basename(file)];
  return entry?.yaml === frontMatter ? entry.data : undefined;
}

interface TemplateData {
  type: string;
  description: string;
  titlePrefix?: string;
  lede?: { required?: boolean; maxWords?: number };
  maxWords?: number;
  sections?: SectionSpec[];
  backToTop?: MemoType['backToTop'];
  frontMatter?: string[];
}

/** A template's front matter as data; a YAML error is an error naming the template and line. */
export function parseTemplateYaml(text: string, file: string): unknown {
  const document = yaml().parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  const yamlError = document.errors[0];
  if (yamlError) {
    const line = (yamlError.linePos?.[0]?.line ?? 0) + 1;
    throw new MemoError(`invalid YAML in template: ${(yamlError.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}`, { file, line, code: 'ETEMPLATE' });
  }
  return document.toJS() as unknown;
}

/** Parse and validate one template file. */
export function readTemplate(file: string, origin: string, builtIn: boolean): MemoType {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new MemoError(`cannot read template (${(error as NodeJS.ErrnoException).code ?? 'error'})`, { file, code: 'ETEMPLATE' });
  }
  const match = FRONT_MATTER.exec(text);
  if (!match) throw new MemoError('template has no front matter; it must start with `---` and declare its structure', { file, code: 'ETEMPLATE' });
  const data = (builtIn ? snapshotData(file, match[1] ?? '') : undefined) ?? parseTemplateYaml(match[1] ?? '', file);
  // Built-ins are validated by the test suite; only users' templates pay for ajv at run time.
  if (!builtIn) {
    const validate = validator(templateSchema);
    if (!validate(data)) throw new MemoError(`invalid template structure: ${describeSchemaError(validate.errors)}`, { file, code: 'ETEMPLATE' });
  }
  const structure = data as TemplateData;
  const name = basename(file, '.md');
  if (structure.type !== name) throw new MemoError(`template declares type "${structure.type}" but its file is named "${name}.md"; make them match`, { file, code: 'ETEMPLATE' });
  const sections = structure.sections ?? [];
  const seen = new Set<string>();
  for (const section of sections) {
    const key = section.heading.trim().toLowerCase();
    if (seen.has(key)) throw new MemoError(`section "${section.heading}" is declared twice`, { file, code: 'ETEMPLATE' });
    seen.add(key);
    if (section.minItems !== undefined && section.maxItems !== undefined && section.minItems > section.maxItems) {
      throw new MemoError(`section "${section.heading}": minItems ${section.minItems} is more than maxItems ${section.maxItems}`, { file, code: 'ETEMPLATE' });
    }
  }
  for (const role of ['takeaways', 'events'] as const) {
    if (sections.filter((section) => section.role === role).length > 1) throw new MemoError(`more than one section has role "${role}"`, { file, code: 'ETEMPLATE' });
  }
  for (const section of sections) checkSettingsApply(section, file);
  const body = text.slice(match[0].length);
  const bodyLine = text.slice(0, match[0].length).split('\n').length;
  checkVariables(body, bodyLine, file);
  checkBodyHasSections(body, sections, file);
  return {
    name,
    description: structure.description,
    titlePrefix: structure.titlePrefix ?? '',
    lede: { required: structure.lede?.required ?? true, ...(structure.lede?.maxWords ? { maxWords: structure.lede.maxWords } : {}) },
    ...(structure.maxWords ? { maxWords: structure.maxWords } : {}),
    sections,
    backToTop: structure.backToTop ?? 'end',
    frontMatter: structure.frontMatter ?? [],
    body,
    origin,
    builtIn,
    file,
  };
}

/** Which section settings a section's role gives meaning to; any other is a mistake that would silently do nothing. */
const SETTINGS_FOR: Record<'takeaways' | 'events' | 'none', readonly (keyof SectionSpec)[]> = {
  takeaways: ['minItems', 'maxItems', 'maxItemWords'],
  events: ['order'],
  none: [],
};

function checkSettingsApply(section: SectionSpec, file: string): void {
  const role = section.role ?? 'none';
  for (const setting of ['minItems', 'maxItems', 'maxItemWords', 'order'] as const) {
    if (section[setting] === undefined || SETTINGS_FOR[role].includes(setting)) continue;
    const owner = setting === 'order' ? 'an events section (role: events)' : 'a takeaways section (role: takeaways)';
    const which = section.role ? `a ${section.role} section` : 'a section without a role';
    throw new MemoError(`section "${section.heading}": ${setting} applies only to ${owner}, not to ${which}; remove it`, { file, code: 'ETEMPLATE' });
  }
}

/** `{{names}}` that `memo new` does not fill would be left in every new memo. */
function checkVariables(body: string, bodyLine: number, file: string): void {
  const lines = body.split('\n');
  for (const [index, line] of lines.entries()) {
    for (const match of line.matchAll(/\{\{\s*([^{}]*?)\s*\}\}/g)) {
      const name = match[1] as string;
      if ((TEMPLATE_VARIABLES as readonly string[]).includes(name)) continue;
      const known = TEMPLATE_VARIABLES.map((variable) => `{{${variable}}}`).join(', ');
      throw new MemoError(`unknown variable {{${name}}}; memo new fills ${known}`, { file, line: bodyLine + index, code: 'ETEMPLATE' });
    }
  }
}

/** A template whose own skeleton lacks a section its structure requires scaffolds memos that fail required-sections. */
function checkBodyHasSections(body: string, sections: SectionSpec[], file: string): void {
  const headings = new Set([...body.matchAll(/^##[ \t]+(.+?)[ \t#]*$/gm)].map((match) => (match[1] as string).trim().toLowerCase()));
  for (const section of sections) {
    if (section.required === false || headings.has(section.heading.trim().toLowerCase())) continue;
    throw new MemoError(`the template's body has no "## ${section.heading}", which its structure requires; add it to the skeleton`, { file, code: 'ETEMPLATE' });
  }
}

function templateFiles(folder: string): string[] {
  try {
    return readdirSync(folder)
      .filter((name) => name.endsWith('.md') && !name.startsWith('.'))
      .sort()
      .map((name) => join(folder, name));
  } catch (error) {
    throw new MemoError(`cannot read templates folder (${(error as NodeJS.ErrnoException).code ?? 'error'})`, { file: folder, code: 'ETEMPLATE' });
  }
}

/** A type whose template could not be read: no structure, and the reason. */
function brokenType(file: string, error: MemoError): MemoType {
  return {
    name: basename(file, '.md'),
    description: '',
    titlePrefix: '',
    lede: { required: false },
    sections: [],
    backToTop: 'off',
    body: '',
    origin: file,
    builtIn: false,
    file,
    problem: `${error.line ? `line ${error.line}: ` : ''}${error.message}`,
  };
}

const cache = new Map<string, Map<string, MemoType>>();

/** Forget the memo types read so far (resident commands, after a template changed on disk). */
export function forgetMemoTypes(): void {
  cache.clear();
}

/** All memo types: built-ins, then the project's (which win on a name clash). */
export function loadMemoTypes(projectTemplates?: string): Map<string, MemoType> {
  const key = projectTemplates ?? '';
  const cached = cache.get(key);
  if (cached) return cached;
  const types = new Map<string, MemoType>();
  for (const file of templateFiles(BUILT_IN_TEMPLATES)) {
    const type = readTemplate(file, 'built-in', true);
    types.set(type.name, type);
  }
  if (projectTemplates) {
    for (const file of templateFiles(projectTemplates)) {
      // One broken template is not a wall: its type is kept with the problem, so `memo templates`
      // lists it, memos of that type get a finding, and everything else works.
      try {
        const type = readTemplate(file, file, false);
        types.set(type.name, type);
      } catch (error) {
        if (!(error instanceof MemoError)) throw error;
        types.set(basename(file, '.md'), brokenType(file, error));
      }
    }
  }
  cache.set(key, types);
  return types;
}


/** The memo types a memo can be made into: all but those whose project template is broken. */
export function workingMemoTypes(projectTemplates?: string): Map<string, MemoType> {
  return new Map([...loadMemoTypes(projectTemplates)].filter(([, type]) => type.problem === undefined));
}
