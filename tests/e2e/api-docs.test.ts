// docs/api.md is a test (like the rule pages): every ```js example there is run as a user would
// run it — an ES module importing 'memokit' by name (the package's self-reference resolves it to
// the built library) — from the repository's root, and must print exactly the ```text block after it.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const page = readFileSync(join(ROOT, 'docs', 'api.md'), 'utf8');

interface Example {
  section: string;
  code: string;
  expected: string;
}

/** The page's `## ` sections (a `## ` line inside a fenced block is the example's, not a heading). */
function sections(): { title: string; body: string }[] {
  const found: { title: string; lines: string[] }[] = [];
  let fenced = false;
  for (const line of page.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    if (!fenced && line.startsWith('## ')) found.push({ title: line.slice(3), lines: [] });
    else found.at(-1)?.lines.push(line);
  }
  return found.map(({ title, lines }) => ({ title, body: lines.join('\n') }));
}

/** Each section's ```js blocks, each with the ```text block right after it. */
function examples(): Example[] {
  return sections().flatMap(({ title, body }) =>
    [...body.matchAll(/```js\n([\s\S]*?)```\n\n```text\n([\s\S]*?)```/g)].map((match) => ({
      section: title,
      code: match[1] ?? '',
      expected: match[2] ?? '',
    })),
  );
}

const API = [
  'parseMemo',
  'lintText',
  'lintFiles',
  'applyFixes',
  'exportMemo',
  'bundleMemos',
  'importMemo',
  'loadConfig',
  'listTemplates',
  'scaffold',
];

describe('docs/api.md', () => {
  it('documents every function the package exports, each with an example', async () => {
    const library = (await import(join(ROOT, 'dist', 'lib', 'index.js'))) as Record<string, unknown>;
    const functions = Object.keys(library).filter((name) => name !== 'MemoError');
    expect(functions.sort()).toEqual([...API].sort());
    const sections = examples().map((example) => example.section.split('(')[0]);
    for (const name of API) expect(sections, `an example for ${name}()`).toContain(name);
    expect(sections).toContain('Errors');
  });

  for (const example of examples()) {
    it(`${example.section}: the example prints what the page says`, () => {
      const result = spawnSync(process.execPath, ['--input-type=module'], { input: example.code, cwd: ROOT, encoding: 'utf8' });
      expect(result.stderr).toBe('');
      expect(result.stdout).toBe(example.expected);
      expect(result.status).toBe(0);
    });
  }
});
