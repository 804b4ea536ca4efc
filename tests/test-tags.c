/* test-tags.c: renaming, merging and deleting tags in the tag manager, in a
 * real X server, through its rows and confirmation dialogs.
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "rw-tags-window.h"
#include "rw-test-util.h"

typedef struct
{
  char *dir;
  RwDatabase *db;
  RwCheckInStore *store;
  RwTagsWindow *window;
  char *ids[3];
} Fixture;

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

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
  g_assert_true (rw_check_in_store_add (f->store, check_in, &error));
  g_assert_no_error (error);
  return g_strdup (rw_check_in_get_id (check_in));
}

static char *
tags_of (Fixture *f,
         guint    i)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RwCheckIn) check_in = rw_check_in_sql_load (f->db, f->ids[i], &error);

  g_assert_no_error (error);
  return g_strjoinv (",", (char **) rw_check_in_get_tags (check_in));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = rw_test_make_dir ();
  f->db = rw_database_open (f->dir, &error);
  g_assert_no_error (error);
  f->store = rw_check_in_store_new (f->db);
  f->ids[0] = add (f, "walk");
  f->ids[1] = add (f, "walking");
  f->ids[2] = add (f, "rain");

  f->window = rw_tags_window_new (f->store);
  gtk_window_present (GTK_WINDOW (f->window));
  spin ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  spin ();
  g_clear_object (&f->store);
  g_clear_object (&f->db);
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
  spin ();
}

static void
test_rename (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *tags = NULL;

  /* The seeded habit tags are listed too, unused. */
  g_assert_nonnull (rw_tags_window_get_row (f->window, "meditation"));

  edit_row (f, "rain", "  Weather ");
  g_assert_null (rw_tags_window_get_dialog (f->window));
  g_assert_null (rw_tags_window_get_row (f->window, "rain"));
  g_assert_nonnull (rw_tags_window_get_row (f->window, "Weather"));
  tags = tags_of (f, 2);
  g_assert_cmpstr (tags, ==, "Weather");
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
  spin ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rw_tags_window_get_row (f->window, "walking"))),
                   ==, "walking");
  second = tags_of (f, 1);
  g_assert_cmpstr (second, ==, "walking");
  g_clear_pointer (&second, g_free);

  /* Confirmed: both check-ins carry "walk" and "walking" is gone. */
  edit_row (f, "walking", "WALK");
  dialog = rw_tags_window_get_dialog (f->window);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "merge");
  spin ();
  g_assert_null (rw_tags_window_get_row (f->window, "walking"));
  first = tags_of (f, 0);
  second = tags_of (f, 1);
  g_assert_cmpstr (first, ==, "walk");
  g_assert_cmpstr (second, ==, "walk");
}

static void
test_delete_after_asking (Fixture       *f,
                          gconstpointer  data)
{
  AdwEntryRow *row = rw_tags_window_get_row (f->window, "rain");
  GtkWidget *button = NULL;
  AdwMessageDialog *dialog;
  g_autofree char *tags = NULL;
  gint64 count = 0;

  /* The delete button is the row's last suffix: find it by its label. */
  for (GtkWidget *w = GTK_WIDGET (row); w != NULL && button == NULL; )
    {
      GtkWidget *next = gtk_widget_get_first_child (w);

      if (GTK_IS_BUTTON (w) && g_strcmp0 (gtk_widget_get_tooltip_text (w), "Delete the tag “rain”") == 0)
        button = w;
      while (next == NULL && w != GTK_WIDGET (row))
        {
          next = gtk_widget_get_next_sibling (w);
          if (next == NULL)
            w = gtk_widget_get_parent (w);
        }
      w = next;
    }
  g_assert_nonnull (button);

  g_signal_emit_by_name (button, "clicked");
  spin ();
  dialog = rw_tags_window_get_dialog (f->window);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "delete");
  spin ();

  g_assert_null (rw_tags_window_get_row (f->window, "rain"));
  tags = tags_of (f, 2);
  g_assert_cmpstr (tags, ==, "");
  g_assert_true (rw_check_in_sql_count (f->db, &count, NULL, NULL, NULL));
  g_assert_cmpint (count, ==, 3);
}

static void
test_invalid_name_refused (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *long_name = g_strnfill (RW_TAG_MAX_CHARS + 1, 'x');
  g_autofree char *tags = NULL;

  edit_row (f, "rain", long_name);
  g_assert_nonnull (rw_tags_window_get_row (f->window, "rain"));
  tags = tags_of (f, 2);
  g_assert_cmpstr (tags, ==, "rain");
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
  ADD ("delete-after-asking", test_delete_after_asking);
  ADD ("invalid-name-refused", test_invalid_name_refused);

#undef ADD

  return g_test_run ();
}
