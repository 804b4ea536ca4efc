/* rw-journal-around.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The journal's sessions for the charts: their markers and a metric
 * around them, for widgets (which never run SQL).
 */
#pragma once

#include "rw-around-sessions.h"
#include "rw-journal.h"

G_BEGIN_DECLS

/* RwSessionMark elements, done and scheduled, from @first to @last (0 and
 * 0 for all). */
GPtrArray  *rw_journal_load_session_marks (RwJournal     *self,
                                           guint32        first,
                                           guint32        last,
                                           GError       **error);
RwAround   *rw_journal_load_around        (RwJournal     *self,
                                           RwSeriesKind   kind,
                                           RwAroundPhase  phase,
                                           GError       **error);

G_END_DECLS
