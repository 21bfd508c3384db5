#!/usr/bin/env node
// bench/run.mjs: `npm run bench -- [--memos 10000] [--runs 3] [--pandoc-sample 300]`
//
// One run, one corpus, every tool: times `memo lint` (cold, and warm with --cache when the
// CLI has it) against markdownlint-cli2 (default rules), rumdl and the parse floor; `memo
// export --to html --out-dir` against pandoc run once per file (sampled, extrapolated) and
// pandoc run once over --pandoc-once files (one process, extrapolated); a single-file `memo
// lint` against `node -e 0`; and the scale curve (bench/scale.mjs): cold memo lint against
// rumdl at --sizes corpus sizes, with memokit's own phase times. Takes medians over --runs
// rounds (the tools take turns within each round, so a busy spell on a shared machine hits all
// of them), records each command's peak RSS with GNU time, checks that memo lint reports
// exactly the corpus's flawed memos with their expected rule ids, and prints a table of
// medians, ratios and the targets, also written to bench/out/last-run.md (and the raw numbers
// to last-run.json).
//
// Exit code: 0 when the run completed and memo lint's findings were exactly right (speed
// targets are reported PASS/FAIL, not enforced, unless --strict); 1 when findings were wrong
// (or, with --strict, a target failed); 2 when the bench could not run.
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_FLAWED_SHARE, DEFAULT_SEED, GENERATOR_VERSION, generateCorpus } from './generate.mjs';
import { curveSizes, scaleReport, scaleRound } from './scale.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = join(ROOT, 'bench');
const CORPUS = join(BENCH, 'corpus');
const OUT = join(BENCH, 'out');
const LOGS = join(OUT, 'logs');
// MEMOKIT_BENCH_MEMO: bench another memo launcher (a second checkout's bin/memo.js, say).
const MEMO = process.env.MEMOKIT_BENCH_MEMO ? resolve(process.env.MEMOKIT_BENCH_MEMO) : join(ROOT, 'bin', 'memo.js');
const SINGLE_RUNS = 10;
const RSS_LIMIT_MB = 300;
/** Warm `--cache` re-runs may take at most this many times their floor (bench/warm-floor.mjs). */
const WARM_FLOOR_LIMIT = 1.25;
/** A one-memo lint may take at most this many times `node -e 0`. */
const SINGLE_LIMIT = 2;
const started = process.hrtime.bigint();

// ---------------------------------------------------------------------------------------------
// Options

function usage(message) {
  if (message) process.stderr.write(`bench: ${message}\n`);
  process.stderr.write(
    'usage: npm run bench -- [--memos 10000] [--runs 3] [--sizes 100,500,2000,10000] [--pandoc-sample 300] [--seed S] [--strict]\n' +
      '  --memos N          corpus size (regenerated into bench/corpus/ when it differs)\n' +
      '  --sizes A,B,...    scale curve sizes, each at most --memos (default 100,500,2000,10000 up to --memos; none: no curve)\n' +
      '  --runs N           rounds; each command is timed once per round, medians reported\n' +
      '  --pandoc-sample N  files given to pandoc, split over the rounds, extrapolated to the corpus\n' +
      '  --pandoc-once N    files given to one pandoc process per round, extrapolated to the corpus (default 1000; 0: none)\n' +
      '  --seed S           corpus seed (default "memokit-bench")\n' +
      '  --strict           exit 1 when a target fails, not only when findings are wrong\n' +
      '  --documents N      memos exported to DOCX and to PDF in the documents rows (default 1000; 0: none)\n' +
      '  --documents-only   only the documents rows (DOCX, PDF), written to bench/out/documents.md\n',
  );
  process.exit(2);
}

function parseArgs(argv) {
  const options = {
    memos: 10000,
    runs: 3,
    pandocSample: 300,
    pandocOnce: 1000,
    seed: DEFAULT_SEED,
    strict: false,
    documents: 1000,
    documentsOnly: false,
  };
  let sizes;
  const whole = (flag, text, min) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < min) usage(`${flag} must be a whole number, ${min} or more`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    const value = () => inline ?? argv[++i] ?? usage(`${flag} needs a value`);
    if (flag === '--memos') options.memos = whole(flag, value(), 1);
    else if (flag === '--runs') options.runs = whole(flag, value(), 1);
    else if (flag === '--pandoc-sample') options.pandocSample = whole(flag, value(), 0);
    else if (flag === '--pandoc-once') options.pandocOnce = whole(flag, value(), 0);
    else if (flag === '--sizes') sizes = value();
    else if (flag === '--seed') options.seed = value();
    else if (flag === '--strict') options.strict = true;
    else if (flag === '--documents') options.documents = whole(flag, value(), 0);
    else if (flag === '--documents-only') options.documentsOnly = true;
    else if (flag === '-h' || flag === '--help') usage();
    else usage(`unknown option ${flag}`);
  }
  options.pandocSample = Math.min(options.pandocSample, options.memos);
  options.pandocOnce = Math.min(options.pandocOnce, options.memos);
  options.sizes = curveSizes(sizes, options.memos);
  if (typeof options.sizes === 'string') usage(options.sizes);
  return options;
}

// ---------------------------------------------------------------------------------------------
// Helpers

function elapsed() {
  return Number(process.hrtime.bigint() - started) / 1e9;
}

function log(message) {
  process.stderr.write(`[${elapsed().toFixed(0).padStart(4)}s] ${message}\n`);
}

function run(command, args, options = {}) {
  return spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
}

