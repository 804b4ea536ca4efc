/* rw-chart.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draws the Trends charts onto any cairo_t, text with PangoCairo: the
 * widget paints with it and `rewire chart` writes PNG, SVG and PDF with
 * it. Colours come from the caller (the widget reads them from the
 * current style). Markers (treatment sessions, later) are a layer of their
 * own over the series.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "rw-series.h"

G_BEGIN_DECLS

typedef struct
{
  double red, green, blue, alpha;
} RwColor;

typedef struct
{
  RwColor background;
  RwColor foreground;
  RwColor dim;          /* axis labels */
  RwColor grid;
  RwColor series[RW_N_SERIES];
  RwColor rolling;      /* the 7-day mean line */
  RwColor marker;
  const char *font;     /* a Pango font description, e.g. "Cantarell 10" */
} RwChartStyle;

void rw_chart_style_init (RwChartStyle *style,
                          gboolean      dark);

typedef struct
{
  guint32 day;          /* julian */
  char   *label;
} RwChartMarker;

typedef struct _RwChart RwChart;

RwChart    *rw_chart_new            (void);
void        rw_chart_free           (RwChart        *chart);
void        rw_chart_set_series     (RwChart        *chart,
                                     RwSeries       *series);
RwSeries   *rw_chart_get_series     (RwChart        *chart);
void        rw_chart_set_visible    (RwChart        *chart,
                                     RwSeriesKind    kind,
                                     gboolean        visible);
gboolean    rw_chart_get_visible    (RwChart        *chart,
                                     RwSeriesKind    kind);
/* Markers, drawn over the series; the chart copies them. */
void        rw_chart_clear_markers  (RwChart        *chart);
void        rw_chart_add_marker     (RwChart        *chart,
                                     guint32         day,
                                     const char     *label);
/* The day (index into the series) whose values are shown in a box, or -1. */
void        rw_chart_set_highlight  (RwChart        *chart,
                                     int             index);
int         rw_chart_get_highlight  (RwChart        *chart);

void        rw_chart_draw           (RwChart            *chart,
                                     cairo_t            *cr,
                                     double              width,
                                     double              height,
                                     const RwChartStyle *style);
/* The day under x in a chart of @width, or -1. */
int         rw_chart_day_at         (RwChart        *chart,
                                     double          x,
                                     double          width);
/* The x of the centre of day @index in a chart of @width. */
double      rw_chart_x_of_day       (RwChart        *chart,
                                     guint           index,
                                     double          width);
/* Where @value of @kind is drawn, vertically, in a chart of that size. */
double      rw_chart_y_of_value     (RwChart        *chart,
                                     RwSeriesKind    kind,
                                     double          value,
                                     double          width,
                                     double          height);
/* A text summary of what the chart shows, for screen readers and the CLI. */
char       *rw_chart_describe       (RwChart        *chart);

/* Writes PNG (@width × @height pixels), SVG or PDF (points), as the
 * extension of @path says; atomic and 0600 like every export. */
gboolean    rw_chart_export         (RwChart            *chart,
                                     const char         *path,
                                     double              width,
                                     double              height,
                                     const RwChartStyle *style,
                                     GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwChart, rw_chart_free)

G_END_DECLS
