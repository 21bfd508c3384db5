// "Load only what a command needs": linting one memo must not load the exporters, rehype,
// juice or ajv. The built CLI runs with a module hook that logs every file it loads; esbuild
// marks each bundled module with a `// node_modules/...` or `// src/...` comment, so the loaded
// chunks show which packages came along.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXAMPLE, ROOT, memo, tempDir } from '../helpers/cli.js';

const HOOK = join(ROOT, 'tests', 'helpers', 'log-modules.mjs');

/** The bundled modules (esbuild's path comments) inside every chunk under `folder` (dist/bundle/, dist/lib/) named in a module log. */
function modulesInLog(log: string, folder: string): string[] {
  const chunks = readFileSync(log, 'utf8')
    .split('\n')
    .filter((url) => url.startsWith('file:') && url.includes(folder));
  expect(chunks.length).toBeGreaterThan(0);
  return chunks.flatMap((url) =>
    [...readFileSync(fileURLToPath(url), 'utf8').matchAll(/^\/\/ ((?:node_modules|src)\/\S+)$/gm)].map((match) => match[1] as string),
  );
}

/** The bundled modules inside every chunk a command loaded. */
function modulesLoadedBy(args: string[]): string[] {
  const log = join(tempDir(), 'modules.log');
  const result = memo(args, { env: { MEMOKIT_MODULE_LOG: log, NODE_OPTIONS: `--import ${HOOK}` } });
  expect(result.stderr).not.toMatch(/internal error/);
  return modulesInLog(log, '/dist/bundle/');
}

