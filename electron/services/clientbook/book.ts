/**
 * The client book's lists: the default list leaves archived clients out; `clients.listArchived`
 * shows only them. Same search (safe FTS5 prefix terms), sorting and paging as listClients in
 * clients.ts, which knows nothing of archiving. Erased clients never appear.
 */
import { sql } from 'kysely';
import type { ClientListItem } from '../../contract/index.js';
import type { Db } from '../../../db/store.js';
import { toPrefixQuery } from './clients.js';

export interface ListInput {
  query?: string | undefined;
  sort: 'name' | 'lastContact';
  limit: number;
  offset: number;
}

export async function listBook(db: Db, input: ListInput, archived: boolean): Promise<{ total: number; items: ClientListItem[] }> {
  let base = db
    .selectFrom('person')
    .where('person.kind', '=', 'client')
    .where('person.status', '!=', 'erased')
    .where('person.archived_at', archived ? 'is not' : 'is', null);
  const match = input.query ? toPrefixQuery(input.query) : null;
  if (input.query && !match) return { total: 0, items: [] };
  if (match) {
    base = base.where('person.seq', 'in', (eb) =>
      eb.selectFrom(sql<{ rowid: number }>`person_fts`.as('f')).select(sql<number>`rowid`.as('rowid')).where(sql<boolean>`person_fts MATCH ${match}`),
    );
  }
  const totalRow = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  let query = base.select([
    'person.id',
    'person.honorific',
    'person.first_name',
    'person.last_name',
    'person.tier',
    'person.city',
    'person.client_since',
    'person.last_contact_at',
    'person.status',
  ]);
  query =
    input.sort === 'lastContact'
      ? query.orderBy('person.last_contact_at', 'desc').orderBy('person.sort_key')
      : query.orderBy('person.sort_key').orderBy('person.id');
  const rows = await query.limit(input.limit).offset(input.offset).execute();
  return {
    total: Number(totalRow.n),
    items: rows.map((row) => ({
      id: row.id,
      honorific: row.honorific,
      firstName: row.first_name,
      lastName: row.last_name,
      tier: row.tier,
      city: row.city,
      clientSince: row.client_since,
      lastContactAt: row.last_contact_at,
      status: row.status === 'restricted' ? 'restricted' : 'active',
    })),
  };
}
