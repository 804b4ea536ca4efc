/* test-questionnaire-window.c: the PHQ-9 and GAD-7 window under Xvfb.
 * Answering every item through its toggles and saving stores the right
 * total and shows it with its band; Save waits for every item; item 9
 * above 0 shows the offer with the person's crisis line after the save,
 * every time, and not otherwise; the history lists and deletes with Undo;
 * a questionnaire due shows on the Today card with a button to start it.
 *
 * With REWIRE_SCREENSHOT_DIR set, the windows are also drawn to PNG files
 * there (docs/screenshots/ is made this way, see build-aux/screenshots).
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "rw-journal-page.h"
#include "rw-journal-private.h"
#include "rw-questionnaire-window.h"
#include "rw-test-ui.h"
#include "rw-test-util.h"

typedef struct
{
  char *dir;
  RwJournal *journal;
  GSettings *settings;
  RwClock *clock;
  RwContext *context;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = rw_test_make_dir ();
  f->journal = rw_journal_open (f->dir, &error);
  g_assert_no_error (error);
  f->settings = rw_settings_new ();
  g_settings_set_string (f->settings, "country", "US");
  f->clock = rw_clock_new_manual ("2026-11-22", "09:00");
  f->context = rw_context_new (f->journal, f->settings, f->clock);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  rw_test_spin (2);
  g_settings_reset (f->settings, "country");
  g_clear_object (&f->context);
  g_clear_object (&f->clock);
  g_clear_object (&f->settings);
  g_clear_object (&f->journal);
  rw_test_remove_dir (f->dir);
  g_free (f->dir);
}

static gboolean
match_name (GtkWidget     *widget,
            gconstpointer  data)
{
  return g_strcmp0 (gtk_widget_get_name (widget), data) == 0;
}

/* Chooses @value for @item as a click does. */
static void
answer (RwQuestionnaireWindow *window,
        guint                  item,
        guint                  value)
{
  g_autofree char *name = g_strdup_printf ("answer-%u-%u", item, value);
  GtkWidget *button = rw_test_find (GTK_WIDGET (window), match_name, name);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_focusable (button));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
}

