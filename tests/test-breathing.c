/* test-breathing.c: the breathing timer's phases, driven by a manual clock.
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rw-core.h"

static void
count_cb (gpointer counter)
{
  (*(guint *) counter)++;
}

static void
advance (RwClock *clock,
         double   seconds)
{
  /* In small steps, as the real clock would fire the ticks. */
  for (gint64 us = (gint64) (seconds * G_USEC_PER_SEC); us > 0; us -= 50000)
    rw_clock_advance (clock, MIN (us, 50000));
}

static void
test_box_sequence (void)
{
  g_autoptr(RwClock) clock = rw_clock_new_manual ("2026-11-22", "21:00");
  g_autoptr(RwBreathing) breathing = rw_breathing_new (clock);
  const RwBreathingPhase expected[] = {
    RW_PHASE_INHALE, RW_PHASE_HOLD_IN, RW_PHASE_EXHALE, RW_PHASE_HOLD_OUT,
    RW_PHASE_INHALE, RW_PHASE_HOLD_IN, RW_PHASE_EXHALE, RW_PHASE_HOLD_OUT,
  };
  guint finished = 0;

  g_signal_connect_swapped (breathing, "finished", G_CALLBACK (count_cb), &finished);
  g_assert_cmpint (rw_breathing_get_phase (breathing), ==, RW_PHASE_IDLE);
  rw_breathing_start (breathing, RW_BREATHING_BOX, 32);

  /* Each phase lasts 4 s: look half-way through each. */
  advance (clock, 2);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpint (rw_breathing_get_phase (breathing), ==, expected[i]);
      g_assert_cmpfloat_with_epsilon (rw_breathing_get_phase_progress (breathing), 0.5, 1e-6);
      g_assert_cmpuint (rw_breathing_get_phase_seconds_left (breathing), ==, 2);
      if (i + 1 < G_N_ELEMENTS (expected))
        advance (clock, 4);
    }
  /* The shape is full while holding in and empty while holding out. */
  g_assert_cmpfloat (rw_breathing_get_size (breathing), ==, 0);
  g_assert_cmpuint (finished, ==, 0);
  g_assert_cmpuint (rw_breathing_get_seconds_left (breathing), ==, 2);

  advance (clock, 2.1);
  g_assert_cmpuint (finished, ==, 1);
  g_assert_cmpint (rw_breathing_get_phase (breathing), ==, RW_PHASE_DONE);
  g_assert_false (rw_breathing_is_running (breathing));
  g_assert_cmpuint (rw_breathing_get_seconds_done (breathing), ==, 32);
}

static void
test_478_sequence (void)
{
  g_autoptr(RwClock) clock = rw_clock_new_manual ("2026-11-22", "21:00");
  g_autoptr(RwBreathing) breathing = rw_breathing_new (clock);

  rw_breathing_start (breathing, RW_BREATHING_4_7_8, 60);
  advance (clock, 3.9);
  g_assert_cmpint (rw_breathing_get_phase (breathing), ==, RW_PHASE_INHALE);
  advance (clock, 0.2);            /* 4.1 s */
  g_assert_cmpint (rw_breathing_get_phase (breathing), ==, RW_PHASE_HOLD_IN);
  g_assert_cmpfloat (rw_breathing_get_size (breathing), ==, 1);
  advance (clock, 7);              /* 11.1 s */
  g_assert_cmpint (rw_breathing_get_phase (breathing), ==, RW_PHASE_EXHALE);
  g_assert_cmpuint (rw_breathing_get_phase_seconds_left (breathing), ==, 8);
  advance (clock, 8);              /* 19.1 s: no hold out, straight back in */
  g_assert_cmpint (rw_breathing_get_phase (breathing), ==, RW_PHASE_INHALE);
}

static void
test_pause_resume_stop (void)
{
  g_autoptr(RwClock) clock = rw_clock_new_manual ("2026-11-22", "21:00");
  g_autoptr(RwBreathing) breathing = rw_breathing_new (clock);
  guint finished = 0;

  g_signal_connect_swapped (breathing, "finished", G_CALLBACK (count_cb), &finished);
  rw_breathing_start (breathing, RW_BREATHING_BOX, 20);
  advance (clock, 5);               /* hold in, 1 s into it */
  rw_breathing_pause (breathing);
  g_assert_true (rw_breathing_is_paused (breathing));
  advance (clock, 60);              /* a long pause changes nothing */
  g_assert_cmpint (rw_breathing_get_phase (breathing), ==, RW_PHASE_HOLD_IN);
  g_assert_cmpuint (rw_breathing_get_seconds_left (breathing), ==, 15);
  g_assert_cmpuint (finished, ==, 0);

  rw_breathing_resume (breathing);
  advance (clock, 3.5);             /* 8.5 s breathed: exhale */
  g_assert_cmpint (rw_breathing_get_phase (breathing), ==, RW_PHASE_EXHALE);

  /* Stopping early does not count as finished. */
  rw_breathing_stop (breathing);
  advance (clock, 30);
  g_assert_cmpuint (finished, ==, 0);
  g_assert_cmpint (rw_breathing_get_phase (breathing), ==, RW_PHASE_IDLE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/breathing/box-sequence", test_box_sequence);
  g_test_add_func ("/breathing/4-7-8-sequence", test_478_sequence);
  g_test_add_func ("/breathing/pause-resume-stop", test_pause_resume_stop);

  return g_test_run ();
}
