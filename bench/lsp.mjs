#!/usr/bin/env node
// bench/lsp.mjs: `npm run bench:lsp -- [--edits 500] [--memory-edits 2000] [--runs 10] [--memo FILE] [--strict]`
//
// How fast `memo lsp` answers a change, against what it would cost to run `memo lint` on the
// memo instead. A real client (vscode-jsonrpc over the server's stdio, as an editor's) opens a
// memo and types into it: each edit inserts or deletes a word in the lede and waits for the
// diagnostics of that version, timed from sending didChange to receiving publishDiagnostics.
// Then 2,000 more edits, the server's resident set size read from /proc before and after.
//
// Targets: p95 of didChange → publishDiagnostics ≤ 1/20 of a cold `memo lint <memo>` (median of
// --runs); resident memory growth over the 2,000 edits < 20 MB. Prints a Markdown report and
// writes it to bench/out/lsp-last-run.md. Exit 0 when the run completed (targets PASS/FAIL
// are reported, not enforced, unless --strict); 1 with --strict and a failed target; 2 when
// the bench could not run.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MEMO = join(ROOT, 'bin', 'memo.js');
const OUT = join(ROOT, 'bench', 'out');

function usage(message) {
  if (message) process.stderr.write(`bench/lsp: ${message}\n`);
  process.stderr.write('usage: npm run bench:lsp -- [--edits 500] [--memory-edits 2000] [--runs 10] [--memo FILE] [--strict]\n');
  process.exit(2);
}

function parseArgs(argv) {
  const options = { edits: 500, memoryEdits: 2000, runs: 10, memo: undefined, strict: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    const value = () => inline ?? argv[++i] ?? usage(`${flag} needs a value`);
    const whole = () => {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1) usage(`${flag} must be a whole number, 1 or more`);
      return n;
    };
    if (flag === '--edits') options.edits = whole();
    else if (flag === '--memory-edits') options.memoryEdits = whole();
    else if (flag === '--runs') options.runs = whole();
    else if (flag === '--memo') options.memo = resolve(value());
    else if (flag === '--strict') options.strict = true;
    else if (flag === '-h' || flag === '--help') usage();
    else usage(`unknown option ${flag}`);
  }
  return options;
}

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};
const ms = (value) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));

