// The lint output formats, by name. Each is a plain function from results to a string that ends
// with a newline (or is empty: `stylish` and `github` print nothing for a clean run); json
// gives the same as UTF-8 bytes.
import type { Formatter } from './context.js';
import type { FormatName } from './names.js';
import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

export type { FormatContext, Formatter } from './context.js';

export const formatters: Record<FormatName, Formatter> = {
  stylish,
  json,
  sarif,
  github,
  junit,
  gitlab,
};
