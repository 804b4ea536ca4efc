/* test-editor.c: the check-in editor, driven through its actions and
 * widgets in a real X server.
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "rw-check-in-editor.h"
#include "rw-core-sql.h"
#include "rw-journal-private.h"
#include "rw-test-ui.h"
#include "rw-test-util.h"

typedef struct
{
  char *dir;
  RwJournal *journal;
  RwDatabase *db;
  RwClock *clock;
  GSettings *settings;
  RwContext *context;
  RwCheckIn *saved;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = rw_test_make_dir ();
  f->journal = rw_journal_open (f->dir, &error);
  g_assert_no_error (error);
  f->db = g_object_ref (rw_journal_get_database (f->journal));
  f->clock = rw_clock_new_manual ("2026-11-22", "08:30");
  f->settings = rw_settings_new ();
  f->context = rw_context_new (f->journal, f->settings, f->clock);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->saved);
  g_clear_object (&f->context);
  g_clear_object (&f->settings);
  g_clear_object (&f->db);
  g_clear_object (&f->journal);
  g_clear_object (&f->clock);
  rw_test_remove_dir (f->dir);
  g_free (f->dir);
}

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
saved_cb (RwCheckInEditor *editor,
          RwCheckIn       *check_in,
          Fixture         *f)
{
  g_set_object (&f->saved, check_in);
}

static RwCheckInEditor *
open_editor (Fixture   *f,
             RwCheckIn *check_in)
{
  RwCheckInEditor *editor = rw_check_in_editor_new (NULL, f->context, check_in);

  g_signal_connect (editor, "saved", G_CALLBACK (saved_cb), f);
  gtk_window_present (GTK_WINDOW (editor));
  spin ();
  return editor;
}

static void
type_tag (RwCheckInEditor *editor,
          const char      *text)
{
  GtkEditable *entry = rw_check_in_editor_get_tag_entry (editor);

  gtk_editable_set_text (entry, text);
  g_signal_emit_by_name (entry, "activate");
}

static guint
n_stored (Fixture *f)
{
  return rw_test_count_check_ins (f->db, NULL);
}

static RwCheckIn *
only_item (Fixture *f)
{
  g_autoptr(GPtrArray) stored = rw_test_list_check_ins (f->db, NULL);

  g_assert_cmpuint (stored->len, ==, 1);
  return g_object_ref (g_ptr_array_index (stored, 0));
}

static void
test_create (Fixture       *f,
             gconstpointer  data)
{
  RwCheckInEditor *editor = open_editor (f, NULL);
  g_autoptr(RwCheckIn) stored = NULL;
  const char *expected_tags[] = { "walk", "time with loved ones", NULL };

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);

  /* Nothing typed yet: defaults to now, nothing set. */
  g_assert_false (rw_check_in_editor_get_dirty (editor));

  gtk_range_set_value (rw_check_in_editor_get_metric_range (editor, RW_METRIC_MOOD), 7);
  gtk_range_set_value (rw_check_in_editor_get_metric_range (editor, RW_METRIC_ANXIETY), 0);
  gtk_spin_button_set_value (rw_check_in_editor_get_sleep_spin (editor), 7.25);
  type_tag (editor, "walk");
  /* A comma ends a tag as well. */
  gtk_editable_set_text (rw_check_in_editor_get_tag_entry (editor), "time with loved ones,");
  gtk_text_buffer_set_text (rw_check_in_editor_get_note_buffer (editor),
                            "Went out with my sister.\nFelt lighter.", -1);
  g_assert_true (rw_check_in_editor_get_dirty (editor));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  spin ();

  g_assert_null (editor);
  g_assert_nonnull (f->saved);
  stored = only_item (f);
  g_assert_cmpstr (rw_check_in_get_date (stored), ==, "2026-11-22");
  g_assert_cmpstr (rw_check_in_get_time (stored), ==, "08:30");
  g_assert_cmpint (rw_check_in_get_metric (stored, RW_METRIC_MOOD), ==, 7);
  g_assert_cmpint (rw_check_in_get_metric (stored, RW_METRIC_ANXIETY), ==, 0);
  g_assert_cmpint (rw_check_in_get_metric (stored, RW_METRIC_FOCUS), ==, RW_METRIC_UNSET);
  g_assert_cmpfloat (rw_check_in_get_sleep_hours (stored), ==, 7.25);
  g_assert_cmpstrv (rw_check_in_get_tags (stored), expected_tags);
  g_assert_cmpstr (rw_check_in_get_note (stored), ==, "Went out with my sister.\nFelt lighter.");

  /* Saving cleared the draft. */
  {
    g_autofree char *draft = rw_draft_load (f->db, "check-in-editor:new", NULL);
    g_assert_null (draft);
  }
}

