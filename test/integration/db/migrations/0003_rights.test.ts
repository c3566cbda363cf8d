/**
 * 0003_rights: from schema v2 with data in it (the version before) to the tombstone, the register
 * of subject-rights requests and the retention reviews — leaving every v2 row as it was; the
 * tombstone append-only and barring an erased id; the register outliving its client, with fixed
 * ids, rights and dates; the reviews erased with their person.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStoreFile, type RawDatabase } from '../../../../db/open.js';
import { createKysely, migrate } from '../../../../db/store.js';
import { tempDir } from '../../../support/tmp.js';

const NOW = '2026-01-02T10:00:00.000Z';
const CLIENT = '01J0000000000000000000000A';
const ERASED = '01J0000000000000000000000E';

describe('migration 0003_rights', () => {
  let raw: RawDatabase;
  let cleanup: () => void;

  beforeEach(async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    raw = createStoreFile(path.join(t.dir, 's.carnet'), 'migration test passphrase');
    expect(await migrate(createKysely(raw), '0002_privacy')).toEqual(['0001_initial', '0002_privacy']);
    raw
      .prepare(
        `INSERT INTO person (id, kind, status, first_name, last_name, sort_key, provenance, created_at, updated_at)
         VALUES (?, 'client', 'active', 'Mathilde', 'Aubert', 'aubert mathilde', 'declared', ?, ?)`,
      )
      .run(CLIENT, NOW, NOW);
    raw
      .prepare(`INSERT INTO restriction (id, person_id, action, reason, recorded_at) VALUES ('01J0000000000000000000002A', ?, 'restrict', 'legal_claims', ?)`)
      .run(CLIENT, NOW);
  });
  afterEach(() => {
    raw.close();
    cleanup();
  });

  const columns = (table: string): string[] =>
    (raw.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map((c) => c.name);

  it('adds the three tables and leaves v2 data untouched', async () => {
    const before = JSON.stringify([raw.prepare('SELECT * FROM person').all(), raw.prepare('SELECT * FROM restriction').all()]);
    expect(await migrate(createKysely(raw), '0003_rights')).toEqual(['0003_rights']);
    expect(await migrate(createKysely(raw), '0003_rights')).toEqual([]);
    expect(JSON.stringify([raw.prepare('SELECT * FROM person').all(), raw.prepare('SELECT * FROM restriction').all()])).toBe(before);
    expect(columns('tombstone')).toEqual(['id', 'erased_at', 'reason']);
    expect(columns('privacy_request')).toEqual(['id', 'client_id', 'right', 'received_at', 'due_at', 'status', 'completed_at', 'note']);
    expect(columns('retention_review')).toEqual(['id', 'person_id', 'category', 'reviewed_at', 'next_review_at']);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('keeps tombstones append-only, checked, and bars a person from coming back under an erased id', async () => {
    await migrate(createKysely(raw), '0003_rights');
    const bury = raw.prepare('INSERT INTO tombstone (id, erased_at, reason) VALUES (?, ?, ?)');
    bury.run(ERASED, NOW, 'erasure');
    expect(() => bury.run('01J0000000000000000000000F', NOW, 'forgotten')).toThrow();
    expect(() => bury.run(ERASED, NOW, 'erasure')).toThrow(); // one per id
    expect(() => raw.prepare("UPDATE tombstone SET reason = 'retention'").run()).toThrow(/append-only/);
    expect(() => raw.prepare('DELETE FROM tombstone').run()).toThrow(/append-only/);
    const addPerson = raw.prepare(
      `INSERT INTO person (id, kind, status, first_name, last_name, sort_key, provenance, created_at, updated_at)
       VALUES (?, 'client', 'active', 'Back', 'Again', 'again back', 'imported', ?, ?)`,
    );
    expect(() => addPerson.run(ERASED, NOW, NOW)).toThrow(/erased/);
    expect(raw.prepare('SELECT count(*) AS n FROM person WHERE id = ?').get(ERASED)).toEqual({ n: 0 });
  });

  it('keeps the register: checked, never deleted, its client, right and dates fixed, outliving the client', async () => {
    await migrate(createKysely(raw), '0003_rights');
    const open = raw.prepare(
      `INSERT INTO privacy_request (id, client_id, "right", received_at, due_at, status, completed_at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    open.run('01J0000000000000000000003A', CLIENT, 'erasure', NOW, '2026-02-02T10:00:00.000Z', 'open', null, null);
    expect(() => open.run('01J0000000000000000000003B', CLIENT, 'oblivion', NOW, NOW, 'open', null, null)).toThrow();
    expect(() => open.run('01J0000000000000000000003C', CLIENT, 'access', NOW, NOW, 'lost', null, null)).toThrow();
    expect(() => open.run('01J0000000000000000000003D', CLIENT, 'access', NOW, NOW, 'open', NOW, null)).toThrow(); // open, yet completed
    expect(() => open.run('01J0000000000000000000003E', CLIENT, 'access', NOW, NOW, 'fulfilled', null, null)).toThrow(); // closed, no date
    expect(() => open.run('01J0000000000000000000003F', CLIENT, 'access', NOW, NOW, 'open', null, 'x'.repeat(501))).toThrow();

    for (const change of ["client_id = 'someone'", `"right" = 'access'`, `received_at = '${NOW}'`, "due_at = '2030-01-01T00:00:00.000Z'"]) {
      expect(() => raw.prepare(`UPDATE privacy_request SET ${change}`).run(), change).toThrow(/keeps its client/);
    }
    raw.prepare("UPDATE privacy_request SET status = 'fulfilled', completed_at = ?, note = 'done'").run(NOW);
    expect(() => raw.prepare('DELETE FROM privacy_request').run()).toThrow(/never deleted/);

    raw.prepare('DELETE FROM person WHERE id = ?').run(CLIENT);
    expect(raw.prepare('SELECT client_id, "right", status FROM privacy_request').all()).toEqual([{ client_id: CLIENT, right: 'erasure', status: 'fulfilled' }]);
    expect(raw.pragma('foreign_key_check')).toEqual([]);
  });

  it('erases retention reviews with their person', async () => {
    await migrate(createKysely(raw), '0003_rights');
    raw
      .prepare('INSERT INTO retention_review (id, person_id, category, reviewed_at, next_review_at) VALUES (?, ?, ?, ?, ?)')
      .run('01J0000000000000000000004A', CLIENT, 'notes', NOW, '2027-01-02T10:00:00.000Z');
    expect(() =>
      raw
        .prepare('INSERT INTO retention_review (id, person_id, category, reviewed_at, next_review_at) VALUES (?, ?, ?, ?, ?)')
        .run('01J0000000000000000000004B', 'nobody', 'notes', NOW, NOW),
    ).toThrow();
    raw.prepare('DELETE FROM person WHERE id = ?').run(CLIENT);
    expect(raw.prepare('SELECT count(*) AS n FROM retention_review').get()).toEqual({ n: 0 });
  });
});
