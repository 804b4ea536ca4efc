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
#include "rw-session-sql.h"

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

/* Reads the current row of a statement selecting SELECT_COLUMNS. The
 * strings stay SQLite's, valid until the statement steps again. */
static void
read_row (sqlite3_stmt  *stmt,
          RwCheckInRow  *row)
{
  const char *tags;

  row->rowid = sqlite3_column_int64 (stmt, COL_ROWID);
  row->id = (const char *) sqlite3_column_text (stmt, COL_UUID);
  row->date = (const char *) sqlite3_column_text (stmt, COL_DATE);
  row->time = (const char *) sqlite3_column_text (stmt, COL_TIME);
  for (guint i = 0; i < RW_N_METRICS; i++)
    row->metrics[i] = sqlite3_column_type (stmt, COL_FIRST_METRIC + i) == SQLITE_NULL
                      ? RW_METRIC_UNSET : sqlite3_column_int (stmt, COL_FIRST_METRIC + i);
  row->sleep_quarters = sqlite3_column_type (stmt, COL_SLEEP_QUARTERS) == SQLITE_NULL
                        ? -1 : sqlite3_column_int (stmt, COL_SLEEP_QUARTERS);
  row->note = (const char *) sqlite3_column_text (stmt, COL_NOTE);
  row->note_len = sqlite3_column_bytes (stmt, COL_NOTE);
  row->created = sqlite3_column_int64 (stmt, COL_CREATED);
  row->modified = sqlite3_column_int64 (stmt, COL_MODIFIED);
  tags = (const char *) sqlite3_column_text (stmt, COL_TAGS);
  row->tags = tags != NULL ? tags : "";
  row->tags_len = tags != NULL ? (gsize) sqlite3_column_bytes (stmt, COL_TAGS) : 0;

  if (row->id == NULL)
    row->id = "";
  if (row->date == NULL)
    row->date = "";
  if (row->time == NULL)
    row->time = "";
  if (row->note == NULL)
    row->note = "";
}

/**
 * rw_check_in_row_to_check_in:
 * @row: a row as read by rw_check_in_sql_foreach_row()
 *
 * Returns: (transfer full): the check-in the row holds
 */
RwCheckIn *
rw_check_in_row_to_check_in (const RwCheckInRow *row)
{
  RwCheckIn *check_in = rw_check_in_new ();

  g_return_val_if_fail (row != NULL, NULL);

  rw_check_in_set_id (check_in, row->id);
  rw_check_in_set_date (check_in, row->date);
  rw_check_in_set_time (check_in, row->time);
  for (guint i = 0; i < RW_N_METRICS; i++)
    if (row->metrics[i] != RW_METRIC_UNSET)
      rw_check_in_set_metric (check_in, i, row->metrics[i]);
  if (row->sleep_quarters >= 0)
    rw_check_in_set_sleep_hours (check_in, row->sleep_quarters / 4.0);
  rw_check_in_set_note (check_in, row->note);
  rw_check_in_set_created (check_in, row->created);
  rw_check_in_set_modified (check_in, row->modified);

  if (row->tags_len > 0)
    {
      g_auto(GStrv) split = g_strsplit (row->tags, RW_CHECK_IN_ROW_TAG_SEPARATOR, -1);
      rw_check_in_set_tags (check_in, (const char * const *) split);
    }

  return check_in;
}

/**
 * rw_check_in_row_init:
 * @row: the row to fill
 * @check_in: a check-in
 * @scratch: holds the joined tags; must outlive @row
 *
 * Describes @check_in as a row, for code that formats rows.
 */
