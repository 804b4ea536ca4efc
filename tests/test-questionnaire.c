/* test-questionnaire.c: PHQ-9 and GAD-7 as published (their text and its
 * checks), both scorings at every band edge, answers as typed, storage
 * with Undo, when the next is due, and the item-9 rule.
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "rw-core-sql.h"
#include "rw-journal-private.h"
#include "rw-test-util.h"

static const struct
{
  RwQuestionnaireKind kind;
  guint total;
  RwQuestionnaireBand band;
} edges[] = {
  { RW_QUESTIONNAIRE_PHQ9, 0, RW_QUESTIONNAIRE_BAND_MINIMAL },
  { RW_QUESTIONNAIRE_PHQ9, 4, RW_QUESTIONNAIRE_BAND_MINIMAL },
  { RW_QUESTIONNAIRE_PHQ9, 5, RW_QUESTIONNAIRE_BAND_MILD },
  { RW_QUESTIONNAIRE_PHQ9, 9, RW_QUESTIONNAIRE_BAND_MILD },
  { RW_QUESTIONNAIRE_PHQ9, 10, RW_QUESTIONNAIRE_BAND_MODERATE },
  { RW_QUESTIONNAIRE_PHQ9, 14, RW_QUESTIONNAIRE_BAND_MODERATE },
  { RW_QUESTIONNAIRE_PHQ9, 15, RW_QUESTIONNAIRE_BAND_MODERATELY_SEVERE },
  { RW_QUESTIONNAIRE_PHQ9, 19, RW_QUESTIONNAIRE_BAND_MODERATELY_SEVERE },
  { RW_QUESTIONNAIRE_PHQ9, 20, RW_QUESTIONNAIRE_BAND_SEVERE },
  { RW_QUESTIONNAIRE_PHQ9, 27, RW_QUESTIONNAIRE_BAND_SEVERE },
  { RW_QUESTIONNAIRE_GAD7, 0, RW_QUESTIONNAIRE_BAND_MINIMAL },
  { RW_QUESTIONNAIRE_GAD7, 4, RW_QUESTIONNAIRE_BAND_MINIMAL },
  { RW_QUESTIONNAIRE_GAD7, 5, RW_QUESTIONNAIRE_BAND_MILD },
  { RW_QUESTIONNAIRE_GAD7, 9, RW_QUESTIONNAIRE_BAND_MILD },
  { RW_QUESTIONNAIRE_GAD7, 10, RW_QUESTIONNAIRE_BAND_MODERATE },
  { RW_QUESTIONNAIRE_GAD7, 14, RW_QUESTIONNAIRE_BAND_MODERATE },
  { RW_QUESTIONNAIRE_GAD7, 15, RW_QUESTIONNAIRE_BAND_SEVERE },
  { RW_QUESTIONNAIRE_GAD7, 21, RW_QUESTIONNAIRE_BAND_SEVERE },
};

/* Answers that add up to @total, as a person could give them. */
static void
fill (RwQuestionnaireKind kind,
      guint               total,
      guint8             *answers)
{
  guint n = rw_questionnaire_kind_n_items (kind);

  for (guint i = 0; i < n; i++)
    {
      answers[i] = MIN (total, 3);
      total -= answers[i];
    }
  g_assert_cmpuint (total, ==, 0);
}

static void
test_band_edges (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (edges); i++)
    {
      guint8 answers[RW_QUESTIONNAIRE_MAX_ITEMS] = { 0 };
      g_autoptr(RwAssessment) assessment = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *result = NULL;

      fill (edges[i].kind, edges[i].total, answers);
      assessment = rw_assessment_new (edges[i].kind, answers,
                                      rw_questionnaire_kind_n_items (edges[i].kind), -1, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (assessment->total, ==, edges[i].total);
      g_assert_cmpint (rw_questionnaire_band (edges[i].kind, assessment->total), ==,
                       edges[i].band);

      result = rw_questionnaire_dup_result (edges[i].kind, edges[i].total);
      g_assert_nonnull (strstr (result, rw_questionnaire_band_label (edges[i].band)));
      g_assert_nonnull (strstr (result, "not a diagnosis"));
      g_assert_null (strstr (result, "you have"));
    }

  g_assert_cmpuint (rw_questionnaire_kind_max_total (RW_QUESTIONNAIRE_PHQ9), ==, 27);
  g_assert_cmpuint (rw_questionnaire_kind_max_total (RW_QUESTIONNAIRE_GAD7), ==, 21);
}

