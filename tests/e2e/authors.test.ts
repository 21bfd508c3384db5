// Authors are people, plural (issue #15, point 10), and an empty template variable leaves a TK
// marker (point 11): through the built CLI, on real files.
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, memo, tempDir } from '../helpers/cli.js';

const AUTHORS = join(FIXTURES, 'authors');

/** A copy of the briefing project: a template whose body says `By {{author}}.` */
function briefingProject(): string {
  const cwd = tempDir();
  cpSync(join(FIXTURES, 'projects', 'briefing'), cwd, { recursive: true });
  return cwd;
}

interface JsonReport {
  messages: { ruleId: string; line: number; column: number; message: string }[];
}

describe('memo new: authors and empty variables', () => {
  it('writes a TK marker where {{author}} has no value, and lint points at it', () => {
    const cwd = briefingProject();
    expect(memo(['new', 'briefing', 'Shipping in the Gulf', '--date', '2019-07-20', '-o', 'new.md'], { cwd }).status).toBe(0);
    expect(readFileSync(join(cwd, 'new.md'), 'utf8')).toBe(
      '---\ntype: briefing\ntitle: Shipping in the Gulf\ndate: 2019-07-20\n---\n\n# Briefing: Shipping in the Gulf\n\nBy TK: author.\n\nTK: what the audience needs to know.\n',
    );
    const lint = memo(['lint', 'new.md', '--format', 'json'], { cwd });
    expect(lint.status).toBe(1);
    const [report] = JSON.parse(lint.stdout) as JsonReport[];
    expect(report?.messages.map((m) => `${m.ruleId} ${m.line}:${m.column}`)).toEqual(['placeholders 9:4', 'placeholders 11:1']);
  });

  it('takes --author again for each author: a list in the front matter, the names in prose in the body', () => {
    const cwd = briefingProject();
    const args = ['new', 'briefing', 'Shipping in the Gulf', '--date', '2019-07-20', '-o', 'new.md'];
    expect(memo([...args, '--author', 'Dana Reyes', '--author', 'Reyes, Omid'], { cwd }).status).toBe(0);
    expect(readFileSync(join(cwd, 'new.md'), 'utf8')).toBe(
      '---\ntype: briefing\ntitle: Shipping in the Gulf\ndate: 2019-07-20\nauthor: [Dana Reyes, "Reyes, Omid"]\n---\n\n# Briefing: Shipping in the Gulf\n\nBy Dana Reyes and Reyes, Omid.\n\nTK: what the audience needs to know.\n',
    );
    const json = memo(['export', 'new.md', '--to', 'json'], { cwd });
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ author: 'Dana Reyes, Reyes, Omid', authors: ['Dana Reyes', 'Reyes, Omid'] });
    // One author stays a plain string, as before.
    expect(memo([...args, '--author', 'Press Office', '--force'], { cwd }).status).toBe(0);
    expect(readFileSync(join(cwd, 'new.md'), 'utf8')).toContain(
      '\nauthor: Press Office\n---\n\n# Briefing: Shipping in the Gulf\n\nBy Press Office.\n',
    );
  });
});

describe('exports carry every author', () => {
  it('memo export --to json: `authors` lists them (BOM, CRLF file), `author` joins them, never null', () => {
    const cwd = tempDir();
    cpSync(AUTHORS, cwd, { recursive: true });
    const result = memo(['export', 'two-authors.md', '--to', 'json'], { cwd });
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout) as Record<string, unknown>;
    expect([json['author'], json['authors']]).toEqual(['Dana Reyes, Omid Farahani', ['Dana Reyes', 'Omid Farahani']]);
    const schema = memo(['schema']);
    expect((JSON.parse(schema.stdout) as { required: string[] }).required).toContain('authors');
  });

  it('memo export --to html: one author meta per person', () => {
    const cwd = tempDir();
    cpSync(AUTHORS, cwd, { recursive: true });
    const result = memo(['export', 'block-list.md', '--to', 'html'], { cwd });
    expect(result.status).toBe(0);
    expect(result.stdout.match(/<meta name="author"[^>]*>/g)).toEqual([
      '<meta name="author" content="Reyes, Dana">',
      '<meta name="author" content="Omid Farahani">',
      '<meta name="author" content="Policy Team, Acme Inc.">',
    ]);
  });

  it('memo bundle --to json: JSON Feed items carry one author object per person', () => {
    const cwd = tempDir();
    cpSync(AUTHORS, cwd, { recursive: true });
    const result = memo(['bundle', 'two-authors.md', 'one-author.md', '--to', 'json', '--sort', 'input'], { cwd });
    expect(result.status).toBe(0);
    const feed = JSON.parse(result.stdout) as { items: { authors?: { name: string }[] }[] };
    expect(feed.items.map((item) => item.authors)).toEqual([
      [{ name: 'Dana Reyes' }, { name: 'Omid Farahani' }],
      [{ name: 'Policy Team' }],
    ]);
  });

  it('memo lint: an author that is not a name or a list of names is an error at its line', () => {
    const result = memo(['lint', 'bad-author.md', '--format', 'json'], { cwd: AUTHORS });
    expect(result.status).toBe(1);
    const [report] = JSON.parse(result.stdout) as JsonReport[];
    expect(report?.messages.map((m) => `${m.ruleId} ${m.line}:${m.column} ${m.message}`)).toEqual([
      'front-matter 5:1 Front matter `author` must be a name or a list of names, not a list holding a mapping; write it like `author: Dana Reyes` or `author: [Dana Reyes, Omid Farahani]`.',
    ]);
    // The others lint clean: a list of authors is no finding.
    expect(memo(['lint', 'two-authors.md', 'block-list.md', 'one-author.md'], { cwd: AUTHORS })).toEqual({
      status: 0,
      stdout: '',
      stderr: '',
    });
  });
});
