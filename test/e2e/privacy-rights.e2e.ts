/**
 * A privacy officer follows one client from consent to erasure on the Privacy page (issue 3,
 * "Done when"): in Debian's Chromium over the real router and a real encrypted store, the page
 * shows consent coverage across the book; the officer finds a demo client, opens their access
 * dossier (their name in a script-free frame), records their objection to outreach, and erases
 * them after typing their last name — the core agrees at each step, the client leaves the list,
 * and the audit log holds the erasure under the client's id. In English and in French.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, expectAccessible, screenshot, startE2E } from './support.js';


interface Loose {
  ok: boolean;
  value?: any;
  error?: { code: string };
}

async function core(e2e: E2E, channel: string, input: unknown): Promise<Loose> {
  return (await e2e.host.core.router.dispatch(channel, input)) as Loose;
}

describe('a client’s rights in Chromium: access, objection and erasure from the Privacy page', () => {
  let e2e: E2E;
  let client: { id: string; firstName: string; lastName: string };

  beforeAll(async () => {
    e2e = await startE2E({ demoClients: 200 });
    await e2e.page.getByRole('button', { name: 'Open the demo maison' }).click();
    await e2e.page.getByRole('table', { name: 'Clients' }).waitFor({ timeout: 60_000 });

    // An active client with at least one outreach channel granted, and a last name no one else has.
    const list = await core(e2e, 'clients.list', { limit: 200 });
    const items = list.value.items as { id: string; firstName: string; lastName: string; status: string }[];
    for (const item of items) {
      if (item.status !== 'active' || items.filter((i) => i.lastName === item.lastName).length > 1) continue;
      const consents = await core(e2e, 'privacy.consents.get', { clientId: item.id });
      if (consents.value.current.some((c: { purpose: string; state: string }) => c.purpose === 'outreach' && c.state === 'granted')) {
        client = item;
        break;
      }
    }
    expect(client).toBeDefined();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('shows consent coverage across the book, counts only', async () => {
    const { page } = e2e;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Privacy' }).click();
    await page.getByRole('heading', { level: 1, name: 'Privacy' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Consent coverage' }).waitFor();
    const coverage = page.getByRole('table', { name: 'Consent coverage' });
    await coverage.waitFor();
    const overview = await core(e2e, 'privacy.overview', {});
    const email = overview.value.coverage.find((s: { purpose: string; channel: string | null }) => s.purpose === 'outreach' && s.channel === 'email');
    const row = coverage.getByRole('row', { name: /^Outreach — Email/ });
    expect(await row.innerText()).toContain(String(email.granted));
    await coverage.getByRole('row', { name: /^Personalisation/ }).waitFor();
    await page.getByText(new RegExp(`^${overview.value.clients} clients in the book\\.`)).waitFor();
  });

  it('finds the client and shows their access dossier in a script-free frame', async () => {
    const { page } = e2e;
    const section = page.getByRole('region', { name: 'A client’s rights' });
    await section.getByRole('searchbox', { name: 'Find a client by name' }).fill(client.lastName);
    await section.getByRole('button', { name: new RegExp(client.lastName) }).first().click();
    await section.getByRole('group', { name: new RegExp(`Rights of .*${client.lastName}`) }).waitFor();
    await expectAccessible(page, 'privacy rights (client picked)');
    await section.getByRole('button', { name: 'Access — dossier' }).click();
    const frame = section.locator('iframe.rights__dossier');
    await frame.waitFor();
    // No scripts in the frame; the page reads it as the parent may (same origin kept for Print).
    expect(await frame.getAttribute('sandbox')).not.toContain('allow-scripts');
    const frameText = () => frame.evaluate((el) => (el as unknown as { contentDocument: { body: { innerText: string } | null } | null }).contentDocument?.body?.innerText ?? '');
    await expect.poll(frameText, { timeout: 10_000 }).toContain(client.lastName);
    expect(await frameText()).toContain(client.firstName);
    const json = section.getByRole('link', { name: 'Save the dossier as JSON' });
    expect(await json.getAttribute('href')).toMatch(/^blob:/);
    await page.getByRole('heading', { level: 2, name: 'A client’s rights' }).evaluate((el) => { el.scrollIntoView({ block: 'start' }); el.ownerDocument.defaultView?.scrollBy(0, -96); });
    await screenshot(page, 'e2e-40-privacy-rights-dossier');
    // Accessibility tools do not reach into the script-free frame: close it before the next scan.
    await section.getByRole('button', { name: 'Close the dossier' }).click();
    await frame.waitFor({ state: 'detached' });
  });

  it('records an objection to outreach, and the core agrees', async () => {
    const { page } = e2e;
    const section = page.getByRole('region', { name: 'A client’s rights' });
    await section.getByRole('button', { name: 'Object to outreach' }).click();
    await section.getByRole('status').filter({ hasText: /^Objection recorded: .+ withdrawn\.$/ }).waitFor();
    const consents = await core(e2e, 'privacy.consents.get', { clientId: client.id });
    const outreach = consents.value.current.filter((c: { purpose: string }) => c.purpose === 'outreach');
    expect(outreach.some((c: { state: string }) => c.state === 'granted')).toBe(false);
    expect(outreach.some((c: { state: string }) => c.state === 'withdrawn')).toBe(true);
  });

  it('erases the client after their last name is typed; the core, the list and the audit log agree', async () => {
    const { page } = e2e;
    const section = page.getByRole('region', { name: 'A client’s rights' });
    await section.getByRole('button', { name: 'Erase…' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    const confirm = dialog.getByRole('button', { name: 'Erase for good' });
    const typed = dialog.getByLabel(/Type the client’s last name/);
    await typed.fill('someone else');
    expect(await confirm.isDisabled()).toBe(true);
    await typed.fill(client.lastName);
    await expect.poll(() => confirm.isEnabled()).toBe(true);
    // Let the button's colour transition settle before contrast is measured.
    await page.waitForTimeout(400);
    await expectAccessible(page, 'erase dialog');
    await screenshot(page, 'e2e-41-privacy-erase-dialog');
    await confirm.click();
    await dialog.waitFor({ state: 'detached' });
    const shortId = client.id.slice(-6);
    await section.getByRole('status').filter({ hasText: /^Erased\. The audit log records the erasure under .+\.$/ }).waitFor();

    expect((await core(e2e, 'clients.get', { id: client.id })).error?.code).toBe('NOT_FOUND');
    const listed = await core(e2e, 'clients.list', { query: client.lastName, limit: 50 });
    expect((listed.value.items as { id: string }[]).map((i) => i.id)).not.toContain(client.id);
    const audit = await core(e2e, 'privacy.audit.list', { limit: 50 });
    const erasure = (audit.value.entries as { action: string; targetIds: string[] }[]).find((e) => e.action === 'privacy.rights.erase');
    expect(erasure?.targetIds).toContain(client.id);

    // The picker no longer finds them.
    await section.getByRole('searchbox', { name: 'Find a client by name' }).fill(client.lastName);
    await section.getByText('No client by that name.').waitFor();
    expect(await section.innerText()).toContain(`under …${shortId}`);
    await expectAccessible(page, 'privacy rights (after erasure)');
    await page.getByRole('heading', { level: 2, name: 'Consent coverage' }).evaluate((el) => { el.scrollIntoView({ block: 'start' }); el.ownerDocument.defaultView?.scrollBy(0, -96); });
    await screenshot(page, 'e2e-42-privacy-coverage');
  });

  it('says it in French', async () => {
    const { page } = e2e;
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { level: 1, name: 'Confidentialité' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Couverture des consentements' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Les droits d’un client' }).waitFor();
    const section = page.getByRole('region', { name: 'Les droits d’un client' });
    await section.getByRole('searchbox', { name: 'Trouver un client par son nom' }).fill('');
    await expectAccessible(page, 'privacy rights (fr)');
    await page.getByRole('heading', { level: 2, name: 'Couverture des consentements' }).evaluate((el) => { el.scrollIntoView({ block: 'start' }); el.ownerDocument.defaultView?.scrollBy(0, -96); });
    await screenshot(page, 'e2e-43-privacy-coverage-fr');
    await page.getByRole('button', { name: 'English' }).click();
  });
});
