/* rw-around-view.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rw-core.h"

G_BEGIN_DECLS

#define RW_TYPE_AROUND_VIEW (rw_around_view_get_type ())
G_DECLARE_FINAL_TYPE (RwAroundView, rw_around_view, RW, AROUND_VIEW, GtkWidget)

GtkWidget  *rw_around_view_new        (void);
RwAround   *rw_around_view_get_around (RwAroundView *self);
void        rw_around_view_set_around (RwAroundView *self,
                                       RwAround     *around);

G_END_DECLS
