/**
 * One clock for the whole core: the session's injected clock (`SessionOptions.now`, read by every
 * service through `ctx.session.now()`) decides every "now" — defaults for dates left out, "not in
 * the future" checks, "today" in the advisor's time zone, audit timestamps, ids' time part and
 * when a withdrawal's purge falls due. Driven through `router.dispatch` on a real encrypted store.
 *
 * Two fixed clocks, so that every assertion fails if a service read the wall clock instead:
 * - FUTURE (2031) is after any real today: what it accepts, the wall clock would refuse, and the
 *   values it stamps are years from any wall-clock reading;
 * - PAST (2019) is before any real today: what it refuses as "in the future", the wall clock
 *   would accept.
 *
 * The contract's own input schemas still refuse a date-only day after the *wall-clock* today
 * (`pastDateSchema`, `birthdaySchema` in electron/contract/), so under the FUTURE clock a gift is
 * dated with an instant of the fixed day; the date-only form is proven under the PAST clock.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/services/index.js';
import { tempDir } from '../../support/tmp.js';

const FUTURE = '2031-05-17T09:30:00.000Z';
const PAST = '2019-05-17T09:30:00.000Z';
const SECOND = 1_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const PASS = 'une seule horloge pour tout le noyau';
const GRANT_ALL = [
  { purpose: 'personalisation', source: 'in_person', noticeVersion: 'v3' },
  { purpose: 'relationship_mapping', source: 'in_person', noticeVersion: 'v3' },
  { purpose: 'outreach', channel: 'email', source: 'in_person', noticeVersion: 'v3' },
] as const;

interface CallResult {
  ok: boolean;
  value?: any;
  error?: { code: string; message: string };
}

interface ClockWorld {
  core: Core;
  profileId: string;
  /** The instant the core's clock reads now. */
  at(): number;
  set(iso: string | number): void;
  advance(ms: number): void;
  call(channel: string, input?: unknown): Promise<CallResult>;
  close(): Promise<void>;
}

