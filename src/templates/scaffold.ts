// `memo new`: fill a template's skeleton and put the memo's own front matter on top.
import { Document, isSeq } from 'yaml';
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
