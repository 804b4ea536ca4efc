/* test-plan-page.c: the 7-Day Plan view in the real window under Xvfb:
 * starting the plan, completing Day 2 by saving a check-in from it, and
 * Day 3 by breathing to the end of a session.
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "rw-breathing-window.h"
#include "rw-check-in-editor.h"
#include "rw-test-util.h"
#include "rw-window.h"

static GtkApplication *app;

typedef struct
{
  char *dir;
  GSettings *settings;
  RwClock *clock;
  RwContext *context;
  RwWindow *window;
  RwPlanPage *page;
} Fixture;

static void
spin (void)
{
  for (guint i = 0; i < 5; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(RwJournal) journal = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = rw_test_make_dir ();
  f->settings = rw_settings_new ();
  g_settings_reset (f->settings, "last-view");
  f->clock = rw_clock_new_manual ("2026-11-22", "09:00");
  journal = rw_journal_open (f->dir, &error);
  g_assert_no_error (error);
  f->context = rw_context_new (journal, f->settings, f->clock);
  f->window = rw_window_new (app, f->context);
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view", "s", "plan");
  f->page = rw_window_get_plan_page (f->window);
  spin ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  spin ();
  g_clear_object (&f->context);
  g_clear_object (&f->clock);
  g_clear_object (&f->settings);
  rw_test_remove_dir (f->dir);
  g_free (f->dir);
}

static void
start_plan (Fixture *f)
{
  GtkWidget *start = rw_plan_page_get_start_button (f->page);

  g_assert_null (rw_plan_page_get_run (f->page));
  g_assert_nonnull (start);
  g_signal_emit_by_name (start, "clicked");
  spin ();
  g_assert_nonnull (rw_plan_page_get_run (f->page));
  g_assert_cmpuint (rw_plan_page_get_run (f->page)->start, ==, rw_julian_from_iso ("2026-11-22"));
  g_assert_true (gtk_widget_has_css_class (rw_plan_page_get_day_card (f->page, 1), "current-day"));
}

static void
test_day_2_by_check_in (Fixture       *f,
                        gconstpointer  data)
{
  RwCheckInEditor *editor;

  start_plan (f);
  g_assert_false (gtk_check_button_get_active (rw_plan_page_get_task_check (f->page, "d2-check-in")));

  /* The next day, Day 2's button opens the check-in editor. */
  rw_clock_set_today (f->clock, "2026-11-23");
  rw_plan_page_refresh (f->page);
  g_assert_true (gtk_widget_has_css_class (rw_plan_page_get_day_card (f->page, 2), "current-day"));
  g_signal_emit_by_name (rw_plan_page_get_task_button (f->page, "d2-check-in"), "clicked");
  spin ();
  editor = RW_CHECK_IN_EDITOR (rw_journal_page_get_editor (rw_window_get_journal_page (f->window)));
  g_assert_nonnull (editor);

  gtk_range_set_value (rw_check_in_editor_get_metric_range (editor, RW_METRIC_MOOD), 6);
  g_signal_emit_by_name (rw_check_in_editor_get_save_button (editor), "clicked");
  spin ();

  /* Day 2 ticked itself, and the ring counts it. */
  g_assert_true (gtk_check_button_get_active (rw_plan_page_get_task_check (f->page, "d2-check-in")));
  {
    g_autofree char *source = NULL;
    RwDatabase *db = rw_context_get_database (f->context);

    g_assert_cmpint (rw_plan_get_checked (db, rw_plan_page_get_run (f->page), "d2-check-in", &source), >, 0);
    g_assert_cmpstr (source, ==, "check-in");
  }
}

static void
test_day_1_opens_the_guide (Fixture       *f,
                            gconstpointer  data)
{
  RwGuidePage *guide = rw_window_get_guide_page (f->window);
  RwGuide *content = rw_guide_page_get_guide (guide);

  start_plan (f);
  g_signal_emit_by_name (rw_plan_page_get_task_button (f->page, "d1-questions"), "clicked");
  spin ();
  g_assert_cmpstr (rw_window_get_visible_view (f->window), ==, "guide");
  g_assert_cmpint (rw_guide_page_get_chapter (guide), ==,
                   rw_guide_find_chapter (content, "10-questions-for-a-provider"));
  g_assert_cmpint (rw_guide_page_get_target_block (guide), >, 0);
}

static void
test_manual_check_and_pause (Fixture       *f,
                             gconstpointer  data)
{
  GtkCheckButton *check;

  start_plan (f);
  check = rw_plan_page_get_task_check (f->page, "d1-research");
  gtk_check_button_set_active (check, TRUE);
  spin ();
  g_assert_cmpint (rw_plan_get_checked (rw_context_get_database (f->context),
                                        rw_plan_page_get_run (f->page), "d1-research", NULL), >, 0);

  /* Pause on day 1, come back three days later: still day 1, still ticked. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "plan.later", NULL);
  spin ();
  g_assert_cmpuint (rw_plan_page_get_run (f->page)->start, ==, rw_julian_from_iso ("2026-11-23"));
  g_assert_true (gtk_check_button_get_active (rw_plan_page_get_task_check (f->page, "d1-research")));
}

static void
test_day_3_by_breathing (Fixture       *f,
                         gconstpointer  data)
{
  RwBreathingWindow *breathing;
  GList *toplevels;

  start_plan (f);
  rw_clock_set_today (f->clock, "2026-11-24");
  rw_plan_page_refresh (f->page);
  g_signal_emit_by_name (rw_plan_page_get_task_button (f->page, "d3-breathe"), "clicked");
  spin ();

  breathing = NULL;
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (RW_IS_BREATHING_WINDOW (l->data))
      breathing = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (breathing);

  rw_breathing_window_start (breathing);
  /* Ten minutes on the manual clock, in steps. */
  for (guint i = 0; i < 10 * 60 * 4 + 4; i++)
    rw_clock_advance (f->clock, G_USEC_PER_SEC / 4);
  spin ();
  g_assert_cmpint (rw_breathing_get_phase (rw_breathing_window_get_breathing (breathing)), ==, RW_PHASE_DONE);
  g_assert_true (gtk_check_button_get_active (rw_plan_page_get_task_check (f->page, "d3-breathe")));
  gtk_window_destroy (GTK_WINDOW (breathing));
}

int
main (int    argc,
      char **argv)
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  {
    g_autoptr(GError) error = NULL;

    app = GTK_APPLICATION (adw_application_new (APP_ID ".PlanTest", G_APPLICATION_NON_UNIQUE));
    g_application_register (G_APPLICATION (app), NULL, &error);
    g_assert_no_error (error);
  }

#define ADD(name, func) \
  g_test_add ("/plan-page/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("day-2-by-check-in", test_day_2_by_check_in);
  ADD ("manual-check-and-shift", test_manual_check_and_pause);
  ADD ("day-1-opens-the-guide", test_day_1_opens_the_guide);
  ADD ("day-3-by-breathing", test_day_3_by_breathing);

#undef ADD

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
