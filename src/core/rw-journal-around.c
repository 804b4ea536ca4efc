/* rw-journal-around.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rw-journal"

#include "config.h"

#include "rw-around-sessions-sql.h"
#include "rw-journal-around.h"
#include "rw-journal-private.h"

/**
 * rw_journal_load_session_marks:
 * @self: a #RwJournal
 * @first: the first day (julian), or 0
 * @last: the last day (julian), or 0
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type RwSessionMark): the sessions
 *   for the markers of a chart
 */
GPtrArray *
rw_journal_load_session_marks (RwJournal  *self,
                               guint32     first,
                               guint32     last,
                               GError    **error)
{
  g_return_val_if_fail (RW_IS_JOURNAL (self), NULL);
  return rw_session_marks_load (rw_journal_get_database (self), first, last, FALSE, error);
}

/**
 * rw_journal_load_around:
 * @self: a #RwJournal
 * @kind: the metric
 * @phase: which sessions
 * @error: return location for a #GError
 *
 * Returns: (transfer full): @kind around each done session of @phase
 */
RwAround *
rw_journal_load_around (RwJournal      *self,
                        RwSeriesKind    kind,
                        RwAroundPhase   phase,
                        GError        **error)
{
  g_return_val_if_fail (RW_IS_JOURNAL (self), NULL);
  return rw_around_load (rw_journal_get_database (self), kind, phase, error);
}
