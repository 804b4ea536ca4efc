/* test-history.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rw-core.h"
#include "rw-journal-private.h"
#include "rw-test-util.h"

typedef struct
{
  char *dir;
  RwJournal *journal;
  RwHistoryModel *history;
  guint changes;
  guint last_position;
  guint last_removed;
  guint last_added;
} Fixture;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *f)
{
  f->changes++;
  f->last_position = position;
  f->last_removed = removed;
  f->last_added = added;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = rw_test_make_dir ();
  f->journal = rw_journal_open (f->dir, NULL);
  g_assert_nonnull (f->journal);
  f->history = rw_history_model_new (f->journal);
  g_signal_connect (f->history, "items-changed", G_CALLBACK (items_changed_cb), f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->history);
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
  RwCheckIn *check_in = rw_test_check_in_new (date, time, mood, note);
  g_autoptr(GError) error = NULL;

  rw_journal_add (f->journal, check_in, &error);
  g_assert_no_error (error);
  return check_in;
}

static void
wait_for_matches (Fixture *f)
{
  while (rw_history_model_get_loading (f->history))
    g_main_context_iteration (NULL, TRUE);
}

/* One check-in a day at 09:00, mood = day of the month % 11, for @n days
 * ending 2026-11-30, inserted in one transaction by the importer's path. */
static void
add_days (Fixture *f,
          guint    n,
          guint    per_day)
{
  g_autoptr(GDateTime) end = g_date_time_new_utc (2026, 11, 30, 12, 0, 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (end, -(int) i);
      g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");

      for (guint k = 0; k < per_day; k++)
        {
          g_autofree char *time = g_strdup_printf ("%02u:00", 8 + k);
          g_autofree char *note = g_strdup_printf ("%s/%u%s", date, k, i % 10 == 0 ? " tenth" : "");
          g_autoptr(RwCheckIn) c = add (f, date, time, g_date_time_get_day_of_month (day) % 11, note);
        }
    }
}

static guint
n_check_ins (Fixture *f)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (f->history)), count = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (f->history), i);

      count += RW_IS_CHECK_IN (item);
    }
  return count;
}

/* "H:2026-11-22:6.5:2" for headers, "C:note" for check-ins. */
static char *
describe (Fixture *f)
{
  GString *out = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (f->history));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (f->history), i);

      if (out->len > 0)
        g_string_append_c (out, ' ');
      if (RW_IS_DAY_HEADER (item))
        {
          RwDayHeader *header = RW_DAY_HEADER (item);
          g_string_append_printf (out, "H:%s:%.1f:%u", rw_day_header_get_date (header),
                                  rw_day_header_get_mean_mood (header),
                                  rw_day_header_get_n_check_ins (header));
        }
      else
        g_string_append_printf (out, "C:%s", rw_check_in_get_note (RW_CHECK_IN (item)));
    }
  return g_string_free (out, FALSE);
}

static void
test_headers_and_means (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *text = NULL;

  g_autoptr(RwCheckIn) a = add (f, "2026-11-20", "08:00", 4, "a");
  g_autoptr(RwCheckIn) b = add (f, "2026-11-22", "07:00", 6, "b");
  g_autoptr(RwCheckIn) c = add (f, "2026-11-22", "21:00", 9, "c");
  g_autoptr(RwCheckIn) d = add (f, "2026-11-21", "12:00", RW_METRIC_UNSET, "d");

  /* Nothing is read until the view asks. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->history)), ==, 0);
  g_assert_cmpuint (rw_history_model_load_older (f->history, 100), ==, 4);
  text = describe (f);

  /* Newest first; the header carries the day's mean mood (6 and 9 -> 7.5)
   * and a day without a mood has none. */
  g_assert_cmpstr (text, ==, "H:2026-11-22:7.5:2 C:c C:b H:2026-11-21:-1.0:1 C:d H:2026-11-20:4.0:1 C:a");
}

