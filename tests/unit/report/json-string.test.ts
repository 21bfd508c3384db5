import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Utf8Writer } from '../../../src/report/json-string.js';

/** Text, then the JSON string of some bytes, then text: all through one writer. */
function written(text: string): Buffer {
  const out = new Utf8Writer();
  out.text('[é,');
  out.jsonString(Buffer.from(text));
  out.text(']');
  return out.bytes();
}
const viaStringify = (text: string) => Buffer.from(`[é,${JSON.stringify(text)}]`);

describe('Utf8Writer', () => {
  it('writes JSON strings as JSON.stringify does, for every control character, quote, backslash and non-ASCII text', () => {
    const every = Array.from({ length: 0x80 }, (_, code) => String.fromCharCode(code)).join('');
    for (const text of ['', every, '“curly” é 😀 \u2028\u2029 \u007f\u0080\u009f', '\ufeffBOM', 'a\r\nb']) {
      expect(written(text).toString('latin1')).toBe(viaStringify(text).toString('latin1'));
    }
  });

  it('agrees with JSON.stringify on any well-formed text', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.oneof(fc.constantFrom('"', '\\', '\n', '\t', '\u0000', '\u001f'), fc.string({ unit: 'grapheme', maxLength: 1 })),
        }),
        (text) => {
          expect(written(text).equals(viaStringify(text))).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('grows past its first buffer without losing what it holds', () => {
    const out = new Utf8Writer();
    const line = `"“quoted”"\n${'x'.repeat(1000)}`;
    for (let i = 0; i < 300; i++) {
      out.text(`${i}:`);
      out.jsonString(Buffer.from(line));
    }
    const expected = Array.from({ length: 300 }, (_, i) => `${i}:${JSON.stringify(line)}`).join('');
    expect(out.bytes().toString()).toBe(expected);
  });
});
