/* test-plan-page.c: the 7-Day Plan view in the real window under Xvfb,
 * driven through its actions (plan.start, plan.tick, plan.pause, ...) and
 * checked by what a person sees: the heading, the ring's count, ticked
 * rows, the paused banner. Day 2 completes by saving a check-in from it,
 * Day 3 by breathing to the end of a session, Day 7 by the reflection.
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "rw-breathing-window.h"
#include "rw-help-window.h"
#include "rw-check-in-editor.h"
#include "rw-test-ui.h"
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
  rw_test_spin (5);
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

static gboolean
act (Fixture    *f,
     const char *action,
     const char *format,
     ...)
{
  GVariant *parameter = NULL;
  gboolean ok;
  va_list args;

  if (format != NULL)
    {
      va_start (args, format);
      parameter = g_variant_new_va (format, NULL, &args);
      va_end (args);
    }
  ok = gtk_widget_activate_action_variant (GTK_WIDGET (f->page), action, parameter);
  spin ();
  return ok;
}

static gboolean
ticked (Fixture    *f,
        const char *id)
{
  RwPlanTaskRow *row = rw_plan_page_get_task_row (f->page, id);

  g_assert_nonnull (row);
  return gtk_check_button_get_active (rw_plan_task_row_get_check (row));
}

static gboolean
stored (Fixture    *f,
        const char *id,
        const char *source)
{
  const char *actual = NULL;
  gboolean checked = rw_plan_progress_get_checked (rw_plan_page_get_progress (f->page), id, &actual);

  if (checked && source != NULL)
    g_assert_cmpstr (actual, ==, source);
  return checked;
}

static const char *
description (Fixture *f,
             guint    day)
{
  return adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (rw_plan_page_get_day_card (f->page, day)));
}

static void
start_plan (Fixture *f)
{
  GtkWidget *start = rw_plan_page_get_start_button (f->page);

  g_assert_null (rw_plan_progress_get_run (rw_plan_page_get_progress (f->page)));
  g_assert_true (gtk_widget_is_drawable (start));
  g_signal_emit_by_name (start, "clicked");
  spin ();
  g_assert_nonnull (rw_plan_progress_get_run (rw_plan_page_get_progress (f->page)));
  g_assert_cmpstr (rw_plan_page_get_heading (f->page), ==, "Day 1 of 7");
  g_assert_true (gtk_widget_has_css_class (rw_plan_page_get_day_card (f->page, 1), "current-day"));
}

static void
test_before_the_start (Fixture       *f,
                       gconstpointer  data)
{
  RwPlanTaskRow *row = rw_plan_page_get_task_row (f->page, "d1-research");

  /* The week is shown, but nothing can be ticked before it starts. */
  g_assert_true (gtk_widget_is_drawable (rw_plan_page_get_start_button (f->page)));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (rw_plan_task_row_get_check (row))));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (rw_plan_page_get_note_row (f->page, 1))));
  g_assert_false (act (f, "plan.tick", "s", "d1-research") && stored (f, "d1-research", NULL));
  g_assert_false (ticked (f, "d1-research"));
  g_assert_false (rw_plan_page_get_paused_shown (f->page));
  g_assert_null (rw_test_find_label (GTK_WIDGET (f->page), "You have been through it"));
}

static void
test_opens_mid_run (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(RwPlanProgress) progress = NULL;
  g_autoptr(GError) error = NULL;
  RwPlanPage *page;

  /* A run started earlier (another window, the last session): a new
   * page shows it at once, Start hidden, nothing to warn about. */
  progress = rw_plan_progress_new (rw_context_get_journal (f->context),
                                   rw_plan_load ("starter-week", &error), f->clock);
  g_assert_true (rw_plan_progress_start (progress, rw_date_from_iso ("2026-11-20"), &error));
  g_assert_true (rw_plan_progress_toggle (progress, "d1-research", &error));
  gtk_window_destroy (GTK_WINDOW (f->window));
  spin ();

  f->window = rw_window_new (app, f->context);
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view", "s", "plan");
  page = f->page = rw_window_get_plan_page (f->window);
  spin ();
  g_assert_cmpstr (rw_plan_page_get_heading (page), ==, "Day 3 of 7");
  g_assert_cmpstr (rw_plan_page_get_ring_text (page), ==, "1/9");
  g_assert_true (ticked (f, "d1-research"));
  g_assert_true (gtk_widget_has_css_class (rw_plan_page_get_day_card (page, 3), "current-day"));
  g_assert_false (gtk_widget_is_drawable (rw_plan_page_get_start_button (page)));

  /* A change made elsewhere shows here too. */
  g_assert_true (rw_plan_progress_toggle (progress, "d1-consult", &error));
  spin ();
  g_assert_true (ticked (f, "d1-consult"));
  g_assert_cmpstr (rw_plan_page_get_ring_text (page), ==, "2/9");
}

