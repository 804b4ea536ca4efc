/* fuzz-search.c: what a person types into search never breaks the query.
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>

#include "rw-search.h"

static sqlite3 *db;

static void
ensure_db (void)
{
  char *message = NULL;

  if (db != NULL)
    return;
  if (sqlite3_open (":memory:", &db) != SQLITE_OK ||
      sqlite3_exec (db,
                    "CREATE VIRTUAL TABLE t USING fts5 (note, tags, tokenize = "
                    "\"unicode61 remove_diacritics 2 categories 'L* N* Co M*'\");"
                    "INSERT INTO t VALUES (' 昨  夜 は walked by the river', 'walk');",
                    NULL, NULL, &message) != SQLITE_OK)
    g_error ("Could not set up the search table: %s", message);
}

int LLVMFuzzerTestOneInput (const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  g_autofree char *query = g_strndup ((const char *) data, size);
  g_autofree char *match = rw_search_build_match (query);
  g_autofree char *indexed = rw_search_index_text (query);
  sqlite3_stmt *stmt = NULL;
  int rc;

  ensure_db ();
  if (!g_utf8_validate (indexed, -1, NULL))
    abort ();
  if (match == NULL)
    return 0;

  if (sqlite3_prepare_v2 (db, "SELECT count(*) FROM t WHERE t MATCH ?1", -1, &stmt, NULL) != SQLITE_OK)
    abort ();
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  /* Any syntax error here is a bug: the query must always be valid FTS5. */
  if (rc != SQLITE_ROW)
    abort ();
  return 0;
}
