/* rw-plan-page.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rw-context.h"
#include "rw-core.h"
#include "rw-plan-task-row.h"

G_BEGIN_DECLS

#define RW_TYPE_PLAN_PAGE (rw_plan_page_get_type ())
G_DECLARE_FINAL_TYPE (RwPlanPage, rw_plan_page, RW, PLAN_PAGE, GtkWidget)

RwPlanPage     *rw_plan_page_new              (RwContext  *context);
RwPlanProgress *rw_plan_page_get_progress     (RwPlanPage *self);
/* Looks at the journal and the day again (changes come by themselves). */
void            rw_plan_page_refresh          (RwPlanPage *self);

/* What the page shows, for tests. */
GtkWidget      *rw_plan_page_get_start_button (RwPlanPage *self);
GtkButton      *rw_plan_page_get_mood_drops_button (RwPlanPage *self);
RwPlanTaskRow  *rw_plan_page_get_task_row     (RwPlanPage *self,
                                               const char *id);
GtkWidget      *rw_plan_page_get_day_card     (RwPlanPage *self,
                                               guint       day);
AdwEntryRow    *rw_plan_page_get_note_row     (RwPlanPage *self,
                                               guint       day);
const char     *rw_plan_page_get_ring_text    (RwPlanPage *self);
const char     *rw_plan_page_get_heading      (RwPlanPage *self);
gboolean        rw_plan_page_get_paused_shown (RwPlanPage *self);

G_END_DECLS
