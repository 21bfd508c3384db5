// Each docs page's command synopsis names exactly the options `memo <command> --help` lists, so a
// flag added, renamed or removed cannot leave the docs behind.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, memo } from '../helpers/cli.js';

/** The options a synopsis block gives each command: `memo lint [--fix] …` → lint: {--fix, …}. */
function synopses(page: string): Map<string, Set<string>> {
  const text = readFileSync(join(ROOT, 'docs', page), 'utf8');
  const block = /```sh\n([\s\S]*?)```/.exec(text)?.[1] ?? '';
  const commands = new Map<string, Set<string>>();
  let current: Set<string> | undefined;
  for (const line of block.split('\n')) {
    const command = /^memo (\w+)/.exec(line);
    if (command) commands.set(command[1] as string, (current = new Set()));
    for (const flag of line.matchAll(/(?<![\w-])(--?[a-z][\w-]*)/g)) current?.add(flag[1] as string);
  }
  return commands;
}

/** The options `memo <command> --help` lists (long names), and the long name of each short one (`-o` → `--output`). */
function helpOptions(command: string): { flags: Set<string>; long: Map<string, string> } {
  const help = memo([command, '--help']).stdout;
  const end = help.search(/\n(?:Examples|Commands):/);
  const options = help.slice(help.indexOf('Options:'), end === -1 ? undefined : end);
  const flags = new Set<string>();
  const long = new Map<string, string>();
  for (const line of options.split('\n')) {
    const match = /^\s+(?:(-\w),\s*)?(--[\w-]+)/.exec(line);
    if (!match) continue;
    flags.add(match[2] as string);
    if (match[1]) long.set(match[1], match[2] as string);
  }
  flags.delete('--help');
  return { flags, long };
}

describe('docs synopses match --help', () => {
  for (const page of ['lint.md', 'export.md', 'import.md', 'preview.md', 'editors.md']) {
    it(`docs/${page}`, () => {
      const pages = synopses(page);
      expect(pages.size, page).toBeGreaterThan(0);
      for (const [command, documented] of pages) {
        const { flags, long } = helpOptions(command);
        const named = new Set([...documented].map((flag) => long.get(flag) ?? flag));
        expect([...named].sort(), `memo ${command} in docs/${page}`).toEqual([...flags].sort());
      }
    });
  }
});
