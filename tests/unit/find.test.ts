// Folder walks against git itself: the memos memokit finds under a repository are exactly the
// *.md files git does not ignore (less dot folders and node_modules, which walks always skip).
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findMemoFiles } from '../../src/io/find.js';
import { tempDir } from '../helpers/cli.js';

function tree(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/** The *.md files git would commit (tracked or not, never ignored), as absolute paths. */
function gitSees(root: string): string[] {
  const listed = execFileSync('git', ['ls-files', '--others', '--exclude-standard', '-z'], { cwd: root, encoding: 'utf8' }).split('\0');
  return listed
    .filter((path) => path.endsWith('.md') && !path.split('/').some((part) => part.startsWith('.') || part === 'node_modules'))
    .map((path) => join(root, path))
    .sort();
}

describe('findMemoFiles on folders', () => {
  it('skips what the .gitignore files of the repository skip, as git does', async () => {
    const root = tempDir();
    execFileSync('git', ['init', '-q'], { cwd: root });
    tree(root, {
      '.gitignore': 'drafts/\n*.tmp.md\n/top-only.md\nbuild/*\n!build/keep/\nnested/**/deep.md\n',
      'memo.md': 'x',
      'top-only.md': 'x',
      'a/top-only.md': 'x',
      'drafts/x.md': 'x',
      'a/drafts/y.md': 'x',
      'a/b.tmp.md': 'x',
      'build/out.md': 'x',
      'build/keep/kept.md': 'x',
      'nested/one/two/deep.md': 'x',
      'nested/one/shallow.md': 'x',
      'sub/.gitignore': '*.md\n!wanted.md\n',
      'sub/unwanted.md': 'x',
      'sub/wanted.md': 'x',
      'sub/inner/also.md': 'x',
      'sub/inner/wanted.md': 'x',
      'space name/é memo.md': 'x',
      'node_modules/pkg/readme.md': 'x',
      '.hidden/secret.md': 'x',
      'notes.txt': 'x',
    });
    symlinkSync(join(root, 'memo.md'), join(root, 'linked.md'));
    const found = await findMemoFiles(['.'], { cwd: root });
    expect(found.errors).toEqual([]);
    // git lists the symlink as a file; walks skip symbolic links.
    expect(found.files).toEqual(gitSees(root).filter((file) => !file.endsWith('linked.md')));
    expect(found.files.map((file) => file.slice(root.length + 1))).toEqual([
      'a/top-only.md',
      'build/keep/kept.md',
      'memo.md',
      'nested/one/shallow.md',
      'space name/é memo.md',
      'sub/inner/wanted.md',
      'sub/wanted.md',
    ]);
  });

  it('walks a folder the user names even when it is ignored, and a nested repository by its own rules', async () => {
    const root = tempDir();
    execFileSync('git', ['init', '-q'], { cwd: root });
    tree(root, { '.gitignore': 'corpus/\n', 'corpus/a.md': 'x', 'corpus/set/b.md': 'x', 'vendor/skip.md': 'x', 'vendor/take.md': 'x' });
    execFileSync('git', ['init', '-q'], { cwd: join(root, 'vendor') });
    writeFileSync(join(root, 'vendor', '.gitignore'), 'take.md\n');
    expect((await findMemoFiles(['corpus'], { cwd: root })).files).toEqual([join(root, 'corpus/a.md'), join(root, 'corpus/set/b.md')]);
    expect((await findMemoFiles(['vendor'], { cwd: root })).files).toEqual([join(root, 'vendor/skip.md')]);
  });
});
