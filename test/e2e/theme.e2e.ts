/**
 * Light and dark: the page follows the system's colour scheme unless the advisor chose one in
 * Settings (kept on this laptop, applied at once and after a reload). The dark pages pass the
 * same accessibility scan (contrast included) as the light ones.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, expectAccessible, screenshot, startE2E } from './support.js';

const LIGHT_BG = 'rgb(247, 244, 238)';
const DARK_BG = 'rgb(21, 18, 15)';

async function background(page: Page): Promise<string> {
  return page.evaluate('getComputedStyle(document.body).backgroundColor') as Promise<string>;
}


describe('light and dark in Chromium', () => {
  let e2e: E2E;
  let clientId: string;

  beforeAll(async () => {
    e2e = await startE2E({ demoClients: 40 });
    await e2e.page.getByRole('button', { name: 'Open the demo maison' }).click();
    await e2e.page.getByRole('table', { name: 'Clients' }).waitFor({ timeout: 60_000 });
    const list = (await e2e.host.core.router.dispatch('clients.list', { limit: 40 })) as { ok: true; value: { items: { id: string; status: string }[] } };
    clientId = list.value.items.find((c) => c.status === 'active')!.id;
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it('follows the system: ivory by day, dark in the evening, and stays accessible', async () => {
    const { page } = e2e;
    await page.emulateMedia({ colorScheme: 'light' });
    await page.evaluate(`window.location.hash = '#/clients/${clientId}'`);
    await page.getByRole('heading', { level: 2, name: 'Timeline' }).waitFor();
    expect(await background(page)).toBe(LIGHT_BG);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => background(page)).toBe(DARK_BG);
    await expectAccessible(page, 'client 360 (dark)');
    await screenshot(page, 'e2e-theme-01-client360-dark');
    await page.evaluate(`window.location.hash = '#/clients/${clientId}/brief'`);
    await page.getByRole('heading', { level: 2, name: 'What to remember' }).waitFor();
    await expectAccessible(page, 'brief (dark)');
    await screenshot(page, 'e2e-theme-02-brief-dark');
  });

  it('keeps the advisor’s choice over the system’s, on this laptop, after a reload', async () => {
    const { page } = e2e;
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.evaluate(`window.location.hash = '#/settings'`);
    await page.getByRole('heading', { level: 2, name: 'Appearance' }).waitFor();
    await page.getByRole('radio', { name: 'Light' }).check();
    await expect.poll(() => background(page)).toBe(LIGHT_BG);
    await page.reload();
    // The session lives in the core: the reloaded page is still on Settings, book open.
    await page.getByRole('heading', { level: 2, name: 'Appearance' }).waitFor({ timeout: 30_000 });
    expect(await page.getByRole('radio', { name: 'Light' }).isChecked()).toBe(true);
    expect(await background(page)).toBe(LIGHT_BG);
    expect(await page.evaluate('document.documentElement.dataset.theme')).toBe('light');
  });

  it('goes back to the system’s scheme when asked', async () => {
    const { page } = e2e;
    await page.getByRole('radio', { name: 'As the system' }).check();
    await expect.poll(() => background(page)).toBe(DARK_BG);
    await screenshot(page, 'e2e-theme-03-system-dark');
  });
});
