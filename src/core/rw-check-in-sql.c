/* rw-check-in-sql.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rw-check-in-sql"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "rw-check-in-sql.h"
#include "rw-search.h"

#define SELECT_COLUMNS \
  "c.id, c.uuid, c.date, c.time, c.mood, c.anxiety, c.focus, c.hope, c.energy, " \
  "c.sleep_quality, c.sleep_quarters, c.note, c.created, c.modified, " \
  "(SELECT group_concat (name, char (31)) FROM " \
  "  (SELECT t.name AS name FROM check_in_tags ct JOIN tags t ON t.id = ct.tag " \
  "   WHERE ct.check_in = c.id ORDER BY ct.position))"

enum {
  COL_ROWID,
  COL_UUID,
  COL_DATE,
  COL_TIME,
  COL_FIRST_METRIC,
  COL_SLEEP_QUARTERS = COL_FIRST_METRIC + RW_N_METRICS,
  COL_NOTE,
  COL_CREATED,
  COL_MODIFIED,
  COL_TAGS,
};

static RwCheckIn *
check_in_from_row (sqlite3_stmt *stmt)
{
  RwCheckIn *check_in = rw_check_in_new ();
  const char *tags;

  rw_check_in_set_id (check_in, (const char *) sqlite3_column_text (stmt, COL_UUID));
  rw_check_in_set_date (check_in, (const char *) sqlite3_column_text (stmt, COL_DATE));
  rw_check_in_set_time (check_in, (const char *) sqlite3_column_text (stmt, COL_TIME));
  for (guint i = 0; i < RW_N_METRICS; i++)
    if (sqlite3_column_type (stmt, COL_FIRST_METRIC + i) != SQLITE_NULL)
      rw_check_in_set_metric (check_in, i, sqlite3_column_int (stmt, COL_FIRST_METRIC + i));
  if (sqlite3_column_type (stmt, COL_SLEEP_QUARTERS) != SQLITE_NULL)
    rw_check_in_set_sleep_hours (check_in, sqlite3_column_int (stmt, COL_SLEEP_QUARTERS) / 4.0);
  rw_check_in_set_note (check_in, (const char *) sqlite3_column_text (stmt, COL_NOTE));
  rw_check_in_set_created (check_in, sqlite3_column_int64 (stmt, COL_CREATED));
  rw_check_in_set_modified (check_in, sqlite3_column_int64 (stmt, COL_MODIFIED));

  tags = (const char *) sqlite3_column_text (stmt, COL_TAGS);
  if (tags != NULL)
    {
      g_auto(GStrv) split = g_strsplit (tags, "\x1f", -1);
      rw_check_in_set_tags (check_in, (const char * const *) split);
    }

  return check_in;
}

static gboolean
fail (RwDatabase  *db,
      int          rc,
      const char  *doing,
      GError     **error)
{
  rw_database_set_error (db, rc, doing, error);
  return FALSE;
}

static gboolean
lookup_rowid (RwDatabase  *db,
              const char  *id,
              gint64      *rowid,
              GError     **error)
{
  g_autoptr(RwStmt) stmt = NULL;
  int rc;

  stmt = rw_database_prepare (db, "SELECT id FROM check_ins WHERE uuid = ?", error);
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
                   _("No check-in has the id “%s”."), id);
      return FALSE;
    }
  return fail (db, rc, _("read the journal"), error);
}

static gboolean
step_done (RwDatabase   *db,
           sqlite3_stmt *stmt,
           const char   *doing,
           GError      **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return fail (db, rc, doing, error);
  return TRUE;
}

static void
bind_values (sqlite3_stmt *stmt,
             RwCheckIn    *check_in)
{
  double sleep = rw_check_in_get_sleep_hours (check_in);

  sqlite3_bind_text (stmt, 1, rw_check_in_get_id (check_in), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, rw_check_in_get_date (check_in), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, rw_check_in_get_time (check_in), -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < RW_N_METRICS; i++)
    {
      int value = rw_check_in_get_metric (check_in, i);

      if (value == RW_METRIC_UNSET)
        sqlite3_bind_null (stmt, 4 + i);
      else
        sqlite3_bind_int (stmt, 4 + i, value);
    }
  if (sleep < 0)
    sqlite3_bind_null (stmt, 4 + RW_N_METRICS);
  else
    sqlite3_bind_int (stmt, 4 + RW_N_METRICS, (int) lround (sleep * 4));
  sqlite3_bind_text (stmt, 5 + RW_N_METRICS, rw_check_in_get_note (check_in), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6 + RW_N_METRICS, rw_check_in_get_created (check_in));
  sqlite3_bind_int64 (stmt, 7 + RW_N_METRICS, rw_check_in_get_modified (check_in));
}

static gboolean
write_tags_and_index (RwDatabase  *db,
                      gint64       rowid,
                      RwCheckIn   *check_in,
                      GError     **error)
{
  const char * const *tags = rw_check_in_get_tags (check_in);
  g_autofree char *note_index = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *tags_index = NULL;
  sqlite3_stmt *stmt;

  for (guint i = 0; tags[i] != NULL; i++)
    {
      gint64 tag_id;
      int rc;

      stmt = rw_database_prepare (db, "INSERT INTO tags (name) VALUES (?1) "
                                      "ON CONFLICT (name) DO NOTHING", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, tags[i], -1, SQLITE_TRANSIENT);
      if (!step_done (db, stmt, _("save the tags"), error))
        return FALSE;

      stmt = rw_database_prepare (db, "SELECT id FROM tags WHERE name = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, tags[i], -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      tag_id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW)
        return fail (db, rc, _("save the tags"), error);

      stmt = rw_database_prepare (db, "INSERT OR IGNORE INTO check_in_tags (check_in, tag, position) "
                                      "VALUES (?1, ?2, ?3)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, rowid);
      sqlite3_bind_int64 (stmt, 2, tag_id);
      sqlite3_bind_int (stmt, 3, i);
      if (!step_done (db, stmt, _("save the tags"), error))
        return FALSE;
    }

  note_index = rw_search_index_text (rw_check_in_get_note (check_in));
  joined = g_strjoinv (" ; ", (char **) tags);
  tags_index = rw_search_index_text (joined);

  stmt = rw_database_prepare (db, "INSERT INTO check_in_fts (rowid, note, tags) VALUES (?1, ?2, ?3)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rowid);
  sqlite3_bind_text (stmt, 2, note_index, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, tags_index, -1, SQLITE_STATIC);
  return step_done (db, stmt, _("update the search index"), error);
}

static gboolean
clear_tags_and_index (RwDatabase  *db,
                      gint64       rowid,
                      GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = rw_database_prepare (db, "DELETE FROM check_in_tags WHERE check_in = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rowid);
  if (!step_done (db, stmt, _("update the tags"), error))
    return FALSE;

  stmt = rw_database_prepare (db, "DELETE FROM check_in_fts WHERE rowid = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rowid);
  return step_done (db, stmt, _("update the search index"), error);
}

/**
 * rw_check_in_sql_insert:
 * @db: a #RwDatabase inside a transaction
 * @check_in: a validated check-in
 * @error: return location for a #GError
 *
 * Writes a new check-in with its tags and search index entry. A created
 * time of 0 becomes now, and a modified time of 0 the created time; both
 * are set on @check_in.
 */
