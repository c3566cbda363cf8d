/**
 * Editing the client book in Debian's Chromium, over the real router and a real encrypted store
 * (issue 4): a client's particulars edited from the 360's "Record…" menu and seen on the 360;
 * Escape leaves without writing; a client archived leaves the list (search still finds them,
 * marked "Archived"), waits in the archived list and is restored; a contact point added, made
 * preferred and removed; refused writes (a malformed number, a restricted record) say why; and
 * the same screens in French. Axe scans every state.
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

interface Contact {
  id: string;
  channel: string;
  value: string;
  preferred: boolean;
}

async function core(e2e: E2E, channel: string, input: unknown): Promise<Loose> {
  return (await e2e.host.core.router.dispatch(channel, input)) as Loose;
}

const PHONE = '+33 6 12 34 56 78';

describe('editing the client book in Chromium: particulars, archive, contact points', () => {
  let e2e: E2E;
  let client: { id: string; honorific: string | null; firstName: string; lastName: string };
  let name = '';

  function url(hash: string): string {
    const current = new URL(e2e.page.url());
    return `${current.origin}${current.pathname}#${hash}`;
  }

  async function openClient(page: Page): Promise<void> {
    await page.goto(url(`/clients/${client.id}`));
    await page.locator('#client-name').waitFor({ timeout: 20_000 });
    await page.getByRole('heading', { name: /^Contact points|^Coordonnées/ }).waitFor({ timeout: 20_000 });
  }

  async function contactsOf(): Promise<Contact[]> {
    const view = await core(e2e, 'clients.get360', { id: client.id });
    return view.value.contacts as Contact[];
  }

  beforeAll(async () => {
    e2e = await startE2E({ demoClients: 60 });
    await e2e.page.getByRole('button', { name: 'Open the demo maison' }).click();
    await e2e.page.getByRole('table', { name: 'Clients' }).waitFor({ timeout: 60_000 });
    // An active client whose contact points and birthday may be shown.
    const list = await core(e2e, 'clients.list', { limit: 60 });
    for (const item of list.value.items as { id: string }[]) {
      const r = await core(e2e, 'clients.get360', { id: item.id });
      if (r.ok && r.value.client.status === 'active' && r.value.client.personalisation && r.value.contacts !== null && r.value.contacts.length > 0) {
        client = r.value.client;
        break;
      }
    }
    expect(client).toBeDefined();
    name = [client.honorific, client.firstName, client.lastName].filter(Boolean).join(' ');
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('edits the particulars from the 360 and shows the new values there', async () => {
    const { page } = e2e;
    await openClient(page);
    await page.getByRole('button', { name: 'Record…' }).click();
    await page.getByRole('menuitem', { name: 'Edit particulars' }).click();
    await expect.poll(() => page.url()).toMatch(new RegExp(`#/clients/${client.id}/edit$`));
    const form = page.locator('form.edit-client__form');
    await form.waitFor();
    // Prefilled from the record, the first name focused.
    expect(await form.getByLabel('First name', { exact: true }).inputValue()).toBe(client.firstName);
    expect(await page.evaluate('document.activeElement?.getAttribute("name")')).toBe('firstName');
    expect(await page.title()).not.toContain(client.lastName);
    await expectAccessible(page, 'edit form');
    await fullPage(page, 'e2e-edit-01-form');

    await form.getByLabel('City', { exact: true }).fill('Biarritz');
    await form.getByLabel('Tier', { exact: true }).selectOption('Prestige');
    await form.getByLabel('Language', { exact: true }).selectOption('it');
    await form.getByLabel('Time zone', { exact: true }).selectOption('Europe/Paris');
    await form.getByRole('checkbox', { name: /^The client confirmed these particulars today/ }).check();
    await page.getByRole('button', { name: 'Save the changes' }).click();

    await expect.poll(() => page.url(), { timeout: 20_000 }).toMatch(new RegExp(`#/clients/${client.id}$`));
    const particulars = page.locator('section.client__facts');
    await expect.poll(() => particulars.innerText(), { timeout: 10_000 }).toContain('Biarritz');
    expect(await particulars.innerText()).toContain('Italian');
    await expect.poll(async () => (await page.locator('.client__tier').innerText()).toLowerCase()).toBe('prestige');
    const view = await core(e2e, 'clients.get360', { id: client.id });
    expect(view.value.client).toMatchObject({ id: client.id, firstName: client.firstName, lastName: client.lastName, city: 'Biarritz', tier: 'Prestige', language: 'it' });
    expect(view.value.details.timeZone).toBe('Europe/Paris');
    expect(view.value.details.reviewAt).toBe(view.value.today);
    await screenshot(page, 'e2e-edit-02-saved-on-360');
  });

  it('shows the duplicates the core flags after a change of name, without merging', async () => {
    const { page } = e2e;
    const list = await core(e2e, 'clients.list', { limit: 60 });
    const other = (list.value.items as { id: string; firstName: string; lastName: string }[]).find((c) => c.id !== client.id && c.lastName !== client.lastName);
    expect(other).toBeDefined();
    if (!other) return;
    await page.goto(url(`/clients/${client.id}/edit`));
    const form = page.locator('form.edit-client__form');
    await form.waitFor({ timeout: 20_000 });
    await form.getByLabel('First name', { exact: true }).fill(other.firstName);
    await form.getByLabel('Family name', { exact: true }).fill(other.lastName);
    await page.getByRole('button', { name: 'Save the changes' }).click();
    await page.getByText('A client with some of the same details is already in the book — not merged').waitFor({ timeout: 10_000 });
    await page.getByText('Same name.').waitFor();
    expect(await page.getByRole('link', { name: /Open the other record/ }).first().getAttribute('href')).toBe(`#/clients/${other.id}`);
    // Both records are still there, each with its own id.
    expect((await core(e2e, 'clients.get', { id: other.id })).ok).toBe(true);
    expect((await core(e2e, 'clients.get', { id: client.id })).value).toMatchObject({ firstName: other.firstName, lastName: other.lastName });
    await expectAccessible(page, 'edit duplicates');
    await screenshot(page, 'e2e-edit-02b-duplicates');
    // Back to the client's own name, through the form.
    await page.getByRole('link', { name: 'Back to the client' }).first().click();
    await expect.poll(() => page.url()).toMatch(new RegExp(`#/clients/${client.id}$`));
    await page.goto(url(`/clients/${client.id}/edit`));
    await form.waitFor({ timeout: 20_000 });
    await form.getByLabel('First name', { exact: true }).fill(client.firstName);
    await form.getByLabel('Family name', { exact: true }).fill(client.lastName);
    await page.getByRole('button', { name: 'Save the changes' }).click();
    await expect.poll(() => page.url(), { timeout: 20_000 }).toMatch(new RegExp(`#/clients/${client.id}$`));
    expect((await core(e2e, 'clients.get', { id: client.id })).value).toMatchObject({ firstName: client.firstName, lastName: client.lastName });
  });

  it('refuses an empty name in the form, and Escape leaves without writing', async () => {
    const { page } = e2e;
    await page.goto(url(`/clients/${client.id}/edit`));
    const form = page.locator('form.edit-client__form');
    await form.waitFor({ timeout: 20_000 });
    await form.getByLabel('First name', { exact: true }).fill('');
    await form.getByLabel('City', { exact: true }).fill('Nowhere');
    await page.getByRole('button', { name: 'Save the changes' }).click();
    await form.getByText('Please fill this in.').waitFor();
    await expectAccessible(page, 'edit invalid');
    await screenshot(page, 'e2e-edit-03-invalid');
    await form.getByLabel('City', { exact: true }).press('Escape');
    await expect.poll(() => page.url()).toMatch(new RegExp(`#/clients/${client.id}$`));
    const view = await core(e2e, 'clients.get', { id: client.id });
    expect(view.value).toMatchObject({ firstName: client.firstName, city: 'Biarritz' });
  });

  it('adds a contact point, makes it preferred and removes it — a malformed number is refused with a reason', async () => {
    const { page } = e2e;
    await openClient(page);
    const before = await contactsOf();
    const section = page.locator('section.client__contacts');
    await expect.poll(() => section.locator('.contacts__item').count()).toBe(before.length);
    // Values are veiled in discreet mode.
    expect(await section.locator('.contacts__value').first().getAttribute('data-private')).toBe('');
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'e2e-edit-04-contacts');
    await page.getByRole('button', { name: 'Discreet', exact: true }).click();
    await expect.poll(() => page.evaluate('document.documentElement.dataset.discreet ?? null')).toBe('on');
    await screenshot(page, 'e2e-edit-04b-contacts-discreet');
    await page.getByRole('button', { name: 'Discreet', exact: true }).click();
    await expect.poll(() => page.evaluate('document.documentElement.dataset.discreet ?? null')).not.toBe('on');

    await section.getByRole('button', { name: 'Add a contact point' }).click();
    const dialog = page.getByRole('dialog', { name: 'A new contact point' });
    await dialog.waitFor();
    await dialog.getByLabel('Channel', { exact: true }).selectOption('phone');
    await dialog.getByLabel('Address or number', { exact: true }).fill('call the concierge');
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await dialog.getByText('This is not a telephone number Carnet can keep').waitFor({ timeout: 10_000 });
    expect(await contactsOf()).toHaveLength(before.length);
    await expectAccessible(page, 'contact refused');
    await screenshot(page, 'e2e-edit-05-contact-refused');

    await dialog.getByLabel('Address or number', { exact: true }).fill(PHONE);
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => dialog.count(), { timeout: 10_000 }).toBe(0);
    const row = section.locator('.contacts__item', { hasText: PHONE });
    await row.waitFor({ timeout: 10_000 });
    const added = (await contactsOf()).find((c) => c.value === PHONE);
    expect(added).toMatchObject({ channel: 'phone', preferred: false });

    await row.getByRole('button', { name: /^Make the contact point preferred/ }).click();
    await row.getByText('Preferred', { exact: true }).waitFor({ timeout: 10_000 });
    const after = await contactsOf();
    expect(after.filter((c) => c.preferred).map((c) => c.value)).toEqual([PHONE]);
    // The preferred one comes first.
    expect(await section.locator('.contacts__item').first().innerText()).toContain(PHONE);
    await expectAccessible(page, 'contact preferred');
    await screenshot(page, 'e2e-edit-06-contact-preferred');

    await section.locator('.contacts__item', { hasText: PHONE }).getByRole('button', { name: /^Remove the contact point/ }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Remove this contact point?' });
    await confirm.waitFor();
    await confirm.getByText('It is the preferred one').waitFor();
    await expectAccessible(page, 'contact remove');
    await screenshot(page, 'e2e-edit-07-contact-remove');
    await confirm.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect.poll(() => confirm.count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => section.locator('.contacts__item', { hasText: PHONE }).count()).toBe(0);
    expect((await contactsOf()).some((c) => c.value === PHONE)).toBe(false);
  });

  it('says why a write is refused when the record was restricted meanwhile', async () => {
    const { page } = e2e;
    await page.goto(url(`/clients/${client.id}/edit`));
    const form = page.locator('form.edit-client__form');
    await form.waitFor({ timeout: 20_000 });
    // Restricted from elsewhere (the Privacy page, another window) while the form is open.
    expect((await core(e2e, 'privacy.restrict', { clientId: client.id, restricted: true })).ok).toBe(true);
    await form.getByLabel('City', { exact: true }).fill('Saint-Tropez');
    await page.getByRole('button', { name: 'Save the changes' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Nothing was changed' });
    await alert.waitFor({ timeout: 10_000 });
    expect(await alert.innerText()).toContain('This client’s record is restricted: it can be read, not changed.');
    expect((await core(e2e, 'clients.get', { id: client.id })).value.city).toBe('Biarritz');
    await expectAccessible(page, 'edit refused');
    await screenshot(page, 'e2e-edit-08-refused-restricted');
    expect((await core(e2e, 'privacy.restrict', { clientId: client.id, restricted: false })).ok).toBe(true);
  });

  it('archives a client: out of the list, marked in search, waiting in the archived list, then restored', async () => {
    const { page } = e2e;
    await openClient(page);
    await page.getByRole('button', { name: 'Record…' }).click();
    await page.getByRole('menuitem', { name: 'Archive this client' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Archive this client?' });
    await dialog.waitFor();
    await dialog.getByText('Nothing is deleted').waitFor();
    // The safe choice has the focus.
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Cancel');
    await expectAccessible(page, 'archive dialog');
    await screenshot(page, 'e2e-edit-09-archive-dialog');
    await dialog.getByRole('button', { name: 'Archive', exact: true }).click();

    await expect.poll(() => page.url(), { timeout: 10_000 }).toMatch(/#\/clients$/);
    const notice = page.locator('.book-notice');
    await notice.getByText('archived: out of the list, nothing deleted.').waitFor();
    expect((await core(e2e, 'clients.get360', { id: client.id })).value.details.archivedAt).not.toBeNull();
    await expectAccessible(page, 'list after archive');
    await screenshot(page, 'e2e-edit-10-archived-notice');

    // Gone from the list…
    await page.getByRole('searchbox', { name: 'Search clients' }).fill(client.lastName);
    await expect.poll(() => page.url()).toContain('q=');
    await expect.poll(() => page.locator(`table.client-table a[href="#/clients/${client.id}"]`).count(), { timeout: 10_000 }).toBe(0);
    const listed = await core(e2e, 'clients.list', { query: client.lastName });
    expect((listed.value.items as { id: string }[]).some((c) => c.id === client.id)).toBe(false);
    // …while search still finds them, marked.
    await page.getByRole('searchbox', { name: 'Search clients' }).fill('');
    await expect.poll(() => page.url()).not.toContain('q=');
    await page.keyboard.press('Control+K');
    const palette = page.getByRole('dialog', { name: 'Find a client or a command' });
    await palette.waitFor();
    await page.keyboard.type(`${client.firstName} ${client.lastName}`);
    const option = palette.getByRole('option').filter({ hasText: 'Archived' });
    await option.first().waitFor({ timeout: 10_000 });
    await screenshot(page, 'e2e-edit-11-search-archived');
    await page.keyboard.press('Escape');
    await expect.poll(() => palette.count()).toBe(0);

    // Their 360 says so, and its menu offers the way back.
    await page.evaluate(`window.location.hash = '#/clients/${client.id}'`);
    await page.getByText(/^Archived on /).waitFor();
    await page.getByRole('button', { name: 'Record…' }).click();
    await page.getByRole('menuitem', { name: 'Restore to the list' }).waitFor();
    expect(await page.getByRole('menuitem', { name: 'Archive this client' }).count()).toBe(0);
    await screenshot(page, 'e2e-edit-11b-client-archived');
    await page.keyboard.press('Escape');
    await page.evaluate(`window.location.hash = '#/clients'`);
    await page.getByRole('table', { name: 'Clients' }).waitFor();

    // The archived list, folded at the foot of the book.
    const toggle = page.getByRole('button', { name: /^Archived clients/ });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const restore = page.getByRole('button', { name: `Restore ${name}` });
    await restore.waitFor({ timeout: 10_000 });
    await expectAccessible(page, 'archived list');
    await restore.scrollIntoViewIfNeeded();
    await screenshot(page, 'e2e-edit-12-archived-list');
    await restore.click();
    await page.locator('.book-notice').getByText('restored to the list.').waitFor({ timeout: 10_000 });
    await expect.poll(() => page.getByRole('button', { name: `Restore ${name}` }).count()).toBe(0);
    expect((await core(e2e, 'clients.get360', { id: client.id })).value.details.archivedAt).toBeNull();
    const back = await core(e2e, 'clients.list', { query: client.lastName });
    expect((back.value.items as { id: string }[]).some((c) => c.id === client.id)).toBe(true);
    await page.getByRole('searchbox', { name: 'Search clients' }).fill(client.lastName);
    // The list writes its search into the URL once typing settles: wait for it before leaving.
    await expect.poll(() => page.url()).toContain('q=');
    await page.locator(`table.client-table a[href="#/clients/${client.id}"]`).waitFor({ timeout: 10_000 });
    await screenshot(page, 'e2e-edit-13-restored');
  });

  it('undoes an archive from the list’s notice', async () => {
    const { page } = e2e;
    await openClient(page);
    await page.getByRole('button', { name: 'Record…' }).click();
    await page.getByRole('menuitem', { name: 'Archive this client' }).click();
    await page.getByRole('alertdialog', { name: 'Archive this client?' }).getByRole('button', { name: 'Archive', exact: true }).click();
    await expect.poll(() => page.url(), { timeout: 10_000 }).toMatch(/#\/clients$/);
    await page.locator('.book-notice').getByRole('button', { name: 'Undo' }).click();
    await page.locator('.book-notice').getByText('restored to the list.').waitFor({ timeout: 10_000 });
    // The Undo button is gone: the focus moves to what comes next, the client's page.
    await expect.poll(() => page.evaluate('document.activeElement?.textContent')).toBe('Open their page');
    expect((await core(e2e, 'clients.get360', { id: client.id })).value.details.archivedAt).toBeNull();
  });

  it('says it all in French', async () => {
    const { page } = e2e;
    await openClient(page);
    await page.getByRole('button', { name: 'Français' }).click();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('fr');
    const section = page.locator('section.client__contacts');
    await section.getByRole('heading', { name: /^Coordonnées/ }).waitFor();
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'e2e-edit-14-contacts-fr');

    await page.getByRole('button', { name: 'Consigner…' }).click();
    await page.getByRole('menuitem', { name: 'Archiver la fiche' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Archiver cette fiche\u202f?' });
    await dialog.waitFor();
    await expectAccessible(page, 'archive dialog (fr)');
    await screenshot(page, 'e2e-edit-15-archive-dialog-fr');
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await expect.poll(() => dialog.count()).toBe(0);

    await page.goto(url(`/clients/${client.id}/edit`));
    const form = page.locator('form.edit-client__form');
    await form.waitFor({ timeout: 20_000 });
    await form.getByLabel('Prénom', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await form.getByText('Merci de renseigner ce champ.').waitFor();
    await expectAccessible(page, 'edit form (fr)');
    await fullPage(page, 'e2e-edit-16-form-fr');
    await page.getByRole('link', { name: 'Annuler' }).click();
    await expect.poll(() => page.url()).toMatch(new RegExp(`#/clients/${client.id}$`));
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
  });
});
