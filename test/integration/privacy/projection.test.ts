/**
 * The read projection: `clients.get` shows what the current consents allow — no more, not even a
 * count — and a withdrawal hides at once and queues the data for purge after the grace period.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { visibleCategories } from '../../../electron/services/privacy/projection.js';
import {
  addConsent,
  addContact,
  addGift,
  addMoment,
  addPerson,
  addPreference,
  addPurchase,
  addRelation,
  lastAudit,
  openWorld,
  type World,
} from './support.js';

const DAY = 86_400_000;
const record = { source: 'in_person', noticeVersion: 'v3-2026' } as const;

describe('read projection — one client', () => {
  let w: World;
  let client: string;
  let daughter: string;

  beforeEach(async () => {
    w = await openWorld();
    client = addPerson(w.raw, { first: 'Hélène', last: 'Roux', birth: '1970-05-14' });
    daughter = addPerson(w.raw, { kind: 'related', first: 'Zoé', last: 'Roux' });
    addRelation(w.raw, daughter, client, 'daughter');
    for (const purpose of ['service', 'personalisation', 'relationship_mapping']) addConsent(w.raw, client, purpose, 'grant');
    addConsent(w.raw, client, 'outreach', 'grant', { channel: 'email' });
    addPreference(w.raw, client, 'size', 'ring', '52');
    addPreference(w.raw, client, 'colour', 'favourite', 'bordeaux');
    addPreference(w.raw, client, 'material', 'leather', 'box calf');
    addMoment(w.raw, client, 'birthday', '05-14');
    addMoment(w.raw, client, 'wedding_anniversary', '09-02');
    addMoment(w.raw, daughter, 'birthday', '02-11');
    addGift(w.raw, client, daughter);
    addContact(w.raw, client);
    addPurchase(w.raw, client);
  });
  afterEach(async () => {
    await w.close();
  });

  const get = async () => {
    const r = await w.call('clients.get', { id: client });
    expect(r.ok).toBe(true);
    return r.value;
  };
  const change = async (input: Record<string, unknown>) => {
    const r = await w.call('privacy.consents.record', { clientId: client, ...record, ...input });
    expect(r.ok, JSON.stringify(r.error)).toBe(true);
    return r.value;
  };

  it('shows every category the consents allow, with counts and the consent summary', async () => {
    const c = await get();
    expect(c.visibleCategories).toEqual(['identity', 'contact', 'preferences', 'moments', 'relations', 'purchases', 'notes', 'gifts', 'appointments', 'after_sales']);
    expect(c.personalisation).toBe(true);
    expect(c.relationshipMapping).toBe(true);
    expect(c.categoryCounts).toEqual({
      contact: 1,
      preferences: 3,
      moments: 2,
      relations: 1,
      purchases: 1,
      notes: 0,
      gifts: 1,
      appointments: 0,
      after_sales: 0,
    });
    expect(c.counts).toEqual({ purchases: 1, interactions: 0, openAfterSales: 0, people: 1 });
    expect(c.preferredChannel).toBe('email');
    expect(c.consents).toHaveLength(10);
    expect(c.consents).toContainEqual({ purpose: 'outreach', channel: 'email', state: 'granted' });
    expect(c.consents).toContainEqual({ purpose: 'outreach', channel: 'sms', state: 'none' });
    expect(c.consents).toContainEqual({ purpose: 'personalisation', channel: null, state: 'granted' });
  });

  it('hides preferences, moments and gifts at once when personalisation is withdrawn, and queues them for purge', async () => {
    const withdrawn = await change({ purpose: 'personalisation', action: 'withdraw' });
    const recordedAt = withdrawn.history[0].recordedAt as string;
    const c = await get();
    expect(c.personalisation).toBe(false);
    expect(c.visibleCategories).toEqual(['identity', 'contact', 'relations', 'purchases', 'notes', 'appointments', 'after_sales']);
    expect(c.categoryCounts).toMatchObject({ preferences: null, moments: null, gifts: null, relations: 1, purchases: 1 });
    expect(c.consents).toContainEqual({ purpose: 'personalisation', channel: null, state: 'withdrawn' });
    // The data is still there, hidden, until the purge.
    expect(w.raw.prepare('SELECT count(*) AS n FROM preference WHERE person_id = ?').get(client)).toEqual({ n: 3 });

    const pending = await w.call('privacy.pendingPurges', {});
    expect(pending.value.graceDays).toBe(30);
    const dueAt = new Date(Date.parse(recordedAt) + 30 * DAY).toISOString();
    expect(pending.value.items).toEqual([
      { clientId: client, category: 'preferences', purpose: 'personalisation', dueAt },
      { clientId: client, category: 'moments', purpose: 'personalisation', dueAt },
      { clientId: client, category: 'gifts', purpose: 'personalisation', dueAt },
    ]);
    expect(lastAudit(w.raw)).toMatchObject({ action: 'privacy.pendingPurges', target_ids: JSON.stringify([client]) });
    expect(JSON.stringify(pending.value)).not.toMatch(/bordeaux|Hélène|Roux|scarf/i);

    // Granted again within the grace period: shown again, nothing left to purge.
    await change({ purpose: 'personalisation', action: 'grant' });
    expect((await get()).categoryCounts.preferences).toBe(3);
    expect((await w.call('privacy.pendingPurges', {})).value.items).toEqual([]);
  });

  it('hides the people around the client when relationship mapping is withdrawn; their count does not leak', async () => {
    expect(await visibleCategories(w.db, daughter)).toEqual(['identity', 'preferences', 'moments', 'relations']);
    await change({ purpose: 'relationship_mapping', action: 'withdraw' });
    const c = await get();
    expect(c.relationshipMapping).toBe(false);
    expect(c.visibleCategories).not.toContain('relations');
    expect(c.categoryCounts.relations).toBeNull();
    expect(c.counts.people).toBe(0);
    // Personalisation still holds: the client's own preferences stay.
    expect(c.categoryCounts.preferences).toBe(3);
    expect(await visibleCategories(w.db, daughter)).toEqual([]);
    const items = (await w.call('privacy.pendingPurges', {})).value.items;
    expect(items).toEqual([expect.objectContaining({ clientId: client, category: 'relations', purpose: 'relationship_mapping' })]);
  });

  it('does not hide contact details when an outreach channel is withdrawn (service still needs them)', async () => {
    await change({ purpose: 'outreach', channel: 'email', action: 'withdraw' });
    const c = await get();
    expect(c.visibleCategories).toContain('contact');
    expect(c.preferredChannel).toBe('email');
    expect(c.consents).toContainEqual({ purpose: 'outreach', channel: 'email', state: 'withdrawn' });
    expect((await w.call('privacy.pendingPurges', {})).value.items).toEqual([]);
  });

  it('hides what was never consented to, without queueing it as a withdrawal', async () => {
    const other = addPerson(w.raw, { first: 'Paul' });
    addPreference(w.raw, other);
    const r = await w.call('clients.get', { id: other });
    expect(r.value.personalisation).toBe(false);
    expect(r.value.categoryCounts.preferences).toBeNull();
    expect((await w.call('privacy.pendingPurges', {})).value.items).toEqual([]);
  });

  it('counts the grace period from the setting, kept in the store', async () => {
    expect((await w.call('privacy.settings.get', {})).value).toEqual({ purgeGraceDays: 30 });
    expect((await w.call('privacy.settings.set', { purgeGraceDays: 7 })).value).toEqual({ purgeGraceDays: 7 });
    expect(w.raw.prepare("SELECT value FROM setting WHERE key = 'privacy.purge_grace_days'").get()).toEqual({ value: '7' });
    const withdrawn = await change({ purpose: 'personalisation', action: 'withdraw' });
    const pending = (await w.call('privacy.pendingPurges', {})).value;
    expect(pending.graceDays).toBe(7);
    expect(pending.items[0].dueAt).toBe(new Date(Date.parse(withdrawn.history[0].recordedAt) + 7 * DAY).toISOString());
    expect((await w.call('privacy.settings.set', { purgeGraceDays: 0 })).ok).toBe(true);
    for (const purgeGraceDays of [-1, 366, 1.5, '30', null]) {
      expect((await w.call('privacy.settings.set', { purgeGraceDays })).error?.code).toBe('INVALID_INPUT');
    }
    // A damaged value falls back to the default rather than failing.
    w.raw.prepare("UPDATE setting SET value = 'soon' WHERE key = 'privacy.purge_grace_days'").run();
    expect((await w.call('privacy.settings.get', {})).value).toEqual({ purgeGraceDays: 30 });
  });

  it('shows a restricted client flagged, read-only, with the same projection', async () => {
    expect((await w.call('privacy.restrict', { clientId: client, restricted: true })).ok).toBe(true);
    const c = await get();
    expect(c.status).toBe('restricted');
    expect(c.categoryCounts.preferences).toBe(3);
  });
});

describe('read projection — the demo maison', () => {
  let w: World;

  beforeEach(async () => {
    w = await openWorld({ demoClients: 80 });
  });
  afterEach(async () => {
    await w.close();
  });

  it('agrees with the ledger for every client, and pending purges name only hidden, held categories', async () => {
    const clients = w.raw.prepare("SELECT id FROM person WHERE kind = 'client' AND status != 'erased'").all() as { id: string }[];
    const withdrawnPersonalisation = new Set<string>();
    let hiddenSomewhere = 0;
    for (const { id } of clients) {
      const r = await w.call('clients.get', { id });
      expect(r.ok, JSON.stringify(r.error)).toBe(true);
      const c = r.value;
      const personalisation = c.consents.find((x: { purpose: string }) => x.purpose === 'personalisation').state;
      if (personalisation === 'withdrawn') withdrawnPersonalisation.add(id);
      expect(c.personalisation).toBe(personalisation === 'granted');
      expect(c.visibleCategories.includes('preferences')).toBe(c.personalisation);
      expect(c.visibleCategories.includes('relations')).toBe(c.relationshipMapping);
      for (const [category, count] of Object.entries(c.categoryCounts)) {
        expect(count === null).toBe(!c.visibleCategories.includes(category));
      }
      if (!c.personalisation || !c.relationshipMapping) hiddenSomewhere++;
    }
    expect(withdrawnPersonalisation.size).toBeGreaterThan(0);
    expect(hiddenSomewhere).toBeGreaterThanOrEqual(withdrawnPersonalisation.size);

    const pending = (await w.call('privacy.pendingPurges', {})).value.items as { clientId: string; category: string; purpose: string; dueAt: string }[];
    expect(pending.length).toBeGreaterThan(0);
    for (const item of pending) {
      const c = (await w.call('clients.get', { id: item.clientId })).value;
      expect(c.visibleCategories).not.toContain(item.category);
      if (item.purpose === 'personalisation') expect(withdrawnPersonalisation.has(item.clientId)).toBe(true);
    }
    // Sorted by due date.
    expect(pending.map((p) => p.dueAt)).toEqual([...pending.map((p) => p.dueAt)].sort());
  });
});
