// Export many memos into an out-dir: each file parsed once, exported, and written atomically
// to its place (export/layout.ts). A bad file is reported and skipped; the rest are still written.
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import { loadConfig } from '../config/config.js';
import { MemoError } from '../io/errors.js';
import { runJobs, serializeError, type SerializedError } from '../io/pool.js';
import { writeFileAtomic } from '../io/write.js';
import type { ExportWarning } from './html-screen.js';
import { exportOne, type ExportOneOptions } from './one.js';
import { findChromium, memoDateOf, PdfPrinter } from './pdf.js';

export interface BatchJob {
  file: string;
  /** The path shown in messages. */
  shown: string;
  /** Where the export goes; none: the text comes back instead (one memo to stdout or -o). */
  target?: string;
}

export interface BatchOptions extends ExportOneOptions {
  configFile?: string;
  /** `--to pdf`: the Chromium to print with (export/pdf.ts findChromium) and the page size. */
  chromium?: string;
  page?: 'letter' | 'a4';
}

/** `warnings`: what the HTML sanitizer removed from the memo (plain data, so it crosses from a worker thread). */
export type BatchOutcome =
  | { kind: 'written'; warnings?: ExportWarning[] }
  | { kind: 'text'; text: string | Uint8Array; warnings?: ExportWarning[] }
  | { kind: 'refused'; errors: string[] }
  | { kind: 'error'; error: SerializedError };

/** Export one memo of a batch to its file (or back as text). Errors come back as data, so one file stops only itself. */
export async function exportToFile(job: BatchJob, options: BatchOptions): Promise<BatchOutcome> {
  try {
    const config = loadConfig(dirname(job.file), options.configFile);
    const outcome = await exportOne(job.file, job.shown, options, config);
    if (outcome.refused) return { kind: 'refused', errors: outcome.refused };
    const warnings = outcome.warnings ? { warnings: outcome.warnings } : {};
    if (job.target === undefined) return { kind: 'text', text: outcome.text, ...warnings };
    await writeFileAtomic(job.target, outcome.text, { overwrite: true, mkdirs: true, durable: false });
    return { kind: 'written', ...warnings };
  } catch (error) {
    if (error instanceof MemoError) return { kind: 'error', error: serializeError(error) };
    throw error;
  }
}

/** Export a batch: in this thread for a few files (a heavy one in a worker), in one worker per core for many. */
export async function exportBatch(
  jobs: BatchJob[],
  options: BatchOptions,
  onOutcome: (outcome: BatchOutcome, job: BatchJob) => void,
): Promise<void> {
  // PDFs need the browser, which lives in this thread: the memos' HTML is made as for any batch, then printed there.
  if (options.to === 'pdf') return exportPdfBatch(jobs, options, onOutcome);
  await runExportJobs(jobs, options, onOutcome);
}

/** The jobs through exportToFile, here or in worker threads (io/pool.ts), each outcome as it comes. */
export async function runExportJobs(
  jobs: BatchJob[],
  options: BatchOptions,
  onOutcome: (outcome: BatchOutcome, job: BatchJob) => void,
): Promise<void> {
  await runJobs<BatchJob, BatchOutcome>(
    new URL('./export-worker.js', import.meta.url),
    options,
    jobs,
    (job) => exportToFile(job, options),
    (outcome, index) => onOutcome(outcome, jobs[index] as BatchJob),
    // A large export runs in the workers alone, under their heap caps (see runJobs).
    false,
  );
}

// `--to pdf`, one memo or a batch: each memo's print HTML is made as any export's is (above, in
// worker threads for a large run) and comes back here, where one Chromium prints it on one of a
// few pages (export/pdf.ts) and the PDF is written atomically to its target (or, for a job
// without one, handed back as bytes). The browser starts once for the whole run and is closed
// however the run ends; a memo that fails to print stops only itself.

/** Pages printing at once: Chromium lays out on its own threads, so a few more than the cores keep them busy. */
function pagesFor(jobs: number): number {
  const wanted = Number(process.env['MEMOKIT_PDF_PAGES']);
  const pages = Number.isInteger(wanted) && wanted > 0 ? wanted : availableParallelism() + 2;
  return Math.max(1, Math.min(pages, jobs));
}

async function exportPdfBatch(
  jobs: BatchJob[],
  options: BatchOptions,
  onOutcome: (outcome: BatchOutcome, job: BatchJob) => void,
): Promise<void> {
  if (jobs.length === 0) return;
  const chromium = options.chromium ?? findChromium({ env: process.env['MEMOKIT_CHROMIUM'] });
  const printer = await PdfPrinter.launch(chromium, pagesFor(jobs.length));
  const printing: Promise<void>[] = [];
  const print = async (job: BatchJob, html: string, warnings: BatchOutcome & { kind: 'text' }): Promise<BatchOutcome> => {
    const date = memoDateOf(html);
    const extra = warnings.warnings ? { warnings: warnings.warnings } : {};
    try {
      const pdf = await printer.print({ html, page: options.page ?? 'letter', footer: date?.text ?? '', date: date?.iso });
      if (job.target === undefined) return { kind: 'text', text: pdf, ...extra };
      await writeFileAtomic(job.target, pdf, { overwrite: true, mkdirs: true, durable: false });
      return { kind: 'written', ...extra };
    } catch (error) {
      if (error instanceof MemoError) return { kind: 'error', error: serializeError(error) };
      const reason = ((error as Error).message.split('\n')[0] ?? '').replace(/^\w+\.\w+: /, '');
      return {
        kind: 'error',
        error: serializeError(new MemoError(`could not be printed to PDF: ${reason}`, { file: job.shown, code: 'EEXPORT' })),
      };
    }
  };
  try {
    // The HTML comes back as text (no target), each memo as it is done; printing starts at once.
    const htmlJobs = jobs.map(({ file, shown }) => ({ file, shown }));
    const jobOf = new Map(htmlJobs.map((htmlJob, index) => [htmlJob, jobs[index] as BatchJob]));
    await runExportJobs(htmlJobs, options, (outcome, htmlJob) => {
      const job = jobOf.get(htmlJob) as BatchJob;
      if (outcome.kind !== 'text') return onOutcome(outcome, job);
      printing.push(print(job, String(outcome.text), outcome).then((printed) => onOutcome(printed, job)));
    });
    await Promise.all(printing);
  } finally {
    await printer.close();
  }
}
