/**
 * An advisor's own profile: create it through the form (with the core refusing a weak
 * passphrase), land on an empty book, switch to French, lock, and unlock again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, startE2E, type E2E } from './support.js';

const PASS = 'le salon privé, au premier étage';

describe('creating a profile in Chromium', () => {
  let e2e: E2E;

  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('refuses a weak passphrase from the core and keeps nothing', async () => {
    const { page } = e2e;
    await page.getByRole('link', { name: 'Create your profile' }).click();
    await page.getByLabel('Your name').fill('Inès Marchetti');
    await page.getByLabel('Maison', { exact: true }).fill('Maison Aubrac');
    await page.getByLabel('Boutique').fill('Genève — Rue du Rhône');
    await page.getByLabel('Passphrase', { exact: true }).fill('aaaaaaaaaaaaaaaa');
    await page.getByLabel('The passphrase, once more').fill('aaaaaaaaaaaaaaaa');
    await page.getByRole('button', { name: 'Create the profile' }).click();
    await page.getByText('That passphrase is too easy to guess.', { exact: false }).waitFor();
    expect(await page.getByLabel('Passphrase', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(e2e.host.core.session.listProfiles()).toEqual([]);
    expect(fs.readdirSync(e2e.profilesDir).filter((f) => f.endsWith('.carnet'))).toEqual([]);
    await screenshot(page, 'e2e-10-create-weak');
  });

  it('creates an encrypted profile and opens its empty book', async () => {
    const { page } = e2e;
    await page.getByLabel('Passphrase', { exact: true }).fill(PASS);
    await page.getByLabel('The passphrase, once more').fill(PASS);
    await page.getByRole('button', { name: 'Create the profile' }).click();
    await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
    const [profile] = e2e.host.core.session.listProfiles();
    expect(profile).toMatchObject({ displayName: 'Inès Marchetti', maison: 'Maison Aubrac', demo: false });
    const file = path.join(e2e.profilesDir, `${profile?.id}.carnet`);
    expect(fs.readFileSync(file).subarray(0, 16).toString('latin1')).not.toContain('SQLite format 3');
    await screenshot(page, 'e2e-11-empty-book');
  });

  it('switches to French and back to the chooser on lock', async () => {
    const { page } = e2e;
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await page.getByRole('button', { name: /^Verrouiller/ }).click();
    await page.getByRole('heading', { level: 1 }).filter({ hasText: /profil/i }).waitFor();
    await screenshot(page, 'e2e-12-chooser-fr');
    await page.getByRole('list').getByRole('link', { name: /Inès Marchetti/ }).click();
    await page.getByLabel('Phrase secrète', { exact: false }).first().fill(PASS);
    await page.getByRole('button', { name: 'Déverrouiller' }).click();
    await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
  });
});
