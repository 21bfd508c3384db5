// memo lint --watch as a writer uses it: the built CLI runs in the background while files are
// saved the two ways editors save — write a temporary file and rename it over the memo (vim,
// many IDEs), or rewrite the memo in place (nano, VS Code) — and each save prints the findings
// of that memo; a config change re-lints every memo; Ctrl-C (SIGINT) and SIGTERM exit 0.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, EXAMPLE, memo, tempDir } from '../helpers/cli.js';
import { startMemo, stopAll } from '../helpers/resident.js';

const CLEAN = readFileSync(EXAMPLE, 'utf8');
/** The example with its Key Takeaways heading misspelt: one required-sections error on line 16. */
const MISSPELT = CLEAN.replace('## Key Takeaways', '## Key Take-aways');

function project(): string {
  const dir = tempDir('memokit-watch-');
  writeFileSync(join(dir, 'a.md'), CLEAN);
  writeFileSync(join(dir, 'b.md'), CLEAN);
  return dir;
}

/** Save as vim does with backupcopy=no: a new file beside the memo, renamed over it. */
function saveByRename(file: string, text: string): void {
  writeFileSync(`${file}.swp-tmp`, text);
  renameSync(`${file}.swp-tmp`, file);
}

/** Lines of stderr that report a run. */
const runs = (stderr: string) => stderr.split('\n').filter((line) => /^\[\d\d:\d\d:\d\d\] /.test(line));

afterAll(stopAll);

describe('memo lint --watch', () => {
  it('lints once, then the saved memo again on each save, by rename or in place, and exits 0 on Ctrl-C', async () => {
    const dir = project();
    const watch = startMemo(['lint', '--watch', '.'], { cwd: dir });
    await watch.waitFor(({ stderr }) => stderr.includes('watching 2 memos'));
    expect(runs(watch.stderr())[0]).toMatch(/linted: a\.md, b\.md \(0 errors, 0 warnings\); 2 memos: 0 errors, 0 warnings$/);

    saveByRename(join(dir, 'a.md'), MISSPELT);
    await watch.waitFor(({ stderr }) => runs(stderr).length === 2);
    expect(runs(watch.stderr())[1]).toMatch(/saved: a\.md \(1 error, 0 warnings\); 2 memos: 1 error, 0 warnings$/);
    expect(watch.stdout()).toMatch(/a\.md\n\s+16:1\s+error\s+Section "Key Take-aways".*required-sections/);
    // Only the memo saved is reported: b.md is not linted or printed again.
    expect(watch.stdout().split('b.md').length).toBe(1);

    writeFileSync(join(dir, 'a.md'), CLEAN);
    await watch.waitFor(({ stderr }) => runs(stderr).length === 3);
    expect(runs(watch.stderr())[2]).toMatch(/saved: a\.md \(0 errors, 0 warnings\); 2 memos: 0 errors, 0 warnings$/);

    // A burst of in-place writes (truncate, then write) is one run, with the last text.
    writeFileSync(join(dir, 'b.md'), '');
    writeFileSync(join(dir, 'b.md'), MISSPELT);
    await watch.waitFor(({ stderr }) => runs(stderr).length >= 4);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(runs(watch.stderr()).slice(3)).toEqual([expect.stringMatching(/saved: b\.md \(1 error, 0 warnings\); 2 memos: 1 error/)]);

    expect(await watch.stop('SIGINT')).toBe(0);
  });

  it('re-lints every memo when the config changes, and keeps watching while it is broken', async () => {
    const dir = project();
    saveByRename(join(dir, 'b.md'), MISSPELT);
    const watch = startMemo(['lint', '--watch'], { cwd: dir });
    await watch.waitFor(({ stderr }) => stderr.includes('watching 2 memos'));
    expect(runs(watch.stderr())[0]).toMatch(/2 memos: 1 error, 0 warnings$/);

    writeFileSync(join(dir, '.memorc.yaml'), 'root: true\nrules:\n  required-sections: warn\n');
    await watch.waitFor(({ stderr }) => runs(stderr).length === 2);
    expect(runs(watch.stderr())[1]).toMatch(
      /settings changed, re-linted: a\.md, b\.md \(0 errors, 1 warning\); 2 memos: 0 errors, 1 warning$/,
    );

    // A broken config is said, and the watch goes on until it is fixed.
    saveByRename(join(dir, '.memorc.yaml'), 'root: true\nrules:\n  no-such-rule: warn\n');
    await watch.waitFor(({ stderr }) => stderr.includes('unknown rule "no-such-rule"'));
    saveByRename(join(dir, '.memorc.yaml'), 'root: true\n');
    await watch.waitFor(({ stderr }) => runs(stderr).length === 3);
    expect(runs(watch.stderr())[2]).toMatch(/settings changed, re-linted: a\.md, b\.md \(1 error, 0 warnings\)/);

    expect(await watch.stop('SIGTERM')).toBe(0);
  });

  it('takes in a memo added while watching, and prints one json document per run', async () => {
    const dir = project();
    const watch = startMemo(['lint', '--watch', '.', '--format', 'json'], { cwd: dir });
    await watch.waitFor(({ stderr }) => stderr.includes('watching 2 memos'));
    writeFileSync(join(dir, 'c.md'), MISSPELT);
    await watch.waitFor(({ stderr }) => runs(stderr).length === 2);
    const documents = watch
      .stdout()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { filePath: string; errorCount: number }[]);
    expect(documents.map((document) => document.map((result) => result.filePath.slice(dir.length + 1)))).toEqual([
      ['a.md', 'b.md'],
      ['c.md'],
    ]);
    expect(documents[1]?.[0]?.errorCount).toBe(1);
    expect(await watch.stop('SIGINT')).toBe(0);
  });

  it('refuses --fix, --stdin and --cache beside --watch (exit 2)', () => {
    const dir = project();
    for (const flag of ['--fix', '--stdin', '--cache']) {
      const result = memo(['lint', '--watch', flag, '.'], { cwd: dir, input: '' });
      expect(result.status, flag).toBe(2);
      expect(result.stderr).toContain(`${flag} cannot be combined with --watch`);
    }
  });
});

