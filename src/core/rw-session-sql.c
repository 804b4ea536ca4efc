/* rw-session-sql.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rw-session-sql"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rw-search.h"
#include "rw-session-sql.h"

#define SELECT_COLUMNS \
  "s.id, s.uuid, s.date, s.time, s.route, s.phase, s.provider, s.dose, s.done, " \
  "s.intention, s.bp_before_systolic, s.bp_before_diastolic, s.hr_before, " \
  "s.bp_after_systolic, s.bp_after_diastolic, s.hr_after, s.intensity, s.detached, " \
  "s.side_effects, s.side_effects_other, s.note, s.created, s.modified"

/* Sessions without a time come first on their day. */
#define ORDER_BY " ORDER BY s.date, s.time IS NOT NULL, s.time, s.created, s.id"

enum {
  COL_ROWID,
  COL_UUID,
  COL_DATE,
  COL_TIME,
  COL_ROUTE,
  COL_PHASE,
  COL_PROVIDER,
  COL_DOSE,
  COL_DONE,
  COL_INTENTION,
  COL_FIRST_VITAL,
  COL_INTENSITY = COL_FIRST_VITAL + RW_N_SESSION_VITALS,
  COL_DETACHED,
  COL_SIDE_EFFECTS,
  COL_SIDE_EFFECTS_OTHER,
  COL_NOTE,
  COL_CREATED,
  COL_MODIFIED,
};

/* The columns of the vitals, in RwSessionVital's order. */
#define VITAL_COLUMNS \
  "bp_before_systolic, bp_before_diastolic, hr_before, " \
  "bp_after_systolic, bp_after_diastolic, hr_after"

