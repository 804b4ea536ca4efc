/* test-session.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Treatment sessions: the object, its validation, and the journal's
 * sessions (add, edit, list, next scheduled, done, delete with Undo,
 * integration answers and their search).
 */
#include "config.h"

#include <string.h>

#include "rw-core-sql.h"
#include "rw-journal-private.h"
#include "rw-test-util.h"

typedef struct
{
  char *dir;
  RwJournal *journal;
  RwDatabase *db;
  guint changes;
} Fixture;

static void
changed_cb (RwJournal *journal,
            Fixture   *f)
{
  f->changes++;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = rw_test_make_dir ();
  f->journal = rw_journal_open (f->dir, &error);
  g_assert_no_error (error);
  f->db = rw_journal_get_database (f->journal);
  g_signal_connect (f->journal, "changed", G_CALLBACK (changed_cb), f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->journal);
  rw_test_remove_dir (f->dir);
  g_free (f->dir);
}

static RwSession *
session_new (const char *date,
             const char *time,
             gboolean    done)
{
  RwSession *session = rw_session_new ();

  rw_session_set_date (session, date);
  rw_session_set_time (session, time);
  rw_session_set_done (session, done);
  return session;
}

static RwSession *
add (Fixture    *f,
     const char *date,
     const char *time,
     gboolean    done)
{
  g_autoptr(GError) error = NULL;
  RwSession *session = session_new (date, time, done);

  g_assert_true (rw_journal_add_session (f->journal, session, &error));
  g_assert_no_error (error);
  return session;
}

/* A session with every field set, as a person fills it in after one. */
static RwSession *
full_session (void)
{
  RwSession *session = session_new ("2026-11-20", "10:30", TRUE);

  rw_session_set_route (session, RW_SESSION_ROUTE_IV);
  rw_session_set_phase (session, RW_SESSION_PHASE_INDUCTION);
  rw_session_set_provider (session, "Dr Okafor, Riverside clinic");
  rw_session_set_dose (session, "0.5 mg/kg over 40 min");
  rw_session_set_intention (session, "to meet the grief with kindness");
  rw_session_set_vital (session, RW_SESSION_VITAL_BP_BEFORE_SYSTOLIC, 122);
  rw_session_set_vital (session, RW_SESSION_VITAL_BP_BEFORE_DIASTOLIC, 78);
  rw_session_set_vital (session, RW_SESSION_VITAL_HR_BEFORE, 70);
  rw_session_set_vital (session, RW_SESSION_VITAL_BP_AFTER_SYSTOLIC, 138);
  rw_session_set_vital (session, RW_SESSION_VITAL_BP_AFTER_DIASTOLIC, 88);
  rw_session_set_vital (session, RW_SESSION_VITAL_HR_AFTER, 76);
  rw_session_set_intensity (session, 7);
  rw_session_set_detached (session, 0);
  rw_session_set_side_effects (session, RW_SIDE_EFFECT_NAUSEA | RW_SIDE_EFFECT_RAISED_BP |
                                        RW_SIDE_EFFECT_OTHER);
  rw_session_set_side_effects_other (session, "ringing ears");
  rw_session_set_note (session, "colours, then a long quiet");
  rw_session_add_default_checklist (session);
  rw_session_set_checklist_checked (session, 1, TRUE);
  rw_session_append_checklist (session, "Blanket", TRUE);
  rw_session_set_integration (session, 2, RW_INTEGRATION_CARRY_FORWARD, "walk every morning");
  return session;
}

