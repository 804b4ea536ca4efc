/* test-trends.c: the Trends view in a real X server: ranges, previous and
 * next, series toggles, summary cards, insights only when the data allows,
 * and the chart following changes to the journal.
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "rw-test-util.h"
#include "rw-journal-private.h"
#include "rw-trends-page.h"

typedef struct
{
  char *dir;
  RwDatabase *db;
  RwJournal *journal;
  RwContext *context;
  GSettings *settings;
  RwCheckInStore *store;
  RwClock *clock;
  GtkWindow *window;
  RwTrendsPage *page;
} Fixture;

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static char *
add (Fixture    *f,
     const char *date,
     int         mood,
     double      sleep,
     const char *tag)
{
  g_autoptr(RwCheckIn) check_in = rw_check_in_new ();
  const char *tags[] = { tag, NULL };
  g_autoptr(GError) error = NULL;

  rw_check_in_set_date (check_in, date);
  rw_check_in_set_time (check_in, "09:00");
  rw_check_in_set_metric (check_in, RW_METRIC_MOOD, mood);
  rw_check_in_set_sleep_hours (check_in, sleep);
  if (tag != NULL)
    rw_check_in_set_tags (check_in, tags);
  g_assert_true (rw_check_in_store_add (f->store, check_in, &error));
  g_assert_no_error (error);
  return g_strdup (rw_check_in_get_id (check_in));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = rw_test_make_dir ();
  f->journal = rw_journal_open (f->dir, &error);
  g_assert_no_error (error);
  f->db = g_object_ref (rw_journal_get_database (f->journal));
  f->store = g_object_ref (rw_journal_get_store (f->journal));
  f->clock = rw_clock_new_manual ("2026-11-22", "20:00");
  f->settings = rw_settings_new ();
  f->context = rw_context_new (f->journal, f->settings, f->clock);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 900, 800);
  f->page = rw_trends_page_new (f->context);
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  gtk_window_present (f->window);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->window);
  spin ();
  g_clear_object (&f->store);
  g_clear_object (&f->db);
  g_clear_object (&f->context);
  g_clear_object (&f->journal);
  g_clear_object (&f->settings);
  g_clear_object (&f->clock);
  rw_test_remove_dir (f->dir);
  g_free (f->dir);
}

static void
test_ranges_and_cards (Fixture       *f,
                       gconstpointer  data)
{
  RwChart *chart = rw_trends_page_get_chart (f->page);
  RwSeries *series;
  g_autofree char *cards = NULL;

  /* 16–22 Nov mood 6; 9–15 Nov mood 4. */
  for (guint d = 9; d <= 22; d++)
    {
      g_autofree char *date = g_strdup_printf ("2026-11-%02u", d);
      g_free (add (f, date, d >= 16 ? 6 : 4, 7.5, NULL));
    }
  rw_trends_page_set_store (f->page, f->store, f->clock);
  rw_trends_page_set_range (f->page, RW_RANGE_7D);
  spin ();

  series = rw_chart_get_series (chart);
  g_assert_cmpuint (rw_series_get_n_days (series), ==, 7);
  g_assert_cmpuint (rw_series_get_last (series), ==, rw_julian_from_iso ("2026-11-22"));
  cards = rw_trends_page_dup_summary_text (f->page);
  g_test_message ("%s", cards);
  g_assert_nonnull (strstr (cards, "Days logged\n7\nof 7"));
  g_assert_nonnull (strstr (cards, "Mood\n6.0\nup 2.0 on the period before"));
  g_assert_nonnull (strstr (cards, "Sleep hours\n7.5 h\nabout the same"));
  g_clear_pointer (&cards, g_free);

  /* Previous: 9–15 Nov, compared with 2–8 Nov where nothing was logged. */
  rw_trends_page_shift (f->page, -1);
  spin ();
  series = rw_chart_get_series (chart);
  g_assert_cmpuint (rw_series_get_last (series), ==, rw_julian_from_iso ("2026-11-15"));
  cards = rw_trends_page_dup_summary_text (f->page);
  g_assert_nonnull (strstr (cards, "Mood\n4.0\nnothing to compare with before"));
  g_clear_pointer (&cards, g_free);

  /* Next brings it back, and not beyond today. */
  rw_trends_page_shift (f->page, 1);
  rw_trends_page_shift (f->page, 1);
  spin ();
  g_assert_cmpuint (rw_series_get_last (rw_chart_get_series (chart)), ==,
                    rw_julian_from_iso ("2026-11-22"));

  /* "All" starts at the first check-in and compares with nothing. */
  rw_trends_page_set_range (f->page, RW_RANGE_ALL);
  spin ();
  g_assert_cmpuint (rw_series_get_first (rw_chart_get_series (chart)), ==,
                    rw_julian_from_iso ("2026-11-09"));
  cards = rw_trends_page_dup_summary_text (f->page);
  g_assert_null (strstr (cards, "period before"));
}

