/**
 * Purchases, interactions (scanned first), scan.text, appointments, after-sales and moments,
 * through the router against a real encrypted store — with the bad input of issue 4: a 1 MB
 * note, control characters and right-to-left overrides, HTML, 30 February, negative, fractional
 * and 10^15 amounts, an unknown currency, an interaction for an erased or restricted client.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { count, erase, HTML, newClient, ok, openWorld, refused, restrict, type World } from './book-support.js';

const PAST = '2025-11-02T15:30:00.000Z';

describe('purchases.add', () => {
  let w: World;
  let client: string;
  beforeEach(async () => {
    w = await openWorld();
    client = await newClient(w);
  });
  afterEach(async () => {
    await w.close();
  });

  const purchase = (extra: Record<string, unknown> = {}) =>
    w.call('purchases.add', { clientId: client, purchasedAt: PAST, category: 'jewellery', item: 'Constellation ring, yellow gold', amountMinor: 1_250_000, currency: 'EUR', channel: 'boutique', ...extra });

  it('records a purchase in minor units, for the client or someone around them', async () => {
    expect(ok(await purchase())).toMatchObject({ clientId: client, purchasedAt: PAST, amountMinor: 1_250_000, currency: 'EUR', recipient: null });
    expect(ok(await purchase({ amountMinor: 0, currency: 'JPY', item: HTML })).item).toBe(HTML);
    expect(ok(await purchase({ amountMinor: 999_999_999_999, currency: 'KWD' })).amountMinor).toBe(999_999_999_999);
    const daughter = ok(await w.call('people.add', { clientId: client, firstName: 'Louise', relation: { kind: 'family', label: 'daughter' } })).id;
    const gift = ok(await purchase({ recipientPersonId: daughter }));
    expect(gift.recipient).toMatchObject({ id: daughter, self: false, firstName: 'Louise' });
    const timeline = ok(await w.call('clients.timeline', { id: client, kinds: ['purchase'] }));
    expect(timeline.items).toHaveLength(4);
    expect(timeline.items.find((i: { id: string }) => i.id === gift.id).purchase.recipient.relationLabel).toBe('daughter');
  });

  it('refuses negative, fractional and huge amounts, an unknown currency, a date in the future or that does not exist', async () => {
    for (const [extra, what] of [
      [{ amountMinor: -1 }, 'negative'],
      [{ amountMinor: 1250.5 }, 'fractional'],
      [{ amountMinor: 10 ** 12 }, '10^12'],
      [{ amountMinor: 10 ** 15 }, '10^15'],
      [{ amountMinor: Number.NaN }, 'NaN'],
      [{ amountMinor: '125000' }, 'a string'],
      [{ currency: 'XXX' }, 'unknown currency'],
      [{ currency: 'eur' }, 'lower case'],
      [{ currency: 'BTC' }, 'not ISO 4217'],
      [{ purchasedAt: '2026-02-30T10:00:00.000Z' }, '30 February'],
      [{ purchasedAt: '2099-01-01T10:00:00.000Z' }, 'future'],
      [{ purchasedAt: '2025-11-02' }, 'a day, not an instant'],
      [{ category: 'cars' }, 'unknown category'],
      [{ item: ' \u202E ' }, 'empty once cleaned'],
    ] as const) {
      expect(refused(await purchase(extra)).code, what).toBe('INVALID_INPUT');
    }
    const stranger = await newClient(w, { firstName: 'Anne', lastName: 'Martin' });
    expect(refused(await purchase({ recipientPersonId: stranger })).code).toBe('NOT_FOUND');
    expect(count(w, 'purchase', 'person_id', client)).toBe(0);
  });

  it('is refused for a restricted client and an erased one', async () => {
    restrict(w, client);
    expect(refused(await purchase()).code).toBe('RESTRICTED');
    erase(w, client);
    expect(refused(await purchase()).code).toBe('NOT_FOUND');
  });
});

describe('interactions.add and scan.text', () => {
  let w: World;
  let client: string;
  beforeEach(async () => {
    w = await openWorld();
    client = await newClient(w, { contact: [{ channel: 'email', value: 'margaux@example.fr', preferred: true }] });
  });
  afterEach(async () => {
    await w.close();
  });

  const note = (text: string, extra: Record<string, unknown> = {}) =>
    w.call('interactions.add', { clientId: client, kind: 'visit', direction: 'inbound', channel: 'boutique', occurredAt: PAST, note: text, ...extra });

  it('records a note verbatim as text (HTML included), cleaned of controls and overrides, and moves the last contact', async () => {
    const value = ok(await note(`\u202E  Tried the cashmere stole.\r\n${HTML}\u0007\tSize 38.  `, { discreet: true }));
    expect(value).toMatchObject({ clientId: client, occurredAt: PAST, kind: 'visit', discreet: true, note: `Tried the cashmere stole.\n${HTML}\tSize 38.` });
    expect(w.raw.prepare('SELECT last_contact_at FROM person WHERE id = ?').get(client)).toEqual({ last_contact_at: PAST });
    const now = ok(await w.call('interactions.add', { clientId: client, kind: 'call', direction: 'outbound' }));
    expect(Date.now() - Date.parse(now.occurredAt)).toBeLessThan(60_000);
    expect(now.note).toBeNull();
  });

  it('refuses a 1 MB note (too large to carry), a note over 10,000 characters, and a time in the future', async () => {
    expect(refused(await note('x'.repeat(1024 * 1024))).code).toBe('PAYLOAD_TOO_LARGE');
    expect(refused(await note('x'.repeat(10_001))).code).toBe('INVALID_INPUT');
    expect(ok(await note('é'.repeat(10_000))).note).toHaveLength(10_000);
    expect(refused(await note('fine', { occurredAt: '2099-01-01T00:00:00.000Z' })).code).toBe('INVALID_INPUT');
    expect(count(w, 'interaction', 'person_id', client)).toBe(1);
  });

  it('scans first: findings answer NOTE_FINDINGS with kinds and offsets into the text as sent — never the text', async () => {
    const text = '\u202ECard 4111 1111 1111 1111; her sister: anne.martin@example.com.';
    const r = refused(await note(text));
    expect(r.code).toBe('NOTE_FINDINGS');
    expect(r.findings).toEqual([
      { field: 'note', kind: 'payment_card', start: 6, end: 25, severity: 'sensitive' },
      { field: 'note', kind: 'email', start: 39, end: 62, severity: 'sensitive' },
    ]);
    expect(text.slice(6, 25)).toBe('4111 1111 1111 1111');
    expect(JSON.stringify(r)).not.toMatch(/4111|anne|martin/);
    expect(count(w, 'interaction', 'person_id', client)).toBe(0);

    // The live highlight answers the same offsets, and a redacted text.
    const scan = ok(await w.call('scan.text', { text, personId: client }));
    expect(scan.findings.map((f: { start: number; end: number }) => [f.start, f.end])).toEqual([
      [6, 25],
      [39, 62],
    ]);
    expect(scan.redacted).toBe('\u202ECard [redacted]; her sister: [redacted].');

    // Accepting one is not enough; accepting both (with reasons) writes the note.
    const accept = [{ kind: 'payment_card', start: 6, end: 25, reason: 'The client asked us to keep the card on file.' }];
    expect(refused(await note(text, { acceptFindings: accept })).findings).toEqual([{ field: 'note', kind: 'email', start: 39, end: 62, severity: 'sensitive' }]);
    const both = [...accept, { field: 'note', kind: 'email', start: 39, end: 62, reason: 'Her sister handles the delivery.' }];
    expect(ok(await note(text, { acceptFindings: both })).note).toBe('Card 4111 1111 1111 1111; her sister: anne.martin@example.com.');
    // Offsets that do not match a finding accept nothing.
    expect(refused(await note(text, { acceptFindings: [{ ...accept[0], start: 7 }, both[1]] })).code).toBe('NOTE_FINDINGS');
  });

  it('never accepts special-category findings; the client’s own e-mail is not a finding', async () => {
    const text = 'She mentioned her diabetes and her new pump.';
    const r = refused(await note(text, { acceptFindings: [{ kind: 'email', start: 0, end: 3, reason: 'x' }] }));
    expect(r.findings?.every((f) => f.severity === 'special' && f.kind === 'special_category' && f.category === 'health')).toBe(true);
    expect(r.message).not.toMatch(/diabet/i);
    ok(await note('Write to margaux@example.fr when the stole is in.'));
    expect(refused(await note('Write to margaux.other@example.fr')).code).toBe('NOTE_FINDINGS');
  });

  it('is refused for a restricted client (read-only) and an erased one (not found), after the scan', async () => {
    restrict(w, client);
    expect(refused(await note('Came for the fitting.'))).toEqual({ code: 'RESTRICTED', message: 'This client’s processing is restricted: their record is read-only.' });
    expect(refused(await note('Card 4111 1111 1111 1111')).code).toBe('NOTE_FINDINGS');
    erase(w, client);
    expect(refused(await note('Came for the fitting.')).code).toBe('NOT_FOUND');
    expect(count(w, 'interaction', 'person_id', client)).toBe(0);
  });
});

describe('appointments, after-sales, moments', () => {
  let w: World;
  let client: string;
  beforeEach(async () => {
    w = await openWorld();
    client = await newClient(w);
  });
  afterEach(async () => {
    await w.close();
  });

  it('plans, moves and closes an appointment; refuses an end before its start; scans purpose and note', async () => {
    const a = ok(await w.call('appointments.add', { clientId: client, startsAt: '2030-03-01T10:00:00.000Z', endsAt: '2030-03-01T11:00:00.000Z', place: 'private_salon', purpose: HTML }));
    expect(a).toMatchObject({ status: 'planned', place: 'private_salon', purpose: HTML, note: null });
    const moved = ok(await w.call('appointments.update', { id: a.id, startsAt: '2030-03-02T10:00:00.000Z', endsAt: null, place: 'hotel', note: 'Bring the\u202E Étrier bags.' }));
    expect(moved).toMatchObject({ startsAt: '2030-03-02T10:00:00.000Z', endsAt: null, place: 'hotel', note: 'Bring the Étrier bags.' });
    expect(ok(await w.call('appointments.update', { id: a.id, status: 'cancelled' })).status).toBe('cancelled');
    expect(refused(await w.call('appointments.add', { clientId: client, startsAt: '2030-03-01T10:00:00.000Z', endsAt: '2030-03-01T09:00:00.000Z', place: 'home' })).code).toBe('INVALID_INPUT');
    expect(refused(await w.call('appointments.add', { clientId: client, startsAt: '2030-02-30T10:00:00.000Z', place: 'home' })).code).toBe('INVALID_INPUT');
    expect(refused(await w.call('appointments.add', { clientId: client, startsAt: '2030-03-01T10:00:00.000Z', place: 'yacht' })).code).toBe('INVALID_INPUT');
    const f = refused(await w.call('appointments.add', { clientId: client, startsAt: '2030-03-01T10:00:00.000Z', place: 'home', purpose: 'Follow-up after her chemotherapy' }));
    expect(f.findings?.[0]).toMatchObject({ field: 'purpose', kind: 'special_category' });
    restrict(w, client);
    expect(refused(await w.call('appointments.update', { id: a.id, status: 'done' })).code).toBe('RESTRICTED');
  });

  it('opens, moves and closes an after-sales case; closing dates it, reopening clears it', async () => {
    const c = ok(await w.call('afterSales.add', { clientId: client, kind: 'resize', item: 'Constellation ring', note: 'From 52 to 54.' }));
    expect(c).toMatchObject({ status: 'open', closedAt: null, kind: 'resize' });
    expect(ok(await w.call('afterSales.update', { id: c.id, status: 'ready' })).closedAt).toBeNull();
    const closed = ok(await w.call('afterSales.update', { id: c.id, status: 'closed' }));
    expect(closed.closedAt).toMatch(/^\d{4}-/);
    expect(ok(await w.call('afterSales.update', { id: c.id, status: 'in_progress' })).closedAt).toBeNull();
    expect(ok(await w.call('clients.get360', { id: client })).openAfterSales.map((x: { id: string }) => x.id)).toEqual([c.id]);
    expect(refused(await w.call('afterSales.add', { clientId: client, kind: 'polish', item: 'x' })).code).toBe('INVALID_INPUT');
    expect(refused(await w.call('afterSales.add', { clientId: client, kind: 'repair', item: 'x', openedAt: '2099-01-01T00:00:00.000Z' })).code).toBe('INVALID_INPUT');
  });

  it('scans the piece of an after-sales case as well as its note, on opening and on change', async () => {
    const cases = () => (w.raw.prepare('SELECT count(*) AS n FROM after_sales_case').get() as { n: number }).n;
    const before = cases();
    const card = refused(await w.call('afterSales.add', { clientId: client, kind: 'repair', item: 'Wallet, card 4111 1111 1111 1111 inside' }));
    expect(card.code).toBe('NOTE_FINDINGS');
    expect(card.findings?.[0]).toMatchObject({ field: 'item', kind: 'payment_card' });
    expect(cases()).toBe(before);
    const health = refused(await w.call('afterSales.add', { clientId: client, kind: 'resize', item: 'Ring, fingers swollen from her diabetes' }));
    expect(health.findings?.some((f: { field: string; severity: string }) => f.field === 'item' && f.severity === 'special')).toBe(true);
    expect(cases()).toBe(before);
    const c = ok(await w.call('afterSales.add', { clientId: client, kind: 'engraving', item: 'Signet ring, initials' }));
    expect(refused(await w.call('afterSales.update', { id: c.id, item: 'Signet ring, initials, card 4111 1111 1111 1111' })).code).toBe('NOTE_FINDINGS');
    expect((w.raw.prepare('SELECT item FROM after_sales_case WHERE id = ?').get(c.id) as { item: string }).item).toBe('Signet ring, initials');
  });

  it('adds life moments (recurring by default for MM-DD and anniversaries), refuses 30 February, and keeps people who are not clients to birthdays', async () => {
    const wedding = ok(await w.call('moments.add', { personId: client, kind: 'wedding_anniversary', date: '2001-06-16', label: 'Married in Arles', note: HTML }));
    expect(wedding).toMatchObject({ recurring: true, label: 'Married in Arles', note: HTML });
    const move = ok(await w.call('moments.add', { personId: client, kind: 'new_home', date: '2025-09-01' }));
    expect(move.recurring).toBe(false);
    expect(refused(await w.call('moments.add', { personId: client, kind: 'custom', date: '02-30' })).code).toBe('INVALID_INPUT');
    expect(refused(await w.call('moments.add', { personId: client, kind: 'custom', date: '2025-02-30' })).code).toBe('INVALID_INPUT');
    expect(refused(await w.call('moments.add', { personId: client, kind: 'custom', date: '06-16', recurring: false })).code).toBe('INVALID_INPUT');
    expect(refused(await w.call('moments.add', { personId: client, kind: 'holiday', date: '06-16' })).code).toBe('INVALID_INPUT');

    const son = ok(await w.call('people.add', { clientId: client, firstName: 'Hugo', relation: { kind: 'family', label: 'son' } })).id;
    expect(ok(await w.call('moments.add', { personId: son, kind: 'birthday', date: '11-30' })).recurring).toBe(true);
    expect(refused(await w.call('moments.add', { personId: son, kind: 'new_role', date: '2025-09-01' })).code).toBe('NOT_A_CLIENT');
    expect(refused(await w.call('moments.add', { personId: son, kind: 'birthday', date: '11-30', note: 'x' })).code).toBe('NOT_A_CLIENT');

    const timeline = ok(await w.call('clients.timeline', { id: client, kinds: ['moment'] }));
    expect(timeline.items.map((i: { id: string }) => i.id)).toEqual([move.id]); // dated one-off moments only
    expect(ok(await w.call('moments.remove', { id: move.id }))).toEqual({ id: move.id, removed: true });
    restrict(w, client);
    expect(refused(await w.call('moments.remove', { id: wedding.id })).code).toBe('RESTRICTED');
  });
});