gboolean
rw_check_in_sql_insert (RwDatabase  *db,
                        RwCheckIn   *check_in,
                        GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (RW_IS_CHECK_IN (check_in), FALSE);
  g_return_val_if_fail (rw_database_in_transaction (db), FALSE);

  if (rw_check_in_get_created (check_in) == 0)
    rw_check_in_set_created (check_in, g_get_real_time ());
  if (rw_check_in_get_modified (check_in) == 0)
    rw_check_in_set_modified (check_in, rw_check_in_get_created (check_in));

  stmt = rw_database_prepare (db,
                              "INSERT INTO check_ins (uuid, date, time, mood, anxiety, focus, hope, "
                              "energy, sleep_quality, sleep_quarters, note, created, modified) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                              error);
  if (stmt == NULL)
    return FALSE;
  bind_values (stmt, check_in);
  if (!step_done (db, stmt, _("save the check-in"), error))
    return FALSE;

  return write_tags_and_index (db, sqlite3_last_insert_rowid (rw_database_get_handle (db)),
                               check_in, error);
}

/**
 * rw_check_in_sql_update:
 * @db: a #RwDatabase inside a transaction
 * @check_in: a validated check-in whose id exists
 * @error: return location for a #GError
 *
 * Replaces the stored values of the check-in with @check_in's id and sets
 * its modified time to now (always later than before).
 */
gboolean
rw_check_in_sql_update (RwDatabase  *db,
                        RwCheckIn   *check_in,
                        GError     **error)
{
  g_autoptr(RwCheckIn) old = NULL;
  sqlite3_stmt *stmt;
  gint64 rowid = 0;
  gint64 now;

  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (RW_IS_CHECK_IN (check_in), FALSE);
  g_return_val_if_fail (rw_database_in_transaction (db), FALSE);

  if (!lookup_rowid (db, rw_check_in_get_id (check_in), &rowid, error))
    return FALSE;
  old = rw_check_in_sql_load_rowid (db, rowid, error);
  if (old == NULL)
    return FALSE;

  now = MAX (g_get_real_time (), rw_check_in_get_modified (old) + 1);
  rw_check_in_set_created (check_in, rw_check_in_get_created (old));
  rw_check_in_set_modified (check_in, now);

  stmt = rw_database_prepare (db,
                              "UPDATE check_ins SET uuid = ?1, date = ?2, time = ?3, mood = ?4, "
                              "anxiety = ?5, focus = ?6, hope = ?7, energy = ?8, "
                              "sleep_quality = ?9, sleep_quarters = ?10, note = ?11, "
                              "created = ?12, modified = ?13 WHERE id = ?14",
                              error);
  if (stmt == NULL)
    return FALSE;
  bind_values (stmt, check_in);
  sqlite3_bind_int64 (stmt, 14, rowid);
  if (!step_done (db, stmt, _("save the check-in"), error))
    return FALSE;

  return clear_tags_and_index (db, rowid, error) &&
         write_tags_and_index (db, rowid, check_in, error);
}

static gboolean
delete_rowid (RwDatabase  *db,
              gint64       rowid,
              GError     **error)
{
  sqlite3_stmt *stmt;

  if (!clear_tags_and_index (db, rowid, error))
    return FALSE;

  stmt = rw_database_prepare (db, "DELETE FROM check_ins WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rowid);
  return step_done (db, stmt, _("delete the check-in"), error);
}

/**
 * rw_check_in_sql_delete:
 * @db: a #RwDatabase inside a transaction
 * @id: a check-in's id
 * @error: return location for a #GError
 *
 * Deletes the check-in for good (secure_delete overwrites its bytes).
 */
gboolean
rw_check_in_sql_delete (RwDatabase  *db,
                        const char  *id,
                        GError     **error)
{
  gint64 rowid = 0;

  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (rw_database_in_transaction (db), FALSE);

  if (!lookup_rowid (db, id, &rowid, error))
    return FALSE;
  return delete_rowid (db, rowid, error);
}

/**
 * rw_check_in_sql_set_hidden:
 * @db: a #RwDatabase inside a transaction
 * @id: a check-in's id
 * @hidden: whether to hide it
 * @error: return location for a #GError
 *
 * A hidden check-in is left out of every list, search, count and chart,
 * but can still be brought back (Undo) until
 * rw_check_in_sql_purge_hidden() removes it for good.
 */
gboolean
rw_check_in_sql_set_hidden (RwDatabase  *db,
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

  stmt = rw_database_prepare (db, "UPDATE check_ins SET hidden = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rowid);
  sqlite3_bind_int (stmt, 2, hidden ? 1 : 0);
  return step_done (db, stmt, _("delete the check-in"), error);
}

/**
 * rw_check_in_sql_purge_hidden:
 * @db: a #RwDatabase inside a transaction
 * @n_purged: (out) (optional): how many were removed
 * @error: return location for a #GError
 *
 * Removes every hidden check-in for good.
 */
gboolean
rw_check_in_sql_purge_hidden (RwDatabase  *db,
                              guint       *n_purged,
                              GError     **error)
{
  g_autoptr(GArray) rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (rw_database_in_transaction (db), FALSE);

  stmt = rw_database_prepare (db, "SELECT id FROM check_ins WHERE hidden != 0", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (rowids, rowid);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return fail (db, rc, _("delete check-ins"), error);

  for (guint i = 0; i < rowids->len; i++)
    if (!delete_rowid (db, g_array_index (rowids, gint64, i), error))
      return FALSE;

  if (n_purged != NULL)
    *n_purged = rowids->len;
  return TRUE;
}

gboolean
rw_check_in_sql_exists (RwDatabase  *db,
                        const char  *id,
                        gboolean    *exists,
                        GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 rowid;

  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (exists != NULL, FALSE);

  *exists = lookup_rowid (db, id, &rowid, &local_error);
  if (*exists || g_error_matches (local_error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_NOT_FOUND))
    return TRUE;

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

RwCheckIn *
rw_check_in_sql_load_rowid (RwDatabase  *db,
                            gint64       rowid,
                            GError     **error)
{
  g_autoptr(RwStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (RW_IS_DATABASE (db), NULL);

  stmt = rw_database_prepare (db, "SELECT " SELECT_COLUMNS " FROM check_ins c WHERE c.id = ?1",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rowid);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return check_in_from_row (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_NOT_FOUND,
                 _("The check-in was deleted in the meantime."));
  else
    fail (db, rc, _("read the journal"), error);
  return NULL;
}

#define MIN_PREFIX 8

/**
 * rw_check_in_sql_resolve_id:
 * @db: a #RwDatabase
 * @id_or_prefix: a whole id, or its first 8 or more characters
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the whole id, or %NULL with
 *   %RW_DATABASE_ERROR_NOT_FOUND when no check-in (or more than one)
 *   matches
 */
char *
rw_check_in_sql_resolve_id (RwDatabase  *db,
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
      g_set_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_NOT_FOUND,
                   _("“%s” is not a check-in id: give the whole id, or at least its first %d "
                     "characters, as “rewire list” shows them."),
                   id_or_prefix, MIN_PREFIX);
      return NULL;
    }

  stmt = rw_database_prepare (db, "SELECT uuid FROM check_ins WHERE hidden = 0 AND "
                                  "uuid >= ?1 AND uuid < ?1 || 'g' ORDER BY uuid LIMIT 2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, lower, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (matches++ == 0)
        found = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  if (rc != SQLITE_DONE)
    {
      fail (db, rc, _("read the journal"), error);
      return NULL;
    }

  if (matches == 1)
    return g_steal_pointer (&found);

  g_set_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_NOT_FOUND,
               matches == 0
               ? _("No check-in has the id “%s”. Run “rewire list --format csv” to see ids.")
               : _("More than one check-in has an id starting with “%s”; give more of it."),
               id_or_prefix);
  return NULL;
}

/**
 * rw_check_in_sql_load:
 * @db: a #RwDatabase
 * @id: a check-in's UUID
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the check-in, or %NULL with
 *   %RW_DATABASE_ERROR_NOT_FOUND when no check-in has @id
 */
RwCheckIn *
rw_check_in_sql_load (RwDatabase  *db,
                      const char  *id,
                      GError     **error)
{
  gint64 rowid = 0;

  g_return_val_if_fail (RW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!lookup_rowid (db, id, &rowid, error))
    return NULL;
  return rw_check_in_sql_load_rowid (db, rowid, error);
}

/**
 * rw_check_in_sql_append_filter:
 * @sql: a statement over `check_ins c`, with a WHERE clause already
 * @query: what to narrow to (its order is not used here)
 * @match: (nullable): rw_search_build_match() of @query's search
 *
 * Appends the conditions of @query (" AND ..."), with named parameters
 * for rw_check_in_sql_bind_filter(). The one place that says what a date
 * range, a search and a tag filter mean, for every reader of check-ins.
 */
void
rw_check_in_sql_append_filter (GString              *sql,
                               const RwCheckInQuery *query,
                               const char           *match)
{
  g_return_if_fail (sql != NULL);
  g_return_if_fail (query != NULL);

  if (query->from != NULL)
    g_string_append (sql, " AND c.date >= :from");
  if (query->to != NULL)
    g_string_append (sql, " AND c.date <= :to");
  if (match != NULL)
    g_string_append (sql, " AND c.id IN (SELECT rowid FROM check_in_fts WHERE check_in_fts MATCH :match)");
  if (query->tag != NULL)
    g_string_append (sql, " AND c.id IN (SELECT ct.check_in FROM check_in_tags ct "
                          "JOIN tags t ON t.id = ct.tag WHERE t.name = :tag)");
}

static void
bind_named (sqlite3_stmt *stmt,
            const char   *name,
            const char   *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

/**
 * rw_check_in_sql_bind_filter:
 * @stmt: a statement made with rw_check_in_sql_append_filter()
 * @query: the same query
 * @match: (nullable): the same match
 */
void
rw_check_in_sql_bind_filter (sqlite3_stmt         *stmt,
                             const RwCheckInQuery *query,
                             const char           *match)
{
  g_return_if_fail (stmt != NULL);
  g_return_if_fail (query != NULL);

  if (query->from != NULL)
    bind_named (stmt, ":from", query->from);
  if (query->to != NULL)
    bind_named (stmt, ":to", query->to);
  if (match != NULL)
    bind_named (stmt, ":match", match);
  if (query->tag != NULL)
    bind_named (stmt, ":tag", query->tag);
}

/**
 * rw_check_in_sql_foreach:
 * @db: a #RwDatabase
 * @query: (nullable): which check-ins, in which order; %NULL for all,
 *   newest first
 * @func: called for each check-in; return %FALSE to stop
 * @user_data: data for @func
 * @error: return location for a #GError
 *
 * Streams check-ins without holding them all in memory.
 */
gboolean
rw_check_in_sql_foreach (RwDatabase            *db,
                         const RwCheckInQuery  *query,
                         RwCheckInFunc          func,
                         gpointer               user_data,
                         GError               **error)
{
  static const RwCheckInQuery all = { NULL, NULL, NULL, FALSE };
  g_autoptr(GString) sql = g_string_new ("SELECT " SELECT_COLUMNS " FROM check_ins c WHERE c.hidden = 0");
  g_autofree char *match = NULL;
  g_autoptr(RwStmt) stmt = NULL;
  const char *order;
  int rc;

  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (query == NULL)
    query = &all;

  match = rw_search_build_match (query->search);
  rw_check_in_sql_append_filter (sql, query, match);
  order = query->oldest_first ? "ASC" : "DESC";
  g_string_append_printf (sql, " ORDER BY c.date %s, c.time %s, c.created %s, c.id %s",
                          order, order, order, order);

  stmt = rw_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  rw_check_in_sql_bind_filter (stmt, query, match);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(RwCheckIn) check_in = check_in_from_row (stmt);

      if (!func (check_in, user_data))
        return TRUE;
    }

  if (rc != SQLITE_DONE)
    return fail (db, rc, _("read the journal"), error);
  return TRUE;
}

/**
 * rw_check_in_sql_list_date:
 * @db: a #RwDatabase
 * @date: YYYY-MM-DD
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type RwCheckIn): the check-ins of
 *   @date, earliest first, or %NULL on error
 */
GPtrArray *
rw_check_in_sql_list_date (RwDatabase  *db,
                           const char  *date,
                           GError     **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RwStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (RW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (date != NULL, NULL);

  stmt = rw_database_prepare (db, "SELECT " SELECT_COLUMNS " FROM check_ins c "
                                  "WHERE c.date = ?1 AND c.hidden = 0 "
                                  "ORDER BY c.time, c.created, c.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, date, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (result, check_in_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      fail (db, rc, _("read the journal"), error);
      return NULL;
    }
  return g_steal_pointer (&result);
}

void
rw_tag_info_free (RwTagInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->name);
  g_free (info);
}

/**
 * rw_check_in_sql_list_tags:
 * @db: a #RwDatabase
 * @error: return location for a #GError
 *
 * Every tag, used or not, most used first, for autocompletion and the tag
 * manager.
 *
 * Returns: (transfer full) (element-type RwTagInfo): the tags, or %NULL
 */
GPtrArray *
rw_check_in_sql_list_tags (RwDatabase  *db,
                           GError     **error)
{
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func ((GDestroyNotify) rw_tag_info_free);
  g_autoptr(RwStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (RW_IS_DATABASE (db), NULL);

  /* The count is kept by triggers (schema 3), so this reads one row a tag. */
  stmt = rw_database_prepare (db, "SELECT name, uses FROM tags ORDER BY uses DESC, name COLLATE NOCASE",
                              error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RwTagInfo *info = g_new0 (RwTagInfo, 1);

      info->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      info->uses = sqlite3_column_int (stmt, 1);
      g_ptr_array_add (tags, info);
    }
  if (rc != SQLITE_DONE)
    {
      fail (db, rc, _("read the tags"), error);
      return NULL;
    }
  return g_steal_pointer (&tags);
}

static gboolean
lookup_tag (RwDatabase  *db,
            const char  *name,
            gint64      *tag_id,
            GError     **error)
{
  g_autoptr(RwStmt) stmt = rw_database_prepare (db, "SELECT id FROM tags WHERE name = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *tag_id = sqlite3_column_int64 (stmt, 0);
      return TRUE;
    }
  if (rc == SQLITE_DONE)
    {
      *tag_id = 0;
      return TRUE;
    }
  return fail (db, rc, _("read the tags"), error);
}

static gboolean
collect_tagged (RwDatabase  *db,
                gint64       tag_id,
                GArray      *rowids,
                GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = rw_database_prepare (db, "SELECT check_in FROM check_in_tags WHERE tag = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, tag_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (rowids, rowid);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return fail (db, rc, _("update the search index"), error);
  return TRUE;
}

/* Rewrites the search index entries of @rowids from their stored values. */
static gboolean
reindex_rowids (RwDatabase  *db,
                GArray      *rowids,
                GError     **error)
{
  for (guint i = 0; i < rowids->len; i++)
    {
      gint64 rowid = g_array_index (rowids, gint64, i);
      g_autoptr(RwCheckIn) check_in = rw_check_in_sql_load_rowid (db, rowid, error);
      g_autofree char *note_index = NULL;
      g_autofree char *joined = NULL;
      g_autofree char *tags_index = NULL;
      sqlite3_stmt *stmt;

      if (check_in == NULL)
        return FALSE;

      note_index = rw_search_index_text (rw_check_in_get_note (check_in));
      joined = g_strjoinv (" ; ", (char **) rw_check_in_get_tags (check_in));
      tags_index = rw_search_index_text (joined);

      stmt = rw_database_prepare (db, "UPDATE check_in_fts SET note = ?2, tags = ?3 WHERE rowid = ?1",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, rowid);
      sqlite3_bind_text (stmt, 2, note_index, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, tags_index, -1, SQLITE_STATIC);
      if (!step_done (db, stmt, _("update the search index"), error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
reindex_tagged (RwDatabase  *db,
                gint64       tag_id,
                GError     **error)
{
  g_autoptr(GArray) rowids = g_array_new (FALSE, FALSE, sizeof (gint64));

  return collect_tagged (db, tag_id, rowids, error) && reindex_rowids (db, rowids, error);
}

/**
 * rw_check_in_sql_rename_tag:
 * @db: a #RwDatabase inside a transaction
 * @from: an existing tag
 * @to: its new name; if another tag already has it, the two are merged
 * @error: return location for a #GError
 */
gboolean
rw_check_in_sql_rename_tag (RwDatabase  *db,
                            const char  *from,
                            const char  *to,
                            GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 from_id = 0, to_id = 0;

  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (from != NULL && to != NULL, FALSE);
  g_return_val_if_fail (rw_database_in_transaction (db), FALSE);

  if (!lookup_tag (db, from, &from_id, error) || !lookup_tag (db, to, &to_id, error))
    return FALSE;
  if (from_id == 0)
    {
      g_set_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_NOT_FOUND,
                   _("There is no tag “%s”."), from);
      return FALSE;
    }

  if (to_id == 0 || to_id == from_id)
    {
      /* A plain rename, or a change of case only. */
      stmt = rw_database_prepare (db, "UPDATE tags SET name = ?2 WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, from_id);
      sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
      if (!step_done (db, stmt, _("rename the tag"), error))
        return FALSE;
      return reindex_tagged (db, from_id, error);
    }

  /* Merge: check-ins that carry both keep one; the old tag goes. */
  stmt = rw_database_prepare (db, "UPDATE OR IGNORE check_in_tags SET tag = ?2 WHERE tag = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, from_id);
  sqlite3_bind_int64 (stmt, 2, to_id);
  if (!step_done (db, stmt, _("merge the tags"), error))
    return FALSE;

  stmt = rw_database_prepare (db, "DELETE FROM tags WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, from_id);
  if (!step_done (db, stmt, _("merge the tags"), error))
    return FALSE;

  return reindex_tagged (db, to_id, error);
}

/**
 * rw_check_in_sql_delete_tag:
 * @db: a #RwDatabase inside a transaction
 * @name: a tag
 * @error: return location for a #GError
 *
 * Removes the tag from every check-in and from the list of tags.
 */
gboolean
rw_check_in_sql_delete_tag (RwDatabase  *db,
                            const char  *name,
                            GError     **error)
{
  g_autoptr(GArray) rowids = NULL;
  sqlite3_stmt *stmt;
  gint64 tag_id = 0;

  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (rw_database_in_transaction (db), FALSE);

  if (!lookup_tag (db, name, &tag_id, error))
    return FALSE;
  if (tag_id == 0)
    {
      g_set_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_NOT_FOUND,
                   _("There is no tag “%s”."), name);
      return FALSE;
    }

  /* Remember who carries it: the cascade removes the links. */
  rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (!collect_tagged (db, tag_id, rowids, error))
    return FALSE;

  stmt = rw_database_prepare (db, "DELETE FROM tags WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, tag_id);
  if (!step_done (db, stmt, _("delete the tag"), error))
    return FALSE;

  return reindex_rowids (db, rowids, error);
}

gboolean
rw_check_in_sql_count (RwDatabase  *db,
                       gint64      *check_ins,
                       gint64      *days,
                       gint64      *tags,
                       GError     **error)
{
  g_autoptr(RwStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);

  stmt = rw_database_prepare (db, "SELECT (SELECT count(*) FROM check_ins WHERE hidden = 0), "
                                  "(SELECT count(DISTINCT date) FROM check_ins WHERE hidden = 0), "
                                  "(SELECT count(*) FROM tags)", error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return fail (db, rc, _("read the journal"), error);

  if (check_ins != NULL)
    *check_ins = sqlite3_column_int64 (stmt, 0);
  if (days != NULL)
    *days = sqlite3_column_int64 (stmt, 1);
  if (tags != NULL)
    *tags = sqlite3_column_int64 (stmt, 2);
  return TRUE;
}
