/* test-preferences.c: the preferences under Xvfb. The style row moves
 * libadwaita's style manager; the range row is the range Trends opens on;
 * the reminder rows say so and stay insensitive without a systemd user
 * manager, and with one (a socket where systemd puts it, and systemctl
 * replaced by a script that logs) write and remove the timer.
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rw-preferences-window.h"
#include "rw-help-window.h"
#include "rw-trends-page.h"
#include "rw-test-ui.h"
#include "rw-test-util.h"

static char *config_home;
static char *fake_dir;

typedef struct
{
  char *dir;
  char *runtime;
  GSettings *settings;
  RwClock *clock;
  RwContext *context;
  GSocket *manager;   /* the stand-in for systemd's private socket, or NULL */
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(RwJournal) journal = NULL;
  g_autoptr(GError) error = NULL;
  const char * const keys[] = { "style", "chart-range", "reminder", "reminder-hour",
                                "reminder-minute", "questionnaire-reminder", "country" };

  f->dir = rw_test_make_dir ();
  f->runtime = rw_test_make_dir ();
  g_setenv ("XDG_RUNTIME_DIR", f->runtime, TRUE);
  journal = rw_journal_open (f->dir, &error);
  g_assert_no_error (error);
  f->settings = rw_settings_new ();
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (f->settings, keys[i]);
  f->clock = rw_clock_new_manual ("2026-11-22", "09:00");
  f->context = rw_context_new (journal, f->settings, f->clock);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  rw_test_spin (2);
  if (f->manager != NULL)
    g_socket_close (f->manager, NULL);
  g_clear_object (&f->manager);
  g_clear_object (&f->context);
  g_clear_object (&f->clock);
  g_clear_object (&f->settings);
  rw_test_remove_dir (f->dir);
  rw_test_remove_dir (f->runtime);
  g_free (f->dir);
  g_free (f->runtime);
}

/* A socket where a user manager listens: systemctl --user would reach it. */
static void
start_user_manager (Fixture *f)
{
  g_autofree char *systemd = g_build_filename (f->runtime, "systemd", NULL);
  g_autofree char *path = g_build_filename (systemd, "private", NULL);
  g_autoptr(GSocketAddress) address = g_unix_socket_address_new (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (systemd, 0700), ==, 0);
  f->manager = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_STREAM, 0, &error);
  g_assert_no_error (error);
  g_socket_bind (f->manager, address, TRUE, &error);
  g_assert_no_error (error);
}

static gboolean
match_row_title (GtkWidget     *widget,
                 gconstpointer  data)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

static GtkWidget *
find_row (RwPreferencesWindow *window,
          const char          *title)
{
  GtkWidget *row = rw_test_find (GTK_WIDGET (window), match_row_title, title);

  g_assert_nonnull (row);
  return row;
}

static RwPreferencesWindow *
open_window (Fixture *f)
{
  RwPreferencesWindow *window = rw_preferences_window_new (f->context, NULL);

  gtk_window_present (GTK_WINDOW (window));
  rw_test_spin (2);
  return window;
}

