/* rw-series.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Day-by-day series for the Trends view and `rewire chart`, computed from
 * the journal: a day's mean of each metric, the night's sleep (the day's
 * latest value, never a sum), a 7-day rolling mean of mood, and the
 * summaries and insights drawn from them. No GTK.
 */
#pragma once

#include <glib.h>

#include "rw-check-in.h"

G_BEGIN_DECLS

/* What a chart can show: the six metrics plus sleep hours. */
typedef enum
{
  RW_SERIES_MOOD          = RW_METRIC_MOOD,
  RW_SERIES_ANXIETY       = RW_METRIC_ANXIETY,
  RW_SERIES_FOCUS         = RW_METRIC_FOCUS,
  RW_SERIES_HOPE          = RW_METRIC_HOPE,
  RW_SERIES_ENERGY        = RW_METRIC_ENERGY,
  RW_SERIES_SLEEP_QUALITY = RW_METRIC_SLEEP_QUALITY,
  RW_SERIES_SLEEP_HOURS,
  RW_N_SERIES
} RwSeriesKind;

typedef enum
{
  RW_RANGE_7D,
  RW_RANGE_30D,
  RW_RANGE_90D,
  RW_RANGE_1Y,
  RW_RANGE_ALL,
} RwRange;

#define RW_ROLLING_DAYS 7
#define RW_ROLLING_MIN_DAYS 4
/* What "What goes with your mood" needs before it says anything (see
 * rw_series_find_associations() and docs/DESIGN.md, "Trends and insights"):
 * days with a mood on each side of a comparison, the family-wise error
 * rate of the chance check, the most shifts it tries and the smallest
 * difference, in points of mood, worth a line. */
#define RW_INSIGHT_MIN_DAYS 14
#define RW_INSIGHT_ALPHA 0.025
#define RW_INSIGHT_MAX_SHIFTS 999
#define RW_INSIGHT_MIN_DIFFERENCE 0.5

const char *rw_series_kind_get_name  (RwSeriesKind kind);   /* "mood", "sleep", "sleep-quality", ... */
const char *rw_series_kind_get_label (RwSeriesKind kind);
gboolean    rw_series_kind_from_name (const char *name, RwSeriesKind *kind);
gboolean    rw_range_from_name       (const char *name, RwRange *range);
const char *rw_range_get_name        (RwRange range);        /* "7d", "30d", "90d", "1y", "all" */
guint       rw_range_get_days        (RwRange range);        /* 0 for all */

typedef struct _RwSeries RwSeries;

/* Builds series from check-ins in memory (tests, and the UI's own cache). */
RwSeries   *rw_series_new_from_check_ins (GPtrArray *check_ins,
                                          guint32    first,
                                          guint32    last);
RwSeries   *rw_series_ref            (RwSeries *self);
void        rw_series_unref          (RwSeries *self);

guint32     rw_series_get_first      (RwSeries *self);
guint32     rw_series_get_last       (RwSeries *self);
guint       rw_series_get_n_days     (RwSeries *self);
/* The value of @kind on day @index (0 = first), NAN when not recorded. */
double      rw_series_get_value      (RwSeries *self, RwSeriesKind kind, guint index);
/* The 7-day rolling mean of mood ending on day @index: NAN unless at least
 * 4 of those 7 days have a mood. Days before the range count too. */
double      rw_series_get_rolling    (RwSeries *self, guint index);
guint       rw_series_get_check_ins  (RwSeries *self, guint index);   /* on that day */
gboolean    rw_series_day_has_tag    (RwSeries *self, guint index, const char *tag);
guint       rw_series_get_days_logged (RwSeries *self);
gboolean    rw_series_is_empty       (RwSeries *self);

/* Mean of @kind over the days that have it, with their count; NAN if none. */
double      rw_series_get_mean       (RwSeries *self, RwSeriesKind kind, guint *n);
/* Best and hardest day by day mean mood (the latest on ties); FALSE if no mood. */
gboolean    rw_series_get_extremes   (RwSeries *self, guint *best, guint *hardest);
/* How many days have a day mean mood of @mood (ties of the extremes). */
guint       rw_series_count_mood     (RwSeries *self, double mood);

typedef enum
{
  RW_ASSOCIATION_TAG,
  RW_ASSOCIATION_SLEEP,
  RW_ASSOCIATION_DAYS,    /* days chosen by the caller (rw_series_compare_days()) */
} RwAssociationKind;

/* Mood on the days "with" something (a tag; or, for sleep, at least
 * @sleep_hours of it, the median) against the other days with a mood, and
 * how well that difference stands out from chance. */
typedef struct
{
  RwAssociationKind kind;
  char    *tag;           /* casefolded; NULL for sleep */
  double   sleep_hours;   /* for sleep: the median, the least of the "with" days */
  double   with_mean;
  guint    with_days;
  double   without_mean;
  guint    without_days;
  double   p_value;       /* two-sided, from circular shifts; above
                           * RW_INSIGHT_ALPHA it is only a lower bound */
  double   adjusted_p;    /* Holm's, across every comparison made */
  guint    shifts;        /* shifts the observed difference was ranked among */
  guint    compared;      /* comparisons made on the series (the family) */
  gboolean supported;     /* adjusted_p <= RW_INSIGHT_ALPHA and the
                           * difference at least RW_INSIGHT_MIN_DIFFERENCE */
} RwAssociation;

/* Every comparison with at least 14 days on each side: the supported ones
 * first, then by size of the difference. */
GPtrArray  *rw_series_find_associations (RwSeries *self);
void        rw_association_free         (RwAssociation *assoc);
/* One comparison of @kind on days the caller chooses, with the same chance
 * check: @side holds, for each day of the series, 1 for "with", 0 for
 * "without" and -1 for neither. FALSE (and @assoc untouched) unless both
 * sides have RW_INSIGHT_MIN_DAYS days with a value; a family of one. */
gboolean    rw_series_compare_days      (RwSeries      *self,
                                         RwSeriesKind   kind,
                                         const gint8   *side,
                                         RwAssociation *assoc);

/* Calendar bins for long ranges: weeks run Monday to Sunday; the first
 * and last bin are cut by the range. */
typedef enum
{
  RW_BIN_WEEK,
  RW_BIN_MONTH,
} RwBinSize;

/* The bins of @self as day indices: bin i covers the days from element i
 * to element i + 1 (exclusive), so the array holds one more element than
 * there are bins. */
GArray     *rw_series_bin_bounds     (RwSeries    *self,
                                      RwBinSize    size);
/* The mean, lowest and highest day value of @kind over days [@start,
 * @end); returns how many days have a value (with none, all three are
 * NAN). */
guint       rw_series_summarise      (RwSeries    *self,
                                      RwSeriesKind kind,
                                      guint        start,
                                      guint        end,
                                      double      *mean,
                                      double      *min,
                                      double      *max);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwSeries, rw_series_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwAssociation, rw_association_free)

G_END_DECLS
