/* rw-day-header.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RW_TYPE_DAY_HEADER (rw_day_header_get_type ())
G_DECLARE_FINAL_TYPE (RwDayHeader, rw_day_header, RW, DAY_HEADER, GObject)

RwDayHeader *rw_day_header_new              (const char  *date,
                                             double       mean_mood,
                                             guint        n_check_ins);
const char  *rw_day_header_get_date         (RwDayHeader *self);
double       rw_day_header_get_mean_mood    (RwDayHeader *self);
guint        rw_day_header_get_n_check_ins  (RwDayHeader *self);

G_END_DECLS
