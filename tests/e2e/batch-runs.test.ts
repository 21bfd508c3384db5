// Batch runs that never surprise (issue #16): overlapping inputs, globs that take memos only,
// outputs never inputs, a stable layout from the root folder, collisions refused before any
// write, stale outputs named and pruned, options that do not apply named, and the bundle's
// --strict, dates, bylines and title.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE, memo, tempDir } from '../helpers/cli.js';
import { listTree } from '../helpers/memo-folder.js';

const MANIFEST = '.memokit-outputs.json';

/** The files linted, from `--format json`, relative to `cwd`. */
function linted(cwd: string, stdout: string): string[] {
  return (JSON.parse(stdout) as { filePath: string }[]).map((result) => result.filePath.slice(cwd.length + 1)).sort();
}

/** in/a/b/one.md, in/two.md, in/notes.txt and in/chart.png, in a fresh working folder. */
function tree(): string {
  const cwd = tempDir();
  mkdirSync(join(cwd, 'in', 'a', 'b'), { recursive: true });
  cpSync(EXAMPLE, join(cwd, 'in', 'a', 'b', 'one.md'));
  cpSync(EXAMPLE, join(cwd, 'in', 'two.md'));
  writeFileSync(join(cwd, 'in', 'notes.txt'), 'not a memo\n');
  writeFileSync(join(cwd, 'in', 'chart.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
  return cwd;
}

describe('overlapping inputs are merged, not errors', () => {
  it.each([
    ['a file and a glob that also matches it', ['in/two.md', 'in/*.md'], ['in/two.md']],
    ['a folder twice', ['in', 'in'], ['in/a/b/one.md', 'in/two.md']],
    ['a folder and a glob inside it', ['in', 'in/**/*.md'], ['in/a/b/one.md', 'in/two.md']],
    ['a glob and a file it matched', ['in/*.md', 'in/two.md'], ['in/two.md']],
  ])('memo lint: %s: exit 0, each memo once', (_name, inputs, expected) => {
    const cwd = tree();
    const result = memo(['lint', ...inputs, '--format', 'json'], { cwd });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(linted(cwd, result.stdout)).toEqual(expected);
  });

  it('memo export: a folder and a glob inside it export each memo once, exit 0', () => {
    const cwd = tree();
    const result = memo(['export', 'in', 'in/*.md', '--to', 'json', '--out-dir', 'out'], { cwd });
    expect(result.stderr).toBe('2 memos written to out\n');
    expect(result.status).toBe(0);
  });

  it('a glob that matched only ignored memos still says what skipped them', () => {
    const cwd = tree();
    writeFileSync(join(cwd, '.memorc.yaml'), 'ignore: ["in/two.md"]\n');
    const result = memo(['lint', 'in/*.md'], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'memo: in/*.md: 1 file skipped by `ignore` in .memorc.yaml (a file named on the command line is always taken)\n',
    );
  });
});

describe('globs and walks take memos only, never their own output', () => {
  it('"in/*" lints the memo files, not notes.txt or a .png', () => {
    const cwd = tree();
    const result = memo(['lint', 'in/*', '--format', 'json'], { cwd });
    expect(result.stderr).toBe('');
    expect(linted(cwd, result.stdout)).toEqual(['in/two.md']);
  });

  it('a glob that matches only other files says so, exit 2', () => {
    const cwd = tree();
    const result = memo(['lint', 'in/*.txt'], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('memo: in/*.txt: no memo files match this pattern (1 other file did; memos are *.md or *.markdown)\n');
  });

  it.each([
    ['a glob', 'in/**'],
    ['a folder', 'in'],
  ])('export of %s with --out-dir inside it, three times: never exports its own output', (_name, input) => {
    const cwd = tree();
    // A Markdown file in the out-dir too (a site generator's page, say): still not an input.
    mkdirSync(join(cwd, 'in', 'site'), { recursive: true });
    cpSync(EXAMPLE, join(cwd, 'in', 'site', 'page.md'));
    for (let run = 0; run < 3; run++) {
      const result = memo(['export', input, '--to', 'html', '--out-dir', 'in/site'], { cwd });
      expect(result.stderr).toBe('2 memos written to in/site\n');
      expect(result.status).toBe(0);
    }
    expect(listTree(join(cwd, 'in', 'site')).sort()).toEqual([MANIFEST, 'in/a/b/one.html', 'in/two.html', 'page.md']);
  });

  it('an out-dir that is the folder given is no reason to skip anything', () => {
    const cwd = tree();
    const result = memo(['export', '.', '--to', 'text', '--out-dir', '.'], { cwd });
    expect(result.stderr).toBe('2 memos written to .\n');
    expect(existsSync(join(cwd, 'in', 'two.txt'))).toBe(true);
  });
});

describe('outputs are laid out from the root folder', () => {
  it('a part of the tree and the whole tree write a memo to the same path', () => {
    const cwd = tree();
    memo(['export', 'in/a', '--to', 'html', '--out-dir', 'one'], { cwd });
    memo(['export', 'in', '--to', 'html', '--out-dir', 'two'], { cwd });
    memo(['export', 'in/a/b/one.md', '--to', 'html', '--out-dir', 'three'], { cwd });
    for (const out of ['one', 'two', 'three']) expect(existsSync(join(cwd, out, 'in', 'a', 'b', 'one.html')), out).toBe(true);
  });

  it('the root is the nearest .memorc.yaml folder, from any working folder below it', () => {
    const cwd = tree();
    writeFileSync(join(cwd, '.memorc.yaml'), 'rules: {}\n');
    const result = memo(['export', '.', '--to', 'json', '--out-dir', '../../site'], { cwd: join(cwd, 'in', 'a') });
    expect(result.status, result.stderr).toBe(0);
    expect(existsSync(join(cwd, 'site', 'in', 'a', 'b', 'one.json'))).toBe(true);
  });

  it('--root sets it; a --root that is not a folder is one line, exit 2', () => {
    const cwd = tree();
    expect(memo(['export', 'in', '--to', 'json', '--out-dir', 'out', '--root', 'in'], { cwd }).status).toBe(0);
    expect(listTree(join(cwd, 'out')).sort()).toEqual([MANIFEST, 'a/b/one.json', 'two.json']);
    const missing = memo(['export', 'in', '--to', 'json', '--out-dir', 'out2', '--root', 'nowhere'], { cwd });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('memo: nowhere: --root is not a folder\n');
    expect(existsSync(join(cwd, 'out2'))).toBe(false);
  });
});

describe('two inputs never write one output', () => {
  it.each([
    // Named in sorted order (code points: capitals first).
    ['a.md and a.MD', ['a.MD', 'a.md']],
    ['a.md and a.markdown', ['a.markdown', 'a.md']],
    ['A.md and a.md (one file on a case-insensitive disk)', ['A.md', 'a.md']],
  ])('%s: both named, nothing written, exit 2', (_name, names) => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'c'));
    for (const name of names) cpSync(EXAMPLE, join(cwd, 'c', name));
    cpSync(EXAMPLE, join(cwd, 'c', 'other.md'));
    const result = memo(['export', 'c', '--to', 'json', '--out-dir', 'out'], { cwd });
    expect(result.status).toBe(2);
    const [collision, summary, ...more] = result.stderr.trim().split('\n');
    expect(collision).toMatch(
      new RegExp(`^memo: out/c/[aA]\\.json: c/${names[0]} and c/${names[1]} would both be written here; rename one$`),
    );
    expect(summary).toBe('nothing written to out: 1 output claimed by more than one memo');
    expect(more).toEqual([]);
    expect(existsSync(join(cwd, 'out'))).toBe(false);
  });
});

