/* test-trends.c: the Trends view in a real X server, made from a context
 * and driven through its actions: ranges, previous and next, series
 * shown, export; summary cards and insights only when the data allows;
 * the chart following the journal; hovering that redraws only the
 * highlight; the keyboard and the focus ring.
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rw-test-util.h"
#include "rw-test-ui.h"
#include "rw-around-view.h"
#include "rw-chart-view.h"
#include "rw-import.h"
#include "rw-journal-private.h"
#include "rw-trends-page.h"

typedef struct
{
  char *dir;
  RwJournal *journal;
  RwContext *context;
  GSettings *settings;
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

static gboolean
frame_cb (GtkWidget     *widget,
          GdkFrameClock *clock,
          gpointer       user_data)
{
  (*(guint *) user_data)++;
  return G_SOURCE_CONTINUE;
}

/* Waits until @widget's window has painted @frames more frames. */
static void
wait_frames (GtkWidget *widget,
             guint      frames)
{
  guint seen = 0;
  guint id = gtk_widget_add_tick_callback (widget, frame_cb, &seen, NULL);
  gint64 until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (seen < frames && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_remove_tick_callback (widget, id);
  spin ();
  g_assert_cmpuint (seen, >=, frames);
}

static RwCheckIn *
make_check_in (const char *date,
               int         mood,
               double      sleep,
               const char *tag)
{
  RwCheckIn *check_in = rw_check_in_new ();
  const char *tags[] = { tag, NULL };

  rw_check_in_set_date (check_in, date);
  rw_check_in_set_time (check_in, "09:00");
  rw_check_in_set_metric (check_in, RW_METRIC_MOOD, mood);
  rw_check_in_set_sleep_hours (check_in, sleep);
  if (tag != NULL)
    rw_check_in_set_tags (check_in, tags);
  return check_in;
}

static char *
add (Fixture    *f,
     const char *date,
     int         mood,
     double      sleep,
     const char *tag)
{
  g_autoptr(RwCheckIn) check_in = make_check_in (date, mood, sleep, tag);
  g_autoptr(GError) error = NULL;

  g_assert_true (rw_journal_add (f->journal, check_in, &error));
  g_assert_no_error (error);
  return g_strdup (rw_check_in_get_id (check_in));
}

/* @days days up to 22 November 2026, in one transaction. */
static void
add_many (Fixture *f,
          guint    days)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  guint32 last = rw_date_from_iso ("2026-11-22");
  g_autoptr(GError) error = NULL;
  RwImportResult result;

  for (guint i = 0; i < days; i++)
    {
      g_autofree char *date = rw_date_to_iso (last - i);
      g_ptr_array_add (list, make_check_in (date, (int) (i % 7) + 2, 6 + (i % 5) * 0.5, NULL));
    }
  g_assert_true (rw_import_check_ins (rw_journal_get_database (f->journal), list, NULL, &result,
                                      &error));
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = rw_test_make_dir ();
  f->journal = rw_journal_open (f->dir, &error);
  g_assert_no_error (error);
  f->clock = rw_clock_new_manual ("2026-11-22", "20:00");
  f->settings = rw_settings_new ();
  f->context = rw_context_new (f->journal, f->settings, f->clock);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 900, 800);
}

/* The page as the window makes it: from the context, when first shown. */
static void
show_page (Fixture *f)
{
  f->page = rw_trends_page_new (f->context);
  g_assert_true (rw_trends_page_get_context (f->page) == f->context);
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  gtk_window_present (f->window);
  spin ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->window);
  spin ();
  g_clear_object (&f->context);
  g_clear_object (&f->journal);
  g_clear_object (&f->settings);
  g_clear_object (&f->clock);
  rw_test_remove_dir (f->dir);
  g_free (f->dir);
}

static RwSeries *
shown (Fixture *f)
{
  return rw_chart_get_series (rw_trends_page_get_chart (f->page));
}

/* The widget under @root whose action is @action (and @target, if given). */
static GtkWidget *
find_actionable (GtkWidget  *root,
                 const char *action,
                 const char *target)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_ACTIONABLE (child) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action) == 0)
        {
          GVariant *value = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (child));

          if (target == NULL || (value != NULL && g_str_equal (g_variant_get_string (value, NULL), target)))
            return child;
        }
      if ((found = find_actionable (child, action, target)) != NULL)
        return found;
    }
  return NULL;
}

