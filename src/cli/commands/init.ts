// memo init: a commented .memorc.yaml and a copy of the built-in templates to edit.
// Overwrites nothing: files that already exist are kept and named.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { printInfo } from '../output.js';

// Every commented example below must load when uncommented (tests/e2e/new.test.ts uncomments
// each one, and all at once, and lints with the result): copy one and it works.
const CONFIG = `# memokit configuration. memo looks for this file from a memo's folder upwards;
# \`root: true\` stops the search here.
root: true

# Your memo types: every *.md in this folder is a template (see \`memo templates\`).
# A template named like a built-in (rapid-response.md) replaces the built-in.
templates: templates

# Lint rules: off | warn | error, or [severity, { options }] for the rules that take
# options (lede, takeaways; see docs/rules/).
rules:
  placeholders: error
  # dated-events: warn
  # lede: [warn, { maxWords: 120 }]

# Per-type overrides; the type must be one \`memo templates\` lists.
# types:
#   statement:
#     rules:
#       lede: warn
#   rapid-response:
#     rules:
#       takeaways: [error, { maxItems: 10 }]

# Files never linted or exported (globs, relative to this file).
ignore:
  - "drafts/**"

# \`memo new\` without --author writes this author (and offers it when it asks).
# new:
#   author: Policy Team

# Numeric event dates: 12/11/2019 is Dec. 11 (mdy, the default) or 12 Nov. (dmy).
# dateOrder: dmy

# Export settings.
export:
  dateFormat: long   # long ("December 31, 2019") or iso
  width: 72          # plain-text wrap width, 0 for none
  lang: en
`;

export function registerInit(program: Command, context: CommandContext): void {
  program
    .command('init')
    .description('write a commented .memorc.yaml and copy the built-in templates into templates/ (overwrites nothing)')
    .addHelpText('after', '\nExample:\n  $ cd policy-memos && memo init')
    .action(async () => {
      const { writeFileAtomic } = await import('../../io/write.js');
      const { MemoError } = await import('../../io/errors.js');
      const { loadMemoTypes } = await import('../../templates/load.js');
      const files: [string, string][] = [['.memorc.yaml', CONFIG]];
      for (const type of loadMemoTypes().values()) files.push([join('templates', basename(type.file)), readFileSync(type.file, 'utf8')]);
      for (const [file, text] of files) {
        try {
          await writeFileAtomic(join(process.cwd(), file), text, { overwrite: false, mkdirs: true });
          printInfo(`created ${file}`);
        } catch (error) {
          if (error instanceof MemoError && error.code === 'EEXIST') printInfo(`kept ${file} (already exists)`);
          else throw error;
        }
      }
      context.exit(0);
    });
}
