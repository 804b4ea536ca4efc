/* rw-chart-private.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the chart's layout (rw-chart-layout.c), drawing (rw-chart.c)
 * and export (rw-chart-export.c); nothing else includes it.
 */
#pragma once

#include <pango/pangocairo.h>

#include "rw-chart.h"

G_BEGIN_DECLS

/* Which colour of the style a thing is drawn in. */
typedef enum
{
  RW_INK_SERIES,        /* + RwSeriesKind */
  RW_INK_FOREGROUND = RW_INK_SERIES + RW_N_SERIES,
  RW_INK_DIM,
  RW_INK_GRID,
  RW_INK_ROLLING,
  RW_INK_MARKER,
} RwInk;

typedef struct
{
  PangoLayout *layout;  /* owned */
  double x, y;          /* its top left */
  RwInk ink;
  RwChartPart part;     /* drawn with */
} RwChartLabel;

typedef enum
{
  RW_PANEL_METRICS,     /* mood, anxiety, focus, hope, energy: 0–10 */
  RW_PANEL_SLEEP_HOURS,
  RW_PANEL_SLEEP_QUALITY,
  RW_N_PANELS
} RwPanelKind;

typedef struct
{
  gboolean shown;
  double x, y, w, h;    /* the plot area */
  double max;           /* the value at the top; the bottom is 0 */
  double ticks[8];
  guint n_ticks;
} RwChartPanel;

/* How a legend entry's swatch looks. */
typedef enum
{
  RW_SWATCH_DOT,
  RW_SWATCH_LINE,
  RW_SWATCH_THICK_LINE,
  RW_SWATCH_BAR,
  RW_SWATCH_BAND,
} RwSwatch;

typedef struct
{
  RwSwatch swatch;
  RwInk ink;
  double x, y;          /* the swatch's box, 12 × the line height */
} RwChartLegendEntry;

/* One week's or month's values of one series. */
typedef struct
{
  double mean, min, max;  /* NAN when no day has a value */
} RwChartStat;

typedef struct
{
  guint start, end;     /* its days, [start, end) */
  double x;             /* the middle of them */
} RwChartBin;

typedef struct
{
  double width, height;
  gboolean empty;       /* no series, or nothing logged: only a message */
  RwChartStep step;
  guint n_days;
  double plot_x, plot_w;  /* the plots' left edge and width */
  double day_w;           /* one day's width */
  double top, bottom;     /* from the first panel's top to the last one's bottom */
  double line_height;     /* of a line of text */
  double swatch_h;
  RwChartPanel panels[RW_N_PANELS];
  gboolean rolling;       /* the 7-day mean is drawn */
  /* Weeks or months; empty for days. */
  GArray *bins;                      /* RwChartBin */
  RwChartStat *stats[RW_N_SERIES];   /* per bin, for the shown series */
  gboolean band[RW_N_SERIES];        /* a band from the lowest to the highest day */
  GArray *labels;                    /* RwChartLabel */
  GArray *legend;                    /* RwChartLegendEntry */
  GArray *date_ticks;                /* double: x */
  double date_tick_y;
  gboolean part_shown[RW_N_CHART_PARTS];
  cairo_rectangle_t parts[RW_N_CHART_PARTS];
} RwChartLayout;

struct _RwChart
{
  RwSeries *series;
  gboolean visible[RW_N_SERIES];
  GArray *markers;          /* RwChartMarker */
  double width, height;
  RwChartStyle style;       /* style.font points at font */
  char *font;
  /* Text is measured and shaped in a context of the chart's own (at the
   * style's font and resolution), so that the layout does not depend on
   * the surface it is drawn on: the screen, PNG, SVG and PDF agree. */
  PangoContext *context;
  RwChartLayout *layout;    /* NULL when out of date */
  int highlight;
  PangoLayout *highlight_layout;  /* the box's text, for the highlight */
  guint layout_count;
  guint draw_count;
};

PangoContext        *rw_chart_get_context     (RwChart *chart);
const RwChartLayout *rw_chart_ensure_layout   (RwChart *chart);
void                 rw_chart_invalidate      (RwChart *chart);
void                 rw_chart_layout_free     (RwChartLayout *layout);
const RwChartPanel  *rw_chart_layout_panel_of (const RwChartLayout *layout,
                                               RwSeriesKind         kind);
/* The point (day or bin) that day @index is drawn in. */
guint                rw_chart_layout_point_of (const RwChartLayout *layout,
                                               guint                index);
double               rw_chart_panel_y         (const RwChartPanel  *panel,
                                               double               value);

G_END_DECLS
