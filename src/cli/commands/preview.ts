// memo preview [paths...]: a local web server for a folder of memos, with live updates on save
// (docs/preview.md). Prints its URL as the first line on stdout, then runs until Ctrl-C,
// SIGTERM or SIGHUP (exit 0). Binds to 127.0.0.1 unless --host says otherwise.
import { spawn } from 'node:child_process';
import { InvalidArgumentError, type Command } from 'commander';
import type { CommandContext } from '../context.js';
import { printError, printInfo, printWarning, writeStdout } from '../output.js';
import { untilStopped } from '../resident.js';
import type { PreviewServer } from '../../serve/server.js';

interface PreviewCommandOptions {
  port?: number;
  host: string;
  open?: boolean;
  config?: string;
}

function port(value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || number > 65535) throw new InvalidArgumentError('expected a port number, 0 to 65535 (0: a free one)');
  return number;
}

const LOOPBACK = ['127.0.0.1', 'localhost', '::1'];

export function registerPreview(program: Command, context: CommandContext): void {
  program
    .command('preview')
    .description('serve memos as web pages on this machine, with their findings, updated as you save')
    .argument('[paths...]', "memo files, folders and globs (default: the project's memos, as memo lint finds them)")
    .option('--port <n>', 'listen on this port (default: a free one)', port)
    .option('--host <address>', 'listen on this address instead of 127.0.0.1 (others on the network can then read the memos)', '127.0.0.1')
    .option('--open', 'open the list of memos in the default browser')
    .option('--config <file>', 'use this .memorc.yaml for every memo instead of searching')
    .addHelpText('after', '\nExamples:\n  $ memo preview\n  $ memo preview memos/ --open\n  $ memo preview memos/ --port 4000')
    .action(async (paths: string[], options: PreviewCommandOptions) => {
      context.exit(await runPreview(paths, options));
    });
}

/** The platform's "open this URL" command; its failure is only a warning. */
function openBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    const child = spawn(command, [url], { stdio: 'ignore', detached: true });
    child.on('error', () => printWarning(`could not open a browser (${command}); open ${url} yourself`));
    child.unref();
  } catch {
    printWarning(`could not open a browser (${command}); open ${url} yourself`);
  }
}

async function runPreview(paths: string[], options: PreviewCommandOptions): Promise<number> {
  // Resident: it lints and parses synchronously for as long as it runs, so the full Markdown
  // parser (loaded on first need in batch runs, memo/parse.ts) is loaded once, up front.
  await (await import('../../memo/parse.js')).loadFullParser();
  const { PreviewServer } = await import('../../serve/server.js');
  if (!LOOPBACK.includes(options.host)) {
    printWarning(`listening on ${options.host}: anyone who can reach this address can read these memos`);
  }
  const live: { server?: PreviewServer } = {};
  const stopped = untilStopped(async () => live.server?.close());
  const server = await PreviewServer.start({
    cwd: process.cwd(),
    inputs: paths,
    host: options.host,
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.config ? { configFile: options.config } : {}),
    onProblem: (message) => printError(message),
  });
  live.server = server;
  await writeStdout(`${server.url}\n`);
  printInfo('previewing; saves update the open pages (Ctrl-C to stop)');
  if (options.open) openBrowser(server.url);
  await stopped;
  return 0;
}
