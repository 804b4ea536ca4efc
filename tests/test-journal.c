/* test-journal.c: the Journal view in a real X server, driven through its
 * actions and widgets, with a manual clock for Undo and "today".
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "rw-check-in-editor.h"
#include "rw-journal-page.h"
#include "rw-symbolic-icon.h"
#include "rw-core-sql.h"
#include "rw-journal-private.h"
#include "rw-test-ui.h"
#include "rw-test-util.h"

typedef struct
{
  char *dir;
  RwDatabase *db;
  RwJournal *journal;
  RwContext *context;
  RwClock *clock;
  GSettings *settings;
  GtkWindow *window;
  RwJournalPage *page;
} Fixture;

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
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = rw_test_make_dir ();
  f->journal = rw_journal_open (f->dir, &error);
  g_assert_no_error (error);
  f->db = g_object_ref (rw_journal_get_database (f->journal));
  f->clock = rw_clock_new_manual ("2026-11-22", "20:00");
  f->settings = new_settings ();
  g_settings_reset (f->settings, "country");
  f->context = rw_context_new (f->journal, f->settings, f->clock);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 800, 700);
  f->page = rw_journal_page_new (f->context);
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  gtk_window_present (f->window);
  spin ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->window);
  spin ();
  g_clear_object (&f->settings);
  g_clear_object (&f->db);
  g_clear_object (&f->context);
  g_clear_object (&f->journal);
  g_clear_object (&f->clock);
  rw_test_remove_dir (f->dir);
  g_free (f->dir);
}

static RwCheckIn *
add (Fixture    *f,
     const char *date,
     const char *time,
     int         mood,
     const char *note,
     const char *tags)
{
  RwCheckIn *check_in = rw_test_check_in_new (date, time, mood, note);
  g_auto(GStrv) parsed = rw_parse_tags (tags != NULL ? tags : "", ',', NULL);

  rw_check_in_set_tags (check_in, (const char * const *) parsed);
  g_assert_true (rw_journal_add (f->journal, check_in, NULL));
  spin ();
  return check_in;
}

static void
wait_for_matches (Fixture *f)
{
  RwHistoryModel *history = rw_journal_page_get_history (f->page);

  while (rw_history_model_get_loading (history))
    g_main_context_iteration (NULL, TRUE);
  spin ();
}

/* The check-ins the history shows. */
static guint
n_check_ins (Fixture *f)
{
  GListModel *history = G_LIST_MODEL (rw_journal_page_get_history (f->page));
  guint n = g_list_model_get_n_items (history), count = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (history, i);

      count += RW_IS_CHECK_IN (item);
    }
  return count;
}

static RwCheckIn *
shown_check_in (Fixture *f,
                guint    nth)
{
  GListModel *history = G_LIST_MODEL (rw_journal_page_get_history (f->page));
  guint n = g_list_model_get_n_items (history);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (history, i);

      if (RW_IS_CHECK_IN (item) && nth-- == 0)
        return RW_CHECK_IN (g_steal_pointer (&item));
    }
  return NULL;
}

