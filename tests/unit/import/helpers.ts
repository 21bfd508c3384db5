// Shared by the import tests: fixtures, the built-in memo types, and parsing the output back.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseMemo } from '../../../src/memo/parse.js';
import type { Memo, Section } from '../../../src/memo/model.js';
import { loadMemoTypes } from '../../../src/templates/load.js';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const types = loadMemoTypes();

export function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../fixtures/import/${name}`, import.meta.url)), 'utf8');
}

export function parse(markdown: string): Memo {
  return parseMemo(markdown, { path: 'imported.md', types });
}

export function section(memo: Memo, heading: string): Section {
  const found = memo.sections.find((candidate) => candidate.heading.text === heading);
  if (!found) throw new Error(`no section "${heading}" in: ${memo.sections.map((s) => s.heading.text).join(', ')}`);
  return found;
}

/** A corpus file's sidecar (tests/fixtures/import/corpus/README.md): what its import must give. */
export interface Expect {
  shape?: string;
  title: string;
  date: string | null;
  type: string;
  author?: string;
  to?: string;
  cc?: string;
  tags?: string[];
  sections: string[];
  items?: Record<string, number>;
  events?: number;
  options?: { type?: string };
}

/**
 * What an import gave and what its sidecar wants, field by field, for a toEqual and a count of
 * fields right. Optional fields are compared only when the sidecar names them.
 */
export function corpusFields(memo: Memo, type: string, expected: Expect) {
  const top = memo.tree.children.findIndex((node) => node.type === 'heading' && node.depth === 2);
  const ledeItems = memo.tree.children
    .slice(0, top === -1 ? undefined : top)
    .reduce((count, node) => count + (node.type === 'list' ? node.children.length : 0), 0);
  const items: Record<string, number> = {};
  if (ledeItems > 0) items['(lede)'] = ledeItems;
  for (const section of memo.sections) if (section.items.length > 0) items[section.heading.text] = section.items.length;
  const actual = {
    title: memo.title,
    date: memo.date ?? null,
    type,
    sections: memo.sections.map((section) => section.heading.text),
    items,
    ...(expected.author !== undefined ? { author: memo.authors.join('; ') } : {}),
    ...(expected.to !== undefined ? { to: memo.frontMatter?.data['to'] } : {}),
    ...(expected.cc !== undefined ? { cc: memo.frontMatter?.data['cc'] } : {}),
    ...(expected.tags !== undefined ? { tags: memo.tags } : {}),
    ...(expected.events !== undefined ? { events: memo.events.filter((event) => event.date).length } : {}),
  };
  const want = {
    title: expected.title,
    date: expected.date,
    type: expected.type,
    sections: expected.sections,
    items: expected.items ?? {},
    ...(expected.author !== undefined ? { author: expected.author } : {}),
    ...(expected.to !== undefined ? { to: expected.to } : {}),
    ...(expected.cc !== undefined ? { cc: expected.cc } : {}),
    ...(expected.tags !== undefined ? { tags: expected.tags } : {}),
    ...(expected.events !== undefined ? { events: expected.events } : {}),
  };
  const fields = Object.keys(want) as (keyof typeof want)[];
  const right = fields.filter((key) => JSON.stringify(actual[key]) === JSON.stringify(want[key])).length;
  return { actual, want, fields: fields.length, right };
}
