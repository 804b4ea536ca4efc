/* test-tags.c: renaming, merging and deleting tags in the tag manager,
 * built from a context in a real X server, through its actions, rows and
 * confirmation dialogs; the list shows the journal's tags with counts.
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "rw-journal-private.h"
#include "rw-tags-window.h"
#include "rw-test-ui.h"
#include "rw-test-util.h"

typedef struct
{
  char *dir;
  RwJournal *journal;
  GSettings *settings;
  RwClock *clock;
  RwContext *context;
  RwTagsWindow *window;
  char *ids[3];
} Fixture;

static char *
add (Fixture    *f,
     const char *tag)
{
  g_autoptr(RwCheckIn) check_in = rw_check_in_new ();
  const char *tags[] = { tag, NULL };
  g_autoptr(GError) error = NULL;

  rw_check_in_set_date (check_in, "2026-11-01");
  rw_check_in_set_time (check_in, "09:00");
  rw_check_in_set_metric (check_in, RW_METRIC_MOOD, 5);
  rw_check_in_set_tags (check_in, tags);
  g_assert_true (rw_journal_add (f->journal, check_in, &error));
  g_assert_no_error (error);
  return g_strdup (rw_check_in_get_id (check_in));
}

static char *
tags_of (Fixture *f,
         guint    i)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RwCheckIn) check_in = rw_journal_lookup (f->journal, f->ids[i], &error);

  g_assert_no_error (error);
  return g_strjoinv (",", (char **) rw_check_in_get_tags (check_in));
}

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
  f->ids[0] = add (f, "walk");
  f->ids[1] = add (f, "walking");
  f->ids[2] = add (f, "rain");

  f->window = rw_tags_window_new (f->context, NULL);
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
  for (guint i = 0; i < G_N_ELEMENTS (f->ids); i++)
    g_free (f->ids[i]);
  rw_test_remove_dir (f->dir);
  g_free (f->dir);
}

static void
edit_row (Fixture    *f,
          const char *tag,
          const char *text)
{
  AdwEntryRow *row = rw_tags_window_get_row (f->window, tag);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
  rw_test_spin (2);
}

/* The texts a row shows: its name, and its count. */
static gboolean
row_shows (AdwEntryRow *row,
           const char  *text)
{
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (row)); w != NULL; )
    {
      if (GTK_IS_LABEL (w) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (w)), text) == 0)
        return TRUE;
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && w != GTK_WIDGET (row) && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w != NULL && w != GTK_WIDGET (row) ? gtk_widget_get_next_sibling (w) : NULL;
        }
    }
  return FALSE;
}

static void
test_rename (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *tags = NULL;

  /* The seeded habit tags are listed too, unused; counts are shown. */
  g_assert_nonnull (rw_tags_window_get_row (f->window, "meditation"));
  g_assert_true (row_shows (rw_tags_window_get_row (f->window, "meditation"), "0 check-ins"));
  g_assert_true (row_shows (rw_tags_window_get_row (f->window, "rain"), "1 check-in"));

  edit_row (f, "rain", "  Weather ");
  g_assert_null (rw_tags_window_get_dialog (f->window));
  g_assert_null (rw_tags_window_get_row (f->window, "rain"));
  g_assert_nonnull (rw_tags_window_get_row (f->window, "Weather"));
  tags = tags_of (f, 2);
  g_assert_cmpstr (tags, ==, "Weather");

  /* Through the action, as a keyboard shortcut or a menu would. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "tags.rename", "(ss)",
                                             "Weather", "sky"));
  rw_test_spin (2);
  g_clear_pointer (&tags, g_free);
  tags = tags_of (f, 2);
  g_assert_cmpstr (tags, ==, "sky");
  g_assert_nonnull (rw_tags_window_get_row (f->window, "sky"));
}

static void
test_merge_after_asking (Fixture       *f,
                         gconstpointer  data)
{
  AdwMessageDialog *dialog;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  /* Cancelled: nothing changes and the row shows its old name again. */
  edit_row (f, "walking", "walk");
  dialog = rw_tags_window_get_dialog (f->window);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  rw_test_spin (2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rw_tags_window_get_row (f->window, "walking"))),
                   ==, "walking");
  second = tags_of (f, 1);
  g_assert_cmpstr (second, ==, "walking");
  g_clear_pointer (&second, g_free);

  /* Confirmed: both check-ins carry "walk", "walking" is gone, and the
   * count says so. */
  edit_row (f, "walking", "WALK");
  dialog = rw_tags_window_get_dialog (f->window);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "merge");
  rw_test_spin (2);
  g_assert_null (rw_tags_window_get_row (f->window, "walking"));
  first = tags_of (f, 0);
  second = tags_of (f, 1);
  g_assert_cmpstr (first, ==, "walk");
  g_assert_cmpstr (second, ==, "walk");
  g_assert_true (row_shows (rw_tags_window_get_row (f->window, "walk"), "2 check-ins"));
}