describe('memo lint one.md loads only the linter', () => {
  it('no exporter, rehype, juice, ajv or progress bar', () => {
    const modules = modulesLoadedBy(['lint', EXAMPLE, '--format', 'json']);
    expect(modules.some((name) => name.startsWith('src/lint/'))).toBe(true);
    const heavy = modules.filter((name) => /^src\/export\/|^node_modules\/(?:rehype-|hast-util-to-html|juice|ajv|cli-progress)/.test(name));
    expect(heavy).toEqual([]);
  });

  it('a folder without ignore globs loads no glob matcher; a glob does (the check can see it)', () => {
    const globbers = (modules: string[]) => modules.filter((name) => /^node_modules\/(?:tinyglobby|picomatch)\//.test(name));
    const folder = tempDir();
    writeFileSync(join(folder, 'memo.md'), readFileSync(EXAMPLE));
    expect(globbers(modulesLoadedBy(['lint', folder, '--format', 'json']))).toEqual([]);
    expect(globbers(modulesLoadedBy(['lint', join(folder, '*.md'), '--format', 'json'])).length).toBeGreaterThan(0);
  });

  it('while memo lint does load every rule (the checks below can see them)', () => {
    const modules = modulesLoadedBy(['lint', EXAMPLE, '--format', 'json']);
    expect(modules).toContain('src/lint/rules/dated-events.ts');
  });

  it('a memo the fast path reads loads no micromark; a memo it declines (an HTML block) does', () => {
    const micromark = (modules: string[]) => modules.filter((name) => /^node_modules\/(?:micromark|mdast-util-from-markdown)/.test(name));
    expect(micromark(modulesLoadedBy(['lint', EXAMPLE, '--format', 'json']))).toEqual([]);
    // The same memo with CRLF line endings (as a Windows editor saves it) takes the fast path too.
    const crlf = join(tempDir(), 'crlf.md');
    writeFileSync(crlf, readFileSync(EXAMPLE, 'utf8').replace(/\r?\n/g, '\r\n'));
    expect(micromark(modulesLoadedBy(['lint', crlf, '--format', 'json']))).toEqual([]);
    const html = join(tempDir(), 'html.md');
    writeFileSync(html, `${readFileSync(EXAMPLE, 'utf8')}\n<div>raw</div>\n`);
    expect(micromark(modulesLoadedBy(['lint', html, '--format', 'json'])).length).toBeGreaterThan(0);
  });

  it('no yaml or picomatch (CommonJS, seen by NODE_DEBUG=module) without a config that needs yaml; a config with rules loads yaml', () => {
    const required = (args: string[]) =>
      [...memo(args, { env: { NODE_DEBUG: 'module' } }).stderr.matchAll(/load "[^"]*node_modules\/(yaml|picomatch)\//g)].map((m) => m[1]);
    expect(required(['lint', EXAMPLE, '--format', 'json'])).toEqual([]);
    const crlf = join(tempDir(), 'crlf.md');
    writeFileSync(crlf, readFileSync(EXAMPLE, 'utf8').replace(/\r?\n/g, '\r\n'));
    expect(required(['lint', crlf, '--format', 'json'])).toEqual([]);
    const folder = tempDir();
    writeFileSync(join(folder, '.memorc.yaml'), '# a root config, as a corpus writes it\nroot: true\n');
    writeFileSync(join(folder, 'memo.md'), readFileSync(EXAMPLE));
    expect(required(['lint', join(folder, 'memo.md'), '--format', 'json'])).toEqual([]);
    writeFileSync(join(folder, '.memorc.yaml'), 'rules:\n  placeholders: warn\n');
    expect(required(['lint', join(folder, 'memo.md'), '--format', 'json'])).toContain('yaml');
  });

  it('no DOCX writer, no zip library, no browser driver', () => {
    const log = join(tempDir(), 'modules.log');
    memo(['lint', EXAMPLE, '--format', 'json'], { env: { MEMOKIT_MODULE_LOG: log, NODE_OPTIONS: `--import ${HOOK}` } });
    expect(readFileSync(log, 'utf8')).not.toMatch(/playwright-core/);
    expect(modulesLoadedBy(['lint', EXAMPLE, '--format', 'json']).filter((name) => /^node_modules\/(?:docx|fflate)\//.test(name))).toEqual(
      [],
    );
  });

  it.runIf(existsSync('/usr/bin/chromium') || existsSync(process.env['MEMOKIT_CHROMIUM'] ?? '/usr/bin/chromium'))(
    'while memo export --to pdf does load the browser driver (the check can see it)',
    () => {
      const log = join(tempDir(), 'modules.log');
      const result = memo(['export', EXAMPLE, '--to', 'pdf', '-o', join(tempDir(), 'memo.pdf')], {
        env: { MEMOKIT_MODULE_LOG: log, NODE_OPTIONS: `--import ${HOOK}` },
      });
      expect(result.status, result.stderr).toBe(0);
      expect(readFileSync(log, 'utf8')).toMatch(/playwright-core/);
    },
  );

  it('while memo export --to docx does load the DOCX writer (the check can see it)', () => {
    const modules = modulesLoadedBy(['export', EXAMPLE, '--to', 'docx', '-o', join(tempDir(), 'memo.docx')]);
    expect(modules.some((name) => name.startsWith('node_modules/docx/'))).toBe(true);
  });

  it('no language server (vscode-languageserver is loaded by memo lsp alone, which does load it)', () => {
    const server = (modules: string[]) => modules.filter((name) => /^src\/lsp\/|^node_modules\/vscode-/.test(name));
    expect(server(modulesLoadedBy(['lint', EXAMPLE, '--format', 'json']))).toEqual([]);
    expect(server(modulesLoadedBy(['--help']))).toEqual([]);
    // With its input at an end at once, the server starts and stops.
    const modules = modulesLoadedBy(['lsp', '--stdio']);
    expect(modules).toContain('src/lsp/server.ts');
    expect(modules.some((name) => name.startsWith('node_modules/vscode-languageserver/'))).toBe(true);
  });

  it('while memo export does load the HTML pipeline (the check can see it)', () => {
    const out = tempDir();
    const modules = modulesLoadedBy(['export', EXAMPLE, '--to', 'html', '-o', join(out, 'memo.html')]);
    expect(modules.some((name) => name.startsWith('node_modules/rehype-sanitize/'))).toBe(true);
  });
});

describe('memo new loads its questions only to ask them', () => {
  const prompts = (modules: string[]) => modules.filter((name) => /^node_modules\/@inquirer\/|^src\/cli\/new-prompts\.ts$/.test(name));

  it('memo new with its arguments, memo new without a terminal, and memo lint: no @inquirer/prompts', () => {
    const out = tempDir();
    expect(prompts(modulesLoadedBy(['new', 'statement', 'On the Budget', '--date', '2020-02-01', '--dir', out]))).toEqual([]);
    // A missing title without a terminal is a usage error, not a question.
    const log = join(tempDir(), 'modules.log');
    const missing = memo(['new', 'statement'], { env: { CI: '', MEMOKIT_MODULE_LOG: log, NODE_OPTIONS: `--import ${HOOK}` } });
    expect(missing.status).toBe(2);
    expect(readFileSync(log, 'utf8')).not.toMatch(/new-prompts/);
    expect(prompts(modulesLoadedBy(['lint', EXAMPLE, '--format', 'json']))).toEqual([]);
  });

  it('while the bundle does hold them, in a chunk of their own (the check can see them)', () => {
    const bundle = join(ROOT, 'dist', 'bundle');
    const chunks = readdirSync(bundle).filter((name) => name.startsWith('new-prompts-'));
    expect(chunks).toHaveLength(1);
    expect(readFileSync(join(bundle, chunks[0] as string), 'utf8')).toMatch(/^\/\/ node_modules\/@inquirer\/(?:select|input)\//m);
  });
});

describe('other commands load only what they use', () => {
  const lintCode = (modules: string[]) => modules.filter((name) => name.startsWith('src/lint/'));
  const markdownParser = (modules: string[]) =>
    modules.filter((name) => /^node_modules\/(?:remark-|micromark|mdast-util-from-markdown)|^src\/memo\/parse\.ts$/.test(name));

  it('memo import: no lint rule, no Markdown parser (it writes Markdown, it does not read it)', () => {
    const modules = modulesLoadedBy([
      'import',
      join(ROOT, 'tests', 'fixtures', 'import', 'reference.txt'),
      '-o',
      join(tempDir(), 'memo.md'),
    ]);
    expect(modules.some((name) => name.startsWith('src/import/'))).toBe(true);
    expect(lintCode(modules)).toEqual([]);
    expect(markdownParser(modules)).toEqual([]);
  });

  it('memo export --to text: no lint rule, no HTML pipeline, no report formatter', () => {
    const modules = modulesLoadedBy(['export', EXAMPLE, '--to', 'text', '-o', join(tempDir(), 'memo.txt')]);
    expect(modules).toContain('src/export/text.ts');
    expect(lintCode(modules)).toEqual([]);
    expect(
      modules.filter((name) => /^src\/(?:report|import)\/(?!names\.ts)|^node_modules\/(?:rehype-|hast-util-to-html|juice|ajv)/.test(name)),
    ).toEqual([]);
  });

  it('memo export --to text and --to html: no DOCX writer, no browser driver', () => {
    for (const format of ['text', 'html']) {
      const log = join(tempDir(), 'modules.log');
      const out = join(tempDir(), `memo.${format}`);
      memo(['export', EXAMPLE, '--to', format, '-o', out], { env: { MEMOKIT_MODULE_LOG: log, NODE_OPTIONS: `--import ${HOOK}` } });
      expect(readFileSync(log, 'utf8'), format).not.toMatch(/playwright-core/);
      const modules = modulesLoadedBy(['export', EXAMPLE, '--to', format, '-o', out]);
      expect(modules.filter((name) => /^node_modules\/(?:docx|fflate)\/|^src\/export\/docx/.test(name))).toEqual([]);
    }
  });

  it('memo export --to text with a config that sets rules: still no lint rule (rules are checked only by commands that lint)', () => {
    const folder = tempDir();
    writeFileSync(join(folder, '.memorc.yaml'), 'root: true\nrules:\n  placeholders: error\n');
    writeFileSync(join(folder, 'memo.md'), readFileSync(EXAMPLE));
    expect(lintCode(modulesLoadedBy(['export', join(folder, 'memo.md'), '--to', 'text', '-o', join(folder, 'memo.txt')]))).toEqual([]);
  });
});

describe('the library loads on first use, like the command', () => {
  /** The bundled modules of every dist/lib/ chunk a script importing 'memokit' loaded. */
  function modulesLoadedByScript(script: string): string[] {
    const log = join(tempDir(), 'modules.log');
    const result = spawnSync(process.execPath, ['--import', HOOK, '--input-type=module'], {
      input: script,
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, MEMOKIT_MODULE_LOG: log },
    });
    expect(result.stderr).toBe('');
    return modulesInLog(log, '/dist/lib/');
  }
  const heavy = (modules: string[]) =>
    modules.filter((name) =>
      /^src\/export\/|^src\/import\/|^node_modules\/(?:rehype-|juice|docx|playwright-core|@inquirer|vscode-)/.test(name),
    );

  it('importing it and linting one memo loads no exporter, importer, DOCX/PDF driver, prompt or LSP library', () => {
    const modules = modulesLoadedByScript(
      `import { readFileSync } from 'node:fs'; import { lintText } from 'memokit'; await lintText(readFileSync(${JSON.stringify(EXAMPLE)}, 'utf8'));`,
    );
    expect(modules).toContain('src/lint/rules/dated-events.ts');
    expect(heavy(modules)).toEqual([]);
  });

  it('while exporting to HTML does load the exporter (the check can see it)', () => {
    const modules = modulesLoadedByScript(`import { exportMemo } from 'memokit'; await exportMemo('# Memo: x\\n', { to: 'html' });`);
    expect(modules).toContain('src/export/html.ts');
  });
});
