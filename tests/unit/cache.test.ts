import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LintCache } from '../../src/lint/cache.js';
import type { Finding } from '../../src/lint/types.js';
import { tempDir } from '../helpers/cli.js';

const finding = (message: string): Finding => ({
  ruleId: 'title',
  severity: 'error',
  message,
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 2,
});
const HASH = 'a'.repeat(40);

describe('LintCache file', () => {
  it('gives back what it kept, for any path and any findings text, in an ASCII-only file', async () => {
    const folder = tempDir();
    const file = join(folder, '.memocache');
    const paths = ['plain.md', 'sub/é “quoted” 😀.md', 'tab\there.md', 'new\nline.md', 'back\\slash "q".md', '../outside.md'];
    const cache = await LintCache.open(file, '1.0.0');
    expect(cache.isEmpty).toBe(true);
    paths.forEach((path, i) =>
      cache.set(
        join(folder, path),
        HASH,
        `settings-${i % 2}`,
        i === 0 ? [] : [finding(`${path} — “why” 😀`)],
        i % 3 === 0 ? `1:${i}:2:3` : undefined,
      ),
    );
    await cache.save();
    expect([...readFileSync(file)].every((byte) => byte < 0x80)).toBe(true);

    const again = await LintCache.open(file, '1.0.0');
    expect(again.isEmpty).toBe(false);
    paths.forEach((path, i) => {
      const expected = i === 0 ? [] : [finding(`${path} — “why” 😀`)];
      expect(again.get(join(folder, path), HASH, `settings-${i % 2}`), path).toEqual(expected);
      expect(again.get(join(folder, path), 'b'.repeat(40), `settings-${i % 2}`), path).toBeUndefined();
      expect(again.get(join(folder, path), HASH, `settings-${(i + 1) % 2}`), path).toBeUndefined();
      expect(again.getUnchanged(join(folder, path), `settings-${i % 2}`, `1:${i}:2:3`), path).toEqual(i % 3 === 0 ? expected : undefined);
    });
  });

  it('keeps untouched entries when saving, and starts over for another version or a damaged header', async () => {
    const folder = tempDir();
    const file = join(folder, '.memocache');
    const first = await LintCache.open(file, '1.0.0');
    first.set(join(folder, 'a.md'), HASH, 's', [finding('a')], undefined);
    first.set(join(folder, 'b.md'), HASH, 's', [], undefined);
    await first.save();
    const second = await LintCache.open(file, '1.0.0');
    second.set(join(folder, 'c.md'), HASH, 't', [], undefined);
    await second.save();
    const third = await LintCache.open(file, '1.0.0');
    expect(['a.md', 'b.md'].map((name) => third.get(join(folder, name), HASH, 's'))).toEqual([[finding('a')], []]);
    expect(third.get(join(folder, 'c.md'), HASH, 't')).toEqual([]);

    expect((await LintCache.open(file, '2.0.0')).isEmpty).toBe(true);
    writeFileSync(file, `# ${readFileSync(file, 'latin1')}`);
    expect((await LintCache.open(file, '1.0.0')).isEmpty).toBe(true);
  });

  it('loses only the damaged lines of a damaged file', async () => {
    const folder = tempDir();
    const file = join(folder, '.memocache');
    const cache = await LintCache.open(file, '1.0.0');
    for (const name of ['a.md', 'b.md', 'c.md', 'd.md']) cache.set(join(folder, name), HASH, 's', [finding(name)], undefined);
    await cache.save();
    const lines = readFileSync(file, 'latin1').split('\n');
    const damaged = lines.map((line) =>
      line.includes('"b.md"') ? line.slice(0, -5) : line.includes('"c.md"') ? line.replace('\t0\t', '\t7\t') : line,
    );
    writeFileSync(file, `${damaged.join('\n')}F\t"trunc`);
    const read = await LintCache.open(file, '1.0.0');
    expect(['a.md', 'b.md', 'c.md', 'd.md'].map((name) => read.get(join(folder, name), HASH, 's')?.[0]?.message)).toEqual([
      'a.md',
      undefined,
      undefined,
      'd.md',
    ]);
  });

  it('answers from the lines as read only for exact stat data or hash, and four fields', async () => {
    const folder = tempDir();
    const file = join(folder, '.memocache');
    const cache = await LintCache.open(file, '1.0.0');
    for (const name of ['a.md', 'b.md', 'c.md']) cache.set(join(folder, name), HASH, 's', [finding(name)], '1:2:3:45');
    await cache.save();
    const lines = readFileSync(file, 'latin1').split('\n');
    // c.md: a fifth field (a tab in the findings, which JSON.parse would take as white space) makes the line damaged.
    writeFileSync(file, lines.map((line) => (line.includes('"c.md"') ? line.replace('[{', '[\t{') : line)).join('\n'));
    const read = await LintCache.open(file, '1.0.0');
    const a = join(folder, 'a.md');
    expect(read.getUnchanged(a, 's', '1:2:3:45')).toEqual([finding('a.md')]);
    // A prefix or an extension of the stat data or the hash is not a match.
    expect(read.getUnchanged(a, 's', '1:2:3:4')).toBeUndefined();
    expect(read.getUnchanged(a, 's', '1:2:3:456')).toBeUndefined();
    expect(read.getUnchanged(a, 't', '1:2:3:45')).toBeUndefined();
    expect(read.get(a, HASH.slice(1), 's')).toBeUndefined();
    expect(read.get(a, `${HASH}0`, 's')).toBeUndefined();
    expect(read.getUnchanged(join(folder, 'c.md'), 's', '1:2:3:45')).toBeUndefined();
    expect(read.get(join(folder, 'c.md'), HASH, 's')).toBeUndefined();
    // This run's own entries answer before the lines read.
    read.set(join(folder, 'b.md'), 'b'.repeat(40), 's', [], '9:9:9:9');
    expect(read.getUnchanged(join(folder, 'b.md'), 's', '1:2:3:45')).toBeUndefined();
    expect(read.getUnchanged(join(folder, 'b.md'), 's', '9:9:9:9')).toEqual([]);
    expect(read.get(join(folder, 'b.md'), HASH, 's')).toBeUndefined();
  });
});
