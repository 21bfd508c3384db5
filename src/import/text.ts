// Plain text → memo Markdown: the text as it was copied off a web page or out of an email
// (the reference memo's shape). Lines become blocks here — paragraphs (wrapped lines joined),
// list items with their continuation lines, standalone lines that may be headings — and
// blocks.ts does the rest, shared with the HTML importer.
import { MemoError } from '../io/errors.js';
import { MAX_MEMO_BYTES } from '../io/read.js';
import type { Block, ImportOptions, ImportResult } from './blocks.js';
import { blocksToMemo, cleanText, dateLine, escapeInline, eventLine, headerField, isFurniture } from './blocks.js';

export type { Block, ImportOptions, ImportResult, ImportWarning } from './blocks.js';

const BULLET = /^([ \t]*)([•◦▪‣●·*+\-–])[ \t]+(\S.*)$/;
// `1. Bills` and, in tables of contents copied off a page, `1.Bills` (no space, a capital after).
const NUMBERED = /^([ \t]*)(\d{1,3})[.)](?:[ \t]+|(?=\p{Lu}))(\S.*)$/u;
/** Lines longer than this are not hard-wrapped text: each is a paragraph of its own. */
const UNWRAPPED = 100;
const ATX = /^[ \t]{0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const SETEXT = /^[ \t]{0,3}(=+|-+)[ \t]*$/;
const TITLE_WORD = /^(?:(?:.{1,60}?)\s+)?(?:memo|memorandum)\s*:\s*\S/i;

interface Line {
  text: string;
  number: number;
  indent: number;
}

function indentOf(text: string): number {
  let width = 0;
  for (const c of text) {
    if (c === ' ') width++;
    else if (c === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

/** A line that stands on its own even without blank lines around it. */
function breaksParagraph(text: string): boolean {
  const clean = cleanText(text);
  return (
    headerField(clean) !== undefined ||
    dateLine(clean) !== undefined ||
    eventLine(clean) !== undefined ||
    TITLE_WORD.test(clean) ||
    isFurniture(clean)
  );
}

/** Looks like a heading on its own, even as the first line of a group ("KEY TAKEAWAYS", "I. Background"). */
function strongHeading(text: string): boolean {
  const clean = cleanText(text);
  if (/[.,;:!]$/.test(clean) || clean.split(' ').length > 12) return false;
  const letters = clean.replace(/[^\p{L}]/gu, '');
  return (letters.length >= 3 && letters === letters.toUpperCase()) || /^[IVXLC]+\.\s/.test(clean) || clean.endsWith('?');
}

/**
 * Does a paragraph end after `line`? In text wrapped at `width`, a line ends its paragraph when
 * the next line's first word would have fitted on it; text copied off a web page has one
 * paragraph per line (and lines longer than any wrap width), so every line ends one there.
 */
function endsParagraph(line: Line, next: Line, width: number, unwrapped: boolean): boolean {
  if (unwrapped) return true;
  const firstWord = next.text.trim().split(/\s+/)[0] ?? '';
  return line.text.trim().length + 1 + firstWord.length <= width;
}

/**
 * A short line without final punctuation right after a finished sentence ("…this week." then
 * "Key Takeaways") is a heading even when the sentence's line is the longest of the text: in
 * wrapped text only a paragraph's last line is short, and it ends with punctuation.
 */
function headingAfterSentence(previous: Line, line: Line, next: Line | undefined, width: number): boolean {
  const text = line.text.trim();
  if (!/[.?!:"”’)]$/.test(previous.text) || /[.?!,;:]$/.test(text) || !/^[\p{Lu}\p{N}]/u.test(text)) return false;
  return text.split(/\s+/).length <= 12 && (next === undefined || endsParagraph(line, next, width, false));
}

function paragraph(lines: Line[], standalone: boolean): Block {
  const text = cleanText(lines.map((line) => line.text).join(' '));
  return { kind: 'paragraph', text, markdown: escapeInline(text), line: (lines[0] as Line).number, standalone };
}

/** Split text into blocks. Exported for the HTML importer's `<br>`-separated lines and for tests. */
export function textToBlocks(text: string, firstLine = 1): Block[] {
  const lines: Line[] = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((raw, index) => {
      const line = raw
        .replace(/[\u00A0\u2007\u202F]/g, ' ')
        .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
        .replace(/\s+$/, '')
        // A list number glued to its entry (`1.Bills`, as contents are copied) is read apart
        // wherever the line ends up (a list, a header field's continuation), as words.ts counts it.
        .replace(/^(\s*\d{1,3}[.)])(?=\p{Lu})/u, '$1 ');
      return { text: line, number: index + firstLine, indent: indentOf(line) };
    });

  // Groups of non-blank lines.
  const groups: Line[][] = [];
  let current: Line[] = [];
  for (const line of lines) {
    if (line.text.trim() === '') {
      if (current.length > 0) groups.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length > 0) groups.push(current);

  // The wrap width, as far as the text shows it: its longest line that could be wrapped text and
  // has a next line (a title or heading alone between blank lines says nothing about wrapping).
  const width = Math.max(
    0,
    ...lines
      .filter((line, index) => (lines[index + 1]?.text.trim() ?? '') !== '')
      .map((line) => line.text.trim().length)
      .filter((length) => length <= UNWRAPPED),
  );
  const blocks: Block[] = [];
  // The open list item (continuations and indented follow-on paragraphs attach to it) and the
  // indents of the open list levels, for nesting.
  let item: (Block & { indent: number; contentIndent: number }) | undefined;
  let levels: number[] = [];

  for (const group of groups) {
    const first = group[0] as Line;
    // An indented paragraph after a blank line, under an open item: the item's next paragraph.
    if (
      item &&
      first.indent >= item.contentIndent &&
      !BULLET.test(first.text) &&
      !NUMBERED.test(first.text) &&
      !breaksParagraph(first.text)
    ) {
      const text = cleanText(group.map((line) => line.text).join(' '));
      (item.more ??= []).push({ text, markdown: escapeInline(text) });
      continue;
    }
    if (!item || first.indent < item.indent) levels = levels.filter((level) => level < first.indent);
    item = undefined;
    const unwrapped = group.some((line) => line.text.trim().length > UNWRAPPED);
    let para: Line[] = [];
    // The header field line open for an indented continuation ("FROM: Dana Reyes,\n      Policy Team").
    let field: Block | undefined;
    // A paragraph of one line stands alone (blank lines, list items or breaker lines around it).
    const flush = () => {
      if (para.length > 0) blocks.push(paragraph(para, para.length === 1));
      para = [];
    };
    for (let index = 0; index < group.length; index++) {
      const line = group[index] as Line;
      const nextLine = group[index + 1];
      const bullet = BULLET.exec(line.text);
      const numbered = bullet ? null : NUMBERED.exec(line.text);
      const atx = ATX.exec(line.text);
      if (atx && !bullet) {
        flush();
        item = undefined;
        const text = cleanText(atx[2] ?? '');
        blocks.push({ kind: 'heading', text, markdown: escapeInline(text), line: line.number, level: (atx[1] ?? '#').length });
        continue;
      }
      // Setext underline: the paragraph so far was a heading.
      if (para.length === 1 && SETEXT.test(line.text) && !item) {
        const text = cleanText((para[0] as Line).text);
        blocks.push({
          kind: 'heading',
          text,
          markdown: escapeInline(text),
          line: (para[0] as Line).number,
          level: line.text.includes('=') ? 1 : 2,
        });
        para = [];
        continue;
      }
      if (field && line.indent > 0 && !headerField(cleanText(line.text))) {
        field.text = cleanText(`${field.text} ${line.text}`);
        field.markdown = escapeInline(field.text);
        continue;
      }
      field = undefined;
      const previous = group[index - 1];
      const ended =
        previous !== undefined &&
        (endsParagraph(previous, line, width, unwrapped) || headingAfterSentence(previous, line, nextLine, width));
      const marker = bullet ?? numbered;
      if (marker) {
        flush();
        const indent = (marker[1] ?? '').length;
        levels = levels.filter((level) => level <= indent);
        if (levels[levels.length - 1] !== indent) levels.push(indent);
        const text = cleanText(marker[3] ?? '');
        const contentIndent = line.text.length - line.text.trimStart().length + (marker[2] ?? '').length + 1;
        item = {
          kind: 'item',
          text,
          markdown: escapeInline(text),
          line: line.number,
          depth: levels.length - 1,
          standalone: group.length === 1,
          ...(numbered ? { ordered: Number(numbered[2]) } : {}),
          indent,
          contentIndent,
        };
        blocks.push(item);
        continue;
      }
      if (breaksParagraph(line.text)) {
        flush();
        item = undefined;
        const block = paragraph([line], true);
        blocks.push(block);
        if (headerField(block.text)) field = block;
        continue;
      }
      if (item && (line.indent >= item.contentIndent || !ended)) {
        // A continuation line of the open item.
        item.text = cleanText(`${item.text} ${line.text}`);
        item.markdown = escapeInline(item.text);
        continue;
      }
      // A heading-like first line directly above text ("KEY TAKEAWAYS" then a paragraph).
      if (
        para.length === 0 &&
        nextLine &&
        index === 0 &&
        strongHeading(line.text) &&
        !BULLET.test(nextLine.text) &&
        !NUMBERED.test(nextLine.text)
      ) {
        blocks.push(paragraph([line], true));
        continue;
      }
      if (item) item = undefined;
      if (ended) flush();
      para.push(line);
    }
    flush();
  }
  // Drop the helper fields of items.
  return blocks.map((block) => {
    if (block.kind !== 'item') return block;
    const { indent: _indent, contentIndent: _content, ...rest } = block as Block & { indent?: number; contentIndent?: number };
    return rest;
  });
}

/** Guard against input that is not a memo's text at all. */
export function checkText(text: string, source: string): void {
  if (Buffer.byteLength(text, 'utf8') > MAX_MEMO_BYTES) {
    throw new MemoError(
      `input is ${(Buffer.byteLength(text, 'utf8') / (1024 * 1024)).toFixed(1)} MB; memos over ${MAX_MEMO_BYTES / (1024 * 1024)} MB are refused`,
      { file: source, code: 'EINPUT' },
    );
  }
  if (text.includes('\u0000')) throw new MemoError('input is binary, not text', { file: source, code: 'EINPUT' });
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new MemoError('file is empty', { file: source, code: 'EINPUT' });
}

/** Import a memo published as plain text. */
export function importText(text: string, options: ImportOptions): ImportResult {
  checkText(text, options.source);
  return blocksToMemo(textToBlocks(text), options);
}
