/**
 * The advisor's day with one client: find her from three letters typed without accents, read
 * her Client 360, write a note through quick capture and see it at the top of the timeline; a
 * card number is caught before anything is written and redacted; a health term can never be
 * kept; then the appointment brief, on screen and as printed — in English and in French.
 * In Debian's Chromium through the harness, over the real router and a real encrypted store.
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
  error?: { code: string; findings?: unknown[] };
}

async function core(e2e: E2E, channel: string, input: unknown): Promise<Loose> {
  return (await e2e.host.core.router.dispatch(channel, input)) as Loose;
}

const plain = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '');
const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

describe('Client 360, quick capture and the brief in Chromium', () => {
  let e2e: E2E;
  let client: { id: string; firstName: string; lastName: string };

  async function interactionCount(): Promise<number> {
    const c = await core(e2e, 'clients.get', { id: client.id });
    return c.value.counts.interactions as number;
  }

  async function latestNote(): Promise<string | null> {
    const page = await core(e2e, 'clients.timeline', { id: client.id, kinds: ['interaction'], limit: 1 });
    return page.value.items[0]?.interaction.note ?? null;
  }

  async function writeNote(page: Page, text: string): Promise<void> {
    const note = page.getByRole('textbox', { name: 'Note', exact: true });
    await note.fill(text);
    await note.press(`${mod}+Enter`);
  }

  beforeAll(async () => {
    e2e = await startE2E({ demoClients: 120 });
    await e2e.page.getByRole('button', { name: 'Open the demo maison' }).click();
    await e2e.page.getByRole('table', { name: 'Clients' }).waitFor({ timeout: 60_000 });

    // A client with a full portrait: people around her, gifts, sizes, an accent in her name.
    const list = await core(e2e, 'clients.list', { limit: 120 });
    let best = -1;
    for (const item of list.value.items as { id: string; lastName: string }[]) {
      const r = await core(e2e, 'clients.get360', { id: item.id });
      if (!r.ok || r.value.client.status !== 'active' || r.value.circle === null || r.value.preferences === null || r.value.gifts === null) continue;
      const v = r.value;
      const score = v.circle.length + v.gifts.length + (v.openAfterSales?.length ?? 0) * 3 + (v.upcomingMoments?.length ?? 0) * 2 + (plain(item.lastName) !== item.lastName ? 4 : 0);
      if (score > best) {
        best = score;
        client = v.client;
      }
    }
    expect(client).toBeDefined();
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it('finds the client by three letters without accents and opens her Client 360', async () => {
    const { page } = e2e;
    await page.keyboard.press('/');
    await page.keyboard.type(plain(client.lastName).slice(0, 3).toLowerCase());
    const table = page.getByRole('table', { name: 'Clients' });
    const link = table.getByRole('link', { name: new RegExp(`${client.firstName}.*${client.lastName}`) });
    await link.waitFor({ timeout: 10_000 });
    await link.click();
    await page.getByRole('heading', { level: 1, name: new RegExp(client.lastName) }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Family & circle' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Timeline' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Gifts given' }).waitFor();
    await expect.poll(() => page.locator('.entry').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expectAccessible(page, 'client 360');
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'e2e-50-client360');
    await fullPage(page, 'e2e-50b-client360-full');
    await page.locator('#client-circle').scrollIntoViewIfNeeded();
    await page.evaluate('window.scrollBy(0, -120)');
    await screenshot(page, 'e2e-50c-client360-circle');
  });

  it('filters the timeline by kind and pages back with "Show earlier"', async () => {
    const { page } = e2e;
    const filters = page.getByRole('group', { name: 'Show' });
    await filters.getByRole('button', { name: 'Purchases' }).click();
    await expect.poll(async () => (await page.locator('.entry').evaluateAll((els) => els.map((el) => el.className))).every((c) => c.includes('entry--purchase'))).toBe(true);
    await filters.getByRole('button', { name: 'Everything' }).click();
    await expect.poll(async () => new Set(await page.locator('.entry').evaluateAll((els) => els.map((el) => el.className))).size, { timeout: 10_000 }).toBeGreaterThan(1);
    const before = await page.locator('.entry').count();
    const more = page.getByRole('button', { name: 'Show earlier' });
    if (await more.count()) {
      await more.click();
      await expect.poll(() => page.locator('.entry').count(), { timeout: 10_000 }).toBeGreaterThan(before);
    }
  });

  it('adds a note through quick capture (N, then Ctrl+Enter) and shows it at the top of the timeline', async () => {
    const { page } = e2e;
    await page.evaluate('window.scrollTo(0, 0)');
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('n');
    expect(await page.evaluate('document.activeElement?.tagName')).toBe('TEXTAREA');
    const count = await interactionCount();
    const text = `Tried the Promenade 32 mm in rose gold <b>twice</b>; wants to see it again before the anniversary. ${Date.now()}`;
    await page.keyboard.type(text);
    await page.keyboard.press(`${mod}+Enter`);
    await page.getByText('Saved to the timeline.').waitFor();
    await expect.poll(() => page.locator('.entries--past .entry').first().innerText(), { timeout: 10_000 }).toContain(text);
    expect(await interactionCount()).toBe(count + 1);
    expect(await latestNote()).toBe(text);
    // Rendered as text: the tag the advisor typed is not an element.
    expect(await page.locator('.entries--past .entry').first().locator('b').count()).toBe(0);
  });

  it('marks a discreet note "remember, never raise"', async () => {
    const { page } = e2e;
    await page.getByRole('checkbox', { name: 'Discreet — remember, never raise' }).check();
    await writeNote(page, 'Her late mother loved the Bois Sacré scent: never suggest it.');
    await page.getByText('Saved to the timeline.').waitFor();
    const first = page.locator('.entries--past .entry').first();
    await expect.poll(() => first.innerText(), { timeout: 10_000 }).toContain('Bois Sacré');
    expect(await first.getAttribute('class')).toContain('entry--discreet');
    await first.getByText('Remember, never raise').waitFor();
    expect(await page.getByRole('checkbox', { name: 'Discreet — remember, never raise' }).isChecked()).toBe(false);
  });

  it('catches a card number before anything is written, and saves the note redacted', async () => {
    const { page } = e2e;
    const count = await interactionCount();
    const note = page.getByRole('textbox', { name: 'Note', exact: true });
    await note.fill('Paid the deposit with card 4111 1111 1111 1111 at the counter.');
    // Found while typing, quoted from her own words and marked under them.
    await page.locator('.capture__live').getByText('4111 1111 1111 1111').waitFor();
    await expect.poll(() => page.locator('.capture__mark').count()).toBe(1);
    await note.press(`${mod}+Enter`);
    const refused = page.getByRole('alert').filter({ hasText: 'Not saved' });
    await refused.waitFor();
    await refused.getByText('A card number').waitFor();
    await refused.getByRole('button', { name: 'Keep, with a reason' }).waitFor();
    expect(await interactionCount()).toBe(count);
    await screenshot(page, 'e2e-51-capture-findings');
    await refused.getByRole('button', { name: 'Redact and save' }).click();
    await page.getByText('Saved to the timeline.').waitFor();
    expect(await interactionCount()).toBe(count + 1);
    const saved = await latestNote();
    expect(saved).toContain('[redacted]');
    expect(saved).not.toContain('4111');
    await expect.poll(() => page.locator('.entries--past .entry').first().innerText(), { timeout: 10_000 }).toContain('[redacted]');
  });

  it('keeps a sensitive finding only with a reason', async () => {
    const { page } = e2e;
    const count = await interactionCount();
    await writeNote(page, 'Her assistant asked us to write to claire.assistant@example.org for the fitting.');
    const refused = page.getByRole('alert').filter({ hasText: 'Not saved' });
    await refused.waitFor();
    await refused.getByRole('button', { name: 'Keep, with a reason' }).click();
    await page.getByRole('button', { name: 'Keep and save' }).click();
    await page.getByText('Give a reason, or redact.').waitFor();
    await page.getByRole('textbox', { name: 'Why it must be kept' }).fill('The assistant handles the fittings.');
    await page.getByRole('button', { name: 'Keep and save' }).click();
    await page.getByText('Saved to the timeline.').waitFor();
    expect(await interactionCount()).toBe(count + 1);
    expect(await latestNote()).toContain('claire.assistant@example.org');
  });

  it('never keeps a health term', async () => {
    const { page } = e2e;
    const count = await interactionCount();
    await writeNote(page, 'Mentioned her diabetes; prefers lighter fragrances now.');
    const refused = page.getByRole('alert').filter({ hasText: 'Not saved' });
    await refused.waitFor();
    await refused.getByText('Can never be kept').waitFor();
    expect(await refused.getByRole('button', { name: 'Keep, with a reason' }).count()).toBe(0);
    expect(await interactionCount()).toBe(count);
    // Kept anyway through the core: refused there too.
    const forced = await core(e2e, 'interactions.add', {
      clientId: client.id,
      kind: 'visit',
      direction: 'inbound',
      note: 'Mentioned her diabetes.',
      acceptFindings: [{ kind: 'email', start: 14, end: 22, reason: 'try' }],
    });
    expect(forced.ok).toBe(false);
    await refused.locator('..').scrollIntoViewIfNeeded();
    await screenshot(page, 'e2e-52-capture-special');
    await refused.getByRole('button', { name: 'Rephrase' }).click();
    expect(await page.evaluate('document.activeElement?.tagName')).toBe('TEXTAREA');
    await page.getByRole('textbox', { name: 'Note', exact: true }).fill('');
    expect(await interactionCount()).toBe(count);
  });

  it('veils notes, amounts and the people around her in discreet mode', async () => {
    const { page } = e2e;
    const toggle = page.getByRole('button', { name: 'Discreet', exact: true });
    await toggle.click();
    await expect.poll(() => page.evaluate('document.documentElement.dataset.discreet ?? null')).toBe('on');
    // The page's own getComputedStyle (this file is type-checked without DOM types).
    const veiled = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { filter: string } }).getComputedStyle(el).filter);
    await expect.poll(() => veiled('.entries--past .entry__note')).toContain('blur');
    await expect.poll(() => veiled('.person__name')).toContain('blur');
    await page.locator('#client-timeline').scrollIntoViewIfNeeded();
    await screenshot(page, 'e2e-57-client360-discreet');
    await toggle.click();
    await expect.poll(() => page.evaluate('document.documentElement.dataset.discreet ?? null')).toBe(null);
  });

  it('opens the appointment brief, printable, and Esc goes back', async () => {
    const { page } = e2e;
    await page.evaluate('window.scrollTo(0, 0)');
    await page.getByRole('link', { name: 'Brief' }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(client.lastName) }).waitFor();
    for (const name of ['What to remember', 'Do not raise', 'Sizes', 'Last three conversations', 'Open after-sales', 'Moments within 30 days', 'Gifts already given']) {
      await page.getByRole('heading', { level: 2, name }).waitFor();
    }
    const quiet = page.getByRole('region', { name: 'Do not raise' });
    await quiet.getByText('Her late mother loved the Bois Sacré scent: never suggest it.').waitFor();
    expect(await page.getByRole('region', { name: 'What to remember' }).innerText()).not.toContain('Bois Sacré');
    await expectAccessible(page, 'brief');
    await screenshot(page, 'e2e-53-brief');
    await fullPage(page, 'e2e-53b-brief-full');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.shell__header').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    await fullPage(page, 'e2e-54-brief-print');
    // About an A4 sheet's printable width at 96 dpi.
    await page.setViewportSize({ width: 720, height: 1020 });
    await fullPage(page, 'e2e-54b-brief-a4');
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.emulateMedia({ media: 'screen' });
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { level: 2, name: 'Timeline' }).waitFor();
  });

  it('says it all in French', async () => {
    const { page } = e2e;
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { level: 2, name: 'Famille et entourage' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Chronologie' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await expectAccessible(page, 'client 360 (fr)');
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'e2e-55-client360-fr');
    await fullPage(page, 'e2e-55b-client360-fr-full');
    await page.getByRole('group', { name: 'Afficher' }).getByRole('button', { name: 'Échanges' }).click();
    await page.locator('.entry--discreet').first().waitFor();
    await page.locator('#client-timeline').scrollIntoViewIfNeeded();
    await page.evaluate('window.scrollBy(0, -120)');
    await screenshot(page, 'e2e-55c-timeline-fr');
    await page.locator('.entry--discreet').first().scrollIntoViewIfNeeded();
    await screenshot(page, 'e2e-55d-timeline-discreet-fr');
    await page.getByRole('group', { name: 'Afficher' }).getByRole('button', { name: 'Tout' }).click();
    await page.keyboard.press('b');
    await page.getByRole('heading', { level: 2, name: 'À ne pas évoquer' }).waitFor();
    await expectAccessible(page, 'brief (fr)');
    await screenshot(page, 'e2e-56-brief-fr');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 2, name: 'Do not raise' }).waitFor();
  });
});
