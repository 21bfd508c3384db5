#!/usr/bin/env node
// bench/resident-heap.mjs (run by bench/resident.mjs, with node --expose-gc): memo preview's
// server in this process, one event-stream client, N saves of the example memo (each waited
// for until its update arrives); the V8 heap after a full garbage collection at the start and
// every 250 saves. What the process keeps, not what V8 has yet to collect: RSS alone rises while
// V8 lets its heap grow under allocation (bench/RESULTS.md, #19). Prints JSON on stdout.
import { mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SAVES = Number(process.argv[2] ?? 2000);
const { PreviewServer } = await import(join(ROOT, 'dist', 'serve', 'server.js'));
const dir = mkdtempSync(join(tmpdir(), 'memokit-resident-heap-'));
const text = readFileSync(join(ROOT, 'examples', '2019-12-31-backlash-to-us-strikes.md'), 'utf8');
writeFileSync(join(dir, '.memorc.yaml'), 'root: true\n');
writeFileSync(join(dir, 'memo.md'), text);
const server = await PreviewServer.start({ cwd: dir, inputs: ['.'] });
const port = new URL(server.url).port;
let updates = 0;
const stream = request({ host: '127.0.0.1', port, path: '/events?page=%2Fmemo%2Fmemo.md' }, (res) =>
  res.on('data', (chunk) => (updates += (String(chunk).match(/event: update/g) ?? []).length)),
);
stream.on('error', () => undefined);
stream.end();
await new Promise((done) => setTimeout(done, 200));
const heapMb = () => {
  globalThis.gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};
const samples = [heapMb()];
for (let i = 1; i <= SAVES; i++) {
  const before = updates;
  const next = text.replace('This morning,', `Save${i}x This morning,`);
  if (i % 2 === 0) {
    writeFileSync(join(dir, 'memo.md.tmp'), next);
    renameSync(join(dir, 'memo.md.tmp'), join(dir, 'memo.md'));
  } else {
    writeFileSync(join(dir, 'memo.md'), next);
  }
  while (updates === before) await new Promise((done) => setTimeout(done, 1));
  if (i % 250 === 0) samples.push(heapMb());
}
stream.destroy();
await server.close();
process.stdout.write(`${JSON.stringify({ saves: SAVES, heapMb: samples })}\n`);
