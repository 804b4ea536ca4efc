/* rw-journal-assessments.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PHQ-9 and GAD-7 in the journal, for the window: save, history, delete
 * with Undo, and when the next one is due.
 */
#pragma once

#include "rw-journal.h"
#include "rw-questionnaire.h"

G_BEGIN_DECLS

gboolean   rw_journal_save_assessment           (RwJournal            *self,
                                                 RwAssessment         *assessment,
                                                 GError              **error);
GPtrArray *rw_journal_list_assessments          (RwJournal            *self,
                                                 RwQuestionnaireKind   kind,
                                                 GError              **error);
gboolean   rw_journal_hide_assessment           (RwJournal            *self,
                                                 const char           *id,
                                                 GError              **error);
gboolean   rw_journal_unhide_assessment         (RwJournal            *self,
                                                 const char           *id,
                                                 GError              **error);
gboolean   rw_journal_purge_hidden_assessments  (RwJournal            *self,
                                                 GError              **error);
guint32    rw_journal_get_last_assessment       (RwJournal            *self,
                                                 RwQuestionnaireKind   kind);
guint32    rw_journal_get_assessment_due        (RwJournal            *self,
                                                 RwQuestionnaireKind   kind);
gboolean   rw_journal_is_assessment_due         (RwJournal            *self,
                                                 RwQuestionnaireKind   kind,
                                                 guint32               today);
gboolean   rw_journal_get_assessment_restart    (RwJournal            *self);
gboolean   rw_journal_set_assessment_restart    (RwJournal            *self,
                                                 gboolean              restart,
                                                 GError              **error);

G_END_DECLS
