/**
 * The client book: listing and reading clients. Erased clients never appear; restricted ones
 * appear (read-only, flagged). A client's view is projected through their current consents
 * (privacy/projection.ts): a category no lawful purpose covers is not shown, not even counted.
 */
import { sql } from 'kysely';
import {
  CarnetError,
  CLIENT_MOMENTS_MAX,
  CLIENT_PREFERENCES_MAX,
  type ClientListItem,
  type ClientMoment,
  type ClientPreference,
  type ClientSummary,
} from '../../contract/index.js';
import type { Db } from '../../../db/store.js';
import { categoryCounts, consentFlags, projectionFor } from '../privacy/projection.js';

/**
 * Turns what the advisor typed into a safe FTS5 prefix query: every word becomes a quoted
 * prefix term, so no FTS5 syntax (quotes, `NEAR`, `*`, `:`…) from the input is interpreted.
 */
export function toPrefixQuery(text: string): string | null {
  const words = text
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 8);
  if (words.length === 0) return null;
  return words.map((w) => `"${w.replaceAll('"', '""')}"*`).join(' ');
}

const listColumns = [
  'person.id',
  'person.honorific',
  'person.first_name',
  'person.last_name',
  'person.tier',
  'person.city',
  'person.client_since',
  'person.last_contact_at',
  'person.status',
] as const;

type ListRow = {
  id: string;
  honorific: string | null;
  first_name: string;
  last_name: string;
  tier: string | null;
  city: string | null;
  client_since: string | null;
  last_contact_at: string | null;
  status: 'active' | 'restricted' | 'erased';
};

function toListItem(row: ListRow): ClientListItem {
  return {
    id: row.id,
    honorific: row.honorific,
    firstName: row.first_name,
    lastName: row.last_name,
    tier: row.tier,
    city: row.city,
    clientSince: row.client_since,
    lastContactAt: row.last_contact_at,
    status: row.status === 'restricted' ? 'restricted' : 'active',
  };
}

export async function listClients(
  db: Db,
  input: { query?: string | undefined; sort: 'name' | 'lastContact'; limit: number; offset: number },
): Promise<{ total: number; items: ClientListItem[] }> {
  let base = db.selectFrom('person').where('person.kind', '=', 'client').where('person.status', '!=', 'erased');
  const match = input.query ? toPrefixQuery(input.query) : null;
  if (input.query && !match) return { total: 0, items: [] };
  if (match) {
    base = base.where('person.seq', 'in', (eb) =>
      eb.selectFrom(sql<{ rowid: number }>`person_fts`.as('f')).select(sql<number>`rowid`.as('rowid')).where(sql<boolean>`person_fts MATCH ${match}`),
    );
  }
  const totalRow = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  let query = base.select(listColumns);
  query =
    input.sort === 'lastContact'
      ? // SQLite sorts NULL lowest, so DESC already puts never-contacted clients last — and the
        // (kind, last_contact_at) index serves the order.
        query.orderBy('person.last_contact_at', 'desc').orderBy('person.sort_key')
      : query.orderBy('person.sort_key').orderBy('person.id');
  const rows = await query.limit(input.limit).offset(input.offset).execute();
  return { total: Number(totalRow.n), items: rows.map(toListItem) };
}

/** The order a client's preferences are read in: sizes first, then tastes, then manners. */
const DOMAIN_ORDER = ['size', 'colour', 'material', 'category', 'designer', 'fragrance', 'dislike', 'service', 'language'];

