/* test-journal-core.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RwJournal's writes (what the app's widgets change) and the row-level
 * SQL reads behind listing and exporting.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rw-core.h"
#include "rw-journal-private.h"
#include "rw-test-util.h"

typedef struct
{
  char *dir;
  RwJournal *journal;
  RwDatabase *db;
  guint changes;
} Fixture;

static void
changed_cb (RwJournal *journal,
            Fixture   *f)
{
  f->changes++;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = rw_test_make_dir ();
  f->journal = rw_journal_open (f->dir, &error);
  g_assert_no_error (error);
  f->db = rw_journal_get_database (f->journal);
  g_signal_connect (f->journal, "changed", G_CALLBACK (changed_cb), f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->journal);
  rw_test_remove_dir (f->dir);
  g_free (f->dir);
}

static RwCheckIn *
add (Fixture    *f,
     const char *date,
     const char *time,
     int         mood,
     const char *note)
{
  g_autoptr(GError) error = NULL;
  RwCheckIn *check_in = rw_test_check_in_new (date, time, mood, note);

  rw_journal_add (f->journal, check_in, &error);
  g_assert_no_error (error);
  return check_in;
}

static guint
n_listed (Fixture *f)
{
  return rw_test_count_check_ins (f->db, NULL);
}

static guint
n_matching (Fixture    *f,
            const char *search)
{
  RwCheckInQuery query = { .search = search };

  return rw_test_count_check_ins (f->db, &query);
}

static gboolean
delete_for_good (RwDatabase  *db,
                 const char  *id,
                 GError     **error)
{
  return rw_check_in_sql_delete (db, id, error);
}

static void
test_crud (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(RwCheckIn) added = NULL;
  g_autoptr(RwCheckIn) stored = NULL;
  g_autoptr(RwCheckIn) updated = NULL;
  g_autoptr(RwCheckIn) missing = NULL;
  g_autoptr(RwCheckIn) other = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  const char *tags[] = { "walk", "time with loved ones", NULL };
  gint64 created;

  g_assert_cmpuint (n_listed (f), ==, 0);

  added = rw_test_check_in_new ("2026-11-20", "08:30", 6, "Slept badly, walked anyway.\nSecond line, “quoted”.");
  rw_check_in_set_metric (added, RW_METRIC_ANXIETY, 0);
  rw_check_in_set_metric (added, RW_METRIC_SLEEP_QUALITY, 10);
  rw_check_in_set_sleep_hours (added, 6.75);
  rw_check_in_set_tags (added, tags);
  g_assert_true (rw_journal_add (f->journal, added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->changes, ==, 1);
  g_assert_cmpint (rw_check_in_get_created (added), >, 0);

  listed = rw_test_list_check_ins (f->db, NULL);
  g_assert_cmpuint (listed->len, ==, 1);
  stored = g_object_ref (g_ptr_array_index (listed, 0));
  g_assert_cmpstr (rw_check_in_get_id (stored), ==, rw_check_in_get_id (added));
  g_assert_true (rw_check_in_content_equal (stored, added));
  g_assert_cmpint (rw_check_in_get_metric (stored, RW_METRIC_ANXIETY), ==, 0);
  g_assert_cmpint (rw_check_in_get_metric (stored, RW_METRIC_FOCUS), ==, RW_METRIC_UNSET);
  g_assert_cmpfloat (rw_check_in_get_sleep_hours (stored), ==, 6.75);
  g_assert_cmpstrv (rw_check_in_get_tags (stored), tags);
  created = rw_check_in_get_created (stored);

  updated = rw_check_in_copy (stored);
  rw_check_in_set_metric (updated, RW_METRIC_MOOD, 8);
  rw_check_in_set_sleep_hours (updated, RW_SLEEP_UNSET);
  rw_check_in_set_tags (updated, NULL);
  g_assert_true (rw_journal_update (f->journal, updated, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->changes, ==, 2);
  g_clear_object (&stored);

  stored = rw_journal_lookup (f->journal, rw_check_in_get_id (added), &error);
  g_assert_no_error (error);
  g_assert_cmpint (rw_check_in_get_metric (stored, RW_METRIC_MOOD), ==, 8);
  g_assert_cmpfloat (rw_check_in_get_sleep_hours (stored), ==, RW_SLEEP_UNSET);
  g_assert_cmpuint (g_strv_length ((char **) rw_check_in_get_tags (stored)), ==, 0);
  g_assert_cmpint (rw_check_in_get_created (stored), ==, created);
  g_assert_cmpint (rw_check_in_get_modified (stored), >, created);

  /* The window deletes in two steps (hide, then purge once Undo is gone). */
  g_assert_true (rw_journal_hide (f->journal, rw_check_in_get_id (added), &error));
  g_assert_true (rw_journal_purge_hidden (f->journal, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_listed (f), ==, 0);

  missing = rw_journal_lookup (f->journal, rw_check_in_get_id (added), &error);
  g_assert_null (missing);
  g_assert_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (rw_journal_hide (f->journal, rw_check_in_get_id (added), &error));
  g_assert_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (rw_journal_update (f->journal, updated, &error));
  g_assert_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The command line deletes at once. */
  other = add (f, "2026-11-21", "09:00", 5, "deleted for good");
  g_assert_true (rw_database_write (f->db, (RwWriteFunc) delete_for_good,
                                    (gpointer) rw_check_in_get_id (other), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_listed (f), ==, 0);
  g_assert_false (rw_database_write (f->db, (RwWriteFunc) delete_for_good,
                                     (gpointer) rw_check_in_get_id (other), &error));
  g_assert_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_NOT_FOUND);
}

