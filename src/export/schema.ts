// JSON Schema (2020-12) of the JSON export, version 2. `memo schema` prints it; the tests
// validate every export against it. Keep it in step with json.ts and docs/json-export.md.
//
// `format: "date"` is an annotation unless the validator loads a format plugin (ajv needs
// ajv-formats for that); the `pattern` beside it checks the shape everywhere.

/** `YYYY-MM-DD` with a month 01–12 and a day 01–31 (the calendar check is the exporter's). */
const ISO_DATE_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$';

/** An event date at its precision: `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`. */
const EVENT_DATE_PATTERN = '^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01])(T([01][0-9]|2[0-3]):[0-5][0-9])?)?)?$';

export const memoJsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:memokit:memo-json:2',
  title: 'memokit memo export, version 2',
  description:
    'One memo exported by `memo export --to json`. A field the memo does not have is null (a list: empty); see docs/json-export.md.',
  type: 'object',
  additionalProperties: false,
  required: [
    'version',
    'type',
    'title',
    'date',
    'author',
    'authors',
    'tags',
    'summary',
    'lede',
    'takeaways',
    'events',
    'sections',
    'wordCount',
    'source',
  ],
  properties: {
    version: {
      description: 'Format version. Additive changes keep it; breaking changes bump it.',
      const: 2,
    },
    type: {
      description: 'The memo type, from the front matter `type` (e.g. "rapid-response"); null when absent.',
      type: ['string', 'null'],
    },
    title: {
      description: "The title from the front matter `title`, without the type's title prefix; null when absent.",
      type: ['string', 'null'],
    },
    date: {
      description: "The memo's date from the front matter `date`, as an ISO date; null when absent or not a real date.",
      type: ['string', 'null'],
      format: 'date',
      pattern: ISO_DATE_PATTERN,
    },
    author: {
      description: 'The front matter `author`: the name, or the names of a list joined with ", "; null when absent.',
      type: ['string', 'null'],
    },
    authors: {
      description: 'The front matter `author` as a list of names (one name is a list of one), in order; empty when absent.',
      type: 'array',
      items: { description: 'One author, as written.', type: 'string', minLength: 1 },
    },
    tags: {
      description: 'The front matter `tags`, in order; empty when absent.',
      type: 'array',
      items: { description: 'One tag.', type: 'string' },
    },
    summary: {
      description: 'The front matter `summary`; null when absent.',
      type: ['string', 'null'],
    },
    lede: {
      description:
        'The lede (the blocks between the title and the first section) as plain text, paragraphs joined by a blank line ("\\n\\n"); null when there is none.',
      type: ['string', 'null'],
    },
    takeaways: {
      description: "The items of the memo type's takeaways section, as plain text; empty when the type has none or the section is missing.",
      type: 'array',
      items: { description: 'One takeaway, markup removed.', type: 'string' },
    },
    events: {
      description:
        "The items of the memo type's events section, in the order written; empty when the type has none or the section is missing.",
      type: 'array',
      items: {
        description: 'One event: its date and the text after it.',
        type: 'object',
        additionalProperties: false,
        required: ['date', 'precision', 'dateText', 'text'],
        properties: {
          date: {
            description:
              'The ISO start of the event\'s date at the precision written: "2015", "2018-05", "2019-12-27", "2020-01-03T09:40" (a part of a month, a quarter or a season: its first month; a year not written is taken from the memo\'s date); null when the item has no date or memokit cannot read it.',
            type: ['string', 'null'],
            pattern: EVENT_DATE_PATTERN,
          },
          end: {
            description:
              'For dates that span (ranges, parts of a year, quarters, seasons, decades, weeks): the ISO end at the same precision as `date`.',
            type: 'string',
            pattern: EVENT_DATE_PATTERN,
          },
          precision: {
            description: 'How precisely the date was written; null when `date` is.',
            enum: ['year', 'part-of-year', 'season', 'quarter', 'part-of-month', 'month', 'day', 'minute', null],
          },
          dateText: {
            description:
              'The date exactly as written, with any weekday and time, emphasis markers removed (e.g. "Fri., Jan. 3, 2020, 9:40 a.m."); null when the item has no date.',
            type: ['string', 'null'],
          },
          text: {
            description: "The item's text after its date and separator (the whole text when undated), markup removed.",
            type: 'string',
          },
        },
      },
    },
    sections: {
      description: 'Every `##` section, in order.',
      type: 'array',
      items: {
        description: 'One section.',
        type: 'object',
        additionalProperties: false,
        required: ['id', 'heading', 'text', 'items'],
        properties: {
          id: {
            description: 'The heading\'s id: a GitHub-style slug, unique in the memo (e.g. "key-takeaways").',
            type: 'string',
          },
          heading: {
            description: 'The heading text, markup removed.',
            type: 'string',
          },
          text: {
            description: 'The section\'s content as plain text, blocks joined by a blank line, "Back to top" links left out.',
            type: 'string',
          },
          items: {
            description: 'The items of the lists directly under the heading, as plain text.',
            type: 'array',
            items: { description: 'One list item, markup removed.', type: 'string' },
          },
        },
      },
    },
    wordCount: {
      description: 'Words in the body; front matter and "Back to top" links are not counted.',
      type: 'integer',
      minimum: 0,
    },
    source: {
      description: "The memo's path as given on the command line (or the stdin file name).",
      type: 'string',
    },
  },
} as const;