static void
test_start_on_a_chosen_day (Fixture       *f,
                            gconstpointer  data)
{
  GtkCalendar *calendar = GTK_CALENDAR (rw_test_find_type (GTK_WIDGET (f->page), GTK_TYPE_CALENDAR));
  g_autoptr(GDateTime) tuesday = g_date_time_new_local (2026, 11, 24, 0, 0, 0);
  GtkMenuButton *date_button = GTK_MENU_BUTTON (rw_test_find_type (GTK_WIDGET (f->page),
                                                                    GTK_TYPE_MENU_BUTTON));

  g_assert_nonnull (calendar);
  g_assert_cmpstr (gtk_menu_button_get_label (date_button), ==, "Today");
  gtk_calendar_select_day (calendar, tuesday);
  g_signal_emit_by_name (calendar, "day-selected");
  spin ();
  g_assert_cmpstr (gtk_menu_button_get_label (date_button), ==, "Tuesday 24 November");

  /* Start points at plan.start with the chosen day. */
  g_signal_emit_by_name (rw_plan_page_get_start_button (f->page), "clicked");
  spin ();
  g_assert_cmpuint (rw_plan_progress_get_run (rw_plan_page_get_progress (f->page))->start, ==,
                    rw_date_from_iso ("2026-11-24"));
  g_assert_cmpstr (rw_plan_page_get_heading (f->page), ==, "Starts Tuesday 24 November");
  g_assert_cmpstr (rw_plan_page_get_ring_text (f->page), ==, "0/9");
  g_assert_true (g_str_has_prefix (description (f, 1), "Tuesday 24 November\n"));
  g_assert_true (g_str_has_prefix (description (f, 7), "Monday 30 November\n"));
  /* A one-digit day is not padded. */
  act (f, "plan.shift", "i", 7);
  g_assert_true (g_str_has_prefix (description (f, 1), "Tuesday 1 December\n"));
  g_assert_false (gtk_widget_has_css_class (rw_plan_page_get_day_card (f->page, 1), "current-day"));
  g_assert_false (gtk_widget_is_drawable (rw_plan_page_get_start_button (f->page)));
}

static void
test_tick (Fixture       *f,
           gconstpointer  data)
{
  GtkCheckButton *check;

  start_plan (f);
  g_assert_cmpstr (rw_plan_page_get_ring_text (f->page), ==, "0/9");
  g_assert_true (g_str_has_prefix (description (f, 1), "Today, Sunday 22 November\n"));

  g_assert_true (act (f, "plan.tick", "s", "d1-research"));
  g_assert_true (ticked (f, "d1-research"));
  g_assert_true (stored (f, "d1-research", "manual"));
  g_assert_cmpstr (rw_plan_page_get_ring_text (f->page), ==, "1/9");

  g_assert_true (act (f, "plan.tick", "s", "d1-research"));
  g_assert_false (ticked (f, "d1-research"));
  g_assert_false (stored (f, "d1-research", NULL));
  g_assert_cmpstr (rw_plan_page_get_ring_text (f->page), ==, "0/9");

  /* The check button is the same action: a click ticks, and what it
   * shows is what is stored. */
  check = rw_plan_task_row_get_check (rw_plan_page_get_task_row (f->page, "d1-consult"));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (check)), ==, "plan.tick");
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (check)));
  gtk_widget_activate (GTK_WIDGET (check));
  spin ();
  g_assert_true (stored (f, "d1-consult", "manual"));
  g_assert_true (gtk_check_button_get_active (check));
  gtk_widget_activate (GTK_WIDGET (check));
  spin ();
  g_assert_false (stored (f, "d1-consult", NULL));
  g_assert_false (gtk_check_button_get_active (check));

  /* Checklist items tick too, and the ring counts only the days' tasks. */
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (rw_plan_page_get_task_row (f->page, "c-consult"))));
  act (f, "plan.tick", "s", "c-consult");
  g_assert_true (ticked (f, "c-consult"));
  g_assert_cmpstr (rw_plan_page_get_ring_text (f->page), ==, "0/9");
}

