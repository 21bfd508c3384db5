// The memo types as a list for people and programs: `memo templates` prints it, the library's
// listTemplates() returns it.
import { relative } from 'node:path';
import type { MemoType } from './structure.js';

export interface TemplateInfo {
  name: string;
  description: string;
  /** Set when the project's template for this type is broken: why (the type cannot be used). */
  error?: string;
  source: 'built-in' | 'project';
  /** A project template's file, relative to `cwd`. */
  file?: string;
  /** `built-in` when a project template replaces the built-in type of the same name. */
  replaces?: 'built-in';
  /** The section headings, in order. */
  sections: string[];
}

export function describeTemplates(types: ReadonlyMap<string, MemoType>, builtIns: ReadonlyMap<string, MemoType>, cwd: string): TemplateInfo[] {
  return [...types.values()].map((type) => ({
    name: type.name,
    description: type.description,
    ...(type.problem !== undefined ? { error: type.problem } : {}),
    source: type.builtIn ? 'built-in' : 'project',
    ...(type.builtIn ? {} : { file: relative(cwd, type.file) }),
    ...(!type.builtIn && builtIns.has(type.name) ? { replaces: 'built-in' as const } : {}),
    sections: type.sections.map((section) => section.heading),
  }));
}
