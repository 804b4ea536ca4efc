/* test-window.c: the main window in a real X server: its four views
 * through actions, remembered state, and check-ins added by the CLI while
 * it is open.
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

#include "rw-application.h"
#include "rw-history-row.h"
#include "rw-core-sql.h"
#include "rw-journal-private.h"
#include "rw-questionnaire-window.h"
#include "rw-test-ui.h"
#include "rw-test-util.h"
#include "rw-window.h"

/* One registered application for the whole run, as in the real program. */
static GtkApplication *app;

typedef struct
{
  char *dir;
  GSettings *settings;
  RwContext *context;
  RwWindow *window;
} Fixture;

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @done says so or 10 s pass. */
static gboolean
wait_for (gboolean (*done) (gpointer),
          gpointer   data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (10000, timeout_cb, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return !timed_out;
}

static void
open_window (Fixture *f)
{
  g_autoptr(RwJournal) journal = NULL;
  g_autoptr(RwClock) clock = rw_clock_new_system ();
  g_autoptr(GError) error = NULL;

  journal = rw_journal_open (f->dir, &error);
  g_assert_no_error (error);
  f->context = rw_context_new (journal, f->settings, clock);
  rw_context_set_poll_interval (f->context, 50);
  f->window = rw_window_new (app, f->context);
  gtk_window_present (GTK_WINDOW (f->window));
  spin ();
}

static void
close_window (Fixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  spin ();
  g_clear_object (&f->context);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = rw_test_make_dir ();
  f->settings = rw_settings_new ();
  g_settings_reset (f->settings, "last-view");
  g_settings_reset (f->settings, "window-width");
  g_settings_reset (f->settings, "window-height");
  g_settings_set_boolean (f->settings, "welcome-done", TRUE);
  open_window (f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->window != NULL)
    close_window (f);
  g_clear_object (&f->settings);
  rw_test_remove_dir (f->dir);
  g_free (f->dir);
}

static void
test_switch_views (Fixture       *f,
                   gconstpointer  data)
{
  const char *views[] = { "trends", "guide", "plan", "journal", "plan" };

  g_assert_cmpstr (rw_window_get_visible_view (f->window), ==, "journal");
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *saved = NULL;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view", "s", views[i]));
      spin ();
      g_assert_cmpstr (rw_window_get_visible_view (f->window), ==, views[i]);
      saved = g_settings_get_string (f->settings, "last-view");
      g_assert_cmpstr (saved, ==, views[i]);
    }

  /* The last view is where the next window opens. */
  close_window (f);
  open_window (f);
  g_assert_cmpstr (rw_window_get_visible_view (f->window), ==, "plan");

  /* An unknown view name changes nothing. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view", "s", "nonsense");
  spin ();
  g_assert_cmpstr (rw_window_get_visible_view (f->window), ==, "plan");
}

/* win.show-day (a day clicked in the Trends view's year calendar) shows
 * the journal at that day. */
/* New Session… in the main menu: the Journal view's session editor, from
 * any view. */
static void
test_new_session_opens_editor (Fixture       *f,
                               gconstpointer  data)
{
  RwJournalPage *page;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view", "s", "trends"));
  spin ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-session", NULL));
  spin ();
  g_assert_cmpstr (rw_window_get_visible_view (f->window), ==, "journal");
  page = rw_window_get_journal_page (f->window);
  g_assert_nonnull (rw_journal_page_get_session_editor (page));
  gtk_window_destroy (rw_journal_page_get_session_editor (page));
  spin ();
}

static void
test_show_day_opens_journal (Fixture       *f,
                             gconstpointer  data)
{
  RwJournal *journal = rw_context_get_journal (f->context);
  RwJournalPage *page;
  g_autoptr(GObject) item = NULL;

  for (guint day = 1; day <= 5; day++)
    {
      g_autofree char *date = g_strdup_printf ("2025-10-%02u", day);
      g_autoptr(RwCheckIn) check_in = rw_check_in_new ();

      rw_check_in_set_date (check_in, date);
      rw_check_in_set_time (check_in, "09:00");
      rw_check_in_set_metric (check_in, RW_METRIC_MOOD, 5);
      g_assert_true (rw_journal_add (journal, check_in, NULL));
    }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view", "s", "trends"));
  spin ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-day", "s",
                                             "2025-10-03"));
  spin ();
  g_assert_cmpstr (rw_window_get_visible_view (f->window), ==, "journal");
  page = rw_window_get_journal_page (f->window);
  item = g_list_model_get_item (G_LIST_MODEL (rw_journal_page_get_history (page)),
                                rw_journal_page_get_scroll_target (page));
  g_assert_true (RW_IS_DAY_HEADER (item));
  g_assert_cmpstr (rw_day_header_get_date (RW_DAY_HEADER (item)), ==, "2025-10-03");
}

