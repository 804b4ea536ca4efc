/* bench-store.c: saving one check-in through the core, as the window and
 * `rewire add` do (a check-in object, validation, the row, its tags and
 * its search index entry, one transaction: rw_journal_add), against a
 * bare SQLite insert of the same check-in with the same pragmas and
 * prepared statements: the row, tags and index by hand, and the row alone.
 * Every save is its own commit (and fsync), into copies of the given
 * journal made for the benchmark. Prints the medians per save and the
 * ratios.
 *
 *   bench-store --journal DIR --csv FILE [--label TEXT] [--saves 100] [--runs 10]
 *
 * The check-ins saved are the first rows of FILE (20–80 word notes), each
 * with a fresh id.
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "bench-util.h"

static RwCheckIn *
fresh_copy (RwCheckIn *template)
{
  RwCheckIn *check_in = rw_check_in_copy (template);
  g_autofree char *id = g_uuid_string_random ();

  rw_check_in_set_id (check_in, id);
  rw_check_in_set_created (check_in, 0);
  rw_check_in_set_modified (check_in, 0);
  return check_in;
}

static double
time_core (RwJournal *journal,
           GPtrArray *templates,
           guint      saves)
{
  double start = bench_now ();

  for (guint i = 0; i < saves; i++)
    {
      g_autoptr(RwCheckIn) check_in = fresh_copy (g_ptr_array_index (templates, i));
      g_autoptr(GError) error = NULL;

      if (!rw_journal_add (journal, check_in, &error))
        g_error ("%s", error->message);
    }
  return (bench_now () - start) / saves;
}

static double
time_bare (BenchBare *bare,
           GPtrArray *templates,
           guint      saves,
           gboolean   with_tags_and_index)
{
  double start = bench_now ();

  for (guint i = 0; i < saves; i++)
    {
      g_autoptr(RwCheckIn) check_in = fresh_copy (g_ptr_array_index (templates, i));

      bench_bare_exec (bare, "BEGIN IMMEDIATE");
      bench_bare_insert (bare, check_in, with_tags_and_index);
      bench_bare_exec (bare, "COMMIT");
    }
  return (bench_now () - start) / saves;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *journal_dir = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *label = NULL;
  int saves = 100, runs = 10;
  GOptionEntry entries[] = {
    { "journal", 0, 0, G_OPTION_ARG_FILENAME, &journal_dir, "The journal to copy", "DIR" },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv, "Where the check-ins come from", "FILE" },
    { "label", 0, 0, G_OPTION_ARG_STRING, &label, "What the journal holds", "TEXT" },
    { "saves", 0, 0, G_OPTION_ARG_INT, &saves, "Check-ins saved per run", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs each way", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RwJournal) journal = NULL;
  g_autofree char *source = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *core_dir = NULL;
  g_autofree char *core_db = NULL;
  g_autofree char *bare_dir = NULL;
  g_autofree char *bare_db = NULL;
  g_autofree double *core_times = NULL;
  g_autofree double *bare_times = NULL;
  g_autofree double *row_times = NULL;
  gint64 rows = 0;
  BenchBare bare;
  double t_core, t_bare, t_row;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, NULL) || journal_dir == NULL ||
      csv == NULL || saves < 1 || runs < 1)
    return 2;

  templates = bench_read_csv (csv);
  g_assert_cmpuint (templates->len, >=, (guint) saves);

  tmp = g_dir_make_tmp ("rewire-bench-store-XXXXXX", &error);
  g_assert_no_error (error);
  source = g_build_filename (journal_dir, RW_DATABASE_FILE_NAME, NULL);
  core_dir = bench_journal_dir (tmp, "core", &core_db);
  bare_dir = bench_journal_dir (tmp, "bare", &bare_db);
  bench_copy_file (source, core_db);
  bench_copy_file (source, bare_db);

  journal = rw_journal_open (core_dir, &error);
  g_assert_no_error (error);
  {
    g_autoptr(RwDatabase) db = rw_database_open (journal_dir, &error);

    g_assert_no_error (error);
    g_assert_true (rw_check_in_sql_count (db, &rows, NULL, NULL, &error));
  }
  bench_bare_open (&bare, bare_db, FALSE);

  core_times = g_new (double, runs);
  bare_times = g_new (double, runs);
  row_times = g_new (double, runs);
  for (int i = 0; i < runs; i++)
    {
      core_times[i] = time_core (journal, templates, saves);
      bare_times[i] = time_bare (&bare, templates, saves, TRUE);
      row_times[i] = time_bare (&bare, templates, saves, FALSE);
    }

  t_core = bench_median (core_times, runs);
  t_bare = bench_median (bare_times, runs);
  t_row = bench_median (row_times, runs);
  g_print ("save one check-in, %s (%" G_GINT64_FORMAT " rows): core %.3f ms; baseline bare "
           "insert (row, tags, index) %.3f ms; ratio %.2f (target <= 3); bare row alone "
           "%.3f ms, ratio %.2f; medians of %d runs of %d commits\n",
           label != NULL ? label : journal_dir, rows, t_core * 1000, t_bare * 1000,
           t_core / t_bare, t_row * 1000, t_core / t_row, runs, saves);

  bench_bare_close (&bare);
  g_clear_object (&journal);
  bench_remove_journal (core_dir);
  bench_remove_journal (bare_dir);
  g_rmdir (core_dir);
  g_rmdir (bare_dir);
  g_rmdir (tmp);
  return 0;
}
