// The progress bar in a real terminal (tmux): errors printed during a batch stay on screen above
// the bar, the bar leaves no trace, the shell prompt comes after everything, and the cursor and
// line wrapping are back on every way out, Ctrl-C included.
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, tempDir } from '../helpers/cli.js';

// tmux is a Debian package `.ci/run` installs; without it (a developer's machine) the suite says so.
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const SOCKET = `memokit-test-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });

async function until(check: () => boolean, timeoutMs = 30_000, pollMs = 100): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for the terminal; it shows:\n${screen()}`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

const screen = () => tmux('capture-pane', '-p', '-t', 'memo').replace(/\s+$/gm, '');
const flags = () => tmux('display', '-p', '-t', 'memo', '#{cursor_flag} #{wrap_flag}').trim();

describe.skipIf(!hasTmux)('the progress bar in a real terminal (tmux)', () => {
  let cwd = '';
  beforeAll(async () => {
    cwd = tempDir();
    const { generateCorpus } = (await import('../../bench/generate.mjs')) as {
      generateCorpus: (options: { memos: number; out: string }) => unknown;
    };
    // Enough memos that one thread takes seconds: Ctrl-C must land mid-batch, not after it.
    generateCorpus({ memos: 1200, out: join(cwd, 'in') });
    writeFileSync(join(cwd, 'in', 'bad-one.md'), Buffer.from([0, 1, 2]));
    writeFileSync(join(cwd, 'in', 'set-00', 'bad-two.md'), Buffer.from([0, 1, 2]));
    tmux('new-session', '-d', '-s', 'memo', '-x', '200', '-y', '50', 'bash --norc --noprofile');
    tmux('send-keys', '-t', 'memo', `cd ${cwd} && PS1='PROMPT$ ' && clear`, 'Enter');
    await until(() => screen().trim() === 'PROMPT$');
  }, 60_000);
  afterAll(() => {
    if (hasTmux) spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
  });

  const run = async (args: string) => {
    tmux('send-keys', '-t', 'memo', 'clear', 'Enter');
    await until(() => screen().trim() === 'PROMPT$');
    // One thread, so the batch is long enough to watch (and to interrupt); without CI, which
    // the test run itself may have set and which turns the bar off.
    tmux('send-keys', '-t', 'memo', `env -u CI MEMOKIT_THREADS=1 node ${BIN} ${args}; echo "exit=$?"`, 'Enter');
  };

  it('keeps the errors printed during a batch on screen, above a bar that leaves no trace, and the prompt after them', async () => {
    await run('export in --to html --out-dir out');
    await until(() => /exit=\d+\nPROMPT\$$/.test(screen()));
    const lines = screen().split('\n').filter(Boolean);
    expect(screen()).not.toContain('exporting');
    expect(lines.slice(lines.findIndex((line) => line.startsWith('memo: ')))).toEqual([
      'memo: in/bad-one.md: file is binary, not a Markdown memo',
      'memo: in/set-00/bad-two.md: file is binary, not a Markdown memo',
      '1200 memos written to out, 2 failed',
      'exit=2',
      'PROMPT$',
    ]);
    expect(flags()).toBe('1 1');
  }, 60_000);

  it('after Ctrl-C mid-batch, gives the cursor and line wrapping back and exits 130', async () => {
    await run('export in --to html --out-dir out2');
    await until(() => screen().includes('exporting'), 30_000, 20);
    tmux('send-keys', '-t', 'memo', 'C-c');
    await until(() => /exit=\d+\nPROMPT\$$/.test(screen()));
    expect(screen()).toMatch(/exit=130\nPROMPT\$$/);
    expect(flags()).toBe('1 1');
  }, 60_000);
});
