/* rw-trends-page.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rw-context.h"
#include "rw-core.h"

G_BEGIN_DECLS

#define RW_TYPE_TRENDS_PAGE (rw_trends_page_get_type ())
G_DECLARE_FINAL_TYPE (RwTrendsPage, rw_trends_page, RW, TRENDS_PAGE, GtkWidget)

RwTrendsPage *rw_trends_page_new          (RwContext      *context);
void          rw_trends_page_set_store    (RwTrendsPage   *self,
                                           RwCheckInStore *store,
                                           RwClock        *clock);
void          rw_trends_page_set_range    (RwTrendsPage   *self,
                                           RwRange         range);
/* Moves the range back (-1) or forward (+1) by its own length. */
void          rw_trends_page_shift        (RwTrendsPage   *self,
                                           int             direction);
void          rw_trends_page_set_visible_series (RwTrendsPage *self,
                                                 RwSeriesKind  kind,
                                                 gboolean      visible);
/* For tests: what the page shows. */
RwChart      *rw_trends_page_get_chart    (RwTrendsPage   *self);
char         *rw_trends_page_dup_summary_text (RwTrendsPage *self);
char         *rw_trends_page_dup_insights_text (RwTrendsPage *self);
GtkWidget    *rw_trends_page_get_drawing_area (RwTrendsPage *self);

G_END_DECLS
