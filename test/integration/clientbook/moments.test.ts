/**
 * `moments.update`, through the router against a real encrypted store: each field corrected on
 * its own, the rest left as it was; the checks of `moments.add` on the moment as it would be
 * (30 February, a day without a year that does not recur, a birthday in the future, control
 * characters and right-to-left overrides cleaned, a 1 MB text, `<script>` kept as text, the
 * scanner); the write gate (consent withdrawn, restricted, erased, unknown, someone around the
 * client kept to a birthday); a moment of another person is not reached through this one; the
 * brief, the 360 and the record show the new value; the audit names the ids, never the data.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { erase, HTML, newClient, ok, openWorld, refused, restrict, type World } from './book-support.js';

const DAY = 86_400_000;
const record = { source: 'in_person', noticeVersion: 'v3-2026' } as const;

function todayIn(w: World): string {
  const zone = (w.raw.prepare('SELECT time_zone FROM advisor').get() as { time_zone: string }).time_zone;
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

function plus(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + days * DAY).toISOString().slice(0, 10);
}

interface StoredMoment {
  person_id: string;
  kind: string;
  date: string;
  recurring: number;
  label: string | null;
  note: string | null;
  provenance: string;
}

describe('moments.update', () => {
  let w: World;
  let client: string;
  let wedding: string;
  const stored = (id: string): StoredMoment | undefined =>
    w.raw.prepare('SELECT person_id, kind, date, recurring, label, note, provenance FROM moment WHERE id = ?').get(id) as StoredMoment | undefined;
  const update = (input: Record<string, unknown>) => w.call('moments.update', { id: wedding, personId: client, ...input });

  beforeEach(async () => {
    w = await openWorld();
    client = await newClient(w);
    wedding = ok(await w.call('moments.add', { personId: client, kind: 'wedding_anniversary', date: '2001-06-16', label: 'Married in Arles', note: 'Dinner at the Mas.' })).id;
  });
  afterEach(async () => {
    await w.close();
  });

  it('corrects each field on its own and leaves the others as they were', async () => {
    const before = stored(wedding);
    expect(before).toMatchObject({ kind: 'wedding_anniversary', date: '2001-06-16', recurring: 1, label: 'Married in Arles', note: 'Dinner at the Mas.', provenance: 'declared' });

    expect(ok(await update({ kind: 'wedding' }))).toMatchObject({ id: wedding, personId: client, kind: 'wedding', date: '2001-06-16', recurring: true, label: 'Married in Arles', note: 'Dinner at the Mas.' });
    expect(stored(wedding)).toEqual({ ...before, kind: 'wedding' });

    expect(ok(await update({ date: '2002-07-20' }))).toMatchObject({ kind: 'wedding', date: '2002-07-20', recurring: true, label: 'Married in Arles' });
    expect(stored(wedding)).toEqual({ ...before, kind: 'wedding', date: '2002-07-20' });

    expect(ok(await update({ recurring: false }))).toMatchObject({ date: '2002-07-20', recurring: false });
    expect(stored(wedding)).toEqual({ ...before, kind: 'wedding', date: '2002-07-20', recurring: 0 });

    expect(ok(await update({ label: 'Married in Uzès' }))).toMatchObject({ label: 'Married in Uzès', note: 'Dinner at the Mas.' });
    expect(ok(await update({ note: 'Lunch by the river.' }))).toMatchObject({ label: 'Married in Uzès', note: 'Lunch by the river.' });
    expect(stored(wedding)).toEqual({ ...before, kind: 'wedding', date: '2002-07-20', recurring: 0, label: 'Married in Uzès', note: 'Lunch by the river.' });

    // Null (or a text empty once cleaned) clears a label or a note.
    expect(ok(await update({ label: null }))).toMatchObject({ label: null, note: 'Lunch by the river.' });
    expect(ok(await update({ note: ' \u202E ' }))).toMatchObject({ label: null, note: null });

    // Nothing given: nothing changes.
    expect(ok(await update({}))).toMatchObject({ kind: 'wedding', date: '2002-07-20', recurring: false, label: null, note: null });

    // Everything at once; a day without a year, given alone, recurs.
    const all = ok(await update({ kind: 'wedding_anniversary', date: '06-16', label: 'Married in Arles', note: 'Dinner at the Mas.' }));
    expect(all).toMatchObject({ kind: 'wedding_anniversary', date: '06-16', recurring: true, label: 'Married in Arles', note: 'Dinner at the Mas.', provenance: 'declared' });
    expect(ok(await update({ date: '2001-06-16', recurring: true })).date).toBe('2001-06-16');
    expect(stored(wedding)).toEqual(before);
  });

  it('cleans control characters and right-to-left overrides, and keeps HTML as text', async () => {
    const value = ok(await update({ label: '\u202E Married\u0007 in\u2066 Arles\t ', note: `\u202E${HTML}\r\nSecond line\u0000.` }));
    expect(value.label).toBe('Married in Arles');
    expect(value.note).toBe(`${HTML}\nSecond line.`);
    expect(stored(wedding)).toMatchObject({ label: 'Married in Arles', note: `${HTML}\nSecond line.` });
    expect(ok(await update({ label: HTML })).label).toBe(HTML);
  });

  it('refuses what moments.add refuses, with a typed error, and writes nothing', async () => {
    const before = stored(wedding);
    const nextYear = new Date().getUTCFullYear() + 1;
    for (const [input, code, what] of [
      [{ date: '2025-02-30' }, 'INVALID_INPUT', '30 February'],
      [{ date: '02-30' }, 'INVALID_INPUT', '30 February without a year'],
      [{ date: '2025-13-01' }, 'INVALID_INPUT', 'month 13'],
      [{ date: '16/06/2001' }, 'INVALID_INPUT', 'not ISO'],
      [{ date: '06-16', recurring: false }, 'INVALID_INPUT', 'a day without a year that does not recur'],
      [{ kind: 'birthday', date: `${nextYear}-01-01` }, 'INVALID_INPUT', 'a birthday in the future'],
      [{ kind: 'holiday' }, 'INVALID_INPUT', 'unknown kind'],
      [{ recurring: 'yes' }, 'INVALID_INPUT', 'not a boolean'],
      [{ label: 'x'.repeat(61) }, 'INVALID_INPUT', 'label too long'],
      [{ note: 'x'.repeat(10_001) }, 'INVALID_INPUT', 'note too long'],
      [{ note: 'x'.repeat(1024 * 1024) }, 'PAYLOAD_TOO_LARGE', '1 MB note'],
      [{ label: 'x'.repeat(1024 * 1024) }, 'PAYLOAD_TOO_LARGE', '1 MB label'],
      [{ provenance: 'observed' }, 'INVALID_INPUT', 'a key the channel does not name'],
      [{ personId: 'not an id' }, 'INVALID_INPUT', 'not an id'],
      [{ note: 'Card 4111 1111 1111 1111' }, 'NOTE_FINDINGS', 'a card number'],
      [{ label: 'Her diabetes diagnosis' }, 'NOTE_FINDINGS', 'health'],
    ] as const) {
      expect(refused(await update(input)).code, what).toBe(code);
    }
    expect(stored(wedding)).toEqual(before);

    // A birthday may be set to a past full date, or to a day without a year.
    const birthday = ok(await w.call('moments.add', { personId: client, kind: 'birthday', date: '1980-03-02' })).id;
    expect(refused(await w.call('moments.update', { id: birthday, personId: client, date: `${nextYear}-03-02` })).code).toBe('INVALID_INPUT');
    expect(ok(await w.call('moments.update', { id: birthday, personId: client, date: '03-02' })).date).toBe('03-02');
    // A one-off moment to come (a journey) is fine; made a birthday, it would be in the future.
    const trip = ok(await w.call('moments.add', { personId: client, kind: 'travel', date: `${nextYear}-05-01` })).id;
    expect(refused(await w.call('moments.update', { id: trip, personId: client, kind: 'birthday' })).code).toBe('INVALID_INPUT');
    expect(stored(trip)?.kind).toBe('travel');
    // moments.add refuses a birthday in the future too.
    expect(refused(await w.call('moments.add', { personId: client, kind: 'birthday', date: `${nextYear}-01-01` })).code).toBe('INVALID_INPUT');
  });

  it('scans the label and the note as add does: findings carry offsets, never the text; a sensitive one may be kept with a reason', async () => {
    const note = 'Card 4111 1111 1111 1111 for the dinner.';
    const r = refused(await update({ note }));
    expect(r.findings).toEqual([{ field: 'note', kind: 'payment_card', start: 5, end: 24, severity: 'sensitive' }]);
    expect(JSON.stringify(r)).not.toMatch(/4111/);
    expect(stored(wedding)?.note).toBe('Dinner at the Mas.');
    const kept = ok(await update({ note, acceptFindings: [{ field: 'note', kind: 'payment_card', start: 5, end: 24, reason: 'The client asked us to.' }] }));
    expect(kept.note).toBe(note);
    const special = refused(await update({ label: 'After her chemotherapy' }));
    expect(special.findings?.every((f) => f.severity === 'special')).toBe(true);
    expect(special.message).not.toMatch(/chemo/i);
  });

  it('is refused without personalisation consent, for a restricted client, and for an erased or unknown one', async () => {
    const before = stored(wedding);
    const withdrawn = await w.call('privacy.consents.record', { clientId: client, purpose: 'personalisation', action: 'withdraw', ...record });
    expect(withdrawn.ok, JSON.stringify(withdrawn.error)).toBe(true);
    expect(refused(await update({ label: 'Married in Uzès' })).code).toBe('CONSENT_MISSING');
    expect(refused(await update({ label: null })).code).toBe('CONSENT_MISSING');
    expect(stored(wedding)).toEqual(before);
    ok(await w.call('privacy.consents.record', { clientId: client, purpose: 'personalisation', action: 'grant', ...record }));
    expect(ok(await update({ label: 'Married in Uzès' })).label).toBe('Married in Uzès');

    restrict(w, client);
    expect(refused(await update({ label: 'Married in Arles' })).code).toBe('RESTRICTED');
    expect(refused(await update({ date: '2025-02-30' })).code).toBe('INVALID_INPUT');
    expect(stored(wedding)?.label).toBe('Married in Uzès');

    erase(w, client);
    expect(refused(await update({ label: 'Married in Arles' })).code).toBe('NOT_FOUND');
    expect(stored(wedding)?.label).toBe('Married in Uzès');

    expect(refused(await w.call('moments.update', { id: '01HZZZZZZZZZZZZZZZZZZZZZZZ', personId: client, label: 'x' })).code).toBe('NOT_FOUND');
  });

  it('reaches no moment of another person through this one', async () => {
    const other = await newClient(w, { firstName: 'Anne', lastName: 'Martin' });
    const hers = ok(await w.call('moments.add', { personId: other, kind: 'new_home', date: '2025-09-01', label: 'Moved to Lyon' })).id;
    // Her moment, named as this client's: not found, unchanged.
    const r = refused(await w.call('moments.update', { id: hers, personId: client, label: 'Moved to Nice' }));
    expect(r.code).toBe('NOT_FOUND');
    expect(stored(hers)).toMatchObject({ person_id: other, label: 'Moved to Lyon' });
    // And this client's, named as hers.
    expect(refused(await w.call('moments.update', { id: wedding, personId: other, label: 'x' })).code).toBe('NOT_FOUND');
    expect(stored(wedding)?.label).toBe('Married in Arles');
    // Named right, it is hers to change.
    expect(ok(await w.call('moments.update', { id: hers, personId: other, label: 'Moved to Nice' })).label).toBe('Moved to Nice');
  });

  it('keeps someone around the client to a birthday with a label and no note, under relationship-mapping consent', async () => {
    const son = ok(await w.call('people.add', { clientId: client, firstName: 'Hugo', relation: { kind: 'family', label: 'son' } })).id;
    const birthday = ok(await w.call('moments.add', { personId: son, kind: 'birthday', date: '11-30' })).id;
    const call = (input: Record<string, unknown>) => w.call('moments.update', { id: birthday, personId: son, ...input });
    expect(ok(await call({ date: '2010-11-29', label: 'His fifteenth' }))).toMatchObject({ personId: son, kind: 'birthday', date: '2010-11-29', recurring: true, label: 'His fifteenth' });
    expect(refused(await call({ kind: 'new_role' })).code).toBe('NOT_A_CLIENT');
    expect(refused(await call({ note: 'Likes trains.' })).code).toBe('NOT_A_CLIENT');
    // Clearing writes nothing about him: allowed.
    expect(ok(await call({ label: null, note: null }))).toMatchObject({ label: null, note: null });
    expect(stored(birthday)).toMatchObject({ kind: 'birthday', date: '2010-11-29', recurring: 1, label: null, note: null });

    const withdrawn = await w.call('privacy.consents.record', { clientId: client, purpose: 'relationship_mapping', action: 'withdraw', ...record });
    expect(withdrawn.ok, JSON.stringify(withdrawn.error)).toBe(true);
    expect(refused(await call({ date: '11-28' })).code).toBe('CONSENT_MISSING');
    expect(stored(birthday)?.date).toBe('2010-11-29');
  });

  it('is seen at once in the record, the 360, the timeline and the brief', async () => {
    const today = todayIn(w);
    const soon = plus(today, 10);
    const travel = ok(await w.call('moments.add', { personId: client, kind: 'travel', date: plus(today, -400), label: 'Kyoto' })).id;

    ok(await update({ date: `2001-${soon.slice(5)}`, label: 'Their twenty-fifth, in Kyoto' }));

    const c = ok(await w.call('clients.get', { id: client }));
    expect(c.moments.find((m: { id: string }) => m.id === wedding)).toMatchObject({ date: `2001-${soon.slice(5)}`, label: 'Their twenty-fifth, in Kyoto', note: 'Dinner at the Mas.', next: soon });
    // The record carries the note, so the page can show and correct it; clearing it reads null.
    ok(await w.call('moments.update', { id: travel, personId: client, note: 'Ask about the ryokan.' }));
    expect(ok(await w.call('clients.get', { id: client })).moments.find((m: { id: string }) => m.id === travel)).toMatchObject({ note: 'Ask about the ryokan.' });
    ok(await w.call('moments.update', { id: travel, personId: client, note: null }));
    expect(ok(await w.call('clients.get', { id: client })).moments.find((m: { id: string }) => m.id === travel)).toMatchObject({ note: null });

    const v = ok(await w.call('clients.get360', { id: client }));
    expect(v.upcomingMoments.find((m: { momentId: string }) => m.momentId === wedding)).toMatchObject({ on: soon, inDays: 10, label: 'Their twenty-fifth, in Kyoto', note: 'Dinner at the Mas.' });

    const b = ok(await w.call('clients.brief', { id: client }));
    expect(b.momentsSoon.find((m: { momentId: string }) => m.momentId === wedding)).toMatchObject({ on: soon, inDays: 10, label: 'Their twenty-fifth, in Kyoto' });
    expect(JSON.stringify(b)).not.toContain('Married in Arles');

    // A one-off moment moved to another day moves on the timeline.
    ok(await w.call('moments.update', { id: travel, personId: client, date: plus(today, -30), label: 'Kyoto, in spring' }));
    const t = ok(await w.call('clients.timeline', { id: client, kinds: ['moment'] }));
    expect(t.items.find((i: { id: string }) => i.id === travel).moment).toMatchObject({ date: plus(today, -30), label: 'Kyoto, in spring' });

    // Moments are not in the search index (no FTS table for them): nothing to keep right, and nothing of the old label is found.
    const s = ok(await w.call('search.query', { text: 'Arles' }));
    expect(s.hits).toEqual([]);
  });

  it('is audited with the ids it touched, never the data', async () => {
    ok(await update({ label: 'Married in Uzès', note: 'Lunch by the river.' }));
    const ok_ = w.raw.prepare("SELECT target_ids, outcome FROM audit_log WHERE action = 'moments.update' ORDER BY seq DESC LIMIT 1").get() as { target_ids: string; outcome: string };
    expect(ok_.outcome).toBe('ok');
    expect(JSON.parse(ok_.target_ids)).toEqual([client]);
    refused(await update({ date: '2025-02-30', label: 'Married in Nîmes' }));
    const failed = w.raw.prepare("SELECT target_ids, outcome FROM audit_log WHERE action = 'moments.update' ORDER BY seq DESC LIMIT 1").get() as { target_ids: string; outcome: string };
    expect(failed.outcome).toBe('error');
    const all = JSON.stringify(w.raw.prepare("SELECT * FROM audit_log WHERE action = 'moments.update'").all());
    expect(all).not.toMatch(/Uzès|Nîmes|river|2025-02-30/);
  });
});