function ok<T = any>(result: CallResult): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error?.code}: ${result.error?.message}`);
  return result.value as T;
}

function refused(result: CallResult): { code: string; message: string } {
  expect(result.ok, JSON.stringify(result.value ?? null).slice(0, 200)).toBe(false);
  return result.error as { code: string; message: string };
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** The time part of a ULID: its first 10 characters, Crockford base32 milliseconds. */
function ulidTime(id: string): number {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  return [...id.slice(0, 10)].reduce((ms, ch) => ms * 32 + alphabet.indexOf(ch), 0);
}

async function openAt(start: string): Promise<ClockWorld> {
  const { dir, cleanup } = tempDir('carnet-clock-');
  let at = Date.parse(start);
  const core = createCore({ profilesDir: dir, now: () => new Date(at) });
  const call = async (channel: string, input: unknown = {}): Promise<CallResult> => (await core.router.dispatch(channel, input)) as CallResult;
  const created = ok(
    await call('session.createProfile', {
      displayName: 'Camille Laurent',
      maison: 'Maison Aubrac',
      boutique: 'Paris — Faubourg Saint-Honoré',
      locale: 'en',
      timeZone: 'Europe/Paris',
      passphrase: PASS,
    }),
  );
  return {
    core,
    profileId: created.id as string,
    at: () => at,
    set: (value) => {
      at = typeof value === 'number' ? value : Date.parse(value);
    },
    advance: (ms) => {
      at += ms;
    },
    call,
    close: async () => {
      await core.session.lock();
      cleanup();
    },
  };
}

async function newClient(w: ClockWorld, fields: Record<string, unknown> = {}): Promise<string> {
  const value = ok(await w.call('clients.create', { firstName: 'Margaux', lastName: 'Lefèvre', provenance: 'declared', consents: GRANT_ALL, ...fields }));
  return value.client.id as string;
}

const count = (w: ClockWorld, sql: string, ...params: unknown[]): number =>
  (w.core.session.requireStore().raw.prepare(sql).get(...params) as { n: number }).n;

describe('the session clock is the core’s one clock (fixed in 2031)', () => {
  let w: ClockWorld;
  let client: string;

  beforeEach(async () => {
    w = await openAt(FUTURE);
    client = await newClient(w);
  });
  afterEach(async () => {
    await w.close();
  });

  it('exposes the injected clock as session.now()', () => {
    expect(w.core.session.now().toISOString()).toBe(FUTURE);
    w.advance(DAY);
    expect(w.core.session.now().toISOString()).toBe(iso(Date.parse(FUTURE) + DAY));
  });

  it('stamps ids, creation and the client’s defaults (clientSince, review) with the clock', async () => {
    expect(ulidTime(client)).toBe(Date.parse(FUTURE));
    expect(ulidTime(w.profileId)).toBe(Date.parse(FUTURE));
    const row = w.core.session.requireStore().raw.prepare('SELECT created_at, client_since, review_at FROM person WHERE id = ?').get(client) as Record<string, string>;
    expect(row).toEqual({ created_at: FUTURE, client_since: '2031-05-17', review_at: '2031-05-17' });
  });

  it('dates an interaction without occurredAt at the clock’s time', async () => {
    const interaction = ok(await w.call('interactions.add', { clientId: client, kind: 'visit', direction: 'inbound' }));
    expect(interaction.occurredAt).toBe(FUTURE);
    expect(ulidTime(interaction.id)).toBe(Date.parse(FUTURE));
    // And an explicit instant at the clock's time is not "in the future" (the wall clock says it is).
    const later = ok(await w.call('interactions.add', { clientId: client, kind: 'call', direction: 'outbound', occurredAt: FUTURE }));
    expect(later.occurredAt).toBe(FUTURE);
  });

  it('makes a consent without effectiveAt effective at the clock’s time; one second later is refused', async () => {
    w.advance(HOUR);
    const now = iso(w.at());
    const recorded = ok(await w.call('privacy.consents.record', { clientId: client, purpose: 'outreach', channel: 'sms', action: 'grant', source: 'in_person', noticeVersion: 'v3' }));
    const entry = recorded.history.find((h: { id: string }) => h.id === recorded.recordedId);
    expect(entry).toMatchObject({ effectiveAt: now, recordedAt: now });
    // Dated exactly at the clock's time: accepted (the wall clock would call it the future).
    ok(await w.call('privacy.consents.record', { clientId: client, purpose: 'outreach', channel: 'post', action: 'grant', source: 'in_person', noticeVersion: 'v3', effectiveAt: now }));
    const error = refused(
      await w.call('privacy.consents.record', {
        clientId: client,
        purpose: 'outreach',
        channel: 'phone',
        action: 'grant',
        source: 'in_person',
        noticeVersion: 'v3',
        effectiveAt: iso(w.at() + SECOND),
      }),
    );
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(/future/);
  });

  it('takes the 360’s today, the brief’s prepared time and the PDF’s day from the clock (advisor’s zone)', async () => {
    const view = ok(await w.call('clients.get360', { id: client }));
    expect(view.today).toBe('2031-05-17');
    const brief = ok(await w.call('clients.brief', { id: client }));
    expect(brief.generatedAt).toBe(FUTURE);
    expect(brief.today).toBe('2031-05-17');
    const pdf = ok(await w.call('io.exportBrief', { clientId: client }));
    expect(pdf.fileName).toContain('2031-05-17');
    // Late evening in UTC is already tomorrow in Paris: "today" is the advisor's, from the clock.
    w.set('2031-05-17T22:30:00.000Z');
    expect(ok(await w.call('clients.get360', { id: client })).today).toBe('2031-05-18');
    expect(ok(await w.call('clients.brief', { id: client })).generatedAt).toBe('2031-05-17T22:30:00.000Z');
  });

  it('accepts a gift given on the clock’s day and refuses one the day after', async () => {
    const gift = ok(await w.call('gifts.add', { clientId: client, recipientPersonId: client, givenAt: FUTURE, occasion: 'Birthday', item: 'Silk scarf' }));
    expect(gift.givenAt).toBe(FUTURE);
    const error = refused(
      await w.call('gifts.add', { clientId: client, recipientPersonId: client, givenAt: iso(Date.parse(FUTURE) + DAY), occasion: 'Anniversary', item: 'Gold cufflinks' }),
    );
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(/givenAt/);
  });

  it('writes audit entries at the clock’s time', async () => {
    w.advance(5 * 60_000);
    ok(await w.call('clients.get360', { id: client }));
    const entries = ok(await w.call('privacy.audit.list', { limit: 100 })).entries as { at: string; action: string; targetIds: string[] }[];
    const byAction = (action: string) => entries.filter((e) => e.action === action);
    expect(byAction('session.createProfile').map((e) => e.at)).toEqual([FUTURE]);
    expect(byAction('clients.create').map((e) => e.at)).toEqual([FUTURE]);
    expect(byAction('clients.get360')).toEqual([expect.objectContaining({ at: iso(Date.parse(FUTURE) + 5 * 60_000), targetIds: [client] })]);
    expect(entries.every((e) => e.at.startsWith('2031-05-17T09:3'))).toBe(true);
  });

  describe('a withdrawal’s purge falls due on the clock', () => {
    let withdrawnAt: number;

    beforeEach(async () => {
      ok(await w.call('preferences.add', { personId: client, domain: 'colour', value: 'vermillon', provenance: 'declared' }));
      w.advance(HOUR);
      withdrawnAt = w.at();
      ok(await w.call('privacy.consents.record', { clientId: client, purpose: 'personalisation', action: 'withdraw', source: 'in_person', noticeVersion: 'v3' }));
    });
    const preferences = () => count(w, 'SELECT count(*) AS n FROM preference WHERE person_id = ?', client);

    it('privacy.purge.run: nothing within the grace period, the data gone once the clock passes it', async () => {
      const pending = ok(await w.call('privacy.pendingPurges', {}));
      const due = withdrawnAt + pending.graceDays * DAY;
      expect(pending.items).toContainEqual({ clientId: client, category: 'preferences', purpose: 'personalisation', dueAt: iso(due) });

      expect(ok(await w.call('privacy.purge.run', {})).purged).toEqual([]);
      w.set(due - 60_000);
      expect(ok(await w.call('privacy.purge.run', {})).purged).toEqual([]);
      expect(preferences()).toBe(1);

      w.set(due + 60_000);
      const run = ok(await w.call('privacy.purge.run', {}));
      expect(run.purged).toContainEqual({ clientId: client, category: 'preferences' });
      expect(preferences()).toBe(0);
      expect(ok(await w.call('privacy.pendingPurges', {})).items).toEqual([]);
    });

    it('the unlock sweep: kept when unlocked within the grace period, gone when unlocked after it', async () => {
      const { graceDays } = ok(await w.call('privacy.pendingPurges', {}));
      const due = withdrawnAt + graceDays * DAY;

      ok(await w.call('session.lock', {}));
      w.set(due - HOUR);
      ok(await w.call('session.unlock', { profileId: w.profileId, passphrase: PASS }));
      expect(preferences()).toBe(1);

      ok(await w.call('session.lock', {}));
      w.set(due + HOUR);
      ok(await w.call('session.unlock', { profileId: w.profileId, passphrase: PASS }));
      expect(preferences()).toBe(0);
      const sweep = (ok(await w.call('privacy.audit.list', { limit: 100 })).entries as { at: string; action: string; targetIds: string[] }[]).filter(
        (e) => e.action === 'privacy.purge.sweep',
      );
      expect(sweep).toEqual([expect.objectContaining({ at: iso(due + HOUR), targetIds: expect.arrayContaining([client]) })]);
    });
  });
});

describe('the session clock refuses what is after it (fixed in 2019)', () => {
  let w: ClockWorld;
  let client: string;
  const nextDay = '2019-05-18';

  beforeEach(async () => {
    w = await openAt(PAST);
    client = await newClient(w);
  });
  afterEach(async () => {
    await w.close();
  });

  it('refuses a consent dated one second after the clock (the wall clock would accept it)', async () => {
    const base = { clientId: client, purpose: 'outreach', channel: 'sms', action: 'grant', source: 'in_person', noticeVersion: 'v3' };
    const error = refused(await w.call('privacy.consents.record', { ...base, effectiveAt: iso(Date.parse(PAST) + SECOND) }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(/future/);
    ok(await w.call('privacy.consents.record', { ...base, effectiveAt: PAST }));
  });

  it('accepts a gift dated the clock’s day and refuses the day after, as a day or as an instant', async () => {
    const base = { clientId: client, recipientPersonId: client, occasion: 'Birthday' };
    ok(await w.call('gifts.add', { ...base, givenAt: '2019-05-17', item: 'Silk scarf' }));
    expect(refused(await w.call('gifts.add', { ...base, givenAt: nextDay, item: 'Gold cufflinks' })).message).toMatch(/givenAt.*future/);
    expect(refused(await w.call('gifts.add', { ...base, givenAt: `${nextDay}T09:30:00.000Z`, item: 'Leather wallet' })).message).toMatch(/givenAt.*future/);
  });

  it('refuses the day after the clock for every other “not in the future” field', async () => {
    const future = (r: CallResult) => {
      const error = refused(r);
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.message).toMatch(/future/);
    };
    future(await w.call('interactions.add', { clientId: client, kind: 'visit', direction: 'inbound', occurredAt: `${nextDay}T09:30:00.000Z` }));
    future(await w.call('purchases.add', { clientId: client, purchasedAt: `${nextDay}T09:30:00.000Z`, category: 'jewellery', item: 'Ring', amountMinor: 420000, currency: 'EUR', channel: 'boutique' }));
    future(await w.call('clients.create', { firstName: 'Inès', lastName: 'Garnier', provenance: 'declared', clientSince: nextDay }));
    future(await w.call('clients.update', { id: client, birthDate: nextDay }));
    future(await w.call('clients.update', { id: client, reviewAt: nextDay }));
    future(await w.call('preferences.add', { personId: client, domain: 'colour', value: 'vert', provenance: 'declared', reviewAt: nextDay }));
    future(await w.call('people.add', { clientId: client, firstName: 'Zoé', relation: { kind: 'family', label: 'daughter' }, birthday: nextDay }));
    future(await w.call('moments.add', { personId: client, kind: 'birthday', date: nextDay, provenance: 'declared' }));
    future(await w.call('privacy.requests.open', { clientId: client, right: 'access', receivedAt: `${nextDay}T09:30:00.000Z` }));
    const rectify = refused(await w.call('privacy.rights.rectify', { clientId: client, field: 'birthDate', value: nextDay }));
    expect(rectify.code).toBe('INVALID_INPUT');
    // The clock's own day is accepted everywhere.
    ok(await w.call('clients.update', { id: client, birthDate: '2019-05-17', reviewAt: '2019-05-17', clientSince: '2019-05-17' }));
    ok(await w.call('privacy.rights.rectify', { clientId: client, field: 'birthDate', value: '2019-05-17' }));
  });

  it('retention: keeping a preference dates its confirmation on the advisor’s day, not UTC’s', async () => {
    const pref = ok(await w.call('preferences.add', { personId: client, domain: 'colour', value: 'vert', provenance: 'declared', reviewAt: '2019-05-17' }));
    // 23:30 UTC on 1 June 2021 is already 2 June in Paris.
    w.set('2021-06-01T23:30:00.000Z');
    const due = ok(await w.call('privacy.retention.due', {})).items as { clientId: string; category: string }[];
    expect(due.some((i) => i.clientId === client && i.category === 'preferences')).toBe(true);
    ok(await w.call('privacy.retention.review', { clientId: client, category: 'preferences', decision: 'keep' }));
    const row = w.core.session.requireStore().raw.prepare('SELECT review_at FROM preference WHERE id = ?').get(pref.id) as { review_at: string };
    expect(row.review_at).toBe('2021-06-02');
  });

  it('retention: nothing is due until the clock reaches the due date', async () => {
    expect(ok(await w.call('privacy.retention.due', {})).items).toEqual([]);
    w.advance(20 * 365 * DAY);
    const due = ok(await w.call('privacy.retention.due', {})).items as { clientId: string; dueAt: string }[];
    expect(due.some((i) => i.clientId === client)).toBe(true);
    expect(due.every((i) => Date.parse(i.dueAt) <= w.at() && Date.parse(i.dueAt) > Date.parse(PAST))).toBe(true);
  });
});
