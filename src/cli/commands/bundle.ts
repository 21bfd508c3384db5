// memo bundle <paths...> --to html|text|json -o FILE: one newsletter issue from many memos.
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import type { CommandContext } from '../context.js';
import { describeRelative, printError, printWarning, writeStdout } from '../output.js';

interface BundleCommandOptions {
  to: 'html' | 'text' | 'json';
  output?: string;
  title?: string;
  email?: boolean;
  sort: 'date-desc' | 'date-asc' | 'input';
  css?: string;
  config?: string;
}

export function registerBundle(program: Command, context: CommandContext): void {
  program
    .command('bundle')
    .description('bundle many memos into one newsletter issue (HTML, plain text, or a JSON Feed)')
    .argument('<paths...>', 'memo files, folders and globs')
    .addOption(new Option('--to <format>', 'output format (json: JSON Feed 1.1)').choices(['html', 'text', 'json']).default('html'))
    .option('-o, --output <file>', 'write the issue here (default: stdout)')
    .option('--title <title>', 'the issue title', 'Memos')
    .option('--email', 'HTML: inline the CSS for email clients')
    .addOption(new Option('--sort <order>', 'memo order').choices(['date-desc', 'date-asc', 'input']).default('date-desc'))
    .option('--css <file>', 'HTML: use this stylesheet instead of the built-in one')
    .option('--config <file>', 'use this .memorc.yaml instead of searching')
    .addHelpText(
      'after',
      '\nExamples:\n  $ memo bundle memos/2019-12-*.md -o issue.html --title "Weekly Memos" --email\n  $ memo bundle memos/ --to text --sort date-asc -o issue.txt\n  $ memo bundle memos/ --to json -o feed.json',
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
  const found = await findMemoFiles(paths, { cwd, ignore: config.ignore, isTemplatesFolder: templatesFolderTest(config, options.config) });
  for (const error of found.errors) printError(error.describe());
  if (options.output && options.output !== '-') {
    const { InputFiles, outputOnInput } = await import('../../io/same-file.js');
    const onInput = outputOnInput(new InputFiles(found.files), options.output, cwd);
    if (onInput) throw onInput;
  }

  // Each memo read and parsed under the worker limits when it needs them (export/bundle-read.ts).
  const { memos, errors } = await readBundleMemos(found.files, cwd, options.config ? { configFile: options.config } : {});
  for (const { file, error } of errors) printError(describeRelative(error, cwd, file));
  const exitCode = found.errors.length > 0 || errors.length > 0 ? 2 : 0;
  if (memos.length === 0) throw new MemoError('no memo could be read; nothing to bundle');

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
    options.to === 'html'
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