static void
assert_same (RwSession *a,
             RwSession *b)
{
  g_assert_cmpstr (rw_session_get_id (a), ==, rw_session_get_id (b));
  g_assert_cmpstr (rw_session_get_date (a), ==, rw_session_get_date (b));
  g_assert_cmpstr (rw_session_get_time (a), ==, rw_session_get_time (b));
  g_assert_cmpint (rw_session_get_route (a), ==, rw_session_get_route (b));
  g_assert_cmpint (rw_session_get_phase (a), ==, rw_session_get_phase (b));
  g_assert_cmpstr (rw_session_get_provider (a), ==, rw_session_get_provider (b));
  g_assert_cmpstr (rw_session_get_dose (a), ==, rw_session_get_dose (b));
  g_assert_cmpint (rw_session_get_done (a), ==, rw_session_get_done (b));
  g_assert_cmpstr (rw_session_get_intention (a), ==, rw_session_get_intention (b));
  for (guint i = 0; i < RW_N_SESSION_VITALS; i++)
    g_assert_cmpint (rw_session_get_vital (a, i), ==, rw_session_get_vital (b, i));
  g_assert_cmpint (rw_session_get_intensity (a), ==, rw_session_get_intensity (b));
  g_assert_cmpint (rw_session_get_detached (a), ==, rw_session_get_detached (b));
  g_assert_cmpuint (rw_session_get_side_effects (a), ==, rw_session_get_side_effects (b));
  g_assert_cmpstr (rw_session_get_side_effects_other (a), ==,
                   rw_session_get_side_effects_other (b));
  g_assert_cmpstr (rw_session_get_note (a), ==, rw_session_get_note (b));
  g_assert_cmpuint (rw_session_get_n_checklist (a), ==, rw_session_get_n_checklist (b));
  for (guint i = 0; i < rw_session_get_n_checklist (a); i++)
    {
      g_assert_cmpstr (rw_session_get_checklist_label (a, i), ==,
                       rw_session_get_checklist_label (b, i));
      g_assert_cmpint (rw_session_get_checklist_checked (a, i), ==,
                       rw_session_get_checklist_checked (b, i));
    }
  for (guint d = 1; d <= RW_SESSION_INTEGRATION_DAYS; d++)
    for (guint p = 0; p < RW_N_INTEGRATION_PROMPTS; p++)
      g_assert_cmpstr (rw_session_get_integration (a, d, p), ==,
                       rw_session_get_integration (b, d, p));
}

/* Route, phase and side effects keep the keys the journal and the
 * command line use, and a person reads their labels. */