static void
test_changes_are_exact (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(RwCheckIn) a = add (f, "2026-11-20", "08:00", 4, "a");
  g_autoptr(RwCheckIn) b = add (f, "2026-11-22", "07:00", 6, "b");
  g_autoptr(RwCheckIn) c = NULL;
  g_autoptr(RwCheckIn) d = NULL;
  g_autofree char *text = NULL;

  rw_history_model_load_older (f->history, 100);

  /* A second check-in on the newest day: its header (mean 6 -> 7) and the
   * new row change; the older day is untouched. */
  f->changes = 0;
  c = add (f, "2026-11-22", "21:00", 8, "c");
  g_assert_cmpuint (f->changes, ==, 1);
  g_assert_cmpuint (f->last_position, ==, 0);
  g_assert_cmpuint (f->last_removed, ==, 1);
  g_assert_cmpuint (f->last_added, ==, 2);
  text = describe (f);
  g_assert_cmpstr (text, ==, "H:2026-11-22:7.0:2 C:c C:b H:2026-11-20:4.0:1 C:a");

  /* A new day in between adds a header and a row, nothing else. */
  f->changes = 0;
  d = add (f, "2026-11-21", "10:00", 5, "d");
  g_assert_cmpuint (f->changes, ==, 1);
  g_assert_cmpuint (f->last_position, ==, 3);
  g_assert_cmpuint (f->last_removed, ==, 0);
  g_assert_cmpuint (f->last_added, ==, 2);

  /* Deleting the only check-in of a day removes its header too. */
  f->changes = 0;
  g_assert_true (rw_journal_hide (f->journal, rw_check_in_get_id (a), NULL));
  g_clear_pointer (&text, g_free);
  text = describe (f);
  g_assert_cmpstr (text, ==, "H:2026-11-22:7.0:2 C:c C:b H:2026-11-21:5.0:1 C:d");
  g_assert_cmpuint (f->last_removed, ==, 2);
  g_assert_cmpuint (f->last_added, ==, 0);
}

static void
test_search_keeps_day_mean (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(RwCheckIn) a = add (f, "2026-11-22", "07:00", 2, "rough morning");
  g_autoptr(RwCheckIn) b = add (f, "2026-11-22", "21:00", 8, "walked by the sea");
  g_autofree char *text = NULL;

  rw_history_model_load_older (f->history, 10);
  rw_history_model_set_search (f->history, "sea");
  g_assert_true (rw_history_model_get_loading (f->history));
  wait_for_matches (f);
  g_assert_cmpuint (rw_history_model_get_n_matches (f->history), ==, 1);
  text = describe (f);
  /* One match shown; the header still tells how the whole day was. */
  g_assert_cmpstr (text, ==, "H:2026-11-22:5.0:1 C:walked by the sea");
}

static void
test_find_date (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(RwCheckIn) a = add (f, "2026-11-01", "08:00", 4, "a");
  g_autoptr(RwCheckIn) b = add (f, "2026-11-10", "08:00", 4, "b");
  g_autoptr(RwCheckIn) c = add (f, "2026-11-20", "08:00", 4, "c");

  rw_history_model_load_older (f->history, 10);
  /* Entries: 0 H20 1 c 2 H10 3 b 4 H01 5 a */
  g_assert_cmpuint (rw_history_model_find_date (f->history, "2026-11-20"), ==, 0);
  g_assert_cmpuint (rw_history_model_find_date (f->history, "2026-11-25"), ==, 0);
  g_assert_cmpuint (rw_history_model_find_date (f->history, "2026-11-10"), ==, 2);
  g_assert_cmpuint (rw_history_model_find_date (f->history, "2026-11-15"), ==, 2);
  g_assert_cmpuint (rw_history_model_find_date (f->history, "2026-11-05"), ==, 4);
  g_assert_cmpuint (rw_history_model_find_date (f->history, "2025-01-01"), ==, 4);
}

/* The window grows by whole days as the view asks, and says when there
 * is more; a day is never cut in two. */
