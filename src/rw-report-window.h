/* rw-report-window.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rw-context.h"
#include "rw-core.h"

G_BEGIN_DECLS

#define RW_TYPE_REPORT_WINDOW (rw_report_window_get_type ())
G_DECLARE_FINAL_TYPE (RwReportWindow, rw_report_window, RW, REPORT_WINDOW, AdwWindow)

RwReportWindow *rw_report_window_new          (RwContext      *context,
                                               GtkWindow      *parent);
/* Whether a report is being made; and how far it is, from 0 to 1. */
gboolean        rw_report_window_get_running  (RwReportWindow *self);
double          rw_report_window_get_progress (RwReportWindow *self);

G_END_DECLS
