// Memo types come from template files: the built-ins in memokit's own templates/, then the
// project's templates folder (beside .memorc.yaml), whose files add types or replace built-ins.
// Each template's structure is validated when loaded; a broken one is an error naming its file.
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { MemoError } from '../io/errors.js';
import { describeSchemaError, validator } from '../io/schema.js';
import type { MemoType, SectionSpec } from './structure.js';
import { templateSchema } from './structure.js';

export const BUILT_IN_TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

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

/** Parse and validate one template file. */
export function readTemplate(file: string, origin: string, builtIn: boolean): MemoType {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new MemoError(`cannot read template (${(error as NodeJS.ErrnoException).code ?? 'error'})`, { file });
  }
  const match = FRONT_MATTER.exec(text);
  if (!match) throw new MemoError('template has no front matter; it must start with `---` and declare its structure', { file });
  const document = parseDocument(match[1] ?? '', { uniqueKeys: true, prettyErrors: true });
  const yamlError = document.errors[0];
  if (yamlError) {
    const line = (yamlError.linePos?.[0]?.line ?? 0) + 1;
    throw new MemoError(`invalid YAML in template: ${(yamlError.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}`, { file, line });
  }
  const data = document.toJS() as unknown;
  // Built-ins are validated by the test suite; only users' templates pay for ajv at run time.
  if (!builtIn) {
    const validate = validator(templateSchema);
    if (!validate(data)) throw new MemoError(`invalid template structure: ${describeSchemaError(validate.errors)}`, { file });
  }
  const structure = data as TemplateData;
  const name = basename(file, '.md');
  if (structure.type !== name) throw new MemoError(`template declares type "${structure.type}" but its file is named "${name}.md"; make them match`, { file });
  const sections = structure.sections ?? [];
  const seen = new Set<string>();
  for (const section of sections) {
    const key = section.heading.trim().toLowerCase();
    if (seen.has(key)) throw new MemoError(`section "${section.heading}" is declared twice`, { file });
    seen.add(key);
    if (section.minItems !== undefined && section.maxItems !== undefined && section.minItems > section.maxItems) {
      throw new MemoError(`section "${section.heading}": minItems ${section.minItems} is more than maxItems ${section.maxItems}`, { file });
    }
  }
  for (const role of ['takeaways', 'events'] as const) {
    if (sections.filter((section) => section.role === role).length > 1) throw new MemoError(`more than one section has role "${role}"`, { file });
  }
  return {
    name,
    description: structure.description,
    titlePrefix: structure.titlePrefix ?? '',
    lede: { required: structure.lede?.required ?? true, ...(structure.lede?.maxWords ? { maxWords: structure.lede.maxWords } : {}) },
    ...(structure.maxWords ? { maxWords: structure.maxWords } : {}),
    sections,
    backToTop: structure.backToTop ?? 'end',
    frontMatter: structure.frontMatter ?? [],
    body: text.slice(match[0].length),
    origin,
    builtIn,
    file,
  };
}

function templateFiles(folder: string): string[] {
  try {
    return readdirSync(folder)
      .filter((name) => name.endsWith('.md') && !name.startsWith('.'))
      .sort()
      .map((name) => join(folder, name));
  } catch (error) {
    throw new MemoError(`cannot read templates folder (${(error as NodeJS.ErrnoException).code ?? 'error'})`, { file: folder });
  }
}

const cache = new Map<string, Map<string, MemoType>>();

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
      const type = readTemplate(file, file, false);
      types.set(type.name, type);
    }
  }
  cache.set(key, types);
  return types;
}
