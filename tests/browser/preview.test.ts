// memo preview in a real browser (Debian's Chromium, driven by playwright-core), as a writer uses
// it: open the list, open a memo, save the file in "an editor" (write-then-rename, and in
// place), and the open page shows the new text and findings without a reload; click a finding
// and its block is highlighted; a memo made unreadable shows its error. Every request the page
// makes is recorded: none may go to a host but the preview's, and the console stays clean.
//
// Without /usr/bin/chromium the suite is skipped with a message — except in CI, where that fails.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE, tempDir } from '../helpers/cli.js';
import { startMemo, stopAll, type Resident } from '../helpers/resident.js';
import { CHROMIUM, launchChromium } from '../helpers/chromium.js';

const available = existsSync(CHROMIUM);
const inCi = Boolean(process.env['CI']);
const CLEAN = readFileSync(EXAMPLE, 'utf8');

if (!available && inCi) {
  describe('preview in a browser', () => {
    it('needs Chromium in CI', () => {
      throw new Error(`${CHROMIUM} is missing on a CI machine; .ci/run should have installed it`);
    });
  });
} else if (!available) {
  describe.skip(`preview browser suite skipped: ${CHROMIUM} is not installed`, () => {
    it('opens memo preview in Chromium', () => undefined);
  });
}

function saveByRename(file: string, text: string): void {
  writeFileSync(`${file}.tmp~`, text);
  renameSync(`${file}.tmp~`, file);
}

describe.runIf(available)('memo preview in a real browser (Chromium)', () => {
  let browser: Browser;
  let preview: Resident;
  let url = '';
  const dir = tempDir('memokit-preview-browser-');
  const requests: string[] = [];
  const errors: string[] = [];
  let page: Page;

  beforeAll(async () => {
    writeFileSync(join(dir, '.memorc.yaml'), 'root: true\n');
    writeFileSync(join(dir, 'backlash.md'), CLEAN);
    writeFileSync(
      join(dir, 'misspelt.md'),
      CLEAN.replace('date: 2019-12-31', 'date: 2020-01-05').replace('## Key Takeaways', '## Key Take-aways'),
    );
    preview = startMemo(['preview', '.'], { cwd: dir });
    await preview.waitFor(({ stdout }) => stdout.includes('\n'));
    url = preview.stdout().split('\n')[0] as string;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 900, height: 700 } });
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await preview?.stop('SIGTERM');
    stopAll();
  });

  it('lists the memos newest first, with their findings as badges', async () => {
    await page.goto(url, { waitUntil: 'load' });
    const rows = await page.$$eval('table.memo-list tbody tr', (trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim())),
    );
    expect(rows.map((row) => [row[0], row[2], row[3]])).toEqual([
      ['2020-01-05', 'rapid-response', '1 error'],
      ['2019-12-31', 'rapid-response', 'clean'],
    ]);
  });

  it('opens a memo, follows saves made on disk, and highlights the block a finding points at', async () => {
    await page.click('a[href="/memo/backlash.md"]');
    await page.waitForSelector('aside.findings.clean');
    await page.waitForFunction(() => document.getElementById('preview-status')?.textContent === 'live');
    expect(await page.textContent('article.memo h1')).toContain('Backlash to U.S. Strikes');

    // An atomic save: new text, and a misspelt section heading (required-sections, line 16).
    saveByRename(
      join(dir, 'backlash.md'),
      CLEAN.replace('## Key Takeaways', '## Key Take-aways').replace('This morning,', 'Early this morning,'),
    );
    await page.waitForFunction(() => document.querySelector('article.memo')?.textContent?.includes('Early this morning,'), undefined, {
      timeout: 15_000,
    });
    const finding = page.locator('button.finding', { hasText: 'required-sections' });
    await expect.poll(() => finding.count()).toBe(1);
    expect(await finding.getAttribute('data-line')).toBe('16');

    await finding.click();
    const highlighted = await page.$$eval('.preview-highlight', (nodes) =>
      nodes.map((node) => ({ tag: node.tagName, text: node.textContent, start: node.getAttribute('data-line-start') })),
    );
    expect(highlighted).toEqual([{ tag: 'H2', text: 'Key Take-aways', start: '16' }]);

    // An in-place save that fixes it: the panel says the memo is clean again.
    writeFileSync(join(dir, 'backlash.md'), CLEAN);
    await page.waitForSelector('aside.findings.clean', { timeout: 15_000 });
    expect(await page.textContent('aside.findings')).toContain('No problems: this memo is clean.');
  });

  it('shows the error of a memo that becomes unreadable, and the memo again once fixed', async () => {
    writeFileSync(join(dir, 'backlash.md'), Buffer.from([0, 1, 2, 3]));
    await page.waitForSelector('.memo-error', { timeout: 15_000 });
    expect(await page.textContent('.memo-error')).toMatch(/cannot be shown: .*binary/);
    saveByRename(join(dir, 'backlash.md'), CLEAN);
    await page.waitForSelector('article.memo', { timeout: 15_000 });
  });

  it('re-renders when the config changes (a rule turned down to a warning)', async () => {
    await page.goto(`${url}memo/misspelt.md`, { waitUntil: 'load' });
    await page.waitForFunction(() => document.getElementById('preview-status')?.textContent === 'live');
    expect(await page.textContent('aside.findings h2')).toContain('1 error, 0 warnings');
    writeFileSync(join(dir, '.memorc.yaml'), 'root: true\nrules:\n  required-sections: warn\n');
    await page.waitForFunction(() => document.querySelector('aside.findings h2')?.textContent?.includes('0 errors, 1 warning'), undefined, {
      timeout: 15_000,
    });
  });

  it('made no request to any host but the preview, and logged no error', () => {
    expect(requests.length).toBeGreaterThan(3);
    const origin = new URL(url).origin;
    expect(requests.filter((request) => !request.startsWith(`${origin}/`))).toEqual([]);
    expect(errors).toEqual([]);
  });
});
