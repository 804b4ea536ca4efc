/* rw-report-sql.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report read from an open journal: for the core, the command line
 * and tests (the window uses rw_report_write_async()).
 */
#pragma once

#include "rw-database.h"
#include "rw-report.h"

G_BEGIN_DECLS

/* Writes the report of @options into @path (0600, atomically, nothing
 * left when it fails or is cancelled); @n_pages is how many pages it has. */
gboolean  rw_report_write        (RwDatabase            *db,
                                  const RwReportOptions *options,
                                  const char            *path,
                                  RwReportProgressFunc   progress,
                                  gpointer               progress_data,
                                  guint                 *n_pages,
                                  GCancellable          *cancellable,
                                  GError               **error);

G_END_DECLS
