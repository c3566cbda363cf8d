/**
 * Shared set-up for the end-to-end specs: a harness host over a fresh profiles folder, and
 * Debian's Chromium driven by playwright-core. Screenshots go to test-results/screens/.
 */
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
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

/** Waits for the page's finite animations (a dialog rising, a menu fading in) to end. */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(
    'Promise.all(document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Infinity).map((a) => a.finished.catch(() => null)))',
  );
}

/**
 * axe-core over the page as it is (WCAG 2.0/2.1 A and AA): no serious or critical violation.
 * Animations are let to finish first, so contrast is never measured half-way through a fade.
 */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  await settled(page);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${name}: ${v.id} (${v.nodes.length}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
}
