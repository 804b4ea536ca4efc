/* rw-plan-progress.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "rw-clock.h"
#include "rw-journal.h"
#include "rw-plan.h"

G_BEGIN_DECLS

#define RW_PLAN_ERROR (rw_plan_error_quark ())

typedef enum
{
  RW_PLAN_ERROR_NOT_STARTED,
  RW_PLAN_ERROR_NO_SUCH_ITEM,
  RW_PLAN_ERROR_EMPTY,
} RwPlanError;

GQuark rw_plan_error_quark (void);

#define RW_TYPE_PLAN_PROGRESS (rw_plan_progress_get_type ())
G_DECLARE_FINAL_TYPE (RwPlanProgress, rw_plan_progress, RW, PLAN_PROGRESS, GObject)

RwPlanProgress  *rw_plan_progress_new              (RwJournal       *journal,
                                                    RwPlan          *plan,
                                                    RwClock         *clock);
RwPlan          *rw_plan_progress_get_plan         (RwPlanProgress  *self);
const RwPlanRun *rw_plan_progress_get_run          (RwPlanProgress  *self);
guint32          rw_plan_progress_get_today        (RwPlanProgress  *self);
guint            rw_plan_progress_get_day          (RwPlanProgress  *self);
gboolean         rw_plan_progress_get_paused       (RwPlanProgress  *self);

gboolean         rw_plan_progress_start            (RwPlanProgress  *self,
                                                    guint32          start,
                                                    GError         **error);
gboolean         rw_plan_progress_restart          (RwPlanProgress  *self,
                                                    GError         **error);
gboolean         rw_plan_progress_pause            (RwPlanProgress  *self,
                                                    GError         **error);
gboolean         rw_plan_progress_resume           (RwPlanProgress  *self,
                                                    GError         **error);
gboolean         rw_plan_progress_shift            (RwPlanProgress  *self,
                                                    int              days,
                                                    GError         **error);
gboolean         rw_plan_progress_end              (RwPlanProgress  *self,
                                                    GError         **error);

gboolean         rw_plan_progress_get_checked      (RwPlanProgress  *self,
                                                    const char      *item,
                                                    const char     **source);
gboolean         rw_plan_progress_set_checked      (RwPlanProgress  *self,
                                                    const char      *item,
                                                    gboolean         checked,
                                                    GError         **error);
gboolean         rw_plan_progress_toggle           (RwPlanProgress  *self,
                                                    const char      *item,
                                                    GError         **error);
char            *rw_plan_progress_dup_note         (RwPlanProgress  *self,
                                                    guint            day);
gboolean         rw_plan_progress_set_note         (RwPlanProgress  *self,
                                                    guint            day,
                                                    const char      *note,
                                                    GError         **error);
gboolean         rw_plan_progress_save_reflection  (RwPlanProgress  *self,
                                                    const char      *task_id,
                                                    const char      *text,
                                                    GError         **error);

guint            rw_plan_progress_refresh          (RwPlanProgress  *self,
                                                    GError         **error);
void             rw_plan_progress_count_tasks      (RwPlanProgress  *self,
                                                    guint           *done,
                                                    guint           *total);
GPtrArray       *rw_plan_progress_list_runs        (RwPlanProgress  *self,
                                                    GError         **error);

G_END_DECLS
