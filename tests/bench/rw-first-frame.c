/* rw-first-frame.c: preloaded (LD_PRELOAD) into Rewire and into the bare
 * window of bench-launch.py, the same way, to see when a window's first
 * frame has been drawn. It changes nothing the program does: it wraps
 * gtk_window_present() to follow the window's frame clock, and at the
 * first "after-paint" prints the monotonic time; with
 * RW_BENCH_RSS_AFTER_MS set it also prints the resident memory that long
 * afterwards. Then it ends the process (RW_BENCH_EXIT=1).
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <gtk/gtk.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static gboolean reported;

static long
rss_kib (void)
{
  char line[256];
  long kib = -1;
  FILE *status = fopen ("/proc/self/status", "r");

  if (status == NULL)
    return -1;
  while (fgets (line, sizeof line, status) != NULL)
    if (strncmp (line, "VmRSS:", 6) == 0)
      kib = strtol (line + 6, NULL, 10);
  fclose (status);
  return kib;
}

static gboolean
rss_cb (gpointer data)
{
  fprintf (stderr, "RW-BENCH RSS-KIB %ld\n", rss_kib ());
  fflush (stderr);
  if (g_strcmp0 (g_getenv ("RW_BENCH_EXIT"), "1") == 0)
    _exit (0);
  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  const char *rss_after = g_getenv ("RW_BENCH_RSS_AFTER_MS");

  if (reported)
    return;
  reported = TRUE;

  {
    struct timespec cpu;

    /* The wall time, and the CPU time the process used to get there,
     * which the rest of a busy machine disturbs less. */
    clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &cpu);
    fprintf (stderr, "RW-BENCH FIRST-FRAME %" G_GINT64_FORMAT " %ld\n", g_get_monotonic_time (),
             (long) (cpu.tv_sec * 1000000 + cpu.tv_nsec / 1000));
  }
  fflush (stderr);

  if (rss_after != NULL)
    g_timeout_add (atoi (rss_after), rss_cb, NULL);
  else if (g_strcmp0 (g_getenv ("RW_BENCH_EXIT"), "1") == 0)
    _exit (0);
}

void
gtk_window_present (GtkWindow *window)
{
  static void (*real_present) (GtkWindow *);
  GdkSurface *surface;

  if (real_present == NULL)
    real_present = (void (*) (GtkWindow *)) dlsym (RTLD_NEXT, "gtk_window_present");
  real_present (window);

  /* Only a main window counts, not a dialog presented with it. */
  if (reported || gtk_window_get_transient_for (window) != NULL)
    return;
  surface = gtk_native_get_surface (GTK_NATIVE (window));
  if (surface != NULL)
    g_signal_connect (gdk_surface_get_frame_clock (surface), "after-paint",
                      G_CALLBACK (after_paint_cb), NULL);
}
