/* rw-journal-assessments.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rw-journal-assessments"

#include "config.h"

#include "rw-assessment-sql.h"
#include "rw-journal-assessments.h"
#include "rw-journal-private.h"

/**
 * rw_journal_save_assessment:
 * @self: a #RwJournal
 * @assessment: answers made by rw_assessment_new()
 * @error: return location for a #GError
 *
 * Saves @assessment and sets its id. Ask rw_safety_should_offer_for_assessment()
 * afterwards, never before.
 */
gboolean
rw_journal_save_assessment (RwJournal     *self,
                            RwAssessment  *assessment,
                            GError       **error)
{
  g_return_val_if_fail (RW_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (assessment != NULL, FALSE);

  return rw_assessment_sql_save (rw_journal_get_database (self), assessment, error);
}

/**
 * rw_journal_list_assessments:
 * @self: a #RwJournal
 * @kind: which questionnaire, or %RW_N_QUESTIONNAIRES for both
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type RwAssessment): the history,
 *   newest first
 */
GPtrArray *
rw_journal_list_assessments (RwJournal            *self,
                             RwQuestionnaireKind   kind,
                             GError              **error)
{
  g_return_val_if_fail (RW_IS_JOURNAL (self), NULL);

  return rw_assessment_sql_list (rw_journal_get_database (self), kind, error);
}

/**
 * rw_journal_hide_assessment:
 * @self: a #RwJournal
 * @id: an assessment's id
 * @error: return location for a #GError
 *
 * Deletes it in a way that can be undone (rw_journal_unhide_assessment())
 * until rw_journal_purge_hidden_assessments().
 */
gboolean
rw_journal_hide_assessment (RwJournal   *self,
                            const char  *id,
                            GError     **error)
{
  g_return_val_if_fail (RW_IS_JOURNAL (self), FALSE);

  return rw_assessment_sql_set_hidden (rw_journal_get_database (self), id, TRUE, error);
}

gboolean
rw_journal_unhide_assessment (RwJournal   *self,
                              const char  *id,
                              GError     **error)
{
  g_return_val_if_fail (RW_IS_JOURNAL (self), FALSE);

  return rw_assessment_sql_set_hidden (rw_journal_get_database (self), id, FALSE, error);
}

gboolean
rw_journal_purge_hidden_assessments (RwJournal  *self,
                                     GError    **error)
{
  g_return_val_if_fail (RW_IS_JOURNAL (self), FALSE);

  return rw_assessment_sql_purge_hidden (rw_journal_get_database (self), error);
}

/**
 * rw_journal_get_last_assessment:
 * @self: a #RwJournal
 * @kind: which questionnaire
 *
 * Returns: the day the newest one was answered, or 0 for none
 */
guint32
rw_journal_get_last_assessment (RwJournal           *self,
                                RwQuestionnaireKind  kind)
{
  g_autoptr(GError) error = NULL;
  guint32 day;

  g_return_val_if_fail (RW_IS_JOURNAL (self), 0);

  day = rw_assessment_sql_last_date (rw_journal_get_database (self), kind, &error);
  if (error != NULL)
    g_message ("Could not read the last questionnaire: %s", error->message);
  return day;
}

/**
 * rw_journal_get_assessment_due:
 * @self: a #RwJournal
 * @kind: which questionnaire
 *
 * See rw_assessment_due_day() for the rule.
 *
 * Returns: the day the next one is due, or 0 when none has been answered
 */
guint32
rw_journal_get_assessment_due (RwJournal           *self,
                               RwQuestionnaireKind  kind)
{
  g_autoptr(GError) error = NULL;
  guint32 day;

  g_return_val_if_fail (RW_IS_JOURNAL (self), 0);

  day = rw_assessment_sql_due_day (rw_journal_get_database (self), kind, &error);
  if (error != NULL)
    g_message ("Could not read when a questionnaire is due: %s", error->message);
  return day;
}

gboolean
rw_journal_is_assessment_due (RwJournal           *self,
                              RwQuestionnaireKind  kind,
                              guint32              today)
{
  guint32 due = rw_journal_get_assessment_due (self, kind);

  return due != 0 && today >= due;
}

gboolean
rw_journal_get_assessment_restart (RwJournal *self)
{
  g_return_val_if_fail (RW_IS_JOURNAL (self), FALSE);

  return rw_assessment_sql_get_restart (rw_journal_get_database (self));
}

gboolean
rw_journal_set_assessment_restart (RwJournal  *self,
                                   gboolean    restart,
                                   GError    **error)
{
  g_return_val_if_fail (RW_IS_JOURNAL (self), FALSE);

  return rw_assessment_sql_set_restart (rw_journal_get_database (self), restart, error);
}