static void
test_empty_then_list (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(RwCheckIn) a = NULL;

  g_assert_cmpstr (rw_journal_page_get_visible_state (f->page), ==, "empty");

  a = add (f, "2026-11-21", "09:00", 6, "yesterday", NULL);
  g_assert_cmpstr (rw_journal_page_get_visible_state (f->page), ==, "list");
  g_assert_nonnull (strstr (rw_journal_page_get_today_text (f->page), "No check-in yet today"));

  g_clear_object (&a);
  a = add (f, "2026-11-22", "08:15", 7, "today", NULL);
  g_assert_nonnull (strstr (rw_journal_page_get_today_text (f->page), "08:15"));
  /* Two day headers and two check-ins. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rw_journal_page_get_history (f->page))), ==, 4);
}

static void
test_delete_then_undo (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(RwCheckIn) a = add (f, "2026-11-22", "09:00", 6, "keep me", NULL);
  const char *id = rw_check_in_get_id (a);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "journal.delete-check-in", "s", id));
  spin ();
  /* Hidden at once. */
  g_assert_cmpuint (n_check_ins (f), ==, 0);
  g_assert_cmpstr (rw_journal_page_get_visible_state (f->page), ==, "empty");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "journal.undo-delete", "s", id));
  spin ();
  g_assert_cmpuint (n_check_ins (f), ==, 1);

  /* The Undo window passing later changes nothing. */
  rw_clock_advance (f->clock, (RW_UNDO_SECONDS + 5) * G_USEC_PER_SEC);
  spin ();
  g_assert_cmpuint (n_check_ins (f), ==, 1);
  {
    g_autoptr(RwCheckIn) back = rw_journal_lookup (f->journal, id, NULL);
    g_assert_nonnull (back);
    g_assert_cmpstr (rw_check_in_get_note (back), ==, "keep me");
  }
}

/* Whether the check-in @id is still kept (hidden or not). */
static gboolean
is_kept (Fixture    *f,
         const char *id)
{
  g_autoptr(RwCheckIn) check_in = rw_check_in_sql_load (f->db, id, NULL);

  return check_in != NULL;
}

static gboolean
toast_shown (Fixture *f)
{
  return rw_test_find_label (GTK_WIDGET (f->page), "Check-in deleted") != NULL;
}

static gboolean
set_true_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @id is gone for good or @ms have passed (the
 * toasts' own timeouts run on the real clock). */
static gboolean
wait_until_purged (Fixture    *f,
                   const char *id,
                   guint       ms)
{
  gboolean expired = FALSE;
  guint guard = g_timeout_add (ms, set_true_cb, &expired);

  while (!expired && is_kept (f, id))
    g_main_context_iteration (NULL, TRUE);
  if (!expired)
    g_source_remove (guard);
  spin ();
  return !is_kept (f, id);
}

/* Runs the main loop for @ms on the real clock. */
static void
run_for (guint ms)
{
  gboolean expired = FALSE;

  g_timeout_add (ms, set_true_cb, &expired);
  while (!expired)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_delete_then_expire (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(RwCheckIn) a = add (f, "2026-11-22", "09:00", 6, "let me go, zebrasentinel", NULL);
  g_autoptr(RwCheckIn) b = add (f, "2026-11-21", "09:00", 5, "stay", NULL);
  const char *id = rw_check_in_get_id (a);
  g_autofree char *wal = g_strconcat (rw_journal_get_path (f->journal), "-wal", NULL);
  gint64 deadline;

  rw_journal_page_set_undo_timeout (f->page, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "journal.delete-check-in", "s", id));
  spin ();
  g_assert_cmpuint (n_check_ins (f), ==, 1);
  /* While its toast shows, the check-in can still come back... */
  g_assert_true (toast_shown (f));
  g_assert_true (is_kept (f, id));

  /* ...and it goes for good once the toast has timed out. */
  g_assert_true (wait_until_purged (f, id, 10000));
  g_assert_cmpuint (n_check_ins (f), ==, 1);
  g_assert_true (is_kept (f, rw_check_in_get_id (b)));

  /* Its words go from the files too (the search index kept them): the
   * scrub runs in a worker once the row is gone. */
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while ((rw_test_file_holds (rw_journal_get_path (f->journal), "zebrasentinel") ||
          rw_test_file_holds (wal, "zebrasentinel")) && g_get_monotonic_time () < deadline)
    {
      spin ();
      g_usleep (20000);
    }
  g_assert_false (rw_test_file_holds (rw_journal_get_path (f->journal), "zebrasentinel"));
  g_assert_false (rw_test_file_holds (wal, "zebrasentinel"));
}

/* The old Undo ended on a clock of its own after 10 s, whatever the
 * toast did: Undo at 10 s lost the check-in. */
static void
test_undo_while_toast_shows (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(RwCheckIn) a = add (f, "2026-11-22", "09:00", 6, "keep me", NULL);
  const char *id = rw_check_in_get_id (a);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "journal.delete-check-in", "s", id));
  spin ();
  rw_clock_advance (f->clock, (RW_UNDO_SECONDS + 5) * G_USEC_PER_SEC);
  spin ();
  g_assert_true (toast_shown (f));
  g_assert_true (is_kept (f, id));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "journal.undo-delete", "s", id));
  spin ();
  g_assert_cmpuint (n_check_ins (f), ==, 1);
}

