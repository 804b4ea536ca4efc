/* rw-plan.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 7-day plan: its content is data (JSON in data/plans/, compiled in as a
 * GResource); a run of it, its checked tasks and checklist items (with
 * when), its day notes, pauses and shifts are kept in the journal. Tasks
 * the app can see done complete themselves: a check-in, a tagged check-in,
 * a finished breathing session.
 *
 * These functions are the core's own: widgets use RwPlanProgress, which
 * owns the active run and calls them. Every write is one transaction
 * (rw_database_write()) and so emits RwDatabase::changed.
 */
#pragma once

#include <glib.h>

#include "rw-database.h"

G_BEGIN_DECLS

#define RW_PLAN_DAYS 7

typedef enum
{
  RW_TASK_MANUAL,
  RW_TASK_CHECK_IN,     /* done when a check-in exists on or after the day */
  RW_TASK_TAG,          /* done when a check-in that day carries one of @tags */
  RW_TASK_BREATHING,    /* done when a session of @minutes ends on or after the day */
  RW_TASK_REFLECTION,   /* done when the reflection is saved (as a check-in note) */
} RwTaskKind;

typedef struct
{
  char *id;
  char *text;
  RwTaskKind kind;
  char **tags;          /* RW_TASK_TAG */
  guint minutes;        /* RW_TASK_BREATHING */
  char *link;           /* e.g. guide:CHAPTER#slug, or NULL */
  char *prompt;         /* RW_TASK_REFLECTION */
} RwPlanTask;

typedef struct
{
  guint number;         /* 1–7 */
  char *title;
  char *why;
  GPtrArray *tasks;     /* RwPlanTask */
} RwPlanDay;

typedef struct
{
  char *id;
  char *text;
} RwPlanItem;

typedef struct
{
  char *id;
  char *title;
  char *summary;
  RwPlanDay days[RW_PLAN_DAYS];
  GPtrArray *checklist; /* RwPlanItem */
} RwPlan;

RwPlan     *rw_plan_load            (const char  *id,
                                     GError     **error);   /* from the resource */
RwPlan     *rw_plan_parse           (const char  *json,
                                     gsize        length,
                                     GError     **error);
void        rw_plan_free            (RwPlan      *plan);
RwPlanTask *rw_plan_find_task       (RwPlan      *plan,
                                     const char  *task_id,
                                     guint       *day);

/* A run of a plan. Days are julian day numbers. */
typedef struct
{
  gint64  id;
  char   *plan_id;
  guint32 start;        /* day 1 */
  guint32 paused_on;    /* 0 unless paused */
  gboolean ended;
  gint64  created;
} RwPlanRun;

void        rw_plan_run_free        (RwPlanRun   *run);

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
/* 1–7 while it runs; 0 before it starts; 8 once the week is over. */
guint       rw_plan_run_get_day     (RwPlanRun   *run,
                                     guint32      today);
guint32     rw_plan_run_get_date    (RwPlanRun   *run,
                                     guint        day);

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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwPlan, rw_plan_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwPlanRun, rw_plan_run_free)

G_END_DECLS
