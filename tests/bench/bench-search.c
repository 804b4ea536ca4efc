/* bench-search.c: typing a word into the journal search of the window, over
 * a journal given on the command line (bench-search.py makes one of
 * 100,000 check-ins), in a real X server.
 *
 *   bench-search DATA_DIR WORD [RUNS]
 *
 * Prints, as medians of RUNS:
 *   - from the last keystroke to the first frame drawn with the results,
 *     the search delay included, against the delay plus the bare FTS5
 *     query of the first 50 matches (newest first) on a connection of its
 *     own;
 *   - the longest stall of the main loop while typing, against that of a
 *     bare GtkListView of one plain label a row that replaces its rows
 *     with as many rows, of the same text, at each keystroke.
 * A stall is the time the main loop spends between two polls.
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

#include "rw-window.h"

#define KEY_GAP_MS 90
#define SEARCH_DELAY_MS 120   /* the journal's search entry */

static GPollFunc real_poll;
static gint64 last_wake;
static gint64 longest_stall;
static gboolean watching;

/* Wraps the main loop's poll: the time from one wake-up to the next poll
 * is work done without returning to the loop. */
static gint
timing_poll (GPollFD *fds,
             guint    nfds,
             gint     timeout)
{
  gint64 now = g_get_monotonic_time ();
  gint result;

  if (watching && last_wake > 0)
    longest_stall = MAX (longest_stall, now - last_wake);
  result = real_poll (fds, nfds, timeout);
  last_wake = g_get_monotonic_time ();
  return result;
}

static gboolean
quit_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms, as a person waits between keys. */
static void
spin_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, quit_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

/* The bare FTS5 query of the first 50 matches, newest first. */
static double
bare_query_ms (const char *path,
               const char *word)
{
  g_autofree char *match = g_strdup_printf ("\"%s\" *", word);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 start;
  int rows = 0;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  start = g_get_monotonic_time ();
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT c.id FROM check_ins c WHERE c.hidden = 0 AND "
                                           "c.id IN (SELECT rowid FROM check_in_fts WHERE "
                                           "check_in_fts MATCH ?1) ORDER BY c.date DESC, c.time "
                                           "DESC, c.created DESC, c.id DESC LIMIT 50",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    rows++;
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpint (rows, ==, 50);
  return (g_get_monotonic_time () - start) / 1000.0;
}

typedef struct
{
  RwHistoryModel *history;
  const char *word;
  gboolean drawn;
  gint64 drawn_at;
} Wait;

static void
after_paint_cb (GdkFrameClock *clock,
                Wait          *wait)
{
  if (wait->drawn || rw_history_model_get_loading (wait->history) ||
      g_strcmp0 (rw_history_model_get_search (wait->history), wait->word) != 0 ||
      g_list_model_get_n_items (G_LIST_MODEL (wait->history)) == 0)
    return;
  wait->drawn = TRUE;
  wait->drawn_at = g_get_monotonic_time ();
}

static GtkEditable *
find_entry (GtkWidget *root)
{
  if (GTK_IS_SEARCH_ENTRY (root))
    return GTK_EDITABLE (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkEditable *found = find_entry (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* One run in the window: returns ms from the last keystroke to the frame
 * with the results, and the longest stall while typing and drawing them. */
static void
type_in_window (RwWindow   *window,
                const char *word,
                double     *latency,
                double     *stall,
                guint      *rows)
{
  RwJournalPage *page = rw_window_get_journal_page (window);
  RwHistoryModel *history = rw_journal_page_get_history (page);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  Wait wait = { history, word };
  GtkEditable *entry;
  gint64 last_key = 0;
  gulong id;

  gtk_widget_activate_action (GTK_WIDGET (page), "journal.search", NULL);
  spin_for (100);
  entry = find_entry (GTK_WIDGET (page));
  gtk_editable_set_text (entry, "");
  spin_for (400);

  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &wait);
  longest_stall = 0;
  watching = TRUE;
  for (guint i = 1; word[i - 1] != '\0'; i++)
    {
      g_autofree char *prefix = g_strndup (word, i);

      gtk_editable_set_text (entry, prefix);
      gtk_editable_set_position (entry, -1);
      last_key = g_get_monotonic_time ();
      if (word[i] != '\0')
        spin_for (KEY_GAP_MS);
    }
  while (!wait.drawn)
    g_main_context_iteration (NULL, TRUE);
  spin_for (50);
  watching = FALSE;
  g_signal_handler_disconnect (clock, id);

  *latency = (wait.drawn_at - last_key) / 1000.0;
  *stall = longest_stall / 1000.0;
  *rows = g_list_model_get_n_items (G_LIST_MODEL (history));
}

static void
count_frame (guint *frames)
{
  (*frames)++;
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

/* The text of every row the window's history shows, one string a row. */
static GStrv
row_texts (RwHistoryModel *history)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (history));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (history), i);
      g_autofree char *text = NULL;

      if (RW_IS_DAY_HEADER (item))
        text = g_strdup (rw_day_header_get_date (RW_DAY_HEADER (item)));
      else
        text = g_strdup_printf ("%s %s", rw_check_in_get_time (RW_CHECK_IN (item)),
                                rw_check_in_get_note (RW_CHECK_IN (item)));
      g_strv_builder_add (builder, text);
    }
  return g_strv_builder_end (builder);
}

