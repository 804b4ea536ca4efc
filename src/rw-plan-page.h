/* rw-plan-page.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rw-context.h"
#include "rw-core.h"

G_BEGIN_DECLS

#define RW_TYPE_PLAN_PAGE (rw_plan_page_get_type ())
G_DECLARE_FINAL_TYPE (RwPlanPage, rw_plan_page, RW, PLAN_PAGE, GtkWidget)

RwPlanPage     *rw_plan_page_new             (RwContext      *context);
void            rw_plan_page_set_context     (RwPlanPage     *self,
                                              RwCheckInStore *store,
                                              RwClock        *clock);
/* What the page shows, for tests. */
RwPlanRun      *rw_plan_page_get_run         (RwPlanPage     *self);
RwPlan         *rw_plan_page_get_plan        (RwPlanPage     *self);
GtkWidget      *rw_plan_page_get_start_button (RwPlanPage    *self);
GtkCheckButton *rw_plan_page_get_task_check  (RwPlanPage     *self,
                                              const char     *id);
GtkButton      *rw_plan_page_get_task_button (RwPlanPage     *self,
                                              const char     *id);
GtkWidget      *rw_plan_page_get_day_card    (RwPlanPage     *self,
                                              guint           day);
/* Looks at the journal again (normally on every change). */
void            rw_plan_page_refresh         (RwPlanPage     *self);

G_END_DECLS
