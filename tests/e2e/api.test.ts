// The library (the built bundle users import, dist/lib/) against the `memo` command on the same
// inputs: one code path, so the same results, byte for byte. Then what a newcomer passes it: CRLF
// and BOM memos, a `date: May 2018`, a config typo, symlinks, binary input, wrong arguments —
// each a result or a typed MemoError with its file and line, never a print or an exit.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE, FIXTURES, ROOT, memo, tempDir } from '../helpers/cli.js';

type Library = typeof import('../../src/api/index.js');
let lib: Library;

beforeAll(async () => {
  lib = (await import(join(ROOT, 'dist', 'lib', 'index.js'))) as Library;
});

const MEMOS = join(FIXTURES, 'memos');
/** Every fixture memo and the example, relative to the repository root (as the CLI is given them). */
const memoFiles = [relative(ROOT, EXAMPLE), ...readdirSync(MEMOS).map((name) => relative(ROOT, join(MEMOS, name)))].filter((file) =>
  file.endsWith('.md'),
);
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/** A memo with findings of several rules, two of them fixable. */
const FIXABLE = `---
type: rapid-response
title: Costs Rise
date: 2019-12-31
---

# Memo: Costs Rise

Prices rose again this week.

## Key Takeaways

- Costs rose.

## Sequence of Events

- **Dec. 29, 2019** — A second rise.
- **Dec. 27, 2019** — A first rise.
`;

