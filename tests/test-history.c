/* test-history.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rw-core.h"
#include "rw-test-util.h"

typedef struct
{
  char *dir;
  RwDatabase *db;
  RwCheckInStore *store;
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
  f->db = rw_database_open (f->dir, NULL);
  g_assert_nonnull (f->db);
  f->store = rw_check_in_store_new (f->db);
  f->history = rw_history_model_new (f->store);
  g_signal_connect (f->history, "items-changed", G_CALLBACK (items_changed_cb), f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->history);
  g_clear_object (&f->store);
  g_clear_object (&f->db);
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
  RwCheckIn *check_in = rw_check_in_new ();
  g_autoptr(GError) error = NULL;

  rw_check_in_set_date (check_in, date);
  rw_check_in_set_time (check_in, time);
  rw_check_in_set_metric (check_in, RW_METRIC_MOOD, mood);
  rw_check_in_set_note (check_in, note);
  rw_check_in_store_add (f->store, check_in, &error);
  g_assert_no_error (error);
  return check_in;
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
  g_autoptr(RwCheckIn) a = add (f, "2026-11-20", "08:00", 4, "a");
  g_autoptr(RwCheckIn) b = add (f, "2026-11-22", "07:00", 6, "b");
  g_autoptr(RwCheckIn) c = add (f, "2026-11-22", "21:00", 9, "c");
  g_autoptr(RwCheckIn) d = add (f, "2026-11-21", "12:00", RW_METRIC_UNSET, "d");
  g_autofree char *text = describe (f);

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
  g_assert_true (rw_check_in_store_hide (f->store, rw_check_in_get_id (a), NULL));
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

  rw_check_in_store_set_search (f->store, "sea");
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

  /* Entries: 0 H20 1 c 2 H10 3 b 4 H01 5 a */
  g_assert_cmpuint (rw_history_model_find_date (f->history, "2026-11-20"), ==, 0);
  g_assert_cmpuint (rw_history_model_find_date (f->history, "2026-11-25"), ==, 0);
  g_assert_cmpuint (rw_history_model_find_date (f->history, "2026-11-10"), ==, 2);
  g_assert_cmpuint (rw_history_model_find_date (f->history, "2026-11-15"), ==, 2);
  g_assert_cmpuint (rw_history_model_find_date (f->history, "2026-11-05"), ==, 4);
  g_assert_cmpuint (rw_history_model_find_date (f->history, "2025-01-01"), ==, 4);
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->history)), ==, 0);
  g_assert_cmpuint (rw_history_model_find_date (f->history, "2026-11-20"), ==, G_MAXUINT);
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

#undef ADD

  return g_test_run ();
}
