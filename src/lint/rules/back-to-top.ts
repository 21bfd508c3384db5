// back-to-top: "Back to top" links where the memo type's policy wants them (`end`: after the
// last section's content; `every-section`: closing each `##` section; `off`: nowhere), each
// pointing at `#top`, none left as plain text. More links than the policy asks for are fine.
// Fixable: a missing link is added after the block it should follow; a wrong URL becomes
// `#top`; a plain-text "Back to top" line becomes the link.
import type { Nodes, RootContent } from 'mdast';
import type { Memo, Point } from '../../memo/model.js';
import { isBackToTopText } from '../../memo/back-to-top.js';
import { spanOf } from '../../memo/nodes.js';
import type { Report, Rule } from '../types.js';
import { at, backToTopKind, bodyNodes, eol, isContent, pointAt } from './shared.js';

const LINK = '[Back to top](#top)';

interface Region {
  /** What to call it in a message. */
  name: string;
  /** Its blocks, in order (a `##` section: the blocks under its heading; the lede: the body before the first `##`). */
  nodes: RootContent[];
  /** Where to put a link when the region has no content block. */
  fallback: Point;
}

/** Where the code and HTML blocks are (start and end offsets), at any depth. */
function opaqueBlocks(nodes: readonly Nodes[], found: [number, number][] = []): [number, number][] {
  for (const node of nodes) {
    if ((node.type === 'code' || node.type === 'html') && node.position)
      found.push([node.position.start.offset ?? 0, node.position.end.offset ?? 0]);
    else if ('children' in node) opaqueBlocks(node.children, found);
  }
  return found;
}

/**
 * Lines reading "Back to top" with no link: offset of the text, its end, and whether the lines
 * above and below are blank. Lines inside code or HTML blocks are code and raw HTML, not text
 * (rewriting one would change where the block ends).
 */
function plainLines(memo: Memo): { start: number; end: number; line: number; blankAbove: boolean; blankBelow: boolean }[] {
  const found: { start: number; end: number; line: number; blankAbove: boolean; blankBelow: boolean }[] = [];
  const lines = memo.source.split('\n');
  const bodyFrom = memo.frontMatter ? memo.frontMatter.span.end.line : 0;
  let opaque: [number, number][] | undefined;
  const inBlock = (start: number, end: number) =>
    (opaque ??= opaqueBlocks(memo.tree.children)).some(([from, to]) => start < to && end > from);
  let offset = 0;
  lines.forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    if (index >= bodyFrom && isBackToTopText(line) && !/[[\]()<>]/.test(line) && !inBlock(offset, offset + line.length)) {
      const lead = line.length - line.trimStart().length;
      const above = index > 0 ? (lines[index - 1] ?? '') : '';
      found.push({
        start: offset + lead,
        end: offset + line.length,
        line: index + 1,
        blankAbove: index === bodyFrom || above.trim() === '',
        blankBelow: blankAfter(memo.source, offset),
      });
    }
    offset += raw.length + 1;
  });
  return found;
}

