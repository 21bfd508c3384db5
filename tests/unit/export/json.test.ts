// JSON export on real memo files: the example memo, the export-text fixtures, and the example
// in docs/json-export.md. Every export is validated against `memoJsonSchema` with the project's
// ajv (2020-12) validator.
//
// ajv-formats is not installed (node_modules/ajv-formats), so ajv does not check
// `format: "date"` here (it warns "unknown format" and ignores it). These tests rely on the
// schema's `pattern` for the date shape, and on the exporter for real calendar dates.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ValidateFunction } from 'ajv';
import { exportJson, MEMO_JSON_VERSION, type MemoJson } from '../../../src/export/json.js';
import { memoJsonSchema } from '../../../src/export/schema.js';
import { describeSchemaError, validator } from '../../../src/io/schema.js';
import type { Memo } from '../../../src/memo/model.js';
import { parseMemo } from '../../../src/memo/parse.js';
import { countWords } from '../../../src/memo/words.js';
import { loadMemoTypes } from '../../../src/templates/load.js';
import { EXAMPLE, ROOT } from '../../helpers/cli.js';

const FIXTURES = join(ROOT, 'tests', 'fixtures', 'export-text');
const DOC = join(ROOT, 'docs', 'json-export.md');

function parse(text: string, path: string): Memo {
  return parseMemo(text, { path, types: loadMemoTypes() });
}
const load = (file: string): Memo => parse(readFileSync(file, 'utf8'), file);
const fixture = (name: string): MemoJson => exportJson(load(join(FIXTURES, name)));

let validate: ValidateFunction;
const warnings: string[] = [];
beforeAll(() => {
  // Without ajv-formats, compiling warns once per `format: "date"`; keep the output clean but
  // make sure nothing else is said.
  const warn = vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void warnings.push(args.map(String).join(' ')));
  try {
    validate = validator(memoJsonSchema);
  } finally {
    warn.mockRestore();
  }
});
afterAll(() => {
  for (const warning of warnings) expect(warning).toMatch(/unknown format "date"/);
});

function expectValid(value: unknown, label: string): void {
  const ok = validate(value);
  expect(ok ? 'valid' : describeSchemaError(validate.errors), label).toBe('valid');
}

