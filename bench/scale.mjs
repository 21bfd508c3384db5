// bench/scale.mjs: the scale curve (#18), cold `memo lint --format json` against
// `rumdl check --no-cache` at several corpus sizes, in the same run and on the same corpus as
// the rest of the bench (bench/run.mjs measures, this module picks the files and writes the
// table and targets).
//
// A size N lints the corpus's first N memos: memo i is the same whatever the corpus size
// (bench/generate.mjs), so the first N memos of a 10,000-memo corpus are the N-memo corpus.
// Both tools get the same paths, relative to the corpus root (their working folder): `.` for the
// whole corpus, otherwise the fewest folders that hold exactly those memos (`set-00` is 1,000
// memos, `set-00/batch-0` 100), and single files for what is left. memo lint runs without
// --cache (no cache to write or read, as rumdl with --no-cache) and with MEMOKIT_TIMING=1, so
// that each run also says where its time went.
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { MEMOS_PER_FOLDER } from './generate.mjs';

export const DEFAULT_SIZES = [100, 500, 2000, 10000];
const MEMOS_PER_SET = MEMOS_PER_FOLDER * 10;

/**
 * The curve's sizes from `--sizes` (`100,500,2000`, or `none` for no curve), each at most
 * `memos`. Without the option: the default sizes up to `memos`, and `memos` itself when it is
 * larger than the last of them, so the curve always ends at the whole corpus. Returns a message
 * (a string) when the option is wrong.
 */
