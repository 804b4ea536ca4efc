/* test-crash.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saves survive a kill at any moment. A child process saves check-ins
 * one after another and writes each id to its stdout only once its
 * commit has returned; the parent kills it with SIGKILL at a random
 * moment, then opens the journal: every id the child reported is there,
 * and the integrity check passes. The default run kills 40 times;
 * REWIRE_CRASH_KILLS=1000 is the longer run (docs/RELIABILITY.md).
 */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rw-core-sql.h"
#include "rw-test-util.h"

/* The child: saves until it is killed. */
static int
run_child (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RwJournal) journal = rw_journal_open (dir, &error);

  if (journal == NULL)
    {
      g_printerr ("child: %s\n", error->message);
      return 1;
    }
  for (guint i = 0;; i++)
    {
      g_autofree char *note = g_strdup_printf ("Saved by the child, number %u, with a note long "
                                               "enough to fill some pages", i);
      g_autoptr(RwCheckIn) check_in = rw_test_check_in_new ("2026-11-20", "09:00", i % 11, note);
      const char *tags[] = { i % 2 ? "walk" : "rain", NULL };

      rw_check_in_set_tags (check_in, tags);
      if (!rw_journal_add (journal, check_in, &error))
        {
          g_printerr ("child: %s\n", error->message);
          return 1;
        }
      /* Reported only now, after the commit returned. */
      printf ("%s\n", rw_check_in_get_id (check_in));
      fflush (stdout);
    }
  return 0;
}

/* The child for backups: copies the journal over the same backup file
 * again and again until it is killed. */
static int
run_backup_child (const char *dir,
                  const char *backup)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RwDatabase) db = rw_database_open (dir, &error);

  if (db == NULL)
    return 1;
  for (;;)
    if (!rw_database_backup_to (db, backup, &error))
      {
        g_printerr ("child: %s\n", error->message);
        return 1;
      }
  return 0;
}

/* Kills during backups: the backup file, whenever it exists, is a whole
 * journal that passes the integrity check (the new copy is written
 * beside it and renamed), never a half-written one. */
static void
test_kill_during_backups (void)
{
  g_autofree char *dir = rw_test_make_dir ();
  g_autofree char *backup = g_build_filename (dir, "backup.db", NULL);
  const char *kills_text = g_getenv ("REWIRE_CRASH_BACKUP_KILLS");
  guint kills = kills_text != NULL ? (guint) g_ascii_strtoull (kills_text, NULL, 10) : 20;
  guint checked = 0;

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RwJournal) journal = rw_journal_open (dir, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < 400; i++)
      {
        g_autofree char *note = g_strdup_printf ("A note for the backup to carry, number %u, "
                                                 "long enough to fill pages of the journal.", i);
        g_autoptr(RwCheckIn) check_in = rw_test_check_in_new ("2026-11-20", "09:00", i % 11, note);

        g_assert_true (rw_journal_add (journal, check_in, &error));
      }
  }

  for (guint round = 0; round < kills; round++)
    {
      const char *argv[] = { g_test_get_filename (G_TEST_BUILT, "test-crash", NULL), "--backup-child",
                             dir, backup, NULL };
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(GError) error = NULL;

      child = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_NONE, &error);
      g_assert_no_error (error);
      g_usleep (g_random_int_range (5000, 80000));
      kill ((pid_t) g_ascii_strtoll (g_subprocess_get_identifier (child), NULL, 10), SIGKILL);
      g_subprocess_wait (child, NULL, NULL);

      if (g_file_test (backup, G_FILE_TEST_EXISTS))
        {
          g_autofree char *copy_dir = g_build_filename (dir, "check", NULL);
          g_autofree char *copy = g_build_filename (copy_dir, "journal.db", NULL);
          g_autofree char *contents = NULL;
          g_autofree char *verdict = NULL;
          gsize length = 0;

          /* Opened as a journal of its own, from a copy, as a restore would. */
          g_mkdir_with_parents (copy_dir, 0700);
          g_assert_true (g_file_get_contents (backup, &contents, &length, NULL));
          g_assert_true (g_file_set_contents (copy, contents, length, NULL));
          {
            g_autoptr(RwDatabase) db = rw_database_open (copy_dir, &error);
            gint64 n = 0;

            g_assert_no_error (error);
            g_assert_true (rw_database_quick_check (db, &verdict, &error));
            g_assert_cmpstr (verdict, ==, "ok");
            g_assert_true (rw_check_in_sql_count (db, &n, NULL, NULL, &error));
            g_assert_cmpint (n, ==, 400);
          }
          rw_test_remove_dir (copy_dir);
          checked++;
        }
    }
  g_test_message ("%u kills during backups, the backup whole each of %u times it existed",
                  kills, checked);
  g_assert_cmpuint (checked, >, 0);
  rw_test_remove_dir (dir);
}

