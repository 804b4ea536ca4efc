/* test-series.c: the maths behind the charts, against values worked out
 * by hand.
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "rw-core-sql.h"
#include "rw-test-util.h"

static GPtrArray *list;

static void
add (const char *date,
     const char *time,
     int         mood,
     double      sleep,
     int         quality,
     const char *tag)
{
  RwCheckIn *check_in = rw_check_in_new ();
  const char *tags[] = { tag, NULL };

  rw_check_in_set_date (check_in, date);
  rw_check_in_set_time (check_in, time);
  rw_check_in_set_metric (check_in, RW_METRIC_MOOD, mood);
  rw_check_in_set_sleep_hours (check_in, sleep);
  rw_check_in_set_metric (check_in, RW_METRIC_SLEEP_QUALITY, quality);
  if (tag != NULL)
    rw_check_in_set_tags (check_in, tags);
  g_ptr_array_add (list, check_in);
}

static void
reset (void)
{
  g_clear_pointer (&list, g_ptr_array_unref);
  list = g_ptr_array_new_with_free_func (g_object_unref);
}

static guint32
day (const char *iso)
{
  return rw_date_from_iso (iso);
}

static void
test_daily_means_and_sleep_once (void)
{
  g_autoptr(RwSeries) s = NULL;

  reset ();
  /* Three check-ins on the 2nd: mood mean (2 + 6 + 7) / 3 = 5; sleep is
   * the latest non-empty value of the day (8, not 6 + 8 = 14), and the
   * evening check-in without sleep does not blank it. Given out of order. */
  add ("2026-03-02", "21:00", 7, RW_SLEEP_UNSET, RW_METRIC_UNSET, NULL);
  add ("2026-03-02", "07:00", 2, 6.0, 3, NULL);
  add ("2026-03-02", "12:00", 6, 8.0, 5, NULL);
  add ("2026-03-03", "09:00", RW_METRIC_UNSET, 7.25, RW_METRIC_UNSET, NULL);

  s = rw_series_new_from_check_ins (list, day ("2026-03-01"), day ("2026-03-04"));
  g_assert_cmpuint (rw_series_get_n_days (s), ==, 4);
  g_assert_true (isnan (rw_series_get_value (s, RW_SERIES_MOOD, 0)));
  g_assert_cmpfloat_with_epsilon (rw_series_get_value (s, RW_SERIES_MOOD, 1), 5.0, 1e-9);
  g_assert_cmpfloat (rw_series_get_value (s, RW_SERIES_SLEEP_HOURS, 1), ==, 8.0);
  g_assert_cmpfloat (rw_series_get_value (s, RW_SERIES_SLEEP_QUALITY, 1), ==, 5.0);
  g_assert_cmpuint (rw_series_get_check_ins (s, 1), ==, 3);
  /* A day with sleep but no mood. */
  g_assert_true (isnan (rw_series_get_value (s, RW_SERIES_MOOD, 2)));
  g_assert_cmpfloat (rw_series_get_value (s, RW_SERIES_SLEEP_HOURS, 2), ==, 7.25);
  g_assert_cmpuint (rw_series_get_days_logged (s), ==, 2);
}

static void
test_rolling_mean_with_gaps (void)
{
  g_autoptr(RwSeries) s = NULL;
  const int moods[] = { 4, -1, 6, -1, -1, 8, 2, 5, -1, -1 };

  reset ();
  for (guint i = 0; i < G_N_ELEMENTS (moods); i++)
    if (moods[i] >= 0)
      {
        g_autofree char *date = g_strdup_printf ("2026-01-%02u", 1 + i);
        add (date, "10:00", moods[i], RW_SLEEP_UNSET, RW_METRIC_UNSET, NULL);
      }

  /* Shown from the 5th: the window of the 5th reaches back to the 1st,
   * before the range (4, 6 = 2 days: too few). */
  s = rw_series_new_from_check_ins (list, day ("2026-01-05"), day ("2026-01-10"));
  g_assert_true (isnan (rw_series_get_rolling (s, 0)));            /* 1st–5th: 4, 6 */
  g_assert_true (isnan (rw_series_get_rolling (s, 1)));            /* 6th: 4, 6, 8 */
  g_assert_cmpfloat_with_epsilon (rw_series_get_rolling (s, 2), 5.0, 1e-9);   /* 7th: 4,6,8,2 */
  g_assert_cmpfloat_with_epsilon (rw_series_get_rolling (s, 3), 5.25, 1e-9);  /* 2nd–8th: 6,8,2,5 → 21/4 */
  g_assert_cmpfloat_with_epsilon (rw_series_get_rolling (s, 4), 5.25, 1e-9);  /* 3rd–9th: 6,8,2,5 → 21/4 */
  g_assert_true (isnan (rw_series_get_rolling (s, 5)));            /* 4th–10th: 8, 2, 5 */
  /* Missing days are gaps, never filled in. */
  g_assert_true (isnan (rw_series_get_value (s, RW_SERIES_MOOD, 4)));
}

