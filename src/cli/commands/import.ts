// memo import <file | -> [--from text|html] [-o FILE] [--report]: a published memo (plain text
// like the reference memo, or a saved web page) → memo Markdown. Warnings name the source line;
// --report says where every word went: kept, moved into front matter, or dropped.
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import type { ImportReport } from '../../import/model.js';
import { counted } from '../../util/plural.js';
import type { CommandContext } from '../context.js';
import { printInfo, printWarning, writeStdout } from '../output.js';

interface ImportCommandOptions {
  from?: 'text' | 'html';
  output?: string;
  type?: string;
  config?: string;
  report?: boolean;
}

/** `--report`: words in, kept, moved and dropped, then each move and drop with its line. */
export function reportLines(source: string, report: ImportReport): string[] {
  const words = (entries: ImportReport['moved']) => entries.reduce((sum, entry) => sum + entry.words, 0);
  const quote = (text: string) => `"${text.length > 60 ? `${text.slice(0, 57)}…` : text}"`;
  return [
    `${source}: ${counted(report.wordsIn, 'word')} in, ${report.wordsKept} kept in the body, ${words(report.moved)} moved, ${words(report.dropped)} dropped`,
    ...[
      ...report.moved.map((entry) => ({ ...entry, what: `moved to ${entry.to}` })),
      ...report.dropped.map((entry) => ({ ...entry, what: `dropped (${entry.to})` })),
    ]
      .sort((a, b) => a.line - b.line)
      .map((entry) => `  ${source}:${entry.line}: ${entry.what}: ${quote(entry.text)} (${counted(entry.words, 'word')})`),
  ];
}

export function registerImport(program: Command, context: CommandContext): void {
  program
    .command('import')
    .description('turn a published memo (plain text or a saved web page) into memo Markdown')
    .argument('<file>', 'the published memo, or - for stdin')
    .addOption(new Option('--from <format>', 'input format (default: sniffed from the content)').choices(['text', 'html']))
    .option('-o, --output <file>', 'write the memo here instead of stdout (replaces the file)')
    .option('--type <type>', 'memo type to use instead of inferring it from the sections')
    .option('--config <file>', 'use this .memorc.yaml instead of searching for one')
    // No `-v`: memokit's global `-v, --version` takes it wherever it stands.
    .option('-v, --report', 'say on stderr where every word went: words in, kept, moved into front matter, dropped')
    .addHelpText(
      'after',
      '\nExamples:\n  $ memo import statement.txt -o 2019-12-31-backlash.md\n  $ memo import page.txt --report > memo.md\n  $ curl -s https://example.org/memo | memo import - --from html > memo.md',
    )
    .action(async (file: string, options: ImportCommandOptions) => {
      context.exit(await runImport(file, options));
    });
}

async function runImport(file: string, options: ImportCommandOptions): Promise<number> {
  const [{ loadConfig }, { workingMemoTypes }, { readMemoBytes, readStdin }, { writeFileAtomic }, { MemoError }, { importMemo }] =
    await Promise.all([
      import('../../config/config.js'),
      import('../../templates/load.js'),
      import('../../io/read.js'),
      import('../../io/write.js'),
      import('../../io/errors.js'),
      import('../../import/import.js'),
    ]);
  const source = file === '-' ? '<stdin>' : file;
  if (file !== '-' && options.output && options.output !== '-') {
    const { InputFiles, outputOnInput } = await import('../../io/same-file.js');
    const onInput = outputOnInput(new InputFiles([resolve(file)]), options.output, process.cwd());
    if (onInput) throw onInput;
  }
  // Bytes, not text: a saved page may declare a legacy charset, which the importer honours.
  const bytes = file === '-' ? await readStdin() : Uint8Array.from(readMemoBytes(file));
  const config = loadConfig(process.cwd(), options.config);
  // A type whose template is broken has no structure to import into: it is no candidate.
  const types = workingMemoTypes(config.templatesDir);
  const result = await importMemo(bytes, {
    types,
    source,
    ...(options.from ? { from: options.from } : {}),
    ...(options.type ? { type: options.type } : {}),
  });

  for (const warning of result.warnings) printWarning(`${source}:${warning.line}: ${warning.message}`);
  if (result.typeGuessed) printWarning(`${source}: type "${result.type}" was guessed from the sections found; check it (or pass --type)`);
  if (options.report) for (const line of reportLines(source, result.report)) printInfo(line);

  if (!options.output || options.output === '-') {
    await writeStdout(result.markdown);
    return 0;
  }
  try {
    await writeFileAtomic(resolve(options.output), result.markdown, { overwrite: true });
  } catch (error) {
    if (error instanceof MemoError) throw new MemoError(error.message, { file: options.output, code: error.code });
    throw error;
  }
  return 0;
}