void
rw_check_in_row_init (RwCheckInRow *row,
                      RwCheckIn    *check_in,
                      GString      *scratch)
{
  const char * const *tags;
  double sleep;

  g_return_if_fail (row != NULL);
  g_return_if_fail (RW_IS_CHECK_IN (check_in));
  g_return_if_fail (scratch != NULL);

  row->rowid = 0;
  row->id = rw_check_in_get_id (check_in);
  row->date = rw_check_in_get_date (check_in);
  row->time = rw_check_in_get_time (check_in);
  for (guint i = 0; i < RW_N_METRICS; i++)
    row->metrics[i] = rw_check_in_get_metric (check_in, i);
  sleep = rw_check_in_get_sleep_hours (check_in);
  row->sleep_quarters = sleep < 0 ? -1 : (int) lround (sleep * 4);
  row->note = rw_check_in_get_note (check_in);
  row->note_len = strlen (row->note);
  row->created = rw_check_in_get_created (check_in);
  row->modified = rw_check_in_get_modified (check_in);

  g_string_truncate (scratch, 0);
  tags = rw_check_in_get_tags (check_in);
  for (guint i = 0; tags[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (scratch, RW_CHECK_IN_ROW_TAG_SEPARATOR);
      g_string_append (scratch, tags[i]);
    }
  row->tags = scratch->str;
  row->tags_len = scratch->len;
}

static RwCheckIn *
check_in_from_row (sqlite3_stmt *stmt)
{
  RwCheckInRow row;

  read_row (stmt, &row);
  return rw_check_in_row_to_check_in (&row);
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

/* Runs @sql, which takes one or two row ids (?1, and ?2 unless @id2 is
 * -1) and returns no rows. */
static gboolean
run_with_ids (RwDatabase  *db,
              const char  *sql,
              gint64       id1,
              gint64       id2,
              const char  *doing,
              GError     **error)
{
  sqlite3_stmt *stmt = rw_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id1);
  if (id2 != -1)
    sqlite3_bind_int64 (stmt, 2, id2);
  return rw_database_step_done (db, stmt, doing, error);
}

/* Appends to @rowids the first column of every row of @sql, which takes
 * @id as ?1 unless it is -1. */
static gboolean
collect_ids (RwDatabase  *db,
             const char  *sql,
             gint64       id,
             GArray      *rowids,
             const char  *doing,
             GError     **error)
{
  g_autoptr(RwStmt) stmt = rw_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (id != -1)
    sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (rowids, rowid);
    }
  if (rc != SQLITE_DONE)
    return fail (db, rc, doing, error);
  return TRUE;
}

