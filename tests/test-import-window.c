/* test-import-window.c: importing, restoring and the second backup folder
 * from the window: a Daylio file whose own moods are placed by the
 * person, a long import cancelled half-way, a restore's preview and its
 * Replace, and the start-up backup copied to the folder chosen.
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rw-backup.h"
#include "rw-core-sql.h"
#include "rw-import-window.h"
#include "rw-journal-backup.h"
#include "rw-journal-private.h"
#include "rw-restore-window.h"
#include "rw-test-ui.h"
#include "rw-test-util.h"
#include "rw-window.h"

typedef struct
{
  char *dir;
  char *files;      /* what the person imports from, outside the journal */
  GSettings *settings;
  RwContext *context;
} Fixture;

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @done says so; 60 s only guard a hang. */
static gboolean
wait_for (gboolean (*done) (gpointer),
          gpointer   data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (60, timeout_cb, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return !timed_out;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(RwJournal) journal = NULL;
  g_autoptr(RwClock) clock = rw_clock_new_system ();
  g_autoptr(GError) error = NULL;

  f->dir = rw_test_make_dir ();
  f->files = rw_test_make_dir ();
  f->settings = rw_settings_new ();
  journal = rw_journal_open (f->dir, &error);
  g_assert_no_error (error);
  f->context = rw_context_new (journal, f->settings, clock);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  rw_test_spin (2);
  g_clear_object (&f->context);
  g_clear_object (&f->settings);
  rw_test_remove_dir (f->dir);
  rw_test_remove_dir (f->files);
  g_free (f->dir);
  g_free (f->files);
}

static RwDatabase *
get_database (Fixture *f)
{
  return rw_journal_get_database (rw_context_get_journal (f->context));
}

static gboolean
import_state_is_not (gpointer data)
{
  gpointer *args = data;

  return g_strcmp0 (rw_import_window_get_state (args[0]), args[1]) != 0;
}

static void
wait_while_import_state (RwImportWindow *window,
                         const char     *state)
{
  gpointer args[] = { window, (gpointer) state };

  g_assert_true (wait_for (import_state_is_not, args));
}

static void
test_daylio_mapping (Fixture       *f,
                     gconstpointer  data)
{
  const char *text =
    "\xEF\xBB\xBF" "full_date,date,weekday,time,mood,activities,note_title,note\n"
    "2026-05-19,19 May,Tuesday,21:05,Super,work | friends,,a fine day\n"
    "2026-05-18,18 May,Monday,9:05 pm,good,,,\n"
    "2026-05-17,17 May,Sunday,08:00,so-so,,,\n";
  g_autofree char *path = g_build_filename (f->files, "daylio_export.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) check_ins = NULL;
  RwImportWindow *window;
  GtkSpinButton *super, *so_so;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  window = rw_import_window_new (f->context, NULL, file);
  gtk_window_present (GTK_WINDOW (window));
  wait_while_import_state (window, "reading");
  g_assert_cmpstr (rw_import_window_get_state (window), ==, "preview");

  /* What the file holds, before anything is written. */
  g_assert_nonnull (rw_test_find_label (GTK_WIDGET (window), "Daylio"));
  g_assert_nonnull (rw_test_find_label (GTK_WIDGET (window), "17 May 2026 to 19 May 2026"));
  g_assert_cmpuint (rw_test_count_check_ins (get_database (f), NULL), ==, 0);

  /* One row for each of the person's own moods, none for Daylio's. */
  super = rw_import_window_get_mood_button (window, "Super");
  so_so = rw_import_window_get_mood_button (window, "so-so");
  g_assert_nonnull (super);
  g_assert_nonnull (so_so);
  g_assert_null (rw_import_window_get_mood_button (window, "good"));
  gtk_spin_button_set_value (super, 9);
  gtk_spin_button_set_value (so_so, 4);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "import.start", NULL));
  wait_while_import_state (window, "importing");
  g_assert_cmpstr (rw_import_window_get_state (window), ==, "done");
  g_assert_nonnull (strstr (rw_import_window_get_message (window), "Added 3 check-ins"));

  check_ins = rw_test_list_check_ins (get_database (f), NULL);
  g_assert_cmpuint (check_ins->len, ==, 3);
  g_assert_cmpstr (rw_check_in_get_date (g_ptr_array_index (check_ins, 0)), ==, "2026-05-19");
  g_assert_cmpint (rw_check_in_get_metric (g_ptr_array_index (check_ins, 0), RW_METRIC_MOOD), ==, 9);
  g_assert_cmpint (rw_check_in_get_metric (g_ptr_array_index (check_ins, 1), RW_METRIC_MOOD), ==, 7);
  g_assert_cmpint (rw_check_in_get_metric (g_ptr_array_index (check_ins, 2), RW_METRIC_MOOD), ==, 4);
  gtk_window_destroy (GTK_WINDOW (window));

  /* The same file again: nothing added, and it says why. */
  window = rw_import_window_new (f->context, NULL, file);
  gtk_window_present (GTK_WINDOW (window));
  wait_while_import_state (window, "reading");
  gtk_spin_button_set_value (rw_import_window_get_mood_button (window, "Super"), 9);
  gtk_spin_button_set_value (rw_import_window_get_mood_button (window, "so-so"), 4);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "import.start", NULL));
  wait_while_import_state (window, "importing");
  g_assert_nonnull (strstr (rw_import_window_get_message (window), "Added 0 check-ins, skipped 3 that are already in your journal"));
  g_assert_cmpuint (rw_test_count_check_ins (get_database (f), NULL), ==, 3);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
