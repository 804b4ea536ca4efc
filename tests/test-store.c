/* test-store.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "rw-core.h"
#include "rw-test-util.h"

typedef struct
{
  char *dir;
  RwDatabase *db;
  RwCheckInStore *store;
  GArray *changes;
} Fixture;

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *f)
{
  Change change = { position, removed, added };
  g_array_append_val (f->changes, change);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = rw_test_make_dir ();
  f->db = rw_database_open (f->dir, &error);
  g_assert_no_error (error);
  f->store = rw_check_in_store_new (f->db);
  f->changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_signal_connect (f->store, "items-changed", G_CALLBACK (items_changed_cb), f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_object (&f->db);
  g_array_unref (f->changes);
  rw_test_remove_dir (f->dir);
  g_free (f->dir);
}

static RwCheckIn *
make (const char *date,
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

static RwCheckIn *
add (Fixture    *f,
     const char *date,
     const char *time,
     int         mood,
     const char *note)
{
  g_autoptr(GError) error = NULL;
  RwCheckIn *check_in = make (date, time, mood, note);

  rw_check_in_store_add (f->store, check_in, &error);
  g_assert_no_error (error);
  return check_in;
}

static RwCheckIn *
item (Fixture *f,
      guint    position)
{
  return g_list_model_get_item (G_LIST_MODEL (f->store), position);
}

static guint
n_items (Fixture *f)
{
  return g_list_model_get_n_items (G_LIST_MODEL (f->store));
}

static void
test_crud (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(RwCheckIn) added = NULL;
  g_autoptr(RwCheckIn) stored = NULL;
  g_autoptr(RwCheckIn) updated = NULL;
  g_autoptr(RwCheckIn) missing = NULL;
  g_autoptr(GError) error = NULL;
  const char *tags[] = { "walk", "time with loved ones", NULL };
  gint64 created;

  g_assert_cmpuint (n_items (f), ==, 0);

  added = make ("2026-11-20", "08:30", 6, "Slept badly, walked anyway.\nSecond line, “quoted”.");
  rw_check_in_set_metric (added, RW_METRIC_ANXIETY, 0);
  rw_check_in_set_metric (added, RW_METRIC_SLEEP_QUALITY, 10);
  rw_check_in_set_sleep_hours (added, 6.75);
  rw_check_in_set_tags (added, tags);
  g_assert_true (rw_check_in_store_add (f->store, added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (f), ==, 1);
  g_assert_cmpint (rw_check_in_get_created (added), >, 0);

  stored = item (f, 0);
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
  g_assert_true (rw_check_in_store_update (f->store, updated, &error));
  g_assert_no_error (error);
  g_clear_object (&stored);

  stored = rw_check_in_store_lookup (f->store, rw_check_in_get_id (added), &error);
  g_assert_no_error (error);
  g_assert_cmpint (rw_check_in_get_metric (stored, RW_METRIC_MOOD), ==, 8);
  g_assert_cmpfloat (rw_check_in_get_sleep_hours (stored), ==, RW_SLEEP_UNSET);
  g_assert_cmpuint (g_strv_length ((char **) rw_check_in_get_tags (stored)), ==, 0);
  g_assert_cmpint (rw_check_in_get_created (stored), ==, created);
  g_assert_cmpint (rw_check_in_get_modified (stored), >, created);

  g_assert_true (rw_check_in_store_delete (f->store, rw_check_in_get_id (added), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (f), ==, 0);

  missing = rw_check_in_store_lookup (f->store, rw_check_in_get_id (added), &error);
  g_assert_null (missing);
  g_assert_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (rw_check_in_store_delete (f->store, rw_check_in_get_id (added), &error));
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
  const char *expected[] = { "b", "d", "c", "a" };

  g_assert_cmpuint (n_items (f), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(RwCheckIn) check_in = item (f, i);
      g_assert_cmpstr (rw_check_in_get_note (check_in), ==, expected[i]);
    }
  g_assert_null (item (f, 4));
}

static void
test_items_changed_exact (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(RwCheckIn) a = add (f, "2026-11-01", "08:00", 5, "oldest");
  g_autoptr(RwCheckIn) b = add (f, "2026-11-10", "08:00", 5, "middle");
  g_autoptr(RwCheckIn) c = add (f, "2026-11-20", "08:00", 5, "newest");
  g_autoptr(RwCheckIn) d = NULL;
  g_autoptr(GError) error = NULL;
  Change *change;

  g_array_set_size (f->changes, 0);
  d = add (f, "2026-11-15", "08:00", 5, "between newest and middle");
  g_assert_cmpuint (f->changes->len, ==, 1);
  change = &g_array_index (f->changes, Change, 0);
  g_assert_cmpuint (change->position, ==, 1);
  g_assert_cmpuint (change->removed, ==, 0);
  g_assert_cmpuint (change->added, ==, 1);

  /* An edit in place replaces just that row. */
  g_array_set_size (f->changes, 0);
  rw_check_in_set_metric (b, RW_METRIC_MOOD, 9);
  g_assert_true (rw_check_in_store_update (f->store, b, &error));
  g_assert_cmpuint (f->changes->len, ==, 1);
  change = &g_array_index (f->changes, Change, 0);
  g_assert_cmpuint (change->position, ==, 2);
  g_assert_cmpuint (change->removed, ==, 1);
  g_assert_cmpuint (change->added, ==, 1);
  {
    g_autoptr(RwCheckIn) fresh = item (f, 2);
    g_assert_cmpint (rw_check_in_get_metric (fresh, RW_METRIC_MOOD), ==, 9);
  }

  g_array_set_size (f->changes, 0);
  g_assert_true (rw_check_in_store_delete (f->store, rw_check_in_get_id (a), &error));
  g_assert_cmpuint (f->changes->len, ==, 1);
  change = &g_array_index (f->changes, Change, 0);
  g_assert_cmpuint (change->position, ==, 3);
  g_assert_cmpuint (change->removed, ==, 1);
  g_assert_cmpuint (change->added, ==, 0);
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

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RwCheckIn) check_in = make (cases[i].date, cases[i].time, 5, "refused");
      g_autoptr(GError) error = NULL;

      rw_check_in_set_metric (check_in, cases[i].metric, cases[i].value);
      rw_check_in_set_sleep_hours (check_in, cases[i].sleep);
      g_assert_false (rw_check_in_store_add (f->store, check_in, &error));
      g_assert_error (error, RW_VALIDATION_ERROR, RW_VALIDATION_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, cases[i].words));
    }

  g_assert_cmpuint (n_items (f), ==, 0);
}

