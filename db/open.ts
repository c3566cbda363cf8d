/**
 * Opening, creating and rekeying an advisor's SQLCipher 4 store.
 *
 * Order matters (ARCHITECTURE.md): `cipher='sqlcipher'`, `legacy=4`, then `key` — the library's
 * default cipher is ChaCha20, not SQLCipher. The key is verified at once, so a wrong passphrase
 * fails here and not at the first query; until it is verified nothing is written to the file.
 */
import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { StoreError } from './errors.js';

export type RawDatabase = BetterSqlite3.Database;

export interface OpenOptions {
  /** Path to a `better_sqlite3.node` built for the running ABI (Electron passes its own). */
  nativeBinding?: string;
}

const PLAINTEXT_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const PAGE_SIZE = 4096; // SQLCipher 4 default

/** SQL string literal for a pragma value: single quotes doubled; NUL refused upstream. */
function quote(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

function applyCipher(db: RawDatabase, passphrase: string): void {
  if (passphrase.includes('\0')) {
    throw new StoreError('WRONG_PASSPHRASE', 'The passphrase contains a character that cannot be used.');
  }
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.pragma(`key=${quote(passphrase)}`);
}

/** The pragmas every Carnet store runs with (exported for the benchmark's unencrypted baseline). */
export function applyPragmas(db: RawDatabase): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
  // The bundled SQLite3MultipleCiphers (< 2.6) would write temp files unencrypted.
  db.pragma('temp_store = MEMORY');
  // 64 MiB of decrypted pages: a page is decrypted once per cache miss, not once per read.
  db.pragma('cache_size = -65536');
}

/** Reads the first 16 bytes and the size of an existing store without opening it. */
function inspectFile(file: string): { size: number; header: Buffer } {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    throw new StoreError('STORE_MISSING', 'The store file does not exist.');
  }
  try {
    const { size } = fs.fstatSync(fd);
    const header = Buffer.alloc(16);
    fs.readSync(fd, header, 0, 16, 0);
    return { size, header };
  } finally {
    fs.closeSync(fd);
  }
}

function walHasFrames(file: string): boolean {
  try {
    return fs.statSync(`${file}-wal`).size > 0;
  } catch {
    return false;
  }
}

function isSqliteError(error: unknown, ...codes: string[]): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && codes.some((c) => code === c || code.startsWith(`${c}_`));
}

/**
 * Opens an existing store and verifies the key. Throws `StoreError` with
 * `WRONG_PASSPHRASE`, `NOT_A_STORE`, `STORE_NOT_ENCRYPTED`, `STORE_TRUNCATED` or `STORE_MISSING`;
 * in every failing case the file is left byte-identical.
 */
export function openStoreFile(file: string, passphrase: string, options: OpenOptions = {}): RawDatabase {
  const { size, header } = inspectFile(file);
  if (size === 0 || size % 512 !== 0) {
    throw new StoreError('NOT_A_STORE', 'The file is not a Carnet store, or it is damaged.');
  }
  if (header.equals(PLAINTEXT_HEADER)) {
    throw new StoreError('STORE_NOT_ENCRYPTED', 'The file is an unencrypted database; Carnet refuses to open it.');
  }
  const db = new BetterSqlite3(file, { fileMustExist: true, nativeBinding: options.nativeBinding });
  try {
    applyCipher(db, passphrase);
    try {
      // Decrypting page 1 proves the key; a truncated file still decrypts its first pages and
      // its header still names the full size, so compare before reading any further page.
      const pages = db.pragma('page_count', { simple: true }) as number;
      const pageSize = db.pragma('page_size', { simple: true }) as number;
      if (!walHasFrames(file) && pages * pageSize > size) {
        throw new StoreError('STORE_TRUNCATED', 'The store file is truncated.');
      }
      db.prepare('SELECT count(*) AS n FROM sqlite_master').get();
    } catch (error) {
      if (isSqliteError(error, 'SQLITE_NOTADB')) {
        throw new StoreError('WRONG_PASSPHRASE', 'The passphrase does not open this profile.');
      }
      if (isSqliteError(error, 'SQLITE_CORRUPT')) {
        throw new StoreError('STORE_CORRUPT', 'The store is damaged.');
      }
      throw error;
    }
    applyPragmas(db);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof StoreError) throw error;
    if (isSqliteError(error, 'SQLITE_CORRUPT', 'SQLITE_NOTADB')) {
      throw new StoreError('STORE_CORRUPT', 'The store is damaged.');
    }
    throw error;
  }
}

/** Creates a new, empty, encrypted store. The file is created 0600 before SQLite touches it. */
export function createStoreFile(file: string, passphrase: string, options: OpenOptions = {}): RawDatabase {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx', 0o600);
  } catch {
    throw new StoreError('STORE_EXISTS', 'A store already exists at that place.');
  }
  fs.closeSync(fd);
  try {
    const db = new BetterSqlite3(file, { fileMustExist: true, nativeBinding: options.nativeBinding });
    try {
      applyCipher(db, passphrase);
      db.pragma(`page_size = ${PAGE_SIZE}`);
      // Writing the schema cookie materialises page 1, encrypted.
      db.prepare('SELECT count(*) FROM sqlite_master').get();
      applyPragmas(db);
      return db;
    } catch (error) {
      db.close();
      throw error;
    }
  } catch (error) {
    removeStoreFiles(file);
    throw error;
  }
}

/**
 * Changes the passphrase. SQLite3MultipleCiphers cannot rekey a database in WAL mode, so the
 * store is checkpointed and switched to a rollback journal for the rekey (itself one
 * transaction), then back to WAL. The caller verifies by reopening.
 */
export function rekeyStore(db: RawDatabase, nextPassphrase: string): void {
  if (nextPassphrase.includes('\0')) {
    throw new StoreError('REKEY_FAILED', 'The new passphrase contains a character that cannot be used.');
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('journal_mode = DELETE');
  try {
    db.pragma(`rekey=${quote(nextPassphrase)}`);
  } finally {
    db.pragma('journal_mode = WAL');
  }
}

/** Checkpoints the WAL into the main file and closes. */
export function closeStore(db: RawDatabase): void {
  if (!db.open) return;
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

export function removeStoreFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    fs.rmSync(`${file}${suffix}`, { force: true });
  }
}

/** The first 16 bytes of a store: for a SQLCipher file, the random salt, never `SQLite format 3`. */
export function readHeader(file: string): Buffer {
  return inspectFile(file).header;
}