static void
test_ranges_and_cards (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *week, *next, *previous;
  g_autofree char *cards = NULL;

  /* 16–22 Nov mood 6; 9–15 Nov mood 4. */
  for (guint d = 9; d <= 22; d++)
    {
      g_autofree char *date = g_strdup_printf ("2026-11-%02u", d);
      g_free (add (f, date, d >= 16 ? 6 : 4, 7.5, NULL));
    }
  show_page (f);
  g_assert_cmpuint (rw_series_get_n_days (shown (f)), ==, 30);

  /* The "7 Days" button points at trends.range. */
  week = find_actionable (GTK_WIDGET (f->page), "trends.range", "7d");
  g_assert_nonnull (week);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (week)));
  g_signal_emit_by_name (week, "clicked");
  spin ();
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (week)));
  g_assert_cmpint (rw_trends_page_get_range (f->page), ==, RW_RANGE_7D);
  g_assert_cmpuint (rw_series_get_n_days (shown (f)), ==, 7);
  g_assert_cmpuint (rw_series_get_last (shown (f)), ==, rw_date_from_iso ("2026-11-22"));
  cards = rw_trends_page_dup_summary_text (f->page);
  g_test_message ("%s", cards);
  g_assert_nonnull (strstr (cards, "Days logged\n7\nof 7"));
  g_assert_nonnull (strstr (cards, "Mood\n6.0\nup 2.0 on the period before"));
  g_assert_nonnull (strstr (cards, "Sleep hours\n7.5 h\nabout the same"));
  g_clear_pointer (&cards, g_free);

  /* At today there is no later period. */
  next = find_actionable (GTK_WIDGET (f->page), "trends.next", NULL);
  previous = find_actionable (GTK_WIDGET (f->page), "trends.previous", NULL);
  g_assert_false (gtk_widget_get_sensitive (next));
  g_assert_true (gtk_widget_get_sensitive (previous));

  /* Previous: 9–15 Nov, compared with 2–8 Nov where nothing was logged. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "trends.previous", NULL));
  spin ();
  g_assert_cmpuint (rw_series_get_last (shown (f)), ==, rw_date_from_iso ("2026-11-15"));
  g_assert_true (gtk_widget_get_sensitive (next));
  cards = rw_trends_page_dup_summary_text (f->page);
  g_assert_nonnull (strstr (cards, "Mood\n4.0\nnothing to compare with before"));
  g_clear_pointer (&cards, g_free);

  /* Next brings it back, and not beyond today. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "trends.next", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "trends.next", NULL);
  spin ();
  g_assert_cmpuint (rw_series_get_last (shown (f)), ==, rw_date_from_iso ("2026-11-22"));

  /* "All" starts at the first check-in, compares with nothing and has no
   * period before or after. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "trends.range", "s", "all");
  spin ();
  g_assert_cmpuint (rw_series_get_first (shown (f)), ==, rw_date_from_iso ("2026-11-09"));
  cards = rw_trends_page_dup_summary_text (f->page);
  g_assert_null (strstr (cards, "period before"));
  g_assert_false (gtk_widget_get_sensitive (previous));
  g_assert_false (gtk_widget_get_sensitive (next));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (week)));
}

/* Ctrl+Page Up, Ctrl+Page Down and Ctrl+E, wherever the focus is while
 * the page is shown, go to the page's actions. */
