/* rw-series.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "rw-check-in-sql.h"
#include "rw-date.h"
#include "rw-series-sql.h"
#include "rw-series.h"

typedef struct
{
  double sum[RW_N_METRICS];
  guint  count[RW_N_METRICS];
  double sleep_hours;       /* latest non-empty of the day, or NAN */
  double sleep_quality;     /* likewise */
  guint  check_ins;
  GHashTable *tags;         /* casefolded names, or NULL */
} Day;

struct _RwSeries
{
  gatomicrefcount ref_count;
  guint32 first;            /* first day shown */
  guint32 last;
  guint   lead;             /* days loaded before @first, for the rolling mean */
  guint   n;                /* days in days[], lead included */
  Day    *days;
};

static const char * const kind_names[RW_N_SERIES] = {
  "mood", "anxiety", "focus", "hope", "energy", "sleep-quality", "sleep",
};

static const char * const range_names[] = { "7d", "30d", "90d", "1y", "all" };
static const guint range_days[] = { 7, 30, 90, 365, 0 };

const char *
rw_series_kind_get_name (RwSeriesKind kind)
{
  g_return_val_if_fail (kind < RW_N_SERIES, NULL);
  return kind_names[kind];
}

const char *
rw_series_kind_get_label (RwSeriesKind kind)
{
  g_return_val_if_fail (kind < RW_N_SERIES, NULL);
  if (kind == RW_SERIES_SLEEP_HOURS)
    return _("Sleep hours");
  return rw_metric_get_label ((RwMetric) kind);
}

gboolean
rw_series_kind_from_name (const char   *name,
                          RwSeriesKind *kind)
{
  for (guint i = 0; i < RW_N_SERIES; i++)
    if (g_ascii_strcasecmp (name, kind_names[i]) == 0 ||
        (i == RW_SERIES_SLEEP_QUALITY && g_ascii_strcasecmp (name, "sleep_quality") == 0) ||
        (i == RW_SERIES_SLEEP_HOURS && g_ascii_strcasecmp (name, "sleep-hours") == 0))
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
rw_range_from_name (const char *name,
                    RwRange    *range)
{
  for (guint i = 0; i < G_N_ELEMENTS (range_names); i++)
    if (g_ascii_strcasecmp (name, range_names[i]) == 0)
      {
        *range = i;
        return TRUE;
      }
  return FALSE;
}

const char *
rw_range_get_name (RwRange range)
{
  g_return_val_if_fail (range <= RW_RANGE_ALL, NULL);
  return range_names[range];
}

guint
rw_range_get_days (RwRange range)
{
  g_return_val_if_fail (range <= RW_RANGE_ALL, 0);
  return range_days[range];
}

static RwSeries *
series_new (guint32 first,
            guint32 last)
{
  RwSeries *self = g_new0 (RwSeries, 1);

  g_atomic_ref_count_init (&self->ref_count);
  if (last < first)
    last = first;
  self->first = first;
  self->last = last;
  self->lead = MIN (RW_ROLLING_DAYS - 1, first - 1);
  self->n = self->lead + (last - first) + 1;
  self->days = g_new0 (Day, self->n);
  for (guint i = 0; i < self->n; i++)
    {
      self->days[i].sleep_hours = NAN;
      self->days[i].sleep_quality = NAN;
    }
  return self;
}

/* Adds one check-in; they must come in date and time order so that the
 * latest sleep of a day wins. */
static void
add_values (RwSeries   *self,
            guint32     julian,
            const int  *metrics,
            double      sleep_hours,
            const char * const *tags)
{
  Day *day;

  if (julian < self->first - self->lead || julian > self->last)
    return;
  day = &self->days[julian - (self->first - self->lead)];
  day->check_ins++;
  for (guint m = 0; m < RW_N_METRICS; m++)
    if (metrics[m] != RW_METRIC_UNSET)
      {
        day->sum[m] += metrics[m];
        day->count[m]++;
      }
  if (metrics[RW_METRIC_SLEEP_QUALITY] != RW_METRIC_UNSET)
    day->sleep_quality = metrics[RW_METRIC_SLEEP_QUALITY];
  if (sleep_hours >= 0)
    day->sleep_hours = sleep_hours;
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      if (day->tags == NULL)
        day->tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_add (day->tags, g_utf8_casefold (tags[i], -1));
    }
}

