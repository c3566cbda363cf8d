/**
 * Erasure (GDPR art. 17): every row about the client, in every table, is deleted — contact
 * points, preferences, purchases, interactions and notes, appointments, after-sales, moments,
 * relations, gifts given to them or on their behalf, the consent ledger, restriction history,
 * retention reviews — and with them the people around the client whom no other client covers.
 * Then the file is scrubbed (full-text indexes merged, WAL checkpointed and emptied, VACUUM), so
 * that nothing of them is left in the store's bytes.
 *
 * What remains is a tombstone: the client's id (pseudonymous), when, and why — in its own table,
 * not as an emptied person row. The person row goes too, so the foreign keys' cascades back up
 * the explicit deletes, no view can show a ghost, and no count can include one. The audit log
 * keeps the id and the action; the register of requests keeps its ids, rights, dates and statuses
 * (the request's note is cleared).
 */
import { CarnetError } from '../../contract/index.js';
import type { Store } from '../../../db/store.js';
import { deletePersonRows, scrub, uncoveredPeopleAround } from './purge.js';

export interface Tombstone {
  id: string;
  erasedAt: string;
  reason: 'erasure' | 'retention';
}

export function isErased(store: Store, id: string): boolean {
  return store.raw.prepare('SELECT 1 FROM tombstone WHERE id = ?').get(id) !== undefined;
}

/**
 * Erases a client. Refusals: ALREADY_ERASED, NOT_FOUND (no such person), NOT_A_CLIENT (someone
 * around a client goes with their client, or by retention), RESTRICTED (restriction keeps data
 * that would otherwise be deleted: lift it first, deliberately).
 */
export async function eraseClient(
  store: Store,
  clientId: string,
  now: Date,
  reason: Tombstone['reason'],
): Promise<{ tombstone: Tombstone; removedPeople: string[] }> {
  const { db, raw } = store;
  if (isErased(store, clientId)) throw new CarnetError('ALREADY_ERASED', 'This client was erased already; only a tombstone is left.');
  const person = raw.prepare('SELECT kind, status FROM person WHERE id = ?').get(clientId) as
    | { kind: 'client' | 'related'; status: 'active' | 'restricted' | 'erased' }
    | undefined;
  if (!person) throw new CarnetError('NOT_FOUND', 'There is no such client.');
  if (person.status === 'erased') throw new CarnetError('ALREADY_ERASED', 'This client was erased already.');
  if (person.kind !== 'client') {
    throw new CarnetError('NOT_A_CLIENT', 'This person is not a client: the people around a client are erased with their client.');
  }
  if (person.status === 'restricted') {
    throw new CarnetError('RESTRICTED', 'This client’s processing is restricted, which keeps their data as it is: lift the restriction first.');
  }
  const removedPeople = await uncoveredPeopleAround(db, clientId);
  const tombstone: Tombstone = { id: clientId, erasedAt: now.toISOString(), reason };
  raw.transaction(() => {
    deletePersonRows(raw, clientId);
    for (const id of removedPeople) deletePersonRows(raw, id);
    raw.prepare('INSERT INTO tombstone (id, erased_at, reason) VALUES (?, ?, ?)').run(tombstone.id, tombstone.erasedAt, tombstone.reason);
  })();
  scrub(raw);
  return { tombstone, removedPeople };
}
