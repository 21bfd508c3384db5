// A memo type's structure, declared as data in its template's front matter.
// The linter, the exporters and `memo new` read this; no section name lives in code.

export type BackToTopPolicy = 'end' | 'every-section' | 'off';
export type EventOrder = 'oldest-first' | 'newest-first';

export interface SectionSpec {
  /** The heading exactly as it should be written. */
  heading: string;
  /** `takeaways`: a list of short claims; `events`: a list of dated events. */
  role?: 'takeaways' | 'events';
  /** Is the section required? Default true. */
  required?: boolean;
  minItems?: number;
  maxItems?: number;
  /** Word limit for each list item. */
  maxItemWords?: number;
  /** Order of dated events (events sections only). Default oldest-first. */
  order?: EventOrder;
}

export interface MemoType {
  name: string;
  description: string;
  /** Written before the front-matter title in the `#` heading: `Memo: `. */
  titlePrefix: string;
  lede: { required: boolean; maxWords?: number };
  /** Word limit for the whole body. */
  maxWords?: number;
  sections: SectionSpec[];
  backToTop: BackToTopPolicy;
  /**
   * Front-matter keys memos of this type may carry besides the ones every memo knows (`type`,
   * `title`, `date`, `author`, `tags`, `summary`); the front-matter rule warns about any other.
   */
  frontMatter?: string[];
  /** The skeleton `memo new` fills in. */
  body: string;
  /** Where it came from: `built-in`, or the template file's path. */
  origin: string;
  builtIn: boolean;
  /** The template file. */
  file: string;
  /**
   * Set when the project's template for this type is broken (`templates/x.md:3: invalid YAML …`):
   * the type has no structure, memos of it get one finding saying why, `memo new` refuses it.
   */
  problem?: string;
}

/** The `{{variables}}` `memo new` fills in a template's body. */
export const TEMPLATE_VARIABLES = ['title', 'date', 'author', 'slug'] as const;

export function takeawaysSection(type: MemoType): SectionSpec | undefined {
  return type.sections.find((section) => section.role === 'takeaways');
}

export function eventsSection(type: MemoType): SectionSpec | undefined {
  return type.sections.find((section) => section.role === 'events');
}

/** JSON Schema (2020-12) of a template's front matter. Validated with ajv when loaded. */
export const templateSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:memokit:template',
  type: 'object',
  additionalProperties: false,
  required: ['type', 'description'],
  properties: {
    type: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' },
    description: { type: 'string', minLength: 1 },
    titlePrefix: { type: 'string' },
    lede: {
      type: 'object',
      additionalProperties: false,
      properties: {
        required: { type: 'boolean' },
        maxWords: { type: 'integer', minimum: 1 },
      },
    },
    maxWords: { type: 'integer', minimum: 1 },
    backToTop: { enum: ['end', 'every-section', 'off'] },
    frontMatter: { type: 'array', items: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_-]*$' } },
    sections: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['heading'],
        properties: {
          heading: { type: 'string', minLength: 1 },
          role: { enum: ['takeaways', 'events'] },
          required: { type: 'boolean' },
          minItems: { type: 'integer', minimum: 0 },
          maxItems: { type: 'integer', minimum: 1 },
          maxItemWords: { type: 'integer', minimum: 1 },
          order: { enum: ['oldest-first', 'newest-first'] },
        },
      },
    },
  },
} as const;
