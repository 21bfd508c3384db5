// People named in running text: a byline, a template's {{author}}.

/** Names as a reader says them, AP style (no serial comma): `A`, `A and B`, `A, B and C`. */
export function namesInProse(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}