progress_shown (gpointer data)
{
  GtkProgressBar *bar = GTK_PROGRESS_BAR (rw_test_find_type (data, GTK_TYPE_PROGRESS_BAR));

  return gtk_progress_bar_get_fraction (bar) > 0 ||
         g_strcmp0 (rw_import_window_get_state (data), "importing") != 0;
}

static void
test_cancel_leaves_journal (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("id,date,time,mood,anxiety,focus,hope,energy,"
                                          "sleep_hours,sleep_quality,tags,note\n");
  g_autofree char *path = g_build_filename (f->files, "long.csv", NULL);
  g_autofree char *journal = g_build_filename (f->dir, "journal.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(RwCheckIn) kept = rw_test_check_in_new ("2026-01-02", "09:00", 6, "there before");
  g_autoptr(GError) error = NULL;
  RwImportWindow *window;

  g_assert_true (rw_test_add (get_database (f), kept, &error));
  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (text, ",%04u-%02u-%02u,%02u:%02u,%u,,,,,,,row %u,note %u\n",
                            1990 + i / 4000 % 30, 1 + i % 12, 1 + i % 28, i % 24, i % 60,
                            i % 11, i % 50, i);
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  before = rw_test_journal_checksum (journal);

  file = g_file_new_for_path (path);
  window = rw_import_window_new (f->context, NULL, file);
  gtk_window_present (GTK_WINDOW (window));
  wait_while_import_state (window, "reading");
  g_assert_cmpstr (rw_import_window_get_state (window), ==, "preview");
  g_assert_nonnull (rw_test_find_label (GTK_WIDGET (window), "100000"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "import.start", NULL));
  /* Rows are being written (in the open transaction) when it is
   * cancelled. */
  g_assert_true (wait_for (progress_shown, window));
  g_assert_cmpstr (rw_import_window_get_state (window), ==, "importing");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "import.cancel", NULL));
  wait_while_import_state (window, "importing");
  g_assert_cmpstr (rw_import_window_get_state (window), ==, "done");
  g_assert_nonnull (rw_test_find_label (GTK_WIDGET (window), "Import Cancelled"));
  g_assert_nonnull (strstr (rw_import_window_get_message (window), "Nothing was changed"));

  g_assert_cmpuint (rw_test_count_check_ins (get_database (f), NULL), ==, 1);
  after = rw_test_journal_checksum (journal);
  g_assert_cmpstr (after, ==, before);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_import_errors (Fixture       *f,
                    gconstpointer  data)
{
  const char *bad = "full_date,date,weekday,time,mood,activities,note_title,note\n"
                    "2026-05-19,19 May,Tuesday,21:05,good,,,\n"
                    "2026-05-18,18 May,Monday,25:99,good,,,\n";
  g_autofree char *path = g_build_filename (f->files, "bad.csv", NULL);
  struct { GFile *file; const char *says; } cases[] = {
    { g_file_new_for_path (path), "Line 3" },
    { g_file_new_for_path (f->files), "is a folder" },
  };

  g_assert_true (g_file_set_contents (path, bad, -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      RwImportWindow *window = rw_import_window_new (f->context, NULL, cases[i].file);

      gtk_window_present (GTK_WINDOW (window));
      wait_while_import_state (window, "reading");
      g_assert_cmpstr (rw_import_window_get_state (window), ==, "error");
      g_assert_nonnull (strstr (rw_import_window_get_message (window), cases[i].says));
      g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "import.start", NULL) &&
                      g_strcmp0 (rw_import_window_get_state (window), "error") != 0);
      gtk_window_destroy (GTK_WINDOW (window));
      g_object_unref (cases[i].file);
    }
  g_assert_cmpuint (rw_test_count_check_ins (get_database (f), NULL), ==, 0);
}