static void
test_edit_and_backdate (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(RwCheckIn) original = rw_check_in_new ();
  g_autoptr(RwCheckIn) stored = NULL;
  RwCheckInEditor *editor;

  rw_check_in_set_date (original, "2026-11-20");
  rw_check_in_set_time (original, "09:00");
  rw_check_in_set_metric (original, RW_METRIC_MOOD, 3);
  rw_check_in_set_note (original, "first version");
  g_assert_true (rw_journal_add (f->journal, original, NULL));

  editor = open_editor (f, original);
  g_assert_false (rw_check_in_editor_get_is_new (editor));
  g_assert_cmpfloat (gtk_range_get_value (rw_check_in_editor_get_metric_range (editor, RW_METRIC_MOOD)), ==, 3);

  gtk_range_set_value (rw_check_in_editor_get_metric_range (editor, RW_METRIC_MOOD), 5);
  rw_check_in_editor_set_date (editor, "2026-11-02");
  rw_check_in_editor_set_time (editor, "21:15");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  spin ();

  stored = only_item (f);
  g_assert_cmpstr (rw_check_in_get_id (stored), ==, rw_check_in_get_id (original));
  g_assert_cmpint (rw_check_in_get_metric (stored, RW_METRIC_MOOD), ==, 5);
  g_assert_cmpstr (rw_check_in_get_date (stored), ==, "2026-11-02");
  g_assert_cmpstr (rw_check_in_get_time (stored), ==, "21:15");
  g_assert_cmpstr (rw_check_in_get_note (stored), ==, "first version");
}

