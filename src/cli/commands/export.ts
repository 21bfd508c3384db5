// memo export <paths...> --to html|text|json: one memo to stdout or -o, many into --out-dir.
import { statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { isCI } from '../ci.js';
import type { ExportWarning } from '../../export/html-screen.js';
import type { SerializedError } from '../../io/pool.js';
import { counted } from '../../util/plural.js';
import type { CommandContext } from '../context.js';
import { describeRelative, printError, printInfo, printWarning, writeStdout } from '../output.js';

interface ExportOptions {
  to: 'html' | 'text' | 'json';
  output?: string;
  outDir?: string;
  email?: boolean;
  fragment?: boolean;
  css?: string;
  width?: number;
  strict?: boolean;
  config?: string;
  progress?: boolean;
}

function width(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number of columns (0 for no wrapping)');
  return Number(value);
}

export function registerExport(program: Command, context: CommandContext): void {
  program
    .command('export')
    .description('export memos to HTML, plain text or JSON')
    .argument('<paths...>', 'memo files, folders and globs')
    .addOption(new Option('--to <format>', 'output format').choices(['html', 'text', 'json']).makeOptionMandatory())
    .option('-o, --output <file>', 'write one memo here (default: stdout)')
    .option('--out-dir <folder>', 'write each memo here, mirroring their folders')
    .option('--email', 'HTML: inline the CSS for email clients')
    .option('--fragment', 'HTML: the memo body only, no <html>/<head>')
    .option('--css <file>', 'HTML: use this stylesheet instead of the built-in one')
    .option('--width <n>', 'text: wrap at this many columns (0: no wrapping)', width)
    .option('--strict', 'refuse memos that have lint errors (exit 1)')
    .option('--config <file>', 'use this .memorc.yaml instead of searching')
    .option('--no-progress', 'no progress bar, even on a terminal')
    .addHelpText(
      'after',
      '\nExamples:\n  $ memo export examples/2019-12-31-backlash-to-us-strikes.md --to text\n  $ memo export memos/ --to html --out-dir site/memos --strict\n  $ memo export memo.md --to html --email -o memo.html',
    )
    .action(async (paths: string[], options: ExportOptions) => {
      context.exit(await runExport(paths, options));
    });
}

/** What a path is: --out-dir must be a folder, or missing (it is created). */
function pathKind(path: string): 'folder' | 'file' | 'missing' | 'blocked' {
  try {
    const stats = statSync(path, { throwIfNoEntry: false });
    return !stats ? 'missing' : stats.isDirectory() ? 'folder' : 'file';
  } catch {
    // ENOTDIR: a file where a folder of the path should be.
    return 'blocked';
  }
}

async function runExport(paths: string[], options: ExportOptions): Promise<number> {
  const { MemoError } = await import('../../io/errors.js');
  if (options.output && options.outDir) throw new MemoError('give either -o or --out-dir, not both');
  const [
    { findMemoFiles },
    { loadConfig, templatesFolderTest },
    { loadCss },
    batch,
    { writeFileAtomic },
    { InputFiles, outputOnInput, sameFileAs },
  ] = await Promise.all([
    import('../../io/find.js'),
    import('../../config/config.js'),
    import('../../export/one.js'),
    import('../../export/batch.js'),
    import('../../io/write.js'),
    import('../../io/same-file.js'),
  ]);
  const cwd = process.cwd();
  const outDirKind = options.outDir ? pathKind(resolve(cwd, options.outDir)) : 'missing';
  if (outDirKind === 'file' || outDirKind === 'blocked') {
    // Export replaces no file but its own outputs, and has no --force: name the mistake.
    const what = outDirKind === 'file' ? 'names a file' : 'runs through a file';
    throw new MemoError(`--out-dir ${what}, not a folder; give a folder (it is created if missing), or -o FILE for one memo`, {
      file: options.outDir as string,
    });
  }
  const rootConfig = loadConfig(cwd, options.config);
  // Rule settings matter only when the export lints; checked up front then, as lint does.
  if (options.strict) (await import('../../lint/settings.js')).assertRuleSettings(rootConfig);
  const found = await findMemoFiles(paths, {
    cwd,
    ignore: rootConfig.ignore,
    isTemplatesFolder: templatesFolderTest(rootConfig, options.config),
  });
  for (const error of found.errors) printError(error.describe());
  const files = found.files;
  if (files.length > 1 && !options.outDir) {
    throw new MemoError(`${files.length} memos given; use --out-dir to export many at once`);
  }
  const inputs = new InputFiles(files);
  const onInput = options.output && options.output !== '-' ? outputOnInput(inputs, options.output, cwd) : undefined;
  if (onInput) throw onInput;
  const css = options.css ? await loadCss(options.css) : undefined;
  let exitCode = found.errors.length > 0 ? 2 : 0;

  const exportOptions = { ...options, ...(css !== undefined ? { css } : {}), ...(options.config ? { configFile: options.config } : {}) };
  // Set while a progress bar is drawn, so messages go above it instead of through it.
  let say: (line: string) => void = printError;
  let warn: (line: string) => void = printWarning;
  // What the HTML sanitizer removed: one line each; the export itself succeeded (exit code unchanged).
  const reportWarnings = (warnings: ExportWarning[] | undefined) => {
    for (const warning of warnings ?? []) warn(`${warning.file}:${warning.line}: ${warning.message}`);
  };
  // For the batch summary: memos that were not exported, by why.
  let refused = 0;
  let failed = 0;
  const reportRefusal = (shown: string, errors: string[]) => {
    refused++;
    say(`${shown}: not exported (--strict): ${counted(errors.length, 'lint error')}`);
    for (const line of errors) say(`  ${shown}:${line}`);
    exitCode = Math.max(exitCode, 1);
  };
  // An error about `file` (a full path) names it as the user gave it.
  const reportError = (error: InstanceType<typeof MemoError>, file: string) => {
    failed++;
    say(describeRelative(error, cwd, file));
    exitCode = Math.max(exitCode, error.exitCode === 1 ? 1 : 2);
  };
  const reportOutcomeError = (error: SerializedError, job: { file: string }) => reportError(new MemoError(error.message, error), job.file);

  if (!options.outDir) {
    // One memo: to -o or stdout. Exported as a batch of one, so that a memo over 64 KB gets a
    // worker thread and its limits (io/pool.ts), and its text comes back here to be written.
    const texts: string[] = [];
    const single = files.map((file) => ({ file, shown: relative(cwd, file) || file }));
    await batch.exportBatch(single, exportOptions, (outcome, job) => {
      if (outcome.kind === 'text') {
        reportWarnings(outcome.warnings);
        texts.push(outcome.text);
      } else if (outcome.kind === 'refused') reportRefusal(job.shown, outcome.errors);
      else if (outcome.kind === 'error') reportOutcomeError(outcome.error, job);
    });
    for (const text of texts) {
      if (options.output && options.output !== '-') await writeFileAtomic(resolve(options.output), text, { overwrite: true, mkdirs: true });
      else await writeStdout(text);
    }
    return exitCode;
  }

  const base = batch.commonFolder(files);
  const jobs: import('../../export/batch.js').BatchJob[] = [];
  for (const file of files) {
    const shown = relative(cwd, file) || file;
    try {
      const target = batch.outputPath(file, base, options.outDir, options.to);
      const input = inputs.inputAt(target);
      if (input) {
        const output = relative(cwd, target) || target;
        throw new MemoError(`its output ${output} is an input${sameFileAs(input, output, cwd)}; not exported`, { file });
      }
      jobs.push({ file, shown, target });
    } catch (error) {
      if (!(error instanceof MemoError)) throw error;
      reportError(error, file);
    }
  }
  const progress =
    options.progress !== false && process.stderr.isTTY && !isCI() && jobs.length > 1
      ? await import('../progress.js').then((m) => m.progressBar(jobs.length))
      : undefined;
  if (progress) {
    say = (line) => progress.interrupt(`memo: ${line}`);
    warn = (line) => progress.interrupt(`memo: warning: ${line}`);
  }
  let written = 0;
  await batch.exportBatch(jobs, exportOptions, (outcome, job) => {
    if (outcome.kind === 'written') {
      written++;
      reportWarnings(outcome.warnings);
    } else if (outcome.kind === 'refused') {
      reportRefusal(job.shown, outcome.errors);
    } else if (outcome.kind === 'error') {
      reportOutcomeError(outcome.error, job);
    }
    progress?.tick();
  });
  progress?.stop();
  // One line to end a batch: what was written, where, and what was not.
  const notWritten = [...(refused > 0 ? [`${refused} refused (--strict)`] : []), ...(failed > 0 ? [`${failed} failed`] : [])];
  printInfo([`${counted(written, 'memo')} written to ${options.outDir}`, ...notWritten].join(', '));
  return exitCode;
}