static void
test_shortcuts (Fixture       *f,
                gconstpointer  data)
{
  const char *expected[][2] = {
    { "<Control>Page_Up", "trends.previous" },
    { "<Control>Page_Down", "trends.next" },
    { "<Control>e", "trends.export" },
  };
  g_autoptr(GListModel) controllers = NULL;
  GtkShortcutController *shortcuts = NULL;
  guint found = 0;

  g_free (add (f, "2026-11-20", 5, 8, NULL));
  show_page (f);
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->page));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_SHORTCUT_CONTROLLER (controller))
        shortcuts = GTK_SHORTCUT_CONTROLLER (controller);
    }
  g_assert_nonnull (shortcuts);
  g_assert_cmpint (gtk_shortcut_controller_get_scope (shortcuts), ==, GTK_SHORTCUT_SCOPE_MANAGED);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (shortcuts)); i++)
    {
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (shortcuts), i);
      g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
      GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

      for (guint e = 0; e < G_N_ELEMENTS (expected); e++)
        if (g_str_equal (trigger, expected[e][0]))
          {
            g_assert_true (GTK_IS_NAMED_ACTION (action));
            g_assert_cmpstr (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), ==,
                             expected[e][1]);
            found++;
          }
    }
  g_assert_cmpuint (found, ==, G_N_ELEMENTS (expected));

  /* Activated as the key would: the period before. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (shortcuts)); i++)
    {
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (shortcuts), i);
      g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

      if (g_str_equal (trigger, "<Control>Page_Up"))
        g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                     GTK_WIDGET (f->page), NULL));
    }
  spin ();
  g_assert_cmpuint (rw_series_get_last (shown (f)), ==, rw_date_from_iso ("2026-10-23"));
}

static void
test_series_actions (Fixture       *f,
                     gconstpointer  data)
{
  RwChart *chart;
  GtkWidget *anxiety;
  g_autofree char *cards = NULL;

  g_free (add (f, "2026-11-20", 5, 8, NULL));
  show_page (f);
  chart = rw_trends_page_get_chart (f->page);
  g_assert_true (rw_chart_get_visible (chart, RW_SERIES_MOOD));
  g_assert_true (rw_chart_get_visible (chart, RW_SERIES_SLEEP_HOURS));
  g_assert_false (rw_chart_get_visible (chart, RW_SERIES_ANXIETY));

  /* Each series' toggle points at its action; activating it toggles. */
  anxiety = find_actionable (GTK_WIDGET (f->page), "trends.show-anxiety", NULL);
  g_assert_nonnull (anxiety);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (anxiety)));
  gtk_widget_activate_action (GTK_WIDGET (f->page), "trends.show-anxiety", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "trends.show-sleep", NULL);
  spin ();
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (anxiety)));
  g_assert_true (rw_chart_get_visible (chart, RW_SERIES_ANXIETY));
  g_assert_false (rw_chart_get_visible (chart, RW_SERIES_SLEEP_HOURS));
  g_assert_false (rw_trends_page_get_series_visible (f->page, RW_SERIES_SLEEP_HOURS));
  cards = rw_trends_page_dup_summary_text (f->page);
  g_assert_null (strstr (cards, "Sleep hours"));
  g_assert_nonnull (strstr (cards, "Mood\n5.0"));

  /* The toggle button itself. */
  g_signal_emit_by_name (anxiety, "clicked");
  spin ();
  g_assert_false (rw_chart_get_visible (chart, RW_SERIES_ANXIETY));
  for (guint k = 0; k < RW_N_SERIES; k++)
    {
      g_autofree char *action = g_strconcat ("trends.show-", rw_series_kind_get_name (k), NULL);
      g_assert_nonnull (find_actionable (GTK_WIDGET (f->page), action, NULL));
    }
}

static void
test_follows_the_journal (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *id = NULL;

  show_page (f);
  g_assert_true (rw_series_is_empty (shown (f)));

  /* A burst of changes is one reload, after them. */
  id = add (f, "2026-11-21", 3, RW_SLEEP_UNSET, NULL);
  g_free (add (f, "2026-11-21", 7, RW_SLEEP_UNSET, NULL));
  g_assert_true (rw_series_is_empty (shown (f)));
  spin ();
  g_assert_cmpfloat (rw_series_get_value (shown (f), RW_SERIES_MOOD, 28), ==, 5.0);

  /* A deleted check-in (hidden while its Undo shows) leaves the chart. */
  g_assert_true (rw_journal_hide (f->journal, id, NULL));
  spin ();
  g_assert_cmpfloat (rw_series_get_value (shown (f), RW_SERIES_MOOD, 28), ==, 7.0);

  /* While the page is hidden it waits, and catches up when shown. */
  gtk_widget_set_visible (GTK_WIDGET (f->page), FALSE);
  g_free (add (f, "2026-11-22", 9, RW_SLEEP_UNSET, NULL));
  spin ();
  g_assert_true (isnan (rw_series_get_value (shown (f), RW_SERIES_MOOD, 29)));
  gtk_widget_set_visible (GTK_WIDGET (f->page), TRUE);
  spin ();
  g_assert_cmpfloat (rw_series_get_value (shown (f), RW_SERIES_MOOD, 29), ==, 9.0);
}

static void
test_insights_need_enough_data (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *text = NULL;

  /* 13 days with sleep and mood: nothing compared yet, and it says so. */
  for (guint d = 1; d <= 13; d++)
    {
      g_autofree char *date = g_strdup_printf ("2026-11-%02u", d);
      g_free (add (f, date, (int) (d % 5) + 3, 5 + (d % 5), d <= 10 ? "walk" : NULL));
    }
  show_page (f);
  text = rw_trends_page_dup_insights_text (f->page);
  g_assert_true (g_str_has_prefix (text, "Not enough days to look for patterns yet."));
  g_assert_null (strstr (text, "walk"));
}

