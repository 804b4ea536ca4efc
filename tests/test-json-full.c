/* test-json-full.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The full JSON export (format version 2): every table the person wrote
 * comes back as it was in an empty journal, a second import adds
 * nothing, a bad item anywhere refuses the whole file, version 1 still
 * imports, the safety plan never loses text, and restore brings it all.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rw-backup.h"
#include "rw-core-sql.h"
#include "rw-assessment-sql.h"
#include "rw-safety-plan-sql.h"
#include "rw-session-sql.h"
#include "rw-test-util.h"

#define SESSION_A "0a1b2c3d-0000-4000-8000-00000000000a"
#define SESSION_B "0a1b2c3d-0000-4000-8000-00000000000b"
#define SESSION_HIDDEN "0a1b2c3d-0000-4000-8000-0000000000ff"
#define PHQ9 "1a1b2c3d-0000-4000-8000-000000000001"
#define GAD7 "1a1b2c3d-0000-4000-8000-000000000002"
#define ASSESSMENT_HIDDEN "1a1b2c3d-0000-4000-8000-0000000000ff"

typedef struct
{
  char *dir;
  char *other_dir;
  char *path;
  RwDatabase *db;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = rw_test_make_dir ();
  f->other_dir = rw_test_make_dir ();
  f->path = g_build_filename (f->other_dir, "export.json", NULL);
  f->db = rw_database_open (f->dir, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->db);
  rw_test_remove_dir (f->dir);
  rw_test_remove_dir (f->other_dir);
  g_free (f->dir);
  g_free (f->other_dir);
  g_free (f->path);
}

static gboolean
fill_func (RwDatabase  *db,
           gpointer     data,
           GError     **error)
{
  g_autoptr(RwStmt) stmt = NULL;

  if (!rw_database_exec (db,
        "INSERT INTO sessions (id, uuid, date, time, route, phase, provider, dose, done, "
        "  intention, bp_before_systolic, bp_before_diastolic, hr_before, bp_after_systolic, "
        "  bp_after_diastolic, hr_after, intensity, detached, side_effects, "
        "  side_effects_other, note, created, modified) VALUES "
        " (7, '" SESSION_A "', '2026-11-02', '10:30', 'iv', 'induction', 'Dr. Ng, \"Clinic\"', "
        "  '0.5 mg/kg', 1, 'to be kind\nto myself', 128, 82, 71, 141, 90, 80, 7, 0, "
        "  'nausea,raised-bp', 'a dry mouth', 'heavy\tthen light 🙂', 1761990000123456, "
        "  1761999999000001),"
        " (9, '" SESSION_B "', '2026-12-20', NULL, 'nasal', 'booster', '', '', 0, 'rest', "
        "  NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '', '', '', 1762990000000000, "
        "  1762990000000000),"
        " (11, '" SESSION_HIDDEN "', '2026-11-05', '09:00', 'im', 'other', '', '', 1, '', "
        "  NULL, NULL, NULL, NULL, NULL, NULL, 3, 3, '', '', 'secretword', 1, 1);"
        "UPDATE sessions SET hidden = 1 WHERE id = 11;"
        "INSERT INTO session_checklist (session, position, label, checked) VALUES "
        " (7, 0, 'A ride home', 1), (7, 1, 'Music', 0), (7, 3, 'Someone with me', 1),"
        " (11, 0, 'hidden item', 0);"
        "INSERT INTO session_integration (session, day, noticed, carry_forward, hard, modified) "
        " VALUES (7, 1, 'colours', 'patience', '', 1762000000000000),"
        "        (7, 3, '', 'walks', 'the evening', 1762100000000000);"
        "INSERT INTO assessments (uuid, kind, date, time, answers, total, difficulty, created, "
        "  modified) VALUES "
        " ('" PHQ9 "', 'phq9', '2026-11-01', '08:00', '012301230', 12, 2, 1761980000000000, "
        "  1761980000000000),"
        " ('" GAD7 "', 'gad7', '2026-11-01', '08:05', '3333333', 21, NULL, 1761980000500000, "
        "  1761980000500000),"
        " ('" ASSESSMENT_HIDDEN "', 'gad7', '2026-11-03', '08:05', '0000000', 0, NULL, 1, 1);"
        "UPDATE assessments SET hidden = 1 WHERE uuid = '" ASSESSMENT_HIDDEN "';"
        "INSERT INTO safety_plan (section, body, modified) VALUES "
        " ('warning-signs', 'Not sleeping\nSkipping meals', 1761000000000000),"
        " ('reasons', 'My sister', 1761000000000001);"
        "INSERT INTO plan_runs (id, plan_id, start_date, paused_on, ended, created) VALUES "
        " (4, 'first-week', '2026-10-01', NULL, 1, 1759300000000000),"
        " (5, 'first-week', '2026-11-01', '2026-11-03', NULL, 1761900000000000);"
        "INSERT INTO plan_checks (run, item, checked, source) VALUES "
        " (4, 'day1-walk', 1759310000000000, 'check-in'), (4, 'day2-note', 0, 'manual'),"
        " (5, 'day1-walk', 1761910000000000, 'tag');"
        "INSERT INTO plan_day_notes (run, day, note, modified) VALUES "
        " (4, 2, 'hard day', 1759400000000000), (5, 1, 'better', 1761920000000000);"
        "INSERT INTO breathing_sessions (pattern, seconds, finished) VALUES "
        " ('box', 240, 1761930000000000), ('4-7-8', 60, 1761940000000000);",
        error))
    return FALSE;

  return rw_session_sql_reindex (db, 7, error) &&
         rw_session_sql_reindex (db, 9, error) &&
         rw_session_sql_reindex (db, 11, error);
}

static void
fill (RwDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RwCheckIn) check_in = rw_test_check_in_new ("2026-11-02", "21:00", 6, "after the session");
  const char *tags[] = { "therapy", "walk", NULL };

  rw_check_in_set_tags (check_in, tags);
  rw_check_in_set_created (check_in, G_GINT64_CONSTANT (1762000000000001));
  rw_check_in_set_modified (check_in, G_GINT64_CONSTANT (1762000000000002));
  rw_test_insert (db, check_in);
  g_assert_true (rw_database_write (db, fill_func, NULL, &error));
  g_assert_no_error (error);
}

/* Every row the person wrote, without the journal's own row ids, in an
 * order that does not depend on them. */
