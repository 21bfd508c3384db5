// A real browser (Debian's Chromium, driven by playwright-core) opens an exported memo and a
// three-memo newsletter issue, served over HTTP from 127.0.0.1, in a viewport small enough to
// scroll, and checks what a reader does: "Back to top" returns to the top, every contents link
// brings its memo's heading into view, "Back to contents" returns to the contents, and the
// page logs no error. At 360 and 1000 px wide, no page scrolls sideways (long URLs and words
// wrap), nor does an --email export at 600 and 360 px, and a right-to-left project (export.lang: fa) reads right to left. Screenshots go to
// test-artifacts/ (gitignored).
//
// Without /usr/bin/chromium the suite is skipped with a message — except in CI (CI set), where
// that is a failure: .ci/run installs Chromium.
import { mkdirSync, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE, FIXTURES, ROOT, memo, tempDir } from '../helpers/cli.js';
import { CHROMIUM, launchChromium } from '../helpers/chromium.js';

const ARTIFACTS = join(ROOT, 'test-artifacts');
const available = existsSync(CHROMIUM);
const inCi = Boolean(process.env['CI']);
const SKIPPED = `browser suite skipped: ${CHROMIUM} is not installed (apt-get install chromium); in CI this fails instead`;

if (!available && inCi) {
  describe('browser', () => {
    it('needs Chromium in CI', () => {
      throw new Error(`${CHROMIUM} is missing on a CI machine; .ci/run should have installed it (apt-get install -y chromium)`);
    });
  });
} else if (!available) {
  describe.skip(SKIPPED, () => {
    it('opens exported memos in Chromium', () => undefined);
  });
}

