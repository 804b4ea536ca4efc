/* rw-chart-export.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart written to a file, drawn by the same code as on screen.
 */
#pragma once

#include "rw-chart.h"

G_BEGIN_DECLS

/* Writes PNG (@width × @height pixels), SVG or PDF (points), as the
 * extension of @path says; atomic and 0600 like every export. */
gboolean    rw_chart_export         (RwChart            *chart,
                                     const char         *path,
                                     double              width,
                                     double              height,
                                     const RwChartStyle *style,
                                     GError            **error);

G_END_DECLS