static void
test_range_bounds (void)
{
  g_autofree char *dir = rw_test_make_dir ();
  g_autoptr(RwDatabase) db = rw_database_open (dir, NULL);
  g_autoptr(RwSeries) week = NULL;
  g_autoptr(RwSeries) all = NULL;
  const char *dates[] = { "2026-01-01", "2026-06-10", "2026-06-11", "2026-06-17", "2026-06-18" };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(RwCheckIn) check_in = rw_check_in_new ();

      rw_check_in_set_date (check_in, dates[i]);
      rw_check_in_set_time (check_in, "10:00");
      rw_check_in_set_metric (check_in, RW_METRIC_MOOD, (int) i + 1);
      rw_test_insert (db, check_in);
    }

  /* 7 days ending on the 17th: the 11th to the 17th, both included. */
  week = rw_series_load_range (db, RW_RANGE_7D, day ("2026-06-17"), NULL);
  g_assert_cmpuint (rw_series_get_n_days (week), ==, 7);
  g_assert_cmpuint (rw_series_get_first (week), ==, day ("2026-06-11"));
  g_assert_cmpfloat (rw_series_get_value (week, RW_SERIES_MOOD, 0), ==, 3);
  g_assert_cmpfloat (rw_series_get_value (week, RW_SERIES_MOOD, 6), ==, 4);
  g_assert_cmpuint (rw_series_get_days_logged (week), ==, 2);

  /* "All" starts at the first check-in. */
  all = rw_series_load_range (db, RW_RANGE_ALL, day ("2026-06-18"), NULL);
  g_assert_cmpuint (rw_series_get_first (all), ==, day ("2026-01-01"));
  g_assert_cmpuint (rw_series_get_days_logged (all), ==, 5);

  g_clear_object (&db);
  rw_test_remove_dir (dir);
}