describe('exportJson: the example memo', () => {
  const json = exportJson(load(EXAMPLE));

  it('validates against memoJsonSchema', () => expectValid(json, 'example'));

  it('carries the front matter', () => {
    expect(json.version).toBe(MEMO_JSON_VERSION);
    expect(json.version).toBe(2);
    expect(json.type).toBe('rapid-response');
    expect(json.title).toBe('Backlash to U.S. Strikes in Iraq Underscores Failure of Max Pressure');
    expect(json.date).toBe('2019-12-31');
    expect(json.author).toBe('Policy Team');
    expect(json.tags).toEqual(['iraq', 'iran', 'maximum-pressure']);
    expect(json.summary).toBe(
      'Iraqi militiamen and protestors breached the U.S. Embassy walls in Baghdad after U.S. strikes on Kataib Hezbollah.',
    );
    expect(json.source).toBe(EXAMPLE);
  });

  it('has the two lede paragraphs joined by a blank line', () => {
    const paragraphs = (json.lede ?? '').split('\n\n');
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs[0]).toMatch(/^This morning, Iraqi militiamen .* across the Middle East\.$/);
    expect(paragraphs[1]).toBe('Below are key takeaways and background on this still-developing event:');
    expect(json.lede).not.toContain('Memo:');
  });

  it('has 7 takeaways, as plain text', () => {
    expect(json.takeaways).toHaveLength(7);
    expect(json.takeaways[0]).toMatch(/^The exchange of fire with Iraqi Shia militias/);
    expect(json.takeaways[6]).toMatch(/potentially triggering a global recession\.$/);
  });

  it('has 5 events with ISO dates, dates as written, and the text after the date', () => {
    expect(json.events).toHaveLength(5);
    expect(json.events.map((event) => event.date)).toEqual(['2019-12-27', '2019-12-29', '2019-12-31', '2019-12-31', '2019-12-31']);
    expect(json.events.map((event) => event.dateText)).toEqual([
      'Dec. 27, 2019',
      'Dec. 29, 2019',
      'Dec. 31, 2019',
      'Dec. 31, 2019',
      'Dec. 31, 2019',
    ]);
    expect(json.events[0]?.text).toBe(
      'An American contractor is killed in a missile attack on a U.S. military base in Iraq, ostensibly by the Kataib Hezbollah, a predominantly-Shia militia in Iraq. The group has denied involvement in the attack.',
    );
    for (const event of json.events) {
      expect(event.text).not.toMatch(/^(\*\*|Dec\.|—)/);
      expect(event.precision).toBe('day');
      expect('end' in event).toBe(false);
    }
  });

  it('lists the sections with ids, headings, text and items, without "Back to top"', () => {
    expect(json.sections.map((section) => [section.id, section.heading, section.items.length])).toEqual([
      ['key-takeaways', 'Key Takeaways', 7],
      ['sequence-of-events', 'Sequence of Events', 5],
    ]);
    expect(json.sections[0]?.items).toEqual(json.takeaways);
    expect(json.sections[1]?.items[0]).toMatch(/^Dec\. 27, 2019 — An American contractor/);
    expect(json.sections[1]?.text.split('\n')).toEqual(json.sections[1]?.items);
    expect(JSON.stringify(json)).not.toMatch(/back to top/i);
  });

  it('counts the words of the lede, the headings and the sections', () => {
    const counted =
      countWords(json.lede ?? '') + json.sections.reduce((sum, section) => sum + countWords(section.heading) + countWords(section.text), 0);
    expect(json.wordCount).toBe(counted);
    expect(json.wordCount).toBeGreaterThan(700);
  });

  it('survives JSON.stringify unchanged (no undefined values, no non-JSON types)', () => {
    expect(JSON.parse(JSON.stringify(json))).toStrictEqual(json);
  });
});

