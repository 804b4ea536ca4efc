/* rw-journal-sessions.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The journal's treatment sessions, as the app, the command line and
 * the other views see them. Days are guint32 day numbers (rw-date.h).
 *
 * Deleting follows the check-ins' Undo: rw_journal_hide_session() at
 * once, rw_journal_unhide_session() on Undo, rw_journal_purge_session()
 * when the toast goes, then rw_journal_scrub_async() so that nothing of
 * it stays in the search index or the log.
 *
 * Search: the journal search does not mix sessions into the check-in
 * list; rw_journal_search_sessions() finds the sessions whose note,
 * intention or integration answers match the same query.
 */
#pragma once

#include <gio/gio.h>

#include "rw-journal.h"
#include "rw-session.h"

G_BEGIN_DECLS

gboolean    rw_journal_add_session          (RwJournal   *self,
                                             RwSession   *session,
                                             GError     **error);
gboolean    rw_journal_update_session       (RwJournal   *self,
                                             RwSession   *session,
                                             GError     **error);
RwSession  *rw_journal_lookup_session       (RwJournal   *self,
                                             const char  *id,
                                             GError     **error);
char       *rw_journal_resolve_session_id   (RwJournal   *self,
                                             const char  *id_or_prefix,
                                             GError     **error);
GPtrArray  *rw_journal_list_sessions        (RwJournal   *self,
                                             GError     **error);
GPtrArray  *rw_journal_list_sessions_range  (RwJournal   *self,
                                             guint32      first,
                                             guint32      last,
                                             GError     **error);
RwSession  *rw_journal_next_session         (RwJournal   *self,
                                             guint32      today,
                                             GError     **error);
gboolean    rw_journal_mark_session_done    (RwJournal   *self,
                                             const char  *id,
                                             gboolean     done,
                                             GError     **error);
gboolean    rw_journal_hide_session         (RwJournal   *self,
                                             const char  *id,
                                             GError     **error);
gboolean    rw_journal_unhide_session       (RwJournal   *self,
                                             const char  *id,
                                             GError     **error);
gboolean    rw_journal_purge_session        (RwJournal   *self,
                                             const char  *id,
                                             GError     **error);
gboolean    rw_journal_save_integration     (RwJournal   *self,
                                             const char  *id,
                                             guint        day,
                                             const char  *noticed,
                                             const char  *carry_forward,
                                             const char  *hard,
                                             GError     **error);
RwSession  *rw_journal_find_integration_session (RwJournal *self,
                                             guint32      date,
                                             guint       *day,
                                             GError     **error);
GPtrArray  *rw_journal_search_sessions      (RwJournal   *self,
                                             const char  *query,
                                             GError     **error);
GListModel *rw_journal_get_sessions         (RwJournal   *self);

G_END_DECLS
