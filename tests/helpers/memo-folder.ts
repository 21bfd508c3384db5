// Generators for end-to-end tests that kill runs at random moments (tests/e2e/interrupt.test.ts):
// a folder of distinct memos made from the example memo, each with one fixable problem (two
// events out of order), and a seeded PRNG so a failing trial can be replayed.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLE } from './cli.js';

const TITLE = 'Backlash to U.S. Strikes in Iraq Underscores Failure of Max Pressure';

/**
 * The example memo, renamed to `No. <n>` and, when `outOfOrder`, with its Dec. 27 and Dec. 29
 * events swapped: `memo lint --fix` puts them back (the fixed text is the renamed memo).
 */
export function numberedMemo(n: number, outOfOrder: boolean): string {
  const text = readFileSync(EXAMPLE, 'utf8').replaceAll(TITLE, `${TITLE} (No. ${n})`);
  if (!outOfOrder) return text;
  const lines = text.split('\n');
  const a = lines.findIndex((l) => l.startsWith('- **Dec. 27'));
  const b = lines.findIndex((l) => l.startsWith('- **Dec. 29'));
  [lines[a], lines[b]] = [lines[b] as string, lines[a] as string];
  return lines.join('\n');
}

/** Write `count` memos into `dir`, spread over four subfolders (`batch-0/memo-000.md` ...). Returns their sorted relative paths. */
export function writeMemoFolder(dir: string, count: number, options: { outOfOrder: boolean }): string[] {
  const paths: string[] = [];
  for (let n = 0; n < count; n++) {
    const path = `batch-${n % 4}/memo-${String(n).padStart(3, '0')}.md`;
    mkdirSync(join(dir, `batch-${n % 4}`), { recursive: true });
    writeFileSync(join(dir, path), numberedMemo(n, options.outOfOrder));
    paths.push(path);
  }
  return paths.sort();
}

/** Every file under `dir`, as sorted `/`-separated paths relative to it (hidden files included). */
export function listTree(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listTree(join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]))
    .sort();
}

/** mulberry32: a tiny seeded PRNG returning floats in [0, 1). */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
