// memo bundle <paths...> --to html|text|json -o FILE: one newsletter issue from many memos.
import { relative, resolve } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { wantsProgress } from '../ci.js';
import type { CommandContext } from '../context.js';
import { warnInapplicable } from '../inapplicable.js';
import { describeRelative, printError, printWarning, writeStdout } from '../output.js';
import { counted } from '../../util/plural.js';
import { parseBaseUrl } from '../../util/base-url.js';

interface BundleCommandOptions {
  to: 'html' | 'text' | 'json' | 'rss' | 'atom' | 'docx' | 'pdf';
  page?: 'letter' | 'a4';
  referenceDocx?: string;
  output?: string;
  title?: string;
  email?: boolean;
  sort: 'date-desc' | 'date-asc' | 'input';
  css?: string;
  config?: string;
  strict?: boolean;
  progress?: boolean;
  baseUrl?: string;
  width?: number;
}

/** --width: columns, as `memo export --width` takes them. */
function width(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number of columns (0 for no wrapping)');
  return Number(value);
}

/** --base-url: an absolute http(s) URL, made a folder (`…/memos/`). */
function baseUrl(value: string): string {
  const parsed = parseBaseUrl(value);
  if ('problem' in parsed) throw new InvalidArgumentError(parsed.problem);
  return parsed.url;
}

/** --title: an issue needs a name; an empty one would leave the page and the feed untitled. */
function issueTitle(value: string): string {
  if (value.trim() === '') throw new InvalidArgumentError('give the issue a title (default: "Memos")');
  return value;
}

export function registerBundle(program: Command, context: CommandContext): void {
  program
    .command('bundle')
    .description('bundle many memos into one newsletter issue (HTML, plain text, or a JSON Feed)')
    .argument('<paths...>', 'memo files, folders and globs')
    .addOption(
      new Option('--to <format>', 'output format (json: JSON Feed 1.1; rss: RSS 2.0; atom: Atom 1.0)')
        .choices(['html', 'text', 'json', 'rss', 'atom', 'docx', 'pdf'])
        .default('html'),
    )
    .option('-o, --output <file>', 'write the issue here (default: stdout)')
    .option('--title <title>', 'the issue title', issueTitle, 'Memos')
    .option('--email', 'HTML: inline the CSS for email clients')
    .addOption(new Option('--sort <order>', 'memo order').choices(['date-desc', 'date-asc', 'input']).default('date-desc'))
    .option('--css <file>', 'HTML: use this stylesheet instead of the built-in one')
    .option('--base-url <url>', 'feeds, HTML: the URL the exported memos are published at; every link made absolute', baseUrl)
    .option('--width <n>', 'text: wrap at this many columns (0: no wrapping)', width)
    .option('--reference-docx <file>', 'DOCX: take the memo styles (MemoTitle, MemoHeading…) from this house document')
    .addOption(new Option('--page <size>', 'PDF: page size (default: export.pdf.page, else letter)').choices(['letter', 'a4']))
    .option('--strict', 'leave out memos that have lint errors (exit 1)')
    .option('--config <file>', 'use this .memorc.yaml instead of searching')
    .option('--no-progress', 'no progress bar, even on a terminal')
    .addHelpText(
      'after',
      '\nExamples:\n  $ memo bundle memos/2019-12-*.md -o issue.html --title "Weekly Memos" --email\n  $ memo bundle memos/ --to text --sort date-asc -o issue.txt\n  $ memo bundle memos/ --to rss --base-url https://example.org/memos/ -o feed.xml\n  $ memo bundle memos/ --to pdf --page a4 -o issue.pdf',
    )
    .action(async (paths: string[], options: BundleCommandOptions) => {
      context.exit(await runBundle(paths, options));
    });
}