function median(values) {
  const sorted = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function max(values) {
  const present = values.filter((v) => typeof v === 'number' && Number.isFinite(v));
  return present.length ? Math.max(...present) : undefined;
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** `apt-get install -y <pkg>` when running as root; true when it worked. */
function aptInstall(pkg) {
  if (!isRoot) return false;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  log(`installing Debian package ${pkg} (apt-get install -y ${pkg})`);
  let result = run('apt-get', ['install', '-y', '-q', pkg], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  if (result.status !== 0) {
    run('apt-get', ['update', '-q'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    result = run('apt-get', ['install', '-y', '-q', pkg], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  }
  if (result.status !== 0) log(`could not install ${pkg}: ${(result.stderr || result.error?.message || '').trim().split('\n').pop()}`);
  return result.status === 0;
}

function works(command, args) {
  const result = run(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  return result.status === 0 ? result.stdout : undefined;
}

// ---------------------------------------------------------------------------------------------
// Measuring one command: wall time from here, peak RSS from GNU time (`-f %M`, in KB).

let gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const RSS_FILE = join(OUT, '.rss');

/**
 * Run `command args` in `cwd`, stdout and stderr to files under bench/out/logs (so output costs
 * the same for every tool and nothing is held in memory). Returns seconds, peak RSS in MB (GNU
 * time's maximum resident set size of the process: worker threads included, child processes
 * not), the exit status and where the output went.
 */
function measure(name, command, args, { cwd = CORPUS, ok = [0], env = {} } = {}) {
  const stdout = join(LOGS, `${name}.stdout`);
  const stderr = join(LOGS, `${name}.stderr`);
  const argv = gnuTime ? [gnuTime, '-f', '%M', '-o', RSS_FILE, command, ...args] : [command, ...args];
  rmSync(RSS_FILE, { force: true });
  const outFd = openSync(stdout, 'w');
  const errFd = openSync(stderr, 'w');
  const t0 = process.hrtime.bigint();
  const result = spawnSync(argv[0], argv.slice(1), { cwd, stdio: ['ignore', outFd, errFd], env: { ...process.env, ...env } });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  closeSync(outFd);
  closeSync(errFd);
  let rssMB;
  if (gnuTime && existsSync(RSS_FILE)) {
    // GNU time writes "Command exited with non-zero status N" first when it did; %M is last.
    const last = readFileSync(RSS_FILE, 'utf8').trim().split('\n').pop();
    if (/^\d+$/.test(last)) rssMB = Number(last) / 1024;
  }
  const status = result.status;
  const error = result.error ? result.error.message : ok.includes(status) ? undefined : `exit ${status ?? result.signal}: ${tail(stderr)}`;
  return { seconds, rssMB, status, error, stdout, stderr };
}

function tail(path) {
  try {
    return readFileSync(path, 'utf8').trim().split('\n').slice(-2).join(' | ').slice(0, 300);
  } catch {
    return '';
  }
}

// ---------------------------------------------------------------------------------------------
// Setup: build, corpus, tools.

function ensureBuilt() {
  if (existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) return;
  log('dist/ is missing: npm run build');
  const result = run('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    log('npm run build failed');
    process.exit(2);
  }
}

function ensureCorpus(options) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(CORPUS, 'manifest.json'), 'utf8'));
  } catch {
    manifest = undefined;
  }
  const fits =
    manifest &&
    manifest.version === GENERATOR_VERSION &&
    manifest.memos === options.memos &&
    manifest.seed === String(options.seed) &&
    manifest.flawedShare === DEFAULT_FLAWED_SHARE &&
    existsSync(join(CORPUS, '.git')) &&
    manifest.files.every((file, i) => i % 997 !== 0 || existsSync(join(CORPUS, file)));
  if (fits) {
    log(`corpus: bench/corpus/ has ${manifest.memos} memos (seed "${manifest.seed}"), reusing it`);
    return manifest;
  }
  log(`corpus: generating ${options.memos} memos into bench/corpus/ (seed "${options.seed}")`);
  if (existsSync(CORPUS) && !existsSync(join(CORPUS, 'manifest.json'))) rmSync(CORPUS, { recursive: true, force: true });
  manifest = generateCorpus({ memos: options.memos, out: CORPUS, seed: options.seed });
  log(
    `corpus: ${manifest.memos} memos, ${(manifest.bytes / 1e6).toFixed(1)} MB (${manifest.averageBytes} bytes each on average), ${manifest.flawed.length} flawed`,
  );
  return manifest;
}

function packageVersion(name) {
  try {
    return JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

function detectTools() {
  const tools = {};

  const lintHelp = works(process.execPath, [MEMO, 'lint', '--help']) ?? '';
  tools.memoCache = /--cache\b/.test(lintHelp);
  // Should the cache's place be configurable, keep it in the corpus, where the bench deletes it.
  tools.memoCacheLocation = /--cache-location\b/.test(lintHelp);
  const exportHelp = works(process.execPath, [MEMO, 'export', '--help']) ?? '';
  tools.memoExport = /--out-dir\b/.test(exportHelp);
  tools.memoExportNoProgress = /--no-progress\b/.test(exportHelp);

  const mdl = join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
  tools.markdownlint = existsSync(mdl)
    ? { command: process.execPath, args: [mdl], version: packageVersion('markdownlint-cli2') }
    : undefined;

  // rumdl's npm package is a node wrapper that spawns a native binary: time the binary itself.
  // rumdl is not a devDependency: its lock entries for other platforms' binaries are not served
  // here, which makes `npm ci` refuse the lock file. The bench installs it on first use into
  // bench/.peers/ (gitignored) instead.
  const peers = join(ROOT, 'bench', '.peers');
  if (!existsSync(join(peers, 'node_modules', '.bin', 'rumdl'))) {
    spawnSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', peers, 'rumdl@0.2.75'], { stdio: 'ignore' });
  }
  const native = join(peers, 'node_modules', '@rumdl', `cli-${process.platform}-${process.arch}`, 'rumdl');
  const wrapper = join(peers, 'node_modules', '.bin', 'rumdl');
  const rumdl = existsSync(native) ? native : existsSync(wrapper) ? wrapper : undefined;
  const rumdlVersion = rumdl ? works(rumdl, ['--version']) : undefined;
  tools.rumdl =
    rumdl && rumdlVersion ? { command: rumdl, version: rumdlVersion.trim().replace(/^rumdl\s*/, ''), native: rumdl === native } : undefined;

  let pandoc = works('pandoc', ['--version']);
  if (pandoc === undefined && aptInstall('pandoc')) pandoc = works('pandoc', ['--version']);
  tools.pandoc = pandoc ? { command: 'pandoc', version: pandoc.split('\n')[0].replace(/^pandoc\s*/, '') } : undefined;

  if (!gnuTime && aptInstall('time') && existsSync('/usr/bin/time')) gnuTime = '/usr/bin/time';
  tools.gnuTime = Boolean(gnuTime);
  return tools;
}

function gitDescribe() {
  const commit = works('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD'])?.trim();
  const dirty = works('git', ['-C', ROOT, 'status', '--porcelain', '--untracked-files=no', '--', 'src'])?.trim();
  return commit ? `${commit}${dirty ? ' (src/ has uncommitted changes)' : ''}` : 'unknown';
}

// ---------------------------------------------------------------------------------------------
// Correctness: memo lint's JSON against the manifest.

function checkFindings(jsonPath, manifest) {
  let results;
  try {
    results = JSON.parse(readFileSync(jsonPath, 'utf8'));
  } catch (error) {
    return { ok: false, summary: `could not read memo lint's JSON (${error.message})`, problems: [] };
  }
  const expected = new Map(manifest.flawed.map((f) => [f.file, f]));
  const problems = [];
  const seen = new Set();
  let reported = 0;
  for (const result of results) {
    const file = relative(CORPUS, result.filePath).split('\\').join('/');
    seen.add(file);
    const ids = [...new Set((result.messages ?? []).map((m) => m.ruleId ?? '(no rule)'))].sort();
    const want = expected.get(file);
    if (ids.length > 0) reported++;
    if (!want && ids.length > 0) {
      const first = result.messages[0];
      problems.push(`clean memo reported: ${file} → ${ids.join(', ')} (line ${first.line}: ${first.message})`);
    } else if (want && ids.length === 0) {
      problems.push(`flawed memo not reported: ${file} (${want.kind}, expected ${want.rule})`);
    } else if (want && (ids.length !== 1 || ids[0] !== want.rule)) {
      problems.push(`flawed memo reported with other rules: ${file} (${want.kind}) → ${ids.join(', ')}, expected ${want.rule}`);
    }
  }
  const missing = manifest.files.filter((file) => !seen.has(file));
  if (missing.length > 0) problems.push(`${missing.length} memos missing from the results, e.g. ${missing[0]}`);
  const ok = problems.length === 0;
  return {
    ok,
    files: results.length,
    reported,
    expected: manifest.flawed.length,
    summary: ok
      ? `${results.length} memos linted; the ${reported} reported are exactly the ${manifest.flawed.length} flawed ones, each with its expected rule`
      : `${problems.length} problem(s): ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? '; …' : ''}`,
    problems,
  };
}

// ---------------------------------------------------------------------------------------------
// The bench.

function countFiles(folder, suffix) {
  let count = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (entry.name.endsWith(suffix)) count++;
    }
  };
  if (existsSync(folder)) walk(folder);
  return count;
}

/** CI unset, for the rows that stand for a writer's machine. */
const LOCAL = { CI: '' };

/** Give every corpus file new times (a fresh checkout's); returns the old ones. */
function touchCorpus(manifest) {
  const now = new Date();
  return manifest.files.map((file) => {
    const path = join(CORPUS, file);
    const { atime, mtime } = statSync(path);
    utimesSync(path, now, now);
    return [path, atime, mtime];
  });
}

function restoreTimes(times) {
  for (const [path, atime, mtime] of times) utimesSync(path, atime, mtime);
}

function removeMemoCache() {
  // The cache memo lint --cache writes in the folder it runs in (the corpus is also a
  // repository root, so a cache kept there lands in the same place).
  rmSync(join(CORPUS, '.memocache'), { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------
// Feeds (#20): `memo bundle` of the corpus's first 1,000 memos to RSS, in memos per second.
// A row of its own, apart from the lint/export table: no peer tool to compare it with.

const BUNDLE_MEMOS = 1000;

function benchBundleRss(manifest, runs) {
  const files = manifest.files.slice(0, BUNDLE_MEMOS);
  const outFile = join(OUT, 'bundle.rss.xml');
  const samples = [];
  let error;
  let items;
  for (let round = 1; round <= runs; round++) {
    const m = measure('memo-bundle-rss', process.execPath, [
      MEMO,
      'bundle',
      ...files,
      '--to',
      'rss',
      '--base-url',
      'https://bench.example.org/',
      '--no-progress',
      '-o',
      outFile,
    ]);
    samples.push(m);
    error ??= m.error;
    items ??= existsSync(outFile) ? (readFileSync(outFile, 'utf8').match(/<item>/g) ?? []).length : 0;
    log(`round ${round}/${runs}: memo bundle ${files.length} memos --to rss ${m.seconds.toFixed(2)} s${m.error ? ` (${m.error})` : ''}`);
  }
  rmSync(outFile, { force: true });
  const seconds = median(samples.map((m) => m.seconds));
  const rate = error ? undefined : files.length / seconds;
  const peakMB = max(samples.map((m) => m.rssMB).filter((value) => value !== undefined));
  const markdown = [
    '',
    '### Feeds',
    '',
    '| command | time (s) | memos per second | peak MB | items written |',
    '| --- | --- | --- | --- | --- |',
    `| bundle 1,000 memos to RSS (\`memo bundle <${files.length} memos> --to rss --base-url …\`) | ${error ? 'error' : fmtSeconds(seconds)} | ${rate === undefined ? 'n/a' : rate.toFixed(0)} | ${peakMB === undefined ? 'n/a' : peakMB.toFixed(0)} | ${items} |`,
    '',
  ].join('\n');
  return {
    markdown,
    data: { memos: files.length, seconds, memosPerSecond: rate ?? null, peakMB: peakMB ?? null, items, error: error ?? null },
  };
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  mkdirSync(LOGS, { recursive: true });
  const loadBefore = loadavg();
  ensureBuilt();
  const manifest = ensureCorpus(options);
  const tools = detectTools();
  if (options.documentsOnly) {
    const markdown = `${benchDocuments(manifest, options).join('\n')}\n`;
    writeFileSync(join(OUT, 'documents.md'), markdown);
    process.stdout.write(markdown);
    process.exit(0);
  }
  const N = manifest.memos;
  const notes = [];
  if (!tools.gnuTime) notes.push('GNU time (/usr/bin/time) is not available: peak memory is n/a.');
  if (!tools.memoCache) notes.push('`memo lint --help` lists no `--cache`: the warm-cache row is n/a and cold runs without it.');
  if (!tools.memoExport)
    notes.push('`memo export --help` lists no `--out-dir` (export not available in this build): the memo export row is n/a.');
  if (!tools.markdownlint) notes.push('markdownlint-cli2 is not installed (npm ci installs the devDependencies): its row is n/a.');
  if (!tools.rumdl) notes.push('rumdl could not be installed into bench/.peers (npm install rumdl@0.2.75): its rows are n/a.');
  if (!tools.pandoc) notes.push('pandoc is not installed and could not be (apt-get install pandoc needs root): its row is n/a.');
  log(
    `tools: memo lint --cache ${tools.memoCache ? 'yes' : 'no'}, memo export ${tools.memoExport ? 'yes' : 'no'}, markdownlint-cli2 ${tools.markdownlint?.version ?? 'n/a'}, rumdl ${tools.rumdl?.version ?? 'n/a'}, pandoc ${tools.pandoc?.version ?? 'n/a'}, GNU time ${tools.gnuTime ? 'yes' : 'no'}`,
  );

  // Warm the page cache (every tool then reads the corpus from memory) and rumdl's own cache
  // (for its informational warm row).
  for (const file of manifest.files) readFileSync(join(CORPUS, file));
  const rumdlCacheDir = join(OUT, 'rumdl-cache');
  rmSync(rumdlCacheDir, { recursive: true, force: true });
  const rumdlBase = ['check', '.', '--no-config', '--respect-gitignore=false', '--color', 'never', '--output-format', 'concise'];
  if (tools.rumdl) measure('rumdl-prime', tools.rumdl.command, [...rumdlBase, '--cache-dir', rumdlCacheDir], { ok: [0, 1] });

  // The pandoc sample: evenly spread over the corpus, split over the rounds.
  const sample = [];
  if (options.pandocSample > 0)
    for (let i = 0; i < options.pandocSample; i++) sample.push(manifest.files[Math.floor((i * N) / options.pandocSample)]);
  // pandoc's engine run once over many files (its in-process throughput): --pandoc-once files,
  // spread evenly over the corpus, in one process, each round.
  const onceFiles = [];
  for (let i = 0; i < options.pandocOnce; i++) onceFiles.push(manifest.files[Math.floor((i * N) / options.pandocOnce)]);
  const flawedSet = new Set(manifest.flawed.map((f) => f.file));
  const single = manifest.files.find((file) => !flawedSet.has(file));

  const memoLint = [
    'lint',
    '.',
    '--format',
    'json',
    ...(tools.memoCache ? ['--cache'] : []),
    ...(tools.memoCache && tools.memoCacheLocation ? ['--cache-location', join(CORPUS, '.memocache')] : []),
  ];
  const samples = {}; // row id → [{ seconds, rssMB }]
  const errors = {};
  // How many files each tool says it looked at, from its own output: all N, or the row is suspect.
  const seen = {};
  const FILE_COUNT = {
    markdownlint: [/Linting: (\d+) file/, 'stdout'],
    rumdlCold: [/in (\d+) files?\b/, 'stdout'],
    rumdlWarm: [/in (\d+) files?\b/, 'stdout'],
    floor: [/parsed (\d+) files/, 'stdout'],
    warmFloor: [/looked at (\d+) files/, 'stderr'],
    freshFloor: [/looked at (\d+) files/, 'stderr'],
  };
  const add = (id, m) => {
    if (FILE_COUNT[id]) {
      const [pattern, stream] = FILE_COUNT[id];
      let text = '';
      try {
        const all = readFileSync(m[stream], 'utf8');
        text = `${all.slice(0, 2000)}\n${all.slice(-2000)}`;
      } catch {
        // no output: counted as unknown
      }
      const match = pattern.exec(text);
      (seen[id] ??= new Set()).add(match ? Number(match[1]) : 'unknown');
    }
    (samples[id] ??= []).push(m);
    if (m.error && !errors[id]) errors[id] = m.error;
    return m;
  };
  const checks = { cold: [], warm: [], scale: [] };
  const scaleState = {}; // curve size → its samples (bench/scale.mjs)
  const exportCounts = [];
  let cacheSeen = true;

  for (let round = 1; round <= options.runs; round++) {
    const say = (what, m) =>
      log(
        `round ${round}/${options.runs}: ${what} ${m.seconds.toFixed(2)} s${m.rssMB ? `, ${m.rssMB.toFixed(0)} MB` : ''}${m.error ? ` (${m.error})` : ''}`,
      );

    removeMemoCache();
    // Cold and warm as on a writer's machine (CI unset: the cache keeps stat data); the
    // fresh-checkout row below is the CI case.
    const cold = add('memoCold', measure('memo-lint-cold', process.execPath, [MEMO, ...memoLint], { ok: [0, 1], env: LOCAL }));
    say('memo lint (cold)', cold);
    checks.cold.push(checkFindings(cold.stdout, manifest));
    if (tools.memoCache) {
      if (!existsSync(join(CORPUS, '.memocache'))) cacheSeen = false;
      const warm = add('memoWarm', measure('memo-lint-warm', process.execPath, [MEMO, ...memoLint], { ok: [0, 1], env: LOCAL }));
      say('memo lint (warm --cache)', warm);
      checks.warm.push(checkFindings(warm.stdout, manifest));
      // A CI re-run: same content, every file's times new (as after a fresh checkout), CI=true.
      // The modification times are put back afterwards (to the millisecond; the change times
      // cannot be) so that rumdl's warm row, if its cache looks at them, is not disturbed.
      const times = touchCorpus(manifest);
      const fresh = add(
        'memoFresh',
        measure('memo-lint-fresh', process.execPath, [MEMO, ...memoLint], { ok: [0, 1], env: { CI: 'true' } }),
      );
      restoreTimes(times);
      say('memo lint (warm --cache, fresh checkout, CI=true)', fresh);
      checks.warm.push(checkFindings(fresh.stdout, manifest));
      // What any Node program doing a warm run's least work takes here (see warm-floor.mjs).
      say('warm floor (stat)', add('warmFloor', measure('warm-floor', process.execPath, [join(BENCH, 'warm-floor.mjs'), '.'])));
      say(
        'warm floor (read + hash)',
        add('freshFloor', measure('warm-floor-content', process.execPath, [join(BENCH, 'warm-floor.mjs'), '.', '--content'])),
      );
    }
    if (tools.markdownlint)
      say(
        'markdownlint-cli2',
        add(
          'markdownlint',
          measure('markdownlint-cli2', tools.markdownlint.command, [...tools.markdownlint.args, '**/*.md'], { ok: [0, 1] }),
        ),
      );
    if (tools.rumdl) {
      say('rumdl (cold)', add('rumdlCold', measure('rumdl-cold', tools.rumdl.command, [...rumdlBase, '--no-cache'], { ok: [0, 1] })));
      say(
        'rumdl (warm cache)',
        add('rumdlWarm', measure('rumdl-warm', tools.rumdl.command, [...rumdlBase, '--cache-dir', rumdlCacheDir], { ok: [0, 1] })),
      );
    }
    say('parse floor', add('floor', measure('parse-floor', process.execPath, [join(BENCH, 'parse-floor.mjs'), '.'])));
    scaleRound({
      round,
      manifest,
      sizes: options.sizes,
      memo: MEMO,
      rumdl: tools.rumdl && { command: tools.rumdl.command, args: [...rumdlBase.filter((arg) => arg !== '.'), '--no-cache'] },
      measure,
      say,
      checkFindings,
      state: scaleState,
    });

    if (tools.memoExport) {
      const outDir = join(OUT, 'export-html');
      rmSync(outDir, { recursive: true, force: true });
      const m = add(
        'memoExport',
        measure('memo-export', process.execPath, [
          MEMO,
          'export',
          '.',
          '--to',
          'html',
          '--out-dir',
          outDir,
          ...(tools.memoExportNoProgress ? ['--no-progress'] : []),
        ]),
      );
      say('memo export --to html', m);
      exportCounts.push(countFiles(outDir, '.html'));
      rmSync(outDir, { recursive: true, force: true });
    }

    if (tools.pandoc && sample.length > 0) {
      // This round's slice of the sample, one pandoc process per file, one after another.
      const slice = sample.filter((_, i) => i % options.runs === round - 1);
      if (slice.length > 0) {
        const outFile = join(OUT, 'pandoc-out.html');
        let seconds = 0;
        let rss = [];
        let error;
        for (const file of slice) {
          const m = measure('pandoc', tools.pandoc.command, ['-f', 'markdown', '-t', 'html', '-s', '-o', outFile, file]);
          seconds += m.seconds;
          rss.push(m.rssMB);
          error ??= m.error;
        }
        const m = { seconds: (seconds * N) / slice.length, sampleSeconds: seconds, files: slice.length, rssMB: max(rss), error };
        say(`pandoc ×${slice.length} files (extrapolated to ${N})`, add('pandoc', m));
      }
    }

    if (tools.pandoc && onceFiles.length > 0) {
      // One pandoc process over the files, which it reads as one document (concatenated, a blank
      // line between them): what pandoc's engine does without a process start per file.
      const m = measure('pandoc-once', tools.pandoc.command, [
        '-f',
        'markdown',
        '-t',
        'html',
        '-s',
        '-o',
        join(OUT, 'pandoc-once.html'),
        ...onceFiles,
      ]);
      rmSync(join(OUT, 'pandoc-once.html'), { force: true });
      const scaled = { ...m, seconds: (m.seconds * N) / onceFiles.length, sampleSeconds: m.seconds, files: onceFiles.length };
      say(`pandoc once over ${onceFiles.length} files${onceFiles.length < N ? ` (extrapolated to ${N})` : ''}`, add('pandocOnce', scaled));
    }
  }

  // Single file vs node startup, alternating.
  for (let i = 0; i < SINGLE_RUNS; i++) {
    add('memoSingle', measure('memo-lint-one', process.execPath, [MEMO, 'lint', single, '--format', 'json']));
    add('node', measure('node-e-0', process.execPath, ['-e', '0']));
  }
  log(
    `single file: memo lint ${median(samples.memoSingle.map((m) => m.seconds)).toFixed(3)} s, node -e 0 ${median(samples.node.map((m) => m.seconds)).toFixed(3)} s (medians of ${SINGLE_RUNS})`,
  );

  const bundleRss = benchBundleRss(manifest, options.runs);
  const scale = scaleReport({
    sizes: options.sizes,
    state: scaleState,
    node: median(samples.node.map((m) => m.seconds)),
    rumdlAvailable: Boolean(tools.rumdl),
    median,
    max,
    fmtSeconds,
    fmtRatio,
  });
  notes.push(...scale.notes);
  for (const n of options.sizes)
    checks.scale.push(...(scaleState[n]?.checks ?? []).map((c) => ({ ...c, which: `scale curve, ${n} memos` })));

  const loadAfter = loadavg();
  for (const [id, counts] of Object.entries(seen)) {
    if (counts.size !== 1 || !counts.has(N))
      notes.push(`${id} reported looking at ${[...counts].join(', ')} files, not ${N}: check bench/out/logs/.`);
  }
  const report = buildReport({
    options,
    manifest,
    tools,
    samples,
    errors,
    checks,
    exportCounts,
    cacheSeen,
    sample,
    onceFiles,
    single,
    notes,
    loadBefore,
    loadAfter,
    scale,
  });
  if (options.documents > 0) report.markdown += `\n${benchDocuments(manifest, options).join('\n')}\n`;
  report.markdown += bundleRss.markdown;
  report.data.bundleRss = bundleRss.data;
  writeFileSync(join(OUT, 'last-run.md'), report.markdown);
  writeFileSync(join(OUT, 'last-run.json'), `${JSON.stringify(report.data, null, 1)}\n`);
  rmSync(RSS_FILE, { force: true });
  rmSync(join(OUT, 'pandoc-out.html'), { force: true });
  rmSync(join(OUT, 'pandoc-once.html'), { force: true });
  process.stdout.write(report.markdown);
  log(`done in ${elapsed().toFixed(0)} s; written to bench/out/last-run.md and bench/out/last-run.json`);
  const findingsOk = report.data.correctness.ok;
  const targetsOk = report.data.targets.every((t) => t.status !== 'FAIL');
  process.exit(!findingsOk || (options.strict && !targetsOk) ? 1 : 0);
}

// ---------------------------------------------------------------------------------------------
// The report.

function fmtSeconds(s) {
  if (s === undefined) return 'n/a';
  return s >= 100 ? s.toFixed(0) : s >= 10 ? s.toFixed(1) : s >= 1 ? s.toFixed(2) : s.toFixed(3);
}

function fmtRatio(r) {
  if (r === undefined || !Number.isFinite(r)) return 'n/a';
  return r >= 100 ? r.toFixed(0) : r >= 10 ? r.toFixed(1) : r.toFixed(2);
}

function buildReport({
  options,
  manifest,
  tools,
  samples,
  errors,
  checks,
  exportCounts,
  cacheSeen,
  sample,
  onceFiles,
  single,
  notes,
  loadBefore,
  loadAfter,
  scale,
}) {
  const N = manifest.memos;
  const med = (id) => (samples[id] && !errors[id] ? median(samples[id].map((m) => m.seconds)) : undefined);
  const peak = (id) => (samples[id] ? max(samples[id].map((m) => m.rssMB)) : undefined);
  const runs = (id) => samples[id]?.length ?? 0;
  const t = {
    memoCold: med('memoCold'),
    memoWarm: med('memoWarm'),
    memoFresh: med('memoFresh'),
    warmFloor: med('warmFloor'),
    freshFloor: med('freshFloor'),
    markdownlint: med('markdownlint'),
    rumdlCold: med('rumdlCold'),
    rumdlWarm: med('rumdlWarm'),
    floor: med('floor'),
    memoExport: med('memoExport'),
    pandoc: med('pandoc'),
    pandocOnce: med('pandocOnce'),
    memoSingle: med('memoSingle'),
    node: med('node'),
  };
  const div = (a, b) => (a !== undefined && b !== undefined && b > 0 ? a / b : undefined);
  const pandocFiles = samples.pandoc?.reduce((sum, m) => sum + m.files, 0) ?? 0;
  const pandocPerFile = samples.pandoc ? samples.pandoc.reduce((sum, m) => sum + m.sampleSeconds, 0) / Math.max(pandocFiles, 1) : undefined;

  const rows = [
    {
      group: `Lint ${N} memos`,
      id: 'memoCold',
      command: `memo lint --format json${tools.memoCache ? ' --cache (cache deleted first)' : ''}`,
      ref: t.memoCold,
      refName: 'memo lint',
    },
    { id: 'memoWarm', command: 'memo lint --format json --cache (warm: second run)', ref: t.memoCold, na: !tools.memoCache },
    {
      id: 'memoFresh',
      command: 'memo lint --format json --cache (warm, fresh checkout: new file times, CI=true)',
      ref: t.memoCold,
      na: !tools.memoCache,
    },
    {
      id: 'warmFloor',
      command: 'warm floor: list + stat every file, write the report with the flawed sources, 1 process',
      ref: t.memoCold,
      na: !tools.memoCache,
    },
    {
      id: 'freshFloor',
      command: 'warm floor, fresh checkout: the same, reading + hashing every file instead of stat',
      ref: t.memoCold,
      na: !tools.memoCache,
    },
    { id: 'markdownlint', command: 'markdownlint-cli2 "**/*.md" (default rules)', ref: t.memoCold, na: !tools.markdownlint },
    { id: 'rumdlCold', command: 'rumdl check . --no-cache (default rules)', ref: t.memoCold, na: !tools.rumdl },
    { id: 'rumdlWarm', command: 'rumdl check . (warm cache; for information)', ref: t.memoCold, na: !tools.rumdl },
    { id: 'floor', command: 'parse floor: read + remark-parse every file, 1 process', ref: t.memoCold },
    {
      group: `Export ${N} memos to HTML`,
      id: 'memoExport',
      command: 'memo export --to html --out-dir',
      ref: t.memoExport,
      na: !tools.memoExport,
    },
    {
      id: 'pandoc',
      command: `pandoc -s once per file, **extrapolated** from ${pandocFiles} files`,
      ref: t.memoExport,
      na: !tools.pandoc || sample.length === 0,
    },
    {
      id: 'pandocOnce',
      command: `pandoc -s once over all files (one process, the files concatenated)${onceFiles.length < N ? `, **extrapolated** from one run over ${onceFiles.length} files` : ''}`,
      ref: t.memoExport,
      na: !tools.pandoc || onceFiles.length === 0,
    },
    { group: 'One memo', id: 'memoSingle', command: 'memo lint <one memo> --format json', ref: t.memoSingle },
    { id: 'node', command: 'node -e 0', ref: t.memoSingle },
  ];

  const md = [];
  md.push('# memokit bench: last run', '');
  md.push(`- When: ${new Date().toISOString()}; took ${elapsed().toFixed(0)} s`);
  md.push(
    `- Command: \`npm run bench -- --memos ${options.memos} --runs ${options.runs} --sizes ${options.sizes.join(',') || 'none'} --pandoc-sample ${options.pandocSample} --pandoc-once ${options.pandocOnce}${options.seed !== DEFAULT_SEED ? ` --seed ${options.seed}` : ''}\``,
  );
  md.push(
    `- Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB; load average ${loadBefore[0].toFixed(2)} before, ${loadAfter[0].toFixed(2)} after (other work on the machine slows every row alike, roughly)`,
  );
  md.push(
    `- Node ${process.version}; memokit ${gitDescribe()}; markdownlint-cli2 ${tools.markdownlint?.version ?? 'n/a'}; rumdl ${tools.rumdl?.version ?? 'n/a'}${tools.rumdl && !tools.rumdl.native ? ' (via its node wrapper)' : ''}; pandoc ${tools.pandoc?.version ?? 'n/a'}`,
  );
  md.push(
    `- Corpus: ${N} memos in bench/corpus/, ${(manifest.bytes / 1e6).toFixed(1)} MB (${manifest.averageBytes} bytes on average), ${manifest.flawed.length} flawed, seed "${manifest.seed}"`,
  );
  md.push(
    `- Medians of ${options.runs} run(s) (one-memo rows: of ${SINGLE_RUNS}); peak = largest maximum RSS seen (GNU time; worker threads count, child processes do not)`,
  );
  md.push('');
  md.push('| command | median s | peak MB | runs | time ÷ memo |');
  md.push('| --- | ---: | ---: | ---: | ---: |');
  const rowData = [];
  for (const row of rows) {
    if (row.group) md.push(`| **${row.group}** | | | | |`);
    const seconds = row.na ? undefined : t[row.id];
    const ratio = div(seconds, row.ref);
    const failed = errors[row.id];
    const shown = row.na ? 'n/a' : failed ? 'error' : fmtSeconds(seconds);
    md.push(
      `| ${row.command} | ${shown} | ${row.na || peak(row.id) === undefined ? 'n/a' : peak(row.id).toFixed(0)} | ${row.na ? 0 : runs(row.id)} | ${row.na || failed ? 'n/a' : fmtRatio(ratio)} |`,
    );
    rowData.push({
      id: row.id,
      command: row.command,
      seconds: row.na ? null : (seconds ?? null),
      peakMB: row.na ? null : (peak(row.id) ?? null),
      runs: row.na ? 0 : runs(row.id),
      ratio: ratio ?? null,
      error: failed ?? null,
      samples: samples[row.id] ?? [],
    });
  }
  md.push('');
  md.push('"time ÷ memo" is the row\'s median over the memo row at the top of its group: above 1, memo is that many times faster.');
  if (pandocPerFile !== undefined)
    md.push(
      `pandoc: ${pandocFiles} sampled files, ${(pandocPerFile * 1000).toFixed(0)} ms each on average; the row is that per-file time × ${N} (each round's slice extrapolated, then the median taken).`,
    );
  if (t.pandocOnce !== undefined && onceFiles.length < N)
    md.push(
      `pandoc once: one process per round over ${onceFiles.length} files spread over the corpus, ${fmtSeconds(median(samples.pandocOnce.map((m) => m.sampleSeconds)))} s (median), × ${N} / ${onceFiles.length} (its time grows in step with the files; its memory too: \`--pandoc-once ${N}\` runs it over all of them).`,
    );
  md.push(scale.markdown);
  md.push('');

  // Targets.
  const memoPeaks = ['memoCold', 'memoWarm', 'memoFresh', 'memoExport', 'memoSingle']
    .map((id) => ({ id, mb: errors[id] ? undefined : peak(id) }))
    .concat(scale.data.map((d) => ({ id: `scale${d.memos}`, mb: d.error ? undefined : (d.memoPeakMB ?? undefined) })))
    .filter((p) => p.mb !== undefined);
  const worst = memoPeaks.sort((a, b) => b.mb - a.mb)[0];
  const names = {
    memoCold: 'memo lint cold',
    memoWarm: 'memo lint warm',
    memoFresh: 'memo lint warm (fresh checkout)',
    memoExport: 'memo export',
    memoSingle: 'memo lint one file',
    ...Object.fromEntries(scale.data.map((d) => [`scale${d.memos}`, `memo lint, scale curve at ${d.memos} memos`])),
  };
  const pct = (ratio) => (ratio === undefined ? 'n/a' : `${(100 * ratio).toFixed(1)}%`);
  const target = (text, value, pass, shown) => ({
    target: text,
    value: value ?? null,
    shown: value === undefined ? 'n/a' : shown,
    status: value === undefined ? 'n/a' : pass(value) ? 'PASS' : 'FAIL',
  });
  const targets = [
    target(
      'memo lint ≥ 4× faster than markdownlint-cli2',
      div(t.markdownlint, t.memoCold),
      (v) => v >= 4,
      `${fmtRatio(div(t.markdownlint, t.memoCold))}×`,
    ),
    target(
      'memo lint (cold) as fast as rumdl (cold)',
      div(t.rumdlCold, t.memoCold),
      (v) => v >= 1,
      `rumdl ÷ memo = ${fmtRatio(div(t.rumdlCold, t.memoCold))}`,
    ),
    ...scale.targets,
    target(
      `warm --cache re-run ≤ ${WARM_FLOOR_LIMIT}× the warm floor`,
      div(t.memoWarm, t.warmFloor),
      (v) => v <= WARM_FLOOR_LIMIT,
      `${fmtRatio(div(t.memoWarm, t.warmFloor))}× the floor (${fmtSeconds(t.memoWarm)} s vs ${fmtSeconds(t.warmFloor)} s; ${pct(div(t.memoWarm, t.memoCold))} of cold)`,
    ),
    target(
      `the same, after a fresh checkout in CI: ≤ ${WARM_FLOOR_LIMIT}× its floor (read + hash)`,
      div(t.memoFresh, t.freshFloor),
      (v) => v <= WARM_FLOOR_LIMIT,
      `${fmtRatio(div(t.memoFresh, t.freshFloor))}× the floor (${fmtSeconds(t.memoFresh)} s vs ${fmtSeconds(t.freshFloor)} s; ${pct(div(t.memoFresh, t.memoCold))} of cold)`,
    ),
    target(
      'memo export --to html ≥ 50× faster than pandoc once per file (extrapolated)',
      div(t.pandoc, t.memoExport),
      (v) => v >= 50,
      `${fmtRatio(div(t.pandoc, t.memoExport))}×`,
    ),
    target(
      `memo export --to html ≥ 5× faster than pandoc run once over all files${onceFiles.length < N ? ' (extrapolated)' : ''}`,
      div(t.pandocOnce, t.memoExport),
      (v) => v >= 5,
      `${fmtRatio(div(t.pandocOnce, t.memoExport))}×`,
    ),
    target(
      `one-memo lint ≤ ${SINGLE_LIMIT}× \`node -e 0\``,
      div(t.memoSingle, t.node),
      (v) => v <= SINGLE_LIMIT,
      `${fmtRatio(div(t.memoSingle, t.node))}×`,
    ),
    target(
      `peak RSS of every memo command < ${RSS_LIMIT_MB} MB`,
      worst?.mb,
      (v) => v < RSS_LIMIT_MB,
      worst ? `${worst.mb.toFixed(0)} MB (${names[worst.id]})` : 'n/a',
    ),
  ];
  const allChecks = [
    ...checks.cold.map((c) => ({ ...c, which: 'cold' })),
    ...checks.warm.map((c) => ({ ...c, which: 'warm' })),
    ...checks.scale,
  ];
  const correctness = { ok: allChecks.length > 0 && allChecks.every((c) => c.ok), runs: allChecks.length };
  const firstBad = allChecks.find((c) => !c.ok);
  const correctText = firstBad ? `${firstBad.which} run: ${firstBad.summary}` : (allChecks[0]?.summary ?? 'not checked');
  targets.push({
    target: 'memo lint reports exactly the flawed memos, each with its expected rule (every cold, warm and scale-curve run)',
    value: null,
    shown: correctText,
    status: correctness.ok ? 'PASS' : 'FAIL',
  });
  if (tools.memoExport && exportCounts.some((c) => c !== N))
    notes.push(`memo export wrote ${exportCounts.join(', ')} HTML files (one count per run) for ${N} memos.`);
  if (tools.memoCache && !cacheSeen)
    notes.push(
      '`memo lint --cache` left no .memocache in the corpus folder (the folder it runs in), so the bench cannot delete it before cold runs: the cold row may be warm.',
    );
  for (const [id, error] of Object.entries(errors)) notes.push(`${id} failed: ${error}`);

  md.push('| target | measured | |');
  md.push('| --- | --- | --- |');
  for (const item of targets) md.push(`| ${item.target} | ${item.shown.replace(/\|/g, '\\|')} | ${item.status} |`);
  md.push('');
  if (notes.length > 0) {
    md.push('Notes:', '');
    for (const note of notes) md.push(`- ${note}`);
    md.push('');
  }
  if (firstBad) {
    md.push('Findings that did not match the manifest (first 20):', '');
    for (const problem of firstBad.problems.slice(0, 20)) md.push(`- ${problem}`);
    md.push('');
  }

  const data = {
    when: new Date().toISOString(),
    seconds: elapsed(),
    options,
    node: process.version,
    memokit: gitDescribe(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model, loadBefore, loadAfter },
    tools,
    corpus: { memos: N, bytes: manifest.bytes, flawed: manifest.flawed.length, seed: manifest.seed },
    singleFile: single,
    pandocSample: sample.length,
    pandocOnce: onceFiles.length,
    rows: rowData,
    scale: scale.data,
    targets,
    correctness: { ...correctness, checks: allChecks.map((c) => ({ which: c.which, ok: c.ok, summary: c.summary })) },
    notes,
  };
  return { markdown: `${md.join('\n')}\n`, data };
}

// ---------------------------------------------------------------------------------------------
// Documents: DOCX and PDF, apart from the rows above (other tools have no such rows to compare)

/**
 * `memo export <the first N corpus memos> --to docx|pdf --out-dir`, once per round, as memos per
 * second (median). PDF needs Chromium (MEMOKIT_CHROMIUM, else the system's): without it the row
 * says so. Each run writes into a fresh folder, so no run replaces the last one's files.
 */
function benchDocuments(manifest, options) {
  const count = Math.min(options.documents, manifest.memos);
  const files = manifest.files.slice(0, count);
  const lines = ['| documents | memos | median s | memos / s | peak MB | runs |', '| --- | ---: | ---: | ---: | ---: | ---: |'];
  for (const format of ['docx', 'pdf']) {
    const runs = [];
    let error;
    for (let round = 0; round < options.runs && !error; round++) {
      const out = join(OUT, `documents-${format}`);
      rmSync(out, { recursive: true, force: true });
      const m = measure(
        `export-${format}`,
        process.execPath,
        [MEMO, 'export', ...files, '--to', format, '--out-dir', out, '--no-progress'],
        {
          ok: [0, 2],
        },
      );
      if (m.error || m.status !== 0) error = m.error ?? tail(m.stderr);
      else runs.push(m);
      rmSync(out, { recursive: true, force: true });
      log(`memo export --to ${format} ×${count}: ${error ? `failed: ${error}` : `${m.seconds.toFixed(2)} s`}`);
    }
    const seconds = runs.map((m) => m.seconds).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
    const peakMb = Math.max(...runs.map((m) => m.rssMB ?? 0));
    lines.push(
      error
        ? `| ${count} memos to ${format.toUpperCase()} | ${count} | n/a | n/a | n/a | 0 (${error.replace(/\|/g, '\\|')}) |`
        : `| ${count} memos to ${format.toUpperCase()} | ${count} | ${seconds.toFixed(2)} | ${(count / seconds).toFixed(1)} | ${peakMb ? peakMb.toFixed(0) : 'n/a'} | ${runs.length} |`,
    );
  }
  lines.push(
    '',
    `Load average after: ${loadavg()
      .map((n) => n.toFixed(2))
      .join(', ')} (${cpus().length} cores).`,
  );
  return ['**Documents** (`memo export --to docx|pdf --out-dir`; PDF through one Chromium per run)', '', ...lines];
}

main();
