/* rw-around-sessions-sql.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sessions read from the journal for the charts; for the core, the
 * command line and tests (widgets use rw-journal-around.h).
 */
#pragma once

#include "rw-around-sessions.h"
#include "rw-database.h"

G_BEGIN_DECLS

/* The sessions (not deleted) from @first to @last (julian, inclusive; 0
 * and 0 for all), by date and time; only the done ones with @done_only.
 * Elements are RwSessionMark. */
GPtrArray  *rw_session_marks_load       (RwDatabase    *db,
                                         guint32        first,
                                         guint32        last,
                                         gboolean       done_only,
                                         GError       **error);
/* Every done session of the journal against @kind. */
RwAround   *rw_around_load              (RwDatabase    *db,
                                         RwSeriesKind   kind,
                                         RwAroundPhase  phase,
                                         GError       **error);

G_END_DECLS
