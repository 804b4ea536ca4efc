/* test-plan-progress.c: RwPlanProgress against a real journal, without a
 * display: the run's commands, tasks that tick themselves as the journal
 * changes, notes, the reflection, the ring's counts, history, another
 * process, and writes that fail.
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "rw-core-sql.h"
#include "rw-journal-private.h"
#include "rw-test-util.h"
#include "rw-test-vfs.h"

typedef struct
{
  char *dir;
  RwJournal *journal;
  RwClock *clock;
  RwPlanProgress *progress;
  guint changed;
} Fixture;

static guint32
day (const char *iso)
{
  return rw_date_from_iso (iso);
}

static void
changed_cb (RwPlanProgress *progress,
            Fixture        *f)
{
  f->changed++;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RwPlan *plan;

  rw_test_vfs_set_mode (RW_TEST_VFS_NORMAL);
  f->dir = rw_test_make_dir ();
  f->journal = rw_journal_open (f->dir, &error);
  g_assert_no_error (error);
  f->clock = rw_clock_new_manual ("2026-11-10", "09:00");
  plan = rw_plan_load ("starter-week", &error);
  g_assert_no_error (error);
  f->progress = rw_plan_progress_new (f->journal, plan, f->clock);
  g_signal_connect (f->progress, "changed", G_CALLBACK (changed_cb), f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  rw_test_vfs_set_mode (RW_TEST_VFS_NORMAL);
  g_clear_object (&f->progress);
  g_clear_object (&f->journal);
  g_clear_object (&f->clock);
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
  g_autoptr(GError) error = NULL;

  rw_check_in_set_date (check_in, date);
  rw_check_in_set_time (check_in, "20:00");
  rw_check_in_set_metric (check_in, RW_METRIC_MOOD, 5);
  if (tag != NULL)
    rw_check_in_set_tags (check_in, tags);
  g_assert_true (rw_journal_add (f->journal, check_in, &error));
  g_assert_no_error (error);
}

static void
start (Fixture    *f,
       const char *date)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rw_plan_progress_start (f->progress, day (date), &error));
  g_assert_no_error (error);
}

/* A plan read afresh (the window opening on the 7-Day Plan) writes nothing
 * before the main loop is idle; then it ticks what the journal shows done. */
