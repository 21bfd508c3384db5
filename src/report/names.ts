// The names `memo lint --format` accepts, default first. Their one home: the CLI's choices,
// the formatter table (report/index.ts) and the lazy loaders (report/format.ts) are typed by
// them, so adding a format here without a formatter fails to compile.
export const formatNames = ['stylish', 'json', 'sarif', 'github', 'junit', 'gitlab'] as const;

export type FormatName = (typeof formatNames)[number];

export function isFormatName(name: string): name is FormatName {
  return (formatNames as readonly string[]).includes(name);
}

/** Formats that read the linted text (json shows it; gitlab fingerprints findings by their line's text). */
export function keepsSource(format: FormatName): boolean {
  return format === 'json' || format === 'gitlab';
}
