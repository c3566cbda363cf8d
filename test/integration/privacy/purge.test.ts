/**
 * Purges after a withdrawal: `privacy.purge.run` deletes — physically — what a withdrawn consent
 * covered once the grace period is over, and the same sweep runs by itself right after every
 * unlock, so withdrawn data never outlives its grace period. A restricted client's data waits; a
 * failing sweep is audited and never keeps the advisor out.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RawDatabase } from '../../../db/open.js';
import {
  PASS,
  addConsent,
  addGift,
  addMoment,
  addPerson,
  addPreference,
  addRelation,
  lastAudit,
  openWorld,
  type World,
} from './support.js';

const DAY = 86_400_000;
const record = { source: 'signed_form', noticeVersion: 'v3-2026' } as const;
const count = (raw: RawDatabase, sql: string, ...params: unknown[]): number => (raw.prepare(sql).get(...params) as { n: number }).n;

describe('privacy.purge.run', () => {
  let w: World;
  let client: string;
  let daughter: string;
  let nephew: string;
  let uncle: string;

  beforeEach(async () => {
    w = await openWorld();
    client = addPerson(w.raw, { first: 'Hélène', last: 'Roux', birth: '1970-05-14' });
    uncle = addPerson(w.raw, { first: 'Bertrand', last: 'Roux' });
    daughter = addPerson(w.raw, { kind: 'related', first: 'Zoé', last: 'Roux' });
    nephew = addPerson(w.raw, { kind: 'related', first: 'Léon', last: 'Roux' });
    addRelation(w.raw, daughter, client, 'daughter');
    addRelation(w.raw, nephew, client, 'nephew');
    addRelation(w.raw, nephew, uncle, 'nephew');
    for (const c of [client, uncle]) {
      for (const purpose of ['personalisation', 'relationship_mapping']) addConsent(w.raw, c, purpose, 'grant', { effectiveAt: '2024-01-10T10:00:00.000Z' });
    }
    addPreference(w.raw, client, 'colour', 'favourite', 'vermillon');
    addMoment(w.raw, client, 'wedding_anniversary', '09-02');
    addMoment(w.raw, daughter, 'birthday', '02-11');
    addGift(w.raw, client, daughter);
  });
  afterEach(async () => {
    await w.close();
  });

  const withdraw = async (purpose: string, who = client) => {
    const r = await w.call('privacy.consents.record', { clientId: who, purpose, action: 'withdraw', effectiveAt: '2025-06-01T09:00:00.000Z', ...record });
    expect(r.ok, JSON.stringify(r.error)).toBe(true);
  };
  const run = async () => {
    const r = await w.call('privacy.purge.run', {});
    expect(r.ok, JSON.stringify(r.error)).toBe(true);
    return r.value as { purged: { clientId: string; category: string }[]; waiting: { clientId: string; category: string }[] };
  };

  it('waits for the grace period: nothing is purged the day of the withdrawal', async () => {
    await withdraw('personalisation');
    expect(await run()).toEqual({ purged: [], waiting: [] });
    expect(count(w.raw, 'SELECT count(*) AS n FROM preference WHERE person_id = ?', client)).toBe(1);
    expect((await w.call('privacy.pendingPurges', {})).value.items).toHaveLength(3);
  });

  it('after the grace period, deletes what personalisation covered — rows, the birth date, their index entries', async () => {
    await withdraw('personalisation');
    expect((await w.call('privacy.settings.set', { purgeGraceDays: 0 })).ok).toBe(true);
    expect(await run()).toEqual({
      purged: [
        { clientId: client, category: 'preferences' },
        { clientId: client, category: 'moments' },
        { clientId: client, category: 'gifts' },
      ],
      waiting: [],
    });
    expect(count(w.raw, 'SELECT count(*) AS n FROM preference WHERE person_id = ?', client)).toBe(0);
    expect(count(w.raw, 'SELECT count(*) AS n FROM moment WHERE person_id = ?', client)).toBe(0);
    expect(count(w.raw, 'SELECT count(*) AS n FROM gift WHERE client_id = ?', client)).toBe(0);
    expect(w.raw.prepare('SELECT birth_date, first_name FROM person WHERE id = ?').get(client)).toEqual({ birth_date: null, first_name: 'Hélène' });
    expect(count(w.raw, "SELECT count(*) AS n FROM preference_fts WHERE preference_fts MATCH '\"vermillon\"'")).toBe(0);
    // The people around her are relationship mapping's, which still holds: her daughter's birthday stays.
    expect(count(w.raw, 'SELECT count(*) AS n FROM moment WHERE person_id = ?', daughter)).toBe(1);
    expect(lastAudit(w.raw)).toEqual({ action: 'privacy.purge.run', target_ids: JSON.stringify([client]), outcome: 'ok' });
    expect((await w.call('privacy.pendingPurges', {})).value.items).toEqual([]);
    expect(await run()).toEqual({ purged: [], waiting: [] });
    expect(w.raw.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('relationship mapping withdrawn: the relations go, and the people no other client covers go with them', async () => {
    await withdraw('relationship_mapping');
    await w.call('privacy.settings.set', { purgeGraceDays: 0 });
    expect((await run()).purged).toEqual([{ clientId: client, category: 'relations' }]);
    expect(count(w.raw, 'SELECT count(*) AS n FROM relation WHERE from_person_id = ? OR to_person_id = ?', client, client)).toBe(0);
    // The daughter was hers alone: gone, with her birthday and the gift given to her.
    expect(count(w.raw, 'SELECT count(*) AS n FROM person WHERE id = ?', daughter)).toBe(0);
    expect(count(w.raw, 'SELECT count(*) AS n FROM moment WHERE person_id = ?', daughter)).toBe(0);
    expect(count(w.raw, 'SELECT count(*) AS n FROM gift')).toBe(0);
    expect(count(w.raw, "SELECT count(*) AS n FROM person_fts WHERE person_fts MATCH '\"zoe\"'")).toBe(0);
    // The nephew is also the uncle's, whose consent holds: he stays, linked to the uncle only.
    expect(w.raw.prepare('SELECT to_person_id FROM relation WHERE from_person_id = ?').all(nephew)).toEqual([{ to_person_id: uncle }]);
    expect(JSON.parse(lastAudit(w.raw).target_ids)).toEqual([client, daughter]);
  });

  it('a restricted client’s data waits until the restriction is lifted', async () => {
    await withdraw('personalisation');
    await w.call('privacy.settings.set', { purgeGraceDays: 0 });
    await w.call('privacy.restrict', { clientId: client, restricted: true, reason: 'legal_claims' });
    const waiting = await run();
    expect(waiting.purged).toEqual([]);
    expect(waiting.waiting.map((i) => i.category)).toEqual(['preferences', 'moments', 'gifts']);
    expect(count(w.raw, 'SELECT count(*) AS n FROM preference WHERE person_id = ?', client)).toBe(1);
    await w.call('privacy.restrict', { clientId: client, restricted: false });
    expect((await run()).purged).toHaveLength(3);
  });

  it('refuses input', async () => {
    expect((await w.call('privacy.purge.run', { all: true })).error?.code).toBe('INVALID_INPUT');
    expect((await w.call('privacy.purge.run', { clientId: client })).error?.code).toBe('INVALID_INPUT');
  });
});

describe('the sweep after unlock', () => {
  let w: World;
  let early: string; // withdrew 40 days ago: past the 30-day grace period
  let recent: string; // withdrew today: within it

  beforeEach(async () => {
    w = await openWorld();
    early = addPerson(w.raw, { first: 'Capucine', last: 'Lemaire' });
    recent = addPerson(w.raw, { first: 'Mathis', last: 'Caron' });
    const longAgo = new Date(Date.now() - 40 * DAY).toISOString();
    for (const c of [early, recent]) {
      addConsent(w.raw, c, 'personalisation', 'grant', { effectiveAt: '2024-03-01T10:00:00.000Z' });
      addPreference(w.raw, c, 'fragrance', 'evening', 'tubéreuse');
    }
    addConsent(w.raw, early, 'personalisation', 'withdraw', { effectiveAt: longAgo, recordedAt: longAgo });
    addConsent(w.raw, recent, 'personalisation', 'withdraw', { effectiveAt: new Date().toISOString() });
  });
  afterEach(async () => {
    await w.close();
  });

  const relock = async () => {
    expect((await w.call('session.lock', {})).ok).toBe(true);
    const r = await w.call('session.unlock', { profileId: w.profileId, passphrase: PASS });
    expect(r.ok, JSON.stringify(r.error)).toBe(true);
    return w.core.session.requireStore().raw;
  };

  it('withdraw → lock → unlock after the grace period → the data is gone; within it, kept; audited by id', async () => {
    const raw = await relock();
    expect(count(raw, 'SELECT count(*) AS n FROM preference WHERE person_id = ?', early)).toBe(0);
    expect(count(raw, 'SELECT count(*) AS n FROM preference WHERE person_id = ?', recent)).toBe(1);
    const actions = raw.prepare("SELECT action, target_ids, outcome FROM audit_log WHERE seq > (SELECT max(seq) FROM audit_log WHERE action = 'session.lock')").all();
    expect(actions).toEqual([
      { action: 'session.unlock', target_ids: '[]', outcome: 'ok' },
      { action: 'privacy.purge.sweep', target_ids: JSON.stringify([early]), outcome: 'ok' },
    ]);
    // An unlock with nothing due writes no sweep entry.
    const again = await relock();
    expect(lastAudit(again).action).toBe('session.unlock');
  });

  it('the grace period set to 0 days: the next unlock purges a withdrawal of a moment ago', async () => {
    const raw0 = await relock();
    expect(count(raw0, 'SELECT count(*) AS n FROM preference WHERE person_id = ?', recent)).toBe(1);
    expect((await w.call('privacy.settings.set', { purgeGraceDays: 0 })).ok).toBe(true);
    const raw = await relock();
    expect(count(raw, 'SELECT count(*) AS n FROM preference')).toBe(0);
    expect(lastAudit(raw)).toEqual({ action: 'privacy.purge.sweep', target_ids: JSON.stringify([recent]), outcome: 'ok' });
  });

  it('a failing sweep does not block the unlock: it is audited as an error and nothing is half-deleted', async () => {
    w.raw.exec(`CREATE TRIGGER test_refuse_delete BEFORE DELETE ON preference BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`);
    const raw = await relock();
    expect(w.core.session.status().state).toBe('unlocked');
    expect(lastAudit(raw)).toEqual({ action: 'privacy.purge.sweep', target_ids: '[]', outcome: 'error' });
    expect(count(raw, 'SELECT count(*) AS n FROM preference WHERE person_id = ?', early)).toBe(1);
    expect((await w.call('privacy.audit.verify', {})).value.valid).toBe(true);
    raw.exec('DROP TRIGGER test_refuse_delete');
  });
});