static void
test_style (Fixture       *f,
            gconstpointer  data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  RwPreferencesWindow *window;
  AdwComboRow *row;
  g_autofree char *style = NULL;

  rw_preferences_bind_style (f->settings);
  window = open_window (f);
  row = ADW_COMBO_ROW (find_row (window, "Style"));
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_DEFAULT);

  adw_combo_row_set_selected (row, 2);
  style = g_settings_get_string (f->settings, "style");
  g_assert_cmpstr (style, ==, "dark");
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (manager));

  adw_combo_row_set_selected (row, 1);
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_false (adw_style_manager_get_dark (manager));

  /* Set elsewhere (another window, dconf): the row follows too. */
  g_settings_set_string (f->settings, "style", "dark");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 2);

  adw_combo_row_set_selected (row, 0);
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_chart_range (Fixture       *f,
                  gconstpointer  data)
{
  RwPreferencesWindow *window = open_window (f);
  AdwComboRow *row = ADW_COMBO_ROW (find_row (window, "Chart Range"));
  g_autofree char *saved = NULL;
  RwTrendsPage *page;

  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 1);   /* 30 days */
  adw_combo_row_set_selected (row, 2);
  saved = g_settings_get_string (f->settings, "chart-range");
  g_assert_cmpstr (saved, ==, "90d");

  page = g_object_ref_sink (rw_trends_page_new (f->context));
  g_assert_cmpint (rw_trends_page_get_range (page), ==, RW_RANGE_90D);
  /* And an open Trends view follows. */
  adw_combo_row_set_selected (row, 0);
  g_assert_cmpint (rw_trends_page_get_range (page), ==, RW_RANGE_7D);
  g_object_unref (page);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_no_user_manager (Fixture       *f,
                      gconstpointer  data)
{
  RwPreferencesWindow *window = open_window (f);
  GtkWidget *reminder = find_row (window, "Daily Reminder");
  GtkWidget *questionnaire = find_row (window, "Questionnaire Reminder");

  g_assert_false (gtk_widget_is_sensitive (reminder));
  g_assert_false (gtk_widget_is_sensitive (questionnaire));
  g_assert_false (gtk_widget_is_sensitive (find_row (window, "Time")));
  /* Said where it reads at full contrast, above the rows. */
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (rw_test_find_label (GTK_WIDGET (window),
                                          "systemd user session, which is not running here"))));
  /* The time shown is still the one kept. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rw_test_find_type (find_row (window, "Time"),
                                                                           GTK_TYPE_SPIN_BUTTON))),
                   ==, "20");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
wait_idle (RwPreferencesWindow *window)
{
  while (rw_preferences_window_get_busy (window))
    g_main_context_iteration (NULL, TRUE);
}

static void
test_reminder_on_off (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *timer = g_build_filename (config_home, "systemd", "user",
                                             APP_ID "-reminder.timer", NULL);
  g_autofree char *service = g_build_filename (config_home, "systemd", "user",
                                               APP_ID "-reminder.service", NULL);
  g_autofree char *text = NULL;
  g_autofree char *exec = NULL;
  g_autofree char *binary = rw_reminder_dup_binary ();
  RwPreferencesWindow *window;
  GtkWidget *reminder;
  GtkSwitch *toggle;
  GtkSpinButton *hour;

  start_user_manager (f);
  window = open_window (f);
  reminder = find_row (window, "Daily Reminder");
  g_assert_true (gtk_widget_is_sensitive (reminder));
  g_assert_false (gtk_widget_is_sensitive (find_row (window, "Time")));
  toggle = GTK_SWITCH (rw_test_find_type (reminder, GTK_TYPE_SWITCH));
  hour = GTK_SPIN_BUTTON (rw_test_find_type (find_row (window, "Time"), GTK_TYPE_SPIN_BUTTON));

  gtk_switch_set_active (toggle, TRUE);
  g_assert_true (g_settings_get_boolean (f->settings, "reminder"));
  g_assert_true (gtk_widget_is_sensitive (find_row (window, "Time")));
  wait_idle (window);
  g_assert_true (g_file_get_contents (timer, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "OnCalendar=*-*-* 20:00:00\n"));
  g_clear_pointer (&text, g_free);
  /* The journal is not the default one: the timer names its folder. */
  g_assert_true (g_file_get_contents (service, &text, NULL, NULL));
  exec = g_strdup_printf ("ExecStart=\"%s\" --data-dir \"%s\" remind\n", binary, f->dir);
  g_assert_nonnull (strstr (text, exec));
  g_clear_pointer (&text, g_free);

  gtk_spin_button_set_value (hour, 7);
  g_assert_cmpint (g_settings_get_int (f->settings, "reminder-hour"), ==, 7);
  wait_idle (window);
  g_assert_true (g_file_get_contents (timer, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "OnCalendar=*-*-* 07:00:00\n"));

  gtk_switch_set_active (toggle, FALSE);
  wait_idle (window);
  g_assert_false (g_file_test (timer, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (service, G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* systemctl failing: the switch goes back off, the units go, and a toast
 * says why, once. */
static void
test_reminder_fails (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *timer = g_build_filename (config_home, "systemd", "user",
                                             APP_ID "-reminder.timer", NULL);
  RwPreferencesWindow *window;
  GtkSwitch *toggle;
  GtkWidget *toast;

  start_user_manager (f);
  g_setenv ("FAKE_SYSTEMCTL_FAIL", "1", TRUE);
  window = open_window (f);
  toggle = GTK_SWITCH (rw_test_find_type (find_row (window, "Daily Reminder"), GTK_TYPE_SWITCH));

  gtk_switch_set_active (toggle, TRUE);
  wait_idle (window);
  rw_test_spin (2);
  g_assert_false (g_settings_get_boolean (f->settings, "reminder"));
  g_assert_false (gtk_switch_get_active (toggle));
  g_assert_false (g_file_test (timer, G_FILE_TEST_EXISTS));
  toast = GTK_WIDGET (rw_test_find_label (GTK_WIDGET (window), "The reminder could not be turned on"));
  g_assert_nonnull (toast);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (toast)), "No medium found"));
  g_assert_null (rw_test_find_label (GTK_WIDGET (window), "could not be turned off"));
  g_unsetenv ("FAKE_SYSTEMCTL_FAIL");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_country (Fixture       *f,
              gconstpointer  data)
{
  RwPreferencesWindow *window;
  AdwComboRow *row;
  g_autofree char *saved = NULL;

  g_settings_set_string (f->settings, "country", "DE");
  window = open_window (f);
  row = ADW_COMBO_ROW (find_row (window, "Country"));
  g_assert_cmpstr (rw_country_row_get_code (row), ==, "DE");
  rw_country_row_select (row, "AU");
  saved = g_settings_get_string (f->settings, "country");
  g_assert_cmpstr (saved, ==, "AU");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *script = NULL;
  int status;

  config_home = rw_test_make_dir ();
  fake_dir = rw_test_make_dir ();
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
  script = g_build_filename (fake_dir, "systemctl", NULL);
  g_assert_true (g_file_set_contents (script,
                                      "#!/bin/sh\n"
                                      "[ -z \"$FAKE_SYSTEMCTL_FAIL\" ] && exit 0\n"
                                      "echo 'Failed to connect to bus: No medium found' >&2\n"
                                      "exit 1\n", -1, NULL));
  g_assert_cmpint (g_chmod (script, 0755), ==, 0);
  g_setenv ("REWIRE_SYSTEMCTL", script, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) \
  g_test_add ("/preferences/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("style", test_style);
  ADD ("chart-range", test_chart_range);
  ADD ("no-user-manager", test_no_user_manager);
  ADD ("reminder-on-off", test_reminder_on_off);
  ADD ("reminder-fails", test_reminder_fails);
  ADD ("country", test_country);

#undef ADD

  status = g_test_run ();
  rw_test_remove_dir (config_home);
  rw_test_remove_dir (fake_dir);
  g_free (config_home);
  g_free (fake_dir);
  return status;
}
