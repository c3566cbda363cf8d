/**
 * 0002 — privacy: the restriction history. Frozen in time: `Kysely<any>` and raw SQL, no app code.
 *
 * A client's processing may be restricted (GDPR art. 18) and the restriction lifted; the current
 * state stays on `person.status`, and this table keeps when and on which ground (a code, never
 * free text). Append-only like the consent ledger; a person's erasure removes it with them.
 */
import { type Kysely, sql } from 'kysely';

const statements: string[] = [
  `CREATE TABLE restriction (
    id TEXT PRIMARY KEY,
    person_id TEXT NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    action TEXT NOT NULL CHECK (action IN ('restrict','lift')),
    reason TEXT CHECK (reason IS NULL OR length(reason) <= 40),
    recorded_at TEXT NOT NULL
  )`,
  `CREATE INDEX restriction_person ON restriction(person_id, recorded_at)`,
  `CREATE TRIGGER restriction_append_only BEFORE UPDATE ON restriction
    BEGIN SELECT RAISE(ABORT, 'restriction history is append-only'); END`,
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen: Kysely<any>
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
