// Where a run's time goes, for the benchmark (bench/run.mjs): with MEMOKIT_TIMING=1, each
// phase's end in ms since the process started (Node's own start-up included) is printed to
// stderr at exit as one line, `memokit-timing {"main":41.2,"found":52.0,...}`. Off, a mark
// costs one comparison.
const enabled = process.env['MEMOKIT_TIMING'] === '1';
const marks: Record<string, number> = {};

/** Note that the phase `name` ends now (the first time only). */
export function mark(name: string): void {
  if (enabled && marks[name] === undefined) marks[name] = Math.round(performance.now() * 10) / 10;
}

if (enabled) process.on('exit', () => process.stderr.write(`memokit-timing ${JSON.stringify(marks)}\n`));