/* win.questionnaire (main menu, Today card) opens the one asked for. */
static void
test_questionnaire_opens (Fixture       *f,
                          gconstpointer  data)
{
  static const struct { const char *id; RwQuestionnaireKind kind; } kinds[] = {
    { "phq9", RW_QUESTIONNAIRE_PHQ9 },
    { "gad7", RW_QUESTIONNAIRE_GAD7 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();
      RwQuestionnaireWindow *found = NULL;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.questionnaire", "s",
                                                 kinds[i].id));
      spin ();
      for (guint w = 0; w < g_list_model_get_n_items (toplevels); w++)
        {
          g_autoptr(GObject) window = g_list_model_get_item (toplevels, w);

          if (RW_IS_QUESTIONNAIRE_WINDOW (window))
            found = RW_QUESTIONNAIRE_WINDOW (window);
        }
      g_assert_nonnull (found);
      g_assert_cmpint (rw_questionnaire_window_get_kind (found), ==, kinds[i].kind);
      g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (found)) == GTK_WINDOW (f->window));
      gtk_window_destroy (GTK_WINDOW (found));
      spin ();
    }
}

static void
test_window_size_remembered (Fixture       *f,
                             gconstpointer  data)
{
  int width, height;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 640, 720);
  spin ();
  g_assert_cmpint (g_settings_get_int (f->settings, "window-width"), ==, 640);
  g_assert_cmpint (g_settings_get_int (f->settings, "window-height"), ==, 720);

  close_window (f);
  open_window (f);
  gtk_window_get_default_size (GTK_WINDOW (f->window), &width, &height);
  g_assert_cmpint (width, ==, 640);
  g_assert_cmpint (height, ==, 720);
}

/* Only the view on screen is built; the others when first shown. */
static void
test_views_built_when_shown (Fixture       *f,
                             gconstpointer  data)
{
  const char *others[] = { "trends", "guide", "plan" };

  g_assert_cmpstr (rw_window_get_visible_view (f->window), ==, "journal");
  g_assert_nonnull (rw_window_get_view (f->window, "journal"));
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    g_assert_null (rw_window_get_view (f->window, others[i]));

  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view", "s", others[i]));
      spin ();
      g_assert_nonnull (rw_window_get_view (f->window, others[i]));
      for (guint j = i + 1; j < G_N_ELEMENTS (others); j++)
        g_assert_null (rw_window_get_view (f->window, others[j]));
    }

  /* A window that opens on another view does not build the journal. */
  close_window (f);
  open_window (f);
  g_assert_cmpstr (rw_window_get_visible_view (f->window), ==, "plan");
  g_assert_null (rw_window_get_view (f->window, "journal"));
  g_assert_null (rw_window_get_view (f->window, "trends"));
}

static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *css_class)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (css_class == NULL || gtk_widget_has_css_class (root, css_class)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  Fixture *f;
  gboolean painted;
  guint rows;          /* row widgets the history made */
  guint below;         /* of them, laid out wholly below the visible list */
  gboolean filled;     /* the rows reach the bottom of the visible list */
  gboolean today_shown;
  char *first_date;
} FirstFrame;