describe('the library and the command give the same results', () => {
  it('lintFiles(): the array `memo lint --format json` prints, for every fixture memo', async () => {
    const cli = memo(['lint', '--format', 'json', ...memoFiles], { cwd: ROOT });
    const { results, errors } = await lib.lintFiles(memoFiles, { cwd: ROOT });
    expect(errors).toEqual([]);
    expect(results).toEqual(JSON.parse(cli.stdout));
    expect(results.length).toBe(memoFiles.length);
  });

  it('lintText(): the entry `memo lint --stdin --stdin-filename` prints for the same text', async () => {
    for (const file of memoFiles) {
      const text = read(file);
      const cli = memo(['lint', '--format', 'json', '--stdin', '--stdin-filename', file], { cwd: ROOT, input: text });
      expect(await lib.lintText(text, { path: file, cwd: ROOT }), file).toEqual((JSON.parse(cli.stdout) as unknown[])[0]);
    }
  });

  it('lintText({ fix: true }) writes what `memo lint --fix` writes; applyFixes() rounds reach the same text', async () => {
    const folder = tempDir();
    writeFileSync(join(folder, 'costs.md'), FIXABLE);
    memo(['lint', '--fix', 'costs.md'], { cwd: folder });
    const fixedByCli = readFileSync(join(folder, 'costs.md'), 'utf8');
    expect(fixedByCli).not.toBe(FIXABLE);
    const result = await lib.lintText(FIXABLE, { fix: true });
    expect(result.output).toBe(fixedByCli);
    let text = FIXABLE;
    for (let round = 0; round < 10; round++) {
      const next = lib.applyFixes(text, (await lib.lintText(text)).messages);
      if (next === text) break;
      text = next;
    }
    expect(text).toBe(fixedByCli);
  });

  it('exportMemo(): the bytes `memo export --to html|text|json|docx` writes, CRLF and BOM memos included', async () => {
    const readable = memoFiles.filter((file) => memo(['export', '--to', 'text', file], { cwd: ROOT }).status === 0);
    expect(readable).toEqual(
      expect.arrayContaining([relative(ROOT, EXAMPLE), relative(ROOT, join(MEMOS, 'crlf.md')), relative(ROOT, join(MEMOS, 'bom.md'))]),
    );
    for (const file of readable) {
      const parsed = await lib.parseMemo(read(file), { path: file, cwd: ROOT });
      for (const to of ['html', 'text', 'json'] as const) {
        const cli = memo(['export', '--to', to, file], { cwd: ROOT });
        expect((await lib.exportMemo(parsed, { to, cwd: ROOT })).output, `${file} → ${to}`).toBe(cli.stdout);
      }
    }
    const out = join(tempDir(), 'memo.docx');
    memo(['export', '--to', 'docx', relative(ROOT, EXAMPLE), '-o', out], { cwd: ROOT });
    const docx = await lib.exportMemo(read(relative(ROOT, EXAMPLE)), { to: 'docx', path: relative(ROOT, EXAMPLE), cwd: ROOT });
    expect(Buffer.from(docx.output).equals(readFileSync(out))).toBe(true);
  });

  it('bundleMemos(): the issue `memo bundle` writes, in every text format, with the same warnings', async () => {
    const folder = tempDir();
    copyFileSync(EXAMPLE, join(folder, 'backlash.md'));
    copyFileSync(join(MEMOS, 'crlf.md'), join(folder, 'crlf.md'));
    // Raw HTML the sanitizer removes, and a date that is no date: both warned about.
    writeFileSync(
      join(folder, 'raw.md'),
      FIXABLE.replace('date: 2019-12-31', 'date: 2019-02-30').replace('Prices rose', '<iframe src="x"></iframe> Prices rose'),
    );
    const files = ['backlash.md', 'crlf.md', 'raw.md'];
    const memos = await Promise.all(
      files.map((file) => lib.parseMemo(readFileSync(join(folder, file), 'utf8'), { path: file, cwd: folder })),
    );
    for (const to of ['html', 'text', 'json', 'rss', 'atom'] as const) {
      const cli = memo(['bundle', '--to', to, '--title', 'Weekly', ...files], { cwd: folder });
      const { output, warnings } = await lib.bundleMemos(memos, { to, title: 'Weekly', cwd: folder });
      expect(output, to).toBe(cli.stdout);
      const printed = warnings.map((w) => `memo: warning: ${w.file ? `${w.file}${w.line ? `:${w.line}` : ''}: ` : ''}${w.message}`);
      expect(printed.join('\n'), to).toBe(cli.stderr.trimEnd());
      expect(printed.length, to).toBeGreaterThan(to === 'text' ? 0 : 1);
    }
  });

  it('importMemo(): the Markdown `memo import` prints, from text and from a saved page (as bytes)', async () => {
    for (const name of ['reference.txt', 'timeline.txt', 'page.html']) {
      const file = join(FIXTURES, 'import', name);
      const cli = memo(['import', file], { cwd: ROOT });
      const result = await lib.importMemo(readFileSync(file), { source: file, cwd: ROOT });
      expect(result.markdown, name).toBe(cli.stdout);
      expect(result.from).toBe(name.endsWith('.html') ? 'html' : 'text');
    }
  });

  it('listTemplates() and scaffold(): what `memo templates --json` lists and `memo new --stdout` writes, project templates included', async () => {
    const project = join(FIXTURES, 'projects', 'briefing');
    const cli = memo(['templates', '--json'], { cwd: project });
    expect(await lib.listTemplates(project)).toEqual(JSON.parse(cli.stdout));
    for (const { name } of await lib.listTemplates(project)) {
      const args = [
        'new',
        name,
        'Costs *rise* <again>',
        '--date',
        '2020-01-02',
        '--author',
        'Dana Reyes',
        '--author',
        'Omid Farahani',
        '--stdout',
      ];
      const made = memo(args, { cwd: project });
      const { text, fileName } = await lib.scaffold(
        name,
        { title: 'Costs *rise* <again>', date: '2020-01-02', author: ['Dana Reyes', 'Omid Farahani'] },
        { cwd: project },
      );
      expect(text, name).toBe(made.stdout);
      expect(fileName).toBe('2020-01-02-costs-rise-again.md');
    }
  });
});

