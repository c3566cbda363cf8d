/**
 * The client book: listing and reading clients. Erased clients never appear; restricted ones
 * appear (read-only, flagged). A client's view is projected through their current consents
 * (privacy/projection.ts): a category no lawful purpose covers is not shown, not even counted.
 */
import { sql } from 'kysely';
import { CarnetError, type ClientListItem, type ClientSummary } from '../../contract/index.js';
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

export async function getClient(db: Db, id: string): Promise<ClientSummary> {
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
  const [counts, preferred, lastPurchase, openAfterSales] = await Promise.all([
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
  };
}
