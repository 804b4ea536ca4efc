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

static void
test_sleep_mood_correlation (void)
{
  g_autoptr(RwSeries) s = NULL;
  double r = 0;
  guint n = 0;

  /* Sleep 5..8 h against mood = 2 * sleep - 10 with a wobble of ±1 on odd
   * days: by hand, x = 5,6,7,8 repeating over 16 days. */
  reset ();
  for (guint i = 0; i < 13; i++)
    {
      g_autofree char *date = g_strdup_printf ("2026-04-%02u", 1 + i);
      add (date, "08:00", (int) (2 * (5 + i % 4) - 10), 5 + i % 4, RW_METRIC_UNSET, NULL);
    }
  s = rw_series_new_from_check_ins (list, day ("2026-04-01"), day ("2026-04-30"));
  /* 13 pairs: not enough. */
  g_assert_false (rw_series_sleep_mood_correlation (s, &r, &n));
  g_assert_cmpuint (n, ==, 13);
  g_clear_pointer (&s, rw_series_unref);

  add ("2026-04-14", "08:00", 2 * 6 - 10, 6, RW_METRIC_UNSET, NULL);
  s = rw_series_new_from_check_ins (list, day ("2026-04-01"), day ("2026-04-30"));
  g_assert_true (rw_series_sleep_mood_correlation (s, &r, &n));
  g_assert_cmpuint (n, ==, 14);
  /* Mood is an exact linear function of sleep here: r = 1. */
  g_assert_cmpfloat_with_epsilon (r, 1.0, 1e-9);
  g_clear_pointer (&s, rw_series_unref);

  /* A case checked by hand: x = 1..14 hours; y = x up to 10, then 10, 10,
   * 10 and 0. Σx = 105, Σy = 85, Σxy = 745, Σx² = 1015, Σy² = 685, so
   * r = (14·745 − 105·85) / √((14·1015 − 105²)(14·685 − 85²)) = 1505 / √(3185·2365)
   *   = 0.548361. */
  reset ();
  for (guint i = 1; i <= 14; i++)
    {
      g_autofree char *date = g_strdup_printf ("2026-05-%02u", i);
      add (date, "08:00", i <= 10 ? (int) i : (i == 14 ? 0 : 10), i, RW_METRIC_UNSET, NULL);
    }
  s = rw_series_new_from_check_ins (list, day ("2026-05-01"), day ("2026-05-14"));
  g_assert_true (rw_series_sleep_mood_correlation (s, &r, &n));
  g_test_message ("r = %.6f", r);
  g_assert_cmpfloat_with_epsilon (r, 0.548361, 1e-6);
}

static void
test_tag_associations (void)
{
  g_autoptr(RwSeries) s = NULL;
  g_autoptr(GPtrArray) assoc = NULL;
  RwTagAssociation *walk;

  /* 10 days with "walk" at mood 7, 10 without at mood 4; "rain" on 9 days
   * only (too few to say anything). */
  reset ();
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *date = g_strdup_printf ("2026-07-%02u", 1 + i);
      add (date, "09:00", i < 10 ? 7 : 4, RW_SLEEP_UNSET, RW_METRIC_UNSET,
           i < 10 ? "walk" : (i < 19 ? "rain" : NULL));
    }
  s = rw_series_new_from_check_ins (list, day ("2026-07-01"), day ("2026-07-20"));
  assoc = rw_series_tag_associations (s);
  g_assert_cmpuint (assoc->len, ==, 1);
  walk = g_ptr_array_index (assoc, 0);
  g_assert_cmpstr (walk->tag, ==, "walk");
  g_assert_cmpuint (walk->with_days, ==, 10);
  g_assert_cmpuint (walk->without_days, ==, 10);
  g_assert_cmpfloat (walk->with_mean, ==, 7);
  g_assert_cmpfloat (walk->without_mean, ==, 4);
  g_assert_true (rw_series_day_has_tag (s, 0, "Walk"));
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
  g_test_add_func ("/series/bins-and-summaries", test_bins_and_summaries);
  g_test_add_func ("/series/sleep-mood-correlation", test_sleep_mood_correlation);
  g_test_add_func ("/series/tag-associations", test_tag_associations);
  g_test_add_func ("/series/summary", test_summary);
  g_test_add_func ("/series/names", test_names);

  status = g_test_run ();
  g_clear_pointer (&list, g_ptr_array_unref);
  return status;
}