static void
after_paint_cb (GdkFrameClock *clock,
                FirstFrame    *frame)
{
  RwJournalPage *page;
  GtkWidget *list, *scrolled, *today;
  double bottom = 0;
  int height;

  if (frame->painted)
    return;
  frame->painted = TRUE;

  page = RW_JOURNAL_PAGE (rw_window_get_view (frame->f->window, "journal"));
  list = find_widget (GTK_WIDGET (page), GTK_TYPE_LIST_VIEW, "history-list");
  scrolled = gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW);
  today = find_widget (GTK_WIDGET (page), GTK_TYPE_BOX, "today-card");
  height = gtk_widget_get_height (scrolled);
  frame->today_shown = today != NULL && gtk_widget_get_mapped (today) &&
                       gtk_widget_get_height (today) > 0;

  for (GtkWidget *item = gtk_widget_get_first_child (list);
       item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);
      graphene_rect_t bounds;

      if (!RW_IS_HISTORY_ROW (row) || !gtk_widget_get_visible (item))
        continue;
      frame->rows++;
      g_assert_true (gtk_widget_compute_bounds (item, scrolled, &bounds));
      if (bounds.origin.y >= height)
        frame->below++;
      bottom = MAX (bottom, bounds.origin.y + bounds.size.height);
      if (frame->first_date == NULL)
        {
          g_autoptr(GObject) first = g_list_model_get_item (G_LIST_MODEL (rw_journal_page_get_history (page)), 0);

          frame->first_date = g_strdup (rw_day_header_get_date (RW_DAY_HEADER (first)));
        }
    }
  frame->filled = bottom >= height;
}

static gboolean
painted (gpointer data)
{
  return ((FirstFrame *) data)->painted;
}

/* Start-up lays out what fills the screen, newest first under the Today
 * card, and nothing of the history below it (GtkListView would otherwise
 * make a row for each of the first 200 items). */
static void
test_first_frame_shows_only_the_screen (Fixture       *f,
                                        gconstpointer  data)
{
  g_autoptr(RwJournal) journal = NULL;
  g_autoptr(GPtrArray) check_ins = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  FirstFrame frame = { f };
  GdkFrameClock *clock;

  close_window (f);
  journal = rw_journal_open (f->dir, &error);
  g_assert_no_error (error);
  g_autoptr(GDateTime) last = g_date_time_new_utc (2026, 11, 30, 9, 0, 0);

  for (guint i = 0; i < 400; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (last, -(int) i);
      g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");
      RwCheckIn *check_in = rw_check_in_new ();
      const char *tags[] = { "walk", "therapy", NULL };

      rw_check_in_set_date (check_in, date);
      rw_check_in_set_time (check_in, "09:00");
      rw_check_in_set_metric (check_in, RW_METRIC_MOOD, i % 11);
      rw_check_in_set_sleep_hours (check_in, 7.5);
      rw_check_in_set_tags (check_in, tags);
      rw_check_in_set_note (check_in, "A quiet day, a walk after lunch.");
      g_ptr_array_add (check_ins, check_in);
    }
  g_assert_true (rw_import_check_ins (rw_journal_get_database (journal), check_ins, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&journal);

  for (guint size = 0; size < 2; size++)
    {
      g_autoptr(RwJournal) again = rw_journal_open (f->dir, &error);
      g_autoptr(RwClock) clock_ = rw_clock_new_system ();

      g_clear_pointer (&frame.first_date, g_free);
      memset (&frame, 0, sizeof frame);
      frame.f = f;

      g_settings_set_int (f->settings, "window-width", size == 0 ? 900 : 360);
      g_settings_set_int (f->settings, "window-height", size == 0 ? 700 : 740);
      f->context = rw_context_new (again, f->settings, clock_);
      f->window = rw_window_new (app, f->context);
      gtk_widget_realize (GTK_WIDGET (f->window));
      clock = gtk_widget_get_frame_clock (GTK_WIDGET (f->window));
      g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &frame);
      gtk_window_present (GTK_WINDOW (f->window));
      g_assert_true (wait_for (painted, &frame));
      g_signal_handlers_disconnect_by_data (clock, &frame);

      g_assert_true (frame.today_shown);
      g_assert_cmpstr (frame.first_date, ==, "2026-11-30");
      g_assert_true (frame.filled);
      g_assert_cmpuint (frame.rows, >=, 2);
      g_assert_cmpuint (frame.rows, <, 30);
      g_assert_cmpuint (frame.below, ==, 0);

      close_window (f);
      g_free (frame.first_date);
      frame.first_date = NULL;
    }
  open_window (f);
}

