// Debian's Chromium, driven by playwright-core, as every browser test launches it: headless, no
// sandbox (root in CI), and nothing that would make a request of its own (updates, sync, QUIC).
import type { Browser } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../src/export/pdf.js';

export const CHROMIUM = '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    // The flags PDF export launches with, and no sync or QUIC requests of its own either.
    args: [...CHROMIUM_ARGS, '--disable-sync', '--disable-quic'],
  });
}