describe.runIf(available)('exported HTML in a real browser (Chromium)', () => {
  let browser: Browser;
  let server: Server;
  let base = '';
  const site = tempDir('memokit-browser-');

  beforeAll(async () => {
    const one = memo(['export', EXAMPLE, '--to', 'html', '-o', join(site, 'memo.html')]);
    expect(one.status, one.stderr).toBe(0);
    const issue = memo([
      'bundle',
      EXAMPLE,
      join(FIXTURES, 'export', 'week-one.md'),
      join(FIXTURES, 'export', 'week-two.md'),
      '--to',
      'html',
      '-o',
      join(site, 'issue.html'),
      '--title',
      'Weekly Memos',
    ]);
    expect(issue.status, issue.stderr).toBe(0);
    // Layout (#15): long URLs and words, the writer's raw HTML, and a right-to-left project
    // (tests/fixtures/projects/rtl sets export.lang: fa), each as a memo and as an issue.
    const longWords = join(FIXTURES, 'export', 'long-words.md');
    const rawHtml = join(FIXTURES, 'export', 'raw-html.md');
    const rtl = join(FIXTURES, 'projects', 'rtl');
    for (const [args, options] of [
      [['export', longWords, '--to', 'html', '-o', join(site, 'long.html')], {}],
      [['bundle', longWords, rawHtml, EXAMPLE, '--to', 'html', '-o', join(site, 'long-issue.html')], {}],
      [['export', rawHtml, '--to', 'html', '-o', join(site, 'raw.html')], {}],
      [['export', 'press-office.md', '--to', 'html', '-o', join(site, 'rtl.html')], { cwd: rtl }],
      [['bundle', 'press-office.md', '--to', 'html', '-o', join(site, 'rtl-issue.html')], { cwd: rtl }],
      // Email (#20): the 600 px table layout, as a mail client's HTML view shows it.
      [['export', longWords, '--to', 'html', '--email', '-o', join(site, 'email-long.html')], {}],
      [['export', EXAMPLE, '--to', 'html', '--email', '-o', join(site, 'email-memo.html')], {}],
      [['bundle', longWords, rawHtml, EXAMPLE, '--to', 'html', '--email', '-o', join(site, 'email-issue.html')], {}],
      [['bundle', 'press-office.md', '--to', 'html', '--email', '-o', join(site, 'email-rtl-issue.html')], { cwd: rtl }],
    ] as const) {
      const result = memo([...args], options);
      expect(result.status, result.stderr).toBe(0);
    }

    server = createServer((request, response) => {
      const name = basename(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
      const file = join(site, name);
      if (name.endsWith('.html') && existsSync(file)) {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(file));
      } else {
        // favicon.ico and anything else: no content, so the browser logs no 404.
        response.writeHead(204).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    browser = await launchChromium();
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  /** Open `name` in a small viewport, collecting console errors and uncaught page errors. */
  async function open(name: string): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 480, height: 360 } });
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    await page.goto(`${base}/${name}`, { waitUntil: 'load' });
    const { height, viewport } = await page.evaluate(() => ({
      height: document.documentElement.scrollHeight,
      viewport: window.innerHeight,
    }));
    expect(height, 'the page must be long enough to scroll').toBeGreaterThan(viewport * 3);
    return { page, errors };
  }

  /** Is the element with this id within the viewport, its top near the top of it? */
  function inView(page: Page, id: string): Promise<{ top: number; bottom: number; height: number }> {
    return page.evaluate((target) => {
      const element = document.getElementById(target);
      if (!element) throw new Error(`no element with id "${target}"`);
      const box = element.getBoundingClientRect();
      return { top: box.top, bottom: box.bottom, height: window.innerHeight };
    }, id);
  }

  async function expectInView(page: Page, id: string): Promise<void> {
    // Scrolling may be animated; wait until the target has arrived.
    await page
      .waitForFunction(
        (target) => {
          const box = document.getElementById(target)?.getBoundingClientRect();
          return box !== undefined && box.top > -2 && box.top < window.innerHeight / 2;
        },
        id,
        { timeout: 5_000 },
      )
      .catch(() => undefined);
    const box = await inView(page, id);
    expect(box.top, `#${id} should be at the top of the viewport`).toBeGreaterThan(-2);
    expect(box.top, `#${id} should be in the viewport`).toBeLessThan(box.height);
  }

  async function screenshot(page: Page, name: string): Promise<void> {
    const file = join(ARTIFACTS, name);
    await page.screenshot({ path: file, fullPage: false });
    expect(statSync(file).size, `${file} looks empty`).toBeGreaterThan(5_000);
    expect(
      readFileSync(file)
        .subarray(0, 8)
        .equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
    ).toBe(true);
  }

  /** Open `name` in a viewport `width` px wide (the page need not be long). */
  async function openAt(name: string, width: number): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    await page.goto(`${base}/${name}`, { waitUntil: 'load' });
    return { page, errors };
  }

  const LAYOUT_PAGES = ['long.html', 'long-issue.html', 'raw.html', 'rtl.html', 'rtl-issue.html', 'memo.html', 'issue.html'];

  for (const width of [360, 1000]) {
    it(`${width} px wide: no page scrolls sideways (long URLs, words, code and table cells wrap or scroll in place)`, async () => {
      for (const name of LAYOUT_PAGES) {
        const { page, errors } = await openAt(name, width);
        const { scrollWidth, clientWidth } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
        }));
        expect(clientWidth, name).toBeGreaterThan(width - 20);
        expect(scrollWidth, `${name} at ${width} px scrolls sideways`).toBeLessThanOrEqual(clientWidth);
        await screenshot(page, `layout-${width}-${name.replace(/\.html$/, '')}.png`);
        expect(errors).toEqual([]);
        await page.close();
      }
    });
  }

  // Email: at a 600 px window the column fills it; on a 360 px phone it narrows, and nothing
  // makes the message scroll sideways. Screenshots: test-artifacts/email-<width>-<page>.png.
  const EMAIL_PAGES = ['email-long.html', 'email-memo.html', 'email-issue.html', 'email-rtl-issue.html'];
  for (const width of [600, 360]) {
    it(`email at ${width} px: the table column fits and no page scrolls sideways`, async () => {
      for (const name of EMAIL_PAGES) {
        const { page, errors } = await openAt(name, width);
        const measured = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
          column: document.querySelector('table[width="600"]')?.getBoundingClientRect().width ?? -1,
          styles: document.querySelectorAll('style').length,
        }));
        expect(measured.styles, name).toBe(0);
        expect(measured.column, `${name}: the 600 px column`).toBeGreaterThan(0);
        expect(measured.column, `${name}: the column is wider than ${width} px`).toBeLessThanOrEqual(Math.min(600, measured.clientWidth));
        expect(measured.scrollWidth, `${name} at ${width} px scrolls sideways`).toBeLessThanOrEqual(measured.clientWidth);
        await screenshot(page, `email-${width}-${name.replace(/^email-|\.html$/g, '')}.png`);
        expect(errors).toEqual([]);
        await page.close();
      }
    });
  }

  it('export.lang: fa — the page reads right to left, lists and quotes indented on the right (360 and 1000 px)', async () => {
    for (const name of ['rtl.html', 'rtl-issue.html']) {
      for (const width of [360, 1000]) {
        const { page, errors } = await openAt(name, width);
        const layout = await page.evaluate(() => {
          const get = (selector: string): HTMLElement => {
            const found = document.querySelector<HTMLElement>(selector);
            if (!found) throw new Error(`nothing matches ${selector}`);
            return found;
          };
          const article = get('article.memo');
          const list = get('article.memo ul');
          const item = get('article.memo ul > li');
          const quote = get('article.memo blockquote');
          return {
            html: getComputedStyle(document.documentElement).direction,
            paragraph: getComputedStyle(get('article.memo > p:not(.memo-date)')).direction,
            listLeft: getComputedStyle(list).paddingLeft,
            listRight: getComputedStyle(list).paddingRight,
            quoteRule: getComputedStyle(quote).borderRightWidth,
            // In right-to-left text an item's first line starts at the right edge of the list's content box.
            itemRight: item.getBoundingClientRect().right,
            listContentRight: list.getBoundingClientRect().right - parseFloat(getComputedStyle(list).paddingRight),
            articleRight: article.getBoundingClientRect().right,
          };
        });
        const where = `${name} at ${width} px`;
        expect(layout.html, where).toBe('rtl');
        expect(layout.paragraph, where).toBe('rtl');
        expect(layout.listLeft, where).toBe('0px');
        expect(parseFloat(layout.listRight), where).toBeGreaterThan(10);
        expect(layout.quoteRule, where).toBe('3px');
        expect(Math.abs(layout.itemRight - layout.listContentRight), where).toBeLessThan(1);
        expect(layout.listContentRight, where).toBeLessThan(layout.articleRight - 10);
        await screenshot(page, `rtl-${width}-${name.replace(/\.html$/, '')}.png`);
        expect(errors).toEqual([]);
        await page.close();
      }
    }
    // A left-to-right page stays so.
    const { page } = await openAt('memo.html', 360);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).direction)).toBe('ltr');
    await page.close();
  });

  it('one memo: scrolled to the bottom, the last "Back to top" returns to #top', async () => {
    const { page, errors } = await open('memo.html');
    await screenshot(page, 'memo-top.png');
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForFunction(() => window.scrollY > 0);
    await screenshot(page, 'memo-bottom.png');

    const links = page.getByRole('link', { name: 'Back to top' });
    expect(await links.count()).toBeGreaterThan(0);
    expect(await links.last().getAttribute('href')).toBe('#top');
    await links.last().click();
    // ~0: the page is back at its top; #top (the header) sits below the body's top padding,
    // so the browser stops there, a few pixels down.
    const headerOffset = await page.evaluate(
      () => (document.getElementById('top') as HTMLElement).getBoundingClientRect().top + window.scrollY,
    );
    expect(headerOffset).toBeLessThan(64);
    await page.waitForFunction((offset) => window.scrollY <= offset + 2, headerOffset, { timeout: 5_000 }).catch(() => undefined);
    expect(await page.evaluate(() => window.scrollY)).toBeLessThanOrEqual(headerOffset + 2);
    await expectInView(page, 'top');
    expect(await page.evaluate(() => location.hash)).toBe('#top');
    await screenshot(page, 'memo-back-to-top.png');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the newsletter issue: every contents link shows its memo, "Back to top" and "Back to contents" work', async () => {
    const { page, errors } = await open('issue.html');
    await screenshot(page, 'issue-top.png');

    const contents = page.locator('nav#contents a');
    const count = await contents.count();
    expect(count).toBe(3);
    for (let i = 0; i < count; i++) {
      const href = (await contents.nth(i).getAttribute('href')) as string;
      expect(href).toMatch(/^#/);
      const id = href.slice(1);
      await page.evaluate(() => window.scrollTo(0, 0));
      await contents.nth(i).click();
      await expectInView(page, id);
      // The memo's own heading (its title) is visible too, not just the article's edge.
      const heading = page.locator(`article[id="${id}"] h2`).first();
      await expect.poll(() => heading.isVisible()).toBe(true);
      const box = await heading.boundingBox();
      const viewport = page.viewportSize();
      expect(
        box && viewport && box.y >= -2 && box.y + Math.min(box.height, 20) <= viewport.height,
        `heading of #${id} at ${JSON.stringify(box)}`,
      ).toBe(true);
      await screenshot(page, `issue-contents-${i + 1}.png`);
    }

    // From the bottom: the last memo's "Back to top" goes to that memo's top...
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const backToTop = page.getByRole('link', { name: 'Back to top' }).last();
    const target = ((await backToTop.getAttribute('href')) as string).slice(1);
    await backToTop.click();
    await expectInView(page, target);

    // ...and "Back to contents" returns to the contents.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.getByRole('link', { name: 'Back to contents' }).last().click();
    await expectInView(page, 'contents');
    await screenshot(page, 'issue-back-to-contents.png');

    expect(errors).toEqual([]);
    await page.close();
  });
});
