/* test-safety-plan-window.c: the safety plan window under Xvfb: what is
 * typed is saved a moment later and when the window closes (or is
 * destroyed with the app), it opens from Get Help Now through
 * app.safety-plan, and "Save as PDF" writes one page with the words on
 * screen and the crisis line of the person's country.
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "rw-help-window.h"
#include "rw-safety-plan-window.h"
#include "rw-test-ui.h"
#include "rw-test-util.h"

typedef struct
{
  char *dir;
  GSettings *settings;
  RwClock *clock;
  RwJournal *journal;
  RwContext *context;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = rw_test_make_dir ();
  f->journal = rw_journal_open (f->dir, &error);
  g_assert_no_error (error);
  f->settings = rw_settings_new ();
  g_settings_set_string (f->settings, "country", "GB");
  f->clock = rw_clock_new_manual ("2026-11-22", "09:00");
  f->context = rw_context_new (f->journal, f->settings, f->clock);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  rw_test_spin (2);
  g_clear_object (&f->context);
  g_clear_object (&f->clock);
  g_settings_reset (f->settings, "country");
  g_clear_object (&f->settings);
  g_clear_object (&f->journal);
  rw_test_remove_dir (f->dir);
  g_free (f->dir);
}

static char *
saved_text (Fixture             *f,
            RwSafetyPlanSection  section)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RwSafetyPlan) plan = rw_journal_load_safety_plan (f->journal, &error);

  g_assert_no_error (error);
  return g_strdup (rw_safety_plan_get_text (plan, section));
}

static char *
shown_text (RwSafetyPlanWindow  *window,
            RwSafetyPlanSection  section)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (rw_safety_plan_window_get_view (window, section));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

/* Types @text at the end of @section, as the keyboard would. */
static void
type_text (RwSafetyPlanWindow  *window,
           RwSafetyPlanSection  section,
           const char          *text)
{
  GtkTextView *view = rw_safety_plan_window_get_view (window, section);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter end;

  gtk_widget_grab_focus (GTK_WIDGET (view));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, text, -1, TRUE);
}

static void
test_type_and_close_saves (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RwSafetyPlanWindow *window;
  g_autofree char *text = NULL;

  g_assert_true (rw_journal_save_safety_plan_section (f->journal, RW_SAFETY_PLAN_REASONS,
                                                      "Ana", &error));
  g_assert_no_error (error);

  window = rw_safety_plan_window_new (f->context, NULL);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_present (GTK_WINDOW (window));
  rw_test_spin (2);

  /* The plan as saved, each section in its own card, in order. */
  text = shown_text (window, RW_SAFETY_PLAN_REASONS);
  g_assert_cmpstr (text, ==, "Ana");
  g_clear_pointer (&text, g_free);
  g_assert_nonnull (rw_test_find_label (GTK_WIDGET (window), "1. Warning signs"));
  g_assert_nonnull (rw_test_find_label (GTK_WIDGET (window), "7. Reasons to live"));
  g_assert_nonnull (rw_test_find_label (GTK_WIDGET (window), "prescriber"));
  /* The crisis line of the person's country, at the top. */
  g_assert_nonnull (rw_test_find_label (GTK_WIDGET (window), "116\u00a0123 (Samaritans)"));
  g_assert_nonnull (rw_test_find_button (GTK_WIDGET (window), "Get Help Now"));
  g_assert_nonnull (rw_test_find_label (GTK_WIDGET (window), "10.1016/j.cbpra.2011.01.001"));

  /* Typing saves a moment after the last key, not at every key. */
  type_text (window, RW_SAFETY_PLAN_WARNING_SIGNS, "Not sleeping\nSkipping meals");
  rw_test_spin (2);
  text = saved_text (f, RW_SAFETY_PLAN_WARNING_SIGNS);
  g_assert_cmpstr (text, ==, "");
  g_clear_pointer (&text, g_free);
  rw_clock_advance (f->clock, G_USEC_PER_SEC);
  rw_test_spin (2);
  text = saved_text (f, RW_SAFETY_PLAN_WARNING_SIGNS);
  g_assert_cmpstr (text, ==, "Not sleeping\nSkipping meals");
  g_clear_pointer (&text, g_free);

  /* Typed and closed at once: saved on close. */
  type_text (window, RW_SAFETY_PLAN_REASONS, "\nThe sea in June");
  type_text (window, RW_SAFETY_PLAN_PEOPLE, "Tom, 0698 765 432");
  gtk_window_close (GTK_WINDOW (window));
  rw_test_spin (2);
  g_assert_null (window);
  text = saved_text (f, RW_SAFETY_PLAN_REASONS);
  g_assert_cmpstr (text, ==, "Ana\nThe sea in June");
  g_clear_pointer (&text, g_free);
  text = saved_text (f, RW_SAFETY_PLAN_PEOPLE);
  g_assert_cmpstr (text, ==, "Tom, 0698 765 432");
  g_clear_pointer (&text, g_free);

  /* Destroyed without a close, as when the app quits: saved as well. */
  window = rw_safety_plan_window_new (f->context, NULL);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_present (GTK_WINDOW (window));
  rw_test_spin (2);
  text = shown_text (window, RW_SAFETY_PLAN_PEOPLE);
  g_assert_cmpstr (text, ==, "Tom, 0698 765 432");
  g_clear_pointer (&text, g_free);
  type_text (window, RW_SAFETY_PLAN_COPING, "A hot shower");
  gtk_window_destroy (GTK_WINDOW (window));
  rw_test_spin (2);
  g_assert_null (window);
  text = saved_text (f, RW_SAFETY_PLAN_COPING);
  g_assert_cmpstr (text, ==, "A hot shower");
}