static const char *dumps[] = {
  "SELECT uuid, date, time, mood, anxiety, focus, hope, energy, sleep_quality, sleep_quarters, "
  "  note, created, modified, (SELECT group_concat (name, ',') FROM (SELECT t.name FROM "
  "  check_in_tags ct JOIN tags t ON t.id = ct.tag WHERE ct.check_in = c.id ORDER BY "
  "  ct.position)) FROM check_ins c WHERE hidden = 0 ORDER BY uuid",
  "SELECT uuid, date, time, route, phase, provider, dose, done, intention, bp_before_systolic, "
  "  bp_before_diastolic, hr_before, bp_after_systolic, bp_after_diastolic, hr_after, "
  "  intensity, detached, side_effects, side_effects_other, note, hidden, created, modified "
  "  FROM sessions WHERE hidden = 0 ORDER BY uuid",
  "SELECT s.uuid, c.position, c.label, c.checked FROM session_checklist c JOIN sessions s "
  "  ON s.id = c.session WHERE s.hidden = 0 ORDER BY s.uuid, c.position",
  "SELECT s.uuid, i.day, i.noticed, i.carry_forward, i.hard, i.modified FROM "
  "  session_integration i JOIN sessions s ON s.id = i.session WHERE s.hidden = 0 "
  "  ORDER BY s.uuid, i.day",
  "SELECT s.uuid, f.text FROM session_fts f JOIN sessions s ON s.id = f.rowid "
  "  WHERE s.hidden = 0 ORDER BY s.uuid",
  "SELECT uuid, kind, date, time, answers, total, difficulty, hidden, created, modified "
  "  FROM assessments WHERE hidden = 0 ORDER BY uuid",
  "SELECT section, body, modified FROM safety_plan ORDER BY section",
  "SELECT plan_id, start_date, paused_on, ended, created FROM plan_runs "
  "  ORDER BY plan_id, start_date",
  "SELECT r.plan_id, r.start_date, c.item, c.checked, c.source FROM plan_checks c "
  "  JOIN plan_runs r ON r.id = c.run ORDER BY r.plan_id, r.start_date, c.item",
  "SELECT r.plan_id, r.start_date, n.day, n.note, n.modified FROM plan_day_notes n "
  "  JOIN plan_runs r ON r.id = n.run ORDER BY r.plan_id, r.start_date, n.day",
  "SELECT pattern, seconds, finished FROM breathing_sessions ORDER BY finished, pattern",
};

