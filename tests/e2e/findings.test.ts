// Issue #15, points 5–8, through the built CLI on real files: findings that say what happened
// (a link typed inside the last item, a comment that split a list, a misspelt directive), one
// finding for one cause, suggestions only when close, and --fix that writes what it says, keeps
// CRLF and a byte-order mark, and changes nothing the second time.
import { cpSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, memo, tempDir } from '../helpers/cli.js';

const LINT = join(FIXTURES, 'lint');

interface JsonResult {
  messages: { ruleId: string; line: number; column: number; severity: number; message: string }[];
  errorCount: number;
}

/** A temporary folder holding copies of the named fixtures (as `<folder>-<name>`). */
function copies(...names: string[]): string {
  const cwd = tempDir('memokit-findings-');
  for (const name of names) cpSync(join(LINT, name), join(cwd, name.replace('/', '-')));
  return cwd;
}

/** `ruleId:line severity message` of each finding of the only file, from `--format json`. */
function jsonFindings(stdout: string): string[] {
  const [file] = JSON.parse(stdout) as JsonResult[];
  return (file?.messages ?? []).map((m) => `${m.ruleId}:${m.line} ${m.severity === 2 ? 'error' : 'warn'} ${m.message}`);
}

const crlf = (text: string) => text.replace(/\n/g, '\r\n');
const BOM = '\uFEFF';

describe('#15.5: a "Back to top" link typed right under the last list item', () => {
  it('is reported as inside the item (not missing), exit 1', () => {
    const cwd = copies('back-to-top/glued-link.md');
    const result = memo(['lint', 'back-to-top-glued-link.md'], { cwd });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(
      /\n {2}24:1 {2}error {2}The last section, "## Sequence of Events", ends with its "Back to top" link inside the last list item \(a line typed right under an item joins it\); put a blank line above the link {2}back-to-top\n/,
    );
    expect(result.stdout).not.toMatch(/does not end with/);
  });

  it('--fix, through a symlink to a CRLF file with a BOM: the blank line goes in, one link, CRLF and BOM kept; a second --fix changes nothing', () => {
    const cwd = tempDir('memokit-findings-');
    writeFileSync(join(cwd, 'real.md'), BOM + crlf(readFileSync(join(LINT, 'back-to-top/glued-link.md'), 'utf8')));
    symlinkSync('real.md', join(cwd, 'memo.md'));
    const result = memo(['lint', '--fix', 'memo.md'], { cwd });
    expect(result.stdout).toBe('');
    expect(result.status).toBe(0);
    const expected = BOM + crlf(readFileSync(join(LINT, 'back-to-top/glued-link.fixed.md'), 'utf8'));
    const fixed = readFileSync(join(cwd, 'memo.md'), 'utf8');
    expect(fixed).toBe(expected);
    expect(fixed.match(/\[Back to top\]/g)).toHaveLength(1);
    const again = memo(['lint', '--fix', 'memo.md'], { cwd });
    expect(again.status).toBe(0);
    expect(readFileSync(join(cwd, 'memo.md'), 'utf8')).toBe(expected);
  });

  it('--fix of a timeline out of order with the link glued to its last event: sorted, the link after the list, never moved with its event', () => {
    const cwd = copies('dated-events/out-of-order-glued-link.md', 'dated-events/out-of-order-glued-link-mid.md');
    const result = memo(['lint', '--fix', 'dated-events-out-of-order-glued-link.md'], { cwd });
    expect(result.status).toBe(0);
    expect(readFileSync(join(cwd, 'dated-events-out-of-order-glued-link.md'), 'utf8')).toBe(
      readFileSync(join(LINT, 'dated-events/out-of-order.fixed.md'), 'utf8'),
    );
    // Glued under the first item, the link stays under the first item: the item it was under moves without it.
    memo(['lint', '--fix', 'dated-events-out-of-order-glued-link-mid.md'], { cwd });
    const lines = readFileSync(join(cwd, 'dated-events-out-of-order-glued-link-mid.md'), 'utf8').split('\n');
    const link = lines.indexOf('[Back to top](#top)');
    expect(lines[link - 1]).toMatch(/^- \*\*Dec\. 27, 2019\*\*/);
    expect(lines[link + 1]).toMatch(/^- \*\*Dec\. 29, 2019\*\*/);
  });
});

