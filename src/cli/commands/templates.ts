// memo templates [--json]: list the memo types, built-in or the project's.
import { relative } from 'node:path';
import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { printError, writeStdout } from '../output.js';

export function registerTemplates(program: Command, context: CommandContext): void {
  program
    .command('templates')
    .description('list memo types: name, description, built-in or where from')
    .option('--json', 'print JSON instead of a table')
    .option('--config <file>', 'use this .memorc.yaml instead of searching for one')
    .addHelpText('after', '\nExamples:\n  $ memo templates\n  $ memo templates --json | jq ".[].name"')
    .action(async (options: { json?: boolean; config?: string }) => {
      const { loadConfig } = await import('../../config/config.js');
      const { loadMemoTypes } = await import('../../templates/load.js');
      const { describeTemplates } = await import('../../templates/describe.js');
      const config = loadConfig(process.cwd(), options.config);
      const types = [...loadMemoTypes(config.templatesDir).values()];
      const rows = describeTemplates(loadMemoTypes(config.templatesDir), loadMemoTypes(), process.cwd());
      if (options.json) {
        await writeStdout(`${JSON.stringify(rows, null, 2)}\n`);
      } else {
        const width = Math.max(...rows.map((row) => row.name.length));
        const lines = rows.map((row) =>
          row.error !== undefined
            ? `${row.name.padEnd(width)}  BROKEN: ${row.error}  (${row.file ?? row.source})`
            : `${row.name.padEnd(width)}  ${row.description}  (${row.file ?? row.source})`,
        );
        await writeStdout(`${lines.join('\n')}\n`);
      }
      // Listed, and each broken one named on stderr too: a script sees exit 2.
      const broken = types.filter((type) => type.problem !== undefined);
      for (const type of broken) printError(`${relative(process.cwd(), type.file)}: ${type.problem}`);
      context.exit(broken.length > 0 ? 2 : 0);
    });
}
