/* test-clock.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rw-clock.h"

static gboolean
count_cb (gpointer data)
{
  guint *n = data;

  (*n)++;
  return *n < 3;
}

static gboolean
once_cb (gpointer data)
{
  guint *n = data;

  (*n)++;
  return G_SOURCE_REMOVE;
}

static void
test_manual (void)
{
  g_autoptr(RwClock) clock = rw_clock_new_manual ("2026-11-22", "23:59");
  g_autofree char *today = rw_clock_dup_today (clock);
  g_autofree char *tomorrow = NULL;
  guint repeats = 0, once = 0, removed = 0;
  guint id;

  g_assert_true (rw_clock_is_manual (clock));
  g_assert_cmpstr (today, ==, "2026-11-22");

  rw_clock_add_timeout (clock, 1000, count_cb, &repeats, NULL);
  rw_clock_add_timeout (clock, 5000, once_cb, &once, NULL);
  id = rw_clock_add_timeout (clock, 2000, once_cb, &removed, NULL);
  rw_clock_remove_timeout (clock, id);

  rw_clock_advance (clock, 999 * 1000);
  g_assert_cmpuint (repeats, ==, 0);
  rw_clock_advance (clock, 1000);
  g_assert_cmpuint (repeats, ==, 1);
  rw_clock_advance (clock, 10 * G_USEC_PER_SEC);
  /* The repeating one stopped itself after three runs. */
  g_assert_cmpuint (repeats, ==, 3);
  g_assert_cmpuint (once, ==, 1);
  g_assert_cmpuint (removed, ==, 0);

  /* Eleven seconds after 23:59 it is still the 22nd; a minute later, not. */
  rw_clock_advance (clock, 60 * G_USEC_PER_SEC);
  tomorrow = rw_clock_dup_today (clock);
  g_assert_cmpstr (tomorrow, ==, "2026-11-23");

  rw_clock_set_today (clock, "2027-01-01");
  g_clear_pointer (&today, g_free);
  today = rw_clock_dup_today (clock);
  g_assert_cmpstr (today, ==, "2027-01-01");
}

static void
test_system (void)
{
  g_autoptr(RwClock) clock = rw_clock_new_system ();
  g_autoptr(GMainContext) context = g_main_context_ref_thread_default ();
  guint once = 0;
  gint64 start = rw_clock_get_monotonic (clock);

  rw_clock_add_timeout (clock, 10, once_cb, &once, NULL);
  while (once == 0)
    g_main_context_iteration (context, TRUE);
  g_assert_cmpint (rw_clock_get_monotonic (clock) - start, >=, 10000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/clock/manual", test_manual);
  g_test_add_func ("/clock/system", test_system);

  return g_test_run ();
}
