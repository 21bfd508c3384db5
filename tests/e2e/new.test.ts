import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, memo, tempDir } from '../helpers/cli.js';

describe('memo new', () => {
  it('writes <dir>/<date>-<slug>.md with the front matter and the type sections', () => {
    const cwd = tempDir();
    const result = memo(['new', 'rapid-response', 'Test Memo', '--date', '2020-01-03', '--dir', 'out'], { cwd });
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(join('out', '2020-01-03-test-memo.md'));
    const text = readFileSync(join(cwd, 'out', '2020-01-03-test-memo.md'), 'utf8');
    expect(text).toMatch(/^---\ntype: rapid-response\ntitle: Test Memo\ndate: 2020-01-03\n---\n/);
    expect(text).toContain('# Memo: Test Memo');
    expect(text).toContain('## Key Takeaways');
    expect(text).toContain('## Sequence of Events');
  });

  it('refuses to overwrite without --force (exit 2, file byte-identical), replaces with it', () => {
    const cwd = tempDir();
    const args = ['new', 'rapid-response', 'Test Memo', '--date', '2020-01-03', '--dir', 'out'];
    expect(memo(args, { cwd }).status).toBe(0);
    const file = join(cwd, 'out', '2020-01-03-test-memo.md');
    writeFileSync(file, 'my edits\n');
    const again = memo(args, { cwd });
    expect(again.status).toBe(2);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect(again.stderr).toMatch(/2020-01-03-test-memo\.md: already exists; use --force/);
    expect(readFileSync(file, 'utf8')).toBe('my edits\n');
    expect(readdirSync(join(cwd, 'out'))).toEqual(['2020-01-03-test-memo.md']);
    expect(memo([...args, '--force'], { cwd }).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('# Memo: Test Memo');
  });

  it('joins an unquoted multi-word title and honours --author, -o and --stdout', () => {
    const cwd = tempDir();
    const out = memo(
      ['new', 'statement', 'On', 'the', 'Budget', '--date', '2020-02-01', '--author', 'Press Office', '-o', 'statement.md'],
      { cwd },
    );
    expect(out.status).toBe(0);
    expect(readFileSync(join(cwd, 'statement.md'), 'utf8')).toMatch(/title: On the Budget\ndate: 2020-02-01\nauthor: Press Office/);
    const printed = memo(['new', 'talking-points', 'Lines', '--date', '2020-02-01', '--stdout'], { cwd });
    expect(printed.status).toBe(0);
    expect(printed.stdout).toContain('# Talking Points: Lines');
    expect(readdirSync(cwd)).toEqual(['statement.md']);
  });

  it.each([
    [['new', 'nope', 'T'], /unknown memo type "nope"; known types: backgrounder, memo, rapid-response/],
    [['new', '../x', 'T'], /unknown memo type "\.\.\/x"/],
    [['new', '../../templates/rapid-response', 'T'], /unknown memo type/],
    [['new', 'statement', 'T', '--date', '2019-02-30'], /--date "2019-02-30" is not a real date/],
    [['new', 'statement'], /missing required argument 'title'/],
    [['new', 'statement', 'T', '--dir', 'a', '-o', 'b.md'], /cannot be used with|not both/],
  ])('%j is a one-line usage error, exit 2', (args, message) => {
    const cwd = tempDir();
    const result = memo(args, { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("takes the author from the config's new.author when --author is not given; --author wins; a typo is one line", () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, '.memorc.yaml'), 'new:\n  author: [Policy Team, Press Office]\n');
    const args = ['new', 'statement', 'On Costs', '--date', '2020-01-02', '--stdout'];
    const configured = memo(args, { cwd });
    expect(configured.status).toBe(0);
    expect(configured.stdout).toMatch(
      /^---\ntype: statement\ntitle: On Costs\ndate: 2020-01-02\nauthor: \[Policy Team, Press Office\]\n---\n/,
    );
    expect(configured.stdout).not.toContain('TK: author');
    expect(memo([...args, '--author', 'Dana Reyes'], { cwd }).stdout).toContain('\nauthor: Dana Reyes\n');
    writeFileSync(join(cwd, '.memorc.yaml'), 'new:\n  autor: Policy Team\n');
    const typo = memo(args, { cwd });
    expect(typo.status).toBe(2);
    expect(typo.stderr.trim()).toBe(
      `memo: ${join(cwd, '.memorc.yaml')}:2: invalid config: new: unknown field "autor"; did you mean "author"?`,
    );
  });

  it('uses the project templates found through .memorc.yaml upwards', () => {
    const cwd = tempDir();
    cpSync(join(FIXTURES, 'projects', 'custom'), cwd, { recursive: true });
    const sub = join(cwd, 'memos', '2020');
    const result = memo(['new', 'op-ed', 'Fix the Roads', '--date', '2020-03-01', '--author', 'Ana', '--dir', sub], {
      cwd: join(cwd, 'templates'),
    });
    expect(result.status).toBe(0);
    const text = readFileSync(join(sub, '2020-03-01-fix-the-roads.md'), 'utf8');
    expect(text).toContain('By Ana');
    expect(existsSync(join(cwd, 'templates', 'op-ed.md'))).toBe(true);
  });
});

describe('memo templates', () => {
  it('lists the four built-ins with descriptions as JSON', () => {
    const result = memo(['templates', '--json'], { cwd: tempDir() });
    expect(result.status).toBe(0);
    const rows = JSON.parse(result.stdout) as { name: string; description: string; source: string }[];
    expect(rows.map((r) => r.name)).toEqual(['backgrounder', 'memo', 'rapid-response', 'statement', 'talking-points']);
    expect(rows.every((r) => r.source === 'built-in' && r.description.length > 10)).toBe(true);
  });

  it("marks a project's own templates as the project's", () => {
    const cwd = tempDir();
    cpSync(join(FIXTURES, 'projects', 'custom'), cwd, { recursive: true });
    const rows = JSON.parse(memo(['templates', '--json'], { cwd }).stdout) as {
      name: string;
      source: string;
      file?: string;
      replaces?: string;
    }[];
    expect(rows.find((r) => r.name === 'op-ed')).toMatchObject({ source: 'project', file: join('templates', 'op-ed.md') });
    expect(rows.find((r) => r.name === 'statement')).toMatchObject({ source: 'project', replaces: 'built-in' });
    expect(rows.find((r) => r.name === 'rapid-response')).toMatchObject({ source: 'built-in' });
    const table = memo(['templates'], { cwd });
    expect(table.stdout).toMatch(/^op-ed\s+An opinion piece for a newspaper\.\s+\(templates\/op-ed\.md\)$/m);
  });

  it('names the broken template file and exits 2', () => {
    const cwd = tempDir();
    cpSync(join(FIXTURES, 'projects', 'custom'), cwd, { recursive: true });
    cpSync(join(FIXTURES, 'templates', 'bad-structure', 'weekly.md'), join(cwd, 'templates', 'weekly.md'));
    const result = memo(['templates'], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/templates\/weekly\.md: invalid template structure: sections\/0\/role/);
  });
});

describe('memo init', () => {
  it('writes a commented config and the templates, then overwrites nothing', () => {
    const cwd = tempDir();
    const first = memo(['init'], { cwd });
    expect(first.status).toBe(0);
    expect(readFileSync(join(cwd, '.memorc.yaml'), 'utf8')).toMatch(/^# memokit configuration/);
    expect(readdirSync(join(cwd, 'templates')).sort()).toEqual([
      'backgrounder.md',
      'memo.md',
      'rapid-response.md',
      'statement.md',
      'talking-points.md',
    ]);
    writeFileSync(join(cwd, '.memorc.yaml'), 'root: true\n');
    const second = memo(['init'], { cwd });
    expect(second.status).toBe(0);
    expect(second.stderr).toMatch(/kept \.memorc\.yaml/);
    expect(readFileSync(join(cwd, '.memorc.yaml'), 'utf8')).toBe('root: true\n');
    // The copied templates are the project's now, and still valid.
    const rows = JSON.parse(memo(['templates', '--json'], { cwd }).stdout) as { source: string }[];
    expect(rows.every((r) => r.source === 'project')).toBe(true);
  });
});

describe('memo --help and --version', () => {
  it('shows an example on every command', () => {
    for (const command of ['new', 'templates', 'init']) {
      const result = memo([command, '--help']);
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/Example/);
    }
    expect(memo(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('rejects an unknown command with exit 2', () => {
    const result = memo(['frobnicate']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/unknown command 'frobnicate'/);
  });
});

describe('one broken project template is not a wall', () => {
  it('memo templates lists it with its error (exit 2); memos of other types lint; its memos get one finding; memo new refuses only it', () => {
    const cwd = tempDir();
    cpSync(join(FIXTURES, 'projects', 'custom'), cwd, { recursive: true });
    writeFileSync(join(cwd, 'templates', 'weekly.md'), '---\ntype: weekly\ndescription: [oops\n---\n\n# {{title}}\n');
    const list = memo(['templates'], { cwd });
    expect(list.status).toBe(2);
    expect(list.stdout).toMatch(/^weekly\s+BROKEN: line \d+: invalid YAML in template.*\(templates\/weekly\.md\)$/m);
    expect(list.stdout).toMatch(/^op-ed\s+An opinion piece/m);
    expect(list.stderr).toMatch(/^memo: templates\/weekly\.md: line \d+: invalid YAML in template/);
    const json = JSON.parse(memo(['templates', '--json'], { cwd }).stdout) as { name: string; error?: string }[];
    expect(json.find((row) => row.name === 'weekly')?.error).toMatch(/invalid YAML in template/);
    expect(json.find((row) => row.name === 'op-ed')?.error).toBeUndefined();

    const made = memo(['new', 'rapid-response', 'Fine Memo', '--date', '2019-12-31'], { cwd });
    expect(made.status).toBe(0);
    const refused = memo(['new', 'weekly', 'Not Made', '--date', '2019-12-31'], { cwd });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/templates\/weekly\.md: the weekly template is broken: line \d+: invalid YAML in template/);

    writeFileSync(join(cwd, 'week.md'), '---\ntype: weekly\ntitle: A Week\ndate: 2019-12-31\n---\n\n# A Week\n\nText.\n');
    const lint = memo(['lint', 'week.md', '--format', 'json'], { cwd });
    expect(lint.status).toBe(1);
    const messages = (JSON.parse(lint.stdout) as { messages: { ruleId: string; message: string }[] }[])[0]?.messages ?? [];
    expect(messages.map((m) => m.ruleId)).toEqual(['front-matter']);
    expect(messages[0]?.message).toMatch(
      /^Memo type "weekly" cannot be checked: its template is broken \(.*templates\/weekly\.md: line \d+: invalid YAML in template.*\); fix the template\.$/,
    );
  });
});
