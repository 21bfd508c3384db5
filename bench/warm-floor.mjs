#!/usr/bin/env node
// bench/warm-floor.mjs: the warm floor. The least a warm `--cache` re-run that prints the
// json report has to do in Node, with no cache, config, rules or CLI around it: list every
// *.md file under DIR, look at each one (stat it; with --content, read it and hash it, as a
// fresh checkout gives no stat data to trust), read the flawed memos named in DIR/manifest.json
// and write a json-shaped report carrying their sources (escaped as JSON strings), one process,
// one thread. The manifest stands in for a cache (it names the files with findings); no cache
// is opened and no findings are written, so this is, if anything, less than the least. A Node
// `memo lint --cache` cannot finish faster than this on the same machine, so the bench prints it
// beside the warm rows: a target below this row cannot be met by tuning.
//
//   node bench/warm-floor.mjs DIR [--content]
import { hash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync, readdirSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const content = args.includes('--content');
const dir = args.find((arg) => !arg.startsWith('--'));
if (!dir) {
  process.stderr.write('usage: node bench/warm-floor.mjs DIR [--content]\n');
  process.exit(2);
}

/** Every *.md under `folder`, skipping dot folders and node_modules, in directory order (no sort: a floor). */
function markdownFiles(folder, out = []) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) markdownFiles(path, out);
    else if (entry.isFile() && entry.name.endsWith('.md')) out.push(path);
  }
  return out;
}

// One read buffer for every file (a new buffer per file costs page faults and collections).
let scratch = Buffer.allocUnsafe(1 << 16);
function read(file) {
  const fd = openSync(file, 'r');
  let length = 0;
  for (;;) {
    if (length === scratch.length) {
      const bigger = Buffer.allocUnsafe(scratch.length * 2);
      scratch.copy(bigger);
      scratch = bigger;
    }
    const got = readSync(fd, scratch, length, scratch.length - length, null);
    if (got === 0) break;
    length += got;
  }
  closeSync(fd);
  return scratch.subarray(0, length);
}

const root = dir.replace(/\/+$/, '') || '/';
const files = markdownFiles(root);
let looked = 0;
for (const file of files) {
  if (content) hash('sha1', read(file), 'hex');
  else statSync(file);
  looked++;
}

// The report: a short entry per file, and the escaped source of each flawed one (memokit's
// json format carries the source of every file with findings). Escaping byte by byte into one
// buffer was the fastest way measured; JSON.stringify of the decoded text took twice as long.
const flawed = new Set(JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')).flawed.map((f) => `${root}/${f.file}`));
// Sized up front, like memokit's writer: growing a report of megabytes by copying costs more.
let out = Buffer.allocUnsafe(files.length * 200 + flawed.size * 6000);
let o = 0;
const room = (bytes) => {
  if (o + bytes <= out.length) return;
  const bigger = Buffer.allocUnsafe(Math.max(out.length * 2, o + bytes));
  out.copy(bigger, 0, 0, o);
  out = bigger;
};
const ESCAPES = { 0x22: 0x22, 0x5c: 0x5c, 0x08: 0x62, 0x09: 0x74, 0x0a: 0x6e, 0x0c: 0x66, 0x0d: 0x72 };
out[o++] = 0x5b;
for (const [index, file] of files.entries()) {
  const head = `${index > 0 ? ',' : ''}{"filePath":${JSON.stringify(file)},"messages":[]`;
  room(head.length * 3 + 2);
  o += out.write(head, o);
  if (flawed.has(file)) {
    const bytes = read(file);
    room(bytes.length * 6 + 16);
    o += out.write(',"source":"', o, 'latin1');
    for (let i = 0; i < bytes.length; i++) {
      const byte = bytes[i];
      if (byte >= 0x20 && byte !== 0x22 && byte !== 0x5c) {
        out[o++] = byte;
      } else if (ESCAPES[byte] !== undefined) {
        out[o++] = 0x5c;
        out[o++] = ESCAPES[byte];
      } else {
        o += out.write(`\\u00${byte.toString(16).padStart(2, '0')}`, o, 'latin1');
      }
    }
    out[o++] = 0x22;
  }
  out[o++] = 0x7d;
}
room(2);
out[o++] = 0x5d;
out[o++] = 0x0a;
for (let written = 0; written < o;) written += writeSync(1, out, written, o - written);
process.stderr.write(`looked at ${looked} files (${content ? 'read and hashed' : 'stat'}), ${flawed.size} sources in the report\n`);