static AdwMessageDialog *
find_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* A save that fails keeps the window, and the words in it, until the
 * person chooses to close without saving. */
static void
test_failed_save_keeps_window (Fixture       *f,
                               gconstpointer  data)
{
  RwSafetyPlanWindow *window = rw_safety_plan_window_new (f->context, NULL);
  AdwMessageDialog *dialog;
  g_autofree char *text = NULL;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_present (GTK_WINDOW (window));
  rw_test_spin (2);
  type_text (window, RW_SAFETY_PLAN_REASONS, "The sea in June");
  /* The journal goes away under the window (as a disk that is unplugged). */
  rw_journal_close (f->journal);

  gtk_window_close (GTK_WINDOW (window));
  rw_test_spin (2);
  g_assert_nonnull (window);
  text = shown_text (window, RW_SAFETY_PLAN_REASONS);
  g_assert_cmpstr (text, ==, "The sea in June");
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Your Plan Is Not Saved");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "still in this window"));

  /* Keeping it open keeps it open. */
  adw_message_dialog_response (dialog, "keep");
  rw_test_spin (2);
  g_assert_nonnull (window);

  gtk_window_close (GTK_WINDOW (window));
  rw_test_spin (2);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "close");
  rw_test_spin (2);
  g_assert_null (window);
}

static void
safety_plan_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  Fixture *f = user_data;
  GtkApplication *app = GTK_APPLICATION (g_application_get_default ());

  /* As RwApplication's app.safety-plan does. */
  rw_safety_plan_window_present (f->context, gtk_application_get_active_window (app));
}

static gboolean
match_row (GtkWidget     *widget,
           gconstpointer  data)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

static guint
count_plan_windows (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
  guint n = 0;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (RW_IS_SAFETY_PLAN_WINDOW (l->data) && gtk_widget_get_visible (l->data))
      n++;
  return n;
}

static RwSafetyPlanWindow *
find_plan_window (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (RW_IS_SAFETY_PLAN_WINDOW (l->data))
      return l->data;
  return NULL;
}

