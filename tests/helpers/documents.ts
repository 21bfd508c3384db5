// Reading what the DOCX and PDF exports wrote, the way their real consumers do: pandoc and the
// package's own XML for Word, poppler's pdftotext and pdfinfo for PDF.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { memo } from './cli.js';

export const hasTool = (name: string): boolean => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;

/** Words (runs with a letter or digit), punctuation around them dropped, for "same words, same order" checks. */
export function words(text: string): string[] {
  return text
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((word) => /[\p{L}\p{N}]/u.test(word));
}

/** The memo's words as the plain-text export gives them: no footnote markers, no Links list. */
export function textExportWords(file: string): string[] {
  const text = memo(['export', file, '--to', 'text', '--width', '0']).stdout;
  return words(text.replace(/\nLinks\n[\s\S]*$/, '').replace(/\[\d+\]/g, ''));
}

/** The files of a .docx package, as text. */
export function docxParts(file: string): Record<string, string> {
  const files = unzipSync(new Uint8Array(readFileSync(file)));
  return Object.fromEntries(Object.entries(files).map(([path, data]) => [path, strFromU8(data)]));
}

export interface DocxParagraph {
  style: string | undefined;
  text: string;
  xml: string;
}

/** Each body paragraph of a document.xml: its style id and its text. */
export function docxParagraphs(documentXml: string): DocxParagraph[] {
  return [...documentXml.matchAll(/<w:p\b[^>]*?(?:\/>|>[\s\S]*?<\/w:p>)/g)].map((match) => ({
    xml: match[0],
    style: /<w:pStyle w:val="([^"]*)"/.exec(match[0])?.[1],
    text: [...match[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
      .map((t) => t[1] as string)
      .join('')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'"),
  }));
}

export function pandocPlain(file: string): string {
  const result = spawnSync('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', file], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pandoc failed: ${result.stderr}`);
  return result.stdout;
}

export function pdfText(file: string): string {
  const result = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pdftotext failed: ${result.stderr}`);
  return result.stdout;
}

export function pdfInfo(file: string): { pages: number; size: string } {
  const out = spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout;
  return { pages: Number(/^Pages:\s+(\d+)/m.exec(out)?.[1]), size: /^Page size:\s+(.*)$/m.exec(out)?.[1] ?? '' };
}

export const CHROMIUM = process.env['MEMOKIT_CHROMIUM'] ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
