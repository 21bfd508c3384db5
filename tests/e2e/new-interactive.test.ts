// `memo new` in a real terminal (tmux): with the type or title missing it asks, writes the memo
// from the answers and says where; Ctrl-C at a question writes nothing and exits 130. Without a
// terminal it never asks: a missing title is the usage error it always was.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCI } from '../../src/cli/ci.js';
import { BIN, memo, tempDir } from '../helpers/cli.js';

// tmux is a Debian package `.ci/run` installs; a developer's machine without it skips, CI fails.
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
if (!hasTmux && !isCI()) console.warn('tests/e2e/new-interactive.test.ts: tmux is not installed; the terminal tests are skipped');
const SOCKET = `memokit-new-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
const screen = () => tmux('capture-pane', '-p', '-t', 'memo').replace(/\s+$/gm, '');

async function until(check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for the terminal; it shows:\n${screen()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const keys = (...args: string[]) => tmux('send-keys', '-t', 'memo', ...args);
/** Type a line once the question is on screen (the last line that starts with `?`). */
async function answer(question: string, ...typed: string[]): Promise<void> {
  await until(() => screen().includes(`? ${question}`));
  keys(...typed);
}

describe.skipIf(!hasTmux && !isCI())('memo new asks in a real terminal (tmux)', () => {
  let cwd = '';
  beforeAll(async () => {
    cwd = tempDir();
    // A project with one broken template, which is not offered.
    writeFileSync(join(cwd, '.memorc.yaml'), 'root: true\n');
    mkdirSync(join(cwd, 'templates'));
    writeFileSync(join(cwd, 'templates', 'broken.md'), 'no front matter\n');
    // A git identity of the test's own, so the author's default is known.
    const gitconfig = join(tempDir(), 'gitconfig');
    writeFileSync(gitconfig, '[user]\n\tname = Dana Reyes\n');
    tmux('new-session', '-d', '-s', 'memo', '-x', '160', '-y', '40', 'bash --norc --noprofile');
    keys(`cd ${cwd} && export GIT_CONFIG_GLOBAL=${gitconfig} GIT_CONFIG_NOSYSTEM=1 && PS1='PROMPT$ ' && clear`, 'Enter');
    await until(() => screen().trim() === 'PROMPT$');
  }, 30_000);
  afterAll(() => {
    if (hasTmux) spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
  });

  const run = async (args: string) => {
    keys('clear', 'Enter');
    await until(() => screen().trim() === 'PROMPT$');
    // Without CI, which the test run itself may have set and which turns the questions off.
    keys(`env -u CI node ${BIN} ${args}; echo "exit=$?"`, 'Enter');
  };
  const finished = () => until(() => /exit=\d+\nPROMPT\$$/.test(screen()));

  it('asks for everything: the type from the templates (with descriptions, a broken one left out), title, date and author', async () => {
    await run('new --dir out');
    await answer('Memo type');
    expect(screen()).toMatch(/rapid-response +Same-day reaction/);
    expect(screen()).toMatch(/talking-points +Lines for spokespeople/);
    expect(screen()).not.toContain('broken');
    // The list is alphabetical: backgrounder, memo, rapid-response.
    keys('Down', 'Down', 'Enter');
    await answer('Title', 'Cuts to the Budget', 'Enter');
    await answer('Date (YYYY-MM-DD)', 'C-u', '2020-02-30', 'Enter');
    await until(() => screen().includes('"2020-02-30" is not a real date'));
    keys('C-u', '2020-02-03', 'Enter');
    // The author's default is git's user.name; Enter takes it.
    await answer('Author', 'Enter');
    await finished();
    expect(screen()).toMatch(/out\/2020-02-03-cuts-to-the-budget\.md\nexit=0\nPROMPT\$$/);
    const text = readFileSync(join(cwd, 'out', '2020-02-03-cuts-to-the-budget.md'), 'utf8');
    expect(text).toMatch(/^---\ntype: rapid-response\ntitle: Cuts to the Budget\ndate: 2020-02-03\nauthor: Dana Reyes\n---\n/);
    expect(text).toContain('## Key Takeaways');
  }, 60_000);

  it('with the type given, asks only for the rest; an empty title is refused; --author is not asked', async () => {
    await run('new statement --author "Press Office" -o statement.md');
    await answer('Title', 'Enter');
    await until(() => screen().includes('The title cannot be empty.'));
    keys('On the Budget', 'Enter');
    await answer('Date (YYYY-MM-DD)', 'Enter');
    await finished();
    expect(screen()).not.toContain('Memo type');
    expect(screen()).not.toContain('Author');
    expect(screen()).toMatch(/statement\.md\nexit=0\nPROMPT\$$/);
    const text = readFileSync(join(cwd, 'statement.md'), 'utf8');
    expect(text).toMatch(/^---\ntype: statement\ntitle: On the Budget\ndate: \d{4}-\d{2}-\d{2}\nauthor: Press Office\n---\n/);
  }, 60_000);

  it("offers the config's new.author (several stay a list) instead of git's name", async () => {
    mkdirSync(join(cwd, 'desk'));
    writeFileSync(join(cwd, 'desk', '.memorc.yaml'), 'root: true\nnew:\n  author: [Policy Team, Press Office]\n');
    await run('new statement --config desk/.memorc.yaml --date 2020-01-02 -o desk.md');
    await answer('Title', 'On Costs', 'Enter');
    await answer('Author');
    expect(screen()).toContain('(Policy Team, Press Office)');
    keys('Enter');
    await finished();
    expect(readFileSync(join(cwd, 'desk.md'), 'utf8')).toContain('\nauthor: [Policy Team, Press Office]\n');
  }, 60_000);

  it('Ctrl-C at the title question writes nothing and exits 130', async () => {
    const before = readdirSync(cwd).sort();
    await run('new backgrounder --dir interrupted');
    await answer('Title', 'Half a tit');
    keys('C-c');
    await finished();
    expect(screen()).toMatch(/exit=130\nPROMPT\$$/);
    expect(readdirSync(cwd).sort()).toEqual(before);
  }, 60_000);

  it('--stdout never asks, even in a terminal: the memo itself goes to stdout', async () => {
    await run('new statement --stdout');
    await finished();
    expect(screen()).not.toContain('Title');
    expect(screen()).toMatch(/missing required argument 'title'\nexit=2\nPROMPT\$$/);
  }, 60_000);
});

describe('memo new without a terminal never asks', () => {
  it('a missing title is a usage error naming it (exit 2), nothing written', () => {
    const cwd = tempDir();
    const result = memo(['new', 'statement'], { cwd, env: { CI: '' } });
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe("memo: missing required argument 'title'");
    expect(result.stdout).toBe('');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('a missing type likewise', () => {
    const cwd = tempDir();
    const result = memo(['new'], { cwd, env: { CI: '' } });
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe("memo: missing required argument 'type'");
  });
});
