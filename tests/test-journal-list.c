/* test-journal-list.c: the Journal's history list in a real X server: the
 * jump to a date, the search's highlights and count, day headers at a
 * narrow width and with large text, and the tag filter.
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "rw-history-row.h"
#include "rw-journal-page.h"
#include "rw-journal-private.h"
#include "rw-test-ui.h"
#include "rw-test-util.h"

typedef struct
{
  char *dir;
  RwJournal *journal;
  RwContext *context;
  RwClock *clock;
  GSettings *settings;
  GtkWindow *window;
  RwJournalPage *page;
} Fixture;

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
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = rw_test_make_dir ();
  f->journal = rw_journal_open (f->dir, &error);
  g_assert_no_error (error);
  f->clock = rw_clock_new_manual ("2026-11-22", "20:00");
  f->settings = new_settings ();
  f->context = rw_context_new (f->journal, f->settings, f->clock);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 800, 700);
  f->page = rw_journal_page_new (f->context);
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  gtk_window_present (f->window);
  rw_test_spin (1);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->window);
  rw_test_spin (1);
  g_clear_object (&f->settings);
  g_clear_object (&f->context);
  g_clear_object (&f->journal);
  g_clear_object (&f->clock);
  rw_test_remove_dir (f->dir);
  g_free (f->dir);
}

static void
add (Fixture    *f,
     const char *date,
     const char *time,
     int         mood,
     const char *note,
     const char *tags)
{
  g_autoptr(RwCheckIn) check_in = rw_test_check_in_new (date, time, mood, note);
  g_auto(GStrv) parsed = rw_parse_tags (tags != NULL ? tags : "", ',', NULL);

  rw_check_in_set_tags (check_in, (const char * const *) parsed);
  g_assert_true (rw_journal_add (f->journal, check_in, NULL));
}

/* Lets the list read, lay out and draw what it shows: a few frames. */
static void
settle (Fixture *f)
{
  RwHistoryModel *history = rw_journal_page_get_history (f->page);

  for (guint i = 0; i < 6; i++)
    {
      while (rw_history_model_get_loading (history))
        g_main_context_iteration (NULL, TRUE);
      rw_test_wait (30);
    }
}

static gboolean
match_class (GtkWidget     *widget,
             gconstpointer  data)
{
  return gtk_widget_has_css_class (widget, data);
}

/* The history (the tag filter's list is another list view). */
static GtkWidget *
list_view (Fixture *f)
{
  GtkWidget *list = rw_test_find (GTK_WIDGET (f->page), match_class, "history-list");

  g_assert_true (GTK_IS_LIST_VIEW (list));
  return list;
}

/* The rows the list shows now (bound to an item, mapped). */
static GPtrArray *
shown_rows (Fixture *f)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (list_view (f)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);

      if (RW_IS_HISTORY_ROW (row) && gtk_widget_get_mapped (row) &&
          rw_history_row_get_item (RW_HISTORY_ROW (row)) != NULL)
        g_ptr_array_add (rows, row);
    }
  return rows;
}

/* Narrowing the search keeps rows bound; each still marks the whole word. */
static void
test_search_highlight_after_narrowing (Fixture       *f,
                                       gconstpointer  data)
{
  static const char *notes[] = {
    "walking in the park", "walked home", "a long walk", "Walking again", "quiet day",
    "more walking, less sitting",
  };
  g_autoptr(GPtrArray) rows = NULL;
  guint checked = 0;

  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    {
      g_autofree char *date = g_strdup_printf ("2026-11-%02u", 10 + i);

      add (f, date, "09:00", 6, notes[i], NULL);
    }
  settle (f);

  rw_journal_page_set_search (f->page, "walk");
  settle (f);
  g_assert_cmpstr (rw_journal_page_get_search_count (f->page), ==, "5 check-ins");

  rw_journal_page_set_search (f->page, "walking");
  settle (f);
  g_assert_cmpstr (rw_journal_page_get_search_count (f->page), ==, "3 check-ins");

  rows = shown_rows (f);
  for (guint i = 0; i < rows->len; i++)
    {
      RwHistoryRow *row = g_ptr_array_index (rows, i);
      const char *markup = rw_history_row_get_note_markup (row);
      g_autofree char *word = NULL;

      if (markup == NULL)
        continue;
      /* Only the notes with the word are shown. */
      g_assert_true (strstr (markup, "walking") != NULL || strstr (markup, "Walking") != NULL);
      word = g_strdup_printf ("underline=\"single\">%s</span>",
                              strstr (markup, "Walking") != NULL ? "Walking" : "walking");
      g_assert_nonnull (strstr (markup, word));
      checked++;
    }
  g_assert_cmpuint (checked, ==, 3);

  rw_journal_page_set_search (f->page, "swimming");
  settle (f);
  g_assert_cmpstr (rw_journal_page_get_search_count (f->page), ==, "No check-ins match");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) \
  g_test_add ("/journal-list/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("search-highlight-after-narrowing", test_search_highlight_after_narrowing);

#undef ADD

  return g_test_run ();
}
