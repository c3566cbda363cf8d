/**
 * "npm run demo writes a profile that the official SQLCipher 4 opens with the passphrase and
 * nothing opens without" — checked with Zetetic's own SQLCipher, not with Carnet's driver.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSPHRASE } from '../../electron/services/demo/constants.js';
import { officialSqlcipher } from '../support/sqlcipher.js';
import { tempDir } from '../support/tmp.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('the demo profile as the official SQLCipher sees it', () => {
  let dir: string;
  let cleanup: () => void;
  let file: string;

  beforeAll(() => {
    ({ dir, cleanup } = tempDir());
    const result = spawnSync('npx', ['tsx', 'scripts/demo.ts', '--dir', dir, '--clients', '40', '--seed', '3'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(result.status).toBe(0);
    const name = fs.readdirSync(dir).find((f) => f.endsWith('.carnet'));
    expect(name).toBeDefined();
    file = path.join(dir, name as string);
  });
  afterAll(() => cleanup());

  it('opens with the demo passphrase and reads the clients', () => {
    const read = officialSqlcipher(file, DEMO_PASSPHRASE, "SELECT count(*) FROM person WHERE kind = 'client'");
    expect(read.status).toBe(0);
    expect(read.rows).toEqual(['40']);
    const fts = officialSqlcipher(file, DEMO_PASSPHRASE, "SELECT count(*) FROM person_fts WHERE person_fts MATCH 'a*'");
    expect(fts.status).toBe(0);
  });

  it('does not open with another passphrase, an empty one, or as plain SQLite', () => {
    expect(officialSqlcipher(file, 'velours-et-soie-2025', 'SELECT 1').status).toBe(3);
    expect(officialSqlcipher(file, '', 'SELECT 1').status).toBe(3);
    const plain = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    try {
      expect(() => plain.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/i);
    } finally {
      plain.close();
    }
    expect(fs.readFileSync(file).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
  });
});