static void
test_series_toggles (Fixture       *f,
                     gconstpointer  data)
{
  RwChart *chart = rw_trends_page_get_chart (f->page);
  g_autofree char *cards = NULL;

  g_free (add (f, "2026-11-20", 5, 8, NULL));
  rw_trends_page_set_store (f->page, f->store, f->clock);
  g_assert_true (rw_chart_get_visible (chart, RW_SERIES_MOOD));
  g_assert_false (rw_chart_get_visible (chart, RW_SERIES_ANXIETY));

  rw_trends_page_set_visible_series (f->page, RW_SERIES_ANXIETY, TRUE);
  rw_trends_page_set_visible_series (f->page, RW_SERIES_SLEEP_HOURS, FALSE);
  spin ();
  g_assert_true (rw_chart_get_visible (chart, RW_SERIES_ANXIETY));
  g_assert_false (rw_chart_get_visible (chart, RW_SERIES_SLEEP_HOURS));
  cards = rw_trends_page_dup_summary_text (f->page);
  g_assert_null (strstr (cards, "Sleep hours"));
}

static void
test_follows_the_journal (Fixture       *f,
                          gconstpointer  data)
{
  RwChart *chart = rw_trends_page_get_chart (f->page);
  g_autofree char *id = NULL;
  double mood;

  rw_trends_page_set_store (f->page, f->store, f->clock);
  g_assert_true (rw_series_is_empty (rw_chart_get_series (chart)));

  id = add (f, "2026-11-21", 3, RW_SLEEP_UNSET, NULL);
  g_free (add (f, "2026-11-21", 7, RW_SLEEP_UNSET, NULL));
  spin ();
  mood = rw_series_get_value (rw_chart_get_series (chart), RW_SERIES_MOOD, 28);
  g_assert_cmpfloat (mood, ==, 5.0);

  /* A deleted check-in (hidden while its Undo shows) leaves the chart. */
  g_assert_true (rw_check_in_store_hide (f->store, id, NULL));
  spin ();
  mood = rw_series_get_value (rw_chart_get_series (chart), RW_SERIES_MOOD, 28);
  g_assert_cmpfloat (mood, ==, 7.0);
}

static void
test_insights_need_enough_data (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *text = NULL;

  /* 13 days with sleep and mood: no sleep insight yet. */
  for (guint d = 1; d <= 13; d++)
    {
      g_autofree char *date = g_strdup_printf ("2026-11-%02u", d);
      g_free (add (f, date, (int) (d % 5) + 3, 5 + (d % 5), d <= 10 ? "walk" : NULL));
    }
  rw_trends_page_set_store (f->page, f->store, f->clock);
  text = rw_trends_page_dup_insights_text (f->page);
  g_assert_cmpstr (text, ==, "");
  g_clear_pointer (&text, g_free);

  /* The 14th paired day brings it, with its n and as an association. */
  g_free (add (f, "2026-11-14", 4, 6, NULL));
  spin ();
  text = rw_trends_page_dup_insights_text (f->page);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Over 14 days with both"));
  g_assert_nonnull (strstr (text, "not proof of a cause"));
  /* "walk" is on 10 days but only 4 are without it: nothing said. */
  g_assert_null (strstr (text, "walk"));
}

/* GTK 4 has no synthetic key events for tests: emit the key controller's
 * signal the way a key press would reach it. */
static void
send_key (GtkWidget *widget,
          guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
  g_assert_true (handled);
}

static void
test_keyboard_shows_days (Fixture       *f,
                          gconstpointer  data)
{
  RwChart *chart = rw_trends_page_get_chart (f->page);
  GtkWidget *area = rw_trends_page_get_drawing_area (f->page);

  g_free (add (f, "2026-11-20", 5, 8, NULL));
  rw_trends_page_set_store (f->page, f->store, f->clock);
  spin ();
  g_assert_true (gtk_widget_grab_focus (area));
  g_assert_cmpint (rw_chart_get_highlight (chart), ==, -1);
  send_key (area, GDK_KEY_End);
  g_assert_cmpint (rw_chart_get_highlight (chart), ==, 29);
  send_key (area, GDK_KEY_Left);
  send_key (area, GDK_KEY_Left);
  g_assert_cmpint (rw_chart_get_highlight (chart), ==, 27);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) \
  g_test_add ("/trends/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("ranges-and-cards", test_ranges_and_cards);
  ADD ("series-toggles", test_series_toggles);
  ADD ("follows-the-journal", test_follows_the_journal);
  ADD ("insights-need-enough-data", test_insights_need_enough_data);
  ADD ("keyboard-shows-days", test_keyboard_shows_days);

#undef ADD

  return g_test_run ();
}
