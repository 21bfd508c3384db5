// `memo new` with someone at the keyboard: what the arguments left out is asked for, one
// question at a time. Loaded (with @inquirer/prompts) only when there is something to ask, on a
// terminal, outside CI; everywhere else a missing type or title stays a usage error.
import { execFileSync } from 'node:child_process';
import { input, select } from '@inquirer/prompts';
import { isIsoDate, today } from '../memo/dates.js';
import type { MemoType } from '../templates/structure.js';

export interface NewAnswers {
  type: string;
  title: string;
  date: string;
  author: string[] | undefined;
}

export interface KnownNewValues {
  type: string | undefined;
  title: string | undefined;
  date: string | undefined;
  author: string[] | undefined;
}

/** `git config user.name`, when git is there and has one. */
export function gitUserName(cwd: string): string | undefined {
  try {
    const name = execFileSync('git', ['config', 'user.name'], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 2000,
    }).trim();
    return name === '' ? undefined : name;
  } catch {
    return undefined;
  }
}

/**
 * Ask for each value not given: the type (from the templates that load), the title (not
 * empty), the date (today by default, a real YYYY-MM-DD date) and the author (`defaultAuthor`
 * by default: the config's `new.author`, else git's user.name; empty means none). Ctrl-C rejects with inquirer's ExitPromptError.
 */
export async function askNew(
  known: KnownNewValues,
  types: Map<string, MemoType>,
  defaultAuthor: string | readonly string[] | undefined,
): Promise<NewAnswers> {
  const usable = [...types.values()].filter((type) => type.problem === undefined);
  const width = Math.max(...usable.map((type) => type.name.length));
  const type =
    known.type ??
    (await select({
      message: 'Memo type',
      choices: usable.map((memoType) => ({
        value: memoType.name,
        name: `${memoType.name.padEnd(width)}  ${memoType.description}`,
        short: memoType.name,
      })),
    }));
  const title =
    known.title ??
    (await input({ message: 'Title', validate: (value) => (value.trim() === '' ? 'The title cannot be empty.' : true) })).trim();
  const date =
    known.date ??
    (
      await input({
        message: 'Date (YYYY-MM-DD)',
        default: today(),
        validate: (value) => (isIsoDate(value.trim()) ? true : `"${value}" is not a real date in YYYY-MM-DD form, like ${today()}.`),
      })
    ).trim();
  let author = known.author;
  if (author === undefined) {
    // Several configured authors are offered as "A, B"; taken as offered, they stay a list.
    const offered = typeof defaultAuthor === 'string' ? defaultAuthor : defaultAuthor?.join(', ');
    const answer = (await input({ message: 'Author (empty for none)', ...(offered ? { default: offered } : {}) })).trim();
    author =
      answer === '' ? undefined : answer === offered && typeof defaultAuthor !== 'string' && defaultAuthor ? [...defaultAuthor] : [answer];
  }
  return { type, title, date, author };
}
