// memo new <type> <title...>: scaffold a memo from its type's template.
import { resolve, join } from 'node:path';
import { Option, type Command } from 'commander';
import type { CommandContext } from '../context.js';
import { writeStdout } from '../output.js';

interface NewOptions {
  date?: string;
  author?: string[];
  dir?: string;
  output?: string;
  stdout?: boolean;
  force?: boolean;
  config?: string;
}

/** `--author` may be given again for each author (commander would keep only the last). */
const collect = (name: string, names: string[] = []): string[] => [...names, name];

export function registerNew(program: Command, context: CommandContext): void {
  program
    .command('new')
    .description('scaffold a memo from a template (see `memo templates`)')
    .argument('<type>', 'memo type, e.g. rapid-response')
    .argument('<title...>', 'the memo title (quotes optional)')
    .option('--date <date>', 'memo date, YYYY-MM-DD (default: today)')
    .option('--author <name>', 'author for the front matter; repeat it for several', collect)
    .addOption(
      new Option('--dir <folder>', 'folder to write <date>-<slug>.md into')
        .default('.', 'the current folder')
        .conflicts(['output', 'stdout']),
    )
    .addOption(new Option('-o, --output <file>', 'exact file to write').conflicts(['stdout']))
    .option('--stdout', 'print the memo instead of writing a file')
    .option('--force', 'replace the file if it exists')
    .option('--config <file>', 'use this .memorc.yaml instead of searching for one')
    .addHelpText(
      'after',
      '\nExamples:\n  $ memo new rapid-response "Backlash to U.S. Strikes in Iraq" --date 2019-12-31\n  $ memo new statement "On the Budget" --author "Press Office" --stdout\n  $ memo new backgrounder "Iran Sanctions" --author "Dana Reyes" --author "Omid Farahani"',
    )
    .action(async (type: string, titleWords: string[], options: NewOptions, command: Command) => {
      context.exit(await runNew(type, titleWords.join(' '), options, command.getOptionValueSource('dir') === 'cli'));
    });
}

async function runNew(typeName: string, title: string, options: NewOptions, dirGiven: boolean): Promise<number> {
  const [{ loadConfig }, { loadMemoTypes }, { scaffoldMemo, memoFileName }, { isIsoDate, today }, { writeFileAtomic }, { MemoError }] =
    await Promise.all([
      import('../../config/config.js'),
      import('../../templates/load.js'),
      import('../../templates/scaffold.js'),
      import('../../memo/dates.js'),
      import('../../io/write.js'),
      import('../../io/errors.js'),
    ]);
  if (dirGiven && options.output) throw new MemoError('give either --dir or -o, not both');
  const date = options.date ?? today();
  if (!isIsoDate(date)) throw new MemoError(`--date "${date}" is not a real date in YYYY-MM-DD form`);
  if (title.trim() === '') throw new MemoError('the title is empty');
  const config = loadConfig(process.cwd(), options.config);
  const types = loadMemoTypes(config.templatesDir);
  const type = types.get(typeName);
  if (!type) throw new MemoError(`unknown memo type "${typeName}"; known types: ${[...types.keys()].join(', ')}`);
  if (type.problem !== undefined)
    throw new MemoError(`the ${typeName} template is broken: ${type.problem}; fix it first`, { file: type.file });

  const input = { title: title.trim(), date, ...(options.author ? { author: options.author } : {}) };
  const text = scaffoldMemo(type, input);
  if (options.stdout || options.output === '-') {
    await writeStdout(text);
    return 0;
  }
  const target = options.output ? resolve(options.output) : join(resolve(options.dir ?? '.'), memoFileName(input));
  const shown = options.output ?? join(options.dir ?? '.', memoFileName(input));
  try {
    await writeFileAtomic(target, text, { overwrite: Boolean(options.force), mkdirs: true });
  } catch (error) {
    if (error instanceof MemoError) throw new MemoError(error.message, { file: shown });
    throw error;
  }
  await writeStdout(`${shown}\n`);
  return 0;
}
