/**
 * The gift ledger through the router against a real encrypted store: recording, listing, the
 * repeat warning (same or very similar item to the same recipient; `force` records anyway), and
 * the projection (gifts need personalisation; recipients are named only with relationship mapping).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addConsent, count, HTML, newClient, ok, openWorld, refused, restrict, type World } from './book-support.js';

describe('gifts.add, gifts.list', () => {
  let w: World;
  let client: string;
  let daughter: string;
  beforeEach(async () => {
    w = await openWorld();
    client = await newClient(w);
    daughter = ok(await w.call('people.add', { clientId: client, firstName: 'Louise', relation: { kind: 'family', label: 'daughter' } })).id;
  });
  afterEach(async () => {
    await w.close();
  });

  const give = (extra: Record<string, unknown>) => w.call('gifts.add', { clientId: client, recipientPersonId: client, givenAt: '2025-12-18', occasion: 'Christmas', item: 'Box of calissons', ...extra });

  it('records gifts to the client and to someone around them, newest first', async () => {
    const first = ok(await give({ note: `Hand-written card. ${HTML}` }));
    expect(first).toMatchObject({ clientId: client, givenAt: '2025-12-18T12:00:00.000Z', occasion: 'Christmas', item: 'Box of calissons', note: `Hand-written card. ${HTML}` });
    expect(first.recipient).toEqual({ id: client, self: true, firstName: null, lastName: null, relationLabel: null });
    const second = ok(await give({ recipientPersonId: daughter, givenAt: '2026-05-14T09:30:00.000Z', occasion: 'birthday', item: 'Silk twilly, navy' }));
    expect(second.recipient).toMatchObject({ id: daughter, self: false, firstName: 'Louise', relationLabel: 'daughter' });
    const list = ok(await w.call('gifts.list', { clientId: client }));
    expect(list.gifts.map((g: { id: string }) => g.id)).toEqual([second.id, first.id]);
  });

  it('warns before a gift repeats — same item, or the same product in another colour, in other words or accents — with the earlier gift’s id and date only', async () => {
    const earlier = ok(await give({ recipientPersonId: daughter, givenAt: '2025-05-14', occasion: 'birthday', item: 'Silk twilly, navy' }));
    for (const item of ['Silk twilly, navy', 'silk TWILLY in bordeaux', 'A silk twilly', 'Twilly', 'Silk twillies, red', 'silk twily']) {
      const r = refused(await give({ recipientPersonId: daughter, givenAt: '2026-05-14', occasion: 'birthday', item }));
      expect(r.code, item).toBe('GIFT_REPEAT');
      expect(r.repeatOf, item).toEqual({ giftId: earlier.id, givenAt: '2025-05-14T12:00:00.000Z' });
      expect(r.message, item).not.toMatch(/twill|silk/i);
    }
    // Accents and French: a bouquet of peonies / un bouquet de pivoines are different words, but
    // "Bougie Bois Sacré" and "bougie bois sacre" are the same.
    ok(await give({ item: 'Bougie Bois Sacré' }));
    expect(refused(await give({ item: 'bougie bois sacre', givenAt: '2026-01-02' })).code).toBe('GIFT_REPEAT');
    // Different things, or another recipient, are not repeats.
    ok(await give({ recipientPersonId: daughter, item: 'Leather-bound notebook with hot-stamped initials' }));
    ok(await give({ recipientPersonId: daughter, item: 'Silk carré, limited edition' }));
    ok(await give({ item: 'Silk twilly, navy' }));
    expect(count(w, 'gift', 'client_id', client)).toBe(5);
    // Anyway, on purpose.
    const forced = ok(await give({ recipientPersonId: daughter, item: 'Silk twilly, navy', force: true }));
    expect(forced.item).toBe('Silk twilly, navy');
  });

  it('needs personalisation consent; refuses a stranger as recipient, a date in the future, a restricted client; names recipients only with relationship mapping', async () => {
    ok(await give({ recipientPersonId: daughter, item: 'White roses' }));
    const stranger = await newClient(w, { firstName: 'Anne', lastName: 'Martin' });
    expect(refused(await give({ recipientPersonId: stranger })).code).toBe('NOT_FOUND');
    expect(refused(await give({ givenAt: '2099-01-01' })).code).toBe('INVALID_INPUT');
    expect(refused(await give({ givenAt: '2025-02-30' })).code).toBe('INVALID_INPUT');

    addConsent(w.raw, client, 'relationship_mapping', 'withdraw', { effectiveAt: new Date().toISOString() });
    const list = ok(await w.call('gifts.list', { clientId: client }));
    expect(list.gifts[0].recipient).toEqual({ id: daughter, self: false, firstName: null, lastName: null, relationLabel: null });

    addConsent(w.raw, client, 'personalisation', 'withdraw', { effectiveAt: new Date().toISOString() });
    expect(ok(await w.call('gifts.list', { clientId: client }))).toEqual({ clientId: client, gifts: null });
    expect(refused(await give({ item: 'Discovery set' })).code).toBe('CONSENT_MISSING');

    const other = await newClient(w, { firstName: 'Rita', lastName: 'Costa' });
    restrict(w, other);
    expect(refused(await w.call('gifts.add', { clientId: other, recipientPersonId: other, givenAt: '2025-12-18', occasion: 'Christmas', item: 'Candle' })).code).toBe('RESTRICTED');
  });

  it('does not reveal a gift recorded under a client whose consents hide it', async () => {
    const other = await newClient(w, { firstName: 'Anne', lastName: 'Martin' });
    w.raw.prepare("INSERT INTO relation (id, from_person_id, to_person_id, kind, label, created_at) VALUES ('01J0000000000000000000009Y', ?, ?, 'family', 'niece', '2025-01-01T00:00:00.000Z')").run(daughter, other);
    ok(await w.call('gifts.add', { clientId: other, recipientPersonId: daughter, givenAt: '2025-06-01', occasion: 'graduation', item: 'Card holder, hot-stamped' }));
    expect(refused(await give({ recipientPersonId: daughter, item: 'Card holder' })).code).toBe('GIFT_REPEAT');
    addConsent(w.raw, other, 'personalisation', 'withdraw', { effectiveAt: new Date().toISOString() });
    ok(await give({ recipientPersonId: daughter, item: 'Card holder' }));
  });
});