static void
test_order_newest_first (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(RwCheckIn) a = add (f, "2026-11-20", "08:00", 1, "a");
  g_autoptr(RwCheckIn) b = add (f, "2026-11-22", "07:00", 2, "b");
  g_autoptr(RwCheckIn) c = add (f, "2026-11-20", "21:30", 3, "c");
  g_autoptr(RwCheckIn) d = add (f, "2026-11-21", "12:00", 4, "d");
  g_autoptr(GPtrArray) listed = rw_test_list_check_ins (f->db, NULL);
  RwCheckInQuery oldest_first = { .oldest_first = TRUE };
  g_autoptr(GPtrArray) ascending = rw_test_list_check_ins (f->db, &oldest_first);
  const char *expected[] = { "b", "d", "c", "a" };

  g_assert_cmpuint (listed->len, ==, 4);
  g_assert_cmpuint (ascending->len, ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_assert_cmpstr (rw_check_in_get_note (g_ptr_array_index (listed, i)), ==, expected[i]);
      g_assert_cmpstr (rw_check_in_get_note (g_ptr_array_index (ascending, 3 - i)), ==, expected[i]);
    }
}

typedef struct
{
  RwMetric metric;
  int value;
  double sleep;
  const char *date;
  const char *time;
  const char *words;
} BadCase;

