/**
 * The security of an advisor's book, from the Settings page: the auto-lock delay, a change of
 * passphrase (refused with the wrong current one), and deleting the profile (refused with the
 * wrong name). Every outcome is checked in the core and on disk, not only on screen.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeStore, openStoreFile } from '../../db/open.js';
import { type E2E, expectAccessible, SCREENS, screenshot, startE2E } from './support.js';

const NAME = 'Inès Marchetti';
const OLD = 'le salon privé, au premier étage';
const NEW = 'une promenade au Palais-Royal, en mai';


/** Whether the store file opens with this passphrase, on a connection of its own. */
function opensWith(file: string, passphrase: string): boolean {
  try {
    closeStore(openStoreFile(file, passphrase));
    return true;
  } catch {
    return false;
  }
}

async function core<T>(e2e: E2E, channel: string, input: unknown): Promise<{ ok: boolean; value?: T; error?: { code: string } }> {
  return (await e2e.host.core.router.dispatch(channel, input)) as { ok: boolean; value?: T; error?: { code: string } };
}

/** The whole page, for looking at; the spec's own screenshots stay at 1440×900. */
async function fullPage(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage: true });
}

describe('settings in Chromium: the security of the book', () => {
  let e2e: E2E;
  let profileId = '';
  let file = '';

  beforeAll(async () => {
    e2e = await startE2E();
    const created = await core<{ id: string }>(e2e, 'session.createProfile', {
      displayName: NAME,
      maison: 'Maison Aubrac',
      boutique: 'Genève — Rue du Rhône',
      locale: 'en',
      timeZone: 'Europe/Zurich',
      passphrase: OLD,
    });
    expect(created.ok).toBe(true);
    profileId = created.value?.id ?? '';
    file = path.join(e2e.profilesDir, `${profileId}.carnet`);
    await e2e.page.reload();
    await e2e.page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('is reached from the main navigation, in English and in French', async () => {
    const { page } = e2e;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    expect(await page.title()).toBe('Settings — Carnet');
    // The delay saved in the profile is the one shown.
    expect(await page.getByRole('radio', { name: '10 minutes', exact: true }).isChecked()).toBe(true);
    await expectAccessible(page, 'settings');
    await screenshot(page, 'e2e-20-settings');
    await fullPage(page, 'e2e-20b-settings-full');

    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { level: 1, name: 'Réglages' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await expectAccessible(page, 'settings (fr)');
    await screenshot(page, 'e2e-21-settings-fr');
    await fullPage(page, 'e2e-21b-settings-fr-full');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  });

  it('saves the auto-lock delay at once', async () => {
    const { page } = e2e;
    await page.getByRole('radio', { name: '5 minutes', exact: true }).check();
    await page.getByRole('status').filter({ hasText: 'Carnet will lock after 5 minutes' }).waitFor();
    const status = await core<{ autoLockMinutes: number }>(e2e, 'session.status', {});
    expect(status.value?.autoLockMinutes).toBe(5);
    expect(await page.getByRole('radio', { name: '5 minutes', exact: true }).isChecked()).toBe(true);
  });

  it('refuses a change of passphrase with the wrong current one, and changes nothing', async () => {
    const { page } = e2e;
    const current = page.getByLabel('Current passphrase', { exact: true });
    await current.fill('not my passphrase at all');
    await page.getByLabel('New passphrase', { exact: true }).fill(NEW);
    await page.getByLabel('The new passphrase, once more').fill(NEW);
    await page.getByRole('button', { name: 'Change the passphrase' }).click();
    await page.getByText('This is not your current passphrase.', { exact: false }).waitFor();
    expect(await current.getAttribute('aria-invalid')).toBe('true');
    // Shown under the current passphrase, and nothing typed stays on the page.
    const describedBy = (await current.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy.split(' ')[0]}"]`).innerText()).toContain('This is not your current passphrase');
    for (const label of ['Current passphrase', 'New passphrase', 'The new passphrase, once more']) {
      expect(await page.getByLabel(label, { exact: true }).inputValue()).toBe('');
    }
    expect(await page.content()).not.toContain('not my passphrase at all');
    expect(await page.content()).not.toContain(NEW);
    await screenshot(page, 'e2e-22-settings-wrong-passphrase');
    // Still open, still under the old passphrase.
    const status = await core<{ state: string }>(e2e, 'session.status', {});
    expect(status.value?.state).toBe('unlocked');
    expect(opensWith(file, OLD)).toBe(true);
    expect(opensWith(file, NEW)).toBe(false);
  });

  it('changes the passphrase; after a lock only the new one opens the book', async () => {
    const { page } = e2e;
    await page.getByLabel('Current passphrase', { exact: true }).fill(OLD);
    await page.getByLabel('New passphrase', { exact: true }).fill(NEW);
    await page.getByLabel('The new passphrase, once more').fill(NEW);
    await page.getByRole('button', { name: 'Change the passphrase' }).click();
    await page.getByText('Your passphrase has been changed.', { exact: false }).waitFor();
    for (const label of ['Current passphrase', 'New passphrase', 'The new passphrase, once more']) {
      expect(await page.getByLabel(label, { exact: true }).inputValue()).toBe('');
    }
    expect(await page.content()).not.toContain(NEW);
    await screenshot(page, 'e2e-23-settings-passphrase-changed');

    await page.getByRole('button', { name: /^Lock/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Choose your profile' }).waitFor();
    const locked = await core<{ state: string }>(e2e, 'session.status', {});
    expect(locked.value?.state).toBe('locked');
    const withOld = await core(e2e, 'session.unlock', { profileId, passphrase: OLD });
    expect(withOld.ok).toBe(false);
    expect(withOld.error?.code).toBe('WRONG_PASSPHRASE');
    const withNew = await core(e2e, 'session.unlock', { profileId, passphrase: NEW });
    expect(withNew.ok).toBe(true);
    // The delay chosen before belongs to the book, and survived the new encryption.
    const status = await core<{ autoLockMinutes: number }>(e2e, 'session.status', {});
    expect(status.value?.autoLockMinutes).toBe(5);
  });

  it('refuses to delete the profile with the wrong name, then deletes it with the right one', async () => {
    const { page } = e2e;
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();

    await page.getByRole('button', { name: 'Delete this profile…' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Delete this profile for good?' });
    await dialog.waitFor();
    const confirm = dialog.getByLabel(`To confirm, type “${NAME}”`);
    expect(await confirm.evaluate((element) => element.matches(':focus'))).toBe(true);
    await expectAccessible(page, 'delete dialog');
    await confirm.fill('Ines Marchetti');
    await dialog.getByRole('button', { name: 'Delete for good' }).click();
    await dialog.locator('.field__error').filter({ hasText: 'This is not the profile’s name.' }).waitFor();
    expect(await confirm.getAttribute('aria-invalid')).toBe('true');
    expect(fs.existsSync(file)).toBe(true);
    expect(e2e.host.core.session.listProfiles().map((p) => p.id)).toEqual([profileId]);
    const status = await core<{ state: string }>(e2e, 'session.status', {});
    expect(status.value?.state).toBe('unlocked');
    await screenshot(page, 'e2e-24-settings-delete-refused');

    await confirm.fill(NAME);
    await dialog.getByRole('button', { name: 'Delete for good' }).click();
    await page.getByRole('heading', { level: 1, name: 'Welcome to Carnet' }).waitFor();
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.readdirSync(e2e.profilesDir).filter((f) => f.startsWith(profileId))).toEqual([]);
    expect(e2e.host.core.session.listProfiles()).toEqual([]);
    const after = await core<{ state: string }>(e2e, 'session.status', {});
    expect(after.value?.state).toBe('locked');
    // Nothing of the deleted book is left in the window.
    expect(await page.content()).not.toContain(NAME);
  });
});