static GtkWidget *
find_toast_widget (Fixture *f)
{
  GType type = g_type_from_name ("AdwToastWidget");

  g_assert_true (type != 0);
  return rw_test_find_type (GTK_WIDGET (f->page), type);
}

/* What the pointer resting on the toast does: its motion controller
 * hears "enter" (or "leave"). */
static void
hover_toast (Fixture  *f,
             gboolean  inside)
{
  GtkWidget *toast = find_toast_widget (f);
  g_autoptr(GListModel) controllers = NULL;
  gboolean found = FALSE;

  g_assert_nonnull (toast);
  controllers = gtk_widget_observe_controllers (toast);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_EVENT_CONTROLLER_MOTION (controller))
        continue;
      if (inside)
        g_signal_emit_by_name (controller, "enter", 10.0, 10.0);
      else
        g_signal_emit_by_name (controller, "leave");
      found = TRUE;
    }
  g_assert_true (found);
}

static void
test_undo_while_hovered (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(RwCheckIn) a = add (f, "2026-11-22", "09:00", 6, "keep me", NULL);
  const char *id = rw_check_in_get_id (a);

  rw_journal_page_set_undo_timeout (f->page, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "journal.delete-check-in", "s", id));
  spin ();
  hover_toast (f, TRUE);

  /* Twice the toast's time with the pointer on it: still there. */
  run_for (2000);
  g_assert_true (toast_shown (f));
  g_assert_true (is_kept (f, id));

  /* The pointer leaves: the toast's time runs again and then it goes. */
  hover_toast (f, FALSE);
  g_assert_true (wait_until_purged (f, id, 10000));
}

/* The toast's own Undo button, as a click does it. */
static void
test_undo_button (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(RwCheckIn) a = add (f, "2026-11-22", "09:00", 6, "keep me", NULL);
  const char *id = rw_check_in_get_id (a);
  GtkWidget *toast, *button;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "journal.delete-check-in", "s", id));
  /* Past the toast's slide-in: libadwaita 1.2 frees a toast hidden in the
   * frame its slide-in ends before it is done with it (fixed in 1.3,
   * commit 1674ebc9), which a click this fast cannot meet. */
  run_for (500);
  toast = find_toast_widget (f);
  g_assert_nonnull (toast);
  button = rw_test_find_button (toast, "_Undo");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  /* The toast goes when idle (and slides away). */
  run_for (500);
  g_assert_cmpuint (n_check_ins (f), ==, 1);
  g_assert_true (is_kept (f, id));
  g_assert_false (toast_shown (f));
}

/* A second delete's toast waits its turn: the first one ending removes
 * only the first check-in, and the second can still be brought back. */
static void
test_two_deletes (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(RwCheckIn) a = add (f, "2026-11-22", "09:00", 6, "first", NULL);
  g_autoptr(RwCheckIn) b = add (f, "2026-11-21", "09:00", 5, "second", NULL);
  const char *first = rw_check_in_get_id (a);
  const char *second = rw_check_in_get_id (b);

  rw_journal_page_set_undo_timeout (f->page, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "journal.delete-check-in", "s", first));
  /* The second one's toast stays up until the test is done with it. */
  rw_journal_page_set_undo_timeout (f->page, 600);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "journal.delete-check-in", "s", second));
  spin ();
  g_assert_cmpuint (n_check_ins (f), ==, 0);

  g_assert_true (wait_until_purged (f, first, 10000));
  g_assert_true (is_kept (f, second));
  g_assert_true (toast_shown (f));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "journal.undo-delete", "s", second));
  spin ();
  g_assert_cmpuint (n_check_ins (f), ==, 1);
  g_assert_true (is_kept (f, second));
}

