// The worker limits read from the environment: what a user may type, and what is ignored.
import { describe, expect, it } from 'vitest';
import { fileTimeoutMs } from '../../src/io/pool.js';

describe('MEMOKIT_WORKER_TIMEOUT_S', () => {
  it('is 30 s when unset, and the given whole number of seconds otherwise', () => {
    expect(fileTimeoutMs({})).toBe(30_000);
    expect(fileTimeoutMs({ MEMOKIT_WORKER_TIMEOUT_S: '5' })).toBe(5_000);
    expect(fileTimeoutMs({ MEMOKIT_WORKER_TIMEOUT_S: '120' })).toBe(120_000);
  });

  it('ignores values that are not at least 1 (the default applies)', () => {
    for (const value of ['', 'abc', '0', '-3', 'soon']) expect(fileTimeoutMs({ MEMOKIT_WORKER_TIMEOUT_S: value })).toBe(30_000);
  });
});
