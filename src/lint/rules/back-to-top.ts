// back-to-top: "Back to top" links where the memo type's policy wants them (`end`: after the
// last section's content; `every-section`: closing each `##` section; `off`: nowhere), each
// pointing at `#top`, none left as plain text. More links than the policy asks for are fine.
// Fixable: a missing link is added after the block it should follow; a wrong URL becomes
// `#top`; a plain-text "Back to top" line becomes the link; a link typed right under the last
// list item (which Markdown makes part of that item) gets the blank line above it.
import type { Link as LinkNode, Nodes, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
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

/** A "Back to top" link that ends a region's last block from inside it, and how to move it out. */
interface Glued {
  link: LinkNode;
  message: string;
  /** None when moving the link out would change what the text before it is (see below). */
  fix?: { range: [number, number]; text: string };
}

/**
 * `[^1]: the` or `[ref]: url`: a line that, once alone, is a link definition, which Markdown
 * does not show. Moving a link out from behind such text would hide the text.
 */
const wouldBeDefinition = (line: string): boolean => /^ {0,3}\[(?:[^\]\\]|\\.)+\]:[ \t]*\S+[ \t]*$/.test(line);

/** Whether the next line with text after `offset` starts indented (a space or a tab). */
function indentedAfter(source: string, offset: number): boolean {
  const rest = /^[^\n]*\n(?:[ \t]*\r?\n)*([ \t]*)\S/.exec(source.slice(offset));
  return rest !== null && rest[1] !== '';
}

/** Whether a line holds nothing but spaces, tabs and block-quote markers. */
const onlyMarkers = (line: string): boolean => /^[ \t>]*$/.test(line);

/**
 * The "Back to top" link that ends `block` from inside it: typed right under the last list item
 * (or a paragraph, or a quote) it is a lazy continuation line of that item's paragraph;
 * indented under the item after a blank line it is the item's own paragraph. Either way the
 * region has no link after its last block. The fix moves the link
 * into a paragraph of its own: a blank line above it, no indent. Undefined when the link is the
 * whole of a list item (`- [Back to top](#top)`), which a blank line would not help.
 */
function gluedLink(memo: Memo, block: RootContent, regionName: string): Glued | undefined {
  if (block.type !== 'list' && block.type !== 'blockquote' && block.type !== 'paragraph') return undefined;
  let node: Nodes = block;
  while ((node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote') && node.children.length > 0)
    node = node.children[node.children.length - 1] as Nodes;
  if (node.type !== 'paragraph') return undefined;
  const inlines = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  const link = inlines[inlines.length - 1];
  if (link?.type !== 'link' || !isBackToTopText(toString(link)) || !link.position) return undefined;
  const source = memo.source;
  const start = link.position.start.offset ?? 0;
  const end = link.position.end.offset ?? 0;
  const blockStart = block.position?.start.offset ?? 0;
  const lineStart = source.lastIndexOf('\n', start - 1) + 1;
  const prefix = source.slice(lineStart, start);
  const sameLine = !onlyMarkers(prefix);
  if (sameLine && inlines.length === 1) return undefined; // the link is the item: `- [Back to top](#top)`
  let from: number;
  if (sameLine) from = start - (prefix.length - prefix.trimEnd().length);
  else {
    // From the end of the last line above with text on it (blank and `>`-only lines go too).
    let cursor = lineStart;
    for (;;) {
      if (cursor === 0) return undefined;
      const above = source.lastIndexOf('\n', cursor - 2) + 1;
      const line = source.slice(above, cursor - 1).replace(/\r$/, '');
      if (!onlyMarkers(line)) {
        from = above + line.length;
        break;
      }
      cursor = above;
    }
    if (from < blockStart) return undefined;
  }
  const between = source.slice(from, lineStart);
  const blankAbove = !sameLine && between.split('\n').length > 2;
  const indented = !sameLine && prefix !== '';
  const what = sameLine
    ? 'put the link on a line of its own, with a blank line above it'
    : prefix.includes('>')
      ? 'move the link out of the quote, with a blank line above it'
      : !blankAbove && indented
        ? 'put a blank line above the link and remove its indent'
        : !blankAbove
          ? 'put a blank line above the link'
          : "remove the link's indent";
  const [inside, thing] =
    block.type === 'list'
      ? ['the last list item', 'an item']
      : block.type === 'blockquote'
        ? ['the block quote', 'a quote']
        : ['the last paragraph', 'a paragraph'];
  const why = sameLine ? '' : !blankAbove ? ` (a line typed right under ${thing} joins it)` : ` (indented, it belongs to ${thing})`;
  const nl = eol(source);
  const message = `${regionName} ends with its "Back to top" link inside ${inside}${why}; ${what}.`;
  // Found by fuzzing: `[^1]: the [Back to top](#top)` fixed to `[^1]: the` + the link made the
  // words "[^1]: the" a link definition, gone from the memo as CommonMark reads it.
  if (sameLine && wouldBeDefinition(source.slice(lineStart, from))) return { link, message };
  return { link, message, fix: { range: [from, end], text: `${nl}${nl}${source.slice(start, end)}${blankAfter(source, end) ? '' : nl}` } };
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
      // Moved out (a blank line above it) only when what follows is not indented under it: an
      // indented block after the blank line (`    - j`) still belongs to the list item, and a
      // blank line here would end the list and turn it into a code block (found by fuzzing).
      const moveOut = !line.blankAbove && line.blankBelow && !indentedAfter(memo.source, line.end);
      context.report({
        message: `"Back to top" on line ${line.line} is plain text; make it the link ${LINK}.`,
        at: { start: pointAt(memo.source, line.start), end: pointAt(memo.source, line.end) },
        fix: { range: [line.start, line.end], text: `${moveOut ? eol(memo.source) : ''}${LINK}` },
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
      // A link typed right under the last item is in the item: say so, and move it out (a
      // second link added after the list would leave the first one inside it).
      const glued = last && gluedLink(memo, last, region.name);
      if (glued) {
        const span = spanOf(glued.link);
        context.report({ message: glued.message, at: span, ...(glued.fix ? { fix: glued.fix } : {}) });
        continue;
      }
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
 * Whether a fenced code block lacks its closing fence, so that it runs on to the end of the
 * memo. Only a fence of the opening's character, at least as long, closes it: "```" does not
 * close "~~~" (a link added after it would land inside the code).
 */
function fenceRunsToEnd(raw: string): boolean {
  const open = /^ {0,3}(`{3,}|~{3,})/.exec(raw)?.[1];
  if (!open) return false;
  const closing = new RegExp(`\\n {0,3}${open[0] === '`' ? '`' : '~'}{${open.length},}[ \\t]*$`);
  return !closing.test(raw);
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