static int
compare_check_ins (gconstpointer a,
                   gconstpointer b)
{
  RwCheckIn *x = *(RwCheckIn **) a;
  RwCheckIn *y = *(RwCheckIn **) b;
  int c = strcmp (rw_check_in_get_date (x), rw_check_in_get_date (y));

  if (c == 0)
    c = strcmp (rw_check_in_get_time (x), rw_check_in_get_time (y));
  if (c == 0)
    c = (rw_check_in_get_created (x) > rw_check_in_get_created (y)) -
        (rw_check_in_get_created (x) < rw_check_in_get_created (y));
  return c;
}

RwSeries *
rw_series_new_from_check_ins (GPtrArray *check_ins,
                              guint32    first,
                              guint32    last)
{
  RwSeries *self = series_new (first, last);
  g_autoptr(GPtrArray) sorted = g_ptr_array_sized_new (check_ins->len);

  for (guint i = 0; i < check_ins->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (check_ins, i));

  g_ptr_array_sort (sorted, compare_check_ins);
  for (guint i = 0; i < sorted->len; i++)
    {
      RwCheckIn *check_in = g_ptr_array_index (sorted, i);
      int metrics[RW_N_METRICS];

      for (guint m = 0; m < RW_N_METRICS; m++)
        metrics[m] = rw_check_in_get_metric (check_in, m);
      add_values (self, rw_date_from_iso (rw_check_in_get_date (check_in)), metrics,
                  rw_check_in_get_sleep_hours (check_in), rw_check_in_get_tags (check_in));
    }
  return self;
}

RwSeries *
rw_series_load (RwDatabase  *db,
                guint32      first,
                guint32      last,
                GError     **error)
{
  g_autoptr(RwSeries) self = series_new (first, last);
  g_autoptr(GString) sql = NULL;
  g_autoptr(RwStmt) stmt = NULL;
  g_autofree char *from = rw_date_to_iso (self->first - self->lead);
  g_autofree char *to = rw_date_to_iso (self->last);
  RwCheckInQuery query = { .from = from, .to = to };
  int rc;

  g_return_val_if_fail (RW_IS_DATABASE (db), NULL);

  sql = g_string_new ("SELECT c.date, c.mood, c.anxiety, c.focus, c.hope, c.energy, "
                      "c.sleep_quality, c.sleep_quarters, (SELECT group_concat (t.name, char (31)) "
                      "FROM check_in_tags ct JOIN tags t ON t.id = ct.tag WHERE ct.check_in = c.id) "
                      "FROM check_ins c WHERE c.hidden = 0");
  rw_check_in_sql_append_filter (sql, &query, NULL);
  g_string_append (sql, " ORDER BY c.date, c.time, c.created, c.id");
  stmt = rw_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return NULL;
  rw_check_in_sql_bind_filter (stmt, &query, NULL);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int metrics[RW_N_METRICS];
      const char *tag_text = (const char *) sqlite3_column_text (stmt, 8);
      g_auto(GStrv) tags = tag_text != NULL
                           ? g_strsplit (tag_text, RW_CHECK_IN_ROW_TAG_SEPARATOR, -1) : NULL;
      double sleep = sqlite3_column_type (stmt, 7) == SQLITE_NULL
                       ? -1 : sqlite3_column_int (stmt, 7) / 4.0;

      for (guint m = 0; m < RW_N_METRICS; m++)
        metrics[m] = sqlite3_column_type (stmt, 1 + m) == SQLITE_NULL
                       ? RW_METRIC_UNSET : sqlite3_column_int (stmt, 1 + m);
      add_values (self, rw_date_from_iso ((const char *) sqlite3_column_text (stmt, 0)),
                  metrics, sleep, (const char * const *) tags);
    }
  if (rc != SQLITE_DONE)
    {
      rw_database_set_error (db, rc, _("read the check-ins for the chart"), error);
      return NULL;
    }

  return g_steal_pointer (&self);
}

