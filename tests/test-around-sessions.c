/* test-around-sessions.c: a metric around treatment sessions, against
 * values worked out by hand.
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "rw-core-sql.h"
#include "rw-test-util.h"

static guint32
day (const char *iso)
{
  return rw_date_from_iso (iso);
}

static void
add_mood (RwDatabase *db,
          guint32     julian,
          const char *time,
          int         mood)
{
  g_autoptr(RwCheckIn) check_in = rw_check_in_new ();
  g_autofree char *date = rw_date_to_iso (julian);

  rw_check_in_set_date (check_in, date);
  rw_check_in_set_time (check_in, time);
  rw_check_in_set_metric (check_in, RW_METRIC_MOOD, mood);
  rw_test_insert (db, check_in);
}

static void
add_session (RwDatabase *db,
             guint32     julian,
             const char *phase,
             gboolean    done,
             gboolean    hidden)
{
  g_autofree char *date = rw_date_to_iso (julian);
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *sql = g_strdup_printf ("INSERT INTO sessions (uuid, date, time, route, phase, done, "
                                          "hidden, created, modified) VALUES ('%s', '%s', '10:00', "
                                          "'iv', '%s', %d, %d, 1, 1)",
                                          uuid, date, phase, done, hidden);
  g_autoptr(GError) error = NULL;

  g_assert_true (rw_database_exec (db, sql, &error));
  g_assert_no_error (error);
}

/* Mood by offset from a session on 10 March; 0 for none. */
static const int week_around[] = {
  /* -7 .. -1: six days, 2 + 4 + 4 + 5 + 4 + 5 = 24, mean 4.0 */
  2, 4, 4, 0, 5, 4, 5,
  /* the session day itself: in neither mean */
  10,
  /* +1 .. +7: five days, 6 + 5 + 6 + 4 + 4 = 25, mean 5.0 (+1 is the
   * mean of two check-ins, 5 and 7) */
  -1, 0, 5, 6, 0, 4, 4,
  /* +8: past the window */
  9,
};

static void
add_week_around (RwDatabase *db,
                 guint32     session)
{
  for (guint i = 0; i < G_N_ELEMENTS (week_around); i++)
    {
      guint32 d = session - 7 + i;

      if (week_around[i] > 0)
        add_mood (db, d, "12:00", week_around[i]);
      else if (week_around[i] < 0)
        {
          add_mood (db, d, "08:00", 5);
          add_mood (db, d, "20:00", 7);
        }
    }
}

static void
test_before_after_and_day_excluded (void)
{
  g_autofree char *dir = rw_test_make_dir ();
  g_autoptr(RwDatabase) db = rw_database_open (dir, NULL);
  g_autoptr(RwAround) around = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const RwAroundSession *s;
  guint32 session = day ("2026-03-10");

  add_week_around (db, session);
  add_session (db, session, "induction", TRUE, FALSE);

  around = rw_around_load (db, RW_SERIES_MOOD, RW_AROUND_PHASE_ALL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rw_around_get_n_sessions (around), ==, 1);
  s = rw_around_get_session (around, 0);
  g_assert_cmpuint (s->day, ==, session);
  g_assert_cmpstr (s->phase, ==, "induction");
  g_assert_cmpuint (s->before_days, ==, 6);
  g_assert_cmpfloat_with_epsilon (s->before_mean, 4.0, 1e-9);
  g_assert_cmpuint (s->after_days, ==, 5);
  g_assert_cmpfloat_with_epsilon (s->after_mean, 5.0, 1e-9);
  g_assert_cmpuint (s->after_window, ==, 7);
  g_assert_true (s->shown);

  /* The line: day means by offset, gaps where there is no check-in. */
  g_assert_cmpfloat (s->values[0], ==, 2);
  g_assert_true (isnan (s->values[-4 - RW_AROUND_FIRST_OFFSET]));
  g_assert_cmpfloat (s->values[0 - RW_AROUND_FIRST_OFFSET], ==, 10);
  g_assert_cmpfloat (s->values[1 - RW_AROUND_FIRST_OFFSET], ==, 6);
  g_assert_cmpfloat (s->values[8 - RW_AROUND_FIRST_OFFSET], ==, 9);
  g_assert_true (isnan (s->values[14 - RW_AROUND_FIRST_OFFSET]));

  text = rw_around_describe_session (around, 0);
  g_assert_cmpstr (text, ==, "7 days before: mean 4.0 (6 days); 7 days after: mean 5.0 (5 days)");

  g_clear_object (&db);
  rw_test_remove_dir (dir);
}

