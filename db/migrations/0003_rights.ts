/**
 * 0003 — retention and subject rights. Frozen in time: `Kysely<any>` and raw SQL, no app code.
 *
 * - `tombstone`: what is left of an erased client — their (pseudonymous) id, when, and why
 *   ('erasure' at their request, 'retention' at the end of the retention period). No personal
 *   data, no link to `person` (the person row is gone). Append-only; and no person may be
 *   written again under an erased id, so a re-import cannot bring an erased client back.
 * - `privacy_request`: the register of subject-rights requests — ids, the right, dates, status.
 *   No foreign key to `person`: the register outlives an erasure, as the proof it was honoured.
 *   Only its status, completion time and note change; it is never deleted. The note is the
 *   client's data while they exist and is cleared when they are erased.
 * - `retention_review`: each time the advisor confirmed that data past its retention period is
 *   still needed, and until when; erased with its person.
 */
import { type Kysely, sql } from 'kysely';

const statements: string[] = [
  `CREATE TABLE tombstone (
    id TEXT PRIMARY KEY,
    erased_at TEXT NOT NULL,
    reason TEXT NOT NULL CHECK (reason IN ('erasure','retention'))
  )`,
  `CREATE TRIGGER tombstone_no_update BEFORE UPDATE ON tombstone
    BEGIN SELECT RAISE(ABORT, 'tombstones are append-only'); END`,
  `CREATE TRIGGER tombstone_no_delete BEFORE DELETE ON tombstone
    BEGIN SELECT RAISE(ABORT, 'tombstones are append-only'); END`,
  `CREATE TRIGGER person_not_erased BEFORE INSERT ON person
    WHEN EXISTS (SELECT 1 FROM tombstone WHERE id = new.id)
    BEGIN SELECT RAISE(ABORT, 'this person was erased'); END`,

  `CREATE TABLE privacy_request (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL,
    "right" TEXT NOT NULL CHECK ("right" IN ('access','rectification','erasure','restriction','objection','portability')),
    received_at TEXT NOT NULL,
    due_at TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','fulfilled','refused')),
    completed_at TEXT,
    note TEXT CHECK (note IS NULL OR length(note) <= 500),
    CHECK ((status = 'open') = (completed_at IS NULL))
  )`,
  `CREATE INDEX privacy_request_client ON privacy_request(client_id)`,
  `CREATE INDEX privacy_request_status ON privacy_request(status, due_at)`,
  `CREATE TRIGGER privacy_request_fixed BEFORE UPDATE OF id, client_id, "right", received_at, due_at ON privacy_request
    BEGIN SELECT RAISE(ABORT, 'a request keeps its client, right and dates'); END`,
  `CREATE TRIGGER privacy_request_no_delete BEFORE DELETE ON privacy_request
    BEGIN SELECT RAISE(ABORT, 'the request register is never deleted'); END`,

  `CREATE TABLE retention_review (
    id TEXT PRIMARY KEY,
    person_id TEXT NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    category TEXT NOT NULL,
    reviewed_at TEXT NOT NULL,
    next_review_at TEXT NOT NULL
  )`,
  `CREATE INDEX retention_review_person ON retention_review(person_id, category)`,
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen: Kysely<any>
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
