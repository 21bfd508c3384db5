// Which files a command takes (#15): a file named on the command line is always processed;
// folders, globs and the project default (no path) expand to memos only, never to the config's
// templates folder, and say why when everything they found was skipped.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE, memo, tempDir, withoutAuthorityWarning } from '../helpers/cli.js';

interface JsonResult {
  filePath: string;
  messages: { ruleId: string; line: number }[];
}

/** The files a json report covers, relative to `cwd`, sorted. */
function linted(cwd: string, stdout: string): string[] {
  return (JSON.parse(stdout) as JsonResult[]).map((r) => r.filePath.slice(cwd.length + 1)).sort();
}

const SKIP_HINT = ' (a file named on the command line is always taken)';

/**
 * A project as `memo init` leaves it (its config ignores `drafts/**`, its templates/ holds four
 * templates full of `{{title}}` and TK), with a README, one clean memo and one scaffolded draft.
 */
function initialized(): string {
  const cwd = tempDir();
  const init = memo(['init'], { cwd });
  expect(init.status, init.stderr).toBe(0);
  writeFileSync(join(cwd, 'README.md'), '# Our memos\n\nHow we write them.\n');
  mkdirSync(join(cwd, 'memos'));
  cpSync(EXAMPLE, join(cwd, 'memos', 'backlash.md'));
  const draft = memo(['new', 'rapid-response', 'Draft', '--date', '2020-01-03', '-o', 'drafts/draft.md'], { cwd });
  expect(draft.status, draft.stderr).toBe(0);
  return cwd;
}

describe('a file named on the command line is processed, whatever `ignore` says', () => {
  it('memo lint drafts/draft.md lints the ignored draft: its placeholders findings, exit 1', () => {
    const cwd = initialized();
    const result = memo(['lint', 'drafts/draft.md', '--format', 'json'], { cwd });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const [file] = JSON.parse(result.stdout) as JsonResult[];
    expect(file?.filePath).toBe(join(cwd, 'drafts', 'draft.md'));
    expect(file?.messages.map((m) => [m.ruleId, m.line])).toEqual([
      ['placeholders', 9],
      ['placeholders', 15],
      ['placeholders', 16],
      ['placeholders', 17],
      ['placeholders', 21],
    ]);
  });

  it('memo export drafts/draft.md -o d.html writes it', () => {
    const cwd = initialized();
    const result = memo(['export', 'drafts/draft.md', '--to', 'html', '-o', 'd.html'], { cwd });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(readFileSync(join(cwd, 'd.html'), 'utf8')).toContain('<title>Draft</title>');
  });

  it('memo bundle takes an ignored file named on the command line', () => {
    const cwd = initialized();
    const result = memo(['bundle', 'memos/backlash.md', 'drafts/draft.md', '--to', 'json', '-o', 'feed.json'], { cwd });
    expect(withoutAuthorityWarning(result.stderr)).toBe('');
    expect(result.status).toBe(0);
    const feed = JSON.parse(readFileSync(join(cwd, 'feed.json'), 'utf8')) as { items: { title: string }[] };
    expect(feed.items.map((item) => item.title).sort()).toEqual([
      'Backlash to U.S. Strikes in Iraq Underscores Failure of Max Pressure',
      'Draft',
    ]);
  });

  it('a .gitignored file and a file in the templates folder, named, are linted too', () => {
    const cwd = initialized();
    execFileSync('git', ['init', '-q'], { cwd });
    writeFileSync(join(cwd, '.gitignore'), 'private/\n');
    mkdirSync(join(cwd, 'private'));
    cpSync(EXAMPLE, join(cwd, 'private', 'memo.md'));
    const result = memo(['lint', 'private/memo.md', 'templates/statement.md', '--format', 'json'], { cwd });
    expect(result.stderr).toBe('');
    expect(linted(cwd, result.stdout)).toEqual(['private/memo.md', 'templates/statement.md']);
    expect(result.status).toBe(1);
  });
});