describe('#15.6: directives', () => {
  it('a comment between two takeaways is named as what split the list, with how to keep one list', () => {
    const cwd = copies('takeaways/split-by-comment.md', 'takeaways/comment-indented.md');
    const result = memo(['lint', 'takeaways-split-by-comment.md', '--format', 'json'], { cwd });
    expect(result.status).toBe(1);
    expect(jsonFindings(result.stdout)).toEqual([
      "takeaways:16 error Key Takeaways has 2 separate lists: the comment on line 16 ends the list above it (a comment at the start of a line ends a list); indent it 2 spaces, under the item's text, to keep one list.",
    ]);
    // Indented as told: one list, and the directive still covers the next line.
    const indented = memo(['lint', 'takeaways-comment-indented.md'], { cwd });
    expect(indented.stdout).toBe('');
    expect(indented.status).toBe(0);
  });

  it('memo-lint-disable-line covers its own line only; in a CRLF file with a BOM too', () => {
    const cwd = tempDir('memokit-findings-');
    writeFileSync(join(cwd, 'memo.md'), BOM + crlf(readFileSync(join(LINT, 'directives/disable-line.md'), 'utf8')));
    const result = memo(['lint', 'memo.md', '--format', 'json'], { cwd });
    expect(result.status).toBe(1);
    expect(jsonFindings(result.stdout)).toEqual([
      'placeholders:17 error Unfinished text: "TK" marker; write the text it stands for, then remove the marker.',
    ]);
  });

  it('a misspelt directive is an error that disables nothing (exit 1, even with every finding it meant to hide gone)', () => {
    const cwd = tempDir('memokit-findings-');
    const source = readFileSync(join(LINT, 'directives/unknown-directive.md'), 'utf8').replace('is TK.', 'is grave.');
    writeFileSync(join(cwd, 'memo.md'), source.replace('retains TK options', 'retains options'));
    const result = memo(['lint', 'memo.md', '--format', 'github'], { cwd });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      '::error file=memo.md,line=16,col=37,endLine=16,endColumn=82,title=unknown-directive::Unknown directive "memo-lint-disable-lines"; did you mean "memo-lint-disable-line"? It disables nothing.\n',
    );
    // What it would have hidden is still found.
    writeFileSync(join(cwd, 'memo.md'), source);
    expect(jsonFindings(memo(['lint', 'memo.md', '--format', 'json'], { cwd }).stdout).map((f) => f.split(' ')[0])).toEqual([
      'placeholders:16',
      'unknown-directive:16',
    ]);
  });
});

describe('#15.7: one finding for one cause', () => {
  it('front matter never closed: the front-matter finding only', () => {
    const cwd = copies('front-matter/unclosed.md');
    const result = memo(['lint', 'front-matter-unclosed.md', '--format', 'json'], { cwd });
    expect(result.status).toBe(1);
    expect(jsonFindings(result.stdout)).toEqual([
      'front-matter:1 error Front matter opened with `---` on line 1 is never closed; add a `---` line after it.',
    ]);
  });

  it('a # typed for ##: the heading-levels finding only, CRLF or not', () => {
    const cwd = copies('heading-levels/one-hash-sections.md');
    writeFileSync(join(cwd, 'crlf.md'), crlf(readFileSync(join(LINT, 'heading-levels/one-hash-sections.md'), 'utf8')));
    for (const file of ['heading-levels-one-hash-sections.md', 'crlf.md']) {
      const result = memo(['lint', file, '--format', 'json'], { cwd });
      expect(result.status, file).toBe(1);
      expect(jsonFindings(result.stdout).map((f) => f.split(' ')[0])).toEqual(['heading-levels:13', 'heading-levels:19']);
    }
  });
});

describe('#15.8: suggestions that help', () => {
  it('"#soleimani" is not told "did you mean #timeline?": the ids are listed', () => {
    const cwd = copies('anchors/far.md');
    const result = memo(['lint', 'anchors-far.md', '--format', 'json'], { cwd });
    expect(result.status).toBe(1);
    expect(jsonFindings(result.stdout)).toEqual([
      'anchors:9 error Link "#soleimani" goes to no heading in this memo; link to one of its ids: "#top", "#memo-backlash-to-us-strikes-in-iraq", "#key-takeaways" or "#sequence-of-events".',
      'anchors:9 error Link "#events" goes to no heading in this memo; did you mean "#sequence-of-events"?',
    ]);
  });

  it('a title ending in "##": --fix writes the heading so that it reads the title, then the memo lints clean', () => {
    const cwd = copies('title/trailing-hashes.md');
    const file = 'title-trailing-hashes.md';
    const before = memo(['lint', file], { cwd });
    expect(before.status).toBe(1);
    expect(before.stdout).toContain('written `# Memo: Backlash to U.S. Strikes in Iraq \\##`');
    expect(before.stdout).toContain('1 error and 0 warnings potentially fixable');
    expect(memo(['lint', '--fix', file], { cwd }).status).toBe(0);
    expect(readFileSync(join(cwd, file), 'utf8')).toBe(readFileSync(join(LINT, 'title/trailing-hashes.fixed.md'), 'utf8'));
    const after = memo(['lint', file], { cwd });
    expect(after.stdout).toBe('');
    expect(after.status).toBe(0);
  });
});
