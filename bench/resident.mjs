#!/usr/bin/env node
// bench/resident.mjs: `npm run bench:resident -- [--saves 200] [--preview-saves 50] [--memory-saves 2000]`
// (also the last step of `npm run bench`).
//
// The resident commands of #19 against cold runs of the same memo, in the same run:
//   - `memo lint --watch`: file saved → its status line printed, over --saves saves of the 5 KB
//     example memo (alternately write-then-rename and in place); p50/p95 against a cold
//     `memo lint` of that file (target: p95 ≤ 1/10 of the cold median);
//   - `memo preview`: file saved → the open page's DOM shows the new text in Chromium, over
//     --preview-saves saves (target: p95 ≤ 1/2 of a cold `memo export --to html` median);
//   - memory: the resident process's RSS after --memory-saves more saves, against its RSS once
//     warm (after the timed saves): growth < 20 MB, for each command.
// Each save changes one word of the lede, so every save is a real change with new output.
// Prints a Markdown table and writes bench/out/resident.md and resident.json.
/* global document, MutationObserver -- used in functions playwright runs in the page */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MEMO = join(ROOT, 'bin', 'memo.js');
const EXAMPLE = join(ROOT, 'examples', '2019-12-31-backlash-to-us-strikes.md');
const OUT = join(ROOT, 'bench', 'out');
const CHROMIUM = '/usr/bin/chromium';

const args = process.argv.slice(2);
function option(name, fallback) {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(args[at + 1]);
}
const SAVES = option('saves', 200);
const PREVIEW_SAVES = option('preview-saves', 50);
const MEMORY_SAVES = option('memory-saves', 2000);
const COLD_RUNS = option('cold-runs', 15);

const log = (message) => process.stderr.write(`bench: ${message}\n`);
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
const now = () => Number(process.hrtime.bigint()) / 1e6;

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const dir = mkdtempSync(join(tmpdir(), 'memokit-resident-bench-'));
writeFileSync(join(dir, '.memorc.yaml'), 'root: true\n');
const FILE = join(dir, 'memo.md');
const TEXT = readFileSync(EXAMPLE, 'utf8');
writeFileSync(FILE, TEXT);
let saveNumber = 0;

/** Save the memo with a new word in its lede, alternately by rename and in place; returns the word. */
function save() {
  saveNumber++;
  const word = `Save${saveNumber}x`;
  const text = TEXT.replace('This morning,', `${word} This morning,`);
  if (saveNumber % 2 === 0) {
    writeFileSync(`${FILE}.tmp`, text);
    renameSync(`${FILE}.tmp`, FILE);
  } else {
    writeFileSync(FILE, text);
  }
  return word;
}

function cold(commandArgs) {
  const times = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const start = now();
    const result = spawnSync(process.execPath, [MEMO, ...commandArgs], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    times.push(now() - start);
    if (result.status !== 0) throw new Error(`memo ${commandArgs.join(' ')} exited ${result.status}: ${result.stderr}`);
  }
  return percentile(times, 50);
}

function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
}

// MEMOKIT_BENCH_NODE_FLAGS: flags for the resident process's node (`--max-old-space-size=48`
// tells a leak, which then runs out of memory, from garbage V8 has not yet collected).
const NODE_FLAGS = (process.env.MEMOKIT_BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);

