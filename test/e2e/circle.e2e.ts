/**
 * The advisor keeps a client's portrait on the Client 360: adds a preference with the day the
 * client confirmed it, sees it marked "to review", confirms it in one click, sees it in the brief,
 * changes and removes it; adds a moment and sees it come round, corrects one's label and date
 * (from the keyboard) and sees it move; adds a daughter with her ring size
 * and birthday, changes and removes her. A client without relationship-mapping consent has no one
 * added around them, and a refusal of the core's gate is said in plain words. Once in French.
 * In Debian's Chromium through the harness, over the real router and a real encrypted store.
 */
import type { Locator, Page } from 'playwright-core';
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

function localToday(offsetDays = 0): { iso: string; day: number; month: number } {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  const iso = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return { iso, day: d.getDate(), month: d.getMonth() + 1 };
}

/** What the page's elements offer (this file is typed without the DOM library). */
interface InPage {
  ownerDocument: { defaultView: { getComputedStyle(el: unknown): { opacity: string } } };
  getAnimations(options: { subtree: boolean }): { playState: string }[];
}

/** Row actions fade in on hover and on focus: wait until they are fully shown. */
async function actionsShown(row: Locator): Promise<void> {
  await expect.poll(() => row.locator('.circle-actions').evaluate((el) => (el as unknown as InPage).ownerDocument.defaultView.getComputedStyle(el).opacity)).toBe('1');
}

/** A dialog has finished coming in (axe reads colours mid-fade otherwise). */
async function settled(dialog: Locator): Promise<void> {
  await dialog.waitFor();
  await expect.poll(() => dialog.evaluate((el) => (el as unknown as InPage).getAnimations({ subtree: true }).filter((a) => a.playState === 'running').length)).toBe(0);
}

async function scrollTo(page: Page, locator: Locator): Promise<void> {
  await locator.scrollIntoViewIfNeeded();
  await page.evaluate('window.scrollBy(0, -140)');
}

