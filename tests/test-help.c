/* test-help.c: "Get help now" and the first-run welcome.
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "rw-help-window.h"
#include "rw-welcome-window.h"

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static GSettings *
new_settings (void)
{
  g_autoptr(GSettingsSchemaSource) source = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;

  source = g_settings_schema_source_new_from_directory (g_getenv ("GSETTINGS_SCHEMA_DIR"),
                                                        NULL, TRUE, NULL);
  g_assert_nonnull (source);
  schema = g_settings_schema_source_lookup (source, APP_ID, FALSE);
  g_assert_nonnull (schema);
  return g_settings_new_full (schema, NULL, NULL);
}

static void
test_chosen_country_first (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  RwHelpWindow *window;
  g_auto(GStrv) shown = NULL;
  g_autofree char *saved = NULL;

  g_settings_set_string (settings, "country", "DE");
  window = rw_help_window_new (NULL, settings);
  gtk_window_present (GTK_WINDOW (window));
  spin ();

  shown = rw_help_window_dup_shown_countries (window);
  g_assert_cmpstr (shown[0], ==, "DE");
  /* Every other country is listed below. */
  g_assert_true (g_strv_contains ((const char * const *) shown, "US"));
  g_assert_true (g_strv_contains ((const char * const *) shown, "INTL"));
  g_assert_cmpuint (g_strv_length (shown), >=, 8);

  /* Choosing another country reorders the page and is remembered. */
  rw_help_window_set_country (window, "AU");
  spin ();
  g_clear_pointer (&shown, g_strfreev);
  shown = rw_help_window_dup_shown_countries (window);
  g_assert_cmpstr (shown[0], ==, "AU");
  saved = g_settings_get_string (settings, "country");
  g_assert_cmpstr (saved, ==, "AU");

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

static void
test_help_without_settings_guesses (void)
{
  RwHelpWindow *window = rw_help_window_new (NULL, NULL);
  g_auto(GStrv) shown = rw_help_window_dup_shown_countries (window);
  g_autofree char *guess = rw_crisis_guess_country (NULL);

  g_assert_cmpstr (shown[0], ==, g_str_equal (guess, "EU") ? "EU" : guess);
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

static void
test_welcome (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  RwWelcomeWindow *welcome;
  g_autofree char *country = NULL;

  g_settings_reset (settings, "country");
  g_settings_set_boolean (settings, "welcome-done", FALSE);
  welcome = rw_welcome_window_new (NULL, settings, "/tmp/somewhere/journal.db");
  g_object_add_weak_pointer (G_OBJECT (welcome), (gpointer *) &welcome);
  gtk_window_present (GTK_WINDOW (welcome));
  spin ();

  /* LC_ALL is C.UTF-8 in tests: no country in the locale, so "anywhere else". */
  g_assert_cmpstr (rw_country_row_get_code (rw_welcome_window_get_country_row (welcome)), ==, "INTL");
  adw_combo_row_set_selected (rw_welcome_window_get_country_row (welcome), 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (welcome), "welcome.start", NULL));
  spin ();
  g_assert_null (welcome);
  g_assert_true (g_settings_get_boolean (settings, "welcome-done"));
  country = g_settings_get_string (settings, "country");
  g_assert_cmpstr (country, ==, "US");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/help/chosen-country-first", test_chosen_country_first);
  g_test_add_func ("/help/without-settings-guesses", test_help_without_settings_guesses);
  g_test_add_func ("/help/welcome", test_welcome);

  return g_test_run ();
}
