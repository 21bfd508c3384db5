// memo export <paths...> --to html|text|json: one memo to stdout or -o, many into --out-dir.
import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { wantsProgress } from '../ci.js';
import type { ExportWarning } from '../../export/html-screen.js';
import type { ExportFormat } from '../../export/layout.js';
import type { ManifestEntry } from '../../export/manifest.js';
import type { SerializedError } from '../../io/pool.js';
import { namesInProse } from '../../util/names.js';
import { counted } from '../../util/plural.js';
import { parseBaseUrl } from '../../util/base-url.js';
import type { CommandContext } from '../context.js';
import { warnInapplicable } from '../inapplicable.js';
import { describeRelative, printError, printInfo, printWarning, writeStdout } from '../output.js';

interface ExportOptions {
  to: ExportFormat;
  page?: 'letter' | 'a4';
  referenceDocx?: string;
  output?: string;
  outDir?: string;
  email?: boolean;
  fragment?: boolean;
  css?: string;
  width?: number;
  strict?: boolean;
  config?: string;
  progress?: boolean;
  root?: string;
  prune?: boolean;
  baseUrl?: string;
}

/** --base-url: an absolute http(s) URL, made a folder (`…/memos/`). */
function baseUrl(value: string): string {
  const parsed = parseBaseUrl(value);
  if ('problem' in parsed) throw new InvalidArgumentError(parsed.problem);
  return parsed.url;
}

function width(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number of columns (0 for no wrapping)');
  return Number(value);
}