static void
test_validation_refused (Fixture       *f,
                         gconstpointer  data)
{
  static const BadCase cases[] = {
    { RW_METRIC_MOOD, 11, RW_SLEEP_UNSET, "2026-11-22", "08:00", "Mood" },
    { RW_METRIC_ANXIETY, 11, RW_SLEEP_UNSET, "2026-11-22", "08:00", "Anxiety" },
    { RW_METRIC_FOCUS, 11, RW_SLEEP_UNSET, "2026-11-22", "08:00", "Focus" },
    { RW_METRIC_HOPE, 11, RW_SLEEP_UNSET, "2026-11-22", "08:00", "Hope" },
    { RW_METRIC_ENERGY, 11, RW_SLEEP_UNSET, "2026-11-22", "08:00", "Energy" },
    { RW_METRIC_SLEEP_QUALITY, 11, RW_SLEEP_UNSET, "2026-11-22", "08:00", "Sleep quality" },
    { RW_METRIC_MOOD, 5, 24.5, "2026-11-22", "08:00", "Sleep hours" },
    { RW_METRIC_MOOD, 5, 7.1, "2026-11-22", "08:00", "Sleep hours" },
    { RW_METRIC_MOOD, 5, RW_SLEEP_UNSET, "2026-02-30", "08:00", "Date" },
    { RW_METRIC_MOOD, 5, RW_SLEEP_UNSET, "2026-11-22", "24:00", "Time" },
  };
  g_autoptr(RwCheckIn) kept = add (f, "2026-11-21", "08:00", 5, "kept as it was");

  f->changes = 0;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RwCheckIn) check_in = rw_test_check_in_new (cases[i].date, cases[i].time, 5, "refused");
      g_autoptr(RwCheckIn) edit = rw_check_in_copy (kept);
      g_autoptr(GError) error = NULL;

      rw_check_in_set_metric (check_in, cases[i].metric, cases[i].value);
      rw_check_in_set_sleep_hours (check_in, cases[i].sleep);
      g_assert_false (rw_journal_add (f->journal, check_in, &error));
      g_assert_error (error, RW_VALIDATION_ERROR, RW_VALIDATION_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, cases[i].words));
      g_clear_error (&error);

      /* An edit is checked the same way. */
      rw_check_in_set_date (edit, cases[i].date);
      rw_check_in_set_time (edit, cases[i].time);
      rw_check_in_set_metric (edit, cases[i].metric, cases[i].value);
      rw_check_in_set_sleep_hours (edit, cases[i].sleep);
      g_assert_false (rw_journal_update (f->journal, edit, &error));
      g_assert_error (error, RW_VALIDATION_ERROR, RW_VALIDATION_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, cases[i].words));
    }

  g_assert_cmpuint (n_listed (f), ==, 1);
  g_assert_cmpuint (f->changes, ==, 0);
  {
    g_autoptr(RwCheckIn) stored = rw_journal_lookup (f->journal, rw_check_in_get_id (kept), NULL);
    g_assert_true (rw_check_in_content_equal (stored, kept));
  }
}

static gboolean
count_cb (RwCheckIn *check_in,
          gpointer   user_data)
{
  guint *n = user_data;

  (*n)++;
  return TRUE;
}

static void
test_hide_undo_purge (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(RwCheckIn) keep = add (f, "2026-11-20", "08:00", 5, "keep me");
  g_autoptr(RwCheckIn) gone = add (f, "2026-11-21", "08:00", 2, "delete me, searchable");
  g_autoptr(GError) error = NULL;
  RwCheckInQuery query = { NULL, NULL, NULL, FALSE };
  gint64 count = 0;
  guint n = 0;

  g_assert_true (rw_journal_hide (f->journal, rw_check_in_get_id (gone), &error));
  g_assert_no_error (error);
  /* Hidden at once everywhere: the list, search, counts, a day's list. */
  g_assert_cmpuint (n_listed (f), ==, 1);
  g_assert_cmpuint (n_matching (f, "searchable"), ==, 0);
  g_assert_true (rw_check_in_sql_count (f->db, &count, NULL, NULL, NULL));
  g_assert_cmpint (count, ==, 1);
  g_assert_true (rw_check_in_sql_foreach (f->db, &query, count_cb, &n, NULL));
  g_assert_cmpuint (n, ==, 1);
  {
    g_autoptr(GPtrArray) day = rw_journal_list_date (f->journal, "2026-11-21", NULL);
    g_assert_cmpuint (day->len, ==, 0);
  }

  /* Undo brings it back whole. */
  g_assert_true (rw_journal_unhide (f->journal, rw_check_in_get_id (gone), &error));
  g_assert_cmpuint (n_listed (f), ==, 2);
  g_assert_cmpuint (n_matching (f, "searchable"), ==, 1);
  {
    g_autoptr(GPtrArray) listed = rw_test_list_check_ins (f->db, NULL);
    g_assert_true (rw_check_in_content_equal (g_ptr_array_index (listed, 0), gone));
  }

  /* Hidden again and purged: gone for good, the other one stays. */
  g_assert_true (rw_journal_hide (f->journal, rw_check_in_get_id (gone), &error));
  g_assert_true (rw_journal_purge_hidden (f->journal, &error));
  g_assert_no_error (error);
  g_assert_false (rw_journal_unhide (f->journal, rw_check_in_get_id (gone), &error));
  g_assert_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_NOT_FOUND);
  g_assert_cmpuint (n_listed (f), ==, 1);
  {
    g_autoptr(GPtrArray) listed = rw_test_list_check_ins (f->db, NULL);
    g_assert_cmpstr (rw_check_in_get_id (g_ptr_array_index (listed, 0)), ==, rw_check_in_get_id (keep));
  }
}