static void
test_external_change (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(RwDatabase) other = rw_database_open (f->dir, NULL);
  g_autoptr(RwCheckInStore) other_store = rw_check_in_store_new (other);
  g_autoptr(RwCheckIn) check_in = make ("2026-11-22", "10:00", 7, "from another process");
  g_autoptr(RwCheckIn) seen = NULL;

  g_assert_true (rw_check_in_store_add (other_store, check_in, NULL));
  g_assert_cmpuint (n_items (f), ==, 0);

  g_assert_true (rw_database_poll_changes (f->db));
  g_assert_cmpuint (n_items (f), ==, 1);
  seen = item (f, 0);
  g_assert_cmpstr (rw_check_in_get_note (seen), ==, "from another process");

  /* An edit elsewhere shows up too. */
  rw_check_in_set_note (check_in, "edited elsewhere");
  g_assert_true (rw_check_in_store_update (other_store, check_in, NULL));
  g_assert_true (rw_database_poll_changes (f->db));
  g_clear_object (&seen);
  seen = item (f, 0);
  g_assert_cmpstr (rw_check_in_get_note (seen), ==, "edited elsewhere");
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
test_search (Fixture       *f,
             gconstpointer  data)
{
  static const struct { const char *note; const char *tags; } entries[] = {
    { "Walked by the river after the session", "walk" },
    { "Un café au lait et une longue promenade", "" },
    { "昨夜は睡眠が浅かった。でも気分は少し良い。", "" },
    { "我今天很焦虑，但是去散步了", "散步" },
    { "شعرت بالهدوء بعد الجلسة", "" },
    { "Noch müde, aber hoffnungsvoll", "good sleep routine" },
  };
  static const struct { const char *query; guint n; } queries[] = {
    { "walk", 1 },
    { "WALKED RIVER", 1 },
    { "riv", 1 },
    { "cafe", 1 },
    { "muede", 0 },
    { "mude", 1 },
    { "睡眠", 1 },
    { "気分", 1 },
    { "焦虑", 1 },
    { "散步", 1 },
    { "بالهدوء", 1 },
    { "sleep routine", 1 },
    { "session", 1 },
    { "river session", 1 },
    { "river promenade", 0 },
  };
  static const char *hostile[] = {
    "\"", "\"\"\"", "AND", "OR (", "NOT", "*", "^", "-river", "+", "col:walk",
    "NEAR(walk river, 2)", "'; DROP TABLE check_ins; --", "walk\"*", "(((", "\\",
    "\xff\xfe invalid", "🙂🙂", "%", "_", "{note}: walk",
  };
  g_autofree char *long_query = g_strnfill (10000, 'a');

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_autoptr(RwCheckIn) check_in = make ("2026-11-22", "09:00", 5, entries[i].note);
      g_auto(GStrv) tags = rw_parse_tags (entries[i].tags, ';', NULL);

      rw_check_in_set_time (check_in, i < 10 ? "09:00" : "10:00");
      rw_check_in_set_tags (check_in, (const char * const *) tags);
      g_assert_true (rw_check_in_store_add (f->store, check_in, NULL));
    }

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      rw_check_in_store_set_search (f->store, queries[i].query);
      g_test_message ("search “%s”", queries[i].query);
      g_assert_cmpuint (n_items (f), ==, queries[i].n);
    }

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(GError) error = NULL;
      RwCheckInQuery query = { NULL, NULL, hostile[i], FALSE };
      guint n = 0;

      rw_check_in_store_set_search (f->store, hostile[i]);
      g_assert_cmpuint (n_items (f), <=, G_N_ELEMENTS (entries));

      /* The streaming query behind list and export takes the same input. */
      g_assert_true (rw_check_in_sql_foreach (f->db, &query, count_cb, &n, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (n, ==, n_items (f));
    }

  rw_check_in_store_set_search (f->store, long_query);
  g_assert_cmpuint (n_items (f), ==, 0);

  rw_check_in_store_set_search (f->store, NULL);
  g_assert_cmpuint (n_items (f), ==, G_N_ELEMENTS (entries));

  /* An edit keeps the index in step: the old word is gone. */
  {
    g_autoptr(RwCheckIn) first = NULL;

    rw_check_in_store_set_search (f->store, "river");
    g_assert_cmpuint (n_items (f), ==, 1);
    first = item (f, 0);
    rw_check_in_set_note (first, "Stayed home");
    g_assert_true (rw_check_in_store_update (f->store, first, NULL));
    g_assert_cmpuint (n_items (f), ==, 0);
    rw_check_in_store_set_search (f->store, "stayed");
    g_assert_cmpuint (n_items (f), ==, 1);
    g_assert_true (rw_check_in_store_delete (f->store, rw_check_in_get_id (first), NULL));
    g_assert_cmpuint (n_items (f), ==, 0);
  }
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

  g_assert_true (rw_check_in_store_hide (f->store, rw_check_in_get_id (gone), &error));
  g_assert_no_error (error);
  /* Hidden at once everywhere: the list, search, counts, streaming queries. */
  g_assert_cmpuint (n_items (f), ==, 1);
  rw_check_in_store_set_search (f->store, "searchable");
  g_assert_cmpuint (n_items (f), ==, 0);
  rw_check_in_store_set_search (f->store, NULL);
  g_assert_true (rw_check_in_sql_count (f->db, &count, NULL, NULL, NULL));
  g_assert_cmpint (count, ==, 1);
  g_assert_true (rw_check_in_sql_foreach (f->db, &query, count_cb, &n, NULL));
  g_assert_cmpuint (n, ==, 1);

  /* Undo brings it back whole. */
  g_assert_true (rw_check_in_store_unhide (f->store, rw_check_in_get_id (gone), &error));
  g_assert_cmpuint (n_items (f), ==, 2);
  {
    g_autoptr(RwCheckIn) back = item (f, 0);
    g_assert_true (rw_check_in_content_equal (back, gone));
  }

  /* Hidden again and purged: gone for good, the other one stays. */
  g_assert_true (rw_check_in_store_hide (f->store, rw_check_in_get_id (gone), &error));
  g_assert_true (rw_check_in_store_purge_hidden (f->store, &error));
  g_assert_no_error (error);
  g_assert_false (rw_check_in_store_unhide (f->store, rw_check_in_get_id (gone), &error));
  g_assert_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_NOT_FOUND);
  g_assert_cmpuint (n_items (f), ==, 1);
  {
    g_autoptr(RwCheckIn) left = item (f, 0);
    g_assert_cmpstr (rw_check_in_get_id (left), ==, rw_check_in_get_id (keep));
  }
}