static gboolean
fail (RwDatabase  *db,
      int          rc,
      const char  *doing,
      GError     **error)
{
  rw_database_set_error (db, rc, doing, error);
  return FALSE;
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

static int
column_int_or_unset (sqlite3_stmt *stmt,
                     int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL
         ? RW_SESSION_UNSET : sqlite3_column_int (stmt, column);
}

static gboolean
read_children (RwDatabase  *db,
               gint64       rowid,
               RwSession   *session,
               GError     **error)
{
  g_autoptr(RwStmt) checklist = NULL;
  g_autoptr(RwStmt) integration = NULL;
  int rc;

  checklist = rw_database_prepare (db, "SELECT label, checked FROM session_checklist "
                                       "WHERE session = ? ORDER BY position", error);
  if (checklist == NULL)
    return FALSE;
  sqlite3_bind_int64 (checklist, 1, rowid);
  while ((rc = sqlite3_step (checklist)) == SQLITE_ROW)
    rw_session_append_checklist (session, column_text (checklist, 0),
                                 sqlite3_column_int (checklist, 1) != 0);
  if (rc != SQLITE_DONE)
    return fail (db, rc, _("read the session"), error);

  integration = rw_database_prepare (db, "SELECT day, noticed, carry_forward, hard "
                                         "FROM session_integration WHERE session = ?", error);
  if (integration == NULL)
    return FALSE;
  sqlite3_bind_int64 (integration, 1, rowid);
  while ((rc = sqlite3_step (integration)) == SQLITE_ROW)
    {
      int day = sqlite3_column_int (integration, 0);

      if (day < 1 || day > RW_SESSION_INTEGRATION_DAYS)
        continue;
      for (guint p = 0; p < RW_N_INTEGRATION_PROMPTS; p++)
        rw_session_set_integration (session, day, p, column_text (integration, 1 + p));
    }
  if (rc != SQLITE_DONE)
    return fail (db, rc, _("read the session"), error);
  return TRUE;
}

/* Makes a session of the current row of a statement selecting
 * SELECT_COLUMNS; *@rowid is its row id. */
static RwSession *
read_row (sqlite3_stmt *stmt,
          gint64       *rowid)
{
  RwSession *session = rw_session_new ();
  RwSessionRoute route = RW_SESSION_ROUTE_OTHER;
  RwSessionPhase phase = RW_SESSION_PHASE_OTHER;
  RwSideEffects effects = 0;

  *rowid = sqlite3_column_int64 (stmt, COL_ROWID);
  rw_session_set_id (session, column_text (stmt, COL_UUID));
  rw_session_set_date (session, column_text (stmt, COL_DATE));
  rw_session_set_time (session, (const char *) sqlite3_column_text (stmt, COL_TIME));
  rw_session_route_from_string (column_text (stmt, COL_ROUTE), &route);
  rw_session_set_route (session, route);
  rw_session_phase_from_string (column_text (stmt, COL_PHASE), &phase);
  rw_session_set_phase (session, phase);
  rw_session_set_provider (session, column_text (stmt, COL_PROVIDER));
  rw_session_set_dose (session, column_text (stmt, COL_DOSE));
  rw_session_set_done (session, sqlite3_column_int (stmt, COL_DONE) != 0);
  rw_session_set_intention (session, column_text (stmt, COL_INTENTION));
  for (guint i = 0; i < RW_N_SESSION_VITALS; i++)
    rw_session_set_vital (session, i, column_int_or_unset (stmt, COL_FIRST_VITAL + i));
  rw_session_set_intensity (session, column_int_or_unset (stmt, COL_INTENSITY));
  rw_session_set_detached (session, column_int_or_unset (stmt, COL_DETACHED));
  /* A key this build does not know (a newer Rewire's) is left out. */
  {
    g_auto(GStrv) keys = g_strsplit (column_text (stmt, COL_SIDE_EFFECTS), ",", -1);

    for (guint i = 0; keys[i] != NULL; i++)
      {
        RwSideEffects one = 0;

        if (rw_side_effects_from_string (keys[i], &one, NULL))
          effects |= one;
      }
  }
  rw_session_set_side_effects (session, effects);
  rw_session_set_side_effects_other (session, column_text (stmt, COL_SIDE_EFFECTS_OTHER));
  rw_session_set_note (session, column_text (stmt, COL_NOTE));
  rw_session_set_created (session, sqlite3_column_int64 (stmt, COL_CREATED));
  rw_session_set_modified (session, sqlite3_column_int64 (stmt, COL_MODIFIED));
  return session;
}

/* Reads every row of @stmt (which selects SELECT_COLUMNS) with its
 * checklist and answers. */
static GPtrArray *
read_all (RwDatabase    *db,
          sqlite3_stmt  *stmt,
          GError       **error)
{
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid;

      g_ptr_array_add (sessions, read_row (stmt, &rowid));
      g_array_append_val (rowids, rowid);
    }
  if (rc != SQLITE_DONE)
    {
      fail (db, rc, _("read the sessions"), error);
      return NULL;
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < sessions->len; i++)
    if (!read_children (db, g_array_index (rowids, gint64, i), sessions->pdata[i], error))
      return NULL;
  return g_steal_pointer (&sessions);
}

/* The first session of @stmt, or NULL (without an error when none). */
static RwSession *
read_first (RwDatabase    *db,
            sqlite3_stmt  *stmt,
            GError       **error)
{
  g_autoptr(GPtrArray) sessions = read_all (db, stmt, error);

  if (sessions == NULL || sessions->len == 0)
    return NULL;
  return g_object_ref (sessions->pdata[0]);
}

static gboolean
lookup_rowid (RwDatabase  *db,
              const char  *id,
              gint64      *rowid,
              GError     **error)
{
  g_autoptr(RwStmt) stmt = NULL;
  int rc;

  stmt = rw_database_prepare (db, "SELECT id FROM sessions WHERE uuid = lower (?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *rowid = sqlite3_column_int64 (stmt, 0);
      return TRUE;
    }
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_NOT_FOUND,
                   _("No session has the id “%s”."), id);
      return FALSE;
    }
  return fail (db, rc, _("read the session"), error);
}

static gboolean
run_with_rowid (RwDatabase  *db,
                const char  *sql,
                gint64       rowid,
                const char  *doing,
                GError     **error)
{
  sqlite3_stmt *stmt = rw_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rowid);
  return rw_database_step_done (db, stmt, doing, error);
}

