// A fast path for the Markdown most memos are made of. It builds the very mdast tree that
// remark-parse (CommonMark + YAML front matter) builds, positions included, for a deliberately
// small subset: front matter, ATX headings, paragraphs, flat lists of one-paragraph items,
// HTML comments, and inline text with links and `*`/`_` emphasis (with GFM on, also nothing
// GFM would read as a table, strikethrough, footnote or autolink), with LF or CRLF line endings
// (mixed too; kept as written in values, as micromark keeps them). For anything else it
// returns undefined and the caller runs the full parser, so there is no "almost CommonMark":
// a tree from here is identical to remark's, which the differential tests check on every
// fixture, the bench corpus and generated memos.
//
// Why: micromark tokenizes character by character and compiles events into a tree, about
// 1.5–2 ms for a 5 KB memo; this line-and-regex pass does the same memo in a fraction of that,
// and linting is otherwise mostly parsing (see bench/RESULTS.md).
import type {
  Emphasis,
  Heading,
  Html,
  Link,
  List,
  ListItem,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
  Strong,
  Text,
  Yaml,
} from 'mdast';

interface Point {
  line: number;
  column: number;
  offset: number;
}

/** One line of a paragraph: where its content starts and ends in the source (indent excluded). */
interface Segment {
  line: number;
  start: number;
  end: number;
}

/**
 * Control characters (tabs included) change how micromark counts columns and lines. A CR is
 * taken only as part of a CRLF line ending; a lone CR (also a line ending to micromark) declines.
 */
