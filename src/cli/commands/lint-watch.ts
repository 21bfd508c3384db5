// memo lint --watch [paths...]: lint once, then lint each memo again when it is saved and print
// the report of what was saved (docs/lint.md, "Watching"). Every run prints one complete report
// in the chosen --format on stdout — stylish for people; json, sarif, junit, github and gitlab as one
// whole document per run, of the files that run linted — and one status line on stderr. On a
// terminal the screen is cleared before each run; otherwise runs are appended. A change to a
// config file, a template or a memo added or removed re-reads the settings and the list of
// memos, and re-lints everything. Ctrl-C (SIGINT), SIGTERM and SIGHUP stop it with exit 0.
import { relative } from 'node:path';
import type { LintResult } from '../../lint/types.js';
import { keepsSource, type FormatName } from '../../report/names.js';
import type { Watcher } from '../../serve/watch.js';
import { counted } from '../../util/plural.js';
import { describeRelative, printError, printInfo, writeStdout } from '../output.js';
import { clockTime, untilStopped } from '../resident.js';

export interface WatchLintOptions {
  format: FormatName;
  quiet?: boolean;
  config?: string;
}

/** Clear the screen and the scroll-back, cursor home: each run starts on a clean terminal. */
const CLEAR = '\x1b[2J\x1b[3J\x1b[H';

function tally(results: Iterable<LintResult>): string {
  let errors = 0;
  let warnings = 0;
  for (const result of results) {
    errors += result.errorCount;
    warnings += result.warningCount;
  }
  return `${counted(errors, 'error')}, ${counted(warnings, 'warning')}`;
}

export async function watchLint(paths: string[], options: WatchLintOptions): Promise<number> {
  // Resident: it lints and parses synchronously for as long as it runs, so the full Markdown
  // parser (loaded on first need in batch runs, memo/parse.ts) is loaded once, up front.
  await (await import('../../memo/parse.js')).loadFullParser();
  const [{ ResidentLinter }, { Workspace }, { watchFiles }, { formatReport }, { MemoError }, { summarize }] = await Promise.all([
    import('../../lint/resident.js'),
    import('../../serve/workspace.js'),
    import('../../serve/watch.js'),
    import('../../report/format.js'),
    import('../../io/errors.js'),
    import('../../lint/summary.js'),
  ]);
  const cwd = process.cwd();
  // Stopping is the way out from the start on (interrupt.ts's exit 130 is for batch runs).
  const live: { watcher?: Watcher } = {};
  const stopped = untilStopped(async () => live.watcher?.close());
  const linter = new ResidentLinter({ ...(options.config ? { configFile: options.config } : {}), keepSource: keepsSource(options.format) });
  const workspace = new Workspace({ cwd, inputs: paths, ...(options.config ? { configFile: options.config } : {}) });
  // A bad config or a missing input at the start is a usage error, as without --watch.
  await workspace.refresh(linter);
  for (const error of workspace.errors) printError(describeRelative(error, cwd));
  if (workspace.files.length === 0) return 2;

  const results = new Map<string, LintResult>();
  const tty = Boolean(process.stdout.isTTY);

  /** Lint `files`, print their report, and a status line naming them and the whole set's tally. */
  const run = async (files: string[], why: string): Promise<void> => {
    const linted: LintResult[] = [];
    for (const file of files) {
      try {
        let result = linter.lintFile(file);
        if (options.quiet)
          result = summarize(
            result.path,
            result.messages.filter((m) => m.severity === 'error'),
            result.source,
          );
        results.set(file, result);
        linted.push(result);
      } catch (error) {
        // A config broken while watching: said once per run, and the watch goes on.
        if (!(error instanceof MemoError)) throw error;
        if (tty) await writeStdout(CLEAR);
        printError(`${describeRelative(error, cwd)} (fix it and save; still watching)`);
        return;
      }
    }
    if (tty) await writeStdout(CLEAR);
    await writeStdout(await formatReport(options.format, linted, cwd));
    const names = linted.length <= 3 ? linted.map((result) => relative(cwd, result.path)).join(', ') : counted(linted.length, 'memo');
    printInfo(
      `[${clockTime()}] ${why}: ${names || 'nothing'} (${tally(linted)}); ${counted(results.size, 'memo')}: ${tally(results.values())}`,
    );
  };

  await run(workspace.files, 'linted');

  // Runs one after another: a save during a run is handled after it, with whatever came since.
  let queue = Promise.resolve();
  let failure: Error | undefined;
  const watcher = watchFiles({
    targets: workspace.watchTargets(),
    relevant: (path) => workspace.relevant(path),
    onError: (error) => printError(`watching: ${error.message}`),
    onBatch: (batch) => {
      queue = queue
        .then(async () => {
          const all = [...batch.changed, ...batch.removed];
          const settings = all.some((path) => workspace.isSettings(path));
          const membership = batch.removed.size > 0 || [...batch.changed].some((path) => !workspace.isMemo(path));
          if (settings) linter.forget();
          if (settings || membership) {
            try {
              await workspace.refresh(linter);
            } catch (error) {
              if (!(error instanceof MemoError)) throw error;
              if (tty) await writeStdout(CLEAR);
              printError(`${describeRelative(error, cwd)} (fix it and save; still watching)`);
              return;
            }
            live.watcher?.add(workspace.watchTargets());
            for (const path of results.keys()) if (!workspace.isMemo(path)) results.delete(path);
          }
          if (settings) return run(workspace.files, 'settings changed, re-linted');
          const changed = [...batch.changed].filter((path) => workspace.isMemo(path));
          for (const path of batch.removed) if (!workspace.isMemo(path)) printInfo(`[${clockTime()}] removed: ${relative(cwd, path)}`);
          if (changed.length > 0) await run(changed, 'saved');
        })
        .catch((error: unknown) => {
          failure = error instanceof Error ? error : new Error(String(error));
          process.kill(process.pid, 'SIGTERM');
        });
    },
  });
  live.watcher = watcher;
  await watcher.ready;
  printInfo(`watching ${counted(workspace.files.length, 'memo')} for changes (Ctrl-C to stop)`);
  await stopped;
  if (failure) throw failure;
  return 0;
}
