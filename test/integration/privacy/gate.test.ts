/**
 * The write gate and the contact gate, branch by branch, against a real encrypted store.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CarnetError } from '../../../electron/contract/index.js';
import { analyticsObjections } from '../../../electron/services/privacy/consent.js';
import { assertMayAddRelated, assertMayContact, assertMayWrite, type WriteIntent } from '../../../electron/services/privacy/gate.js';
import { addConsent, addPerson, addRelation, openWorld, type World } from './support.js';

const UNKNOWN = '01ARZ3NDEKTSV4RRFFQ69G5FAV';

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string } | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    if (error instanceof CarnetError) return { code: error.code, message: error.message };
    throw error;
  }
}

describe('privacy gate — assertMayWrite', () => {
  let w: World;
  let client: string;
  let spouse: string;
  const write = (intent: WriteIntent) => refusal(assertMayWrite(w.db, intent));

  beforeEach(async () => {
    w = await openWorld();
    client = addPerson(w.raw, { first: 'Margaux', last: 'Lefèvre' });
    spouse = addPerson(w.raw, { kind: 'related', first: 'Thibault', last: 'Lefèvre' });
    addRelation(w.raw, spouse, client, 'husband');
  });
  afterEach(async () => {
    await w.close();
  });

  it('refuses special-category fields and kinds first, whoever the person is', async () => {
    for (const [fields, kind] of [
      [['person.religion'], undefined],
      [['person.health_notes'], undefined],
      [['preference.political_party'], undefined],
      [['person.ethnic_origin'], undefined],
      [['person.sexual_orientation'], undefined],
      [['person.fingerprint'], undefined],
      [['person.criminal_record'], undefined],
      [['person.trade_union'], undefined],
      [undefined, 'medical_appointment'],
      [undefined, 'Religión'],
    ] as const) {
      const r = await write({ personId: UNKNOWN, category: 'moments', fields, kind });
      expect(r?.code, JSON.stringify([fields, kind])).toBe('SPECIAL_CATEGORY');
    }
    expect(await write({ personId: client, category: 'identity', fields: ['person.religion'] })).toEqual({
      code: 'SPECIAL_CATEGORY',
      message: 'Data about religious or philosophical beliefs is a special category: Carnet has no field for it and does not keep it.',
    });
    // Words that merely contain a term are not special: a bracelet is not a race.
    grantAll(client);
    expect(await write({ personId: client, category: 'preferences', kind: 'bracelet' })).toBeNull();
  });

  it('refuses fields outside the policy or outside the named category; technical fields pass', async () => {
    expect((await write({ personId: client, category: 'preferences', fields: ['contact_point.value'] }))?.code).toBe('NOT_IN_POLICY');
    expect((await write({ personId: client, category: 'identity', fields: ['person.shoe_size'] }))?.code).toBe('NOT_IN_POLICY');
    expect(await write({ personId: client, category: 'identity', fields: ['person.first_name', 'person.updated_at', 'person.sort_key'] })).toBeNull();
  });

  it('refuses an unknown or erased person', async () => {
    const erased = addPerson(w.raw, { status: 'erased' });
    expect(await write({ personId: UNKNOWN, category: 'identity' })).toEqual({ code: 'NOT_FOUND', message: 'There is no such person.' });
    expect((await write({ personId: erased, category: 'notes' }))?.code).toBe('NOT_FOUND');
  });

  it('lets service data be written for any client, and consent data only with that consent', async () => {
    for (const category of ['identity', 'contact', 'purchases', 'notes', 'appointments', 'after_sales'] as const) {
      expect(await write({ personId: client, category }), category).toBeNull();
    }
    expect(await write({ personId: client, category: 'preferences' })).toEqual({
      code: 'CONSENT_MISSING',
      message: 'Personalisation consent is missing for this client.',
    });
    expect((await write({ personId: client, category: 'moments' }))?.message).toBe('Personalisation consent is missing for this client.');
    expect((await write({ personId: client, category: 'gifts' }))?.message).toBe('Personalisation consent is missing for this client.');
    expect(await write({ personId: client, category: 'relations' })).toEqual({
      code: 'CONSENT_MISSING',
      message: 'Relationship-mapping consent is missing for this client.',
    });
    addConsent(w.raw, client, 'personalisation', 'grant');
    expect(await write({ personId: client, category: 'preferences', fields: ['preference.value'] })).toBeNull();
    expect(await write({ personId: client, category: 'gifts' })).toBeNull();
    // Withdrawn: refused again. Analytics never covers a person: it does not open anything.
    addConsent(w.raw, client, 'personalisation', 'withdraw', { effectiveAt: '2025-02-01T10:00:00.000Z' });
    addConsent(w.raw, client, 'analytics', 'grant');
    expect((await write({ personId: client, category: 'preferences' }))?.code).toBe('CONSENT_MISSING');
  });

  it('makes a restricted client read-only, whatever their consents', async () => {
    grantAll(client);
    w.raw.prepare("UPDATE person SET status = 'restricted' WHERE id = ?").run(client);
    for (const category of ['identity', 'preferences', 'notes'] as const) {
      expect(await write({ personId: client, category })).toEqual({
        code: 'RESTRICTED',
        message: 'This client’s processing is restricted: their record is read-only.',
      });
    }
  });

  it('keeps only the short list about people who are not clients, under their client’s relationship mapping', async () => {
    // Not covered: the client has not agreed to relationship mapping.
    expect(await write({ personId: spouse, category: 'identity', fields: ['person.first_name'] })).toEqual({
      code: 'CONSENT_MISSING',
      message: 'Relationship-mapping consent is missing for the client this person is linked to.',
    });
    addConsent(w.raw, client, 'relationship_mapping', 'grant');
    expect(await write({ personId: spouse, category: 'identity', fields: ['person.first_name', 'person.last_name'] })).toBeNull();
    expect(await write({ personId: spouse, category: 'relations', fields: ['relation.label'] })).toBeNull();
    expect(await write({ personId: spouse, category: 'moments', fields: ['moment.kind', 'moment.date'], kind: 'birthday' })).toBeNull();
    expect(await write({ personId: spouse, category: 'moments', fields: ['person.birth_date'], kind: 'birthday' })).toBeNull();
    expect(await write({ personId: spouse, category: 'preferences', kind: 'size' })).toBeNull();
    expect(await write({ personId: spouse, category: 'preferences', kind: 'fragrance' })).toBeNull();

    const refusals: [WriteIntent, string][] = [
      [{ personId: spouse, category: 'contact' }, 'No contact details are kept about people who are not clients.'],
      [{ personId: spouse, category: 'contact', fields: ['contact_point.value'] }, 'No contact details are kept about people who are not clients.'],
      [{ personId: spouse, category: 'notes' }, 'No interactions and notes are kept about people who are not clients.'],
      [{ personId: spouse, category: 'purchases' }, 'No purchases are kept about people who are not clients.'],
      [{ personId: spouse, category: 'identity', fields: ['person.city'] }, 'Only a short list'],
      [{ personId: spouse, category: 'identity', fields: ['person.honorific'] }, 'Only a short list'],
      [{ personId: spouse, category: 'identity' }, 'Only a short list'],
      [{ personId: spouse, category: 'moments', fields: ['moment.note'], kind: 'birthday' }, 'Only a short list'],
      [{ personId: spouse, category: 'moments', fields: ['moment.kind'], kind: 'wedding' }, 'only these life moments are kept: birthday'],
      [{ personId: spouse, category: 'moments', fields: ['moment.kind'] }, 'only these life moments are kept: birthday'],
      [{ personId: spouse, category: 'preferences', kind: 'service' }, 'only these preferences are kept'],
    ];
    for (const [intent, message] of refusals) {
      const r = await write(intent);
      expect(r?.code, JSON.stringify(intent)).toBe('NOT_A_CLIENT');
      expect(r?.message).toContain(message);
      expect(r?.message).not.toMatch(/Thibault|Lefèvre/);
    }
  });

  it('checks the covering clients: withdrawn, restricted, erased, several, none', async () => {
    addConsent(w.raw, client, 'relationship_mapping', 'grant');
    addConsent(w.raw, client, 'relationship_mapping', 'withdraw', { effectiveAt: '2025-03-01T10:00:00.000Z' });
    const names = { personId: spouse, category: 'identity', fields: ['person.first_name'] } as const;
    expect((await write(names))?.code).toBe('CONSENT_MISSING');

    // A second client — the spouse's sister, say — who did agree, but is restricted.
    const sister = addPerson(w.raw, { first: 'Claire' });
    addRelation(w.raw, spouse, sister, 'brother');
    addConsent(w.raw, sister, 'relationship_mapping', 'grant');
    w.raw.prepare("UPDATE person SET status = 'restricted' WHERE id = ?").run(sister);
    expect(await write(names)).toEqual({
      code: 'RESTRICTED',
      message: 'The client this person is linked to is restricted: their circle is read-only.',
    });
    // An active covering client is enough.
    addConsent(w.raw, client, 'relationship_mapping', 'grant', { effectiveAt: '2025-04-01T10:00:00.000Z' });
    expect(await write(names)).toBeNull();
    // Erased clients cover no one.
    w.raw.prepare("UPDATE person SET status = 'erased' WHERE id IN (?, ?)").run(client, sister);
    expect((await write(names))?.code).toBe('CONSENT_MISSING');
    // A relation read the other way (the client → the person) covers as well.
    const godson = addPerson(w.raw, { kind: 'related' });
    const godmother = addPerson(w.raw, { first: 'Odile' });
    addRelation(w.raw, godmother, godson, 'godmother');
    expect((await write({ personId: godson, category: 'identity', fields: ['person.first_name'] }))?.code).toBe('CONSENT_MISSING');
    addConsent(w.raw, godmother, 'relationship_mapping', 'grant');
    expect(await write({ personId: godson, category: 'identity', fields: ['person.first_name'] })).toBeNull();
    // Someone linked to no client at all.
    const orphan = addPerson(w.raw, { kind: 'related' });
    expect((await write({ personId: orphan, category: 'identity', fields: ['person.first_name'] }))?.code).toBe('CONSENT_MISSING');
  });

  it('assertMayAddRelated: a new person around an active client with relationship mapping, short list only', async () => {
    const add = (clientId: string, fields: string[], kinds?: string[]) => refusal(assertMayAddRelated(w.db, { clientId, fields, kinds }));
    const names = ['person.first_name', 'person.last_name', 'relation.kind', 'relation.label'];
    expect((await add(client, names))?.message).toBe('Relationship-mapping consent is missing for this client.');
    addConsent(w.raw, client, 'relationship_mapping', 'grant');
    expect(await add(client, names)).toBeNull();
    expect(await add(client, [...names, 'person.birth_date', 'moment.kind', 'preference.value'], ['birthday', 'size'])).toBeNull();
    expect((await add(client, [...names, 'contact_point.value']))?.code).toBe('NOT_A_CLIENT');
    expect((await add(client, [...names, 'person.city']))?.code).toBe('NOT_A_CLIENT');
    expect((await add(client, [...names, 'moment.kind'], ['wedding']))?.code).toBe('NOT_A_CLIENT');
    expect((await add(client, [...names, 'moment.kind']))?.code).toBe('NOT_A_CLIENT');
    expect((await add(client, names, ['graduation']))?.code).toBe('NOT_A_CLIENT');
    expect((await add(client, [...names, 'person.religion']))?.code).toBe('SPECIAL_CATEGORY');
    expect((await add(client, [...names, 'person.nickname']))?.code).toBe('NOT_IN_POLICY');
    expect((await add(spouse, names))?.code).toBe('NOT_A_CLIENT');
    expect((await add(UNKNOWN, names))?.code).toBe('NOT_FOUND');
    w.raw.prepare("UPDATE person SET status = 'restricted' WHERE id = ?").run(client);
    expect((await add(client, names))?.code).toBe('RESTRICTED');
  });

  function grantAll(id: string): void {
    for (const purpose of ['personalisation', 'relationship_mapping']) addConsent(w.raw, id, purpose, 'grant');
  }
});

describe('privacy gate — assertMayContact', () => {
  let w: World;
  let client: string;
  const contact = (id: string, channel: 'email' | 'phone' | 'sms' | 'whatsapp' | 'wechat' | 'post') => refusal(assertMayContact(w.db, id, channel));

  beforeEach(async () => {
    w = await openWorld();
    client = addPerson(w.raw);
  });
  afterEach(async () => {
    await w.close();
  });

  it('never contacts a person who is not a client, even under relationship mapping', async () => {
    const assistant = addPerson(w.raw, { kind: 'related' });
    addRelation(w.raw, assistant, client, 'assistant', 'assistant');
    addConsent(w.raw, client, 'relationship_mapping', 'grant');
    addConsent(w.raw, client, 'outreach', 'grant', { channel: 'email' });
    expect(await contact(assistant, 'email')).toEqual({ code: 'NOT_A_CLIENT', message: 'People who are not clients are never contacted.' });
  });

  it('contacts a client only on a channel they agreed to, and not after a withdrawal or objection', async () => {
    expect(await contact(client, 'email')).toEqual({ code: 'CONSENT_MISSING', message: 'E-mail outreach consent is missing for this client.' });
    addConsent(w.raw, client, 'outreach', 'grant', { channel: 'email' });
    expect(await contact(client, 'email')).toBeNull();
    expect((await contact(client, 'whatsapp'))?.message).toBe('WhatsApp outreach consent is missing for this client.');
    // Personalisation or service do not open outreach.
    addConsent(w.raw, client, 'personalisation', 'grant');
    expect((await contact(client, 'post'))?.code).toBe('CONSENT_MISSING');
    // An objection to outreach is recorded as a withdrawal, channel by channel.
    addConsent(w.raw, client, 'outreach', 'withdraw', { channel: 'email', effectiveAt: '2025-05-01T10:00:00.000Z' });
    expect(await contact(client, 'email')).toEqual({ code: 'CONSENT_MISSING', message: 'E-mail outreach consent was withdrawn by this client.' });
  });

  it('refuses a restricted, an erased and an unknown client', async () => {
    addConsent(w.raw, client, 'outreach', 'grant', { channel: 'sms' });
    w.raw.prepare("UPDATE person SET status = 'restricted' WHERE id = ?").run(client);
    expect((await contact(client, 'sms'))?.code).toBe('RESTRICTED');
    w.raw.prepare("UPDATE person SET status = 'erased' WHERE id = ?").run(client);
    expect((await contact(client, 'sms'))?.code).toBe('NOT_FOUND');
    expect((await contact(UNKNOWN, 'sms'))?.code).toBe('NOT_FOUND');
  });

  it('lists the clients who objected to analytics (they are left out of aggregates)', async () => {
    const objector = addPerson(w.raw);
    const changedMind = addPerson(w.raw);
    addConsent(w.raw, objector, 'analytics', 'withdraw');
    addConsent(w.raw, changedMind, 'analytics', 'withdraw');
    addConsent(w.raw, changedMind, 'analytics', 'grant', { effectiveAt: '2025-06-01T10:00:00.000Z' });
    expect([...(await analyticsObjections(w.db))]).toEqual([objector]);
  });
});