function start(commandArgs) {
  const child = spawn(process.execPath, [...NODE_FLAGS, MEMO, ...commandArgs], {
    cwd: dir,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const state = { stdout: '', stderr: '', lines: 0 };
  child.stdout.setEncoding('utf8').on('data', (chunk) => (state.stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk) => {
    state.stderr += chunk;
    state.lines += (chunk.match(/^\[\d\d:\d\d:\d\d\] /gm) ?? []).length;
  });
  const guard = setTimeout(() => child.kill('SIGKILL'), 30 * 60_000);
  guard.unref();
  return { child, state };
}

async function until(check, timeoutMs = 20_000) {
  const begin = Date.now();
  while (!check()) {
    if (Date.now() - begin > timeoutMs) throw new Error('timed out');
    await new Promise((done) => setImmediate(done));
  }
}

async function stop(child) {
  const exited = new Promise((done) => child.on('exit', (code) => done(code)));
  child.kill('SIGINT');
  return exited;
}

// ---------------------------------------------------------------------------------------------

log(`cold runs (${COLD_RUNS} each) of memo lint and memo export --to html on a ${TEXT.length}-byte memo`);
const coldLint = cold(['lint', FILE]);
const coldExport = cold(['export', FILE, '--to', 'html']);

log(`memo lint --watch: ${SAVES} timed saves, then ${MEMORY_SAVES} for memory`);
const watch = start(['lint', '--watch', FILE]);
await until(() => watch.state.stderr.includes('watching'));
const watchTimes = [];
for (let i = 0; i < SAVES; i++) {
  const seen = watch.state.lines;
  const begin = now();
  save();
  await until(() => watch.state.lines > seen);
  watchTimes.push(now() - begin);
  // A writer saves seconds apart; a short pause keeps saves from merging into one batch.
  await sleep(5);
}
const watchWarm = rssMb(watch.child.pid);
const watchSamples = [watchWarm];
for (let i = 0; i < MEMORY_SAVES; i++) {
  const seen = watch.state.lines;
  save();
  await until(() => watch.state.lines > seen);
  await sleep(2);
  if ((i + 1) % 250 === 0) watchSamples.push(rssMb(watch.child.pid));
}
const watchEnd = rssMb(watch.child.pid);
const watchExit = await stop(watch.child);

let previewTimes = [];
let previewWarm = NaN;
let previewEnd = NaN;
let previewExit = 'n/a';
const previewSamples = [];
if (existsSync(CHROMIUM)) {
  log(`memo preview: ${PREVIEW_SAVES} timed saves in Chromium, then ${MEMORY_SAVES} for memory`);
  const preview = start(['preview', dir]);
  await until(() => preview.state.stdout.includes('\n'));
  const url = preview.state.stdout.split('\n')[0];
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const page = await browser.newPage();
  await page.goto(`${url}memo/memo.md`, { waitUntil: 'load' });
  await page.waitForFunction(() => document.getElementById('preview-status')?.textContent === 'live');
  // The page itself notes when its DOM first shows the word (a MutationObserver, wall clock), so
  // no polling interval is added to the figure.
  const observe = (word) =>
    page.evaluate(
      (w) =>
        new Promise((done) => {
          const root = document.getElementById('preview');
          const check = () => document.querySelector('article.memo')?.textContent?.includes(w);
          if (check()) return done(Date.now());
          const observer = new MutationObserver(() => {
            if (check()) {
              observer.disconnect();
              done(Date.now());
            }
          });
          observer.observe(root, { childList: true, subtree: true, characterData: true });
        }),
      word,
    );
  const timedSave = async () => {
    const word = `Save${saveNumber + 1}x`;
    const seen = observe(word);
    // Let the observer be in place before the save.
    await page.evaluate(() => 0);
    const begin = Date.now();
    save();
    return (await seen) - begin;
  };
  for (let i = 0; i < PREVIEW_SAVES; i++) {
    previewTimes.push(await timedSave());
    await sleep(5);
  }
  previewWarm = rssMb(preview.child.pid);
  previewSamples.push(previewWarm);
  for (let i = 0; i < MEMORY_SAVES; i++) {
    await timedSave();
    await sleep(2);
    if ((i + 1) % 250 === 0) previewSamples.push(rssMb(preview.child.pid));
  }
  previewEnd = rssMb(preview.child.pid);
  await browser.close();
  previewExit = await stop(preview.child);
} else {
  log(`${CHROMIUM} missing: preview rows are n/a`);
}

log(`memo preview's server in-process: V8 heap after a full GC over ${MEMORY_SAVES} saves`);
const heapRun = spawnSync(process.execPath, ['--expose-gc', join(ROOT, 'bench', 'resident-heap.mjs'), String(MEMORY_SAVES)], {
  encoding: 'utf8',
});
const heapSamples = heapRun.status === 0 ? JSON.parse(heapRun.stdout).heapMb : [];
if (heapRun.status !== 0) log(`resident-heap.mjs failed: ${heapRun.stderr}`);

// ---------------------------------------------------------------------------------------------

const ms = (value) => (Number.isNaN(value) ? 'n/a' : `${value.toFixed(1)} ms`);
const mb = (value) => (Number.isNaN(value) ? 'n/a' : `${value.toFixed(1)} MB`);
const verdict = (ok) => (ok === undefined ? 'n/a' : ok ? 'PASS' : 'FAIL');
const w50 = percentile(watchTimes, 50);
const w95 = percentile(watchTimes, 95);
const p50 = percentile(previewTimes, 50);
const p95 = percentile(previewTimes, 95);
const hasPreview = previewTimes.length > 0;
const rows = [
  ['cold `memo lint memo.md` (median)', ms(coldLint), '', ''],
  ['cold `memo export memo.md --to html` (median)', ms(coldExport), '', ''],
  [
    `\`lint --watch\`: save → findings printed, p50 / p95 over ${SAVES} saves`,
    `${ms(w50)} / ${ms(w95)}`,
    `p95 = ${(w95 / coldLint).toFixed(3)} × cold lint (≤ 0.1)`,
    verdict(w95 <= coldLint / 10),
  ],
  [
    `\`preview\`: save → page DOM updated in Chromium, p50 / p95 over ${PREVIEW_SAVES} saves`,
    hasPreview ? `${ms(p50)} / ${ms(p95)}` : 'n/a',
    hasPreview ? `p95 = ${(p95 / coldExport).toFixed(3)} × cold export (≤ 0.5)` : '',
    verdict(hasPreview ? p95 <= coldExport / 2 : undefined),
  ],
  [
    `\`lint --watch\` RSS: warm → after ${MEMORY_SAVES} more saves`,
    `${mb(watchWarm)} → ${mb(watchEnd)}`,
    `+${mb(watchEnd - watchWarm)} (< 20 MB)`,
    verdict(watchEnd - watchWarm < 20),
  ],
  [
    `\`preview\` RSS: warm → after ${MEMORY_SAVES} more saves (page open)`,
    hasPreview ? `${mb(previewWarm)} → ${mb(previewEnd)}` : 'n/a',
    hasPreview ? `+${mb(previewEnd - previewWarm)} (< 20 MB)` : '',
    verdict(hasPreview ? previewEnd - previewWarm < 20 : undefined),
  ],
  [
    `RSS every 250 saves, lint --watch (MB)`,
    watchSamples.map((value) => value.toFixed(0)).join(' '),
    `second half: +${mb(watchEnd - (watchSamples[Math.floor(watchSamples.length / 2)] ?? NaN))}`,
    '',
  ],
  [
    `RSS every 250 saves, preview (MB)`,
    previewSamples.map((value) => value.toFixed(0)).join(' ') || 'n/a',
    hasPreview ? `second half: +${mb(previewEnd - (previewSamples[Math.floor(previewSamples.length / 2)] ?? NaN))}` : '',
    '',
  ],
  [
    `preview's server, V8 heap after full GC, start → every 250 saves (MB)`,
    heapSamples.map((value) => value.toFixed(1)).join(' ') || 'n/a',
    heapSamples.length > 0 ? `+${mb((heapSamples.at(-1) ?? NaN) - (heapSamples[0] ?? NaN))} (< 20 MB)` : '',
    verdict(heapSamples.length > 0 ? (heapSamples.at(-1) ?? NaN) - (heapSamples[0] ?? NaN) < 20 : undefined),
  ],
  [
    'exit code on SIGINT (lint --watch / preview)',
    `${watchExit} / ${previewExit}`,
    '0 / 0',
    verdict(watchExit === 0 && (previewExit === 0 || previewExit === 'n/a')),
  ],
];
const table = [
  `Resident commands (#19), ${new Date().toISOString().slice(0, 10)}; ${cpus().length} cores, load average ${loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')} at the end`,
  '',
  '| measure | value | target | |',
  '| --- | --- | --- | --- |',
  ...rows.map((row) => `| ${row.join(' | ')} |`),
  '',
].join('\n');
process.stdout.write(`${table}\n`);
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'resident.md'), table);
writeFileSync(
  join(OUT, 'resident.json'),
  `${JSON.stringify({ coldLint, coldExport, watchTimes, previewTimes, watchWarm, watchEnd, previewWarm, previewEnd, watchSamples, previewSamples, heapSamples, watchExit, previewExit }, null, 1)}\n`,
);
