/**
 * Writing clients through the router against a real encrypted store: create (duplicates flagged,
 * never merged), update, archive and unarchive; consents at creation; the write gate; and the
 * bad input of issue 4 — control characters and right-to-left overrides (stripped), HTML
 * (verbatim, as text), 30 February, a birthday in the future.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addPerson, count, erase, HTML, newClient, ok, openWorld, refused, restrict, type World } from './book-support.js';

describe('clients.create', () => {
  let w: World;
  beforeEach(async () => {
    w = await openWorld();
  });
  afterEach(async () => {
    await w.close();
  });

  it('creates a client with contacts and consents, and audits ids only', async () => {
    const value = ok(
      await w.call('clients.create', {
        honorific: 'Mme',
        firstName: 'Éléonore',
        lastName: 'Dubois',
        language: 'fr',
        city: 'Paris',
        country: 'FR',
        timeZone: 'Europe/Paris',
        tier: 'Prestige',
        birthDate: '1982-03-14',
        contact: [
          { channel: 'email', value: 'eleonore.dubois@example.fr', preferred: true },
          { channel: 'phone', value: '+33 6 39 98 12 34', preferred: false },
        ],
        provenance: 'declared',
        consents: [
          { purpose: 'personalisation', source: 'signed_form', noticeVersion: 'v3', evidence: 'Form F-2026-0001' },
          { purpose: 'outreach', channel: 'email', source: 'in_person', noticeVersion: 'v3' },
        ],
      }),
    );
    expect(value.duplicates).toEqual([]);
    expect(value.client).toMatchObject({ firstName: 'Éléonore', lastName: 'Dubois', honorific: 'Mme', tier: 'Prestige', preferredChannel: 'email', personalisation: true });
    const id = value.client.id as string;
    const row = w.raw.prepare('SELECT sort_key, birth_date, time_zone, archived_at, kind, status FROM person WHERE id = ?').get(id);
    expect(row).toEqual({ sort_key: 'dubois eleonore', birth_date: '1982-03-14', time_zone: 'Europe/Paris', archived_at: null, kind: 'client', status: 'active' });
    expect(count(w, 'consent', 'person_id', id)).toBe(2);
    const audit = w.raw.prepare("SELECT target_ids FROM audit_log WHERE action = 'clients.create' ORDER BY seq DESC LIMIT 1").get() as { target_ids: string };
    expect(JSON.parse(audit.target_ids)).toEqual([id]);
    expect(audit.target_ids).not.toMatch(/Dubois|example/);
  });

  it('flags duplicates — same name and e-mail, same name, same e-mail, same phone — and merges nothing', async () => {
    const first = await newClient(w, { firstName: 'Éléonore', lastName: 'Dubois', contact: [{ channel: 'email', value: 'Eleonore@Example.fr', preferred: true }] });
    const phone = await newClient(w, { firstName: 'Anne', lastName: 'Martin', contact: [{ channel: 'whatsapp', value: '+33 6 39 98 12 34', preferred: false }] });
    const second = ok(
      await w.call('clients.create', {
        firstName: 'eleonore',
        lastName: 'DUBOIS',
        provenance: 'observed',
        contact: [
          { channel: 'email', value: 'eleonore@example.fr', preferred: true },
          { channel: 'phone', value: '06 39 98 12 34', preferred: false },
        ],
      }),
    );
    expect(second.duplicates).toEqual([
      { id: first, reason: 'same_name_and_email' },
      { id: phone, reason: 'same_phone' },
    ]);
    expect(second.client.id).not.toBe(first);
    expect((w.raw.prepare("SELECT count(*) AS n FROM person WHERE kind = 'client'").get() as { n: number }).n).toBe(3);

    const nameOnly = ok(await w.call('clients.create', { firstName: 'Éléonore', lastName: 'Dubois', provenance: 'declared' }));
    expect(nameOnly.duplicates.map((d: { reason: string }) => d.reason)).toEqual(['same_name', 'same_name']);
    const mailOnly = ok(await w.call('clients.create', { firstName: 'Léa', lastName: 'Roux', provenance: 'declared', contact: [{ channel: 'email', value: 'ELEONORE@example.FR', preferred: false }] }));
    expect(mailOnly.duplicates).toEqual(
      [
        { id: first, reason: 'same_email' },
        { id: second.client.id, reason: 'same_email' },
      ].sort((a, b) => a.id.localeCompare(b.id)),
    );
  });

  it('strips control characters and bidi overrides, trims, and keeps HTML verbatim as text', async () => {
    const value = ok(
      await w.call('clients.create', {
        firstName: '  \u202EÉlé\u0000onore\u2066 ',
        lastName: 'Du\tbois\u202C\u0007',
        city: `${HTML}\u202D`,
        tier: 'Pres\u200F\u0085tige',
        honorific: '\u2067Mme\u2069',
        provenance: 'declared',
      }),
    );
    expect(value.client.firstName).toBe('Éléonore');
    expect(value.client.lastName).toBe('Du bois');
    expect(value.client.city).toBe(HTML);
    expect(value.client.honorific).toBe('Mme');
    expect(value.client.tier).toBe('Pres\u200F tige'); // a right-to-left mark is text; NEL is a control
    const stored = w.raw.prepare('SELECT first_name, last_name, city FROM person WHERE id = ?').get(value.client.id) as Record<string, string>;
    expect(stored).toEqual({ first_name: 'Éléonore', last_name: 'Du bois', city: HTML });
    for (const text of Object.values(stored)) expect(text).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });

  it('refuses what is empty once cleaned, unknown time zones, two preferred contacts, malformed contacts', async () => {
    expect(refused(await w.call('clients.create', { firstName: '\u202E \u0000', lastName: 'Dubois', provenance: 'declared' })).code).toBe('INVALID_INPUT');
    expect(refused(await w.call('clients.create', { firstName: 'A', lastName: 'B', timeZone: 'Mars/Olympus', provenance: 'declared' })).code).toBe('INVALID_INPUT');
    const two = [
      { channel: 'email', value: 'a@example.com', preferred: true },
      { channel: 'phone', value: '+44 7700 900123', preferred: true },
    ];
    expect(refused(await w.call('clients.create', { firstName: 'A', lastName: 'B', contact: two, provenance: 'declared' })).code).toBe('INVALID_INPUT');
    expect(refused(await w.call('clients.create', { firstName: 'A', lastName: 'B', contact: [{ channel: 'email', value: 'not an address', preferred: false }], provenance: 'declared' })).code).toBe(
      'INVALID_INPUT',
    );
    expect(refused(await w.call('clients.create', { firstName: 'A', lastName: 'B', contact: [{ channel: 'phone', value: 'call me', preferred: false }], provenance: 'declared' })).code).toBe(
      'INVALID_INPUT',
    );
    expect(refused(await w.call('clients.create', { firstName: 'A', lastName: 'B', provenance: 'imported' })).code).toBe('INVALID_INPUT');
    expect(refused(await w.call('clients.create', { firstName: 'x'.repeat(81), lastName: 'B', provenance: 'declared' })).code).toBe('INVALID_INPUT');
    expect((w.raw.prepare('SELECT count(*) AS n FROM person').get() as { n: number }).n).toBe(0);
  });

  it('refuses 30 February and a birthday in the future; accepts 29 February of a leap year and MM-DD', async () => {
    for (const birthDate of ['1980-02-30', '1981-02-29', '1980-13-01', '1980-00-10', '02-30', '13-01', `${new Date().getUTCFullYear() + 1}-01-01`, '1980-2-3']) {
      const r = refused(await w.call('clients.create', { firstName: 'A', lastName: 'B', birthDate, provenance: 'declared', consents: [{ purpose: 'personalisation', source: 'in_person', noticeVersion: 'v3' }] }));
      expect(r.code, birthDate).toBe('INVALID_INPUT');
    }
    await newClient(w, { birthDate: '1980-02-29' });
    await newClient(w, { birthDate: '02-29' });
    expect(refused(await w.call('clients.create', { firstName: 'A', lastName: 'B', clientSince: '2026-02-30', provenance: 'declared' })).code).toBe('INVALID_INPUT');
  });

  it('a birth date needs personalisation consent: refused without, and nothing is written', async () => {
    const r = refused(await w.call('clients.create', { firstName: 'A', lastName: 'B', birthDate: '1980-01-01', provenance: 'declared' }));
    expect(r).toEqual({ code: 'CONSENT_MISSING', message: 'Personalisation consent is missing for this client.' });
    expect((w.raw.prepare('SELECT count(*) AS n FROM person').get() as { n: number }).n).toBe(0);
    expect((w.raw.prepare('SELECT count(*) AS n FROM consent').get() as { n: number }).n).toBe(0);
  });

  it('refuses a consent that contradicts itself and rolls the whole creation back', async () => {
    const twice = [
      { purpose: 'personalisation', source: 'in_person', noticeVersion: 'v3' },
      { purpose: 'personalisation', source: 'in_person', noticeVersion: 'v3' },
    ];
    expect(refused(await w.call('clients.create', { firstName: 'A', lastName: 'B', provenance: 'declared', consents: twice })).code).toBe('CONSENT_CONFLICT');
    expect((w.raw.prepare('SELECT count(*) AS n FROM person').get() as { n: number }).n).toBe(0);
  });
});

describe('clients.update, archive, unarchive', () => {
  let w: World;
  let id: string;
  beforeEach(async () => {
    w = await openWorld();
    id = await newClient(w, { contact: [{ channel: 'email', value: 'margaux@example.fr', preferred: true }] });
  });
  afterEach(async () => {
    await w.close();
  });

  it('changes the fields given, clears with null, keeps the sort key and search in step', async () => {
    const value = ok(await w.call('clients.update', { id, lastName: 'Lefèvre-Aubry', city: 'Lyon', tier: null, birthDate: '1975-06-02', reviewAt: '2026-01-05' }));
    expect(value.client).toMatchObject({ lastName: 'Lefèvre-Aubry', city: 'Lyon', tier: null });
    expect(w.raw.prepare('SELECT sort_key, birth_date, review_at FROM person WHERE id = ?').get(id)).toEqual({
      sort_key: 'lefevre-aubry margaux',
      birth_date: '1975-06-02',
      review_at: '2026-01-05',
    });
    const list = ok(await w.call('clients.list', { query: 'aubry' }));
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([id]);
    ok(await w.call('clients.update', { id, birthDate: null }));
    expect(w.raw.prepare('SELECT birth_date FROM person WHERE id = ?').get(id)).toEqual({ birth_date: null });
    expect(refused(await w.call('clients.update', { id, firstName: ' \u2066 ' })).code).toBe('INVALID_INPUT');
  });

  it('flags duplicates on a change of name too', async () => {
    const other = await newClient(w, { firstName: 'Anne', lastName: 'Martin' });
    const value = ok(await w.call('clients.update', { id: other, firstName: 'Margaux', lastName: 'Lefevre' }));
    expect(value.duplicates).toEqual([{ id, reason: 'same_name' }]);
  });

  it('is refused for a restricted client (read-only), an erased one (not found), and a person who is not a client', async () => {
    const related = addPerson(w.raw, { kind: 'related' });
    restrict(w, id);
    expect(refused(await w.call('clients.update', { id, city: 'Nice' })).code).toBe('RESTRICTED');
    expect(refused(await w.call('clients.archive', { id })).code).toBe('RESTRICTED');
    erase(w, id);
    expect(refused(await w.call('clients.update', { id, city: 'Nice' })).code).toBe('NOT_FOUND');
    expect(refused(await w.call('clients.archive', { id })).code).toBe('NOT_FOUND');
    expect(refused(await w.call('clients.update', { id: related, city: 'Nice' })).code).toBe('NOT_A_CLIENT');
  });

  it('a birth date change needs personalisation; clearing it does not', async () => {
    const bare = await newClient(w, { firstName: 'Paul', lastName: 'Girard', consents: [] });
    expect(refused(await w.call('clients.update', { id: bare, birthDate: '1970-01-01' })).code).toBe('CONSENT_MISSING');
    ok(await w.call('clients.update', { id: bare, birthDate: null }));
  });

  it('archives softly: the client leaves clients.list, shows in clients.listArchived, and comes back', async () => {
    const other = await newClient(w, { firstName: 'Anne', lastName: 'Martin' });
    const archived = ok(await w.call('clients.archive', { id }));
    expect(archived.id).toBe(id);
    expect(archived.archivedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(ok(await w.call('clients.archive', { id })).archivedAt).toBe(archived.archivedAt); // idempotent
    const list = ok(await w.call('clients.list', {}));
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([other]);
    expect(list.total).toBe(1);
    const gone = ok(await w.call('clients.listArchived', {}));
    expect(gone.items.map((i: { id: string }) => i.id)).toEqual([id]);
    // Still whole: readable, searchable (flagged), nothing deleted.
    expect(ok(await w.call('clients.get360', { id })).details.archivedAt).toBe(archived.archivedAt);
    const hit = ok(await w.call('search.query', { text: 'margaux' })).hits.find((h: { id: string }) => h.id === id);
    expect(hit.archived).toBe(true);
    expect(ok(await w.call('clients.unarchive', { id })).archivedAt).toBeNull();
    expect(ok(await w.call('clients.list', {})).total).toBe(2);
    expect(ok(await w.call('clients.listArchived', {})).total).toBe(0);
  });
});
