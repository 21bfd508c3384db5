// No output onto an input (#15): export, bundle and import refuse (exit 2, the input byte for
// byte as it was, nothing written) an output path that resolves to one of their inputs, by any
// name: the same path, ./x.md, a symbolic or hard link, a path through a linked folder.
import { cpSync, linkSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE, FIXTURES, memo, tempDir } from '../helpers/cli.js';

/** The example memo as a Windows editor saves it: byte-order mark, CRLF line endings. */
const MEMO = Buffer.from(`\uFEFF${readFileSync(EXAMPLE, 'utf8').replace(/\n/g, '\r\n')}`);

/** A folder with x.md (the memo above), y.md, and names for x.md: link.md, hard.md, via/ (→ .). */
function folder(): string {
  const cwd = tempDir();
  writeFileSync(join(cwd, 'x.md'), MEMO);
  cpSync(EXAMPLE, join(cwd, 'y.md'));
  symlinkSync('x.md', join(cwd, 'link.md'));
  linkSync(join(cwd, 'x.md'), join(cwd, 'hard.md'));
  symlinkSync('.', join(cwd, 'via'));
  return cwd;
}

const NAMES = ['hard.md', 'link.md', 'via', 'x.md', 'y.md'];

describe('-o naming an input is refused: exit 2, one line, the input untouched, nothing written', () => {
  it.each([
    ['export to the input itself', ['export', 'x.md', '--to', 'text', '-o', 'x.md'], 'x.md: -o names an input; nothing written'],
    [
      'export to ./x.md',
      ['export', 'x.md', '--to', 'html', '-o', './x.md'],
      './x.md: -o names an input (the same file as x.md); nothing written',
    ],
    [
      'export to a link to it',
      ['export', 'x.md', '--to', 'json', '-o', 'link.md'],
      'link.md: -o names an input (the same file as x.md); nothing written',
    ],
    [
      'export to a hard link to it',
      ['export', 'x.md', '--to', 'text', '-o', 'hard.md'],
      'hard.md: -o names an input (the same file as x.md); nothing written',
    ],
    [
      'export through a linked folder',
      ['export', 'x.md', '--to', 'text', '-o', 'via/x.md'],
      'via/x.md: -o names an input (the same file as x.md); nothing written',
    ],
    [
      'export of a link, to the file it points at',
      ['export', 'link.md', '--to', 'text', '-o', 'x.md'],
      'x.md: -o names an input (the same file as link.md); nothing written',
    ],
    ['bundle onto one of its memos', ['bundle', 'y.md', 'x.md', '--to', 'text', '-o', 'x.md'], 'x.md: -o names an input; nothing written'],
    ['bundle of a folder, onto a memo in it', ['bundle', '.', '--to', 'html', '-o', 'y.md'], 'y.md: -o names an input; nothing written'],
    ['import onto its source', ['import', 'x.md', '-o', 'x.md'], 'x.md: -o names an input; nothing written'],
    [
      'import onto a link to its source',
      ['import', 'x.md', '-o', 'link.md'],
      'link.md: -o names an input (the same file as x.md); nothing written',
    ],
  ])('%s', (_name, args, message) => {
    const cwd = folder();
    const result = memo(args, { cwd });
    expect(result.stderr).toBe(`memo: ${message}\n`);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(readFileSync(join(cwd, 'x.md')).equals(MEMO)).toBe(true);
    expect(readFileSync(join(cwd, 'y.md'), 'utf8')).toBe(readFileSync(EXAMPLE, 'utf8'));
    expect(readdirSync(cwd).sort()).toEqual(NAMES);
  });

  it('an import of published text onto the text itself', () => {
    const cwd = tempDir();
    const text = readFileSync(join(FIXTURES, 'import', 'reference.txt'));
    writeFileSync(join(cwd, 'memo.txt'), text);
    const result = memo(['import', 'memo.txt', '-o', 'memo.txt'], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('memo: memo.txt: -o names an input; nothing written\n');
    expect(readFileSync(join(cwd, 'memo.txt')).equals(text)).toBe(true);
  });

  it('a link to a file that is no input is still replaced, never written through', () => {
    const cwd = folder();
    writeFileSync(join(cwd, 'keep.txt'), 'do not touch\n');
    symlinkSync('keep.txt', join(cwd, 'out.txt'));
    const result = memo(['export', 'x.md', '--to', 'text', '-o', 'out.txt'], { cwd });
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(join(cwd, 'keep.txt'), 'utf8')).toBe('do not touch\n');
    expect(readFileSync(join(cwd, 'out.txt'), 'utf8')).toMatch(/^December 31, 2019\n/);
  });
});

describe('--out-dir', () => {
  it('an output it would place onto an input is refused and named; the rest are written; exit 2', () => {
    const cwd = tempDir();
    // An input named explicitly may have any extension; its text export would be itself.
    writeFileSync(join(cwd, 'notes.txt'), MEMO);
    cpSync(EXAMPLE, join(cwd, 'y.md'));
    const result = memo(['export', 'notes.txt', 'y.md', '--to', 'text', '--out-dir', '.'], { cwd });
    expect(result.stderr).toMatch(/^memo: notes\.txt: its output notes\.txt is an input; not exported\n/);
    expect(result.status).toBe(2);
    expect(readFileSync(join(cwd, 'notes.txt')).equals(MEMO)).toBe(true);
    expect(readFileSync(join(cwd, 'y.txt'), 'utf8')).toMatch(/^December 31, 2019\n/);
  });

  it('an output on a link to another input is refused too', () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'out'));
    writeFileSync(join(cwd, 'x.md'), MEMO);
    symlinkSync('../x.md', join(cwd, 'out', 'x.txt'));
    const result = memo(['export', 'x.md', '--to', 'text', '--out-dir', 'out'], { cwd });
    expect(result.stderr).toMatch(/^memo: x\.md: its output out\/x\.txt is an input \(the same file as x\.md\); not exported\n/);
    expect(result.status).toBe(2);
    expect(readFileSync(join(cwd, 'x.md')).equals(MEMO)).toBe(true);
  });

  it.each([
    ['names an existing file', 'file.txt', '--out-dir names a file, not a folder'],
    ['runs through a file', 'file.txt/sub', '--out-dir runs through a file, not a folder'],
  ])('%s: one line that fits export (which has no --force), exit 2', (_name, outDir, what) => {
    const cwd = folder();
    writeFileSync(join(cwd, 'file.txt'), 'mine\n');
    const result = memo(['export', 'x.md', 'y.md', '--to', 'html', '--out-dir', outDir], { cwd });
    expect(result.stderr).toBe(`memo: ${outDir}: ${what}; give a folder (it is created if missing), or -o FILE for one memo\n`);
    expect(result.status).toBe(2);
    expect(readFileSync(join(cwd, 'file.txt'), 'utf8')).toBe('mine\n');
  });
});