/** Resident set size of a process, in MB (Linux). */
function rssMb(pid) {
  const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

/** Cold `memo lint <memo> --format json`: a process per run, as a writer's terminal or an editor's save hook would. */
function coldLint(file, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [MEMO, 'lint', file, '--format', 'json'], { encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (result.status !== 0 && result.status !== 1) throw new Error(`memo lint exited ${result.status}: ${result.stderr}`);
  }
  return times;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const loadBefore = loadavg();
  // The memo in a folder of its own with a root config, so no config around the checkout applies.
  const dir = mkdtempSync(join(tmpdir(), 'memokit-lsp-bench-'));
  const file = join(dir, 'memo.md');
  if (options.memo) {
    copyFileSync(options.memo, file);
  } else {
    // The example memo with two findings, as a memo being written has: a TK marker, no "Back to top".
    const example = readFileSync(join(ROOT, 'examples', '2019-12-31-backlash-to-us-strikes.md'), 'utf8');
    writeFileSync(
      file,
      example.replace('## Sequence of Events', 'TK: one more takeaway.\n\n## Sequence of Events').replace('\n[Back to top](#top)\n', ''),
    );
  }
  writeFileSync(join(dir, '.memorc.yaml'), 'root: true\n');
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const ledeLine = lines.findIndex((line, index) => index > 0 && line.trim() !== '' && !/^(?:---|#|\w+:)/.test(line));
  if (ledeLine < 0) usage('the memo has no lede line to type into');

  const lintTimes = coldLint(file, options.runs);
  const lintMedian = quantile(lintTimes, 0.5);

  const child = spawn(process.execPath, [MEMO, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map();
  let lastDiagnostics = [];
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    lastDiagnostics = params.diagnostics;
    waiting.get(params.version)?.(process.hrtime.bigint());
    waiting.delete(params.version);
  });
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {} });
  await connection.sendNotification('initialized', {});
  const uri = pathToFileURL(file).href;
  let version = 1;
  const published = (v) => new Promise((resolveVersion) => waiting.set(v, resolveVersion));
  const opened = published(1);
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
  await opened;
  const baseline = lastDiagnostics.length;

  // One edit: insert "lorem " at the start of the lede, or delete it again; the text alternates.
  let inserted = false;
  async function edit() {
    version++;
    const at = { line: ledeLine, character: 0 };
    const change = inserted
      ? { range: { start: at, end: { line: ledeLine, character: 6 } }, text: '' }
      : { range: { start: at, end: at }, text: 'lorem ' };
    inserted = !inserted;
    const done = published(version);
    const start = process.hrtime.bigint();
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    return Number((await done) - start) / 1e6;
  }

  for (let i = 0; i < 50; i++) await edit(); // warm-up: the JIT, the caches
  const latencies = [];
  for (let i = 0; i < options.edits; i++) latencies.push(await edit());
  if (lastDiagnostics.length !== baseline) throw new Error(`findings changed while typing: ${baseline} → ${lastDiagnostics.length}`);

  const rssStart = rssMb(child.pid);
  let rssPeak = rssStart;
  for (let i = 0; i < options.memoryEdits; i++) {
    await edit();
    if (i % 100 === 99) rssPeak = Math.max(rssPeak, rssMb(child.pid));
  }
  const rssEnd = rssMb(child.pid);
  rssPeak = Math.max(rssPeak, rssEnd);

  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  const exitCode = await new Promise((resolveExit) =>
    child.exitCode !== null ? resolveExit(child.exitCode) : child.on('exit', resolveExit),
  );
  connection.dispose();
  rmSync(dir, { recursive: true, force: true });

  const p50 = quantile(latencies, 0.5);
  const p95 = quantile(latencies, 0.95);
  const p99 = quantile(latencies, 0.99);
  const max = Math.max(...latencies);
  const growth = rssEnd - rssStart;
  const loadAfter = loadavg();
  const targets = [
    [
      `didChange → publishDiagnostics p95 ≤ 1/20 of a cold memo lint (${ms(lintMedian / 20)} ms)`,
      `${ms(p95)} ms (1/${(lintMedian / p95).toFixed(0)})`,
      p95 <= lintMedian / 20,
    ],
    [`resident memory growth over ${options.memoryEdits} edits < 20 MB`, `${growth.toFixed(1)} MB`, growth < 20],
    ['the server exits 0 after shutdown + exit', String(exitCode), exitCode === 0],
  ];
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  const report = [
    '# memo lsp bench',
    '',
    `- When: ${new Date(started).toISOString()}; took ${((Date.now() - started) / 1000).toFixed(0)} s`,
    `- Command: \`npm run bench:lsp -- --edits ${options.edits} --memory-edits ${options.memoryEdits} --runs ${options.runs}${options.memo ? ` --memo ${options.memo}` : ''}\``,
    `- Machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB; load average ${loadBefore[0].toFixed(2)} before, ${loadAfter[0].toFixed(2)} after`,
    `- Node ${process.version}; memokit ${commit}; memo: ${options.memo ? options.memo.replace(`${ROOT}/`, '') : 'the example memo with a TK marker and no "Back to top"'} (${Buffer.byteLength(text)} bytes, ${baseline} finding(s))`,
    '',
    '| measure | value |',
    '| --- | ---: |',
    `| cold \`memo lint <memo> --format json\`, median of ${options.runs} | ${ms(lintMedian)} ms |`,
    `| didChange → publishDiagnostics, ${options.edits} edits: p50 | ${ms(p50)} ms |`,
    `| … p95 | ${ms(p95)} ms |`,
    `| … p99 | ${ms(p99)} ms |`,
    `| … max | ${ms(max)} ms |`,
    `| server RSS before / after ${options.memoryEdits} more edits (peak) | ${rssStart.toFixed(1)} / ${rssEnd.toFixed(1)} MB (${rssPeak.toFixed(1)}) |`,
    '',
    '| target | measured | |',
    '| --- | --- | --- |',
    ...targets.map(([name, value, pass]) => `| ${name} | ${value} | ${pass ? 'PASS' : 'FAIL'} |`),
    '',
  ].join('\n');
  process.stdout.write(report);
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'lsp-last-run.md'), report);
  writeFileSync(join(OUT, 'lsp-last-run.json'), JSON.stringify({ lintTimes, latencies, rssStart, rssEnd, rssPeak }, null, 1));
  return options.strict && targets.some(([, , pass]) => !pass) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`bench/lsp: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
