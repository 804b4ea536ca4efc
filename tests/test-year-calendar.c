/* test-year-calendar.c: the Trends view's year at a glance in a real X
 * server: each day's square in the colour of its mean mood (and again
 * when the journal changes), empty days drawn as empty, and a click or
 * Enter on a day asking the window to open it in the journal.
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "rw-test-util.h"
#include "rw-test-ui.h"
#include "rw-year-calendar.h"

typedef struct
{
  char *dir;
  RwJournal *journal;
  RwContext *context;
  GSettings *settings;
  RwClock *clock;
  GtkWindow *window;
  RwYearCalendar *calendar;
  GPtrArray *opened;       /* dates win.show-day was activated with */
} Fixture;

static void
show_day_cb (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  Fixture *f = user_data;

  g_ptr_array_add (f->opened, g_variant_dup_string (parameter, NULL));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  const GActionEntry entries[] = { { "show-day", show_day_cb, "s" } };

  f->dir = rw_test_make_dir ();
  f->journal = rw_journal_open (f->dir, &error);
  g_assert_no_error (error);
  f->clock = rw_clock_new_manual ("2026-11-22", "20:00");
  f->settings = rw_settings_new ();
  f->context = rw_context_new (f->journal, f->settings, f->clock);
  f->opened = g_ptr_array_new_with_free_func (g_free);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 600, 300);
  /* The window's action, as RwWindow has it. */
  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), f);
  gtk_widget_insert_action_group (GTK_WIDGET (f->window), "win", G_ACTION_GROUP (group));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->window);
  rw_test_spin (1);
  g_clear_object (&f->context);
  g_clear_object (&f->journal);
  g_clear_object (&f->settings);
  g_clear_object (&f->clock);
  g_clear_pointer (&f->opened, g_ptr_array_unref);
  rw_test_remove_dir (f->dir);
  g_free (f->dir);
}

static void
add (Fixture    *f,
     const char *date,
     int         mood)
{
  g_autoptr(RwCheckIn) check_in = rw_check_in_new ();
  g_autoptr(GError) error = NULL;

  rw_check_in_set_date (check_in, date);
  rw_check_in_set_time (check_in, "09:00");
  rw_check_in_set_metric (check_in, RW_METRIC_MOOD, mood);
  g_assert_true (rw_journal_add (f->journal, check_in, &error));
  g_assert_no_error (error);
}

static gboolean
frame_cb (GtkWidget     *widget,
          GdkFrameClock *clock,
          gpointer       user_data)
{
  (*(guint *) user_data)++;
  return G_SOURCE_CONTINUE;
}

/* Waits until the window has painted @frames more frames. */
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
  rw_test_spin (1);
  g_assert_cmpuint (seen, >=, frames);
}

static void
show_calendar (Fixture *f)
{
  f->calendar = rw_year_calendar_new (f->context);
  g_assert_true (rw_year_calendar_get_context (f->calendar) == f->context);
  gtk_window_set_child (f->window, GTK_WIDGET (f->calendar));
  gtk_window_present (f->window);
  /* Until it has been laid out. */
  for (guint i = 0; i < 500 && gtk_widget_get_width (GTK_WIDGET (f->calendar)) == 0; i++)
    rw_test_wait (10);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->calendar)), >, 0);
  rw_test_spin (2);
}