// tmux is a Debian package `.ci/run` installs; without it (a developer's machine) this is skipped.
const hasTmux = spawnSync('tmux', ['-V']).status === 0;

describe.skipIf(!hasTmux)('memo lint --watch in a real terminal (tmux)', () => {
  const socket = `memokit-watch-${process.pid}`;
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  const screen = () => tmux('capture-pane', '-p', '-t', 'watch').replace(/\s+$/gm, '');
  const until = async (check: () => boolean) => {
    const start = Date.now();
    while (!check()) {
      if (Date.now() - start > 20_000) throw new Error(`timed out; the terminal shows:\n${screen()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  afterAll(() => {
    if (hasTmux) spawnSync('tmux', ['-L', socket, 'kill-server']);
  });

  it('clears the screen for each run, so the last save is what shows, and Ctrl-C exits 0', async () => {
    const dir = project();
    tmux('new-session', '-d', '-s', 'watch', '-x', '160', '-y', '40', 'bash --norc --noprofile');
    tmux('send-keys', '-t', 'watch', `cd ${dir} && PS1='PROMPT$ ' && clear`, 'Enter');
    await until(() => screen().trim() === 'PROMPT$');
    tmux('send-keys', '-t', 'watch', `env -u CI NO_COLOR=1 node ${BIN} lint --watch .; echo "exit=$?"`, 'Enter');
    await until(() => screen().includes('watching 2 memos'));
    expect(screen()).toContain('linted: a.md, b.md');

    saveByRename(join(dir, 'a.md'), MISSPELT);
    await until(() => screen().includes('saved: a.md (1 error'));
    expect(screen()).not.toContain('linted: a.md, b.md');
    expect(screen()).toContain('Section "Key Take-aways"');

    tmux('send-keys', '-t', 'watch', 'C-c');
    await until(() => /exit=\d+\nPROMPT\$$/.test(screen()));
    expect(screen()).toMatch(/exit=0\nPROMPT\$$/);
  });
});