static void
test_mean_by_offset (void)
{
  g_autofree char *dir = rw_test_make_dir ();
  g_autoptr(RwDatabase) db = rw_database_open (dir, NULL);
  g_autoptr(RwAround) around = NULL;
  g_autofree char *text = NULL;
  guint32 a = day ("2026-03-10"), b = day ("2026-04-20");
  guint n;

  add_week_around (db, a);
  add_session (db, a, "induction", TRUE, FALSE);
  /* B: mood only 7 days before (8) and on the day (6). */
  add_mood (db, b - 7, "12:00", 8);
  add_mood (db, b, "12:00", 6);
  add_session (db, b, "booster", TRUE, FALSE);

  around = rw_around_load (db, RW_SERIES_MOOD, RW_AROUND_PHASE_ALL, NULL);
  g_assert_cmpuint (rw_around_get_n_sessions (around), ==, 2);
  /* -7: (2 + 8) / 2; 0: (10 + 6) / 2; +1: A's 6 alone; -4: neither. */
  g_assert_cmpfloat_with_epsilon (rw_around_get_mean (around, -7, &n), 5.0, 1e-9);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpfloat_with_epsilon (rw_around_get_mean (around, 0, &n), 8.0, 1e-9);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpfloat_with_epsilon (rw_around_get_mean (around, 1, &n), 6.0, 1e-9);
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (isnan (rw_around_get_mean (around, -4, &n)));
  g_assert_cmpuint (n, ==, 0);

  /* B has one day before and none after: no numbers. */
  g_assert_false (rw_around_get_session (around, 1)->shown);
  text = rw_around_describe_session (around, 1);
  g_assert_cmpstr (text, ==, "Too few days with a check-in to compare: 1 of the 7 days before, "
                             "0 of the 7 days after (at least 3 on each side)");
  g_clear_pointer (&text, g_free);

  /* Induction and boosters apart. */
  g_clear_pointer (&around, rw_around_unref);
  around = rw_around_load (db, RW_SERIES_MOOD, RW_AROUND_PHASE_BOOSTER, NULL);
  g_assert_cmpuint (rw_around_get_n_sessions (around), ==, 1);
  g_assert_cmpuint (rw_around_get_session (around, 0)->day, ==, b);
  g_assert_cmpfloat_with_epsilon (rw_around_get_mean (around, -7, &n), 8.0, 1e-9);
  g_assert_cmpuint (n, ==, 1);
  g_clear_pointer (&around, rw_around_unref);
  around = rw_around_load (db, RW_SERIES_MOOD, RW_AROUND_PHASE_INDUCTION, NULL);
  g_assert_cmpuint (rw_around_get_n_sessions (around), ==, 1);
  g_assert_cmpuint (rw_around_get_session (around, 0)->day, ==, a);

  g_clear_object (&db);
  rw_test_remove_dir (dir);
}

