// memo schema: print the JSON Schema (2020-12) of `memo export --to json`.
import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { writeStdout } from '../output.js';

export function registerSchema(program: Command, context: CommandContext): void {
  program
    .command('schema')
    .description('print the JSON Schema of the JSON export')
    .addHelpText('after', '\nExample:\n  $ memo schema > memo.schema.json')
    .action(async () => {
      const { memoJsonSchema } = await import('../../export/schema.js');
      await writeStdout(`${JSON.stringify(memoJsonSchema, null, 2)}\n`);
      context.exit(0);
    });
}