static gboolean
match_shown_check_in_button (GtkWidget     *widget,
                             gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)),
                    "journal.new-check-in") == 0;
}

static guint
n_check_in_buttons (Fixture *f)
{
  spin ();
  return rw_test_count (GTK_WIDGET (f->page), match_shown_check_in_button, NULL);
}

/* Whatever the journal holds, the page shows one button to check in
 * (the window's header has its + besides). */
static void
test_one_check_in_button (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(RwCheckIn) yesterday = NULL;
  g_autoptr(RwCheckIn) today = NULL;

  /* Empty: Check In Now. */
  g_assert_cmpuint (n_check_in_buttons (f), ==, 1);

  /* Nothing today: the Today card's Check In. */
  yesterday = add (f, "2026-11-21", "09:00", 6, "yesterday", NULL);
  g_assert_cmpuint (n_check_in_buttons (f), ==, 1);
  g_assert_nonnull (rw_test_find_button (GTK_WIDGET (f->page), "_Check In"));

  /* Done today: Add Another, no longer the suggested action. */
  today = add (f, "2026-11-22", "08:15", 7, "today", NULL);
  g_assert_cmpuint (n_check_in_buttons (f), ==, 1);
  g_assert_nonnull (rw_test_find_button (GTK_WIDGET (f->page), "_Add Another"));
}

static void
test_search_note_and_tag (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(RwCheckIn) a = add (f, "2026-11-20", "09:00", 6, "Walked along the harbour", NULL);
  g_autoptr(RwCheckIn) b = add (f, "2026-11-21", "09:00", 5, "Quiet day", "breathwork");
  g_autoptr(RwCheckIn) c = add (f, "2026-11-22", "09:00", 4, "Tired", NULL);
  RwHistoryModel *history = rw_journal_page_get_history (f->page);

  rw_journal_page_set_search (f->page, "harb");
  wait_for_matches (f);
  g_assert_cmpuint (n_check_ins (f), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, 2);

  rw_journal_page_set_search (f->page, "breath");
  wait_for_matches (f);
  g_assert_cmpuint (n_check_ins (f), ==, 1);
  {
    g_autoptr(RwCheckIn) found = shown_check_in (f, 0);
    g_assert_cmpstr (rw_check_in_get_note (found), ==, "Quiet day");
  }

  rw_journal_page_set_search (f->page, "nothing like this");
  wait_for_matches (f);
  g_assert_cmpstr (rw_journal_page_get_visible_state (f->page), ==, "no-results");

  rw_journal_page_set_search (f->page, "");
  rw_journal_page_set_tag_filter (f->page, "breathwork");
  wait_for_matches (f);
  g_assert_cmpuint (n_check_ins (f), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "journal.filter-tag", "s", ""));
  wait_for_matches (f);
  g_assert_cmpuint (n_check_ins (f), ==, 3);
}

static RwCheckInEditor *
open_new_editor (Fixture *f)
{
  RwCheckInEditor *editor;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "journal.new-check-in", NULL));
  spin ();
  editor = RW_CHECK_IN_EDITOR (rw_journal_page_get_editor (f->page));
  g_assert_nonnull (editor);
  return editor;
}

static void
save_with (Fixture *f,
           RwMetric metric,
           int      value)
{
  RwCheckInEditor *editor = open_new_editor (f);

  gtk_range_set_value (rw_check_in_editor_get_metric_range (editor, metric), value);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  spin ();
  g_assert_null (rw_journal_page_get_editor (f->page));
}

#define save_with_mood(f, mood) save_with (f, RW_METRIC_MOOD, mood)