async function runBundle(paths: string[], options: BundleCommandOptions): Promise<number> {
  const [{ MemoError }, { findMemoFiles }, { loadConfig, templatesFolderTest }, { readBundleMemos }, { loadCss }, { writeFileAtomic }] =
    await Promise.all([
      import('../../io/errors.js'),
      import('../../io/find.js'),
      import('../../config/config.js'),
      import('../../export/bundle-read.js'),
      import('../../export/one.js'),
      import('../../io/write.js'),
    ]);
  const cwd = process.cwd();
  const config = loadConfig(cwd, options.config);
  // DOCX and PDF: a file to write to, the reference document and Chromium, checked before any memo is read.
  const formatOptions = await (await import('../binary-formats.js')).binaryFormatOptions(options.to, options, config, cwd, true);
  const found = await findMemoFiles(paths, { cwd, ignore: config.ignore, isTemplatesFolder: templatesFolderTest(config, options.config) });
  for (const error of found.errors) printError(error.describe());
  if (options.output && options.output !== '-') {
    const { InputFiles, outputOnInput } = await import('../../io/same-file.js');
    const onInput = outputOnInput(new InputFiles(found.files), options.output, cwd);
    if (onInput) throw onInput;
  }

  warnInapplicable(options, options.to, {
    email: { flag: '--email', formats: ['html'] },
    css: { flag: '--css', formats: ['html', 'pdf'] },
    referenceDocx: { flag: '--reference-docx', formats: ['docx'] },
    page: { flag: '--page', formats: ['pdf'] },
    width: { flag: '--width', formats: ['text', 'json'] },
    baseUrl: { flag: '--base-url', formats: ['html', 'json', 'rss', 'atom'] },
  });
  const progress = wantsProgress(options.progress, found.files.length)
    ? await import('../progress.js').then((m) => m.progressBar(found.files.length, 'reading'))
    : undefined;
  // Each memo read and parsed under the worker limits when it needs them (export/bundle-read.ts).
  const readOptions = { ...(options.config ? { configFile: options.config } : {}), ...(options.strict ? { strict: true } : {}) };
  const { memos, errors, refused } = await readBundleMemos(found.files, cwd, readOptions, () => progress?.tick());
  progress?.stop();
  for (const { file, error } of errors) printError(describeRelative(error, cwd, file));
  for (const { file, errors: lintErrors } of refused) {
    const shown = relative(cwd, file) || file;
    printError(`${shown}: left out (--strict): ${counted(lintErrors.length, 'lint error')}`);
    for (const line of lintErrors) printError(`  ${shown}:${line}`);
  }
  const exitCode = found.errors.length > 0 || errors.length > 0 ? 2 : refused.length > 0 ? 1 : 0;
  if (memos.length === 0) {
    if (refused.length > 0 && errors.length === 0)
      throw new MemoError('every memo was left out (--strict); nothing to bundle', { exitCode: 1, code: 'EINPUT' });
    throw new MemoError('no memo could be read; nothing to bundle', { code: 'EINPUT' });
  }

  const { renderBundle } = await import('../../export/bundle-render.js');
  const { layoutRoot } = await import('../../export/layout.js');
  const { output: text, warnings } = await renderBundle(
    memos,
    {
      to: options.to,
      ...formatOptions,
      ...(options.title !== undefined ? { title: options.title } : {}),
      sort: options.sort,
      ...(options.email ? { email: true } : {}),
      ...(options.css ? { css: await loadCss(options.css) } : {}),
      ...(options.width !== undefined ? { width: options.width } : {}),
      ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}),
      root: layoutRoot(cwd, undefined, config.dir),
      cwd,
    },
    config,
  );
  // Each one line; the issue is still written (exit code unchanged).
  for (const warning of warnings)
    printWarning(warning.file ? `${warning.file}${warning.line ? `:${warning.line}` : ''}: ${warning.message}` : warning.message);
  if (options.output && options.output !== '-') await writeFileAtomic(resolve(options.output), text, { overwrite: true, mkdirs: true });
  else await writeStdout(text);
  return exitCode;
}