export function registerExport(program: Command, context: CommandContext): void {
  program
    .command('export')
    .description('export memos to HTML, plain text, JSON, Word (DOCX) or PDF')
    .argument('<paths...>', 'memo files, folders and globs')
    .addOption(
      new Option('--to <format>', 'output format (required)').choices(['html', 'text', 'json', 'docx', 'pdf']).makeOptionMandatory(),
    )
    .option('-o, --output <file>', 'write one memo here (default: stdout)')
    .option('--out-dir <folder>', 'write each memo here, at its path under the root folder')
    .option('--root <folder>', "lay outputs out from this folder (default: the nearest .memorc.yaml's folder, else the working folder)")
    .option('--prune', 'remove outputs in --out-dir that memokit wrote for memos this run no longer exports')
    .option('--email', 'HTML: inline the CSS for email clients')
    .option('--fragment', 'HTML: the memo body only, no <html>/<head>')
    .option('--css <file>', 'HTML: use this stylesheet instead of the built-in one')
    .option('--base-url <url>', 'HTML: the URL the exported memos are published at; every link made absolute', baseUrl)
    .option('--width <n>', 'text: wrap at this many columns (0: no wrapping)', width)
    .option('--reference-docx <file>', 'DOCX: take the memo styles (MemoTitle, MemoHeading…) from this house document')
    .addOption(new Option('--page <size>', 'PDF: page size (default: export.pdf.page, else letter)').choices(['letter', 'a4']))
    .option('--strict', 'refuse memos that have lint errors (exit 1)')
    .option('--config <file>', 'use this .memorc.yaml instead of searching')
    .option('--no-progress', 'no progress bar, even on a terminal')
    .addHelpText(
      'after',
      '\nExamples:\n  $ memo export examples/2019-12-31-backlash-to-us-strikes.md --to text\n  $ memo export memos/ --to html --out-dir site/memos --strict\n  $ memo export memo.md --to html --email -o memo.html\n  $ memo export memo.md --to docx --reference-docx house.docx -o memo.docx\n  $ memo export memos/ --to pdf --page a4 --out-dir print',
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
  if (options.output && options.outDir) throw new MemoError('give either -o or --out-dir, not both', { code: 'EOPTION' });
  const batchOnly = { flag: '--out-dir', given: Boolean(options.outDir) };
  warnInapplicable(options, options.to, {
    email: { flag: '--email', formats: ['html'] },
    fragment: { flag: '--fragment', formats: ['html'] },
    css: { flag: '--css', formats: ['html', 'pdf'] },
    width: { flag: '--width', formats: ['text'] },
    referenceDocx: { flag: '--reference-docx', formats: ['docx'] },
    page: { flag: '--page', formats: ['pdf'] },
    baseUrl: { flag: '--base-url', formats: ['html'] },
    root: { flag: '--root', needs: batchOnly },
    prune: { flag: '--prune', needs: batchOnly },
  });
  const [
    { findMemoFiles },
    { loadConfig, templatesFolderTest },
    { loadCss },
    batch,
    { writeFileAtomic },
    { InputFiles, outputOnInput, sameFileAs },
    layout,
    manifest,
  ] = await Promise.all([
    import('../../io/find.js'),
    import('../../config/config.js'),
    import('../../export/one.js'),
    import('../../export/batch.js'),
    import('../../io/write.js'),
    import('../../io/same-file.js'),
    import('../../export/layout.js'),
    import('../../export/manifest.js'),
  ]);
  const cwd = process.cwd();
  const outDirKind = options.outDir ? pathKind(resolve(cwd, options.outDir)) : 'missing';
  if (outDirKind === 'file' || outDirKind === 'blocked') {
    // Export replaces no file but its own outputs, and has no --force: name the mistake.
    const what = outDirKind === 'file' ? 'names a file' : 'runs through a file';
    throw new MemoError(`--out-dir ${what}, not a folder; give a folder (it is created if missing), or -o FILE for one memo`, {
      file: options.outDir,
      code: 'EOPTION',
    });
  }
  const rootConfig = loadConfig(cwd, options.config);
  // Rule settings matter only when the export lints; checked up front then, as lint does.
  if (options.strict) (await import('../../lint/settings.js')).assertRuleSettings(rootConfig);
  const found = await findMemoFiles(paths, {
    cwd,
    ...(options.outDir ? { outputFolder: resolve(cwd, options.outDir) } : {}),
    ignore: rootConfig.ignore,
    isTemplatesFolder: templatesFolderTest(rootConfig, options.config),
  });
  for (const error of found.errors) printError(error.describe());
  const files = found.files;
  if (files.length > 1 && !options.outDir) {
    throw new MemoError(`${files.length} memos given; use --out-dir to export many at once`, { code: 'EOPTION' });
  }
  const inputs = new InputFiles(files);
  const onInput = options.output && options.output !== '-' ? outputOnInput(inputs, options.output, cwd) : undefined;
  if (onInput) throw onInput;
  const css = options.css ? await loadCss(options.css) : undefined;
  const { binaryFormatOptions } = await import('../binary-formats.js');
  const formatOptions = await binaryFormatOptions(options.to, options, rootConfig, cwd, !options.outDir);
  let exitCode = found.errors.length > 0 ? 2 : 0;

  // Pages under the base URL are laid out from the root, as --out-dir lays them out. feed.baseUrl
  // applies to --email (what leaves the site); a web page's links stay relative unless asked.
  let base = options.baseUrl;
  if (base === undefined && options.email && rootConfig.feed.baseUrl !== undefined) {
    const parsed = parseBaseUrl(rootConfig.feed.baseUrl);
    if ('problem' in parsed)
      throw new MemoError(`feed.baseUrl: ${parsed.problem}`, { file: rootConfig.files[0] ?? '.memorc.yaml', code: 'ECONFIG' });
    base = parsed.url;
  }
  const exportOptions = {
    ...options,
    ...formatOptions,
    ...(css !== undefined ? { css } : {}),
    ...(options.config ? { configFile: options.config } : {}),
    ...(base !== undefined && options.to === 'html'
      ? { baseUrl: base, root: layout.layoutRoot(cwd, options.outDir ? options.root : undefined, rootConfig.dir) }
      : {}),
  };
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
    const texts: (string | Uint8Array)[] = [];
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

  const outDir = resolve(cwd, options.outDir);
  const root = layout.layoutRoot(cwd, options.root, rootConfig.dir);
  if (pathKind(root) !== 'folder') throw new MemoError('--root is not a folder', { file: options.root ?? root, code: 'EOPTION' });
  const jobs: (import('../../export/batch.js').BatchJob & { target: string })[] = [];
  for (const file of files) {
    const shown = relative(cwd, file) || file;
    try {
      const target = layout.outputPath(file, root, options.outDir, options.to);
      const input = inputs.inputAt(target);
      if (input) {
        const output = relative(cwd, target) || target;
        throw new MemoError(`its output ${output} is an input${sameFileAs(input, output, cwd)}; not exported`, { file, code: 'EOUTPUT' });
      }
      jobs.push({ file, shown, target });
    } catch (error) {
      if (!(error instanceof MemoError)) throw error;
      reportError(error, file);
    }
  }
  // Two memos, one output: the last would silently replace the first. Refused before anything is written.
  const collisions = layout.findCollisions(jobs);
  if (collisions.length > 0) {
    for (const { target, files: both } of collisions) {
      const names = both.map((file) => relative(cwd, file) || file);
      printError(`${relative(cwd, target) || target}: ${namesInProse(names)} would both be written here; rename one`);
    }
    printInfo(`nothing written to ${options.outDir}: ${counted(collisions.length, 'output')} claimed by more than one memo`);
    return 2;
  }
  const record = manifest.readManifest(outDir);
  if (record.problem) printWarning(record.problem);
  const progress = wantsProgress(options.progress, jobs.length)
    ? await import('../progress.js').then((m) => m.progressBar(jobs.length))
    : undefined;
  if (progress) {
    say = (line) => progress.interrupt(`memo: ${line}`);
    warn = (line) => progress.interrupt(`memo: warning: ${line}`);
  }
  let written = 0;
  const produced = new Set<string>();
  await batch.exportBatch(jobs, exportOptions, (outcome, job) => {
    if (outcome.kind === 'written') {
      written++;
      if (job.target) produced.add(job.target);
      reportWarnings(outcome.warnings);
    } else if (outcome.kind === 'refused') {
      reportRefusal(job.shown, outcome.errors);
    } else if (outcome.kind === 'error') {
      reportOutcomeError(outcome.error, job);
    }
    progress?.tick();
  });
  progress?.stop();
  const stale = await settleOutputs(manifest, record, {
    outDir,
    format: options.to,
    jobs,
    produced,
    paths,
    files,
    cwd,
    prune: options.prune,
  });
  // One line to end a batch: what was written, where, and what was not.
  const notWritten = [...(refused > 0 ? [`${refused} refused (--strict)`] : []), ...(failed > 0 ? [`${failed} failed`] : [])];
  printInfo([`${counted(written, 'memo')} written to ${options.outDir}`, ...notWritten, ...stale].join(', '));
  return exitCode;
}

interface RunOutputs {
  outDir: string;
  format: ExportFormat;
  jobs: { file: string; target: string }[];
  /** Outputs this run wrote. */
  produced: ReadonlySet<string>;
  /** The inputs as given, and the memos they gave. */
  paths: string[];
  files: string[];
  cwd: string;
  prune?: boolean;
}

/**
 * After a batch: warn about (or with --prune remove) memokit's outputs in the out-dir that this
 * run did not produce, and record what it wrote. Returns the summary's phrase for them.
 */
async function settleOutputs(
  { staleOutputs, removeOutput, writeManifest, MANIFEST_NAME }: typeof import('../../export/manifest.js'),
  record: { entries: Map<string, ManifestEntry> },
  run: RunOutputs,
): Promise<string[]> {
  const covers = await inputsCover(run.paths, run.files, run.cwd);
  const stale = staleOutputs(record.entries, run.format, run.produced, covers);
  const shown = (path: string) => relative(run.cwd, path) || path;
  let removed = 0;
  for (const { entry, reason } of stale) {
    const why = reason === 'memo gone' ? `${shown(entry.memo)} no longer exists` : `this run did not write it from ${shown(entry.memo)}`;
    if (!run.prune) {
      printWarning(`${shown(entry.output)}: stale output: ${why} (--prune removes it)`);
      continue;
    }
    try {
      removeOutput(entry.output, run.outDir);
      record.entries.delete(entry.output);
      removed++;
      printInfo(`removed ${shown(entry.output)}: ${why}`);
    } catch (error) {
      printError(`${shown(entry.output)}: could not remove it: ${(error as Error).message}`);
    }
  }
  for (const [output, entry] of record.entries) if (!existsSync(output)) record.entries.delete(entry.output);
  const byFile = new Map(run.jobs.map((job) => [job.target, job.file]));
  for (const output of run.produced) record.entries.set(output, { output, memo: byFile.get(output) as string, format: run.format });
  if (record.entries.size > 0 || existsSync(join(run.outDir, MANIFEST_NAME))) await writeManifest(run.outDir, record.entries.values());
  if (run.prune) return removed > 0 ? [`${removed} stale removed`] : [];
  return stale.length > 0 ? [`${stale.length} stale (--prune removes them)`] : [];
}

/**
 * Was a memo within this run's inputs (so that its missing output is news)? A memo named, one
 * under a folder given, or one a glob given matches, whether or not it was exported.
 */
async function inputsCover(paths: string[], files: string[], cwd: string): Promise<(memo: string) => boolean> {
  const named = new Set(files);
  const tests: ((memo: string) => boolean)[] = [(memo) => named.has(memo)];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    if (pathKind(absolute) === 'folder') {
      tests.push((memo) => memo.startsWith(absolute.endsWith(sep) ? absolute : absolute + sep));
    } else if ((await import('tinyglobby')).isDynamicPattern(path)) {
      const { default: picomatch } = await import('picomatch');
      const matches = picomatch(path.replace(/^(?:\.\/)+/, ''));
      tests.push((memo) => matches(relative(cwd, memo).split(sep).join('/')));
    }
  }
  return (memo) => tests.some((test) => test(memo));
}