static void
test_first_read_writes_nothing (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(RwPlanProgress) fresh = NULL;
  g_autofree char *path = g_build_filename (f->dir, RW_DATABASE_FILE_NAME, NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *ticked = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RwJournal) journal = NULL;
  guint changed = 0;

  start (f, "2026-11-10");
  g_clear_object (&f->progress);
  g_clear_object (&f->journal);

  /* A check-in of day 2 written by another process, while the plan was
   * not looking. */
  {
    g_autoptr(RwJournal) other = rw_journal_open (f->dir, &error);
    g_autoptr(RwCheckIn) check_in = rw_check_in_new ();

    g_assert_no_error (error);
    rw_check_in_set_date (check_in, "2026-11-11");
    rw_check_in_set_time (check_in, "20:00");
    rw_check_in_set_metric (check_in, RW_METRIC_MOOD, 5);
    g_assert_true (rw_journal_add (other, check_in, &error));
  }

  journal = rw_journal_open (f->dir, &error);
  g_assert_no_error (error);
  before = rw_test_journal_checksum (path);
  fresh = rw_plan_progress_new (journal, rw_plan_load ("starter-week", NULL), f->clock);
  g_signal_connect_swapped (fresh, "changed", G_CALLBACK (g_atomic_int_inc), &changed);
  g_assert_nonnull (rw_plan_progress_get_run (fresh));
  g_assert_cmpint (rw_plan_progress_get_checked (fresh, "d2-check-in", NULL), ==, 0);
  after = rw_test_journal_checksum (path);
  g_assert_cmpstr (after, ==, before);

  while (changed == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (rw_plan_progress_get_checked (fresh, "d2-check-in", NULL), >, 0);
  ticked = rw_test_journal_checksum (path);
  g_assert_cmpstr (ticked, !=, before);
}

static void
test_lazy (Fixture       *f,
           gconstpointer  data)
{
  /* Nothing read yet, so a change in the journal announces nothing. */
  add_check_in (f, "2026-11-10", NULL);
  g_assert_cmpuint (f->changed, ==, 0);
  g_assert_null (rw_plan_progress_get_run (f->progress));
  g_assert_cmpuint (rw_plan_progress_get_day (f->progress), ==, 0);
  g_assert_false (rw_plan_progress_get_paused (f->progress));
}

typedef enum
{
  CMD_START,
  CMD_PAUSE,
  CMD_RESUME,
  CMD_SHIFT,
  CMD_RESTART,
  CMD_END,
} Command;

static const struct
{
  const char *today;
  Command command;
  int days;                 /* CMD_SHIFT */
  const char *start;        /* CMD_START; then the run's day 1, NULL: no run */
  guint day;
  gboolean paused;
} run_steps[] = {
  { "2026-11-10", CMD_START,   0, "2026-11-12", 0, FALSE },   /* starts in two days */
  { "2026-11-10", CMD_START,   0, "2026-11-10", 1, FALSE },   /* started again today */
  { "2026-11-12", CMD_PAUSE,   0, "2026-11-10", 3, TRUE },
  { "2026-11-15", CMD_PAUSE,   0, "2026-11-10", 3, TRUE },    /* still day 3, nothing moves */
  { "2026-11-16", CMD_RESUME,  0, "2026-11-14", 3, FALSE },   /* on from day 3 */
  { "2026-11-16", CMD_SHIFT,   1, "2026-11-15", 2, FALSE },
  { "2026-11-16", CMD_SHIFT,  -3, "2026-11-12", 5, FALSE },
  { "2026-11-25", CMD_RESUME,  0, "2026-11-12", 8, FALSE },   /* the week is over */
  { "2026-11-25", CMD_RESTART, 0, "2026-11-25", 1, FALSE },
  { "2026-11-25", CMD_END,     0, NULL,         0, FALSE },
};

static void
test_commands (Fixture       *f,
               gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (run_steps); i++)
    {
      g_autoptr(GError) error = NULL;
      const RwPlanRun *run;
      gboolean ok = FALSE;

      g_test_message ("step %u", i);
      rw_clock_set_today (f->clock, run_steps[i].today);
      f->changed = 0;
      switch (run_steps[i].command)
        {
        case CMD_START:
          ok = rw_plan_progress_start (f->progress, day (run_steps[i].start), &error);
          break;
        case CMD_PAUSE:
          ok = rw_plan_progress_pause (f->progress, &error);
          break;
        case CMD_RESUME:
          ok = rw_plan_progress_resume (f->progress, &error);
          break;
        case CMD_SHIFT:
          ok = rw_plan_progress_shift (f->progress, run_steps[i].days, &error);
          break;
        case CMD_RESTART:
          ok = rw_plan_progress_restart (f->progress, &error);
          break;
        case CMD_END:
          ok = rw_plan_progress_end (f->progress, &error);
          break;
        }
      g_assert_no_error (error);
      g_assert_true (ok);
      /* Every command is announced once, even one that changed nothing. */
      g_assert_cmpuint (f->changed, ==, 1);

      run = rw_plan_progress_get_run (f->progress);
      if (run_steps[i].start == NULL)
        g_assert_null (run);
      else
        {
          g_autoptr(RwPlanRun) stored = NULL;
          RwDatabase *db = rw_journal_get_database (f->journal);

          g_assert_nonnull (run);
          g_assert_cmpuint (run->start, ==, day (run_steps[i].start));
          /* What it shows is what is stored. */
          stored = rw_plan_get_active (db, rw_plan_progress_get_plan (f->progress), NULL);
          g_assert_cmpuint (stored->start, ==, run->start);
          g_assert_cmpuint (stored->paused_on, ==, run->paused_on);
        }
      g_assert_cmpuint (rw_plan_progress_get_day (f->progress), ==, run_steps[i].day);
      g_assert_cmpint (rw_plan_progress_get_paused (f->progress), ==, run_steps[i].paused);
    }
}

typedef void (*NoRunFunc) (RwPlanProgress *progress, GError **error);

static void no_run_pause (RwPlanProgress *p, GError **e) { rw_plan_progress_pause (p, e); }
static void no_run_resume (RwPlanProgress *p, GError **e) { rw_plan_progress_resume (p, e); }
static void no_run_shift (RwPlanProgress *p, GError **e) { rw_plan_progress_shift (p, 1, e); }
static void no_run_end (RwPlanProgress *p, GError **e) { rw_plan_progress_end (p, e); }
static void no_run_tick (RwPlanProgress *p, GError **e) { rw_plan_progress_toggle (p, "d1-research", e); }
static void no_run_note (RwPlanProgress *p, GError **e) { rw_plan_progress_set_note (p, 1, "x", e); }
static void no_run_reflect (RwPlanProgress *p, GError **e) { rw_plan_progress_save_reflection (p, "d7-reflect", "x", e); }

