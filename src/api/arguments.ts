// Checks on what JavaScript callers pass, which TypeScript cannot make: a wrong kind of argument
// is a MemoError `EOPTION` naming the function, not a TypeError from deep inside.
import { MemoError } from '../io/errors.js';
import type { Memo } from '../memo/model.js';

export function assertText(fn: string, name: string, value: unknown): asserts value is string {
  if (typeof value !== 'string') throw new MemoError(`${fn}(): ${name} must be a string, not ${describe(value)}`, { code: 'EOPTION' });
}

export function assertOneOf<T extends string>(fn: string, name: string, value: unknown, allowed: readonly T[]): asserts value is T {
  if (!allowed.includes(value as T))
    throw new MemoError(`${fn}(): ${name} must be one of ${allowed.join(', ')}, not ${describe(value)}`, { code: 'EOPTION' });
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${value}`;
  return typeof value === 'object' ? 'an object' : typeof value;
}

/** Array.isArray without narrowing: a parameter typed as an array stays typed as one after the check. */
export function isList(value: unknown): boolean {
  return Array.isArray(value);
}

/** A Memo from parseMemo() (JavaScript callers may pass anything). */
export function isMemo(value: unknown): value is Memo {
  const memo = value as Partial<Memo> | null;
  return typeof memo === 'object' && memo !== null && typeof memo.source === 'string' && Array.isArray(memo.problems);
}
