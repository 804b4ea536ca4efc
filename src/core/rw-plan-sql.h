/* rw-plan-sql.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The runs of a plan as the journal keeps them: their days, checked tasks
 * and checklist items (with when), day notes, pauses and shifts, and the
 * breathing sessions. These functions are the core's own: widgets use
 * RwPlanProgress, which owns the active run and calls them. Every write
 * is one transaction (rw_database_write()) and so emits
 * RwDatabase::changed.
 */
#pragma once

#include "rw-database.h"
#include "rw-plan.h"

G_BEGIN_DECLS

/* Starts a run on @start, ending the active one (its history is kept). */
RwPlanRun  *rw_plan_start           (RwDatabase  *db,
                                     RwPlan      *plan,
                                     guint32      start,
                                     GError     **error);
/* The run not ended, or NULL (with no error) when there is none. */
RwPlanRun  *rw_plan_get_active      (RwDatabase  *db,
                                     RwPlan      *plan,
                                     GError     **error);
/* Every run, newest first. */
GPtrArray  *rw_plan_list_runs       (RwDatabase  *db,
                                     RwPlan      *plan,
                                     GError     **error);
gboolean    rw_plan_end             (RwDatabase  *db,
                                     RwPlanRun   *run,
                                     GError     **error);
/* Pausing freezes the plan on its day; resuming moves the start on by the
 * days it was paused, so nothing done is lost and nothing is missed. */
gboolean    rw_plan_pause           (RwDatabase  *db,
                                     RwPlanRun   *run,
                                     guint32      today,
                                     GError     **error);
gboolean    rw_plan_resume          (RwDatabase  *db,
                                     RwPlanRun   *run,
                                     guint32      today,
                                     GError     **error);
/* Moves every day by @days (positive: later). */
gboolean    rw_plan_shift           (RwDatabase  *db,
                                     RwPlanRun   *run,
                                     int          days,
                                     GError     **error);
/* Tasks and checklist items by id. Unchecking by hand is remembered, so
 * that auto-completion does not tick it again. */
gboolean    rw_plan_set_checked     (RwDatabase  *db,
                                     RwPlanRun   *run,
                                     const char  *item,
                                     gboolean     checked,
                                     const char  *source,
                                     GError     **error);
/* A stored check: when it was ticked (µs since the epoch), or 0 when the
 * person unticked it by hand; and what ticked it ("manual", "check-in",
 * "tag", "breathing", "reflection"). */
typedef struct
{
  gint64 checked;
  char *source;
} RwPlanCheck;

void        rw_plan_check_free      (RwPlanCheck *check);
/* Every stored check of @run: item id → RwPlanCheck. */
GHashTable *rw_plan_list_checks     (RwDatabase  *db,
                                     RwPlanRun   *run,
                                     GError     **error);
/* When it was checked (µs since the epoch), or 0. */
gint64      rw_plan_get_checked     (RwDatabase  *db,
                                     RwPlanRun   *run,
                                     const char  *item,
                                     char       **source);
gboolean    rw_plan_set_note        (RwDatabase  *db,
                                     RwPlanRun   *run,
                                     guint        day,
                                     const char  *note,
                                     GError     **error);
char       *rw_plan_get_note        (RwDatabase  *db,
                                     RwPlanRun   *run,
                                     guint        day);

/* Ticks the tasks the journal shows done; returns how many it ticked. */
guint       rw_plan_refresh         (RwDatabase  *db,
                                     RwPlan      *plan,
                                     RwPlanRun   *run,
                                     GError     **error);
/* Done and total tasks (not the checklist), for the progress ring. */
void        rw_plan_count_tasks     (RwDatabase  *db,
                                     RwPlan      *plan,
                                     RwPlanRun   *run,
                                     guint       *done,
                                     guint       *total);

/* Breathing sessions, kept for the plan and for the person. */
gboolean    rw_breathing_record     (RwDatabase  *db,
                                     const char  *pattern,
                                     guint        seconds,
                                     gint64       finished,
                                     GError     **error);

G_END_DECLS