static void
collect_accelerators (GtkWidget  *widget,
                      GHashTable *shown)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerator = NULL;
      g_auto(GStrv) each = NULL;

      g_object_get (widget, "accelerator", &accelerator, NULL);
      each = g_strsplit (accelerator != NULL ? accelerator : "", " ", -1);
      for (guint i = 0; each[i] != NULL; i++)
        {
          guint key;
          GdkModifierType mods;

          if (gtk_accelerator_parse (each[i], &key, &mods))
            g_hash_table_add (shown, gtk_accelerator_name (key, mods));
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_accelerators (child, shown);
}

/* Every accelerator of the application is in the shortcuts window, and
 * the window is made only when asked for. */
static void
test_shortcuts_window_lists_accelerators (Fixture       *f,
                                          gconstpointer  data)
{
  g_autoptr(GHashTable) shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (app);
  guint checked = 0;
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget *shortcuts = NULL;
  guint before = g_list_model_get_n_items (toplevels);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-help-overlay", NULL));
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, before + 1);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (window))
        shortcuts = GTK_WIDGET (window);
    }
  g_assert_nonnull (shortcuts);
  collect_accelerators (shortcuts, shown);

  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, actions[i]);

      for (guint k = 0; accels[k] != NULL; k++)
        {
          guint key;
          GdkModifierType mods;
          g_autofree char *name = NULL;

          g_assert_true (gtk_accelerator_parse (accels[k], &key, &mods));
          name = gtk_accelerator_name (key, mods);
          if (!g_hash_table_contains (shown, name))
            g_error ("%s (%s) is not in the shortcuts window", accels[k], actions[i]);
          checked++;
        }
    }
  g_assert_cmpuint (checked, >=, 10);
  gtk_window_destroy (GTK_WINDOW (shortcuts));
  spin ();
}

static gboolean
history_has_items (gpointer data)
{
  Fixture *f = data;
  RwJournalPage *page = rw_window_get_journal_page (f->window);

  return g_list_model_get_n_items (G_LIST_MODEL (rw_journal_page_get_history (page))) >= 2;
}

static void
test_cli_changes_appear (Fixture       *f,
                         gconstpointer  data)
{
  RwJournalPage *page = rw_window_get_journal_page (f->window);
  RwHistoryModel *history = rw_journal_page_get_history (page);
  const char *argv[] = { "add", "--data-dir", f->dir, "--date", "2026-11-21", "--mood", "7",
                         "--note", "added from a terminal", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gboolean found = FALSE;

  g_assert_cmpstr (rw_journal_page_get_visible_state (page), ==, "empty");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, 0);

  g_assert_cmpint (rw_test_run_cli (argv, &out, &err), ==, 0);
  g_assert_true (wait_for (history_has_items, f));
  spin ();

  /* A day header and the check-in itself. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (history), i);

      if (RW_IS_CHECK_IN (item))
        found = g_str_equal (rw_check_in_get_note (RW_CHECK_IN (item)), "added from a terminal");
    }
  g_assert_true (found);
  g_assert_cmpstr (rw_journal_page_get_visible_state (page), ==, "list");
}

static gboolean
has_owner (GDBusConnection *bus)
{
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", APP_ID), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);
  return owned;
}

/* Launching Rewire while it runs raises the running one: the second
 * process hands over and ends, the first keeps going. */
static void
test_second_launch_hands_over (void)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autofree char *dir = NULL;
  g_auto(GStrv) env = NULL;
  const char *argv[] = { g_getenv ("REWIRE_BINARY"), NULL };
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) first = NULL;
  g_autoptr(GSubprocess) second = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deadline;

  if (bus == NULL)
    {
      g_test_skip ("No session bus (run under dbus-run-session)");
      return;
    }
  if (has_owner (bus))
    {
      g_test_skip ("Rewire is already running on this bus");
      return;
    }

  dir = rw_test_make_dir ();
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  /* The default journal, of a home of its own: a journal chosen with
   * $REWIRE_DATA_DIR or --data-dir opens a window of its own instead. */
  g_subprocess_launcher_unsetenv (launcher, "REWIRE_DATA_DIR");
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", dir, TRUE);
  first = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);

  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (!has_owner (bus) && g_get_monotonic_time () < deadline)
    g_usleep (50000);
  g_assert_true (has_owner (bus));

  second = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait (second, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (second));
  g_assert_cmpint (g_subprocess_get_exit_status (second), ==, 0);

  /* The first one is still there. */
  g_assert_nonnull (g_subprocess_get_identifier (first));
  g_assert_true (has_owner (bus));

  /* A journal chosen with $REWIRE_DATA_DIR is not handed to the window
   * of the default one: it opens its own (and writes its own journal). */
  {
    g_autofree char *other = g_build_filename (dir, "elsewhere", NULL);
    g_autofree char *other_db = g_build_filename (other, "journal.db", NULL);
    g_autoptr(GSubprocess) third = NULL;

    g_subprocess_launcher_setenv (launcher, "REWIRE_DATA_DIR", other, TRUE);
    third = g_subprocess_launcher_spawnv (launcher, argv, &error);
    g_assert_no_error (error);
    deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
    while (!g_file_test (other_db, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < deadline)
      g_usleep (50000);
    g_assert_true (g_file_test (other_db, G_FILE_TEST_EXISTS));
    g_assert_nonnull (g_subprocess_get_identifier (third));
    g_subprocess_send_signal (third, SIGTERM);
    g_subprocess_wait (third, NULL, NULL);
  }

  g_subprocess_send_signal (first, SIGTERM);
  g_subprocess_wait (first, NULL, NULL);
  rw_test_remove_dir (dir);
}

