/* test-help.c: "Get help now", built from a context under Xvfb: the
 * chosen country first, choosing another (through help.country), a
 * guess when none was chosen, and Escape closing it.
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "rw-help-window.h"
#include "rw-test-ui.h"
#include "rw-test-util.h"

typedef struct
{
  char *dir;
  GSettings *settings;
  RwClock *clock;
  RwContext *context;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(RwJournal) journal = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = rw_test_make_dir ();
  journal = rw_journal_open (f->dir, &error);
  g_assert_no_error (error);
  f->settings = rw_settings_new ();
  g_settings_reset (f->settings, "country");
  f->clock = rw_clock_new_manual ("2026-11-22", "09:00");
  f->context = rw_context_new (journal, f->settings, f->clock);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  rw_test_spin (2);
  g_clear_object (&f->context);
  g_clear_object (&f->clock);
  g_clear_object (&f->settings);
  rw_test_remove_dir (f->dir);
  g_free (f->dir);
}

static void
test_chosen_country_first (Fixture       *f,
                           gconstpointer  data)
{
  RwHelpWindow *window;
  g_auto(GStrv) shown = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(GVariant) state = NULL;

  g_settings_set_string (f->settings, "country", "DE");
  window = rw_help_window_new (f->context, NULL);
  gtk_window_present (GTK_WINDOW (window));
  rw_test_spin (2);

  shown = rw_help_window_dup_shown_countries (window);
  g_assert_cmpstr (shown[0], ==, "DE");
  /* Every other country is listed below. */
  g_assert_true (g_strv_contains ((const char * const *) shown, "US"));
  g_assert_true (g_strv_contains ((const char * const *) shown, "INTL"));
  g_assert_cmpuint (g_strv_length (shown), >=, 8);
  /* Opening it chose nothing. */
  saved = g_settings_get_string (f->settings, "country");
  g_assert_cmpstr (saved, ==, "DE");
  g_clear_pointer (&saved, g_free);

  /* Choosing another country reorders the page and is remembered. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "help.country", "s", "AU"));
  rw_test_spin (2);
  g_clear_pointer (&shown, g_strfreev);
  shown = rw_help_window_dup_shown_countries (window);
  g_assert_cmpstr (shown[0], ==, "AU");
  saved = g_settings_get_string (f->settings, "country");
  g_assert_cmpstr (saved, ==, "AU");
  g_clear_pointer (&saved, g_free);

  /* The combo row, the way a person chooses, goes through the same. */
  {
    GtkWidget *row = rw_test_find_type (GTK_WIDGET (window), ADW_TYPE_COMBO_ROW);

    g_assert_nonnull (row);
    g_assert_cmpstr (rw_country_row_get_code (ADW_COMBO_ROW (row)), ==, "AU");
    rw_country_row_select (ADW_COMBO_ROW (row), "US");
    rw_test_spin (2);
    g_clear_pointer (&shown, g_strfreev);
    shown = rw_help_window_dup_shown_countries (window);
    g_assert_cmpstr (shown[0], ==, "US");
    g_object_get (window, "country", &saved, NULL);
    g_assert_cmpstr (saved, ==, "US");
    g_clear_pointer (&saved, g_free);
  }

  /* An unknown country changes nothing. */
  gtk_widget_activate_action (GTK_WIDGET (window), "help.country", "s", "XX");
  g_clear_pointer (&shown, g_strfreev);
  shown = rw_help_window_dup_shown_countries (window);
  g_assert_cmpstr (shown[0], ==, "US");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_no_country_guesses (Fixture       *f,
                         gconstpointer  data)
{
  RwHelpWindow *window = rw_help_window_new (f->context, NULL);
  g_auto(GStrv) shown = rw_help_window_dup_shown_countries (window);
  g_autofree char *guess = rw_crisis_guess_country (NULL);
  g_autofree char *saved = g_settings_get_string (f->settings, "country");

  g_assert_cmpstr (shown[0], ==, guess);
  /* A guess is not a choice: nothing is saved. */
  g_assert_cmpstr (saved, ==, "");
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
match_row_title (GtkWidget     *widget,
                 gconstpointer  data)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

static const char *
row_subtitle (GtkWidget  *window,
              const char *title)
{
  GtkWidget *row = rw_test_find (window, match_row_title, title);

  g_assert_nonnull (row);
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

/* A date shows only beside a recorded check; an entry without one says
 * it has not been verified, and shows no date. */
static void
test_check_shown_only_when_recorded (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RwCrisisDirectory) directory = rw_crisis_directory_new_from_data (
    "{\"countries\":[{\"code\":\"GB\",\"name\":\"United Kingdom\",\"services\":["
    "{\"name\":\"Checked line\",\"how\":\"Call 1.\",\"phone\":\"1\",\"source\":\"https://own.example\","
    "\"verified\":{\"date\":\"2026-12-03\",\"copy_date\":\"2024-11-04\","
    "\"against\":\"https://copy.example/page\",\"how\":\"search tool\",\"confirms\":\"1, 24/7\"}},"
    "{\"name\":\"Unchecked line\",\"how\":\"Call 2.\",\"phone\":\"2\",\"source\":\"https://other.example\"}"
    "]},{\"code\":\"INTL\",\"name\":\"Anywhere else\",\"services\":["
    "{\"name\":\"Directory\",\"how\":\"A list.\",\"url\":\"https://dir.example\",\"source\":\"https://dir.example\"}]}]}",
    -1, &error);
  RwHelpWindow *window;
  const char *checked, *unchecked;

  g_assert_no_error (error);
  g_settings_set_string (f->settings, "country", "GB");
  window = g_object_new (RW_TYPE_HELP_WINDOW, "context", f->context, "directory", directory, NULL);
  gtk_window_present (GTK_WINDOW (window));
  rw_test_spin (2);

  checked = row_subtitle (GTK_WIDGET (window), "Checked line");
  g_assert_nonnull (strstr (checked, "Checked on 2026-12-03 against https://copy.example/page"));
  g_assert_nonnull (strstr (checked, "a copy dated 2024-11-04"));
  g_assert_null (strstr (checked, "Not yet verified"));

  unchecked = row_subtitle (GTK_WIDGET (window), "Unchecked line");
  g_assert_nonnull (strstr (unchecked, "Not yet verified against its source (https://other.example)"));
  g_assert_null (strstr (unchecked, "Checked on"));
  g_assert_null (strstr (unchecked, "2026"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The compiled-in list: every row says one or the other, as its entry
 * records, and the check line of a verified entry names its date. */
static void
test_compiled_list_check_lines (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(RwCrisisDirectory) directory = rw_crisis_directory_new (NULL);
  guint verified = 0, unverified = 0;

  for (guint i = 0; i < rw_crisis_directory_get_n_countries (directory); i++)
    {
      const RwCrisisCountry *country = rw_crisis_directory_get_country (directory, i);

      for (guint j = 0; j < country->services->len; j++)
        {
          RwCrisisService *service = g_ptr_array_index (country->services, j);
          g_autofree char *line = rw_help_window_dup_check_line (service);

          if (service->verified != NULL)
            {
              g_autofree char *start = g_strdup_printf ("Checked on %s against %s",
                                                        service->verified->date,
                                                        service->verified->against);
              g_assert_true (g_str_has_prefix (line, start));
              verified++;
            }
          else
            {
              g_assert_true (g_str_has_prefix (line, "Not yet verified against its source"));
              unverified++;
            }
        }
    }
  g_assert_cmpuint (verified, >, 0);
  g_test_message ("%u verified, %u not yet verified", verified, unverified);
}

static void
test_escape_closes (Fixture       *f,
                    gconstpointer  data)
{
  RwHelpWindow *window = rw_help_window_new (f->context, NULL);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_present (GTK_WINDOW (window));
  rw_test_spin (2);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  g_assert_true (rw_test_press_key (GTK_WIDGET (window), GDK_KEY_Escape, 0));
  rw_test_spin (2);
  g_assert_null (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) \
  g_test_add ("/help/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("chosen-country-first", test_chosen_country_first);
  ADD ("no-country-guesses", test_no_country_guesses);
  ADD ("escape-closes", test_escape_closes);
  ADD ("check-shown-only-when-recorded", test_check_shown_only_when_recorded);
  ADD ("compiled-list-check-lines", test_compiled_list_check_lines);

#undef ADD

  return g_test_run ();
}
