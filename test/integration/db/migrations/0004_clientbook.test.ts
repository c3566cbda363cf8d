/**
 * 0004_clientbook: from schema v2 with data in it (the version before) to the client book's
 * additions — `person.archived_at`, one preferred contact point per person (a store holding
 * several keeps the newest), the e-mail and after-sales lookups — leaving every other value as it was.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStoreFile, type RawDatabase } from '../../../../db/open.js';
import { migrations } from '../../../../db/migrations/index.js';
import { createKysely, migrate } from '../../../../db/store.js';
import { tempDir } from '../../../support/tmp.js';

const NOW = '2026-01-02T10:00:00.000Z';
const LATER = '2026-02-02T10:00:00.000Z';
const CLIENT = '01J0000000000000000000000A';
const OTHER = '01J0000000000000000000000B';
/** The version before this one (another migration may have been added before it in the list). */
const BEFORE = Object.keys(migrations)
  .sort()
  .filter((name) => name < '0004_clientbook');

describe('migration 0004_clientbook', () => {
  let raw: RawDatabase;
  let cleanup: () => void;

  beforeEach(async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    raw = createStoreFile(path.join(t.dir, 's.carnet'), 'migration test passphrase');
    expect(await migrate(createKysely(raw), BEFORE.at(-1))).toEqual(BEFORE);
    const person = raw.prepare(
      `INSERT INTO person (id, kind, status, first_name, last_name, sort_key, provenance, created_at, updated_at)
       VALUES (?, 'client', 'active', ?, ?, ?, 'declared', ?, ?)`,
    );
    person.run(CLIENT, 'Mathilde', 'Aubert', 'aubert mathilde', NOW, NOW);
    person.run(OTHER, 'Éléonore', 'Dubois', 'dubois eleonore', NOW, NOW);
    const contact = raw.prepare(
      `INSERT INTO contact_point (id, person_id, channel, value, is_preferred, provenance, created_at) VALUES (?, ?, ?, ?, ?, 'declared', ?)`,
    );
    // Schema v2 let a person have several preferred points: the newest stays preferred.
    contact.run('01J0000000000000000000001A', CLIENT, 'email', 'Mathilde.Aubert@example.com', 1, NOW);
    contact.run('01J0000000000000000000001B', CLIENT, 'phone', '+33 6 39 98 12 34', 1, LATER);
    contact.run('01J0000000000000000000001C', CLIENT, 'post', '12 rue de Rivoli, 75001 Paris', 0, LATER);
    contact.run('01J0000000000000000000001D', OTHER, 'email', 'eleonore@example.fr', 1, NOW);
  });
  afterEach(() => {
    raw.close();
    cleanup();
  });

  it('adds archived_at (null), keeps the newest preferred point, leaves the rest untouched', async () => {
    const people = JSON.stringify(raw.prepare('SELECT * FROM person ORDER BY id').all());
    const values = JSON.stringify(raw.prepare('SELECT id, person_id, channel, value, provenance, created_at FROM contact_point ORDER BY id').all());
    expect(await migrate(createKysely(raw), '0004_clientbook')).toEqual(['0004_clientbook']);
    expect(await migrate(createKysely(raw), '0004_clientbook')).toEqual([]);

    const after = raw.prepare('SELECT * FROM person ORDER BY id').all() as Record<string, unknown>[];
    expect(after.map((p) => p.archived_at)).toEqual([null, null]);
    expect(JSON.stringify(after.map(({ archived_at: _, ...rest }) => rest))).toBe(people);
    expect(JSON.stringify(raw.prepare('SELECT id, person_id, channel, value, provenance, created_at FROM contact_point ORDER BY id').all())).toBe(values);
    expect(raw.prepare('SELECT id, is_preferred FROM contact_point ORDER BY id').all()).toEqual([
      { id: '01J0000000000000000000001A', is_preferred: 0 },
      { id: '01J0000000000000000000001B', is_preferred: 1 },
      { id: '01J0000000000000000000001C', is_preferred: 0 },
      { id: '01J0000000000000000000001D', is_preferred: 1 },
    ]);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('refuses a second preferred point for a person, and serves the new lookups from indexes', async () => {
    await migrate(createKysely(raw), '0004_clientbook');
    const add = raw.prepare(
      `INSERT INTO contact_point (id, person_id, channel, value, is_preferred, provenance, created_at) VALUES (?, ?, 'sms', '+33 6 39 98 00 00', ?, 'declared', ?)`,
    );
    expect(() => add.run('01J0000000000000000000002A', CLIENT, 1, LATER)).toThrow(/UNIQUE/);
    add.run('01J0000000000000000000002B', CLIENT, 0, LATER);
    raw.prepare('UPDATE contact_point SET is_preferred = 0 WHERE person_id = ?').run(CLIENT);
    raw.prepare('UPDATE contact_point SET is_preferred = 1 WHERE id = ?').run('01J0000000000000000000002B');

    const plan = (q: string): string =>
      (raw.prepare(`EXPLAIN QUERY PLAN ${q}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan("SELECT person_id FROM contact_point WHERE channel = 'email' AND lower(value) = 'x@example.com'")).toMatch(/contact_point_email/);
    expect(plan("SELECT id FROM after_sales_case WHERE person_id = 'x' ORDER BY opened_at DESC")).toMatch(/after_sales_person_time/);
    expect(plan("SELECT id FROM person WHERE kind = 'client' AND archived_at IS NOT NULL ORDER BY sort_key")).toMatch(/person_archived/);

    raw.prepare('UPDATE person SET archived_at = ? WHERE id = ?').run(LATER, CLIENT);
    raw.prepare('DELETE FROM person WHERE id = ?').run(CLIENT);
    expect(raw.prepare('SELECT count(*) AS n FROM contact_point WHERE person_id = ?').get(CLIENT)).toEqual({ n: 0 });
    expect(raw.pragma('foreign_key_check')).toEqual([]);
  });
});
