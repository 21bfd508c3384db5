// JSON string literals straight from UTF-8 bytes. The json report carries the source of every
// file with findings; decoding those files to JavaScript strings, escaping them and encoding
// them back took most of a warm `--cache` run (non-ASCII text makes V8 use two-byte strings,
// which it encodes slowly). Escaping the bytes gives the same output as
// Buffer.from(JSON.stringify(text)) for valid UTF-8, which is all memokit ever reports.

// JSON.stringify's short escapes; other control characters become \u00XX (lower-case hex).
const SHORT_ESCAPES: Record<number, number> = { 0x08: 0x62, 0x09: 0x74, 0x0a: 0x6e, 0x0c: 0x66, 0x0d: 0x72 };
const HEX = Buffer.from('0123456789abcdef');

/** `"…"` for the text these UTF-8 bytes hold, as UTF-8 bytes, exactly as JSON.stringify writes it. */
export function jsonStringFromUtf8(bytes: Uint8Array): Buffer {
  // Count first, so the result is one exact allocation (memos have few bytes to escape).
  let length = bytes.length + 2;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] as number;
    if (byte < 0x20) length += SHORT_ESCAPES[byte] === undefined ? 5 : 1;
    else if (byte === 0x22 || byte === 0x5c) length += 1;
  }
  const out = Buffer.allocUnsafe(length);
  let o = 0;
  out[o++] = 0x22;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] as number;
    // Bytes of multi-byte characters are all ≥ 0x80: copied as they are, like ASCII text.
    if (byte >= 0x20 && byte !== 0x22 && byte !== 0x5c) {
      out[o++] = byte;
      continue;
    }
    out[o++] = 0x5c;
    if (byte === 0x22 || byte === 0x5c) {
      out[o++] = byte;
    } else if (SHORT_ESCAPES[byte] !== undefined) {
      out[o++] = SHORT_ESCAPES[byte];
    } else {
      out[o++] = 0x75; // \u00XX
      out[o++] = 0x30;
      out[o++] = 0x30;
      out[o++] = HEX[byte >> 4] as number;
      out[o++] = HEX[byte & 15] as number;
    }
  }
  out[o++] = 0x22;
  return out;
}