static void
test_opened_from_help (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GtkApplication) app = gtk_application_new ("io.github.rewire.Rewire.TestSafetyPlan",
                                                       G_APPLICATION_NON_UNIQUE);
  g_autoptr(GSimpleAction) action = g_simple_action_new ("safety-plan", NULL);
  g_autoptr(GError) error = NULL;
  GtkWidget *parent;
  RwHelpWindow *help;
  RwSafetyPlanWindow *plan;
  GtkWidget *row;

  g_signal_connect (action, "activate", G_CALLBACK (safety_plan_cb), f);
  g_action_map_add_action (G_ACTION_MAP (app), G_ACTION (action));
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_set_default (G_APPLICATION (app));

  parent = gtk_application_window_new (app);
  gtk_window_present (GTK_WINDOW (parent));
  help = rw_help_window_new (f->context, GTK_WINDOW (parent));
  gtk_window_present (GTK_WINDOW (help));
  rw_test_spin (2);

  /* A clear row, above the crisis lines, that reaches app.safety-plan. */
  row = rw_test_find (GTK_WIDGET (help), match_row, "My Safety Plan");
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)), ==, "app.safety-plan");
  g_assert_true (gtk_widget_is_sensitive (row));
  g_assert_cmpuint (count_plan_windows (), ==, 0);
  g_signal_emit_by_name (row, "activate");
  rw_test_spin (2);
  g_assert_cmpuint (count_plan_windows (), ==, 1);
  plan = find_plan_window ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (plan)) == GTK_WINDOW (help));

  /* Asked for again: the same window, not a second one over the same plan. */
  g_signal_emit_by_name (row, "activate");
  rw_test_spin (2);
  g_assert_cmpuint (count_plan_windows (), ==, 1);

  /* The crisis lines one click away: back to the help window it came from. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (plan), "safety-plan.get-help", NULL));
  rw_test_spin (2);
  g_assert_true (gtk_window_is_active (GTK_WINDOW (help)) ||
                 gtk_widget_get_visible (GTK_WIDGET (help)));

  gtk_window_destroy (GTK_WINDOW (plan));
  gtk_window_destroy (GTK_WINDOW (help));
  gtk_window_destroy (GTK_WINDOW (parent));
  rw_test_spin (2);
  g_application_set_default (NULL);
}

static char *
run_tool (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_pdf (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *info_path = g_find_program_in_path ("pdfinfo");
  g_autofree char *asked = g_build_filename (f->dir, "my plan", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "my plan.pdf", NULL);
  const char *info_argv[] = { "pdfinfo", pdf, NULL };
  const char *text_argv[] = { "pdftotext", pdf, "-", NULL };
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  RwSafetyPlanWindow *window;
  struct stat st;

  if (info_path == NULL)
    {
      g_test_skip ("needs pdfinfo and pdftotext (poppler-utils)");
      return;
    }
  window = rw_safety_plan_window_new (f->context, NULL);
  gtk_window_present (GTK_WINDOW (window));
  rw_test_spin (2);
  g_assert_nonnull (rw_test_find_button (GTK_WIDGET (window), "Save as PDF…"));

  /* Typed just now, not saved yet: the page shows what the window shows. */
  type_text (window, RW_SAFETY_PLAN_PROFESSIONALS, "Dr Okafor, prescriber");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "safety-plan.save-pdf-to", "s",
                                             asked));
  rw_test_spin (2);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
  info = run_tool (info_argv);
  g_assert_nonnull (strstr (info, "Pages:           1\n"));
  text = run_tool (text_argv);
  g_assert_nonnull (strstr (text, "Dr Okafor, prescriber"));
  g_assert_nonnull (strstr (text, "Samaritans"));
  g_assert_nonnull (strstr (text, "Reasons to live"));
  g_assert_cmpint (g_stat (pdf, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  /* A toast says where it went. */
  g_assert_nonnull (rw_test_find_label (GTK_WIDGET (window), "my plan.pdf"));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) \
  g_test_add ("/safety-plan-window/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("type-and-close-saves", test_type_and_close_saves);
  ADD ("failed-save-keeps-window", test_failed_save_keeps_window);
  ADD ("opened-from-help", test_opened_from_help);
  ADD ("pdf", test_pdf);

#undef ADD

  return g_test_run ();
}
