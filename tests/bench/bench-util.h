/* bench-util.h: what the write benchmarks share.
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "rw-core-sql.h"

G_BEGIN_DECLS

double   bench_median         (double       *values,
                               guint         n);
double   bench_now            (void);
void     bench_copy_file      (const char   *from,
                               const char   *to);
GPtrArray *bench_read_csv     (const char   *path);
/* Makes the private folder @parent/@name; @journal: the journal it holds. */
char    *bench_journal_dir    (const char   *parent,
                               const char   *name,
                               char        **journal);
/* Removes the journal in @dir with its -wal and -shm; the folder stays. */
void     bench_remove_journal (const char   *dir);

/* The bare way: SQLite by hand, with the pragmas the journal uses. */
typedef struct
{
  sqlite3      *db;
  sqlite3_stmt *insert_row;
  sqlite3_stmt *insert_tag;
  sqlite3_stmt *select_tag;
  sqlite3_stmt *insert_link;
  sqlite3_stmt *insert_fts;
  GHashTable   *tag_ids;    /* name -> id, when tag ids are cached */
} BenchBare;

void     bench_bare_open      (BenchBare    *bare,
                               const char   *path,
                               gboolean      cache_tags);
void     bench_bare_close     (BenchBare    *bare);
void     bench_bare_exec      (BenchBare    *bare,
                               const char   *sql);
/* Writes one check-in: its row, its tags and its search index entry. */
void     bench_bare_insert    (BenchBare    *bare,
                               RwCheckIn    *check_in,
                               gboolean      with_tags_and_index);

G_END_DECLS
