/**
 * Restriction of processing: a client frozen read-only, flagged in views, audited, with a
 * history that keeps the ground (a code, never free text) and cannot be edited.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CarnetError } from '../../../electron/contract/index.js';
import { assertMayWrite } from '../../../electron/services/privacy/gate.js';
import { restrictionHistory } from '../../../electron/services/privacy/restriction.js';
import { addPerson, lastAudit, openWorld, type World } from './support.js';

describe('privacy.restrict', () => {
  let w: World;
  let client: string;

  beforeEach(async () => {
    w = await openWorld();
    client = addPerson(w.raw, { first: 'Aurélie', last: 'Marchal' });
  });
  afterEach(async () => {
    await w.close();
  });

  const restrict = (input: Record<string, unknown>) => w.call('privacy.restrict', { clientId: client, ...input });

  it('restricts with a ground, freezes writes, flags the views, and lifts', async () => {
    const r = await restrict({ restricted: true, reason: 'accuracy_contested' });
    expect(r.value).toEqual({ clientId: client, status: 'restricted', changed: true });
    expect(lastAudit(w.raw)).toEqual({ action: 'privacy.restrict', target_ids: JSON.stringify([client]), outcome: 'ok' });
    expect((await w.call('clients.get', { id: client })).value.status).toBe('restricted');
    const listed = (await w.call('clients.list', {})).value.items.find((i: { id: string }) => i.id === client);
    expect(listed.status).toBe('restricted');
    await expect(assertMayWrite(w.db, { personId: client, category: 'notes' })).rejects.toThrow(CarnetError);
    expect((await w.call('privacy.consents.get', { clientId: client })).value.status).toBe('restricted');

    // Asking again writes nothing.
    expect((await restrict({ restricted: true })).value).toEqual({ clientId: client, status: 'restricted', changed: false });

    const lifted = await restrict({ restricted: false, reason: 'client_request' });
    expect(lifted.value).toEqual({ clientId: client, status: 'active', changed: true });
    await expect(assertMayWrite(w.db, { personId: client, category: 'notes' })).resolves.toBeUndefined();
    expect((await restrict({ restricted: false })).value.changed).toBe(false);

    const history = await restrictionHistory(w.db, client);
    expect(history.map((h) => [h.action, h.reason])).toEqual([
      ['lift', null],
      ['restrict', 'accuracy_contested'],
    ]);
  });

  it('refuses unknown, erased and non-client people, and grounds that are not codes', async () => {
    const spouse = addPerson(w.raw, { kind: 'related' });
    const erased = addPerson(w.raw, { status: 'erased' });
    expect((await w.call('privacy.restrict', { clientId: '01ARZ3NDEKTSV4RRFFQ69G5FAV', restricted: true })).error?.code).toBe('NOT_FOUND');
    expect((await w.call('privacy.restrict', { clientId: erased, restricted: true })).error?.code).toBe('NOT_FOUND');
    expect((await w.call('privacy.restrict', { clientId: spouse, restricted: true })).error?.code).toBe('NOT_A_CLIENT');
    for (const input of [{ restricted: 'yes' }, { restricted: true, reason: 'she asked nicely' }, { restricted: true, note: 'x' }, {}]) {
      expect((await restrict(input)).error?.code).toBe('INVALID_INPUT');
    }
    expect(w.raw.prepare("SELECT status FROM person WHERE id = ?").get(erased)).toEqual({ status: 'erased' });
    expect(w.raw.prepare('SELECT count(*) AS n FROM restriction').get()).toEqual({ n: 0 });
  });

  it('keeps the restriction history append-only', async () => {
    await restrict({ restricted: true, reason: 'legal_claims' });
    expect(() => w.raw.prepare("UPDATE restriction SET reason = 'client_request'").run()).toThrow(/append-only/);
  });
});