static void
test_invalid_refused (Fixture       *f,
                      gconstpointer  data)
{
  RwCheckInEditor *editor = open_editor (f, NULL);
  g_autofree char *huge = g_strnfill (RW_NOTE_MAX_BYTES + 10, 'x');
  const char *error;

  /* A tag with a separator in it is refused where it is typed. */
  type_tag (editor, "a;b");
  g_assert_cmpstr (gtk_editable_get_text (rw_check_in_editor_get_tag_entry (editor)), ==, "a;b");

  gtk_editable_set_text (rw_check_in_editor_get_tag_entry (editor), "");
  gtk_text_buffer_set_text (rw_check_in_editor_get_note_buffer (editor), huge, -1);
  error = rw_check_in_editor_get_error (editor);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error, "64 KiB"));

  /* The Save button is off, and forcing the action saves nothing. */
  g_assert_false (gtk_widget_is_sensitive (rw_check_in_editor_get_save_button (editor)));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  spin ();
  g_assert_cmpuint (n_stored (f), ==, 0);

  gtk_text_buffer_set_text (rw_check_in_editor_get_note_buffer (editor), "short", -1);
  g_assert_null (rw_check_in_editor_get_error (editor));
  g_assert_true (gtk_widget_is_sensitive (rw_check_in_editor_get_save_button (editor)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  spin ();
  g_assert_cmpuint (n_stored (f), ==, 1);
}

static void
test_draft_restored (Fixture       *f,
                     gconstpointer  data)
{
  RwCheckInEditor *editor = open_editor (f, NULL);
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *note = NULL;

  gtk_range_set_value (rw_check_in_editor_get_metric_range (editor, RW_METRIC_HOPE), 6);
  type_tag (editor, "therapy");
  gtk_text_buffer_set_text (rw_check_in_editor_get_note_buffer (editor), "half-typed 思い", -1);
  /* The draft is kept a moment after typing stops. */
  rw_clock_advance (f->clock, G_USEC_PER_SEC);

  /* The window goes away as in a crash: nothing is saved as a check-in. */
  gtk_window_destroy (GTK_WINDOW (editor));
  spin ();
  g_assert_cmpuint (n_stored (f), ==, 0);

  editor = open_editor (f, NULL);
  g_assert_true (rw_check_in_editor_get_restored (editor));
  g_assert_cmpfloat (gtk_range_get_value (rw_check_in_editor_get_metric_range (editor, RW_METRIC_HOPE)), ==, 6);
  buffer = rw_check_in_editor_get_note_buffer (editor);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  note = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (note, ==, "half-typed 思い");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  spin ();
  {
    g_autoptr(RwCheckIn) stored = only_item (f);
    const char *tags[] = { "therapy", NULL };

    g_assert_cmpstrv (rw_check_in_get_tags (stored), tags);
  }
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  RwCheckInEditor *editor = open_editor (f, NULL);
  GList *toplevels;
  guint n_before;

  /* Nothing typed: Escape just closes. */
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.cancel", NULL));
  spin ();
  g_assert_null (editor);

  /* Something typed: it asks first and keeps the editor open. */
  editor = open_editor (f, NULL);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_text_buffer_set_text (rw_check_in_editor_get_note_buffer (editor), "keep me", -1);
  toplevels = gtk_window_list_toplevels ();
  n_before = g_list_length (toplevels);
  g_list_free (toplevels);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.cancel", NULL));
  spin ();
  g_assert_nonnull (editor);

  toplevels = gtk_window_list_toplevels ();
  g_assert_cmpuint (g_list_length (toplevels), ==, n_before + 1);
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      adw_message_dialog_response (ADW_MESSAGE_DIALOG (l->data), "discard");
  g_list_free (toplevels);
  spin ();
  g_assert_null (editor);
  g_assert_cmpuint (n_stored (f), ==, 0);
  {
    g_autofree char *draft = rw_draft_load (f->db, "check-in-editor:new", NULL);
    g_assert_null (draft);
  }
}

/* The message dialog the editor shows, if any. */
static AdwMessageDialog *
find_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static void
test_future_date_asks (Fixture       *f,
                       gconstpointer  data)
{
  RwCheckInEditor *editor = open_editor (f, NULL);
  AdwMessageDialog *dialog;

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_range_set_value (rw_check_in_editor_get_metric_range (editor, RW_METRIC_MOOD), 6);
  rw_check_in_editor_set_date (editor, "2026-11-25");

  /* Saving asks first, and Cancel keeps the editor as it was. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  spin ();
  g_assert_cmpuint (n_stored (f), ==, 0);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "Future Date"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "25 November"));
  adw_message_dialog_response (dialog, "cancel");
  spin ();
  g_assert_cmpuint (n_stored (f), ==, 0);
  g_assert_nonnull (editor);

  /* Save Anyway saves it, as dated. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  spin ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "save");
  spin ();
  g_assert_null (editor);
  {
    g_autoptr(RwCheckIn) stored = only_item (f);
    g_assert_cmpstr (rw_check_in_get_date (stored), ==, "2026-11-25");
  }

  /* Today saves without a question. */
  editor = open_editor (f, NULL);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_range_set_value (rw_check_in_editor_get_metric_range (editor, RW_METRIC_MOOD), 4);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  spin ();
  g_assert_null (find_dialog ());
  g_assert_null (editor);
  g_assert_cmpuint (n_stored (f), ==, 2);
}

static void
test_ctrl_enter_in_note (Fixture       *f,
                         gconstpointer  data)
{
  guint keys[] = { GDK_KEY_Return, GDK_KEY_KP_Enter };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      RwCheckInEditor *editor = open_editor (f, NULL);
      GtkTextBuffer *buffer = rw_check_in_editor_get_note_buffer (editor);
      GtkWidget *note = rw_test_find_type (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW);

      g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
      gtk_text_buffer_set_text (buffer, "Slept badly", -1);
      gtk_widget_grab_focus (note);

      /* The note's own keys: Ctrl+Enter saves what is typed, as is. */
      g_assert_true (rw_test_press_key (note, keys[i], GDK_CONTROL_MASK));
      spin ();
      g_assert_null (editor);
      g_assert_cmpuint (n_stored (f), ==, i + 1);
      g_assert_nonnull (f->saved);
      g_assert_cmpstr (rw_check_in_get_note (f->saved), ==, "Slept badly");
    }
}

