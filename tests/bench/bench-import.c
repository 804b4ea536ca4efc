/* bench-import.c: `rewire import` of a CSV file (one process, one
 * transaction, everything it does: reading and checking the file, the
 * rows, their tags and search index) against a bare bulk insert of the
 * same rows into the same schema (tags and search index included), in C
 * with prepared statements in one transaction. Both start from a copy of
 * the same empty journal; the bare insert gets its rows already parsed.
 * Prints both medians and their ratio.
 *
 *   bench-import --rewire build/src/rewire --csv FILE [--label TEXT] [--runs 10]
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "bench-util.h"

static double
time_rewire (const char *rewire,
             const char *dir,
             const char *csv)
{
  const char *argv[] = { rewire, "import", "--data-dir", dir, csv, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;
  double start = bench_now ();

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  return bench_now () - start;
}

static double
time_bare (const char *path,
           GPtrArray  *check_ins)
{
  BenchBare bare;
  double start = bench_now ();

  bench_bare_open (&bare, path, TRUE);
  bench_bare_exec (&bare, "BEGIN IMMEDIATE");
  for (guint i = 0; i < check_ins->len; i++)
    bench_bare_insert (&bare, g_ptr_array_index (check_ins, i), TRUE);
  bench_bare_exec (&bare, "COMMIT");
  bench_bare_close (&bare);
  return bench_now () - start;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *rewire = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *label = NULL;
  int runs = 10;
  GOptionEntry entries[] = {
    { "rewire", 0, 0, G_OPTION_ARG_FILENAME, &rewire, "The rewire program", "PATH" },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv, "The file to import", "FILE" },
    { "label", 0, 0, G_OPTION_ARG_STRING, &label, "What the file holds", "TEXT" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Imports to time each way", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GPtrArray) check_ins = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *template_dir = NULL;
  g_autofree char *template = NULL;
  g_autofree char *rewire_dir = NULL;
  g_autofree char *rewire_db = NULL;
  g_autofree char *bare_dir = NULL;
  g_autofree char *bare_db = NULL;
  g_autofree double *rewire_times = NULL;
  g_autofree double *bare_times = NULL;
  double t_rewire, t_bare;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, NULL) || rewire == NULL || csv == NULL ||
      runs < 1)
    return 2;

  tmp = g_dir_make_tmp ("rewire-bench-import-XXXXXX", &error);
  g_assert_no_error (error);
  template_dir = bench_journal_dir (tmp, "template", &template);
  rewire_dir = bench_journal_dir (tmp, "rewire", &rewire_db);
  bare_dir = bench_journal_dir (tmp, "bare", &bare_db);

  /* An empty journal with the schema, as Rewire makes it. */
  {
    g_autoptr(RwDatabase) db = rw_database_open (template_dir, &error);
    g_assert_no_error (error);
  }
  check_ins = bench_read_csv (csv);

  rewire_times = g_new (double, runs);
  bare_times = g_new (double, runs);
  for (int i = 0; i < runs; i++)
    {
      bench_copy_file (template, rewire_db);
      rewire_times[i] = time_rewire (rewire, rewire_dir, csv);
      bench_remove_journal (rewire_dir);

      bench_copy_file (template, bare_db);
      bare_times[i] = time_bare (bare_db, check_ins);
      bench_remove_journal (bare_dir);
    }

  t_rewire = bench_median (rewire_times, runs);
  t_bare = bench_median (bare_times, runs);
  g_print ("import, %s (%u rows): rewire import %.3f s; baseline bare bulk insert %.3f s; "
           "ratio %.2f (target <= 2); medians of %d\n",
           label != NULL ? label : csv, check_ins->len, t_rewire, t_bare, t_rewire / t_bare, runs);

  bench_remove_journal (template_dir);
  g_rmdir (template_dir);
  g_rmdir (rewire_dir);
  g_rmdir (bare_dir);
  g_rmdir (tmp);
  return 0;
}