describe('exportJson: fixtures', () => {
  it.each(['markup.md', 'events.md', 'no-front-matter.md', 'statement.md'])('%s validates against memoJsonSchema', (name) => {
    expectValid(fixture(name), name);
  });

  it('keeps undated and unreadable dates as null, dates as written, a time as the minute', () => {
    const json = fixture('events.md');
    expect(json.events).toStrictEqual([
      {
        date: '2019-07-04',
        precision: 'day',
        dateText: 'July 4, 2019',
        text: 'British Royal Marines help detain the Grace 1 off Gibraltar.',
      },
      { date: '2019-07-10', precision: 'day', dateText: 'July 10', text: 'Iranian boats approach the British Heritage tanker.' },
      { date: '2019-07-19T16:20', precision: 'minute', dateText: 'July 19, 2019, 4:20 p.m. ET', text: 'The Stena Impero is seized.' },
      { date: null, precision: null, dateText: null, text: 'Officials say more details are expected in the coming days.' },
      { date: null, precision: null, dateText: 'Feb. 30, 2019', text: 'A date that does not exist, kept as written.' },
      { date: '2019-07-20', precision: 'day', dateText: '2019-07-20', text: "London summons Iran's chargé d'affaires." },
    ]);
    expect(json.takeaways).toHaveLength(3);
    expect(json.author).toBeNull();
    expect(json.summary).toBeNull();
    expect(json.tags).toEqual([]);
  });

  it('gives null for every absent field of a memo without front matter', () => {
    const json = fixture('no-front-matter.md');
    expect(json).toMatchObject({ type: null, title: null, date: null, author: null, summary: null, tags: [], takeaways: [], events: [] });
    // Line breaks inside a paragraph are spaces; markup and link URLs are gone.
    expect(json.lede).toBe('Crowds gathered outside the embassy for a second day, according to wire reports.');
    expect(json.sections).toStrictEqual([
      {
        id: 'what-we-know',
        heading: 'What We Know',
        text: 'Security forces cleared the compound by the evening.\n\nTear gas was used.\nNo Americans were hurt.',
        items: ['Tear gas was used.', 'No Americans were hurt.'],
      },
    ]);
    expect(json.source).toBe(join(FIXTURES, 'no-front-matter.md'));
  });

  it('reads comma-separated tags and a memo type without sections', () => {
    const json = fixture('statement.md');
    expect(json.type).toBe('statement');
    expect(json.tags).toEqual(['attack', 'embassy']);
    expect(json.lede).toBe(
      'We condemn the violence at the U.S. Embassy in Baghdad and call for calm on all sides. The safety of diplomats is not negotiable.',
    );
    expect(json.sections).toEqual([]);
    expect(json.takeaways).toEqual([]);
  });

  it('strips markup from takeaways and keeps nested list items on their own lines', () => {
    const json = fixture('markup.md');
    expect(json.takeaways).toEqual([
      'The snapback gambit isolates the U.S. from its European partners, who told the Security Council the move has no legal basis because the U.S. left the deal in 2018.',
      'Reactions so far:\nBritain, France and Germany issued a joint statement rejecting the move.\nRussia and China called it "legally void" and said so in writing.\nThe letter runs to four pages.',
      'Resolution 2231 matters because it is the legal basis of the deal; the full text is at https://www.un.org/securitycouncil/s/res/2231-%282015%29.',
    ]);
    expect(json.lede).toContain('\n\nMap of the region');
    expect(json.sections[1]?.text).toContain('\n\nWho voted how\n\nCountry | Vote | Source\nUnited States | Yes | record\n');
  });

  it('gives a memo without a lede a null lede, and a hard break a space', () => {
    const json = exportJson(
      parse(
        '---\ntype: rapid-response\ntitle: T\ndate: 2019-12-31\n---\n\n# Memo: T\n\n## Key Takeaways\n\n- One  \n  line.\n',
        'no-lede.md',
      ),
    );
    expect(json.lede).toBeNull();
    expect(json.takeaways).toEqual(['One line.']);
    expectValid(json, 'no-lede.md');
  });

  it('gives a front-matter date that is not a real date as null', () => {
    const json = exportJson(parse('---\ntype: statement\ntitle: T\ndate: 2019-02-30\n---\n\nText.\n', 'bad-date.md'));
    expect(json.date).toBeNull();
    expect(json.lede).toBe('Text.');
    expectValid(json, 'bad-date.md');
  });
});

