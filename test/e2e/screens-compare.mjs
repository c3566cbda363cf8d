/**
 * Scratch: full-page screenshots of the main screens, for comparing a style refactor pixel for
 * pixel. Not a test: it asserts nothing.
 * `npx electron-vite build && npx tsx test/e2e/screens-compare.mjs /tmp/screens-before`
 * Run twice on the same build (the same day: relative dates follow the real clock) and `cmp`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startHost } from '../harness/host.ts';

const OUT = path.resolve(process.argv[2] ?? '');
if (!process.argv[2]) {
  console.error('usage: npx tsx test/e2e/screens-compare.mjs <folder>');
  process.exit(2);
}
fs.mkdirSync(OUT, { recursive: true });

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Fonts loaded, finite animations ended, two frames painted. */
async function settle(page) {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.evaluate(
    'Promise.all(document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Infinity).map((a) => a.finished.catch(() => null)))',
  );
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(undefined)))));
}

/** No call to the core in flight for 400 ms: every read (and the audit entries it writes) done. */
let inFlight = 0;
async function quiet(page) {
  for (let still = 0; still < 4; ) {
    await page.waitForTimeout(100);
    still = inFlight === 0 ? still + 1 : 0;
  }
}

/** Every element's computed style, one line each: catches what a screenshot cannot see. */
async function styles(page) {
  return page.evaluate(() => {
    const lines = [];
    const walk = (el, at) => {
      const cs = getComputedStyle(el);
      const values = [];
      for (let i = 0; i < cs.length; i++) values.push(`${cs[i]}:${cs.getPropertyValue(cs[i])}`);
      for (const pseudo of ['::before', '::after', '::marker', '::placeholder']) {
        const ps = getComputedStyle(el, pseudo);
        if (ps.content && ps.content !== 'none' && ps.content !== 'normal') values.push(`${pseudo}{${Array.from(ps).map((k) => `${k}:${ps.getPropertyValue(k)}`).sort().join(',')}}`);
      }
      lines.push(`${at} ${values.sort().join(';')}`);
      Array.from(el.children).forEach((c, i) => walk(c, `${at}>${c.tagName.toLowerCase()}${c.className && typeof c.className === 'string' ? '.' + c.className.trim().split(/\s+/).join('.') : ''}[${i}]`));
    };
    walk(document.documentElement, 'html');
    return lines.join('\n');
  });
}

async function shot(page, name, { keepMouse = false } = {}) {
  await quiet(page);
  if (!keepMouse) await page.mouse.move(0, 0);
  await page.evaluate('window.scrollTo(0, 0)');
  await page.waitForTimeout(300);
  await settle(page);
  // Times of day follow the wall clock (the brief's "printed at", the audit log): pin them.
  await page.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (/\b\d{1,2}:\d{2}\b/.test(n.data)) n.data = n.data.replace(/\b\d{1,2}:\d{2}\b/g, '12:00');
    }
  });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(undefined)))));
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  fs.writeFileSync(path.join(OUT, `${name}.styles.txt`), await styles(page));
  console.log(file);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carnet-compare-'));
const host = await startHost({ profilesDir: dir, demoClients: 60 });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB', deviceScaleFactor: 1, reducedMotion: 'reduce' });
const page = await context.newPage();
// Calls to the core one at a time, in the order the page makes them: a page that asks for two
// things at once (the privacy page verifies the audit log while reading it) gets the same answers.
let queue = Promise.resolve();
await page.route('**/invoke', (route) => {
  queue = queue.then(async () => {
    try {
      const response = await route.fetch();
      await route.fulfill({ response });
    } catch {
      await route.abort().catch(() => undefined);
    }
  });
  return queue;
});
page.on('request', (r) => r.url().endsWith('/invoke') && inFlight++);
page.on('requestfinished', (r) => r.url().endsWith('/invoke') && inFlight--);
page.on('requestfailed', (r) => r.url().endsWith('/invoke') && inFlight--);
page.on('pageerror', (e) => console.error('pageerror', e.message));
page.on('console', (m) => m.type() === 'error' && console.error('console', m.text()));

try {
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  await page.goto(host.openUrl);
  await page.getByRole('button', { name: 'Open the demo maison' }).click();
  await page.getByRole('table', { name: 'Clients' }).waitFor({ timeout: 60_000 });
  const url = new URL(page.url());
  const base = `${url.origin}${url.pathname}`;

  const go = async (hash) => {
    await quiet(page);
    await page.goto(`${base}#${hash}`);
  };
  // First: the audit log it shows counts every call made before it.
  await go('/privacy');
  await page.getByRole('heading', { level: 1, name: 'Privacy' }).waitFor();
  await page.waitForTimeout(500);
  await shot(page, '08-privacy');

  const list = await host.core.router.dispatch('clients.list', { limit: 60 });
  let client;
  for (const item of list.value.items) {
    const r = await host.core.router.dispatch('clients.get360', { id: item.id });
    if (r.ok && r.value.client.status === 'active' && Array.isArray(r.value.circle) && r.value.circle.length > 0) {
      client = r.value.client;
      break;
    }
  }
  if (!client) throw new Error('No active client with a circle.');
  const id = client.id;

  const open360 = async () => {
    await go(`/clients/${id}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(client.lastName) }).waitFor();
    await page.getByRole('heading', { level: 2, name: /^(Timeline|Chronologie)$/ }).waitFor();
    await page.locator('.entry').first().waitFor({ timeout: 10_000 });
  };

  await go('/clients');
  await page.getByRole('table', { name: 'Clients' }).waitFor();
  await shot(page, '01-clients');

  await open360();
  await shot(page, '02-client360');

  await go(`/clients/${id}/brief`);
  await page.getByRole('heading', { level: 2, name: 'What to remember' }).waitFor();
  await shot(page, '03-brief');
  await page.emulateMedia({ media: 'print' });
  await shot(page, '04-brief-print');
  await page.emulateMedia({ media: 'screen' });

  await go(`/clients/${id}/edit`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.locator('form input').first().waitFor();
  await shot(page, '05-edit');

  await go('/clients/new');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await shot(page, '06-new-client');

  await go(`/clients/${id}/gift`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.waitForTimeout(500);
  await shot(page, '07-gift-ledger');


  await go('/settings');
  await page.getByRole('heading', { level: 2, name: 'Appearance' }).waitFor();
  await page.waitForTimeout(500);
  await shot(page, '09-settings');

  await open360();
  await page.getByRole('button', { name: 'Record…' }).click();
  await page.getByRole('menuitem', { name: 'An appointment' }).click();
  await page.getByRole('dialog', { name: 'Schedule an appointment' }).waitFor();
  await shot(page, '10-appointment-dialog', { keepMouse: true });
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });

  await open360();
  await page.getByRole('button', { name: 'Français' }).click();
  await page.getByRole('heading', { level: 2, name: 'Chronologie' }).waitFor();
  await shot(page, '11-client360-fr');
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 2, name: 'Timeline' }).waitFor();

  await page.emulateMedia({ colorScheme: 'dark' });
  await open360();
  await shot(page, '12-client360-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  await page.getByRole('button', { name: /^Lock/ }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Open the demo maison' }).waitFor();
  await shot(page, '13-welcome');
} finally {
  await browser.close();
  await host.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
