// The shared half of `memo import`: both importers (plain text, HTML) turn their input into a
// flat list of blocks — headings, paragraphs, list items, each with its source line — and this
// module maps blocks to memo Markdown, one phase per module: furniture out (heuristics.ts), the
// front into front matter (front.ts), lede and sections (sections.ts), the type (choose-type.ts),
// events (events.ts), Markdown out (render.ts). Every word read is kept, moved or dropped, and
// the ledger (ledger.ts) says which. It never prints: what the user should check comes back as
// warnings with their source lines.
import { isBackToTopText } from '../memo/back-to-top.js';
import { nearMiss } from '../memo/headings.js';
import { MemoError } from '../io/errors.js';
import type { MemoType } from '../templates/structure.js';
import { chooseType } from './choose-type.js';
import { buildEvents } from './events.js';
import { readFront } from './front.js';
import { furniture } from './heuristics.js';
import { Ledger } from './ledger.js';
import type { Block, ImportOptions, ImportResult, ImportWarning } from './model.js';
import { writeMemo } from './render.js';
import { splitSections } from './sections.js';

export type { Block, ImportEntry, ImportOptions, ImportReport, ImportResult, ImportWarning } from './model.js';
export {
  cleanText,
  dateLine,
  dateOnly,
  escapeBlockStart,
  escapeInline,
  eventLine,
  furniture,
  headerField,
  isFurniture,
} from './heuristics.js';

const quote = (text: string) => `"${text.length > 60 ? `${text.slice(0, 57)}…` : text}"`;

/** Page furniture from the named list leaves; the rest stays. "Back to top" is re-added where the type wants it. */
function dropFurniture(input: readonly Block[], ledger: Ledger, warn: (line: number, message: string) => void): Block[] {
  const blocks: Block[] = [];
  // `Country | Vote | Source` above `Russia | No | …` is a table, not a menu bar.
  const row = (block: Block | undefined) => block !== undefined && / [|] /.test(block.text);
  for (const [index, block] of input.entries()) {
    if (block.text === '' && (block.more ?? []).length === 0) continue;
    let kind =
      (block.kind === 'item' && block.ordered !== undefined) || block.kind === 'markdown-block' ? undefined : furniture(block.text);
    if (kind === 'navigation' && (row(input[index - 1]) || row(input[index + 1]))) kind = undefined;
    if (kind === undefined) {
      blocks.push(block);
      continue;
    }
    ledger.drop(block.line, block.text, kind);
    if (!isBackToTopText(block.text) && /\p{L}/u.test(block.text)) warn(block.line, `dropped page furniture ${quote(block.text)}`);
  }
  return blocks;
}

function forcedType(types: ReadonlyMap<string, MemoType>, name: string): MemoType {
  const forced = types.get(name);
  if (!forced) throw new MemoError(`unknown memo type "${name}"; known types: ${[...types.keys()].join(', ')}`, { code: 'ETYPE' });
  return forced;
}

/** Blocks → memo Markdown. The heart of both importers. */
export function blocksToMemo(input: Block[], options: ImportOptions): ImportResult {
  const warnings: ImportWarning[] = [];
  const warn = (line: number, message: string) => warnings.push({ line, message });
  const { types } = options;
  if (types.size === 0) throw new MemoError('no memo types are known; cannot import', { file: options.source, code: 'ETYPE' });
  const forced = options.type === undefined ? undefined : forcedType(types, options.type);
  const ledger = new Ledger();

  const blocks = dropFurniture(input, ledger, warn);
  if (blocks.length === 0) throw new MemoError('nothing to import: no text found', { file: options.source, code: 'EINPUT' });

  const front = readFront(blocks, types, ledger, warn);
  const rest = blocks.filter((_, index) => !front.taken.has(index));
  const above = rest.filter((block) => front.titleIndex !== -1 && block.line < (blocks[front.titleIndex] as Block).line);
  if (above.length > 0)
    warn((above[0] as Block).line, `text above the title was kept at the start of the lede: ${quote((above[0] as Block).text)}`);

  const knownHeadings = [...new Set([...types.values()].flatMap((type) => type.sections.map((section) => section.heading)))];
  const { lede, sections } = splitSections(rest, knownHeadings, above.length);
  const choice = forced
    ? { type: forced, guessed: false }
    : chooseType(
        sections.filter((section) => section.depth === 2).map((section) => section.heading.text),
        types,
        front.prefix,
      );
  const { type, guessed } = choice;
  // Near-miss headings take the type's canonical text.
  for (const section of sections) {
    if (section.depth !== 2) continue;
    const spec = type.sections.find((candidate) => nearMiss(section.text, candidate.heading));
    if (spec) section.text = spec.heading;
  }
  const { eventText, warning } = buildEvents(sections, type, front.date);
  if (warning) warnings.push(warning);

  const kept = [...lede, ...sections.flatMap((section) => [section.heading, ...section.blocks])];
  return {
    markdown: writeMemo({ type, guessed, front, lede, sections, eventText }),
    type: type.name,
    typeGuessed: guessed,
    warnings: warnings.sort((a, b) => a.line - b.line),
    report: ledger.report(input, kept),
  };
}
