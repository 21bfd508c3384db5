#!/usr/bin/env node
// bench/parse-floor.mjs: the parse floor. Reads every *.md file under DIR and parses it with
// the same unified processor memokit builds its Memo from (remark-parse + remark-frontmatter +
// remark-gfm), one file after another, in one process and one thread. No rules, no output
// beyond one summary line. A remark-based `memo lint` cannot do less work per file than this
// (unless it skips files, e.g. with a cache, or spreads the parsing over worker threads).
//
//   node bench/parse-floor.mjs DIR [--plain]     (--plain: remark-parse alone, no plugins)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const args = process.argv.slice(2);
const plain = args.includes('--plain');
const dir = args.find((arg) => !arg.startsWith('--'));
if (!dir) {
  process.stderr.write('usage: node bench/parse-floor.mjs DIR [--plain]\n');
  process.exit(2);
}

const processor = plain
  ? unified().use(remarkParse).freeze()
  : unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();

/** Every *.md under `folder`, skipping dot folders (.git) and node_modules, in a stable order. */
function* markdownFiles(folder) {
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* markdownFiles(path);
    else if (entry.isFile() && entry.name.endsWith('.md')) yield path;
  }
}

let files = 0;
let nodes = 0;
for (const file of markdownFiles(dir)) {
  const tree = processor.parse(readFileSync(file, 'utf8'));
  files++;
  nodes += tree.children.length;
}
process.stdout.write(`parsed ${files} files (${nodes} top-level nodes)\n`);
