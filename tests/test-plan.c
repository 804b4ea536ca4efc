/* test-plan.c: the 7-day plan's data and progress against a real journal.
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "rw-core-sql.h"
#include "rw-test-util.h"

typedef struct
{
  char *dir;
  RwDatabase *db;
  RwPlan *plan;
} Fixture;

static guint32
day (const char *iso)
{
  return rw_date_from_iso (iso);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = rw_test_make_dir ();
  f->db = rw_database_open (f->dir, &error);
  g_assert_no_error (error);
  f->plan = rw_plan_load ("starter-week", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  rw_plan_free (f->plan);
  g_clear_object (&f->db);
  rw_test_remove_dir (f->dir);
  g_free (f->dir);
}

static void
add_check_in (Fixture    *f,
              const char *date,
              const char *tag)
{
  g_autoptr(RwCheckIn) check_in = rw_check_in_new ();
  const char *tags[] = { tag, NULL };

  rw_check_in_set_date (check_in, date);
  rw_check_in_set_time (check_in, "20:00");
  rw_check_in_set_metric (check_in, RW_METRIC_MOOD, 5);
  if (tag != NULL)
    rw_check_in_set_tags (check_in, tags);
  rw_test_insert (f->db, check_in);
}

static void
test_data (Fixture       *f,
           gconstpointer  data)
{
  RwPlanTask *task;
  guint on = 0;

  g_assert_cmpstr (f->plan->id, ==, "starter-week");
  for (guint d = 0; d < RW_PLAN_DAYS; d++)
    {
      g_assert_cmpuint (f->plan->days[d].number, ==, d + 1);
      g_assert_cmpuint (f->plan->days[d].tasks->len, >, 0);
      g_assert_cmpuint (strlen (f->plan->days[d].why), >, 40);
    }
  g_assert_cmpuint (f->plan->checklist->len, ==, 7);

  task = rw_plan_find_task (f->plan, "d1-questions", &on);
  g_assert_cmpuint (on, ==, 1);
  g_assert_true (g_str_has_prefix (task->link, "guide:"));
  g_assert_cmpint (rw_plan_find_task (f->plan, "d2-check-in", &on)->kind, ==, RW_TASK_CHECK_IN);
  task = rw_plan_find_task (f->plan, "d3-breathe", &on);
  g_assert_cmpint (task->kind, ==, RW_TASK_BREATHING);
  g_assert_cmpuint (task->minutes, ==, 10);
  task = rw_plan_find_task (f->plan, "d4-move", &on);
  g_assert_true (g_strv_contains ((const char * const *) task->tags, "walk"));
  g_assert_true (g_strv_contains ((const char * const *) task->tags, "exercise"));
  task = rw_plan_find_task (f->plan, "d5-evening", &on);
  g_assert_true (g_strv_contains ((const char * const *) task->tags, "good sleep routine"));
  g_assert_cmpint (rw_plan_find_task (f->plan, "d7-reflect", &on)->kind, ==, RW_TASK_REFLECTION);
}

/* Day 1 begins with the person's own prescriber or GP, before any clinic;
 * the plan says what to do if mood drops and leads to Get Help Now; the
 * breathing day says to stop if dizzy. */
static void
test_safety_words (Fixture       *f,
                   gconstpointer  data)
{
  RwPlanDay *day1 = &f->plan->days[0];
  RwPlanTask *first = g_ptr_array_index (day1->tasks, 0);
  RwPlanTask *breathe = NULL;
  const char *prescriber = strstr (day1->why, "prescriber or GP");
  const char *clinic = strstr (day1->why, "clinic");

  g_assert_nonnull (prescriber);
  g_assert_true (clinic == NULL || prescriber < clinic);
  g_assert_nonnull (strstr (day1->title, "prescriber"));
  g_assert_nonnull (strstr (first->text, "prescriber or GP"));
  for (guint i = 0; i < day1->tasks->len; i++)
    {
      RwPlanTask *task = g_ptr_array_index (day1->tasks, i);

      /* Booking a clinic is never the first step. */
      g_assert_null (strstr (task->text, "Book"));
    }

  g_assert_nonnull (f->plan->mood_drops);
  g_assert_nonnull (strstr (f->plan->mood_drops, "mood drops"));
  g_assert_cmpstr (f->plan->mood_drops_link, ==, "app:help");

  for (guint d = 0; d < RW_PLAN_DAYS && breathe == NULL; d++)
    for (guint i = 0; i < f->plan->days[d].tasks->len; i++)
      {
        RwPlanTask *task = g_ptr_array_index (f->plan->days[d].tasks, i);

        if (task->kind == RW_TASK_BREATHING)
          {
            breathe = task;
            g_assert_nonnull (strstr (f->plan->days[d].why, "dizzy"));
            g_assert_nonnull (strstr (f->plan->days[d].why, "stop"));
          }
      }
  g_assert_nonnull (breathe);
}

