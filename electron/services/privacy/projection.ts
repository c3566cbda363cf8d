/**
 * The read projection: which data categories a view of a person may show now, from the current
 * consents — and, for data held under a purpose that was withdrawn, when it is due for purge.
 *
 * A client's category is visible when one of its purposes is lawful for that client now
 * (analytics never counts: it is aggregate only). A person who is not a client is visible only
 * through a client whose relationship-mapping consent is granted, and then only in the
 * categories the policy allows them. Withdrawing a consent hides at once; nothing is cached.
 */
import { sql } from 'kysely';
import type { ConsentState, DataCategory, OutreachChannel, PendingPurge, Purpose } from '../../contract/index.js';
import type { Db } from '../../../db/store.js';
import { ConsentStates, loadAllStates, loadStates, type LedgerRow } from './consent.js';
import { linkedClients, requirePerson, type PersonRef } from './people.js';
import { CATEGORIES, NON_CLIENT_PURPOSE, PURPOSES, categories, outreachChannels, type Holder } from './policy.js';

export type CountableCategory = Exclude<DataCategory, 'identity'>;
export const countableCategories = categories.filter((c): c is CountableCategory => c !== 'identity');

/** Whether a category may be shown for a client in these consent states. */
export function categoryLawful(category: DataCategory, states: ConsentStates): boolean {
  return CATEGORIES[category].purposes.some((p) => PURPOSES[p].perPerson && states.lawful(p));
}

export function visibleForClient(states: ConsentStates): DataCategory[] {
  return categories.filter((c) => categoryLawful(c, states));
}

/** The categories a person who is not a client may have at all. */
export function nonClientCategories(): DataCategory[] {
  return categories.filter((c) => CATEGORIES[c].nonClient !== null);
}

export interface Projection {
  person: PersonRef;
  /** A client's consent states; null for a person who is not a client. */
  states: ConsentStates | null;
  /** For a person who is not a client: the clients whose relationship-mapping consent covers them now. */
  coveredBy: { id: string; status: 'active' | 'restricted' }[];
  visible: DataCategory[];
}

/** Refuses an unknown or erased person with NOT_FOUND. */
export async function projectionFor(db: Db, personId: string): Promise<Projection> {
  const person = await requirePerson(db, personId);
  if (person.kind === 'client') {
    const states = await loadStates(db, personId);
    return { person, states, coveredBy: [], visible: visibleForClient(states) };
  }
  const coveredBy = [];
  for (const client of await linkedClients(db, personId)) {
    if ((await loadStates(db, client.id)).lawful(NON_CLIENT_PURPOSE)) coveredBy.push(client);
  }
  return { person, states: null, coveredBy, visible: coveredBy.length > 0 ? nonClientCategories() : [] };
}

/** Which categories a view of this person may show now. */
export async function visibleCategories(db: Db, personId: string): Promise<DataCategory[]> {
  return (await projectionFor(db, personId)).visible;
}

function tableHolders(category: DataCategory): readonly Holder[] {
  return CATEGORIES[category].holders.filter((h) => h.column === undefined);
}

