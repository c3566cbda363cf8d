/**
 * Search as you type, inside the encrypted store (FTS5, `unicode61 remove_diacritics 2`: accents
 * and case fold both ways, so "eleonore" finds "Éléonore" and "Éléonore" finds "eleonore").
 * Every typed word becomes a quoted prefix term (toPrefixQuery): FTS syntax in the input is
 * never interpreted.
 *
 * What is found is projected before it is returned: erased people never; a restricted client's
 * rows flagged (read-only); preferences only where personalisation is lawful; the people around
 * a client (their names, sizes and tastes) only through a client whose relationship-mapping
 * consent covers them. Hidden rows are dropped, never shown empty.
 *
 * Ranking: clients' names, then the names of people around them, then preferences, then notes;
 * at most `limit` of each. Names in name order; preferences and notes newest written first (an
 * FTS5 scan in descending rowid order stops at the limit, so a common prefix stays fast).
 * Snippets frame matches with U+E000 … U+E001, which the core strips from stored text.
 */
import { sql } from 'kysely';
import { SNIPPET_CLOSE, SNIPPET_ELLIPSIS, SNIPPET_OPEN, type SearchHit } from '../../contract/index.js';
import type { Db } from '../../../db/store.js';
import { ConsentStates, type LedgerRow } from '../privacy/consent.js';
import { NON_CLIENT_PURPOSE } from '../privacy/policy.js';
import { toPrefixQuery } from './clients.js';
import { domainOf } from './views.js';

interface PersonRow {
  seq: number;
  id: string;
  kind: 'client' | 'related';
  status: 'active' | 'restricted' | 'erased';
  first_name: string;
  last_name: string;
  archived_at: string | null;
}

const personColumns = sql`p.seq, p.id, p.kind, p.status, p.first_name, p.last_name, p.archived_at`;

function chunks<T>(items: readonly T[], size = 400): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function peopleByIds(db: Db, ids: readonly string[]): Promise<Map<string, PersonRow>> {
  const found = new Map<string, PersonRow>();
  for (const part of chunks([...new Set(ids)])) {
    if (part.length === 0) continue;
    const { rows } = await sql<PersonRow>`SELECT ${personColumns} FROM person p WHERE p.id IN (${sql.join(part)}) AND p.status != 'erased'`.execute(db);
    for (const r of rows) found.set(r.id, r);
  }
  return found;
}

async function statesOf(db: Db, ids: readonly string[]): Promise<Map<string, ConsentStates>> {
  const rows: LedgerRow[] = [];
  for (const part of chunks([...new Set(ids)])) {
    if (part.length === 0) continue;
    rows.push(
      ...(await db
        .selectFrom('consent')
        .select(['id', 'person_id', 'purpose', 'channel', 'action', 'source', 'evidence', 'notice_version', 'effective_at', 'recorded_at'])
        .where('person_id', 'in', part)
        .execute()),
    );
  }
  const by = new Map<string, LedgerRow[]>();
  for (const r of rows) by.set(r.person_id, [...(by.get(r.person_id) ?? []), r]);
  return new Map(ids.map((id) => [id, new ConsentStates(by.get(id) ?? [])]));
}

/** For people who are not clients: the first client (by id) whose relationship mapping covers them. */
async function coveringClients(db: Db, personIds: readonly string[]): Promise<Map<string, PersonRow>> {
  const links: { a: string; b: string }[] = [];
  for (const part of chunks([...new Set(personIds)])) {
    if (part.length === 0) continue;
    const { rows } = await sql<{ a: string; b: string }>`
      SELECT from_person_id AS a, to_person_id AS b FROM relation WHERE from_person_id IN (${sql.join(part)})
      UNION ALL
      SELECT to_person_id AS a, from_person_id AS b FROM relation WHERE to_person_id IN (${sql.join(part)})`.execute(db);
    links.push(...rows);
  }
  const clients = new Map([...(await peopleByIds(db, links.map((l) => l.b)))].filter(([, p]) => p.kind === 'client'));
  const states = await statesOf(db, [...clients.keys()]);
  const covering = new Map<string, PersonRow>();
  for (const link of links.sort((x, y) => x.b.localeCompare(y.b))) {
    const client = clients.get(link.b);
    if (!client || covering.has(link.a)) continue;
    if (states.get(client.id)?.lawful(NON_CLIENT_PURPOSE)) covering.set(link.a, client);
  }
  return covering;
}

function flags(client: PersonRow): Pick<SearchHit, 'restricted' | 'archived'> {
  return { restricted: client.status === 'restricted', archived: client.archived_at !== null };
}