describe('stale outputs: named, counted, and removed with --prune', () => {
  it('a deleted memo: warned, counted in the summary, exit unchanged; --prune removes it and its empty folder', () => {
    const cwd = tree();
    expect(memo(['export', 'in', '--to', 'html', '--out-dir', 'out'], { cwd }).status).toBe(0);
    rmSync(join(cwd, 'in', 'a'), { recursive: true });
    const again = memo(['export', 'in', '--to', 'html', '--out-dir', 'out'], { cwd });
    expect(again.status).toBe(0);
    expect(again.stderr).toBe(
      'memo: warning: out/in/a/b/one.html: stale output: in/a/b/one.md no longer exists (--prune removes it)\n' +
        '1 memo written to out, 1 stale (--prune removes them)\n',
    );
    const pruned = memo(['export', 'in', '--to', 'html', '--out-dir', 'out', '--prune'], { cwd });
    expect(pruned.status).toBe(0);
    expect(pruned.stderr).toBe('removed out/in/a/b/one.html: in/a/b/one.md no longer exists\n1 memo written to out, 1 stale removed\n');
    expect(listTree(join(cwd, 'out')).sort()).toEqual([MANIFEST, 'in/two.html']);
    expect(existsSync(join(cwd, 'out', 'in', 'a'))).toBe(false);
    // Pruned and recorded: the next run is quiet.
    expect(memo(['export', 'in', '--to', 'html', '--out-dir', 'out'], { cwd }).stderr).toBe('1 memo written to out\n');
  });

  it('a memo now refused by --strict: its old output is stale; a run over another part of the tree leaves it alone', () => {
    const cwd = tree();
    expect(memo(['export', 'in', '--to', 'text', '--out-dir', 'out'], { cwd }).status).toBe(0);
    writeFileSync(join(cwd, 'in', 'two.md'), readFileSync(EXAMPLE, 'utf8').replace('## Key Takeaways', '## Notes'));
    const strict = memo(['export', 'in', '--to', 'text', '--out-dir', 'out', '--strict'], { cwd });
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain(
      'memo: warning: out/in/two.txt: stale output: this run did not write it from in/two.md (--prune removes it)\n',
    );
    expect(strict.stderr.trim().split('\n').at(-1)).toBe('1 memo written to out, 1 refused (--strict), 1 stale (--prune removes them)');
    const partial = memo(['export', 'in/a', '--to', 'text', '--out-dir', 'out'], { cwd });
    expect(partial.stderr).toBe('1 memo written to out\n');
    const pruned = memo(['export', 'in', '--to', 'text', '--out-dir', 'out', '--strict', '--prune'], { cwd });
    expect(pruned.status).toBe(1);
    expect(existsSync(join(cwd, 'out', 'in', 'two.txt'))).toBe(false);
  });

  it('only what memokit recorded is pruned; other formats and files are left alone', () => {
    const cwd = tree();
    memo(['export', 'in', '--to', 'html', '--out-dir', 'out'], { cwd });
    memo(['export', 'in', '--to', 'json', '--out-dir', 'out'], { cwd });
    writeFileSync(join(cwd, 'out', 'in', 'hand-written.html'), '<p>mine</p>\n');
    rmSync(join(cwd, 'in', 'two.md'));
    const pruned = memo(['export', 'in', '--to', 'html', '--out-dir', 'out', '--prune'], { cwd });
    expect(pruned.status).toBe(0);
    // two.json is stale too, but for a --to json run to say.
    expect(listTree(join(cwd, 'out')).sort()).toEqual([
      MANIFEST,
      'in/a/b/one.html',
      'in/a/b/one.json',
      'in/hand-written.html',
      'in/two.json',
    ]);
  });

  it('a record that is not JSON is warned about and rewritten; nothing is pruned', () => {
    const cwd = tree();
    memo(['export', 'in', '--to', 'html', '--out-dir', 'out'], { cwd });
    writeFileSync(join(cwd, 'out', MANIFEST), '{ not json');
    rmSync(join(cwd, 'in', 'two.md'));
    const result = memo(['export', 'in', '--to', 'html', '--out-dir', 'out', '--prune'], { cwd });
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^memo: warning: .*out\/\.memokit-outputs\.json: not a record memokit wrote \(invalid JSON\)/);
    expect(existsSync(join(cwd, 'out', 'in', 'two.html'))).toBe(true);
    expect(JSON.parse(readFileSync(join(cwd, 'out', MANIFEST), 'utf8'))).toEqual({
      memokit: 1,
      outputs: { 'in/a/b/one.html': { memo: '../in/a/b/one.md', format: 'html' } },
    });
  });
});

