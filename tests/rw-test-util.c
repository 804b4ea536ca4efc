/* rw-test-util.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "rw-date.h"
#include "rw-journal-private.h"
#include "rw-test-util.h"

char *
rw_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("rewire-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_recursive (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (children != NULL)
    {
      GFileInfo *info;

      while ((info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
        {
          g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));

          remove_recursive (child);
          g_object_unref (info);
        }
    }
  g_file_delete (file, NULL, NULL);
}

void
rw_test_remove_dir (const char *dir)
{
  g_autoptr(GFile) file = NULL;

  if (dir == NULL)
    return;
  file = g_file_new_for_path (dir);
  remove_recursive (file);
}

char *
rw_test_file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* The journal as SQLite sees it: the file and its -wal together (a write
 * in WAL mode lands in the -wal first). */
char *
rw_test_journal_checksum (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *main_sum = rw_test_file_checksum (path);
  g_autofree char *wal_sum = NULL;
  GStatBuf st;

  /* Opening makes an empty -wal; only one with frames holds a write. */
  if (g_stat (wal, &st) == 0 && st.st_size > 0)
    wal_sum = rw_test_file_checksum (wal);

  return g_strconcat (main_sum != NULL ? main_sum : "-", "+", wal_sum != NULL ? wal_sum : "-", NULL);
}

int
rw_test_run_cli (const char * const *argv,
                 char              **stdout_text,
                 char              **stderr_text)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("REWIRE_BINARY");
  int status = 0;

  g_assert_nonnull (binary);
  g_ptr_array_add (args, (gpointer) binary);
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) argv[i]);
  g_ptr_array_add (args, NULL);

  g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                stdout_text, stderr_text, &status, &error);
  g_assert_no_error (error);

  if (WIFEXITED (status))
    return WEXITSTATUS (status);
  return -1;
}

static gboolean
collect_cb (RwCheckIn *check_in,
            gpointer   user_data)
{
  g_ptr_array_add (user_data, g_object_ref (check_in));
  return TRUE;
}

GPtrArray *
rw_test_list_check_ins (RwDatabase           *db,
                        const RwCheckInQuery *query)
{
  g_autoptr(GPtrArray) check_ins = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  g_assert_true (rw_check_in_sql_foreach (db, query, collect_cb, check_ins, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&check_ins);
}

guint
rw_test_count_check_ins (RwDatabase           *db,
                         const RwCheckInQuery *query)
{
  g_autoptr(GPtrArray) check_ins = rw_test_list_check_ins (db, query);

  return check_ins->len;
}

void
rw_test_insert (RwDatabase *db,
                RwCheckIn  *check_in)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rw_database_write (db, (RwWriteFunc) rw_check_in_sql_insert, check_in, &error));
  g_assert_no_error (error);
}

gboolean
rw_test_add (RwDatabase  *db,
             RwCheckIn   *check_in,
             GError     **error)
{
  g_autoptr(RwJournal) journal = rw_journal_new_for_database (db);

  return rw_journal_add (journal, check_in, error);
}

RwCheckIn *
rw_test_check_in_new (const char *date,
                      const char *time,
                      int         mood,
                      const char *note)
{
  RwCheckIn *check_in = rw_check_in_new ();

  rw_check_in_set_date (check_in, date);
  rw_check_in_set_time (check_in, time);
  rw_check_in_set_metric (check_in, RW_METRIC_MOOD, mood);
  rw_check_in_set_note (check_in, note);
  return check_in;
}

guint
rw_test_count_entries (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (handle);
  while (g_dir_read_name (handle) != NULL)
    n++;
  return n;
}

/* Whether the bytes of @path hold @word anywhere (FALSE when there is no
 * such file): for checking that deleted words are gone from the disk. */
gboolean
rw_test_file_holds (const char *path,
                    const char *word)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  gsize n = strlen (word);

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (contents + i, word, n) == 0)
      return TRUE;
  return FALSE;
}

/* A year of a person in treatment, from @first: a check-in most days
 * (mood, anxiety, sleep, a tag or two; every tenth a note naming
 * "kingfisher"), sessions (six inductions twice a week, then a booster
 * a month, each with a note and an integration answer naming
 * "heronry"), and a PHQ-9 and a GAD-7 every two weeks. */