static gboolean
lookup_rowid (RwDatabase  *db,
              const char  *id,
              gint64      *rowid,
              GError     **error)
{
  g_autoptr(RwStmt) stmt = NULL;
  int rc;

  stmt = rw_database_prepare (db, "SELECT id FROM check_ins WHERE uuid = lower (?)", error);
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

/**
 * RwCheckInWriter:
 *
 * Writes check-ins inside one transaction. Its statements are looked up
 * once; a writer made with rw_check_in_writer_new() also keeps the id of
 * every tag it meets, so that an import of many rows costs each row only
 * its own inserts. Good for the transaction it was made in.
 */
struct _RwCheckInWriter
{
  RwDatabase   *db;
  sqlite3_stmt *insert_row;
  sqlite3_stmt *select_tag;
  sqlite3_stmt *insert_tag;
  sqlite3_stmt *insert_link;
  sqlite3_stmt *insert_fts;
  GHashTable   *tag_ids;   /* tag as given -> id; NULL when not kept */
  GString      *scratch;
};

#define INSERT_ROW_SQL \
  "INSERT INTO check_ins (uuid, date, time, mood, anxiety, focus, hope, " \
  "energy, sleep_quality, sleep_quarters, note, created, modified) " \
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"

static gboolean
writer_init (RwCheckInWriter  *writer,
             RwDatabase       *db,
             gboolean          keep_tag_ids,
             GError          **error)
{
  writer->db = db;
  writer->tag_ids = NULL;
  writer->scratch = NULL;
  if ((writer->insert_row = rw_database_prepare (db, INSERT_ROW_SQL, error)) == NULL ||
      (writer->select_tag = rw_database_prepare (db, "SELECT id FROM tags WHERE name = ?1",
                                                 error)) == NULL ||
      (writer->insert_tag = rw_database_prepare (db, "INSERT INTO tags (name) VALUES (?1)",
                                                 error)) == NULL ||
      (writer->insert_link = rw_database_prepare (db, "INSERT OR IGNORE INTO check_in_tags "
                                                      "(check_in, tag, position) "
                                                      "VALUES (?1, ?2, ?3)", error)) == NULL ||
      (writer->insert_fts = rw_database_prepare (db, "INSERT INTO check_in_fts (rowid, note, tags) "
                                                     "VALUES (?1, ?2, ?3)", error)) == NULL)
    return FALSE;
  if (keep_tag_ids)
    writer->tag_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  writer->scratch = g_string_sized_new (256);
  return TRUE;
}

static void
writer_clear (RwCheckInWriter *writer)
{
  g_clear_pointer (&writer->tag_ids, g_hash_table_unref);
  if (writer->scratch != NULL)
    g_string_free (g_steal_pointer (&writer->scratch), TRUE);
}

/**
 * rw_check_in_writer_new:
 * @db: a #RwDatabase inside a transaction
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a writer for this transaction
 */
RwCheckInWriter *
rw_check_in_writer_new (RwDatabase  *db,
                        GError     **error)
{
  RwCheckInWriter *writer;

  g_return_val_if_fail (RW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (rw_database_in_transaction (db), NULL);

  writer = g_new0 (RwCheckInWriter, 1);
  if (!writer_init (writer, db, TRUE, error))
    {
      writer_clear (writer);
      g_free (writer);
      return NULL;
    }
  return writer;
}

void
rw_check_in_writer_free (RwCheckInWriter *writer)
{
  if (writer == NULL)
    return;
  writer_clear (writer);
  g_free (writer);
}

static void
bind_values (sqlite3_stmt *stmt,
             RwCheckIn    *check_in)
{
  double sleep = rw_check_in_get_sleep_hours (check_in);

  /* The check-in outlives the step, so SQLite need not copy the text. */
  sqlite3_bind_text (stmt, 1, rw_check_in_get_id (check_in), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, rw_check_in_get_date (check_in), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, rw_check_in_get_time (check_in), -1, SQLITE_STATIC);
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
  sqlite3_bind_text (stmt, 5 + RW_N_METRICS, rw_check_in_get_note (check_in), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6 + RW_N_METRICS, rw_check_in_get_created (check_in));
  sqlite3_bind_int64 (stmt, 7 + RW_N_METRICS, rw_check_in_get_modified (check_in));
}

/* The id of @name (any case), added to the tags when new. */
static gboolean
writer_tag_id (RwCheckInWriter  *writer,
               const char       *name,
               gint64           *tag_id,
               GError          **error)
{
  int rc;

  if (writer->tag_ids != NULL)
    {
      gpointer id;

      if (g_hash_table_lookup_extended (writer->tag_ids, name, NULL, &id))
        {
          *tag_id = GPOINTER_TO_SIZE (id);
          return TRUE;
        }
    }

  sqlite3_bind_text (writer->select_tag, 1, name, -1, SQLITE_STATIC);
  rc = sqlite3_step (writer->select_tag);
  if (rc == SQLITE_ROW)
    *tag_id = sqlite3_column_int64 (writer->select_tag, 0);
  sqlite3_reset (writer->select_tag);
  if (rc == SQLITE_DONE)
    {
      sqlite3_bind_text (writer->insert_tag, 1, name, -1, SQLITE_STATIC);
      if (!rw_database_step_done (writer->db, writer->insert_tag, _("save the tags"), error))
        return FALSE;
      *tag_id = sqlite3_last_insert_rowid (rw_database_get_handle (writer->db));
    }
  else if (rc != SQLITE_ROW)
    return fail (writer->db, rc, _("save the tags"), error);

  if (writer->tag_ids != NULL)
    g_hash_table_insert (writer->tag_ids, g_strdup (name), GSIZE_TO_POINTER (*tag_id));
  return TRUE;
}

static gboolean
write_tags_and_index (RwCheckInWriter  *writer,
                      gint64            rowid,
                      RwCheckIn        *check_in,
                      GError          **error)
{
  const char * const *tags = rw_check_in_get_tags (check_in);
  g_autofree char *note_owned = NULL;
  g_autofree char *tags_owned = NULL;
  const char *note_index;
  const char *tags_index;

  g_string_truncate (writer->scratch, 0);
  for (guint i = 0; tags[i] != NULL; i++)
    {
      gint64 tag_id = 0;

      if (!writer_tag_id (writer, tags[i], &tag_id, error))
        return FALSE;

      sqlite3_bind_int64 (writer->insert_link, 1, rowid);
      sqlite3_bind_int64 (writer->insert_link, 2, tag_id);
      sqlite3_bind_int (writer->insert_link, 3, i);
      if (!rw_database_step_done (writer->db, writer->insert_link, _("save the tags"), error))
        return FALSE;

      if (i > 0)
        g_string_append (writer->scratch, " ; ");
      g_string_append (writer->scratch, tags[i]);
    }

  /* The text as stored is already what the index wants, unless it holds
   * a script written without spaces. */
  note_index = rw_search_index_text_borrow (rw_check_in_get_note (check_in), &note_owned);
  tags_index = rw_search_index_text_borrow (writer->scratch->str, &tags_owned);

  sqlite3_bind_int64 (writer->insert_fts, 1, rowid);
  sqlite3_bind_text (writer->insert_fts, 2, note_index, -1, SQLITE_STATIC);
  sqlite3_bind_text (writer->insert_fts, 3, tags_index, -1, SQLITE_STATIC);
  return rw_database_step_done (writer->db, writer->insert_fts, _("update the search index"), error);
}

/**
 * rw_check_in_writer_insert:
 * @writer: a #RwCheckInWriter
 * @check_in: a validated check-in
 * @error: return location for a #GError
 *
 * As rw_check_in_sql_insert().
 */
gboolean
rw_check_in_writer_insert (RwCheckInWriter  *writer,
                           RwCheckIn        *check_in,
                           GError          **error)
{
  g_return_val_if_fail (writer != NULL, FALSE);
  g_return_val_if_fail (RW_IS_CHECK_IN (check_in), FALSE);
  g_return_val_if_fail (rw_database_in_transaction (writer->db), FALSE);

  if (rw_check_in_get_created (check_in) == 0)
    rw_check_in_set_created (check_in, g_get_real_time ());
  if (rw_check_in_get_modified (check_in) == 0)
    rw_check_in_set_modified (check_in, rw_check_in_get_created (check_in));

  bind_values (writer->insert_row, check_in);
  if (!rw_database_step_done (writer->db, writer->insert_row, _("save the check-in"), error))
    return FALSE;

  return write_tags_and_index (writer, sqlite3_last_insert_rowid (rw_database_get_handle (writer->db)),
                               check_in, error);
}

static gboolean
clear_tags_and_index (RwDatabase  *db,
                      gint64       rowid,
                      GError     **error)
{
  return run_with_ids (db, "DELETE FROM check_in_tags WHERE check_in = ?1", rowid, -1,
                       _("update the tags"), error) &&
         run_with_ids (db, "DELETE FROM check_in_fts WHERE rowid = ?1", rowid, -1,
                       _("update the search index"), error);
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
  RwCheckInWriter writer;
  gboolean ok;

  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (RW_IS_CHECK_IN (check_in), FALSE);
  g_return_val_if_fail (rw_database_in_transaction (db), FALSE);

  if (!writer_init (&writer, db, FALSE, error))
    return FALSE;
  ok = rw_check_in_writer_insert (&writer, check_in, error);
  writer_clear (&writer);
  return ok;
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
  if (!rw_database_step_done (db, stmt, _("save the check-in"), error))
    return FALSE;

  if (!clear_tags_and_index (db, rowid, error))
    return FALSE;

  {
    RwCheckInWriter writer;
    gboolean ok;

    if (!writer_init (&writer, db, FALSE, error))
      return FALSE;
    ok = write_tags_and_index (&writer, rowid, check_in, error);
    writer_clear (&writer);
    return ok;
  }
}

static gboolean
delete_rowid (RwDatabase  *db,
              gint64       rowid,
              GError     **error)
{
  return clear_tags_and_index (db, rowid, error) &&
         run_with_ids (db, "DELETE FROM check_ins WHERE id = ?1", rowid, -1,
                       _("delete the check-in"), error);
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
  gint64 rowid = 0;

  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (rw_database_in_transaction (db), FALSE);

  return lookup_rowid (db, id, &rowid, error) &&
         run_with_ids (db, "UPDATE check_ins SET hidden = ?2 WHERE id = ?1", rowid, hidden ? 1 : 0,
                       _("delete the check-in"), error);
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

  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (rw_database_in_transaction (db), FALSE);

  if (!collect_ids (db, "SELECT id FROM check_ins WHERE hidden != 0", -1, rowids,
                    _("delete check-ins"), error))
    return FALSE;

  for (guint i = 0; i < rowids->len; i++)
    if (!delete_rowid (db, g_array_index (rowids, gint64, i), error))
      return FALSE;

  if (n_purged != NULL)
    *n_purged = rowids->len;
  return TRUE;
}

/**
 * rw_check_in_sql_purge_one:
 * @db: a #RwDatabase inside a transaction
 * @id: a check-in's id
 * @error: return location for a #GError
 *
 * Removes the check-in @id for good if it is hidden; one brought back
 * (or never hidden, or already gone) is left as it is.
 */
gboolean
rw_check_in_sql_purge_one (RwDatabase  *db,
                           const char  *id,
                           GError     **error)
{
  g_autoptr(RwStmt) stmt = NULL;
  gint64 rowid;
  int rc;

  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (rw_database_in_transaction (db), FALSE);

  stmt = rw_database_prepare (db, "SELECT id FROM check_ins WHERE uuid = ? AND hidden != 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return fail (db, rc, _("delete the check-in"), error);
  rowid = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (g_steal_pointer (&stmt));

  return delete_rowid (db, rowid, error);
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
 * rw_check_in_sql_any:
 * @db: a #RwDatabase
 * @query: which check-ins (its order is not used)
 * @found: (out): whether at least one visible check-in matches
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the question could be answered
 */
gboolean
rw_check_in_sql_any (RwDatabase            *db,
                     const RwCheckInQuery  *query,
                     gboolean              *found,
                     GError               **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT 1 FROM check_ins c WHERE c.hidden = 0");
  g_autofree char *match = NULL;
  g_autoptr(RwStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);
  g_return_val_if_fail (found != NULL, FALSE);

  match = rw_search_build_match (query->search);
  rw_check_in_sql_append_filter (sql, query, match);
  g_string_append (sql, " LIMIT 1");
  stmt = rw_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  rw_check_in_sql_bind_filter (stmt, query, match);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return fail (db, rc, _("read the journal"), error);
  *found = rc == SQLITE_ROW;
  return TRUE;
}

typedef gboolean (*RowFunc) (sqlite3_stmt *stmt,
                             gpointer      data);

static gboolean
foreach_stmt (RwDatabase            *db,
              const RwCheckInQuery  *query,
              RowFunc                func,
              gpointer               data,
              GError               **error)
{
  static const RwCheckInQuery all = { NULL, NULL, NULL, FALSE };
  g_autoptr(GString) sql = g_string_new ("SELECT " SELECT_COLUMNS " FROM check_ins c WHERE c.hidden = 0");
  g_autofree char *match = NULL;
  g_autoptr(RwStmt) stmt = NULL;
  const char *order;
  int rc;

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
      if (!func (stmt, data))
        return TRUE;
    }

  if (rc != SQLITE_DONE)
    return fail (db, rc, _("read the journal"), error);
  return TRUE;
}

typedef struct
{
  RwCheckInFunc func;
  gpointer user_data;
} ObjectClosure;

static gboolean
object_cb (sqlite3_stmt *stmt,
           gpointer      data)
{
  ObjectClosure *closure = data;
  g_autoptr(RwCheckIn) check_in = check_in_from_row (stmt);

  return closure->func (check_in, closure->user_data);
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
  ObjectClosure closure = { func, user_data };

  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  return foreach_stmt (db, query, object_cb, &closure, error);
}

typedef struct
{
  RwCheckInRowFunc func;
  gpointer user_data;
  RwCheckInRow row;
} RowClosure;

static gboolean
row_cb (sqlite3_stmt *stmt,
        gpointer      data)
{
  RowClosure *closure = data;

  read_row (stmt, &closure->row);
  return closure->func (&closure->row, closure->user_data);
}

/**
 * rw_check_in_sql_foreach_row:
 * @db: a #RwDatabase
 * @query: (nullable): as for rw_check_in_sql_foreach()
 * @func: called for each check-in; return %FALSE to stop
 * @user_data: data for @func
 * @error: return location for a #GError
 *
 * Like rw_check_in_sql_foreach(), handing @func each row as read, with
 * no object made: for exports, which turn 100,000 rows into text.
 */
gboolean
rw_check_in_sql_foreach_row (RwDatabase            *db,
                             const RwCheckInQuery  *query,
                             RwCheckInRowFunc       func,
                             gpointer               user_data,
                             GError               **error)
{
  RowClosure closure = { func, user_data };

  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  return foreach_stmt (db, query, row_cb, &closure, error);
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

/* As lookup_tag(), for a tag that must exist. */
static gboolean
lookup_existing_tag (RwDatabase  *db,
                     const char  *name,
                     gint64      *tag_id,
                     GError     **error)
{
  if (!lookup_tag (db, name, tag_id, error))
    return FALSE;
  if (*tag_id != 0)
    return TRUE;
  g_set_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_NOT_FOUND,
               _("There is no tag “%s”."), name);
  return FALSE;
}

static gboolean
collect_tagged (RwDatabase  *db,
                gint64       tag_id,
                GArray      *rowids,
                GError     **error)
{
  return collect_ids (db, "SELECT check_in FROM check_in_tags WHERE tag = ?1", tag_id, rowids,
                      _("update the search index"), error);
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
      if (!rw_database_step_done (db, stmt, _("update the search index"), error))
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

  if (!lookup_existing_tag (db, from, &from_id, error) || !lookup_tag (db, to, &to_id, error))
    return FALSE;

  if (to_id == 0 || to_id == from_id)
    {
      /* A plain rename, or a change of case only. */
      stmt = rw_database_prepare (db, "UPDATE tags SET name = ?2 WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, from_id);
      sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
      if (!rw_database_step_done (db, stmt, _("rename the tag"), error))
        return FALSE;
      return reindex_tagged (db, from_id, error);
    }

  /* Merge: check-ins that carry both keep one; the old tag goes. */
  return run_with_ids (db, "UPDATE OR IGNORE check_in_tags SET tag = ?2 WHERE tag = ?1",
                       from_id, to_id, _("merge the tags"), error) &&
         run_with_ids (db, "DELETE FROM tags WHERE id = ?1", from_id, -1,
                       _("merge the tags"), error) &&
         reindex_tagged (db, to_id, error);
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
  g_autoptr(GArray) rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 tag_id = 0;

  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (rw_database_in_transaction (db), FALSE);

  /* Remember who carries it: the cascade removes the links. */
  return lookup_existing_tag (db, name, &tag_id, error) &&
         collect_tagged (db, tag_id, rowids, error) &&
         run_with_ids (db, "DELETE FROM tags WHERE id = ?1", tag_id, -1,
                       _("delete the tag"), error) &&
         reindex_rowids (db, rowids, error);
}

/**
 * rw_check_in_sql_optimize_index:
 * @db: a #RwDatabase inside a transaction
 * @error: return location for a #GError
 *
 * Merges the search index into one segment. A large batch of inserts
 * leaves it in many, which FTS5 would otherwise merge a little during
 * every later save (making each several times slower) and read one by
 * one in every search.
 */
gboolean
rw_check_in_sql_optimize_index (RwDatabase  *db,
                                GError     **error)
{
  g_autoptr(RwStmt) stmt = NULL;

  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (rw_database_in_transaction (db), FALSE);

  stmt = rw_database_prepare (db, "INSERT INTO check_in_fts (check_in_fts) VALUES ('optimize')",
                              error);
  if (stmt == NULL)
    return FALSE;
  return rw_database_step_done (db, stmt, _("update the search index"), error);
}

static gboolean
optimize_cb (RwDatabase  *db,
             gpointer     data,
             GError     **error)
{
  /* Sessions' notes and answers have an index of their own. */
  return rw_check_in_sql_optimize_index (db, error) &&
         rw_session_sql_optimize_index (db, error);
}

/**
 * rw_check_in_sql_scrub:
 * @db: a #RwDatabase, not in a transaction
 * @error: return location for a #GError
 *
 * After a delete for good, leaves no trace of what was deleted: FTS5 in
 * SQLite 3.40 has no secure-delete option and keeps a deleted note's
 * words in its index segments until they are merged, so the index is
 * merged into one (secure_delete zeroes the pages freed), then the
 * write-ahead log, which still holds the old pages, is folded back and
 * truncated. The merge takes most of a second on 100,000 notes: run it
 * off the main thread (rw_journal_scrub_async()).
 */
gboolean
rw_check_in_sql_scrub (RwDatabase  *db,
                       GError     **error)
{
  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);

  return rw_database_write (db, optimize_cb, NULL, error) &&
         rw_database_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", error);
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