describe('options that do not apply are named', () => {
  it.each([
    [['--to', 'text', '--email'], '--email applies only to --to html; ignored with --to text'],
    [['--to', 'json', '--fragment'], '--fragment applies only to --to html; ignored with --to json'],
    [['--to', 'html', '--width', '60'], '--width applies only to --to text; ignored with --to html'],
    [['--to', 'text', '--prune'], '--prune applies only with --out-dir; ignored'],
    [['--to', 'text', '--root', '.'], '--root applies only with --out-dir; ignored'],
  ])('memo export %j: a warning, and the export still done', (options, warning) => {
    const result = memo(['export', EXAMPLE, ...options]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(`memo: warning: ${warning}\n`);
    expect(result.stdout.length).toBeGreaterThan(100);
  });

  it('export --help says --to is required', () => {
    expect(memo(['export', '--help']).stdout).toMatch(/--to <format>\s+output format \(required\)/);
  });
});

describe('memo bundle', () => {
  function memos(): string {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'memos'));
    cpSync(EXAMPLE, join(cwd, 'memos', 'good.md'));
    const text = readFileSync(EXAMPLE, 'utf8');
    writeFileSync(
      join(cwd, 'memos', 'two.md'),
      text.replace('date: 2019-12-31', 'date: 2019-02-30').replace('author: Policy Team', 'author: [Dana Reyes, Sam Ortiz]'),
    );
    return cwd;
  }

  it('an impossible front-matter date is reported with its line; the memo is bundled, undated, last', () => {
    const cwd = memos();
    const result = memo(['bundle', 'memos', '--to', 'text'], { cwd });
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(
      /^memo: warning: memos\/two\.md:\d+: front matter date "2019-02-30" is not a real date; bundled as undated \(last\)\n$/,
    );
    // A contents entry wraps at 72 columns, continuing under its text (#20).
    expect(result.stdout).toMatch(/\n1\. [^\n]*(?:\n {3}[^\n]*)*\(December 31, 2019\)\n2\. Backlash[^\n(]*\n/);
  });

  it('authors appear in the HTML and text issue', () => {
    const cwd = memos();
    const text = memo(['bundle', 'memos', '--to', 'text'], { cwd }).stdout;
    expect(text).toContain('\nDecember 31, 2019\nBy Policy Team\n');
    expect(text).toContain('\nBy Dana Reyes and Sam Ortiz\n');
    const html = memo(['bundle', 'memos', '--to', 'html'], { cwd }).stdout;
    expect(html).toContain('<p class="memo-byline">By Policy Team</p>');
    expect(html).toContain('<p class="memo-byline">By Dana Reyes and Sam Ortiz</p>');
  });

  it('--strict leaves out memos with lint errors, listing them, exit 1', () => {
    const cwd = memos();
    const result = memo(['bundle', 'memos', '--to', 'json', '--strict', '-o', 'feed.json'], { cwd });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('memo: memos/two.md: left out (--strict): 1 lint error\n');
    const feed = JSON.parse(readFileSync(join(cwd, 'feed.json'), 'utf8')) as { items: unknown[] };
    expect(feed.items).toHaveLength(1);
  });

  it('--title "" is a usage error, exit 2, nothing written', () => {
    const cwd = memos();
    const result = memo(['bundle', 'memos', '--title', '', '-o', 'issue.html'], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--title.*give the issue a title/);
    expect(existsSync(join(cwd, 'issue.html'))).toBe(false);
  });

  it('--email with --to text is named; --no-progress is accepted', () => {
    const cwd = memos();
    const result = memo(['bundle', 'memos/good.md', '--to', 'text', '--email', '--no-progress'], { cwd });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('memo: warning: --email applies only to --to html; ignored with --to text\n');
  });
});