static void
test_bad_data_refused (void)
{
  const char *bad[] = {
    "{}",
    "{\"id\":\"x\",\"title\":\"t\",\"days\":[]}",
    "not json",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_null (rw_plan_parse (bad[i], strlen (bad[i]), &error));
      g_assert_nonnull (error);
    }
}

static void
test_start_check_uncheck (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(RwPlanRun) run = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *source = NULL;
  guint done = 0, total = 0;

  g_assert_null (rw_plan_get_active (f->db, f->plan, &error));
  g_assert_no_error (error);

  run = rw_plan_start (f->db, f->plan, day ("2026-11-16"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rw_plan_run_get_day (run, day ("2026-11-15")), ==, 0);
  g_assert_cmpuint (rw_plan_run_get_day (run, day ("2026-11-16")), ==, 1);
  g_assert_cmpuint (rw_plan_run_get_day (run, day ("2026-11-19")), ==, 4);
  g_assert_cmpuint (rw_plan_run_get_day (run, day ("2026-11-30")), ==, 8);

  g_assert_true (rw_plan_set_checked (f->db, run, "d1-research", TRUE, NULL, &error));
  g_assert_true (rw_plan_set_checked (f->db, run, "c-consult", TRUE, NULL, &error));
  g_assert_cmpint (rw_plan_get_checked (f->db, run, "d1-research", &source), >, 0);
  g_assert_cmpstr (source, ==, "manual");
  rw_plan_count_tasks (f->db, f->plan, run, &done, &total);
  g_assert_cmpuint (done, ==, 1);     /* checklist items are not tasks */
  g_assert_cmpuint (total, ==, 9);

  g_assert_true (rw_plan_set_checked (f->db, run, "d1-research", FALSE, NULL, &error));
  g_assert_cmpint (rw_plan_get_checked (f->db, run, "d1-research", NULL), ==, 0);
  rw_plan_count_tasks (f->db, f->plan, run, &done, &total);
  g_assert_cmpuint (done, ==, 0);

  /* Notes per day. */
  g_assert_true (rw_plan_set_note (f->db, run, 3, "Breathing felt odd at first.", &error));
  {
    g_autofree char *note = rw_plan_get_note (f->db, run, 3);
    g_assert_cmpstr (note, ==, "Breathing felt odd at first.");
  }
}

static void
test_pause_and_shift (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(RwPlanRun) run = NULL;
  g_autoptr(RwPlanRun) again = NULL;
  g_autoptr(GError) error = NULL;

  run = rw_plan_start (f->db, f->plan, day ("2026-11-10"), &error);
  g_assert_true (rw_plan_set_checked (f->db, run, "d1-research", TRUE, NULL, &error));

  /* Paused on day 3 for four days: still day 3, then on with nothing lost. */
  g_assert_true (rw_plan_pause (f->db, run, day ("2026-11-12"), &error));
  g_assert_cmpuint (rw_plan_run_get_day (run, day ("2026-11-15")), ==, 3);
  g_assert_true (rw_plan_resume (f->db, run, day ("2026-11-16"), &error));
  g_assert_cmpuint (rw_plan_run_get_day (run, day ("2026-11-16")), ==, 3);
  g_assert_cmpuint (rw_plan_run_get_date (run, 1), ==, day ("2026-11-14"));
  g_assert_cmpint (rw_plan_get_checked (f->db, run, "d1-research", NULL), >, 0);

  /* Shifted a day later. */
  g_assert_true (rw_plan_shift (f->db, run, 1, &error));
  g_assert_cmpuint (rw_plan_run_get_day (run, day ("2026-11-16")), ==, 2);

  /* What was saved is what is read back. */
  again = rw_plan_get_active (f->db, f->plan, &error);
  g_assert_cmpuint (again->start, ==, day ("2026-11-15"));
  g_assert_cmpuint (again->paused_on, ==, 0);
  g_assert_no_error (error);
}

static void
test_restart_keeps_history (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(RwPlanRun) first = NULL;
  g_autoptr(RwPlanRun) second = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GError) error = NULL;

  first = rw_plan_start (f->db, f->plan, day ("2026-10-01"), &error);
  g_assert_true (rw_plan_set_checked (f->db, first, "d6-partner", TRUE, NULL, &error));
  second = rw_plan_start (f->db, f->plan, day ("2026-11-20"), &error);
  g_assert_no_error (error);
  g_assert_cmpint (second->id, !=, first->id);
  /* The new run starts fresh; the old one keeps what was done. */
  g_assert_cmpint (rw_plan_get_checked (f->db, second, "d6-partner", NULL), ==, 0);
  g_assert_cmpint (rw_plan_get_checked (f->db, first, "d6-partner", NULL), >, 0);

  runs = rw_plan_list_runs (f->db, f->plan, &error);
  g_assert_cmpuint (runs->len, ==, 2);
  g_assert_false (((RwPlanRun *) g_ptr_array_index (runs, 0))->ended);
  g_assert_true (((RwPlanRun *) g_ptr_array_index (runs, 1))->ended);
}

