// The shared half of `memo import`: both importers (plain text, HTML) turn their input into a
// flat list of blocks — headings, paragraphs, list items, each with its source line — and this
// module maps blocks to memo Markdown: date line → `date`, `Memo:` line → `title`, lede,
// sections (type inferred from them), list items, dated timeline paragraphs → events, page
// furniture dropped and "Back to top" re-added where the type wants it. It never prints:
// whatever cannot be placed comes back as a warning with its source line.
// The English locale alone, as memo/dates.ts does: the full package loads every locale.
import type { ParsedComponents } from 'chrono-node';
import * as chrono from 'chrono-node/en';
import { stringify } from 'yaml';
import { isBackToTopText } from '../memo/back-to-top.js';
import { nearMiss } from '../memo/headings.js';
import { MONTH, apDate } from '../memo/dates.js';
import { readLeadingDate, type LeadingDate } from '../memo/event-date.js';
import { MemoError } from '../io/errors.js';
import type { MemoType } from '../templates/structure.js';
import { eventsSection } from '../templates/structure.js';

export interface ImportWarning {
  line: number;
  message: string;
}

export interface ImportResult {
  /** Memo Markdown with front matter (type, title, date, author). */
  markdown: string;
  /** The memo type written to the front matter. */
  type: string;
  /** True when the sections found did not settle the type; the output then carries a comment. */
  typeGuessed: boolean;
  /** Text that could not be placed, and other things the user should check. */
  warnings: ImportWarning[];
}

export interface ImportOptions {
  /** Known memo types by name (`loadMemoTypes()`). */
  types: ReadonlyMap<string, MemoType>;
  /** Where the input came from (a path, or `<stdin>`), for error messages. */
  source: string;
  /** Use this memo type instead of inferring one. */
  type?: string;
}

/** One block of the imported document, as either importer found it. */
export interface Block {
  // [markdown-block] Pre-rendered Markdown (a block quote with its attribution, a GFM table, a
  // figure with its caption, footnote definitions): written out verbatim where it stands, as body
  // text; never a title, date, header field, heading or furniture. `text` is its plain text.
  kind: 'heading' | 'paragraph' | 'item' | 'markdown-block';
  /** Plain text, whitespace collapsed: what the block is judged by. */
  text: string;
  /** The same text as inline Markdown (escaped; links and emphasis kept): what is written out. */
  markdown: string;
  /** 1-based source line where the block starts. */
  line: number;
  /** Headings marked up as such (HTML `<h2>`, Markdown `##`): their level. Absent for inferred ones. */
  level?: number;
  /** Ordered list items: the number as written. */
  ordered?: number;
  /** List items: nesting depth, 0 for top-level items. */
  depth?: number;
  /** Alone between blank lines (text) or its own element (HTML): may be a heading. */
  standalone?: boolean;
  /** List items: further paragraphs of the same item. */
  more?: { text: string; markdown: string }[];
  /** A `<time datetime>` value inside the block. */
  datetime?: string;
}

// ---------------------------------------------------------------------------------------------
// Text helpers

/** Collapse whitespace (no-break spaces included) and drop zero-width characters. */
export function cleanText(text: string): string {
  return text
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/[\s\u00A0\u2007\u202F]+/g, ' ')
    .trim();
}

