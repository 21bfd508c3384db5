// Docs are tests (remark-lint's @example): every docs/rules/<id>.md page's failing examples
// must each yield exactly the findings the ```text block after it lists, its passing examples
// none, and its metadata lines must say what the rule's metadata says.
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { emptyConfig } from '../../src/config/config.js';
import { lintText } from '../../src/lint/engine.js';
import { rules, rulesById } from '../../src/lint/rules/index.js';
import { loadMemoTypes } from '../../src/templates/load.js';

const DOCS = fileURLToPath(new URL('../../docs/rules/', import.meta.url));
const types = loadMemoTypes();
const pages = readdirSync(DOCS)
  .filter((name) => name.endsWith('.md'))
  .sort()
  .map((name) => ({ id: basename(name, '.md'), text: readFileSync(join(DOCS, name), 'utf8') }));

interface Block {
  lang: string;
  body: string;
}

/** Fenced blocks of one `## Heading` part of a page, in order. */
export function blocksUnder(page: string, heading: string): Block[] {
  const lines = page.split('\n');
  const start = lines.findIndex((line) => line.trim() === `## ${heading}`);
  if (start === -1) return [];
  const blocks: Block[] = [];
  let current: { lang: string; lines: string[] } | undefined;
  for (const line of lines.slice(start + 1)) {
    if (!current && /^## /.test(line)) break;
    const fence = /^```(\w*)\s*$/.exec(line);
    if (fence && !current) current = { lang: fence[1] ?? '', lines: [] };
    else if (fence && current && fence[1] === '') {
      blocks.push({ lang: current.lang, body: current.lines.join('\n') + '\n' });
      current = undefined;
    } else current?.lines.push(line);
  }
  return blocks;
}

function findings(id: string, source: string): string[] {
  const result = lintText(source, { path: `docs/rules/${id}.md`, config: emptyConfig(), types, only: new Set([id]) });
  return result.messages.map((m) => `${m.line}:${m.column} ${m.message}`);
}

describe('rule docs', () => {
  it('has a page for every rule and a rule for every page', () => {
    expect(pages.map((page) => page.id).sort()).toEqual(rules.map((rule) => rule.id).sort());
  });

  for (const page of pages) {
    describe(page.id, () => {
      const rule = rulesById.get(page.id);

      it('states the rule metadata', () => {
        expect(rule, `no rule "${page.id}"`).toBeDefined();
        if (!rule) return;
        const lines = page.text.split('\n');
        expect(lines[0]).toBe(`# ${page.id}`);
        expect(lines.find((line, index) => index > 0 && line.trim() !== '')).toBe(rule.description);
        expect(page.text).toContain(`- Default severity: \`${rule.severity}\``);
        expect(page.text).toMatch(new RegExp(`^- Fixable: ${rule.fixable ? 'yes' : 'no'}\\b`, 'm'));
        const options = Object.keys((rule.optionsSchema?.['properties'] as Record<string, unknown> | undefined) ?? {});
        if (options.length === 0) expect(page.text).toContain('- Options: none');
        for (const option of options) expect(page.text).toContain(`| \`${option}\` |`);
      });

      it('fails each failing example with exactly the findings listed below it', () => {
        const blocks = blocksUnder(page.text, 'Fails');
        expect(blocks.length).toBeGreaterThan(0);
        expect(blocks.length % 2).toBe(0);
        for (let index = 0; index < blocks.length; index += 2) {
          const memo = blocks[index];
          const expected = blocks[index + 1];
          expect(memo?.lang).toBe('markdown');
          expect(expected?.lang).toBe('text');
          const listed = (expected?.body ?? '').split('\n').filter((line) => line.trim() !== '');
          expect(listed.length).toBeGreaterThan(0);
          expect(findings(page.id, memo?.body ?? ''), `example ${index / 2 + 1}`).toEqual(listed);
        }
      });

      it('passes each passing example', () => {
        const blocks = blocksUnder(page.text, 'Passes');
        expect(blocks.length).toBeGreaterThan(0);
        for (const [index, memo] of blocks.entries()) {
          expect(memo.lang).toBe('markdown');
          expect(findings(page.id, memo.body), `example ${index + 1}`).toEqual([]);
        }
      });
    });
  }
});
