import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderOf } from '../../../src/util/folders.js';

describe('folderOf', () => {
  it('answers as dirname() for paths in any order, in the same folder or not', () => {
    const paths = [
      '/memos/a/one.md',
      '/memos/a/two.md',
      '/memos/a/',
      '/memos/a/three.md',
      '/memos/a',
      '/memos/a//four.md',
      '/memos/a/b/five.md',
      '/memos/a/b/',
      '/memos/a/b//',
      '/memos/a/six.md',
      '/top.md',
      '/',
      'relative.md',
      'relative/x.md',
      'relative/x.md/',
      '',
      '/memos/a/one.md',
    ];
    const folder = folderOf();
    expect(paths.map((path) => folder(path))).toEqual(paths.map((path) => dirname(path)));
    // Backwards too, so each path follows another one.
    const again = folderOf();
    expect([...paths].reverse().map((path) => again(path))).toEqual([...paths].reverse().map((path) => dirname(path)));
  });
});