static void
test_nothing_without_a_run (Fixture       *f,
                            gconstpointer  data)
{
  static const NoRunFunc funcs[] = {
    no_run_pause, no_run_resume, no_run_shift, no_run_end, no_run_tick, no_run_note, no_run_reflect,
  };
  g_autoptr(GPtrArray) runs = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (funcs); i++)
    {
      g_autoptr(GError) error = NULL;

      funcs[i] (f->progress, &error);
      g_assert_error (error, RW_PLAN_ERROR, RW_PLAN_ERROR_NOT_STARTED);
    }
  g_assert_cmpuint (f->changed, ==, 0);
  runs = rw_plan_progress_list_runs (f->progress, NULL);
  g_assert_cmpuint (runs->len, ==, 0);
}

/* Tasks that tick themselves: each case in a fresh journal, the plan
 * started on 2026-11-10 (day 2 is the 11th, day 3 the 12th, day 4 the
 * 13th, day 5 the 14th). */
typedef enum { ADD_CHECK_IN, ADD_BREATHING } AddKind;

static const struct
{
  const char *name;
  AddKind kind;
  const char *date;
  const char *tag;           /* ADD_CHECK_IN */
  guint seconds;             /* ADD_BREATHING, ending at 21:00 on @date */
  const char *task;
  gboolean ticked;
  const char *source;
  guint done;                /* on the ring: any check-in ticks day 2 too */
} auto_cases[] = {
  { "check-in-before-day-2", ADD_CHECK_IN, "2026-11-10", NULL, 0, "d2-check-in", TRUE, "check-in", 1 },
  { "check-in-before-the-plan", ADD_CHECK_IN, "2016-11-10", NULL, 0, "d2-check-in", TRUE, "check-in", 1 },
  { "check-in-on-day-2", ADD_CHECK_IN, "2026-11-11", NULL, 0, "d2-check-in", TRUE, "check-in", 1 },
  { "check-in-after-day-2", ADD_CHECK_IN, "2026-11-13", NULL, 0, "d2-check-in", TRUE, "check-in", 1 },
  { "walk-on-another-day", ADD_CHECK_IN, "2026-11-12", "walk", 0, "d4-move", FALSE, NULL, 1 },
  { "exercise-on-day-4", ADD_CHECK_IN, "2026-11-13", "Exercise", 0, "d4-move", TRUE, "tag", 2 },
  { "routine-on-day-5", ADD_CHECK_IN, "2026-11-14", "good sleep routine", 0, "d5-evening", TRUE, "tag", 2 },
  { "five-minutes-breathing", ADD_BREATHING, "2026-11-12", NULL, 300, "d3-breathe", FALSE, NULL, 0 },
  { "ten-minutes-breathing", ADD_BREATHING, "2026-11-12", NULL, 600, "d3-breathe", TRUE, "breathing", 1 },
  { "breathing-before-day-3", ADD_BREATHING, "2026-11-11", NULL, 600, "d3-breathe", FALSE, NULL, 0 },
};

static void
test_ticks_itself (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (auto_cases); i++)
    {
      Fixture fixture = { 0 }, *f = &fixture;
      g_autoptr(GError) error = NULL;
      const char *source = NULL;
      guint done = 0, total = 0;

      g_test_message ("%s", auto_cases[i].name);
      fixture_setup (f, NULL);
      start (f, "2026-11-10");
      f->changed = 0;

      if (auto_cases[i].kind == ADD_CHECK_IN)
        add_check_in (f, auto_cases[i].date, auto_cases[i].tag);
      else
        {
          GDate date;
          g_autoptr(GDateTime) evening = NULL;

          g_date_clear (&date, 1);
          g_date_set_julian (&date, day (auto_cases[i].date));
          evening = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                           g_date_get_day (&date), 21, 0, 0);
          g_assert_true (rw_journal_record_breathing (f->journal, "box", auto_cases[i].seconds,
                                                      g_date_time_to_unix (evening) * G_USEC_PER_SEC,
                                                      &error));
          g_assert_no_error (error);
        }

      /* It follows the journal: no refresh asked for. */
      g_assert_cmpuint (f->changed, ==, 1);
      g_assert_cmpint (rw_plan_progress_get_checked (f->progress, auto_cases[i].task, &source), ==,
                       auto_cases[i].ticked);
      g_assert_cmpstr (source, ==, auto_cases[i].source);
      rw_plan_progress_count_tasks (f->progress, &done, &total);
      g_assert_cmpuint (done, ==, auto_cases[i].done);
      g_assert_cmpuint (total, ==, 9);

      fixture_teardown (f, NULL);
    }
}