const CONTROL = /[\0-\x09\x0b\x0c\x0e-\x1f\x7f]|\r(?!\n)/;
/** Inline syntax this pass does not build: code, escapes, HTML/autolinks, images, entities. */
const UNSUPPORTED_INLINE = /[`\\<]|!\[|&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/;
const THEMATIC_BREAK = /^([-*_])(?: *\1){2,} *$/;
const SETEXT_UNDERLINE = /^(?:=+|-+) *$/;
const ORDERED_ITEM = /^(\d{1,9})([.)])(?: |$)/;
/** An ATX heading without a closing `#` sequence (a trailing `#` is left to remark). */
const HEADING = /^(#{1,6}) ([^\s#](?:.*[^\s#])?)$/;
const LINK = /\[([^[\]]*)\]\(([^()\s<>\\]*)\)/y;
/** With GFM on: tables and strikethrough need these; the parse is left to remark. */
const GFM_INLINE = /[|~]|\[\^/;
/** With GFM on: a line that could be a table's delimiter row (`:--`, `| - |`), pipes or not. */
const GFM_DELIMITER_ROW = /^[ |:-]*-[ |:-]*$/;
/** With GFM on: what GFM turns into autolinks inside plain text. */
const GFM_AUTOLINK = /www\.|:\/\/|@|mailto:|xmpp:/i;
/** Characters the inline pass acts on; everything else is text. */
const INLINE_SYNTAX = /[[\]*_]/g;
const PUNCTUATION = /^[\p{P}\p{S}]$/u;
const WHITESPACE = /^\s$/;

type LineKind = 'heading' | 'comment' | 'bullet' | 'ordered' | 'text' | 'unsupported';

/** What a line starts, read at its first non-space character. */
function lineKind(text: string): LineKind {
  const first = text[0];
  if (first === undefined) return 'unsupported';
  if (first === '#') return HEADING.test(text) ? 'heading' : /^#{1,6}(?: |$)/.test(text) ? 'unsupported' : 'text';
  if (first === '-' || first === '*' || first === '+') {
    if (THEMATIC_BREAK.test(text) || SETEXT_UNDERLINE.test(text)) return 'unsupported';
    if (text[1] === ' ') return text[2] !== undefined && text[2] !== ' ' && lineKind(text.slice(2)) === 'text' ? 'bullet' : 'unsupported';
    return text.length === 1 ? 'unsupported' : 'text';
  }
  if (first === '<') return text.startsWith('<!--') && !text.startsWith('<!-->') && !text.startsWith('<!--->') ? 'comment' : 'unsupported';
  if (first === '_') return THEMATIC_BREAK.test(text) ? 'unsupported' : 'text';
  if (first === '=') return SETEXT_UNDERLINE.test(text) ? 'unsupported' : 'text';
  if (first === '>' || first === '`' || first === ' ' || text.startsWith('~~~')) return 'unsupported';
  if (first >= '0' && first <= '9') {
    const match = ORDERED_ITEM.exec(text);
    if (!match) return 'text';
    const rest = text.slice(match[0].length);
    return rest !== '' && rest[0] !== ' ' && lineKind(rest) === 'text' ? 'ordered' : 'unsupported';
  }
  return 'text';
}

/** micromark's character classes for emphasis: 1 whitespace, 2 punctuation, 0 other. */
function characterClass(char: string | undefined): 0 | 1 | 2 {
  if (char === undefined || char === '\n' || char === ' ' || WHITESPACE.test(char)) return 1;
  return PUNCTUATION.test(char) ? 2 : 0;
}

export interface QuickParseOptions {
  /** Match remark-parse with remark-gfm (default: CommonMark alone). */
  gfm?: boolean;
}

export function quickParse(source: string, options: QuickParseOptions = {}): Root | undefined {
  const gfm = options.gfm === true;
  // micromark drops a leading byte-order mark (a second one, after the one parseMemo strips).
  if (CONTROL.test(source) || source.charCodeAt(0) === 0xfeff) return undefined;
  const lineStarts: number[] = [0];
  for (let index = source.indexOf('\n'); index !== -1; index = source.indexOf('\n', index + 1)) lineStarts.push(index + 1);
  const lineCount = lineStarts.length;
  /** Where a line's content ends: before its line ending, LF or CRLF (both are kept in values as written). */
  const lineEnd = (line: number): number => {
    if (line + 1 >= lineCount) return source.length;
    const next = lineStarts[line + 1] as number;
    return source.charCodeAt(next - 2) === 13 ? next - 2 : next - 1;
  };
  const lineText = (line: number): string => source.slice(lineStarts[line], lineEnd(line));
  const point = (offset: number, line: number): Point => ({ line: line + 1, column: offset - (lineStarts[line] as number) + 1, offset });
  /** Line index of an offset, searching forward from a known line. */
  const lineOf = (offset: number, from: number): number => {
    let line = from;
    while (line + 1 < lineCount && (lineStarts[line + 1] as number) <= offset) line++;
    return line;
  };

  const children: RootContent[] = [];
  let line = 0;

  if (lineText(0).startsWith('---')) {
    if (lineText(0) !== '---') return undefined;
    let close = 1;
    while (close < lineCount && lineText(close) !== '---') {
      if (lineText(close).startsWith('---')) return undefined;
      close++;
    }
    if (close === lineCount) return undefined;
    const value = close === 1 ? '' : source.slice(lineStarts[1], lineEnd(close - 1));
    const yaml: Yaml = { type: 'yaml', value, position: { start: point(0, 0), end: point(lineEnd(close), close) } };
    children.push(yaml);
    line = close + 1;
  }

  // ---- inline: text, links, emphasis -------------------------------------------------------

  /** Inline content of a run of segments, or undefined when it uses syntax this pass skips. */
  const inline = (segments: Segment[]): PhrasingContent[] | undefined => {
    const starts: number[] = [];
    let text = '';
    let previous: Segment | undefined;
    for (const segment of segments) {
      // The line ending before this segment, as written (LF or CRLF): micromark keeps it in text values.
      if (previous) text += source.charCodeAt(previous.end) === 13 ? '\r\n' : '\n';
      previous = segment;
      starts.push(text.length);
      const line = source.slice(segment.start, segment.end);
      if (gfm && GFM_DELIMITER_ROW.test(line)) return undefined;
      text += line;
    }
    if (UNSUPPORTED_INLINE.test(text) || (gfm && GFM_INLINE.test(text))) return undefined;
    let autolink = false;
    let segmentIndex = 0;
    const pointAt = (index: number): Point => {
      while (segmentIndex > 0 && (starts[segmentIndex] as number) > index) segmentIndex--;
      while (segmentIndex + 1 < starts.length && (starts[segmentIndex + 1] as number) <= index) segmentIndex++;
      const segment = segments[segmentIndex] as Segment;
      return point(segment.start + index - (starts[segmentIndex] as number), segment.line);
    };

    const lineStartPoint = (index: number): Point => {
      const segment = segments[starts.indexOf(index)] as Segment;
      return point(lineStarts[segment.line] as number, segment.line);
    };

    interface Frame {
      marker: string;
      size: number;
      from: number;
      nodes: PhrasingContent[];
    }
    const parseRange = (from: number, to: number): PhrasingContent[] | undefined => {
      const frames: Frame[] = [{ marker: '', size: 0, from, nodes: [] }];
      let textStart = -1;
      const flushText = (end: number): void => {
        if (textStart === -1) return;
        const nodes = (frames[frames.length - 1] as Frame).nodes;
        if (gfm && GFM_AUTOLINK.test(text.slice(textStart, end))) autolink = true;
        // A text that ends with a line ending ends at the start of the next line, before its indent.
        const endPoint = text[end - 1] === '\n' ? lineStartPoint(end) : pointAt(end);
        const node: Text = { type: 'text', value: text.slice(textStart, end), position: { start: pointAt(textStart), end: endPoint } };
        nodes.push(node);
        textStart = -1;
      };
      let index = from;
      while (index < to) {
        const char = text[index] as string;
        if (char === '[') {
          LINK.lastIndex = index;
          const match = LINK.exec(text);
          if (!match || index + match[0].length > to) return undefined;
          flushText(index);
          const labelStart = index + 1;
          const labelEnd = labelStart + (match[1] as string).length;
          const label = parseRange(labelStart, labelEnd);
          if (!label) return undefined;
          const end = index + match[0].length;
          const link: Link = {
            type: 'link',
            title: null,
            url: match[2] as string,
            children: label,
            position: { start: pointAt(index), end: pointAt(end) },
          };
          (frames[frames.length - 1] as Frame).nodes.push(link);
          index = end;
          continue;
        }
        if (char === ']') return undefined;
        if (char === '*' || char === '_') {
          let end = index + 1;
          while (end < to && text[end] === char) end++;
          const previous = text[index - 1];
          const next = text[end];
          if (previous === '*' || previous === '_' || next === '*' || next === '_') return undefined;
          const before = characterClass(previous);
          const after = characterClass(next);
          const open = !after || (after === 2 && before !== 0);
          const close = !before || (before === 2 && after !== 0);
          const opens = char === '*' ? open : open && (before !== 0 || !close);
          const closes = char === '*' ? close : close && (after !== 0 || !open);
          const size = end - index;
          if (opens && closes) return undefined;
          if ((opens || closes) && size > 2) return undefined;
          if (opens) {
            flushText(index);
            frames.push({ marker: char, size, from: index, nodes: [] });
            index = end;
            continue;
          }
          if (closes) {
            const frame = frames[frames.length - 1] as Frame;
            if (frames.length === 1 || frame.marker !== char || frame.size !== size) return undefined;
            flushText(index);
            frames.pop();
            const position = { start: pointAt(frame.from), end: pointAt(end) };
            const node: Emphasis | Strong =
              size === 1 ? { type: 'emphasis', children: frame.nodes, position } : { type: 'strong', children: frame.nodes, position };
            (frames[frames.length - 1] as Frame).nodes.push(node);
            index = end;
            continue;
          }
          // Neither opens nor closes: literal text.
          if (textStart === -1) textStart = index;
          index = end;
          continue;
        }
        // Plain text up to the next character that may start syntax, in one step.
        if (textStart === -1) textStart = index;
        INLINE_SYNTAX.lastIndex = index + 1;
        const next = INLINE_SYNTAX.exec(text);
        index = next === null || next.index > to ? to : next.index;
      }
      flushText(to);
      if (frames.length !== 1) return undefined;
      return (frames[0] as Frame).nodes;
    };
    const content = parseRange(0, text.length);
    return autolink ? undefined : content;
  };

  // ---- blocks ------------------------------------------------------------------------------

  let paragraph: Segment[] | undefined;
  /** Where a finished paragraph goes: the root, or the open list item. */
  let paragraphItem: ListItem | undefined;
  let list: (List & { marker: string }) | undefined;
  let blankBefore = false;

  const closeParagraph = (): boolean => {
    if (!paragraph) return true;
    const segments = paragraph;
    paragraph = undefined;
    const content = inline(segments);
    if (!content) return false;
    const first = segments[0] as Segment;
    const last = segments[segments.length - 1] as Segment;
    const node: Paragraph = {
      type: 'paragraph',
      children: content,
      position: { start: point(first.start, first.line), end: point(last.end, last.line) },
    };
    if (paragraphItem) {
      paragraphItem.children.push(node);
      (paragraphItem.position as { end: Point }).end = node.position?.end as Point;
      paragraphItem = undefined;
    } else {
      children.push(node);
    }
    return true;
  };
  const closeList = (): boolean => {
    if (!closeParagraph()) return false;
    if (!list) return true;
    const { marker: _marker, ...node } = list;
    const lastItem = node.children[node.children.length - 1] as ListItem;
    (node.position as { end: Point }).end = lastItem.position?.end as Point;
    children.push(node);
    list = undefined;
    return true;
  };

  for (; line < lineCount; line++) {
    const start = lineStarts[line] as number;
    const end = lineEnd(line);
    if (start === end) {
      if (!closeParagraph()) return undefined;
      blankBefore = true;
      continue;
    }
    if (source.charCodeAt(end - 1) === 32) return undefined;
    const text = source.slice(start, end);
    if (text[0] === ' ') {
      // Only a paragraph's continuation line may be indented here.
      if (!paragraph || blankBefore) return undefined;
      let indent = 1;
      while (text[indent] === ' ') indent++;
      if (lineKind(text.slice(indent)) !== 'text') return undefined;
      paragraph.push({ line, start: start + indent, end });
      continue;
    }
    const kind = lineKind(text);
    if (kind === 'unsupported') return undefined;
    if (kind === 'text') {
      if (paragraph && !blankBefore) {
        paragraph.push({ line, start, end });
      } else {
        if (!closeList()) return undefined;
        paragraph = [{ line, start, end }];
      }
    } else if (kind === 'heading') {
      if (!closeList()) return undefined;
      const match = HEADING.exec(text) as RegExpExecArray;
      const marks = (match[1] as string).length;
      const content = inline([{ line, start: start + marks + 1, end }]);
      if (!content) return undefined;
      const heading: Heading = {
        type: 'heading',
        depth: marks as Heading['depth'],
        children: content,
        position: { start: point(start, line), end: point(end, line) },
      };
      children.push(heading);
    } else if (kind === 'comment') {
      if (!closeList()) return undefined;
      const closeAt = source.indexOf('-->', start + 4);
      if (closeAt === -1) return undefined;
      const lastLine = lineOf(closeAt, line);
      const html: Html = {
        type: 'html',
        value: source.slice(start, lineEnd(lastLine)),
        position: { start: point(start, line), end: point(lineEnd(lastLine), lastLine) },
      };
      children.push(html);
      line = lastLine;
    } else {
      // A list item: `- text` or `1. text`, one paragraph, no nested blocks.
      const ordered = kind === 'ordered' ? (ORDERED_ITEM.exec(text) as RegExpExecArray) : undefined;
      const marker = ordered ? (ordered[2] as string) : (text[0] as string);
      const contentStart = start + (ordered ? ordered[0].length : 2);
      // An ordered list may interrupt a paragraph only when it starts at 1 (CommonMark).
      if (ordered && !list && paragraph && !blankBefore && Number(ordered[1]) !== 1) return undefined;
      if (!closeParagraph()) return undefined;
      if (list && (list.marker !== marker || list.ordered !== Boolean(ordered))) return undefined;
      if (list && blankBefore) list.spread = true;
      const item: ListItem = {
        type: 'listItem',
        spread: false,
        checked: null,
        children: [],
        position: { start: point(start, line), end: point(end, line) },
      };
      if (!list) {
        const position = { start: point(start, line), end: point(end, line) };
        list = {
          type: 'list',
          ordered: Boolean(ordered),
          start: ordered ? Number(ordered[1]) : null,
          spread: false,
          children: [],
          position,
          marker,
        };
      }
      list.children.push(item);
      paragraph = [{ line, start: contentStart, end }];
      paragraphItem = item;
    }
    blankBefore = false;
  }
  if (!closeList()) return undefined;

  const lastLine = lineCount - 1;
  return {
    type: 'root',
    children,
    position: { start: { line: 1, column: 1, offset: 0 }, end: point(source.length, lastLine) },
  };
}
