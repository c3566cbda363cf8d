/**
 * The policy covers the store: every column of every table of a migrated store is placed in a
 * data category or declared technical (or belongs to the privacy machinery itself), and every
 * field and holder the policy names exists. A new column without a place in the policy fails here.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStoreFile, type RawDatabase } from '../../../db/open.js';
import { createKysely, migrate } from '../../../db/store.js';
import { CATEGORIES, PRIVACY_MACHINERY_TABLES, TECHNICAL_FIELDS, categories } from '../../../electron/services/privacy/policy.js';
import { tempDir } from '../../support/tmp.js';

describe('privacy policy ↔ store schema', () => {
  let raw: RawDatabase;
  let cleanup: () => void;
  let columns: Map<string, string[]>;

  beforeAll(async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    raw = createStoreFile(path.join(t.dir, 's.carnet'), 'policy coverage passphrase');
    await migrate(createKysely(raw));
    const tables = (
      raw
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%' AND name NOT LIKE '%_fts%'",
        )
        .all() as { name: string }[]
    ).map((r) => r.name);
    columns = new Map(tables.map((t) => [t, (raw.prepare('SELECT name FROM pragma_table_info(?)').all(t) as { name: string }[]).map((c) => c.name)]));
  });
  afterAll(() => {
    raw.close();
    cleanup();
  });

  it('places every column of the store', () => {
    const placed = new Set<string>([...TECHNICAL_FIELDS, ...categories.flatMap((c) => CATEGORIES[c].fields)]);
    const unplaced: string[] = [];
    for (const [table, cols] of columns) {
      if ((PRIVACY_MACHINERY_TABLES as readonly string[]).includes(table)) continue;
      for (const col of cols) if (!placed.has(`${table}.${col}`)) unplaced.push(`${table}.${col}`);
    }
    expect(unplaced).toEqual([]);
  });

  it('names only fields and holders that exist, each field in one category', () => {
    const exists = (table: string, col: string) => columns.get(table)?.includes(col) ?? false;
    const seen = new Map<string, string>();
    for (const c of categories) {
      for (const f of CATEGORIES[c].fields) {
        const [table, col] = f.split('.') as [string, string];
        expect(exists(table, col), f).toBe(true);
        expect(seen.get(f), f).toBeUndefined();
        seen.set(f, c);
        expect(TECHNICAL_FIELDS).not.toContain(f);
      }
      for (const h of CATEGORIES[c].holders) {
        for (const col of [...h.by, ...(h.column ? [h.column] : [])]) expect(exists(h.table, col), `${h.table}.${col}`).toBe(true);
      }
      const allowance = CATEGORIES[c].nonClient;
      for (const f of allowance?.fields ?? []) expect(CATEGORIES[c].fields, f).toContain(f);
    }
    for (const table of PRIVACY_MACHINERY_TABLES) expect(columns.has(table), table).toBe(true);
  });

  it('never lets people who are not clients have contact details, notes, purchases, gifts, appointments or after-sales', () => {
    expect(categories.filter((c) => CATEGORIES[c].nonClient !== null)).toEqual(['identity', 'preferences', 'moments', 'relations']);
    expect(CATEGORIES.identity.nonClient?.fields).toEqual(['person.first_name', 'person.last_name']);
  });
});
