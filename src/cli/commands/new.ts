// memo new <type> <title...>: scaffold a memo from its type's template. On a terminal (not in
// CI), a missing type or title is asked for, with the date and author (see ../new-prompts.ts).
import { resolve, join } from 'node:path';
import { Option, type Command } from 'commander';
import { canAsk } from '../ci.js';
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
    // Optional for commander so a terminal can ask for them; without one, missing is a usage error.
    .argument('[type]', 'memo type, e.g. rapid-response (asked for on a terminal when missing)')
    .argument('[title...]', 'the memo title, quotes optional (asked for on a terminal when missing)')
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
    .action(async (type: string | undefined, titleWords: string[], options: NewOptions, command: Command) => {
      const title = titleWords.length > 0 ? titleWords.join(' ') : undefined;
      context.exit(await runNew(type, title, options, command.getOptionValueSource('dir') === 'cli'));
    });
}

async function runNew(
  typeGiven: string | undefined,
  titleGiven: string | undefined,
  options: NewOptions,
  dirGiven: boolean,
): Promise<number> {
  const [
    { loadConfig },
    { loadMemoTypes },
    { checkScaffoldInput, scaffoldableType, scaffoldNamed },
    { today },
    { writeFileAtomic },
    { MemoError },
  ] = await Promise.all([
    import('../../config/config.js'),
    import('../../templates/load.js'),
    import('../../templates/scaffold.js'),
    import('../../util/iso-date.js'),
    import('../../io/write.js'),
    import('../../io/errors.js'),
  ]);
  if (dirGiven && options.output) throw new MemoError('give either --dir or -o, not both', { code: 'EOPTION' });
  checkScaffoldInput(
    {
      ...(options.date !== undefined ? { date: options.date } : {}),
      ...(titleGiven !== undefined ? { title: titleGiven } : {}),
    },
    '--date',
  );
  const missing = typeGiven === undefined ? 'type' : titleGiven === undefined ? 'title' : undefined;
  // The same words commander used when both arguments were required.
  // With --stdout (or -o -) the memo itself goes to stdout: questions there would be mixed into it.
  const toStdout = options.stdout === true || options.output === '-';
  if (missing && (toStdout || !canAsk())) throw new MemoError(`missing required argument '${missing}'`, { code: 'EOPTION' });
  // Only now, with questions to ask, are the prompts loaded.
  const prompts = missing ? await import('../new-prompts.js') : undefined;
  const config = loadConfig(process.cwd(), options.config);
  const types = loadMemoTypes(config.templatesDir);
  // A type given is checked before anything is asked.
  if (typeGiven !== undefined) scaffoldableType(types, typeGiven);

  // The config's `new.author` stands in for --author; asked, it is the answer offered (else git's user.name).
  const configured = config.new?.author;
  const author = options.author ?? (configured === undefined ? undefined : typeof configured === 'string' ? [configured] : configured);
  let answers = { type: typeGiven ?? '', title: titleGiven ?? '', date: options.date ?? today(), author };
  if (prompts) {
    const given = { type: typeGiven, title: titleGiven, date: options.date, author: options.author };
    const offered = author ?? prompts.gitUserName(process.cwd());
    try {
      answers = await prompts.askNew(given, types, offered);
    } catch (error) {
      // Ctrl-C at a question: nothing is written, and the exit is an interrupt's.
      if (error instanceof Error && error.name === 'ExitPromptError') return 130;
      throw error;
    }
  }
  const { text, fileName } = scaffoldNamed(types, answers.type, {
    title: answers.title,
    date: answers.date,
    ...(answers.author ? { author: answers.author } : {}),
  });
  if (options.stdout || options.output === '-') {
    await writeStdout(text);
    return 0;
  }
  const target = options.output ? resolve(options.output) : join(resolve(options.dir ?? '.'), fileName);
  const shown = options.output ?? join(options.dir ?? '.', fileName);
  try {
    await writeFileAtomic(target, text, { overwrite: Boolean(options.force), mkdirs: true });
  } catch (error) {
    if (error instanceof MemoError) throw new MemoError(error.message, { file: shown, code: error.code });
    throw error;
  }
  await writeStdout(`${shown}\n`);
  return 0;
}
