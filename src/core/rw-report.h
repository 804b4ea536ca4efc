/* rw-report.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The clinician report: a PDF of a date range that the person can hand
 * to their prescriber or therapist, drawn with cairo and PangoCairo by
 * the chart's own renderer. It says on every page that it comes from a
 * personal journal and is not a medical record. Notes and integration
 * answers are in it only when asked for.
 */
#pragma once

#include <gio/gio.h>

#include "rw-chart.h"

G_BEGIN_DECLS

typedef struct
{
  guint32  first;          /* julian days, inclusive */
  guint32  last;
  gboolean include_notes;  /* check-in notes, session notes and intentions, integration answers */
  RwPaper  paper;          /* portrait */
  guint32  made;           /* the day it says it was made; 0: today */
} RwReportOptions;

/* The last 90 days to today, no notes, the locale's paper. */
void      rw_report_options_init (RwReportOptions *options);

/* How far the report is, from 0 to 1; called in the thread that asked
 * for the report (rw_report_write_async() brings it back there). */
typedef void (*RwReportProgressFunc) (double   fraction,
                                      gpointer user_data);

void      rw_report_write_async  (const char            *data_dir,
                                  const RwReportOptions *options,
                                  const char            *path,
                                  RwReportProgressFunc   progress,
                                  gpointer               progress_data,
                                  GDestroyNotify         progress_destroy,
                                  GCancellable          *cancellable,
                                  GAsyncReadyCallback    callback,
                                  gpointer               user_data);
gboolean  rw_report_write_finish (GAsyncResult          *result,
                                  guint                 *n_pages,
                                  GError               **error);

G_END_DECLS
