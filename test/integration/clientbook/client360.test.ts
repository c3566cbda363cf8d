/**
 * The Client 360, its timeline and the appointment brief, through the router against a real
 * encrypted store: every part, paging and filters, upcoming moments in the advisor's time zone,
 * and the projection (a part whose category the consents hide is null, never empty). Then the
 * demo maison: every client's 360 and brief pass their output schemas, and a whole history
 * pages through without gaps or repeats.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addConsent, addPerson, newClient, ok, openWorld, refused, type World } from './book-support.js';

const DAY = 86_400_000;

function todayIn(w: World): string {
  const zone = (w.raw.prepare('SELECT time_zone FROM advisor').get() as { time_zone: string }).time_zone;
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

function plus(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + days * DAY).toISOString().slice(0, 10);
}

interface Fixture {
  client: string;
  daughter: string;
  ex: string;
  today: string;
}

/** A client with something in every part of the 360. */
async function furnish(w: World): Promise<Fixture> {
  const today = todayIn(w);
  const client = await newClient(w, {
    honorific: 'Mme',
    tier: 'Prestige',
    timeZone: 'Europe/Paris',
    birthDate: `1970-${plus(today, 70).slice(5)}`,
    contact: [{ channel: 'email', value: 'margaux@example.fr', preferred: true }],
  });
  const daughter = ok(
    await w.call('people.add', { clientId: client, firstName: 'Louise', relation: { kind: 'family', label: 'daughter' }, birthday: plus(today, 5).slice(5), sizes: [{ label: 'ring', value: '50' }] }),
  ).id;
  const ex = ok(await w.call('people.add', { clientId: client, firstName: 'Henri', relation: { kind: 'family', label: 'husband' }, birthday: plus(today, 3).slice(5) })).id;
  w.raw.prepare("UPDATE relation SET until = '2024-03-01' WHERE from_person_id = ?").run(ex);
  ok(await w.call('preferences.add', { personId: client, domain: 'ring_size', value: '52', provenance: 'declared' }));
  ok(await w.call('preferences.add', { personId: client, domain: 'service', value: 'Prefers the private salon', provenance: 'observed' }));
  ok(await w.call('preferences.add', { personId: client, domain: 'dislike', value: 'yellow gold', provenance: 'declared' }));
  ok(await w.call('moments.add', { personId: client, kind: 'wedding_anniversary', date: `2001-${plus(today, 10).slice(5)}` }));
  ok(await w.call('moments.add', { personId: client, kind: 'bereavement', date: plus(today, -40), label: 'Loss of her father', note: 'Quiet period.' }));
  ok(await w.call('moments.add', { personId: client, kind: 'travel', date: plus(today, 61) }));
  const t = (daysAgo: number, h = 10) => new Date(Date.now() - daysAgo * DAY + h * 60_000).toISOString();
  ok(await w.call('purchases.add', { clientId: client, purchasedAt: t(30), category: 'jewellery', item: 'Constellation ring', amountMinor: 1_250_000, currency: 'EUR', channel: 'boutique' }));
  ok(await w.call('purchases.add', { clientId: client, purchasedAt: t(20), category: 'leather_goods', item: 'Étrier bag', amountMinor: 480_000, currency: 'EUR', channel: 'boutique', recipientPersonId: daughter }));
  ok(await w.call('purchases.add', { clientId: client, purchasedAt: t(10), category: 'fragrance', item: 'Bois Sacré', amountMinor: 28_000, currency: 'CHF', channel: 'remote' }));
  for (const [daysAgo, note, discreet, kind] of [
    [25, 'Tried the cashmere stole.', false, 'visit'],
    [15, 'Her father passed away; she asked for nothing festive this year.', true, 'call'],
    [12, 'Asked for the Étrier in navy.', false, 'message'],
    [8, 'Thanked us for the flowers.', false, 'message'],
    [6, 'Gift note.', false, 'gift'],
    [4, 'Came with Louise.', false, 'visit'],
  ] as const) {
    ok(await w.call('interactions.add', { clientId: client, kind, direction: 'inbound', occurredAt: t(daysAgo), note, discreet }));
  }
  ok(await w.call('afterSales.add', { clientId: client, kind: 'resize', item: 'Constellation ring', openedAt: t(9) }));
  const closed = ok(await w.call('afterSales.add', { clientId: client, kind: 'cleaning', item: 'Watch', openedAt: t(40) })).id;
  ok(await w.call('afterSales.update', { id: closed, status: 'closed' }));
  ok(await w.call('appointments.add', { clientId: client, startsAt: new Date(Date.now() + 3 * DAY).toISOString(), place: 'private_salon', purpose: 'Collect the ring' }));
  ok(await w.call('appointments.add', { clientId: client, startsAt: t(50), place: 'boutique', status: 'done' }));
  ok(await w.call('gifts.add', { clientId: client, recipientPersonId: daughter, givenAt: plus(today, -100), occasion: 'graduation', item: 'Card holder' }));
  ok(await w.call('gifts.add', { clientId: client, recipientPersonId: client, givenAt: plus(today, -35), occasion: 'condolences', item: 'White orchids' }));
  return { client, daughter, ex, today };
}