RwSeries *
rw_series_load_range (RwDatabase  *db,
                      RwRange      range,
                      guint32      last,
                      GError     **error)
{
  guint32 first = last;

  g_return_val_if_fail (RW_IS_DATABASE (db), NULL);
  g_return_val_if_fail (range <= RW_RANGE_ALL, NULL);

  if (range == RW_RANGE_ALL)
    {
      g_autoptr(RwStmt) stmt = rw_database_prepare (db, "SELECT min (date) FROM check_ins "
                                                        "WHERE hidden = 0", error);
      int rc;

      if (stmt == NULL)
        return NULL;
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          rw_database_set_error (db, rc, _("read the check-ins for the chart"), error);
          return NULL;
        }
      if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        first = MIN (last, rw_date_from_iso ((const char *) sqlite3_column_text (stmt, 0)));
    }
  else
    first = last - rw_range_get_days (range) + 1;

  return rw_series_load (db, first, last, error);
}

/**
 * rw_series_find_span:
 * @db: the journal's database
 * @first: (out) (optional): the first day with a check-in (julian), or 0
 * @last: (out) (optional): the last day with a check-in, or 0
 * @error: return location for a #GError
 *
 * Where the check-ins begin and end, so that a view that shows an empty
 * range can offer the latest ones. Two index lookups.
 *
 * Returns: %FALSE with @error set if the journal could not be read
 */
gboolean
rw_series_find_span (RwDatabase  *db,
                     guint32     *first,
                     guint32     *last,
                     GError     **error)
{
  g_autoptr(RwStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);

  stmt = rw_database_prepare (db, "SELECT (SELECT min (date) FROM check_ins WHERE hidden = 0), "
                                  "(SELECT max (date) FROM check_ins WHERE hidden = 0)", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      rw_database_set_error (db, rc, _("read the check-ins for the chart"), error);
      return FALSE;
    }
  for (int i = 0; i < 2; i++)
    {
      guint32 *out = i == 0 ? first : last;

      if (out != NULL)
        *out = sqlite3_column_type (stmt, i) == SQLITE_NULL
                 ? 0 : rw_date_from_iso ((const char *) sqlite3_column_text (stmt, i));
    }
  return TRUE;
}