static void
test_names (void)
{
  RwSessionRoute route;
  RwSessionPhase phase;
  RwSideEffects effects = 0;
  g_autofree char *keys = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) checklist = rw_session_default_checklist ();

  g_assert_true (rw_session_route_from_string ("nasal", &route));
  g_assert_cmpint (route, ==, RW_SESSION_ROUTE_NASAL);
  g_assert_cmpstr (rw_session_route_get_label (RW_SESSION_ROUTE_ORAL), ==, "Lozenge or tablet");
  g_assert_cmpstr (rw_session_route_get_label (RW_SESSION_ROUTE_IM), ==, "Intramuscular injection");
  g_assert_false (rw_session_route_from_string ("rectal", &route));
  g_assert_true (rw_session_phase_from_string ("booster", &phase));
  g_assert_cmpint (phase, ==, RW_SESSION_PHASE_BOOSTER);
  g_assert_cmpstr (rw_session_phase_to_string (RW_SESSION_PHASE_MAINTENANCE), ==, "maintenance");

  g_assert_true (rw_side_effects_from_string (" urinary, raised-bp,,Nausea", &effects, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (effects, ==, RW_SIDE_EFFECT_URINARY | RW_SIDE_EFFECT_RAISED_BP |
                                 RW_SIDE_EFFECT_NAUSEA);
  keys = rw_side_effects_to_string (effects);
  g_assert_cmpstr (keys, ==, "nausea,raised-bp,urinary");
  g_assert_cmpstr (rw_side_effect_get_label (RW_SIDE_EFFECT_URINARY), ==,
                   "Bladder or urinary discomfort");
  g_assert_false (rw_side_effects_from_string ("nausea,itching", &effects, &error));
  g_assert_error (error, RW_VALIDATION_ERROR, RW_VALIDATION_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“itching”"));

  g_assert_cmpuint (g_strv_length (checklist), ==, 5);
  g_assert_cmpstr (checklist[1], ==, "A ride home, no driving until the next day");
}

static void
assert_refused (RwSession  *session,
                const char *words)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (rw_session_validate (session, &error));
  g_assert_error (error, RW_VALIDATION_ERROR, RW_VALIDATION_ERROR_INVALID);
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” not in “%s”", words, error->message);
}

/* Each bad value is refused with a message naming it; nothing is saved. */
static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(RwSession) ok = full_session ();
  g_autoptr(GError) error = NULL;
  int value, sys, dia;

  g_assert_true (rw_session_validate (ok, &error));
  g_assert_no_error (error);

  {
    g_autoptr(RwSession) s = rw_session_copy (ok);
    rw_session_set_date (s, "2026-02-30");
    assert_refused (s, "2026-02-30");
  }
  {
    g_autoptr(RwSession) s = rw_session_copy (ok);
    rw_session_set_time (s, "25:00");
    assert_refused (s, "25:00");
  }
  {
    g_autoptr(RwSession) s = rw_session_copy (ok);
    rw_session_set_intensity (s, 11);
    assert_refused (s, "Intensity must be a whole number from 0 to 10");
  }
  {
    g_autoptr(RwSession) s = rw_session_copy (ok);
    rw_session_set_detached (s, 12);
    assert_refused (s, "detached");
  }
  {
    g_autoptr(RwSession) s = rw_session_copy (ok);
    rw_session_set_vital (s, RW_SESSION_VITAL_HR_AFTER, 400);
    assert_refused (s, "Heart rate after");
  }
  {
    g_autoptr(RwSession) s = rw_session_copy (ok);
    rw_session_set_vital (s, RW_SESSION_VITAL_BP_AFTER_DIASTOLIC, RW_SESSION_UNSET);
    assert_refused (s, "both numbers");
  }
  {
    g_autoptr(RwSession) s = rw_session_copy (ok);
    rw_session_set_vital (s, RW_SESSION_VITAL_BP_BEFORE_SYSTOLIC, 70);
    rw_session_set_vital (s, RW_SESSION_VITAL_BP_BEFORE_DIASTOLIC, 120);
    assert_refused (s, "higher (systolic) number first");
  }
  {
    g_autoptr(RwSession) s = rw_session_copy (ok);
    rw_session_set_side_effects (s, RW_SIDE_EFFECT_NAUSEA);
    assert_refused (s, "“Other”");
  }
  {
    g_autoptr(RwSession) s = rw_session_copy (ok);
    rw_session_set_checklist_label (s, 0, "  ");
    assert_refused (s, "checklist item cannot be empty");
  }
  {
    g_autoptr(RwSession) s = rw_session_copy (ok);
    rw_session_set_provider (s, "Dr A\nDr B");
    assert_refused (s, "provider");
  }
  {
    g_autoptr(RwSession) s = rw_session_copy (ok);
    rw_session_set_note (s, "\xff\xfe");
    assert_refused (s, "UTF-8");
  }
  {
    g_autoptr(RwSession) s = rw_session_copy (ok);
    rw_session_set_intensity (s, 11);
    g_assert_false (rw_journal_add_session (f->journal, s, &error));
    g_assert_error (error, RW_VALIDATION_ERROR, RW_VALIDATION_ERROR_INVALID);
    g_clear_error (&error);
  }
  {
    g_autoptr(GPtrArray) all = rw_journal_list_sessions (f->journal, &error);
    g_assert_cmpuint (all->len, ==, 0);
  }

  /* What a person types. */
  g_assert_true (rw_session_parse_rating ("Intensity", " 0 ", &value, &error));
  g_assert_cmpint (value, ==, 0);
  g_assert_true (rw_session_parse_rating ("Intensity", "", &value, &error));
  g_assert_cmpint (value, ==, RW_SESSION_UNSET);
  g_assert_false (rw_session_parse_rating ("Intensity", "11", &value, &error));
  g_assert_nonnull (strstr (error->message, "“11”"));
  g_clear_error (&error);
  g_assert_false (rw_session_parse_rating ("Intensity", "-1", &value, &error));
  g_clear_error (&error);
  g_assert_true (rw_session_parse_blood_pressure ("120/80", &sys, &dia, &error));
  g_assert_cmpint (sys, ==, 120);
  g_assert_cmpint (dia, ==, 80);
  g_assert_false (rw_session_parse_blood_pressure ("120-80", &sys, &dia, &error));
  g_assert_nonnull (strstr (error->message, "such as 120/80 (got “120-80”)"));
  g_clear_error (&error);
  g_assert_false (rw_session_parse_heart_rate ("fast", &value, &error));
  g_assert_nonnull (strstr (error->message, "Heart rate"));
}