static void
test_window (Fixture       *f,
             gconstpointer  data)
{
  static const struct {
    guint days, per_day, ask, expect;
  } cases[] = {
    { 30, 1, 5, 5 },
    { 30, 3, 4, 6 },     /* two whole days */
    { 30, 3, 3, 3 },
    { 2, 2, 10, 4 },     /* all there is */
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      guint total = cases[c].days * cases[c].per_day, loaded;

      fixture_teardown (f, NULL);
      fixture_setup (f, NULL);
      add_days (f, cases[c].days, cases[c].per_day);

      f->changes = 0;
      loaded = rw_history_model_load_older (f->history, cases[c].ask);
      g_assert_cmpuint (loaded, ==, cases[c].expect);
      g_assert_cmpuint (n_check_ins (f), ==, cases[c].expect);
      g_assert_cmpuint (f->changes, ==, 1);
      g_assert_cmpuint (f->last_position, ==, 0);
      g_assert_cmpuint (rw_history_model_get_more_older (f->history), ==, loaded < total);
      g_assert_false (rw_history_model_get_more_newer (f->history));

      /* The rest comes at the end, and only there. */
      while (rw_history_model_get_more_older (f->history))
        {
          guint before = g_list_model_get_n_items (G_LIST_MODEL (f->history));

          g_assert_cmpuint (rw_history_model_load_older (f->history, cases[c].ask), >, 0);
          g_assert_cmpuint (f->last_position, ==, before);
          g_assert_cmpuint (f->last_removed, ==, 0);
        }
      g_assert_cmpuint (n_check_ins (f), ==, total);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->history)), ==,
                        total + cases[c].days);
      g_assert_cmpuint (rw_history_model_load_older (f->history, 5), ==, 0);
    }
}

static void
test_jump (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GObject) item = NULL;
  guint position, n_before;

  add_days (f, 200, 1);   /* 2026-05-15 .. 2026-11-30 */
  rw_history_model_load_older (f->history, 5);

  /* Far back: only the days around it are read, the day itself a few
   * rows down, with more above and below. */
  position = rw_history_model_jump_to_date (f->history, "2026-07-04", 2, 6);
  item = g_list_model_get_item (G_LIST_MODEL (f->history), position);
  g_assert_true (RW_IS_DAY_HEADER (item));
  g_assert_cmpstr (rw_day_header_get_date (RW_DAY_HEADER (item)), ==, "2026-07-04");
  g_assert_cmpuint (position, ==, 4);
  g_assert_cmpuint (n_check_ins (f), ==, 8);
  g_assert_true (rw_history_model_get_more_newer (f->history));
  g_assert_true (rw_history_model_get_more_older (f->history));

  /* Scrolling up reads newer days, added above. */
  n_before = g_list_model_get_n_items (G_LIST_MODEL (f->history));
  g_assert_cmpuint (rw_history_model_load_newer (f->history, 3), ==, 3);
  g_assert_cmpuint (f->last_position, ==, 0);
  g_assert_cmpuint (f->last_added, ==, 6);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->history)), ==, n_before + 6);

  /* A day without check-ins goes to the nearest older one; before the
   * first, to the oldest. */
  g_clear_object (&item);
  position = rw_history_model_jump_to_date (f->history, "2020-01-01", 2, 6);
  item = g_list_model_get_item (G_LIST_MODEL (f->history), position);
  g_assert_cmpstr (rw_day_header_get_date (RW_DAY_HEADER (item)), ==, "2026-05-15");
  g_assert_false (rw_history_model_get_more_older (f->history));

  /* Back to the top. */
  g_clear_object (&item);
  position = rw_history_model_jump_to_date (f->history, "2030-01-01", 2, 6);
  item = g_list_model_get_item (G_LIST_MODEL (f->history), position);
  g_assert_cmpuint (position, ==, 0);
  g_assert_cmpstr (rw_day_header_get_date (RW_DAY_HEADER (item)), ==, "2026-11-30");
  g_assert_false (rw_history_model_get_more_newer (f->history));
}

/* With a filter the window moves over the matches, and a newer search
 * replaces an older one still running. */