/* Two deletes in a row: the first one's Undo ending removes only that
 * one, while the second's Undo (still on screen) can bring it back. */
static void
test_purge_one (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(RwCheckIn) first = add (f, "2026-11-20", "08:00", 5, "first");
  g_autoptr(RwCheckIn) second = add (f, "2026-11-21", "08:00", 6, "second");
  g_autoptr(RwCheckIn) shown = add (f, "2026-11-22", "08:00", 7, "shown");
  g_autoptr(GError) error = NULL;

  g_assert_true (rw_journal_hide (f->journal, rw_check_in_get_id (first), &error));
  g_assert_true (rw_journal_hide (f->journal, rw_check_in_get_id (second), &error));
  g_assert_true (rw_journal_purge (f->journal, rw_check_in_get_id (first), &error));
  g_assert_no_error (error);

  g_assert_true (rw_journal_unhide (f->journal, rw_check_in_get_id (second), &error));
  g_assert_no_error (error);
  g_assert_false (rw_journal_unhide (f->journal, rw_check_in_get_id (first), &error));
  g_assert_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (n_listed (f), ==, 2);

  /* A check-in not hidden (brought back, or never deleted) is left alone. */
  g_assert_true (rw_journal_purge (f->journal, rw_check_in_get_id (shown), &error));
  g_assert_true (rw_journal_purge (f->journal, rw_check_in_get_id (first), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_listed (f), ==, 2);
}

static RwCheckIn *
add_tagged (Fixture    *f,
            const char *date,
            const char *note,
            const char *tags)
{
  RwCheckIn *check_in = rw_test_check_in_new (date, "09:00", 5, note);
  g_auto(GStrv) parsed = rw_parse_tags (tags, ',', NULL);

  rw_check_in_set_tags (check_in, (const char * const *) parsed);
  g_assert_true (rw_journal_add (f->journal, check_in, NULL));
  return check_in;
}

static guint
tag_uses (Fixture    *f,
          const char *name)
{
  g_autoptr(GPtrArray) tags = rw_check_in_sql_list_tags (f->db, NULL);

  for (guint i = 0; i < tags->len; i++)
    {
      RwTagInfo *info = g_ptr_array_index (tags, i);

      if (g_str_equal (info->name, name))
        return info->uses;
    }
  return G_MAXUINT;
}

static guint
n_tagged (Fixture    *f,
          const char *tag)
{
  RwCheckInQuery query = { .tag = tag };

  return rw_test_count_check_ins (f->db, &query);
}

static void
test_tags (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(RwCheckIn) a = add_tagged (f, "2026-11-20", "one", "walk,coffee");
  g_autoptr(RwCheckIn) b = add_tagged (f, "2026-11-21", "two", "stroll");
  g_autoptr(RwCheckIn) c = add_tagged (f, "2026-11-22", "three", "walk,stroll");
  g_autoptr(GError) error = NULL;

  /* The guide's habits are offered from the start, unused. */
  g_assert_cmpuint (tag_uses (f, "meditation"), ==, 0);
  g_assert_cmpuint (tag_uses (f, "good sleep routine"), ==, 0);
  g_assert_cmpuint (tag_uses (f, "walk"), ==, 2);

  g_assert_cmpuint (n_tagged (f, "stroll"), ==, 2);
  /* A tag is the same tag in any case. */
  g_assert_cmpuint (n_tagged (f, "STROLL"), ==, 2);

  /* Rename. */
  g_assert_true (rw_journal_rename_tag (f->journal, "coffee", "  good  coffee ", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tag_uses (f, "good coffee"), ==, 1);
  g_assert_cmpuint (tag_uses (f, "coffee"), ==, G_MAXUINT);
  g_assert_cmpuint (n_matching (f, "good coffee"), ==, 1);
  g_assert_cmpuint (n_tagged (f, "good coffee"), ==, 1);

  /* Merge: "stroll" into "walk"; the check-in with both keeps one. */
  g_assert_true (rw_journal_rename_tag (f->journal, "stroll", "walk", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tag_uses (f, "walk"), ==, 3);
  g_assert_cmpuint (tag_uses (f, "stroll"), ==, G_MAXUINT);
  {
    g_autoptr(RwCheckIn) merged = rw_journal_lookup (f->journal, rw_check_in_get_id (c), NULL);
    const char *expected[] = { "walk", NULL };
    g_assert_cmpstrv (rw_check_in_get_tags (merged), expected);
  }
  g_assert_cmpuint (n_matching (f, "stroll"), ==, 0);
  g_assert_cmpuint (n_tagged (f, "walk"), ==, 3);

  /* Delete: the check-ins stay, without the tag. */
  g_assert_true (rw_journal_delete_tag (f->journal, "walk", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_listed (f), ==, 3);
  g_assert_cmpuint (tag_uses (f, "walk"), ==, G_MAXUINT);
  g_assert_cmpuint (n_matching (f, "walk"), ==, 0);

  g_assert_false (rw_journal_delete_tag (f->journal, "walk", &error));
  g_assert_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (rw_journal_rename_tag (f->journal, "walk", "hike", &error));
  g_assert_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (rw_journal_rename_tag (f->journal, "good coffee", "a;b", &error));
  g_assert_error (error, RW_VALIDATION_ERROR, RW_VALIDATION_ERROR_INVALID);
}

static void
test_range (Fixture       *f,
            gconstpointer  data)
{
  static const struct { const char *from, *to; guint n; } cases[] = {
    { "2026-11-10", "2026-11-19", 10 },
    { "2026-11-25", NULL, 6 },
    { NULL, "2026-11-03", 3 },
    { "2026-11-15", "2026-11-15", 1 },
    { "2026-12-01", NULL, 0 },
    { NULL, NULL, 30 },
  };

  for (guint day = 1; day <= 30; day++)
    {
      g_autofree char *date = g_strdup_printf ("2026-11-%02u", day);
      g_autoptr(RwCheckIn) check_in = add (f, date, "09:00", day % 11, "day");
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      RwCheckInQuery query = { .from = cases[i].from, .to = cases[i].to };
      gboolean found = FALSE;

      g_assert_cmpuint (rw_test_count_check_ins (f->db, &query), ==, cases[i].n);
      g_assert_true (rw_check_in_sql_any (f->db, &query, &found, NULL));
      g_assert_cmpint (found, ==, cases[i].n > 0);
    }
}

/* rw_check_in_sql_any() takes every part of a query, as the plan asks it. */
static void
test_any (Fixture       *f,
          gconstpointer  data)
{
  static const struct {
    RwCheckInQuery query;
    gboolean found;
  } cases[] = {
    { { .from = "2026-11-20", .to = "2026-11-20", .tag = "walk" }, TRUE },
    { { .from = "2026-11-20", .to = "2026-11-20", .tag = "Walk" }, TRUE },
    { { .from = "2026-11-21", .to = "2026-11-21", .tag = "walk" }, FALSE },
    { { .from = "2026-11-21" }, TRUE },
    { { .from = "2026-11-22" }, FALSE },
    { { .search = "river" }, TRUE },
    { { .search = "river", .tag = "walk" }, TRUE },
    { { .search = "river", .tag = "therapy" }, FALSE },
    { { .search = "hidden" }, FALSE },
  };
  g_autoptr(RwCheckIn) walk = add_tagged (f, "2026-11-20", "by the river", "walk");
  g_autoptr(RwCheckIn) plain = add (f, "2026-11-21", "09:00", 5, "at home");
  g_autoptr(RwCheckIn) hidden = add (f, "2026-11-22", "09:00", 5, "hidden");

  g_assert_true (rw_journal_hide (f->journal, rw_check_in_get_id (hidden), NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean found = !cases[i].found;

      g_test_message ("case %u", i);
      g_assert_true (rw_check_in_sql_any (f->db, &cases[i].query, &found, &error));
      g_assert_no_error (error);
      g_assert_cmpint (found, ==, cases[i].found);
    }
}

static void
test_resolve_data_dir (void)
{
  g_autofree char *from_override = NULL;
  g_autofree char *from_env = NULL;
  g_autofree char *from_xdg = NULL;
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "rewire", NULL);

  g_setenv ("REWIRE_DATA_DIR", "/tmp/rewire-env", TRUE);
  from_override = rw_journal_resolve_data_dir ("/tmp/rewire-cli");
  from_env = rw_journal_resolve_data_dir (NULL);
  g_unsetenv ("REWIRE_DATA_DIR");
  from_xdg = rw_journal_resolve_data_dir (NULL);

  g_assert_cmpstr (from_override, ==, "/tmp/rewire-cli");
  g_assert_cmpstr (from_env, ==, "/tmp/rewire-env");
  g_assert_cmpstr (from_xdg, ==, expected);
}

/* Closing the journal (as the app does on quit), while something else
 * still holds it, folds the write-ahead log back: no -wal or -shm stays
 * beside journal.db, everything saved is in it, and a later save is
 * refused with a message instead of crashing. */
static void
test_close_leaves_no_side_files (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(RwCheckIn) check_in = rw_test_check_in_new ("2026-11-20", "09:00", 6, "kept");
  g_autoptr(RwCheckIn) late = rw_test_check_in_new ("2026-11-21", "09:00", 6, "late");
  g_autofree char *wal = g_strconcat (rw_journal_get_path (f->journal), "-wal", NULL);
  g_autofree char *shm = g_strconcat (rw_journal_get_path (f->journal), "-shm", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RwJournal) held = g_object_ref (f->journal);

  g_assert_true (rw_journal_add (f->journal, check_in, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  rw_journal_close (f->journal);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  g_assert_false (rw_journal_add (held, late, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "closed"));
  g_clear_error (&error);

  {
    g_autoptr(RwJournal) again = rw_journal_open (f->dir, &error);
    g_autoptr(RwCheckIn) found = NULL;

    g_assert_no_error (error);
    found = rw_journal_lookup (again, rw_check_in_get_id (check_in), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (rw_check_in_get_note (found), ==, "kept");
  }
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

/* A note deleted for good leaves no trace on disk: after the Undo is
 * gone and the scrub has run, its words are in neither journal.db nor
 * its write-ahead log, though the search index kept them before. The
 * journal stays whole and searchable. */
static void
test_deleted_note_leaves_no_trace (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(RwCheckIn) secret = rw_test_check_in_new ("2026-11-20", "09:00", 4,
                                                      "zebrasentinel and quokkaword");
  g_autofree char *wal = g_strconcat (rw_journal_get_path (f->journal), "-wal", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *note = g_strdup_printf ("an ordinary day %u, walking and sleeping", i);
      g_autoptr(RwCheckIn) other = rw_test_check_in_new ("2026-10-01", "09:00", 6, note);

      g_assert_true (rw_journal_add (f->journal, other, &error));
      g_assert_no_error (error);
    }
  g_assert_true (rw_journal_add (f->journal, secret, &error));
  g_assert_true (rw_journal_hide (f->journal, rw_check_in_get_id (secret), &error));
  g_assert_true (rw_journal_purge_hidden (f->journal, &error));
  g_assert_no_error (error);
  /* Before the scrub the index still holds the words. */
  g_assert_true (rw_test_file_holds (rw_journal_get_path (f->journal), "zebrasentinel") ||
                 rw_test_file_holds (wal, "zebrasentinel"));

  rw_journal_scrub_async (f->journal, NULL, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (rw_journal_scrub_finish (f->journal, result, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < 2; i++)
    {
      const char *word = i == 0 ? "zebrasentinel" : "quokkaword";

      g_assert_false (rw_test_file_holds (rw_journal_get_path (f->journal), word));
      g_assert_false (rw_test_file_holds (wal, word));
    }
  {
    RwCheckInQuery query = { .search = "walking" };

    g_assert_cmpuint (rw_test_count_check_ins (f->db, &query), ==, 40);
  }
  rw_journal_close (f->journal);
  g_assert_false (rw_test_file_holds (rw_journal_get_path (f->journal), "zebrasentinel"));
}

/* The marks of Syncthing, Nextcloud and Dropbox, in the journal's
 * folder or any above it, are found and named; a plain folder has none. */
static void
test_sync_folder_warning (void)
{
  g_autofree char *root = rw_test_make_dir ();
  g_autofree char *plain = g_build_filename (root, "plain", "rewire", NULL);
  const struct {
    const char *marker;
    gboolean is_dir;
    const char *tool;
  } cases[] = {
    { ".stfolder", TRUE, "Syncthing" },
    { ".dropbox", FALSE, "Dropbox" },
    { ".sync_4f2a9c.db", FALSE, "Nextcloud" },
    { "._sync_77e1.db", FALSE, "Nextcloud" },
  };

  g_assert_cmpint (g_mkdir_with_parents (plain, 0700), ==, 0);
  g_assert_null (rw_sync_folder_warning (plain));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *top = g_strdup_printf ("%s/case-%u", root, i);
      g_autofree char *marker = g_build_filename (top, cases[i].marker, NULL);
      g_autofree char *dir = g_build_filename (top, "deep", "rewire", NULL);
      g_autofree char *warning = NULL;

      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
      if (cases[i].is_dir)
        g_assert_cmpint (g_mkdir (marker, 0700), ==, 0);
      else
        g_assert_true (g_file_set_contents (marker, "", 0, NULL));
      warning = rw_sync_folder_warning (dir);
      g_assert_nonnull (warning);
      g_assert_nonnull (strstr (warning, cases[i].tool));
      g_assert_nonnull (strstr (warning, top));
      g_assert_nonnull (strstr (warning, "--data-dir"));
    }
  rw_test_remove_dir (root);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/journal-core/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("crud", test_crud);
  ADD ("order-newest-first", test_order_newest_first);
  ADD ("validation-refused", test_validation_refused);
  ADD ("range", test_range);
  ADD ("any", test_any);
  ADD ("hide-undo-purge", test_hide_undo_purge);
  ADD ("purge-one", test_purge_one);
  ADD ("tags", test_tags);
  ADD ("close-leaves-no-side-files", test_close_leaves_no_side_files);
  ADD ("deleted-note-leaves-no-trace", test_deleted_note_leaves_no_trace);

#undef ADD

  g_test_add_func ("/journal-core/resolve-data-dir", test_resolve_data_dir);
  g_test_add_func ("/journal-core/sync-folder-warning", test_sync_folder_warning);

  return g_test_run ();
}