/* Everything saved comes back as it was; an edit replaces it all. */
static void
test_crud (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(RwSession) session = full_session ();
  g_autoptr(RwSession) loaded = NULL;
  g_autoptr(RwSession) edited = NULL;
  g_autoptr(GError) error = NULL;
  guint changes;

  g_assert_true (rw_journal_add_session (f->journal, session, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rw_session_get_created (session), >, 0);

  loaded = rw_journal_lookup_session (f->journal, rw_session_get_id (session), &error);
  g_assert_no_error (error);
  assert_same (session, loaded);
  g_assert_cmpuint (rw_session_get_n_checklist (loaded), ==, 6);
  g_assert_cmpstr (rw_session_get_checklist_label (loaded, 5), ==, "Blanket");
  g_assert_cmpint (rw_session_get_detached (loaded), ==, 0);

  /* Without a time, with fewer checklist items, other answers. */
  rw_session_set_time (loaded, NULL);
  rw_session_set_route (loaded, RW_SESSION_ROUTE_NASAL);
  rw_session_remove_checklist (loaded, 0);
  rw_session_set_vital (loaded, RW_SESSION_VITAL_HR_BEFORE, RW_SESSION_UNSET);
  rw_session_set_integration (loaded, 2, RW_INTEGRATION_CARRY_FORWARD, "");
  rw_session_set_integration (loaded, 3, RW_INTEGRATION_HARD, "the drive home");
  changes = f->changes;
  g_assert_true (rw_journal_update_session (f->journal, loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->changes, >, changes);
  g_assert_cmpint (rw_session_get_modified (loaded), >, rw_session_get_modified (session));

  edited = rw_journal_lookup_session (f->journal, rw_session_get_id (session), &error);
  g_assert_no_error (error);
  assert_same (loaded, edited);
  g_assert_null (rw_session_get_time (edited));
  g_assert_cmpuint (rw_session_get_n_checklist (edited), ==, 5);

  /* An id not in the journal. */
  {
    g_autoptr(RwSession) stranger = session_new ("2026-11-21", NULL, FALSE);

    g_assert_false (rw_journal_update_session (f->journal, stranger, &error));
    g_assert_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_NOT_FOUND);
  }
}

/* Listed by date, then time (none first); marked done. */
static void
test_list_and_done (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(RwSession) a = add (f, "2026-11-20", "15:00", TRUE);
  g_autoptr(RwSession) b = add (f, "2026-11-18", "09:00", TRUE);
  g_autoptr(RwSession) c = add (f, "2026-11-20", NULL, FALSE);
  g_autoptr(RwSession) d = add (f, "2026-11-20", "08:00", FALSE);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) range = NULL;
  g_autoptr(RwSession) loaded = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *model = rw_journal_get_sessions (f->journal);

  all = rw_journal_list_sessions (f->journal, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 4);
  g_assert_cmpstr (rw_session_get_id (all->pdata[0]), ==, rw_session_get_id (b));
  g_assert_cmpstr (rw_session_get_id (all->pdata[1]), ==, rw_session_get_id (c));
  g_assert_cmpstr (rw_session_get_id (all->pdata[2]), ==, rw_session_get_id (d));
  g_assert_cmpstr (rw_session_get_id (all->pdata[3]), ==, rw_session_get_id (a));

  range = rw_journal_list_sessions_range (f->journal, rw_date_from_iso ("2026-11-19"),
                                          rw_date_from_iso ("2026-11-20"), &error);
  g_assert_cmpuint (range->len, ==, 3);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  g_assert_true (rw_journal_mark_session_done (f->journal, rw_session_get_id (c), TRUE, &error));
  g_assert_no_error (error);
  loaded = rw_journal_lookup_session (f->journal, rw_session_get_id (c), &error);
  g_assert_true (rw_session_get_done (loaded));

  /* The model follows the journal. */
  g_object_unref (add (f, "2026-12-01", NULL, FALSE));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
  g_assert_true (rw_journal_hide_session (f->journal, rw_session_get_id (a), &error));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  g_assert_true (g_list_model_get_item_type (model) == RW_TYPE_SESSION);

  /* An id can be given by its first characters. */
  {
    g_autofree char *prefix = g_strndup (rw_session_get_id (b), 8);
    g_autofree char *whole = rw_journal_resolve_session_id (f->journal, prefix, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (whole, ==, rw_session_get_id (b));
  }
}

/* The next scheduled is the first not done on or after today. */
static void
test_next_scheduled (Fixture       *f,
                     gconstpointer  data)
{
  guint32 today = rw_date_from_iso ("2026-11-20");
  g_autoptr(GError) error = NULL;
  g_autoptr(RwSession) none = NULL;
  g_autoptr(RwSession) next = NULL;
  g_autoptr(RwSession) later = NULL;
  g_autoptr(RwSession) past = add (f, "2026-11-19", "10:00", FALSE);
  g_autoptr(RwSession) done_today = add (f, "2026-11-20", "08:00", TRUE);

  none = rw_journal_next_session (f->journal, today, &error);
  g_assert_no_error (error);
  g_assert_null (none);

  later = add (f, "2026-11-27", "10:00", FALSE);
  next = add (f, "2026-11-20", "16:00", FALSE);
  {
    g_autoptr(RwSession) found = rw_journal_next_session (f->journal, today, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (rw_session_get_id (found), ==, rw_session_get_id (next));
  }
  g_assert_true (rw_journal_mark_session_done (f->journal, rw_session_get_id (next), TRUE, &error));
  {
    g_autoptr(RwSession) found = rw_journal_next_session (f->journal, today, &error);

    g_assert_cmpstr (rw_session_get_id (found), ==, rw_session_get_id (later));
  }
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

/* Hide, then Undo: everything is back. Purge: gone, with its words. */
static void
test_undo_and_purge (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(RwSession) session = full_session ();
  g_autoptr(RwSession) other = add (f, "2026-10-01", "09:00", TRUE);
  g_autoptr(GError) error = NULL;
  const char *id = rw_session_get_id (session);

  rw_session_set_note (session, "zebrasession wombatword");
  g_assert_true (rw_journal_add_session (f->journal, session, &error));
  g_assert_true (rw_journal_save_integration (f->journal, id, 1, "quokkanotice", NULL, NULL,
                                              &error));
  g_assert_no_error (error);
  rw_session_set_integration (session, 1, RW_INTEGRATION_NOTICED, "quokkanotice");

  g_assert_true (rw_journal_hide_session (f->journal, id, &error));
  g_assert_no_error (error);
  {
    g_autoptr(RwSession) gone = rw_journal_lookup_session (f->journal, id, &error);
    g_autoptr(GPtrArray) all = NULL;
    g_autoptr(GPtrArray) found = NULL;

    g_assert_null (gone);
    g_assert_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    all = rw_journal_list_sessions (f->journal, &error);
    g_assert_cmpuint (all->len, ==, 1);
    found = rw_journal_search_sessions (f->journal, "zebrasession", &error);
    g_assert_cmpuint (found->len, ==, 0);
    g_assert_false (rw_journal_find_integration_session (f->journal,
                                                         rw_date_from_iso ("2026-11-21"),
                                                         NULL, &error) != NULL);
  }

  g_assert_true (rw_journal_unhide_session (f->journal, id, &error));
  g_assert_no_error (error);
  {
    g_autoptr(RwSession) back = rw_journal_lookup_session (f->journal, id, &error);
    g_autoptr(GPtrArray) found = rw_journal_search_sessions (f->journal, "quokkanotice", &error);

    g_assert_no_error (error);
    assert_same (session, back);
    g_assert_cmpuint (found->len, ==, 1);
  }

  /* Purging one that was brought back does nothing. */
  g_assert_true (rw_journal_purge_session (f->journal, id, &error));
  {
    g_autoptr(RwSession) kept = rw_journal_lookup_session (f->journal, id, NULL);

    g_assert_nonnull (kept);
  }

  g_assert_true (rw_journal_hide_session (f->journal, id, &error));
  g_assert_true (rw_journal_purge_session (f->journal, id, &error));
  g_assert_no_error (error);
  {
    g_autoptr(RwStmt) stmt = rw_database_prepare (f->db, "SELECT (SELECT count(*) FROM sessions), "
                                                         "(SELECT count(*) FROM session_checklist), "
                                                         "(SELECT count(*) FROM session_integration), "
                                                         "(SELECT count(*) FROM session_fts "
                                                         " WHERE session_fts MATCH 'zebrasession "
                                                         " OR quokkanotice OR wombatword')",
                                                  &error);
    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
    g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 0);
    g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, 0);
    g_assert_cmpint (sqlite3_column_int (stmt, 3), ==, 0);
  }

  /* After the scrub the words are on no disk page either. */
  {
    g_autofree char *wal = g_strconcat (rw_journal_get_path (f->journal), "-wal", NULL);
    g_autoptr(GAsyncResult) result = NULL;

    rw_journal_scrub_async (f->journal, NULL, store_result_cb, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (rw_journal_scrub_finish (f->journal, result, &error));
    g_assert_no_error (error);
    rw_journal_close (f->journal);
    for (guint i = 0; i < 3; i++)
      {
        const char *word = i == 0 ? "zebrasession" : i == 1 ? "quokkanotice" : "wombatword";

        g_assert_false (rw_test_file_holds (rw_journal_get_path (f->journal), word));
        g_assert_false (rw_test_file_holds (wal, word));
      }
  }
}

/* A session left hidden by a crash (its Undo never ended) goes at the
 * next start-up's tidy, and at quit (rw_journal_purge_hidden()). */
static void
test_hidden_left_by_crash (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(RwSession) crashed = add (f, "2026-11-20", "10:00", TRUE);
  g_autoptr(RwSession) at_quit = add (f, "2026-11-21", "10:00", TRUE);
  g_autoptr(RwSession) kept = add (f, "2026-11-22", "10:00", TRUE);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n = 0;

  g_assert_true (rw_journal_hide_session (f->journal, rw_session_get_id (crashed), &error));
  rw_journal_close (f->journal);
  g_clear_object (&f->journal);

  f->journal = rw_journal_open (f->dir, &error);
  g_assert_no_error (error);
  f->db = rw_journal_get_database (f->journal);
  rw_journal_tidy_async (f->journal, NULL, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (rw_journal_tidy_finish (f->journal, result, &error));
  g_assert_no_error (error);
  g_assert_true (rw_session_sql_count (f->db, &n, &error));
  g_assert_cmpint (n, ==, 2);
  g_assert_false (rw_session_sql_has_hidden (f->db));

  g_assert_true (rw_journal_hide_session (f->journal, rw_session_get_id (at_quit), &error));
  g_assert_true (rw_session_sql_has_hidden (f->db));
  g_assert_true (rw_journal_purge_hidden (f->journal, &error));
  g_assert_no_error (error);
  g_assert_false (rw_session_sql_has_hidden (f->db));
  g_assert_true (rw_session_sql_count (f->db, &n, &error));
  g_assert_cmpint (n, ==, 1);
  {
    g_autoptr(RwSession) still = rw_journal_lookup_session (f->journal, rw_session_get_id (kept),
                                                            &error);
    g_assert_no_error (error);
  }
}

/* The three days after a session are its integration window. */
static void
test_integration_window (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(RwSession) early = add (f, "2026-11-10", "10:00", TRUE);
  g_autoptr(RwSession) planned = add (f, "2026-11-12", "10:00", FALSE);
  g_autoptr(RwSession) late = add (f, "2026-11-13", "10:00", TRUE);
  g_autoptr(GError) error = NULL;
  struct {
    const char *date;
    RwSession *session;
    guint day;
  } cases[] = {
    { "2026-11-10", NULL, 0 },      /* the day itself */
    { "2026-11-11", early, 1 },
    { "2026-11-12", early, 2 },
    { "2026-11-13", early, 3 },     /* planned (not done) loses to a done one */
    { "2026-11-14", late, 1 },      /* the latest wins */
    { "2026-11-16", late, 3 },
    { "2026-11-17", NULL, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint day = 0;
      g_autoptr(RwSession) found = rw_journal_find_integration_session (f->journal,
                                                                        rw_date_from_iso (cases[i].date),
                                                                        &day, &error);

      g_assert_no_error (error);
      if (cases[i].session == NULL)
        {
          g_assert_null (found);
          continue;
        }
      g_assert_nonnull (found);
      g_assert_cmpstr (rw_session_get_id (found), ==, rw_session_get_id (cases[i].session));
      g_assert_cmpuint (day, ==, cases[i].day);
    }
  (void) planned;
}

/* An integration answer belongs to its session and is found by search. */
static void
test_integration_search (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(RwSession) session = add (f, "2026-11-10", "10:00", TRUE);
  g_autoptr(RwSession) other = add (f, "2026-11-03", "10:00", TRUE);
  g_autoptr(RwSession) loaded = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  const char *id = rw_session_get_id (session);

  g_assert_true (rw_journal_save_integration (f->journal, id, 2, "the light on the river",
                                              "Calling my sister", "Sleeping badly", &error));
  g_assert_no_error (error);
  loaded = rw_journal_lookup_session (f->journal, id, &error);
  g_assert_cmpstr (rw_session_get_integration (loaded, 2, RW_INTEGRATION_NOTICED), ==,
                   "the light on the river");
  g_assert_cmpstr (rw_session_get_integration (loaded, 2, RW_INTEGRATION_HARD), ==,
                   "Sleeping badly");
  g_assert_cmpstr (rw_session_get_integration (loaded, 1, RW_INTEGRATION_NOTICED), ==, "");

  found = rw_journal_search_sessions (f->journal, "sist", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (rw_session_get_id (found->pdata[0]), ==, id);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Replacing the day's answers replaces what is found. */
  g_assert_true (rw_journal_save_integration (f->journal, id, 2, "", "", "", &error));
  found = rw_journal_search_sessions (f->journal, "sister", &error);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* The intention and the note are found too; empty queries find nothing. */
  rw_session_set_intention (other, "patience");
  g_assert_true (rw_journal_update_session (f->journal, other, &error));
  found = rw_journal_search_sessions (f->journal, "PATIENCE", &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = rw_journal_search_sessions (f->journal, " \"*", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 0);

  /* A script written without spaces is found as the check-ins' is. */
  g_clear_pointer (&found, g_ptr_array_unref);
  g_assert_true (rw_journal_save_integration (f->journal, id, 1, NULL, NULL,
                                              "昨夜は睡眠が浅かった", &error));
  g_assert_no_error (error);
  found = rw_journal_search_sessions (f->journal, "睡眠", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);

  g_assert_false (rw_journal_save_integration (f->journal, id, 4, "x", NULL, NULL, &error));
  g_assert_error (error, RW_VALIDATION_ERROR, RW_VALIDATION_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/session/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  g_test_add_func ("/session/names", test_names);
  ADD ("validation", test_validation);
  ADD ("crud", test_crud);
  ADD ("list-and-done", test_list_and_done);
  ADD ("next-scheduled", test_next_scheduled);
  ADD ("undo-and-purge", test_undo_and_purge);
  ADD ("hidden-left-by-crash", test_hidden_left_by_crash);
  ADD ("integration-window", test_integration_window);
  ADD ("integration-search", test_integration_search);

#undef ADD

  return g_test_run ();
}