static void
test_band_ranges (void)
{
  /* The ranges the chart shades join up with no gap or overlap. */
  for (RwQuestionnaireKind kind = 0; kind < RW_N_QUESTIONNAIRES; kind++)
    {
      guint next = 0;

      for (RwQuestionnaireBand band = 0; band <= RW_QUESTIONNAIRE_BAND_SEVERE; band++)
        {
          guint low, high;

          if (kind == RW_QUESTIONNAIRE_GAD7 && band == RW_QUESTIONNAIRE_BAND_MODERATELY_SEVERE)
            continue;
          rw_questionnaire_band_range (kind, band, &low, &high);
          g_assert_cmpuint (low, ==, next);
          g_assert_cmpint (rw_questionnaire_band (kind, low), ==, band);
          g_assert_cmpint (rw_questionnaire_band (kind, high), ==, band);
          next = high + 1;
        }
      g_assert_cmpuint (next, ==, rw_questionnaire_kind_max_total (kind) + 1);
    }
}

static void
test_text (void)
{
  static const struct
  {
    RwQuestionnaireKind kind;
    guint n_items;
    const char *instructions;
    const char *first;
    const char *last;
    const char *difficulty;
    const char *doi;
  } forms[] = {
    { RW_QUESTIONNAIRE_PHQ9, 9,
      "Over the last 2 weeks, how often have you been bothered by any of the following problems?",
      "Little interest or pleasure in doing things",
      "Thoughts that you would be better off dead or of hurting yourself in some way",
      "If you checked off any problems, how difficult have these problems made it for you to do "
      "your work, take care of things at home, or get along with other people?",
      "doi:10.1046/j.1525-1497.2001.016009606.x" },
    { RW_QUESTIONNAIRE_GAD7, 7,
      "Over the last 2 weeks, how often have you been bothered by the following problems?",
      "Feeling nervous, anxious, or on edge",
      "Feeling afraid as if something awful might happen",
      "If you checked off any problems, how difficult have these made it for you to do your "
      "work, take care of things at home, or get along with other people?",
      "doi:10.1001/archinte.166.10.1092" },
  };
  static const char *answers[] = { "Not at all", "Several days", "More than half the days",
                                   "Nearly every day" };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RwQuestionnaire) form = rw_questionnaire_load (forms[i].kind, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (rw_questionnaire_get_n_items (form), ==, forms[i].n_items);
      g_assert_cmpstr (form->language, ==, "en");
      g_assert_cmpstr (form->instructions, ==, forms[i].instructions);
      g_assert_cmpstr (g_ptr_array_index (form->items, 0), ==, forms[i].first);
      g_assert_cmpstr (g_ptr_array_index (form->items, forms[i].n_items - 1), ==, forms[i].last);
      g_assert_cmpstr (form->difficulty, ==, forms[i].difficulty);
      for (guint a = 0; a < G_N_ELEMENTS (answers); a++)
        g_assert_cmpstr (form->answers[a], ==, answers[a]);
      g_assert_cmpstr (form->difficulty_answers[0], ==, "Not difficult at all");
      g_assert_cmpstr (form->difficulty_answers[3], ==, "Extremely difficult");
      g_assert_cmpstr (form->attribution, ==,
                       "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke "
                       "and colleagues, with an educational grant from Pfizer Inc. No permission "
                       "required to reproduce, translate, display or distribute.");
      g_assert_nonnull (strstr (form->citation, forms[i].doi));
    }
}

static const struct
{
  RwQuestionnaireKind kind;
  const char *typed;
  guint total;        /* or G_MAXUINT for a refusal */
  const char *message;
} typed[] = {
  { RW_QUESTIONNAIRE_PHQ9, "0,1,2,3,0,1,2,3,1", 13, NULL },
  { RW_QUESTIONNAIRE_PHQ9, " 3, 3,3,3,3,3,3,3,3 ", 27, NULL },
  { RW_QUESTIONNAIRE_GAD7, "0,0,0,0,0,0,0", 0, NULL },
  { RW_QUESTIONNAIRE_PHQ9, "0,1,2", G_MAXUINT, "9 items: give 9 answers, not 3" },
  { RW_QUESTIONNAIRE_GAD7, "0,1,2,3,0,1,2,3,1", G_MAXUINT, "7 items: give 7 answers, not 9" },
  { RW_QUESTIONNAIRE_GAD7, "0,1,2,4,0,1,2", G_MAXUINT, "Answer 4 must be 0, 1, 2 or 3, not “4”" },
  { RW_QUESTIONNAIRE_GAD7, "0,1,,1,0,1,2", G_MAXUINT, "Answer 3 must be 0, 1, 2 or 3, not “”" },
  { RW_QUESTIONNAIRE_GAD7, "0,1,-1,1,0,1,2", G_MAXUINT, "Answer 3 must be" },
  { RW_QUESTIONNAIRE_GAD7, "0,1,x,1,0,1,2", G_MAXUINT, "Answer 3 must be" },
};