static void
test_pause_and_resume (Fixture       *f,
                       gconstpointer  data)
{
  start_plan (f);
  act (f, "plan.tick", "s", "d1-research");
  rw_clock_set_today (f->clock, "2026-11-23");
  rw_plan_page_refresh (f->page);
  spin ();
  g_assert_cmpstr (rw_plan_page_get_heading (f->page), ==, "Day 2 of 7");

  /* Paused on day 2: the banner says so, and three days later it is
   * still day 2 with nothing lost. */
  g_assert_true (act (f, "plan.pause", NULL));
  g_assert_true (rw_plan_page_get_paused_shown (f->page));
  g_assert_nonnull (rw_test_find_label (GTK_WIDGET (f->page), "Paused on day 2. Nothing is lost"));
  g_assert_cmpstr (rw_plan_page_get_heading (f->page), ==, "Paused on day 2");
  g_assert_false (gtk_widget_get_visible (rw_test_find_button (GTK_WIDGET (f->page), "_Pause")));
  rw_clock_set_today (f->clock, "2026-11-26");
  rw_plan_page_refresh (f->page);
  spin ();
  g_assert_cmpstr (rw_plan_page_get_heading (f->page), ==, "Paused on day 2");
  g_assert_true (gtk_widget_has_css_class (rw_plan_page_get_day_card (f->page, 2), "current-day"));
  g_assert_true (ticked (f, "d1-research"));

  /* The banner's button is plan.resume; day 2 is today now. */
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (rw_test_find_button (GTK_WIDGET (f->page), "_Resume"))),
                   ==, "plan.resume");
  g_assert_true (act (f, "plan.resume", NULL));
  g_assert_false (rw_plan_page_get_paused_shown (f->page));
  g_assert_cmpstr (rw_plan_page_get_heading (f->page), ==, "Day 2 of 7");
  g_assert_true (g_str_has_prefix (description (f, 2), "Today, Thursday 26 November\n"));
  g_assert_true (gtk_widget_get_visible (rw_test_find_button (GTK_WIDGET (f->page), "_Pause")));
  g_assert_true (ticked (f, "d1-research"));
}

static void
test_shift_restart_end (Fixture       *f,
                        gconstpointer  data)
{
  start_plan (f);
  act (f, "plan.tick", "s", "d1-research");

  g_assert_true (act (f, "plan.shift", "i", 1));
  g_assert_cmpstr (rw_plan_page_get_heading (f->page), ==, "Starts Monday 23 November");
  g_assert_true (act (f, "plan.shift", "i", -2));
  g_assert_cmpstr (rw_plan_page_get_heading (f->page), ==, "Day 2 of 7");
  g_assert_true (ticked (f, "d1-research"));

  /* Restarted: a fresh week from today, the old one kept. */
  g_assert_true (act (f, "plan.restart", NULL));
  g_assert_cmpstr (rw_plan_page_get_heading (f->page), ==, "Day 1 of 7");
  g_assert_false (ticked (f, "d1-research"));
  g_assert_cmpstr (rw_plan_page_get_ring_text (f->page), ==, "0/9");

  /* Ended: the start again, with what was done remembered. */
  g_assert_true (act (f, "plan.end", NULL));
  g_assert_true (gtk_widget_is_drawable (rw_plan_page_get_start_button (f->page)));
  g_assert_nonnull (rw_test_find_label (GTK_WIDGET (f->page), "You have been through it 2 times"));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (rw_plan_task_row_get_check (rw_plan_page_get_task_row (f->page, "d1-research")))));
}

static void
test_day_notes (Fixture       *f,
                gconstpointer  data)
{
  AdwEntryRow *row;
  g_autofree char *note = NULL;

  start_plan (f);
  row = rw_plan_page_get_note_row (f->page, 3);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (row)));
  gtk_editable_set_text (GTK_EDITABLE (row), "Breathing felt odd at first.");
  g_signal_emit_by_name (row, "apply");
  spin ();
  note = rw_plan_progress_dup_note (rw_plan_page_get_progress (f->page), 3);
  g_assert_cmpstr (note, ==, "Breathing felt odd at first.");
  g_clear_pointer (&note, g_free);

  /* Through the action, and shown in its row. */
  g_assert_true (act (f, "plan.save-note", "(us)", 4, "A short walk at lunch."));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rw_plan_page_get_note_row (f->page, 4))), ==,
                   "A short walk at lunch.");

  /* Typed and left: kept when the page goes away. */
  gtk_editable_set_text (GTK_EDITABLE (rw_plan_page_get_note_row (f->page, 5)), "Lights out at ten.");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view", "s", "journal");
  gtk_window_destroy (GTK_WINDOW (f->window));
  spin ();
  {
    g_autoptr(RwPlanProgress) progress = NULL;

    progress = rw_plan_progress_new (rw_context_get_journal (f->context),
                                     rw_plan_load ("starter-week", NULL), f->clock);
    note = rw_plan_progress_dup_note (progress, 5);
    g_assert_cmpstr (note, ==, "Lights out at ten.");
  }
  f->window = rw_window_new (app, f->context);
}

