/* bench-util.c: what the write benchmarks share, among them the bare
 * SQLite writer they are measured against.
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bench-util.h"

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

double
bench_median (double *values,
              guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

double
bench_now (void)
{
  return g_get_monotonic_time () / (double) G_USEC_PER_SEC;
}

void
bench_copy_file (const char *from,
                 const char *to)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) dest = g_file_new_for_path (to);
  g_autoptr(GError) error = NULL;

  g_file_copy (source, dest, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

char *
bench_journal_dir (const char  *parent,
                   const char  *name,
                   char       **journal)
{
  char *dir = g_build_filename (parent, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  if (journal != NULL)
    *journal = g_build_filename (dir, RW_DATABASE_FILE_NAME, NULL);
  return dir;
}

void
bench_remove_journal (const char *dir)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/" RW_DATABASE_FILE_NAME "%s", dir, suffixes[i]);
      g_unlink (path);
    }
}

GPtrArray *
bench_read_csv (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *check_ins = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  rw_csv_parse_check_ins (contents, length, &check_ins, NULL, &error);
  g_assert_no_error (error);
  return check_ins;
}

static sqlite3_stmt *
prepare (BenchBare  *bare,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v3 (bare->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (bare->db));
  return stmt;
}

void
bench_bare_exec (BenchBare  *bare,
                 const char *sql)
{
  if (sqlite3_exec (bare->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (bare->db));
}

/* Opens @path as the journal is opened (WAL, synchronous FULL, foreign
 * keys and secure delete on) and prepares every statement once. */
void
bench_bare_open (BenchBare  *bare,
                 const char *path,
                 gboolean    cache_tags)
{
  memset (bare, 0, sizeof *bare);
  if (sqlite3_open_v2 (path, &bare->db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    g_error ("%s: %s", path, sqlite3_errmsg (bare->db));
  bench_bare_exec (bare, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; "
                         "PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;");
  bare->insert_row = prepare (bare, "INSERT INTO check_ins (uuid, date, time, mood, anxiety, "
                                    "focus, hope, energy, sleep_quality, sleep_quarters, note, "
                                    "created, modified) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                                    "?9, ?10, ?11, ?12, ?13)");
  bare->insert_tag = prepare (bare, "INSERT INTO tags (name) VALUES (?1) "
                                    "ON CONFLICT (name) DO NOTHING");
  bare->select_tag = prepare (bare, "SELECT id FROM tags WHERE name = ?1");
  bare->insert_link = prepare (bare, "INSERT INTO check_in_tags (check_in, tag, position) "
                                     "VALUES (?1, ?2, ?3)");
  bare->insert_fts = prepare (bare, "INSERT INTO check_in_fts (rowid, note, tags) "
                                    "VALUES (?1, ?2, ?3)");
  if (cache_tags)
    bare->tag_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

void
bench_bare_close (BenchBare *bare)
{
  sqlite3_finalize (bare->insert_row);
  sqlite3_finalize (bare->insert_tag);
  sqlite3_finalize (bare->select_tag);
  sqlite3_finalize (bare->insert_link);
  sqlite3_finalize (bare->insert_fts);
  g_clear_pointer (&bare->tag_ids, g_hash_table_unref);
  sqlite3_close (bare->db);
  bare->db = NULL;
}

static void
step (BenchBare    *bare,
      sqlite3_stmt *stmt)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_error ("%s", sqlite3_errmsg (bare->db));
  sqlite3_reset (stmt);
}

static gint64
tag_id (BenchBare  *bare,
        const char *name)
{
  gint64 id;

  if (bare->tag_ids != NULL)
    {
      gpointer cached = g_hash_table_lookup (bare->tag_ids, name);
      if (cached != NULL)
        return GPOINTER_TO_SIZE (cached);
    }

  sqlite3_bind_text (bare->insert_tag, 1, name, -1, SQLITE_STATIC);
  step (bare, bare->insert_tag);
  sqlite3_bind_text (bare->select_tag, 1, name, -1, SQLITE_STATIC);
  if (sqlite3_step (bare->select_tag) != SQLITE_ROW)
    g_error ("%s", sqlite3_errmsg (bare->db));
  id = sqlite3_column_int64 (bare->select_tag, 0);
  sqlite3_reset (bare->select_tag);

  if (bare->tag_ids != NULL)
    g_hash_table_insert (bare->tag_ids, g_strdup (name), GSIZE_TO_POINTER (id));
  return id;
}

void
bench_bare_insert (BenchBare *bare,
                   RwCheckIn *check_in,
                   gboolean   with_tags_and_index)
{
  const char * const *tags = rw_check_in_get_tags (check_in);
  double sleep = rw_check_in_get_sleep_hours (check_in);
  gint64 now = g_get_real_time ();
  sqlite3_stmt *stmt = bare->insert_row;
  gint64 rowid;

  sqlite3_bind_text (stmt, 1, rw_check_in_get_id (check_in), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, rw_check_in_get_date (check_in), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, rw_check_in_get_time (check_in), -1, SQLITE_STATIC);
  for (guint i = 0; i < RW_N_METRICS; i++)
    {
      int value = rw_check_in_get_metric (check_in, i);

      if (value == RW_METRIC_UNSET)
        sqlite3_bind_null (stmt, 4 + i);
      else
        sqlite3_bind_int (stmt, 4 + i, value);
    }
  if (sleep < 0)
    sqlite3_bind_null (stmt, 10);
  else
    sqlite3_bind_int (stmt, 10, (int) lround (sleep * 4));
  sqlite3_bind_text (stmt, 11, rw_check_in_get_note (check_in), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 12, now);
  sqlite3_bind_int64 (stmt, 13, now);
  step (bare, stmt);
  rowid = sqlite3_last_insert_rowid (bare->db);

  if (!with_tags_and_index)
    return;

  for (guint i = 0; tags[i] != NULL; i++)
    {
      sqlite3_bind_int64 (bare->insert_link, 1, rowid);
      sqlite3_bind_int64 (bare->insert_link, 2, tag_id (bare, tags[i]));
      sqlite3_bind_int (bare->insert_link, 3, i);
      step (bare, bare->insert_link);
    }

  {
    g_autofree char *joined = g_strjoinv (" ; ", (char **) tags);

    sqlite3_bind_int64 (bare->insert_fts, 1, rowid);
    sqlite3_bind_text (bare->insert_fts, 2, rw_check_in_get_note (check_in), -1, SQLITE_STATIC);
    sqlite3_bind_text (bare->insert_fts, 3, joined, -1, SQLITE_STATIC);
    step (bare, bare->insert_fts);
  }
}