static gboolean
bar_shown (gpointer data)
{
  return gtk_widget_get_visible (data);
}

/* A journal in a folder that Syncthing syncs (its .stfolder marker two
 * levels up) gets a warning bar after the first frame, saying which
 * program, where, and why; the bar closes. A journal elsewhere gets none. */
static void
test_sync_folder_warned (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *synced = g_build_filename (f->dir, "Sync", NULL);
  g_autofree char *marker = g_build_filename (synced, ".stfolder", NULL);
  g_autofree char *journal_dir = g_build_filename (synced, "notes", "rewire", NULL);
  g_autofree char *root = g_strdup (f->dir);
  GtkWidget *bar;
  GtkLabel *label;

  bar = rw_test_find (GTK_WIDGET (f->window), rw_test_match_type, GSIZE_TO_POINTER (GTK_TYPE_INFO_BAR));
  g_assert_nonnull (bar);
  rw_test_wait (300);
  g_assert_false (gtk_widget_get_visible (bar));
  close_window (f);

  g_assert_cmpint (g_mkdir_with_parents (marker, 0700), ==, 0);
  g_free (f->dir);
  f->dir = g_strdup (journal_dir);
  open_window (f);
  bar = rw_test_find (GTK_WIDGET (f->window), rw_test_match_type, GSIZE_TO_POINTER (GTK_TYPE_INFO_BAR));
  g_assert_true (wait_for (bar_shown, bar));
  label = GTK_LABEL (rw_test_find (bar, rw_test_match_type, GSIZE_TO_POINTER (GTK_TYPE_LABEL)));
  g_assert_nonnull (strstr (gtk_label_get_label (label), "Syncthing"));
  g_assert_nonnull (strstr (gtk_label_get_label (label), synced));
  g_assert_nonnull (strstr (gtk_label_get_label (label), "damage"));

  gtk_info_bar_response (GTK_INFO_BAR (bar), GTK_RESPONSE_CLOSE);
  spin ();
  g_assert_false (gtk_widget_get_visible (bar));

  /* The fixture removes the whole folder. */
  close_window (f);
  g_free (f->dir);
  f->dir = g_steal_pointer (&root);
}

/* A journal.db-wal of another journal beside this one is set aside when
 * the journal opens, and the window says so after the first frame: what
 * happened, and where the file is kept. */