/* The same typing against a bare GtkListView that replaces its rows with
 * @texts at each keystroke. */
static double
type_in_bare_list (const char  *word,
                   GStrv        texts)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkStringList *strings = gtk_string_list_new (NULL);
  GtkWidget *list;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), NULL);
  list = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (strings))),
                            g_object_ref (factory));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 720);
  gtk_window_present (GTK_WINDOW (window));
  spin_for (500);

  {
    guint frames = 0;
    gulong id = g_signal_connect_swapped (gtk_widget_get_frame_clock (window), "after-paint",
                                          G_CALLBACK (count_frame), &frames);

  longest_stall = 0;
  watching = TRUE;
  for (guint i = 0; word[i] != '\0'; i++)
    {
      gtk_string_list_splice (strings, 0, g_list_model_get_n_items (G_LIST_MODEL (strings)),
                              (const char * const *) texts);
      spin_for (KEY_GAP_MS);
    }
    g_printerr ("bare frames %u\n", frames);
    g_signal_handler_disconnect (gtk_widget_get_frame_clock (window), id);
  }
  spin_for (200);
  watching = FALSE;
  gtk_window_destroy (GTK_WINDOW (window));
  spin_for (100);
  return longest_stall / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;
  g_autoptr(RwJournal) journal = NULL;
  g_autoptr(RwContext) context = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(RwClock) clock = NULL;
  g_autoptr(GArray) latencies = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) stalls = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_stalls = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) queries = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_auto(GStrv) texts = NULL;
  const char *word;
  RwWindow *window;
  guint runs, rows = 0;
  double q, latency_target;

  if (argc < 3)
    {
      fprintf (stderr, "usage: bench-search DATA_DIR WORD [RUNS]\n");
      return 2;
    }
  word = argv[2];
  runs = argc > 3 ? atoi (argv[3]) : 10;

  gtk_init ();
  adw_init ();
  real_poll = g_main_context_get_poll_func (NULL);
  g_main_context_set_poll_func (NULL, timing_poll);

  app = adw_application_new (APP_ID ".SearchBenchmark", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  journal = rw_journal_open (argv[1], &error);
  g_assert_no_error (error);
  path = g_strdup (rw_journal_get_path (journal));
  settings = rw_settings_new ();
  g_settings_set_boolean (settings, "welcome-done", TRUE);
  g_settings_set_string (settings, "last-view", "journal");
  g_settings_set_int (settings, "window-width", 960);
  g_settings_set_int (settings, "window-height", 720);
  clock = rw_clock_new_system ();
  context = rw_context_new (journal, settings, clock);
  window = rw_window_new (GTK_APPLICATION (app), context);
  gtk_window_present (GTK_WINDOW (window));
  spin_for (1500);

  for (guint r = 0; r < runs; r++)
    {
      double latency, stall;

      type_in_window (window, word, &latency, &stall, &rows);
      g_array_append_val (latencies, latency);
      g_array_append_val (stalls, stall);
      q = bare_query_ms (path, word);
      g_array_append_val (queries, q);
    }

  texts = row_texts (rw_journal_page_get_history (rw_window_get_journal_page (window)));
  for (guint r = 0; r < runs; r++)
    {
      double stall = type_in_bare_list (word, texts);

      g_array_append_val (bare_stalls, stall);
    }

  q = median (queries);
  latency_target = 2 * (SEARCH_DELAY_MS + q);
  printf ("Typing \"%s\" into the journal search, 100,000 check-ins (%u matches), "
          "medians of %u runs\n", word,
          rw_history_model_get_n_matches (rw_journal_page_get_history (rw_window_get_journal_page (window))),
          runs);
  printf ("first results drawn after the last keystroke: %.0f ms; baseline the delay (%d ms) + "
          "the bare FTS5 first-50 query (%.1f ms) = %.0f ms; ratio %.2f (target <= 2)\n",
          median (latencies), SEARCH_DELAY_MS, q, SEARCH_DELAY_MS + q,
          median (latencies) / (SEARCH_DELAY_MS + q));
  printf ("longest main-loop stall while typing: %.1f ms; baseline a bare GtkListView replacing "
          "the same %u rows: %.1f ms; ratio %.2f (target <= 1.5)\n",
          median (stalls), rows, median (bare_stalls), median (stalls) / median (bare_stalls));

  gtk_window_destroy (GTK_WINDOW (window));
  spin_for (100);
  return latency_target > 0 ? 0 : 1;
}
