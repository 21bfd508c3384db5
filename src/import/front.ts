// The front of a published memo: header fields, the title, the date line, a kicker. These are
// the only body words that move into front matter (and the `#` heading); each move is written in
// the ledger with its line. Whatever is not clearly one of them stays in the body, in order.
import { nearMiss } from '../memo/headings.js';
import type { MemoType } from '../templates/structure.js';
import { prefixWord } from './choose-type.js';
import { dateInTitle, dateLine, dateOnly, eventLine, headerField, isMemoBanner, kickerLike, type DatePart } from './heuristics.js';
import type { Ledger } from './ledger.js';
import { outsideFront, type Block } from './model.js';

export interface Front {
  title?: string;
  /** Index of the title's block, -1 when there is none. */
  titleIndex: number;
  /** The title prefix as published ("memo" for `Memo: …`), which narrows the type. */
  prefix?: string;
  date?: string;
  author?: string;
  to?: string;
  cc?: string;
  tags: string[];
  /** Indexes of the blocks that moved out of the body. */
  taken: Set<number>;
}

/** Header fields that move, and the front-matter key each goes to. */
const FIELD_KEYS: Record<string, string> = {
  FROM: 'author',
  TO: 'to',
  CC: 'cc',
  DATE: 'date',
  RE: 'title',
  SUBJECT: 'title',
  SUBJ: 'title',
};

const TITLE_WORDS = 25;

/** A line that could be a title: short, not a sentence, not a date, field or dated paragraph. */
function titleLike(block: Block): boolean {
  if (outsideFront(block)) return false;
  const text = block.text;
  if (!/\p{L}/u.test(text) || text.length > 200 || text.split(/\s+/).length > TITLE_WORDS) return false;
  if (/[.;,:]$/.test(text) && !/\b(?:Inc|Ltd|Co|Corp|Jr|Sr|U\.S)\.$/.test(text)) return false;
  return !headerField(text) && !dateLine(text) && !eventLine(text);
}

