import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonStringFromUtf8 } from '../../../src/report/json-string.js';

const viaStringify = (text: string) => Buffer.from(JSON.stringify(text));

describe('jsonStringFromUtf8', () => {
  it('writes what JSON.stringify writes, for every control character, quote, backslash and non-ASCII text', () => {
    const every = Array.from({ length: 0x80 }, (_, code) => String.fromCharCode(code)).join('');
    for (const text of ['', every, '“curly” é 😀 \u2028\u2029 \u007f\u0080\u009f', '\ufeffBOM', 'a\r\nb']) {
      expect(jsonStringFromUtf8(Buffer.from(text)).toString('latin1')).toBe(viaStringify(text).toString('latin1'));
    }
  });

  it('agrees with JSON.stringify on any well-formed text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(fc.constantFrom('"', '\\', '\n', '\t', '\u0000', '\u001f'), fc.string({ unit: 'grapheme', maxLength: 1 })) }), (text) => {
        expect(jsonStringFromUtf8(Buffer.from(text)).equals(viaStringify(text))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
