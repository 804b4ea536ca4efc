/* rw-series-sql.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Series read from the journal; for the core, the command line and tests
 * (widgets use rw_journal_load_series()).
 */
#pragma once

#include "rw-database.h"
#include "rw-series.h"

G_BEGIN_DECLS

/* Loads the days from @first to @last (julian day numbers, inclusive). */
RwSeries   *rw_series_load           (RwDatabase   *db,
                                      guint32       first,
                                      guint32       last,
                                      GError      **error);
/* For @range ending on @last; for RW_RANGE_ALL the first day is the first
 * check-in (or @last when there is none). */
RwSeries   *rw_series_load_range     (RwDatabase   *db,
                                      RwRange       range,
                                      guint32       last,
                                      GError      **error);
/* The first and last day with a check-in, or 0 for both when there is
 * none; FALSE with @error set when the journal cannot be read. */
gboolean    rw_series_find_span      (RwDatabase   *db,
                                      guint32      *first,
                                      guint32      *last,
                                      GError      **error);
G_END_DECLS
