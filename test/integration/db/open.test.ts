import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../../db/errors.js';
import { closeStore, createStoreFile, openStoreFile, readHeader, rekeyStore } from '../../../db/open.js';
import { attachStore } from '../../../db/store.js';
import { officialSqlcipher, officialSqlcipherVersion } from '../../support/sqlcipher.js';
import { snapshotFolder, tempDir } from '../../support/tmp.js';

const PASS = 'a quiet salon at dusk';

function storeError(fn: () => unknown): StoreError {
  try {
    fn();
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error('expected a StoreError');
}

describe('db/open — the SQLCipher 4 store', () => {
  let dir: string;
  let cleanup: () => void;
  let file: string;

  beforeEach(() => {
    ({ dir, cleanup } = tempDir());
    file = path.join(dir, 'p.carnet');
  });
  afterEach(() => cleanup());

  async function makeStore(): Promise<void> {
    const store = await attachStore(createStoreFile(file, PASS));
    store.raw.prepare("INSERT INTO setting (key, value) VALUES ('marker', 'Bérénice Valmont-Delacroix')").run();
    await store.close();
  }

  it('creates an encrypted file: no plaintext header, 0600, and the pragmas Carnet relies on', async () => {
    const raw = createStoreFile(file, PASS);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(raw.pragma('secure_delete', { simple: true })).toBe(1);
    expect(raw.pragma('temp_store', { simple: true })).toBe(2);
    expect(raw.pragma('synchronous', { simple: true })).toBe(2);
    expect((raw.prepare('SELECT sqlite3mc_version() AS v').get() as { v: string }).v).toMatch(/^SQLite3 Multiple Ciphers \d/);
    expect(raw.pragma('cipher', { simple: true })).toBe('sqlcipher');
    const store = await attachStore(raw);
    await store.close();
    expect(readHeader(file).toString('latin1')).not.toContain('SQLite format 3');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('keeps no plaintext in the file', async () => {
    await makeStore();
    const bytes = fs.readFileSync(file);
    expect(bytes.includes(Buffer.from('Valmont'))).toBe(false);
    expect(bytes.includes(Buffer.from('CREATE TABLE'))).toBe(false);
  });

  it(`is standard SQLCipher 4: the official SQLCipher (${officialSqlcipherVersion()}) opens it with the passphrase and not without`, async () => {
    await makeStore();
    const read = officialSqlcipher(file, PASS, "SELECT value FROM setting WHERE key = 'marker'");
    expect(read.status).toBe(0);
    expect(read.rows).toEqual(['Bérénice Valmont-Delacroix']);
    expect(officialSqlcipher(file, 'not the passphrase', 'SELECT 1').status).toBe(3);
    expect(officialSqlcipher(file, '', 'SELECT 1').status).toBe(3);
  });

  it('a wrong passphrase fails at open with a typed error and leaves the folder byte-identical', async () => {
    await makeStore();
    const before = snapshotFolder(dir);
    for (const wrong of ['wrong passphrase', '', "x'; PRAGMA key='", 'é'.repeat(5000)]) {
      expect(storeError(() => openStoreFile(file, wrong)).code).toBe('WRONG_PASSPHRASE');
    }
    expect(snapshotFolder(dir)).toEqual(before);
  });

  it('refuses an unencrypted SQLite file', () => {
    const plain = new BetterSqlite3(file);
    plain.exec('CREATE TABLE t (x)');
    plain.close();
    const before = snapshotFolder(dir);
    expect(storeError(() => openStoreFile(file, PASS)).code).toBe('STORE_NOT_ENCRYPTED');
    expect(snapshotFolder(dir)).toEqual(before);
  });

  it('refuses a file that is not a database', () => {
    fs.writeFileSync(file, 'Dear Madam, thank you for your visit.\n'.repeat(10));
    expect(storeError(() => openStoreFile(file, PASS)).code).toBe('NOT_A_STORE');
    fs.writeFileSync(file, Buffer.alloc(8192, 7));
    expect(['WRONG_PASSPHRASE', 'NOT_A_STORE']).toContain(storeError(() => openStoreFile(file, PASS)).code);
    fs.writeFileSync(file, '');
    expect(storeError(() => openStoreFile(file, PASS)).code).toBe('NOT_A_STORE');
  });

  it('detects a truncated store at open', async () => {
    const store = await attachStore(createStoreFile(file, PASS));
    const insert = store.raw.prepare('INSERT INTO setting (key, value) VALUES (?, ?)');
    store.raw.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(`k${i}`, 'x'.repeat(200));
    })();
    await store.close();
    const size = fs.statSync(file).size;
    expect(size).toBeGreaterThan(4096 * 8);
    fs.truncateSync(file, 4096 * 4);
    const before = snapshotFolder(dir);
    // Truncated: either seen from the header's page count, or as damage while reading the schema.
    expect(['STORE_TRUNCATED', 'STORE_CORRUPT']).toContain(storeError(() => openStoreFile(file, PASS)).code);
    expect(snapshotFolder(dir)).toEqual(before);
    fs.truncateSync(file, 4096 * 4 + 100);
    expect(storeError(() => openStoreFile(file, PASS)).code).toBe('NOT_A_STORE');
  });

  it('reports a missing file and refuses to create over an existing one', async () => {
    expect(storeError(() => openStoreFile(path.join(dir, 'none.carnet'), PASS)).code).toBe('STORE_MISSING');
    await makeStore();
    expect(storeError(() => createStoreFile(file, PASS)).code).toBe('STORE_EXISTS');
  });

  it('rekeys: the new passphrase opens it, the old one no longer does, data intact', async () => {
    await makeStore();
    const raw = openStoreFile(file, PASS);
    rekeyStore(raw, 'a new passphrase for winter');
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    closeStore(raw);
    expect(storeError(() => openStoreFile(file, PASS)).code).toBe('WRONG_PASSPHRASE');
    const reopened = openStoreFile(file, 'a new passphrase for winter');
    expect(reopened.prepare("SELECT value FROM setting WHERE key = 'marker'").get()).toEqual({ value: 'Bérénice Valmont-Delacroix' });
    closeStore(reopened);
    expect(officialSqlcipher(file, 'a new passphrase for winter', 'SELECT count(*) FROM setting').rows).toEqual(['1']);
  });

  it('keeps every committed write when the process dies without closing', async () => {
    await makeStore();
    const script = `
      const D = require('better-sqlite3-multiple-ciphers');
      const db = new D(${JSON.stringify(file)});
      db.pragma("cipher='sqlcipher'"); db.pragma('legacy=4'); db.pragma(${JSON.stringify(`key='${PASS}'`)});
      db.pragma('journal_mode = WAL'); db.pragma('synchronous = FULL');
      const ins = db.prepare('INSERT INTO setting (key, value) VALUES (?, ?)');
      for (let i = 0; i < 50; i++) ins.run('crash' + i, 'v');
      process.kill(process.pid, 'SIGKILL');
    `;
    const { spawnSync } = await import('node:child_process');
    const result = spawnSync(process.execPath, ['-e', script], { cwd: process.cwd() });
    expect(result.signal).toBe('SIGKILL');
    const raw = openStoreFile(file, PASS);
    expect(raw.prepare("SELECT count(*) AS n FROM setting WHERE key LIKE 'crash%'").get()).toEqual({ n: 50 });
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    closeStore(raw);
  });
});
