// The library as a user consumes it: `npm pack`, the tarball installed into a fresh project,
// `import { lintText } from 'memokit'` from a plain .mjs file, and a TypeScript file compiled with
// `tsc --strict` against the installed package's declarations (no path mapping, no skipLibCheck).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, tempDir } from '../helpers/cli.js';

const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

function run(command: string, args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let project: string;

beforeAll(() => {
  const packs = tempDir('memokit-pack-');
  // The build ran before the tests (npm test); --ignore-scripts keeps `prepare` from building again.
  const packed = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', packs], ROOT);
  expect(packed.status, packed.stderr).toBe(0);
  const tarball = join(packs, (JSON.parse(packed.stdout) as { filename: string }[])[0]?.filename ?? '');
  project = tempDir('memokit-consumer-');
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2));
  // From npm's cache when it holds every dependency (CI ran `npm ci` first); the registry otherwise.
  const installed = run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], project);
  expect(installed.status, installed.stderr).toBe(0);
  mkdirSync(join(project, 'memos'));
  copyFileSync(join(FIXTURES, 'memos', 'crlf.md'), join(project, 'memos', 'crlf.md'));
  copyFileSync(join(ROOT, 'examples', '2019-12-31-backlash-to-us-strikes.md'), join(project, 'memos', 'backlash.md'));
}, 300_000);

describe('the packed package', () => {
  it('is imported from a plain .mjs file by its name, and its functions work there', () => {
    writeFileSync(
      join(project, 'lint.mjs'),
      `import { readFile } from 'node:fs/promises';
import { lintText, lintFiles, exportMemo, MemoError } from 'memokit';

const text = await readFile('memos/backlash.md', 'utf8');
const result = await lintText(text, { path: 'memos/backlash.md' });
const broken = await lintText(text.replace('## Key Takeaways', '## Takeaways'), { path: 'memos/backlash.md' });
const files = await lintFiles(['memos']);
const crlf = await exportMemo(await readFile('memos/crlf.md', 'utf8'), { to: 'html', path: 'memos/crlf.md' });
let code;
try {
  await exportMemo('x', { to: 'pptx' });
} catch (error) {
  code = error instanceof MemoError ? error.code : 'not a MemoError';
}
console.log(JSON.stringify({
  errors: result.errorCount,
  brokenRules: [...new Set(broken.messages.map((message) => message.ruleId))],
  files: files.results.length,
  crlfHasTitle: crlf.output.includes('<h1'),
  code,
}));
`,
    );
    const result = run(process.execPath, ['lint.mjs'], project);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const printed = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(printed['errors']).toBe(0);
    expect(printed['brokenRules']).toContain('required-sections');
    expect(printed['files']).toBe(2);
    expect(printed['crlfHasTitle']).toBe(true);
    expect(printed['code']).toBe('EOPTION');
  });

  it('is typed: a TypeScript file compiles with tsc --strict against the installed declarations, and runs', () => {
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', outDir: 'out', types: [] },
        files: ['check.ts'],
      }),
    );
    writeFileSync(
      join(project, 'check.ts'),
      `import { applyFixes, lintText, exportMemo, parseMemo, MemoError, type LintFileResult, type Memo, type MemoErrorCode } from 'memokit';

const text: string = '---\\ntype: statement\\ntitle: On Costs\\ndate: 2019-12-31\\n---\\n\\n# Statement: On Costs\\n\\nCosts rose.\\n';
const result: LintFileResult = await lintText(text, { path: 'memos/on-costs.md' });
const memo: Memo = await parseMemo(text);
const title: string | undefined = memo.title;
// A lint result's messages go straight to applyFixes (fatal messages included in the type).
const rapid: string = text.replace('statement', 'rapid-response').replace('# Statement:', '# Memo:');
const fixed: string = applyFixes(rapid, (await lintText(rapid)).messages);
// The output's type follows \`to\`: text for HTML, bytes for DOCX.
const html: string = (await exportMemo(memo, { to: 'html' })).output;
const docx: Uint8Array = (await exportMemo(memo, { to: 'docx' })).output;
let code: MemoErrorCode | undefined;
try {
  await parseMemo(42 as unknown as string);
} catch (error) {
  if (error instanceof MemoError) code = error.code;
}
console.log(JSON.stringify({ errors: result.errorCount, title, html: html.length > 0, docx: docx.length > 0, code, fixed: fixed.endsWith('[Back to top](#top)\\n') }));
`,
    );
    // And must not compile when misused: a number for the text is a type error.
    writeFileSync(join(project, 'wrong.ts'), `import { lintText } from 'memokit';\nawait lintText(42);\n`);
    writeFileSync(
      join(project, 'tsconfig.wrong.json'),
      JSON.stringify({ extends: './tsconfig.json', compilerOptions: { noEmit: true }, files: ['wrong.ts'] }),
    );
    const wrong = run(process.execPath, [TSC, '-p', 'tsconfig.wrong.json'], project);
    expect(wrong.status).not.toBe(0);
    expect(wrong.stdout).toContain("Argument of type 'number' is not assignable to parameter of type 'string'");

    const compiled = run(process.execPath, [TSC, '-p', 'tsconfig.json'], project);
    expect(compiled.stdout + compiled.stderr).toBe('');
    expect(compiled.status).toBe(0);
    const result = run(process.execPath, [join('out', 'check.js')], project);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ errors: 0, title: 'On Costs', html: true, docx: true, code: 'EOPTION', fixed: true });
  });

  it('ships its declarations and the CLI, and no source maps or tests', () => {
    const installed = join(project, 'node_modules', 'memokit');
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
    expect(manifest.exports['.']).toEqual({ types: './dist/api/index.d.ts', default: './dist/lib/index.js' });
    const version = run(process.execPath, [join(project, 'node_modules', '.bin', 'memo'), '--version'], project);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const listing = run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], ROOT);
    const files = (JSON.parse(listing.stdout) as { files: { path: string }[] }[])[0]?.files.map((file) => file.path) ?? [];
    expect(files).toContain('dist/api/index.d.ts');
    expect(files.filter((file) => file.startsWith('tests/') || file.endsWith('.map'))).toEqual([]);
  });
});
