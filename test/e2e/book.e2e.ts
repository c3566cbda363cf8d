/**
 * The client book in Debian's Chromium, over the real router and a real encrypted store (issue 4):
 * Ctrl+K finds "Éléonore" from "eleo"; a new client with preferences and a family member (checked
 * in the core), and a duplicate flagged, not merged; a gift recorded twice gets the repeat
 * warning; discreet mode veils the names; and the same in French. Axe scans every step.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, expectAccessible, SCREENS, screenshot, startE2E } from './support.js';


async function fullPage(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENS, { recursive: true });
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

const CLIENT = { honorific: 'Mme', firstName: 'Ottilie', lastName: 'Varenne', email: 'ottilie.varenne@example.org' };

async function fillNewClient(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'A new client' }).waitFor();
  const form = page.locator('form.new-client__form');
  await form.getByLabel('Honorific', { exact: true }).fill(CLIENT.honorific);
  await form.getByLabel('First name', { exact: true }).fill(CLIENT.firstName);
  await form.getByLabel('Family name', { exact: true }).fill(CLIENT.lastName);
  await form.getByLabel('City', { exact: true }).fill('Lyon');
  await form.getByLabel('Country', { exact: true }).selectOption('FR');
  await form.getByLabel('Language', { exact: true }).selectOption('fr');
  await form.getByLabel('Tier', { exact: true }).selectOption('Signature');
  await form.getByLabel('Address or number', { exact: true }).fill(CLIENT.email);
  await form.getByRole('checkbox', { name: /^Personalisation/ }).check();
  await form.getByRole('checkbox', { name: /^Relationship mapping/ }).check();
  await form.getByRole('checkbox', { name: 'Email', exact: true }).check();
  await form.getByLabel('Privacy notice shown', { exact: true }).fill('2026-01');
  const first = form.getByRole('group', { name: 'Preference 1' });
  await first.getByLabel('Kind', { exact: true }).selectOption('colour');
  await first.getByLabel('Preference', { exact: true }).fill('Bordeaux');
  const second = form.getByRole('group', { name: 'Preference 2' });
  await second.getByLabel('Kind', { exact: true }).selectOption('rtw_size');
  await second.getByLabel('Preference', { exact: true }).fill('38');
  await second.getByLabel('Source', { exact: true }).selectOption('observed');
  await form.getByLabel('Their first name', { exact: true }).fill('Iris');
  await form.getByLabel('Their family name', { exact: true }).fill('Varenne');
  await form.getByLabel('Relation to the client', { exact: true }).fill('daughter');
  await form.getByLabel('Birthday', { exact: true }).fill('03-14');
  await form.getByLabel('Size of', { exact: true }).fill('Ring');
  await form.getByLabel('Size', { exact: true }).fill('52');
}

describe('the client book in Chromium: search, a new client, the gift ledger, discreet mode', () => {
  let e2e: E2E;
  let clientId = '';

  beforeAll(async () => {
    e2e = await startE2E({ demoClients: 300 });
    await e2e.page.getByRole('button', { name: 'Open the demo maison' }).click();
    await e2e.page.getByRole('table', { name: 'Clients' }).waitFor({ timeout: 60_000 });
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('opens the palette with Ctrl+K, finds Éléonore from “eleo” and opens her with Enter', async () => {
    const { page } = e2e;
    await page.keyboard.press('Control+K');
    const palette = page.getByRole('dialog', { name: 'Find a client or a command' });
    await palette.waitFor();
    // Commands first, before anything is typed.
    await expect.poll(() => palette.getByRole('option').count()).toBeGreaterThan(4);
    await page.keyboard.type('eleo');
    const options = palette.getByRole('option');
    await expect.poll(async () => (await options.first().innerText()).normalize('NFC'), { timeout: 10_000 }).toContain('Éléonore');
    // The match is a <mark>, made from the snippet's markers, never from HTML.
    expect((await palette.locator('mark').first().innerText()).normalize('NFC').toLowerCase()).toContain('éléo');
    expect(await palette.locator('[role="group"]').first().locator('p').textContent()).toBe('Clients');
    await expectAccessible(page, 'palette');
    await screenshot(page, 'e2e-book-01-palette');
    // ↓ then ↑ comes back to the first; Enter opens it.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toMatch(/#\/clients\/[0-9A-HJKMNP-TV-Z]{26}$/);
    await expect.poll(() => palette.count()).toBe(0);
    await expect.poll(async () => (await page.getByRole('heading', { level: 1 }).first().innerText()).normalize('NFC'), { timeout: 10_000 }).toContain('Éléonore');
    // The window's title never names the client.
    expect(await page.title()).not.toContain('Éléonore');
    // Escape closes the palette.
    await page.keyboard.press('Control+K');
    await palette.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => palette.count()).toBe(0);
  });

  it('creates a client with consents, preferences and a family member', async () => {
    const { page } = e2e;
    await page.goto(`${new URL(page.url()).origin}${new URL(page.url()).pathname}#/clients`);
    await page.getByRole('link', { name: 'New client' }).click();
    await fillNewClient(page);
    await expectAccessible(page, 'new client');
    await fullPage(page, 'e2e-book-02-new-client');
    await page.getByRole('button', { name: 'Add the client' }).click();
    await page.getByText('Added to your book').waitFor({ timeout: 20_000 });
    const open = page.getByRole('link', { name: 'Open their page' });
    clientId = ((await open.getAttribute('href')) ?? '').split('/').pop() ?? '';
    expect(clientId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    // No duplicate for the first one, nothing left behind.
    expect(await page.getByText('not merged').count()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    await expectAccessible(page, 'new client done');
    await screenshot(page, 'e2e-book-03-new-client-done');

    // The core holds what was typed.
    const view = await core(e2e, 'clients.get360', { id: clientId });
    expect(view.ok).toBe(true);
    expect(view.value.client).toMatchObject({ firstName: 'Ottilie', lastName: 'Varenne', honorific: 'Mme', city: 'Lyon', tier: 'Signature', personalisation: true, relationshipMapping: true });
    const prefs = (view.value.preferences as { items: { domain: string; value: string; provenance: string }[] }[]).flatMap((g) => g.items);
    expect(prefs).toEqual(expect.arrayContaining([expect.objectContaining({ value: 'Bordeaux', provenance: 'declared' }), expect.objectContaining({ value: '38', provenance: 'observed' })]));
    expect(view.value.contacts).toEqual([expect.objectContaining({ channel: 'email', value: CLIENT.email, preferred: true })]);
    const iris = (view.value.circle as { firstName: string; birthday: string | null; relation: { label: string | null }; sizes: { label: string; value: string }[] }[]).find((p) => p.firstName === 'Iris');
    expect(iris).toMatchObject({ birthday: '03-14', relation: { label: 'daughter' } });
    expect(iris?.sizes).toEqual([expect.objectContaining({ label: 'Ring', value: '52' })]);
  });

  it('flags a second client with the same name and e-mail, without merging', async () => {
    const { page } = e2e;
    await page.getByRole('button', { name: 'Add another client' }).click();
    await fillNewClient(page);
    await page.getByRole('button', { name: 'Add the client' }).click();
    const notice = page.getByText('A client with some of the same details is already in the book — not merged');
    await notice.waitFor({ timeout: 20_000 });
    await page.getByText('Same name and e-mail.').waitFor();
    const other = page.getByRole('link', { name: /Open the other record/ });
    expect(await other.getAttribute('href')).toBe(`#/clients/${clientId}`);
    const list = await core(e2e, 'clients.list', { query: 'Ottilie Varenne' });
    expect(list.value.total).toBe(2);
    await expectAccessible(page, 'duplicate');
    await screenshot(page, 'e2e-book-04-duplicate');
  });

  it('records a gift, and warns before the same gift is given twice', async () => {
    const { page } = e2e;
    await page.goto(`${new URL(page.url()).origin}${new URL(page.url()).pathname}#/clients/${clientId}/gift?record=1`);
    const dialog = page.getByRole('dialog', { name: 'Record a gift' });
    await dialog.waitFor();
    const recipient = dialog.getByLabel('For', { exact: true });
    await expect.poll(() => recipient.locator('option').count()).toBe(2);
    await recipient.selectOption({ label: 'Iris Varenne — daughter' });
    await dialog.getByLabel('Occasion', { exact: true }).fill('Birthday');
    await dialog.getByLabel('Gift', { exact: true }).fill('Silk scarf, bordeaux');
    await dialog.getByRole('button', { name: 'Record the gift' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await page.getByText('Silk scarf, bordeaux').waitFor();

    await page.getByRole('button', { name: 'Record a gift' }).click();
    await dialog.waitFor();
    await dialog.getByLabel('For', { exact: true }).selectOption({ label: 'Iris Varenne — daughter' });
    await dialog.getByLabel('Occasion', { exact: true }).fill('Christmas');
    await dialog.getByLabel('Gift', { exact: true }).fill('Silk Scarf');
    await dialog.getByRole('button', { name: 'Record the gift' }).click();
    await dialog.getByText(/^Already given on /).waitFor({ timeout: 10_000 });
    expect(await dialog.getByRole('button', { name: 'Choose another gift' }).count()).toBe(1);
    await expectAccessible(page, 'gift repeat');
    await screenshot(page, 'e2e-book-05-gift-repeat');
    // Nothing was written; "Record anyway" writes it.
    expect((await core(e2e, 'gifts.list', { clientId })).value.gifts).toHaveLength(1);
    await dialog.getByRole('button', { name: 'Record anyway' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect((await core(e2e, 'gifts.list', { clientId })).value.gifts).toHaveLength(2);
    await screenshot(page, 'e2e-book-06-gift-ledger');
  });

  it('veils names in discreet mode, with a calm indicator, until it is turned off', async () => {
    const { page } = e2e;
    await page.goto(`${new URL(page.url()).origin}${new URL(page.url()).pathname}#/clients`);
    const table = page.getByRole('table', { name: 'Clients' });
    await table.waitFor();
    await page.keyboard.press('Control+Shift+D');
    await expect.poll(() => page.evaluate('document.documentElement.dataset.discreet ?? null')).toBe('on');
    await page.getByText('Discreet mode — names, amounts and notes are veiled').waitFor();
    const filter = (await page.evaluate(
      `getComputedStyle(document.querySelector('.client-table [data-private]')).filter`,
    )) as string;
    expect(filter).toContain('blur');
    expect(await page.getByRole('button', { name: 'Discreet', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await expectAccessible(page, 'discreet');
    await screenshot(page, 'e2e-book-07-discreet');
    // It stays on across pages.
    await page.getByRole('link', { name: 'Privacy' }).click();
    await page.getByRole('link', { name: 'Clients' }).click();
    await table.waitFor();
    expect(await page.evaluate('document.documentElement.dataset.discreet ?? null')).toBe('on');
    await page.getByRole('button', { name: 'Discreet', exact: true }).click();
    await expect.poll(() => page.evaluate('document.documentElement.dataset.discreet ?? null')).toBe(null);
    expect(await page.evaluate(`getComputedStyle(document.querySelector('.client-table [data-private]')).filter`)).toBe('none');
  });

  it('speaks French: the palette, the new-client form and the gift warning', async () => {
    const { page } = e2e;
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('button', { name: 'Chercher' }).waitFor();
    await page.keyboard.press('Control+K');
    const palette = page.getByRole('dialog', { name: 'Trouver un client ou une commande' });
    await palette.waitFor();
    await page.keyboard.type('bordeaux');
    await expect.poll(() => palette.locator('mark').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expectAccessible(page, 'palette fr');
    await screenshot(page, 'e2e-book-08-palette-fr');
    await page.keyboard.press('Escape');

    await page.getByRole('link', { name: 'Nouveau client' }).click();
    await page.getByRole('heading', { level: 1, name: 'Un nouveau client' }).waitFor();
    // Validation speaks French too.
    await page.getByRole('button', { name: 'Ajouter le client' }).click();
    await page.getByText('Merci de renseigner ce champ.').first().waitFor();
    await expectAccessible(page, 'new client fr');
    await fullPage(page, 'e2e-book-09-new-client-fr');

    await page.goto(`${new URL(page.url()).origin}${new URL(page.url()).pathname}#/clients/${clientId}/gift?record=1`);
    const dialog = page.getByRole('dialog', { name: 'Noter un cadeau' });
    await dialog.waitFor();
    await dialog.getByLabel('Occasion', { exact: true }).fill('Anniversaire');
    await dialog.getByLabel('Cadeau', { exact: true }).fill('Foulard de soie');
    await dialog.getByRole('button', { name: 'Noter le cadeau' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await page.getByRole('button', { name: 'Noter un cadeau' }).click();
    await dialog.getByLabel('Occasion', { exact: true }).fill('Noël');
    await dialog.getByLabel('Cadeau', { exact: true }).fill('Foulard de soie');
    await dialog.getByRole('button', { name: 'Noter le cadeau' }).click();
    await dialog.getByText(/^Déjà offert le /).waitFor({ timeout: 10_000 });
    await expectAccessible(page, 'gift repeat fr');
    await screenshot(page, 'e2e-book-10-gift-repeat-fr');
    await dialog.getByRole('button', { name: 'Choisir un autre cadeau' }).click();
    expect(await dialog.getByLabel('Cadeau', { exact: true }).inputValue()).toBe('');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'English' }).click();
  });
});
