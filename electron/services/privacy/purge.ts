/**
 * Physical deletion. A purge removes one data category of one person — rows of the category's
 * tables, fields on the person's own row — and an erasure removes every row about a person; both
 * then `scrub` the file, so that what was deleted is gone from the tables, from the full-text
 * indexes and from the bytes of the store:
 *
 * - `secure_delete` (set when the store opens) zeroes deleted cells as they are freed;
 * - FTS5 keeps the tokens of deleted rows in old index segments until they are merged:
 *   `optimize` rebuilds each index as one segment, without them;
 * - the WAL keeps old page images until a checkpoint: `wal_checkpoint(TRUNCATE)` copies the pages
 *   back and empties it; `VACUUM` then rewrites the whole file, leaving no free page behind.
 *
 * Which tables and columns hold a category is the policy's (`CATEGORIES[c].holders`); nothing
 * here names a field of personal data.
 */
import type { DataCategory } from '../../contract/index.js';
import type { RawDatabase } from '../../../db/open.js';
import type { Db, Store } from '../../../db/store.js';
import { loadStates } from './consent.js';
import { linkedClients } from './people.js';
import { CATEGORIES, NON_CLIENT_PURPOSE, categories, type Holder } from './policy.js';
import { pendingPurges } from './projection.js';
import { getPurgeGraceDays } from './settings.js';

/** The full-text indexes of the store: each keeps deleted tokens until `optimize`. */
export const FTS_TABLES = ['person_fts', 'interaction_fts', 'preference_fts'] as const;

/** Identifiers come from the policy (checked against the schema by the compiler), never from input. */
function ident(name: string): string {
  if (!/^[a-z_]+$/.test(name)) throw new Error('not an identifier');
  return `"${name}"`;
}

function about(holder: Holder): string {
  return holder.by.map((column) => `${ident(column)} = @id`).join(' OR ');
}

/**
 * Deletes what a category holds about one person, in the caller's transaction: its rows, and the
 * fields it keeps on the person's own row (set to NULL). Returns how many rows or fields went.
 */
export function deleteCategoryRows(raw: RawDatabase, personId: string, category: DataCategory, now: Date): number {
  // The identity is the person: it goes only with everything else (`deletePersonRows`).
  if (category === 'identity') throw new Error('identity is removed with the person');
  let changes = 0;
  for (const holder of CATEGORIES[category].holders) {
    if (holder.column !== undefined) {
      if (holder.table !== 'person') throw new Error('fields are kept on the person row only');
      const column = ident(holder.column);
      changes += raw
        .prepare(`UPDATE person SET ${column} = NULL, updated_at = @at WHERE id = @id AND ${column} IS NOT NULL`)
        .run({ id: personId, at: now.toISOString() }).changes;
    } else {
      changes += raw.prepare(`DELETE FROM ${ident(holder.table)} WHERE ${about(holder)}`).run({ id: personId }).changes;
    }
  }
  return changes;
}

/**
 * Deletes every row about a person, in the caller's transaction: every category (the identity
 * last, with the person's row), gifts given to them on anyone's behalf, the person as the
 * recipient of someone else's purchase (unlinked, the purchase is the buyer's), the consent
 * ledger, restriction history and retention reviews; the notes of their subject-rights requests
 * are cleared (the register itself stays, with ids and dates only).
 *
 * Every delete is explicit, so that the full-text triggers run for every row; the foreign keys'
 * cascades are a second net, not the mechanism.
 */
export function deletePersonRows(raw: RawDatabase, personId: string): void {
  const params = { id: personId };
  for (const category of categories) {
    if (category === 'identity') continue;
    for (const holder of CATEGORIES[category].holders) {
      if (holder.column !== undefined) continue; // on the person's row, which goes below
      raw.prepare(`DELETE FROM ${ident(holder.table)} WHERE ${about(holder)}`).run(params);
    }
  }
  raw.prepare('DELETE FROM gift WHERE recipient_person_id = @id').run(params);
  raw.prepare('UPDATE purchase SET recipient_person_id = NULL WHERE recipient_person_id = @id').run(params);
  raw.prepare('DELETE FROM consent WHERE person_id = @id').run(params);
  raw.prepare('DELETE FROM restriction WHERE person_id = @id').run(params);
  raw.prepare('DELETE FROM retention_review WHERE person_id = @id').run(params);
  raw.prepare('UPDATE privacy_request SET note = NULL WHERE client_id = @id AND note IS NOT NULL').run(params);
  raw.prepare('DELETE FROM person WHERE id = @id').run(params);
}

/**
 * The people around a client who would be left without a covering client if the client's
 * relations went: not clients themselves, and linked to no other client whose
 * relationship-mapping consent holds now.
 */