static void
test_merge_action (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *tags = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "tags.merge", "(ss)",
                                             "rain", "Walk"));
  rw_test_spin (2);
  g_assert_null (rw_tags_window_get_dialog (f->window));
  g_assert_null (rw_tags_window_get_row (f->window, "rain"));
  tags = tags_of (f, 2);
  g_assert_cmpstr (tags, ==, "walk");
}

static void
test_delete_after_asking (Fixture       *f,
                          gconstpointer  data)
{
  AdwMessageDialog *dialog;
  g_autofree char *tags = NULL;

  /* Cancelled first: the tag stays. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "tags.delete", "s", "rain"));
  rw_test_spin (2);
  dialog = rw_tags_window_get_dialog (f->window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "It is taken off 1 check-in; the check-in itself stays.");
  adw_message_dialog_response (dialog, "cancel");
  rw_test_spin (2);
  g_assert_nonnull (rw_tags_window_get_row (f->window, "rain"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "tags.delete", "s", "rain"));
  rw_test_spin (2);
  dialog = rw_tags_window_get_dialog (f->window);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "delete");
  rw_test_spin (2);

  g_assert_null (rw_tags_window_get_row (f->window, "rain"));
  tags = tags_of (f, 2);
  g_assert_cmpstr (tags, ==, "");
  /* Only the tag went: the check-ins stay. */
  g_assert_cmpuint (rw_test_count_check_ins (rw_journal_get_database (f->journal), NULL), ==, 3);
}

static void
test_delete_button_points_at_the_action (Fixture       *f,
                                         gconstpointer  data)
{
  AdwEntryRow *row = rw_tags_window_get_row (f->window, "rain");
  GtkWidget *button = NULL;

  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (row)); w != NULL && button == NULL; )
    {
      if (GTK_IS_BUTTON (w) && g_strcmp0 (gtk_widget_get_tooltip_text (w), "Delete the tag “rain”") == 0)
        button = w;
      else if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && w != GTK_WIDGET (row) && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w != NULL && w != GTK_WIDGET (row) ? gtk_widget_get_next_sibling (w) : NULL;
        }
    }
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "tags.delete");
  g_assert_true (gtk_widget_get_focusable (button));

  g_signal_emit_by_name (button, "clicked");
  rw_test_spin (2);
  g_assert_nonnull (rw_tags_window_get_dialog (f->window));
  adw_message_dialog_response (rw_tags_window_get_dialog (f->window), "cancel");
  rw_test_spin (2);
}

static void
test_follows_the_journal (Fixture       *f,
                          gconstpointer  data)
{
  /* A check-in saved elsewhere (the editor) shows up here at once. */
  g_free (add (f, "sunshine"));
  rw_test_spin (2);
  g_assert_nonnull (rw_tags_window_get_row (f->window, "sunshine"));
}

static void
test_invalid_name_refused (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *long_name = g_strnfill (RW_TAG_MAX_CHARS + 1, 'x');
  g_autofree char *tags = NULL;

  edit_row (f, "rain", long_name);
  g_assert_nonnull (rw_tags_window_get_row (f->window, "rain"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rw_tags_window_get_row (f->window, "rain"))),
                   ==, "rain");
  tags = tags_of (f, 2);
  g_assert_cmpstr (tags, ==, "rain");
}

static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *focus;

  /* Opened, nothing is in focus (no name half-selected for a stray key);
   * Tab goes to a tag's name. */
  g_assert_null (gtk_window_get_focus (GTK_WINDOW (f->window)));
  for (guint i = 0; i < 4; i++)
    {
      gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD);
      focus = gtk_window_get_focus (GTK_WINDOW (f->window));
      if (focus != NULL && gtk_widget_get_ancestor (focus, ADW_TYPE_ENTRY_ROW) != NULL)
        break;
    }
  g_assert_nonnull (focus);
  g_assert_nonnull (gtk_widget_get_ancestor (focus, ADW_TYPE_ENTRY_ROW));
}

static void
test_escape_closes (Fixture       *f,
                    gconstpointer  data)
{
  g_assert_true (rw_test_press_key (GTK_WIDGET (f->window), GDK_KEY_Escape, 0));
  rw_test_spin (2);
  g_assert_null (f->window);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) \
  g_test_add ("/tags/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("rename", test_rename);
  ADD ("merge-after-asking", test_merge_after_asking);
  ADD ("merge-action", test_merge_action);
  ADD ("delete-after-asking", test_delete_after_asking);
  ADD ("delete-button-points-at-the-action", test_delete_button_points_at_the_action);
  ADD ("follows-the-journal", test_follows_the_journal);
  ADD ("invalid-name-refused", test_invalid_name_refused);
  ADD ("keyboard", test_keyboard);
  ADD ("escape-closes", test_escape_closes);

#undef ADD

  return g_test_run ();
}
