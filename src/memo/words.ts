// Word counts for limits ("lede at most 150 words"). A word is a run of non-space characters
// holding at least one letter or digit, so dashes and bullets do not count.
const WORD = /[\p{L}\p{N}]/u;

export function countWords(text: string): number {
  let count = 0;
  for (const token of text.split(/\s+/)) if (token && WORD.test(token)) count++;
  return count;
}
