import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { EXAMPLE, FIXTURES, memo, tempDir } from '../helpers/cli.js';

/** Every in-page href resolves to an id, and no id appears twice. */
function checkAnchors(html: string): { ids: string[]; hrefs: string[] } {
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] as string);
  const hrefs = [...html.matchAll(/\shref="#([^"]*)"/g)].map((m) => m[1] as string);
  expect(new Set(ids).size).toBe(ids.length);
  for (const href of hrefs) expect(ids).toContain(href);
  return { ids, hrefs };
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

/** Three memos in nested folders, one of them with broken YAML. */
function batch(): string {
  const cwd = tempDir();
  mkdirSync(join(cwd, 'memos', '2019', 'december'), { recursive: true });
  cpSync(EXAMPLE, join(cwd, 'memos', '2019', 'december', 'backlash.md'));
  cpSync(join(FIXTURES, 'export', 'week-one.md'), join(cwd, 'memos', '2019', 'week-one.md'));
  cpSync(join(FIXTURES, 'memos', 'bad-yaml.md'), join(cwd, 'memos', 'broken.md'));
  return cwd;
}

describe('memo export', () => {
  it('exports the example memo to HTML, text and JSON', () => {
    const html = memo(['export', EXAMPLE, '--to', 'html']);
    expect(html.status).toBe(0);
    expect(html.stdout).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html.stdout).toContain('<time datetime="2019-12-31">December 31, 2019</time>');
    const { hrefs } = checkAnchors(html.stdout);
    expect(hrefs).toContain('top');

    const text = memo(['export', EXAMPLE, '--to', 'text']);
    expect(text.status).toBe(0);
    // The title is one line at any width: wrapped, it read back as a title and a section.
    expect(text.stdout.split('\n').slice(0, 4)).toEqual([
      'December 31, 2019',
      '',
      'Memo: Backlash to U.S. Strikes in Iraq Underscores Failure of Max Pressure',
      '',
    ]);
    expect(text.stdout).not.toMatch(/Back to top/);
    expect(Math.max(...text.stdout.split('\n').map((l) => (l.startsWith('Memo: ') ? 0 : l.length)))).toBeLessThanOrEqual(72);
    expect(memo(['export', EXAMPLE, '--to', 'text', '--width', '0']).stdout).toContain(
      'Memo: Backlash to U.S. Strikes in Iraq Underscores Failure of Max Pressure\n',
    );

    const json = memo(['export', EXAMPLE, '--to', 'json']);
    expect(json.status).toBe(0);
    const data = JSON.parse(json.stdout) as { takeaways: string[]; events: { date: string }[] };
    expect(data.takeaways).toHaveLength(7);
    expect(data.events.map((e) => e.date)).toEqual(['2019-12-27', '2019-12-29', '2019-12-31', '2019-12-31', '2019-12-31']);
    const schema = JSON.parse(memo(['schema']).stdout) as object;
    const validate = new Ajv2020({ strict: false }).addFormat('date', /^\d{4}-\d{2}-\d{2}$/).compile(schema);
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
  });

  it('exports a batch into --out-dir mirroring folders, skipping the broken memo (exit 2)', () => {
    const cwd = batch();
    const result = memo(['export', 'memos', '--to', 'html', '--out-dir', 'site'], { cwd });
    expect(result.status).toBe(2);
    const [error, summary, ...more] = result.stderr.trim().split('\n');
    expect(error).toMatch(/^memo: memos\/broken\.md:\d+: Invalid YAML in front matter/);
    // Every batch ends with one line: written, where, and what failed.
    expect(summary).toBe('2 memos written to site, 1 failed');
    expect(more).toEqual([]);
    // Laid out from the working folder (no .memorc.yaml), with the record of what was written.
    expect(listFiles(join(cwd, 'site')).sort()).toEqual([
      '.memokit-outputs.json',
      'memos/2019/december/backlash.html',
      'memos/2019/week-one.html',
    ]);
    checkAnchors(readFileSync(join(cwd, 'site', 'memos', '2019', 'week-one.html'), 'utf8'));
  });

  it('is deterministic: the same bytes twice, in every format', () => {
    const cwd = batch();
    for (const to of ['html', 'text', 'json']) {
      memo(['export', 'memos/2019', '--to', to, '--out-dir', 'a'], { cwd });
      memo(['export', 'memos/2019', '--to', to, '--out-dir', 'b'], { cwd });
    }
    const files = listFiles(join(cwd, 'a'));
    expect(files).toHaveLength(7);
    expect(files).toContain('.memokit-outputs.json');
    for (const file of files) expect(readFileSync(join(cwd, 'b', file))).toEqual(readFileSync(join(cwd, 'a', file)));
    const one = memo(['bundle', 'memos/2019', '--to', 'html'], { cwd }).stdout;
    expect(memo(['bundle', 'memos/2019', '--to', 'html'], { cwd }).stdout).toBe(one);
  });

  it('--strict refuses a memo with lint errors, listing them, exit 1', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'memo.md'), readFileSync(EXAMPLE, 'utf8').replace('**Dec. 29, 2019** — ', ''));
    const result = memo(['export', 'memo.md', '--to', 'html', '--strict', '-o', 'memo.html'], { cwd });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/memo\.md: not exported \(--strict\): 1 lint error/);
    expect(result.stderr).toMatch(/memo\.md:29:1 Sequence of Events item 2 has no date.*\(dated-events\)/);
    expect(readdirSync(cwd)).toEqual(['memo.md']);
    expect(memo(['export', EXAMPLE, '--to', 'html', '--strict'], { cwd }).status).toBe(0);
  });

  it("checks the config's rule settings only when it lints (--strict): an unknown rule is exit 2 there, ignored otherwise", () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, '.memorc.yaml'), 'root: true\nrules:\n  no-such-rule: error\n');
    writeFileSync(join(cwd, 'memo.md'), readFileSync(EXAMPLE));
    const strict = memo(['export', 'memo.md', '--to', 'text', '--strict'], { cwd });
    expect(strict.status).toBe(2);
    expect(strict.stderr).toMatch(/\.memorc\.yaml:3: unknown rule "no-such-rule"/);
    const plain = memo(['export', 'memo.md', '--to', 'text'], { cwd });
    expect(plain.status).toBe(0);
    expect(plain.stdout).toContain('Backlash');
  });

  it('writes -o atomically and leaves no temporary files; needs --out-dir for many memos', () => {
    const cwd = batch();
    expect(memo(['export', 'memos/2019/week-one.md', '--to', 'text', '-o', 'out/week.txt'], { cwd }).status).toBe(0);
    expect(readdirSync(join(cwd, 'out'))).toEqual(['week.txt']);
    const many = memo(['export', 'memos/2019', '--to', 'text'], { cwd });
    expect(many.status).toBe(2);
    expect(many.stderr).toMatch(/2 memos given; use --out-dir/);
    const both = memo(['export', 'memos/2019', '--to', 'text', '-o', 'x', '--out-dir', 'y'], { cwd });
    expect(both.status).toBe(2);
  });

  it('shows no progress bar when stderr is not a terminal, only the summary line', () => {
    const cwd = batch();
    const result = memo(['export', 'memos/2019', '--to', 'json', '--out-dir', 'out'], { cwd });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('2 memos written to out\n');
  });

  it('--strict: the summary counts the refused memo apart from the failed one', () => {
    const cwd = batch();
    cpSync(join(FIXTURES, 'lint-e2e', 'project', 'memos', 'undated.md'), join(cwd, 'memos', 'undated.md'));
    const result = memo(['export', 'memos', '--to', 'text', '--out-dir', 'out/text/', '--strict'], { cwd });
    expect(result.status).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toContain('memo: memos/undated.md: not exported (--strict): 1 lint error');
    expect(lines.at(-1)).toBe('2 memos written to out/text/, 1 refused (--strict), 1 failed');
    expect(listFiles(join(cwd, 'out', 'text')).sort()).toEqual([
      '.memokit-outputs.json',
      'memos/2019/december/backlash.txt',
      'memos/2019/week-one.txt',
    ]);
  });
});

