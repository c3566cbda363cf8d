/**
 * What happens around a client, recorded from the Client 360 (issue 4): an appointment in the
 * private salon (its note's card number caught and redacted), seen in the timeline and the brief,
 * then marked held; a resizing case moved on to ready and closed (and the closing undone once); a
 * purchase of ¥380,000 in English and of 4 250,00 € in French, a fraction of a yen or of a cent
 * refused; a gift from the "Record…" menu, warned before it repeats; the full gift ledger. The
 * dialogs' free text read by the scanner as it is typed: a card number seen and redacted before
 * saving, a health term seen and never kept, a clean text left alone.
 * In Debian's Chromium through the harness, over the real router and a real encrypted store.
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

/** `YYYY-MM-DD` in this machine's time zone (the browser's too), `days` from today. */
function localDay(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

describe('recording appointments, after-sales, purchases and gifts from the Client 360', () => {
  let e2e: E2E;
  let client: { id: string; firstName: string; lastName: string };
  let base: string;

  async function openClient(page: Page): Promise<void> {
    await page.goto(`${base}#/clients/${client.id}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(client.lastName) }).waitFor();
    await page.getByRole('heading', { level: 2, name: /^(Timeline|Chronologie)$/ }).waitFor();
  }

  async function record(page: Page, menu: string, item: string): Promise<void> {
    await page.getByRole('button', { name: menu }).click();
    await page.getByRole('menuitem', { name: item }).click();
  }

  beforeAll(async () => {
    e2e = await startE2E({ demoClients: 60 });
    await e2e.page.getByRole('button', { name: 'Open the demo maison' }).click();
    await e2e.page.getByRole('table', { name: 'Clients' }).waitFor({ timeout: 60_000 });
    const url = new URL(e2e.page.url());
    base = `${url.origin}${url.pathname}`;
    // An active client whose consents show gifts, purchases, appointments and after-sales, with
    // gifts already in her ledger and no appointment or after-sales case yet.
    const list = await core(e2e, 'clients.list', { limit: 60 });
    let best = -1;
    for (const item of list.value.items as { id: string }[]) {
      const r = await core(e2e, 'clients.get360', { id: item.id });
      const v = r.value;
      if (!r.ok || v.client.status !== 'active' || !v.client.personalisation || v.gifts === null || v.openAfterSales === null || v.upcomingAppointments === null || v.relationship.spend === null) continue;
      if (v.upcomingAppointments.length > 0 || v.openAfterSales.length > 0) continue;
      if (v.gifts.length > best) {
        best = v.gifts.length;
        client = v.client;
      }
    }
    expect(client).toBeDefined();
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it('schedules an appointment in the private salon, catches a card number in its note, and shows it in the timeline and the brief', async () => {
    const { page } = e2e;
    await openClient(page);
    await record(page, 'Record…', 'An appointment');
    const dialog = page.getByRole('dialog', { name: 'Schedule an appointment' });
    await dialog.waitFor();
    const day = localDay(3);
    await dialog.getByLabel('Day', { exact: true }).fill(day);
    await dialog.getByLabel('Time', { exact: true }).fill('15:30');
    await dialog.getByRole('radio', { name: 'Private salon' }).check();
    await dialog.getByLabel('Purpose', { exact: true }).fill('Fitting of the Serpentine ring');
    await dialog.getByLabel('Note', { exact: true }).fill('She will pay with the card 4111 1111 1111 1111 as last time.');
    // Seen as typed, before anything is saved.
    await dialog.locator('.live-findings').getByText('A card number').waitFor({ timeout: 10_000 });
    await expectAccessible(page, 'appointment dialog');
    await screenshot(page, 'e2e-records-01-appointment-dialog');
    await dialog.getByRole('button', { name: 'Schedule', exact: true }).click();
    // Saved anyway: the core refused the note (the backstop): the finding is shown, nothing was written.
    await dialog.getByRole('alert').getByText('A card number').waitFor({ timeout: 10_000 });
    expect(await dialog.locator('.live-findings').count()).toBe(0);
    expect((await core(e2e, 'clients.get360', { id: client.id })).value.upcomingAppointments).toHaveLength(0);
    await expectAccessible(page, 'appointment findings');
    await screenshot(page, 'e2e-records-02-appointment-findings');
    await dialog.getByRole('button', { name: 'Redact and save' }).click();
    await expect.poll(() => dialog.count(), { timeout: 10_000 }).toBe(0);

    const upcoming = (await core(e2e, 'clients.get360', { id: client.id })).value.upcomingAppointments as { id: string; startsAt: string; place: string; purpose: string; note: string }[];
    expect(upcoming).toHaveLength(1);
    expect(upcoming[0]?.place).toBe('private_salon');
    expect(upcoming[0]?.startsAt).toBe(new Date(`${day}T15:30:00`).toISOString());
    expect(upcoming[0]?.note).not.toContain('4111');

    const planned = page.locator('.entries--ahead .entry--appointment').first();
    await expect.poll(() => planned.textContent(), { timeout: 10_000 }).toContain('Fitting of the Serpentine ring');
    expect(await planned.locator('.entry__kind').textContent()).toContain('Private salon');
    await planned.scrollIntoViewIfNeeded();
    await page.evaluate('window.scrollBy(0, -160)');
    await screenshot(page, 'e2e-records-03-appointment-timeline');

    await page.keyboard.press('b');
    await page.getByText('Fitting of the Serpentine ring').first().waitFor({ timeout: 10_000 });
    await expectAccessible(page, 'brief with the appointment');
    await screenshot(page, 'e2e-records-04-brief-appointment');
    await page.keyboard.press('Escape');
  });

  it('marks the planned appointment held from the timeline', async () => {
    const { page } = e2e;
    await openClient(page);
    // "Appointments to come" (AppointmentsSection), once the Client 360 renders it: cancel, then undo.
    const section = page.locator('.client__appointments');
    if ((await section.count()) > 0) {
      const row = section.locator('.appointment-row', { hasText: 'Fitting of the Serpentine ring' });
      await row.waitFor({ timeout: 10_000 });
      expect(await row.textContent()).toContain('Private salon');
      await section.scrollIntoViewIfNeeded();
      await expectAccessible(page, 'appointments to come');
      await screenshot(page, 'e2e-records-03b-appointments-section');
      await row.getByRole('button', { name: 'Cancelled' }).click();
      await section.getByText(/is marked cancelled\.$/).waitFor({ timeout: 10_000 });
      await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(0);
      await section.getByRole('button', { name: 'Undo' }).click();
      await row.waitFor({ timeout: 10_000 });
    }
    const planned = page.locator('.entries--ahead .entry--appointment').first();
    await planned.waitFor();
    await planned.getByRole('button', { name: 'Held' }).click();
    await expect.poll(async () => (await core(e2e, 'clients.get360', { id: client.id })).value.upcomingAppointments.length, { timeout: 10_000 }).toBe(0);
    await expect.poll(() => page.locator('.entries--ahead .entry--appointment .entry__kind').first().textContent(), { timeout: 10_000 }).toContain('Held');
    expect(await page.locator('.entries--ahead .entry--appointment').first().getByRole('button', { name: 'Held' }).count()).toBe(0);
  });

  it('opens a resizing case and moves it on to ready, then closed — undoing the closing once', async () => {
    const { page } = e2e;
    await record(page, 'Record…', 'An after-sales case');
    const dialog = page.getByRole('dialog', { name: 'Open an after-sales case' });
    await dialog.waitFor();
    await dialog.getByRole('radio', { name: 'Resizing' }).check();
    await dialog.getByLabel('Piece', { exact: true }).fill('Serpentine ring, white gold');
    await dialog.getByLabel('Note for the workshop', { exact: true }).fill('From 52 to 54; promised for her anniversary dinner.');
    await expectAccessible(page, 'after-sales dialog');
    await screenshot(page, 'e2e-records-05-aftersales-dialog');
    await dialog.getByRole('button', { name: 'Open the case' }).click();
    await expect.poll(() => dialog.count(), { timeout: 10_000 }).toBe(0);

    const section = page.locator('.client__aftersales');
    const row = section.locator('.aftersales-row', { hasText: 'Serpentine ring, white gold' });
    await row.waitFor({ timeout: 10_000 });
    await row.getByText('Open', { exact: true }).waitFor();
    await row.getByRole('button', { name: /Sent to the workshop/ }).click();
    await row.getByText('In the workshop', { exact: true }).waitFor({ timeout: 10_000 });
    // Keyboard: the next step is a button in the row's tab order.
    const ready = row.getByRole('button', { name: /Ready to collect/ });
    await ready.focus();
    await page.keyboard.press('Enter');
    await row.getByText('Ready to collect', { exact: true }).waitFor({ timeout: 10_000 });
    await section.scrollIntoViewIfNeeded();
    await page.evaluate('window.scrollBy(0, -120)');
    await expectAccessible(page, 'after-sales ready');
    await screenshot(page, 'e2e-records-06-aftersales-ready');

    const caseId = async (): Promise<{ status: string } | undefined> => {
      const timeline = await core(e2e, 'clients.timeline', { id: client.id, kinds: ['after_sales'], limit: 50 });
      return (timeline.value.items as { afterSales: { item: string; status: string } }[]).map((i) => i.afterSales).find((s) => s.item === 'Serpentine ring, white gold');
    };
    expect((await caseId())?.status).toBe('ready');
    await row.getByRole('button', { name: /Collected — close/ }).click();
    await section.getByText('“Serpentine ring, white gold” is closed.').waitFor({ timeout: 10_000 });
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(0);
    expect((await caseId())?.status).toBe('closed');
    await screenshot(page, 'e2e-records-07-aftersales-closed-undo');
    await section.getByRole('button', { name: 'Undo' }).click();
    await row.getByText('Ready to collect', { exact: true }).waitFor({ timeout: 10_000 });
    expect((await caseId())?.status).toBe('ready');
    await row.getByRole('button', { name: /Collected — close/ }).click();
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(0);
    expect((await caseId())?.status).toBe('closed');
  });

  it('records a purchase of ¥380,000 in English, and refuses a fraction of a yen', async () => {
    const { page } = e2e;
    await page.evaluate('window.scrollTo(0, 0)');
    await record(page, 'Record…', 'A purchase');
    const dialog = page.getByRole('dialog', { name: 'Record a purchase' });
    await dialog.waitFor();
    await dialog.getByLabel('Piece', { exact: true }).fill('Kintsugi lacquer box');
    await dialog.getByLabel('Category', { exact: true }).selectOption('home');
    await dialog.getByLabel('Currency', { exact: true }).selectOption('JPY');
    await dialog.getByLabel('Amount', { exact: true }).fill('¥380,000.50');
    await dialog.getByRole('button', { name: 'Record the purchase' }).click();
    await dialog.getByText('JPY amounts have no decimals: enter a whole amount.').waitFor();
    await expectAccessible(page, 'purchase fraction refused');
    await screenshot(page, 'e2e-records-08-purchase-fraction-en');
    await dialog.getByLabel('Amount', { exact: true }).fill('¥380,000');
    // en-GB writes the yen "JP¥".
    await dialog.getByText(/^Reads as (JP)?¥380,000\.$/).waitFor();
    await screenshot(page, 'e2e-records-09-purchase-dialog-en');
    await dialog.getByRole('button', { name: 'Record the purchase' }).click();
    await expect.poll(() => dialog.count(), { timeout: 10_000 }).toBe(0);
    const entry = page.locator('.entries--past .entry--purchase', { hasText: 'Kintsugi lacquer box' });
    await entry.waitFor({ timeout: 10_000 });
    expect(await entry.locator('.entry__aside').textContent()).toMatch(/^(JP)?¥380,000$/);
    const purchases = await core(e2e, 'clients.timeline', { id: client.id, kinds: ['purchase'], limit: 5 });
    const bought = (purchases.value.items as { purchase: { item: string; amountMinor: number; currency: string } }[]).find((i) => i.purchase.item === 'Kintsugi lacquer box');
    expect(bought?.purchase).toMatchObject({ amountMinor: 380_000, currency: 'JPY' });
    await entry.scrollIntoViewIfNeeded();
    await page.evaluate('window.scrollBy(0, -200)');
    await screenshot(page, 'e2e-records-10-purchase-timeline-en');
  });

  it('records a gift from the 360 menu, warns before it repeats, and opens the full ledger', async () => {
    const { page } = e2e;
    await page.evaluate('window.scrollTo(0, 0)');
    const gift = `Calissons d’Aix, coffret ${Date.now() % 1000}`;
    for (const occasion of ['Thank-you', 'Christmas']) {
      await record(page, 'Record…', 'A gift');
      const dialog = page.getByRole('dialog', { name: 'Record a gift' });
      await dialog.waitFor();
      await dialog.getByLabel('Occasion', { exact: true }).fill(occasion);
      await dialog.getByLabel('Gift', { exact: true }).fill(gift);
      await dialog.getByRole('button', { name: 'Record the gift' }).click();
      if (occasion === 'Thank-you') {
        await expect.poll(() => dialog.count(), { timeout: 10_000 }).toBe(0);
        continue;
      }
      await dialog.getByText(/^Already given on /).waitFor({ timeout: 10_000 });
      await expectAccessible(page, 'gift repeat from the 360');
      await screenshot(page, 'e2e-records-11-gift-repeat');
      await dialog.getByRole('button', { name: 'Choose another gift' }).click();
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.count()).toBe(0);
    }
    const section = page.locator('.client__gifts');
    await section.getByText(gift).waitFor({ timeout: 10_000 });
    await section.scrollIntoViewIfNeeded();
    await page.evaluate('window.scrollBy(0, -120)');
    await screenshot(page, 'e2e-records-12-gifts-section');
    const total = (await core(e2e, 'gifts.list', { clientId: client.id })).value.gifts.length as number;
    const all = section.getByRole('link', { name: total === 1 ? /The ledger/ : new RegExp(`All ${total} gifts`) });
    await all.click();
    await page.getByRole('heading', { level: 1, name: 'Gift ledger' }).waitFor();
    await page.getByText(gift).waitFor();
    // The ledger opens without the dialog.
    expect(await page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => page.locator('.gift-book__row').count()).toBe(total);
    await expectAccessible(page, 'gift ledger');
    await screenshot(page, 'e2e-records-13-gift-ledger');
  });

  it('records a purchase of 4 250,00 € in French, and refuses a thousandth of a euro', async () => {
    const { page } = e2e;
    await openClient(page);
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { level: 2, name: 'Chronologie' }).waitFor();
    await record(page, 'Consigner…', 'Un achat');
    const dialog = page.getByRole('dialog', { name: 'Noter un achat' });
    await dialog.waitFor();
    await dialog.getByLabel('Pièce', { exact: true }).fill('Sac Promenade, veau grainé');
    await dialog.getByLabel('Catégorie', { exact: true }).selectOption('leather_goods');
    await dialog.getByLabel('Devise', { exact: true }).selectOption('EUR');
    await dialog.getByLabel('Montant', { exact: true }).fill('4 250,005');
    await dialog.getByRole('button', { name: 'Noter l’achat' }).click();
    await dialog.getByText('En EUR, pas plus de 2 décimales\u00a0: il n’existe pas d’unité plus petite.').waitFor();
    await expectAccessible(page, 'purchase fraction refused (fr)');
    await screenshot(page, 'e2e-records-14-purchase-fraction-fr');
    await dialog.getByLabel('Montant', { exact: true }).fill('4 250,00');
    await dialog.getByText(/^Lu\u00a0: 4\u202f250,00\u00a0€\.$/).waitFor();
    await screenshot(page, 'e2e-records-15-purchase-dialog-fr');
    await dialog.getByRole('button', { name: 'Noter l’achat' }).click();
    await expect.poll(() => dialog.count(), { timeout: 10_000 }).toBe(0);
    const entry = page.locator('.entries--past .entry--purchase', { hasText: 'Sac Promenade, veau grainé' });
    await entry.waitFor({ timeout: 10_000 });
    expect(await entry.locator('.entry__aside').textContent()).toBe('4\u202f250,00\u00a0€');
    const purchases = await core(e2e, 'clients.timeline', { id: client.id, kinds: ['purchase'], limit: 5 });
    const bought = (purchases.value.items as { purchase: { item: string; amountMinor: number; currency: string } }[]).find((i) => i.purchase.item === 'Sac Promenade, veau grainé');
    expect(bought?.purchase).toMatchObject({ amountMinor: 425_000, currency: 'EUR' });
    await entry.scrollIntoViewIfNeeded();
    await page.evaluate('window.scrollBy(0, -200)');
    await expectAccessible(page, 'client 360 after the purchase (fr)');
    await screenshot(page, 'e2e-records-16-purchase-timeline-fr');

    // The appointment dialog and the after-sales section, in French.
    await page.evaluate('window.scrollTo(0, 0)');
    await record(page, 'Consigner…', 'Un rendez-vous');
    const appointment = page.getByRole('dialog', { name: 'Prévoir un rendez-vous' });
    await appointment.waitFor();
    await appointment.getByRole('radio', { name: 'Salon privé' }).check();
    await expectAccessible(page, 'appointment dialog (fr)');
    await screenshot(page, 'e2e-records-17-appointment-dialog-fr');
    await page.keyboard.press('Escape');
    await expect.poll(() => appointment.count()).toBe(0);

    // The ledger in French, opened to record (`?record=1`): the dialog is there at once.
    await page.goto(`${base}#/clients/${client.id}/gift?record=1`);
    const gift = page.getByRole('dialog', { name: 'Noter un cadeau' });
    await gift.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => gift.count()).toBe(0);
    expect(new URL(page.url()).hash).toBe(`#/clients/${client.id}/gift`);
    await page.getByRole('heading', { level: 1, name: 'Registre des cadeaux' }).waitFor();
    await expectAccessible(page, 'gift ledger (fr)');
    await screenshot(page, 'e2e-records-18-gift-ledger-fr');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gift ledger' }).waitFor();
  });

  it('reads an appointment’s purpose and note as they are typed: nothing for a clean text, a card number seen and redacted before saving', async () => {
    const { page } = e2e;
    await openClient(page);
    const before = (await core(e2e, 'clients.get360', { id: client.id })).value.upcomingAppointments.length as number;
    await record(page, 'Record…', 'An appointment');
    const dialog = page.getByRole('dialog', { name: 'Schedule an appointment' });
    await dialog.waitFor();
    const live = dialog.locator('.live-findings');
    await dialog.getByLabel('Day', { exact: true }).fill(localDay(5));
    await dialog.getByLabel('Time', { exact: true }).fill('10:00');
    const purpose = dialog.getByLabel('Purpose', { exact: true });
    const note = dialog.getByLabel('Note', { exact: true });
    await purpose.fill('Choosing a gift for her sister');
    await note.pressSequentially('Prefers the morning; she will come with her sister.', { delay: 5 });
    // A clean text: no alarm, however long one waits.
    await page.waitForTimeout(1_200);
    expect(await live.count()).toBe(0);
    await screenshot(page, 'e2e-records-20-appointment-clean');

    await note.fill('She will pay with the card 4111 1111 1111 1111');
    await live.getByText('A card number').waitFor({ timeout: 10_000 });
    expect(await live.locator('.finding__quote').textContent()).toBe('4111 1111 1111 1111');
    expect(await live.getByText('May be kept, with a reason').count()).toBe(1);
    // Typing on: the finding stays put, no flicker between keystrokes.
    for (const key of ' as last time.') {
      await note.press(key === ' ' ? 'Space' : key);
      expect(await live.count()).toBe(1);
    }
    // Nothing was stored by scanning.
    expect((await core(e2e, 'clients.get360', { id: client.id })).value.upcomingAppointments).toHaveLength(before);
    await expectAccessible(page, 'appointment live finding');
    await screenshot(page, 'e2e-records-21-appointment-live-card');

    await live.getByRole('button', { name: 'Redact now' }).click();
    await expect.poll(() => note.inputValue(), { timeout: 10_000 }).toBe('She will pay with the card [redacted] as last time.');
    await expect.poll(() => live.count(), { timeout: 10_000 }).toBe(0);
    await page.waitForTimeout(800);
    expect(await live.count()).toBe(0);
    await screenshot(page, 'e2e-records-22-appointment-redacted');
    await dialog.getByRole('button', { name: 'Schedule', exact: true }).click();
    await expect.poll(() => dialog.count(), { timeout: 10_000 }).toBe(0);
    const upcoming = (await core(e2e, 'clients.get360', { id: client.id })).value.upcomingAppointments as { purpose: string; note: string }[];
    const saved = upcoming.find((a) => a.purpose === 'Choosing a gift for her sister');
    expect(saved?.note).toBe('She will pay with the card [redacted] as last time.');
  });

  it('flags a health term in an after-sales note as it is typed, never keeps it, and saves the rephrased note', async () => {
    const { page } = e2e;
    await page.evaluate('window.scrollTo(0, 0)');
    await record(page, 'Record…', 'An after-sales case');
    const dialog = page.getByRole('dialog', { name: 'Open an after-sales case' });
    await dialog.waitFor();
    const live = dialog.locator('.live-findings');
    const piece = 'Tank watch, steel';
    await dialog.getByRole('radio', { name: 'Repair' }).check();
    await dialog.getByLabel('Piece', { exact: true }).fill(piece);
    const note = dialog.getByLabel('Note for the workshop', { exact: true });
    await note.pressSequentially('Shorten the strap; she mentioned her diabetes.', { delay: 5 });
    await live.getByText(/^Special-category data/).waitFor({ timeout: 10_000 });
    expect(await live.getByText('Can never be kept').count()).toBe(1);
    expect(await live.getByText('Carnet never keeps this — redact it or rephrase:').count()).toBe(1);
    expect(await dialog.getByRole('button', { name: 'Keep, with a reason' }).count()).toBe(0);
    await expectAccessible(page, 'after-sales live health term');
    await screenshot(page, 'e2e-records-23-aftersales-live-health');

    // Saved anyway: the core refuses it, and it cannot be kept.
    await dialog.getByRole('button', { name: 'Open the case' }).click();
    await dialog.getByRole('alert').getByText(/^Special-category data/).waitFor({ timeout: 10_000 });
    expect(await dialog.getByRole('button', { name: 'Keep, with a reason' }).count()).toBe(0);
    const cases = async (): Promise<{ item: string; note: string | null }[]> => {
      const timeline = await core(e2e, 'clients.timeline', { id: client.id, kinds: ['after_sales'], limit: 50 });
      return (timeline.value.items as { afterSales: { item: string; note: string | null } }[]).map((i) => i.afterSales).filter((c) => c.item === piece);
    };
    expect(await cases()).toHaveLength(0);
    await screenshot(page, 'e2e-records-24-aftersales-refused-health');

    await dialog.getByRole('button', { name: 'Rephrase' }).click();
    await note.fill('Shorten the strap by two holes.');
    await page.waitForTimeout(1_200);
    expect(await live.count()).toBe(0);
    await screenshot(page, 'e2e-records-25-aftersales-clean');
    await dialog.getByRole('button', { name: 'Open the case' }).click();
    await expect.poll(() => dialog.count(), { timeout: 10_000 }).toBe(0);
    expect((await cases()).map((c) => c.note)).toEqual(['Shorten the strap by two holes.']);
  });

  it('reads the piece of an after-sales case as it is typed too, and redacts it in place', async () => {
    const { page } = e2e;
    await page.evaluate('window.scrollTo(0, 0)');
    await record(page, 'Record…', 'An after-sales case');
    const dialog = page.getByRole('dialog', { name: 'Open an after-sales case' });
    await dialog.waitFor();
    const pieceField = dialog.getByLabel('Piece', { exact: true });
    await pieceField.pressSequentially('Card holder, card 4111 1111 1111 1111 left inside', { delay: 5 });
    const live = dialog.locator('.live-findings');
    await live.getByText('A card number').waitFor({ timeout: 10_000 });
    await screenshot(page, 'e2e-records-29-aftersales-live-piece');
    await live.getByRole('button', { name: 'Redact now' }).click();
    await expect.poll(() => pieceField.inputValue()).toBe('Card holder, card [redacted] left inside');
    await expect.poll(() => live.count(), { timeout: 10_000 }).toBe(0);
    await dialog.getByRole('button', { name: 'Open the case' }).click();
    await expect.poll(() => dialog.count(), { timeout: 10_000 }).toBe(0);
    const timeline = await core(e2e, 'clients.timeline', { id: client.id, kinds: ['after_sales'], limit: 50 });
    const items = (timeline.value.items as { afterSales: { item: string } }[]).map((i) => i.afterSales.item);
    expect(items).toContain('Card holder, card [redacted] left inside');
    expect(items.join(' ')).not.toContain('4111');
  });

  it('reads a preference and a circle row as they are typed (both scanned on save too), and says it in French in the appointment dialog', async () => {
    const { page } = e2e;
    await openClient(page);
    const prefs = page.locator('section[aria-labelledby="client-preferences"]');
    await prefs.getByRole('button', { name: 'Add a preference' }).click();
    const dialog = page.getByRole('dialog', { name: 'A size or a taste' });
    await dialog.waitFor();
    await dialog.getByLabel('Kind').selectOption('service');
    const value = dialog.getByLabel('Preference');
    await value.fill('Reach her at m.lefevre@example.org');
    const live = dialog.locator('.live-findings');
    await live.getByText('An e-mail address').waitFor({ timeout: 10_000 });
    await expectAccessible(page, 'preference live finding');
    await screenshot(page, 'e2e-records-26-preference-live');
    await live.getByRole('button', { name: 'Redact now' }).click();
    await expect.poll(() => value.inputValue(), { timeout: 10_000 }).toBe('Reach her at [redacted]');
    await expect.poll(() => live.count(), { timeout: 10_000 }).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);

    // Someone around the client: a row's value, across the row.
    await page.locator('section[aria-labelledby="client-circle"]').getByRole('button', { name: 'Add a person' }).click();
    const person = page.getByRole('dialog', { name: 'Someone around the client' });
    await person.waitFor();
    await person.getByRole('button', { name: '+ Add a size or a taste' }).click();
    await person.getByRole('textbox', { name: 'Colour', exact: true }).fill('Bordeaux, since her chemotherapy');
    const row = person.locator('.circle-rows__row', { has: page.getByRole('textbox', { name: 'Colour', exact: true }) });
    await row.locator('.live-findings').getByText(/^Special-category data/).waitFor({ timeout: 10_000 });
    await expectAccessible(page, 'circle row live finding');
    await screenshot(page, 'e2e-records-28-circle-row-live');
    await person.getByRole('textbox', { name: 'Colour', exact: true }).fill('Bordeaux');
    await expect.poll(() => person.locator('.live-findings').count(), { timeout: 10_000 }).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => person.count()).toBe(0);

    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { level: 2, name: 'Chronologie' }).waitFor();
    await record(page, 'Consigner…', 'Un rendez-vous');
    const appointment = page.getByRole('dialog', { name: 'Prévoir un rendez-vous' });
    await appointment.waitFor();
    await appointment.getByLabel('Note', { exact: true }).fill('Elle réglera avec la carte 4111 1111 1111 1111.');
    const liveFr = appointment.locator('.live-findings');
    await liveFr.getByText('Un numéro de carte').waitFor({ timeout: 10_000 });
    await liveFr.getByText('Avant l’enregistrement, Carnet relève\u00a0:').waitFor();
    await expectAccessible(page, 'appointment live finding (fr)');
    await screenshot(page, 'e2e-records-27-appointment-live-fr');
    await page.keyboard.press('Escape');
    await expect.poll(() => appointment.count()).toBe(0);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 2, name: 'Timeline' }).waitFor();
  });
});
