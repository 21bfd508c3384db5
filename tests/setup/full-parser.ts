// Unit tests call parseMemo and lintText directly, synchronously, on memos of every shape: give
// them the full parser up front, as the CLI's lazy paths (parseMemoLoading, lintTextLoading)
// load them on first need. tests/unit/memo/full-parse.test.ts checks that laziness on its own.
import { loadFullParser } from '../../src/memo/parse.js';

await loadFullParser();
