// The json format's result shape (ESLint's), apart from the reporter: the library's lintText()
// returns it, and its type declarations must not pull in the reporter's Node.js types.
import type { Finding } from '../lint/types.js';

/** A Finding with ESLint's numeric severity (1 warning, 2 error). */
export type JsonMessage = Omit<Finding, 'severity' | 'fatal'> & { severity: 1 | 2 };

/** ESLint's message for a file that could not be linted: `fatal`, no rule. */
export interface JsonFatalMessage {
  ruleId: null;
  fatal: true;
  severity: 2;
  message: string;
  line: number;
  column: number;
}

export interface JsonResult {
  filePath: string;
  messages: (JsonMessage | JsonFatalMessage)[];
  errorCount: number;
  /** ESLint's count of fatal messages: 1 for a file that could not be linted, else 0. */
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  output?: string;
  source?: string;
}