static void
bind_int_or_null (sqlite3_stmt *stmt,
                  int           index,
                  int           value)
{
  if (value == RW_SESSION_UNSET)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int (stmt, index, value);
}

/* Binds ?1 to ?22 in the order of the columns after id. */
static void
bind_values (sqlite3_stmt *stmt,
             RwSession    *session,
             char        **side_effects)
{
  int n = 1;

  *side_effects = rw_side_effects_to_string (rw_session_get_side_effects (session));

  sqlite3_bind_text (stmt, n++, rw_session_get_id (session), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, n++, rw_session_get_date (session), -1, SQLITE_TRANSIENT);
  if (rw_session_get_time (session) != NULL)
    sqlite3_bind_text (stmt, n++, rw_session_get_time (session), -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, n++);
  sqlite3_bind_text (stmt, n++, rw_session_route_to_string (rw_session_get_route (session)), -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, n++, rw_session_phase_to_string (rw_session_get_phase (session)), -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, n++, rw_session_get_provider (session), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, n++, rw_session_get_dose (session), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, n++, rw_session_get_done (session) ? 1 : 0);
  sqlite3_bind_text (stmt, n++, rw_session_get_intention (session), -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < RW_N_SESSION_VITALS; i++)
    bind_int_or_null (stmt, n++, rw_session_get_vital (session, i));
  bind_int_or_null (stmt, n++, rw_session_get_intensity (session));
  bind_int_or_null (stmt, n++, rw_session_get_detached (session));
  sqlite3_bind_text (stmt, n++, *side_effects, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, n++, rw_session_get_side_effects_other (session), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, n++, rw_session_get_note (session), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, n++, rw_session_get_created (session));
  sqlite3_bind_int64 (stmt, n++, rw_session_get_modified (session));
  g_assert (n == 23);
}

/* Appends @text for the index, spread out where a script has no spaces. */
static void
append_index_text (GString    *out,
                   const char *text)
{
  g_autofree char *owned = NULL;
  const char *index = rw_search_index_text_borrow (text, &owned);

  if (*index == '\0')
    return;
  if (out->len > 0)
    g_string_append_c (out, '\n');
  g_string_append (out, index);
}

/**
 * rw_session_sql_reindex:
 * @db: a #RwDatabase inside a transaction
 * @rowid: a sessions.id
 * @error: return location for a #GError
 *
 * Writes the session's search entry (session_fts) again from what is
 * stored: its note, intention and integration answers, with scripts
 * written without spaces spread out as the check-ins' index has them
 * (rw_search_index_text()), so that the same queries find them.
 */
gboolean
rw_session_sql_reindex (RwDatabase  *db,
                        gint64       rowid,
                        GError     **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(RwStmt) read = NULL;
  sqlite3_stmt *insert;
  int rc;

  if (!run_with_rowid (db, "DELETE FROM session_fts WHERE rowid = ?1", rowid,
                       _("update the search index"), error))
    return FALSE;

  read = rw_database_prepare (db,
                              "SELECT note, intention FROM sessions WHERE id = ?1 "
                              "UNION ALL SELECT noticed || char (10) || carry_forward || "
                              "char (10) || hard, '' FROM session_integration "
                              "WHERE session = ?1",
                              error);
  if (read == NULL)
    return FALSE;
  sqlite3_bind_int64 (read, 1, rowid);
  while ((rc = sqlite3_step (read)) == SQLITE_ROW)
    {
      append_index_text (text, column_text (read, 0));
      append_index_text (text, column_text (read, 1));
    }
  if (rc != SQLITE_DONE)
    return fail (db, rc, _("update the search index"), error);
  sqlite3_reset (g_steal_pointer (&read));

  if (text->len == 0)
    return TRUE;
  insert = rw_database_prepare (db, "INSERT INTO session_fts (rowid, text) VALUES (?1, ?2)",
                                error);
  if (insert == NULL)
    return FALSE;
  sqlite3_bind_int64 (insert, 1, rowid);
  sqlite3_bind_text (insert, 2, text->str, -1, SQLITE_TRANSIENT);
  return rw_database_step_done (db, insert, _("update the search index"), error);
}