function domainRank(domain: string): number {
  const index = DOMAIN_ORDER.indexOf(domain);
  return index === -1 ? DOMAIN_ORDER.length : index;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH_DAY = /^(?:\d{4}-)?(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` of an instant in a time zone; UTC when the zone is unknown. */
export function dateIn(now: Date, timeZone: string | null | undefined): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone: timeZone ?? 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * When a moment next comes round, on or after `today` (`YYYY-MM-DD`): a recurring one in this
 * year or the next (29 February on the 28th in other years); a one-off one on its own date if
 * that is still ahead; otherwise null. A malformed date has no next occurrence.
 */
export function nextOccurrence(date: string, recurring: boolean, today: string): string | null {
  if (!recurring) return DATE.test(date) && date >= today ? date : null;
  const match = MONTH_DAY.exec(date);
  if (!match) return null;
  const [, mm, dd] = match as unknown as [string, string, string];
  const year = Number(today.slice(0, 4));
  for (const y of [year, year + 1]) {
    const day = mm === '02' && dd === '29' && !isLeap(y) ? '28' : dd;
    const candidate = `${y}-${mm}-${day}`;
    if (candidate >= today) return candidate;
  }
  return null;
}

/** Upcoming moments first (soonest first), then past one-off moments (latest first). */
export function byNextOccurrence(a: ClientMoment, b: ClientMoment): number {
  if (a.next !== null && b.next !== null) return a.next.localeCompare(b.next) || a.id.localeCompare(b.id);
  if (a.next !== null) return -1;
  if (b.next !== null) return 1;
  return b.date.localeCompare(a.date) || a.id.localeCompare(b.id);
}

async function clientPreferences(db: Db, id: string): Promise<ClientPreference[]> {
  const rows = await db
    .selectFrom('preference')
    .select(['id', 'domain', 'label', 'value', 'provenance', 'review_at'])
    .where('person_id', '=', id)
    .execute();
  return rows
    .map((r) => ({
      id: r.id,
      domain: r.domain,
      label: r.label,
      value: r.value,
      provenance: r.provenance,
      reviewAt: r.review_at && DATE.test(r.review_at.slice(0, 10)) ? r.review_at.slice(0, 10) : null,
    }))
    .sort((a, b) => domainRank(a.domain) - domainRank(b.domain) || a.domain.localeCompare(b.domain) || a.label.localeCompare(b.label) || a.id.localeCompare(b.id))
    .slice(0, CLIENT_PREFERENCES_MAX);
}

async function clientMoments(db: Db, id: string, today: string): Promise<ClientMoment[]> {
  const rows = await db.selectFrom('moment').select(['id', 'kind', 'date', 'recurring', 'label', 'note']).where('person_id', '=', id).execute();
  return rows
    .filter((r) => MONTH_DAY.test(r.date))
    .map((r) => {
      const recurring = r.recurring === 1;
      return { id: r.id, kind: r.kind, date: r.date, recurring, label: r.label, note: r.note, next: nextOccurrence(r.date, recurring, today) };
    })
    .sort(byNextOccurrence)
    .slice(0, CLIENT_MOMENTS_MAX);
}

/**
 * One client, projected through their current consents: a category no lawful purpose covers is
 * neither listed nor counted (`null`), and nothing of it is read. `now` sets "today" (in the
 * advisor's time zone) for the moments' next occurrences; the core always passes the session's
 * clock — the wall-clock default is for callers outside it (the bench).
 */
export async function getClient(db: Db, id: string, now: Date = new Date()): Promise<ClientSummary> {
  const row = await db
    .selectFrom('person')
    .select([...listColumns, 'person.country', 'person.language', 'person.kind'])
    .where('person.id', '=', id)
    .executeTakeFirst();
  if (!row || row.kind !== 'client' || row.status === 'erased') {
    throw new CarnetError('NOT_FOUND', 'There is no such client.');
  }
  const projection = await projectionFor(db, id);
  const visible = new Set(projection.visible);
  if (!projection.states) throw new CarnetError('NOT_FOUND', 'There is no such client.');
  const advisor = visible.has('moments') ? await db.selectFrom('advisor').select('time_zone').executeTakeFirst() : undefined;
  const [counts, preferred, lastPurchase, openAfterSales, preferences, moments] = await Promise.all([
    categoryCounts(db, id, projection.visible),
    visible.has('contact')
      ? db
          .selectFrom('contact_point')
          .select('channel')
          .where('person_id', '=', id)
          .orderBy('is_preferred', 'desc')
          .limit(1)
          .executeTakeFirst()
      : undefined,
    visible.has('purchases')
      ? db
          .selectFrom('purchase')
          .select((eb) => eb.fn.max('purchased_at').as('last'))
          .where('person_id', '=', id)
          .executeTakeFirst()
      : undefined,
    visible.has('after_sales')
      ? db
          .selectFrom('after_sales_case')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('person_id', '=', id)
          .where('status', '!=', 'closed')
          .executeTakeFirstOrThrow()
      : undefined,
    visible.has('preferences') ? clientPreferences(db, id) : null,
    visible.has('moments') ? clientMoments(db, id, dateIn(now, advisor?.time_zone)) : null,
  ]);
  return {
    ...toListItem(row),
    country: row.country,
    language: row.language,
    preferredChannel: preferred?.channel ?? null,
    counts: {
      purchases: counts.purchases ?? 0,
      interactions: counts.notes ?? 0,
      openAfterSales: Number(openAfterSales?.n ?? 0),
      people: counts.relations ?? 0,
    },
    lastPurchaseAt: (lastPurchase?.last as string | null | undefined) ?? null,
    ...consentFlags(projection.states),
    visibleCategories: projection.visible,
    categoryCounts: counts,
    preferences,
    moments,
  };
}
