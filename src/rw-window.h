/* rw-window.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rw-context.h"
#include "rw-journal-page.h"
#include "rw-guide-page.h"
#include "rw-plan-page.h"
#include "rw-trends-page.h"

G_BEGIN_DECLS

#define RW_TYPE_WINDOW (rw_window_get_type ())
G_DECLARE_FINAL_TYPE (RwWindow, rw_window, RW, WINDOW, AdwApplicationWindow)

RwWindow      *rw_window_new              (GtkApplication *application,
                                           RwContext      *context);
RwContext     *rw_window_get_context      (RwWindow       *self);
const char    *rw_window_get_visible_view (RwWindow       *self);
RwJournalPage *rw_window_get_journal_page (RwWindow       *self);
RwTrendsPage  *rw_window_get_trends_page  (RwWindow       *self);
RwPlanPage    *rw_window_get_plan_page    (RwWindow       *self);
RwGuidePage   *rw_window_get_guide_page   (RwWindow       *self);
GtkWidget     *rw_window_get_view         (RwWindow       *self,
                                           const char     *name);
AdwToastOverlay *rw_window_get_toasts     (RwWindow       *self);

G_END_DECLS