/* A random journal (mood from a fixed scramble, "walk" in runs unrelated
 * to it) shows no pattern, only the kind line; a walk that lifts mood by
 * two points shows a line, and its numbers only on request. */
static void
test_insights_random_and_planted (Fixture       *f,
                                  gconstpointer  data)
{
  guint32 last = rw_date_from_iso ("2026-11-22");
  g_autofree char *text = NULL;
  g_autofree char *numbers = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (guint i = 0; i < 90; i++)
    {
      g_autofree char *date = rw_date_to_iso (last - 89 + i);
      gboolean walk = (i / 3) % 2 == 0;

      g_free (add (f, date, g_rand_int_range (rand, 3, 8), RW_SLEEP_UNSET, walk ? "walk" : NULL));
    }
  show_page (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "trends.range", "s", "90d"));
  text = rw_trends_page_dup_insights_text (f->page);
  g_test_message ("%s", text);
  g_assert_true (g_str_has_prefix (text, "There is not enough evidence for any pattern yet."));
  g_assert_null (strstr (text, "points higher"));
  g_assert_null (strstr (text, "points lower"));
  g_clear_pointer (&text, g_free);

  /* A second check-in on each walk day, four points higher (at most 10):
   * about two points more on those days. */
  {
    g_autoptr(RwJournal) journal = g_object_ref (f->journal);
    g_autoptr(GRand) again = g_rand_new_with_seed (7);
    g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
    g_autoptr(GError) error = NULL;
    RwImportResult result;

    for (guint i = 0; i < 90; i++)
      {
        g_autofree char *date = rw_date_to_iso (last - 89 + i);
        gboolean walk = (i / 3) % 2 == 0;
        int mood = g_rand_int_range (again, 3, 8);

        if (walk)
          g_ptr_array_add (list, make_check_in (date, MIN (mood + 4, 10), RW_SLEEP_UNSET, "walk"));
      }
    g_assert_true (rw_import_check_ins (rw_journal_get_database (journal), list, NULL, &result,
                                        &error));
    g_assert_no_error (error);
  }
  rw_database_poll_changes (rw_journal_get_database (f->journal));
  spin ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "trends.range", "s", "30d"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "trends.range", "s", "90d"));
  text = rw_trends_page_dup_insights_text (f->page);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "On days tagged “walk” your mood averaged"));
  g_assert_nonnull (strstr (text, "points higher"));
  g_assert_nonnull (strstr (text, "not proof that one causes the other"));
  g_assert_null (strstr (text, "p ="));

  /* The numbers on request, through the action the toggle uses. */
  g_assert_false (rw_trends_page_get_show_details (f->page));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "trends.show-details", NULL));
  g_assert_true (rw_trends_page_get_show_details (f->page));
  numbers = rw_trends_page_dup_insights_text (f->page);
  g_assert_nonnull (strstr (numbers, "p = "));
  g_assert_nonnull (strstr (numbers, "circular-shift test"));
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return GTK_EVENT_CONTROLLER (controller);
    }
  return NULL;
}

/* Hovering moves the highlight and repaints it, but neither lays the chart
 * out again nor draws it again: its render node is kept. */
static void
test_hover_redraws_nothing_else (Fixture       *f,
                                 gconstpointer  data)
{
  RwChartView *view;
  RwChart *chart;
  GtkEventController *motion;
  guint layouts, draws;
  int width;

  add_many (f, 3 * 365);
  show_page (f);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "trends.range", "s", "all");
  view = rw_trends_page_get_chart_view (f->page);
  chart = rw_chart_view_get_chart (view);
  wait_frames (GTK_WIDGET (view), 2);
  g_assert_cmpint (rw_chart_get_step (chart), !=, RW_CHART_STEP_DAY);
  layouts = rw_chart_get_layout_count (chart);
  draws = rw_chart_get_draw_count (chart);
  g_assert_cmpuint (draws, >=, 1);

  motion = find_controller (GTK_WIDGET (view), GTK_TYPE_EVENT_CONTROLLER_MOTION);
  width = gtk_widget_get_width (GTK_WIDGET (view));
  for (int x = width / 4; x < width * 3 / 4; x += width / 8)
    {
      g_signal_emit_by_name (motion, "motion", (double) x, 100.0);
      g_assert_cmpint (rw_chart_view_get_highlight (view), ==, rw_chart_day_at (chart, x));
      g_assert_cmpint (rw_chart_view_get_highlight (view), >=, 0);
      wait_frames (GTK_WIDGET (view), 1);
    }
  g_signal_emit_by_name (motion, "leave");
  g_assert_cmpint (rw_chart_view_get_highlight (view), ==, -1);
  wait_frames (GTK_WIDGET (view), 1);
  g_assert_cmpuint (rw_chart_get_layout_count (chart), ==, layouts);
  g_assert_cmpuint (rw_chart_get_draw_count (chart), ==, draws);

  /* Whereas showing another series draws the chart again. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "trends.show-hope", NULL);
  wait_frames (GTK_WIDGET (view), 1);
  g_assert_cmpuint (rw_chart_get_layout_count (chart), ==, layouts + 1);
  g_assert_cmpuint (rw_chart_get_draw_count (chart), >, draws);
}

/* GTK 4 has no synthetic key events for tests: emit the key controller's
 * signal the way a key press would reach it. */
