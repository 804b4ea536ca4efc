/* rw-chart.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Trends chart, drawn onto any cairo_t with text through PangoCairo:
 * the widget paints with it and `rewire chart` writes PNG, SVG and PDF
 * with it (rw-chart-export.h), so what is saved is what was seen. Where
 * things go (panels, scales, ticks, the legend, days to x, and the
 * reduction of long ranges to weekly or monthly means) is the chart's
 * layout (rw-chart-layout.h), computed once per data, shown series, size
 * and font, never for a hover. Colours come from the caller: the widget
 * reads them from the current style. Markers (treatment sessions, later)
 * are a layer of their own over the series.
 */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pango.h>

#include "rw-series.h"

G_BEGIN_DECLS

typedef struct _RwChart RwChart;

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
  RwColor rolling;      /* the 7-day mean line, and mood's weekly or monthly mean */
  RwColor marker;
  const char *font;     /* a Pango font description, e.g. "Cantarell 10" */
  double resolution;    /* of the text in dots per inch: 96, times the text scaling */
} RwChartStyle;

void        rw_chart_style_init     (RwChartStyle   *style,
                                     gboolean        dark);

typedef struct
{
  guint32  day;         /* julian */
  char    *label;       /* drawn beside it, or NULL */
  char    *detail;      /* a line of the hover box on its day, or NULL */
  gboolean scheduled;   /* drawn dashed with a hollow head; done ones solid, filled */
} RwChartMarker;

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
/* A treatment session (see rw_session_marks_add_to_chart()): no label, a
 * line of @detail in the hover box of its day, week or month. */
void        rw_chart_add_session_marker (RwChart    *chart,
                                         guint32     day,
                                         const char *detail,
                                         gboolean    scheduled);
/* The size and style of the next draws (rw_chart_draw() sets them too). */
void        rw_chart_set_size       (RwChart            *chart,
                                     double              width,
                                     double              height);
void        rw_chart_set_style      (RwChart            *chart,
                                     const RwChartStyle *style);

void        rw_chart_draw           (RwChart            *chart,
                                     cairo_t            *cr,
                                     double              width,
                                     double              height,
                                     const RwChartStyle *style);

/* The chart in parts, each within an area of its own (see
 * rw_chart_get_part_area()), for a widget to keep each as a render node of
 * that size over the background it paints; rw_chart_draw() paints the
 * background and draws them all, in this order. */
typedef enum
{
  RW_CHART_PART_METRICS,        /* the panel: its scale lines, series, caption */
  RW_CHART_PART_SLEEP_HOURS,
  RW_CHART_PART_SLEEP_QUALITY,
  RW_CHART_PART_SCALES,         /* the scales' labels, left of the panels */
  RW_CHART_PART_DATES,
  RW_CHART_PART_MARKERS,
  RW_CHART_PART_LEGEND,
  RW_CHART_PART_MESSAGE,        /* what an empty range says instead */
  RW_N_CHART_PARTS
} RwChartPart;

void        rw_chart_draw_part      (RwChart            *chart,
                                     cairo_t            *cr,
                                     RwChartPart         part,
                                     const RwChartStyle *style);

/* Hovering: the day (index into the series) whose values are shown in a
 * box over the chart, or -1. Over a long range the box shows the week or
 * month the day is in. */
typedef enum
{
  RW_CHART_MOVE_PREVIOUS,
  RW_CHART_MOVE_NEXT,
  RW_CHART_MOVE_FIRST,
  RW_CHART_MOVE_LAST,
} RwChartMove;

void        rw_chart_set_highlight  (RwChart        *chart,
                                     int             index);
int         rw_chart_get_highlight  (RwChart        *chart);
/* By one point of what is drawn: a day, a week or a month. */
void        rw_chart_move_highlight (RwChart        *chart,
                                     RwChartMove     move);
/* Where the hover layer goes: the vertical line at @x from @top to
 * @bottom (across the top panel), and the box. FALSE when nothing is
 * highlighted. */
gboolean    rw_chart_get_highlight_area (RwChart           *chart,
                                         double            *x,
                                         double            *top,
                                         double            *bottom,
                                         cairo_rectangle_t *box);
/* What the box says, as plain text, or NULL. */
const char *rw_chart_get_highlight_text (RwChart        *chart);
/* The box's text laid out, placed this far in from the box's top left. */
#define RW_CHART_BOX_PADDING_X 6
#define RW_CHART_BOX_PADDING_Y 5
PangoLayout *rw_chart_get_highlight_layout (RwChart     *chart);
/* The box alone, in chart coordinates, for a layer of its own. */
void        rw_chart_draw_highlight_box (RwChart            *chart,
                                         cairo_t            *cr,
                                         const RwChartStyle *style);
/* The line and the box. */
void        rw_chart_draw_highlight (RwChart            *chart,
                                     cairo_t            *cr,
                                     const RwChartStyle *style);

/* A text summary of what the chart shows, for screen readers and the CLI. */
char       *rw_chart_describe       (RwChart        *chart);

/* How often the layout (and the reduction of the series to what is
 * drawn) was computed, and the chart drawn (in full, or a part of it),
 * since the chart was made: tests and the benchmark read them to see that
 * hovering costs neither. */
guint       rw_chart_get_layout_count (RwChart      *chart);
guint       rw_chart_get_draw_count   (RwChart      *chart);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwChart, rw_chart_free)

G_END_DECLS

#include "rw-chart-layout.h"
#include "rw-chart-export.h"