static void
test_filter_window (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GObject) first = NULL;
  guint position;

  add_days (f, 100, 1);   /* every tenth day's note says "tenth" */
  rw_history_model_load_older (f->history, 4);

  rw_history_model_set_search (f->history, "nothing");
  rw_history_model_set_search (f->history, "tent");
  g_assert_true (rw_history_model_get_loading (f->history));
  wait_for_matches (f);
  g_assert_cmpstr (rw_history_model_get_search (f->history), ==, "tent");
  g_assert_cmpuint (rw_history_model_get_n_matches (f->history), ==, 10);
  /* The first page: as many as the view first asked for. */
  g_assert_cmpuint (n_check_ins (f), ==, 4);
  g_assert_true (rw_history_model_get_more_older (f->history));
  while (rw_history_model_load_older (f->history, 4) > 0)
    ;
  g_assert_cmpuint (n_check_ins (f), ==, 10);

  position = rw_history_model_jump_to_date (f->history, "2026-09-05", 1, 2);
  first = g_list_model_get_item (G_LIST_MODEL (f->history), position);
  g_assert_cmpstr (rw_day_header_get_date (RW_DAY_HEADER (first)), ==, "2026-09-01");

  /* A tag works the same way, and together with a search. */
  rw_history_model_set_search (f->history, NULL);
  g_assert_false (rw_history_model_get_loading (f->history));
  g_assert_cmpuint (rw_history_model_get_n_matches (f->history), ==, 0);
  g_assert_cmpuint (n_check_ins (f), ==, 4);

  rw_history_model_set_search (f->history, "   ");
  g_assert_null (rw_history_model_get_search (f->history));
}

/* After a change the window shows the same stretch of the history, and
 * takes in what is new only when it starts at the newest day. */
static void
test_reload_keeps_window (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(RwCheckIn) today = NULL;
  guint position;

  add_days (f, 50, 1);
  position = rw_history_model_jump_to_date (f->history, "2026-10-20", 0, 4);
  g_assert_cmpuint (position, ==, 0);

  f->changes = 0;
  today = add (f, "2026-12-01", "09:00", 5, "new");
  g_assert_cmpuint (f->changes, ==, 0);
  g_assert_cmpuint (n_check_ins (f), ==, 4);

  rw_history_model_jump_to_date (f->history, "2030-01-01", 0, 4);
  g_assert_cmpuint (n_check_ins (f), ==, 4);
  {
    g_autoptr(RwCheckIn) another = add (f, "2026-12-02", "09:00", 5, "newer");
    g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (f->history), 1);

    g_assert_cmpuint (n_check_ins (f), ==, 5);
    g_assert_cmpstr (rw_check_in_get_note (RW_CHECK_IN (item)), ==, "newer");
  }
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  rw_history_model_load_older (f->history, 10);
  g_assert_false (rw_history_model_get_more_older (f->history));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->history)), ==, 0);
  g_assert_cmpuint (rw_history_model_find_date (f->history, "2026-11-20"), ==, G_MAXUINT);
}

/* Newest first: by day, then by time within a day. */
static void
test_order_newest_first (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(RwCheckIn) a = add (f, "2026-11-20", "08:00", 1, "a");
  g_autoptr(RwCheckIn) b = add (f, "2026-11-22", "07:00", 2, "b");
  g_autoptr(RwCheckIn) c = add (f, "2026-11-20", "21:30", 3, "c");
  g_autoptr(RwCheckIn) d = add (f, "2026-11-21", "12:00", 4, "d");
  g_autofree char *text = NULL;

  g_assert_cmpuint (rw_history_model_load_older (f->history, 100), ==, 4);
  text = describe (f);
  g_assert_cmpstr (text, ==, "H:2026-11-22:2.0:1 C:b H:2026-11-21:4.0:1 C:d H:2026-11-20:2.0:2 C:c C:a");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (f->history), 7));
}

/* An edit in place replaces just that row (and its day's header, whose
 * mean moves), and the row shows the new values. */