/* At least 3 days on each side: 3 and 2 is not enough, 3 and 3 is. */
static void
test_minimum_days (void)
{
  g_autofree char *dir = rw_test_make_dir ();
  g_autoptr(RwDatabase) db = rw_database_open (dir, NULL);
  g_autoptr(RwAround) around = NULL;
  g_autofree char *text = NULL;
  guint32 a = day ("2026-05-10"), b = day ("2026-06-10");

  add_mood (db, a - 5, "12:00", 3);
  add_mood (db, a - 3, "12:00", 4);
  add_mood (db, a - 1, "12:00", 5);
  add_mood (db, a + 2, "12:00", 6);
  add_mood (db, a + 7, "12:00", 6);
  add_session (db, a, "induction", TRUE, FALSE);
  add_mood (db, b - 7, "12:00", 3);
  add_mood (db, b - 6, "12:00", 3);
  add_mood (db, b - 1, "12:00", 6);
  add_mood (db, b + 1, "12:00", 6);
  add_mood (db, b + 4, "12:00", 7);
  add_mood (db, b + 7, "12:00", 8);
  add_session (db, b, "induction", TRUE, FALSE);

  around = rw_around_load (db, RW_SERIES_MOOD, RW_AROUND_PHASE_ALL, NULL);
  g_assert_cmpuint (rw_around_get_n_sessions (around), ==, 2);
  g_assert_cmpuint (rw_around_get_session (around, 0)->before_days, ==, 3);
  g_assert_cmpuint (rw_around_get_session (around, 0)->after_days, ==, 2);
  g_assert_false (rw_around_get_session (around, 0)->shown);
  text = rw_around_describe_session (around, 0);
  g_assert_true (g_str_has_prefix (text, "Too few days"));
  g_clear_pointer (&text, g_free);

  g_assert_true (rw_around_get_session (around, 1)->shown);
  text = rw_around_describe_session (around, 1);
  g_assert_cmpstr (text, ==, "7 days before: mean 4.0 (3 days); 7 days after: mean 7.0 (3 days)");

  g_clear_object (&db);
  rw_test_remove_dir (dir);
}

/* The next done session 4 days later ends the window after on the day
 * before it; a scheduled or deleted session in between does not. */
static void
test_shortened_window (void)
{
  g_autofree char *dir = rw_test_make_dir ();
  g_autoptr(RwDatabase) db = rw_database_open (dir, NULL);
  g_autoptr(RwAround) around = NULL;
  g_autoptr(GPtrArray) marks = NULL;
  g_autofree char *text = NULL;
  const RwAroundSession *s;
  guint32 a = day ("2026-03-10");
  const int after[] = { 6, 6, 3, 10, 1 };   /* +1 .. +5; +4 is the next session */

  for (int i = -3; i <= -1; i++)
    add_mood (db, a + i, "12:00", 4);
  for (guint i = 0; i < G_N_ELEMENTS (after); i++)
    add_mood (db, a + 1 + i, "12:00", after[i]);
  add_session (db, a, "induction", TRUE, FALSE);
  add_session (db, a + 2, "induction", FALSE, FALSE);   /* scheduled */
  add_session (db, a + 3, "induction", TRUE, TRUE);     /* deleted */
  add_session (db, a + 4, "booster", TRUE, FALSE);

  around = rw_around_load (db, RW_SERIES_MOOD, RW_AROUND_PHASE_INDUCTION, NULL);
  g_assert_cmpuint (rw_around_get_n_sessions (around), ==, 1);
  s = rw_around_get_session (around, 0);
  /* +1 .. +3: (6 + 6 + 3) / 3 = 5.0; the 10 of the next session and the
   * 1 after it are not counted. */
  g_assert_cmpuint (s->after_window, ==, 3);
  g_assert_cmpuint (s->after_days, ==, 3);
  g_assert_cmpfloat_with_epsilon (s->after_mean, 5.0, 1e-9);
  g_assert_true (s->shown);
  text = rw_around_describe_session (around, 0);
  g_assert_cmpstr (text, ==, "7 days before: mean 4.0 (3 days); "
                             "3 days after, until the next session: mean 5.0 (3 days)");

  /* The markers: done and scheduled, not the deleted one. */
  marks = rw_session_marks_load (db, 0, 0, FALSE, NULL);
  g_assert_cmpuint (marks->len, ==, 3);
  g_assert_true (((RwSessionMark *) g_ptr_array_index (marks, 0))->done);
  g_assert_false (((RwSessionMark *) g_ptr_array_index (marks, 1))->done);
  g_assert_cmpuint (((RwSessionMark *) g_ptr_array_index (marks, 2))->day, ==, a + 4);
  g_clear_pointer (&marks, g_ptr_array_unref);
  marks = rw_session_marks_load (db, a + 1, a + 10, FALSE, NULL);
  g_assert_cmpuint (marks->len, ==, 2);

  g_clear_object (&db);
  rw_test_remove_dir (dir);
}

