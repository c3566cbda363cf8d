/**
 * Scratch: screenshots of every first screen, in English and French, light and dark.
 * `npx electron-vite build && npx tsx test/e2e/screens.mjs [--only en|fr]`
 * Writes test-results/screens/*.png (git-ignored). Not a test: it asserts nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startHost } from '../harness/host.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const OUT = path.join(ROOT, 'test-results/screens');
fs.mkdirSync(OUT, { recursive: true });
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
const placeholderDemo = fs.readFileSync(path.join(ROOT, 'electron/services/demo/generate.ts'), 'utf8').includes('PLACEHOLDER');

const PASS = 'une promenade au Palais-Royal';

/** While the demo generator is a placeholder: a few invented clients, straight into the store. */
function seed(raw) {
  const first = ['Hélène', 'Charles', 'Aurélie', 'Ines', 'Victor', 'Margaux', 'Yuki', 'Olivia', 'Amir', 'Sofia', 'Laurent', 'Claire', 'Henri', 'Beatriz', 'Wei', 'Élise', 'Matteo', 'Camille', 'Nadia', 'Pierre-Louis'];
  const last = ['Dubois-Castellane', 'Marchetti', 'de Villiers', 'Okafor', 'Lindqvist', 'Moreau', 'Tanaka', 'Whitcombe', 'Haddad', 'Ferreira', 'Delorme', 'Rivière', 'Beaumont', 'Chen', 'Vasseur', 'Fontaine', 'Lemaître', 'Al-Sayed', 'Nakamura', 'Perrin'];
  const hon = { Hélène: 'Mme', Aurélie: 'Mme', Ines: 'Mme', Margaux: 'Mme', Olivia: 'Mrs', Sofia: 'Sra', Claire: 'Mme', Beatriz: 'Sra', Élise: 'Mme', Camille: 'Mme', Nadia: 'Mme', Yuki: 'Ms' };
  const cities = [['Paris', 'FR'], ['Geneva', 'CH'], ['London', 'GB'], ['Milan', 'IT'], ['Tokyo', 'JP'], ['Dubai', 'AE'], ['New York', 'US'], ['Lyon', 'FR'], [null, null]];
  const tiers = ['Prestige', 'Signature', 'Essentiel', 'Essentiel', null];
  const now = Date.now();
  const insert = raw.prepare(
    `INSERT INTO person (id, kind, status, honorific, first_name, last_name, sort_key, language, city, country, tier, client_since, last_contact_at, provenance, created_at, updated_at)
     VALUES (?, 'client', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'declared', ?, ?)`,
  );
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  for (let i = 0; i < 137; i++) {
    const f = first[(i * 7) % first.length];
    const l = last[(i * 11 + Math.floor(i / 20)) % last.length];
    const [city, country] = cities[i % cities.length];
    const id = '01J' + Array.from({ length: 23 }, (_, k) => alphabet[(i * 31 + k * 7 + k * i) % 32]).join('');
    const since = new Date(now - (200 + ((i * 97) % 4000)) * 86400000).toISOString().slice(0, 10);
    const last_contact = i % 13 === 5 ? null : new Date(now - ((i * 7919) % (800 * 86400)) * 1000 * 1.3).toISOString().replace(/\.\d+Z$/, '.000Z');
    insert.run(id, i % 17 === 3 ? 'restricted' : 'active', hon[f] ?? (i % 3 ? 'M.' : 'Mr'), f, l, `${l} ${f}`.toLowerCase(), i % 2 ? 'fr' : 'en', city, country, tiers[i % tiers.length], since, last_contact, new Date(now).toISOString(), new Date(now).toISOString());
  }
}

async function shot(page, name) {
  await page.waitForTimeout(250);
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(file);
}