static void
test_day_2_by_check_in (Fixture       *f,
                        gconstpointer  data)
{
  RwCheckInEditor *editor;
  GtkButton *button;

  start_plan (f);
  g_assert_false (ticked (f, "d2-check-in"));

  /* The next day, Day 2's button opens the check-in editor. */
  rw_clock_set_today (f->clock, "2026-11-23");
  rw_plan_page_refresh (f->page);
  spin ();
  g_assert_true (gtk_widget_has_css_class (rw_plan_page_get_day_card (f->page, 2), "current-day"));
  button = rw_plan_task_row_get_button (rw_plan_page_get_task_row (f->page, "d2-check-in"));
  g_assert_cmpstr (gtk_button_get_label (button), ==, "Check In");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "plan.open-task");
  g_signal_emit_by_name (button, "clicked");
  spin ();
  editor = RW_CHECK_IN_EDITOR (rw_journal_page_get_editor (rw_window_get_journal_page (f->window)));
  g_assert_nonnull (editor);

  gtk_range_set_value (rw_check_in_editor_get_metric_range (editor, RW_METRIC_MOOD), 6);
  g_signal_emit_by_name (rw_check_in_editor_get_save_button (editor), "clicked");
  spin ();

  /* Day 2 ticked itself, and the ring counts it. */
  g_assert_true (ticked (f, "d2-check-in"));
  g_assert_true (stored (f, "d2-check-in", "check-in"));
  g_assert_cmpstr (rw_plan_page_get_ring_text (f->page), ==, "1/9");
}

static void
test_day_1_opens_the_guide (Fixture       *f,
                            gconstpointer  data)
{
  RwGuidePage *guide;

  start_plan (f);
  g_assert_true (act (f, "plan.open-task", "s", "d1-questions"));
  g_assert_cmpstr (rw_window_get_visible_view (f->window), ==, "guide");
  guide = rw_window_get_guide_page (f->window);
  g_assert_cmpint (rw_guide_page_get_chapter (guide), ==,
                   rw_guide_find_chapter (rw_guide_page_get_guide (guide), "10-questions-for-a-provider"));
  g_assert_cmpint (rw_guide_page_get_target_block (guide), >, 0);
}

static RwHelpWindow *
find_help_window (void)
{
  RwHelpWindow *help = NULL;
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (RW_IS_HELP_WINDOW (l->data) && gtk_widget_get_visible (l->data))
      help = l->data;
  g_list_free (toplevels);
  return help;
}

/* The plan says what to do if mood drops, before it starts and while it
 * runs, and its button opens Get Help Now. */
static void
test_mood_drops_leads_to_help (Fixture       *f,
                               gconstpointer  data)
{
  GtkButton *button = rw_plan_page_get_mood_drops_button (f->page);
  RwHelpWindow *help;

  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (button)));
  start_plan (f);
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (button)));
  g_assert_null (find_help_window ());

  g_signal_emit_by_name (button, "clicked");
  spin ();
  help = find_help_window ();
  g_assert_nonnull (help);
  gtk_window_destroy (GTK_WINDOW (help));
  spin ();
}

static RwBreathingWindow *
find_breathing_window (void)
{
  RwBreathingWindow *breathing = NULL;
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (RW_IS_BREATHING_WINDOW (l->data))
      breathing = l->data;
  g_list_free (toplevels);
  return breathing;
}

static void
test_day_3_by_breathing (Fixture       *f,
                         gconstpointer  data)
{
  RwBreathingWindow *breathing;

  start_plan (f);
  rw_clock_set_today (f->clock, "2026-11-24");
  rw_plan_page_refresh (f->page);
  act (f, "plan.open-task", "s", "d3-breathe");
  breathing = find_breathing_window ();
  g_assert_nonnull (breathing);

  gtk_widget_activate_action (GTK_WIDGET (breathing), "breathing.start", NULL);
  /* Ten minutes on the manual clock, in steps. */
  for (guint i = 0; i < 10 * 60 * 4 + 4; i++)
    rw_clock_advance (f->clock, G_USEC_PER_SEC / 4);
  spin ();
  g_assert_cmpint (rw_breathing_get_phase (rw_breathing_window_get_breathing (breathing)), ==, RW_PHASE_DONE);
  g_assert_true (ticked (f, "d3-breathe"));
  g_assert_true (stored (f, "d3-breathe", "breathing"));
  gtk_window_destroy (GTK_WINDOW (breathing));
}