static void
test_foreign_wal_told (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *other = rw_test_make_dir ();
  g_autofree char *other_wal = g_build_filename (other, "journal.db-wal", NULL);
  g_autofree char *wal = g_build_filename (f->dir, "journal.db-wal", NULL);
  g_autofree char *bytes = NULL;
  gsize size = 0;
  GtkWidget *bar;
  GtkLabel *label;

  close_window (f);
  {
    g_autoptr(RwDatabase) db = rw_database_open (other, NULL);

    for (guint i = 0; i < 20; i++)
      {
        g_autoptr(RwCheckIn) check_in = rw_test_check_in_new ("2026-11-20", "09:00", 7,
                                                                     "another journal");

        g_assert_true (rw_test_add (db, check_in, NULL));
      }
    /* Copied while the other journal is open, its -wal still in use. */
    g_assert_true (g_file_get_contents (other_wal, &bytes, &size, NULL));
  }
  g_assert_true (g_file_set_contents (wal, bytes, (gssize) size, NULL));

  open_window (f);
  bar = rw_test_find (GTK_WIDGET (f->window), rw_test_match_type, GSIZE_TO_POINTER (GTK_TYPE_INFO_BAR));
  g_assert_true (wait_for (bar_shown, bar));
  label = GTK_LABEL (rw_test_find (bar, rw_test_match_type, GSIZE_TO_POINTER (GTK_TYPE_LABEL)));
  g_assert_nonnull (strstr (gtk_label_get_label (label), "journal.db-wal"));
  g_assert_nonnull (strstr (gtk_label_get_label (label), "journal.db-wal.not-this-journal-"));
  g_assert_nonnull (strstr (gtk_label_get_label (label), f->dir));
  /* None of the other journal's check-ins came in. */
  {
    g_autoptr(RwDatabase) db = rw_database_open (f->dir, NULL);
    gint64 n = -1;

    g_assert_true (rw_check_in_sql_count (db, &n, NULL, NULL, NULL));
    g_assert_cmpint (n, ==, 0);
  }
  rw_test_remove_dir (other);
}

static AdwMessageDialog *
find_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* Delete All My Data: nothing goes until the word is typed; then the
 * journal and Rewire's backups are gone, the person's own files stay,
 * and Rewire says so. */
static void
test_delete_all_data (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *db = g_build_filename (f->dir, "journal.db", NULL);
  g_autofree char *backups = g_build_filename (f->dir, "backups", NULL);
  g_autofree char *backup = g_build_filename (backups, "journal-2026-11-20.db", NULL);
  g_autofree char *mine = g_build_filename (f->dir, "mine.txt", NULL);
  AdwMessageDialog *dialog;
  AdwMessageDialog *done;
  GtkEditable *entry;

  g_assert_cmpint (g_mkdir (backups, 0700), ==, 0);
  g_assert_true (g_file_set_contents (backup, "x", 1, NULL));
  g_assert_true (g_file_set_contents (mine, "mine", -1, NULL));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-all-data", NULL));
  spin ();
  dialog = find_dialog ("Delete All Your Data?");
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "delete"));
  entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  gtk_editable_set_text (entry, "delet");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "delete"));
  /* Cancel keeps everything. */
  adw_message_dialog_response (dialog, "cancel");
  spin ();
  g_assert_true (g_file_test (db, G_FILE_TEST_EXISTS));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-all-data", NULL));
  spin ();
  dialog = find_dialog ("Delete All Your Data?");
  entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  gtk_editable_set_text (entry, " Delete ");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "delete"));
  adw_message_dialog_response (dialog, "delete");
  spin ();

  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (mine, G_FILE_TEST_EXISTS));
  done = find_dialog ("Your Data Is Deleted");
  g_assert_nonnull (done);
  gtk_window_destroy (GTK_WINDOW (done));
  spin ();
  rw_test_wait (200);
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
}

/* Quitting closes the journal: SQLite folds the write-ahead log back
 * into journal.db and removes it and the -shm, so nothing of the session
 * (a deleted note's words among it) is left in a side file. The window
 * used to keep its connection to the end of the process. */
static void
test_quit_closes_journal (void)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autofree char *dir = NULL;
  g_autofree char *journal_dir = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;
  g_autofree char *object_path = NULL;
  const char *argv[] = { g_getenv ("REWIRE_BINARY"), NULL };
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) window = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deadline;

  if (bus == NULL || has_owner (bus))
    {
      g_test_skip ("Needs a session bus where Rewire is not running");
      return;
    }

  dir = rw_test_make_dir ();
  journal_dir = g_build_filename (dir, "rewire", NULL);
  wal = g_build_filename (journal_dir, "journal.db-wal", NULL);
  shm = g_build_filename (journal_dir, "journal.db-shm", NULL);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_unsetenv (launcher, "REWIRE_DATA_DIR");
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", dir, TRUE);
  window = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);

  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (!(has_owner (bus) && g_file_test (wal, G_FILE_TEST_EXISTS)) &&
         g_get_monotonic_time () < deadline)
    g_usleep (50000);
  g_assert_true (has_owner (bus));
  /* The window has the journal open. */
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  /* As Ctrl+Q does: app.quit, here over D-Bus. */
  object_path = g_strconcat ("/", APP_ID, NULL);
  g_strdelimit (object_path, ".", '/');
  reply = g_dbus_connection_call_sync (bus, APP_ID, object_path, "org.gtk.Actions", "Activate",
                                       g_variant_new ("(sava{sv})", "quit", NULL, NULL),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait (window, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (window));
  g_assert_cmpint (g_subprocess_get_exit_status (window), ==, 0);

  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  rw_test_remove_dir (dir);
}

