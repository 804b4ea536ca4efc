/* rw-assessment-sql.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rw-assessment-sql"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>
#include <string.h>

#include "rw-assessment-sql.h"
#include "rw-date.h"

static gboolean
insert_row (RwDatabase  *db,
            gpointer     data,
            GError     **error)
{
  RwAssessment *assessment = data;
  g_autofree char *answers = rw_assessment_dup_answers_text (assessment);
  g_autofree char *uuid = g_uuid_string_random ();
  char date[RW_DATE_ISO_SIZE];
  gint64 now = g_get_real_time ();
  sqlite3_stmt *stmt;

  stmt = rw_database_prepare (db,
                              "INSERT INTO assessments (uuid, kind, date, time, answers, total, "
                              "difficulty, created, modified) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)", error);
  if (stmt == NULL)
    return FALSE;

  rw_date_write_iso (assessment->date, date);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, rw_questionnaire_kind_to_string (assessment->kind), -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, assessment->time, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, answers, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 6, assessment->total);
  if (assessment->difficulty >= 0)
    sqlite3_bind_int (stmt, 7, assessment->difficulty);
  else
    sqlite3_bind_null (stmt, 7);
  sqlite3_bind_int64 (stmt, 8, now);

  if (!rw_database_step_done (db, stmt, _("save the questionnaire"), error))
    return FALSE;
  g_free (assessment->id);
  assessment->id = g_steal_pointer (&uuid);
  return TRUE;
}

/**
 * rw_assessment_sql_save:
 * @db: a #RwDatabase
 * @assessment: answers made by rw_assessment_new()
 * @error: return location for a #GError
 *
 * Adds @assessment to the journal and sets its id.
 */
gboolean
rw_assessment_sql_save (RwDatabase    *db,
                        RwAssessment  *assessment,
                        GError       **error)
{
  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (assessment != NULL, FALSE);
  g_return_val_if_fail (assessment->n_answers ==
                        rw_questionnaire_kind_n_items (assessment->kind), FALSE);

  return rw_database_write (db, insert_row, assessment, error);
}

static RwAssessment *
read_row (sqlite3_stmt *stmt)
{
  RwAssessment *assessment;
  RwQuestionnaireKind kind;
  const char *answers = (const char *) sqlite3_column_text (stmt, 2);
  const char *time = (const char *) sqlite3_column_text (stmt, 4);
  gsize n;

  if (!rw_questionnaire_kind_from_string ((const char *) sqlite3_column_text (stmt, 1), &kind) ||
      answers == NULL || (n = strlen (answers)) != rw_questionnaire_kind_n_items (kind))
    return NULL;

  assessment = g_new0 (RwAssessment, 1);
  assessment->id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  assessment->kind = kind;
  assessment->n_answers = n;
  for (guint i = 0; i < n; i++)
    assessment->answers[i] = CLAMP (answers[i] - '0', 0, RW_QUESTIONNAIRE_N_ANSWERS - 1);
  assessment->date = rw_date_from_iso ((const char *) sqlite3_column_text (stmt, 3));
  g_strlcpy (assessment->time, time != NULL ? time : "", sizeof assessment->time);
  assessment->total = sqlite3_column_int (stmt, 5);
  assessment->difficulty = sqlite3_column_type (stmt, 6) == SQLITE_NULL
                           ? -1 : sqlite3_column_int (stmt, 6);
  return assessment;
}

