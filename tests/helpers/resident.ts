// Run a resident command (`memo lint --watch`, `memo preview`) as a child process: collect its
// output as it comes, wait for what it prints, stop it with a signal and get its exit code. Every
// process started here is killed when the test file ends (stopAll in afterAll) and, failing that,
// by its own timer: no test leaves a server behind.
import { spawn, type ChildProcess } from 'node:child_process';
import { BIN } from './cli.js';

export interface Resident {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Wait until `check` holds for the output so far; fails with the output after `timeoutMs`. */
  waitFor(check: (out: { stdout: string; stderr: string }) => boolean, timeoutMs?: number): Promise<void>;
  /** Send `signal` and resolve with the exit code (null when killed by a signal). */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const running = new Set<ChildProcess>();

export function startMemo(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; lifetimeMs?: number }): Resident {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...options.env };
  delete env['FORCE_COLOR'];
  const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  void exited.then(() => running.delete(child));
  // The last guard: a process a failing test forgot is killed after its lifetime.
  const guard = setTimeout(() => child.kill('SIGKILL'), options.lifetimeMs ?? 120_000);
  guard.unref();
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    async waitFor(check, timeoutMs = 20_000) {
      const start = Date.now();
      while (!check({ stdout, stderr })) {
        if (child.exitCode !== null) throw new Error(`memo exited ${child.exitCode}\nstdout:\n${stdout}\nstderr:\n${stderr}`);
        if (Date.now() - start > timeoutMs) throw new Error(`timed out; stdout:\n${stdout}\nstderr:\n${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async stop(signal = 'SIGINT') {
      if (child.exitCode === null) child.kill(signal);
      const code = await exited;
      clearTimeout(guard);
      return code;
    },
  };
}

/** Kill every resident process still running (afterAll). */
export function stopAll(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}
