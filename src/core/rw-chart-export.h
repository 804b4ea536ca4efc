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

typedef enum
{
  RW_CHART_FORMAT_PNG,
  RW_CHART_FORMAT_SVG,
  RW_CHART_FORMAT_PDF,
} RwChartFormat;

/* The page of a PDF, landscape. */
typedef enum
{
  RW_PAPER_A4,
  RW_PAPER_LETTER,
} RwPaper;

/* What the name's ending says; FALSE for none of .png, .svg, .pdf. */
gboolean    rw_chart_format_from_path (const char     *path,
                                       RwChartFormat  *format);
const char *rw_chart_format_get_extension (RwChartFormat format);  /* ".png" */
/* @path ending in @format's extension: a known one replaced, else added. */
char       *rw_chart_format_fix_path  (const char     *path,
                                       RwChartFormat   format);
/* The format of a file named @path in a save dialog that offered
 * @offered and came back with @chosen: a format chosen there wins over the
 * name's ending; left as offered, the ending says (none: @chosen). */
RwChartFormat rw_chart_format_choose  (const char     *path,
                                       RwChartFormat   chosen,
                                       RwChartFormat   offered);
gboolean    rw_paper_from_name        (const char     *name,
                                       RwPaper        *paper);
/* The locale's (LC_PAPER): Letter in the US and Canada, else A4. */
RwPaper     rw_paper_get_default      (void);

/* Writes the chart under a heading of its own (a title with the metrics,
 * the dates with years, the days logged), in @format whatever @path's
 * ending: PNG (@width × @height pixels), SVG (points) or PDF (a landscape
 * page of @paper; @width and @height are not used); atomic and 0600 like
 * every export. */
gboolean    rw_chart_export_as      (RwChart            *chart,
                                     const char         *path,
                                     RwChartFormat       format,
                                     double              width,
                                     double              height,
                                     RwPaper             paper,
                                     const RwChartStyle *style,
                                     GError            **error);

/* The same in the format @path's ending says, on the locale's paper. */
gboolean    rw_chart_export         (RwChart            *chart,
                                     const char         *path,
                                     double              width,
                                     double              height,
                                     const RwChartStyle *style,
                                     GError            **error);

G_END_DECLS