void
rw_test_fill_treatment_year (RwDatabase *db,
                             guint32     first)
{
  static const char *const tags[] = { "walk", "work", "therapy", "friends", "rain" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (18);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) sql = g_string_new ("BEGIN;");
  g_autoptr(RwJournal) journal = rw_journal_new_for_database (db);

  for (guint d = 0; d < 365; d++)
    {
      g_autofree char *date = rw_date_to_iso (first + d);
      g_autoptr(RwCheckIn) check_in = NULL;
      const char *day_tags[3] = { NULL };
      int mood = 3 + (int) (d / 60) + g_rand_int_range (rand, -2, 3);
      int anxiety;

      /* CLAMP evaluates its argument more than once. */
      mood = CLAMP (mood, 0, 10);
      anxiety = 8 - mood + g_rand_int_range (rand, -1, 2);
      anxiety = CLAMP (anxiety, 0, 10);

      if (g_rand_int_range (rand, 0, 10) == 0)
        continue;
      check_in = rw_test_check_in_new (date, "20:00", mood,
                                       d % 10 == 0 ? "Walked by the river, saw a kingfisher" : "");
      rw_check_in_set_metric (check_in, RW_METRIC_ANXIETY, anxiety);
      rw_check_in_set_metric (check_in, RW_METRIC_SLEEP_QUALITY, g_rand_int_range (rand, 3, 9));
      rw_check_in_set_sleep_hours (check_in, 5.5 + g_rand_int_range (rand, 0, 12) * 0.25);
      day_tags[0] = tags[g_rand_int_range (rand, 0, G_N_ELEMENTS (tags))];
      if (d % 3 == 0)
        day_tags[1] = tags[(d / 3) % G_N_ELEMENTS (tags)];
      if (day_tags[1] != NULL && g_str_equal (day_tags[0], day_tags[1]))
        day_tags[1] = NULL;
      rw_check_in_set_tags (check_in, day_tags);
      if (!rw_journal_add (journal, check_in, &error))
        g_error ("%s", error->message);
    }

  for (guint s = 0; s < 16; s++)
    {
      guint offset = s < 6 ? 14 + s / 2 * 7 + (s % 2) * 3 : 60 + (s - 6) * 30;
      g_autofree char *date = rw_date_to_iso (first + offset);

      g_string_append_printf (sql,
                              "INSERT INTO sessions (uuid, date, time, route, phase, provider, dose, "
                              "done, intention, bp_before_systolic, bp_before_diastolic, hr_before, "
                              "bp_after_systolic, bp_after_diastolic, hr_after, intensity, detached, "
                              "side_effects, note, created, modified) VALUES ('session-%u', '%s', "
                              "'10:00', '%s', '%s', 'Riverside Clinic', '0.5 mg/kg', 1, "
                              "'Stay curious', 122, 78, 70, 138, 86, 82, %u, %u, '%s', "
                              "'Felt far away, then warm; a heronry in my mind', 0, 0);"
                              "INSERT INTO session_integration (session, day, noticed, carry_forward, "
                              "hard, modified) VALUES (last_insert_rowid (), 1, 'The heronry again', "
                              "'Morning walks', '', 0);",
                              s, date, s < 6 ? "iv" : "nasal", s < 6 ? "induction" : "booster",
                              4 + s % 5, 3 + s % 4, s % 3 == 0 ? "nausea,headache" : "dizziness");
    }
  for (guint a = 0; a < 26; a++)
    {
      g_autofree char *date = rw_date_to_iso (first + 7 + a * 14);

      g_string_append_printf (sql,
                              "INSERT INTO assessments (uuid, kind, date, time, answers, total, "
                              "created, modified) VALUES ('phq9-%u', 'phq9', '%s', '09:00', "
                              "'222222222', %u, 0, 0), ('gad7-%u', 'gad7', '%s', '09:05', "
                              "'1111111', %u, 0, 0);",
                              a, date, 20 - MIN (a, 18), a, date, 15 - MIN (a, 14));
    }
  g_string_append (sql, "COMMIT;");
  g_assert_true (rw_database_exec (db, sql->str, &error));
  g_assert_no_error (error);
}