static void
test_kill_during_saves (void)
{
  g_autofree char *dir = rw_test_make_dir ();
  const char *kills_text = g_getenv ("REWIRE_CRASH_KILLS");
  guint kills = kills_text != NULL ? (guint) g_ascii_strtoull (kills_text, NULL, 10) : 40;
  g_autoptr(GHashTable) reported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint killed = 0;

  for (guint round = 0; round < kills; round++)
    {
      const char *argv[] = { g_test_get_filename (G_TEST_BUILT, "test-crash", NULL), "--child", dir, NULL };
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) out = NULL;
      g_autofree char *text = NULL;
      g_auto(GStrv) lines = NULL;
      gsize length;

      child = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
      g_assert_no_error (error);
      /* Anywhere from the open to some dozens of saves in. */
      g_usleep (g_random_int_range (1000, 60000));
      kill ((pid_t) g_ascii_strtoll (g_subprocess_get_identifier (child), NULL, 10), SIGKILL);
      g_assert_true (g_subprocess_communicate (child, NULL, NULL, &out, NULL, &error));
      g_assert_no_error (error);
      if (g_subprocess_get_if_signaled (child) && g_subprocess_get_term_sig (child) == SIGKILL)
        killed++;
      else
        g_test_message ("round %u: the child ended by itself (status %d)", round,
                        g_subprocess_get_status (child));

      text = g_strndup (g_bytes_get_data (out, &length), g_bytes_get_size (out));
      if (text == NULL)
        text = g_strdup ("");
      lines = g_strsplit (text, "\n", -1);
      /* The last piece is a line cut by the kill, or empty. */
      for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++)
        g_hash_table_add (reported, g_strdup (lines[i]));

      /* After each kill: every reported save is there, the file is whole. */
      {
        g_autoptr(RwDatabase) db = rw_database_open (dir, &error);
        g_autofree char *verdict = NULL;
        GHashTableIter iter;
        gpointer id;

        g_assert_no_error (error);
        g_assert_true (rw_database_quick_check (db, &verdict, &error));
        g_assert_no_error (error);
        g_assert_cmpstr (verdict, ==, "ok");
        g_hash_table_iter_init (&iter, reported);
        while (g_hash_table_iter_next (&iter, &id, NULL))
          {
            g_autoptr(RwCheckIn) found = rw_check_in_sql_load (db, id, &error);

            g_assert_no_error (error);
            g_assert_nonnull (found);
          }
      }
    }
  g_test_message ("%u kills, %u saves reported and all found", killed, g_hash_table_size (reported));
  g_assert_cmpuint (killed, >, kills / 2);
  g_assert_cmpuint (g_hash_table_size (reported), >, 0);
  rw_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  if (argc == 3 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2]);
  if (argc == 4 && g_str_equal (argv[1], "--backup-child"))
    return run_backup_child (argv[2], argv[3]);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crash/kill-during-saves", test_kill_during_saves);
  g_test_add_func ("/crash/kill-during-backups", test_kill_during_backups);
  return g_test_run ();
}
