// Write N small valid memos (and every `flawEvery`-th with its events out of order) for tests
// that need a folder large enough to use worker threads.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLE } from './cli.js';

export function writeCorpus(dir: string, count: number, flawEvery = 10): string[] {
  const example = readFileSync(EXAMPLE, 'utf8');
  const flawed: string[] = [];
  for (let i = 0; i < count; i++) {
    const folder = join(dir, `set-${Math.floor(i / 50)}`);
    mkdirSync(folder, { recursive: true });
    let text = example
      .replace('title: Backlash to', `title: Backlash No. ${i}`)
      .replace('# Memo: Backlash to', `# Memo: Backlash No. ${i}`);
    const file = join(folder, `memo-${String(i).padStart(4, '0')}.md`);
    if (i % flawEvery === 0) {
      text = text.replace('**Dec. 27, 2019**', '**Dec. 30, 2019**');
      flawed.push(file);
    }
    writeFileSync(file, text);
  }
  return flawed;
}
