// memo lint [paths...]: the structure linter, for writers in a terminal and for CI.
// Exit 0: no errors and warnings within --max-warnings; 1: lint errors (or too many
// warnings); 2: usage error, bad config, or an input that could not be read.
import { resolve } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { isCI } from '../ci.js';
import type { LintResult } from '../../lint/types.js';
import { formatNames, keepsSource, type FormatName } from '../../report/names.js';
import { mark } from '../../util/timing.js';
import { packageVersion } from '../../util/version.js';
import { counted } from '../../util/plural.js';
import type { CommandContext } from '../context.js';
import { describeRelative, printError, writeStdout } from '../output.js';

interface LintOptions {
  format: FormatName;
  fix?: boolean;
  maxWarnings?: number;
  quiet?: boolean;
  config?: string;
  cache?: boolean;
  cacheLocation?: string;
  stdin?: boolean;
  stdinFilename?: string;
  watch?: boolean;
}

/** --max-warnings: a whole number, or -1 for no limit (ESLint's convention). */
function warningLimit(value: string): number {
  const number = Number(value);
  if (!/^(?:\d+|-1)$/.test(value) || !Number.isSafeInteger(number))
    throw new InvalidArgumentError('expected a whole number, like 0 or 10 (or -1 for no limit)');
  return number;
}

export function registerLint(program: Command, context: CommandContext): void {
  program
    .command('lint')
    .description('check memo structure: takeaways, dated and ordered events, Back to top links, and more')
    .argument(
      '[paths...]',
      "files, folders (every *.md and *.markdown under them) and globs (default: the project's memos, config `include`)",
    )
    .addOption(new Option('-f, --format <format>', 'output format').choices(formatNames).default('stylish'))
    .option('--fix', 'fix what can be fixed (title, Back to top links, event order), in place')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this (-1: no limit; counted with --quiet too)', warningLimit)
    .option('--quiet', 'report errors only')
    .option('--config <file>', 'use this .memorc.yaml for every file instead of searching')
    .option('--cache', 'skip files whose content, config and memo types are unchanged since the last --cache run')
    .option('--cache-location <file>', 'where --cache keeps its results', '.memocache')
    .option('--stdin', 'lint text from standard input')
    .option('--stdin-filename <name>', 'name the stdin text (for config lookup and reports)')
    .option('--watch', 'lint, then lint each memo again when it is saved (Ctrl-C to stop); see docs/lint.md')
    .addHelpText(
      'after',
      '\nExamples:\n  $ memo lint\n  $ memo lint memos/\n  $ memo lint "memos/**/*.md" --format sarif > memo.sarif\n  $ memo lint --fix memos/2019-12-31-backlash.md\n  $ cat memo.md | memo lint --stdin --stdin-filename memos/memo.md\n  $ memo lint --watch memos/',
    )
    .action(async (paths: string[], options: LintOptions) => {
      context.exit(await runLint(paths, options));
    });
}

async function runLint(paths: string[], options: LintOptions): Promise<number> {
  if (options.watch) {
    for (const [given, flag] of [
      [options.fix, '--fix'],
      [options.stdin, '--stdin'],
      [options.cache, '--cache'],
    ] as const) {
      if (given) throw new (await import('../../io/errors.js')).MemoError(`${flag} cannot be combined with --watch`, { code: 'EOPTION' });
    }
    const { watchLint } = await import('./lint-watch.js');
    return watchLint(paths, {
      format: options.format,
      ...(options.quiet ? { quiet: true } : {}),
      ...(options.config ? { config: options.config } : {}),
    });
  }
  const [{ lintFiles, lintStdin }, { MemoError }, { readStdin, decodeMemo }, { formatReport }, { summarize, fatalResult }] =
    await Promise.all([
      import('../../lint/run.js'),
      import('../../io/errors.js'),
      import('../../io/read.js'),
      import('../../report/format.js'),
      import('../../lint/summary.js'),
    ]);
  mark('started');
  const cwd = process.cwd();
  const runOptions = {
    cwd,
    ...(options.config ? { configFile: options.config } : {}),
    fix: Boolean(options.fix),
    keepSource: keepsSource(options.format),
    cache: Boolean(options.cache),
    ...(options.cacheLocation ? { cacheLocation: options.cacheLocation } : {}),
    version: packageVersion(),
    // CI services set CI (GitHub Actions, GitLab CI, CircleCI...): a fresh checkout, where
    // --cache answers from content hashes alone.
    statData: !isCI(process.env),
  };

  let results: LintResult[];
  let errors: InstanceType<typeof MemoError>[] = [];
  if (options.stdin) {
    if (options.fix) throw new MemoError('--fix cannot write back to standard input; run --fix on the file', { code: 'EOPTION' });
    const name = options.stdinFilename ?? '<stdin>';
    const text = decodeMemo(await readStdin(), name);
    const path = resolve(cwd, name);
    try {
      results = [await lintStdin(text, path, runOptions)];
    } catch (error) {
      // The text itself could not be linted (too slow, too big): reported like a file's error.
      if (!(error instanceof MemoError) || error.file !== path) throw error;
      results = [fatalResult(path, error)];
      errors = [error];
    }
  } else {
    const run = await lintFiles(paths, runOptions);
    results = run.results;
    errors = run.errors;
  }

  // --quiet hides warnings from the report; an explicit --max-warnings still counts them.
  const warningCount = results.reduce((sum, r) => sum + r.warningCount, 0);
  if (options.quiet) {
    results = results.map((result) =>
      summarize(
        result.path,
        result.messages.filter((m) => m.severity === 'error'),
        result.source,
      ),
    );
  }

  const report = await formatReport(options.format, results, cwd);
  await writeStdout(report);
  mark('reported');
  // Paths in error lines are relative to the working folder, as in the other commands.
  for (const error of errors) printError(describeRelative(error, cwd));

  const errorCount = results.reduce((sum, r) => sum + r.errorCount, 0);
  if (errors.length > 0) return 2;
  if (errorCount > 0) return 1;
  if (options.maxWarnings !== undefined && options.maxWarnings >= 0 && warningCount > options.maxWarnings) {
    printError(
      `${counted(warningCount, 'warning')} found${options.quiet ? ' (not shown: --quiet)' : ''}; --max-warnings allows ${options.maxWarnings}`,
    );
    return 1;
  }
  return 0;
}
