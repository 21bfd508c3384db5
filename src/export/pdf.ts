// HTML → PDF through headless Chromium (playwright-core driving the system's browser; no browser
// is downloaded). The memo's own HTML export with its print stylesheet is printed: page size
// letter or A4, margins, a footer with the memo's date (a bundle: the issue title) and
// "page / pages", links kept as link annotations, and no "Back to top" on paper.
//
// One browser serves a whole run: a batch opens a few pages in one context and prints on
// whichever is free (PDF_PAGES), so the cost of starting Chromium is paid once.
//
// Deterministic as far as Chromium allows: it stamps /CreationDate and /ModDate with the time of
// printing; both are rewritten in place (same length, so every byte offset of the file holds) to
// the memo's date. Chromium writes no /ID. The bytes can still differ between Chromium versions.
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { MemoError } from '../io/errors.js';

export type PageSize = 'letter' | 'a4';
export const PAGE_SIZES: readonly PageSize[] = ['letter', 'a4'];

/** Where Chromium was found, and how (for messages). */
export interface ChromiumLookup {
  /** `MEMOKIT_CHROMIUM`, else the config's `export.pdf.chromium` (resolved), else found on the system. */
  env?: string | undefined;
  configured?: string | undefined;
  /** The config file that set `configured`, for the message when it is wrong. */
  configFile?: string | undefined;
}

const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

export const NO_CHROMIUM =
  'PDF export needs Chromium and none was found: install it (apt-get install chromium) or point MEMOKIT_CHROMIUM (or export.pdf.chromium in .memorc.yaml) at it';

/** The Chromium to print with; a MemoError (exit 2) saying how to get one when there is none. */
export function findChromium(lookup: ChromiumLookup): string {
  if (lookup.env) {
    if (existsSync(lookup.env)) return lookup.env;
    throw new MemoError(`MEMOKIT_CHROMIUM names ${lookup.env}, which does not exist; point it at Chromium, or unset it`, {
      code: 'ECHROMIUM',
    });
  }
  if (lookup.configured) {
    if (existsSync(lookup.configured)) return lookup.configured;
    throw new MemoError(`export.pdf.chromium names ${lookup.configured}, which does not exist; point it at Chromium`, {
      ...(lookup.configFile ? { file: lookup.configFile } : {}),
      code: 'ECHROMIUM',
    });
  }
  for (const path of SYSTEM_CHROMIUMS) if (existsSync(path)) return path;
  for (const folder of (process.env['PATH'] ?? '').split(delimiter)) {
    for (const name of PATH_NAMES) if (folder && existsSync(join(folder, name))) return join(folder, name);
  }
  throw new MemoError(NO_CHROMIUM, { code: 'ECHROMIUM' });
}

/** How memokit starts Chromium: headless, no sandbox (containers, root), no GPU, no first-run or background traffic. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
];

/** Added after the stylesheet (the built-in one or the user's): paper never shows the in-page navigation. */
export const PDF_CSS = `
@media print {
  .back-to-top,
  .back-to-contents {
    display: none !important;
  }
}
`;

export interface PrintJob {
  html: string;
  page: PageSize;
  /** Left of the footer: the memo's date line, or the issue title. */
  footer: string;
  /** ISO date stamped as the PDF's creation and modification date (default 1980-01-01). */
  date?: string | undefined;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Chromium's footer is its own tiny page: it needs its own font size, and the page margin as padding. */
function footerTemplate(text: string): string {
  return (
    '<div style="font-size:8pt;font-family:Arial,Helvetica,sans-serif;color:#555;width:100%;margin:0 0.75in;' +
    `display:flex;justify-content:space-between"><span>${escapeHtml(text)}</span>` +
    '<span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>'
  );
}

/** `D:20191231000000+00'00'`: the same length as Chromium's own date stamps, so it replaces them in place. */
function pdfDate(iso: string | undefined): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(iso ?? '') ? (iso as string) : '1980-01-01';
  return `D:${day.replace(/-/g, '')}000000+00'00'`;
}

