// `memo bundle --to docx|pdf`: the newsletter issue as a Word document (export/docx.ts) or as
// the HTML issue printed by Chromium (export/pdf.ts), footer: the issue title and page numbers.
import type { Memo } from '../memo/model.js';
import type { BundleOptions } from './bundle.js';
import type { PageSize } from './pdf.js';

export interface BinaryBundleOptions extends BundleOptions {
  referenceDocx?: string;
  chromium?: string;
  page?: PageSize;
}

export async function bundleBinary(memos: readonly Memo[], format: 'docx' | 'pdf', options: BinaryBundleOptions): Promise<Uint8Array> {
  if (format === 'docx') {
    const [{ bundleDocx }, { readReferenceDocx }] = await Promise.all([import('./docx.js'), import('./docx-styles.js')]);
    return bundleDocx(memos, {
      ...(options.title !== undefined ? { title: options.title } : {}),
      ...(options.sort ? { sort: options.sort } : {}),
      ...(options.dateFormat ? { dateFormat: options.dateFormat } : {}),
      ...(options.lang ? { lang: options.lang } : {}),
      ...(options.referenceDocx ? { reference: readReferenceDocx(options.referenceDocx) } : {}),
    });
  }
  const [{ bundleHtml, DEFAULT_BUNDLE_TITLE }, { MEMO_CSS }, { PDF_CSS, PdfPrinter, findChromium }] = await Promise.all([
    import('./bundle.js'),
    import('./style.css.js'),
    import('./pdf.js'),
  ]);
  const { email: _email, ...rest } = options;
  const html = bundleHtml(memos, { ...rest, css: `${options.css ?? MEMO_CSS}\n${PDF_CSS}` });
  const printer = await PdfPrinter.launch(options.chromium ?? findChromium({ env: process.env['MEMOKIT_CHROMIUM'] }));
  try {
    const newest = memos
      .map((memo) => memo.date)
      .filter((date): date is string => date !== undefined)
      .sort()
      .pop();
    return await printer.print({ html, page: options.page ?? 'letter', footer: options.title ?? DEFAULT_BUNDLE_TITLE, date: newest });
  } finally {
    await printer.close();
  }
}
