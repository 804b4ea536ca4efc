/* rw-trends-page.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rw-chart-view.h"
#include "rw-context.h"
#include "rw-core.h"
#include "rw-year-calendar.h"

G_BEGIN_DECLS

#define RW_TYPE_TRENDS_PAGE (rw_trends_page_get_type ())
G_DECLARE_FINAL_TYPE (RwTrendsPage, rw_trends_page, RW, TRENDS_PAGE, GtkWidget)

RwTrendsPage *rw_trends_page_new          (RwContext      *context);
RwContext    *rw_trends_page_get_context  (RwTrendsPage   *self);
RwRange       rw_trends_page_get_range    (RwTrendsPage   *self);
void          rw_trends_page_set_range    (RwTrendsPage   *self,
                                           RwRange         range);
gboolean      rw_trends_page_get_series_visible (RwTrendsPage *self,
                                                 RwSeriesKind  kind);
void          rw_trends_page_set_series_visible (RwTrendsPage *self,
                                                 RwSeriesKind  kind,
                                                 gboolean      visible);
gboolean      rw_trends_page_get_show_details (RwTrendsPage *self);
void          rw_trends_page_set_show_details (RwTrendsPage *self,
                                               gboolean      show);
/* For tests: what the page shows. */
RwChartView  *rw_trends_page_get_chart_view (RwTrendsPage *self);
RwChart      *rw_trends_page_get_chart    (RwTrendsPage   *self);
RwYearCalendar *rw_trends_page_get_year_calendar (RwTrendsPage *self);
char         *rw_trends_page_dup_summary_text (RwTrendsPage *self);
char         *rw_trends_page_dup_insights_text (RwTrendsPage *self);

G_END_DECLS