/* When the offer is made, the check-in is already in the journal. */
static void
offered_cb (RwJournal *journal,
            RwCheckIn *check_in,
            guint     *offers)
{
  g_autoptr(RwCheckIn) stored = rw_journal_lookup (journal, rw_check_in_get_id (check_in), NULL);

  g_assert_nonnull (stored);
  (*offers)++;
}

static void
test_low_mood_line (Fixture       *f,
                    gconstpointer  data)
{
  static const char csv_text[] = RW_CSV_HEADER "\n,2026-11-23,07:00,0,,,0,,,,,imported\n";
  g_autoptr(GBytes) csv = g_bytes_new_static (csv_text, strlen (csv_text));
  RwImportResult result = { 0 };
  g_autoptr(GError) error = NULL;
  guint offers = 0;

  g_settings_set_string (f->settings, "country", "GB");
  g_signal_connect (f->journal, "help-offered", G_CALLBACK (offered_cb), &offers);

  /* Ordinary days, and 2 (low, but not the lowest): nothing. */
  save_with_mood (f, 5);
  save_with_mood (f, 2);
  save_with (f, RW_METRIC_HOPE, 2);
  g_assert_false (rw_journal_page_get_low_mood_shown (f->page));
  g_assert_null (rw_journal_page_get_low_mood_number (f->page));

  /* Mood 1 from the editor: a gentle line with the country's number,
   * not a dialog, once the editor has saved and gone. */
  save_with_mood (f, 1);
  g_assert_true (rw_journal_page_get_low_mood_shown (f->page));
  g_assert_cmpuint (offers, ==, 1);
  g_assert_cmpstr (rw_journal_page_get_low_mood_number (f->page), ==, "Call 116 123 (Samaritans).");
  g_assert_null (rw_journal_page_get_editor (f->page));
  g_assert_cmpuint (n_check_ins (f), ==, 4);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "journal.hide-low-mood", NULL));
  g_assert_false (rw_journal_page_get_low_mood_shown (f->page));

  /* At most once a day. */
  save_with_mood (f, 0);
  g_assert_false (rw_journal_page_get_low_mood_shown (f->page));
  g_assert_cmpuint (offers, ==, 1);

  /* Never for imported history, even on a new day. */
  rw_clock_set_today (f->clock, "2026-11-23");
  rw_journal_page_refresh_today (f->page);
  g_assert_true (rw_import_bytes (f->db, csv, RW_FORMAT_CSV, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 1);
  spin ();
  g_assert_false (rw_journal_page_get_low_mood_shown (f->page));
  g_assert_cmpuint (offers, ==, 1);

  /* But the next day's own low check-in offers it again, hope as well as
   * mood, with the country chosen now. */
  g_settings_set_string (f->settings, "country", "US");
  save_with (f, RW_METRIC_HOPE, 1);
  g_assert_true (rw_journal_page_get_low_mood_shown (f->page));
  g_assert_cmpuint (offers, ==, 2);
  g_assert_cmpstr (rw_journal_page_get_low_mood_number (f->page), ==,
                   "Call or text 988 (988 Suicide & Crisis Lifeline).");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "journal.hide-low-mood", NULL));

  /* The day is the journal's: offered by `rewire add` today, the window
   * does not offer it again. */
  rw_clock_set_today (f->clock, "2026-11-24");
  rw_journal_page_refresh_today (f->page);
  {
    g_autoptr(RwCheckIn) from_cli = rw_test_check_in_new ("2026-11-24", "08:00", 1, "");

    g_assert_true (rw_safety_offer_after_save (f->db, RW_SAFETY_SOURCE_CLI_ADD, from_cli,
                                               rw_clock_get_day (f->clock)));
  }
  save_with_mood (f, 1);
  g_assert_false (rw_journal_page_get_low_mood_shown (f->page));
  g_assert_cmpuint (offers, ==, 2);
}

