// `memo new`: fill a template's skeleton and put the memo's own front matter on top.
import { Document, isSeq } from 'yaml';
import { MemoError } from '../io/errors.js';
import { isIsoDate } from '../util/iso-date.js';
import { escapeInline } from '../util/markdown-escape.js';
import { namesInProse } from '../util/names.js';
import { slugOf } from '../util/slugs.js';
import type { MemoType } from './structure.js';

export interface ScaffoldInput {
  title: string;
  date: string;
  /** One author or several; written to the front matter as a name or a list of names. */
  author?: string | readonly string[];
}

export function slugify(title: string): string {
  return slugOf(title).replace(/-+/g, '-').replace(/^-|-$/g, '') || 'memo';
}

export function memoFileName(input: ScaffoldInput): string {
  return `${input.date}-${slugify(input.title)}.md`;
}

export function scaffoldMemo(type: MemoType, input: ScaffoldInput): string {
  const authors = (typeof input.author === 'string' ? [input.author] : (input.author ?? []))
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const frontMatter: Record<string, string | string[]> = { type: type.name, title: input.title, date: input.date };
  if (authors.length > 0) frontMatter['author'] = authors.length === 1 ? (authors[0] as string) : authors;
  const values: Record<string, string> = { title: input.title, date: input.date, author: namesInProse(authors), slug: slugify(input.title) };
  // Unknown {{names}} are left in place, so the placeholders rule points the writer at them. A
  // known one with no value (no --author) becomes a TK marker naming it, for the same reason:
  // "By {{author}}." must not turn into a finished-looking "By ."
  // Values are escaped, on one line: `--author "Jane <Doe>"` is a name in the memo, not an HTML
  // tag, and `--title "*Urgent*"` is not emphasis (the front matter keeps them as typed).
  const body = type.body.replace(/\{\{\s*(title|date|author|slug)\s*\}\}/g, (_, name: string) => {
    const value = values[name];
    return value ? escapeInline(value.replace(/\s+/g, ' ')) : `TK: ${name}`;
  });
  // Several authors as a flow list on one line, as writers type it: `author: [Dana Reyes, Omid Farahani]`.
  const yaml = new Document(frontMatter);
  const list = yaml.get('author', true);
  if (isSeq(list)) list.flow = true;
  return `---\n${yaml.toString({ lineWidth: 0, flowCollectionPadding: false })}---\n${body.startsWith('\n') ? '' : '\n'}${body}`;
}

/** The type `name` names, ready to scaffold from: known, and its template not broken. */
export function scaffoldableType(types: ReadonlyMap<string, MemoType>, name: string): MemoType {
  const type = types.get(name);
  if (!type) throw new MemoError(`unknown memo type "${name}"; known types: ${[...types.keys()].join(', ')}`, { code: 'ETYPE' });
  if (type.problem !== undefined)
    throw new MemoError(`the ${name} template is broken: ${type.problem}; fix it first`, { file: type.file, code: 'ETEMPLATE' });
  return type;
}

/** What a new memo needs besides its type; `dateName` is what the caller calls the date (`--date`). */
export function checkScaffoldInput(input: { title?: string; date?: string }, dateName = 'the date'): void {
  if (input.date !== undefined && !isIsoDate(input.date))
    throw new MemoError(`${dateName} "${input.date}" is not a real date in YYYY-MM-DD form`, { code: 'EOPTION' });
  if (input.title?.trim() === '') throw new MemoError('the title is empty', { code: 'EOPTION' });
}

/** A new memo of type `name`: its text and the file name `memo new` gives it (`<date>-<slug>.md`). */
export function scaffoldNamed(types: ReadonlyMap<string, MemoType>, name: string, input: ScaffoldInput): { text: string; fileName: string } {
  checkScaffoldInput(input);
  const type = scaffoldableType(types, name);
  const trimmed = { ...input, title: input.title.trim() };
  return { text: scaffoldMemo(type, trimmed), fileName: memoFileName(trimmed) };
}
