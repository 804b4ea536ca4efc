/* test-breathing-window.c: the breathing exercise, built from a context
 * with a manual clock under Xvfb, driven through its actions and keys:
 * what the person sees as it starts, pauses, resumes, stops and ends,
 * the pattern, and the finished session in the journal.
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>

#include "rw-breathing-window.h"
#include "rw-journal-private.h"
#include "rw-test-ui.h"
#include "rw-test-util.h"

typedef struct
{
  char *dir;
  RwJournal *journal;
  GSettings *settings;
  RwClock *clock;
  RwContext *context;
  RwBreathingWindow *window;
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
  f->clock = rw_clock_new_manual ("2026-11-22", "09:00");
  f->context = rw_context_new (f->journal, f->settings, f->clock);
  f->window = rw_breathing_window_new (f->context, NULL, 1);
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
  g_free (f->dir);
}

static void
advance (Fixture *f,
         guint    seconds)
{
  for (guint i = 0; i < seconds * 4; i++)
    rw_clock_advance (f->clock, G_USEC_PER_SEC / 4);
  rw_test_spin (1);
}

static gboolean
shows (Fixture    *f,
       const char *text)
{
  GtkLabel *label = rw_test_find_label (GTK_WIDGET (f->window), text);

  return label != NULL && gtk_widget_is_drawable (GTK_WIDGET (label));
}

static gboolean
button_shown (Fixture    *f,
              const char *label)
{
  GtkWidget *button = rw_test_find_button (GTK_WIDGET (f->window), label);

  g_assert_nonnull (button);
  return gtk_widget_get_visible (button);
}

static gint64
sessions (Fixture *f,
          guint   *seconds,
          char   **pattern)
{
  sqlite3 *db = rw_database_get_handle (rw_journal_get_database (f->journal));
  sqlite3_stmt *stmt = NULL;
  gint64 n = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*), max (seconds), max (pattern) "
                                           "FROM breathing_sessions", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  if (seconds != NULL)
    *seconds = (guint) sqlite3_column_int (stmt, 1);
  if (pattern != NULL)
    *pattern = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  sqlite3_finalize (stmt);
  return n;
}

static void
test_start_pause_resume_stop (Fixture       *f,
                              gconstpointer  data)
{
  g_assert_true (shows (f, "Ready when you are"));
  g_assert_true (button_shown (f, "_Start"));
  g_assert_false (button_shown (f, "_Pause"));
  g_assert_false (button_shown (f, "S_top"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "breathing.start", NULL));
  rw_test_spin (1);
  g_assert_true (shows (f, "Breathe in"));
  g_assert_true (shows (f, "1:00 left"));
  g_assert_false (button_shown (f, "_Start"));
  g_assert_true (button_shown (f, "_Pause"));
  g_assert_true (button_shown (f, "S_top"));

  advance (f, 5);
  g_assert_true (shows (f, "0:55 left"));
  g_assert_true (shows (f, "Hold"));

  /* Paused: time stands still, and Resume is offered. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "breathing.pause", NULL));
  advance (f, 20);
  g_assert_true (shows (f, "0:55 left"));
  g_assert_true (button_shown (f, "_Resume"));
  g_assert_false (button_shown (f, "_Pause"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "breathing.resume", NULL));
  advance (f, 5);
  g_assert_true (shows (f, "0:50 left"));

  /* Stopped early: back to the start, and nothing recorded. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "breathing.stop", NULL));
  rw_test_spin (1);
  g_assert_true (shows (f, "Ready when you are"));
  g_assert_true (button_shown (f, "_Start"));
  g_assert_cmpint (sessions (f, NULL, NULL), ==, 0);
}

static void
test_finished_is_recorded (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *pattern = NULL;
  guint seconds = 0;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "breathing.start", NULL);
  advance (f, 61);
  g_assert_true (shows (f, "Well done"));
  g_assert_true (shows (f, "1 minute breathed"));
  g_assert_true (button_shown (f, "_Start"));
  g_assert_cmpint (sessions (f, &seconds, &pattern), ==, 1);
  g_assert_cmpuint (seconds, ==, 60);
  g_assert_cmpstr (pattern, ==, "box");
}

static void
test_pattern (Fixture       *f,
              gconstpointer  data)
{
  AdwComboRow *row = ADW_COMBO_ROW (rw_test_find_type (GTK_WIDGET (f->window), ADW_TYPE_COMBO_ROW));
  g_autofree char *pattern = NULL;

  g_assert_cmpstr (rw_breathing_window_get_pattern (f->window), ==, "box");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);

  /* The action chooses what the row shows... */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "breathing.pattern", "s", "4-7-8"));
  g_assert_cmpstr (rw_breathing_window_get_pattern (f->window), ==, "4-7-8");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 1);
  /* ...and the row, the action's state. */
  adw_combo_row_set_selected (row, 0);
  g_assert_cmpstr (rw_breathing_window_get_pattern (f->window), ==, "box");
  adw_combo_row_set_selected (row, 1);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "breathing.start", NULL);
  g_assert_cmpint (rw_breathing_get_pattern (rw_breathing_window_get_breathing (f->window)), ==,
                   RW_BREATHING_4_7_8);
  /* The choice is locked while breathing. */
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (row)));
  advance (f, 61);
  g_assert_cmpint (sessions (f, NULL, &pattern), ==, 1);
  g_assert_cmpstr (pattern, ==, "4-7-8");
}

static void
test_keys (Fixture       *f,
           gconstpointer  data)
{
  RwBreathing *breathing = rw_breathing_window_get_breathing (f->window);

  /* The focus follows the buttons, so Space starts, pauses and resumes;
   * Escape closes (and stops). */
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (f->window)) == rw_test_find_button (GTK_WIDGET (f->window), "_Start"));
  g_assert_true (rw_test_press_key (GTK_WIDGET (f->window), GDK_KEY_space, 0));
  rw_test_wait (400);
  g_assert_true (rw_breathing_is_running (breathing));
  g_assert_true (rw_test_press_key (GTK_WIDGET (f->window), GDK_KEY_space, 0));
  rw_test_wait (400);
  g_assert_true (rw_breathing_is_paused (breathing));
  g_assert_true (button_shown (f, "_Resume"));
  g_assert_true (rw_test_press_key (GTK_WIDGET (f->window), GDK_KEY_space, 0));
  rw_test_wait (400);
  g_assert_true (rw_breathing_is_running (breathing));
  g_assert_false (rw_breathing_is_paused (breathing));

  /* Every button is a control Tab reaches. */
  g_assert_true (gtk_widget_get_focusable (rw_test_find_button (GTK_WIDGET (f->window), "_Pause")));
  g_assert_true (gtk_widget_get_focusable (rw_test_find_button (GTK_WIDGET (f->window), "S_top")));

  g_assert_true (rw_test_press_key (GTK_WIDGET (f->window), GDK_KEY_Escape, 0));
  rw_test_spin (2);
  g_assert_null (f->window);
  g_assert_cmpint (sessions (f, NULL, NULL), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) \
  g_test_add ("/breathing-window/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("start-pause-resume-stop", test_start_pause_resume_stop);
  ADD ("finished-is-recorded", test_finished_is_recorded);
  ADD ("pattern", test_pattern);
  ADD ("keys", test_keys);

#undef ADD

  return g_test_run ();
}
