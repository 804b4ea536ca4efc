/* rw-year-calendar.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rw-context.h"
#include "rw-core.h"

G_BEGIN_DECLS

#define RW_TYPE_YEAR_CALENDAR (rw_year_calendar_get_type ())
G_DECLARE_FINAL_TYPE (RwYearCalendar, rw_year_calendar, RW, YEAR_CALENDAR, GtkWidget)

RwYearCalendar *rw_year_calendar_new           (RwContext      *context);
RwContext      *rw_year_calendar_get_context   (RwYearCalendar *self);
guint           rw_year_calendar_get_year      (RwYearCalendar *self);
void            rw_year_calendar_set_year      (RwYearCalendar *self,
                                                guint           year);
guint32         rw_year_calendar_get_focus_day (RwYearCalendar *self);
void            rw_year_calendar_set_focus_day (RwYearCalendar *self,
                                                guint32         day);
/* For tests: what is drawn where, and in which colour. */
RwSeries       *rw_year_calendar_get_series    (RwYearCalendar *self);
gboolean        rw_year_calendar_get_day_area  (RwYearCalendar  *self,
                                                guint32          day,
                                                graphene_rect_t *area);
void            rw_year_calendar_get_day_color (RwYearCalendar *self,
                                                guint32         day,
                                                GdkRGBA        *color);
void            rw_year_calendar_get_mood_color (RwYearCalendar *self,
                                                 double          mood,
                                                 GdkRGBA        *color);
char           *rw_year_calendar_describe_day  (RwYearCalendar *self,
                                                guint32         day);

G_END_DECLS