static void
test_edit_replaces_row (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(RwCheckIn) a = add (f, "2026-11-01", "08:00", 5, "oldest");
  g_autoptr(RwCheckIn) b = add (f, "2026-11-10", "08:00", 5, "middle");
  g_autoptr(RwCheckIn) c = add (f, "2026-11-20", "08:00", 5, "newest");
  g_autoptr(GError) error = NULL;

  rw_history_model_load_older (f->history, 100);
  /* Entries: 0 H20 1 newest 2 H10 3 middle 4 H01 5 oldest */
  f->changes = 0;
  rw_check_in_set_metric (b, RW_METRIC_MOOD, 9);
  g_assert_true (rw_journal_update (f->journal, b, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->changes, ==, 1);
  g_assert_cmpuint (f->last_position, ==, 2);
  g_assert_cmpuint (f->last_removed, ==, 2);
  g_assert_cmpuint (f->last_added, ==, 2);
  {
    g_autoptr(GObject) fresh = g_list_model_get_item (G_LIST_MODEL (f->history), 3);
    g_assert_cmpint (rw_check_in_get_metric (RW_CHECK_IN (fresh), RW_METRIC_MOOD), ==, 9);
  }

  /* A note changes only the row. */
  f->changes = 0;
  rw_check_in_set_note (c, "newest, edited");
  g_assert_true (rw_journal_update (f->journal, c, &error));
  g_assert_cmpuint (f->changes, ==, 1);
  g_assert_cmpuint (f->last_position, ==, 1);
  g_assert_cmpuint (f->last_removed, ==, 1);
  g_assert_cmpuint (f->last_added, ==, 1);
}

static guint
search_n (Fixture    *f,
          const char *search)
{
  rw_history_model_set_search (f->history, search);
  wait_for_matches (f);
  return rw_history_model_get_n_matches (f->history);
}

static gboolean
count_cb (RwCheckIn *check_in,
          gpointer   user_data)
{
  guint *n = user_data;

  (*n)++;
  return TRUE;
}

static gboolean
has_words (const char *search)
{
  g_autofree char *match = rw_search_build_match (search);

  return match != NULL;
}

/* Words in any script, as prefixes, in notes and tags; whatever is typed
 * is taken as text, never as query syntax. */
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
  RwDatabase *db = rw_journal_get_database (f->journal);
  g_autofree char *long_query = g_strnfill (10000, 'a');

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_autoptr(RwCheckIn) check_in = rw_test_check_in_new ("2026-11-22", "09:00", RW_METRIC_UNSET,
                                                            entries[i].note);
      g_auto(GStrv) tags = rw_parse_tags (entries[i].tags, ';', NULL);

      rw_check_in_set_tags (check_in, (const char * const *) tags);
      g_assert_true (rw_journal_add (f->journal, check_in, NULL));
    }
  rw_history_model_load_older (f->history, 10);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_test_message ("search “%s”", queries[i].query);
      g_assert_cmpuint (search_n (f, queries[i].query), ==, queries[i].n);
      g_assert_cmpuint (n_check_ins (f), ==, queries[i].n);
    }

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(GError) error = NULL;
      RwCheckInQuery query = { NULL, NULL, hostile[i], FALSE };
      guint shown, n = 0;

      shown = search_n (f, hostile[i]);
      g_assert_cmpuint (shown, <=, G_N_ELEMENTS (entries));
      g_assert_cmpuint (n_check_ins (f), ==, shown);

      /* The streaming query behind list and export takes the same input.
       * Text without a word to search for shows nothing in the window,
       * while the command line then lists everything. */
      g_assert_true (rw_check_in_sql_foreach (db, &query, count_cb, &n, &error));
      g_assert_no_error (error);
      if (has_words (hostile[i]))
        g_assert_cmpuint (n, ==, shown);
      else
        {
          g_assert_cmpuint (shown, ==, 0);
          g_assert_cmpuint (n, ==, G_N_ELEMENTS (entries));
        }
    }

  g_assert_cmpuint (search_n (f, long_query), ==, 0);
  g_assert_cmpuint (n_check_ins (f), ==, 0);

  search_n (f, NULL);
  g_assert_cmpuint (n_check_ins (f), ==, G_N_ELEMENTS (entries));

  /* An edit keeps the index in step: the old word is gone. */
  {
    g_autoptr(GObject) first = NULL;
    g_autoptr(RwCheckIn) check_in = NULL;

    g_assert_cmpuint (search_n (f, "river"), ==, 1);
    first = g_list_model_get_item (G_LIST_MODEL (f->history), 1);
    check_in = rw_check_in_copy (RW_CHECK_IN (first));
    rw_check_in_set_note (check_in, "Stayed home");
    g_assert_true (rw_journal_update (f->journal, check_in, NULL));
    wait_for_matches (f);
    g_assert_cmpuint (rw_history_model_get_n_matches (f->history), ==, 0);
    g_assert_cmpuint (n_check_ins (f), ==, 0);
    g_assert_cmpuint (search_n (f, "stayed"), ==, 1);
    g_assert_true (rw_journal_hide (f->journal, rw_check_in_get_id (check_in), NULL));
    wait_for_matches (f);
    g_assert_cmpuint (rw_history_model_get_n_matches (f->history), ==, 0);
    g_assert_cmpuint (n_check_ins (f), ==, 0);
  }
}