static gboolean
action_enabled (GDBusConnection *bus,
                const char      *object_path,
                const char      *name)
{
  g_autoptr(GVariant) reply = NULL;
  gboolean enabled = FALSE;

  reply = g_dbus_connection_call_sync (bus, APP_ID, object_path, "org.gtk.Actions", "Describe",
                                       g_variant_new ("(s)", name), G_VARIANT_TYPE ("((bgav))"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "((bg@av))", &enabled, NULL, NULL);
  return enabled;
}

/* The recovery page: a journal that is not a database is left as it is;
 * once the page shows, the newest whole backup is found and offered
 * (app.restore-backup is enabled only then); restoring keeps the bad
 * file in backups/, puts the backup in place and opens the journal. */
static void
test_recovery_restores_backup (void)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autofree char *home = NULL;
  g_autofree char *journal_dir = NULL;
  g_autofree char *journal = NULL;
  g_autofree char *backups = NULL;
  g_autofree char *source = NULL;
  g_autofree char *object_path = NULL;
  g_autofree char *contents = NULL;
  const char *argv[] = { g_getenv ("REWIRE_BINARY"), NULL };
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) window = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  char garbage[4096];
  gsize length = 0;
  gint64 deadline;

  if (bus == NULL || has_owner (bus))
    {
      g_test_skip ("Needs a session bus where Rewire is not running");
      return;
    }

  home = rw_test_make_dir ();
  journal_dir = g_build_filename (home, "rewire", NULL);
  journal = g_build_filename (journal_dir, "journal.db", NULL);
  backups = g_build_filename (journal_dir, "backups", NULL);
  source = g_build_filename (home, "source", NULL);
  {
    g_autoptr(RwDatabase) db = rw_database_open (source, &error);
    g_autoptr(RwCheckIn) check_in = rw_test_check_in_new ("2026-11-20", "09:00", 6, "from the backup");
    g_autofree char *backup = g_build_filename (backups, "journal-2026-11-20.db", NULL);

    g_assert_no_error (error);
    g_assert_true (rw_test_add (db, check_in, &error));
    g_assert_cmpint (g_mkdir_with_parents (backups, 0700), ==, 0);
    g_assert_true (rw_database_backup_to (db, backup, &error));
  }
  for (guint i = 0; i < sizeof garbage; i++)
    garbage[i] = (char) (i * 7 + 3);
  g_assert_true (g_file_set_contents (journal, garbage, sizeof garbage, NULL));

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_unsetenv (launcher, "REWIRE_DATA_DIR");
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", home, TRUE);
  window = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);

  object_path = g_strconcat ("/", APP_ID, NULL);
  g_strdelimit (object_path, ".", '/');
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (!(has_owner (bus) && action_enabled (bus, object_path, "restore-backup")) &&
         g_get_monotonic_time () < deadline)
    g_usleep (50000);
  g_assert_true (action_enabled (bus, object_path, "restore-backup"));
  /* Offered, not yet done: the bad file is as it was. */
  g_assert_true (g_file_get_contents (journal, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, garbage, sizeof garbage);
  g_clear_pointer (&contents, g_free);

  reply = g_dbus_connection_call_sync (bus, APP_ID, object_path, "org.gtk.Actions", "Activate",
                                       g_variant_new ("(sava{sv})", "restore-backup", NULL, NULL),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&reply, g_variant_unref);
  g_usleep (500000);
  reply = g_dbus_connection_call_sync (bus, APP_ID, object_path, "org.gtk.Actions", "Activate",
                                       g_variant_new ("(sava{sv})", "quit", NULL, NULL),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait (window, NULL, &error));

  /* The backup is the journal now; the bad file is kept, not deleted. */
  {
    g_autoptr(RwDatabase) db = rw_database_open (journal_dir, &error);
    g_autoptr(GDir) dir = g_dir_open (backups, 0, NULL);
    const char *name;
    gboolean kept = FALSE;

    g_assert_no_error (error);
    g_assert_cmpuint (rw_test_count_check_ins (db, NULL), ==, 1);
    while ((name = g_dir_read_name (dir)) != NULL)
      if (g_str_has_prefix (name, "journal-set-aside-") && g_str_has_suffix (name, ".db"))
        {
          g_autofree char *path = g_build_filename (backups, name, NULL);

          g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
          g_assert_cmpmem (contents, length, garbage, sizeof garbage);
          kept = TRUE;
        }
    g_assert_true (kept);
  }
  rw_test_remove_dir (home);
}

