// A progress bar on stderr for long batches (only when stderr is a terminal and not in CI),
// drawn by cli-progress rather than by hand. Its MultiBar, with one bar, because it prints lines
// above the bar (log) and redraws relative to where it is; SingleBar saves the cursor position at
// the start and restores it at the end, which erased every error printed during the run and let
// the shell prompt overwrite the rest.
import cliProgress from 'cli-progress';

export interface Progress {
  tick(): void;
  /** Print a line above the bar, where it stays. */
  interrupt(line: string): void;
  stop(): void;
}

/** What cli-progress turns off while drawing, turned back on: the cursor and line wrapping. */
const RESTORE_TERMINAL = '\x1b[?25h\x1b[?7h';

export function progressBar(total: number, label = 'exporting'): Progress {
  const bars = new cliProgress.MultiBar(
    {
      stream: process.stderr,
      format: `${label} {bar} {value}/{total} memos`,
      hideCursor: true,
      clearOnComplete: true,
      // Its own SIGINT/SIGTERM handler stops the bar; ours (cli/interrupt.ts) then exits.
      gracefulExit: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const bar = bars.create(total, 0);
  let active = true;
  // Any other way out (an error, process.exit) must not leave the terminal without a cursor.
  const restore = () => {
    if (active) process.stderr.write(RESTORE_TERMINAL);
  };
  process.once('exit', restore);
  return {
    tick: () => bar.increment(),
    interrupt: (line) => {
      bars.log(`${line}\n`);
      // Drawn now, not at the next frame: a line must not wait, or be lost if the run ends.
      bars.update();
    },
    stop: () => {
      if (!active) return;
      bars.update();
      bars.stop();
      active = false;
      process.removeListener('exit', restore);
    },
  };
}
