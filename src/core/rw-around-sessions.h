/* rw-around-sessions.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Treatment sessions against a metric: the day means from 7 days before
 * to 14 days after each done session (one line each, and their mean with
 * the number of sessions behind each day), and for each session the mean
 * of the 7 days before and of the 7 days after, the session day in
 * neither. What is said in words comes from here too, worded as an
 * observation unless the chance check of the insights
 * (rw_series_compare_days()) supports a difference. Also the session
 * dates for the markers of every chart. No GTK.
 */
#pragma once

#include <glib.h>

#include "rw-chart.h"
#include "rw-series.h"

G_BEGIN_DECLS

/* A session as the charts need it. */
typedef struct
{
  gint64   id;
  guint32  day;          /* julian */
  char    *time;         /* "HH:MM", or NULL */
  char    *phase;        /* "induction", "booster", "maintenance", "other" */
  char    *route;        /* "iv", "im", "nasal", "oral", "other" */
  gboolean done;
} RwSessionMark;

RwSessionMark *rw_session_mark_new      (guint32      day,
                                         const char  *phase,
                                         const char  *route,
                                         gboolean     done);
void        rw_session_mark_free        (RwSessionMark *mark);
/* "Induction", "Booster", …; "IV infusion", "Nasal spray", … */
const char *rw_session_phase_label      (const char  *phase);
const char *rw_session_route_label      (const char  *route);
/* What a chart's hover box says of it: "Session (done): induction, IV infusion". */
char       *rw_session_mark_describe    (const RwSessionMark *mark);
/* A marker on @chart for each of @marks (RwSessionMark), done or scheduled. */
void        rw_session_marks_add_to_chart (GPtrArray *marks,
                                           RwChart   *chart);

#define RW_AROUND_FIRST_OFFSET (-7)
#define RW_AROUND_LAST_OFFSET 14
#define RW_AROUND_N_OFFSETS (RW_AROUND_LAST_OFFSET - RW_AROUND_FIRST_OFFSET + 1)
/* The windows before and after a session, and the days with a value each
 * needs before its mean is shown. */
#define RW_AROUND_WINDOW 7
#define RW_AROUND_MIN_DAYS 3

typedef enum
{
  RW_AROUND_PHASE_ALL,
  RW_AROUND_PHASE_INDUCTION,
  RW_AROUND_PHASE_BOOSTER,
} RwAroundPhase;

const char *rw_around_phase_get_name    (RwAroundPhase phase);   /* "all", "induction", "booster" */
gboolean    rw_around_phase_from_name   (const char   *name,
                                         RwAroundPhase *phase);

typedef struct
{
  gint64   id;
  guint32  day;
  char    *phase;
  char    *route;
  double   values[RW_AROUND_N_OFFSETS];   /* day means by offset; NAN where none */
  double   before_mean;                    /* NAN without a day */
  guint    before_days;                    /* days with a value of the 7 before */
  double   after_mean;
  guint    after_days;
  guint    after_window;                   /* days the window after covers: 7, or
                                            * fewer when the next session came sooner */
  gboolean shown;                          /* at least 3 days on each side */
} RwAroundSession;

typedef struct _RwAround RwAround;

/* From a series that covers the days around @marks (days it lacks count as
 * without a value). Every done mark cuts the window after the one before
 * it; only those of @phase are lines. */
RwAround   *rw_around_new               (RwSeries      *series,
                                         GPtrArray     *marks,
                                         RwSeriesKind   kind,
                                         RwAroundPhase  phase);
RwAround   *rw_around_ref               (RwAround      *self);
void        rw_around_unref             (RwAround      *self);

RwSeriesKind rw_around_get_kind         (RwAround      *self);
RwAroundPhase rw_around_get_phase       (RwAround      *self);
guint       rw_around_get_n_sessions    (RwAround      *self);
const RwAroundSession *rw_around_get_session (RwAround *self,
                                              guint     index);
/* The mean over the sessions with a value at @offset (-7 .. 14), and how
 * many they are; NAN with none. */
double      rw_around_get_mean          (RwAround      *self,
                                         int            offset,
                                         guint         *n_sessions);
/* The days in a window after a session against those in a window before
 * one (and in none after), over all sessions shown, with the chance
 * check; NULL when a side has fewer than RW_INSIGHT_MIN_DAYS days. */
const RwAssociation *rw_around_get_comparison (RwAround *self);

/* "7 days before: mean 4.2 (6 days); 7 days after: mean 5.1 (5 days)", or
 * why there are no numbers. */
char       *rw_around_describe_session  (RwAround      *self,
                                         guint          index);
/* The sentence under the chart: the numbers over all sessions, and words
 * of change only when the chance check supports them. NULL without sessions. */
char       *rw_around_describe          (RwAround      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwAround, rw_around_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwSessionMark, rw_session_mark_free)

G_END_DECLS