describe('a folder or glob whose files were all skipped says why (exit 2), not "no files match"', () => {
  it.each([
    ['the ignored folder', ['lint', 'drafts'], 'drafts', '1 file skipped by `ignore` in .memorc.yaml'],
    ['a glob into it', ['lint', 'drafts/*.md'], 'drafts/*.md', '1 file skipped by `ignore` in .memorc.yaml'],
    ['the templates folder', ['lint', 'templates'], 'templates', '5 files skipped in the templates folder templates/'],
    [
      'export of the templates folder',
      ['export', 'templates', '--to', 'text', '--out-dir', 'out'],
      'templates',
      '5 files skipped in the templates folder templates/',
    ],
  ])('%s', (_name, args, input, why) => {
    const cwd = initialized();
    const result = memo(args, { cwd });
    expect(result.stdout).toBe('');
    // A batch export ends with its summary line, here of nothing.
    const summary = args[0] === 'export' ? '0 memos written to out\n' : '';
    expect(result.stderr).toBe(`memo: ${input}: ${why}${SKIP_HINT}\n${summary}`);
    expect(result.status).toBe(2);
    expect(existsSync(join(cwd, 'out'))).toBe(false);
  });

  it('names every reason, in a fixed order, with counts', () => {
    const cwd = tempDir();
    execFileSync('git', ['init', '-q'], { cwd });
    writeFileSync(join(cwd, '.memorc.yaml'), 'root: true\nignore:\n  - "drafts/**"\n');
    writeFileSync(join(cwd, '.gitignore'), 'scratch/\n');
    for (const path of ['drafts/a.md', 'drafts/b.md', 'scratch/c.md', 'templates/statement.md']) {
      mkdirSync(join(cwd, path, '..'), { recursive: true });
      cpSync(EXAMPLE, join(cwd, path));
    }
    const result = memo(['lint', '.'], { cwd });
    expect(result.stderr).toBe(
      `memo: .: 4 files skipped: 2 by \`ignore\` in .memorc.yaml, 1 by .gitignore, 1 in the templates folder templates/${SKIP_HINT}\n`,
    );
    expect(result.status).toBe(2);
  });

  it('a folder without memo files still says so', () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'empty'));
    writeFileSync(join(cwd, 'empty', 'notes.txt'), 'not a memo\n');
    const result = memo(['lint', 'empty'], { cwd });
    expect(result.stderr).toBe('memo: empty: no memos (*.md or *.markdown files) in this folder\n');
    expect(result.status).toBe(2);
  });
});