describe('clients.get360 and clients.timeline', () => {
  let w: World;
  let f: Fixture;
  beforeEach(async () => {
    w = await openWorld();
    f = await furnish(w);
  });
  afterEach(async () => {
    await w.close();
  });

  it('shows every part, projected', async () => {
    const v = ok(await w.call('clients.get360', { id: f.client }));
    expect(v.today).toBe(f.today);
    expect(v.client).toMatchObject({ id: f.client, firstName: 'Margaux', tier: 'Prestige', status: 'active' });
    expect(v.details).toMatchObject({ timeZone: 'Europe/Paris', provenance: 'declared', archivedAt: null });
    expect(v.relationship.advisor).toEqual({ id: w.profileId, displayName: 'Camille Laurent' });
    expect(v.relationship.spend).toEqual([
      { currency: 'CHF', amountMinor: 28_000, purchases: 1 },
      { currency: 'EUR', amountMinor: 1_730_000, purchases: 2 },
    ]);
    expect(v.contacts.map((c: { value: string }) => c.value)).toEqual(['margaux@example.fr']);
    expect(v.preferences.map((g: { domain: string }) => g.domain)).toEqual(['ring_size', 'dislike', 'service']);
    expect(v.circle.map((m: { firstName: string; relation: { label: string; until: string | null } }) => [m.firstName, m.relation.label, m.relation.until])).toEqual([
      ['Louise', 'daughter', null],
      ['Henri', 'husband', '2024-03-01'],
    ]);
    expect(v.circle[0].sizes.map((s: { domain: string; value: string }) => [s.domain, s.value])).toEqual([['ring_size', '50']]);
    expect(v.openAfterSales.map((c: { kind: string }) => c.kind)).toEqual(['resize']);
    expect(v.upcomingAppointments.map((a: { purpose: string }) => a.purpose)).toEqual(['Collect the ring']);
    // Next 60 days, soonest first; not the husband the relation ended with; not beyond 60 days.
    expect(v.upcomingMoments.map((m: { kind: string; inDays: number; person: { firstName: string } | null; years: number | null }) => [m.kind, m.inDays, m.person?.firstName ?? null, m.years])).toEqual([
      ['birthday', 5, 'Louise', null],
      ['wedding_anniversary', 10, null, Number(plus(f.today, 10).slice(0, 4)) - 2001],
    ]);
    expect(v.gifts.map((g: { item: string }) => g.item)).toEqual(['White orchids', 'Card holder']);
    expect(v.timeline.hidden).toEqual([]);
  });

  it('pages the timeline newest first with a cursor, filters by type, and never repeats or skips', async () => {
    const all = ok(await w.call('clients.timeline', { id: f.client, limit: 100 }));
    expect(all.next).toBeNull();
    const ats = all.items.map((i: { at: string }) => i.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    expect(new Set(all.items.map((i: { type: string }) => i.type))).toEqual(new Set(['purchase', 'interaction', 'moment', 'after_sales', 'appointment', 'gift']));
    const seen: string[] = [];
    let before: { at: string; id: string } | undefined;
    for (let page = 0; page < 20; page++) {
      const p = ok(await w.call('clients.timeline', { id: f.client, limit: 4, ...(before ? { before } : {}) }));
      seen.push(...p.items.map((i: { id: string }) => i.id));
      if (!p.next) break;
      before = p.next;
    }
    expect(seen).toEqual(all.items.map((i: { id: string }) => i.id));
    const onlyNotes = ok(await w.call('clients.timeline', { id: f.client, kinds: ['interaction'], limit: 100 }));
    expect(onlyNotes.items).toHaveLength(6);
    expect(onlyNotes.items.every((i: { type: string; interaction: { clientId: string } }) => i.type === 'interaction' && i.interaction.clientId === f.client)).toBe(true);
    const first = ok(await w.call('clients.get360', { id: f.client, timeline: { limit: 2, kinds: ['purchase', 'gift'] } })).timeline;
    expect(first.items.map((i: { type: string }) => i.type)).toEqual(['purchase', 'purchase']);
    expect(first.next).not.toBeNull();
    expect(refused(await w.call('clients.timeline', { id: f.client, kinds: ['note'] })).code).toBe('INVALID_INPUT');
    expect(refused(await w.call('clients.timeline', { id: f.client, limit: 101 })).code).toBe('INVALID_INPUT');
  });

  it('hides what withdrawn consents cover: null parts, never empty ones', async () => {
    addConsent(w.raw, f.client, 'personalisation', 'withdraw', { effectiveAt: new Date().toISOString() });
    let v = ok(await w.call('clients.get360', { id: f.client }));
    expect(v.preferences).toBeNull();
    expect(v.gifts).toBeNull();
    expect(v.details.birthDate).toBeNull();
    expect(v.timeline.hidden).toEqual(['moment', 'gift']);
    expect(v.timeline.items.some((i: { type: string }) => i.type === 'moment' || i.type === 'gift')).toBe(false);
    // The circle is relationship mapping's: still there, and so are the daughter's birthday.
    expect(v.upcomingMoments.map((m: { kind: string; personId: string }) => [m.kind, m.personId])).toEqual([['birthday', f.daughter]]);

    addConsent(w.raw, f.client, 'relationship_mapping', 'withdraw', { effectiveAt: new Date().toISOString() });
    v = ok(await w.call('clients.get360', { id: f.client }));
    expect(v.circle).toBeNull();
    expect(v.upcomingMoments).toBeNull();
    const bag = v.timeline.items.find((i: { type: string; purchase?: { item: string } }) => i.purchase?.item === 'Étrier bag');
    expect(bag.purchase.recipient).toBeNull();
    // (A note may name her — "Came with Louise." — that is the advisor's note, kept for service.)
    expect(JSON.stringify({ ...v, timeline: v.timeline.items.filter((i: { type: string }) => i.type !== 'interaction') })).not.toMatch(
      /Louise|Henri|Prefers the private salon|White orchids/,
    );
    // Service data stays.
    expect(v.contacts).toHaveLength(1);
    expect(v.openAfterSales).toHaveLength(1);
  });

  it('reads a restricted client (flagged, read-only), refuses an erased one and a person who is not a client', async () => {
    w.raw.prepare("UPDATE person SET status = 'restricted' WHERE id = ?").run(f.client);
    expect(ok(await w.call('clients.get360', { id: f.client })).client.status).toBe('restricted');
    expect(ok(await w.call('clients.brief', { id: f.client })).client.status).toBe('restricted');
    expect(refused(await w.call('clients.get360', { id: f.daughter })).code).toBe('NOT_FOUND');
    expect(refused(await w.call('clients.brief', { id: f.daughter })).code).toBe('NOT_A_CLIENT');
    w.raw.prepare("UPDATE person SET status = 'erased' WHERE id = ?").run(f.client);
    for (const channel of ['clients.get360', 'clients.brief', 'clients.timeline', 'gifts.list']) {
      const input = channel === 'gifts.list' ? { clientId: f.client } : { id: f.client };
      expect(refused(await w.call(channel, input)).code, channel).toBe('NOT_FOUND');
    }
  });
});

describe('clients.brief', () => {
  let w: World;
  let f: Fixture;
  beforeEach(async () => {
    w = await openWorld();
    f = await furnish(w);
  });
  afterEach(async () => {
    await w.close();
  });

  it('says what to remember and what not to raise, on one screen', async () => {
    const b = ok(await w.call('clients.brief', { id: f.client }));
    expect(b.client).toMatchObject({ id: f.client, honorific: 'Mme', firstName: 'Margaux', tier: 'Prestige' });
    expect(b.nextAppointment.purpose).toBe('Collect the ring');
    expect(b.remember.notes.map((n: { note: string }) => n.note)).toEqual([
      'Came with Louise.',
      'Gift note.',
      'Thanked us for the flowers.',
      'Asked for the Étrier in navy.',
      'Tried the cashmere stole.',
    ]);
    expect(b.remember.preferences.map((p: { domain: string }) => p.domain)).toEqual(['dislike', 'service']);
    expect(b.doNotRaise.notes.map((n: { note: string }) => n.note)).toEqual(['Her father passed away; she asked for nothing festive this year.']);
    expect(b.doNotRaise.endedRelations).toEqual([{ personId: f.ex, firstName: 'Henri', lastName: '', label: 'husband', until: '2024-03-01' }]);
    expect(b.doNotRaise.quietMoments.map((m: { label: string }) => m.label)).toEqual(['Loss of her father']);
    expect(b.sizes.own.map((p: { domain: string; value: string }) => [p.domain, p.value])).toEqual([['ring_size', '52']]);
    expect(b.sizes.circle).toEqual([expect.objectContaining({ personId: f.daughter, relationLabel: 'daughter' })]);
    // Conversations: not the gift, not the discreet call.
    expect(b.lastConversations.map((i: { note: string }) => i.note)).toEqual(['Came with Louise.', 'Thanked us for the flowers.', 'Asked for the Étrier in navy.']);
    expect(b.openAfterSales.map((c: { kind: string }) => c.kind)).toEqual(['resize']);
    expect(b.momentsSoon.map((m: { kind: string; inDays: number }) => [m.kind, m.inDays])).toEqual([
      ['birthday', 5],
      ['wedding_anniversary', 10],
    ]);
    expect(b.giftsGiven.map((g: { item: string }) => g.item)).toEqual(['White orchids', 'Card holder']);
    const raised = JSON.stringify([b.remember, b.lastConversations]);
    expect(raised).not.toMatch(/passed away/);
  });

  it('projects: preferences, gifts and moments hidden without personalisation; the circle without relationship mapping', async () => {
    addConsent(w.raw, f.client, 'personalisation', 'withdraw', { effectiveAt: new Date().toISOString() });
    addConsent(w.raw, f.client, 'relationship_mapping', 'withdraw', { effectiveAt: new Date().toISOString() });
    const b = ok(await w.call('clients.brief', { id: f.client }));
    expect(b.remember.preferences).toBeNull();
    expect(b.sizes).toEqual({ own: null, circle: null });
    expect(b.doNotRaise.endedRelations).toBeNull();
    expect(b.doNotRaise.quietMoments).toBeNull();
    expect(b.momentsSoon).toBeNull();
    expect(b.giftsGiven).toBeNull();
    expect(b.remember.notes).toHaveLength(5); // notes are service: kept
  });
});

describe('the demo maison through the 360 and the brief', () => {
  let w: World;
  beforeAll(async () => {
    w = await openWorld({ demoClients: 80 });
  }, 120_000);
  afterAll(async () => {
    await w.close();
  });

  it('answers for every client within its output schemas', async () => {
    const ids = (w.raw.prepare("SELECT id FROM person WHERE kind = 'client' ORDER BY id").all() as { id: string }[]).map((r) => r.id);
    for (const id of ids) {
      ok(await w.call('clients.get360', { id }));
      ok(await w.call('clients.brief', { id }));
    }
    // Someone around a demo client is not a client.
    const related = addPerson(w.raw, { kind: 'related' });
    expect(refused(await w.call('clients.get360', { id: related })).code).toBe('NOT_FOUND');
  }, 60_000);

  it('pages a long history without gaps or repeats, and the first client has a birthday coming', async () => {
    const busiest = w.raw
      .prepare("SELECT person_id AS id FROM interaction GROUP BY person_id ORDER BY count(*) DESC, person_id LIMIT 1")
      .get() as { id: string };
    const counts = ['purchase', 'interaction', 'appointment', 'after_sales_case'].reduce(
      (n, t) => n + (w.raw.prepare(`SELECT count(*) AS n FROM ${t} WHERE person_id = ?`).get(busiest.id) as { n: number }).n,
      (w.raw.prepare('SELECT count(*) AS n FROM gift WHERE client_id = ?').get(busiest.id) as { n: number }).n +
        (w.raw.prepare("SELECT count(*) AS n FROM moment WHERE person_id = ? AND recurring = 0 AND length(date) = 10").get(busiest.id) as { n: number }).n,
    );
    const hidden = ok(await w.call('clients.timeline', { id: busiest.id, limit: 1 })).hidden as string[];
    const seen = new Set<string>();
    let before: { at: string; id: string } | undefined;
    let pages = 0;
    let last = '9999';
    for (;;) {
      const p = ok(await w.call('clients.timeline', { id: busiest.id, limit: 50, ...(before ? { before } : {}) }));
      for (const item of p.items) {
        expect(seen.has(item.id)).toBe(false);
        expect(item.at <= last).toBe(true);
        last = item.at;
        seen.add(item.id);
      }
      pages++;
      if (!p.next) break;
      before = p.next;
    }
    if (hidden.length === 0) expect(seen.size).toBe(counts);
    expect(pages).toBeGreaterThan(1);
  }, 60_000);
});
