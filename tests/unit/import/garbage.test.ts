// Input that is not a memo gets one clear MemoError (exit 2), never a crash or a stack trace.
import { describe, expect, it } from 'vitest';
import { MemoError } from '../../../src/io/errors.js';
import { importHtml } from '../../../src/import/html.js';
import { importMemo } from '../../../src/import/import.js';
import { importText } from '../../../src/import/text.js';
import { types } from './helpers.js';

async function failure(input: Uint8Array | string, from?: 'text' | 'html'): Promise<MemoError> {
  try {
    await importMemo(input, { types, source: 'in.txt', ...(from ? { from } : {}) });
  } catch (error) {
    expect(error).toBeInstanceOf(MemoError);
    return error as MemoError;
  }
  throw new Error('expected a MemoError');
}

describe('garbage in', () => {
  it('refuses an empty file', async () => {
    const error = await failure(new Uint8Array(0));
    expect(error.describe()).toBe('in.txt: file is empty');
    expect(error.exitCode).toBe(2);
    expect(() => importText('  \n\n\t\n', { types, source: 'in.txt' })).toThrow(MemoError);
  });

  it('refuses a binary file', async () => {
    const bytes = new Uint8Array(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
    const error = await failure(bytes);
    expect(error.describe()).toBe('in.txt: file is binary, not a Markdown memo');
    expect(() => importText('Memo: x\u0000\u0001', { types, source: 'in.txt' })).toThrow(/binary/);
  });

  it('refuses a 10 MB text file', async () => {
    const big = 'Memo: Too Big\n\n' + 'All work and no play makes Jack a dull boy.\n'.repeat(240_000);
    expect(big.length).toBeGreaterThan(10_000_000);
    const error = await failure(new TextEncoder().encode(big));
    expect(error.message).toMatch(/^file is 10\.\d MB; memos over 1 MB are refused$/);
    expect(() => importText(big, { types, source: 'in.txt' })).toThrow(/MB; memos over 1 MB are refused/);
    expect(() => importHtml(`<p>${big}</p>`, { types, source: 'in.txt' })).toThrow(MemoError);
  });

  it('refuses UTF-16 and invalid UTF-8 with the line of the bad byte', async () => {
    expect((await failure(new Uint8Array([0xff, 0xfe, 0x4d, 0x00]))).message).toBe('file is UTF-16; save it as UTF-8');
    const error = await failure(new Uint8Array([...new TextEncoder().encode('Memo: x\n\nline two\n'), 0xc3, 0x28]));
    expect(error.message).toBe('file is not valid UTF-8; save it as UTF-8');
  });

  it('says so when there is nothing to import', async () => {
    expect((await failure('<html><body><nav><a href="/">Home</a></nav></body></html>')).message).toBe('nothing to import: no text found');
    expect((await failure('Back to top\n\nShare\n')).message).toBe('nothing to import: no text found');
  });

  it('survives odd but valid text without throwing', () => {
    for (const text of [
      '?',
      '-',
      '1.',
      '#',
      '• ',
      'Memo:',
      '\u00A0x',
      '* * *\nfoo',
      '<',
      'TO:\nFROM:\nRE:',
      '- a\n    - b\n        - c\n- d',
      'Dec. 45: nope',
    ]) {
      const result = importText(text, { types, source: 'in.txt' });
      expect(result.markdown.startsWith('---\ntype: ')).toBe(true);
    }
  });
});

describe('deep nesting', () => {
  it('refuses a page nested thousands deep with a MemoError, not a stack overflow', () => {
    const deep = `<article><h1>Memo: Deep</h1>${'<div>'.repeat(5000)}<p>x</p>${'</div>'.repeat(5000)}</article>`;
    expect(() => importHtml(deep, { types, source: 'deep.html' })).toThrow(/nests its elements thousands of levels deep/);
  });

  it('imports lists nested hundreds deep, written at most 8 levels deep', () => {
    const html = `<article><h1>Memo: Deep Lists</h1><p>Jan. 1, 2020</p>${'<ul><li>level'.repeat(400)}${'</li></ul>'.repeat(400)}</article>`;
    const markdown = importHtml(html, { types, source: 'deep.html' }).markdown;
    const indents = markdown
      .split('\n')
      .filter((line) => /^\s*- level$/.test(line))
      .map((line) => line.indexOf('-'));
    expect(indents).toHaveLength(400);
    expect(Math.max(...indents)).toBe(16);
    const text = `Memo: Deep Lists\n\n${Array.from({ length: 300 }, (_, i) => `${' '.repeat(i * 2)}- level`).join('\n')}\n`;
    expect(
      Math.max(
        ...importText(text, { types, source: 'deep.txt' })
          .markdown.split('\n')
          .map((line) => line.search(/\S/)),
      ),
    ).toBe(16);
  });
});
