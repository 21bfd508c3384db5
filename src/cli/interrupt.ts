// Ctrl-C, SIGTERM or SIGHUP in the middle of a run: the file being written is finished (a
// write is one synchronous stretch, and this handler runs between tasks), no new write starts
// in any thread, no temporary file is left, and memo exits 128 + the signal's number, quietly.
import { constants } from 'node:os';
import { stopWrites } from '../io/write.js';

export function handleInterrupts(): void {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      stopWrites();
      process.exit(128 + constants.signals[signal]);
    });
  }
}
