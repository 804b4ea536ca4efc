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

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crash/kill-during-saves", test_kill_during_saves);
  return g_test_run ();
}
