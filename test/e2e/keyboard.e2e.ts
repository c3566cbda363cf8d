/**
 * Keyboard only, on the pages an advisor lives in: every stop of the Tab order on the clients
 * list, a Client 360 and the brief shows a visible focus ring; the 360's Record… menu and its
 * dialogs open, trap focus and give it back with the keyboard alone; B opens the brief, Escape
 * walks back to the list with the focus on the client's row.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, screenshot, settled, startE2E, type E2E } from './support.js';

interface Stop {
  tag: string;
  label: string;
  visible: boolean;
}

/**
 * The focused element, described, and whether focus changes how it (or the row, label or field
 * around it) is drawn: its styles are read focused, then blurred, then it is focused again.
 */
const FOCUSED = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const chain = [el, el.parentElement, el.parentElement && el.parentElement.parentElement, el.closest('tr'), el.closest('label'), el.closest('.field')];
  const snap = () => chain.map((n) => {
    if (!n) return '';
    const s = getComputedStyle(n);
    return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor, s.borderBottomColor, s.borderBottomWidth, s.textDecorationLine, s.color].join('|');
  }).join('#');
  const focused = snap();
  el.blur();
  const rest = snap();
  el.focus({ preventScroll: true });
  const label = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('name') || el.id || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
  return { tag: el.tagName.toLowerCase(), label, visible: focused !== rest };
})()`;

/** Tabs through the page (at most `max` stops, or until the focus comes back round) and returns each stop. */
async function tabStops(page: Page, max: number): Promise<Stop[]> {
  await page.evaluate('document.activeElement && document.activeElement.blur && document.activeElement.blur(); window.scrollTo(0, 0)');
  const stops: Stop[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const stop = (await page.evaluate(FOCUSED)) as Stop | null;
    if (!stop) continue;
    const key = `${stop.tag}|${stop.label}|${i > 3 ? stops.length : i}`;
    if (stops.length > 3 && stops[0] && stop.label === stops[0].label && stop.tag === stops[0].tag) break;
    seen.add(key);
    stops.push(stop);
  }
  return stops;
}

describe('keyboard only, in Chromium', () => {
  let e2e: E2E;
  let clientId: string;
  let lastName: string;

  beforeAll(async () => {
    e2e = await startE2E({ demoClients: 40 });
    await e2e.page.getByRole('button', { name: 'Open the demo maison' }).click();
    await e2e.page.getByRole('table', { name: 'Clients' }).waitFor({ timeout: 60_000 });
    const list = (await e2e.host.core.router.dispatch('clients.list', { limit: 40 })) as { ok: true; value: { items: { id: string; status: string; lastName: string }[] } };
    const client = list.value.items.find((c) => c.status === 'active')!;
    clientId = client.id;
    lastName = client.lastName;
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it('can tell a focus ring from none (the check itself)', async () => {
    const { page } = e2e;
    await page.evaluate(`(() => {
      const bare = document.createElement('button');
      bare.id = 'probe-bare';
      bare.textContent = 'probe';
      bare.setAttribute('style', 'outline: none !important; box-shadow: none !important; background: transparent !important');
      document.body.append(bare);
    })()`);
    await page.keyboard.press('Tab'); // the keyboard was the last input: focus-visible applies
    await page.evaluate("document.getElementById('probe-bare').focus()");
    expect(((await page.evaluate(FOCUSED)) as Stop).visible).toBe(false);
    await page.evaluate("document.getElementById('probe-bare').removeAttribute('style')");
    await page.evaluate("document.getElementById('probe-bare').focus()");
    expect(((await page.evaluate(FOCUSED)) as Stop).visible).toBe(true);
    await page.evaluate("document.getElementById('probe-bare').remove()");
  });

  it('shows where the focus is at every stop of the clients list', async () => {
    const stops = await tabStops(e2e.page, 40);
    expect(stops.length).toBeGreaterThan(10);
    expect(stops.filter((s) => !s.visible)).toEqual([]);
  });

  it('shows where the focus is at every stop of a Client 360, top to bottom', async () => {
    const { page } = e2e;
    await page.evaluate(`window.location.hash = '#/clients/${clientId}'`);
    await page.getByRole('heading', { level: 2, name: 'Timeline' }).waitFor();
    const stops = await tabStops(page, 160);
    expect(stops.length).toBeGreaterThan(30);
    expect(stops.filter((s) => !s.visible)).toEqual([]);
    // The actions a keyboard user needs are all on the way.
    const labels = stops.map((s) => s.label);
    for (const wanted of ['Brief', 'Record…']) expect(labels).toContain(wanted);
  });

  it('opens the Record… menu and a dialog, keeps the focus inside, and gives it back', async () => {
    const { page } = e2e;
    await page.evaluate('window.scrollTo(0, 0)');
    const record = page.getByRole('button', { name: 'Record…' });
    await record.focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu');
    await menu.waitFor();
    await settled(page);
    await expectAccessible(page, 'record menu');
    // Opened from the keyboard, the first item has the focus; arrow keys move through the items.
    // (Read without blurring: the menu's roving focus must not be disturbed.)
    const active = async () => (await page.evaluate("document.activeElement ? document.activeElement.textContent.trim() : ''")) as string;
    expect(await active()).toBe('An appointment');
    await page.keyboard.press('ArrowDown');
    expect(await active()).toBe('An after-sales case');
    await page.keyboard.press('ArrowUp');
    expect(await active()).toBe('An appointment');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Schedule an appointment' });
    await dialog.waitFor();
    await settled(page);
    await screenshot(page, 'e2e-keyboard-01-dialog');
    // Tab never leaves the dialog.
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate("document.activeElement?.closest('[role=dialog]') !== null")).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(((await page.evaluate(FOCUSED)) as Stop).label).toBe('Record…');
  });

  it('B opens the brief, Escape returns to the 360, then to the list with the client’s row focused', async () => {
    const { page } = e2e;
    await page.evaluate('document.activeElement && document.activeElement.blur && document.activeElement.blur()');
    await page.keyboard.press('b');
    await page.getByRole('heading', { level: 2, name: 'What to remember' }).waitFor();
    const stops = await tabStops(page, 40);
    expect(stops.filter((s) => !s.visible)).toEqual([]);
    expect(stops.map((s) => s.label)).toEqual(expect.arrayContaining(['Print', 'Save as PDF']));
    await page.evaluate('document.activeElement && document.activeElement.blur && document.activeElement.blur()');
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { level: 2, name: 'Timeline' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('table', { name: 'Clients' }).waitFor();
    await expect.poll(async () => ((await page.evaluate(FOCUSED)) as Stop | null)?.label ?? '').toContain(lastName);
  });
});
