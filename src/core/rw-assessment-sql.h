/* rw-assessment-sql.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PHQ-9 and GAD-7 answers as the journal keeps them (the assessments
 * table of schema 6). The window reaches them through
 * rw-journal-assessments.h; the command line and tests call these.
 * Writes take a transaction of their own (rw_database_write()), so each
 * emits RwDatabase::changed.
 */
#pragma once

#include "rw-database.h"
#include "rw-questionnaire.h"

G_BEGIN_DECLS

/* The journal's setting: "1" when the next of each kind is due after each
 * session done, "0" or absent when only 14 days after the last. */
#define RW_ASSESSMENT_RESTART_KEY "assessment-restart-after-session"

gboolean   rw_assessment_sql_save          (RwDatabase          *db,
                                            RwAssessment        *assessment,
                                            GError             **error);
/* Newest first; @kind RW_N_QUESTIONNAIRES for both. Hidden ones are left out. */
GPtrArray *rw_assessment_sql_list          (RwDatabase          *db,
                                            RwQuestionnaireKind  kind,
                                            GError             **error);
gboolean   rw_assessment_sql_set_hidden    (RwDatabase          *db,
                                            const char          *id,
                                            gboolean             hidden,
                                            GError             **error);
gboolean   rw_assessment_sql_purge_hidden  (RwDatabase          *db,
                                            GError             **error);
gboolean   rw_assessment_sql_has_hidden    (RwDatabase          *db);
/* The day of the newest of @kind not hidden, or 0. */
guint32    rw_assessment_sql_last_date     (RwDatabase          *db,
                                            RwQuestionnaireKind  kind,
                                            GError             **error);
/* The day of the newest session marked done, or 0. */
guint32    rw_assessment_sql_last_session  (RwDatabase          *db,
                                            GError             **error);
gboolean   rw_assessment_sql_get_restart   (RwDatabase          *db);
gboolean   rw_assessment_sql_set_restart   (RwDatabase          *db,
                                            gboolean             restart,
                                            GError             **error);
guint32    rw_assessment_sql_due_day       (RwDatabase          *db,
                                            RwQuestionnaireKind  kind,
                                            GError             **error);

guint32    rw_assessment_due_day           (guint32              last,
                                            guint32              last_session,
                                            gboolean             restart);

G_END_DECLS