static void
send_key (GtkWidget *widget,
          guint      keyval)
{
  GtkEventController *keys = find_controller (widget, GTK_TYPE_EVENT_CONTROLLER_KEY);
  gboolean handled = FALSE;

  g_assert_nonnull (keys);
  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, 0, &handled);
  g_assert_true (handled);
}

/* The view as it is drawn, onto an image. */
static cairo_surface_t *
render_widget (GtkWidget *widget)
{
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_t *cr = cairo_create (surface);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Pixels that differ in a band @inset px wide inside the edges. */
static guint
edge_differences (cairo_surface_t *a,
                  cairo_surface_t *b,
                  int              inset)
{
  int w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);
  const guint8 *da = cairo_image_surface_get_data (a), *db = cairo_image_surface_get_data (b);
  guint n = 0;

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      if ((x < inset || y < inset || x >= w - inset || y >= h - inset) &&
          memcmp (da + y * stride + x * 4, db + y * stride + x * 4, 4) != 0)
        n++;
  return n;
}

static void
test_keyboard_and_focus_ring (Fixture       *f,
                              gconstpointer  data)
{
  RwChartView *view;
  GtkWidget *widget;
  cairo_surface_t *unfocused, *focused;
  int w, h;

  g_free (add (f, "2026-11-20", 5, 8, NULL));
  show_page (f);
  view = rw_trends_page_get_chart_view (f->page);
  widget = GTK_WIDGET (view);
  wait_frames (widget, 1);
  /* Xvfb's pointer rests mid-screen, over the chart: the window mapped
   * under it may have taken a hover. Let that arrive, then take the
   * pointer away, so that only keys move the highlight below. */
  for (guint i = 0; i < 20; i++)
    {
      spin ();
      g_usleep (10000);
    }
  g_signal_emit_by_name (find_controller (widget, GTK_TYPE_EVENT_CONTROLLER_MOTION), "leave");
  w = gtk_widget_get_width (widget);
  h = gtk_widget_get_height (widget);
  unfocused = render_widget (widget);

  /* Tabbing to the chart shows a ring just inside its edge. */
  g_assert_true (gtk_widget_get_focusable (widget));
  g_assert_true (gtk_widget_grab_focus (widget));
  gtk_window_set_focus_visible (f->window, TRUE);
  wait_frames (widget, 1);
  g_assert_true (gtk_widget_get_state_flags (widget) & GTK_STATE_FLAG_FOCUS_VISIBLE);
  g_assert_true (gtk_widget_has_visible_focus (widget));
  focused = render_widget (widget);
  g_assert_cmpint (cairo_image_surface_get_width (focused), ==, w);
  /* All round the edge, within 6 px of it. */
  g_assert_cmpuint (edge_differences (unfocused, focused, 6), >, (guint) (w + h) * 2);
  cairo_surface_destroy (unfocused);
  cairo_surface_destroy (focused);

  g_assert_cmpint (rw_chart_view_get_highlight (view), ==, -1);
  send_key (widget, GDK_KEY_End);
  g_assert_cmpint (rw_chart_view_get_highlight (view), ==, 29);
  send_key (widget, GDK_KEY_Left);
  send_key (widget, GDK_KEY_Left);
  g_assert_cmpint (rw_chart_view_get_highlight (view), ==, 27);
  send_key (widget, GDK_KEY_Home);
  g_assert_cmpint (rw_chart_view_get_highlight (view), ==, 0);
  send_key (widget, GDK_KEY_Right);
  g_assert_cmpint (rw_chart_view_get_highlight (view), ==, 1);
  g_assert_nonnull (strstr (rw_chart_get_highlight_text (rw_chart_view_get_chart (view)),
                            "Sunday 25 October 2026"));
}