RwSeries *
rw_series_ref (RwSeries *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
rw_series_unref (RwSeries *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  for (guint i = 0; i < self->n; i++)
    g_clear_pointer (&self->days[i].tags, g_hash_table_unref);
  g_free (self->days);
  g_free (self);
}

guint32 rw_series_get_first (RwSeries *self) { return self->first; }
guint32 rw_series_get_last (RwSeries *self) { return self->last; }
guint rw_series_get_n_days (RwSeries *self) { return self->n - self->lead; }

static Day *
day_at (RwSeries *self,
        guint     index)
{
  g_return_val_if_fail (index < self->n - self->lead, NULL);
  return &self->days[self->lead + index];
}

static double
day_value (const Day    *day,
           RwSeriesKind  kind)
{
  if (kind == RW_SERIES_SLEEP_HOURS)
    return day->sleep_hours;
  if (kind == RW_SERIES_SLEEP_QUALITY)
    return day->sleep_quality;
  return day->count[kind] > 0 ? day->sum[kind] / day->count[kind] : NAN;
}

double
rw_series_get_value (RwSeries     *self,
                     RwSeriesKind  kind,
                     guint         index)
{
  Day *day = day_at (self, index);

  g_return_val_if_fail (kind < RW_N_SERIES, NAN);
  return day != NULL ? day_value (day, kind) : NAN;
}

double
rw_series_get_rolling (RwSeries *self,
                       guint     index)
{
  guint end = self->lead + index;   /* index into days[] */
  double sum = 0;
  guint n = 0;

  g_return_val_if_fail (index < self->n - self->lead, NAN);

  for (guint k = 0; k < RW_ROLLING_DAYS && k <= end; k++)
    {
      double v = day_value (&self->days[end - k], RW_SERIES_MOOD);

      if (!isnan (v))
        {
          sum += v;
          n++;
        }
    }
  return n >= RW_ROLLING_MIN_DAYS ? sum / n : NAN;
}

guint
rw_series_get_check_ins (RwSeries *self,
                         guint     index)
{
  Day *day = day_at (self, index);
  return day != NULL ? day->check_ins : 0;
}

gboolean
rw_series_day_has_tag (RwSeries   *self,
                       guint       index,
                       const char *tag)
{
  Day *day = day_at (self, index);
  g_autofree char *folded = g_utf8_casefold (tag, -1);

  return day != NULL && day->tags != NULL && g_hash_table_contains (day->tags, folded);
}

guint
rw_series_get_days_logged (RwSeries *self)
{
  guint n = 0;

  for (guint i = self->lead; i < self->n; i++)
    if (self->days[i].check_ins > 0)
      n++;
  return n;
}

gboolean
rw_series_is_empty (RwSeries *self)
{
  return rw_series_get_days_logged (self) == 0;
}

double
rw_series_get_mean (RwSeries     *self,
                    RwSeriesKind  kind,
                    guint        *n)
{
  double sum = 0;
  guint count = 0;

  for (guint i = self->lead; i < self->n; i++)
    {
      double v = day_value (&self->days[i], kind);

      if (!isnan (v))
        {
          sum += v;
          count++;
        }
    }
  if (n != NULL)
    *n = count;
  return count > 0 ? sum / count : NAN;
}

gboolean
rw_series_get_extremes (RwSeries *self,
                        guint    *best,
                        guint    *hardest)
{
  double hi = -INFINITY, lo = INFINITY;
  gboolean any = FALSE;

  for (guint i = 0; i < self->n - self->lead; i++)
    {
      double v = rw_series_get_value (self, RW_SERIES_MOOD, i);

      if (isnan (v))
        continue;
      any = TRUE;
      if (v >= hi)
        {
          hi = v;
          if (best != NULL)
            *best = i;
        }
      if (v <= lo)
        {
          lo = v;
          if (hardest != NULL)
            *hardest = i;
        }
    }
  return any;
}

guint
rw_series_count_mood (RwSeries *self,
                      double    mood)
{
  guint n = 0;

  for (guint i = self->lead; i < self->n; i++)
    if (fabs (day_value (&self->days[i], RW_SERIES_MOOD) - mood) < 1e-9)
      n++;
  return n;
}

/* What goes with mood, and how the app decides that it is more than chance.
 *
 * A journal is a short daily series in which both mood and tags run in
 * stretches: a good week, a tag used on five days in a row. Days are then
 * not independent, and a test that takes them for independent draws (a
 * t test, a Pearson r over the days) finds "patterns" in noise far more
 * often than it says. So each comparison is checked against the journal's
 * own series moved in time: the days "with" something stay as they are
 * (their runs, how many) and the mood series is turned round a circle by k
 * days, and also read backwards and turned, for every k (at most
 * RW_INSIGHT_MAX_SHIFTS moves in all, evenly spaced). Each move keeps the
 * autocorrelation of both series and only breaks their alignment, so the
 * differences over the moves are what chance alone gives in this journal.
 * The p value is the share of moves (the observed one included) whose
 * difference is at least as large, either way; it is
 * deterministic, no random numbers. Every tag with 14 days on each side,
 * and sleep, is one comparison, and Holm's step-down correction keeps the
 * chance of any false line at RW_INSIGHT_ALPHA for the whole family: 2.5%,
 * not 5%, because on long journals the check is close to exact, and 5%
 * would leave no margin under the one journal in twenty of noise that may
 * show a line. A
 * line also needs a difference of RW_INSIGHT_MIN_DIFFERENCE points or more:
 * smaller ones can pass in a long journal, but are not worth a person's
 * attention. tests/test-insights.c checks the rates on generated journals.
 */

/* Days with a mood, in order, with whether each is "with" the thing
 * compared. */
typedef struct
{
  double   *mood;
  gboolean *with;
  guint     n;
} Comparison;

/* The difference of mean mood, with minus without, from the sum of mood
 * on the days with. */
static inline double
difference (double sum_with,
            double total,
            guint  n_with,
            guint  n)
{
  return sum_with / n_with - (total - sum_with) / (n - n_with);
}

/* The sum of @values over the runs, moved by @k: @prefix holds the sums of
 * @values going round the circle twice. */
static inline double
sum_over_runs (GArray       *runs,
               const double *prefix,
               guint         k)
{
  double sum = 0;

  for (guint i = 0; i < runs->len; i += 2)
    sum += prefix[g_array_index (runs, guint, i + 1) + k] - prefix[g_array_index (runs, guint, i) + k];
  return sum;
}

static void
fill_prefix (double       *prefix,
             const double *values,
             guint         n,
             gboolean      reversed)
{
  prefix[0] = 0;
  for (guint i = 0; i < 2 * n; i++)
    prefix[i + 1] = prefix[i] + values[reversed ? n - 1 - i % n : i % n];
}

/* Ranks the observed difference among those of the mood series moved in
 * time against the days with, and returns the two-sided p value (1 when
 * no move can be used). Stops once the p value is sure to be above @alpha
 * (it is then a lower bound). Runs of days with, and sums over the series
 * going round twice, make a move cost one step per run.
 *
 * The moves are the circular shifts of the series and of the series read
 * backwards (which keeps its autocorrelation too): twice as many as the
 * shifts alone, so that two months of days can give a p value below 1%.
 * A move that lines the days with up with themselves again (a tag kept on
 * every Monday, shifted by a week) gives the observed difference back, not
 * a chance one: moves where the days with, moved, correlate with
 * themselves by more than 0.8 either way are left out. */
static double
shift_test (const Comparison *c,
            guint             n_with,
            double            alpha,
            guint            *shifts)
{
  g_autofree double *with = g_new (double, c->n);
  /* Sums of mood, and counts of days with, forwards and backwards. */
  g_autofree double *sums = g_new (double, 4 * (2 * c->n + 1));
  double *prefix[2] = { sums, sums + (2 * c->n + 1) };
  double *count[2] = { sums + 2 * (2 * c->n + 1), sums + 3 * (2 * c->n + 1) };
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_tried = MIN (c->n - 1, RW_INSIGHT_MAX_SHIFTS / 2);
  double share = (double) n_with / c->n;
  double total, observed;
  guint n_usable = 0, exceed = 0;

  for (guint i = 0; i < c->n; i++)
    with[i] = c->with[i] ? 1 : 0;
  for (guint r = 0; r < 2; r++)
    {
      fill_prefix (prefix[r], c->mood, c->n, r);
      fill_prefix (count[r], with, c->n, r);
    }
  total = prefix[0][c->n];

  /* Runs as [start, end) pairs. */
  for (guint i = 0; i < c->n; i++)
    if (c->with[i] && (i == 0 || !c->with[i - 1]))
      {
        guint end = i;

        while (end < c->n && c->with[end])
          end++;
        g_array_append_val (runs, i);
        g_array_append_val (runs, end);
      }

  /* Forwards by 1 .. n - 1 days, backwards by 0 .. n - 1: all of them or
   * evenly spaced. Most comparisons are plainly chance, and stop after a
   * few dozen moves: before the last move it is not known how many can be
   * used, so the bound takes them all, which stops a little later than it
   * could but never too early. */
  observed = fabs (difference (sum_over_runs (runs, prefix[0], 0), total, n_with, c->n));
  for (guint j = 0; j < 2 * n_tried + 1; j++)
    {
      gboolean reversed = j >= n_tried;
      guint k = reversed ? (guint) ((guint64) (j - n_tried) * c->n / (n_tried + 1))
                         : 1 + (guint) ((guint64) j * (c->n - 1) / n_tried);
      const guint *run = (const guint *) runs->data;
      const double *p = prefix[reversed], *q = count[reversed];
      double sum = 0, overlap = 0, r;

      for (guint i = 0; i < runs->len; i += 2)
        {
          sum += p[run[i + 1] + k] - p[run[i] + k];
          overlap += q[run[i + 1] + k] - q[run[i] + k];
        }
      r = (overlap / c->n - share * share) / (share * (1 - share));
      if (fabs (r) > 0.8)
        continue;
      n_usable++;
      /* Ties (moods are whole numbers) count against the observed. */
      if (fabs (difference (sum, total, n_with, c->n)) >= observed - 1e-9)
        exceed++;
      if ((exceed + 1.0) / (2 * n_tried + 2.0) > alpha)
        break;
    }
  *shifts = n_usable;
  if (n_usable == 0)
    return 1.0;
  return (exceed + 1.0) / (n_usable + 1.0);
}

/* Fills in the means and the p value; FALSE with too few days on a side. */
static gboolean
compare (const Comparison *c,
         RwAssociation    *assoc)
{
  double with = 0, without = 0;
  guint n_with = 0;

  for (guint i = 0; i < c->n; i++)
    {
      if (c->with[i])
        {
          with += c->mood[i];
          n_with++;
        }
      else
        without += c->mood[i];
    }
  if (n_with < RW_INSIGHT_MIN_DAYS || c->n - n_with < RW_INSIGHT_MIN_DAYS)
    return FALSE;
  assoc->with_days = n_with;
  assoc->with_mean = with / n_with;
  assoc->without_days = c->n - n_with;
  assoc->without_mean = without / (c->n - n_with);
  assoc->p_value = shift_test (c, n_with, RW_INSIGHT_ALPHA, &assoc->shifts);
  return TRUE;
}

void
rw_association_free (RwAssociation *assoc)
{
  g_free (assoc->tag);
  g_free (assoc);
}

static int
compare_p_values (gconstpointer a,
                  gconstpointer b)
{
  const RwAssociation *x = *(RwAssociation **) a;
  const RwAssociation *y = *(RwAssociation **) b;

  return (x->p_value > y->p_value) - (x->p_value < y->p_value);
}

static int
compare_associations (gconstpointer a,
                      gconstpointer b)
{
  const RwAssociation *x = *(RwAssociation **) a;
  const RwAssociation *y = *(RwAssociation **) b;
  double dx = fabs (x->with_mean - x->without_mean);
  double dy = fabs (y->with_mean - y->without_mean);

  if (x->supported != y->supported)
    return x->supported ? -1 : 1;
  if (dx != dy)
    return dx < dy ? 1 : -1;
  if (x->kind != y->kind)
    return x->kind == RW_ASSOCIATION_SLEEP ? -1 : 1;
  return x->kind == RW_ASSOCIATION_TAG ? g_utf8_collate (x->tag, y->tag) : 0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Sleep: the days with a mood and a night's sleep, "with" at least the
 * median night. The median depends on the sleep values only, which a
 * shift does not change, so the test stays fair. */
static RwAssociation *
compare_sleep (RwSeries *self)
{
  g_autofree double *mood = g_new (double, self->n);
  g_autofree double *sleep = g_new (double, self->n);
  g_autofree double *sorted = NULL;
  g_autofree gboolean *with = g_new (gboolean, self->n);
  g_autoptr(RwAssociation) assoc = g_new0 (RwAssociation, 1);
  Comparison c = { mood, with, 0 };

  for (guint i = self->lead; i < self->n; i++)
    {
      double y = day_value (&self->days[i], RW_SERIES_MOOD);

      if (isnan (y) || isnan (self->days[i].sleep_hours))
        continue;
      mood[c.n] = y;
      sleep[c.n] = self->days[i].sleep_hours;
      c.n++;
    }
  if (c.n < 2 * RW_INSIGHT_MIN_DAYS)
    return NULL;
  sorted = g_memdup2 (sleep, c.n * sizeof (double));
  qsort (sorted, c.n, sizeof (double), compare_doubles);
  assoc->kind = RW_ASSOCIATION_SLEEP;
  assoc->sleep_hours = sorted[c.n / 2];
  for (guint i = 0; i < c.n; i++)
    with[i] = sleep[i] >= assoc->sleep_hours;
  return compare (&c, assoc) ? g_steal_pointer (&assoc) : NULL;
}

/**
 * rw_series_find_associations:
 * @self: a series
 *
 * Compares mood on the days with each tag against the days without, and
 * after at least the median night's sleep against less, wherever there
 * are 14 days with a mood on each side, and checks each difference
 * against chance (see the comment above).
 *
 * Returns: (transfer container) (element-type RwAssociation): every
 *   comparison made, the supported ones first
 */
GPtrArray *
rw_series_find_associations (RwSeries *self)
{
  g_autoptr(GHashTable) tags = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) rw_association_free);
  g_autofree double *mood = g_new (double, self->n);
  g_autofree gboolean *with = g_new (gboolean, self->n);
  g_autofree Day **days = g_new (Day *, self->n);
  RwAssociation *sleep;
  Comparison c = { mood, with, 0 };
  GHashTableIter iter;
  gpointer tag;
  double running = 0;

  for (guint i = self->lead; i < self->n; i++)
    {
      double y = day_value (&self->days[i], RW_SERIES_MOOD);

      if (isnan (y))
        continue;
      days[c.n] = &self->days[i];
      mood[c.n++] = y;
      if (self->days[i].tags != NULL)
        {
          GHashTableIter day_iter;
          gpointer name;

          g_hash_table_iter_init (&day_iter, self->days[i].tags);
          while (g_hash_table_iter_next (&day_iter, &name, NULL))
            g_hash_table_add (tags, name);
        }
    }

  g_hash_table_iter_init (&iter, tags);
  while (g_hash_table_iter_next (&iter, &tag, NULL))
    {
      g_autoptr(RwAssociation) assoc = g_new0 (RwAssociation, 1);

      for (guint i = 0; i < c.n; i++)
        with[i] = days[i]->tags != NULL && g_hash_table_contains (days[i]->tags, tag);
      assoc->kind = RW_ASSOCIATION_TAG;
      assoc->tag = g_strdup (tag);
      if (compare (&c, assoc))
        g_ptr_array_add (result, g_steal_pointer (&assoc));
    }
  if ((sleep = compare_sleep (self)) != NULL)
    g_ptr_array_add (result, sleep);

  /* Holm: the i-th smallest p value (from 0) times the comparisons left,
   * never below the one before. */
  g_ptr_array_sort (result, compare_p_values);
  for (guint i = 0; i < result->len; i++)
    {
      RwAssociation *assoc = g_ptr_array_index (result, i);

      running = MAX (running, MIN (1.0, (result->len - i) * assoc->p_value));
      assoc->adjusted_p = running;
      assoc->compared = result->len;
      assoc->supported = running <= RW_INSIGHT_ALPHA + 1e-12 &&
                         fabs (assoc->with_mean - assoc->without_mean) >=
                           RW_INSIGHT_MIN_DIFFERENCE - 1e-9;
    }
  g_ptr_array_sort (result, compare_associations);
  return result;
}

