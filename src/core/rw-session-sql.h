/* rw-session-sql.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Row-level reads and writes of treatment sessions (tables sessions,
 * session_checklist, session_integration and session_fts of schema 6).
 * The write functions must run inside a transaction (the body of
 * rw_database_write()). They do not validate: callers run
 * rw_session_validate() first.
 *
 * session_fts holds, at rowid = sessions.id, the note, the intention and
 * every integration answer of a visible or hidden session, so that the
 * journal search finds them (rw_session_sql_search()).
 */
#pragma once

#include "rw-database.h"
#include "rw-session.h"

G_BEGIN_DECLS

gboolean   rw_session_sql_insert          (RwDatabase  *db,
                                           RwSession   *session,
                                           GError     **error);
gboolean   rw_session_sql_update          (RwDatabase  *db,
                                           RwSession   *session,
                                           GError     **error);
gboolean   rw_session_sql_set_done        (RwDatabase  *db,
                                           const char  *id,
                                           gboolean     done,
                                           GError     **error);
gboolean   rw_session_sql_save_integration (RwDatabase *db,
                                           const char  *id,
                                           guint        day,
                                           const char  *noticed,
                                           const char  *carry_forward,
                                           const char  *hard,
                                           GError     **error);
gboolean   rw_session_sql_set_hidden      (RwDatabase  *db,
                                           const char  *id,
                                           gboolean     hidden,
                                           GError     **error);
gboolean   rw_session_sql_purge_one       (RwDatabase  *db,
                                           const char  *id,
                                           GError     **error);
gboolean   rw_session_sql_purge_hidden    (RwDatabase  *db,
                                           guint       *n_purged,
                                           GError     **error);
gboolean   rw_session_sql_reindex         (RwDatabase  *db,
                                           gint64       rowid,
                                           GError     **error);
gboolean   rw_session_sql_has_hidden      (RwDatabase  *db);
gboolean   rw_session_sql_optimize_index  (RwDatabase  *db,
                                           GError     **error);

RwSession *rw_session_sql_load            (RwDatabase  *db,
                                           const char  *id,
                                           GError     **error);
char      *rw_session_sql_resolve_id      (RwDatabase  *db,
                                           const char  *id_or_prefix,
                                           GError     **error);
GPtrArray *rw_session_sql_list            (RwDatabase  *db,
                                           const char  *from,
                                           const char  *to,
                                           GError     **error);
RwSession *rw_session_sql_next_scheduled  (RwDatabase  *db,
                                           const char  *today,
                                           GError     **error);
RwSession *rw_session_sql_find_integration (RwDatabase *db,
                                           const char  *first,
                                           const char  *last,
                                           GError     **error);
GPtrArray *rw_session_sql_search          (RwDatabase  *db,
                                           const char  *query,
                                           GError     **error);
gboolean   rw_session_sql_count           (RwDatabase  *db,
                                           gint64      *sessions,
                                           GError     **error);

G_END_DECLS
