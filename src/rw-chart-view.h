/* rw-chart-view.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rw-core.h"

G_BEGIN_DECLS

#define RW_TYPE_CHART_VIEW (rw_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (RwChartView, rw_chart_view, RW, CHART_VIEW, GtkWidget)

GtkWidget          *rw_chart_view_new            (void);
RwChart            *rw_chart_view_get_chart      (RwChartView   *self);
void                rw_chart_view_set_series     (RwChartView   *self,
                                                  RwSeries      *series);
void                rw_chart_view_set_visible    (RwChartView   *self,
                                                  RwSeriesKind   kind,
                                                  gboolean       visible);
int                 rw_chart_view_get_highlight  (RwChartView   *self);
void                rw_chart_view_set_highlight  (RwChartView   *self,
                                                  int            highlight);
int                 rw_chart_view_get_content_height (RwChartView *self);
void                rw_chart_view_set_content_height (RwChartView *self,
                                                      int          height);
void                rw_chart_view_queue_chart_draw (RwChartView *self);
const RwChartStyle *rw_chart_view_get_style      (RwChartView   *self);
void                rw_chart_view_style_for_widget (GtkWidget    *widget,
                                                    RwChartStyle *style);
gboolean            rw_chart_view_export         (RwChartView   *self,
                                                  const char    *path,
                                                  GError       **error);
gboolean            rw_chart_view_export_as      (RwChartView   *self,
                                                  const char    *path,
                                                  RwChartFormat  format,
                                                  GError       **error);

G_END_DECLS
