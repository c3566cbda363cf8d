/**
 * Consent coverage across the book (`privacy.overview`): counts only, from the ledger's current
 * state, computed in SQL. On demo data they agree with `privacy.consents.get` summed client by
 * client; a withdrawal moves exactly one count; an erased client leaves every count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastAudit, openWorld, type World } from './support.js';

interface Slot {
  purpose: string;
  channel: string | null;
  granted: number;
  withdrawn: number;
  never: number;
}

const slotKey = (s: { purpose: string; channel: string | null }) => `${s.purpose}:${s.channel ?? ''}`;

async function allClientIds(w: World): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ; ) {
    const page = await w.call('clients.list', { limit: 200, offset, sort: 'name' });
    ids.push(...(page.value.items as { id: string }[]).map((i) => i.id));
    offset += page.value.items.length;
    if (page.value.items.length === 0 || offset >= page.value.total) break;
  }
  const archived = await w.call('clients.listArchived', {});
  if (archived.ok) ids.push(...((archived.value.items ?? []) as { id: string }[]).map((i) => i.id));
  return [...new Set(ids)];
}

describe('privacy.overview', () => {
  let w: World;
  beforeAll(async () => {
    w = await openWorld({ demoClients: 60 });
  });
  afterAll(async () => {
    await w.close();
  });

  it('agrees with privacy.consents.get summed over every client', async () => {
    const overview = await w.call('privacy.overview', {});
    expect(overview.ok, JSON.stringify(overview.error)).toBe(true);
    // Audited like every read, naming no one.
    expect(lastAudit(w.raw)).toMatchObject({ action: 'privacy.overview', target_ids: '[]', outcome: 'ok' });
    const ids = await allClientIds(w);
    expect(overview.value.clients).toBe(ids.length);

    const expected = new Map<string, Slot>();
    let restricted = 0;
    let objections = 0;
    for (const id of ids) {
      const consents = await w.call('privacy.consents.get', { clientId: id });
      expect(consents.ok).toBe(true);
      if (consents.value.status === 'restricted') restricted++;
      for (const c of consents.value.current as { purpose: string; channel: string | null; state: string }[]) {
        const slot = expected.get(slotKey(c)) ?? { purpose: c.purpose, channel: c.channel, granted: 0, withdrawn: 0, never: 0 };
        if (c.state === 'granted') slot.granted++;
        else if (c.state === 'withdrawn') slot.withdrawn++;
        else slot.never++;
        expected.set(slotKey(c), slot);
        if (c.purpose === 'analytics' && c.state === 'withdrawn') objections++;
      }
    }
    expect(overview.value.coverage).toEqual([...expected.values()]);
    expect(overview.value.restricted).toBe(restricted);
    expect(overview.value.analyticsObjections).toBe(objections);
    // The demo is varied enough for the comparison to mean something.
    const outreachEmail = (overview.value.coverage as Slot[]).find((s) => s.purpose === 'outreach' && s.channel === 'email');
    expect(outreachEmail!.granted).toBeGreaterThan(0);
    expect((overview.value.coverage as Slot[]).some((s) => s.withdrawn > 0)).toBe(true);
    // Counts only: no id of any client in the answer.
    const text = JSON.stringify(overview.value);
    for (const id of ids) expect(text).not.toContain(id);
  });

  it('moves one count when a client withdraws, and forgets an erased client', async () => {
    const before = (await w.call('privacy.overview', {})).value as { clients: number; coverage: Slot[] };
    const ids = await allClientIds(w);
    let clientId: string | undefined;
    for (const id of ids) {
      const c = await w.call('privacy.consents.get', { clientId: id });
      if (c.value.status === 'active' && c.value.current.some((s: { purpose: string; state: string }) => s.purpose === 'personalisation' && s.state === 'granted')) {
        clientId = id;
        break;
      }
    }
    expect(clientId).toBeDefined();
    const withdrawn = await w.call('privacy.consents.record', {
      clientId,
      purpose: 'personalisation',
      action: 'withdraw',
      source: 'in_person',
      noticeVersion: 'v3',
    });
    expect(withdrawn.ok, JSON.stringify(withdrawn.error)).toBe(true);
    const after = (await w.call('privacy.overview', {})).value as { clients: number; coverage: Slot[] };
    const find = (o: { coverage: Slot[] }) => o.coverage.find((s) => s.purpose === 'personalisation')!;
    expect(find(after)).toEqual({ ...find(before), granted: find(before).granted - 1, withdrawn: find(before).withdrawn + 1 });
    for (const slot of after.coverage.filter((s) => s.purpose !== 'personalisation')) {
      expect(slot).toEqual(before.coverage.find((s) => slotKey(s) === slotKey(slot)));
    }

    expect((await w.call('privacy.rights.erase', { clientId, confirm: true })).ok).toBe(true);
    const erased = (await w.call('privacy.overview', {})).value as { clients: number; coverage: Slot[] };
    expect(erased.clients).toBe(before.clients - 1);
    for (const slot of erased.coverage) expect(slot.granted + slot.withdrawn + slot.never).toBe(erased.clients);
    expect(find(erased).withdrawn).toBe(find(before).withdrawn);
  });
});
