/* test-report-window.c: the Clinician Report dialog, built from a context
 * in a real X server and driven through its actions: its defaults (the
 * last 90 days, no notes), a range the wrong way round refused, a report
 * made while the main loop keeps running (progress arrives in steps) and
 * a cancelled one that leaves no file.
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "rw-journal-private.h"
#include "rw-report-window.h"
#include "rw-test-ui.h"
#include "rw-test-util.h"

typedef struct
{
  char *dir;
  char *out_dir;
  RwJournal *journal;
  GSettings *settings;
  RwClock *clock;
  RwContext *context;
  RwReportWindow *window;
  guint progress_notes;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = rw_test_make_dir ();
  f->out_dir = rw_test_make_dir ();
  f->journal = rw_journal_open (f->dir, &error);
  g_assert_no_error (error);
  rw_test_fill_treatment_year (rw_journal_get_database (f->journal),
                               rw_date_from_iso ("2025-12-01"));
  f->settings = rw_settings_new ();
  f->clock = rw_clock_new_manual ("2026-11-30", "09:00");
  f->context = rw_context_new (f->journal, f->settings, f->clock);

  f->window = rw_report_window_new (f->context, NULL);
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  gtk_window_present (GTK_WINDOW (f->window));
  rw_test_spin (2);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  rw_test_spin (2);
  g_clear_object (&f->context);
  g_clear_object (&f->clock);
  g_clear_object (&f->settings);
  g_clear_object (&f->journal);
  rw_test_remove_dir (f->dir);
  rw_test_remove_dir (f->out_dir);
  g_free (f->dir);
  g_free (f->out_dir);
}

static gpointer
child (Fixture    *f,
       const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (f->window), RW_TYPE_REPORT_WINDOW, name);
}

/* Whether report.save or report.cancel is enabled, as the button that
 * shows it says (an actionable button follows its action). */
static gboolean
action_enabled (Fixture    *f,
                const char *name)
{
  g_autofree char *button = g_strconcat (name, "_button", NULL);

  return gtk_widget_get_sensitive (child (f, button));
}

static void
test_defaults (Fixture       *f,
               gconstpointer  data)
{
  /* The last 90 days to today, notes left out, the locale's paper (C: A4). */
  g_assert_cmpstr (gtk_editable_get_text (child (f, "from_row")), ==, "2026-09-02");
  g_assert_cmpstr (gtk_editable_get_text (child (f, "to_row")), ==, "2026-11-30");
  g_assert_false (gtk_switch_get_active (child (f, "notes_switch")));
  g_assert_cmpuint (adw_combo_row_get_selected (child (f, "paper_row")), ==, 0);
  g_assert_true (action_enabled (f, "save"));
  g_assert_false (action_enabled (f, "cancel"));
  g_assert_false (gtk_widget_get_visible (child (f, "progress_bar")));
}

static void
test_bad_range (Fixture       *f,
                gconstpointer  data)
{
  gtk_editable_set_text (child (f, "from_row"), "2026-12-01");
  g_assert_false (action_enabled (f, "save"));
  /* Even asked for directly, nothing is made. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "report.save-to", "s", "/nowhere.pdf");
  g_assert_false (rw_report_window_get_running (f->window));
  g_assert_true (gtk_widget_get_visible (child (f, "message_label")));
  gtk_editable_set_text (child (f, "from_row"), "someday");
  g_assert_false (action_enabled (f, "save"));
  gtk_editable_set_text (child (f, "from_row"), "2026-01-01");
  g_assert_true (action_enabled (f, "save"));
  g_assert_false (gtk_widget_get_visible (child (f, "message_label")));
}

static void
progress_cb (Fixture *f)
{
  /* Only what comes while the report is being made. */
  if (rw_report_window_get_running (f->window))
    f->progress_notes++;
}

static void
test_writes_off_main_thread (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->out_dir, "report.pdf", NULL);
  guint iterations = 0;
  struct stat st;

  gtk_editable_set_text (child (f, "from_row"), "2025-12-01");
  gtk_switch_set_active (child (f, "notes_switch"), TRUE);
  g_signal_connect_swapped (f->window, "notify::progress", G_CALLBACK (progress_cb), f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "report.save-to", "s", path));

  /* The action came back at once: the report is made in a thread, the
   * dialog shows its progress and can cancel it. */
  g_assert_true (rw_report_window_get_running (f->window));
  g_assert_true (gtk_widget_get_visible (child (f, "progress_bar")));
  g_assert_true (action_enabled (f, "cancel"));
  g_assert_false (action_enabled (f, "save"));
  while (rw_report_window_get_running (f->window))
    {
      g_main_context_iteration (NULL, TRUE);
      iterations++;
    }
  /* The main loop ran all along, and the progress came in steps. */
  g_assert_cmpuint (f->progress_notes, >=, 5);
  g_assert_cmpuint (iterations, >=, 5);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (rw_test_file_holds (path, "%PDF"));
  g_assert_false (gtk_widget_get_visible (child (f, "progress_bar")));
  g_assert_true (action_enabled (f, "save"));
}

static void
test_cancel_leaves_no_file (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->out_dir, "report.pdf", NULL);

  gtk_editable_set_text (child (f, "from_row"), "2025-12-01");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "report.save-to", "s", path));
  g_assert_true (rw_report_window_get_running (f->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "report.cancel", NULL));
  while (rw_report_window_get_running (f->window))
    g_main_context_iteration (NULL, TRUE);
  rw_test_spin (2);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (rw_test_count_entries (f->out_dir), ==, 0);
  g_assert_true (action_enabled (f, "save"));
}

/* Closing the dialog while it works stops the report: no file, and
 * nothing touches the closed dialog afterwards. */
static void
test_close_while_running (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->out_dir, "report.pdf", NULL);

  gtk_editable_set_text (child (f, "from_row"), "2025-12-01");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "report.save-to", "s", path));
  gtk_window_close (GTK_WINDOW (f->window));
  gtk_window_destroy (GTK_WINDOW (f->window));
  /* The worker's result comes back to a dialog that is gone, which it
   * keeps until then (f->window is a weak pointer). */
  while (f->window != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (rw_test_count_entries (f->out_dir), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) \
  g_test_add ("/report-window/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("defaults", test_defaults);
  ADD ("bad-range", test_bad_range);
  ADD ("writes-off-main-thread", test_writes_off_main_thread);
  ADD ("cancel-leaves-no-file", test_cancel_leaves_no_file);
  ADD ("close-while-running", test_close_while_running);

#undef ADD

  return g_test_run ();
}
