/**
 * 0004 — the client book (issue 4). Frozen in time: `Kysely<any>` and raw SQL, no app code.
 *
 * - `person.archived_at`: a client the advisor archived (soft, reversible) leaves the default
 *   list; null for everyone else. Technical, like `status`: it holds no personal data of its own.
 * - One preferred contact point per person, enforced by a partial unique index. A store that
 *   already holds several preferred points for a person keeps the newest one preferred.
 * - Lookups the client book needs: e-mail addresses by value, case-insensitively (duplicate
 *   detection when a client is created), and a client's after-sales cases by date (the timeline).
 */
import { type Kysely, sql } from 'kysely';

const statements: string[] = [
  `ALTER TABLE person ADD COLUMN archived_at TEXT`,
  `CREATE INDEX person_archived ON person(kind, sort_key) WHERE archived_at IS NOT NULL`,
  `UPDATE contact_point SET is_preferred = 0
    WHERE is_preferred = 1 AND EXISTS (
      SELECT 1 FROM contact_point newer
      WHERE newer.person_id = contact_point.person_id AND newer.is_preferred = 1
        AND (newer.created_at > contact_point.created_at
          OR (newer.created_at = contact_point.created_at AND newer.id > contact_point.id))
    )`,
  `CREATE UNIQUE INDEX contact_point_one_preferred ON contact_point(person_id) WHERE is_preferred = 1`,
  `CREATE INDEX contact_point_email ON contact_point(lower(value)) WHERE channel = 'email'`,
  `CREATE INDEX after_sales_person_time ON after_sales_case(person_id, opened_at)`,
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen: Kysely<any>
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