static RwCheckIn *
add_tagged (Fixture    *f,
            const char *date,
            const char *note,
            const char *tags)
{
  RwCheckIn *check_in = make (date, "09:00", 5, note);
  g_auto(GStrv) parsed = rw_parse_tags (tags, ',', NULL);

  rw_check_in_set_tags (check_in, (const char * const *) parsed);
  g_assert_true (rw_check_in_store_add (f->store, check_in, NULL));
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

  rw_check_in_store_set_tag (f->store, "stroll");
  g_assert_cmpuint (n_items (f), ==, 2);
  rw_check_in_store_set_tag (f->store, NULL);

  /* Rename. */
  g_assert_true (rw_check_in_store_rename_tag (f->store, "coffee", "  good  coffee ", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tag_uses (f, "good coffee"), ==, 1);
  g_assert_cmpuint (tag_uses (f, "coffee"), ==, G_MAXUINT);
  rw_check_in_store_set_search (f->store, "good coffee");
  g_assert_cmpuint (n_items (f), ==, 1);
  rw_check_in_store_set_search (f->store, NULL);

  /* Merge: "stroll" into "walk"; the check-in with both keeps one. */
  g_assert_true (rw_check_in_store_rename_tag (f->store, "stroll", "walk", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tag_uses (f, "walk"), ==, 3);
  g_assert_cmpuint (tag_uses (f, "stroll"), ==, G_MAXUINT);
  {
    g_autoptr(RwCheckIn) merged = rw_check_in_store_lookup (f->store, rw_check_in_get_id (c), NULL);
    const char *expected[] = { "walk", NULL };
    g_assert_cmpstrv (rw_check_in_get_tags (merged), expected);
  }
  rw_check_in_store_set_search (f->store, "stroll");
  g_assert_cmpuint (n_items (f), ==, 0);
  rw_check_in_store_set_search (f->store, NULL);

  /* Delete: the check-ins stay, without the tag. */
  g_assert_true (rw_check_in_store_delete_tag (f->store, "walk", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (f), ==, 3);
  g_assert_cmpuint (tag_uses (f, "walk"), ==, G_MAXUINT);
  rw_check_in_store_set_search (f->store, "walk");
  g_assert_cmpuint (n_items (f), ==, 0);

  g_assert_false (rw_check_in_store_delete_tag (f->store, "walk", &error));
  g_assert_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (rw_check_in_store_rename_tag (f->store, "good coffee", "a;b", &error));
  g_assert_error (error, RW_VALIDATION_ERROR, RW_VALIDATION_ERROR_INVALID);
}

static void
test_range (Fixture       *f,
            gconstpointer  data)
{
  for (guint day = 1; day <= 30; day++)
    {
      g_autofree char *date = g_strdup_printf ("2026-11-%02u", day);
      g_autoptr(RwCheckIn) check_in = add (f, date, "09:00", day % 11, "day");
    }

  rw_check_in_store_set_range (f->store, "2026-11-10", "2026-11-19");
  g_assert_cmpuint (n_items (f), ==, 10);
  rw_check_in_store_set_range (f->store, "2026-11-25", NULL);
  g_assert_cmpuint (n_items (f), ==, 6);
  rw_check_in_store_set_range (f->store, NULL, NULL);
  g_assert_cmpuint (n_items (f), ==, 30);
}

static void
test_lazy_objects (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(RwCheckInStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const guint n = 6000;
  int before;

  if (g_type_get_instance_count (RW_TYPE_CHECK_IN) == 0 && g_getenv ("GOBJECT_DEBUG") == NULL)
    {
      g_test_skip ("needs GOBJECT_DEBUG=instance-count");
      return;
    }

  g_assert_true (rw_database_begin (f->db, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *date = g_strdup_printf ("%04u-%02u-%02u", 2000 + i / 336, 1 + i / 28 % 12,
                                               1 + i % 28);
      g_autoptr(RwCheckIn) check_in = make (date, "09:00", i % 11, "bulk");

      g_assert_true (rw_check_in_sql_insert (f->db, check_in, &error));
    }
  g_assert_true (rw_database_commit (f->db, &error));

  before = g_type_get_instance_count (RW_TYPE_CHECK_IN);
  store = rw_check_in_store_new (f->db);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n);
  /* Opening the model builds no check-in objects. */
  g_assert_cmpint (g_type_get_instance_count (RW_TYPE_CHECK_IN), ==, before);

  for (guint i = 0; i < n; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (store), i));
  /* Walking all of them keeps only a bounded cache alive. */
  g_assert_cmpint (g_type_get_instance_count (RW_TYPE_CHECK_IN) - before, <=, 2048);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/store/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("crud", test_crud);
  ADD ("order-newest-first", test_order_newest_first);
  ADD ("items-changed-exact", test_items_changed_exact);
  ADD ("validation-refused", test_validation_refused);
  ADD ("external-change", test_external_change);
  ADD ("search", test_search);
  ADD ("range", test_range);
  ADD ("hide-undo-purge", test_hide_undo_purge);
  ADD ("tags", test_tags);
  ADD ("lazy-objects", test_lazy_objects);

#undef ADD

  return g_test_run ();
}