/* Replaces the checklist and the answers of @rowid with @session's. */
static gboolean
write_children (RwDatabase  *db,
                gint64       rowid,
                RwSession   *session,
                GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 now = g_get_real_time ();

  if (!run_with_rowid (db, "DELETE FROM session_checklist WHERE session = ?1", rowid,
                       _("save the checklist"), error) ||
      !run_with_rowid (db, "DELETE FROM session_integration WHERE session = ?1", rowid,
                       _("save the integration answers"), error))
    return FALSE;

  for (guint i = 0; i < rw_session_get_n_checklist (session); i++)
    {
      stmt = rw_database_prepare (db, "INSERT INTO session_checklist (session, position, label, "
                                      "checked) VALUES (?1, ?2, ?3, ?4)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, rowid);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_text (stmt, 3, rw_session_get_checklist_label (session, i), -1,
                         SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 4, rw_session_get_checklist_checked (session, i) ? 1 : 0);
      if (!rw_database_step_done (db, stmt, _("save the checklist"), error))
        return FALSE;
    }

  for (guint day = 1; day <= RW_SESSION_INTEGRATION_DAYS; day++)
    {
      if (!rw_session_has_integration (session, day))
        continue;
      stmt = rw_database_prepare (db, "INSERT INTO session_integration (session, day, noticed, "
                                      "carry_forward, hard, modified) "
                                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, rowid);
      sqlite3_bind_int (stmt, 2, day);
      for (guint p = 0; p < RW_N_INTEGRATION_PROMPTS; p++)
        sqlite3_bind_text (stmt, 3 + p, rw_session_get_integration (session, day, p), -1,
                           SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 6, now);
      if (!rw_database_step_done (db, stmt, _("save the integration answers"), error))
        return FALSE;
    }

  return rw_session_sql_reindex (db, rowid, error);
}

/**
 * rw_session_sql_insert:
 * @db: a #RwDatabase inside a transaction
 * @session: a validated session
 * @error: return location for a #GError
 *
 * Writes a new session with its checklist, answers and search entry. A
 * created time of 0 becomes now, and a modified time of 0 the created
 * time; both are set on @session.
 */
gboolean
rw_session_sql_insert (RwDatabase  *db,
                       RwSession   *session,
                       GError     **error)
{
  g_autofree char *side_effects = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (RW_IS_SESSION (session), FALSE);
  g_return_val_if_fail (rw_database_in_transaction (db), FALSE);

  if (rw_session_get_created (session) == 0)
    rw_session_set_created (session, g_get_real_time ());
  if (rw_session_get_modified (session) == 0)
    rw_session_set_modified (session, rw_session_get_created (session));

  stmt = rw_database_prepare (db,
                              "INSERT INTO sessions (uuid, date, time, route, phase, provider, "
                              "dose, done, intention, " VITAL_COLUMNS ", intensity, detached, "
                              "side_effects, side_effects_other, note, created, modified) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                              "?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)",
                              error);
  if (stmt == NULL)
    return FALSE;
  bind_values (stmt, session, &side_effects);
  if (!rw_database_step_done (db, stmt, _("save the session"), error))
    return FALSE;

  return write_children (db, sqlite3_last_insert_rowid (rw_database_get_handle (db)), session,
                         error);
}

/**
 * rw_session_sql_update:
 * @db: a #RwDatabase inside a transaction
 * @session: a validated session whose id exists
 * @error: return location for a #GError
 *
 * Replaces everything stored of the session with @session's id (its
 * checklist and answers included) and sets its modified time to now
 * (always later than before). A hidden session stays hidden.
 */