/** `Memo: …`, `NIAC Memo: …`, `Backgrounder: …`: qualifier, prefix word and title. */
function titlePattern(types: ReadonlyMap<string, MemoType>): RegExp {
  const words = new Set(['memo', 'memorandum']);
  for (const type of types.values()) if (prefixWord(type) !== '') words.add(prefixWord(type));
  const alternatives = [...words].sort((a, b) => b.length - a.length).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^(?:(.{1,60}?)\\s+)?(${alternatives.join('|')})\\s*:\\s*(\\S.*)$`, 'i');
}

/** `Memo: …`, `NIAC Memo: …`, `Backgrounder: …`: a line that carries a memo type's title prefix. */
function titleLine(
  blocks: readonly Block[],
  end: number,
  types: ReadonlyMap<string, MemoType>,
  taken: ReadonlySet<number>,
): { index: number; title: string; qualifier?: string; prefix: string } | undefined {
  const pattern = titlePattern(types);
  for (let index = 0; index < end; index++) {
    const block = blocks[index] as Block;
    if (outsideFront(block) || taken.has(index)) continue;
    const match = pattern.exec(block.text);
    if (!match) continue;
    const qualifier = match[1]?.trim();
    if (qualifier && (qualifier.split(/\s+/).length > 6 || /[.!?,;:]$/.test(qualifier))) continue;
    if (!/^\p{Lu}/u.test(match[2] ?? '')) continue;
    return { index, title: (match[3] ?? '').trim(), ...(qualifier ? { qualifier } : {}), prefix: (match[2] ?? '').toLowerCase() };
  }
  return undefined;
}

/** The first block at or after `from` that is body text: a list item, a known heading, a sentence. */
function bodyAfter(blocks: readonly Block[], from: number, known: (block: Block) => boolean, taken: ReadonlySet<number>): number {
  for (let index = Math.max(0, from); index < blocks.length; index++) {
    const block = blocks[index] as Block;
    if (taken.has(index)) continue;
    if (outsideFront(block) || (index > 0 && known(block)) || (!titleLike(block) && !dateLine(block.text) && !headerField(block.text)))
      return index;
  }
  return blocks.length;
}

export function readFront(
  blocks: readonly Block[],
  types: ReadonlyMap<string, MemoType>,
  ledger: Ledger,
  warn: (line: number, message: string) => void,
): Front {
  const front: Front = { titleIndex: -1, tags: [], taken: new Set() };
  const { taken } = front;
  const knownHeadings = [...new Set([...types.values()].flatMap((type) => type.sections.map((section) => section.heading)))];
  // A title line is no section heading, however near its words come ("Talking Points: U.S." is
  // a near miss of the section "Talking Points").
  const prefixed = titlePattern(types);
  const known = (block: Block) =>
    !outsideFront(block) && !prefixed.test(block.text) && knownHeadings.some((heading) => nearMiss(block.text.replace(/:$/, ''), heading));
  // The header: everything before the first list item or known section heading.
  let headerEnd = blocks.findIndex((block, index) => index > 0 && (outsideFront(block) || known(block)));
  if (headerEnd === -1) headerEnd = blocks.length;

  // 1. Header fields (TO/FROM/CC/RE/DATE) and a "MEMORANDUM" banner above them.
  const fields = new Map<string, { value: string; index: number }>();
  for (let index = 0; index < headerEnd; index++) {
    const block = blocks[index] as Block;
    if (outsideFront(block)) continue;
    const field = headerField(block.text);
    if (!field || FIELD_KEYS[field.name] === undefined || fields.has(field.name)) continue;
    // RE and SUBJECT both name the title: the second one stays in the body.
    if (FIELD_KEYS[field.name] === 'title' && [...fields.keys()].some((name) => FIELD_KEYS[name] === 'title')) continue;
    fields.set(field.name, { value: field.value, index });
  }
  for (let index = 0; index < headerEnd && fields.size > 0; index++) {
    const block = blocks[index] as Block;
    if (isMemoBanner(block.text)) {
      taken.add(index);
      ledger.moveBlock(block, 'type');
    }
  }

  // 2. The title: a `Memo:` line, a RE/SUBJECT field, a marked-up `#` heading, a short line next to
  // the date line, the first short line before the body; failing all, the first line.
  let dateIndex = -1;
  const findDate = (from: number, to: number) => {
    for (let index = from; index < to && dateIndex === -1; index++) {
      const block = blocks[index] as Block;
      // The title's block is never also the date line: a block moves once, or its words count twice.
      if (taken.has(index) || index === front.titleIndex || outsideFront(block) || fields.has(headerField(block.text)?.name ?? ''))
        continue;
      if (dateLine(block.text) || (block.datetime && block.text.length <= 60 && dateOnly(block.datetime.slice(0, 10)))) dateIndex = index;
    }
  };
  const memoLine = titleLine(blocks, headerEnd, types, taken);
  const subject = [...fields].find(([name]) => FIELD_KEYS[name] === 'title' && fields.get(name)?.value !== '');
  let how: string | undefined;
  if (memoLine) {
    front.titleIndex = memoLine.index;
    front.title = memoLine.title;
    front.prefix = memoLine.prefix;
    if (memoLine.qualifier) front.author = memoLine.qualifier;
  } else if (subject) {
    front.titleIndex = subject[1].index;
    front.title = subject[1].value;
  } else {
    // A `#` heading that is a date line (`# March 3, 2021`) is the date, not the title: taken as
    // both, its words were moved twice (seed -951914692); the title is then looked for by the date.
    const h1 = blocks.findIndex(
      (block, index) => index < headerEnd && block.kind === 'heading' && block.level === 1 && !dateLine(block.text),
    );
    if (h1 !== -1) {
      front.titleIndex = h1;
      front.title = (blocks[h1] as Block).text;
    }
  }
  for (const [, field] of fields) taken.add(field.index);
  const bodyStart = bodyAfter(blocks, 0, known, taken);
  findDate(0, Math.max(bodyStart, front.titleIndex === -1 ? 0 : bodyAfter(blocks, front.titleIndex + 1, known, taken)));
  if (front.titleIndex === -1) {
    const candidate = (index: number) => index >= 0 && index < blocks.length && !taken.has(index) && titleLike(blocks[index] as Block);
    const above = dateIndex - 1;
    const below = dateIndex + 1;
    if (dateIndex !== -1 && candidate(above) && !(kickerLike((blocks[above] as Block).text) && candidate(below))) front.titleIndex = above;
    else if (dateIndex !== -1 && candidate(below)) front.titleIndex = below;
    else {
      for (let index = 0; index < bodyStart; index++) {
        if (!candidate(index) || index === dateIndex) continue;
        // A kicker ("ANALYSIS") above another short line is not the title.
        if (kickerLike((blocks[index] as Block).text) && candidate(index + 1)) continue;
        front.titleIndex = index;
        break;
      }
    }
    if (front.titleIndex === -1) {
      front.titleIndex = blocks.findIndex((_, index) => !taken.has(index) && index !== dateIndex);
      how = 'first line';
    }
    if (front.titleIndex !== -1) front.title = (blocks[front.titleIndex] as Block).text;
    if (dateIndex === -1) findDate(0, bodyAfter(blocks, front.titleIndex + 1, known, taken));
  }

  // 3. The date: a DATE field, the date line, a date inside the title, a <time>.
  const dateField = fields.get('DATE');
  if (dateField) {
    const parsed = dateOnly(dateField.value);
    if (parsed) front.date = parsed.iso;
    else
      warn(
        (blocks[dateField.index] as Block).line,
        `DATE field "${dateField.value}" is not a date; add \`date: YYYY-MM-DD\` to the front matter`,
      );
  }
  if (dateIndex !== -1 && !front.date && takeDateLine(blocks[dateIndex] as Block, front, ledger, warn)) taken.add(dateIndex);
  let titleTo = 'title';
  if (!front.date && front.title) {
    const inTitle = dateInTitle(front.title);
    if (inTitle && inTitle.title !== '') {
      front.date = inTitle.iso;
      front.title = inTitle.title;
      titleTo = 'title, date';
    }
  }
  if (!front.date) {
    const timed = blocks.find((block) => block.datetime && dateOnly(block.datetime.slice(0, 10)));
    if (timed?.datetime) front.date = dateOnly(timed.datetime.slice(0, 10))?.iso;
  }

  // 4. Moves into front matter, each in the ledger.
  if (front.titleIndex !== -1) {
    const block = blocks[front.titleIndex] as Block;
    if (!fields.has(headerField(block.text)?.name ?? '')) {
      taken.add(front.titleIndex);
      ledger.moveBlock(block, memoLine?.qualifier ? `${titleTo}, author` : titleTo);
    }
    if (how)
      warn(
        block.line,
        `no title line found (no \`Memo:\` line, RE: field, or short line by the date); the first line was taken as the title`,
      );
  } else warn(1, 'no title found; add `title:` to the front matter and a `#` heading');
  for (const [name, field] of fields) {
    const block = blocks[field.index] as Block;
    const key = FIELD_KEYS[name] as string;
    if (key === 'author') front.author = field.value;
    if (key === 'to') front.to = field.value;
    if (key === 'cc') front.cc = field.value;
    ledger.moveBlock(block, key);
  }
  if (!front.date)
    warn(
      front.titleIndex === -1 ? 1 : (blocks[front.titleIndex] as Block).line,
      'no date line found; add `date: YYYY-MM-DD` to the front matter',
    );

  // 5. A kicker: the first line, when only moved lines stand between it and the title.
  const first = blocks.findIndex((_, index) => !taken.has(index));
  if (first !== -1 && first < front.titleIndex && kickerLike((blocks[first] as Block).text)) {
    let between = true;
    for (let index = first + 1; index < front.titleIndex; index++) between &&= taken.has(index);
    const block = blocks[first] as Block;
    if (between && !outsideFront(block)) {
      taken.add(first);
      front.tags.push(block.text.toLowerCase());
      ledger.moveBlock(block, 'tags');
    }
  }
  return front;
}

/** The date line's parts go to `date`, `author` and `tags`. */
function takeDateLine(block: Block, front: Front, ledger: Ledger, warn: (line: number, message: string) => void): boolean {
  const line = dateLine(block.text);
  const parsed = line ?? (block.datetime ? dateOnly(block.datetime.slice(0, 10)) : undefined);
  if (!parsed) return false;
  front.date = parsed.iso;
  if (!parsed.yearWritten) warn(block.line, `the date line "${block.text}" has no year; assumed ${parsed.iso.slice(0, 4)}`);
  const parts: DatePart[] = line?.parts ?? [{ text: block.text, to: 'date' }];
  if (line?.author && front.author === undefined) front.author = line.author;
  if (line?.label) front.tags.push(line.label.toLowerCase());
  for (const part of parts) ledger.move(block.line, part.text, part.to);
  return true;
}
