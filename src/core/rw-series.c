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

gboolean
rw_series_sleep_mood_correlation (RwSeries *self,
                                  double   *r,
                                  guint    *n)
{
  double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0, den;
  guint count = 0;

  for (guint i = self->lead; i < self->n; i++)
    {
      double x = self->days[i].sleep_hours;
      double y = day_value (&self->days[i], RW_SERIES_MOOD);

      if (isnan (x) || isnan (y))
        continue;
      sx += x;
      sy += y;
      sxx += x * x;
      syy += y * y;
      sxy += x * y;
      count++;
    }
  if (n != NULL)
    *n = count;
  if (count < RW_INSIGHT_MIN_PAIRS)
    return FALSE;
  den = sqrt ((count * sxx - sx * sx) * (count * syy - sy * sy));
  if (!(den > 0))
    return FALSE;
  *r = (count * sxy - sx * sy) / den;
  return TRUE;
}

void
rw_tag_association_free (RwTagAssociation *assoc)
{
  g_free (assoc->tag);
  g_free (assoc);
}

static int
compare_associations (gconstpointer a,
                      gconstpointer b)
{
  const RwTagAssociation *x = *(RwTagAssociation **) a;
  const RwTagAssociation *y = *(RwTagAssociation **) b;
  double dx = fabs (x->with_mean - x->without_mean);
  double dy = fabs (y->with_mean - y->without_mean);

  if (dx != dy)
    return dx < dy ? 1 : -1;
  return g_utf8_collate (x->tag, y->tag);
}

GPtrArray *
rw_series_tag_associations (RwSeries *self)
{
  g_autoptr(GHashTable) tags = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) rw_tag_association_free);
  GHashTableIter iter;
  gpointer tag;

  for (guint i = self->lead; i < self->n; i++)
    if (self->days[i].tags != NULL)
      {
        GHashTableIter day_iter;
        gpointer name;

        g_hash_table_iter_init (&day_iter, self->days[i].tags);
        while (g_hash_table_iter_next (&day_iter, &name, NULL))
          g_hash_table_add (tags, name);
      }

  g_hash_table_iter_init (&iter, tags);
  while (g_hash_table_iter_next (&iter, &tag, NULL))
    {
      double with = 0, without = 0;
      guint n_with = 0, n_without = 0;

      for (guint i = self->lead; i < self->n; i++)
        {
          double mood = day_value (&self->days[i], RW_SERIES_MOOD);

          if (isnan (mood))
            continue;
          if (self->days[i].tags != NULL && g_hash_table_contains (self->days[i].tags, tag))
            {
              with += mood;
              n_with++;
            }
          else
            {
              without += mood;
              n_without++;
            }
        }
      if (n_with >= RW_INSIGHT_MIN_TAG_DAYS && n_without >= RW_INSIGHT_MIN_TAG_DAYS)
        {
          RwTagAssociation *assoc = g_new0 (RwTagAssociation, 1);

          assoc->tag = g_strdup (tag);
          assoc->with_mean = with / n_with;
          assoc->with_days = n_with;
          assoc->without_mean = without / n_without;
          assoc->without_days = n_without;
          g_ptr_array_add (result, assoc);
        }
    }

  g_ptr_array_sort (result, compare_associations);
  return result;
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