static void
test_parse (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RwAssessment) assessment = rw_assessment_parse (typed[i].kind, typed[i].typed,
                                                                -1, &error);

      if (typed[i].message == NULL)
        {
          g_assert_no_error (error);
          g_assert_cmpuint (assessment->total, ==, typed[i].total);
        }
      else
        {
          g_assert_null (assessment);
          g_assert_error (error, RW_VALIDATION_ERROR, RW_VALIDATION_ERROR_INVALID);
          if (strstr (error->message, typed[i].message) == NULL)
            g_error ("“%s”: “%s” does not say “%s”", typed[i].typed, error->message,
                     typed[i].message);
        }
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RwAssessment) bad = rw_assessment_parse (RW_QUESTIONNAIRE_GAD7, "0,0,0,0,0,0,0", 4,
                                                       &error);
    g_assert_null (bad);
    g_assert_error (error, RW_VALIDATION_ERROR, RW_VALIDATION_ERROR_INVALID);
  }
}

typedef struct
{
  char *dir;
  RwDatabase *db;
  RwJournal *journal;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = rw_test_make_dir ();
  f->db = rw_database_open (f->dir, &error);
  g_assert_no_error (error);
  f->journal = rw_journal_new_for_database (f->db);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->journal);
  g_clear_object (&f->db);
  rw_test_remove_dir (f->dir);
  g_free (f->dir);
}

static RwAssessment *
save (Fixture             *f,
      RwQuestionnaireKind  kind,
      const char          *date,
      const char          *answers,
      int                  difficulty)
{
  g_autoptr(GError) error = NULL;
  RwAssessment *assessment = rw_assessment_parse (kind, answers, difficulty, &error);

  g_assert_no_error (error);
  assessment->date = rw_date_from_iso (date);
  g_assert_true (rw_journal_save_assessment (f->journal, assessment, &error));
  g_assert_no_error (error);
  g_assert_nonnull (assessment->id);
  return assessment;
}

static void
test_storage (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RwAssessment) first = save (f, RW_QUESTIONNAIRE_PHQ9, "2026-11-01", "1,1,1,1,1,1,1,1,0", 2);
  g_autoptr(RwAssessment) second = save (f, RW_QUESTIONNAIRE_PHQ9, "2026-11-15", "0,0,0,0,0,0,0,0,0", -1);
  g_autoptr(RwAssessment) anxiety = save (f, RW_QUESTIONNAIRE_GAD7, "2026-11-10", "3,3,3,3,3,3,3", 1);
  g_autoptr(GPtrArray) phq = NULL;
  g_autoptr(GPtrArray) all = NULL;
  RwAssessment *read;

  phq = rw_journal_list_assessments (f->journal, RW_QUESTIONNAIRE_PHQ9, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (phq->len, ==, 2);
  read = g_ptr_array_index (phq, 0);
  g_assert_cmpstr (read->id, ==, second->id);
  g_assert_cmpint (read->difficulty, ==, -1);
  read = g_ptr_array_index (phq, 1);
  g_assert_cmpstr (read->id, ==, first->id);
  g_assert_cmpuint (read->total, ==, 8);
  g_assert_cmpint (read->difficulty, ==, 2);
  g_assert_cmpuint (read->answers[0], ==, 1);
  g_assert_cmpuint (read->answers[8], ==, 0);
  g_assert_cmpuint (read->date, ==, rw_date_from_iso ("2026-11-01"));

  all = rw_journal_list_assessments (f->journal, RW_N_QUESTIONNAIRES, &error);
  g_assert_cmpuint (all->len, ==, 3);
  g_assert_cmpuint (rw_journal_get_last_assessment (f->journal, RW_QUESTIONNAIRE_GAD7), ==,
                    rw_date_from_iso ("2026-11-10"));

  /* Delete, Undo, delete and purge. */
  g_assert_true (rw_journal_hide_assessment (f->journal, second->id, &error));
  g_clear_pointer (&phq, g_ptr_array_unref);
  phq = rw_journal_list_assessments (f->journal, RW_QUESTIONNAIRE_PHQ9, &error);
  g_assert_cmpuint (phq->len, ==, 1);
  g_assert_cmpuint (rw_journal_get_last_assessment (f->journal, RW_QUESTIONNAIRE_PHQ9), ==,
                    rw_date_from_iso ("2026-11-01"));
  g_assert_true (rw_journal_unhide_assessment (f->journal, second->id, &error));
  g_assert_cmpuint (rw_journal_get_last_assessment (f->journal, RW_QUESTIONNAIRE_PHQ9), ==,
                    rw_date_from_iso ("2026-11-15"));
  g_assert_true (rw_journal_hide_assessment (f->journal, second->id, &error));
  g_assert_true (rw_journal_purge_hidden_assessments (f->journal, &error));
  g_assert_no_error (error);
  g_assert_true (rw_journal_unhide_assessment (f->journal, second->id, &error));
  g_clear_pointer (&phq, g_ptr_array_unref);
  phq = rw_journal_list_assessments (f->journal, RW_QUESTIONNAIRE_PHQ9, &error);
  g_assert_cmpuint (phq->len, ==, 1);
}