/* trends.export opens a file chooser with a name for the file; what the
 * person chooses goes to trends.export-as (the format chosen there wins,
 * and the name's ending is made to match; rw_chart_format_choose() is
 * tested in test-chart), which writes the chart as it is on screen and
 * says where in a toast. (The chooser is not driven here: GTK's fallback dialog
 * loads libcloudproviders, which leaks.) */
static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "trends", NULL);
  g_autofree char *written = g_strconcat (path, ".png", NULL);
  g_autofree char *svg = g_build_filename (f->dir, "trends.svg", NULL);
  g_autofree char *contents = NULL;
  RwChartView *view;
  cairo_surface_t *image;
  struct stat st;

  g_free (add (f, "2026-11-20", 5, 8, NULL));
  show_page (f);
  view = rw_trends_page_get_chart_view (f->page);
  wait_frames (GTK_WIDGET (view), 1);

  /* A name without .png gets it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "trends.export-to", "s", path));
  g_assert_cmpint (g_stat (written, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  image = cairo_image_surface_create_from_png (written);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  /* The chart at its size on screen, under a heading. */
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, gtk_widget_get_width (GTK_WIDGET (view)));
  g_assert_cmpint (cairo_image_surface_get_height (image), >, gtk_widget_get_height (GTK_WIDGET (view)));
  cairo_surface_destroy (image);
  g_unlink (written);
  /* A toast says where it went, with a way there. */
  {
    g_autofree char *folder = g_path_get_basename (f->dir);
    g_autofree char *said = g_strdup_printf ("Chart saved as trends.png in %s", folder);

    g_assert_nonnull (rw_test_find_label (GTK_WIDGET (f->page), said));
    g_assert_nonnull (rw_test_find_button (GTK_WIDGET (f->page), "Open Folder"));
  }

  /* PDF chosen for a name ending in .png: a PDF, named .pdf. */
  {
    g_autofree char *png = g_build_filename (f->dir, "chosen.png", NULL);
    g_autofree char *pdf = g_build_filename (f->dir, "chosen.pdf", NULL);
    g_autofree char *folder = g_path_get_basename (f->dir);
    g_autofree char *said = g_strdup_printf ("Chart saved as chosen.pdf in %s", folder);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "trends.export-as", "(ss)", png,
                                               "pdf"));
    g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "%PDF-"));
    g_clear_pointer (&contents, g_free);
    g_assert_cmpint (g_stat (pdf, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    rw_test_spin (5);
    g_assert_nonnull (rw_test_find_label (GTK_WIDGET (f->page), said));
    g_unlink (pdf);
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "trends.export-to", "s", svg));
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "<?xml"));
  g_unlink (svg);
}

/* After a gap the range shown is empty; a button moves it to end on the
 * latest check-in. With check-ins in the range there is no such button. */
static void
test_gap_shows_latest (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *button;
  GtkLabel *label;

  for (guint d = 1; d <= 5; d++)
    {
      g_autofree char *date = g_strdup_printf ("2026-08-%02u", d);
      g_free (add (f, date, 6, 7, NULL));
    }
  show_page (f);
  g_assert_true (rw_series_is_empty (shown (f)));
  button = rw_test_find (GTK_WIDGET (f->page), rw_test_match_button, "Show Latest Check-ins");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  label = rw_test_find_label (GTK_WIDGET (f->page), "5 August 2026");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (label)));

  g_signal_emit_by_name (button, "clicked");
  spin ();
  g_assert_cmpuint (rw_series_get_last (shown (f)), ==, rw_date_from_iso ("2026-08-05"));
  g_assert_cmpuint (rw_series_get_n_days (shown (f)), ==, 30);
  g_assert_cmpuint (rw_series_get_days_logged (shown (f)), ==, 5);
  g_assert_false (gtk_widget_is_visible (button));
  /* Back to today with Next. */
  g_assert_true (gtk_widget_get_sensitive (find_actionable (GTK_WIDGET (f->page), "trends.next", NULL)));

  /* Paging back past the first check-in offers the latest too. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "trends.previous", NULL);
  spin ();
  g_assert_true (rw_series_is_empty (shown (f)));
  g_assert_true (gtk_widget_is_visible (button));
  gtk_widget_activate_action (GTK_WIDGET (f->page), "trends.show-latest", NULL);
  spin ();
  g_assert_cmpuint (rw_series_get_last (shown (f)), ==, rw_date_from_iso ("2026-08-05"));

  /* A check-in today: the range is not empty, no button. */
  g_free (add (f, "2026-11-22", 5, 7, NULL));
  gtk_widget_activate_action (GTK_WIDGET (f->page), "trends.range", "s", "7d");
  spin ();
  gtk_widget_activate_action (GTK_WIDGET (f->page), "trends.next", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "trends.range", "s", "all");
  spin ();
  g_assert_false (rw_series_is_empty (shown (f)));
  g_assert_false (gtk_widget_is_visible (button));
}