describe('what a newcomer passes the library', () => {
  it("scaffold() takes the config's new.author when fields.author is not given, as memo new does", async () => {
    const folder = tempDir();
    writeFileSync(join(folder, '.memorc.yaml'), 'new:\n  author: Policy Team\n');
    const { text } = await lib.scaffold('statement', { title: 'On Costs', date: '2020-01-02' }, { cwd: folder });
    expect(text).toBe(memo(['new', 'statement', 'On Costs', '--date', '2020-01-02', '--stdout'], { cwd: folder }).stdout);
    expect(text).toContain('\nauthor: Policy Team\n');
    expect((await lib.scaffold('statement', { title: 'On Costs', date: '2020-01-02', author: 'Dana' }, { cwd: folder })).text).toContain(
      '\nauthor: Dana\n',
    );
  });

  it('a `date: May 2018` is a finding at its line, not an error; the memo still parses and exports', async () => {
    const text = FIXABLE.replace('date: 2019-12-31', 'date: May 2018');
    const result = await lib.lintText(text);
    const finding = result.messages.find((message) => message.ruleId === 'front-matter');
    expect(finding?.line).toBe(4);
    expect((await lib.parseMemo(text)).date).toBeUndefined();
    expect((await lib.exportMemo(text, { to: 'text' })).output).toContain('Memo: Costs Rise');
  });

  it('a config typo is one MemoError ECONFIG with the file, the line and "did you mean"', async () => {
    const folder = tempDir();
    writeFileSync(join(folder, '.memorc.yaml'), 'rules:\n  takeaways: warn\nfeed:\n  autority: example.org\n');
    writeFileSync(join(folder, 'a.md'), FIXABLE);
    for (const call of [
      () => lib.loadConfig(folder),
      () => lib.lintText(FIXABLE, { path: join(folder, 'a.md') }),
      () => lib.lintFiles([folder]),
    ]) {
      const error = (await call().then(
        () => undefined,
        (caught: unknown) => caught,
      )) as InstanceType<Library['MemoError']>;
      expect(error).toBeInstanceOf(lib.MemoError);
      expect(error.code).toBe('ECONFIG');
      expect(error.file).toBe(join(folder, '.memorc.yaml'));
      expect(error.line).toBe(4);
      expect(error.message).toContain('did you mean "authority"');
    }
  });

  it('an unknown rule in the config is ECONFIG from lintText, and a loadConfig() result is used as given', async () => {
    const folder = tempDir();
    writeFileSync(join(folder, '.memorc.yaml'), 'rules:\n  takeaway: off\n');
    await expect(lib.lintText(FIXABLE, { path: join(folder, 'a.md') })).rejects.toMatchObject({ code: 'ECONFIG', line: 2 });
    writeFileSync(join(folder, '.memorc.yaml'), 'rules:\n  takeaways: off\n');
    const config = await lib.loadConfig(folder);
    const rules = (await lib.lintText(FIXABLE, { config })).messages.map((message) => message.ruleId);
    expect(rules).not.toContain('takeaways');
    expect(rules).toContain('dated-events');
    // loadConfig() reads the file again: an edit is seen.
    writeFileSync(join(folder, '.memorc.yaml'), 'rules:\n  dated-events: off\n');
    const edited = (await lib.lintText(FIXABLE, { config: await lib.loadConfig(folder) })).messages.map((message) => message.ruleId);
    expect(edited).toContain('takeaways');
    expect(edited).not.toContain('dated-events');
  });

  it('lintFiles() follows a symlinked memo and a symlinked folder, and names a dangling link', async () => {
    const folder = tempDir();
    mkdirSync(join(folder, 'real'));
    copyFileSync(EXAMPLE, join(folder, 'real', 'memo.md'));
    symlinkSync(join(folder, 'real', 'memo.md'), join(folder, 'linked.md'));
    symlinkSync(join(folder, 'real'), join(folder, 'linked-folder'));
    symlinkSync(join(folder, 'gone.md'), join(folder, 'dangling.md'));
    const { results, errors } = await lib.lintFiles(['linked.md', 'linked-folder', 'dangling.md'], { cwd: folder });
    const cli = memo(['lint', '--format', 'json', 'linked.md', 'linked-folder', 'dangling.md'], { cwd: folder });
    expect(results).toEqual(JSON.parse(cli.stdout));
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((result) => result.errorCount === 0)).toBe(true);
    expect(errors.map((error) => [error.code, error.file])).toEqual([['ENOENT', 'dangling.md']]);
  });

  it('input that is no memo is a typed error or a fatal result, never a crash', async () => {
    await expect(lib.importMemo(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2]))).rejects.toMatchObject({ code: 'EINPUT' });
    await expect(lib.importMemo('   \n')).rejects.toMatchObject({ code: 'EINPUT' });
    await expect(lib.exportMemo('---\ntitle: [unclosed\n---\n\n# Memo: x\n', { to: 'html', path: 'x.md' })).rejects.toMatchObject({
      code: 'EFRONTMATTER',
      file: 'x.md',
      line: 2,
    });
    await expect(lib.exportMemo(FIXABLE, { to: 'html', strict: true })).rejects.toMatchObject({ code: 'ELINT', exitCode: 1 });
    const folder = tempDir();
    writeFileSync(join(folder, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    const { results } = await lib.lintFiles(['binary.md'], { cwd: folder });
    expect(results[0]?.messages[0]).toMatchObject({ fatal: true, ruleId: null });
  });

  it('wrong arguments from JavaScript are EOPTION errors naming the function', async () => {
    const untyped = lib as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    const cases: [string, unknown[], RegExp][] = [
      ['lintText', [undefined], /lintText\(\): text must be a string, not undefined/],
      ['parseMemo', [42], /parseMemo\(\): text must be a string, not number 42/],
      ['exportMemo', ['# x', { to: 'pptx' }], /exportMemo\(\): options.to must be one of html, text, json, docx, pdf, not "pptx"/],
      ['exportMemo', ['# x', { to: 'html', baseUrl: 'https://example.org/' }], /baseUrl needs the memo's path/],
      ['exportMemo', ['# x', { to: 'text', width: -3 }], /width must be a whole number/],
      ['bundleMemos', [[]], /memos must be a non-empty array/],
      ['bundleMemos', [['# x'], { sort: 'newest' }], /options.sort must be one of/],
      ['importMemo', ['x', { from: 'pdf' }], /options.from must be one of text, html/],
      ['scaffold', ['statement', { title: '  ' }], /the title is empty/],
      ['scaffold', ['statement', { title: 'x', date: '2019-02-30' }], /the date "2019-02-30" is not a real date/],
      ['scaffold', ['statement', { title: 'x', author: 42 }], /fields.author must be a name or a list of names/],
      ['scaffold', ['statement', { title: 'x', date: 20200102 }], /fields.date must be a string/],
      ['exportMemo', [{ foo: 1 }, { to: 'html' }], /memo must be a Memo from parseMemo\(\) or a memo's text/],
      ['bundleMemos', [[42]], /memos\[0\] is neither a Memo/],
      ['lintFiles', ['memos'], /lintFiles\(\): paths must be an array/],
    ];
    for (const [name, args, message] of cases) {
      const error = (await untyped[name]?.(...args).then(
        () => undefined,
        (caught: unknown) => caught,
      )) as InstanceType<Library['MemoError']> | undefined;
      expect(error, name).toBeInstanceOf(lib.MemoError);
      expect(error?.code, name).toBe('EOPTION');
      expect(error?.message, name).toMatch(message);
    }
    expect(() => lib.applyFixes(FIXABLE, [{ fix: { range: [0, 99_999], text: '' } }])).toThrow(/not inside the text/);
  });

  it('keeps a byte-order mark through applyFixes() and lintText({ fix })', async () => {
    const text = `\uFEFF${FIXABLE}`;
    const { messages } = await lib.lintText(text);
    const fixed = lib.applyFixes(text, messages);
    expect(fixed.startsWith('\uFEFF---')).toBe(true);
    expect(fixed).toContain('- **Dec. 27, 2019** — A first rise.\n- **Dec. 29, 2019** — A second rise.');
    expect((await lib.lintText(text, { fix: true })).output?.startsWith('\uFEFF---')).toBe(true);
  });

  it('prints nothing and exits nothing: a script calling every function, failures included, prints only its own line', () => {
    const script = `
import { readFile } from 'node:fs/promises';
import * as lib from 'memokit';
const text = await readFile(${JSON.stringify(EXAMPLE)}, 'utf8');
const memo = await lib.parseMemo(text);
const calls = [
  lib.lintText(text), lib.lintText(text, { fix: true }), lib.lintFiles([${JSON.stringify(MEMOS)}, 'missing.md']),
  lib.exportMemo(memo, { to: 'html' }), lib.exportMemo(memo, { to: 'text' }), lib.bundleMemos([memo, '<script>x</script>'], { to: 'rss' }),
  lib.importMemo(text), lib.listTemplates(), lib.scaffold('memo', { title: 'T' }), lib.loadConfig(),
  lib.exportMemo('---\\ntitle: [\\n---\\n', { to: 'html' }), lib.scaffold('nope', { title: 'T' }), lib.importMemo(''),
];
const settled = await Promise.allSettled(calls);
lib.applyFixes(text, []);
console.log(settled.map((outcome) => outcome.status).join(' '), process.exitCode);
`;
    const result = spawnSync(process.execPath, ['--input-type=module'], { input: script, cwd: ROOT, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`${[...Array(10).fill('fulfilled'), 'rejected', 'rejected', 'rejected'].join(' ')} undefined\n`);
    expect(result.status).toBe(0);
  });
});