static void
test_starts_on_mood (Fixture       *f,
                     gconstpointer  data)
{
  RwCheckInEditor *editor = open_editor (f, NULL);
  GtkWidget *mood = GTK_WIDGET (rw_check_in_editor_get_metric_range (editor, RW_METRIC_MOOD));
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (editor));

  /* The first key typed goes to the mood scale, not to Cancel. */
  g_assert_true (focus == mood);
  g_assert_true (gtk_widget_has_focus (mood));

  /* Read out as "Not set", not as the slider's -1. */
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (mood),
                                                   GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (mood), GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT,
                                       "Not set");
  gtk_range_set_value (GTK_RANGE (mood), 6);
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (mood),
                                                    GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT));
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_first_arrow_from_middle (Fixture       *f,
                              gconstpointer  data)
{
  struct {
    guint keyval;
    double first;
    double second;
  } cases[] = {
    { GDK_KEY_Right, 5, 6 },
    { GDK_KEY_Left, 5, 4 },
    { GDK_KEY_Up, 5, 6 },
    { GDK_KEY_Down, 5, 4 },
    { GDK_KEY_Page_Up, 5, 6 },
  };
  RwCheckInEditor *editor = open_editor (f, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GtkRange *range = rw_check_in_editor_get_metric_range (editor, i % RW_N_METRICS);

      g_assert_cmpfloat (gtk_range_get_value (range), <, 0);
      /* An unset scale's first press starts in the middle... */
      g_assert_true (rw_test_press_key (GTK_WIDGET (range), cases[i].keyval, 0));
      g_assert_cmpfloat (gtk_range_get_value (range), ==, cases[i].first);
      /* ...and the next ones move it a step as usual. */
      g_assert_true (rw_test_press_key (GTK_WIDGET (range), cases[i].keyval, 0));
      g_assert_cmpfloat (gtk_range_get_value (range), ==, cases[i].second);
    }

  /* Home still leaves a scale not set. */
  {
    GtkRange *mood = rw_check_in_editor_get_metric_range (editor, RW_METRIC_MOOD);
    g_autoptr(RwCheckIn) shown = NULL;

    g_assert_true (rw_test_press_key (GTK_WIDGET (mood), GDK_KEY_Home, 0));
    shown = rw_check_in_editor_dup_check_in (editor);
    g_assert_cmpint (rw_check_in_get_metric (shown, RW_METRIC_MOOD), ==, RW_METRIC_UNSET);
  }
  gtk_window_destroy (GTK_WINDOW (editor));
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's in-process accessibility backend, so tests can read what a
   * screen reader would be told (no bus needed). */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) \
  g_test_add ("/editor/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("create", test_create);
  ADD ("edit-and-backdate", test_edit_and_backdate);
  ADD ("invalid-refused", test_invalid_refused);
  ADD ("draft-restored", test_draft_restored);
  ADD ("cancel", test_cancel);
  ADD ("future-date-asks", test_future_date_asks);
  ADD ("ctrl-enter-in-note", test_ctrl_enter_in_note);
  ADD ("starts-on-mood", test_starts_on_mood);
  ADD ("first-arrow-from-middle", test_first_arrow_from_middle);

#undef ADD

  return g_test_run ();
}
