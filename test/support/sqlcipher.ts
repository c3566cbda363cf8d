/**
 * The official SQLCipher (Zetetic's community amalgamation, from the npm package
 * @journeyapps/sqlcipher) compiled once into a tiny reader, so tests can prove that a store is
 * standard SQLCipher 4: it opens with the passphrase and with nothing else.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const AMALGAMATION = path.join(ROOT, 'node_modules/@journeyapps/sqlcipher/deps/sqlcipher-amalgamation');
const SOURCE = path.join(ROOT, 'test/tools/sqlcipher-check.c');
const BINARY = path.join(ROOT, 'node_modules/.cache/carnet/sqlcipher-check');

export function officialSqlcipherVersion(): string {
  const text = fs.readFileSync(path.join(AMALGAMATION, 'sqlite3.c'), 'utf8');
  return /#define CIPHER_VERSION_NUMBER ([\d.]+)/.exec(text)?.[1] ?? 'unknown';
}

/** Builds the reader if needed (about 10 s, once) and returns its path. */
export function sqlcipherCheckBinary(): string {
  if (fs.existsSync(BINARY) && fs.statSync(BINARY).mtimeMs >= fs.statSync(SOURCE).mtimeMs) return BINARY;
  fs.mkdirSync(path.dirname(BINARY), { recursive: true });
  execFileSync(
    'gcc',
    [
      '-O1',
      '-w',
      '-D_GNU_SOURCE',
      '-include',
      'stdint.h',
      '-DSQLITE_HAS_CODEC',
      '-DSQLCIPHER_CRYPTO_OPENSSL',
      '-DSQLITE_TEMP_STORE=2',
      '-DSQLITE_ENABLE_FTS5',
      '-DSQLITE_THREADSAFE=1',
      '-DSQLITE_OMIT_LOAD_EXTENSION',
      '-DSQLITE_EXTRA_INIT=sqlcipher_extra_init',
      '-DSQLITE_EXTRA_SHUTDOWN=sqlcipher_extra_shutdown',
      `-I${AMALGAMATION}`,
      path.join(AMALGAMATION, 'sqlite3.c'),
      SOURCE,
      '-lcrypto',
      '-lpthread',
      '-lm',
      '-o',
      BINARY,
    ],
    { stdio: 'pipe' },
  );
  return BINARY;
}

/** Runs a query through the official SQLCipher; `status` 0 = read, 3 = not readable with that passphrase. */
export function officialSqlcipher(file: string, passphrase: string, sql: string): { status: number; rows: string[] } {
  const result = spawnSync(sqlcipherCheckBinary(), [file, passphrase, sql], { encoding: 'utf8' });
  return { status: result.status ?? -1, rows: result.stdout.split('\n').filter((l) => l.length > 0) };
}
