// applyFixes(): the fixes of lint findings applied to the text they were found in, as
// markdownlint's applyFixes does. Pure: no I/O, so it returns the text, not a promise.
import { MemoError } from '../io/errors.js';
import { applyFixes as applyFixRanges } from '../lint/fixes.js';
import type { Fix } from '../lint/types.js';
import { assertText, isList } from './arguments.js';
import type { LintMessage } from './lint.js';

/** Anything that may carry a fix, besides a lint message (`lintText().messages`): a finding, or a hand-made fix. */
export interface Fixable {
  fix?: { range: readonly [number, number] | readonly number[]; text: string };
}

/**
 * Apply the fixes of `messages` to `text`, earliest first. Fixes that overlap one already applied
 * are left for the next round (lint the result again to get them); messages without a fix are
 * ignored. Fix ranges are offsets into the text after any byte-order mark, as lintText() makes them.
 * Returns `text` unchanged when nothing applies.
 */
export function applyFixes(text: string, messages: readonly (LintMessage | Fixable)[]): string {
  assertText('applyFixes', 'text', text);
  if (!isList(messages)) throw new MemoError("applyFixes(): messages must be an array (a lint result's `messages`)", { code: 'EOPTION' });
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = bom ? text.slice(1) : text;
  const fixes: Fix[] = [];
  for (const message of messages) {
    const fix = (message as Fixable | undefined)?.fix;
    if (!fix) continue;
    const [start, end] = fix.range;
    const valid = Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= body.length;
    if (!valid || typeof fix.text !== 'string') {
      throw new MemoError(
        `applyFixes(): a fix's range [${String(start)}, ${String(end)}] is not inside the text (${body.length} characters); were the messages found in another text?`,
        { code: 'EOPTION' },
      );
    }
    fixes.push({ range: [start, end], text: fix.text });
  }
  const fixed = applyFixRanges(body, fixes);
  return fixed === undefined ? text : bom + fixed;
}
