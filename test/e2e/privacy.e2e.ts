/**
 * The renderer gets only what a purpose allows (issue 3, item 10), and the Privacy page (item 9):
 * in Debian's Chromium over the real router and a real encrypted store, an advisor withdraws a
 * demo client's personalisation consent through the client's page; the preferences and moments
 * leave the page without a reload, the core agrees, and the Privacy page lists the purge, says
 * the audit log is intact and shows the record of processing — in English and in French.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, expectAccessible, SCREENS, screenshot, startE2E } from './support.js';


/** The whole page, for looking at; the spec's own screenshots stay at 1440×900. */
async function fullPage(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENS, { recursive: true });
  // From the top, so that the sticky header is not printed across the middle of the page.
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage: true });
}

interface Loose {
  ok: boolean;
  value?: any;
  error?: { code: string };
}

async function core(e2e: E2E, channel: string, input: unknown): Promise<Loose> {
  return (await e2e.host.core.router.dispatch(channel, input)) as Loose;
}

/** Set in the page before the withdrawal; a reload would lose it. */
const markerOf = (page: Page) => page.evaluate('window.__carnetMarker ?? null') as Promise<string | null>;

describe('privacy in Chromium: a withdrawal hides at once, and the Privacy page accounts for it', () => {
  let e2e: E2E;
  let client: { id: string; firstName: string; lastName: string; honorific: string | null; preferences: { value: string; label: string }[]; moments: { label: string | null }[] };

  beforeAll(async () => {
    e2e = await startE2E({ demoClients: 300 });
    await e2e.page.getByRole('button', { name: 'Open the demo maison' }).click();
    await e2e.page.getByRole('table', { name: 'Clients' }).waitFor({ timeout: 60_000 });

    // A client whose personalisation is granted, with several preferences and moments.
    const list = await core(e2e, 'clients.list', { limit: 200 });
    for (const item of list.value.items as { id: string }[]) {
      const c = await core(e2e, 'clients.get', { id: item.id });
      if (!c.ok || c.value.status !== 'active' || !c.value.personalisation) continue;
      if ((c.value.categoryCounts.preferences ?? 0) >= 4 && (c.value.categoryCounts.moments ?? 0) >= 2) {
        client = c.value;
        break;
      }
    }
    expect(client).toBeDefined();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('shows the client’s preferences, moments and consents', async () => {
    const { page } = e2e;
    await page.evaluate(`window.location.hash = '#/clients/${client.id}'`);
    await page.getByRole('heading', { level: 1 }).filter({ hasText: client.lastName }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Preferences & sizes' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Moments', exact: true }).waitFor();
    await page.getByRole('table', { name: 'Consents' }).waitFor();
    const portrait = await page.locator('.client__preferences').innerText();
    expect(portrait).toContain(client.preferences[0]?.value ?? '—');
    expect(await page.locator('.moment').count()).toBe(client.moments.length);
    // The personalisation row says granted, with a way to withdraw it.
    const row = page.getByRole('row', { name: /^Personalisation/ });
    expect(await row.innerText()).toContain('Granted');
    await page.evaluate(`window.__carnetMarker = 'set before the withdrawal'`);
    await expectAccessible(page, 'client');
    await screenshot(page, 'e2e-30-client-portrait');
    await fullPage(page, 'e2e-30b-client-portrait-full');
  });

  it('withdraws personalisation through the dialog, and both sections leave the page without a reload', async () => {
    const { page } = e2e;
    const url = page.url();
    const withdraw = page.getByRole('button', { name: 'Withdraw… — Personalisation' });
    const dialog = page.getByRole('dialog', { name: 'Record a withdrawal' });
    // Escape closes the dialog only — the page stays, and the focus is back on the button.
    await withdraw.click();
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(page.url()).toBe(url);
    await expect.poll(() => withdraw.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);

    await withdraw.click();
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('are hidden');
    await dialog.getByRole('radio', { name: 'Signed form' }).check();
    expect(await dialog.getByLabel('Notice version').inputValue()).toMatch(/^v\d/);
    await dialog.getByLabel('Evidence (optional)').fill('Signed form ref. F-2026-0042');
    await expectAccessible(page, 'consent dialog');
    await screenshot(page, 'e2e-31-withdraw-dialog');
    await dialog.getByRole('button', { name: 'Record the withdrawal' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Gone from the page, replaced by one quiet line — in the same document.
    await page.getByRole('heading', { level: 2, name: 'Preferences & sizes' }).waitFor({ state: 'detached' });
    expect(await page.getByRole('heading', { level: 2, name: 'Moments', exact: true }).count()).toBe(0);
    expect(await page.locator('.moment, .pref').count()).toBe(0);
    await page.getByText(/^Hidden: personalisation consent withdrawn on .+; queued for purge on .+\.$/).waitFor();
    await page.getByRole('status').filter({ hasText: 'Withdrawal recorded.' }).waitFor();
    expect(await markerOf(page)).toBe('set before the withdrawal');
    expect(page.url()).toBe(url);
    // Nothing of what is hidden is left in the document.
    const text = await page.locator('#content').innerText();
    for (const p of client.preferences) if (p.value.length > 5) expect(text).not.toContain(p.value);
    for (const m of client.moments) if (m.label && m.label.length > 12) expect(text).not.toContain(m.label);
    const row = page.getByRole('row', { name: /^Personalisation/ });
    expect(await row.innerText()).toContain('Withdrawn');

    // The core agrees.
    const consents = await core(e2e, 'privacy.consents.get', { clientId: client.id });
    const personalisation = consents.value.current.find((c: { purpose: string }) => c.purpose === 'personalisation');
    expect(personalisation).toMatchObject({ state: 'withdrawn', lawful: false, source: 'signed_form' });
    expect(consents.value.history[0]).toMatchObject({ purpose: 'personalisation', action: 'withdraw', evidence: 'Signed form ref. F-2026-0042' });
    const seen = await core(e2e, 'clients.get', { id: client.id });
    expect(seen.value).toMatchObject({ personalisation: false, preferences: null, moments: null });

    await expectAccessible(page, 'client after withdrawal');
    await screenshot(page, 'e2e-32-client-withdrawn');
    await fullPage(page, 'e2e-32b-client-withdrawn-full');
  });

  it('lists the pending purge on the Privacy page, verifies the audit log and shows the record of processing', async () => {
    const { page } = e2e;
    // The client also asked, in boutique, to see what is held about them.
    const request = await core(e2e, 'privacy.requests.open', { clientId: client.id, right: 'access', receivedAt: new Date().toISOString() });
    expect(request.ok, JSON.stringify(request.error)).toBe(true);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Privacy' }).click();
    await page.getByRole('heading', { level: 1, name: 'Privacy' }).waitFor();
    expect(await page.title()).toBe('Privacy — Carnet');
    expect(await markerOf(page)).toBe('set before the withdrawal');

    // The purge this withdrawal queued, linked to the client, due after the grace period.
    const purges = page.getByRole('table', { name: 'Awaiting deletion' });
    const name = new RegExp(`${client.firstName}\\s+${client.lastName}`);
    await purges.getByRole('link', { name }).waitFor();
    const row = purges.getByRole('row').filter({ has: page.getByRole('link', { name }) }).filter({ hasText: 'Personalisation' });
    expect(await row.innerText()).toContain('Personalisation consent withdrawn');
    expect(await row.innerText()).toMatch(/Preferences/);

    // The register of requests has it, due within a month.
    const requests = page.getByRole('table', { name: 'Clients’ requests' });
    const requestRow = requests.getByRole('row').filter({ has: page.getByRole('link', { name }) });
    await requestRow.waitFor();
    expect(await requestRow.innerText()).toMatch(/Access to their data[\s\S]*Due in (4 weeks|1 month|next month)/);

    // Data past its retention period waits for a decision; keeping it is said at once.
    const retention = page.getByRole('table', { name: 'Due for review' });
    await retention.getByRole('button', { name: /^Keep/ }).first().click();
    await page.getByRole('status').filter({ hasText: /^Kept: .+ until the next review on .+\.$/ }).waitFor();

    await page.getByText(/^The audit log is intact — [\d,]+ entries, verified just now\.$/).waitFor();
    const audit = page.getByRole('table', { name: 'Latest entries' });
    await audit.waitFor();
    // The consent change is in the log, under the client's id; older pages load on request.
    for (let page_ = 0; page_ < 6 && !(await audit.innerText()).includes('Consent change recorded'); page_++) {
      const rows = await audit.getByRole('row').count();
      await page.getByRole('button', { name: 'Show older entries' }).click();
      await expect.poll(() => audit.getByRole('row').count()).toBeGreaterThan(rows);
    }
    const auditText = await audit.innerText();
    expect(auditText).toContain('Consent change recorded');
    expect(auditText).toContain(client.id.slice(-6));
    // Identifiers only: no client's name in the audit log.
    expect(auditText).not.toContain(client.lastName);

    await page.getByRole('heading', { level: 2, name: 'Record of processing activities' }).waitFor();
    await page.getByRole('heading', { level: 3, name: /Purposes and lawful bases/ }).waitFor();
    expect(await page.locator('.record').innerText()).toContain('Lawful basis: consent');

    await expectAccessible(page, 'privacy');
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'e2e-33-privacy');
    await fullPage(page, 'e2e-33b-privacy-full');
  });

  it('says it all in French', async () => {
    const { page } = e2e;
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { level: 1, name: 'Confidentialité' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await page.getByRole('heading', { level: 2, name: 'Registre des activités de traitement' }).waitFor();
    await page.getByRole('heading', { level: 3, name: /Finalités et bases légales/ }).waitFor();
    expect(await page.locator('.record').innerText()).toContain('Base légale\u00a0: consentement');
    await page.getByText(/^Le journal d’audit est intact — .+ inscriptions, vérifié .+\.$/).waitFor();
    const purges = page.getByRole('table', { name: 'En attente de suppression' });
    await purges.getByRole('link', { name: new RegExp(client.lastName) }).waitFor();
    expect(await page.locator('#content').innerText()).toContain('Personnalisation\u00a0: consentement retiré');
    await expectAccessible(page, 'privacy (fr)');
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'e2e-34-privacy-fr');
    await fullPage(page, 'e2e-34b-privacy-fr-full');

    // And the client's page, in French, says why its portrait is hidden.
    await page.evaluate(`window.location.hash = '#/clients/${client.id}'`);
    await page.getByText(/^Masqués\u00a0: consentement à la personnalisation retiré le .+\u202f; suppression prévue le .+\.$/).waitFor();
    expect(await markerOf(page)).toBe('set before the withdrawal');
    await expectAccessible(page, 'client (fr)');
    await screenshot(page, 'e2e-35-client-withdrawn-fr');
    await page.getByRole('button', { name: 'English' }).click();
  });
});
