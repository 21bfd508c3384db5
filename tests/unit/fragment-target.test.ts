// The property suites' idea of where an in-page link goes (tests/helpers/html.ts) must be the
// browser's: percent-decoded to bytes, read as UTF-8 with U+FFFD for the rest, a leading U+FEFF kept.
import { describe, expect, it } from 'vitest';
import { fragmentTarget } from '../helpers/html.js';

describe('fragmentTarget', () => {
  it('decodes as a browser does', () => {
    expect(fragmentTarget('#caf%C3%A9')).toBe('café');
    expect(fragmentTarget('#50%25')).toBe('50%');
    expect(fragmentTarget('#50%')).toBe('50%');
    expect(fragmentTarget('#%7B%25')).toBe('{%');
    expect(fragmentTarget('#\uFEFFx')).toBe('\uFEFFx');
  });

  it("reads a source's NUL (U+FFFD to micromark) and its export's escapes as one target (seed 773870126)", () => {
    expect(fragmentTarget('#%E0%EF%BF%BD%A4%25A')).toBe(fragmentTarget('#%E0\uFFFD%A4%A'));
    expect(fragmentTarget('#%E0%A4')).toBe('\uFFFD');
  });
});
