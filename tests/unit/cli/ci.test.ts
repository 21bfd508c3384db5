import { describe, expect, it } from 'vitest';
import { isCI } from '../../../src/cli/ci.js';

describe('isCI', () => {
  it('is true for the values CI services set, false for unset, empty, 0 and false', () => {
    for (const value of ['true', '1', 'True', 'yes', 'woodpecker']) expect(isCI({ CI: value }), value).toBe(true);
    for (const value of [undefined, '', '0', 'false', 'FALSE'])
      expect(isCI(value === undefined ? {} : { CI: value }), String(value)).toBe(false);
  });
});
