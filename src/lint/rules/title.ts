// title: exactly one `#` heading, first in the body, reading the type's prefix + the
// front-matter title. Fixable: a wrong heading is rewritten; a missing one is inserted.
// (A second `#` heading is heading-levels' finding, not this rule's; front matter that is never
// closed is front-matter's, and leaves no title to compare nor a body start to look for.)
import type { Memo } from '../../memo/model.js';
import type { Rule } from '../types.js';
import { at, bodyNodes, eol, isContent, pointAt } from './shared.js';

/** Where the body's first block starts (after front matter and blank lines). */
function bodyStart(memo: Memo): number {
  const from = memo.frontMatter ? memo.frontMatter.span.end.offset : 0;
  const rest = memo.source.slice(from);
  const firstText = rest.search(/\S/);
  return firstText === -1 ? memo.source.length : from + firstText;
}

/** The heading's text as written in the source (`# Memo: *Foo*` → `Memo: *Foo*`). */
function writtenText(memo: Memo, start: number, end: number): string {
  const raw = memo.source.slice(start, end);
  const atx = /^ {0,3}#[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(raw);
  if (atx) return (atx[1] ?? '').trim();
  return (raw.split(/\r?\n/)[0] ?? '').trim(); // setext: the text line
}

/**
 * The heading line that reads `text`. A run of `#` at the end, after a space, would be read as
 * the heading's closing sequence and dropped (`# Foo ##` reads "Foo"), so its first `#` is
 * escaped: `# Foo \##` reads "Foo ##".
 */
function headingLine(text: string): string {
  return `# ${text.replace(/(^|[ \t])(#+)$/, '$1\\$2')}`;
}

export const title: Rule = {
  id: 'title',
  description: 'The memo has one `#` title heading, first in the body, reading the type prefix + the front-matter title.',
  severity: 'error',
  fixable: true,
  check(memo, context) {
    if (!memo.frontMatter && memo.problems.length > 0) return;
    const expected = memo.memoType && memo.title ? `${memo.memoType.titlePrefix}${memo.title}`.trim() : undefined;
    // A heading is one line: a multi-line front-matter title cannot be written as one, so no fix.
    const fixable = expected !== undefined && !/[\r\n]/.test(expected);
    const noFix = fixable
      ? ''
      : ' --fix cannot write it: the front-matter title has a line break, and a heading is one line; make the title one line.';
    const heading = memo.titleHeadings[0];
    if (!heading) {
      const offset = bodyStart(memo);
      const point = pointAt(memo.source, offset);
      // The heading goes in at the start of that line: inserted after its indentation, it
      // would sit inside an indented code block, and the text after it would lose its indent.
      const lineStart = Math.max(memo.source.lastIndexOf('\n', offset - 1) + 1, memo.frontMatter?.span.end.offset ?? 0);
      if (expected === undefined) {
        context.report({ message: 'Memo has no `#` title heading; add one at the start of the body.', at: at(point) });
        return;
      }
      const atEnd = offset === memo.source.length;
      const nl = eol(memo.source);
      const text = atEnd
        ? `${memo.source.endsWith('\n') || memo.source === '' ? '' : nl}${nl}${headingLine(expected)}${nl}`
        : `${headingLine(expected)}${nl}${nl}`;
      context.report({
        message: `Memo has no \`#\` title heading; add "${headingLine(expected)}" at the start of the body.${noFix}`,
        at: at(point),
        ...(fixable ? { fix: { range: atEnd ? [offset, offset] : [lineStart, lineStart], text } } : {}),
      });
      return;
    }

    const first = bodyNodes(memo).find((node) => isContent(node));
    const firstStart = first?.position?.start.offset;
    if (firstStart !== undefined && firstStart < heading.span.start.offset) {
      context.report({
        message: `Title heading "# ${heading.text}" must come first in the body, but content starts above it on line ${first?.position?.start.line}; move the title up.`,
        at: heading.span,
      });
    }

    if (expected === undefined) return;
    const written = writtenText(memo, heading.span.start.offset, heading.span.end.offset);
    if (heading.text === expected || written === expected) return;
    const prefix = memo.memoType?.titlePrefix ?? '';
    const why = prefix ? `the ${memo.memoType?.name} prefix "${prefix}" + the front-matter title` : 'the front-matter title';
    const line = headingLine(expected);
    // Spelled out when it differs from the title: `# Foo \##` is how "Foo ##" is written.
    const spelled = line === `# ${expected}` ? '' : `, written \`${line}\` (a heading drops the "#"s that end it)`;
    context.report({
      message: `Title heading reads "${heading.text}"; expected "${expected}" (${why})${spelled}.${noFix}`,
      at: heading.span,
      ...(fixable && memo.source.slice(heading.span.start.offset, heading.span.end.offset) !== line
        ? { fix: { range: [heading.span.start.offset, heading.span.end.offset] as [number, number], text: line } }
        : {}),
    });
  },
};
