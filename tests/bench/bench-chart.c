/* bench-chart.c: a full redraw of the "all" range over ten years of daily
 * check-ins (points, 7-day mean, sleep bars and quality, axes, legend and
 * text, antialiased, nothing cached as a bitmap), against a naive
 * antialiased polyline through every day's mood on the same surface, in
 * the same run. Prints both medians and their ratio.
 *
 *   bench-chart [--width 1200] [--height 600] [--runs 30]
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "rw-core.h"

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

int
main (int    argc,
      char **argv)
{
  int width = 1200, height = 600, runs = 30;
  guint days = 3650;
  GOptionEntry entries[] = {
    { "width", 0, 0, G_OPTION_ARG_INT, &width, "Width in pixels", "W" },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, "Height in pixels", "H" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Redraws to time", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);
  g_autoptr(RwSeries) series = NULL;
  g_autoptr(RwChart) chart = rw_chart_new ();
  g_autofree double *chart_times = NULL;
  g_autofree double *line_times = NULL;
  g_autofree double *moods = g_new (double, days);
  cairo_surface_t *surface;
  RwChartStyle style;
  guint32 first = rw_julian_from_iso ("2016-11-23");
  double mood = 5;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, NULL) || runs < 1)
    return 1;
  chart_times = g_new (double, runs);
  line_times = g_new (double, runs);

  /* Ten years of daily check-ins: mood wanders, sleep 5–9 h. */
  for (guint i = 0; i < days; i++)
    {
      RwCheckIn *check_in = rw_check_in_new ();
      g_autofree char *date = rw_julian_to_iso (first + i);

      mood = CLAMP (mood + g_rand_double_range (rand, -1.5, 1.5), 0, 10);
      moods[i] = round (mood);
      rw_check_in_set_date (check_in, date);
      rw_check_in_set_time (check_in, "09:00");
      rw_check_in_set_metric (check_in, RW_METRIC_MOOD, (int) moods[i]);
      rw_check_in_set_metric (check_in, RW_METRIC_SLEEP_QUALITY, g_rand_int_range (rand, 2, 10));
      rw_check_in_set_sleep_hours (check_in, g_rand_int_range (rand, 20, 37) / 4.0);
      g_ptr_array_add (list, check_in);
    }
  series = rw_series_new_from_check_ins (list, first, first + days - 1);
  rw_chart_set_series (chart, series);
  rw_chart_style_init (&style, FALSE);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);

  for (int r = 0; r < runs; r++)
    {
      cairo_t *cr;
      gint64 start;

      /* The chart, from scratch. */
      cr = cairo_create (surface);
      start = g_get_monotonic_time ();
      rw_chart_draw (chart, cr, width, height, &style);
      cairo_surface_flush (surface);
      chart_times[r] = (g_get_monotonic_time () - start) / 1000.0;
      cairo_destroy (cr);

      /* The baseline: one antialiased polyline through every day. */
      cr = cairo_create (surface);
      start = g_get_monotonic_time ();
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_set_source_rgb (cr, 0.1, 0.4, 0.8);
      cairo_set_line_width (cr, 1.5);
      cairo_set_antialias (cr, CAIRO_ANTIALIAS_DEFAULT);
      for (guint i = 0; i < days; i++)
        {
          double x = 36 + (i + 0.5) * (width - 72.0) / days;
          double y = 34 + (height - 60.0) * (1 - moods[i] / 10);

          if (i == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      cairo_stroke (cr);
      cairo_surface_flush (surface);
      line_times[r] = (g_get_monotonic_time () - start) / 1000.0;
      cairo_destroy (cr);
    }
  cairo_surface_destroy (surface);

  {
    double c = median (chart_times, runs), l = median (line_times, runs);

    g_print ("| %dx%d, %u days, %d runs | full chart %.2f ms | naive polyline %.2f ms | "
             "ratio %.3f (target <= 0.125) |\n", width, height, days, runs, c, l, c / l);
  }
  return 0;
}
