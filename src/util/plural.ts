// English counts for messages: "1 warning", "2 warnings" (every noun memokit counts takes an s).

export function pluralize(word: string, count: number): string {
  return count === 1 ? word : `${word}s`;
}

/** The count and its noun: `counted(1, 'memo')` is "1 memo". */
export function counted(count: number, word: string): string {
  return `${count} ${pluralize(word, count)}`;
}