/* At "All" over two years the best and hardest day carry their year. */
static void
test_extremes_show_year (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *cards = NULL;

  g_free (add (f, "2025-12-30", 3, 7, NULL));
  g_free (add (f, "2026-11-20", 8, 7, NULL));
  show_page (f);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "trends.range", "s", "all");
  spin ();
  cards = rw_trends_page_dup_summary_text (f->page);
  g_test_message ("%s", cards);
  g_assert_nonnull (strstr (cards, "Best day\n20 Nov 2026\nmood 8.0"));
  g_assert_nonnull (strstr (cards, "Hardest day\n30 Dec 2025\nmood 3.0"));
}

/* The year at a glance is on the page: its year before and after go back
 * to the first check-in's year and on to this one. */
static void
test_year_calendar_years (Fixture       *f,
                          gconstpointer  data)
{
  RwYearCalendar *calendar;
  GtkWidget *previous, *next;

  g_free (add (f, "2024-05-01", 4, 7, NULL));
  g_free (add (f, "2026-11-01", 6, 7, NULL));
  show_page (f);
  calendar = rw_trends_page_get_year_calendar (f->page);
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (calendar), GTK_WIDGET (f->page)));
  g_assert_cmpuint (rw_year_calendar_get_year (calendar), ==, 2026);
  previous = find_actionable (GTK_WIDGET (f->page), "trends.previous-year", NULL);
  next = find_actionable (GTK_WIDGET (f->page), "trends.next-year", NULL);
  g_assert_true (gtk_widget_get_sensitive (previous));
  g_assert_false (gtk_widget_get_sensitive (next));

  g_signal_emit_by_name (previous, "clicked");
  g_signal_emit_by_name (previous, "clicked");
  spin ();
  g_assert_cmpuint (rw_year_calendar_get_year (calendar), ==, 2024);
  g_assert_nonnull (rw_test_find_label (GTK_WIDGET (f->page), "2024"));
  g_assert_false (gtk_widget_get_sensitive (previous));
  g_assert_true (gtk_widget_get_sensitive (next));
  g_assert_cmpfloat (rw_series_get_value (rw_year_calendar_get_series (calendar), RW_SERIES_MOOD,
                                          rw_date_from_iso ("2024-05-01") -
                                            rw_date_from_iso ("2024-01-01")), ==, 4);
}

static void
add_session (Fixture    *f,
             const char *date,
             gboolean    done)
{
  g_autoptr(RwSession) session = rw_session_new ();
  g_autoptr(GError) error = NULL;

  rw_session_set_date (session, date);
  rw_session_set_time (session, "10:00");
  rw_session_set_route (session, RW_SESSION_ROUTE_IV);
  rw_session_set_phase (session, RW_SESSION_PHASE_INDUCTION);
  rw_session_set_done (session, done);
  g_assert_true (rw_journal_add_session (f->journal, session, &error));
  g_assert_no_error (error);
}

/* Sessions: markers on the chart with the session on hover, and the
 * around-sessions chart with each session's numbers before and after;
 * Boosters alone has none, and says so. Still within 360 px with large
 * text. */