gboolean
rw_session_sql_update (RwDatabase  *db,
                       RwSession   *session,
                       GError     **error)
{
  g_autofree char *side_effects = NULL;
  g_autoptr(RwStmt) old = NULL;
  sqlite3_stmt *stmt;
  gint64 rowid = 0;
  gint64 created, modified;
  int rc;

  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (RW_IS_SESSION (session), FALSE);
  g_return_val_if_fail (rw_database_in_transaction (db), FALSE);

  if (!lookup_rowid (db, rw_session_get_id (session), &rowid, error))
    return FALSE;

  old = rw_database_prepare (db, "SELECT created, modified FROM sessions WHERE id = ?", error);
  if (old == NULL)
    return FALSE;
  sqlite3_bind_int64 (old, 1, rowid);
  rc = sqlite3_step (old);
  if (rc != SQLITE_ROW)
    return fail (db, rc, _("read the session"), error);
  created = sqlite3_column_int64 (old, 0);
  modified = sqlite3_column_int64 (old, 1);
  sqlite3_reset (g_steal_pointer (&old));

  rw_session_set_created (session, created);
  rw_session_set_modified (session, MAX (g_get_real_time (), modified + 1));

  stmt = rw_database_prepare (db,
                              "UPDATE sessions SET uuid = ?1, date = ?2, time = ?3, route = ?4, "
                              "phase = ?5, provider = ?6, dose = ?7, done = ?8, intention = ?9, "
                              "bp_before_systolic = ?10, bp_before_diastolic = ?11, "
                              "hr_before = ?12, bp_after_systolic = ?13, "
                              "bp_after_diastolic = ?14, hr_after = ?15, intensity = ?16, "
                              "detached = ?17, side_effects = ?18, side_effects_other = ?19, "
                              "note = ?20, created = ?21, modified = ?22 WHERE id = ?23",
                              error);
  if (stmt == NULL)
    return FALSE;
  bind_values (stmt, session, &side_effects);
  sqlite3_bind_int64 (stmt, 23, rowid);
  if (!rw_database_step_done (db, stmt, _("save the session"), error))
    return FALSE;

  return write_children (db, rowid, session, error);
}

/**
 * rw_session_sql_set_done:
 * @db: a #RwDatabase inside a transaction
 * @id: a session's id
 * @done: whether it took place
 * @error: return location for a #GError
 */
gboolean
rw_session_sql_set_done (RwDatabase  *db,
                         const char  *id,
                         gboolean     done,
                         GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 rowid = 0;

  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (rw_database_in_transaction (db), FALSE);

  if (!lookup_rowid (db, id, &rowid, error))
    return FALSE;
  stmt = rw_database_prepare (db, "UPDATE sessions SET done = ?2, "
                                  "modified = max (?3, modified + 1) WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rowid);
  sqlite3_bind_int (stmt, 2, done ? 1 : 0);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time ());
  return rw_database_step_done (db, stmt, _("save the session"), error);
}

/**
 * rw_session_sql_save_integration:
 * @db: a #RwDatabase inside a transaction
 * @id: a session's id
 * @day: 1–3, the day after the session
 * @noticed: what the person noticed
 * @carry_forward: what they want to carry forward
 * @hard: what was hard
 * @error: return location for a #GError
 *
 * Replaces the answers of one day (all three empty removes them) and the
 * session's search entry. The answers are not validated here: see
 * rw_session_validate_integration().
 */
