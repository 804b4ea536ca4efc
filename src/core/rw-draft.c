/* rw-draft.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rw-draft"

#include "config.h"

#include <glib/gi18n.h>

#include "rw-draft.h"

/**
 * rw_draft_save:
 * @db: a #RwDatabase
 * @key: which editor, e.g. "check-in"
 * @payload: what to keep, usually JSON
 * @error: return location for a #GError
 *
 * Replaces the draft under @key. Runs in its own small transaction.
 */
gboolean
rw_draft_save (RwDatabase  *db,
               const char  *key,
               const char  *payload,
               GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (payload != NULL, FALSE);

  stmt = rw_database_prepare (db, "INSERT INTO drafts (key, payload, saved) VALUES (?1, ?2, ?3) "
                                  "ON CONFLICT (key) DO UPDATE SET payload = ?2, saved = ?3",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, payload, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time ());
  return rw_database_step_done (db, stmt, _("keep the draft"), error);
}

/**
 * rw_draft_load:
 * @db: a #RwDatabase
 * @key: which editor
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the draft, or %NULL (without an
 *   error) when there is none
 */
char *
rw_draft_load (RwDatabase  *db,
               const char  *key,
               GError     **error)
{
  g_return_val_if_fail (RW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return rw_database_read_text (db, "SELECT payload FROM drafts WHERE key = ?1", key,
                                _("read the draft"), error);
}

gboolean
rw_draft_clear (RwDatabase  *db,
                const char  *key,
                GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  stmt = rw_database_prepare (db, "DELETE FROM drafts WHERE key = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  return rw_database_step_done (db, stmt, _("clear the draft"), error);
}