/** Rewrite /CreationDate and /ModDate in place, keeping every byte offset (the xref table points into the file). */
export function fixPdfDates(pdf: Uint8Array, iso: string | undefined): Uint8Array {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const stamp = pdfDate(iso);
  const fixed = text.replace(/\/(CreationDate|ModDate) ?\((D:[^)]*)\)/g, (whole, key: string, value: string) =>
    value.length === stamp.length ? whole.replace(value, stamp) : whole,
  );
  return fixed === text ? pdf : Buffer.from(fixed, 'latin1');
}

/** One Chromium, a few pages, print jobs queued onto whichever page is free. */
export class PdfPrinter {
  private readonly free: Page[] = [];
  private readonly waiting: ((page: Page) => void)[] = [];

  private constructor(
    private readonly browser: Browser,
    private readonly context: BrowserContext,
    pages: Page[],
  ) {
    this.free.push(...pages);
  }

  /** Start Chromium with `pages` tabs (a batch: a few; one memo: one). */
  static async launch(executablePath: string, pages = 1): Promise<PdfPrinter> {
    const { chromium } = await import('playwright-core');
    let browser: Browser;
    try {
      browser = await chromium.launch({
        executablePath,
        args: [...CHROMIUM_ARGS],
      });
    } catch (error) {
      const reason = ((error as Error).message.split('\n')[0] ?? '').replace(/^browserType\.launch: /, '');
      throw new MemoError(`could not start Chromium (${executablePath}): ${reason}`, { code: 'ECHROMIUM' });
    }
    // No network: a memo's images and links are not fetched while printing (JavaScript is off too).
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const opened = await Promise.all(Array.from({ length: Math.max(1, pages) }, () => context.newPage()));
    return new PdfPrinter(browser, context, opened);
  }

  private take(): Promise<Page> {
    const page = this.free.pop();
    return page ? Promise.resolve(page) : new Promise((resolve) => this.waiting.push(resolve));
  }

  private give(page: Page): void {
    const next = this.waiting.shift();
    if (next) next(page);
    else this.free.push(page);
  }

  async print(job: PrintJob): Promise<Uint8Array> {
    const page = await this.take();
    try {
      await page.setContent(job.html, { waitUntil: 'load' });
      const pdf = await page.pdf({
        format: job.page === 'a4' ? 'A4' : 'Letter',
        margin: { top: '0.75in', bottom: '0.9in', left: '0.75in', right: '0.75in' },
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: footerTemplate(job.footer),
        printBackground: false,
        tagged: true,
        outline: true,
      });
      return fixPdfDates(new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength), job.date);
    } finally {
      this.give(page);
    }
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
    await this.browser.close().catch(() => undefined);
  }
}

/** The date line and its ISO date from memokit's own HTML export (`<p class="memo-date"><time datetime>`). */
export function memoDateOf(html: string): { text: string; iso: string } | undefined {
  const match = /<p class="memo-date"><time datetime="([^"]*)">([^<]*)<\/time><\/p>/.exec(html);
  return match ? { iso: match[1] as string, text: decodeEntities(match[2] as string) } : undefined;
}

function decodeEntities(text: string): string {
  return text.replace(
    /&(amp|lt|gt|quot|#x27|#39);/g,
    (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#x27': "'", '#39': "'" })[name] ?? '',
  );
}

/** One memo's printed HTML (export/one.ts renderMemo with `pdf`) as a PDF: its own Chromium, started and closed. */
export async function printMemoPdf(html: string, chromium: string, page: PageSize): Promise<Uint8Array> {
  const printer = await PdfPrinter.launch(chromium);
  try {
    const date = memoDateOf(html);
    return await printer.print({ html, page, footer: date?.text ?? '', date: date?.iso });
  } finally {
    await printer.close();
  }
}