static void
add_session (Fixture    *f,
             const char *date,
             gboolean    done)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("INSERT INTO sessions (uuid, date, done, created, modified) "
                                          "VALUES ('%s', '%s', %d, 0, 0)",
                                          date, date, done ? 1 : 0);

  g_assert_true (rw_database_exec (f->db, sql, &error));
  g_assert_no_error (error);
}

static void
test_due (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(RwAssessment) a = NULL;
  g_autoptr(GError) error = NULL;
  guint32 nov1 = rw_date_from_iso ("2026-11-01");

  /* Nothing is due before a first one. */
  g_assert_cmpuint (rw_journal_get_assessment_due (f->journal, RW_QUESTIONNAIRE_PHQ9), ==, 0);
  g_assert_false (rw_journal_is_assessment_due (f->journal, RW_QUESTIONNAIRE_PHQ9, nov1 + 100));

  a = save (f, RW_QUESTIONNAIRE_PHQ9, "2026-11-01", "0,0,0,0,0,0,0,0,0", -1);
  g_assert_cmpuint (rw_journal_get_assessment_due (f->journal, RW_QUESTIONNAIRE_PHQ9), ==, nov1 + 14);
  g_assert_false (rw_journal_is_assessment_due (f->journal, RW_QUESTIONNAIRE_PHQ9, nov1 + 13));
  g_assert_true (rw_journal_is_assessment_due (f->journal, RW_QUESTIONNAIRE_PHQ9, nov1 + 14));
  /* The other kind keeps its own count. */
  g_assert_cmpuint (rw_journal_get_assessment_due (f->journal, RW_QUESTIONNAIRE_GAD7), ==, 0);

  /* A session done after it counts only when the person chose so; one
   * scheduled (not done) never does. */
  add_session (f, "2026-11-05", TRUE);
  add_session (f, "2026-11-03", FALSE);
  g_assert_cmpuint (rw_journal_get_assessment_due (f->journal, RW_QUESTIONNAIRE_PHQ9), ==, nov1 + 14);
  g_assert_false (rw_journal_get_assessment_restart (f->journal));
  g_assert_true (rw_journal_set_assessment_restart (f->journal, TRUE, &error));
  g_assert_true (rw_journal_get_assessment_restart (f->journal));
  g_assert_cmpuint (rw_journal_get_assessment_due (f->journal, RW_QUESTIONNAIRE_PHQ9), ==, nov1 + 4);
  g_assert_true (rw_journal_is_assessment_due (f->journal, RW_QUESTIONNAIRE_PHQ9, nov1 + 4));
  g_assert_false (rw_journal_is_assessment_due (f->journal, RW_QUESTIONNAIRE_PHQ9, nov1 + 3));

  /* A session before the last one does not. */
  g_assert_cmpuint (rw_assessment_due_day (nov1, nov1 - 3, TRUE), ==, nov1 + 14);
  g_assert_cmpuint (rw_assessment_due_day (nov1, nov1, TRUE), ==, nov1 + 14);
  g_assert_cmpuint (rw_assessment_due_day (nov1, nov1 + 20, TRUE), ==, nov1 + 14);
  g_assert_cmpuint (rw_assessment_due_day (0, nov1, TRUE), ==, 0);
}