/** Escape text so Markdown reads it back as the same plain text. */
export function escapeInline(text: string): string {
  return text
    .replace(/[\\`*_[\]~]/g, (c) => `\\${c}`)
    .replace(/<(?=[A-Za-z/!?])/g, '\\<')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
}

/** Escape what would change the meaning of a block's first characters (`# `, `- `, `1. `, `> `). */
export function escapeBlockStart(markdown: string): string {
  return markdown.replace(/^([#>+=]|-(?=\s|-|$))/, '\\$1').replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

const MONTH_WORD = new RegExp(`\\b${MONTH}\\b`, 'i');
/**
 * The date that opens a dated line — `Dec. 27:`, `December 27, 2019 —`, `27 December: `, `Q1 2021 —`,
 * any form memo/event-date.ts reads — when a separator follows it. The prefix is what the date
 * and its separator take of the text.
 */
export function eventLine(text: string, memoDate?: string): { leading: LeadingDate; prefix: string } | undefined {
  const bold = /^(\*\*|__)(.+?)\1/.exec(text);
  const plain = bold ? `${bold[2]}${text.slice(bold[0].length)}` : text;
  const leading = readLeadingDate(plain, { reference: memoDate, ...(bold ? { lead: bold[2] } : {}) });
  if (!leading) return undefined;
  const prefix = plain.slice(0, plain.length - leading.rest.length);
  return /(?:—|–|-{1,2}|:)\s*$/.test(prefix) ? { leading, prefix } : undefined;
}

const FIELD = /^(to|from|re|subject|subj|date|cc|bcc|attn|attention)\s*:\s*(.*)$/i;
const MEMO_WORD = /^(?:memo|memorandum)$/i;

/** `TO: …`, `FROM: …`, `RE: …`, `DATE: …` header fields. */
export function headerField(text: string): { name: string; value: string } | undefined {
  const match = FIELD.exec(text);
  if (!match || !/^[A-Z]/.test(text)) return undefined;
  return { name: (match[1] ?? '').toUpperCase(), value: (match[2] ?? '').trim() };
}

const FURNITURE_WORDS = new Set(
  [
    'share',
    'share this',
    'share this page',
    'share this article',
    'share on facebook',
    'share on twitter',
    'share on linkedin',
    'print',
    'print this page',
    'print this',
    'tweet',
    'tweet this',
    'email',
    'email this',
    'facebook',
    'twitter',
    'linkedin',
    'skip to content',
    'skip to main content',
    'menu',
    'search',
    'close',
    'read more',
    'download pdf',
    'download',
    'subscribe',
  ].map((word) => word.toLowerCase()),
);

/** Page furniture: "Back to top", "Share", "Print", "Tweet", lone navigation lines like "Home | About". */
export function isFurniture(text: string): boolean {
  const clean = text.trim();
  if (clean === '') return true;
  if (isBackToTopText(clean)) return true;
  if (/^[-*_=~·•]{3,}$/.test(clean.replace(/\s/g, ''))) return true; // rules: --- *** ___
  if (FURNITURE_WORDS.has(clean.toLowerCase().replace(/[.:!]$/, ''))) return true;
  const parts = clean.split(/\s+[|·•»›/]\s+/);
  if (parts.length >= 2 && parts.every((part) => part.split(/\s+/).length <= 4 && !/[.?!,;:]$/.test(part))) return true;
  // "Share Tweet Print Email" on one line.
  const words = clean.toLowerCase().split(/\s+/);
  return words.length >= 2 && words.every((word) => FURNITURE_WORDS.has(word));
}

/** A whole block that is only a date (`December 31, 2019`, `Tuesday, Dec. 31, 2019`, `Posted on …`). */
export function dateOnly(text: string): { iso: string; yearWritten: boolean } | undefined {
  const stripped = text
    .replace(/^(?:(?:posted|published|updated|issued|dated?)\b\s*(?:on)?\s*:?\s*)/i, '')
    .replace(/[.,;]+$/, '')
    .trim();
  if (stripped.length < 6 || stripped.length > 60 || !/\d/.test(stripped) || !(MONTH_WORD.test(stripped) || /\d[-/.]\d/.test(stripped)))
    return undefined;
  const result = chrono.strict.parse(stripped, { instant: new Date(), timezone: 0 }, { forwardDate: false })[0];
  if (!result || result.index > 0) return undefined;
  if (stripped.slice(result.text.length).trim() !== '') return undefined;
  if (!result.start.isCertain('day') || !result.start.isCertain('month')) return undefined;
  return { iso: isoOf(result.start), yearWritten: result.start.isCertain('year') };
}

function isoOf(components: ParsedComponents): string {
  const pad = (value: number | null, width: number) => String(value ?? 0).padStart(width, '0');
  return `${pad(components.get('year'), 4)}-${pad(components.get('month'), 2)}-${pad(components.get('day'), 2)}`;
}

/** A date inside a title line, at its start or end: `Memo: Foo (Dec. 31, 2019)`. Returns the title without it. */
function dateInTitle(title: string): { iso: string; title: string } | undefined {
  for (const result of chrono.strict.parse(title, { instant: new Date(), timezone: 0 }, { forwardDate: false })) {
    if (!result.start.isCertain('year') || !result.start.isCertain('day')) continue;
    const before = title.slice(0, result.index);
    const after = title.slice(result.index + result.text.length);
    const edge = /^[\s()[\]|,–—:-]*$/;
    if (edge.test(after)) return { iso: isoOf(result.start), title: before.replace(/[\s([|,–—:-]+$/, '') };
    if (edge.test(before)) return { iso: isoOf(result.start), title: after.replace(/^[\s)\]|,–—:-]+/, '') };
  }
  return undefined;
}

/** Normalised heading for near-miss matching: case, spacing, punctuation and numbering ignored. */
const QUESTION_WORDS = 30;

/** Could this standalone block be a section heading? */
function headingLike(block: Block, knownHeadings: readonly string[]): boolean {
  if (block.kind === 'heading') return true;
  if (block.kind !== 'paragraph' || !block.standalone) return false;
  const text = block.text;
  if (!/\p{L}/u.test(text) || text.length > 200) return false;
  const words = text.split(/\s+/).length;
  if (words > QUESTION_WORDS) return false;
  if (headerField(text) || eventLine(text) || dateOnly(text)) return false;
  if (text.endsWith('?')) return words <= QUESTION_WORDS;
  if (text.endsWith(':')) return words <= 5 && knownHeadings.some((known) => nearMiss(text.slice(0, -1), known));
  if (/[.,;!:]$/.test(text) || /[“"(]$/.test(text)) return false;
  if (!/^[\p{Lu}\p{N}“"‘'(]/u.test(text)) return false;
  if (/^(?:[IVXLC]+|\d{1,2})[.)]\s/.test(text)) return words <= 12;
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toUpperCase()) return words <= 12;
  return words <= 10 && text.length <= 90;
}

// ---------------------------------------------------------------------------------------------
// Dates for events

/** Drop leading plain text `prefix` (and emphasis/escapes around it) from `markdown`. */
function stripPlainPrefix(markdown: string, prefix: string): string | undefined {
  let m = 0;
  let p = 0;
  while (p < prefix.length && m < markdown.length) {
    const c = markdown[m] as string;
    if (c === prefix[p]) {
      m++;
      p++;
    } else if (c === '*' || c === '_') {
      m++;
    } else if (c === '\\' && markdown[m + 1] === prefix[p]) {
      m++;
    } else if (/\s/.test(c) && /\s/.test(prefix[p] ?? '')) {
      m++;
      p++;
    } else {
      return undefined;
    }
  }
  if (p < prefix.length) return undefined;
  return markdown
    .slice(m)
    .replace(/^[*_]+/, '')
    .trimStart();
}

/**
 * `Dec. 27: text` → `**Dec. 27, 2019** — text`, the year taken from the memo's date when not
 * written (so Dec. → Jan. rolls over). Undefined when the block does not start with a date.
 */
function eventMarkdown(block: Block, memoDate: string | undefined): string | undefined {
  const line = eventLine(block.text, memoDate);
  if (!line) return undefined;
  const { leading, prefix } = line;
  const { date } = leading;
  let dateText = date.text;
  // A day without its year gets the year the memo's date gives it (so Dec. → Jan. rolls over).
  if (!date.yearWritten && date.precision === 'day' && date.start && memoDate)
    dateText = `${date.text.replace(/[,\s]+$/, '')}, ${date.start.slice(0, 4)}`;
  const rest = stripPlainPrefix(block.markdown, prefix.trimEnd()) ?? escapeInline(leading.rest);
  return `**${escapeInline(dateText)}** — ${escapeBlockStart(rest.replace(/^(?:—|–|-{1,2}|:)\s*/, ''))}`;
}

// ---------------------------------------------------------------------------------------------
// Blocks → memo Markdown

interface TitleLine {
  index: number;
  title: string;
  /** "NIAC" in "NIAC Memo: …". */
  qualifier: string | undefined;
  /** The type whose title prefix the line used ("Backgrounder: …"), when one did. */
  prefixType: string | undefined;
}

function titleLine(blocks: Block[], end: number, types: ReadonlyMap<string, MemoType>): TitleLine | undefined {
  // "Memo:" and "Memorandum:" always; each type's own prefix ("Backgrounder:") names that type.
  const prefixes = new Map<string, string | undefined>([
    ['memo', undefined],
    ['memorandum', undefined],
  ]);
  for (const type of types.values()) {
    const word = type.titlePrefix
      .replace(/[:\s]+$/, '')
      .trim()
      .toLowerCase();
    if (word !== '' && prefixes.get(word) === undefined) prefixes.set(word, type.name);
  }
  const words = [...prefixes.keys()].sort((a, b) => b.length - a.length).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`^(?:(.{1,60}?)\\s+)?(${words.join('|')})\\s*:\\s*(\\S.*)$`, 'i');
  for (let index = 0; index < end; index++) {
    const block = blocks[index] as Block;
    if (block.kind === 'item' || block.kind === 'markdown-block') continue; // [markdown-block]
    const match = pattern.exec(block.text);
    if (!match) continue;
    const qualifier = match[1]?.trim();
    if (qualifier && (qualifier.split(/\s+/).length > 6 || /[.!?,;:]$/.test(qualifier))) continue;
    if (!/^\p{Lu}/u.test(match[2] ?? '')) continue;
    const word = (match[2] ?? '').toLowerCase();
    return { index, title: (match[3] ?? '').trim(), qualifier: qualifier || undefined, prefixType: prefixes.get(word) };
  }
  return undefined;
}

interface Section {
  heading: Block;
  /** Heading text as it will be written. */
  text: string;
  depth: number;
  blocks: Block[];
}

interface TypeChoice {
  type: MemoType;
  guessed: boolean;
}

function chooseType(sections: Section[], types: ReadonlyMap<string, MemoType>, prefixType: string | undefined): TypeChoice | undefined {
  const found = sections.filter((section) => section.depth === 2).map((section) => section.heading.text);
  const scored = [...types.values()].map((type) => {
    let matched = 0;
    let missing = 0;
    for (const spec of type.sections) {
      const present = found.some((text) => nearMiss(text, spec.heading));
      if (present) matched++;
      else if (spec.required !== false) missing++;
    }
    const prefix = prefixType === type.name;
    return { type, matched, missing, prefix, score: 2 * matched - missing + (prefix ? 1.5 : 0) };
  });
  scored.sort((a, b) => b.score - a.score || b.matched - a.matched);
  const best = scored[0];
  if (!best) return undefined;
  const tied = scored.filter((entry) => entry.score === best.score).length > 1;
  const confident = best.missing === 0 && (best.matched > 0 || best.prefix) && !tied;
  return { type: best.type, guessed: !confident };
}

/** Blocks → memo Markdown. The heart of both importers. */
export function blocksToMemo(input: Block[], options: ImportOptions): ImportResult {
  const warnings: ImportWarning[] = [];
  const warn = (line: number, message: string) => warnings.push({ line, message });
  const quote = (text: string) => `"${text.length > 60 ? `${text.slice(0, 57)}…` : text}"`;
  const { types } = options;
  if (types.size === 0) throw new MemoError('no memo types are known; cannot import', { file: options.source });

  // 1. Page furniture goes; "Back to top" is re-added below where the type wants it.
  const blocks: Block[] = [];
  for (const block of input) {
    if (block.text === '') continue;
    if (block.kind !== 'markdown-block' && isFurniture(block.text)) {
      // [markdown-block]
      if (!isBackToTopText(block.text) && /\p{L}/u.test(block.text)) warn(block.line, `dropped page furniture ${quote(block.text)}`);
      continue;
    }
    blocks.push(block);
  }
  if (blocks.length === 0) throw new MemoError('nothing to import: no text found', { file: options.source });

  const knownHeadings = [...new Set([...types.values()].flatMap((type) => type.sections.map((section) => section.heading)))];
  const isKnownHeading = (block: Block) =>
    block.kind !== 'item' && knownHeadings.some((known) => nearMiss(block.text.replace(/:$/, ''), known));
  // The front: everything before the first list item or known section heading.
  let frontEnd = blocks.findIndex((block, index) => index > 0 && (block.kind === 'item' || isKnownHeading(block)));
  if (frontEnd === -1) frontEnd = blocks.length;

  const used = new Set<number>();

  // 2. Header fields (TO/FROM/RE/DATE) in the front.
  const fields = new Map<string, { value: string; block: Block }>();
  for (let index = 0; index < frontEnd; index++) {
    const block = blocks[index] as Block;
    if (block.kind === 'item' || block.kind === 'markdown-block') continue; // [markdown-block]
    const field = headerField(block.text);
    if (!field) continue;
    if (!fields.has(field.name)) fields.set(field.name, { value: field.value, block });
    used.add(index);
  }
  // A lone "MEMORANDUM" line above a header block is the document's kind, not its text.
  for (let index = 0; index < frontEnd; index++) if (MEMO_WORD.test((blocks[index] as Block).text.replace(/[:.]$/, ''))) used.add(index);

  // 3. The title.
  let title: string | undefined;
  let titleIndex = -1;
  let author: string | undefined;
  let prefixType: string | undefined;
  const found = titleLine(blocks, frontEnd, types);
  if (found && !used.has(found.index)) {
    title = found.title;
    titleIndex = found.index;
    prefixType = found.prefixType;
    if (found.qualifier) author = found.qualifier;
  } else {
    const subject = fields.get('RE') ?? fields.get('SUBJECT') ?? fields.get('SUBJ');
    if (subject && subject.value) {
      title = subject.value;
      titleIndex = blocks.indexOf(subject.block);
    } else {
      let index = blocks.findIndex((block, i) => i < frontEnd && block.kind === 'heading' && block.level === 1);
      if (index === -1) {
        index = blocks.findIndex(
          (block, i) =>
            i < frontEnd &&
            !used.has(i) &&
            !isKnownHeading(block) &&
            !dateOnly(block.text) &&
            (block.kind === 'heading' || headingLike(block, knownHeadings)),
        );
      }
      if (index !== -1) {
        title = (blocks[index] as Block).text;
        titleIndex = index;
      }
    }
  }
  if (titleIndex !== -1) used.add(titleIndex);

  // 4. The date: a DATE field, a date line near the title, a date inside the title, a <time>.
  let date: string | undefined;
  const dateField = fields.get('DATE');
  if (dateField) {
    const parsed = dateOnly(dateField.value);
    if (parsed) date = parsed.iso;
    else warn(dateField.block.line, `DATE field ${quote(dateField.value)} is not a date; add \`date: YYYY-MM-DD\` to the front matter`);
  }
  if (!date) {
    for (let index = 0; index < frontEnd; index++) {
      const block = blocks[index] as Block;
      if (used.has(index) || block.kind === 'item' || block.kind === 'markdown-block') continue; // [markdown-block]
      const parsed =
        (block.datetime && block.text.length <= 60 ? dateOnly(block.datetime.slice(0, 10)) : undefined) ?? dateOnly(block.text);
      if (!parsed) continue;
      date = parsed.iso;
      used.add(index);
      if (!parsed.yearWritten) warn(block.line, `the date line ${quote(block.text)} has no year; assumed ${date.slice(0, 4)}`);
      break;
    }
  }
  if (!date && title) {
    const inTitle = dateInTitle(title);
    if (inTitle && inTitle.title !== '') {
      date = inTitle.iso;
      title = inTitle.title;
    }
  }
  if (!date) {
    const timed = blocks.find((block) => block.datetime && dateOnly(block.datetime.slice(0, 10)));
    if (timed?.datetime) date = dateOnly(timed.datetime.slice(0, 10))?.iso;
  }
  if (!date)
    warn(titleIndex === -1 ? 1 : (blocks[titleIndex] as Block).line, 'no date line found; add `date: YYYY-MM-DD` to the front matter');
  if (title === undefined)
    warn(1, 'no title found (no `Memo:` line, `RE:` field or heading); add `title:` to the front matter and a `#` heading');

  const from_ = fields.get('FROM');
  if (from_?.value) author = from_.value;
  for (const name of ['TO', 'CC', 'BCC', 'ATTN', 'ATTENTION']) {
    const field = fields.get(name);
    if (field)
      warn(field.block.line, `header field ${quote(`${name}: ${field.value}`)} has no place in memo front matter; it was left out`);
  }
  if (fields.has('RE') && fields.has('SUBJECT') && title !== undefined) {
    const subject = fields.get('SUBJECT') as { value: string; block: Block };
    if (subject.value !== title)
      warn(subject.block.line, `SUBJECT field ${quote(subject.value)} was left out; the title is ${quote(title)}`);
  }

  // 5. Text above the title has no place in a memo.
  const bodyStart = titleIndex === -1 ? 0 : titleIndex + 1;
  for (let index = 0; index < bodyStart; index++) {
    if (used.has(index)) continue;
    const block = blocks[index] as Block;
    warn(block.line, `text before the title was left out: ${quote(block.text)}`);
  }

  // 6. Lede and sections.
  const rest: Block[] = [];
  for (let index = bodyStart; index < blocks.length; index++) if (!used.has(index)) rest.push(blocks[index] as Block);
  const explicit = rest.filter((block) => block.kind === 'heading');
  const inferHeadings = explicit.length === 0;
  const topLevel = explicit.length > 0 ? Math.min(...explicit.map((block) => block.level ?? 2)) : 2;
  const ledeBlocks: Block[] = [];
  const sections: Section[] = [];
  for (let index = 0; index < rest.length; index++) {
    const block = rest[index] as Block;
    const next = rest[index + 1];
    let heading = false;
    const inQuestions = /\bquestions?\b|\bfaqs?\b|\bq\s*&\s*a\b/i.test(sections[sections.length - 1]?.text ?? '');
    if (block.kind === 'heading') heading = true;
    else if (
      inferHeadings &&
      inQuestions &&
      block.kind === 'paragraph' &&
      block.standalone &&
      block.text.endsWith('?') &&
      !block.markdown.startsWith('**')
    ) {
      // Under "Questions and Answers" a question is the answer's bold lead-in, not a section.
      block.markdown = `**${block.markdown}**`;
    } else if (inferHeadings && block.kind === 'paragraph' && next !== undefined && headingLike(block, knownHeadings)) heading = true;
    else if (
      inferHeadings &&
      block.kind === 'item' &&
      block.ordered !== undefined &&
      block.standalone &&
      next?.kind === 'paragraph' &&
      headingLike({ ...block, kind: 'paragraph', text: `${block.ordered}. ${block.text}` }, knownHeadings)
    ) {
      heading = true;
      block.text = `${block.ordered}. ${block.text}`;
      block.markdown = `${block.ordered}. ${block.markdown}`;
    }
    if (heading) {
      const depth = block.kind === 'heading' && block.level !== undefined ? Math.min(6, Math.max(2, block.level - topLevel + 2)) : 2;
      sections.push({ heading: block, text: block.text.replace(/:$/, ''), depth, blocks: [] });
    } else if (sections.length > 0) {
      (sections[sections.length - 1] as Section).blocks.push(block);
    } else {
      ledeBlocks.push(block);
    }
  }

  // 7. The type: forced, or inferred from the sections found.
  let type: MemoType;
  let guessed = false;
  if (options.type !== undefined) {
    const forced = types.get(options.type);
    if (!forced) throw new MemoError(`unknown memo type "${options.type}"; known types: ${[...types.keys()].join(', ')}`);
    type = forced;
  } else {
    const choice = chooseType(sections, types, prefixType) as TypeChoice;
    type = choice.type;
    guessed = choice.guessed;
  }

  // Near-miss headings take the type's canonical text.
  for (const section of sections) {
    if (section.depth !== 2) continue;
    const spec = type.sections.find((candidate) => nearMiss(section.text, candidate.heading));
    if (spec) section.text = spec.heading;
  }

  // 8. Dated paragraphs under a timeline/events heading become event items.
  const events = eventsSection(type)?.heading;
  const isTimeline = (text: string) =>
    (events !== undefined && nearMiss(text, events)) || /\b(?:timeline|events|chronology|sequence|what happened)\b/i.test(text);
  let undated = 0;
  let firstUndated = 0;
  let eventCount = 0;
  const eventText = new Map<Block, string>();
  for (const section of sections) {
    if (!isTimeline(section.text)) continue;
    for (const block of section.blocks) {
      if (block.kind === 'heading') continue;
      if (block.kind === 'paragraph' || (block.kind === 'item' && (block.depth ?? 0) === 0)) {
        const markdown = eventMarkdown(block, date);
        if (markdown !== undefined) {
          eventText.set(block, markdown);
          if (block.kind === 'paragraph') {
            block.kind = 'item';
            block.depth = 0;
          }
        }
      }
      if (block.kind === 'item' && (block.depth ?? 0) === 0) {
        eventCount++;
        if (!eventText.has(block)) {
          undated++;
          if (firstUndated === 0) firstUndated = block.line;
        }
      }
    }
  }
  if (undated > 0 && events !== undefined) {
    warn(
      firstUndated,
      `${undated} of ${eventCount} "${events}" items have no date; start each with one, like "**${date ? apDate(date) : 'Dec. 27, 2019'}** —"`,
    );
  }

  // 9. Write it out.
  const front: Record<string, string> = { type: type.name };
  if (title !== undefined) front['title'] = title;
  if (date !== undefined) front['date'] = date;
  if (author !== undefined) front['author'] = author;
  const out: string[] = [`---\n${stringify(front, { lineWidth: 0 })}---`];
  if (title !== undefined) out.push(`# ${escapeInline(`${type.titlePrefix}${title}`)}`);
  if (guessed) out.push(`<!-- memo import: type "${type.name}" was guessed from the sections found; check it -->`);
  const backToTop = '[Back to top](#top)';
  out.push(...renderBlocks(ledeBlocks, eventText));
  sections.forEach((section, index) => {
    if (type.backToTop === 'every-section' && section.depth === 2 && index > 0) out.push(backToTop);
    out.push(`${'#'.repeat(section.depth)} ${escapeInline(section.text).replace(/#+$/, (hashes) => hashes.replace(/#/g, '\\#'))}`);
    out.push(...renderBlocks(section.blocks, eventText));
  });
  if (type.backToTop !== 'off') out.push(backToTop);

  return {
    markdown: `${out.filter((part) => part !== '').join('\n\n')}\n`,
    type: type.name,
    typeGuessed: guessed,
    warnings: warnings.sort((a, b) => a.line - b.line),
  };
}

/** Lists nested deeper than this are written at this depth: a memo's lists are shallow. */
const MAX_LIST_DEPTH = 8;

/** Paragraphs and lists as Markdown chunks (one list = one chunk, items on consecutive lines). */
function renderBlocks(blocks: Block[], eventText: ReadonlyMap<Block, string>): string[] {
  const chunks: string[] = [];
  let list: string[] | undefined;
  let listKind: 'ordered' | 'bullet' | undefined;
  // Indent of each open nesting level's content.
  let indents: number[] = [];
  const closeList = () => {
    if (list) chunks.push(list.join('\n'));
    list = undefined;
    listKind = undefined;
    indents = [];
  };
  for (const block of blocks) {
    if (block.kind !== 'item') {
      closeList();
      if (block.kind === 'heading') chunks.push(`### ${escapeInline(block.text)}`);
      else if (block.kind === 'markdown-block')
        chunks.push(block.markdown); // [markdown-block]
      else chunks.push(escapeBlockStart(block.markdown));
      continue;
    }
    const depth = Math.min(block.depth ?? 0, indents.length, MAX_LIST_DEPTH);
    const kind = block.ordered !== undefined ? 'ordered' : 'bullet';
    if (depth === 0 && list && listKind !== kind) closeList();
    if (!list) {
      list = [];
      listKind = kind;
    }
    indents = indents.slice(0, depth);
    const pad = ' '.repeat(depth === 0 ? 0 : (indents[depth - 1] ?? 0));
    const marker = block.ordered !== undefined ? `${block.ordered}.` : '-';
    const content = pad.length + marker.length + 1;
    indents[depth] = content;
    const text = eventText.get(block) ?? escapeBlockStart(block.markdown);
    let written = `${pad}${marker} ${text}`;
    for (const paragraph of block.more ?? []) written += `\n\n${' '.repeat(content)}${escapeBlockStart(paragraph.markdown)}`;
    list.push(written);
  }
  closeList();
  return chunks;
}
