// `--to pdf` read back by poppler (pdftotext, pdfinfo): the memo's words in order, the page size
// asked for, page numbers and the date in the footer, links as link annotations, no "Back to top".
// Needs Chromium (skipped with a message without it, a failure in CI: .ci/run installs it).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE, FIXTURES, ROOT, memo, tempDir } from '../helpers/cli.js';
import { hasChromium, hasTool, pdfInfo, pdfText, textExportWords, words } from '../helpers/documents.js';

const inCi = Boolean(process.env['CI']);
const ready = (hasChromium && hasTool('pdftotext')) || inCi;

function exportPdf(file: string, ...args: string[]): string {
  const out = join(tempDir(), 'memo.pdf');
  const result = memo(['export', file, '--to', 'pdf', '-o', out, ...args]);
  expect(result.status, result.stderr).toBe(0);
  return out;
}

/** pdftotext's text without the footer lines ("December 31, 2019" after the first, "2/3"). */
function bodyText(text: string, footer: string): { body: string; footers: string[] } {
  const lines = text.split('\n').map((line) => line.replace(/\f/g, ''));
  const footers = lines.filter((line) => /^\d+\s*\/\s*\d+$/.test(line.trim()));
  let seen = false;
  const body = lines.filter((line) => {
    if (/^\d+\s*\/\s*\d+$/.test(line.trim())) return false;
    if (line.trim() !== footer) return true;
    if (seen) return false;
    return (seen = true);
  });
  return { body: body.join('\n'), footers };
}

// Registered only when it applies: under describe.runIf(false) it would count as skipped in every run.
if (!ready) {
  describe('PDF export', () => {
    it.skip('needs Chromium and poppler-utils (apt-get install chromium poppler-utils)', () => undefined);
  });
}

describe.runIf(ready)('memo export --to pdf', () => {
  it("gives the memo's words in order, with the byline; page numbers and the date in the footer; no Back to top", () => {
    const out = exportPdf(EXAMPLE);
    const { pages, size } = pdfInfo(out);
    expect(size).toMatch(/^612 x 792 pts/);
    const { body, footers } = bodyText(pdfText(out), 'December 31, 2019');
    expect(footers.map((line) => line.replace(/\s/g, ''))).toEqual(Array.from({ length: pages }, (_, i) => `${i + 1}/${pages}`));
    expect(body).not.toMatch(/back to top/i);
    const got = words(body.replace('By Policy Team', ''));
    expect(got).toEqual(textExportWords(EXAMPLE));
    expect(body).toContain('By Policy Team');
  });

  it('--page a4 (and export.pdf.page) sets the page size', () => {
    expect(pdfInfo(exportPdf(EXAMPLE, '--page', 'a4')).size).toMatch(/^595\.\d+ x 841\.\d+|^595\.\d+ x 842\.\d+/);
    const folder = tempDir();
    writeFileSync(join(folder, '.memorc.yaml'), 'root: true\nexport:\n  pdf:\n    page: a4\n');
    writeFileSync(join(folder, 'memo.md'), readFileSync(EXAMPLE));
    const result = memo(['export', 'memo.md', '--to', 'pdf', '-o', 'memo.pdf'], { cwd: folder });
    expect(result.status, result.stderr).toBe(0);
    expect(pdfInfo(join(folder, 'memo.pdf')).size).toMatch(/^595\./);
  });

  it('keeps links as link annotations (only safe ones), and is the same file every time', () => {
    const out = exportPdf(join(FIXTURES, 'export', 'links.md'));
    const bytes = readFileSync(out);
    const uris = [...bytes.toString('latin1').matchAll(/\/URI \(([^)]*)\)/g)].map((match) => match[1]);
    expect(uris).toEqual(expect.arrayContaining(['tel:+1-202-555-0100', 'mailto:desk@example.org', 'https://www.example.org/report']));
    expect(uris.join(' ')).not.toMatch(/javascript:|data:/);
    expect(bytes.toString('latin1')).toContain("/CreationDate (D:20200107000000+00'00')");
    expect(Buffer.compare(bytes, readFileSync(exportPdf(join(FIXTURES, 'export', 'links.md'))))).toBe(0);
  });

  it('a batch prints every memo with one browser into --out-dir', () => {
    const out = join(tempDir(), 'print');
    const inputs = [
      EXAMPLE,
      ...['week-one', 'week-two', 'links', 'edge-cases', 'long-words'].map((name) => join(FIXTURES, 'export', `${name}.md`)),
    ];
    const result = memo(['export', ...inputs, '--to', 'pdf', '--out-dir', out, '--root', ROOT]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/6 memos written to /);
    for (const name of ['week-one', 'week-two', 'links']) {
      const file = join(out, 'tests', 'fixtures', 'export', `${name}.pdf`);
      expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdfInfo(file).pages).toBeGreaterThan(0);
    }
  });

  it('without Chromium: one line saying how to get it, exit 2, nothing written', () => {
    const out = join(tempDir(), 'memo.pdf');
    const result = memo(['export', EXAMPLE, '--to', 'pdf', '-o', out], { env: { MEMOKIT_CHROMIUM: '/nonexistent/chromium' } });
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe(
      'memo: MEMOKIT_CHROMIUM names /nonexistent/chromium, which does not exist; point it at Chromium, or unset it',
    );
  });
});

describe.runIf(ready)('memo bundle --to pdf', () => {
  it('prints the issue: each memo from a new page, the issue title in the footer', () => {
    const out = join(tempDir(), 'issue.pdf');
    const week = ['week-one', 'week-two'].map((name) => join(FIXTURES, 'export', `${name}.md`));
    const result = memo(['bundle', EXAMPLE, ...week, '--to', 'pdf', '--title', 'Weekly Memos', '-o', out]);
    expect(result.status, result.stderr).toBe(0);
    const { pages } = pdfInfo(out);
    expect(pages).toBeGreaterThanOrEqual(4);
    const text = pdfText(out);
    expect(text.match(/^Weekly Memos$/gm)?.length).toBeGreaterThanOrEqual(pages);
    expect(text).not.toMatch(/back to (top|contents)/i);
    expect(text.indexOf('Contents')).toBeLessThan(text.indexOf('Militia Attack Kills'));
  });
});