static AdwMessageDialog *
find_dialog (void)
{
  AdwMessageDialog *dialog = NULL;
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      dialog = l->data;
  g_list_free (toplevels);
  return dialog;
}

static void
test_day_7_by_reflection (Fixture       *f,
                          gconstpointer  data)
{
  AdwMessageDialog *dialog;
  GtkTextView *view;
  g_autoptr(GPtrArray) today = NULL;

  start_plan (f);
  rw_clock_set_today (f->clock, "2026-11-28");
  act (f, "plan.open-task", "s", "d7-reflect");
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  view = GTK_TEXT_VIEW (rw_test_find_type (adw_message_dialog_get_extra_child (dialog), GTK_TYPE_TEXT_VIEW));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "Sleep was the surprise.", -1);
  adw_message_dialog_response (dialog, "save");
  spin ();

  g_assert_true (ticked (f, "d7-reflect"));
  g_assert_true (stored (f, "d7-reflect", "reflection"));
  today = rw_journal_list_date (rw_context_get_journal (f->context), "2026-11-28", NULL);
  g_assert_cmpuint (today->len, ==, 1);
  g_assert_cmpstr (rw_check_in_get_note (g_ptr_array_index (today, 0)), ==,
                   "Reflection after the first week: Sleep was the surprise.");
  /* The reflection is a check-in, so Day 2's task ticked itself too. */
  g_assert_true (ticked (f, "d2-check-in"));
  g_assert_cmpstr (rw_plan_page_get_ring_text (f->page), ==, "2/9");
}

static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (f->window);
  GtkWidget *read = NULL;
  RwPlanTaskRow *research;
  gboolean reached_read = FALSE, reached_tick = FALSE, reached_note = FALSE, reached_more = FALSE;

  start_plan (f);
  read = GTK_WIDGET (rw_plan_task_row_get_button (rw_plan_page_get_task_row (f->page, "d1-questions")));
  research = rw_plan_page_get_task_row (f->page, "d1-research");
  gtk_widget_grab_focus (rw_test_find_button (GTK_WIDGET (f->page), "_Pause"));

  /* Tab from Pause reaches the menu, the ticks, the buttons and the notes,
   * and never stops on plain text. */
  for (guint i = 0; i < 40; i++)
    {
      GtkWidget *focus;

      gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
      focus = gtk_window_get_focus (window);
      if (focus == NULL)
        continue;
      g_test_message ("Tab %u: %s", i, G_OBJECT_TYPE_NAME (focus));
      if (gtk_widget_get_ancestor (focus, GTK_TYPE_MENU_BUTTON) != NULL)
        reached_more = TRUE;
      if (focus == read)
        reached_read = TRUE;
      if (focus == GTK_WIDGET (research) || gtk_widget_is_ancestor (focus, GTK_WIDGET (research)))
        reached_tick = TRUE;
      if (gtk_widget_is_ancestor (focus, GTK_WIDGET (rw_plan_page_get_note_row (f->page, 1))))
        reached_note = TRUE;
      g_assert_false (GTK_IS_LABEL (focus) && !gtk_label_get_selectable (GTK_LABEL (focus)));
    }
  g_assert_true (reached_more);
  g_assert_true (reached_tick);
  g_assert_true (reached_read);
  g_assert_true (reached_note);

  /* A ticked row is one Space away: its check is the row's control. */
  g_assert_true (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (rw_plan_page_get_task_row (f->page, "d1-research")))
                 == GTK_WIDGET (rw_plan_task_row_get_check (rw_plan_page_get_task_row (f->page, "d1-research"))));
  g_signal_emit_by_name (rw_plan_page_get_task_row (f->page, "d1-research"), "activate");
  spin ();
  g_assert_true (stored (f, "d1-research", "manual"));
  g_assert_true (ticked (f, "d1-research"));
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

  ADD ("before-the-start", test_before_the_start);
  ADD ("opens-mid-run", test_opens_mid_run);
  ADD ("start-on-a-chosen-day", test_start_on_a_chosen_day);
  ADD ("tick", test_tick);
  ADD ("pause-and-resume", test_pause_and_resume);
  ADD ("shift-restart-end", test_shift_restart_end);
  ADD ("day-notes", test_day_notes);
  ADD ("day-2-by-check-in", test_day_2_by_check_in);
  ADD ("day-1-opens-the-guide", test_day_1_opens_the_guide);
  ADD ("mood-drops-leads-to-help", test_mood_drops_leads_to_help);
  ADD ("day-3-by-breathing", test_day_3_by_breathing);
  ADD ("day-7-by-reflection", test_day_7_by_reflection);
  ADD ("keyboard", test_keyboard);

#undef ADD

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
