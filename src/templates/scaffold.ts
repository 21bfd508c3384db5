// `memo new`: fill a template's skeleton and put the memo's own front matter on top.
import { stringify } from 'yaml';
import { slugOf } from '../util/slugs.js';
import type { MemoType } from './structure.js';

export interface ScaffoldInput {
  title: string;
  date: string;
  author?: string;
}

export function slugify(title: string): string {
  return slugOf(title).replace(/-+/g, '-').replace(/^-|-$/g, '') || 'memo';
}

export function memoFileName(input: ScaffoldInput): string {
  return `${input.date}-${slugify(input.title)}.md`;
}

export function scaffoldMemo(type: MemoType, input: ScaffoldInput): string {
  const frontMatter: Record<string, string> = { type: type.name, title: input.title, date: input.date };
  if (input.author) frontMatter['author'] = input.author;
  const values: Record<string, string> = { title: input.title, date: input.date, author: input.author ?? '', slug: slugify(input.title) };
  // Unknown {{names}} are left in place, so the placeholders rule points the writer at them.
  const body = type.body.replace(/\{\{\s*(title|date|author|slug)\s*\}\}/g, (_, name: string) => values[name] ?? '');
  return `---\n${stringify(frontMatter, { lineWidth: 0 })}---\n${body.startsWith('\n') ? '' : '\n'}${body}`;
}