export function curveSizes(text, memos) {
  if (text === undefined) {
    const sizes = DEFAULT_SIZES.filter((n) => n <= memos);
    if (sizes.at(-1) !== memos) sizes.push(memos);
    return sizes;
  }
  if (text === 'none') return [];
  const sizes = text.split(',').map((part) => Number(part.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) return '--sizes must be whole numbers, 1 or more, separated by commas (or none)';
  const over = sizes.find((n) => n > memos);
  if (over !== undefined) return `--sizes ${over} is more than --memos ${memos}`;
  return [...new Set(sizes)].sort((a, b) => a - b);
}

/**
 * The paths that name exactly the manifest's first `n` memos, and the manifest cut down to them
 * (for the findings check).
 */
export function subset(manifest, n) {
  const files = manifest.files.slice(0, n);
  const kept = new Set(files);
  const cut = { ...manifest, memos: n, files, flawed: manifest.flawed.filter((f) => kept.has(f.file)) };
  if (n === manifest.memos) return { paths: ['.'], manifest: cut };
  const paths = [];
  for (let i = 0; i < n;) {
    if (i % MEMOS_PER_SET === 0 && i + MEMOS_PER_SET <= n) {
      paths.push(dirname(dirname(files[i])));
      i += MEMOS_PER_SET;
    } else if (i % MEMOS_PER_FOLDER === 0 && i + MEMOS_PER_FOLDER <= n) {
      paths.push(dirname(files[i]));
      i += MEMOS_PER_FOLDER;
    } else {
      paths.push(files[i]);
      i++;
    }
  }
  return { paths, manifest: cut };
}

/** The phase marks memokit printed with MEMOKIT_TIMING=1 (`memokit-timing {...}` on stderr), or undefined. */
export function readTiming(stderrPath) {
  let text;
  try {
    text = readFileSync(stderrPath, 'utf8');
  } catch {
    return undefined;
  }
  const line = text.split('\n').findLast((l) => l.startsWith('memokit-timing '));
  if (!line) return undefined;
  try {
    return JSON.parse(line.slice('memokit-timing '.length));
  } catch {
    return undefined;
  }
}

/**
 * The phases, in ms, from one run's marks and its wall time as the bench saw it: start-up (Node
 * and the CLI bundle), CLI/imports (commander, the lint command's imports), finding files,
 * parsing + linting, writing the report, and the rest (exit, process spawn and GNU time, all
 * that the marks do not cover).
 */
export const PHASES = [
  ['startup', 'start-up', (m) => m.loaded],
  ['cli', 'CLI/imports', (m) => m.started - m.loaded],
  ['find', 'find files', (m) => m.found - m.started],
  ['lint', 'parse + lint', (m) => m.linted - m.found],
  ['report', 'report', (m) => m.reported - m.linted],
  ['rest', 'exit etc.', (m, ms) => ms - m.reported],
];

export function phasesOf(marks, seconds) {
  if (!marks) return undefined;
  const phases = {};
  for (const [id, , of] of PHASES) {
    const value = of(marks, seconds * 1000);
    phases[id] = Number.isFinite(value) ? value : undefined;
  }
  return phases;
}

/**
 * One round of the curve: for each size, memo lint then rumdl (the order swapped every other
 * round, so neither tool always runs second). `measure(name, command, args, options)` and
 * `say(what, m)` are bench/run.mjs's; `checkFindings(jsonPath, manifest)` its findings check.
 * Appends to `state` (size → { memo: [], rumdl: [], checks: [] }).
 */
export function scaleRound({ round, manifest, sizes, memo, rumdl, measure, say, checkFindings, state }) {
  for (const n of sizes) {
    const { paths, manifest: cut } = subset(manifest, n);
    const entry = (state[n] ??= { memo: [], rumdl: [], checks: [], paths: paths.length });
    const runMemo = () => {
      const m = measure(`scale-${n}-memo`, process.execPath, [memo, 'lint', '--format', 'json', ...paths], {
        ok: [0, 1],
        env: { CI: '', MEMOKIT_TIMING: '1' },
      });
      m.phases = phasesOf(readTiming(m.stderr), m.seconds);
      entry.memo.push(m);
      entry.checks.push(checkFindings(m.stdout, cut));
      say(`scale ${n} memos: memo lint`, m);
    };
    const runRumdl = () => {
      if (!rumdl) return;
      const m = measure(`scale-${n}-rumdl`, rumdl.command, [...rumdl.args, ...paths], { ok: [0, 1] });
      const count = /in (\d+) files?\b/.exec(readFileSync(m.stdout, 'utf8').slice(-2000));
      m.files = count ? Number(count[1]) : undefined;
      entry.rumdl.push(m);
      say(`scale ${n} memos: rumdl --no-cache`, m);
    };
    if (round % 2 === 1) {
      runMemo();
      runRumdl();
    } else {
      runRumdl();
      runMemo();
    }
  }
}

/**
 * The curve's table, its targets and its data, from the rounds' samples. `node` is the run's
 * `node -e 0` median (seconds), shown as the floor; `median`, `max`, `fmtSeconds` and
 * `fmtRatio` are bench/run.mjs's.
 */
export function scaleReport({ sizes, state, node, rumdlAvailable, median, max, fmtSeconds, fmtRatio }) {
  const md = [];
  const targets = [];
  const data = [];
  const notes = [];
  if (sizes.length === 0) return { markdown: '', targets, data, notes };
  const ms = (v) => (v === undefined ? 'n/a' : v.toFixed(0));
  md.push('', '### Scale curve: cold lint at each size (#18)', '');
  md.push(
    '| memos | rumdl s | memo s | rumdl ÷ memo | node -e 0 s | start-up ms | CLI/imports ms | find ms | parse + lint ms | report ms | exit etc. ms | memo peak MB | rumdl peak MB |',
  );
  md.push('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const n of sizes) {
    const entry = state[n] ?? { memo: [], rumdl: [], checks: [] };
    const memoError = entry.memo.find((m) => m.error)?.error;
    const rumdlError = entry.rumdl.find((m) => m.error)?.error;
    const memoS = memoError ? undefined : median(entry.memo.map((m) => m.seconds));
    const rumdlS = rumdlError || !rumdlAvailable ? undefined : median(entry.rumdl.map((m) => m.seconds));
    const ratio = memoS !== undefined && rumdlS !== undefined ? rumdlS / memoS : undefined;
    const phases = {};
    for (const [id] of PHASES) phases[id] = median(entry.memo.map((m) => m.phases?.[id]));
    const memoPeak = max(entry.memo.map((m) => m.rssMB));
    const rumdlPeak = max(entry.rumdl.map((m) => m.rssMB));
    md.push(
      `| ${n} | ${rumdlError ? 'error' : fmtSeconds(rumdlS)} | ${memoError ? 'error' : fmtSeconds(memoS)} | ${fmtRatio(ratio)} | ${fmtSeconds(node)} | ${PHASES.map(([id]) => ms(phases[id])).join(' | ')} | ${memoPeak === undefined ? 'n/a' : memoPeak.toFixed(0)} | ${rumdlPeak === undefined ? 'n/a' : rumdlPeak.toFixed(0)} |`,
    );
    // Below the floor: rumdl, a native binary, finishes before Node alone has started.
    const belowFloor = rumdlS !== undefined && node !== undefined && node > rumdlS;
    const shown =
      ratio === undefined
        ? 'n/a'
        : `rumdl ÷ memo = ${fmtRatio(ratio)} (${fmtSeconds(rumdlS)} s vs ${fmtSeconds(memoS)} s)${belowFloor ? `; rumdl is faster than \`node -e 0\` (${fmtSeconds(node)} s) here: the target is below Node's own start-up on this machine` : ''}`;
    targets.push({
      target: `cold lint at ${n} memos at least as fast as rumdl (cold)`,
      value: ratio ?? null,
      shown,
      status: ratio === undefined ? 'n/a' : ratio >= 1 ? 'PASS' : 'FAIL',
    });
    const rumdlFiles = new Set(entry.rumdl.map((m) => m.files ?? 'unknown'));
    if (rumdlAvailable && entry.rumdl.length > 0 && (rumdlFiles.size !== 1 || !rumdlFiles.has(n)))
      notes.push(`scale curve: rumdl reported looking at ${[...rumdlFiles].join(', ')} files at size ${n}: check bench/out/logs/.`);
    if (entry.memo.length > 0 && entry.memo.some((m) => !m.phases))
      notes.push(`scale curve: memo lint printed no \`memokit-timing\` line at size ${n} (MEMOKIT_TIMING=1): its phases are n/a.`);
    data.push({
      memos: n,
      paths: entry.paths,
      rumdlSeconds: rumdlS ?? null,
      memoSeconds: memoS ?? null,
      ratio: ratio ?? null,
      nodeSeconds: node ?? null,
      phasesMs: phases,
      memoPeakMB: memoPeak ?? null,
      rumdlPeakMB: rumdlPeak ?? null,
      error: memoError ?? rumdlError ?? null,
      memo: entry.memo.map((m) => ({ seconds: m.seconds, rssMB: m.rssMB, phases: m.phases ?? null })),
      rumdl: entry.rumdl.map((m) => ({ seconds: m.seconds, rssMB: m.rssMB })),
    });
  }
  md.push('');
  md.push(
    "Each size lints the corpus's first N memos (the same paths for both tools; `.` for the whole corpus). memo runs `memo lint --format json <paths>` without `--cache`, rumdl `rumdl check <paths> --no-cache` with the flags of the rows above. The phases are medians of each phase over the rounds, in ms, from `MEMOKIT_TIMING=1` (start-up = Node + the CLI bundle; CLI/imports = commander and the lint command's imports; exit etc. = the wall time after the report was written: exit, process spawn, GNU time), so they need not add up to the median total. `node -e 0` is the run's one-memo-group median: the floor any Node program starts from.",
  );
  return { markdown: md.join('\n'), targets, data, notes };
}
