// Word counts for limits ("lede at most 150 words"). A word is a run of non-space characters
// holding at least one letter or digit, so dashes and bullets do not count.
const SPACE = /\s/;
const WORD = /[\p{L}\p{N}]/u;

function isAsciiAlphanumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Words in `text`: runs of non-whitespace (JavaScript's `\s`) with a letter or digit in them. */
export function countWords(text: string): number {
  // One pass over the characters, regex only for non-ASCII ones: this runs on every item,
  // section and lede of every memo, and a `\S+` scan was the hottest line of a large lint.
  let count = 0;
  let hasWord = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    let space: boolean;
    let word: boolean;
    if (code < 128) {
      space = code === 32 || (code >= 9 && code <= 13);
      word = !space && isAsciiAlphanumeric(code);
    } else {
      const codePoint = text.codePointAt(index) as number;
      const char = String.fromCodePoint(codePoint);
      space = SPACE.test(char);
      word = !space && WORD.test(char);
      if (codePoint > 0xffff) index++;
    }
    if (space) {
      if (hasWord) count++;
      hasWord = false;
    } else if (word) {
      hasWord = true;
    }
  }
  if (hasWord) count++;
  return count;
}
