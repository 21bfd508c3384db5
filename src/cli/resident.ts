// Resident commands (`memo lint --watch`, `memo preview`) run until the user stops them. For
// them Ctrl-C, SIGTERM and SIGHUP are the normal way out, not an interruption: they write no
// file, so the batch handler of interrupt.ts (exit 128 + signal) gives way to a clean stop —
// watchers and servers closed — and exit 0.

/** Resolves with the signal's name once the user stops the command; `stop` runs first. */
export function untilStopped(stop: () => Promise<void>): Promise<string> {
  return new Promise((resolve) => {
    let stopping = false;
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.removeAllListeners(signal);
      process.on(signal, () => {
        if (stopping) return;
        stopping = true;
        // A stop that hangs (a client that never lets go) does not keep the process alive.
        const timeout = setTimeout(() => resolve(signal), 2000);
        timeout.unref();
        void stop()
          .catch(() => undefined)
          .finally(() => {
            clearTimeout(timeout);
            resolve(signal);
          });
      });
    }
  });
}

/** `HH:MM:SS`, local time, for the line each run prints. */
export function clockTime(date = new Date()): string {
  return date.toTimeString().slice(0, 8);
}