/* Where the check-ins begin and end; 0 for an empty journal. */
static void
test_span (void)
{
  g_autofree char *dir = rw_test_make_dir ();
  g_autoptr(RwDatabase) db = rw_database_open (dir, NULL);
  const char *dates[] = { "2024-06-10", "2019-03-02", "2025-01-31" };
  guint32 first = 99, last = 99;
  g_autoptr(GError) error = NULL;

  g_assert_true (rw_series_find_span (db, &first, &last, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (first, ==, 0);
  g_assert_cmpuint (last, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(RwCheckIn) check_in = rw_check_in_new ();

      rw_check_in_set_date (check_in, dates[i]);
      rw_check_in_set_time (check_in, "10:00");
      rw_check_in_set_metric (check_in, RW_METRIC_MOOD, 5);
      rw_test_insert (db, check_in);
    }
  g_assert_true (rw_series_find_span (db, &first, &last, &error));
  g_assert_cmpuint (first, ==, day ("2019-03-02"));
  g_assert_cmpuint (last, ==, day ("2025-01-31"));
  g_assert_true (rw_series_find_span (db, NULL, &last, &error));
  g_assert_cmpuint (last, ==, day ("2025-01-31"));

  g_clear_object (&db);
  rw_test_remove_dir (dir);
}

static guint
bound (GArray *bounds,
       guint   i)
{
  return g_array_index (bounds, guint, i);
}

static void
test_bins_and_summaries (void)
{
  g_autoptr(RwSeries) s = NULL;
  g_autoptr(GArray) weeks = NULL;
  g_autoptr(GArray) months = NULL;
  double mean, min, max;
  /* 1–9 February 2026; the 1st is a Sunday. One terrible day (the 5th) in
   * the week of the 2nd must show as its lowest. */
  const int moods[] = { 5, 6, 7, 6, 0, 6, -1, -1, 8 };

  reset ();
  for (guint i = 0; i < G_N_ELEMENTS (moods); i++)
    if (moods[i] >= 0)
      {
        g_autofree char *date = g_strdup_printf ("2026-02-%02u", 1 + i);
        add (date, "10:00", moods[i], RW_SLEEP_UNSET, RW_METRIC_UNSET, NULL);
      }
  s = rw_series_new_from_check_ins (list, day ("2026-02-01"), day ("2026-02-09"));

  /* Weeks run Monday to Sunday, cut by the range at both ends. */
  weeks = rw_series_bin_bounds (s, RW_BIN_WEEK);
  g_assert_cmpuint (weeks->len, ==, 4);
  g_assert_cmpuint (bound (weeks, 0), ==, 0);
  g_assert_cmpuint (bound (weeks, 1), ==, 1);
  g_assert_cmpuint (bound (weeks, 2), ==, 8);
  g_assert_cmpuint (bound (weeks, 3), ==, 9);

  g_assert_cmpuint (rw_series_summarise (s, RW_SERIES_MOOD, 1, 8, &mean, &min, &max), ==, 5);
  g_assert_cmpfloat_with_epsilon (mean, (6 + 7 + 6 + 0 + 6) / 5.0, 1e-9);
  g_assert_cmpfloat (min, ==, 0);
  g_assert_cmpfloat (max, ==, 7);
  /* Days without a value: nothing, and NAN. */
  g_assert_cmpuint (rw_series_summarise (s, RW_SERIES_MOOD, 6, 8, &mean, &min, &max), ==, 0);
  g_assert_true (isnan (mean) && isnan (min) && isnan (max));
  g_assert_cmpuint (rw_series_summarise (s, RW_SERIES_SLEEP_HOURS, 0, 9, &mean, NULL, NULL), ==, 0);
  g_clear_pointer (&s, rw_series_unref);

  /* Months: 20 January to 5 March is three, the first and last cut. */
  s = rw_series_new_from_check_ins (list, day ("2026-01-20"), day ("2026-03-05"));
  months = rw_series_bin_bounds (s, RW_BIN_MONTH);
  g_assert_cmpuint (months->len, ==, 4);
  g_assert_cmpuint (bound (months, 1), ==, 12);
  g_assert_cmpuint (bound (months, 2), ==, 12 + 28);
  g_assert_cmpuint (bound (months, 3), ==, 45);
  g_assert_cmpuint (rw_series_summarise (s, RW_SERIES_MOOD, 12, 40, &mean, &min, &max), ==, 7);
  g_assert_cmpfloat (max, ==, 8);
}

static RwAssociation *
find (GPtrArray  *assoc,
      const char *tag)
{
  for (guint i = 0; i < assoc->len; i++)
    {
      RwAssociation *a = g_ptr_array_index (assoc, i);

      if (g_strcmp0 (a->tag, tag) == 0)
        return a;
    }
  return NULL;
}

static void
test_associations (void)
{
  g_autoptr(RwSeries) s = NULL;
  g_autoptr(GPtrArray) assoc = NULL;
  RwAssociation *walk, *weekly;

  /* 120 days: "walk" on 2 days of every 4 at mood 7, mood 4 otherwise;
   * "rain" on the third day of every 4 (30 days); "weekly" on a few of the
   * rest, too few to compare. */
  reset ();
  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *date = rw_date_to_iso (day ("2026-07-01") + i);
      gboolean walk_day = i % 4 < 2;

      add (date, "09:00", walk_day ? 7 : 4, RW_SLEEP_UNSET, RW_METRIC_UNSET,
           walk_day ? "walk" : (i % 4 == 2 ? "rain" : (i % 7 == 0 ? "weekly" : NULL)));
    }
  s = rw_series_new_from_check_ins (list, day ("2026-07-01"), day ("2026-07-01") + 119);
  assoc = rw_series_find_associations (s);
  g_assert_cmpuint (assoc->len, ==, 2);
  walk = g_ptr_array_index (assoc, 0);
  g_assert_cmpstr (walk->tag, ==, "walk");
  g_assert_cmpuint (walk->with_days, ==, 60);
  g_assert_cmpuint (walk->without_days, ==, 60);
  g_assert_cmpfloat (walk->with_mean, ==, 7);
  g_assert_cmpfloat (walk->without_mean, ==, 4);
  g_assert_true (walk->supported);
  /* Shifts by 4 days line the walks up again: those are left out, so the
   * observed difference is the largest of the rest. */
  g_assert_cmpuint (walk->shifts, <, 2 * 119 + 1);
  g_assert_cmpfloat (walk->p_value, ==, 1.0 / (walk->shifts + 1));
  g_assert_cmpfloat (walk->adjusted_p, ==, 2 * walk->p_value);
  g_assert_cmpuint (walk->compared, ==, 2);
  g_assert_null (find (assoc, "weekly"));
  /* "rain" is compared too, and counts in the family of two. */
  g_assert_cmpfloat (find (assoc, "rain")->with_mean, ==, 4);
  g_assert_cmpuint (find (assoc, "rain")->with_days, ==, 30);
  g_assert_true (rw_series_day_has_tag (s, 0, "Walk"));

  /* A weekly tag with mood unrelated: every shift by a multiple of 7
   * gives the same days back and is left out, and nothing is supported. */
  g_clear_pointer (&assoc, g_ptr_array_unref);
  g_clear_pointer (&s, rw_series_unref);
  reset ();
  for (guint i = 0; i < 140; i++)
    {
      g_autofree char *date = rw_date_to_iso (day ("2026-01-05") + i);

      add (date, "09:00", 3 + (int) ((i * 7919) % 5), RW_SLEEP_UNSET, RW_METRIC_UNSET,
           i % 7 == 0 ? "therapy" : NULL);
    }
  s = rw_series_new_from_check_ins (list, day ("2026-01-05"), day ("2026-05-24"));
  assoc = rw_series_find_associations (s);
  weekly = find (assoc, "therapy");
  g_assert_nonnull (weekly);
  g_assert_cmpuint (weekly->with_days, ==, 20);
  g_assert_cmpuint (weekly->shifts, <=, 2 * 139 + 1 - 19);
}

static void
test_summary (void)
{
  g_autoptr(RwSeries) s = NULL;
  guint best = 99, hardest = 99, n = 0;

  reset ();
  add ("2026-08-01", "09:00", 3, 7, 6, NULL);
  add ("2026-08-02", "09:00", 8, 6, 4, NULL);
  add ("2026-08-03", "09:00", 1, RW_SLEEP_UNSET, RW_METRIC_UNSET, NULL);
  add ("2026-08-04", "09:00", 8, 8, 8, NULL);
  s = rw_series_new_from_check_ins (list, day ("2026-08-01"), day ("2026-08-07"));
  g_assert_cmpfloat_with_epsilon (rw_series_get_mean (s, RW_SERIES_MOOD, &n), 5.0, 1e-9);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpfloat_with_epsilon (rw_series_get_mean (s, RW_SERIES_SLEEP_HOURS, &n), 7.0, 1e-9);
  g_assert_cmpuint (n, ==, 3);
  g_assert_true (rw_series_get_extremes (s, &best, &hardest));
  g_assert_cmpuint (best, ==, 3);      /* the later of the two 8s */
  g_assert_cmpuint (hardest, ==, 2);
}

static void
test_names (void)
{
  RwSeriesKind kind;
  RwRange range;

  g_assert_true (rw_series_kind_from_name ("sleep", &kind));
  g_assert_cmpint (kind, ==, RW_SERIES_SLEEP_HOURS);
  g_assert_true (rw_series_kind_from_name ("sleep-quality", &kind));
  g_assert_cmpint (kind, ==, RW_SERIES_SLEEP_QUALITY);
  g_assert_false (rw_series_kind_from_name ("happiness", &kind));
  g_assert_true (rw_range_from_name ("1y", &range));
  g_assert_cmpint (range, ==, RW_RANGE_1Y);
  g_assert_false (rw_range_from_name ("2w", &range));
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/series/daily-means-and-sleep-once", test_daily_means_and_sleep_once);
  g_test_add_func ("/series/rolling-mean-with-gaps", test_rolling_mean_with_gaps);
  g_test_add_func ("/series/range-bounds", test_range_bounds);
  g_test_add_func ("/series/span", test_span);
  g_test_add_func ("/series/bins-and-summaries", test_bins_and_summaries);
  g_test_add_func ("/series/associations", test_associations);
  g_test_add_func ("/series/summary", test_summary);
  g_test_add_func ("/series/names", test_names);

  status = g_test_run ();
  g_clear_pointer (&list, g_ptr_array_unref);
  return status;
}
