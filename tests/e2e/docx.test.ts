// `--to docx` read back by its consumers: pandoc gives the memo's words in order, and the
// package's XML carries memokit's named styles on the right paragraphs, real Word lists,
// w:hyperlink links, and a reference document's styles when one is given.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DOCX_STYLES } from '../../src/export/docx-styles.js';
import { BIN, EXAMPLE, FIXTURES, ROOT, memo, tempDir } from '../helpers/cli.js';
import { docxParagraphs, docxParts, hasTool, pandocPlain, textExportWords, words } from '../helpers/documents.js';

const hasPandoc = hasTool('pandoc');
const inCi = Boolean(process.env['CI']);

function exportDocx(file: string, ...args: string[]): { out: string; parts: Record<string, string> } {
  const out = join(tempDir(), 'memo.docx');
  const result = memo(['export', file, '--to', 'docx', '-o', out, ...args]);
  expect(result.status, result.stderr).toBe(0);
  return { out, parts: docxParts(out) };
}

describe('memo export --to docx', () => {
  it.runIf(hasPandoc || inCi)("pandoc reads back the memo's words in order (the byline added under the title)", () => {
    const { out } = exportDocx(EXAMPLE);
    const lines = pandocPlain(out).split('\n');
    expect(lines).toContain('By Policy Team');
    expect(words(lines.filter((line) => line !== 'By Policy Team').join('\n'))).toEqual(textExportWords(EXAMPLE));
  });

  it('puts each memo role in its named style; no "Back to top"', () => {
    const { parts } = exportDocx(EXAMPLE);
    const paragraphs = docxParagraphs(parts['word/document.xml'] as string);
    const styled = (style: string) => paragraphs.filter((paragraph) => paragraph.style === style);
    expect(paragraphs.slice(0, 4).map((p) => [p.style, p.text])).toEqual([
      ['MemoDate', 'December 31, 2019'],
      ['MemoTitle', 'Memo: Backlash to U.S. Strikes in Iraq Underscores Failure of Max Pressure'],
      ['MemoByline', 'By Policy Team'],
      ['MemoLede', expect.stringMatching(/^This morning, Iraqi militiamen/) as unknown as string],
    ]);
    expect(styled('MemoLede')).toHaveLength(2);
    expect(styled('MemoHeading').map((p) => p.text)).toEqual(['Key Takeaways', 'Sequence of Events']);
    expect(styled('MemoTakeaway')).toHaveLength(7);
    const events = styled('MemoEvent');
    expect(events.length).toBeGreaterThanOrEqual(3);
    // The event's date is its own run, in the bold MemoEventDate character style.
    expect(events[0]?.xml).toMatch(/<w:rStyle w:val="MemoEventDate"\/>[\s\S]*?<w:t[^>]*>Dec\. 27, 2019<\/w:t>/);
    expect(paragraphs.every((p) => p.style !== undefined || p.text === '')).toBe(true);
    expect(paragraphs.some((p) => /back to top/i.test(p.text))).toBe(false);
    // Every style the document names is defined, with its documented name.
    const styles = parts['word/styles.xml'] as string;
    for (const style of DOCX_STYLES) {
      expect(styles).toMatch(
        new RegExp(`<w:style w:type="${style.type}"[^>]*w:styleId="${style.id}"[\\s\\S]*?<w:name w:val="${style.name}"/>`),
      );
    }
    // Title and author in the document's properties, with the memo's date, not the time of export.
    const core = parts['docProps/core.xml'] as string;
    expect(core).toContain('<dc:creator>Policy Team</dc:creator>');
    expect(core).toContain('2019-12-31T00:00:00Z</dcterms:created>');
  });

  it('lists are Word numbering: a list per instance, bullets for "-", numbers for "1."', () => {
    const { parts } = exportDocx(join(FIXTURES, 'export-text', 'markup.md'));
    const paragraphs = docxParagraphs(parts['word/document.xml'] as string);
    const numbered = paragraphs.filter((p) => p.xml.includes('<w:numPr>'));
    expect(numbered.length).toBeGreaterThan(0);
    const numIds = new Set(numbered.map((p) => /<w:numId w:val="(\d+)"/.exec(p.xml)?.[1]));
    expect(numIds.size).toBeGreaterThan(1);
    const numbering = parts['word/numbering.xml'] as string;
    expect(numbering).toMatch(/<w:numFmt w:val="bullet"\/>/);
    expect(numbering).toMatch(/<w:numFmt w:val="decimal"\/>/);
    for (const id of numIds) expect(numbering).toContain(`<w:num w:numId="${id}"`);
  });

  it('links are w:hyperlink: external ones through a relationship, in-page ones to a heading bookmark', () => {
    const { parts } = exportDocx(join(FIXTURES, 'export', 'links.md'));
    const document = parts['word/document.xml'] as string;
    const rels = parts['word/_rels/document.xml.rels'] as string;
    const targets = [...document.matchAll(/<w:hyperlink [^>]*r:id="([^"]+)"/g)].map(
      (match) => new RegExp(`Id="${match[1]}"[^>]*Target="([^"]+)"`).exec(rels)?.[1],
    );
    expect(targets).toEqual(expect.arrayContaining(['tel:+1-202-555-0100', 'mailto:desk@example.org', 'HTTPS://www.example.org/report']));
    expect(rels).not.toMatch(/javascript:|data:/);
    const edge = exportDocx(join(FIXTURES, 'export', 'edge-cases.md')).parts['word/document.xml'] as string;
    expect(edge).toMatch(/<w:hyperlink w:history="1" w:anchor="notes">/);
    expect(edge).toMatch(/<w:bookmarkStart w:name="notes" w:id="\d+"\/>/);
  });

  it('is the same file every time', () => {
    const first = readFileSync(exportDocx(join(FIXTURES, 'export', 'links.md')).out);
    const second = readFileSync(exportDocx(join(FIXTURES, 'export', 'links.md')).out);
    expect(Buffer.compare(first, second)).toBe(0);
  });

  it('--reference-docx takes the house styles: by id (MemoTitle) and by name ("Memo Heading")', () => {
    const folder = tempDir();
    const house = join(folder, 'house.docx');
    const styles =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Garamond" w:hAnsi="Garamond"/></w:rPr></w:rPrDefault></w:docDefaults>' +
      '<w:style w:type="paragraph" w:styleId="MemoTitle"><w:name w:val="Memo Title"/><w:rPr><w:rFonts w:ascii="Futura" w:hAnsi="Futura"/><w:color w:val="FF0000"/></w:rPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="HouseHeading"><w:name w:val="Memo Heading"/><w:rPr><w:caps/></w:rPr></w:style>' +
      '</w:styles>';
    writeFileSync(house, zipSync({ 'word/styles.xml': strToU8(styles), '[Content_Types].xml': strToU8('<Types/>') }));
    const { parts } = exportDocx(EXAMPLE, '--reference-docx', house);
    const out = parts['word/styles.xml'] as string;
    expect(out).toContain('<w:rFonts w:ascii="Garamond" w:hAnsi="Garamond"/>');
    expect(out).toMatch(
      /w:styleId="MemoTitle"><w:name w:val="Memo Title"\/><w:rPr><w:rFonts w:ascii="Futura"[^>]*\/><w:color w:val="FF0000"\/>/,
    );
    expect(out.match(/w:styleId="MemoTitle"/g)).toHaveLength(1);
    // Roles the house document lacks keep memokit's style; the one it names otherwise uses its id.
    expect(out).toContain('w:styleId="MemoTakeaway"');
    expect(out).not.toContain('w:styleId="MemoHeading"');
    const paragraphs = docxParagraphs(parts['word/document.xml'] as string);
    expect(paragraphs.filter((p) => p.style === 'HouseHeading').map((p) => p.text)).toEqual(['Key Takeaways', 'Sequence of Events']);

    // The same from the config, relative to it.
    writeFileSync(join(folder, '.memorc.yaml'), 'root: true\nexport:\n  docx:\n    reference: house.docx\n');
    writeFileSync(join(folder, 'memo.md'), readFileSync(EXAMPLE));
    const result = memo(['export', 'memo.md', '--to', 'docx', '-o', 'memo.docx'], { cwd: folder });
    expect(result.status, result.stderr).toBe(0);
    expect(docxParts(join(folder, 'memo.docx'))['word/styles.xml']).toContain('FF0000');
  });

  it('a reference that is no .docx is one line, exit 2, before anything is written', () => {
    const folder = tempDir();
    writeFileSync(join(folder, 'house.docx'), 'not a zip');
    const result = memo([
      'export',
      EXAMPLE,
      '--to',
      'docx',
      '--reference-docx',
      join(folder, 'house.docx'),
      '-o',
      join(folder, 'memo.docx'),
    ]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/house\.docx: is not a Word document \(\.docx\): it is not a zip file/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it.runIf(hasTool('script'))('refuses to write a DOCX to a terminal, and writes it to a pipe', () => {
    const command = `${process.execPath} ${BIN} export ${EXAMPLE} --to docx`;
    const terminal = spawnSync('script', ['-qec', command, '/dev/null'], {
      encoding: 'utf8',
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(terminal.status).toBe(2);
    expect(terminal.stdout).toMatch(/--to docx writes a binary file, not text for a terminal; give -o FILE/);
    const piped = spawnSync(process.execPath, [BIN, 'export', EXAMPLE, '--to', 'docx']);
    expect(piped.status).toBe(0);
    expect(piped.stdout.subarray(0, 2).toString()).toBe('PK');
  });

  it('a batch writes .docx files into --out-dir; --page is named as not applying', () => {
    const out = join(tempDir(), 'out');
    const result = memo([
      'export',
      EXAMPLE,
      join(FIXTURES, 'export', 'week-one.md'),
      '--to',
      'docx',
      '--page',
      'a4',
      '--out-dir',
      out,
      '--root',
      ROOT,
    ]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain('--page applies only to --to pdf; ignored with --to docx');
    expect(docxParts(join(out, 'examples', '2019-12-31-backlash-to-us-strikes.docx'))['word/document.xml']).toContain('MemoTitle');
    expect(docxParts(join(out, 'tests', 'fixtures', 'export', 'week-one.docx'))['word/document.xml']).toContain('MemoTakeaway');
  });
});

describe('docs/export.md', () => {
  it('lists every DOCX style with its id, name and kind, and no other', () => {
    const page = readFileSync(join(ROOT, 'docs', 'export.md'), 'utf8');
    const rows = [...page.matchAll(/^\| `(\w+)` \| ([^|]+) \| (paragraph|character) \|/gm)].map((m) => [
      m[1],
      (m[2] as string).trim(),
      m[3],
    ]);
    expect(rows).toEqual(DOCX_STYLES.map((style) => [style.id, style.name, style.type]));
  });
});

describe('memo bundle --to docx', () => {
  it.runIf(hasPandoc || inCi)('an issue: title, contents linking to each memo, each memo from a new page with its byline', () => {
    const out = join(tempDir(), 'issue.docx');
    const result = memo(['bundle', EXAMPLE, join(FIXTURES, 'export', 'week-two.md'), '--to', 'docx', '--title', 'Weekly Memos', '-o', out]);
    expect(result.status, result.stderr).toBe(0);
    const parts = docxParts(out);
    const paragraphs = docxParagraphs(parts['word/document.xml'] as string);
    expect(paragraphs[0]).toMatchObject({ style: 'MemoIssueTitle', text: 'Weekly Memos' });
    expect(paragraphs.filter((p) => p.style === 'MemoContents')).toHaveLength(2);
    expect(paragraphs.filter((p) => p.style === 'MemoTitle')).toHaveLength(2);
    expect(paragraphs.filter((p) => p.xml.includes('<w:pageBreakBefore/>'))).toHaveLength(2);
    expect(parts['word/document.xml']).toMatch(/<w:hyperlink w:history="1" w:anchor="2019-12-31-backlash-to-us-strikes">/);
    const plain = pandocPlain(out);
    expect(plain.indexOf('Weekly Memos')).toBeLessThan(plain.indexOf('Backlash to U.S. Strikes'));
    expect(plain).toContain('By Policy Team');
  });
});