static char *
dump (RwDatabase *db)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (dumps); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RwStmt) stmt = rw_database_prepare (db, dumps[i], &error);

      g_assert_no_error (error);
      g_string_append_printf (out, "-- %u\n", i);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *text = (const char *) sqlite3_column_text (stmt, c);

              g_string_append_printf (out, "%s%s", c > 0 ? "|" : "", text != NULL ? text : "NULL");
            }
          g_string_append_c (out, '\n');
        }
    }
  return g_string_free (out, FALSE);
}

static gint64
count_rows (RwDatabase *db,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RwStmt) stmt = rw_database_prepare (db, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
export (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rw_export_to_file (f->db, NULL, RW_FORMAT_JSON, f->path, NULL, &error));
  g_assert_no_error (error);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *target_dir = g_build_filename (f->other_dir, "target", NULL);
  g_autoptr(RwDatabase) target = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *text = NULL;
  RwImportResult result = { 0 };

  fill (f->db);
  export (f);
  g_assert_true (g_file_get_contents (f->path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"version\": 2,"));
  /* Deleted rows, waiting for their Undo to expire, stay out of it. */
  g_assert_null (strstr (text, SESSION_HIDDEN));
  g_assert_null (strstr (text, "secretword"));
  g_assert_null (strstr (text, ASSESSMENT_HIDDEN));

  target = rw_database_open (target_dir, &error);
  g_assert_no_error (error);
  g_assert_true (rw_import_file (target, f->path, RW_FORMAT_AUTO, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 1);
  g_assert_cmpuint (result.sessions.added, ==, 2);
  g_assert_cmpuint (result.assessments.added, ==, 2);
  g_assert_cmpuint (result.safety_plan.added, ==, 2);
  g_assert_cmpuint (result.plan_runs.added, ==, 2);
  g_assert_cmpuint (result.breathing_sessions.added, ==, 2);

  before = dump (f->db);
  after = dump (target);
  g_assert_cmpstr (after, ==, before);
  /* The session's note, intention and answers are found by the search. */
  g_assert_cmpint (count_rows (target, "SELECT count(*) FROM session_fts WHERE session_fts "
                                       "MATCH 'patience AND heavy AND kind'"), ==, 1);
  g_assert_cmpint (count_rows (target, "SELECT count(*) FROM sessions WHERE hidden != 0"), ==, 0);
}

static gboolean
insert_session_func (RwDatabase  *db,
                     gpointer     session,
                     GError     **error)
{
  return rw_session_sql_insert (db, session, error);
}

static gboolean
hide_session_func (RwDatabase  *db,
                   gpointer     id,
                   GError     **error)
{
  return rw_session_sql_set_hidden (db, id, TRUE, error);
}

/* The same through the writers the app uses, so that the export and
 * the sessions, questionnaire and safety-plan cores agree on every column
 * (the checklist's positions, the search text). */
static void
test_round_trip_of_what_the_app_writes (Fixture       *f,
                                        gconstpointer  data)
{
  g_autofree char *target_dir = g_build_filename (f->other_dir, "target", NULL);
  g_autoptr(RwDatabase) target = NULL;
  g_autoptr(RwSession) session = rw_session_new ();
  g_autoptr(RwSession) deleted = rw_session_new ();
  g_autoptr(RwAssessment) phq9 = NULL;
  g_autoptr(RwAssessment) gad7 = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const guint8 phq9_answers[] = { 0, 1, 2, 3, 0, 1, 2, 3, 1 };
  const guint8 gad7_answers[] = { 1, 1, 1, 1, 1, 1, 1 };

  rw_session_set_date (session, "2026-11-02");
  rw_session_set_time (session, "10:30");
  rw_session_set_route (session, RW_SESSION_ROUTE_IM);
  rw_session_set_phase (session, RW_SESSION_PHASE_BOOSTER);
  rw_session_set_provider (session, "Clinic");
  rw_session_set_dose (session, "as prescribed");
  rw_session_set_intention (session, "listen");
  rw_session_set_vital (session, RW_SESSION_VITAL_BP_BEFORE_SYSTOLIC, 120);
  rw_session_set_vital (session, RW_SESSION_VITAL_BP_BEFORE_DIASTOLIC, 80);
  rw_session_set_intensity (session, 6);
  rw_session_set_side_effects (session, RW_SIDE_EFFECT_NAUSEA | RW_SIDE_EFFECT_URINARY);
  rw_session_set_note (session, "quiet afterwards");
  rw_session_add_default_checklist (session);
  rw_session_set_checklist_checked (session, 1, TRUE);
  rw_session_set_integration (session, 2, RW_INTEGRATION_CARRY_FORWARD, "lighthouse");
  g_assert_true (rw_database_write (f->db, insert_session_func, session, &error));
  g_assert_no_error (error);
  rw_session_set_date (deleted, "2026-11-09");
  rw_session_set_note (deleted, "secretword");
  g_assert_true (rw_database_write (f->db, insert_session_func, deleted, &error));
  g_assert_true (rw_database_write (f->db, hide_session_func, (gpointer) rw_session_get_id (deleted),
                                    &error));

  phq9 = rw_assessment_new (RW_QUESTIONNAIRE_PHQ9, phq9_answers, 9, 1, &error);
  g_assert_no_error (error);
  gad7 = rw_assessment_new (RW_QUESTIONNAIRE_GAD7, gad7_answers, 7, -1, &error);
  g_assert_true (rw_assessment_sql_save (f->db, phq9, &error));
  g_assert_true (rw_assessment_sql_save (f->db, gad7, &error));
  g_assert_true (rw_safety_plan_save_section (f->db, RW_SAFETY_PLAN_COPING, "Walk\nMusic", &error));
  g_assert_no_error (error);

  export (f);
  target = rw_database_open (target_dir, &error);
  g_assert_true (rw_import_file (target, f->path, RW_FORMAT_AUTO, NULL, &error));
  g_assert_no_error (error);
  before = dump (f->db);
  after = dump (target);
  g_assert_cmpstr (after, ==, before);
  g_assert_nonnull (strstr (after, "lighthouse"));
  g_assert_null (strstr (after, "secretword"));

  /* Found by the journal search in the new journal too. */
  found = rw_session_sql_search (target, "lighthouse", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
}

static void
test_merge_twice_adds_nothing (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *target_dir = g_build_filename (f->other_dir, "target", NULL);
  g_autoptr(RwDatabase) target = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *once = NULL;
  g_autofree char *twice = NULL;
  g_autofree char *source = NULL;
  RwImportResult result = { 0 };

  fill (f->db);
  export (f);
  target = rw_database_open (target_dir, &error);
  g_assert_true (rw_import_file (target, f->path, RW_FORMAT_AUTO, NULL, &error));
  g_assert_no_error (error);
  once = dump (target);

  g_assert_true (rw_import_file (target, f->path, RW_FORMAT_AUTO, &result, &error));
  g_assert_no_error (error);
  twice = dump (target);
  g_assert_cmpstr (twice, ==, once);
  g_assert_cmpuint (result.added, ==, 0);
  g_assert_cmpuint (result.sessions.added, ==, 0);
  g_assert_cmpuint (result.sessions.skipped, ==, 2);
  g_assert_cmpuint (result.assessments.skipped, ==, 2);
  g_assert_cmpuint (result.safety_plan.added, ==, 0);
  g_assert_cmpuint (result.plan_runs.added, ==, 0);
  g_assert_cmpuint (result.breathing_sessions.added, ==, 0);

  /* Ids are matched in any case: an upper-case copy is the same session. */
  {
    g_autofree char *text = NULL;
    g_autofree char *upper = g_ascii_strup (SESSION_A, -1);
    g_autoptr(GString) changed = NULL;
    g_autoptr(GBytes) bytes = NULL;

    g_assert_true (g_file_get_contents (f->path, &text, NULL, NULL));
    changed = g_string_new (text);
    g_assert_cmpuint (g_string_replace (changed, SESSION_A, upper, 0), ==, 1);
    bytes = g_bytes_new (changed->str, changed->len);
    g_assert_true (rw_import_bytes (target, bytes, RW_FORMAT_JSON, &result, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (result.sessions.added, ==, 0);
    g_assert_cmpuint (result.sessions.skipped, ==, 2);
  }

  /* Into the journal it came from: nothing either, the hidden rows untouched. */
  source = dump (f->db);
  g_assert_true (rw_import_file (f->db, f->path, RW_FORMAT_AUTO, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.sessions.added + result.assessments.added, ==, 0);
  {
    g_autofree char *again = dump (f->db);
    g_assert_cmpstr (again, ==, source);
  }
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM sessions"), ==, 3);
}

#define CHECK_IN "{\"id\":\"2b1b2c3d-0000-4000-8000-000000000001\",\"date\":\"2026-11-01\",\"mood\":5}"
#define LONG10 "0123456789"
#define LONG50 LONG10 LONG10 LONG10 LONG10 LONG10
#define LONG LONG50 LONG50 LONG50 LONG50 "x"
#define SESSION "\"id\":\"3b1b2c3d-0000-4000-8000-000000000001\",\"date\":\"2026-11-01\""

static void
assert_refused (Fixture    *f,
                const char *lists,
                const char *expected)
{
  g_autofree char *text = g_strdup_printf ("{\"format\":\"rewire\",\"version\":2,"
                                           "\"check_ins\":[" CHECK_IN "],%s}", lists);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (f->db);
  g_autofree char *after = NULL;

  g_assert_false (rw_import_bytes (f->db, bytes, RW_FORMAT_JSON, NULL, &error));
  g_assert_error (error, RW_IMPORT_ERROR, RW_IMPORT_ERROR_INVALID);
  if (strstr (error->message, expected) == NULL)
    g_error ("“%s” does not say “%s”", error->message, expected);
  after = dump (f->db);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (rw_test_count_check_ins (f->db, NULL), ==, 0);
}

static void
test_malformed_refuses_everything (Fixture       *f,
                                   gconstpointer  data)
{
  struct { const char *lists; const char *expected; } cases[] = {
    { "\"sessions\":[{" SESSION ",\"route\":\"injection\"}]",
      "Item 1 of “sessions”: “route” must be one of iv, im, nasal, oral, other" },
    { "\"sessions\":[{" SESSION "},{" SESSION ",\"phase\":\"loading\"}]", "Item 2 of “sessions”" },
    /* What the file holds is shown short and without terminal codes. */
    { "\"sessions\":[{" SESSION ",\"route\":\"\\u001b[2J" LONG "\"}]",
      "(it is “?[2J012345678901234567890123456789012345…”)." },
    { "\"sessions\":[{" SESSION ",\"intensity\":11}]", "“intensity” must be a whole number from 0 to 10" },
    { "\"sessions\":[{" SESSION ",\"detached\":\"5\"}]", "“detached” must be a whole number" },
    { "\"sessions\":[{" SESSION ",\"bp_before_systolic\":400,\"bp_before_diastolic\":80}]",
      "“bp_before_systolic” must be a whole number from 40 to 300" },
    { "\"sessions\":[{" SESSION ",\"bp_after_systolic\":120}]", "both numbers" },
    { "\"sessions\":[{" SESSION ",\"hr_after\":10}]", "“hr_after”" },
    { "\"sessions\":[{" SESSION ",\"side_effects\":[\"nausea\",\"itching\"]}]",
      "“side_effects” holds “itching”" },
    { "\"sessions\":[{" SESSION ",\"done\":1}]", "“done” must be true or false" },
    { "\"sessions\":[{\"date\":\"2026-11-01\"}]", "“id” is missing" },
    { "\"sessions\":[{" SESSION ",\"checklist\":[{\"position\":0},{\"position\":0}]}]",
      "Item 1 of “sessions”, item 2 of its “checklist”" },
    { "\"sessions\":[{" SESSION ",\"integration\":[{\"day\":4}]}]",
      "item 1 of its “integration”: “day” must be a whole number from 1 to 3" },
    { "\"sessions\":{}", "“sessions”: must be a list" },
    { "\"sessions\":[{" SESSION ",\"dose\":\"" LONG "\"}]", "“dose” is longer than 200 characters" },
    { "\"assessments\":[{\"id\":\"" PHQ9 "\",\"kind\":\"phq9\",\"date\":\"2026-11-01\","
      "\"answers\":\"0123\",\"total\":6}]", "“answers” must be 9 digits from 0 to 3" },
    { "\"assessments\":[{\"id\":\"" GAD7 "\",\"kind\":\"gad7\",\"date\":\"2026-11-01\","
      "\"answers\":\"0123012\",\"total\":7}]", "“total” is 7 but the answers add up to 9" },
    { "\"assessments\":[{\"id\":\"" GAD7 "\",\"kind\":\"gad7\",\"date\":\"2026-11-01\","
      "\"answers\":\"0124012\",\"total\":10}]", "digits from 0 to 3" },
    { "\"assessments\":[{\"id\":\"" GAD7 "\",\"kind\":\"gad7\",\"date\":\"2026-11-01\","
      "\"answers\":\"0000000\",\"total\":0,\"difficulty\":1}]", "PHQ-9 only" },
    { "\"assessments\":[{\"id\":\"" GAD7 "\",\"kind\":\"bdi\",\"date\":\"2026-11-01\","
      "\"answers\":\"0\",\"total\":0}]", "“kind” must be one of phq9, gad7" },
    { "\"safety_plan\":[{\"section\":\"hobbies\",\"body\":\"x\"}]", "Item 1 of “safety_plan”" },
    { "\"safety_plan\":[{\"section\":\"coping\",\"body\":\"x\"},{\"section\":\"coping\"}]",
      "same “section”" },
    { "\"plan_runs\":[{\"plan_id\":\"first-week\",\"start_date\":\"2026-02-30\"}]",
      "“start_date”" },
    { "\"plan_runs\":[{\"plan_id\":\"first-week\",\"start_date\":\"2026-02-03\","
      "\"day_notes\":[{\"day\":8,\"note\":\"x\"}]}]", "its “day_notes”" },
    { "\"breathing_sessions\":[{\"pattern\":\"box\",\"seconds\":-1,\"finished\":"
      "\"2026-11-01T10:00:00Z\"}]", "Item 1 of “breathing_sessions”: “seconds”" },
  };

  fill (f->db);
  /* fill() made a check-in; assert_refused() counts none added from the file. */
  {
    g_autoptr(GError) error = NULL;
    g_assert_true (rw_database_exec (f->db, "DELETE FROM check_ins", &error));
  }
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_refused (f, cases[i].lists, cases[i].expected);
}

static void
test_version_1_still_imports (Fixture       *f,
                              gconstpointer  data)
{
  const char *text = "{\"format\":\"rewire\",\"version\":1,\"exported\":\"2026-01-01T00:00:00Z\","
                     "\"check_ins\":[" CHECK_IN "]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  RwImportResult result = { 0 };
  g_autofree char *more = NULL;

  g_assert_true (rw_import_bytes (f->db, bytes, RW_FORMAT_AUTO, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 1);
  g_assert_cmpuint (rw_test_count_check_ins (f->db, NULL), ==, 1);
  /* Only check-ins: the message says nothing of the rest. */
  more = rw_import_result_describe_more (&result);
  g_assert_null (more);
}

static void
test_newer_version_refused (Fixture       *f,
                            gconstpointer  data)
{
  const char *text = "{\"format\":\"rewire\",\"version\":3,\"check_ins\":[]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;

  g_assert_false (rw_import_bytes (f->db, bytes, RW_FORMAT_AUTO, NULL, &error));
  g_assert_error (error, RW_IMPORT_ERROR, RW_IMPORT_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "newer Rewire"));
}

static char *
safety_body (RwDatabase *db,
             const char *section)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RwStmt) stmt = rw_database_prepare (db, "SELECT body FROM safety_plan WHERE section = ?1",
                                                &error);

  sqlite3_bind_text (stmt, 1, section, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static void
test_safety_plan_never_loses_text (Fixture       *f,
                                   gconstpointer  data)
{
  const char *text = "{\"format\":\"rewire\",\"version\":2,\"check_ins\":[],\"safety_plan\":["
                     "{\"section\":\"people\",\"body\":\"Call Sam\\nMusic\",\"modified\":\"2026-01-01T00:00:00Z\"},"
                     "{\"section\":\"coping\",\"body\":\"A long shower\",\"modified\":\"2026-01-02T00:00:00Z\"},"
                     "{\"section\":\"reasons\",\"body\":\"My sister\"}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autofree char *people = NULL;
  g_autofree char *coping = NULL;
  g_autofree char *reasons = NULL;
  g_autofree char *again = NULL;
  g_autofree char *more = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *today = rw_date_to_iso (rw_date_today ());
  RwImportResult result = { 0 };

  g_assert_true (rw_database_exec (f->db,
                                   "INSERT INTO safety_plan (section, body, modified) VALUES "
                                   "('people', 'Call Sam\nWalk the dog', 5), ('coping', '', 5), "
                                   "('reasons', 'My sister\nThe garden', 5)", &error));
  g_assert_true (rw_import_bytes (f->db, bytes, RW_FORMAT_JSON, &result, &error));
  g_assert_no_error (error);

  /* Both have text and differ: the journal's kept, the file's after it. */
  people = safety_body (f->db, "people");
  expected = g_strdup_printf ("Call Sam\nWalk the dog\n\nFrom the import of %s:\nCall Sam\nMusic", today);
  g_assert_cmpstr (people, ==, expected);
  /* An empty section takes the file's. */
  coping = safety_body (f->db, "coping");
  g_assert_cmpstr (coping, ==, "A long shower");
  /* Every line of the file's already there: nothing added. */
  reasons = safety_body (f->db, "reasons");
  g_assert_cmpstr (reasons, ==, "My sister\nThe garden");
  g_assert_cmpuint (result.safety_plan.added, ==, 2);
  g_assert_cmpuint (result.safety_plan.merged, ==, 1);
  g_assert_cmpuint (result.safety_plan.skipped, ==, 1);
  more = rw_import_result_describe_more (&result);
  g_assert_nonnull (strstr (more, "Added 2 safety-plan sections; skipped 1 safety-plan section"));
  g_assert_nonnull (strstr (more, "From the import of"));

  /* Again: the merged section already holds every line. */
  g_assert_true (rw_import_bytes (f->db, bytes, RW_FORMAT_JSON, &result, &error));
  g_assert_no_error (error);
  again = safety_body (f->db, "people");
  g_assert_cmpstr (again, ==, expected);
  g_assert_cmpuint (result.safety_plan.added, ==, 0);
}

static void
test_plan_runs_merge_by_plan_and_start (Fixture       *f,
                                        gconstpointer  data)
{
  const char *text = "{\"format\":\"rewire\",\"version\":2,\"check_ins\":[],\"plan_runs\":["
                     "{\"plan_id\":\"first-week\",\"start_date\":\"2026-11-01\",\"ended\":null,"
                     " \"checks\":[{\"item\":\"day1-walk\",\"checked\":\"2026-11-01T10:00:00Z\"},"
                     "             {\"item\":\"day2-walk\",\"checked\":\"2026-11-02T10:00:00Z\"}],"
                     " \"day_notes\":[{\"day\":1,\"note\":\"from the file\"}]},"
                     "{\"plan_id\":\"first-week\",\"start_date\":\"2026-12-01\",\"ended\":null}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  RwImportResult result = { 0 };

  g_assert_true (rw_database_exec (f->db,
                                   "INSERT INTO plan_runs (id, plan_id, start_date, created) "
                                   "VALUES (1, 'first-week', '2026-11-01', 5);"
                                   "INSERT INTO plan_checks (run, item, checked, source) VALUES "
                                   "(1, 'day1-walk', 7, 'manual');"
                                   "INSERT INTO plan_day_notes (run, day, note, modified) VALUES "
                                   "(1, 1, 'mine', 5)", &error));
  g_assert_true (rw_import_bytes (f->db, bytes, RW_FORMAT_JSON, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.plan_runs.skipped, ==, 1);
  g_assert_cmpuint (result.plan_runs.added, ==, 1);
  /* The run there gains the check it lacked; its own check and note stay. */
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM plan_checks WHERE run = 1"), ==, 2);
  g_assert_cmpint (count_rows (f->db, "SELECT checked FROM plan_checks WHERE run = 1 AND "
                                      "item = 'day1-walk'"), ==, 7);
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM plan_day_notes WHERE note = 'mine'"), ==, 1);
  /* A plan has one active run: the one brought in second is ended. */
  g_assert_cmpint (count_rows (f->db, "SELECT count(*) FROM plan_runs WHERE "
                                      "coalesce (ended, 0) = 0"), ==, 1);
}

static void
test_restore_brings_everything (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *target_dir = g_build_filename (f->other_dir, "target", NULL);
  g_autoptr(RwDatabase) target = NULL;
  g_autoptr(RwDatabase) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *saved = NULL;
  RwBackupSummary summary;

  fill (f->db);
  export (f);
  g_assert_true (rw_backup_describe (f->path, &summary, &error));
  g_assert_no_error (error);
  g_assert_true (summary.is_export);
  g_assert_cmpint (summary.check_ins, ==, 1);
  g_assert_cmpint (summary.sessions, ==, 2);
  g_assert_cmpint (summary.assessments, ==, 2);
  rw_backup_summary_clear (&summary);

  /* A journal's own file counts them too (hidden ones left out). */
  {
    g_autofree char *journal = g_build_filename (f->dir, "journal.db", NULL);

    g_assert_true (rw_database_exec (f->db, "PRAGMA wal_checkpoint(TRUNCATE)", &error));
    g_assert_true (rw_backup_describe (journal, &summary, &error));
    g_assert_no_error (error);
    g_assert_cmpint (summary.sessions, ==, 2);
    g_assert_cmpint (summary.assessments, ==, 2);
    rw_backup_summary_clear (&summary);
  }

  before = dump (f->db);
  target = rw_database_open (target_dir, &error);
  g_assert_true (rw_backup_restore (target, f->path, &saved, &error));
  g_assert_no_error (error);
  g_clear_object (&target);
  reopened = rw_database_open (target_dir, &error);
  g_assert_no_error (error);
  after = dump (reopened);
  g_assert_cmpstr (after, ==, before);
}

static void
test_cli_messages (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *target_dir = g_build_filename (f->other_dir, "target", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  fill (f->db);
  export (f);

  {
    const char *argv[] = { "import", "--data-dir", target_dir, f->path, NULL };

    g_assert_cmpint (rw_test_run_cli (argv, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, "Imported 1 check-in"));
    g_assert_nonnull (strstr (out, "Added 2 sessions, 2 assessments, 2 safety-plan sections, "
                                   "2 plan runs, 2 breathing sessions."));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (rw_test_run_cli (argv, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, "Added nothing else; skipped 2 sessions, 2 assessments, "
                                   "2 safety-plan sections, 2 plan runs, 2 breathing sessions "
                                   "already in the journal."));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    g_autofree char *empty = g_build_filename (f->other_dir, "empty", NULL);
    const char *argv[] = { "restore", "--data-dir", empty, f->path, NULL };

    g_assert_cmpint (rw_test_run_cli (argv, &out, &err), ==, 1);
    g_assert_nonnull (strstr (out, "In the export:  1 check-ins"));
    g_assert_nonnull (strstr (out, "  2 sessions, 2 assessments\n"));
    g_assert_nonnull (strstr (out, "  0 sessions, 0 assessments\n"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/json-full/round-trip", test_round_trip);
  ADD ("/json-full/round-trip-of-what-the-app-writes", test_round_trip_of_what_the_app_writes);
  ADD ("/json-full/merge-twice-adds-nothing", test_merge_twice_adds_nothing);
  ADD ("/json-full/malformed-refuses-everything", test_malformed_refuses_everything);
  ADD ("/json-full/version-1-still-imports", test_version_1_still_imports);
  ADD ("/json-full/newer-version-refused", test_newer_version_refused);
  ADD ("/json-full/safety-plan-never-loses-text", test_safety_plan_never_loses_text);
  ADD ("/json-full/plan-runs-merge", test_plan_runs_merge_by_plan_and_start);
  ADD ("/json-full/restore-brings-everything", test_restore_brings_everything);
  ADD ("/json-full/cli-messages", test_cli_messages);
#undef ADD

  return g_test_run ();
}