static void
test_tag_filter (Fixture       *f,
                 gconstpointer  data)
{
  static const struct { const char *date, *note, *tags; } entries[] = {
    { "2026-11-20", "one", "walk,coffee" },
    { "2026-11-21", "two", "stroll" },
    { "2026-11-22", "three", "walk,stroll" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_autoptr(RwCheckIn) check_in = rw_test_check_in_new (entries[i].date, "09:00", RW_METRIC_UNSET,
                                                            entries[i].note);
      g_auto(GStrv) tags = rw_parse_tags (entries[i].tags, ',', NULL);

      rw_check_in_set_tags (check_in, (const char * const *) tags);
      g_assert_true (rw_journal_add (f->journal, check_in, NULL));
    }
  rw_history_model_load_older (f->history, 10);

  rw_history_model_set_tag (f->history, "stroll");
  g_assert_cmpstr (rw_history_model_get_tag (f->history), ==, "stroll");
  wait_for_matches (f);
  g_assert_cmpuint (rw_history_model_get_n_matches (f->history), ==, 2);
  g_assert_cmpuint (n_check_ins (f), ==, 2);

  /* With a search, both must hold. */
  g_assert_cmpuint (search_n (f, "three"), ==, 1);
  search_n (f, NULL);

  /* A merge changes what a tag finds. */
  g_assert_true (rw_journal_rename_tag (f->journal, "stroll", "walk", NULL));
  rw_history_model_set_tag (f->history, "walk");
  wait_for_matches (f);
  g_assert_cmpuint (rw_history_model_get_n_matches (f->history), ==, 3);

  rw_history_model_set_tag (f->history, "");
  g_assert_null (rw_history_model_get_tag (f->history));
  g_assert_cmpuint (n_check_ins (f), ==, 3);
}

/* What another process (the command line) writes shows up once the
 * journal looks for changes. */
static void
test_external_change (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(RwJournal) other = rw_journal_open (f->dir, NULL);
  g_autoptr(RwCheckIn) check_in = rw_test_check_in_new ("2026-11-22", "10:00", 7, "from another process");
  g_autoptr(GObject) seen = NULL;

  rw_history_model_load_older (f->history, 10);
  g_assert_true (rw_journal_add (other, check_in, NULL));
  g_assert_cmpuint (n_check_ins (f), ==, 0);

  g_assert_true (rw_journal_poll_changes (f->journal));
  g_assert_cmpuint (n_check_ins (f), ==, 1);
  seen = g_list_model_get_item (G_LIST_MODEL (f->history), 1);
  g_assert_cmpstr (rw_check_in_get_note (RW_CHECK_IN (seen)), ==, "from another process");

  /* An edit elsewhere shows up too. */
  rw_check_in_set_note (check_in, "edited elsewhere");
  g_assert_true (rw_journal_update (other, check_in, NULL));
  g_assert_true (rw_journal_poll_changes (f->journal));
  g_clear_object (&seen);
  seen = g_list_model_get_item (G_LIST_MODEL (f->history), 1);
  g_assert_cmpstr (rw_check_in_get_note (RW_CHECK_IN (seen)), ==, "edited elsewhere");
  g_assert_false (rw_journal_poll_changes (f->journal));
}

static gboolean
insert_many (RwDatabase  *db,
             GPtrArray   *check_ins,
             GError     **error)
{
  for (guint i = 0; i < check_ins->len; i++)
    if (!rw_check_in_sql_insert (db, g_ptr_array_index (check_ins, i), error))
      return FALSE;
  return TRUE;
}

/* Check-in objects alive, counted by hooks on the class: GLib's own
 * instance count (GOBJECT_DEBUG=instance-count) needs a debug build of
 * GLib, and Debian's counts nothing. */
static int check_ins_alive;
static void (*check_in_constructed) (GObject *object);
static void (*check_in_finalize) (GObject *object);

static void
counting_constructed (GObject *object)
{
  check_ins_alive++;
  if (check_in_constructed != NULL)
    check_in_constructed (object);
}

static void
counting_finalize (GObject *object)
{
  check_ins_alive--;
  check_in_finalize (object);
}

static void
count_check_in_objects (void)
{
  GObjectClass *klass = g_type_class_ref (RW_TYPE_CHECK_IN);

  if (klass->finalize == counting_finalize)
    return;
  check_in_constructed = klass->constructed;
  check_in_finalize = klass->finalize;
  klass->constructed = counting_constructed;
  klass->finalize = counting_finalize;
}

/* The window reads keys, not check-ins: objects are made when a row asks
 * for one, and only a bounded number is kept. */
static void
test_lazy_objects (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) check_ins = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RwHistoryModel) history = NULL;
  g_autoptr(GError) error = NULL;
  const guint n = 6000;
  guint n_items, loaded = 0;
  int before;

  count_check_in_objects ();
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *date = g_strdup_printf ("%04u-%02u-%02u", 2000 + i / 336, 1 + i / 28 % 12,
                                               1 + i % 28);
      g_ptr_array_add (check_ins, rw_test_check_in_new (date, "09:00", i % 11, "bulk"));
    }
  g_assert_cmpint (check_ins_alive, >=, n);
  g_assert_true (rw_database_write (rw_journal_get_database (f->journal), (RwWriteFunc) insert_many,
                                    check_ins, &error));
  g_assert_no_error (error);
  g_clear_pointer (&check_ins, g_ptr_array_unref);

  before = check_ins_alive;
  history = rw_history_model_new (f->journal);
  while (rw_history_model_get_more_older (history))
    loaded += rw_history_model_load_older (history, 500);
  g_assert_cmpuint (loaded, ==, n);
  /* Filling the window builds no check-in objects. */
  g_assert_cmpint (check_ins_alive, ==, before);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (history));
  g_assert_cmpuint (n_items, ==, n * 2);   /* one check-in a day */
  for (guint i = 0; i < n_items; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (history), i));
  /* Walking all of them keeps only a bounded cache alive. */
  g_assert_cmpint (check_ins_alive - before, >, 0);
  g_assert_cmpint (check_ins_alive - before, <=, 4096);

  g_clear_object (&history);
  g_assert_cmpint (check_ins_alive, ==, before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/history/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("headers-and-means", test_headers_and_means);
  ADD ("changes-are-exact", test_changes_are_exact);
  ADD ("search-keeps-day-mean", test_search_keeps_day_mean);
  ADD ("find-date", test_find_date);
  ADD ("empty", test_empty);
  ADD ("window", test_window);
  ADD ("jump", test_jump);
  ADD ("filter-window", test_filter_window);
  ADD ("reload-keeps-window", test_reload_keeps_window);
  ADD ("order-newest-first", test_order_newest_first);
  ADD ("edit-replaces-row", test_edit_replaces_row);
  ADD ("search", test_search);
  ADD ("tag-filter", test_tag_filter);
  ADD ("external-change", test_external_change);
  ADD ("lazy-objects", test_lazy_objects);

#undef ADD

  return g_test_run ();
}