async function nameHits(db: Db, match: string, limit: number): Promise<SearchHit[]> {
  const candidates = async (kind: 'client' | 'related', n: number): Promise<PersonRow[]> =>
    (
      await sql<PersonRow>`SELECT ${personColumns} FROM person p
        WHERE p.seq IN (SELECT rowid FROM person_fts WHERE person_fts MATCH ${match})
          AND p.kind = ${kind} AND p.status != 'erased'
        ORDER BY p.sort_key, p.id LIMIT ${n}`.execute(db)
    ).rows;
  const clients = await candidates('client', limit);
  const related = await candidates('related', limit * 3);
  const covering = await coveringClients(
    db,
    related.map((r) => r.id),
  );
  const people = related.filter((r) => covering.has(r.id)).slice(0, limit);
  const rows = [...clients, ...people];
  if (rows.length === 0) return [];
  const { rows: marks } = await sql<{ rowid: number; first: string; last: string }>`
    SELECT rowid, highlight(person_fts, 0, ${SNIPPET_OPEN}, ${SNIPPET_CLOSE}) AS first, highlight(person_fts, 1, ${SNIPPET_OPEN}, ${SNIPPET_CLOSE}) AS last
    FROM person_fts WHERE person_fts MATCH ${match} AND rowid IN (${sql.join(rows.map((r) => r.seq))})`.execute(db);
  const marked = new Map(marks.map((m) => [m.rowid, `${m.first} ${m.last}`.trim()]));
  return rows.map((r) => {
    const client = r.kind === 'client' ? r : (covering.get(r.id) as PersonRow);
    return {
      type: r.kind === 'client' ? 'client' : 'person',
      id: r.id,
      clientId: client.id,
      clientFirstName: client.first_name,
      clientLastName: client.last_name,
      snippet: marked.get(r.seq) ?? `${r.first_name} ${r.last_name}`.trim(),
      at: null,
      domain: null,
      discreet: false,
      ...flags(client),
    };
  });
}

async function preferenceHits(db: Db, match: string, limit: number): Promise<SearchHit[]> {
  const { rows } = await sql<{ rowid: number; label: string; value: string }>`
    SELECT rowid, highlight(preference_fts, 0, ${SNIPPET_OPEN}, ${SNIPPET_CLOSE}) AS label, highlight(preference_fts, 1, ${SNIPPET_OPEN}, ${SNIPPET_CLOSE}) AS value
    FROM preference_fts WHERE preference_fts MATCH ${match} ORDER BY rowid DESC LIMIT ${limit * 4}`.execute(db);
  if (rows.length === 0) return [];
  const prefs = await db
    .selectFrom('preference')
    .select(['seq', 'id', 'person_id', 'domain', 'label'])
    .where(
      'seq',
      'in',
      rows.map((r) => r.rowid),
    )
    .execute();
  const bySeq = new Map(prefs.map((p) => [p.seq, p]));
  const owners = await peopleByIds(
    db,
    prefs.map((p) => p.person_id),
  );
  const clientStates = await statesOf(
    db,
    [...owners.values()].filter((o) => o.kind === 'client').map((o) => o.id),
  );
  const covering = await coveringClients(
    db,
    [...owners.values()].filter((o) => o.kind === 'related').map((o) => o.id),
  );
  const hits: SearchHit[] = [];
  for (const r of rows) {
    const pref = bySeq.get(r.rowid);
    const owner = pref ? owners.get(pref.person_id) : undefined;
    if (!pref || !owner) continue;
    let client: PersonRow | undefined;
    if (owner.kind === 'client') client = clientStates.get(owner.id)?.lawful('personalisation') ? owner : undefined;
    else client = covering.get(owner.id);
    if (!client) continue;
    hits.push({
      type: 'preference',
      id: pref.id,
      clientId: client.id,
      clientFirstName: client.first_name,
      clientLastName: client.last_name,
      snippet: `${r.label}: ${r.value}`,
      at: null,
      domain: domainOf(pref.domain, pref.label),
      discreet: false,
      ...flags(client),
    });
    if (hits.length >= limit) break;
  }
  return hits;
}

async function noteHits(db: Db, match: string, limit: number): Promise<SearchHit[]> {
  const { rows } = await sql<{ rowid: number; snippet: string }>`
    SELECT rowid, snippet(interaction_fts, 0, ${SNIPPET_OPEN}, ${SNIPPET_CLOSE}, ${SNIPPET_ELLIPSIS}, 12) AS snippet
    FROM interaction_fts WHERE interaction_fts MATCH ${match} ORDER BY rowid DESC LIMIT ${limit * 3}`.execute(db);
  if (rows.length === 0) return [];
  const notes = await db
    .selectFrom('interaction')
    .select(['seq', 'id', 'person_id', 'occurred_at', 'discreet'])
    .where(
      'seq',
      'in',
      rows.map((r) => r.rowid),
    )
    .execute();
  const bySeq = new Map(notes.map((n) => [n.seq, n]));
  const owners = await peopleByIds(
    db,
    notes.map((n) => n.person_id),
  );
  const hits: SearchHit[] = [];
  for (const r of rows) {
    const note = bySeq.get(r.rowid);
    const client = note ? owners.get(note.person_id) : undefined;
    if (!note || !client || client.kind !== 'client') continue;
    hits.push({
      type: 'note',
      id: note.id,
      clientId: client.id,
      clientFirstName: client.first_name,
      clientLastName: client.last_name,
      snippet: r.snippet,
      at: note.occurred_at,
      domain: null,
      discreet: note.discreet === 1,
      ...flags(client),
    });
    if (hits.length >= limit) break;
  }
  return hits.sort((a, b) => (b.at ?? '').localeCompare(a.at ?? '') || a.id.localeCompare(b.id));
}

export async function searchBook(db: Db, input: { text: string; limit: number }): Promise<{ hits: SearchHit[] }> {
  const match = toPrefixQuery(input.text);
  if (match === null) return { hits: [] };
  const names = await nameHits(db, match, input.limit);
  const preferences = await preferenceHits(db, match, input.limit);
  const notes = await noteHits(db, match, input.limit);
  return { hits: [...names, ...preferences, ...notes] };
}
