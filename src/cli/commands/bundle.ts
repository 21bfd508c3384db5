// memo bundle <paths...> --to html|text|json -o FILE: one newsletter issue from many memos.
import { relative, resolve } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { wantsProgress } from '../ci.js';
import type { CommandContext } from '../context.js';
import { warnInapplicable } from '../inapplicable.js';
import { describeRelative, printError, printWarning, writeStdout } from '../output.js';
import { counted } from '../../util/plural.js';

interface BundleCommandOptions {
  to: 'html' | 'text' | 'json' | 'docx' | 'pdf';
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
      new Option('--to <format>', 'output format (json: JSON Feed 1.1)').choices(['html', 'text', 'json', 'docx', 'pdf']).default('html'),
    )
    .option('-o, --output <file>', 'write the issue here (default: stdout)')
    .option('--title <title>', 'the issue title', issueTitle, 'Memos')
    .option('--email', 'HTML: inline the CSS for email clients')
    .addOption(new Option('--sort <order>', 'memo order').choices(['date-desc', 'date-asc', 'input']).default('date-desc'))
    .option('--css <file>', 'HTML: use this stylesheet instead of the built-in one')
    .option('--reference-docx <file>', 'DOCX: take the memo styles (MemoTitle, MemoHeading…) from this house document')
    .addOption(new Option('--page <size>', 'PDF: page size (default: export.pdf.page, else letter)').choices(['letter', 'a4']))
    .option('--strict', 'leave out memos that have lint errors (exit 1)')
    .option('--config <file>', 'use this .memorc.yaml instead of searching')
    .option('--no-progress', 'no progress bar, even on a terminal')
    .addHelpText(
      'after',
      '\nExamples:\n  $ memo bundle memos/2019-12-*.md -o issue.html --title "Weekly Memos" --email\n  $ memo bundle memos/ --to text --sort date-asc -o issue.txt\n  $ memo bundle memos/ --to json -o feed.json\n  $ memo bundle memos/ --to pdf --page a4 -o issue.pdf',
    )
    .action(async (paths: string[], options: BundleCommandOptions) => {
      context.exit(await runBundle(paths, options));
    });
}

async function runBundle(paths: string[], options: BundleCommandOptions): Promise<number> {
  const [
    { MemoError },
    { findMemoFiles },
    { loadConfig, templatesFolderTest },
    { readBundleMemos },
    { loadCss },
    bundle,
    { writeFileAtomic },
  ] = await Promise.all([
    import('../../io/errors.js'),
    import('../../io/find.js'),
    import('../../config/config.js'),
    import('../../export/bundle-read.js'),
    import('../../export/one.js'),
    import('../../export/bundle.js'),
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
  // A date that is no date (2019-02-30) would quietly sort the memo last, as undated.
  for (const memo of memos) {
    const written = memo.frontMatter?.data['date'];
    if (memo.date === undefined && written !== undefined && written !== null && written !== '') {
      const line = memo.frontMatter?.keySpans['date']?.start.line;
      printWarning(
        `${memo.path}${line ? `:${line}` : ''}: front matter date ${JSON.stringify(written)} is not a real date; bundled as undated (last)`,
      );
    }
  }
  const exitCode = found.errors.length > 0 || errors.length > 0 ? 2 : refused.length > 0 ? 1 : 0;
  if (memos.length === 0) {
    if (refused.length > 0 && errors.length === 0)
      throw new MemoError('every memo was left out (--strict); nothing to bundle', { exitCode: 1 });
    throw new MemoError('no memo could be read; nothing to bundle');
  }

  const settings = config.export;
  const css = options.css ? await loadCss(options.css) : settings.css ? await loadCss(settings.css) : undefined;
  const warnings: import('../../export/html-screen.js').ExportWarning[] = [];
  const bundleOptions = {
    warnings,
    ...(options.title !== undefined ? { title: options.title } : {}),
    sort: options.sort,
    ...(options.email ? { email: true } : {}),
    ...(css !== undefined ? { css } : {}),
    ...(settings.lang ? { lang: settings.lang } : {}),
    ...(settings.dateFormat ? { dateFormat: settings.dateFormat } : {}),
    ...(settings.width !== undefined ? { width: settings.width } : {}),
  };
  const text =
    options.to === 'docx' || options.to === 'pdf'
      ? await (await import('../../export/bundle-print.js')).bundleBinary(memos, options.to, { ...bundleOptions, ...formatOptions })
      : options.to === 'html'
        ? bundle.bundleHtml(memos, bundleOptions)
        : options.to === 'text'
          ? bundle.bundleText(memos, bundleOptions)
          : bundle.bundleFeed(memos, bundleOptions);
  // What the HTML sanitizer removed from the memos: one line each; the issue is still written (exit code unchanged).
  for (const warning of warnings) printWarning(`${warning.file}:${warning.line}: ${warning.message}`);
  if (options.output && options.output !== '-') await writeFileAtomic(resolve(options.output), text, { overwrite: true, mkdirs: true });
  else await writeStdout(text);
  return exitCode;
}
