// `memo lint --fix` writes like an editor saves (#15): through a symbolic link it fixes the file
// the link points at and keeps the link; it keeps the file's permissions and, where permitted,
// its owner; and it never writes over a file that changed on disk after it was read.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, EXAMPLE, ROOT, memo, tempDir } from '../helpers/cli.js';

const ORIGINAL = readFileSync(EXAMPLE, 'utf8');
/** The example memo with a wrong title heading: `--fix` writes the example back. */
const BROKEN = ORIGINAL.replace(/^# Memo: .*$/m, '# Wrong title');
const EDIT_HOOK = join(ROOT, 'tests', 'helpers', 'edit-during-fix.mjs');

/** A folder with `memo.md` holding the broken memo. */
function brokenMemo(): string {
  const cwd = tempDir();
  writeFileSync(join(cwd, 'memo.md'), BROKEN);
  return cwd;
}

describe('--fix through a symbolic link fixes the file it points at and keeps the link', () => {
  it('a relative link into another folder, and a chain of two links', () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'shared'));
    mkdirSync(join(cwd, 'memos'));
    writeFileSync(join(cwd, 'shared', 'real.md'), BROKEN);
    symlinkSync('../shared/real.md', join(cwd, 'memos', 'link.md'));
    symlinkSync('link.md', join(cwd, 'memos', 'again.md'));

    const first = memo(['lint', '--fix', 'memos/link.md'], { cwd });
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(lstatSync(join(cwd, 'memos', 'link.md')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(cwd, 'memos', 'link.md'))).toBe('../shared/real.md');
    expect(readFileSync(join(cwd, 'shared', 'real.md'), 'utf8')).toBe(ORIGINAL);
    // No temporary file left beside the link or the target.
    expect(readdirSync(join(cwd, 'memos')).sort()).toEqual(['again.md', 'link.md']);
    expect(readdirSync(join(cwd, 'shared'))).toEqual(['real.md']);

    writeFileSync(join(cwd, 'shared', 'real.md'), BROKEN);
    expect(memo(['lint', '--fix', 'memos/again.md'], { cwd }).status).toBe(0);
    expect(readlinkSync(join(cwd, 'memos', 'again.md'))).toBe('link.md');
    expect(readlinkSync(join(cwd, 'memos', 'link.md'))).toBe('../shared/real.md');
    expect(readFileSync(join(cwd, 'shared', 'real.md'), 'utf8')).toBe(ORIGINAL);
  });
});

describe('--fix keeps the permissions and owner of the file', () => {
  it.each(['640', '600', '666', '444'])('a %s memo keeps that mode, whatever the umask', (octal) => {
    const mode = Number.parseInt(octal, 8);
    const cwd = brokenMemo();
    chmodSync(join(cwd, 'memo.md'), mode);
    const result = memo(['lint', '--fix', 'memo.md'], { cwd });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(readFileSync(join(cwd, 'memo.md'), 'utf8')).toBe(ORIGINAL);
    expect(statSync(join(cwd, 'memo.md')).mode & 0o7777).toBe(mode);
  });

  it('keeps owner and group (as root: any; otherwise: ours, and a group of ours)', () => {
    const cwd = brokenMemo();
    const file = join(cwd, 'memo.md');
    const root = process.getuid?.() === 0;
    const uid = root ? 1234 : (process.getuid?.() ?? 0);
    const gid = root ? 5678 : (process.getgroups?.().find((group) => group !== process.getgid?.()) ?? process.getgid?.() ?? 0);
    chownSync(file, uid, gid);
    chmodSync(file, 0o640);
    expect(memo(['lint', '--fix', 'memo.md'], { cwd }).status).toBe(0);
    const after = statSync(file);
    expect(readFileSync(file, 'utf8')).toBe(ORIGINAL);
    expect([after.uid, after.gid, after.mode & 0o7777]).toEqual([uid, gid, 0o640]);
  });
});