static void
store_result (GObject       *source,
              GAsyncResult  *result,
              GAsyncResult **out)
{
  *out = g_object_ref (result);
}

/* An Undo that never ended (the app was killed): the next start-up's
 * tidy deletes the hidden one for good and keeps the rest. */
static void
test_tidy_purges_hidden (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(RwAssessment) kept = save (f, RW_QUESTIONNAIRE_GAD7, "2026-11-01", "0,0,0,0,0,0,0", -1);
  g_autoptr(RwAssessment) hidden = save (f, RW_QUESTIONNAIRE_GAD7, "2026-11-02", "1,1,1,1,1,1,1", -1);
  g_autoptr(GError) error = NULL;

  g_assert_true (rw_journal_hide_assessment (f->journal, hidden->id, &error));
  g_clear_object (&f->journal);
  rw_database_close (f->db);
  g_clear_object (&f->db);

  {
    g_autoptr(RwJournal) journal = rw_journal_open_deferred (f->dir, &error);
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GPtrArray) left = NULL;

    g_assert_no_error (error);
    rw_journal_tidy_async (journal, NULL, (GAsyncReadyCallback) store_result, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (rw_journal_tidy_finish (journal, result, &error));
    g_assert_no_error (error);
    /* Undo can no longer bring it back: it is gone. */
    g_assert_true (rw_journal_unhide_assessment (journal, hidden->id, &error));
    left = rw_journal_list_assessments (journal, RW_QUESTIONNAIRE_GAD7, &error);
    g_assert_cmpuint (left->len, ==, 1);
    g_assert_cmpstr (((RwAssessment *) g_ptr_array_index (left, 0))->id, ==, kept->id);
  }
}

static void
test_item9 (void)
{
  static const struct
  {
    RwQuestionnaireKind kind;
    const char *answers;
    gboolean offers;
  } cases[] = {
    { RW_QUESTIONNAIRE_PHQ9, "0,0,0,0,0,0,0,0,0", FALSE },
    { RW_QUESTIONNAIRE_PHQ9, "3,3,3,3,3,3,3,3,0", FALSE },
    { RW_QUESTIONNAIRE_PHQ9, "0,0,0,0,0,0,0,0,1", TRUE },
    { RW_QUESTIONNAIRE_PHQ9, "0,0,0,0,0,0,0,0,2", TRUE },
    { RW_QUESTIONNAIRE_PHQ9, "3,3,3,3,3,3,3,3,3", TRUE },
    /* GAD-7 has no such item, whatever its answers. */
    { RW_QUESTIONNAIRE_GAD7, "3,3,3,3,3,3,3", FALSE },
  };
  g_autofree char *offer = rw_safety_dup_assessment_offer (TRUE);
  g_autofree char *prescriber = rw_safety_dup_prescriber_line ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RwAssessment) a = rw_assessment_parse (cases[i].kind, cases[i].answers, -1, &error);

      g_assert_no_error (error);
      /* Every time: asking twice (the same day) still offers. */
      for (guint n = 0; n < 2; n++)
        g_assert_cmpint (rw_safety_should_offer_for_assessment (a), ==, cases[i].offers);
    }

  g_assert_nonnull (strstr (offer, "Nobody reads this journal"));
  g_assert_nonnull (strstr (offer, "saved"));
  g_assert_nonnull (strstr (prescriber, "prescriber"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/questionnaire/band-edges", test_band_edges);
  g_test_add_func ("/questionnaire/band-ranges", test_band_ranges);
  g_test_add_func ("/questionnaire/text", test_text);
  g_test_add_func ("/questionnaire/parse", test_parse);
  g_test_add_func ("/questionnaire/item9", test_item9);
  g_test_add ("/questionnaire/storage", Fixture, NULL, fixture_set_up, test_storage,
              fixture_tear_down);
  g_test_add ("/questionnaire/due", Fixture, NULL, fixture_set_up, test_due, fixture_tear_down);
  g_test_add ("/questionnaire/tidy-purges-hidden", Fixture, NULL, fixture_set_up,
              test_tidy_purges_hidden, fixture_tear_down);

  return g_test_run ();
}
