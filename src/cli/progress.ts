// A progress bar on stderr for long batches (only when stderr is a terminal and not in CI),
// drawn by cli-progress rather than by hand.
import cliProgress from 'cli-progress';

export interface Progress {
  tick(): void;
  /** Print a line above the bar without garbling it. */
  interrupt(line: string): void;
  stop(): void;
}

export function progressBar(total: number): Progress {
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: 'exporting {bar} {value}/{total} memos', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return {
    tick: () => bar.increment(),
    interrupt: (line) => {
      process.stderr.write(`\r\x1b[K${line}\n`);
      bar.render();
    },
    stop: () => bar.stop(),
  };
}
