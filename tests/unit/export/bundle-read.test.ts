// A bundle's memos may be parsed in worker threads and sent back by structured clone: a Memo must
// cross unchanged (plain data only), and bundle the same. And reading a bundle in this thread.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleFeed, bundleHtml, bundleText } from '../../../src/export/bundle.js';
import { readBundleMemos } from '../../../src/export/bundle-read.js';
import { parseMemo } from '../../../src/memo/parse.js';
import { loadMemoTypes } from '../../../src/templates/load.js';
import { EXAMPLE, FIXTURES, ROOT, tempDir } from '../../helpers/cli.js';

/** Every Markdown file under the fixtures and the examples. */
function markdownFiles(): string[] {
  return [FIXTURES, join(ROOT, 'examples')].flatMap((folder) =>
    readdirSync(folder, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.md'))
      .map((name) => join(folder, name)),
  );
}

describe('a Memo sent back from a worker thread', () => {
  const types = loadMemoTypes();
  const memos = markdownFiles().map((file) => parseMemo(readFileSync(file, 'utf8'), { path: relative(ROOT, file), types }));

  it('is plain data: a structured clone is strictly equal to it, for every fixture', () => {
    expect(memos.length).toBeGreaterThan(50);
    for (const memo of memos) expect(structuredClone(memo), memo.path).toStrictEqual(memo);
  });

  it('bundles to the same bytes as the memo it was cloned from', () => {
    const readable = memos.filter((memo) => memo.problems.length === 0);
    const clones = readable.map((memo) => structuredClone(memo));
    expect(bundleHtml(clones, {})).toBe(bundleHtml(readable, {}));
    expect(bundleText(clones, { sort: 'input' })).toBe(bundleText(readable, { sort: 'input' }));
    expect(bundleFeed(clones, {})).toBe(bundleFeed(readable, {}));
  });
});

describe('readBundleMemos', () => {
  it('gives the memos named relative to the working folder, and each unreadable file with its error, in order', async () => {
    const cwd = tempDir();
    const example = readFileSync(EXAMPLE, 'utf8');
    const files = ['a.md', 'empty.md', 'b.md', 'bad-yaml.md'].map((name) => join(cwd, name));
    writeFileSync(files[0] as string, example);
    writeFileSync(files[1] as string, '');
    writeFileSync(files[2] as string, example.replace('title: Backlash to', 'title: Second'));
    writeFileSync(files[3] as string, '---\ntitle: "open\n---\n\n# Memo\n');

    const { memos, errors } = await readBundleMemos(files, cwd, {});
    expect(memos.map((memo) => [memo.path, memo.title?.slice(0, 10)])).toEqual([
      ['a.md', 'Backlash t'],
      ['b.md', 'Second U.S'],
    ]);
    expect(errors.map(({ file, error }) => [file, error.describe()])).toEqual([
      [files[1], `${files[1]}: file is empty`],
      [files[3], expect.stringMatching(/^bad-yaml\.md:2: Invalid YAML in front matter/)],
    ]);
  });
});
