/* rw-plan-task-row.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RW_TYPE_PLAN_TASK_ROW (rw_plan_task_row_get_type ())
G_DECLARE_FINAL_TYPE (RwPlanTaskRow, rw_plan_task_row, RW, PLAN_TASK_ROW, AdwActionRow)

GtkWidget      *rw_plan_task_row_new          (const char    *item_id,
                                               const char    *title,
                                               const char    *subtitle,
                                               const char    *button_label);
const char     *rw_plan_task_row_get_item_id  (RwPlanTaskRow *self);
gboolean        rw_plan_task_row_get_checked  (RwPlanTaskRow *self);
void            rw_plan_task_row_set_checked  (RwPlanTaskRow *self,
                                               gboolean       checked);
GtkCheckButton *rw_plan_task_row_get_check    (RwPlanTaskRow *self);
GtkButton      *rw_plan_task_row_get_button   (RwPlanTaskRow *self);

G_END_DECLS