static void
test_jump_to_date (Fixture       *f,
                   gconstpointer  data)
{
  for (guint day = 1; day <= 20; day++)
    {
      g_autofree char *date = g_strdup_printf ("2026-10-%02u", day);
      g_autoptr(RwCheckIn) check_in = add (f, date, "09:00", day % 11, "day", NULL);
    }

  struct {
    const char *date;
    const char *shown;
  } jumps[] = {
    { "2026-10-15", "2026-10-15" },
    { "2026-10-20", "2026-10-20" },
    { "2026-12-24", "2026-10-20" },   /* after the newest: the newest */
    { "2026-09-01", "2026-10-01" },   /* before the first: the oldest */
  };

  for (guint i = 0; i < G_N_ELEMENTS (jumps); i++)
    {
      GListModel *history = G_LIST_MODEL (rw_journal_page_get_history (f->page));
      g_autoptr(GObject) item = NULL;

      rw_journal_page_jump_to_date (f->page, jumps[i].date);
      item = g_list_model_get_item (history, rw_journal_page_get_scroll_target (f->page));
      g_assert_true (RW_IS_DAY_HEADER (item));
      g_assert_cmpstr (rw_day_header_get_date (RW_DAY_HEADER (item)), ==, jumps[i].shown);
    }
}

/* The empty journal's icon is drawn from a symbolic PNG in the colours it
 * is given: the foreground's colour and alpha over the icon's shape, and
 * nothing outside it. */
static void
test_app_icon_takes_colours (void)
{
  g_autoptr(GdkPaintable) icon = rw_symbolic_icon_new_app_icon (128, 1);
  const GdkRGBA colors[4] = {
    { 0.2f, 0.4f, 0.6f, 0.5f }, { 1, 0, 0, 1 }, { 1, 1, 0, 1 }, { 0, 1, 0, 1 },
  };
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 128, 128);
  cairo_t *cr = cairo_create (surface);
  const guint8 *data;
  int stride;
  guint32 inside, outside;

  g_assert_true (GTK_IS_SYMBOLIC_PAINTABLE (icon));
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (icon), ==, 128);
  gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), snapshot,
                                            128, 128, colors, G_N_ELEMENTS (colors));
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  /* Inside the rounded square, above the wave; and the corner outside it. */
  inside = *(const guint32 *) (data + 20 * stride + 64 * 4);
  outside = *(const guint32 *) (data + 0 * stride + 0 * 4);
  cairo_surface_destroy (surface);

  /* Premultiplied ARGB: alpha 0.5, red 0.2 × 0.5, green 0.4 × 0.5, blue 0.6 × 0.5. */
  g_assert_cmpint (ABS ((int) (inside >> 24) - 128), <=, 3);
  g_assert_cmpint (ABS ((int) ((inside >> 16) & 0xff) - 26), <=, 3);
  g_assert_cmpint (ABS ((int) ((inside >> 8) & 0xff) - 51), <=, 3);
  g_assert_cmpint (ABS ((int) (inside & 0xff) - 77), <=, 3);
  g_assert_cmpuint (outside >> 24, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* libadwaita 1.2 can free a toast while its slide animation still
   * refers to it (fixed in 1.3); under load a window destroyed while a
   * toast slides away crashed the test. Without animations no slide
   * outlives its toast. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(name, func) \
  g_test_add ("/journal/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("empty-then-list", test_empty_then_list);
  ADD ("delete-then-undo", test_delete_then_undo);
  ADD ("delete-then-expire", test_delete_then_expire);
  ADD ("undo-while-toast-shows", test_undo_while_toast_shows);
  ADD ("undo-while-hovered", test_undo_while_hovered);
  ADD ("undo-button", test_undo_button);
  ADD ("two-deletes", test_two_deletes);
  ADD ("one-check-in-button", test_one_check_in_button);
  ADD ("search-note-and-tag", test_search_note_and_tag);
  ADD ("low-mood-line", test_low_mood_line);
  ADD ("jump-to-date", test_jump_to_date);

#undef ADD
  g_test_add_func ("/journal/app-icon-takes-colours", test_app_icon_takes_colours);

  return g_test_run ();
}
