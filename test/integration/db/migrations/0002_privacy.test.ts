/**
 * 0002_privacy: from schema v1 with data in it (the version before) to v2 — the restriction
 * history, append-only, erased with its person — leaving every v1 row as it was.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStoreFile, type RawDatabase } from '../../../../db/open.js';
import { latestMigration } from '../../../../db/migrations/index.js';
import { createKysely, migrate } from '../../../../db/store.js';
import { tempDir } from '../../../support/tmp.js';

const NOW = '2026-01-02T10:00:00.000Z';
const CLIENT = '01J0000000000000000000000A';

describe('migration 0002_privacy', () => {
  let raw: RawDatabase;
  let cleanup: () => void;

  beforeEach(async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    raw = createStoreFile(path.join(t.dir, 's.carnet'), 'migration test passphrase');
    expect(await migrate(createKysely(raw), '0001_initial')).toEqual(['0001_initial']);
    raw
      .prepare(
        `INSERT INTO person (id, kind, status, first_name, last_name, sort_key, provenance, created_at, updated_at)
         VALUES (?, 'client', 'restricted', 'Mathilde', 'Aubert', 'aubert mathilde', 'declared', ?, ?)`,
      )
      .run(CLIENT, NOW, NOW);
    raw
      .prepare(
        `INSERT INTO consent (id, person_id, purpose, action, source, notice_version, effective_at, recorded_at)
         VALUES ('01J0000000000000000000001A', ?, 'personalisation', 'grant', 'in_person', 'v1', ?, ?)`,
      )
      .run(CLIENT, NOW, NOW);
  });
  afterEach(() => {
    raw.close();
    cleanup();
  });

  it('adds the restriction history and leaves v1 data untouched', async () => {
    const before = JSON.stringify([raw.prepare('SELECT * FROM person').all(), raw.prepare('SELECT * FROM consent').all()]);
    expect(await migrate(createKysely(raw), '0002_privacy')).toEqual(['0002_privacy']);
    expect(latestMigration >= '0002_privacy').toBe(true);
    expect(await migrate(createKysely(raw), '0002_privacy')).toEqual([]);
    expect(JSON.stringify([raw.prepare('SELECT * FROM person').all(), raw.prepare('SELECT * FROM consent').all()])).toBe(before);
    const columns = (raw.prepare("SELECT name FROM pragma_table_info('restriction')").all() as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(['id', 'person_id', 'action', 'reason', 'recorded_at']);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('keeps the history append-only, checked, and erased with its person', async () => {
    await migrate(createKysely(raw), '0002_privacy');
    const add = raw.prepare('INSERT INTO restriction (id, person_id, action, reason, recorded_at) VALUES (?, ?, ?, ?, ?)');
    add.run('01J0000000000000000000002A', CLIENT, 'restrict', 'accuracy_contested', NOW);
    expect(() => add.run('01J0000000000000000000003A', CLIENT, 'freeze', null, NOW)).toThrow();
    expect(() => add.run('01J0000000000000000000004A', 'nobody', 'restrict', null, NOW)).toThrow();
    expect(() => add.run('01J0000000000000000000005A', CLIENT, 'restrict', 'x'.repeat(41), NOW)).toThrow();
    expect(() => raw.prepare("UPDATE restriction SET action = 'lift'").run()).toThrow(/append-only/);
    raw.prepare('DELETE FROM person WHERE id = ?').run(CLIENT);
    expect(raw.prepare('SELECT count(*) AS n FROM restriction').get()).toEqual({ n: 0 });
    expect(raw.pragma('foreign_key_check')).toEqual([]);
  });
});