/* The calendar as it is drawn, onto an image. */
static cairo_surface_t *
render (Fixture *f)
{
  GtkWidget *widget = GTK_WIDGET (f->calendar);
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

/* The colour at the middle of @date's square, not premultiplied. */
static GdkRGBA
pixel_of_day (Fixture         *f,
              cairo_surface_t *surface,
              const char      *date)
{
  graphene_rect_t area;
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 p;
  double a;
  int x, y;

  g_assert_true (rw_year_calendar_get_day_area (f->calendar, rw_date_from_iso (date), &area));
  g_assert_cmpfloat (area.size.width, >=, 8);
  x = (int) (area.origin.x + area.size.width / 2);
  y = (int) (area.origin.y + area.size.height / 2);
  p = *(const guint32 *) (data + y * stride + x * 4);
  a = ((p >> 24) & 0xff) / 255.0;
  if (a == 0)
    return (GdkRGBA) { 0, 0, 0, 0 };
  return (GdkRGBA) { ((p >> 16) & 0xff) / 255.0 / a, ((p >> 8) & 0xff) / 255.0 / a,
                     (p & 0xff) / 255.0 / a, a };
}

static double
distance (const GdkRGBA *a,
          const GdkRGBA *b)
{
  return fabs (a->red - b->red) + fabs (a->green - b->green) + fabs (a->blue - b->blue) +
         fabs (a->alpha - b->alpha);
}

static void
assert_day_color (Fixture         *f,
                  cairo_surface_t *surface,
                  const char      *date,
                  double           mood)
{
  GdkRGBA seen = pixel_of_day (f, surface, date), wanted;

  rw_year_calendar_get_mood_color (f->calendar, mood, &wanted);
  g_test_message ("%s (mood %.1f): drawn %.3f %.3f %.3f %.3f, wanted %.3f %.3f %.3f %.3f", date,
                  mood, seen.red, seen.green, seen.blue, seen.alpha, wanted.red, wanted.green,
                  wanted.blue, wanted.alpha);
  g_assert_cmpfloat (distance (&seen, &wanted), <, 0.06);
}

/* Each square takes the colour of its day's mean mood, lower and higher
 * moods apart; a day without a check-in is drawn empty, unlike any mood;
 * a new check-in changes its day's colour. */
static void
test_colour_follows_mean (Fixture       *f,
                          gconstpointer  data)
{
  cairo_surface_t *surface;
  GdkRGBA low, high, empty, seen;

  add (f, "2026-03-02", 2);
  add (f, "2026-03-03", 9);
  add (f, "2026-03-04", 2);
  add (f, "2026-03-04", 9);
  show_calendar (f);
  g_assert_cmpuint (rw_year_calendar_get_year (f->calendar), ==, 2026);

  surface = render (f);
  assert_day_color (f, surface, "2026-03-02", 2);
  assert_day_color (f, surface, "2026-03-03", 9);
  assert_day_color (f, surface, "2026-03-04", 5.5);
  low = pixel_of_day (f, surface, "2026-03-02");
  high = pixel_of_day (f, surface, "2026-03-03");
  g_assert_cmpfloat (distance (&low, &high), >, 0.5);

  /* Empty: the empty colour, far from every mood's. */
  empty = pixel_of_day (f, surface, "2026-03-05");
  assert_day_color (f, surface, "2026-03-05", NAN);
  g_assert_cmpfloat (empty.alpha, <, 0.5);
  for (double mood = 0; mood <= 10; mood += 0.5)
    {
      GdkRGBA color;

      rw_year_calendar_get_mood_color (f->calendar, mood, &color);
      g_assert_cmpfloat (distance (&empty, &color), >, 0.5);
    }
  cairo_surface_destroy (surface);

  /* A check-in of 10 on the 2nd: its mean is 6 now. */
  add (f, "2026-03-02", 10);
  rw_test_spin (2);
  wait_frames (GTK_WIDGET (f->calendar), 1);
  surface = render (f);
  assert_day_color (f, surface, "2026-03-02", 6);
  seen = pixel_of_day (f, surface, "2026-03-02");
  g_assert_cmpfloat (distance (&seen, &low), >, 0.1);
  cairo_surface_destroy (surface);
}

/* In the dark style the ramp takes lighter shades, and the squares follow
 * when the style changes. */
static void
test_dark_style (Fixture       *f,
                 gconstpointer  data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  cairo_surface_t *surface;
  GdkRGBA light, dark;

  add (f, "2026-03-02", 2);
  show_calendar (f);
  rw_year_calendar_get_mood_color (f->calendar, 2, &light);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  wait_frames (GTK_WIDGET (f->calendar), 1);
  rw_year_calendar_get_mood_color (f->calendar, 2, &dark);
  g_assert_cmpfloat (distance (&light, &dark), >, 0.3);
  /* Lighter on dark. */
  g_assert_cmpfloat (dark.red + dark.green + dark.blue, >, light.red + light.green + light.blue);
  surface = render (f);
  assert_day_color (f, surface, "2026-03-02", 2);
  cairo_surface_destroy (surface);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

static GtkGesture *
find_click (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        return GTK_GESTURE (controller);
    }
  return NULL;
}

static void
click_day (Fixture    *f,
           const char *date)
{
  GtkGesture *click = find_click (GTK_WIDGET (f->calendar));
  graphene_rect_t area;

  g_assert_nonnull (click);
  g_assert_true (rw_year_calendar_get_day_area (f->calendar, rw_date_from_iso (date), &area));
  g_signal_emit_by_name (click, "released", 1, (double) area.origin.x + area.size.width / 2,
                         (double) area.origin.y + area.size.height / 2);
  rw_test_spin (1);
}

/* A click on a day with check-ins opens it (win.show-day with its date);
 * on a day without, nothing. Arrow keys move a week or a day, and Enter
 * opens the day with the focus. */
static void
test_click_and_keys_open_day (Fixture       *f,
                              gconstpointer  data)
{
  GtkWidget *widget;
  g_autofree char *said = NULL;

  add (f, "2026-03-03", 9);
  add (f, "2026-03-10", 4);
  show_calendar (f);
  widget = GTK_WIDGET (f->calendar);

  click_day (f, "2026-03-03");
  g_assert_cmpuint (f->opened->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (f->opened, 0), ==, "2026-03-03");
  g_assert_cmpuint (rw_year_calendar_get_focus_day (f->calendar), ==, rw_date_from_iso ("2026-03-03"));

  click_day (f, "2026-03-05");
  g_assert_cmpuint (f->opened->len, ==, 1);
  g_assert_cmpuint (rw_year_calendar_get_focus_day (f->calendar), ==, rw_date_from_iso ("2026-03-05"));

  /* Up a day to the 4th, Right a week to the 11th, Up to the 10th. */
  g_assert_true (rw_test_press_key (widget, GDK_KEY_Up, 0));
  g_assert_true (rw_test_press_key (widget, GDK_KEY_Right, 0));
  g_assert_cmpuint (rw_year_calendar_get_focus_day (f->calendar), ==, rw_date_from_iso ("2026-03-11"));
  g_assert_true (rw_test_press_key (widget, GDK_KEY_Up, 0));
  g_assert_cmpuint (rw_year_calendar_get_focus_day (f->calendar), ==, rw_date_from_iso ("2026-03-10"));
  g_assert_true (rw_test_press_key (widget, GDK_KEY_Return, 0));
  g_assert_cmpuint (f->opened->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (f->opened, 1), ==, "2026-03-10");

  /* The date and mood, for the tooltip and screen readers. */
  said = rw_year_calendar_describe_day (f->calendar, rw_date_from_iso ("2026-03-10"));
  g_assert_cmpstr (said, ==, "Tuesday 10 March 2026: mood 4.0, 1 check-in");

  /* Home and End stay in the year. */
  g_assert_true (rw_test_press_key (widget, GDK_KEY_Home, 0));
  g_assert_cmpuint (rw_year_calendar_get_focus_day (f->calendar), ==, rw_date_from_iso ("2026-01-01"));
  g_assert_true (rw_test_press_key (widget, GDK_KEY_Left, 0));
  g_assert_cmpuint (rw_year_calendar_get_focus_day (f->calendar), ==, rw_date_from_iso ("2026-01-01"));
}

/* It opens on the year of the latest check-in, and another year loads
 * that year's days. */
static void
test_years (Fixture       *f,
            gconstpointer  data)
{
  RwSeries *series;
  cairo_surface_t *surface;

  add (f, "2024-02-29", 7);
  add (f, "2025-06-01", 3);
  show_calendar (f);
  g_assert_cmpuint (rw_year_calendar_get_year (f->calendar), ==, 2025);
  series = rw_year_calendar_get_series (f->calendar);
  g_assert_cmpuint (rw_series_get_first (series), ==, rw_date_from_iso ("2025-01-01"));
  g_assert_cmpuint (rw_series_get_n_days (series), ==, 365);
  g_assert_cmpuint (rw_year_calendar_get_focus_day (f->calendar), ==, rw_date_from_iso ("2025-06-01"));

  rw_year_calendar_set_year (f->calendar, 2024);
  wait_frames (GTK_WIDGET (f->calendar), 1);
  series = rw_year_calendar_get_series (f->calendar);
  g_assert_cmpuint (rw_series_get_n_days (series), ==, 366);
  g_assert_false (rw_year_calendar_get_day_area (f->calendar, rw_date_from_iso ("2025-01-01"), NULL));
  surface = render (f);
  assert_day_color (f, surface, "2024-02-29", 7);
  assert_day_color (f, surface, "2024-12-31", NAN);
  cairo_surface_destroy (surface);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) \
  g_test_add ("/year-calendar/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("colour-follows-mean", test_colour_follows_mean);
  ADD ("click-and-keys-open-day", test_click_and_keys_open_day);
  ADD ("years", test_years);
  ADD ("dark-style", test_dark_style);

#undef ADD

  return g_test_run ();
}
