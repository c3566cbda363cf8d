/**
 * Shared set-up for the end-to-end specs: a harness host over a fresh profiles folder, and
 * Debian's Chromium driven by playwright-core. Screenshots go to test-results/screens/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startHost, type Host } from '../harness/host.js';
import { tempDir } from '../support/tmp.js';

export const CHROMIUM = process.env.CARNET_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENS = path.resolve(import.meta.dirname, '../../test-results/screens');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface E2E {
  host: Host;
  browser: Browser;
  page: Page;
  profilesDir: string;
  /** While true, the page's Content-Security-Policy reports are expected and not counted as errors. */
  probingCsp: boolean;
  close(): Promise<void>;
}

export async function startE2E(options: { demoClients?: number; locale?: string } = {}): Promise<E2E> {
  const { dir, cleanup } = tempDir('carnet-e2e-');
  const profilesDir = path.join(dir, 'profiles');
  const host = await startHost({ profilesDir, demoClients: options.demoClients ?? 300 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: options.locale ?? 'en-GB', deviceScaleFactor: 1 });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  const e2e: E2E = {
    host,
    browser,
    page,
    profilesDir,
    probingCsp: false,
    async close() {
      await browser.close();
      await host.close();
      cleanup();
      if (problems.length > 0) throw new Error(`The page reported errors:\n${problems.join('\n')}`);
    },
  };
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (e2e.probingCsp && /Content Security Policy|Refused to/.test(message.text())) return;
    problems.push(`console: ${message.text()}`);
  });
  await page.goto(host.openUrl);
  return e2e;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENS, { recursive: true });
  const file = path.join(SCREENS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}
