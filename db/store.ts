/**
 * The store: an open, keyed SQLCipher database with its kysely instance, migrated to the schema
 * this build expects.
 */
import { Kysely, SqliteAdapter, SqliteDialect, type Transaction } from 'kysely';
import { Migrator } from 'kysely/migration';
import { StoreError } from './errors.js';
import { migrationProvider } from './migrations/index.js';
import type { Database } from './schema.js';
import { closeStore, type RawDatabase } from './open.js';

/** SQLite does support transactional DDL; kysely's adapter says no to be safe across drivers. */
class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class CarnetSqliteDialect extends SqliteDialect {
  override createAdapter(): SqliteAdapter {
    return new TransactionalSqliteAdapter();
  }
}

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;

export interface Store {
  readonly raw: RawDatabase;
  readonly db: Db;
  close(): Promise<void>;
}

export function createKysely<T = Database>(raw: RawDatabase): Kysely<T> {
  return new Kysely<T>({ dialect: new CarnetSqliteDialect({ database: raw }) });
}

/**
 * Runs every pending migration, each in its own transaction, in order. A failing migration
 * rolls back and leaves the store at the version before it.
 */
export async function migrate(db: Kysely<unknown>, target?: string): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = target ? await migrator.migrateTo(target) : await migrator.migrateToLatest();
  if (error) {
    throw new StoreError('MIGRATION_FAILED', 'The store could not be brought up to date.');
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Wraps an opened raw database, migrates it, and returns the store. */
export async function attachStore(raw: RawDatabase): Promise<Store> {
  const db = createKysely(raw);
  try {
    await migrate(db as Kysely<unknown>);
  } catch (error) {
    await db.destroy();
    closeStore(raw);
    throw error;
  }
  let closed = false;
  return {
    raw,
    db,
    async close() {
      if (closed) return;
      closed = true;
      // SqliteDriver.destroy closes the raw database; checkpoint first so the file is whole.
      if (raw.open) raw.pragma('wal_checkpoint(TRUNCATE)');
      await db.destroy();
    },
  };
}
