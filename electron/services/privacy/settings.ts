/**
 * Privacy settings kept in the store's `setting` table: the grace period between a withdrawal
 * and the purge of what it covered (default 30 days).
 */
import { sql } from 'kysely';
import { CarnetError, PURGE_GRACE_DEFAULT_DAYS, PURGE_GRACE_MAX_DAYS, PURGE_GRACE_MIN_DAYS } from '../../contract/index.js';
import type { Db } from '../../../db/store.js';

export const PURGE_GRACE_KEY = 'privacy.purge_grace_days';

function inRange(days: number): boolean {
  return Number.isInteger(days) && days >= PURGE_GRACE_MIN_DAYS && days <= PURGE_GRACE_MAX_DAYS;
}

/** The grace period in days; the default when unset or unreadable. */
export async function getPurgeGraceDays(db: Db): Promise<number> {
  const row = await db.selectFrom('setting').select('value').where('key', '=', PURGE_GRACE_KEY).executeTakeFirst();
  const days = row && /^\d{1,3}$/.test(row.value) ? Number.parseInt(row.value, 10) : Number.NaN;
  return inRange(days) ? days : PURGE_GRACE_DEFAULT_DAYS;
}

export async function setPurgeGraceDays(db: Db, days: number): Promise<number> {
  if (!inRange(days)) throw new CarnetError('INVALID_INPUT', `The grace period is between ${PURGE_GRACE_MIN_DAYS} and ${PURGE_GRACE_MAX_DAYS} days.`);
  await db
    .insertInto('setting')
    .values({ key: PURGE_GRACE_KEY, value: String(days) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: sql<string>`excluded.value` }))
    .execute();
  return days;
}