describe('memoJsonSchema', () => {
  it('is a 2020-12 schema with an $id, a title and a description', () => {
    expect(memoJsonSchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(memoJsonSchema.$id).toMatch(/^[a-z][a-z0-9+.-]*:/);
    expect(memoJsonSchema.title).toBeTruthy();
    expect(memoJsonSchema.description).toBeTruthy();
  });

  it("describes every property, closes every object, and requires every field but an event's `end`", () => {
    const undescribed: string[] = [];
    const open: string[] = [];
    const walk = (schema: Record<string, unknown>, where: string): void => {
      if (typeof schema['description'] !== 'string' || schema['description'] === '') undescribed.push(where);
      const properties = schema['properties'] as Record<string, Record<string, unknown>> | undefined;
      if (properties) {
        if (schema['additionalProperties'] !== false) open.push(where);
        const required = schema['required'] as string[];
        expect([...required].sort(), where).toEqual(
          Object.keys(properties)
            .filter((key) => key !== 'end')
            .sort(),
        );
        for (const [key, value] of Object.entries(properties)) walk(value, `${where}/${key}`);
      }
      const items = schema['items'] as Record<string, unknown> | undefined;
      if (items) walk(items, `${where}/items`);
    };
    walk(memoJsonSchema, '#');
    expect(undescribed).toEqual([]);
    expect(open).toEqual([]);
  });

  it('has exactly the fields the exporter writes', () => {
    const json = fixture('events.md');
    expect(Object.keys(memoJsonSchema.properties)).toEqual(Object.keys(json));
    expect(Object.keys(memoJsonSchema.properties.sections.items.properties)).toEqual(Object.keys(json.sections[0] ?? {}));
    const eventKeys = new Set([...json.events, ...fixture('precisions.md').events].flatMap((event) => Object.keys(event)));
    expect(Object.keys(memoJsonSchema.properties.events.items.properties).sort()).toEqual([...eventKeys].sort());
  });

  it('declares the memo date as `format: "date"` with a pattern, and event dates by a pattern for each precision', () => {
    expect(existsSync(join(ROOT, 'node_modules', 'ajv-formats'))).toBe(false); // if this fails, format checks are on: extend these tests
    expect(memoJsonSchema.properties.date.format).toBe('date');
    expect(memoJsonSchema.properties.date.type).toEqual(['string', 'null']);
    expect(memoJsonSchema.properties.events.items.properties.date.type).toEqual(['string', 'null']);
    const good = fixture('events.md');
    const event = (date: string) => ({ date, precision: 'day', dateText: 'x', text: 'y' });
    for (const bad of ['Dec. 31, 2019', '2019-13-01', '2019-12-32', '2019-00-10', '19-12-31', '2019-12-31T00:00:00Z', '']) {
      expect(validate({ ...good, date: bad }), `date ${JSON.stringify(bad)}`).toBe(false);
      expect(validate({ ...good, events: [event(bad)] }), `event date ${JSON.stringify(bad)}`).toBe(false);
    }
    for (const bad of ['2019-13', '2019-12-31T24:00', '2019-12-31T9:40', '201', '2019-1']) {
      expect(validate({ ...good, events: [event(bad)] }), `event date ${JSON.stringify(bad)}`).toBe(false);
    }
    for (const fine of ['2015', '2018-05', '2019-12-27', '2020-01-03T09:40'])
      expect(validate({ ...good, events: [event(fine)] }), fine).toBe(true);
    expect(validate({ ...good, date: '2020-02-29' })).toBe(true);
  });

  it('gives every precision its ISO start, spans their end, and validates', () => {
    const json = fixture('precisions.md');
    expectValid(json, 'precisions.md');
    expect(json.events.map(({ date, end, precision, dateText }) => [dateText, date, end, precision])).toEqual([
      ['2015', '2015', undefined, 'year'],
      ['May 2018', '2018-05', undefined, 'month'],
      ['2019–2020', '2019', '2020', 'year'],
      ['Q1 2019', '2019-01', '2019-03', 'quarter'],
      ['Spring 2019', '2019-03', '2019-05', 'season'],
      ['winter 2019', '2019-12', '2020-02', 'season'],
      ['mid-June 2019', '2019-06', undefined, 'part-of-month'],
      ['July 10–12', '2019-07-10', '2019-07-12', 'day'],
      ['Friday, July 19, 2019, 4:20 p.m. ET', '2019-07-19T16:20', undefined, 'minute'],
      ['Dec. 30, 2019–Jan. 2, 2020', '2019-12-30', '2020-01-02', 'day'],
    ]);
    expect(json.events.map((event) => event.text)).toContain('The Stena Impero is seized.');
  });

  it('rejects unknown fields, missing fields, wrong types and another version', () => {
    const good = fixture('events.md');
    expectValid(good, 'events.md');
    const { lede: _lede, ...missing } = good;
    const cases: [string, unknown][] = [
      ['an unknown field', { ...good, extra: 1 }],
      ['a missing field', missing],
      ['version 1', { ...good, version: 1 }],
      ['tags not strings', { ...good, tags: [1] }],
      ['a number for author', { ...good, author: 7 }],
      ['a negative word count', { ...good, wordCount: -1 }],
      ['an event with an unknown field', { ...good, events: [{ date: null, precision: null, dateText: null, text: 'x', when: 'now' }] }],
      ['an event without text', { ...good, events: [{ date: null, precision: null, dateText: null }] }],
      ['an event without precision', { ...good, events: [{ date: '2019', dateText: '2019', text: 'x' }] }],
      ['an unknown precision', { ...good, events: [{ date: '2019', precision: 'decade', dateText: '2019', text: 'x' }] }],
      ['a section without items', { ...good, sections: [{ id: 'a', heading: 'A', text: '' }] }],
    ];
    for (const [label, value] of cases) expect(validate(value), label).toBe(false);
  });
});

describe('exportJson: authors', () => {
  const AUTHORS = join(ROOT, 'tests', 'fixtures', 'authors');
  const authorsOf = (name: string) => {
    const json = exportJson(load(join(AUTHORS, name)));
    expectValid(json, name);
    return { author: json.author, authors: json.authors };
  };

  it('keeps every person of a list (BOM, CRLF), `author` joining them with ", "', () => {
    expect(authorsOf('two-authors.md')).toEqual({ author: 'Dana Reyes, Omid Farahani', authors: ['Dana Reyes', 'Omid Farahani'] });
  });

  it('keeps names with commas whole in `authors`', () => {
    expect(authorsOf('block-list.md')).toEqual({
      author: 'Reyes, Dana, Omid Farahani, Policy Team, Acme Inc.',
      authors: ['Reyes, Dana', 'Omid Farahani', 'Policy Team, Acme Inc.'],
    });
  });

  it('makes one name a list of one, and none an empty list', () => {
    expect(authorsOf('one-author.md')).toEqual({ author: 'Policy Team', authors: ['Policy Team'] });
    expect(authorsOf('bad-author.md')).toEqual({ author: 'Dana Reyes', authors: ['Dana Reyes'] });
    expect(fixture('events.md')).toMatchObject({ author: null, authors: [] });
  });

  it('puts `authors` right after `author`, and the schema requires it', () => {
    const json = exportJson(load(join(AUTHORS, 'two-authors.md')));
    expect(Object.keys(json).slice(4, 7)).toEqual(['author', 'authors', 'tags']);
    const { authors: _, ...without } = json;
    expect(validate(without)).toBe(false);
    expect(validate({ ...json, authors: 'Dana Reyes' })).toBe(false);
    expect(validate({ ...json, authors: [''] })).toBe(false);
  });
});

describe('docs/json-export.md', () => {
  const doc = readFileSync(DOC, 'utf8');

  it('documents every field of the schema', () => {
    const fields = [
      ...Object.keys(memoJsonSchema.properties),
      ...Object.keys(memoJsonSchema.properties.events.items.properties),
      ...Object.keys(memoJsonSchema.properties.sections.items.properties),
    ];
    for (const field of fields) expect(doc, field).toMatch(new RegExp(`^\\| \`${field}\` \\|`, 'm'));
  });

  it('states the versioning policy', () => {
    expect(doc).toMatch(/additive/i);
    expect(doc).toMatch(/breaking change/i);
    expect(doc).toContain('`version`');
  });

  it('shows an example that is exactly what the exporter writes for its memo', () => {
    const markdown = /```markdown\n([\s\S]*?)```/.exec(doc)?.[1];
    const json = /```json\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(markdown).toBeTruthy();
    expect(json).toBeTruthy();
    const path = /This memo, at `([^`]+)`/.exec(doc)?.[1] ?? '';
    const exported = exportJson(parse(markdown ?? '', path));
    expect(JSON.parse(json ?? '')).toStrictEqual(JSON.parse(JSON.stringify(exported)));
    expectValid(exported, 'docs example');
  });
});
