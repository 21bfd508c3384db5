// Plain text put into Markdown (an imported paragraph, a `memo new` value in a template) must
// read back as the same plain text: `Jane <Doe>` is not an HTML tag, `*urgent*` not emphasis.

/** Escape text so Markdown reads it back as the same plain text, inline. */
export function escapeInline(text: string): string {
  return text
    .replace(/[\\`*_[\]~]/g, (c) => `\\${c}`)
    .replace(/<(?=[A-Za-z/!?])/g, '\\<')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
}

/** Escape what would change the meaning of a block's first characters (`# `, `- `, `1. `, `> `). */
export function escapeBlockStart(markdown: string): string {
  return markdown.replace(/^([#>+=]|-(?=\s|-|$))/, '\\$1').replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}
