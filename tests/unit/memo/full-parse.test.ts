// The full Markdown parser loads on first need: parseMemo reads a plain memo with the fast path
// alone, throws FullParserNeeded for one it declines until loadFullParser() ran, and
// parseMemoLoading loads it then. Front matter the fast path declines needs no loading (`yaml`
// is required synchronously). (The test setup loads the parser for every other test; this file
// starts afresh.)
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { EXAMPLE } from '../../helpers/cli.js';

const TABLE_MEMO = '---\ntype: statement\ntitle: T\ndate: 2020-01-01\n---\n\n# Statement: T\n\n| a | b |\n| - | - |\n| 1 | 2 |\n';
const ANCHORED_YAML = '---\ntype: &t statement\ntitle: T\ndate: 2020-01-01\nkind: *t\n---\n\n# Statement: T\n\nText.\n';

async function freshParse() {
  vi.resetModules();
  return import('../../../src/memo/parse.js');
}

describe('the full Markdown parser loads on first need', () => {
  it('a memo the fast path reads needs no full parser, nor does front matter it declines', async () => {
    const { parseMemo } = await freshParse();
    expect(parseMemo(readFileSync(EXAMPLE, 'utf8'), { path: 'x.md', gfm: false }).title).toMatch(/Backlash/);
    const anchored = parseMemo(ANCHORED_YAML, { path: 'x.md' });
    expect(anchored.frontMatter?.data).toMatchObject({ type: 'statement', kind: 'statement' });
  });

  it('a CRLF memo (as Windows editors save them) needs no full parser either, with or without GFM; a lone CR does', async () => {
    const { parseMemo, FullParserNeeded } = await freshParse();
    const crlf = readFileSync(EXAMPLE, 'utf8').replace(/\r?\n/g, '\r\n');
    for (const gfm of [false, true]) {
      const memo = parseMemo(crlf, { path: 'x.md', gfm });
      expect(memo.title).toMatch(/Backlash/);
      expect(memo.frontMatter?.data['date']).toBe('2019-12-31');
      expect(memo.sections.length).toBeGreaterThan(1);
    }
    expect(() => parseMemo(crlf.replace('\r\n\r\n# ', '\r\r\n# '), { path: 'x.md' })).toThrow(FullParserNeeded);
  });

  it('Markdown the fast path declines (a table): FullParserNeeded, then parseMemoLoading reads it', async () => {
    const { parseMemo, parseMemoLoading, FullParserNeeded } = await freshParse();
    expect(() => parseMemo(TABLE_MEMO, { path: 'x.md' })).toThrow(FullParserNeeded);
    const memo = await parseMemoLoading(TABLE_MEMO, { path: 'x.md' });
    expect(memo.title).toBe('T');
    expect(memo.tree.children.some((node) => node.type === 'table')).toBe(true);
    // Loaded once, for good.
    expect(parseMemo(TABLE_MEMO, { path: 'x.md' }).title).toBe('T');
  });
});
