/**
 * Restriction of processing (GDPR art. 18): a restricted client is kept, shown flagged and
 * read-only — the write gate refuses every change, no outreach, no new consent — until the
 * restriction is lifted. The state is `person.status`; `restriction` keeps the history.
 */
import type { Db } from '../../../db/store.js';
import { newId } from '../ids.js';
import { requireClient } from './people.js';

export interface RestrictInput {
  clientId: string;
  restricted: boolean;
  reason?: string | undefined;
}

export interface RestrictResult {
  clientId: string;
  status: 'active' | 'restricted';
  changed: boolean;
}

/** Restricts or lifts; asking for the state the client is already in writes nothing. */
export async function restrictClient(db: Db, input: RestrictInput, now: Date): Promise<RestrictResult> {
  const client = await requireClient(db, input.clientId);
  const status = input.restricted ? 'restricted' : 'active';
  if (client.status === status) return { clientId: client.id, status, changed: false };
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('person').set({ status, updated_at: at }).where('id', '=', client.id).where('status', '!=', 'erased').execute();
    await trx
      .insertInto('restriction')
      .values({
        id: newId(now.getTime()),
        person_id: client.id,
        action: input.restricted ? 'restrict' : 'lift',
        reason: input.restricted ? (input.reason ?? null) : null,
        recorded_at: at,
      })
      .execute();
  });
  return { clientId: client.id, status, changed: true };
}

/** The restriction history of a client, newest first (for the dossier and the Privacy Center). */
export async function restrictionHistory(
  db: Db,
  clientId: string,
): Promise<{ id: string; action: 'restrict' | 'lift'; reason: string | null; recordedAt: string }[]> {
  const rows = await db
    .selectFrom('restriction')
    .select(['id', 'action', 'reason', 'recorded_at'])
    .where('person_id', '=', clientId)
    .orderBy('recorded_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, action: r.action, reason: r.reason, recordedAt: r.recorded_at }));
}