GPtrArray *
rw_assessment_sql_list (RwDatabase           *db,
                        RwQuestionnaireKind   kind,
                        GError              **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) rw_assessment_free);
  g_autoptr(RwStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (RW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (kind <= RW_N_QUESTIONNAIRES, NULL);

  stmt = rw_database_prepare (db,
                              "SELECT uuid, kind, answers, date, time, total, difficulty "
                              "FROM assessments WHERE hidden = 0 AND (?1 IS NULL OR kind = ?1) "
                              "ORDER BY date DESC, time DESC, created DESC", error);
  if (stmt == NULL)
    return NULL;
  if (kind < RW_N_QUESTIONNAIRES)
    sqlite3_bind_text (stmt, 1, rw_questionnaire_kind_to_string (kind), -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RwAssessment *assessment = read_row (stmt);

      if (assessment != NULL)
        g_ptr_array_add (list, assessment);
    }
  if (rc != SQLITE_DONE)
    {
      rw_database_set_error (db, rc, _("read the questionnaires"), error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

typedef struct
{
  const char *id;
  gboolean hidden;
} HideData;

static gboolean
set_hidden (RwDatabase  *db,
            gpointer     data,
            GError     **error)
{
  HideData *hide = data;
  sqlite3_stmt *stmt;

  stmt = rw_database_prepare (db, "UPDATE assessments SET hidden = ?2 WHERE uuid = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, hide->id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, hide->hidden ? 1 : 0);
  return rw_database_step_done (db, stmt, _("delete the questionnaire"), error);
}

/**
 * rw_assessment_sql_set_hidden:
 * @db: a #RwDatabase
 * @id: an assessment's id
 * @hidden: %TRUE to delete it in a way Undo can bring back
 * @error: return location for a #GError
 */
gboolean
rw_assessment_sql_set_hidden (RwDatabase  *db,
                              const char  *id,
                              gboolean     hidden,
                              GError     **error)
{
  HideData data = { id, hidden };

  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return rw_database_write (db, set_hidden, &data, error);
}

static gboolean
purge_hidden (RwDatabase  *db,
              gpointer     data,
              GError     **error)
{
  return rw_database_exec (db, "DELETE FROM assessments WHERE hidden != 0", error);
}

gboolean
rw_assessment_sql_purge_hidden (RwDatabase  *db,
                                GError     **error)
{
  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);

  return rw_database_write (db, purge_hidden, NULL, error);
}

/* For the start-up tidy: an Undo that never ended (a crash) left some. */
gboolean
rw_assessment_sql_has_hidden (RwDatabase *db)
{
  g_autoptr(RwStmt) stmt = NULL;

  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);

  stmt = rw_database_prepare (db, "SELECT 1 FROM assessments WHERE hidden != 0 LIMIT 1", NULL);
  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW;
}

static guint32
read_day (RwDatabase  *db,
          const char  *sql,
          const char  *bind,
          GError     **error)
{
  g_autoptr(RwStmt) stmt = rw_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return 0;
  if (bind != NULL)
    sqlite3_bind_text (stmt, 1, bind, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_type (stmt, 0) == SQLITE_NULL
           ? 0 : rw_date_from_iso ((const char *) sqlite3_column_text (stmt, 0));
  rw_database_set_error (db, rc, _("read the questionnaires"), error);
  return 0;
}

guint32
rw_assessment_sql_last_date (RwDatabase           *db,
                             RwQuestionnaireKind   kind,
                             GError              **error)
{
  g_return_val_if_fail (RW_IS_DATABASE (db), 0);
  g_return_val_if_fail (kind < RW_N_QUESTIONNAIRES, 0);

  return read_day (db, "SELECT max (date) FROM assessments WHERE hidden = 0 AND kind = ?1",
                   rw_questionnaire_kind_to_string (kind), error);
}

guint32
rw_assessment_sql_last_session (RwDatabase  *db,
                                GError     **error)
{
  g_return_val_if_fail (RW_IS_DATABASE (db), 0);

  return read_day (db, "SELECT max (date) FROM sessions WHERE hidden = 0 AND done = 1",
                   NULL, error);
}

gboolean
rw_assessment_sql_get_restart (RwDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);

  value = rw_database_get_setting (db, RW_ASSESSMENT_RESTART_KEY, &error);
  if (error != NULL)
    g_message ("Could not read when questionnaires are due: %s", error->message);
  return g_strcmp0 (value, "1") == 0;
}

gboolean
rw_assessment_sql_set_restart (RwDatabase  *db,
                               gboolean     restart,
                               GError     **error)
{
  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);

  return rw_database_set_setting (db, RW_ASSESSMENT_RESTART_KEY, restart ? "1" : "0", error);
}

/**
 * rw_assessment_due_day:
 * @last: the day of the last one of a kind, or 0 for none
 * @last_session: the day of the last session done, or 0 for none
 * @restart: whether a session done after @last makes the next one due
 *
 * The rule: the next one is due %RW_QUESTIONNAIRE_DUE_DAYS after the
 * last; with @restart, from the day of a session done after the last,
 * when that is sooner. Nothing is due before a first one: the person
 * starts when they choose.
 *
 * Returns: the day the next one is due, or 0 for none
 */
guint32
rw_assessment_due_day (guint32  last,
                       guint32  last_session,
                       gboolean restart)
{
  guint32 due;

  if (last == 0)
    return 0;
  due = last + RW_QUESTIONNAIRE_DUE_DAYS;
  if (restart && last_session > last && last_session < due)
    due = last_session;
  return due;
}

guint32
rw_assessment_sql_due_day (RwDatabase           *db,
                           RwQuestionnaireKind   kind,
                           GError              **error)
{
  guint32 last, session = 0;
  gboolean restart;

  g_return_val_if_fail (RW_IS_DATABASE (db), 0);

  last = rw_assessment_sql_last_date (db, kind, error);
  if (last == 0)
    return 0;
  restart = rw_assessment_sql_get_restart (db);
  if (restart)
    session = rw_assessment_sql_last_session (db, error);
  return rw_assessment_due_day (last, session, restart);
}
