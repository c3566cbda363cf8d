/**
 * The advisor's day: "today" is a date in the advisor's time zone (from the store's advisor
 * row), not UTC. Shared by the client book and privacy (retention reviews date what they confirm).
 */
import type { Db } from '../../db/store.js';

export async function advisorZone(db: Db): Promise<string> {
  const row = await db.selectFrom('advisor').select('time_zone').executeTakeFirst();
  return row?.time_zone ?? 'Europe/Paris';
}

/** `YYYY-MM-DD` of an instant in a time zone; UTC when the zone is unknown. */
export function dayIn(now: Date, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

/** `YYYY-MM-DD` of `now` in the advisor's time zone. */
export async function advisorToday(db: Db, now: Date): Promise<string> {
  return dayIn(now, await advisorZone(db));
}