export async function uncoveredPeopleAround(db: Db, clientId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('relation')
    .innerJoin('person', (join) =>
      join.on((eb) =>
        eb.or([
          eb.and([eb('relation.from_person_id', '=', clientId), eb('person.id', '=', eb.ref('relation.to_person_id'))]),
          eb.and([eb('relation.to_person_id', '=', clientId), eb('person.id', '=', eb.ref('relation.from_person_id'))]),
        ]),
      ),
    )
    .select('person.id')
    .where('person.kind', '=', 'related')
    .distinct()
    .orderBy('person.id')
    .execute();
  const uncovered: string[] = [];
  for (const { id } of rows) {
    let covered = false;
    for (const other of await linkedClients(db, id)) {
      if (other.id === clientId) continue;
      if ((await loadStates(db, other.id)).lawful(NON_CLIENT_PURPOSE)) {
        covered = true;
        break;
      }
    }
    if (!covered) uncovered.push(id);
  }
  return uncovered;
}

/**
 * Purges one category of one client, in one transaction. For `relations`, the people around the
 * client whom no other client covers go with the relations, and everything held about them.
 * Returns the ids of those people (for the audit entry). Call `scrub` afterwards.
 */
export async function purgeClientCategory(
  db: Db,
  raw: RawDatabase,
  clientId: string,
  category: DataCategory,
  now: Date,
): Promise<{ removedPeople: string[] }> {
  const removedPeople = category === 'relations' ? await uncoveredPeopleAround(db, clientId) : [];
  raw.transaction(() => {
    deleteCategoryRows(raw, clientId, category, now);
    for (const id of removedPeople) deletePersonRows(raw, id);
  })();
  return { removedPeople };
}

/**
 * Makes deletions physical: merges the full-text indexes without the deleted tokens, checkpoints
 * the WAL into the file and empties it, rewrites the file with VACUUM, and empties the WAL again.
 * Returns false if a checkpoint could not complete (another reader; Carnet holds one connection).
 */
export function scrub(raw: RawDatabase): boolean {
  for (const table of FTS_TABLES) raw.prepare(`INSERT INTO ${ident(table)}(${ident(table)}) VALUES ('optimize')`).run();
  const before = raw.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  raw.exec('VACUUM');
  const after = raw.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  return before[0]?.busy === 0 && after[0]?.busy === 0;
}

export interface PurgeRun {
  purged: { clientId: string; category: DataCategory }[];
  /** Due, but the client is restricted: their data is frozen until the restriction is lifted. */
  waiting: { clientId: string; category: DataCategory }[];
  /** People around a client who went with the client's relations. */
  removedPeople: string[];
}

/**
 * Purges what withdrawals queued and whose grace period is over (`pendingPurges` with
 * `dueAt <= now`), then scrubs the file once. A restricted client's data waits: restriction
 * (GDPR art. 18) exists precisely to keep data that would otherwise be deleted.
 */
export async function runDuePurges(store: Store, now: Date): Promise<PurgeRun> {
  const { db, raw } = store;
  const due = (await pendingPurges(db, await getPurgeGraceDays(db))).filter((item) => Date.parse(item.dueAt) <= now.getTime());
  const run: PurgeRun = { purged: [], waiting: [], removedPeople: [] };
  if (due.length === 0) return run;
  const statuses = new Map(
    (
      await db
        .selectFrom('person')
        .select(['id', 'status'])
        .where(
          'id',
          'in',
          due.map((d) => d.clientId),
        )
        .execute()
    ).map((p) => [p.id, p.status]),
  );
  for (const item of due) {
    const pair = { clientId: item.clientId, category: item.category };
    if (statuses.get(item.clientId) !== 'active') {
      run.waiting.push(pair);
      continue;
    }
    const { removedPeople } = await purgeClientCategory(db, raw, item.clientId, item.category, now);
    run.purged.push(pair);
    run.removedPeople.push(...removedPeople);
  }
  if (run.purged.length > 0) scrub(raw);
  return run;
}

/**
 * The sweep that runs right after every unlock, so that withdrawn data never outlives its grace
 * period even when no one opens the Privacy Center. It never throws: a failure must not keep the
 * advisor out of their book. It is audited when it purged something (the ids, never the data)
 * and when it failed.
 */
export async function sweepAfterUnlock(
  store: Store,
  now: Date,
  audit: (action: string, targetIds: readonly string[], outcome: 'ok' | 'error') => void,
): Promise<void> {
  try {
    const run = await runDuePurges(store, now);
    if (run.purged.length > 0) audit('privacy.purge.sweep', [...run.purged.map((p) => p.clientId), ...run.removedPeople], 'ok');
  } catch {
    try {
      audit('privacy.purge.sweep', [], 'error');
    } catch {
      // The audit itself failed (a damaged store): the unlock still goes ahead.
    }
  }
}
