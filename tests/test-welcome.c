/* test-welcome.c: the first-run welcome, built from a context under Xvfb:
 * the country it offers and keeps, Start and Escape, and Tab going only
 * to the controls.
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
#include "rw-welcome-window.h"

typedef struct
{
  char *dir;
  GSettings *settings;
  RwClock *clock;
  RwContext *context;
  RwWelcomeWindow *welcome;
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
  g_settings_set_boolean (f->settings, "welcome-done", FALSE);
  f->clock = rw_clock_new_manual ("2026-11-22", "09:00");
  f->context = rw_context_new (journal, f->settings, f->clock);

  f->welcome = rw_welcome_window_new (f->context, NULL);
  g_object_add_weak_pointer (G_OBJECT (f->welcome), (gpointer *) &f->welcome);
  gtk_window_present (GTK_WINDOW (f->welcome));
  rw_test_spin (3);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->welcome != NULL)
    gtk_window_destroy (GTK_WINDOW (f->welcome));
  rw_test_spin (2);
  g_assert_null (f->welcome);
  g_clear_object (&f->context);
  g_clear_object (&f->clock);
  g_clear_object (&f->settings);
  rw_test_remove_dir (f->dir);
  g_free (f->dir);
}

static gboolean
label_says (GtkWidget  *widget,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && strstr (gtk_label_get_label (GTK_LABEL (child)), text) != NULL)
        return TRUE;
      if (label_says (child, text))
        return TRUE;
    }
  return FALSE;
}

static void
test_start_keeps_the_country (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *country = NULL;
  g_autofree char *path = g_build_filename (f->dir, "journal.db", NULL);

  /* It says where the journal is. */
  g_assert_true (label_says (GTK_WIDGET (f->welcome), path));

  /* LC_ALL is C.UTF-8 in tests: no country in the locale, so "anywhere else". */
  g_assert_cmpstr (rw_country_row_get_code (rw_welcome_window_get_country_row (f->welcome)), ==, "INTL");
  rw_country_row_select (rw_welcome_window_get_country_row (f->welcome), "US");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->welcome), "welcome.start", NULL));
  rw_test_spin (2);
  g_assert_null (f->welcome);
  g_assert_true (g_settings_get_boolean (f->settings, "welcome-done"));
  country = g_settings_get_string (f->settings, "country");
  g_assert_cmpstr (country, ==, "US");
}

static void
test_keys (Fixture       *f,
           gconstpointer  data)
{
  /* Enter starts (Start is the default widget), Ctrl+Enter from anywhere. */
  g_assert_true (gtk_widget_has_css_class (gtk_window_get_default_widget (GTK_WINDOW (f->welcome)),
                                           "suggested-action"));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (gtk_window_get_default_widget (GTK_WINDOW (f->welcome)))),
                   ==, "welcome.start");
  g_assert_true (rw_test_press_key (GTK_WIDGET (f->welcome), GDK_KEY_Return, GDK_CONTROL_MASK));
  rw_test_spin (2);
  g_assert_null (f->welcome);
}

static void
test_escape_closes_and_keeps (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *country = NULL;

  rw_country_row_select (rw_welcome_window_get_country_row (f->welcome), "GB");
  g_assert_true (rw_test_press_key (GTK_WIDGET (f->welcome), GDK_KEY_Escape, 0));
  rw_test_spin (2);
  g_assert_null (f->welcome);
  /* Closed is seen: it does not come back, and the country is kept. */
  g_assert_true (g_settings_get_boolean (f->settings, "welcome-done"));
  country = g_settings_get_string (f->settings, "country");
  g_assert_cmpstr (country, ==, "GB");
}

static void
test_tab_goes_to_controls (Fixture       *f,
                           gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (f->welcome);
  gboolean country = FALSE, start = FALSE;

  /* The focus starts on Start, not on text. */
  g_assert_true (gtk_window_get_focus (window) == gtk_window_get_default_widget (window));

  for (guint i = 0; i < 12; i++)
    {
      GtkWidget *focus;

      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD) ||
                     gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
      focus = gtk_window_get_focus (window);
      g_assert_nonnull (focus);
      g_test_message ("Tab %u: %s", i, G_OBJECT_TYPE_NAME (focus));
      /* Never a paragraph: only things that do something. */
      g_assert_false (GTK_IS_LABEL (focus));
      g_assert_true (GTK_IS_BUTTON (focus) || ADW_IS_COMBO_ROW (focus) ||
                     gtk_widget_get_ancestor (focus, ADW_TYPE_COMBO_ROW) != NULL ||
                     gtk_widget_get_ancestor (focus, GTK_TYPE_BUTTON) != NULL);
      if (ADW_IS_COMBO_ROW (focus))
        country = TRUE;
      if (focus == gtk_window_get_default_widget (window))
        start = TRUE;
    }
  g_assert_true (country);
  g_assert_true (start);
}

static gboolean
match_shown_label (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

/* The country's name is shown whole ("Anywhere else", the longest), at
 * the welcome's own width and at a phone's. */
static void
test_country_not_cut (Fixture       *f,
                      gconstpointer  data)
{
  static const int widths[] = { 0, 360 };
  AdwComboRow *row = rw_welcome_window_get_country_row (f->welcome);

  g_assert_cmpstr (rw_country_row_get_code (row), ==, "INTL");
  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      GtkWidget *label;

      if (widths[i] > 0)
        {
          gtk_window_set_default_size (GTK_WINDOW (f->welcome), widths[i], 700);
          rw_test_wait (200);
        }
      label = rw_test_find (GTK_WIDGET (row), match_shown_label, "Anywhere else");
      g_assert_nonnull (label);
      g_test_message ("%d px: the window is %d px, the row %d px", widths[i],
                      gtk_widget_get_width (GTK_WIDGET (f->welcome)), gtk_widget_get_width (GTK_WIDGET (row)));
      g_assert_cmpint (gtk_widget_get_width (label), >, 0);
      g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))));
    }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) \
  g_test_add ("/welcome/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("start-keeps-the-country", test_start_keeps_the_country);
  ADD ("keys", test_keys);
  ADD ("escape-closes-and-keeps", test_escape_closes_and_keeps);
  ADD ("tab-goes-to-controls", test_tab_goes_to_controls);
  ADD ("country-not-cut", test_country_not_cut);

#undef ADD

  return g_test_run ();
}
