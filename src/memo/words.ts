// Word counts for limits ("lede at most 150 words"). A word is a run of non-space characters
// holding at least one letter or digit, so dashes and bullets do not count.
const TOKEN = /\S+/g;
const WORD = /[\p{L}\p{N}]/u;

function isAsciiAlphanumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

export function countWords(text: string): number {
  let count = 0;
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match; match = TOKEN.exec(text)) {
    // Most words start with an ASCII letter: skip the Unicode regex for them (hot in large runs).
    if (isAsciiAlphanumeric(match[0].charCodeAt(0)) || WORD.test(match[0])) count++;
  }
  return count;
}
