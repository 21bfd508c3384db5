// memo lsp: the Language Server Protocol server, for editors (docs/editors.md). It speaks over
// standard input and output only; `--stdio` is accepted because editors' LSP clients pass it
// to Node language servers. The server and vscode-languageserver are loaded only here.
import { Option, type Command } from 'commander';
import { packageVersion } from '../../util/version.js';
import type { CommandContext } from '../context.js';

export function registerLsp(program: Command, context: CommandContext): void {
  program
    .command('lsp')
    .description("run the language server: the editor shows memokit's findings, fixes and rule docs as you type")
    .option('--stdio', 'talk LSP over standard input and output (the default and only transport)')
    // vscode-languageclient adds this for servers it runs as Node modules; the parent is
    // watched through `processId` in the initialize request instead.
    .addOption(new Option('--clientProcessId <pid>').hideHelp())
    .addHelpText('after', '\nExample:\n  $ memo lsp --stdio    (started by the editor: see docs/editors.md)')
    .action(async () => {
      // Resident: it lints synchronously for as long as it runs, so the full Markdown parser
      // (loaded on first need in batch runs, memo/parse.ts) is loaded once, up front.
      await (await import('../../memo/parse.js')).loadFullParser();
      const { serve } = await import('../../lsp/server.js');
      const code = await serve({ input: process.stdin, output: process.stdout, version: packageVersion() });
      // Stop reading, so nothing keeps the process alive once the editor said exit.
      process.stdin.destroy();
      context.exit(code);
    });
}