static void
test_untick_is_remembered (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  start (f, "2026-11-10");
  add_check_in (f, "2026-11-11", NULL);
  g_assert_true (rw_plan_progress_get_checked (f->progress, "d2-check-in", NULL));

  g_assert_true (rw_plan_progress_toggle (f->progress, "d2-check-in", &error));
  g_assert_false (rw_plan_progress_get_checked (f->progress, "d2-check-in", NULL));
  add_check_in (f, "2026-11-12", NULL);
  g_assert_cmpuint (rw_plan_progress_refresh (f->progress, &error), ==, 0);
  g_assert_false (rw_plan_progress_get_checked (f->progress, "d2-check-in", NULL));

  /* Ticked again by hand, it is the person's tick. */
  g_assert_true (rw_plan_progress_toggle (f->progress, "d2-check-in", &error));
  {
    const char *source = NULL;

    g_assert_true (rw_plan_progress_get_checked (f->progress, "d2-check-in", &source));
    g_assert_cmpstr (source, ==, "manual");
  }

  /* Checklist items tick too, and count nothing on the ring. */
  g_assert_true (rw_plan_progress_toggle (f->progress, "c-consult", &error));
  g_assert_true (rw_plan_progress_get_checked (f->progress, "c-consult", NULL));
  {
    guint done = 0;

    rw_plan_progress_count_tasks (f->progress, &done, NULL);
    g_assert_cmpuint (done, ==, 1);
  }

  g_assert_false (rw_plan_progress_toggle (f->progress, "no-such-step", &error));
  g_assert_error (error, RW_PLAN_ERROR, RW_PLAN_ERROR_NO_SUCH_ITEM);
}

static void
test_notes (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;

  start (f, "2026-11-10");
  f->changed = 0;
  g_assert_null (rw_plan_progress_dup_note (f->progress, 3));
  g_assert_true (rw_plan_progress_set_note (f->progress, 3, "Breathing felt odd at first.", &error));
  g_assert_cmpuint (f->changed, ==, 1);
  note = rw_plan_progress_dup_note (f->progress, 3);
  g_assert_cmpstr (note, ==, "Breathing felt odd at first.");

  /* The same note again writes nothing. */
  g_assert_true (rw_plan_progress_set_note (f->progress, 3, "Breathing felt odd at first.", &error));
  g_assert_cmpuint (f->changed, ==, 1);

  g_assert_true (rw_plan_progress_set_note (f->progress, 3, "", &error));
  g_assert_null (rw_plan_progress_dup_note (f->progress, 3));
  g_assert_no_error (error);
}

static void
test_reflection (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) today = NULL;
  const char *source = NULL;

  start (f, "2026-11-10");
  rw_clock_set_today (f->clock, "2026-11-16");

  g_assert_false (rw_plan_progress_save_reflection (f->progress, "d7-reflect", "  \n ", &error));
  g_assert_error (error, RW_PLAN_ERROR, RW_PLAN_ERROR_EMPTY);
  g_clear_error (&error);
  g_assert_false (rw_plan_progress_save_reflection (f->progress, "d1-research", "x", &error));
  g_assert_error (error, RW_PLAN_ERROR, RW_PLAN_ERROR_NO_SUCH_ITEM);
  g_clear_error (&error);
  today = rw_journal_list_date (f->journal, "2026-11-16", NULL);
  g_assert_cmpuint (today->len, ==, 0);
  g_clear_pointer (&today, g_ptr_array_unref);

  f->changed = 0;
  g_assert_true (rw_plan_progress_save_reflection (f->progress, "d7-reflect",
                                                   " Sleep was the surprise. ", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->changed, ==, 1);
  g_assert_true (rw_plan_progress_get_checked (f->progress, "d7-reflect", &source));
  g_assert_cmpstr (source, ==, "reflection");

  /* It is a check-in of today in the journal. */
  today = rw_journal_list_date (f->journal, "2026-11-16", NULL);
  g_assert_cmpuint (today->len, ==, 1);
  g_assert_cmpstr (rw_check_in_get_note (g_ptr_array_index (today, 0)), ==,
                   "Reflection after the first week: Sleep was the surprise.");
  g_assert_cmpstr (rw_check_in_get_time (g_ptr_array_index (today, 0)), ==, "09:00");
  /* ...which also completes "save your first check-in". */
  g_assert_true (rw_plan_progress_get_checked (f->progress, "d2-check-in", NULL));
}