/**
 * rw_series_compare_days:
 * @self: a series
 * @kind: what to compare
 * @side: for each day of @self (rw_series_get_n_days()), 1 "with", 0
 *   "without", -1 left out
 * @assoc: (out caller-allocates): the means, day counts and the chance check
 *
 * The test of rw_series_find_associations() for one comparison the
 * caller makes (the days after treatment sessions against the days
 * before them): the days left out are dropped, the others shifted as
 * there. A family of one, so the adjusted p value is the p value.
 *
 * Returns: %FALSE when a side has fewer than %RW_INSIGHT_MIN_DAYS days
 *   with a value
 */
gboolean
rw_series_compare_days (RwSeries      *self,
                        RwSeriesKind   kind,
                        const gint8   *side,
                        RwAssociation *assoc)
{
  guint n = self->n - self->lead;
  g_autofree double *values = g_new (double, n);
  g_autofree gboolean *with = g_new (gboolean, n);
  RwAssociation result = { .kind = RW_ASSOCIATION_DAYS };
  Comparison c = { values, with, 0 };

  g_return_val_if_fail (kind < RW_N_SERIES, FALSE);
  g_return_val_if_fail (side != NULL && assoc != NULL, FALSE);

  for (guint i = 0; i < n; i++)
    {
      double v = day_value (&self->days[self->lead + i], kind);

      if (side[i] < 0 || isnan (v))
        continue;
      values[c.n] = v;
      with[c.n++] = side[i] > 0;
    }
  if (!compare (&c, &result))
    return FALSE;
  result.adjusted_p = result.p_value;
  result.compared = 1;
  result.supported = result.p_value <= RW_INSIGHT_ALPHA + 1e-12 &&
                     fabs (result.with_mean - result.without_mean) >=
                       RW_INSIGHT_MIN_DIFFERENCE - 1e-9;
  *assoc = result;
  return TRUE;
}

