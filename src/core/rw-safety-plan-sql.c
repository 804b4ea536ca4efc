/* rw-safety-plan-sql.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rw-safety-plan"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rw-safety-plan-sql.h"

/**
 * rw_safety_plan_load:
 * @db: a #RwDatabase
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the plan; a section with no row is empty
 */
RwSafetyPlan *
rw_safety_plan_load (RwDatabase  *db,
                     GError     **error)
{
  g_autoptr(RwSafetyPlan) plan = NULL;
  g_autoptr(RwStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (RW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = rw_database_prepare (db, "SELECT section, body, modified FROM safety_plan", error);
  if (stmt == NULL)
    return NULL;
  plan = rw_safety_plan_new ();
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RwSafetyPlanSection section;

      if (!rw_safety_plan_section_from_key ((const char *) sqlite3_column_text (stmt, 0), &section))
        continue;
      rw_safety_plan_set_text (plan, section, (const char *) sqlite3_column_text (stmt, 1));
      rw_safety_plan_set_modified (plan, section, sqlite3_column_int64 (stmt, 2));
    }
  if (rc != SQLITE_DONE)
    {
      rw_database_set_error (db, rc, _("read the safety plan"), error);
      return NULL;
    }
  return g_steal_pointer (&plan);
}

typedef struct
{
  RwSafetyPlanSection section;
  const char *text;
} SaveData;

static gboolean
save_func (RwDatabase  *db,
           SaveData    *data,
           GError     **error)
{
  sqlite3_stmt *stmt = rw_database_prepare (db, "INSERT INTO safety_plan (section, body, modified) "
                                                "VALUES (?1, ?2, ?3) ON CONFLICT (section) "
                                                "DO UPDATE SET body = ?2, modified = ?3", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, rw_safety_plan_section_get_key (data->section), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, data->text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time ());
  return rw_database_step_done (db, stmt, _("save the safety plan"), error);
}

/**
 * rw_safety_plan_save_section:
 * @db: a #RwDatabase
 * @section: which section
 * @text: its text as the person wrote it, one item a line
 * @error: return location for a #GError
 *
 * Returns: whether it was saved
 */
gboolean
rw_safety_plan_save_section (RwDatabase           *db,
                             RwSafetyPlanSection   section,
                             const char           *text,
                             GError              **error)
{
  SaveData data = { section, text };

  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (section < RW_SAFETY_PLAN_N_SECTIONS, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_FAILED,
                   _("The safety plan’s text is not valid UTF-8. Type it again or save the file "
                     "as UTF-8."));
      return FALSE;
    }
  return rw_database_write (db, (RwWriteFunc) save_func, &data, error);
}