static void
test_around_sessions (Fixture       *f,
                      gconstpointer  data)
{
  RwChart *chart;
  RwAroundView *view;
  GtkLabel *label;
  guint32 first;
  int minimum;

  /* 3 to 9 November mood 4 (7 days, mean 4.0); the session day 9; after
   * it mood 6 on 5 of the 7 days (mean 6.0). */
  for (guint d = 3; d <= 9; d++)
    {
      g_autofree char *date = g_strdup_printf ("2026-11-%02u", d);
      g_autofree char *id = add (f, date, 4, 7, NULL);
    }
  g_free (add (f, "2026-11-10", 9, 7, NULL));
  for (guint d = 11; d <= 17; d++)
    if (d != 14 && d != 16)
      {
        g_autofree char *date = g_strdup_printf ("2026-11-%02u", d);
        g_autofree char *id = add (f, date, 6, 7, NULL);
      }
  add_session (f, "2026-11-10", TRUE);
  add_session (f, "2026-11-20", FALSE);
  show_page (f);

  chart = rw_trends_page_get_chart (f->page);
  first = rw_series_get_first (rw_chart_get_series (chart));
  rw_chart_set_highlight (chart, (int) (rw_date_from_iso ("2026-11-10") - first));
  g_assert_nonnull (strstr (rw_chart_get_highlight_text (chart), "Session: Induction, IV infusion"));
  rw_chart_set_highlight (chart, (int) (rw_date_from_iso ("2026-11-20") - first));
  g_assert_nonnull (strstr (rw_chart_get_highlight_text (chart), "Scheduled session: Induction"));
  rw_chart_set_highlight (chart, -1);

  view = RW_AROUND_VIEW (rw_test_find_type (GTK_WIDGET (f->page), RW_TYPE_AROUND_VIEW));
  g_assert_nonnull (view);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (view)), >, 150);
  g_assert_cmpuint (rw_around_get_n_sessions (rw_around_view_get_around (view)), ==, 1);
  label = rw_test_find_label (GTK_WIDGET (f->page),
                              "7 days before: mean 4.0 (7 days); 7 days after: mean 6.0 (5 days)");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (label)));
  g_assert_nonnull (rw_test_find_label (GTK_WIDGET (f->page), "Tuesday 10 November 2026 · Induction"));
  g_assert_nonnull (rw_test_find_label (GTK_WIDGET (f->page), "Mood around 1 session"));

  /* Boosters: none done, a few words instead of an empty chart. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "trends.around-phase", "s", "booster");
  spin ();
  g_assert_cmpuint (rw_around_get_n_sessions (rw_around_view_get_around (view)), ==, 0);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (view)));
  label = rw_test_find_label (GTK_WIDGET (f->page), "No booster session is marked as done yet.");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (label)));
  g_assert_null (rw_test_find_label (GTK_WIDGET (f->page), "7 days before: mean"));

  /* Another metric: its label on the menu button. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "trends.around-phase", "s", "all");
  gtk_widget_activate_action (GTK_WIDGET (f->page), "trends.around-metric", "s", "anxiety");
  spin ();
  g_assert_cmpint (rw_around_view_get_around (view) != NULL, ==, TRUE);
  g_assert_cmpint (rw_around_get_kind (rw_around_view_get_around (view)), ==, RW_SERIES_ANXIETY);

  /* The section fits 360 px with large text: the page's 12 px margins
   * on each side leave 336. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "trends.around-metric", "s", "mood");
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", 147456, NULL);
  spin ();
  gtk_widget_measure (gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (view))),
                      GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", 96 * 1024, NULL);
  g_assert_cmpint (minimum, <=, 360 - 2 * 12);
}

/* With no done session, the section says what it will show. */
static void
test_around_sessions_empty (Fixture       *f,
                            gconstpointer  data)
{
  RwAroundView *view;

  g_free (add (f, "2026-11-10", 5, 7, NULL));
  add_session (f, "2026-11-25", FALSE);
  show_page (f);
  view = RW_AROUND_VIEW (rw_test_find_type (GTK_WIDGET (f->page), RW_TYPE_AROUND_VIEW));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (rw_test_find_label (GTK_WIDGET (f->page),
                                                                        "Once a session is marked as done"))));
  g_assert_null (rw_test_find_type (GTK_WIDGET (f->page), ADW_TYPE_ACTION_ROW));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GtkCssProvider) css = NULL;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* The app's stylesheet, as AdwApplication loads it. */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/rewire/Rewire/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

#define ADD(name, func) \
  g_test_add ("/trends/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("ranges-and-cards", test_ranges_and_cards);
  ADD ("around-sessions", test_around_sessions);
  ADD ("around-sessions-empty", test_around_sessions_empty);
  ADD ("shortcuts", test_shortcuts);
  ADD ("series-actions", test_series_actions);
  ADD ("follows-the-journal", test_follows_the_journal);
  ADD ("insights-need-enough-data", test_insights_need_enough_data);
  ADD ("insights-random-and-planted", test_insights_random_and_planted);
  ADD ("hover-redraws-nothing-else", test_hover_redraws_nothing_else);
  ADD ("keyboard-and-focus-ring", test_keyboard_and_focus_ring);
  ADD ("export", test_export);
  ADD ("gap-shows-latest", test_gap_shows_latest);
  ADD ("extremes-show-year", test_extremes_show_year);
  ADD ("year-calendar-years", test_year_calendar_years);

#undef ADD

  return g_test_run ();
}