GArray *
rw_series_bin_bounds (RwSeries  *self,
                      RwBinSize  size)
{
  guint n = self->n - self->lead;
  GArray *bounds = g_array_new (FALSE, FALSE, sizeof (guint));
  GDate date;

  g_return_val_if_fail (size == RW_BIN_WEEK || size == RW_BIN_MONTH, bounds);

  g_date_clear (&date, 1);
  for (guint i = 0; i < n; i++)
    {
      gboolean starts;

      g_date_set_julian (&date, self->first + i);
      starts = i == 0 || (size == RW_BIN_WEEK ? g_date_get_weekday (&date) == G_DATE_MONDAY
                                              : g_date_get_day (&date) == 1);
      if (starts)
        g_array_append_val (bounds, i);
    }
  g_array_append_val (bounds, n);
  return bounds;
}

guint
rw_series_summarise (RwSeries     *self,
                     RwSeriesKind  kind,
                     guint         start,
                     guint         end,
                     double       *mean,
                     double       *min,
                     double       *max)
{
  double sum = 0, lo = NAN, hi = NAN;
  guint count = 0;

  g_return_val_if_fail (kind < RW_N_SERIES, 0);
  end = MIN (end, self->n - self->lead);

  for (guint i = start; i < end; i++)
    {
      double v = day_value (&self->days[self->lead + i], kind);

      if (isnan (v))
        continue;
      sum += v;
      count++;
      if (!(v >= lo))
        lo = v;
      if (!(v <= hi))
        hi = v;
    }
  if (mean != NULL)
    *mean = count > 0 ? sum / count : NAN;
  if (min != NULL)
    *min = lo;
  if (max != NULL)
    *max = hi;
  return count;
}