describe('Preferences, moments and the circle, kept on the Client 360 in Chromium', () => {
  let e2e: E2E;
  let client: { id: string; firstName: string; lastName: string };
  let unmapped: { id: string; firstName: string; lastName: string };
  let base: string;

  const section = (name: string): Locator => e2e.page.locator(`section[aria-labelledby="${name}"]`);

  async function openClient(id: string): Promise<void> {
    await e2e.page.goto(`${base}#/clients/${id}`);
    await e2e.page.getByRole('heading', { level: 2, name: 'Family & circle' }).waitFor();
  }

  async function preferences(): Promise<{ id: string; domain: string; label: string; value: string; reviewAt: string | null; reviewDue: boolean }[]> {
    const r = await core(e2e, 'clients.get360', { id: client.id });
    return (r.value.preferences as { items: any[] }[]).flatMap((g) => g.items);
  }

  async function circle(id: string): Promise<any[] | null> {
    const r = await core(e2e, 'clients.get360', { id });
    return r.value.circle;
  }

  beforeAll(async () => {
    e2e = await startE2E({ demoClients: 60 });
    await e2e.page.getByRole('button', { name: 'Open the demo maison' }).click();
    await e2e.page.getByRole('table', { name: 'Clients' }).waitFor({ timeout: 60_000 });
    base = `${new URL(e2e.page.url()).origin}${new URL(e2e.page.url()).pathname}`;
    const list = await core(e2e, 'clients.list', { limit: 60 });
    for (const item of list.value.items as { id: string }[]) {
      const r = await core(e2e, 'clients.get', { id: item.id });
      const c = r.value;
      if (c.status !== 'active') continue;
      if (!client && c.personalisation && c.relationshipMapping && c.preferences.length < 10) client = c;
      if (!unmapped && !c.relationshipMapping) unmapped = c;
    }
    expect(client).toBeDefined();
    expect(unmapped).toBeDefined();
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it('adds a preference with the day it was confirmed, marked "to review" once its period has passed', async () => {
    const { page } = e2e;
    await openClient(client.id);
    const prefs = section('client-preferences');
    await scrollTo(page, prefs);
    await screenshot(page, 'e2e-circle-01-preferences');
    await prefs.getByRole('button', { name: 'Add a preference' }).click();
    const dialog = page.getByRole('dialog', { name: 'A size or a taste' });
    await dialog.waitFor();
    await dialog.getByLabel('Kind').selectOption('service');
    await dialog.getByLabel('Preference').fill('Prefers the private salon, late afternoon');
    await expect.poll(() => dialog.getByRole('radio', { name: 'Said by the client' }).isChecked()).toBe(true);
    const confirmed = dialog.getByRole('group', { name: 'Last confirmed with the client' });
    expect(await confirmed.getByLabel('Year').inputValue()).toBe(localToday().iso.slice(0, 4));
    await confirmed.getByLabel('Day').selectOption('1');
    await confirmed.getByLabel('Month').selectOption('3');
    await confirmed.getByLabel('Year').fill('2024');
    await settled(page.getByRole('dialog'));
    await expectAccessible(page, 'add preference dialog');
    await screenshot(page, 'e2e-circle-02-add-preference');
    await dialog.getByRole('button', { name: 'Add the preference' }).click();
    await dialog.waitFor({ state: 'detached' });

    const row = prefs.locator('.pref', { hasText: 'Prefers the private salon, late afternoon' });
    await row.waitFor();
    await row.getByText('To review').waitFor();
    const stored = (await preferences()).find((p) => p.value === 'Prefers the private salon, late afternoon');
    expect(stored).toMatchObject({ domain: 'service', reviewAt: '2024-03-01', reviewDue: true });
    await scrollTo(page, row);
    await row.hover();
    await actionsShown(row);
    await screenshot(page, 'e2e-circle-03-preference-to-review');
    await expectAccessible(page, 'preferences with actions');
  });

  it('confirms in one click that it is still true, and the brief shows it', async () => {
    const { page } = e2e;
    const prefs = section('client-preferences');
    const row = prefs.locator('.pref', { hasText: 'Prefers the private salon, late afternoon' });
    // The row's actions are reached from the keyboard too: focus shows them.
    const still = row.getByRole('button', { name: 'Service style: Prefers the private salon, late afternoon — still true, confirmed today' });
    await page.mouse.move(0, 0);
    await still.focus();
    await actionsShown(row);
    await screenshot(page, 'e2e-circle-04-preference-focus');
    await page.keyboard.press('Enter');
    await row.getByText('To review').waitFor({ state: 'detached' });
    const stored = (await preferences()).find((p) => p.value === 'Prefers the private salon, late afternoon');
    expect(stored?.reviewDue).toBe(false);
    expect(stored?.reviewAt).toBe(localToday().iso);

    await page.goto(`${base}#/clients/${client.id}/brief`);
    await page.getByText('Prefers the private salon, late afternoon').first().waitFor();
    await screenshot(page, 'e2e-circle-05-brief');
    await openClient(client.id);
  });

  it('changes a preference, then removes it after a confirmation', async () => {
    const { page } = e2e;
    const prefs = section('client-preferences');
    await scrollTo(page, prefs);
    await prefs.getByRole('button', { name: 'Edit Service style: Prefers the private salon, late afternoon' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change the preference' });
    await dialog.waitFor();
    await dialog.getByLabel('Preference').fill('Prefers the private salon, mornings');
    await dialog.getByRole('radio', { name: 'Noticed by the advisor' }).check();
    await settled(dialog);
    await screenshot(page, 'e2e-circle-06-edit-preference');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = prefs.locator('.pref', { hasText: 'Prefers the private salon, mornings' });
    await row.waitFor();
    expect((await preferences()).find((p) => p.value === 'Prefers the private salon, mornings')).toBeDefined();

    await row.getByRole('button', { name: 'Remove Service style: Prefers the private salon, mornings' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove this preference?' });
    await confirm.waitFor();
    await settled(page.getByRole('dialog'));
    await expectAccessible(page, 'remove preference dialog');
    await screenshot(page, 'e2e-circle-07-remove-preference');
    await confirm.getByRole('button', { name: 'Remove' }).click();
    await confirm.waitFor({ state: 'detached' });
    await row.waitFor({ state: 'detached' });
    expect((await preferences()).some((p) => p.value === 'Prefers the private salon, mornings' || p.value === 'Prefers the private salon, late afternoon')).toBe(false);
  });

  it('adds a moment, sees it in Moments and in Moments to come, and removes it', async () => {
    const { page } = e2e;
    const moments = section('client-moments');
    await scrollTo(page, moments);
    await moments.getByRole('button', { name: 'Add a moment' }).click();
    const dialog = page.getByRole('dialog', { name: 'A moment in the client’s life' });
    await dialog.waitFor();
    await dialog.getByLabel('Moment').selectOption('wedding_anniversary');
    const soon = localToday(12);
    const date = dialog.getByRole('group', { name: 'Date' });
    await date.getByLabel('Day').selectOption(String(soon.day));
    await date.getByLabel('Month').selectOption(String(soon.month));
    await date.getByLabel('Year').fill('2011');
    // The label is scanned as it is typed (the core scans it on save): a third party's e-mail shows, then goes.
    const label = dialog.getByLabel('In your words');
    await label.pressSequentially('Ask yuki.other@example.org', { delay: 5 });
    await dialog.locator('.live-findings').waitFor({ timeout: 10_000 });
    await label.fill('Their fifteenth, in Kyoto');
    await expect.poll(() => dialog.locator('.live-findings').count(), { timeout: 10_000 }).toBe(0);
    await dialog.getByLabel('Note', { exact: true }).fill('Book the table at Kikunoi.');
    await expect.poll(() => dialog.getByRole('checkbox', { name: 'Comes round every year' }).isChecked()).toBe(true);
    await settled(page.getByRole('dialog'));
    await expectAccessible(page, 'add moment dialog');
    await screenshot(page, 'e2e-circle-08-add-moment');
    await dialog.getByRole('button', { name: 'Add the moment' }).click();
    await dialog.waitFor({ state: 'detached' });

    const row = moments.locator('.moment', { hasText: 'Their fifteenth, in Kyoto' });
    await row.waitFor();
    await row.getByText('Book the table at Kikunoi.').waitFor();
    const upcoming = section('client-upcoming');
    await upcoming.getByText('Their fifteenth, in Kyoto').waitFor();
    await scrollTo(page, moments);
    await screenshot(page, 'e2e-circle-09-moment-added');
    const get = await core(e2e, 'clients.get', { id: client.id });
    const added = (get.value.moments as { id: string; label: string | null; date: string; recurring: boolean }[]).find((m) => m.label === 'Their fifteenth, in Kyoto');
    expect(added).toMatchObject({ recurring: true, date: `2011-${String(soon.month).padStart(2, '0')}-${String(soon.day).padStart(2, '0')}` });

    await row.getByRole('button', { name: /^Remove Wedding anniversary/ }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove this moment?' });
    await confirm.waitFor();
    await confirm.getByRole('button', { name: 'Remove' }).click();
    await row.waitFor({ state: 'detached' });
    await upcoming.getByText('Their fifteenth, in Kyoto').waitFor({ state: 'detached' });
  });

  it('corrects a moment’s label and date, and sees the new ones in Moments and in Moments to come', async () => {
    const { page } = e2e;
    const far = localToday(200);
    const soon = localToday(9);
    const pad = (n: number): string => String(n).padStart(2, '0');
    const added = await core(e2e, 'moments.add', { personId: client.id, kind: 'wedding_anniversary', date: `2011-${pad(far.month)}-${pad(far.day)}`, label: 'Their fifteenth' });
    expect(added.ok).toBe(true);
    await openClient(client.id);
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Family & circle' }).waitFor();

    const moments = section('client-moments');
    const upcoming = section('client-upcoming');
    const row = moments.locator('.moment', { hasText: 'Their fifteenth' });
    await row.waitFor();
    expect(await upcoming.getByText('Their fifteenth').count()).toBe(0);
    await scrollTo(page, row);
    // Reached from the keyboard: focus inside the row shows its actions.
    await page.mouse.move(0, 0);
    const edit = row.getByRole('button', { name: /^Edit Wedding anniversary — .* — Their fifteenth$/ });
    await edit.focus();
    await actionsShown(row);
    await screenshot(page, 'e2e-circle-19-moment-actions');
    await page.keyboard.press('Enter');

    const dialog = page.getByRole('dialog', { name: 'Change the moment' });
    await dialog.waitFor();
    const date = dialog.getByRole('group', { name: 'Date' });
    // Prefilled with the moment as it is.
    expect(await dialog.getByLabel('Moment').inputValue()).toBe('wedding_anniversary');
    expect(await date.getByLabel('Day').inputValue()).toBe(String(far.day));
    expect(await date.getByLabel('Month').inputValue()).toBe(String(far.month));
    expect(await date.getByLabel('Year').inputValue()).toBe('2011');
    expect(await dialog.getByLabel('In your words').inputValue()).toBe('Their fifteenth');
    expect(await dialog.getByRole('checkbox', { name: 'Comes round every year' }).isChecked()).toBe(true);

    await date.getByLabel('Day').selectOption(String(soon.day));
    await date.getByLabel('Month').selectOption(String(soon.month));
    await dialog.getByLabel('In your words').fill('Their fifteenth, in Kyoto');
    await settled(page.getByRole('dialog'));
    await expectAccessible(page, 'edit moment dialog');
    await screenshot(page, 'e2e-circle-20-edit-moment');
    const sent = page.waitForRequest((r) => r.url().endsWith('/invoke') && (r.postData() ?? '').includes('"moments.update"'));
    await dialog.getByRole('button', { name: 'Save' }).click();
    // Only what changed is sent: the date and the label, not the kind or the recurring flag.
    const body = JSON.parse((await sent).postData() ?? '{}') as { input: Record<string, unknown> };
    expect(body.input).toEqual({ id: added.value.id, personId: client.id, date: `2011-${pad(soon.month)}-${pad(soon.day)}`, label: 'Their fifteenth, in Kyoto' });
    await dialog.waitFor({ state: 'detached' });

    const edited = moments.locator('.moment', { hasText: 'Their fifteenth, in Kyoto' });
    await edited.waitFor();
    await upcoming.getByText('Their fifteenth, in Kyoto').waitFor();
    const shown = await edited.locator('time').getAttribute('datetime');
    expect(shown).toBe(`${soon.iso}`);
    await scrollTo(page, moments);
    await page.mouse.move(0, 0);
    await screenshot(page, 'e2e-circle-21-moment-edited');
    await edited.hover();
    await actionsShown(edited);
    await screenshot(page, 'e2e-circle-22-moment-hover');
    await scrollTo(page, upcoming);
    await screenshot(page, 'e2e-circle-23-moment-edited-to-come');
    await expectAccessible(page, 'moments after an edit');

    const get = await core(e2e, 'clients.get', { id: client.id });
    const stored = (get.value.moments as { id: string; kind: string; label: string | null; date: string; recurring: boolean }[]).find((m) => m.id === added.value.id);
    expect(stored).toMatchObject({ kind: 'wedding_anniversary', recurring: true, label: 'Their fifteenth, in Kyoto', date: `2011-${pad(soon.month)}-${pad(soon.day)}` });
    // The audit has the entry, with the client's id and none of the data.
    const audit = await core(e2e, 'privacy.audit.list', { limit: 50 });
    const entry = (audit.value.entries as { action: string; targetIds: string[]; outcome: string }[]).find((a) => a.action === 'moments.update');
    expect(entry).toMatchObject({ targetIds: [client.id], outcome: 'ok' });
    expect(JSON.stringify(audit.value)).not.toContain('Kyoto');

    await edited.getByRole('button', { name: /^Remove Wedding anniversary/ }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove this moment?' });
    await confirm.getByRole('button', { name: 'Remove' }).click();
    await edited.waitFor({ state: 'detached' });
    await upcoming.getByText('Their fifteenth, in Kyoto').waitFor({ state: 'detached' });
  });

  it('adds a daughter with her ring size and birthday, changes her, and removes her with what is kept about her', async () => {
    const { page } = e2e;
    const circleSection = section('client-circle');
    await scrollTo(page, circleSection);
    await circleSection.getByRole('button', { name: 'Add a person' }).click();
    const dialog = page.getByRole('dialog', { name: 'Someone around the client' });
    await dialog.waitFor();
    await dialog.getByLabel('First name').fill('Léa');
    await dialog.getByLabel('Last name').fill(client.lastName);
    await dialog.getByLabel('Relation').selectOption('family');
    await dialog.getByLabel('To the client').fill('daughter');
    const birthday = dialog.getByRole('group', { name: 'Birthday' });
    await birthday.getByLabel('Day').selectOption('14');
    await birthday.getByLabel('Month').selectOption('6');
    await birthday.getByLabel('Year').fill('2009');
    await dialog.getByRole('textbox', { name: 'Ring size', exact: true }).fill('49');
    await dialog.getByRole('button', { name: '+ Add a size or a taste' }).click();
    await dialog.getByRole('textbox', { name: 'Colour', exact: true }).fill('Bordeaux');
    await settled(page.getByRole('dialog'));
    await expectAccessible(page, 'add person dialog');
    await screenshot(page, 'e2e-circle-10-add-person');
    await dialog.getByRole('button', { name: 'Add to the circle' }).click();
    await dialog.waitFor({ state: 'detached' });

    const person = circleSection.locator('.person', { hasText: 'Léa' });
    await person.waitFor();
    await person.getByText('daughter').waitFor();
    await person.getByText('49').waitFor();
    await scrollTo(page, person);
    await person.hover();
    await actionsShown(person);
    await screenshot(page, 'e2e-circle-11-person-added');
    const lea = (await circle(client.id))?.find((m) => m.firstName === 'Léa');
    expect(lea).toMatchObject({ birthday: '2009-06-14', relation: { kind: 'family', label: 'daughter' } });
    expect(lea.sizes).toEqual([expect.objectContaining({ domain: 'ring_size', value: '49' })]);
    expect(lea.tastes).toEqual([expect.objectContaining({ domain: 'colour', value: 'Bordeaux' })]);

    await person.getByRole('button', { name: /^Edit Léa/ }).click();
    const edit = page.getByRole('dialog', { name: 'Change this person' });
    await edit.waitFor();
    await edit.getByRole('textbox', { name: 'Ring size', exact: true }).fill('50');
    await settled(edit);
    await screenshot(page, 'e2e-circle-12-edit-person');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'detached' });
    await person.getByText('50').waitFor();
    expect((await circle(client.id))?.find((m) => m.firstName === 'Léa')?.sizes[0]?.value).toBe('50');

    await person.getByRole('button', { name: /^Remove Léa/ }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove this person from the circle?' });
    await confirm.waitFor();
    await confirm.getByText(/sizes and tastes go with them/).waitFor();
    await settled(page.getByRole('dialog'));
    await expectAccessible(page, 'remove person dialog');
    await screenshot(page, 'e2e-circle-13-remove-person');
    await confirm.getByRole('button', { name: 'Remove from the circle' }).click();
    await confirm.waitFor({ state: 'detached' });
    await person.waitFor({ state: 'detached' });
    expect((await circle(client.id))?.some((m) => m.firstName === 'Léa')).toBe(false);
  });

  it('adds no one around a client without relationship-mapping consent, and says why', async () => {
    const { page } = e2e;
    await openClient(unmapped.id);
    const circleSection = section('client-circle');
    await circleSection.getByText('first record their consent to relationship mapping').waitFor();
    expect(await circleSection.getByRole('button', { name: 'Add a person' }).count()).toBe(0);
    await scrollTo(page, circleSection);
    await screenshot(page, 'e2e-circle-14-no-mapping');
    const before = (await core(e2e, 'clients.get', { id: unmapped.id })).value.categoryCounts.relations;
    const refused = await core(e2e, 'people.add', { clientId: unmapped.id, firstName: 'Léa', relation: { kind: 'family', label: 'daughter' } });
    expect(refused.error?.code).toBe('CONSENT_MISSING');
    expect((await core(e2e, 'clients.get', { id: unmapped.id })).value.categoryCounts.relations).toBe(before);
  });

  it('shows the gate’s refusal in plain words when the consent goes while the form is open', async () => {
    const { page } = e2e;
    await openClient(client.id);
    const circleSection = section('client-circle');
    await scrollTo(page, circleSection);
    const count = (await circle(client.id))?.length ?? 0;
    await circleSection.getByRole('button', { name: 'Add a person' }).click();
    const dialog = page.getByRole('dialog', { name: 'Someone around the client' });
    await dialog.waitFor();
    await dialog.getByLabel('First name').fill('Victor');
    await dialog.getByLabel('To the client').fill('husband');
    await dialog.getByRole('textbox', { name: 'Ring size', exact: true }).fill('62');
    // Meanwhile the client withdraws relationship mapping (recorded elsewhere).
    const withdrawn = await core(e2e, 'privacy.consents.record', {
      clientId: client.id,
      purpose: 'relationship_mapping',
      action: 'withdraw',
      source: 'in_person',
      noticeVersion: '2026-01',
    });
    expect(withdrawn.ok).toBe(true);
    await dialog.getByRole('button', { name: 'Add to the circle' }).click();
    await dialog.getByRole('alert').getByText('The client has not given the consent this needs.').waitFor();
    await settled(page.getByRole('dialog'));
    await expectAccessible(page, 'refused person dialog');
    await screenshot(page, 'e2e-circle-15-refused');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    const after = await core(e2e, 'clients.get360', { id: client.id });
    expect(after.value.circle).toBeNull();
    // Granted again, the circle is as it was: nothing was written.
    const granted = await core(e2e, 'privacy.consents.record', {
      clientId: client.id,
      purpose: 'relationship_mapping',
      action: 'grant',
      source: 'in_person',
      noticeVersion: '2026-01',
    });
    expect(granted.ok).toBe(true);
    expect((await circle(client.id))?.length).toBe(count);
  });

  it('says it in French', async () => {
    const { page } = e2e;
    await openClient(client.id);
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { level: 2, name: 'Famille et entourage' }).waitFor();
    const prefs = section('client-preferences');
    await scrollTo(page, prefs);
    await screenshot(page, 'e2e-circle-16-preferences-fr');
    await prefs.getByRole('button', { name: 'Ajouter une préférence' }).click();
    const dialog = page.getByRole('dialog', { name: 'Une taille ou un goût' });
    await dialog.waitFor();
    await settled(page.getByRole('dialog'));
    await expectAccessible(page, 'add preference dialog (fr)');
    await screenshot(page, 'e2e-circle-17-add-preference-fr');
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    const circleSection = section('client-circle');
    await scrollTo(page, circleSection);
    await circleSection.getByRole('button', { name: 'Ajouter une personne' }).click();
    const person = page.getByRole('dialog', { name: 'Une personne de l’entourage' });
    await person.waitFor();
    await settled(page.getByRole('dialog'));
    await expectAccessible(page, 'add person dialog (fr)');
    await screenshot(page, 'e2e-circle-18-add-person-fr');
    await person.getByRole('button', { name: 'Annuler' }).click();
    const moments = section('client-moments');
    await scrollTo(page, moments);
    await moments.getByRole('button', { name: /^Modifier / }).first().focus();
    await page.keyboard.press('Enter');
    const moment = page.getByRole('dialog', { name: 'Modifier le moment' });
    await moment.waitFor();
    await settled(page.getByRole('dialog'));
    await expectAccessible(page, 'edit moment dialog (fr)');
    await screenshot(page, 'e2e-circle-24-edit-moment-fr');
    await moment.getByRole('button', { name: 'Annuler' }).click();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 2, name: 'Family & circle' }).waitFor();
  });
});