/** How many rows of a category are held about a person (rows, not fields on the person's row). */
export async function countCategory(db: Db, personId: string, category: DataCategory): Promise<number> {
  let total = 0;
  for (const holder of tableHolders(category)) {
    const about = sql.join(
      holder.by.map((column) => sql`${sql.ref(column)} = ${personId}`),
      sql` OR `,
    );
    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(holder.table)} WHERE ${about}`.execute(db);
    total += Number(rows[0]?.n ?? 0);
  }
  return total;
}

/** Counts per category; null for a category the view may not show (its size would leak). */
export async function categoryCounts(
  db: Db,
  personId: string,
  visible: readonly DataCategory[],
): Promise<Record<CountableCategory, number | null>> {
  const entries = await Promise.all(
    countableCategories.map(async (c) => [c, visible.includes(c) ? await countCategory(db, personId, c) : null] as const),
  );
  return Object.fromEntries(entries) as Record<CountableCategory, number | null>;
}

/** Of these people, those about whom the category holds anything. */
async function holdersAmong(db: Db, category: DataCategory, ids: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let start = 0; start < ids.length; start += 500) {
    const chunk = ids.slice(start, start + 500);
    for (const holder of CATEGORIES[category].holders) {
      for (const column of holder.by) {
        const held = holder.column === undefined ? sql`` : sql` AND ${sql.ref(holder.column)} IS NOT NULL`;
        const { rows } = await sql<{ id: string }>`SELECT DISTINCT ${sql.ref(column)} AS id FROM ${sql.table(holder.table)}
          WHERE ${sql.ref(column)} IN (${sql.join(chunk)})${held}`.execute(db);
        for (const row of rows) found.add(row.id);
      }
    }
  }
  return found;
}

const DAY_MS = 86_400_000;

/**
 * The latest withdrawal that leaves a category without any lawful purpose for this client, if
 * the category is held only for purposes that need consent; null when the category is lawful,
 * or was never consented to (that is retention's concern, not a withdrawal's).
 */
export function withdrawalBehind(category: DataCategory, states: ConsentStates): { purpose: Purpose; row: LedgerRow } | null {
  if (categoryLawful(category, states)) return null;
  let found: { purpose: Purpose; row: LedgerRow } | null = null;
  for (const purpose of CATEGORIES[category].purposes) {
    if (!PURPOSES[purpose].perPerson) continue;
    const rows = PURPOSES[purpose].perChannel
      ? outreachChannels.map((c) => states.latestRow(purpose, c))
      : [states.latestRow(purpose)];
    for (const row of rows) {
      if (row?.action !== 'withdraw') continue;
      if (!found || Date.parse(row.recorded_at) > Date.parse(found.row.recorded_at)) found = { purpose, row };
    }
  }
  return found;
}

/**
 * What withdrawals have queued for purge: per client and category, the purpose withdrawn and
 * when the grace period ends (counted from when the withdrawal was recorded). Ids only, no data.
 * Derived, not stored: a consent granted again within the grace period takes the category off
 * the list; once purged, nothing is held and it leaves the list.
 *
 * For `relations`, the category covers the relation rows of the client and, with them, the
 * people who are not clients that only this client's consent covered (and what is held about them).
 */
export async function pendingPurges(db: Db, graceDays: number): Promise<PendingPurge[]> {
  const all = await loadAllStates(db, { onlyWithWithdrawals: true });
  const candidates = new Map<DataCategory, { clientId: string; purpose: Purpose; dueAt: string }[]>();
  for (const [clientId, states] of all) {
    for (const category of categories) {
      const behind = withdrawalBehind(category, states);
      if (!behind) continue;
      const dueAt = new Date(Date.parse(behind.row.recorded_at) + graceDays * DAY_MS).toISOString();
      const list = candidates.get(category) ?? [];
      list.push({ clientId, purpose: behind.purpose, dueAt });
      candidates.set(category, list);
    }
  }
  const items: PendingPurge[] = [];
  for (const [category, list] of candidates) {
    const held = await holdersAmong(
      db,
      category,
      list.map((c) => c.clientId),
    );
    for (const c of list) if (held.has(c.clientId)) items.push({ clientId: c.clientId, category, purpose: c.purpose, dueAt: c.dueAt });
  }
  const order = (c: DataCategory): number => categories.indexOf(c);
  return items.sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.clientId.localeCompare(b.clientId) || order(a.category) - order(b.category));
}

/** What a client's view says about their consents: every slot's state, and the two that shape it. */
export function consentFlags(states: ConsentStates): {
  consents: { purpose: Purpose; channel: OutreachChannel | null; state: ConsentState }[];
  personalisation: boolean;
  relationshipMapping: boolean;
} {
  return {
    consents: states.current().map(({ purpose, channel, state }) => ({ purpose, channel, state })),
    personalisation: states.lawful('personalisation'),
    relationshipMapping: states.lawful(NON_CLIENT_PURPOSE),
  };
}