describe('memo bundle', () => {
  it('bundles memos into one HTML issue with unique ids and working contents links', () => {
    const cwd = tempDir();
    const result = memo(
      [
        'bundle',
        EXAMPLE,
        join(FIXTURES, 'export', 'week-one.md'),
        join(FIXTURES, 'export', 'week-two.md'),
        '-o',
        'issue.html',
        '--title',
        'Weekly Memos',
      ],
      { cwd },
    );
    expect(result.status).toBe(0);
    const html = readFileSync(join(cwd, 'issue.html'), 'utf8');
    const { ids, hrefs } = checkAnchors(html);
    expect(html).toContain('<h1>Weekly Memos</h1>');
    expect(ids).toContain('contents');
    expect(hrefs.filter((h) => h === 'contents').length).toBe(3);
    expect(ids.filter((id) => id.endsWith('key-takeaways')).length).toBe(3);
    // date-desc by default: the December 31 memo first.
    expect(html.indexOf('Backlash to U.S. Strikes')).toBeLessThan(html.indexOf('Kirkuk'));
  });

  it('writes a text issue and a JSON Feed 1.1', () => {
    const cwd = tempDir();
    const text = memo(['bundle', EXAMPLE, join(FIXTURES, 'export', 'week-one.md'), '--to', 'text', '--sort', 'date-asc'], { cwd });
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^Memos\n/);
    expect(text.stdout).toMatch(/\n1\. .*\n2\. Backlash to U\.S\. Strikes/);
    const feed = JSON.parse(memo(['bundle', EXAMPLE, '--to', 'json'], { cwd }).stdout) as {
      version: string;
      items: Record<string, unknown>[];
    };
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.items[0]).toMatchObject({
      title: 'Backlash to U.S. Strikes in Iraq Underscores Failure of Max Pressure',
      date_published: '2019-12-31T00:00:00Z',
    });
    expect(Object.keys(feed.items[0] ?? {})).toEqual(expect.arrayContaining(['id', 'content_html', 'content_text', 'tags', 'summary']));
  });

  it('skips an unreadable memo, names it, still writes the issue, exit 2', () => {
    const cwd = batch();
    const result = memo(['bundle', 'memos', '-o', 'issue.html'], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/memos\/broken\.md:\d+: Invalid YAML/);
    expect(readFileSync(join(cwd, 'issue.html'), 'utf8')).toContain('Backlash to U.S. Strikes');
  });
});
