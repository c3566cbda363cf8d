/*
 * A minimal reader built on the OFFICIAL SQLCipher amalgamation (Zetetic, community edition,
 * shipped in the npm package @journeyapps/sqlcipher), used by the tests to prove that a Carnet
 * store is a standard SQLCipher 4 database: it opens with the passphrase and with nothing else.
 *
 *   sqlcipher-check <file> <passphrase> <sql>
 *
 * Prints each result row's first column on its own line; exit 0 on success, 3 when the file
 * cannot be read with that passphrase, 2 on usage errors.
 */
#include <stdio.h>
#include <string.h>
#include "sqlite3.h"

static int print_row(void *unused, int n, char **values, char **names) {
  (void)unused; (void)names;
  printf("%s\n", n > 0 && values[0] ? values[0] : "NULL");
  return 0;
}

int main(int argc, char **argv) {
  if (argc != 4) { fprintf(stderr, "usage: sqlcipher-check <file> <passphrase> <sql>\n"); return 2; }
  sqlite3 *db = NULL;
  if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
    fprintf(stderr, "open failed\n"); return 3;
  }
  /* SQLCipher 4 defaults: nothing but the key is set. */
  if (sqlite3_key(db, argv[2], (int)strlen(argv[2])) != SQLITE_OK) { fprintf(stderr, "key failed\n"); return 3; }
  char *err = NULL;
  if (sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", NULL, NULL, &err) != SQLITE_OK) {
    fprintf(stderr, "not readable with this passphrase\n"); sqlite3_free(err); sqlite3_close(db); return 3;
  }
  if (sqlite3_exec(db, argv[3], print_row, NULL, &err) != SQLITE_OK) {
    fprintf(stderr, "query failed: %s\n", err ? err : "?"); sqlite3_free(err); sqlite3_close(db); return 4;
  }
  sqlite3_close(db);
  return 0;
}