static void
test_history (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first_id;

  start (f, "2026-10-01");
  first_id = rw_plan_progress_get_run (f->progress)->id;
  g_assert_true (rw_plan_progress_toggle (f->progress, "d6-partner", &error));
  rw_clock_set_today (f->clock, "2026-11-20");
  g_assert_true (rw_plan_progress_restart (f->progress, &error));

  /* A fresh run; the old one keeps what was done. */
  g_assert_cmpint (rw_plan_progress_get_run (f->progress)->id, !=, first_id);
  g_assert_false (rw_plan_progress_get_checked (f->progress, "d6-partner", NULL));
  runs = rw_plan_progress_list_runs (f->progress, &error);
  g_assert_cmpuint (runs->len, ==, 2);
  g_assert_false (((RwPlanRun *) g_ptr_array_index (runs, 0))->ended);
  g_assert_true (((RwPlanRun *) g_ptr_array_index (runs, 1))->ended);
  g_assert_cmpint (rw_plan_get_checked (rw_journal_get_database (f->journal),
                                        g_ptr_array_index (runs, 1), "d6-partner", NULL), >, 0);
}

static void
test_other_process (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(RwJournal) other = NULL;
  g_autoptr(RwPlanRun) run = NULL;
  g_autoptr(RwPlan) plan = rw_plan_load ("starter-week", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_null (rw_plan_progress_get_run (f->progress));
  other = rw_journal_open (f->dir, &error);
  g_assert_no_error (error);
  run = rw_plan_start (rw_journal_get_database (other), plan, day ("2026-11-09"), &error);
  g_assert_nonnull (run);

  g_assert_true (rw_journal_poll_changes (f->journal));
  g_assert_cmpuint (f->changed, ==, 1);
  g_assert_nonnull (rw_plan_progress_get_run (f->progress));
  g_assert_cmpuint (rw_plan_progress_get_day (f->progress), ==, 2);
}

static void
test_failed_write_changes_nothing (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  start (f, "2026-11-10");
  rw_clock_set_today (f->clock, "2026-11-11");
  f->changed = 0;

  rw_test_vfs_set_mode (RW_TEST_VFS_DISK_FULL);
  g_assert_false (rw_plan_progress_pause (f->progress, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (rw_plan_progress_shift (f->progress, 2, &error));
  g_clear_error (&error);
  g_assert_false (rw_plan_progress_toggle (f->progress, "d1-research", &error));
  g_clear_error (&error);
  rw_test_vfs_set_mode (RW_TEST_VFS_NORMAL);

  /* Nothing announced, and it shows what is stored. */
  g_assert_cmpuint (f->changed, ==, 0);
  g_assert_false (rw_plan_progress_get_paused (f->progress));
  g_assert_cmpuint (rw_plan_progress_get_run (f->progress)->start, ==, day ("2026-11-10"));
  g_assert_cmpuint (rw_plan_progress_get_day (f->progress), ==, 2);
  g_assert_false (rw_plan_progress_get_checked (f->progress, "d1-research", NULL));
}

/* Years of check-ins, imported or saved before the plan began: "Save
 * your first check-in" is done the moment the plan starts. */
static void
test_journal_kept_before_the_plan (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->dir, "old.csv", NULL);
  const char *source = NULL;
  g_autoptr(GError) error = NULL;
  GString *text = g_string_new ("date,time,mood\n");

  for (guint i = 1; i <= 28; i++)
    g_string_append_printf (text, "2016-02-%02u,09:00,%u\n", i, i % 11);
  g_assert_true (g_file_set_contents (csv, text->str, -1, &error));
  g_string_free (text, TRUE);
  {
    RwImportResult result = { 0 };

    g_assert_true (rw_import_file (rw_journal_get_database (f->journal), csv, RW_FORMAT_CSV,
                                   &result, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (result.added, ==, 28);
  }

  start (f, "2026-11-10");
  g_assert_true (rw_plan_progress_get_checked (f->progress, "d2-check-in", &source));
  g_assert_cmpstr (source, ==, "check-in");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  rw_test_vfs_install ();

#define ADD(name, func) \
  g_test_add ("/plan-progress/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("lazy", test_lazy);
  ADD ("first-read-writes-nothing", test_first_read_writes_nothing);
  ADD ("commands", test_commands);
  ADD ("nothing-without-a-run", test_nothing_without_a_run);
  g_test_add_func ("/plan-progress/ticks-itself", test_ticks_itself);
  ADD ("untick-is-remembered", test_untick_is_remembered);
  ADD ("notes", test_notes);
  ADD ("reflection", test_reflection);
  ADD ("history", test_history);
  ADD ("other-process", test_other_process);
  ADD ("failed-write-changes-nothing", test_failed_write_changes_nothing);
  ADD ("journal-kept-before-the-plan", test_journal_kept_before_the_plan);

#undef ADD

  return g_test_run ();
}