static gboolean
restore_state_is_not (gpointer data)
{
  gpointer *args = data;

  return g_strcmp0 (rw_restore_window_get_state (args[0]), args[1]) != 0;
}

static void
test_restore_preview_and_replace (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *source_dir = g_build_filename (f->files, "other", NULL);
  g_autofree char *backup = g_build_filename (f->files, "journal-2026-11-20.db", NULL);
  g_autofree char *backups = g_build_filename (f->dir, "backups", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (backup);
  g_autoptr(GError) error = NULL;
  RwRestoreWindow *window;
  gpointer args[2];
  gboolean kept = FALSE;

  /* The backup: five days of May; the journal now: two of June. */
  {
    g_autoptr(RwDatabase) db = rw_database_open (source_dir, &error);

    g_assert_no_error (error);
    for (guint day = 1; day <= 5; day++)
      {
        g_autofree char *date = g_strdup_printf ("2026-05-%02u", day);
        g_autoptr(RwCheckIn) check_in = rw_test_check_in_new (date, "09:00", 5, "from the backup");

        g_assert_true (rw_test_add (db, check_in, &error));
      }
    g_assert_true (rw_database_backup_to (db, backup, &error));
  }
  for (guint day = 1; day <= 2; day++)
    {
      g_autofree char *date = g_strdup_printf ("2026-06-%02u", day);
      g_autoptr(RwCheckIn) check_in = rw_test_check_in_new (date, "09:00", 5, "now");

      g_assert_true (rw_test_add (get_database (f), check_in, &error));
    }

  window = rw_restore_window_new (f->context, NULL, file);
  gtk_window_present (GTK_WINDOW (window));
  args[0] = window;
  args[1] = "reading";
  g_assert_true (wait_for (restore_state_is_not, args));
  g_assert_cmpstr (rw_restore_window_get_state (window), ==, "preview");
  /* As `rewire restore` shows it: what the backup brings, against now. */
  g_assert_nonnull (rw_test_find_label (GTK_WIDGET (window), "In the Backup"));
  g_assert_nonnull (rw_test_find_label (GTK_WIDGET (window), "1 May 2026 to 5 May 2026"));
  g_assert_nonnull (rw_test_find_label (GTK_WIDGET (window), "1 June 2026 to 2 June 2026"));
  g_assert_nonnull (rw_test_find_label (GTK_WIDGET (window), "5"));
  g_assert_cmpuint (rw_test_count_check_ins (get_database (f), NULL), ==, 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "restore.replace", NULL));
  g_assert_cmpstr (rw_restore_window_get_state (window), ==, "restored");
  gtk_window_destroy (GTK_WINDOW (window));

  /* The journal is the backup now; the journal as it was is kept. */
  {
    g_autoptr(RwDatabase) db = rw_database_open (f->dir, &error);
    g_autoptr(GDir) dir = g_dir_open (backups, 0, NULL);
    const char *name;

    g_assert_no_error (error);
    g_assert_cmpuint (rw_test_count_check_ins (db, NULL), ==, 5);
    g_assert_nonnull (dir);
    while ((name = g_dir_read_name (dir)) != NULL)
      if (g_str_has_prefix (name, "journal-before-restore-"))
        {
          g_autofree char *saved_dir = g_build_filename (f->files, "saved", NULL);
          g_autofree char *saved = g_build_filename (saved_dir, "journal.db", NULL);
          g_autofree char *from = g_build_filename (backups, name, NULL);
          g_autofree char *contents = NULL;
          gsize length;
          g_autoptr(RwDatabase) old = NULL;

          g_assert_cmpint (g_mkdir (saved_dir, 0700), ==, 0);
          g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
          g_assert_true (g_file_set_contents (saved, contents, length, NULL));
          old = rw_database_open (saved_dir, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (rw_test_count_check_ins (old, NULL), ==, 2);
          kept = TRUE;
        }
    g_assert_true (kept);
  }
}

static gboolean
backups_toast_shown (gpointer data)
{
  return rw_test_find_label (data, "Backups made before still hold it") != NULL;
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* After a delete, the person is told that the backups made before still
 * hold the check-in, and Purge makes a new one and deletes the rest. */
static void
test_delete_tells_of_backups (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(RwCheckIn) gone = rw_test_check_in_new ("2026-11-01", "09:00", 4, "quokkasentinel");
  g_autoptr(RwCheckIn) stays = rw_test_check_in_new ("2026-11-02", "09:00", 6, "stays");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *old = g_build_filename (f->dir, "backups", "journal-2026-11-02.db", NULL);
  RwJournal *journal = rw_context_get_journal (f->context);
  AdwMessageDialog *dialog;
  RwWindow *window;

  g_assert_true (rw_test_add (get_database (f), gone, &error));
  g_assert_true (rw_test_add (get_database (f), stays, &error));
  g_assert_true (rw_backup_daily (get_database (f), "2026-11-02", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (rw_test_file_holds (old, "quokkasentinel"));

  window = rw_window_new (NULL, f->context);
  gtk_window_present (GTK_WINDOW (window));
  rw_test_spin (2);
  rw_journal_page_set_undo_timeout (rw_window_get_journal_page (window), 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (rw_window_get_journal_page (window)),
                                             "journal.delete-check-in", "s",
                                             rw_check_in_get_id (gone)));
  /* Once Undo has gone and the scrub is done. */
  g_assert_true (wait_for (backups_toast_shown, window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.purge-backups", NULL));
  rw_test_spin (2);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "purge");
  rw_test_spin (2);

  g_assert_cmpuint (rw_journal_count_backups (journal), ==, 1);
  g_assert_false (g_file_test (old, G_FILE_TEST_EXISTS));
  backups = rw_backup_list (f->dir);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_false (rw_test_file_holds (g_ptr_array_index (backups, 0), "quokkasentinel"));
  g_assert_true (rw_test_file_holds (g_ptr_array_index (backups, 0), "stays"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The real program, started as a person starts it, with a second backup
 * folder chosen: the start-up backup arrives there, 0600. */
static void
test_second_folder_at_start_up (void)
{
  g_autofree char *home = rw_test_make_dir ();
  g_autofree char *journal_dir = g_build_filename (home, "journal", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);
  g_autofree char *settings_dir = g_build_filename (config, "glib-2.0", "settings", NULL);
  g_autofree char *keyfile = g_build_filename (settings_dir, "keyfile", NULL);
  g_autofree char *second = g_build_filename (home, "usb stick", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "journal-%Y-%m-%d.db");
  g_autofree char *copy = g_build_filename (second, today, NULL);
  g_autofree char *settings = NULL;
  const char *argv[] = { g_getenv ("REWIRE_BINARY"), "--data-dir", journal_dir, NULL };
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) app = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  gint64 deadline;

  {
    g_autoptr(RwDatabase) db = rw_database_open (journal_dir, &error);
    g_autoptr(RwCheckIn) check_in = rw_test_check_in_new ("2026-11-20", "09:00", 6, "kept twice");

    g_assert_no_error (error);
    g_assert_true (rw_test_add (db, check_in, &error));
  }
  g_assert_cmpint (g_mkdir (second, 0750), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (settings_dir, 0700), ==, 0);
  settings = g_strdup_printf ("[io/github/rewire/Rewire]\nwelcome-done=true\nbackup-folder-2='%s'\n",
                              second);
  g_assert_true (g_file_set_contents (keyfile, settings, -1, NULL));

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "keyfile", TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", config, TRUE);
  app = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);

  /* Only guards a hang: the copy is made just after the first frame. */
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (!g_file_test (copy, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < deadline)
    g_usleep (50000);
  g_subprocess_force_exit (app);
  g_subprocess_wait (app, NULL, NULL);

  g_assert_true (g_file_test (copy, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_stat (copy, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  /* The person's folder keeps its own mode. */
  g_assert_cmpint (g_stat (second, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0750);
  {
    g_autofree char *copy_dir = g_build_filename (home, "opened", NULL);
    g_autofree char *opened = g_build_filename (copy_dir, "journal.db", NULL);
    g_autofree char *contents = NULL;
    gsize length;
    g_autoptr(RwDatabase) db = NULL;

    g_assert_cmpint (g_mkdir (copy_dir, 0700), ==, 0);
    g_assert_true (g_file_get_contents (copy, &contents, &length, NULL));
    g_assert_true (g_file_set_contents (opened, contents, length, NULL));
    db = rw_database_open (copy_dir, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (rw_test_count_check_ins (db, NULL), ==, 1);
  }
  rw_test_remove_dir (home);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) \
  g_test_add ("/import-window/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("daylio-mapping", test_daylio_mapping);
  ADD ("cancel-leaves-journal", test_cancel_leaves_journal);
  ADD ("errors", test_import_errors);
  ADD ("restore-preview-and-replace", test_restore_preview_and_replace);
  ADD ("delete-tells-of-backups", test_delete_tells_of_backups);
  g_test_add_func ("/import-window/second-folder-at-start-up", test_second_folder_at_start_up);

#undef ADD

  return g_test_run ();
}
