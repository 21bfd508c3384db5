// Commander wiring only: each command lives in commands/<name>.ts, which declares its options
// and loads its heavy modules lazily, so `memo lint one.md` never loads the exporters.
import { Command, CommanderError } from 'commander';
import type { CommandContext } from './context.js';
import { handleInterrupts } from './interrupt.js';
import { mark } from '../util/timing.js';
import { packageVersion } from '../util/version.js';
import { describeError, printError } from './output.js';
import { registerBundle } from './commands/bundle.js';
import { registerExport } from './commands/export.js';
import { registerImport } from './commands/import.js';
import { registerInit } from './commands/init.js';
import { registerLint } from './commands/lint.js';
import { registerLsp } from './commands/lsp.js';
import { registerNew } from './commands/new.js';
import { registerPreview } from './commands/preview.js';
import { registerSchema } from './commands/schema.js';
import { registerTemplates } from './commands/templates.js';

export async function main(argv: string[]): Promise<number> {
  // Node's start-up and loading this module: the fixed cost every command pays first.
  mark('loaded');
  // Interrupted runs finish the file being written, leave no temporary files, exit 128 + signal.
  handleInterrupts();
  // A reader that goes away (`memo lint | head`) is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  let exitCode = 0;
  const context: CommandContext = {
    exit(code) {
      exitCode = Math.max(exitCode, code);
    },
  };

  const program = new Command('memo')
    .description('Scaffold, lint, export, bundle and import structured policy memos.')
    .version(packageVersion(), '-v, --version', 'print the memokit version')
    .helpOption('-h, --help', 'show help for a command')
    .showSuggestionAfterError(true)
    // `memo -v` is the version; after a command, `-v` is the command's own (`memo import x -v`).
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(`memo: ${text.replace(/^error: /, '')}`) })
    .addHelpText(
      'after',
      '\nExample:\n  $ memo new rapid-response "Backlash to U.S. Strikes" --date 2019-12-31\n\nRun `memo <command> --help` for a command\'s options.',
    );

  for (const register of [
    registerNew,
    registerTemplates,
    registerInit,
    registerLint,
    registerExport,
    registerBundle,
    registerImport,
    registerSchema,
    registerPreview,
    registerLsp,
  ])
    register(program, context);
  // Every subcommand exits through the override too, so usage errors come back here as exit 2.
  for (const command of program.commands)
    command.exitOverride().configureOutput({ outputError: (text, write) => write(`memo: ${text.replace(/^error: /, '')}`) });

  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successes; anything else commander rejects is a usage error.
      return error.exitCode === 0 ? 0 : 2;
    }
    const { message, exitCode: code } = describeError(error);
    printError(message);
    return Math.max(exitCode, code);
  }
  return exitCode;
}