static void
test_auto_completion (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(RwPlanRun) run = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *source = NULL;
  g_autoptr(GDateTime) evening = g_date_time_new_local (2026, 11, 12, 21, 0, 0);

  run = rw_plan_start (f->db, f->plan, day ("2026-11-10"), &error);
  g_assert_cmpuint (rw_plan_refresh (f->db, f->plan, run, &error), ==, 0);

  /* Any check-in is a first check-in, even one before day 2. */
  add_check_in (f, "2026-11-10", NULL);
  g_assert_cmpuint (rw_plan_refresh (f->db, f->plan, run, &error), ==, 1);
  add_check_in (f, "2026-11-11", NULL);
  g_assert_cmpuint (rw_plan_refresh (f->db, f->plan, run, &error), ==, 0);
  g_assert_cmpint (rw_plan_get_checked (f->db, run, "d2-check-in", &source), >, 0);
  g_assert_cmpstr (source, ==, "check-in");

  /* Day 4 (13th): a walk tagged on another day does not count; on the day it does. */
  add_check_in (f, "2026-11-12", "walk");
  g_assert_cmpuint (rw_plan_refresh (f->db, f->plan, run, &error), ==, 0);
  add_check_in (f, "2026-11-13", "Exercise");
  g_assert_cmpuint (rw_plan_refresh (f->db, f->plan, run, &error), ==, 1);
  /* Day 5 (14th): "good sleep routine". */
  add_check_in (f, "2026-11-14", "good sleep routine");
  g_assert_cmpuint (rw_plan_refresh (f->db, f->plan, run, &error), ==, 1);

  /* Day 3 (12th): a 5-minute session is not enough, a 10-minute one is. */
  g_assert_true (rw_breathing_record (f->db, "box", 300, g_date_time_to_unix (evening) * G_USEC_PER_SEC, &error));
  g_assert_cmpuint (rw_plan_refresh (f->db, f->plan, run, &error), ==, 0);
  g_assert_true (rw_breathing_record (f->db, "4-7-8", 600, g_date_time_to_unix (evening) * G_USEC_PER_SEC, &error));
  g_assert_cmpuint (rw_plan_refresh (f->db, f->plan, run, &error), ==, 1);
  g_assert_cmpint (rw_plan_get_checked (f->db, run, "d3-breathe", NULL), >, 0);

  /* Unticked by hand: not ticked again. */
  g_assert_true (rw_plan_set_checked (f->db, run, "d2-check-in", FALSE, NULL, &error));
  g_assert_cmpuint (rw_plan_refresh (f->db, f->plan, run, &error), ==, 0);
  g_assert_cmpint (rw_plan_get_checked (f->db, run, "d2-check-in", NULL), ==, 0);
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/plan/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("data", test_data);
  ADD ("safety-words", test_safety_words);
  g_test_add_func ("/plan/bad-data-refused", test_bad_data_refused);
  ADD ("start-check-uncheck", test_start_check_uncheck);
  ADD ("pause-and-shift", test_pause_and_shift);
  ADD ("restart-keeps-history", test_restart_keeps_history);
  ADD ("auto-completion", test_auto_completion);

#undef ADD

  return g_test_run ();
}
