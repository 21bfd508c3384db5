// What a command's action needs from the CLI around it.
import type { Command } from 'commander';

export interface CommandContext {
  /** Record the process exit code; the highest code reported wins. */
  exit(code: number): void;
}

export type RegisterCommand = (program: Command, context: CommandContext) => void;
