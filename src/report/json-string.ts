// The json report as UTF-8 bytes, written into one growing buffer. The report carries the
// source of every file with findings; decoding those files to JavaScript strings, escaping them
// and encoding them back took most of a warm `--cache` run (non-ASCII text makes V8 use two-byte
// strings, which it encodes slowly), and so did a buffer per file. Escaping the bytes gives the
// same output as JSON.stringify for valid UTF-8, which is all memokit ever reports.

// JSON.stringify's short escapes; other control characters become \u00XX (lower-case hex).
const SHORT_ESCAPES: Record<number, number> = { 0x08: 0x62, 0x09: 0x74, 0x0a: 0x6e, 0x0c: 0x66, 0x0d: 0x72 };
const HEX = Buffer.from('0123456789abcdef');

export class Utf8Writer {
  private buffer: Buffer;
  private length = 0;
  /** Text not encoded yet: one encoding call per run of text, not per piece (10,000 entries). */
  private pending = '';

  /** `size`: the bytes expected, if known (it grows past them as needed). */
  constructor(size = 64 * 1024) {
    this.buffer = Buffer.allocUnsafe(Math.max(1024, Math.ceil(size)));
  }

  /** Append text, UTF-8 encoded. */
  text(text: string): void {
    this.pending += text;
    if (this.pending.length > 64 * 1024) this.flush();
  }

  /** Append `"…"` for the text these UTF-8 bytes hold, exactly as JSON.stringify writes it. */
  jsonString(bytes: Uint8Array): void {
    this.flush();
    // Worst case: every byte a control character (6 bytes each), plus the quotes.
    this.room(bytes.length * 6 + 2);
    const out = this.buffer;
    let o = this.length;
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
    this.length = o;
  }

  /** What was written (a view of the writer's buffer). */
  bytes(): Buffer {
    this.flush();
    return this.buffer.subarray(0, this.length);
  }

  private flush(): void {
    if (this.pending === '') return;
    this.room(this.pending.length * 3);
    this.length += this.buffer.write(this.pending, this.length, 'utf8');
    this.pending = '';
  }

  private room(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + bytes));
    this.buffer.copy(bigger, 0, 0, this.length);
    this.buffer = bigger;
  }
}