async function run(lang) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carnet-screens-'));
  const host = await startHost({ profilesDir: dir, demoClients: 300 });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: lang === 'fr' ? 'fr-FR' : 'en-GB', deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('pageerror', e.message));
  page.on('console', (m) => m.type() === 'error' && console.error('console', m.text()));
  const t = (en, fr) => (lang === 'fr' ? fr : en);
  try {
    await page.goto(host.openUrl);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await shot(page, `${lang}-01-welcome-first-visit`);

    await page.getByRole('link', { name: t('Create your profile', 'Créer votre profil') }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await shot(page, `${lang}-02-create`);
    await page.getByRole('button', { name: t('Create the profile', 'Créer le profil') }).click();
    await page.getByLabel(t('Passphrase', 'Phrase secrète'), { exact: true }).fill('court');
    await page.getByLabel(t('Your name', 'Votre nom')).focus();
    await shot(page, `${lang}-02b-create-errors`);
    await page.getByLabel(t('Your name', 'Votre nom')).fill(t('Éléonore Vasseur', 'Éléonore Vasseur'));
    await page.getByLabel('Maison').fill('Maison Aubrac');
    await page.getByLabel('Boutique', { exact: true }).fill('Paris — Faubourg Saint-Honoré');
    await page.getByLabel(t('Passphrase', 'Phrase secrète'), { exact: true }).fill(PASS);
    await page.getByLabel(t('The passphrase, once more', 'La phrase secrète, une seconde fois')).fill(PASS);
    await shot(page, `${lang}-02c-create-filled`);
    await page.getByRole('button', { name: t('Create the profile', 'Créer le profil') }).click();
    await page.getByRole('heading', { name: 'Clients' }).waitFor();
    await page.getByText(t('Your client book is empty', 'Votre carnet est encore vierge')).waitFor();
    await shot(page, `${lang}-05-clients-empty`);

    await page.keyboard.press('Control+L');
    await page.getByRole('list', { name: t('Profiles on this laptop', 'Profils présents sur cet ordinateur') }).waitFor();
    await shot(page, `${lang}-03-chooser`);

    await page.getByRole('link', { name: /Éléonore Vasseur/ }).click();
    await page.getByRole('button', { name: t('Unlock', 'Déverrouiller') }).waitFor();
    await shot(page, `${lang}-04-unlock`);
    const field = page.getByLabel(t('Passphrase', 'Phrase secrète'), { exact: true });
    await field.fill('not the right one at all');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').waitFor();
    await shot(page, `${lang}-04b-unlock-wrong`);
    // Fail until the back-off lasts a few seconds, then catch the countdown.
    for (let attempt = 0; attempt < 30; attempt++) {
      const timer = page.getByRole('timer');
      if (await timer.count()) {
        const text = (await timer.textContent()) ?? '';
        if (/0:0[3-9]|0:[1-5]\d/.test(text)) break;
        await page.waitForFunction(() => !document.querySelector('[role=timer]'), null, { timeout: 20000 });
      }
      await field.fill('still not the right one');
      await page.keyboard.press('Enter');
      await page.waitForTimeout(250);
    }
    await page.getByRole('timer').waitFor();
    await shot(page, `${lang}-04c-unlock-throttled`);
    await page.waitForFunction(() => !document.querySelector('[role=timer]'), null, { timeout: 20000 });
    await field.fill(PASS);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Clients' }).waitFor();
    await page.getByRole('button', { name: new RegExp(t('Lock', 'Verrouiller')) }).click();

    // The demo maison.
    // Hold the answer a moment, to see the progress state however fast the generator is.
    await page.route('**/invoke', async (route) => {
      if (route.request().postDataJSON()?.channel === 'session.openDemo') await new Promise((r) => setTimeout(r, 2500));
      await route.continue();
    });
    await page.getByRole('button', { name: t('Open the demo maison', 'Ouvrir la maison de démonstration') }).click();
    await page.waitForTimeout(400);
    await shot(page, `${lang}-06-demo-preparing`);
    await page.getByRole('heading', { name: 'Clients' }).waitFor({ timeout: 60000 });
    await page.unroute('**/invoke');
    if (placeholderDemo) {
      seed(host.core.session.store.raw);
      await page.reload();
    }
    if (lang === 'fr') await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('table').waitFor();
    await shot(page, `${lang}-07-clients`);

    await page.keyboard.press('/');
    await page.keyboard.type('mar');
    await page.waitForTimeout(400);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await shot(page, `${lang}-07b-clients-search`);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForTimeout(200);
    await shot(page, `${lang}-08-client`);
    await page.keyboard.press('Escape');
    await page.getByRole('table').waitFor();
    await page.getByRole('searchbox').fill('zzzq');
    await page.waitForTimeout(400);
    await shot(page, `${lang}-07c-clients-no-match`);
    await page.getByRole('searchbox').fill('');
    await page.getByRole('radio', { name: t('Last contact', 'Dernier contact') }).check();
    await page.waitForTimeout(400);
    await page.mouse.wheel(0, 900);
    await page.waitForTimeout(200);
    await shot(page, `${lang}-07d-clients-last-contact-scrolled`);

    // A restricted client: found through the core, then searched for like an advisor would.
    const all = [];
    for (let offset = 0; ; offset += 200) {
      const r = await host.core.router.dispatch('clients.list', { sort: 'name', limit: 200, offset });
      all.push(...r.value.items);
      if (all.length >= r.value.total || r.value.items.length === 0) break;
    }
    const restricted = all.find((c) => c.status === 'restricted');
    if (restricted) {
      await page.mouse.wheel(0, -5000);
      await page.getByRole('radio', { name: t('Name', 'Nom') }).check();
      await page.getByRole('searchbox').fill(restricted.lastName);
      await page.waitForTimeout(400);
      await shot(page, `${lang}-07e-clients-restricted-badge`);
      await page.getByRole('link', { name: new RegExp(restricted.firstName) }).first().click();
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForTimeout(200);
      await shot(page, `${lang}-08b-client-restricted`);
      await page.keyboard.press('Escape');
      await page.getByRole('table').waitFor();
      await page.getByRole('searchbox').fill('');
      await page.waitForTimeout(400);
    }

    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(host.url + '/#/clients');
    await page.reload();
    await page.getByRole('table').waitFor();
    await shot(page, `${lang}-09-dark-clients`);
    await page.getByRole('table').getByRole('link').nth(2).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await shot(page, `${lang}-09b-dark-client`);
    await page.keyboard.press('Control+L');
    await page.getByRole('list').waitFor();
    await shot(page, `${lang}-09c-dark-chooser`);
  } finally {
    await browser.close();
    await host.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

for (const lang of ['en', 'fr']) {
  if (!only || only === lang) await run(lang);
}