export const backToTop: Rule = {
  id: 'back-to-top',
  description: 'Back to top links sit where the memo type wants them, each pointing at `#top`.',
  severity: 'error',
  fixable: true,
  check(memo, context) {
    // Every "Back to top" link must go to the top.
    for (const link of memo.backToTop) {
      if (link.url === '#top') continue;
      const written = memo.source.slice(link.span.start.offset, link.span.end.offset);
      const label = written.startsWith('[') ? written.slice(1, written.lastIndexOf('](')) : link.text;
      const report: Report = {
        message: `"${link.text.trim()}" link points at "${link.url}"; point it at "#top".`,
        at: link.span,
      };
      // A title heading is the front-matter title, kept so by the title rule's fix: rewriting a
      // link inside it here would make the two fixes undo each other on every run.
      const inTitle = memo.titleHeadings.some(
        (heading) => link.span.start.offset >= heading.span.start.offset && link.span.end.offset <= heading.span.end.offset,
      );
      if (!inTitle && written.startsWith('[') && written.endsWith(')') && written.lastIndexOf('](') > 0) {
        report.fix = { range: [link.span.start.offset, link.span.end.offset], text: `[${label}](#top)` };
      }
      context.report(report);
    }

    // Plain text is not a link. One that ends a block (a lazy list continuation, say) is moved
    // out into a paragraph of its own; one with text right below it is linked where it stands:
    // moving it out would split its block (a list in two), and other fixes would follow.
    const plain = plainLines(memo);
    for (const line of plain) {
      context.report({
        message: `"Back to top" on line ${line.line} is plain text; make it the link ${LINK}.`,
        at: { start: pointAt(memo.source, line.start), end: pointAt(memo.source, line.end) },
        fix: { range: [line.start, line.end], text: `${line.blankAbove || !line.blankBelow ? '' : eol(memo.source)}${LINK}` },
      });
    }

    const type = memo.memoType;
    if (!type || type.backToTop === 'off') return;
    const regions: Region[] = [];
    const lastSection = memo.sections[memo.sections.length - 1];
    if (type.backToTop === 'every-section') {
      for (const section of memo.sections)
        regions.push({ name: `Section "## ${section.heading.text}"`, nodes: section.nodes, fallback: section.heading.span.end });
    } else if (lastSection) {
      regions.push({
        name: `The last section, "## ${lastSection.heading.text}",`,
        nodes: lastSection.nodes,
        fallback: lastSection.heading.span.end,
      });
    } else {
      const body = bodyNodes(memo);
      const fallback = memo.frontMatter?.span.end ?? pointAt(memo.source, 0);
      regions.push({ name: 'The memo', nodes: body.filter((node) => !(node.type === 'heading' && node.depth === 1)), fallback });
    }

    for (const region of regions) {
      let lastContent = -1;
      region.nodes.forEach((node, index) => {
        if (isContent(node)) lastContent = index;
      });
      const after = region.nodes.slice(lastContent + 1);
      if (after.some((node) => backToTopKind(node) !== undefined)) continue;
      // A plain "Back to top" line that ends the last block (a lazy list continuation) is
      // reported, and fixed, as plain text above; its fix moves it out into its own paragraph.
      // One in the middle of the block does not end the region: the link is still missing.
      const last = lastContent >= 0 ? region.nodes[lastContent] : undefined;
      const end = last ? spanOf(last).end : region.fallback;
      const start = last ? spanOf(last).start.offset : end.offset;
      const endsWithPlain = plain.some(
        (line) => line.start >= start && line.start + memo.source.slice(line.start, line.end).trimEnd().length === end.offset,
      );
      if (endsWithPlain) continue;
      // After a code fence or HTML block that is never closed, inserted text would land inside
      // it and the fix would never settle: report, but offer no fix.
      const raw = last ? memo.source.slice(start, end.offset).trimEnd() : '';
      const unclosed = (last?.type === 'code' && fenceRunsToEnd(raw)) || (last?.type === 'html' && htmlRunsToEnd(raw));
      context.report({
        message: `${region.name} does not end with a "Back to top" link; add ${LINK} after its last block.`,
        at: at(end),
        ...(unclosed
          ? {}
          : {
              fix: {
                range: [end.offset, end.offset] as [number, number],
                text: `${eol(memo.source).repeat(2)}${LINK}${blankAfter(memo.source, end.offset) ? '' : eol(memo.source)}`,
              },
            }),
      });
    }
  },
};

/**
 * Whether the line after the one `offset` is on is blank (or there is none). A block can end
 * before the blank lines it swallowed (a list item ending in an HTML block does), and a link
 * inserted there with text right below would run into it: `.` and `===` below turn the link
 * and the dot into one setext heading, and the fix never settles.
 */
function blankAfter(source: string, offset: number): boolean {
  const newline = source.indexOf('\n', offset);
  if (newline === -1) return true;
  const next = source.indexOf('\n', newline + 1);
  return source.slice(newline + 1, next === -1 ? source.length : next).trim() === '';
}

/**
 * Whether a fenced code block lacks its closing fence: one of the opening fence's character, at
 * least as long (a ``` line does not close a ~~~ fence, nor ``` a ```` one).
 */
function fenceRunsToEnd(raw: string): boolean {
  const open = /^ {0,3}(`{3,}|~{3,})/.exec(raw)?.[1];
  if (!open) return false;
  const close = /\n {0,3}(`{3,}|~{3,})[ \t]*$/.exec(raw)?.[1];
  return !close || close[0] !== open[0] || close.length < open.length;
}

/**
 * Whether an HTML block lacks its end condition, so that it runs on to the end of the memo.
 * CommonMark's blocks 1-5 (`<script>`/`<pre>`/`<style>`/`<textarea>`, `<!--`, `<?`, `<!X`,
 * `<![CDATA[`) end only at their closing string, not at a blank line.
 */
function htmlRunsToEnd(raw: string): boolean {
  const html = raw.replace(/^ {0,3}/, '');
  if (/^<(?:script|pre|style|textarea)(?:[\s>]|$)/i.test(html)) return !/<\/(?:script|pre|style|textarea)>/i.test(html);
  if (html.startsWith('<!--')) return !html.includes('-->', 2);
  if (html.startsWith('<?')) return !html.includes('?>', 2);
  if (html.startsWith('<![CDATA[')) return !html.includes(']]>', 9);
  if (/^<![A-Za-z]/.test(html)) return !html.includes('>', 2);
  return false;
}