gboolean
rw_session_sql_save_integration (RwDatabase  *db,
                                 const char  *id,
                                 guint        day,
                                 const char  *noticed,
                                 const char  *carry_forward,
                                 const char  *hard,
                                 GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 rowid = 0;

  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (day >= 1 && day <= RW_SESSION_INTEGRATION_DAYS, FALSE);
  g_return_val_if_fail (noticed != NULL && carry_forward != NULL && hard != NULL, FALSE);
  g_return_val_if_fail (rw_database_in_transaction (db), FALSE);

  if (!lookup_rowid (db, id, &rowid, error))
    return FALSE;

  if (*noticed == '\0' && *carry_forward == '\0' && *hard == '\0')
    stmt = rw_database_prepare (db, "DELETE FROM session_integration "
                                    "WHERE session = ?1 AND day = ?2", error);
  else
    stmt = rw_database_prepare (db, "INSERT OR REPLACE INTO session_integration (session, day, "
                                    "noticed, carry_forward, hard, modified) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rowid);
  sqlite3_bind_int (stmt, 2, day);
  if (sqlite3_bind_parameter_count (stmt) > 2)
    {
      sqlite3_bind_text (stmt, 3, noticed, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, carry_forward, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, hard, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 6, g_get_real_time ());
    }
  if (!rw_database_step_done (db, stmt, _("save the integration answers"), error))
    return FALSE;

  return rw_session_sql_reindex (db, rowid, error);
}

/**
 * rw_session_sql_set_hidden:
 * @db: a #RwDatabase inside a transaction
 * @id: a session's id
 * @hidden: whether to hide it
 * @error: return location for a #GError
 *
 * A hidden session is left out of every list, search and lookup, but
 * can be brought back (Undo) until it is purged.
 */
gboolean
rw_session_sql_set_hidden (RwDatabase  *db,
                           const char  *id,
                           gboolean     hidden,
                           GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 rowid = 0;

  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (rw_database_in_transaction (db), FALSE);

  if (!lookup_rowid (db, id, &rowid, error))
    return FALSE;
  stmt = rw_database_prepare (db, "UPDATE sessions SET hidden = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rowid);
  sqlite3_bind_int (stmt, 2, hidden ? 1 : 0);
  return rw_database_step_done (db, stmt, _("delete the session"), error);
}

static gboolean
delete_rowid (RwDatabase  *db,
              gint64       rowid,
              GError     **error)
{
  /* The checklist and answers go with the row (ON DELETE CASCADE). */
  return run_with_rowid (db, "DELETE FROM session_fts WHERE rowid = ?1", rowid,
                         _("update the search index"), error) &&
         run_with_rowid (db, "DELETE FROM session_checklist WHERE session = ?1", rowid,
                         _("delete the session"), error) &&
         run_with_rowid (db, "DELETE FROM session_integration WHERE session = ?1", rowid,
                         _("delete the session"), error) &&
         run_with_rowid (db, "DELETE FROM sessions WHERE id = ?1", rowid,
                         _("delete the session"), error);
}

/**
 * rw_session_sql_purge_one:
 * @db: a #RwDatabase inside a transaction
 * @id: a session's id
 * @error: return location for a #GError
 *
 * Removes the session @id for good if it is hidden; one brought back (or
 * never hidden, or already gone) is left as it is. Run
 * rw_check_in_sql_scrub() afterwards (rw_journal_scrub_async()) so that
 * its words leave the index and the log.
 */
gboolean
rw_session_sql_purge_one (RwDatabase  *db,
                          const char  *id,
                          GError     **error)
{
  g_autoptr(RwStmt) stmt = NULL;
  gint64 rowid;
  int rc;

  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (rw_database_in_transaction (db), FALSE);

  stmt = rw_database_prepare (db, "SELECT id FROM sessions WHERE uuid = lower (?) AND hidden != 0",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return fail (db, rc, _("delete the session"), error);
  rowid = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (g_steal_pointer (&stmt));

  return delete_rowid (db, rowid, error);
}

/**
 * rw_session_sql_purge_hidden:
 * @db: a #RwDatabase inside a transaction
 * @n_purged: (out) (optional): how many were removed
 * @error: return location for a #GError
 *
 * Removes every hidden session for good (those left by an Undo that
 * never ended).
 */
gboolean
rw_session_sql_purge_hidden (RwDatabase  *db,
                             guint       *n_purged,
                             GError     **error)
{
  g_autoptr(GArray) rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(RwStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (rw_database_in_transaction (db), FALSE);

  stmt = rw_database_prepare (db, "SELECT id FROM sessions WHERE hidden != 0", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (rowids, rowid);
    }
  if (rc != SQLITE_DONE)
    return fail (db, rc, _("delete sessions"), error);
  sqlite3_reset (g_steal_pointer (&stmt));

  for (guint i = 0; i < rowids->len; i++)
    if (!delete_rowid (db, g_array_index (rowids, gint64, i), error))
      return FALSE;
  if (n_purged != NULL)
    *n_purged = rowids->len;
  return TRUE;
}

gboolean
rw_session_sql_has_hidden (RwDatabase *db)
{
  g_autoptr(RwStmt) stmt = rw_database_prepare (db, "SELECT 1 FROM sessions WHERE hidden != 0 "
                                                    "LIMIT 1", NULL);

  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW;
}

/**
 * rw_session_sql_optimize_index:
 * @db: a #RwDatabase inside a transaction
 * @error: return location for a #GError
 *
 * Merges session_fts into one segment, so that a purged session's words
 * leave it (rw_check_in_sql_scrub() calls it).
 */
gboolean
rw_session_sql_optimize_index (RwDatabase  *db,
                               GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (rw_database_in_transaction (db), FALSE);

  stmt = rw_database_prepare (db, "INSERT INTO session_fts (session_fts) VALUES ('optimize')",
                              error);
  if (stmt == NULL)
    return FALSE;
  return rw_database_step_done (db, stmt, _("update the search index"), error);
}

/**
 * rw_session_sql_load:
 * @db: a #RwDatabase
 * @id: a visible session's id
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the session, or %NULL with
 *   %RW_DATABASE_ERROR_NOT_FOUND
 */
RwSession *
rw_session_sql_load (RwDatabase  *db,
                     const char  *id,
                     GError     **error)
{
  g_autoptr(RwStmt) stmt = NULL;
  RwSession *session;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (RW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  stmt = rw_database_prepare (db, "SELECT " SELECT_COLUMNS " FROM sessions s "
                                  "WHERE s.uuid = lower (?) AND s.hidden = 0", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  session = read_first (db, stmt, &local_error);
  if (session == NULL && local_error == NULL)
    g_set_error (&local_error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_NOT_FOUND,
                 _("No session has the id “%s”."), id);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return session;
}

#define MIN_PREFIX 8

/**
 * rw_session_sql_resolve_id:
 * @db: a #RwDatabase
 * @id_or_prefix: a whole id, or its first 8 or more characters
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the whole id of the one visible
 *   session it names, or %NULL with %RW_DATABASE_ERROR_NOT_FOUND
 */
char *
rw_session_sql_resolve_id (RwDatabase  *db,
                           const char  *id_or_prefix,
                           GError     **error)
{
  g_autoptr(RwStmt) stmt = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *found = NULL;
  guint matches = 0;
  int rc;

  g_return_val_if_fail (RW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (id_or_prefix != NULL, NULL);

  lower = g_ascii_strdown (id_or_prefix, -1);
  if (strlen (lower) < MIN_PREFIX || strspn (lower, "0123456789abcdef-") != strlen (lower))
    {
      g_autofree char *valid = g_utf8_make_valid (id_or_prefix, -1);

      g_set_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_NOT_FOUND,
                   _("“%s” is not a session id: give the whole id, or at least its first %d "
                     "characters, as “rewire session list” shows them."),
                   valid, MIN_PREFIX);
      return NULL;
    }

  stmt = rw_database_prepare (db, "SELECT uuid FROM sessions WHERE hidden = 0 AND "
                                  "uuid >= ?1 AND uuid < ?1 || 'g' ORDER BY uuid LIMIT 2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, lower, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (matches++ == 0)
      found = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      fail (db, rc, _("read the sessions"), error);
      return NULL;
    }
  if (matches == 1)
    return g_steal_pointer (&found);

  g_set_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_NOT_FOUND,
               matches == 0
               ? _("No session has the id “%s”. Run “rewire session list” to see ids.")
               : _("More than one session has an id starting with “%s”; give more of it."),
               lower);
  return NULL;
}

/**
 * rw_session_sql_list:
 * @db: a #RwDatabase
 * @from: (nullable): first date (YYYY-MM-DD)
 * @to: (nullable): last date
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type RwSession) (nullable): the
 *   visible sessions, oldest first (one without a time first on its day)
 */
GPtrArray *
rw_session_sql_list (RwDatabase  *db,
                     const char  *from,
                     const char  *to,
                     GError     **error)
{
  g_autoptr(RwStmt) stmt = NULL;

  g_return_val_if_fail (RW_IS_DATABASE (db), NULL);

  stmt = rw_database_prepare (db, "SELECT " SELECT_COLUMNS " FROM sessions s WHERE s.hidden = 0 "
                                  "AND (?1 IS NULL OR s.date >= ?1) "
                                  "AND (?2 IS NULL OR s.date <= ?2)" ORDER_BY, error);
  if (stmt == NULL)
    return NULL;
  if (from != NULL)
    sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  if (to != NULL)
    sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  return read_all (db, stmt, error);
}

/**
 * rw_session_sql_next_scheduled:
 * @db: a #RwDatabase
 * @today: YYYY-MM-DD
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the first visible session not
 *   marked done dated @today or later, or %NULL (without an error) when
 *   there is none
 */
RwSession *
rw_session_sql_next_scheduled (RwDatabase  *db,
                               const char  *today,
                               GError     **error)
{
  g_autoptr(RwStmt) stmt = NULL;

  g_return_val_if_fail (RW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  stmt = rw_database_prepare (db, "SELECT " SELECT_COLUMNS " FROM sessions s WHERE s.hidden = 0 "
                                  "AND s.done = 0 AND s.date >= ?" ORDER_BY " LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
  return read_first (db, stmt, error);
}

/**
 * rw_session_sql_find_integration:
 * @db: a #RwDatabase
 * @first: the first date a session may have (YYYY-MM-DD)
 * @last: the last
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): of the visible sessions dated from
 *   @first to @last, one marked done before one that is not, then the
 *   latest; %NULL (without an error) when there is none
 */
RwSession *
rw_session_sql_find_integration (RwDatabase  *db,
                                 const char  *first,
                                 const char  *last,
                                 GError     **error)
{
  g_autoptr(RwStmt) stmt = NULL;

  g_return_val_if_fail (RW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (first != NULL && last != NULL, NULL);

  stmt = rw_database_prepare (db, "SELECT " SELECT_COLUMNS " FROM sessions s WHERE s.hidden = 0 "
                                  "AND s.date BETWEEN ?1 AND ?2 ORDER BY s.done DESC, s.date DESC, "
                                  "s.time IS NULL, s.time DESC, s.created DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_TRANSIENT);
  return read_first (db, stmt, error);
}

/**
 * rw_session_sql_search:
 * @db: a #RwDatabase
 * @query: what a person typed in a search box
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type RwSession) (nullable): the
 *   visible sessions whose note, intention or integration answers match
 *   (as the check-in search matches, rw_search_build_match()), newest
 *   first; empty for a query with no words
 */
GPtrArray *
rw_session_sql_search (RwDatabase  *db,
                       const char  *query,
                       GError     **error)
{
  g_autoptr(RwStmt) stmt = NULL;
  g_autofree char *match = NULL;

  g_return_val_if_fail (RW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  match = rw_search_build_match (query);
  if (match == NULL || *match == '\0')
    return g_ptr_array_new_with_free_func (g_object_unref);

  stmt = rw_database_prepare (db, "SELECT " SELECT_COLUMNS " FROM sessions s WHERE s.hidden = 0 "
                                  "AND s.id IN (SELECT rowid FROM session_fts "
                                  "WHERE session_fts MATCH ?) "
                                  "ORDER BY s.date DESC, s.time IS NULL, s.time DESC, "
                                  "s.created DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  return read_all (db, stmt, error);
}

gboolean
rw_session_sql_count (RwDatabase  *db,
                      gint64      *sessions,
                      GError     **error)
{
  g_autoptr(RwStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);

  stmt = rw_database_prepare (db, "SELECT count(*) FROM sessions WHERE hidden = 0", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return fail (db, rc, _("read the sessions"), error);
  if (sessions != NULL)
    *sessions = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}