static void
maybe_screenshot (GtkWidget  *widget,
                  const char *name)
{
  const char *dir = g_getenv ("REWIRE_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int width, height;

  if (dir == NULL)
    return;
  rw_test_wait (400);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  renderer = gtk_native_get_renderer (GTK_NATIVE (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static RwQuestionnaireWindow *
open_window_over (Fixture             *f,
                  GtkWindow           *parent,
                  RwQuestionnaireKind  kind)
{
  RwQuestionnaireWindow *window = rw_questionnaire_window_new (f->context, parent, kind);
  const char *width = g_getenv ("REWIRE_SCREENSHOT_WIDTH");

  /* Text at 1.5× for a look at large text. */
  if (g_getenv ("REWIRE_SCREENSHOT_LARGE_TEXT") != NULL)
    g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", 147456, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), width != NULL ? atoi (width) : 600,
                               width != NULL ? 740 : 900);
  gtk_window_present (GTK_WINDOW (window));
  rw_test_spin (3);
  return window;
}

static RwQuestionnaireWindow *
open_window (Fixture             *f,
             RwQuestionnaireKind  kind)
{
  return open_window_over (f, NULL, kind);
}

static void
test_answer_and_save (Fixture       *f,
                      gconstpointer  data)
{
  static const guint answers[] = { 2, 1, 3, 2, 0, 1, 2, 1, 0 };  /* 12: moderate */
  RwQuestionnaireWindow *window = open_window (f, RW_QUESTIONNAIRE_PHQ9);
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GError) error = NULL;
  RwAssessment *saved;

  /* The form as published: instructions on top, attribution at the bottom. */
  g_assert_nonnull (rw_test_find_label (GTK_WIDGET (window), "Over the last 2 weeks, how often"));
  g_assert_nonnull (rw_test_find_label (GTK_WIDGET (window), "9. Thoughts that you would be better off dead"));
  g_assert_nonnull (rw_test_find_label (GTK_WIDGET (window), "with an educational grant from Pfizer Inc."));
  g_assert_nonnull (rw_test_find_label (GTK_WIDGET (window), "Nearly every day"));
  maybe_screenshot (GTK_WIDGET (window), "questionnaire.png");

  /* Save waits for every item. */
  for (guint i = 0; i + 1 < G_N_ELEMENTS (answers); i++)
    answer (window, i, answers[i]);
  g_assert_false (gtk_widget_get_sensitive (rw_test_find (GTK_WIDGET (window), rw_test_match_button,
                                                          "_Save")));
  gtk_widget_activate_action (GTK_WIDGET (window), "questionnaire.save", NULL);
  g_assert_null (rw_questionnaire_window_get_saved (window));
  /* A change of mind counts only the last answer. */
  answer (window, 8, 2);
  answer (window, 8, answers[8]);
  answer (window, 9, 1);  /* the unscored question */
  /* Ctrl+S saves, as the Save button does. */
  g_assert_true (rw_test_press_key (GTK_WIDGET (window), GDK_KEY_s, GDK_CONTROL_MASK));
  rw_test_spin (3);

  g_assert_nonnull (rw_questionnaire_window_get_saved (window));
  stored = rw_journal_list_assessments (f->journal, RW_QUESTIONNAIRE_PHQ9, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 1);
  saved = g_ptr_array_index (stored, 0);
  g_assert_cmpuint (saved->total, ==, 12);
  g_assert_cmpint (saved->difficulty, ==, 1);
  g_assert_cmpuint (saved->answers[2], ==, 3);
  g_assert_cmpuint (saved->date, ==, rw_date_from_iso ("2026-11-22"));
  g_assert_cmpstr (saved->time, ==, "09:00");

  g_assert_nonnull (rw_test_find_label (GTK_WIDGET (window), "12 of 27"));
  g_assert_nonnull (rw_test_find_label (GTK_WIDGET (window), "in the moderate range"));
  g_assert_nonnull (rw_test_find_label (GTK_WIDGET (window), "not a diagnosis"));
  /* Item 9 at 0: no offer. */
  g_assert_false (rw_questionnaire_window_get_offer_shown (window));
  /* Saved once only. */
  gtk_widget_activate_action (GTK_WIDGET (window), "questionnaire.save", NULL);
  g_clear_pointer (&stored, g_ptr_array_unref);
  stored = rw_journal_list_assessments (f->journal, RW_QUESTIONNAIRE_PHQ9, NULL);
  g_assert_cmpuint (stored->len, ==, 1);
  g_assert_cmpuint (rw_questionnaire_window_get_n_history (window), ==, 1);
  saved = NULL;
  maybe_screenshot (GTK_WIDGET (window), "questionnaire-result.png");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
count_cb (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  (*(guint *) user_data)++;
}

static void
test_item9_offer (Fixture       *f,
                  gconstpointer  data)
{
  /* An application with the safety plan's action, as Rewire's has. */
  g_autoptr(GtkApplication) app = gtk_application_new ("io.github.rewire.Rewire.Test",
                                                       G_APPLICATION_NON_UNIQUE);
  g_autoptr(GSimpleAction) safety_plan = g_simple_action_new ("safety-plan", NULL);
  GtkWindow *parent;
  guint opened = 0;

  g_signal_connect (safety_plan, "activate", G_CALLBACK (count_cb), &opened);
  g_action_map_add_action (G_ACTION_MAP (app), G_ACTION (safety_plan));
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  parent = GTK_WINDOW (gtk_application_window_new (app));

  /* Twice the same day: the offer shows both times. */
  for (guint round = 0; round < 2; round++)
    {
      RwQuestionnaireWindow *window = open_window_over (f, parent, RW_QUESTIONNAIRE_PHQ9);
      g_autoptr(GPtrArray) stored = NULL;
      GtkWidget *plan_button;

      for (guint i = 0; i < 8; i++)
        answer (window, i, 1);
      answer (window, 8, 1);
      g_assert_false (rw_questionnaire_window_get_offer_shown (window));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "questionnaire.save", NULL));
      rw_test_spin (3);

      /* Saved first. */
      stored = rw_journal_list_assessments (f->journal, RW_QUESTIONNAIRE_PHQ9, NULL);
      g_assert_cmpuint (stored->len, ==, round + 1);

      g_assert_true (rw_questionnaire_window_get_offer_shown (window));
      g_assert_nonnull (rw_test_find_label (GTK_WIDGET (window), "Nobody reads this journal"));
      g_assert_nonnull (rw_test_find_label (GTK_WIDGET (window),
                                            "Call or text 988 (988 Suicide & Crisis Lifeline)."));
      g_assert_nonnull (rw_test_find_label (GTK_WIDGET (window), "call 911"));
      g_assert_nonnull (rw_test_find_label (GTK_WIDGET (window), "prescriber"));
      plan_button = rw_test_find (GTK_WIDGET (window), rw_test_match_button, "Open My _Safety Plan");
      g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (plan_button)), ==,
                       "app.safety-plan");
      g_assert_true (gtk_widget_is_visible (plan_button));
      g_signal_emit_by_name (plan_button, "clicked");
      rw_test_spin (2);
      g_assert_cmpuint (opened, ==, round + 1);
      g_assert_nonnull (rw_test_find (GTK_WIDGET (window), rw_test_match_button, "_Get Help Now"));
      /* Not a dialog: nothing is modal. */
      g_assert_false (gtk_window_get_modal (GTK_WINDOW (window)));
      if (round == 0)
        maybe_screenshot (GTK_WIDGET (window), "item9-offer.png");
      gtk_window_destroy (GTK_WINDOW (window));
      rw_test_spin (2);
    }

  gtk_window_destroy (parent);
  rw_test_spin (2);

  /* GAD-7, all at 3: no offer (it has no such item). */
  {
    RwQuestionnaireWindow *window = open_window (f, RW_QUESTIONNAIRE_GAD7);

    for (guint i = 0; i < 7; i++)
      answer (window, i, 3);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "questionnaire.save", NULL));
    rw_test_spin (3);
    g_assert_nonnull (rw_test_find_label (GTK_WIDGET (window), "21 of 21"));
    g_assert_false (rw_questionnaire_window_get_offer_shown (window));
    gtk_window_destroy (GTK_WINDOW (window));
  }
}