/** Run `memo lint --fix` with a writer editing `file` right before memo's rename. */
function fixWhileEditing(cwd: string, file: string, edit: 'append' | 'touch' | 'remove', args: string[]) {
  return memo(['lint', '--fix', ...args], {
    cwd,
    env: { NODE_OPTIONS: `--import ${EDIT_HOOK}`, MEMOKIT_EDIT_FILE: file, MEMOKIT_EDIT: edit },
  });
}

describe('--fix never writes over a file that changed on disk after it was read', () => {
  it('an edit saved while memo was fixing: reported, exit 2, the edit kept; the other memo still fixed', () => {
    const cwd = brokenMemo();
    writeFileSync(join(cwd, 'other.md'), BROKEN);
    const result = fixWhileEditing(cwd, join(cwd, 'memo.md'), 'append', ['memo.md', 'other.md']);
    expect(result.stderr).toBe('memo: memo.md: changed on disk while memo was fixing it; not written\n');
    expect(result.status).toBe(2);
    expect(readFileSync(join(cwd, 'memo.md'), 'utf8')).toBe(`${BROKEN}\nA line the writer added.\n`);
    expect(readFileSync(join(cwd, 'other.md'), 'utf8')).toBe(ORIGINAL);
    expect(readdirSync(cwd).sort()).toEqual(['memo.md', 'other.md']);
  });

  it('through a symbolic link too: the target keeps the edit, the link stays', () => {
    const cwd = brokenMemo();
    symlinkSync('memo.md', join(cwd, 'link.md'));
    const result = fixWhileEditing(cwd, join(cwd, 'memo.md'), 'append', ['link.md']);
    expect(result.stderr).toBe('memo: link.md: changed on disk while memo was fixing it; not written\n');
    expect(result.status).toBe(2);
    expect(readFileSync(join(cwd, 'memo.md'), 'utf8')).toBe(`${BROKEN}\nA line the writer added.\n`);
    expect(lstatSync(join(cwd, 'link.md')).isSymbolicLink()).toBe(true);
  });

  it('a file removed while memo was fixing it stays removed', () => {
    const cwd = brokenMemo();
    const result = fixWhileEditing(cwd, join(cwd, 'memo.md'), 'remove', ['memo.md']);
    expect(result.stderr).toBe('memo: memo.md: changed on disk while memo was fixing it; not written\n');
    expect(result.status).toBe(2);
    expect(existsSync(join(cwd, 'memo.md'))).toBe(false);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('a file only touched (new times, same bytes) is fixed', () => {
    const cwd = brokenMemo();
    const result = fixWhileEditing(cwd, join(cwd, 'memo.md'), 'touch', ['memo.md']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(readFileSync(join(cwd, 'memo.md'), 'utf8')).toBe(ORIGINAL);
  });
});

/** The command prefix that runs the CLI as `nobody` (only possible as root), if there is one. */
function asNobody(): string[] | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const prefix of [
    ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups'],
    ['runuser', '-u', 'nobody', '--'],
  ]) {
    const probe = spawnSync(prefix[0] as string, [
      ...prefix.slice(1),
      process.execPath,
      '-e',
      'process.exit(process.getuid() === 0 ? 1 : 0)',
    ]);
    if (probe.status === 0) return prefix;
  }
  return undefined;
}

const nobody = asNobody();

describe('where keeping the owner is not permitted', () => {
  it.skipIf(!nobody)(
    `the fix is still written, with the file's permissions${nobody ? '' : ' — skipped: needs root and setpriv or runuser to run as nobody'}`,
    () => {
      const cwd = brokenMemo();
      chmodSync(cwd, 0o777);
      chmodSync(join(cwd, 'memo.md'), 0o644);
      const [command = '', ...rest] = [...(nobody ?? []), process.execPath, BIN, 'lint', '--fix', 'memo.md'];
      const result = spawnSync(command, rest, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const after = statSync(join(cwd, 'memo.md'));
      expect(readFileSync(join(cwd, 'memo.md'), 'utf8')).toBe(ORIGINAL);
      expect(after.uid).not.toBe(0);
      expect(after.mode & 0o7777).toBe(0o644);
    },
  );
});
