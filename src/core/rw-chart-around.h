/* rw-chart-around.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The around-sessions chart, drawn onto any cairo_t at any size with
 * text through PangoCairo: days from 7 before to 14 after a session
 * across, each session a faint line, their mean a bold one, day 0 marked
 * "Session", and under the days how many sessions are behind each. The
 * Trends view paints it and the clinician report prints it; the lines
 * differ by weight and dash, not by colour alone.
 */
#pragma once

#include <cairo.h>

#include "rw-around-sessions.h"
#include "rw-chart.h"

G_BEGIN_DECLS

/* Where things go, for drawing and for tests. */
typedef struct
{
  double plot_x, plot_y, plot_w, plot_h;   /* the plot area */
  double max;                              /* the value at its top; the bottom is 0 */
  double counts_y;                         /* the top of the row of session counts */
  guint  count_step;                       /* a count every this many days (1 or 2) */
} RwChartAroundLayout;

void        rw_chart_around_get_layout  (RwAround            *around,
                                         double               width,
                                         double               height,
                                         const RwChartStyle  *style,
                                         RwChartAroundLayout *layout);
/* The x of the middle of day @offset, the y of @value. */
double      rw_chart_around_x_of_offset (const RwChartAroundLayout *layout,
                                         int                        offset);
double      rw_chart_around_y_of_value  (const RwChartAroundLayout *layout,
                                         double                     value);
/* Paints the background and the chart; with no session, a short message. */
void        rw_chart_around_draw        (RwAround            *around,
                                         cairo_t             *cr,
                                         double               width,
                                         double               height,
                                         const RwChartStyle  *style);

G_END_DECLS