/* Over many sessions the days after against the days before get the
 * insights' chance check: words of change only when it supports one. */
static void
test_chance_check (void)
{
  for (int effect = 0; effect < 2; effect++)
    {
      g_autofree char *dir = rw_test_make_dir ();
      g_autoptr(RwDatabase) db = rw_database_open (dir, NULL);
      g_autoptr(RwAround) around = NULL;
      g_autofree char *text = NULL;
      const RwAssociation *c;
      guint32 start = day ("2025-01-06");

      /* A session every 21 days; 7 days after each, 6 days in neither
       * window, 7 days before the next. */
      for (guint d = 0; d < 21 * 20 + 8; d++)
        {
          guint offset = d % 21;
          int mood = 5 + (int) (d % 3) - 1;     /* 4, 5, 6 whatever the sessions */

          if (effect && offset >= 1 && offset <= 7)
            mood = 7 + (int) (d % 2);
          else if (effect && offset >= 14)
            mood = 3 + (int) (d % 2);
          add_mood (db, start + d, "12:00", mood);
          if (offset == 0 && d < 21 * 20)
            add_session (db, start + d, "induction", TRUE, FALSE);
        }

      around = rw_around_load (db, RW_SERIES_MOOD, RW_AROUND_PHASE_ALL, NULL);
      g_assert_cmpuint (rw_around_get_n_sessions (around), ==, 20);
      c = rw_around_get_comparison (around);
      g_assert_nonnull (c);
      /* 20 windows after; 19 before (nothing was logged before the first
       * session). */
      g_assert_cmpuint (c->with_days, ==, 20 * 7);
      g_assert_cmpuint (c->without_days, ==, 19 * 7);
      text = rw_around_describe (around);
      if (effect)
        {
          g_assert_true (c->supported);
          g_assert_nonnull (strstr (text, "higher in the days after"));
        }
      else
        {
          g_assert_false (c->supported);
          g_assert_null (strstr (text, "higher"));
          g_assert_null (strstr (text, "lower"));
          g_assert_nonnull (strstr (text, "An observation"));
        }

      g_clear_object (&db);
      rw_test_remove_dir (dir);
    }
}

/* Too few days for the check: the sentence says so, without a change. */
static void
test_describe_without_check (void)
{
  g_autofree char *dir = rw_test_make_dir ();
  g_autoptr(RwDatabase) db = rw_database_open (dir, NULL);
  g_autoptr(RwAround) around = NULL;
  g_autofree char *text = NULL;

  around = rw_around_load (db, RW_SERIES_MOOD, RW_AROUND_PHASE_ALL, NULL);
  g_assert_cmpuint (rw_around_get_n_sessions (around), ==, 0);
  g_assert_null (rw_around_describe (around));
  g_clear_pointer (&around, rw_around_unref);

  add_week_around (db, day ("2026-03-10"));
  add_session (db, day ("2026-03-10"), "induction", TRUE, FALSE);
  around = rw_around_load (db, RW_SERIES_MOOD, RW_AROUND_PHASE_ALL, NULL);
  g_assert_null (rw_around_get_comparison (around));
  text = rw_around_describe (around);
  g_assert_true (g_str_has_prefix (text, "Mood around 1 session:"));
  g_assert_null (strstr (text, "higher"));

  g_clear_object (&db);
  rw_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/around/before-after-and-day-excluded", test_before_after_and_day_excluded);
  g_test_add_func ("/around/mean-by-offset-and-phase", test_mean_by_offset);
  g_test_add_func ("/around/minimum-days", test_minimum_days);
  g_test_add_func ("/around/shortened-window", test_shortened_window);
  g_test_add_func ("/around/chance-check", test_chance_check);
  g_test_add_func ("/around/describe-without-check", test_describe_without_check);

  return g_test_run ();
}
