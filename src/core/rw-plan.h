/* rw-plan.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 7-day plan: its content is data (JSON in data/plans/, compiled in as a
 * GResource); a run of it, its checked tasks and checklist items (with
 * when), its day notes, pauses and shifts are kept in the journal (see
 * rw-plan-sql.h). Tasks the app can see done complete themselves: a
 * check-in, a tagged check-in, a finished breathing session.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RW_PLAN_DAYS 7

typedef enum
{
  RW_TASK_MANUAL,
  RW_TASK_CHECK_IN,     /* done when the journal has any check-in, of any date */
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
  /* What to do if mood drops while following the plan, and where its
   * button leads (app:help, Get Help Now); both NULL when not given. */
  char *mood_drops;
  char *mood_drops_link;
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

/* 1–7 while it runs; 0 before it starts; 8 once the week is over. */
guint       rw_plan_run_get_day     (RwPlanRun   *run,
                                     guint32      today);
guint32     rw_plan_run_get_date    (RwPlanRun   *run,
                                     guint        day);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwPlan, rw_plan_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwPlanRun, rw_plan_run_free)

G_END_DECLS
