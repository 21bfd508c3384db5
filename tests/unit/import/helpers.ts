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
