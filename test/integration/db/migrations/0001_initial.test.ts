/**
 * 0001_initial: from an empty store (the version before) to schema v1, then the behaviour the
 * schema promises — constraints, cascades, append-only ledgers, FTS kept by triggers.
 */
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStoreFile, type RawDatabase } from '../../../../db/open.js';
import { createKysely, migrate } from '../../../../db/store.js';
import { tempDir } from '../../../support/tmp.js';

const NOW = '2026-01-02T10:00:00.000Z';

describe('migration 0001_initial', () => {
  let raw: RawDatabase;
  let cleanup: () => void;

  beforeEach(async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    raw = createStoreFile(path.join(t.dir, 's.carnet'), 'migration test passphrase');
    // The version before 0001 is an empty store.
    expect(raw.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get()).toEqual({ n: 0 });
    const applied = await migrate(createKysely(raw), '0001_initial');
    expect(applied).toEqual(['0001_initial']);
  });
  afterEach(() => {
    raw.close();
    cleanup();
  });

  function person(id: string, first: string, last: string, kind = 'client'): void {
    raw
      .prepare(
        `INSERT INTO person (id, kind, first_name, last_name, sort_key, provenance, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 'declared', ?, ?)`,
      )
      .run(id, kind, first, last, `${last} ${first}`.toLowerCase(), NOW, NOW);
  }

  it('is recorded once and not re-applied', async () => {
    expect(await migrate(createKysely(raw), '0001_initial')).toEqual([]);
    const tables = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
    for (const t of ['person', 'contact_point', 'preference', 'purchase', 'interaction', 'appointment', 'after_sales_case', 'moment', 'relation', 'gift', 'consent', 'audit_log']) {
      expect(tables.map((r) => r.name)).toContain(t);
    }
  });

  it('indexes names accent- and case-insensitively, and follows renames and deletes', () => {
    person('01J0000000000000000000000A', 'Éléonore', 'Dubois');
    const find = (q: string): number =>
      (raw.prepare('SELECT count(*) AS n FROM person_fts WHERE person_fts MATCH ?').get(q) as { n: number }).n;
    expect(find('"eleonore"*')).toBe(1);
    expect(find('"ÉLÉO"*')).toBe(1);
    expect(find('"dubois"')).toBe(1);
    raw.prepare("UPDATE person SET last_name = 'Marchal' WHERE id = '01J0000000000000000000000A'").run();
    expect(find('"dubois"')).toBe(0);
    expect(find('"marchal"')).toBe(1);
    raw.prepare("DELETE FROM person WHERE id = '01J0000000000000000000000A'").run();
    expect(find('"marchal"')).toBe(0);
    // FTS5's own check throws when the index and the table disagree.
    expect(() => raw.prepare("INSERT INTO person_fts(person_fts) VALUES ('integrity-check')").run()).not.toThrow();
  });

  it('keeps notes searchable and the last contact up to date', () => {
    person('01J0000000000000000000000B', 'Hélène', 'Roux');
    const add = raw.prepare(
      `INSERT INTO interaction (id, person_id, occurred_at, kind, direction, note, created_at) VALUES (?, '01J0000000000000000000000B', ?, 'visit', 'inbound', ?, ?)`,
    );
    add.run('01J0000000000000000000001B', '2025-03-01T10:00:00.000Z', 'Essayé le carré en soie', NOW);
    add.run('01J0000000000000000000002B', '2024-03-01T10:00:00.000Z', null, NOW);
    expect(raw.prepare("SELECT last_contact_at FROM person WHERE id = '01J0000000000000000000000B'").get()).toEqual({
      last_contact_at: '2025-03-01T10:00:00.000Z',
    });
    expect((raw.prepare(`SELECT count(*) AS n FROM interaction_fts WHERE interaction_fts MATCH '"essaye"'`).get() as { n: number }).n).toBe(1);
    raw.prepare("UPDATE interaction SET note = 'Appel de courtoisie' WHERE id = '01J0000000000000000000001B'").run();
    expect((raw.prepare(`SELECT count(*) AS n FROM interaction_fts WHERE interaction_fts MATCH '"soie"'`).get() as { n: number }).n).toBe(0);
    raw.prepare("INSERT INTO interaction_fts(interaction_fts) VALUES ('integrity-check')").run();
  });

  it('cascades a person’s erasure to everything about them', () => {
    person('01J0000000000000000000000C', 'Zoë', 'Laurent');
    person('01J0000000000000000000000D', 'Jules', 'Laurent', 'related');
    raw.prepare(`INSERT INTO relation (id, from_person_id, to_person_id, kind, label, created_at) VALUES ('01J0000000000000000000001C', '01J0000000000000000000000C', '01J0000000000000000000000D', 'family', 'son', ?)`).run(NOW);
    raw.prepare(`INSERT INTO preference (id, person_id, domain, label, value, provenance, created_at) VALUES ('01J0000000000000000000002C', '01J0000000000000000000000C', 'colour', 'Colour', 'bordeaux', 'declared', ?)`).run(NOW);
    raw.prepare(`INSERT INTO consent (id, person_id, purpose, action, source, notice_version, effective_at, recorded_at) VALUES ('01J0000000000000000000003C', '01J0000000000000000000000C', 'personalisation', 'grant', 'in_person', 'v1', ?, ?)`).run(NOW, NOW);
    raw.prepare("DELETE FROM person WHERE id = '01J0000000000000000000000C'").run();
    for (const table of ['relation', 'preference', 'consent']) {
      expect(raw.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
    }
    expect(raw.pragma('foreign_key_check')).toEqual([]);
  });

  it('refuses what the schema forbids', () => {
    person('01J0000000000000000000000E', 'Ana', 'Sá');
    const bad = [
      `INSERT INTO person (id, kind, first_name, last_name, sort_key, provenance, created_at, updated_at) VALUES ('x', 'stranger', 'a', 'b', 'b a', 'declared', '${NOW}', '${NOW}')`,
      `INSERT INTO purchase (id, person_id, purchased_at, category, item, amount_minor, currency, channel, created_at) VALUES ('p', '01J0000000000000000000000E', '${NOW}', 'watches', 'w', -1, 'EUR', 'boutique', '${NOW}')`,
      `INSERT INTO interaction (id, person_id, occurred_at, kind, direction, created_at) VALUES ('i', 'nobody', '${NOW}', 'visit', 'inbound', '${NOW}')`,
      `INSERT INTO relation (id, from_person_id, to_person_id, kind, created_at) VALUES ('r', '01J0000000000000000000000E', '01J0000000000000000000000E', 'family', '${NOW}')`,
    ];
    for (const statement of bad) expect(() => raw.prepare(statement).run()).toThrow();
  });

  it('keeps the consent ledger and the audit log append-only', async () => {
    person('01J0000000000000000000000F', 'Inès', 'Garnier');
    raw.prepare(`INSERT INTO consent (id, person_id, purpose, action, source, notice_version, effective_at, recorded_at) VALUES ('c1', '01J0000000000000000000000F', 'outreach', 'grant', 'digital', 'v1', ?, ?)`).run(NOW, NOW);
    expect(() => raw.prepare("UPDATE consent SET action = 'withdraw'").run()).toThrow(/append-only/);
    raw.prepare(`INSERT INTO audit_log (at, actor, action, target_ids, outcome, prev_hash, hash) VALUES (?, 'a', 'x', '[]', 'ok', 'p', 'h')`).run(NOW);
    expect(() => raw.prepare("UPDATE audit_log SET action = 'y'").run()).toThrow(/append-only/);
    expect(() => raw.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    const db = createKysely(raw);
    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM audit_log`.execute(db);
    expect(rows[0]?.n).toBe(1);
  });
});
