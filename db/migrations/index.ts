/**
 * The static list of migrations. Bundled with the main process: no directory is scanned at run
 * time (that breaks once the main process is bundled). Add a migration by adding a file
 * `NNNN_name.ts` and one line here; never edit a migration that has shipped.
 */
import type { Migration, MigrationProvider } from 'kysely/migration';
import * as m0001 from './0001_initial.js';
import * as m0002 from './0002_privacy.js';
import * as m0003 from './0003_rights.js';
import * as m0004 from './0004_clientbook.js';

export const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_privacy': m0002,
  '0003_rights': m0003,
  '0004_clientbook': m0004,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};

/** The name of the newest migration: the schema version this build expects. */
export const latestMigration = Object.keys(migrations).sort().at(-1) as string;
