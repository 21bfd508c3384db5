// Error lines name the memo as the user gave it: relative to the working folder.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeRelative } from '../../../src/cli/output.js';
import { MemoError } from '../../../src/io/errors.js';

const cwd = join('/', 'work', 'site');
const memo = join(cwd, 'memos', 'a.md');

describe('describeRelative', () => {
  it('names the memo relative to the working folder, with its line', () => {
    expect(describeRelative(new MemoError('file is empty', { file: memo, code: 'EINPUT' }), cwd, memo)).toBe(
      `${join('memos', 'a.md')}: file is empty`,
    );
    expect(describeRelative(new MemoError('bad', { file: memo, line: 4, code: 'EINPUT' }), cwd)).toBe(`${join('memos', 'a.md')}:4: bad`);
    expect(describeRelative(new MemoError('bad', { file: join('/', 'elsewhere', 'b.md'), code: 'EINPUT' }), cwd)).toBe(
      `${join('..', '..', 'elsewhere', 'b.md')}: bad`,
    );
  });

  it('leaves a path already relative, and another file than the memo, as they are', () => {
    expect(describeRelative(new MemoError('bad', { file: 'memos/a.md', line: 2, code: 'EINPUT' }), cwd, memo)).toBe('memos/a.md:2: bad');
    const config = join(cwd, 'memos', '.memorc.yaml');
    expect(describeRelative(new MemoError('invalid config', { file: config, code: 'EINPUT' }), cwd, memo)).toBe(
      `${config}: invalid config`,
    );
  });

  it('places an error without a file at the memo, or gives the message alone', () => {
    expect(describeRelative(new MemoError('too slow', { code: 'EINPUT' }), cwd, memo)).toBe(`${join('memos', 'a.md')}: too slow`);
    expect(describeRelative(new MemoError('nothing to bundle', { code: 'EINPUT' }), cwd)).toBe('nothing to bundle');
  });
});
