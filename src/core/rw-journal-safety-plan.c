/* rw-journal-safety-plan.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rw-journal"

#include "config.h"

#include "rw-journal-private.h"
#include "rw-journal-safety-plan.h"
#include "rw-safety-plan-sql.h"

/**
 * rw_journal_load_safety_plan:
 * @self: a #RwJournal
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the person's safety plan, every section
 *   empty when none was written
 */
RwSafetyPlan *
rw_journal_load_safety_plan (RwJournal  *self,
                             GError    **error)
{
  g_return_val_if_fail (RW_IS_JOURNAL (self), NULL);
  return rw_safety_plan_load (rw_journal_get_database (self), error);
}

/**
 * rw_journal_save_safety_plan_section:
 * @self: a #RwJournal
 * @section: which section
 * @text: its text, one item a line
 * @error: return location for a #GError
 *
 * Returns: whether it was saved
 */
gboolean
rw_journal_save_safety_plan_section (RwJournal            *self,
                                     RwSafetyPlanSection   section,
                                     const char           *text,
                                     GError              **error)
{
  g_return_val_if_fail (RW_IS_JOURNAL (self), FALSE);
  return rw_safety_plan_save_section (rw_journal_get_database (self), section, text, error);
}