/* The about window gives the version, the licence, that Rewire is not
 * medical advice, and the works the guide cites, read from its References
 * chapter (citations, not the notes on them). */
static void
test_about_window (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *about = rw_application_new_about_window (GTK_WINDOW (f->window));
  const char *cited[] = {
    "Berman, R. M., et al. (2000)", "PMID 10686270", "doi:10.1002/14651858.CD011612.pub3",
    "doi:10.1001/jamapsychiatry.2025.3019", "TA854", "Major Depression",
  };
  GtkLabel *sources;

  g_assert_true (ADW_IS_ABOUT_WINDOW (about));
  gtk_window_present (GTK_WINDOW (about));
  spin ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (about)) == GTK_WINDOW (f->window));
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==, GTK_LICENSE_GPL_3_0);
  g_assert_nonnull (strstr (adw_about_window_get_comments (ADW_ABOUT_WINDOW (about)),
                            "not medical advice"));
  g_assert_nonnull (rw_test_find_label (about, "Sources of the Guide"));
  sources = rw_test_find_label (about, "PMID 10686270");
  g_assert_nonnull (sources);
  for (guint i = 0; i < G_N_ELEMENTS (cited); i++)
    if (strstr (gtk_label_get_label (sources), cited[i]) == NULL)
      g_error ("“%s” is not among the sources in the about window", cited[i]);
  g_assert_null (strstr (gtk_label_get_label (sources), "What it is"));
  /* Drawn as markup: an ampersand of a title shows as one. */
  g_assert_true (gtk_label_get_use_markup (sources));
  g_assert_nonnull (strstr (gtk_label_get_label (sources), "Johnson &amp; Johnson"));
  gtk_window_destroy (GTK_WINDOW (about));
  spin ();
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  {
    g_autoptr(GError) error = NULL;

    app = GTK_APPLICATION (adw_application_new (APP_ID ".WindowTest", G_APPLICATION_NON_UNIQUE));
    g_application_register (G_APPLICATION (app), NULL, &error);
    g_assert_no_error (error);
    rw_application_set_accels (app);
  }

#define ADD(name, func) \
  g_test_add ("/window/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("switch-views", test_switch_views);
  ADD ("show-day-opens-journal", test_show_day_opens_journal);
  ADD ("new-session-opens-editor", test_new_session_opens_editor);
  ADD ("questionnaire-opens", test_questionnaire_opens);
  ADD ("size-remembered", test_window_size_remembered);
  ADD ("cli-changes-appear", test_cli_changes_appear);
  ADD ("views-built-when-shown", test_views_built_when_shown);
  ADD ("shortcuts-window-lists-accelerators", test_shortcuts_window_lists_accelerators);
  ADD ("about-window", test_about_window);
  ADD ("first-frame-shows-only-the-screen", test_first_frame_shows_only_the_screen);
  ADD ("sync-folder-warned", test_sync_folder_warned);
  ADD ("foreign-wal-told", test_foreign_wal_told);
  ADD ("delete-all-data", test_delete_all_data);
  g_test_add_func ("/window/second-launch-hands-over", test_second_launch_hands_over);
  g_test_add_func ("/window/quit-closes-journal", test_quit_closes_journal);
  g_test_add_func ("/window/recovery-restores-backup", test_recovery_restores_backup);

#undef ADD

  {
    int status = g_test_run ();

    g_clear_object (&app);
    return status;
  }
}
