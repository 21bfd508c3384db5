// Positions between memokit (1-based line and column, after any BOM; fix offsets into the text
// after the BOM) and LSP (0-based, UTF-16, the text as the editor holds it), and the one-edit
// diff "fix all" sends.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { fixRange, toPosition, touches, wanted, wholeEdit } from '../../../src/lsp/features.js';
import { declaresMemoType } from '../../../src/lsp/project.js';

const doc = (text: string) => TextDocument.create('file:///m.md', 'markdown', 1, text);

describe('positions', () => {
  it('shifts line 1 by the BOM, and only line 1', () => {
    const document = doc('\uFEFF---\r\ntype: x\r\n');
    expect(toPosition(document, 1, 1, true)).toEqual({ line: 0, character: 1 });
    expect(toPosition(document, 2, 1, true)).toEqual({ line: 1, character: 0 });
    // A fix offset counts from after the BOM: offset 0 is the first `-`.
    expect(fixRange(document, { range: [0, 3], text: '' }, true)).toEqual({
      start: { line: 0, character: 1 },
      end: { line: 0, character: 4 },
    });
  });

  it('counts UTF-16 code units (non-BMP characters are two) and clamps past the end of a line', () => {
    const document = doc('a😀b\r\nnext');
    expect(toPosition(document, 1, 4, false)).toEqual({ line: 0, character: 3 });
    expect(toPosition(document, 1, 99, false)).toEqual({ line: 0, character: 4 });
    expect(toPosition(document, 9, 1, false)).toEqual({ line: 1, character: 4 });
  });
});

describe('wholeEdit', () => {
  const roundTrip = (before: string, after: string) => {
    const document = doc(before);
    const edit = wholeEdit(document, after);
    if (!edit) return before;
    return TextDocument.applyEdits(document, [edit]);
  };

  it('replaces only the changed middle and never splits a CRLF or a surrogate pair', () => {
    for (const [before, after] of [
      ['a\r\nb', 'a\r\n\r\nb'],
      ['a\r\nb', 'a\nb'],
      ['x😀y', 'x😁y'],
      ['same', 'same'],
      ['', 'new'],
      ['old', ''],
    ] as const) {
      expect(roundTrip(before, after)).toBe(after);
      const document = doc(before);
      const edit = wholeEdit(document, after);
      for (const end of edit ? [edit.range.start, edit.range.end] : []) {
        const offset = document.offsetAt(end);
        expect(before.slice(offset - 1, offset + 1)).not.toMatch(/^\r\n$|^[\uD800-\uDBFF][\uDC00-\uDFFF]$/);
      }
    }
    expect(wholeEdit(doc('keep\nchange\nkeep'), 'keep\nchanged\nkeep')?.range).toEqual({
      start: { line: 1, character: 6 },
      end: { line: 1, character: 6 },
    });
  });
});

describe('kinds, ranges and memo detection', () => {
  it('matches code action kinds hierarchically', () => {
    expect(wanted('source.fixAll.memokit', ['source.fixAll'])).toBe(true);
    expect(wanted('source.fixAll.memokit', ['source'])).toBe(true);
    expect(wanted('source.fixAll.memokit', ['quickfix'])).toBe(false);
    expect(wanted('quickfix', undefined)).toBe(true);
  });

  it('treats an empty range at an edge as touching', () => {
    const at = (line: number, character: number) => ({ start: { line, character }, end: { line, character } });
    expect(touches(at(1, 4), { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } })).toBe(true);
    expect(touches(at(2, 0), { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } })).toBe(false);
  });

  it('sees `type:` in front matter only', () => {
    expect(declaresMemoType('---\ntitle: x\ntype: statement\n---\n')).toBe(true);
    expect(declaresMemoType('\uFEFF---\r\ntype: statement\r\n')).toBe(true);
    expect(declaresMemoType('---\ntitle: x\n---\ntype: statement\n')).toBe(false);
    expect(declaresMemoType('# type: statement\n')).toBe(false);
  });
});
