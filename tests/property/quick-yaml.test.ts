// The front-matter fast path (src/memo/quick-yaml.ts) must give what the `yaml` package gives
// (data, and each key's position), or decline. Checked on every real memo, the bench corpus and
// generated front matter.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { isMap, isScalar, parseDocument } from 'yaml';
import { quickFrontMatter } from '../../src/memo/quick-yaml.js';
import { CORPUS, frontMatter, fuzzParameters, fuzzTimeout, withCrlf, withMixedEol } from './arbitraries.js';

/** The YAML between the fences, as remark-frontmatter hands it over (inner line endings as written). */
function yamlOf(text: string): string | undefined {
  return /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(text.replace(/^\uFEFF/, ''))?.[1];
}

/** Compare with `yaml`; returns whether the fast path accepted the text. */
function agreesWithYaml(raw: string): boolean {
  const quick = quickFrontMatter(raw);
  if (quick === undefined) return false;
  const document = parseDocument(raw, { uniqueKeys: true });
  expect(document.errors).toEqual([]);
  expect(document.toJS()).toEqual(quick.data);
  expect(isMap(document.contents)).toBe(true);
  const keys = isMap(document.contents)
    ? document.contents.items.map((pair) => {
        const key = pair.key;
        if (!isScalar(key) || !key.range) throw new Error('unexpected key');
        // The value itself, not String(value): a `null` or `true` key is not the string key the fast path gives.
        return { key: key.value, offset: key.range[0], end: key.range[1] };
      })
    : [];
  expect(keys).toEqual(quick.keys.map(({ key, offset }) => ({ key, offset, end: offset + key.length })));
  return true;
}

/** agreesWithYaml on the YAML as it is, with CRLF line endings, and with LF and CRLF mixed both ways round. */
function agreesInEveryEol(raw: string): { lf: boolean; crlf: boolean; mixed: boolean } {
  const lf = agreesWithYaml(raw);
  const crlf = agreesWithYaml(withCrlf(raw));
  const mixed = agreesWithYaml(withMixedEol(raw, 0));
  return { lf, crlf, mixed: agreesWithYaml(withMixedEol(raw, 1)) && mixed };
}

const plainValue = fc.oneof(
  fc.constantFrom(
    'rapid-response',
    '2019-12-31',
    'Backlash to U.S. Strikes',
    'Policy Team',
    'true',
    'null',
    '~',
    'yes',
    '12',
    '1.5',
    '-1',
    '.inf',
    '0x1F',
    '2019-1-5',
    '20191231',
    'a: b',
    'a #b',
    'a#b',
    'x:',
    '[a, b]',
    '[]',
    '[true, x]',
    '[1, 2]',
    '[a,b]',
    '{a: 1}',
    '"quoted: yes"',
    "'single'",
    "'it''s'",
    '"esc\\"aped"',
    '&anchor x',
    '*alias',
    '!tag x',
    '| block',
    '> folded',
    '@at',
    '`tick`',
    '%pct',
    'café — “x”',
    'a  b',
    'a ',
    ' a',
    '',
  ),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);
/** Keys memos use (mostly), and keys YAML reads as something other than that string: null, booleans, numbers. */
const KEYS = ['type', 'title', 'date', 'author', 'tags', 'summary', 'x_y', 'a-b', 'Type', '1a', '_x', 'yes', 'nULL', 'tRUE', 'null_x'];
const NOT_STRING_KEYS = ['null', 'Null', 'NULL', '~', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', '12', '1.5', '.inf', '0x1F'];
const frontMatterKey = fc.oneof(
  { arbitrary: fc.constantFrom(...KEYS), weight: 5 },
  { arbitrary: fc.constantFrom(...NOT_STRING_KEYS), weight: 1 },
);
const simpleFrontMatter = fc
  .array(fc.tuple(frontMatterKey, plainValue), { minLength: 1, maxLength: 7 })
  .map((pairs) => pairs.map(([key, value]) => `${key}: ${value}`).join('\n'));

describe('quickFrontMatter gives what yaml gives, or declines', () => {
  it('on every memo in examples/ and tests/fixtures/, with LF, CRLF and mixed line endings', () => {
    const accepted = CORPUS.filter(({ text }) => {
      const raw = yamlOf(text);
      return raw !== undefined && Object.values(agreesInEveryEol(raw)).every(Boolean);
    }).map(({ name }) => name);
    expect(accepted).toContain('examples/2019-12-31-backlash-to-us-strikes.md');
  });

  it('on the bench corpus: every front matter is accepted and identical', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'memokit-quick-yaml-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const { generateCorpus } = (await import('../../bench/generate.mjs')) as {
      generateCorpus: (options: { memos: number; out: string }) => { files: string[] };
    };
    const { files } = generateCorpus({ memos: 200, out: dir });
    for (const file of files) {
      const raw = yamlOf(readFileSync(join(dir, file), 'utf8')) ?? '';
      expect(agreesInEveryEol(raw), file).toEqual({ lf: true, crlf: true, mixed: true });
      // As the Markdown fast path hands it over from a CRLF memo.
      expect(yamlOf(withCrlf(`---\n${raw}\n---\n`))).toBe(withCrlf(raw));
    }
  });

  it('declines keys YAML does not read as that string, takes the ones it does', () => {
    for (const key of NOT_STRING_KEYS) {
      expect(quickFrontMatter(`title: x\n${key}: value`), key).toBeUndefined();
    }
    for (const key of ['yes', 'no', 'on', 'off', 'nULL', 'tRUE', 'null_x', 'truex', 'Nan', 'inf']) {
      expect(agreesWithYaml(`title: x\n${key}: value`), key).toBe(true);
    }
  });

  it('declines a lone CR (a line ending to YAML, never in what the Markdown fast path hands over)', () => {
    for (const raw of ['title: x\r', 'title: x\rdate: 2019-12-31', 'title: x\r\rdate: y', 'title: "a\rb"', 'title: x\r\n\r']) {
      expect(quickFrontMatter(raw), JSON.stringify(raw)).toBeUndefined();
    }
  });

  it(
    'on generated front matter, with LF, CRLF and mixed line endings',
    () => {
      const taken = { lf: 0, crlf: 0, mixed: 0 };
      let runs = 0;
      fc.assert(
        fc.property(
          fc.oneof(
            simpleFrontMatter,
            frontMatter.map((text) => yamlOf(`${text}\n`) ?? ''),
          ),
          (raw) => {
            runs++;
            const accepted = agreesInEveryEol(raw);
            for (const eol of ['lf', 'crlf', 'mixed'] as const) if (accepted[eol]) taken[eol]++;
          },
        ),
        { ...fuzzParameters(), numRuns: Math.max(500, fuzzParameters().numRuns ?? 0) },
      );
      expect(taken.lf / runs).toBeGreaterThan(0.05);
      // Line endings never cost the fast path a front matter (many of these are one line, so a bare rate would not show it).
      expect(taken, JSON.stringify({ ...taken, runs })).toEqual({ lf: taken.lf, crlf: taken.lf, mixed: taken.lf });
    },
    fuzzTimeout(20),
  );
});