describe('only memos are linted: never the templates folder; with no path, the project memos', () => {
  it('memo lint . after memo init lints the memos, not templates/ (README: a folder walk takes it)', () => {
    const cwd = initialized();
    const result = memo(['lint', '.', '--format', 'json'], { cwd });
    expect(result.stderr).toBe('');
    expect(linted(cwd, result.stdout)).toEqual(['README.md', 'memos/backlash.md']);
  });

  it('memo lint with no path lints the project memos: no templates, drafts or README; clean, exit 0', () => {
    const cwd = initialized();
    writeFileSync(join(cwd, 'CHANGELOG.md'), '# Changes\n');
    writeFileSync(join(cwd, 'memos', 'license.md'), 'MIT\n');
    const result = memo(['lint', '--format', 'json'], { cwd });
    expect(result.stderr).toBe('');
    expect(linted(cwd, result.stdout)).toEqual(['memos/backlash.md']);
    expect(result.status).toBe(0);
  });

  it('from a subfolder too: the project is the folder of the nearest .memorc.yaml', () => {
    const cwd = initialized();
    mkdirSync(join(cwd, 'memos', '2020'));
    cpSync(EXAMPLE, join(cwd, 'memos', '2020', 'again.md'));
    const result = memo(['lint', '--format', 'json'], { cwd: join(cwd, 'memos', '2020') });
    expect(result.stderr).toBe('');
    expect(linted(cwd, result.stdout)).toEqual(['memos/2020/again.md', 'memos/backlash.md']);
  });

  it('right after memo init there is nothing to lint, and it says why', () => {
    const cwd = tempDir();
    memo(['init'], { cwd });
    const result = memo(['lint'], { cwd });
    expect(result.stderr).toBe(`memo: .: 5 files skipped in the templates folder templates/${SKIP_HINT}\n`);
    expect(result.status).toBe(2);
  });

  it('config `include` (written with CRLF line endings) replaces the default, relative to the config; its memo files only', () => {
    const cwd = initialized();
    mkdirSync(join(cwd, 'archive'));
    cpSync(EXAMPLE, join(cwd, 'archive', 'old.md'));
    writeFileSync(join(cwd, 'archive', 'map.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]));
    writeFileSync(join(cwd, 'README.md'), readFileSync(EXAMPLE));
    const config = readFileSync(join(cwd, '.memorc.yaml'), 'utf8');
    writeFileSync(join(cwd, '.memorc.yaml'), `${config}include:\n  - "archive/**"\n  - README.md\n`.replace(/\n/g, '\r\n'));
    const result = memo(['lint', '--format', 'json'], { cwd: join(cwd, 'memos') });
    expect(result.stderr).toBe('');
    expect(linted(cwd, result.stdout)).toEqual(['README.md', 'archive/old.md']);
    writeFileSync(join(cwd, '.memorc.yaml'), `${config}include: ["nowhere/*.md"]\n`);
    const none = memo(['lint'], { cwd });
    expect(none.stderr).toBe('memo: .: no files match `include` in .memorc.yaml\n');
    expect(none.status).toBe(2);
  });

  it('memo export . --out-dir exports the memos, not the templates', () => {
    const cwd = initialized();
    const result = memo(['export', '.', '--to', 'text', '--out-dir', 'out'], { cwd });
    expect(result.status, result.stderr).toBe(0);
    expect(readdirSync(join(cwd, 'out')).sort()).toEqual(['.memokit-outputs.json', 'README.txt', 'memos']);
    expect(readdirSync(join(cwd, 'out', 'memos'))).toEqual(['backlash.txt']);
  });

  it('a nested project keeps its own templates folder out of a walk from above', () => {
    const cwd = tempDir();
    const inner = join(cwd, 'team');
    mkdirSync(inner);
    memo(['init'], { cwd: inner });
    cpSync(EXAMPLE, join(inner, 'memo.md'));
    const result = memo(['lint', '.', '--format', 'json'], { cwd });
    expect(result.stderr).toBe('');
    expect(linted(cwd, result.stdout)).toEqual(['team/memo.md']);
  });
});

describe('memo files are *.md and *.markdown, in any case', () => {
  it('a folder walk takes .markdown, .MD and .Markdown files, and nothing else', () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'memos'));
    for (const name of ['a.md', 'b.markdown', 'c.MD', 'd.Markdown', 'e.mdx', 'f.txt', 'g.md.bak', '.h.md']) {
      cpSync(EXAMPLE, join(cwd, 'memos', name));
    }
    const result = memo(['lint', 'memos', '--format', 'json'], { cwd });
    expect(result.stderr).toBe('');
    expect(linted(cwd, result.stdout)).toEqual(['memos/a.md', 'memos/b.markdown', 'memos/c.MD', 'memos/d.Markdown']);
    expect(result.status).toBe(0);
    const exported = memo(['export', 'memos', '--to', 'json', '--out-dir', 'out'], { cwd });
    expect(exported.status, exported.stderr).toBe(0);
    expect(readdirSync(join(cwd, 'out', 'memos')).sort()).toEqual(['a.json', 'b.json', 'c.json', 'd.json']);
  });
});
