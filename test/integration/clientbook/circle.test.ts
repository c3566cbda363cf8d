/**
 * The people around a client, contact points and preferences, through the router against a real
 * encrypted store: the happy paths, and the gate's refusals — no consent, restricted, erased, a
 * contact point for someone who is not a client, a field or kind they may not have.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addConsent, count, erase, HTML, newClient, ok, openWorld, refused, restrict, type World } from './book-support.js';

describe('people.add, people.update, people.remove', () => {
  let w: World;
  let client: string;
  beforeEach(async () => {
    w = await openWorld();
    client = await newClient(w);
  });
  afterEach(async () => {
    await w.close();
  });

  it('adds a daughter with her birthday, sizes and tastes; the relation reads person → client', async () => {
    const louise = ok(
      await w.call('people.add', {
        clientId: client,
        firstName: 'Louise',
        lastName: 'Lefèvre',
        relation: { kind: 'family', label: 'daughter' },
        birthday: '2004-05-14',
        sizes: [
          { label: 'ring', value: '50' },
          { label: 'ready-to-wear', value: 'FR 36' },
          { label: 'wrist', value: '15.5 cm' },
        ],
        tastes: [
          { domain: 'colour', value: 'navy' },
          { domain: 'fragrance', label: 'family', value: 'chypre' },
        ],
      }),
    );
    expect(louise).toMatchObject({ clientId: client, firstName: 'Louise', lastName: 'Lefèvre', birthday: '2004-05-14' });
    expect(louise.relation).toMatchObject({ kind: 'family', label: 'daughter', personIsFrom: true });
    expect(louise.sizes.map((p: { domain: string; value: string }) => [p.domain, p.value])).toEqual([
      ['rtw_size', 'FR 36'],
      ['ring_size', '50'],
      ['size', '15.5 cm'],
    ]);
    expect(louise.tastes.map((p: { domain: string; label: string; value: string }) => [p.domain, p.label, p.value])).toEqual([
      ['colour', 'favourite', 'navy'],
      ['fragrance', 'family', 'chypre'],
    ]);
    expect(w.raw.prepare('SELECT kind, status, honorific, birth_date FROM person WHERE id = ?').get(louise.id)).toEqual({ kind: 'related', status: 'active', honorific: null, birth_date: '2004-05-14' });
    expect(w.raw.prepare('SELECT from_person_id, to_person_id FROM relation WHERE from_person_id = ?').get(louise.id)).toEqual({ from_person_id: louise.id, to_person_id: client });
    expect(count(w, 'contact_point', 'person_id', louise.id)).toBe(0);

    const circle = ok(await w.call('clients.get360', { id: client })).circle;
    expect(circle).toHaveLength(1);
    expect(circle[0]).toMatchObject({ personId: louise.id, isClient: false, birthday: '2004-05-14' });
  });

  it('is refused without relationship-mapping consent, for a restricted or erased client, and for what they may not have', async () => {
    const bare = await newClient(w, { firstName: 'Paul', lastName: 'Girard', consents: [] });
    const add = (clientId: string, extra: Record<string, unknown> = {}) =>
      w.call('people.add', { clientId, firstName: 'Jeanne', relation: { kind: 'family', label: 'wife' }, ...extra });
    expect(refused(await add(bare))).toEqual({ code: 'CONSENT_MISSING', message: 'Relationship-mapping consent is missing for this client.' });
    // The people around a client keep sizes and tastes; not service style, not languages.
    expect(refused(await add(client, { tastes: [{ domain: 'service' as never, value: 'private salon' }] })).code).toBe('INVALID_INPUT');
    const r = await w.call('preferences.add', { personId: ok(await add(client)).id, domain: 'service', value: 'private salon', provenance: 'declared' });
    expect(refused(r).code).toBe('NOT_A_CLIENT');
    // Referral and influence link clients, not the people around them.
    expect(refused(await w.call('people.add', { clientId: client, firstName: 'X', relation: { kind: 'referral', label: 'referred by' } })).code).toBe('INVALID_INPUT');
    const restricted = await newClient(w, { firstName: 'Rita', lastName: 'Costa' });
    restrict(w, restricted);
    expect(refused(await add(restricted)).code).toBe('RESTRICTED');
    erase(w, restricted);
    expect(refused(await add(restricted)).code).toBe('NOT_FOUND');
    expect(refused(await add(client, { birthday: `${new Date().getUTCFullYear() + 1}-01-01` })).code).toBe('INVALID_INPUT');
    expect(refused(await add(client, { birthday: '02-30' })).code).toBe('INVALID_INPUT');
    expect((w.raw.prepare("SELECT count(*) AS n FROM person WHERE kind = 'related'").get() as { n: number }).n).toBe(1);
  });

  it('updates names, relation and birthday; removes the birthday; refuses a client given as a person', async () => {
    const p = ok(await w.call('people.add', { clientId: client, firstName: 'Thibault', relation: { kind: 'family', label: 'husband' } })).id;
    const updated = ok(await w.call('people.update', { personId: p, clientId: client, lastName: `Lefèvre ${HTML}`, relation: { label: 'spouse' }, birthday: '03-02' }));
    expect(updated).toMatchObject({ lastName: `Lefèvre ${HTML}`, birthday: '03-02' });
    expect(updated.relation.label).toBe('spouse');
    expect(ok(await w.call('people.update', { personId: p, clientId: client, birthday: null })).birthday).toBeNull();
    const other = await newClient(w, { firstName: 'Anne', lastName: 'Martin' });
    expect(refused(await w.call('people.update', { personId: other, clientId: client, firstName: 'X' })).code).toBe('NOT_FOUND');
    // Withdrawn relationship mapping: no more changes (removal stays possible).
    addConsent(w.raw, client, 'relationship_mapping', 'withdraw', { effectiveAt: new Date().toISOString() });
    expect(refused(await w.call('people.update', { personId: p, clientId: client, firstName: 'Thibaut' })).code).toBe('CONSENT_MISSING');
    expect(ok(await w.call('people.remove', { personId: p, clientId: client }))).toEqual({ id: p, removed: true, deleted: true });
    expect(count(w, 'person', 'id', p)).toBe(0);
  });

  it('unlinks from one client, deletes only when linked to no one, and never for a restricted client', async () => {
    const other = await newClient(w, { firstName: 'Anne', lastName: 'Martin' });
    const p = ok(await w.call('people.add', { clientId: client, firstName: 'Chloé', relation: { kind: 'friend', label: 'friend' } })).id;
    w.raw.prepare("INSERT INTO relation (id, from_person_id, to_person_id, kind, label, created_at) VALUES ('01J0000000000000000000009Z', ?, ?, 'friend', 'friend', '2025-01-01T00:00:00.000Z')").run(p, other);
    ok(await w.call('preferences.add', { personId: p, domain: 'colour', value: 'green', provenance: 'declared' }));
    restrict(w, other);
    expect(refused(await w.call('people.remove', { personId: p, clientId: other })).code).toBe('RESTRICTED');
    expect(ok(await w.call('people.remove', { personId: p, clientId: client }))).toEqual({ id: p, removed: true, deleted: false });
    expect(count(w, 'person', 'id', p)).toBe(1);
    expect(count(w, 'preference', 'person_id', p)).toBe(1);
  });
});

describe('contacts.set, contacts.remove', () => {
  let w: World;
  let client: string;
  beforeEach(async () => {
    w = await openWorld();
    client = await newClient(w, { contact: [{ channel: 'email', value: 'margaux@example.fr', preferred: true }] });
  });
  afterEach(async () => {
    await w.close();
  });

  it('keeps one preferred contact point, in one transaction', async () => {
    const set = ok(await w.call('contacts.set', { personId: client, channel: 'phone', value: '+33 6 39 98 12 34', preferred: true }));
    expect(set.contacts.map((c: { channel: string; preferred: boolean }) => [c.channel, c.preferred])).toEqual([
      ['phone', true],
      ['email', false],
    ]);
    // The same value again updates rather than repeats; naming the e-mail makes it preferred.
    const email = set.contacts.find((c: { channel: string }) => c.channel === 'email');
    ok(await w.call('contacts.set', { personId: client, channel: 'phone', value: '06 39 98 12 34', preferred: false }));
    const again = ok(await w.call('contacts.set', { personId: client, id: email.id, channel: 'email', value: 'Margaux.L@example.fr', preferred: true }));
    expect(again.contacts.map((c: { channel: string; value: string; preferred: boolean }) => [c.channel, c.value, c.preferred])).toEqual([
      ['email', 'Margaux.L@example.fr', true],
      ['phone', '06 39 98 12 34', false],
    ]);
    expect((w.raw.prepare('SELECT count(*) AS n FROM contact_point WHERE person_id = ? AND is_preferred = 1').get(client) as { n: number }).n).toBe(1);
    const removed = ok(await w.call('contacts.remove', { id: email.id }));
    expect(removed.contacts).toHaveLength(1);
    expect(ok(await w.call('clients.get', { id: client })).preferredChannel).toBe('phone');
  });

  it('never gives a contact point to someone who is not a client; refuses restricted and erased clients', async () => {
    const p = ok(await w.call('people.add', { clientId: client, firstName: 'Sophie', relation: { kind: 'assistant', label: 'assistant' } })).id;
    expect(refused(await w.call('contacts.set', { personId: p, channel: 'email', value: 'sophie@example.com', preferred: true })).code).toBe('NOT_A_CLIENT');
    expect(refused(await w.call('contacts.set', { personId: client, channel: 'email', value: '<script>@x', preferred: true })).code).toBe('INVALID_INPUT');
    restrict(w, client);
    expect(refused(await w.call('contacts.set', { personId: client, channel: 'sms', value: '+33 6 39 98 00 00', preferred: false })).code).toBe('RESTRICTED');
    const id = (w.raw.prepare('SELECT id FROM contact_point WHERE person_id = ?').get(client) as { id: string }).id;
    expect(refused(await w.call('contacts.remove', { id })).code).toBe('RESTRICTED');
    erase(w, client);
    expect(refused(await w.call('contacts.set', { personId: client, channel: 'sms', value: '+33 6 39 98 00 00', preferred: false })).code).toBe('NOT_FOUND');
  });
});

describe('preferences.add, update, remove', () => {
  let w: World;
  let client: string;
  beforeEach(async () => {
    w = await openWorld();
    client = await newClient(w);
  });
  afterEach(async () => {
    await w.close();
  });

  it('keeps each domain with provenance and review date; sizes have fixed labels', async () => {
    const ring = ok(await w.call('preferences.add', { personId: client, domain: 'ring_size', value: '52', provenance: 'declared', reviewAt: '2024-01-10' }));
    expect(ring).toMatchObject({ domain: 'ring_size', label: 'ring', value: '52', provenance: 'declared', reviewAt: '2024-01-10', reviewDueAt: '2026-01-10' });
    const service = ok(await w.call('preferences.add', { personId: client, domain: 'service', value: `Prefers the private salon ${HTML}`, provenance: 'observed' }));
    expect(service).toMatchObject({ domain: 'service', label: 'service style', value: `Prefers the private salon ${HTML}`, reviewDue: false });
    for (const domain of ['rtw_size', 'shoe_size', 'material', 'colour', 'category', 'designer', 'fragrance', 'dislike', 'language']) {
      ok(await w.call('preferences.add', { personId: client, domain, value: 'x', provenance: 'declared' }));
    }
    expect(refused(await w.call('preferences.add', { personId: client, domain: 'size', value: '17 cm', provenance: 'declared' })).code).toBe('INVALID_INPUT');
    expect(ok(await w.call('preferences.add', { personId: client, domain: 'size', label: 'wrist', value: '17 cm', provenance: 'declared' })).domain).toBe('size');
    expect(refused(await w.call('preferences.add', { personId: client, domain: 'ring_size', value: '52', provenance: 'declared', reviewAt: '2099-01-01' })).code).toBe('INVALID_INPUT');

    const confirmed = ok(await w.call('preferences.update', { id: ring.id, value: '53', reviewAt: '2026-01-02' }));
    expect(confirmed).toMatchObject({ value: '53', reviewAt: '2026-01-02', reviewDueAt: '2028-01-02', reviewDue: false });
    expect(refused(await w.call('preferences.update', { id: ring.id, label: 'pinky' })).code).toBe('INVALID_INPUT');
    const groups = ok(await w.call('clients.get360', { id: client })).preferences.map((g: { domain: string }) => g.domain);
    expect(groups.slice(0, 4)).toEqual(['rtw_size', 'shoe_size', 'ring_size', 'size']);
    expect(ok(await w.call('preferences.remove', { id: ring.id }))).toEqual({ id: ring.id, removed: true });
    expect(count(w, 'preference', 'id', ring.id)).toBe(0);
  });

  it('needs personalisation consent to write, none to remove; scans label and value', async () => {
    const pref = ok(await w.call('preferences.add', { personId: client, domain: 'dislike', value: 'gold', provenance: 'declared' }));
    addConsent(w.raw, client, 'personalisation', 'withdraw', { effectiveAt: new Date().toISOString() });
    expect(refused(await w.call('preferences.add', { personId: client, domain: 'colour', value: 'red', provenance: 'declared' })).code).toBe('CONSENT_MISSING');
    expect(refused(await w.call('preferences.update', { id: pref.id, value: 'rose gold' })).code).toBe('CONSENT_MISSING');
    ok(await w.call('preferences.remove', { id: pref.id }));

    const other = await newClient(w, { firstName: 'Anne', lastName: 'Martin' });
    const special = refused(await w.call('preferences.add', { personId: other, domain: 'dislike', value: 'anything with gluten, she is coeliac', provenance: 'declared' }));
    expect(special.code).toBe('NOTE_FINDINGS');
    expect(special.findings?.[0]).toMatchObject({ field: 'value', kind: 'special_category', category: 'health', severity: 'special' });
    expect(count(w, 'preference', 'person_id', other)).toBe(0);
  });
});
