/* rw-journal-page.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rw-context.h"
#include "rw-core.h"

G_BEGIN_DECLS

#define RW_TYPE_JOURNAL_PAGE (rw_journal_page_get_type ())
G_DECLARE_FINAL_TYPE (RwJournalPage, rw_journal_page, RW, JOURNAL_PAGE, GtkWidget)

#define RW_UNDO_SECONDS 10

RwJournalPage  *rw_journal_page_new                 (RwContext      *context);
RwHistoryModel *rw_journal_page_get_history         (RwJournalPage  *self);
const char     *rw_journal_page_get_visible_state   (RwJournalPage  *self);
gboolean        rw_journal_page_get_low_mood_shown  (RwJournalPage  *self);
const char     *rw_journal_page_get_low_mood_number (RwJournalPage  *self);
GtkWindow      *rw_journal_page_get_editor          (RwJournalPage  *self);
guint           rw_journal_page_get_undo_timeout    (RwJournalPage  *self);
void            rw_journal_page_set_undo_timeout    (RwJournalPage  *self,
                                                     guint           seconds);
void            rw_journal_page_set_search          (RwJournalPage  *self,
                                                     const char     *text);
void            rw_journal_page_set_tag_filter      (RwJournalPage  *self,
                                                     const char     *tag);
guint           rw_journal_page_get_scroll_target   (RwJournalPage  *self);
void            rw_journal_page_jump_to_date        (RwJournalPage  *self,
                                                     const char     *date);
const char     *rw_journal_page_get_search_count    (RwJournalPage  *self);
void            rw_journal_page_refresh_today       (RwJournalPage  *self);
const char     *rw_journal_page_get_today_text      (RwJournalPage  *self);
gboolean        rw_journal_page_get_sessions_shown  (RwJournalPage  *self);
void            rw_journal_page_set_sessions_shown  (RwJournalPage  *self,
                                                     gboolean        shown);
GtkWidget      *rw_journal_page_get_session_log     (RwJournalPage  *self);
GtkWindow      *rw_journal_page_get_session_editor  (RwJournalPage  *self);
const char     *rw_journal_page_get_session_card_text (RwJournalPage *self);
guint           rw_journal_page_get_n_session_matches (RwJournalPage *self);
const char     *rw_journal_page_get_questionnaire_due_text (RwJournalPage *self);

G_END_DECLS
