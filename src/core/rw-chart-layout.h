/* rw-chart-layout.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where the chart puts things at its current size (rw_chart_set_size()):
 * its panels and their scales, days to x and values to y, and how much of
 * the series one point stands for. Asking computes the layout if the
 * data, the shown series, the size or the font changed since, and reuses
 * it otherwise.
 */
#pragma once

#include "rw-chart.h"

G_BEGIN_DECLS

/* What one point of the chart stands for: with room for every day, a day
 * (points, bars, the 7-day mean); on longer ranges a week's or a month's
 * mean, drawn as a line over a band from the lowest to the highest day. */
typedef enum
{
  RW_CHART_STEP_DAY,
  RW_CHART_STEP_WEEK,
  RW_CHART_STEP_MONTH,
} RwChartStep;

RwChartStep rw_chart_get_step       (RwChart        *chart);
/* How many points (days, weeks or months) a series is drawn as. */
guint       rw_chart_get_n_points   (RwChart        *chart);
/* The day under @x, or -1 left or right of the plots. */
int         rw_chart_day_at         (RwChart        *chart,
                                     double          x);
/* The x of the middle of day @index. */
double      rw_chart_x_of_day       (RwChart        *chart,
                                     guint           index);
/* Where @value of @kind is drawn, vertically (in its own panel). */
double      rw_chart_y_of_value     (RwChart        *chart,
                                     RwSeriesKind    kind,
                                     double          value);
/* The plot area of the panel @kind is drawn in; FALSE if it is not shown. */
gboolean    rw_chart_get_plot_area  (RwChart           *chart,
                                     RwSeriesKind       kind,
                                     cairo_rectangle_t *area);
/* Where @part is drawn; FALSE when it has nothing to draw. */
gboolean    rw_chart_get_part_area  (RwChart           *chart,
                                     RwChartPart        part,
                                     cairo_rectangle_t *area);
/* The first and last day (exclusive) of the point day @index is in. */
void        rw_chart_get_point_days (RwChart        *chart,
                                     guint           index,
                                     guint          *start,
                                     guint          *end);

G_END_DECLS
