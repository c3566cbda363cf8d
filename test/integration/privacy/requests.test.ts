/**
 * The register of subject-rights requests: ids, the right, dates and status — due one month after
 * receipt (GDPR art. 12(3)) — kept after the client's erasure as the proof it was honoured, with
 * no personal data left in it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addPerson, lastAudit, openWorld, type World } from './support.js';

describe('privacy.requests.*', () => {
  let w: World;
  let client: string;
  let other: string;

  beforeEach(async () => {
    w = await openWorld();
    client = addPerson(w.raw, { first: 'Victoire', last: 'Desmarais' });
    other = addPerson(w.raw, { first: 'Gaspard', last: 'Lenoir' });
  });
  afterEach(async () => {
    await w.close();
  });

  const open = async (input: Record<string, unknown>) => {
    const r = await w.call('privacy.requests.open', input);
    expect(r.ok, JSON.stringify(r.error)).toBe(true);
    return r.value;
  };

  it('opens a request due one month after receipt — the month’s last day when it is shorter — audited by id', async () => {
    const r = await open({ clientId: client, right: 'access', receivedAt: '2026-01-31T16:20:00Z' });
    expect(r).toEqual({
      id: expect.stringMatching(/^[0-9A-Z]{26}$/),
      clientId: client,
      right: 'access',
      receivedAt: '2026-01-31T16:20:00.000Z',
      dueAt: '2026-02-28T16:20:00.000Z',
      status: 'open',
      completedAt: null,
      note: null,
      overdue: true,
      clientErased: false,
    });
    expect(lastAudit(w.raw)).toEqual({ action: 'privacy.requests.open', target_ids: JSON.stringify([client, r.id]), outcome: 'ok' });
    const recent = await open({ clientId: client, right: 'portability', receivedAt: new Date(Date.now() - 60_000).toISOString() });
    expect(recent.overdue).toBe(false);
  });

  it('lists open requests first, the one due soonest first; filters by status; completes once', async () => {
    const late = await open({ clientId: client, right: 'rectification', receivedAt: '2026-03-01T10:00:00.000Z' });
    const early = await open({ clientId: other, right: 'objection', receivedAt: '2025-12-01T10:00:00.000Z' });
    const done = await open({ clientId: other, right: 'access', receivedAt: '2025-11-01T10:00:00.000Z' });
    const completed = await w.call('privacy.requests.complete', { requestId: done.id, outcome: 'fulfilled', note: '  Dossier handed over in person. ' });
    expect(completed.value).toMatchObject({ status: 'fulfilled', note: 'Dossier handed over in person.', overdue: false });
    expect(Date.parse(completed.value.completedAt)).toBeLessThanOrEqual(Date.now());

    const all = (await w.call('privacy.requests.list', {})).value.items;
    expect(all.map((r: { id: string }) => r.id)).toEqual([early.id, late.id, done.id]);
    expect((await w.call('privacy.requests.list', { status: 'open' })).value.items).toHaveLength(2);
    expect((await w.call('privacy.requests.list', { status: 'fulfilled' })).value.items.map((r: { id: string }) => r.id)).toEqual([done.id]);
    expect((await w.call('privacy.requests.list', { status: 'refused' })).value.items).toEqual([]);

    const again = await w.call('privacy.requests.complete', { requestId: done.id, outcome: 'refused' });
    expect(again.error?.code).toBe('REQUEST_CLOSED');
    const refused = await w.call('privacy.requests.complete', { requestId: late.id, outcome: 'refused', note: 'Identity could not be verified.' });
    expect(refused.value.status).toBe('refused');
  });

  it('outlives the client’s erasure with ids, right, dates and status only — the proof the request was honoured', async () => {
    const access = await open({ clientId: client, right: 'access', receivedAt: '2026-01-05T10:00:00.000Z' });
    await w.call('privacy.requests.complete', { requestId: access.id, outcome: 'fulfilled', note: 'Sent to victoire.desmarais@example.fr' });
    const erasure = await open({ clientId: client, right: 'erasure', receivedAt: '2026-01-20T10:00:00.000Z' });

    // Marking an erasure done while the client is still in the book would make the register lie.
    expect((await w.call('privacy.requests.complete', { requestId: erasure.id, outcome: 'fulfilled' })).error?.code).toBe('INVALID_INPUT');

    expect((await w.call('privacy.rights.erase', { clientId: client, confirm: true })).ok).toBe(true);
    // A note now would outlive the client.
    expect((await w.call('privacy.requests.complete', { requestId: erasure.id, outcome: 'fulfilled', note: 'Erased on her request.' })).error?.code).toBe('INVALID_INPUT');
    const fulfilled = await w.call('privacy.requests.complete', { requestId: erasure.id, outcome: 'fulfilled' });
    expect(fulfilled.value).toMatchObject({ status: 'fulfilled', clientErased: true, note: null });

    const items = (await w.call('privacy.requests.list', {})).value.items;
    expect(items).toHaveLength(2);
    expect(items.every((r: { clientId: string; clientErased: boolean; note: string | null }) => r.clientId === client && r.clientErased && r.note === null)).toBe(true);
    expect(JSON.stringify(w.raw.prepare('SELECT * FROM privacy_request').all())).not.toMatch(/victoire|Desmarais/i);
    expect((await w.call('privacy.audit.verify', {})).value.valid).toBe(true);
  });

  it('refuses unknown clients and requests, erased clients, unknown rights, receipts in the future or malformed', async () => {
    expect((await w.call('privacy.requests.open', { clientId: client, right: 'oblivion', receivedAt: '2026-01-05T10:00:00.000Z' })).error?.code).toBe('INVALID_INPUT');
    expect((await w.call('privacy.requests.open', { clientId: client, right: 'access' })).error?.code).toBe('INVALID_INPUT');
    expect((await w.call('privacy.requests.open', { clientId: client, right: 'access', receivedAt: '2026-02-30T10:00:00.000Z' })).error?.code).toBe('INVALID_INPUT');
    expect((await w.call('privacy.requests.open', { clientId: client, right: 'access', receivedAt: '2026-01-05' })).error?.code).toBe('INVALID_INPUT');
    expect((await w.call('privacy.requests.open', { clientId: client, right: 'access', receivedAt: '2999-01-05T10:00:00.000Z' })).error?.code).toBe('INVALID_INPUT');
    expect((await w.call('privacy.requests.open', { clientId: '01ARZ3NDEKTSV4RRFFQ69G5FAV', right: 'access', receivedAt: '2026-01-05T10:00:00.000Z' })).error?.code).toBe('NOT_FOUND');
    expect((await w.call('privacy.requests.complete', { requestId: '01ARZ3NDEKTSV4RRFFQ69G5FAV', outcome: 'fulfilled' })).error?.code).toBe('NOT_FOUND');
    expect((await w.call('privacy.requests.complete', { requestId: '01ARZ3NDEKTSV4RRFFQ69G5FAV', outcome: 'maybe' })).error?.code).toBe('INVALID_INPUT');
    expect((await w.call('privacy.requests.list', { status: 'pending' })).error?.code).toBe('INVALID_INPUT');
    await w.call('privacy.rights.erase', { clientId: other, confirm: true });
    expect((await w.call('privacy.requests.open', { clientId: other, right: 'access', receivedAt: '2026-01-05T10:00:00.000Z' })).error?.code).toBe('NOT_FOUND');
  });
});