static void
save_direct (Fixture             *f,
             RwQuestionnaireKind  kind,
             const char          *date,
             const char          *answers)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RwAssessment) a = rw_assessment_parse (kind, answers, -1, &error);

  g_assert_no_error (error);
  a->date = rw_date_from_iso (date);
  g_assert_true (rw_journal_save_assessment (f->journal, a, &error));
  g_assert_no_error (error);
}

static void
test_history_delete_undo (Fixture       *f,
                          gconstpointer  data)
{
  RwQuestionnaireWindow *window;
  g_autoptr(GPtrArray) stored = NULL;
  g_autofree char *id = NULL;

  save_direct (f, RW_QUESTIONNAIRE_GAD7, "2026-10-25", "3,2,2,2,1,2,2");
  save_direct (f, RW_QUESTIONNAIRE_GAD7, "2026-11-08", "2,2,1,2,1,1,1");
  save_direct (f, RW_QUESTIONNAIRE_GAD7, "2026-11-22", "1,1,1,0,1,1,0");
  save_direct (f, RW_QUESTIONNAIRE_PHQ9, "2026-11-22", "0,0,0,0,0,0,0,0,0");
  window = open_window (f, RW_QUESTIONNAIRE_GAD7);
  g_assert_cmpuint (rw_questionnaire_window_get_n_history (window), ==, 3);
  g_assert_nonnull (rw_test_find_label (GTK_WIDGET (window), "14 of 21: moderate"));

  stored = rw_journal_list_assessments (f->journal, RW_QUESTIONNAIRE_GAD7, NULL);
  id = g_strdup (((RwAssessment *) g_ptr_array_index (stored, 0))->id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "questionnaire.delete", "s", id));
  rw_test_spin (2);
  g_assert_cmpuint (rw_questionnaire_window_get_n_history (window), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "questionnaire.undo", NULL));
  rw_test_spin (2);
  g_assert_cmpuint (rw_questionnaire_window_get_n_history (window), ==, 3);

  /* Deleted and the window closed: gone for good. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "questionnaire.delete", "s", id));
  rw_test_spin (2);
  if (g_getenv ("REWIRE_SCREENSHOT_DIR") != NULL)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "questionnaire.undo", NULL));
      adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (rw_test_find_type (GTK_WIDGET (window),
                                                                                ADW_TYPE_VIEW_STACK)),
                                             "history");
      maybe_screenshot (GTK_WIDGET (window), "questionnaire-history.png");
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "questionnaire.delete", "s", id));
    }
  gtk_window_destroy (GTK_WINDOW (window));
  rw_test_spin (2);
  g_assert_true (rw_journal_unhide_assessment (f->journal, id, NULL));
  g_clear_pointer (&stored, g_ptr_array_unref);
  stored = rw_journal_list_assessments (f->journal, RW_QUESTIONNAIRE_GAD7, NULL);
  g_assert_cmpuint (stored->len, ==, 2);
}

static void
test_due_on_today_card (Fixture       *f,
                        gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  RwJournalPage *page;
  const char *text;

  gtk_window_set_default_size (window, 800, 700);
  page = rw_journal_page_new (f->context);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  rw_test_spin (3);

  /* Nothing due before a first one. */
  g_assert_null (rw_journal_page_get_questionnaire_due_text (page));

  /* 13 days ago: not yet; 14: due, with a button to start it. */
  save_direct (f, RW_QUESTIONNAIRE_GAD7, "2026-11-09", "0,0,0,0,0,0,0");
  rw_journal_page_refresh_today (page);
  g_assert_null (rw_journal_page_get_questionnaire_due_text (page));
  save_direct (f, RW_QUESTIONNAIRE_PHQ9, "2026-11-08", "0,0,0,0,0,0,0,0,0");
  rw_journal_page_refresh_today (page);
  rw_test_spin (2);
  text = rw_journal_page_get_questionnaire_due_text (page);
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, "Your PHQ-9 is due"));
  g_assert_nonnull (rw_test_find (GTK_WIDGET (page), rw_test_match_button, "_Start PHQ-9"));

  /* The person's choice, in the window: due again after a session done. */
  {
    RwQuestionnaireWindow *q = open_window (f, RW_QUESTIONNAIRE_GAD7);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (q), "questionnaire.restart-after-session",
                                               NULL));
    g_assert_true (rw_journal_get_assessment_restart (f->journal));
    gtk_window_destroy (GTK_WINDOW (q));
  }
  g_assert_true (rw_database_exec (rw_journal_get_database (f->journal),
                                   "INSERT INTO sessions (uuid, date, done, created, modified) "
                                   "VALUES ('s1', '2026-11-20', 1, 0, 0)", NULL));
  rw_journal_page_refresh_today (page);
  text = rw_journal_page_get_questionnaire_due_text (page);
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, "Your PHQ-9 is due"));

  /* Done today: PHQ-9 no longer due; GAD-7 is (after the session). */
  save_direct (f, RW_QUESTIONNAIRE_PHQ9, "2026-11-22", "0,0,0,0,0,0,0,0,0");
  rw_journal_page_refresh_today (page);
  g_assert_nonnull (strstr (rw_journal_page_get_questionnaire_due_text (page), "Your GAD-7 is due"));
  save_direct (f, RW_QUESTIONNAIRE_GAD7, "2026-11-22", "0,0,0,0,0,0,0");
  rw_journal_page_refresh_today (page);
  g_assert_null (rw_journal_page_get_questionnaire_due_text (page));

  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Without animations: libadwaita 1.2 can free a toast its slide
   * animation still refers to (fixed in 1.3), which crashed under load. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(name, func) \
  g_test_add ("/questionnaire-window/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("answer-and-save", test_answer_and_save);
  ADD ("item9-offer", test_item9_offer);
  ADD ("history-delete-undo", test_history_delete_undo);
  ADD ("due-on-today-card", test_due_on_today_card);

#undef ADD

  return g_test_run ();
}
