/**
 * Retention: what is past its rule is listed for the advisor to review — ids, categories, rules
 * and dates, never the data — and nothing goes without their decision. Keep moves the next review
 * (a year; for a review rule, the rule's own period, and the records count as confirmed today);
 * purge deletes physically, and only what is past its period.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RawDatabase } from '../../../db/open.js';
import { newId } from '../../../electron/services/ids.js';
import { addMonths } from '../../../electron/services/privacy/retention.js';
import { addConsent, addContact, addPerson, addPreference, addRelation, lastAudit, openWorld, type World } from './support.js';

const DAY = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString();

function setTimes(raw: RawDatabase, id: string, t: { created?: string; lastContact?: string | null }): void {
  if (t.created) raw.prepare('UPDATE person SET created_at = ? WHERE id = ?').run(t.created, id);
  if (t.lastContact !== undefined) raw.prepare('UPDATE person SET last_contact_at = ? WHERE id = ?').run(t.lastContact, id);
}

function addNote(raw: RawDatabase, personId: string, at: string, note = 'Tried the navy cashmere coat.'): void {
  raw
    .prepare(`INSERT INTO interaction (id, person_id, occurred_at, kind, direction, note, discreet, created_at) VALUES (?, ?, ?, 'visit', 'inbound', ?, 0, ?)`)
    .run(newId(), personId, at, note, at);
}

function addPurchaseAt(raw: RawDatabase, personId: string, at: string): string {
  const id = newId();
  raw
    .prepare(
      `INSERT INTO purchase (id, person_id, purchased_at, category, item, amount_minor, currency, channel, created_at) VALUES (?, ?, ?, 'watches', 'Tonneau watch', 1250000, 'EUR', 'boutique', ?)`,
    )
    .run(id, personId, at, at);
  return id;
}

function addAfterSales(raw: RawDatabase, personId: string, closedAt: string | null): void {
  raw
    .prepare(
      `INSERT INTO after_sales_case (id, person_id, opened_at, kind, item, status, closed_at, created_at) VALUES (?, ?, ?, 'repair', 'Clasp', ?, ?, ?)`,
    )
    .run(newId(), personId, closedAt ?? iso(Date.now() - 10 * DAY), closedAt ? 'closed' : 'open', closedAt, closedAt ?? iso(Date.now() - 10 * DAY));
}

const count = (raw: RawDatabase, sql: string, ...params: unknown[]): number => (raw.prepare(sql).get(...params) as { n: number }).n;

describe('privacy.retention.due and privacy.retention.review', () => {
  let w: World;
  let dormant: string; // last contact in 2019: everything after-last-contact is due
  let active: string; // contacted yesterday; an old purchase, an unconfirmed preference, an old closed case
  let quiet: string; // never contacted, in the book since 2021
  let quietSon: string; // around `quiet`: due 24 months after `quiet` entered the book
  let activeWife: string; // around `active`: not due
  const yesterday = iso(Date.now() - DAY);

  beforeEach(async () => {
    w = await openWorld();
    dormant = addPerson(w.raw, { first: 'Octave', last: 'Delmas' });
    setTimes(w.raw, dormant, { created: '2016-03-01T10:00:00.000Z' });
    addNote(w.raw, dormant, '2019-01-15T10:00:00.000Z');
    addContact(w.raw, dormant, 'email', 'octave.delmas@example.fr');

    active = addPerson(w.raw, { first: 'Sibylle', last: 'Arnaud' });
    setTimes(w.raw, active, { created: '2012-06-01T10:00:00.000Z' });
    addNote(w.raw, active, yesterday);
    addPurchaseAt(w.raw, active, '2013-05-04T15:00:00.000Z');
    addPurchaseAt(w.raw, active, '2024-11-20T15:00:00.000Z');
    addPreference(w.raw, active, 'size', 'ring', '52');
    addPreference(w.raw, active, 'colour', 'favourite', 'bordeaux');
    w.raw.prepare("UPDATE preference SET review_at = '2020-02-01' WHERE person_id = ? AND domain = 'size'").run(active);
    w.raw.prepare('UPDATE preference SET review_at = ? WHERE person_id = ? AND domain = ?').run(yesterday.slice(0, 10), active, 'colour');
    addAfterSales(w.raw, active, '2021-04-10T10:00:00.000Z');
    addAfterSales(w.raw, active, null);
    activeWife = addPerson(w.raw, { kind: 'related', first: 'Romane', last: 'Arnaud' });
    addRelation(w.raw, activeWife, active, 'wife');

    quiet = addPerson(w.raw, { first: 'Félix', last: 'Marchetti' });
    setTimes(w.raw, quiet, { created: '2021-09-10T09:00:00.000Z', lastContact: null });
    quietSon = addPerson(w.raw, { kind: 'related', first: 'Noé', last: 'Marchetti' });
    addRelation(w.raw, quietSon, quiet, 'son');
    for (const c of [dormant, active, quiet]) addConsent(w.raw, c, 'relationship_mapping', 'grant');
  });
  afterEach(async () => {
    await w.close();
  });

  const due = async () => {
    const r = await w.call('privacy.retention.due', {});
    expect(r.ok, JSON.stringify(r.error)).toBe(true);
    return r.value.items as { personId: string; clientId: string; subject: string; category: string; rule: { kind: string; months: number }; dueAt: string; restricted: boolean }[];
  };
  const review = (input: Record<string, unknown>) => w.call('privacy.retention.review', input);
  const keys = (items: { personId: string; category: string }[]) => items.map((i) => `${i.personId}:${i.category}`).sort();

  it('lists what is past its rule — per client and category, and each person around a client — with the rule and the date', async () => {
    const items = await due();
    expect(keys(items)).toEqual(
      [
        `${dormant}:identity`,
        `${dormant}:contact`,
        `${dormant}:notes`,
        `${active}:purchases`,
        `${active}:preferences`,
        `${active}:after_sales`,
        `${quiet}:identity`,
        `${quiet}:relations`,
        `${quietSon}:identity`,
      ].sort(),
    );
    const find = (personId: string, category: string) => items.find((i) => i.personId === personId && i.category === category);
    expect(find(dormant, 'identity')).toEqual({
      personId: dormant,
      clientId: dormant,
      subject: 'client',
      category: 'identity',
      rule: { kind: 'after_last_contact', months: 36 },
      dueAt: '2022-01-15T10:00:00.000Z',
      restricted: false,
    });
    expect(find(active, 'purchases')).toMatchObject({ rule: { kind: 'after_record', months: 120 }, dueAt: '2023-05-04T15:00:00.000Z' });
    expect(find(active, 'preferences')).toMatchObject({ rule: { kind: 'review', months: 24 }, dueAt: '2022-02-01T00:00:00.000Z' });
    expect(find(active, 'after_sales')).toMatchObject({ rule: { kind: 'after_record', months: 36 }, dueAt: '2024-04-10T10:00:00.000Z' });
    // Never contacted: counted from the day the client entered the book.
    expect(find(quiet, 'identity')).toMatchObject({ dueAt: '2024-09-10T09:00:00.000Z' });
    // The people around a client: 24 months after that client's last contact — here, none ever.
    expect(find(quietSon, 'identity')).toEqual({
      personId: quietSon,
      clientId: quiet,
      subject: 'related',
      category: 'identity',
      rule: { kind: 'after_last_contact', months: 24 },
      dueAt: '2023-09-10T09:00:00.000Z',
      restricted: false,
    });
    // Oldest first; ids, categories, rules and dates only.
    expect(items.map((i) => i.dueAt)).toEqual([...items.map((i) => i.dueAt)].sort());
    expect(JSON.stringify(items)).not.toMatch(/Octave|Delmas|Sibylle|bordeaux|Tonneau|Noé|octave\.delmas/);
    expect(JSON.parse(lastAudit(w.raw).target_ids)).toEqual(expect.arrayContaining([dormant, active, quiet]));
    // Nothing was deleted by listing.
    expect(count(w.raw, 'SELECT count(*) AS n FROM person')).toBe(5);
  });

  it('keep: moves the next review a year ahead, records the review, and takes the item off the list', async () => {
    const before = Date.now();
    const r = await review({ clientId: dormant, category: 'identity', decision: 'keep' });
    expect(r.ok, JSON.stringify(r.error)).toBe(true);
    expect(r.value.purged).toBe(false);
    expect(lastAudit(w.raw)).toEqual({ action: 'privacy.retention.review', target_ids: JSON.stringify([dormant]), outcome: 'ok' });
    const next = Date.parse(r.value.nextReviewAt);
    expect(next).toBeGreaterThanOrEqual(addMonths(new Date(before), 12).getTime());
    expect(next).toBeLessThanOrEqual(addMonths(new Date(), 12).getTime());
    expect(keys(await due())).not.toContain(`${dormant}:identity`);
    expect(keys(await due())).toContain(`${dormant}:notes`); // kept category by category
    expect(count(w.raw, 'SELECT count(*) AS n FROM retention_review WHERE person_id = ? AND category = ?', dormant, 'identity')).toBe(1);
  });

  it('keep on a review rule: the records count as confirmed today, the next review is the rule’s period away', async () => {
    const r = await review({ clientId: active, category: 'preferences', decision: 'keep' });
    const today = new Date().toISOString().slice(0, 10);
    expect(w.raw.prepare('SELECT DISTINCT review_at FROM preference WHERE person_id = ?').all(active)).toEqual([{ review_at: today }]);
    expect(r.value.nextReviewAt.slice(0, 10)).toBe(addMonths(new Date(`${today}T00:00:00.000Z`), 24).toISOString().slice(0, 10));
    expect(count(w.raw, 'SELECT count(*) AS n FROM preference WHERE person_id = ?', active)).toBe(2);
  });

  it('purge of a record-dated category deletes only the records past their period', async () => {
    const r = await review({ clientId: active, category: 'purchases', decision: 'purge' });
    expect(r.value).toEqual({ purged: true, nextReviewAt: '2034-11-20T15:00:00.000Z' });
    expect(w.raw.prepare('SELECT purchased_at FROM purchase WHERE person_id = ?').all(active)).toEqual([{ purchased_at: '2024-11-20T15:00:00.000Z' }]);
    const cases = await review({ clientId: active, category: 'after_sales', decision: 'purge' });
    expect(cases.value).toEqual({ purged: true, nextReviewAt: null }); // the open case is never due
    expect(w.raw.prepare('SELECT status FROM after_sales_case WHERE person_id = ?').all(active)).toEqual([{ status: 'open' }]);
    const prefs = await review({ clientId: active, category: 'preferences', decision: 'purge' });
    expect(prefs.value.purged).toBe(true);
    expect(w.raw.prepare('SELECT domain FROM preference WHERE person_id = ?').all(active)).toEqual([{ domain: 'colour' }]);
    expect(count(w.raw, "SELECT count(*) AS n FROM preference_fts WHERE preference_fts MATCH '\"ring\"'")).toBe(0);
    expect(keys(await due())).not.toEqual(expect.arrayContaining([`${active}:purchases`]));
  });

  it('purge of an after-last-contact category deletes it whole; purge of the identity erases the client (tombstone: retention)', async () => {
    const notes = await review({ clientId: dormant, category: 'notes', decision: 'purge' });
    expect(notes.value).toEqual({ purged: true, nextReviewAt: null });
    expect(count(w.raw, 'SELECT count(*) AS n FROM interaction WHERE person_id = ?', dormant)).toBe(0);
    expect(count(w.raw, "SELECT count(*) AS n FROM interaction_fts WHERE interaction_fts MATCH '\"cashmere\"'")).toBe(1); // only the active client's

    const identity = await review({ clientId: dormant, category: 'identity', decision: 'purge' });
    expect(identity.value).toEqual({ purged: true, nextReviewAt: null });
    expect(count(w.raw, 'SELECT count(*) AS n FROM person WHERE id = ?', dormant)).toBe(0);
    expect(count(w.raw, 'SELECT count(*) AS n FROM contact_point WHERE person_id = ?', dormant)).toBe(0);
    expect(w.raw.prepare('SELECT id, reason FROM tombstone').all()).toEqual([{ id: dormant, reason: 'retention' }]);
    expect((await w.call('clients.get', { id: dormant })).error?.code).toBe('NOT_FOUND');
    expect(keys(await due()).filter((k) => k.startsWith(dormant))).toEqual([]);
  });

  it('purge of a person around a client removes that person and all held about them', async () => {
    addPreference(w.raw, quietSon, 'size', 'shoe', '38');
    const r = await review({ clientId: quiet, personId: quietSon, category: 'identity', decision: 'purge' });
    expect(r.value).toEqual({ purged: true, nextReviewAt: null });
    expect(count(w.raw, 'SELECT count(*) AS n FROM person WHERE id = ?', quietSon)).toBe(0);
    expect(count(w.raw, 'SELECT count(*) AS n FROM preference WHERE person_id = ?', quietSon)).toBe(0);
    expect(count(w.raw, 'SELECT count(*) AS n FROM relation WHERE from_person_id = ? OR to_person_id = ?', quietSon, quietSon)).toBe(0);
    expect(count(w.raw, "SELECT count(*) AS n FROM person_fts WHERE person_fts MATCH '\"noe\"'")).toBe(0);
    expect(count(w.raw, 'SELECT count(*) AS n FROM person WHERE id = ?', quiet)).toBe(1); // the client stays
    expect(JSON.parse(lastAudit(w.raw).target_ids)).toEqual([quiet, quietSon]);
  });

  it('refuses what is not due, unknown or erased people, a person not around the client, and a purge while restricted', async () => {
    expect((await review({ clientId: active, category: 'notes', decision: 'purge' })).error?.code).toBe('NOT_FOUND'); // contacted yesterday
    expect((await review({ clientId: active, personId: activeWife, category: 'identity', decision: 'purge' })).error?.code).toBe('NOT_FOUND');
    expect((await review({ clientId: active, personId: quietSon, category: 'identity', decision: 'purge' })).error?.code).toBe('NOT_FOUND'); // not hers
    expect((await review({ clientId: '01ARZ3NDEKTSV4RRFFQ69G5FAV', category: 'identity', decision: 'keep' })).error?.code).toBe('NOT_FOUND');
    expect((await review({ clientId: quietSon, category: 'identity', decision: 'keep' })).error?.code).toBe('NOT_A_CLIENT');
    expect((await review({ clientId: dormant, category: 'identity', decision: 'forget' })).error?.code).toBe('INVALID_INPUT');
    expect((await review({ clientId: dormant, category: 'health', decision: 'purge' })).error?.code).toBe('INVALID_INPUT');

    await w.call('privacy.restrict', { clientId: dormant, restricted: true, reason: 'legal_claims' });
    expect((await due()).filter((i) => i.clientId === dormant).every((i) => i.restricted)).toBe(true);
    expect((await review({ clientId: dormant, category: 'notes', decision: 'purge' })).error?.code).toBe('RESTRICTED');
    expect(count(w.raw, 'SELECT count(*) AS n FROM interaction WHERE person_id = ?', dormant)).toBe(1);
    expect((await review({ clientId: dormant, category: 'notes', decision: 'keep' })).value.purged).toBe(false);

    expect((await w.call('privacy.rights.erase', { clientId: quiet, confirm: true })).ok).toBe(true);
    expect((await review({ clientId: quiet, category: 'identity', decision: 'keep' })).error?.code).toBe('NOT_FOUND');
  });
});

describe('addMonths', () => {
  it('counts calendar months in UTC and keeps to the month’s last day', () => {
    expect(addMonths(new Date('2026-01-31T10:00:00.000Z'), 1).toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(addMonths(new Date('2024-01-31T10:00:00.000Z'), 1).toISOString()).toBe('2024-02-29T10:00:00.000Z');
    expect(addMonths(new Date('2025-12-15T23:30:00.000Z'), 1).toISOString()).toBe('2026-01-15T23:30:00.000Z');
    expect(addMonths(new Date('2019-01-15T10:00:00.000Z'), 36).toISOString()).toBe('2022-01-15T10:00:00.000Z');
    expect(addMonths(new Date('2020-02-29T00:00:00.000Z'), 12).toISOString()).toBe('2021-02-28T00:00:00.000Z');
  });
});
