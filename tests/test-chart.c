/* test-chart.c: render known data and look at the pixels where a point, a
 * gap, a bar, a week's band or a scale label must be; what one point
 * stands for at each width; the layout computed once, not for a hover;
 * and files that show what the screen shows.
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rw-core.h"
#include "rw-chart-private.h"
#include "rw-test-util.h"

#define WIDTH 700
#define HEIGHT 400

static guint32
march_1 (void)
{
  return rw_date_from_iso ("2026-03-01");
}

/* Check-ins from 1 March 2026, one a day; a negative mood and sleep is a
 * day without a check-in. */
static GPtrArray *
make_days (guint         n,
           const int    *moods,
           const double *sleep)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      RwCheckIn *check_in;
      g_autofree char *date = NULL;

      if (moods[i] < 0 && (sleep == NULL || sleep[i] < 0))
        continue;
      check_in = rw_check_in_new ();
      date = rw_date_to_iso (march_1 () + i);
      rw_check_in_set_date (check_in, date);
      rw_check_in_set_time (check_in, "09:00");
      rw_check_in_set_metric (check_in, RW_METRIC_MOOD, moods[i]);
      if (sleep != NULL)
        {
          rw_check_in_set_sleep_hours (check_in, sleep[i]);
          rw_check_in_set_metric (check_in, RW_METRIC_SLEEP_QUALITY, sleep[i] >= 0 ? 6 : RW_METRIC_UNSET);
        }
      g_ptr_array_add (list, check_in);
    }
  return list;
}

static RwSeries *
make_series (guint         n,
             const int    *moods,
             const double *sleep)
{
  g_autoptr(GPtrArray) list = make_days (n, moods, sleep);

  return rw_series_new_from_check_ins (list, march_1 (), march_1 () + n - 1);
}

/* @n days of moods and sleep that vary, with a few gaps. */
static RwSeries *
make_varied (guint n)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree int *moods = g_new (int, n);
  g_autofree double *sleep = g_new (double, n);

  for (guint i = 0; i < n; i++)
    {
      moods[i] = i % 97 == 5 ? -1 : g_rand_int_range (rand, 2, 9);
      sleep[i] = i % 89 == 3 ? -1 : g_rand_int_range (rand, 20, 37) / 4.0;
    }
  return make_series (n, moods, sleep);
}

static cairo_surface_t *
render (RwChart            *chart,
        const RwChartStyle *style,
        int                 width,
        int                 height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  rw_chart_draw (chart, cr, width, height, style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* How far the pixel at (x, y) is from @color over white (0 = the same). */
static double
distance (cairo_surface_t *surface,
          int              x,
          int              y,
          const RwColor   *color)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 pixel = *(const guint32 *) (data + y * stride + x * 4);
  double r = ((pixel >> 16) & 0xff) / 255.0;
  double g = ((pixel >> 8) & 0xff) / 255.0;
  double b = (pixel & 0xff) / 255.0;
  double a = color->alpha;

  return fabs (r - (color->red * a + 1 - a)) + fabs (g - (color->green * a + 1 - a)) +
         fabs (b - (color->blue * a + 1 - a));
}

/* Whether any pixel of column @x between @y0 and @y1 is close to @color. */
static gboolean
column_has (cairo_surface_t *surface,
            int              x,
            int              y0,
            int              y1,
            const RwColor   *color)
{
  for (int y = MAX (0, y0); y <= MIN (cairo_image_surface_get_height (surface) - 1, y1); y++)
    if (distance (surface, x, y, color) < 0.12)
      return TRUE;
  return FALSE;
}

/* Pixels that are not the white background in the box. */
static guint
count_ink (cairo_surface_t *surface,
           int              x0,
           int              y0,
           int              x1,
           int              y1)
{
  static const RwColor white = { 1, 1, 1, 1 };
  guint n = 0;

  for (int y = MAX (0, y0); y <= MIN (cairo_image_surface_get_height (surface) - 1, y1); y++)
    for (int x = MAX (0, x0); x <= MIN (cairo_image_surface_get_width (surface) - 1, x1); x++)
      n += distance (surface, x, y, &white) > 0.3;
  return n;
}

/* Pixels of @a and @b whose channels differ by more than @tolerance. */
static guint
count_differences (cairo_surface_t *a,
                   cairo_surface_t *b,
                   int              tolerance)
{
  const guint8 *da = cairo_image_surface_get_data (a), *db = cairo_image_surface_get_data (b);
  int stride = cairo_image_surface_get_stride (a);
  guint count = 0;

  g_assert_cmpint (stride, ==, cairo_image_surface_get_stride (b));
  g_assert_cmpint (cairo_image_surface_get_height (a), ==, cairo_image_surface_get_height (b));
  for (int y = 0; y < cairo_image_surface_get_height (a); y++)
    for (int x = 0; x < cairo_image_surface_get_width (a); x++)
      for (int k = 0; k < 4; k++)
        if (abs (da[y * stride + x * 4 + k] - db[y * stride + x * 4 + k]) > tolerance)
          {
            count++;
            break;
          }
  return count;
}

static void
test_point_gap_and_bar (void)
{
  /* 14 days; day 3 has no check-in at all; day 9 has mood but no sleep. */
  const int moods[14] = { 5, 6, 7, -1, 2, 8, 5, 5, 6, 9, 4, 5, 6, 7 };
  const double sleep[14] = { 7, 8, 6, -1, 5, 9, 7, 7, 6, -1, 8, 7, 6, 8 };
  g_autoptr(RwSeries) series = make_series (14, moods, sleep);
  g_autoptr(RwChart) chart = rw_chart_new ();
  RwChartStyle style;
  cairo_surface_t *surface;
  int x, y, top, bottom;

  rw_chart_style_init (&style, FALSE);
  rw_chart_set_series (chart, series);
  rw_chart_set_visible (chart, RW_SERIES_SLEEP_QUALITY, FALSE);
  surface = render (chart, &style, WIDTH, HEIGHT);
  g_assert_cmpint (rw_chart_get_step (chart), ==, RW_CHART_STEP_DAY);

  /* A point: day 4 (mood 2) is a dot of the mood colour where 2 is. */
  x = (int) rw_chart_x_of_day (chart, 4);
  y = (int) rw_chart_y_of_value (chart, RW_SERIES_MOOD, 2);
  g_assert_cmpfloat (distance (surface, x, y, &style.series[RW_SERIES_MOOD]), <, 0.12);
  /* ... and not where 8 would be. */
  y = (int) rw_chart_y_of_value (chart, RW_SERIES_MOOD, 8);
  g_assert_cmpfloat (distance (surface, x, y, &style.series[RW_SERIES_MOOD]), >, 0.3);

  /* A gap: day 3 has no point and no bar anywhere in its column. */
  x = (int) rw_chart_x_of_day (chart, 3);
  top = (int) rw_chart_y_of_value (chart, RW_SERIES_MOOD, 10);
  bottom = (int) rw_chart_y_of_value (chart, RW_SERIES_MOOD, 0);
  g_assert_false (column_has (surface, x, top, bottom, &style.series[RW_SERIES_MOOD]));
  top = (int) rw_chart_y_of_value (chart, RW_SERIES_SLEEP_HOURS, 12);
  bottom = (int) rw_chart_y_of_value (chart, RW_SERIES_SLEEP_HOURS, 0);
  g_assert_false (column_has (surface, x, top + 2, bottom - 2, &style.series[RW_SERIES_SLEEP_HOURS]));

  /* A bar: day 5 slept 9 h: bar colour up to 9 h, background above 9.5 h. */
  x = (int) rw_chart_x_of_day (chart, 5);
  y = (int) rw_chart_y_of_value (chart, RW_SERIES_SLEEP_HOURS, 8.5);
  g_assert_cmpfloat (distance (surface, x, y, &style.series[RW_SERIES_SLEEP_HOURS]), <, 0.12);
  y = (int) rw_chart_y_of_value (chart, RW_SERIES_SLEEP_HOURS, 9.6);
  g_assert_cmpfloat (distance (surface, x, y, &style.background), <, 0.12);
  /* Day 9 has a mood but no sleep: no bar. */
  x = (int) rw_chart_x_of_day (chart, 9);
  g_assert_false (column_has (surface, x, top + 2, bottom - 2, &style.series[RW_SERIES_SLEEP_HOURS]));

  cairo_surface_destroy (surface);
}

/* What one point stands for: every day where a day has 2 px, else weeks
 * where a week has 5 px, else months. */
static void
test_step_follows_width (void)
{
  const struct {
    guint days;
    int width;
    RwChartStep step;
  } cases[] = {
    { 30, 360, RW_CHART_STEP_DAY },
    { 90, 360, RW_CHART_STEP_DAY },
    { 365, 1200, RW_CHART_STEP_DAY },
    { 365, 900, RW_CHART_STEP_WEEK },
    { 365, 360, RW_CHART_STEP_WEEK },
    { 3 * 365, 1200, RW_CHART_STEP_WEEK },
    { 3650, 1200, RW_CHART_STEP_MONTH },
    { 3650, 360, RW_CHART_STEP_MONTH },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RwSeries) series = make_varied (cases[i].days);
      g_autoptr(RwChart) chart = rw_chart_new ();

      rw_chart_set_series (chart, series);
      rw_chart_set_size (chart, cases[i].width, HEIGHT);
      g_test_message ("%u days at %d px", cases[i].days, cases[i].width);
      g_assert_cmpint (rw_chart_get_step (chart), ==, cases[i].step);
    }
}

/* The text of the legend's entries, one line each. */
static char *
legend_text (RwChart *chart)
{
  const RwChartLayout *layout = rw_chart_ensure_layout (chart);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < layout->labels->len; i++)
    {
      const RwChartLabel *label = &g_array_index (layout->labels, RwChartLabel, i);

      if (label->part == RW_CHART_PART_LEGEND)
        g_string_append_printf (text, "%s\n", pango_layout_get_text (label->layout));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Ten years at 1200 px are a few hundred buckets, not 3650 points in a
 * wall, and the legend and the hover say what a point is; 30 days are
 * days. */
static void
test_long_range_buckets (void)
{
  g_autoptr(RwSeries) years = make_varied (3650);
  g_autoptr(RwSeries) three = make_varied (3 * 365);
  g_autoptr(RwSeries) month = make_varied (30);
  g_autoptr(RwChart) chart = rw_chart_new ();
  g_autofree char *legend = NULL;
  const char *text;

  rw_chart_set_visible (chart, RW_SERIES_ANXIETY, TRUE);
  rw_chart_set_visible (chart, RW_SERIES_ENERGY, TRUE);
  rw_chart_set_series (chart, years);
  rw_chart_set_size (chart, 1200, 500);
  g_assert_cmpint (rw_chart_get_step (chart), ==, RW_CHART_STEP_MONTH);
  /* March 2026 to February 2036, one point a month. */
  g_assert_cmpuint (rw_chart_get_n_points (chart), ==, 120);
  legend = legend_text (chart);
  g_test_message ("%s", legend);
  g_assert_nonnull (strstr (legend, "Monthly means; shaded: lowest to highest day\n"));
  g_assert_null (strstr (legend, "day mean"));
  rw_chart_set_highlight (chart, 40);
  g_assert_true (g_str_has_prefix (rw_chart_get_highlight_text (chart), "April 2026\n"));

  /* Three years: weeks from Monday, each named by its Monday. */
  rw_chart_set_series (chart, three);
  g_assert_cmpint (rw_chart_get_step (chart), ==, RW_CHART_STEP_WEEK);
  g_assert_cmpuint (rw_chart_get_n_points (chart), >=, 3 * 52);
  g_assert_cmpuint (rw_chart_get_n_points (chart), <=, 3 * 53);
  g_clear_pointer (&legend, g_free);
  legend = legend_text (chart);
  g_assert_nonnull (strstr (legend, "Weekly means; shaded: lowest to highest day\n"));
  /* 1 March 2026 is a Sunday, 11 March a Wednesday. */
  rw_chart_set_highlight (chart, 10);
  text = rw_chart_get_highlight_text (chart);
  g_test_message ("%s", text);
  g_assert_true (g_str_has_prefix (text, "Week of Monday 9 March 2026\n"));
  rw_chart_set_highlight (chart, 0);
  g_assert_true (g_str_has_prefix (rw_chart_get_highlight_text (chart),
                                   "Week of Monday 23 February 2026\n1 of 1 day"));

  /* A month is its days. */
  rw_chart_set_series (chart, month);
  g_assert_cmpint (rw_chart_get_step (chart), ==, RW_CHART_STEP_DAY);
  g_assert_cmpuint (rw_chart_get_n_points (chart), ==, 30);
  g_clear_pointer (&legend, g_free);
  legend = legend_text (chart);
  g_assert_null (strstr (legend, "means"));
}

/* Ten years, every day 7 but one at 0, drawn as monthly means over bands
 * from each month's lowest to its highest day: the bad day's month reaches
 * down to 0, the others do not, and the means are where 7 is. */
static void
test_long_range_keeps_bad_day (void)
{
  guint n = 3650, bad = 1234, start, end, other_start, other_end;
  g_autofree int *moods = g_new (int, n);
  g_autoptr(RwSeries) series = NULL;
  g_autoptr(RwChart) chart = rw_chart_new ();
  RwColor band;
  RwChartStyle style;
  cairo_surface_t *surface;
  int x, other_x, y;

  for (guint i = 0; i < n; i++)
    moods[i] = i == bad ? 0 : 7;
  series = make_series (n, moods, NULL);
  rw_chart_style_init (&style, FALSE);
  rw_chart_set_series (chart, series);
  rw_chart_set_visible (chart, RW_SERIES_SLEEP_HOURS, FALSE);
  rw_chart_set_visible (chart, RW_SERIES_SLEEP_QUALITY, FALSE);
  surface = render (chart, &style, WIDTH, HEIGHT);
  g_assert_cmpint (rw_chart_get_step (chart), ==, RW_CHART_STEP_MONTH);

  /* The month of the bad day: its first and last day are a calendar month's. */
  rw_chart_get_point_days (chart, bad, &start, &end);
  g_assert_cmpuint (start, <=, bad);
  g_assert_cmpuint (end, >, bad);
  {
    g_autofree char *first = rw_date_to_iso (march_1 () + start);
    g_autofree char *after = rw_date_to_iso (march_1 () + end);

    g_assert_true (g_str_has_suffix (first, "-01"));
    g_assert_true (g_str_has_suffix (after, "-01"));
  }
  x = (int) round ((rw_chart_x_of_day (chart, start) + rw_chart_x_of_day (chart, end - 1)) / 2);
  rw_chart_get_point_days (chart, bad + 100, &other_start, &other_end);
  other_x = (int) round ((rw_chart_x_of_day (chart, other_start) +
                          rw_chart_x_of_day (chart, other_end - 1)) / 2);

  band = style.series[RW_SERIES_MOOD];
  band.alpha = 0.3;
  /* Between the neighbours' lows (7) and its own (0) the band narrows to
   * a point: at 3 it is still half a month wide. */
  y = (int) rw_chart_y_of_value (chart, RW_SERIES_MOOD, 3);
  g_assert_cmpfloat (distance (surface, x, y, &band), <, 0.08);
  g_assert_cmpfloat (distance (surface, other_x, y, &style.background), <, 0.05);
  /* The monthly mean: 7 in a month of sevens. */
  y = (int) rw_chart_y_of_value (chart, RW_SERIES_MOOD, 7);
  g_assert_true (column_has (surface, other_x, y - 1, y + 1, &style.rolling));
  cairo_surface_destroy (surface);
}

static void
test_weeks_start_on_monday (void)
{
  g_autoptr(RwSeries) series = make_varied (365);
  g_autoptr(RwChart) chart = rw_chart_new ();
  guint start, end;

  rw_chart_set_series (chart, series);
  rw_chart_set_size (chart, 360, HEIGHT);
  g_assert_cmpint (rw_chart_get_step (chart), ==, RW_CHART_STEP_WEEK);
  /* 1 March 2026 is a Sunday: a week of its own, then Monday to Sunday. */
  rw_chart_get_point_days (chart, 0, &start, &end);
  g_assert_cmpuint (start, ==, 0);
  g_assert_cmpuint (end, ==, 1);
  rw_chart_get_point_days (chart, 10, &start, &end);
  g_assert_cmpuint (start, ==, 8);
  g_assert_cmpuint (end, ==, 15);
}

/* Sleep hours and sleep quality each have a panel and a scale of their
 * own, apart from each other and from the metrics. */
static void
test_sleep_panels_apart (void)
{
  g_autoptr(RwSeries) series = make_varied (30);
  g_autoptr(RwChart) chart = rw_chart_new ();
  cairo_rectangle_t metrics, hours, quality;

  rw_chart_set_series (chart, series);
  rw_chart_set_size (chart, WIDTH, HEIGHT);
  g_assert_true (rw_chart_get_plot_area (chart, RW_SERIES_MOOD, &metrics));
  g_assert_true (rw_chart_get_plot_area (chart, RW_SERIES_SLEEP_HOURS, &hours));
  g_assert_true (rw_chart_get_plot_area (chart, RW_SERIES_SLEEP_QUALITY, &quality));
  g_assert_cmpfloat (metrics.y + metrics.height, <, hours.y);
  g_assert_cmpfloat (hours.y + hours.height, <, quality.y);
  g_assert_cmpfloat (quality.y + quality.height, <, HEIGHT);
  /* 12 h at the top of its panel, quality 10 at the top of its own. */
  g_assert_cmpfloat_with_epsilon (rw_chart_y_of_value (chart, RW_SERIES_SLEEP_HOURS, 12), hours.y, 1e-9);
  g_assert_cmpfloat_with_epsilon (rw_chart_y_of_value (chart, RW_SERIES_SLEEP_QUALITY, 10), quality.y, 1e-9);

  /* Without quality, hours keep their panel and quality has none. */
  rw_chart_set_visible (chart, RW_SERIES_SLEEP_QUALITY, FALSE);
  g_assert_false (rw_chart_get_plot_area (chart, RW_SERIES_SLEEP_QUALITY, &quality));
  g_assert_true (rw_chart_get_plot_area (chart, RW_SERIES_SLEEP_HOURS, &hours));
  g_assert_cmpfloat (metrics.y + metrics.height, <, hours.y);
}

/* With text scaled by 1.5 the scale labels still fit left of the plots:
 * "12 h" must not lose its "1" at the chart's edge. */
static void
test_large_text_fits (void)
{
  g_autoptr(RwSeries) series = make_varied (30);
  g_autoptr(RwChart) chart = rw_chart_new ();
  RwChartStyle style;
  cairo_rectangle_t hours;
  cairo_surface_t *surface;
  int y, plot_x;

  rw_chart_style_init (&style, FALSE);
  style.resolution = 144;
  rw_chart_set_series (chart, series);
  surface = render (chart, &style, 360, 520);
  g_assert_true (rw_chart_get_plot_area (chart, RW_SERIES_SLEEP_HOURS, &hours));
  plot_x = (int) hours.x;
  for (guint k = 0; k < 2; k++)
    {
      /* The top label of the hours' and of the metrics' scale. */
      y = (int) (k == 0 ? rw_chart_y_of_value (chart, RW_SERIES_SLEEP_HOURS, 12)
                        : rw_chart_y_of_value (chart, RW_SERIES_MOOD, 10));
      g_assert_cmpuint (count_ink (surface, 0, y - 10, plot_x - 2, y + 10), >, 20);
      /* Nothing touches the left edge: the label is whole. */
      g_assert_cmpuint (count_ink (surface, 0, y - 14, 3, y + 14), ==, 0);
    }
  cairo_surface_destroy (surface);
}

/* At a text scale of 1.5, every label of the scales, dates and legend
 * lies whole inside the chart (a long legend entry wraps), and the scales'
 * labels left of the plots: "12 h" is never cut to "2 h". */
static void
test_large_text_labels_inside (void)
{
  const struct {
    guint days;
    int width, height;
  } cases[] = {
    { 30, 360, 520 }, { 30, 1200, 500 }, { 3650, 360, 520 }, { 3650, 1200, 500 }, { 400, 700, 300 },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(RwSeries) series = make_varied (cases[c].days);
      g_autoptr(RwChart) chart = rw_chart_new ();
      const RwChartLayout *layout;
      RwChartStyle style;
      guint scales = 0;

      rw_chart_style_init (&style, FALSE);
      style.resolution = 96 * 1.5;
      for (guint k = 0; k < RW_N_SERIES; k++)
        rw_chart_set_visible (chart, k, TRUE);
      rw_chart_set_series (chart, series);
      rw_chart_set_size (chart, cases[c].width, cases[c].height);
      rw_chart_set_style (chart, &style);
      layout = rw_chart_ensure_layout (chart);
      g_test_message ("%u days at %d × %d", cases[c].days, cases[c].width, cases[c].height);
      for (guint i = 0; i < layout->labels->len; i++)
        {
          const RwChartLabel *label = &g_array_index (layout->labels, RwChartLabel, i);
          PangoRectangle ink, logical;

          if (label->part != RW_CHART_PART_SCALES && label->part != RW_CHART_PART_DATES &&
              label->part != RW_CHART_PART_LEGEND)
            continue;
          pango_layout_get_pixel_extents (label->layout, &ink, &logical);
          g_test_message ("“%s” at %g, %g, %d × %d", pango_layout_get_text (label->layout),
                          label->x, label->y, logical.width, logical.height);
          g_assert_cmpfloat (label->x + MIN (ink.x, logical.x), >=, 0);
          g_assert_cmpfloat (label->y + MIN (ink.y, logical.y), >=, 0);
          g_assert_cmpfloat (label->x + MAX (ink.x + ink.width, logical.x + logical.width), <=,
                             cases[c].width);
          g_assert_cmpfloat (label->y + MAX (ink.y + ink.height, logical.y + logical.height), <=,
                             cases[c].height);
          if (label->part == RW_CHART_PART_SCALES)
            {
              g_assert_cmpfloat (label->x + logical.x + logical.width, <=, layout->plot_x);
              scales++;
            }
        }
      /* Three panels, each with at least its ends labelled. */
      g_assert_cmpuint (scales, >=, 6);
    }
}

/* Runs @argv and returns its standard output. */
static char *
run_tool (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* A saved chart stands on its own: a PDF is a landscape page of A4 or
 * Letter with a title naming the metrics and the range with its years,
 * and a file is written in the format asked for whatever its name said. */
static void
test_export_stands_alone (void)
{
  g_autoptr(RwSeries) series = make_varied (30);
  g_autoptr(RwChart) chart = rw_chart_new ();
  g_autofree char *dir = rw_test_make_dir ();
  g_autofree char *pdf = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autoptr(GError) error = NULL;
  RwChartStyle style;
  const struct {
    RwPaper paper;
    const char *size;
  } papers[] = {
    { RW_PAPER_A4, "Page size:       841.89 x 595.28 pts (A4)" },
    { RW_PAPER_LETTER, "Page size:       792 x 612 pts (letter)" },
  };
  RwPaper paper;

  g_autofree char *pdfinfo_path = g_find_program_in_path ("pdfinfo");
  g_autofree char *pdftotext_path = g_find_program_in_path ("pdftotext");

  if (pdfinfo_path == NULL || pdftotext_path == NULL)
    {
      g_test_skip ("needs pdfinfo and pdftotext (poppler-utils)");
      rw_test_remove_dir (dir);
      return;
    }
  rw_chart_style_init (&style, FALSE);
  rw_chart_set_series (chart, series);
  rw_chart_set_visible (chart, RW_SERIES_ANXIETY, TRUE);
  for (guint p = 0; p < G_N_ELEMENTS (papers); p++)
    {
      const char *info_argv[] = { "pdfinfo", pdf, NULL };
      const char *text_argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
      g_autofree char *info = NULL;
      g_autofree char *text = NULL;

      /* The page, not the size given. */
      g_assert_true (rw_chart_export_as (chart, pdf, RW_CHART_FORMAT_PDF, 300, 200, papers[p].paper,
                                         &style, &error));
      g_assert_no_error (error);
      info = run_tool (info_argv);
      g_test_message ("%s", info);
      g_assert_nonnull (strstr (info, papers[p].size));
      g_assert_nonnull (strstr (info, "Pages:           1\n"));
      text = run_tool (text_argv);
      g_test_message ("%s", text);
      g_assert_nonnull (strstr (text, "Rewire: Mood, Anxiety, Sleep hours, Sleep quality"));
      g_assert_nonnull (strstr (text, "1 March 2026 to 30 March 2026"));
      g_assert_nonnull (strstr (text, "days logged"));
      g_assert_nonnull (strstr (text, "Sleep quality"));
    }

  /* PDF asked for under a .png name: a PDF. */
  g_assert_true (rw_chart_export_as (chart, png, RW_CHART_FORMAT_PDF, WIDTH, HEIGHT, RW_PAPER_A4,
                                     &style, &error));
  g_assert_no_error (error);
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (png, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  }

  /* The name put right for the format chosen. */
  {
    const struct {
      const char *path;
      RwChartFormat format;
      const char *fixed;
    } names[] = {
      { "chart.png", RW_CHART_FORMAT_PDF, "chart.pdf" },
      { "chart.PNG", RW_CHART_FORMAT_SVG, "chart.svg" },
      { "chart.pdf", RW_CHART_FORMAT_PDF, "chart.pdf" },
      { "chart", RW_CHART_FORMAT_PNG, "chart.png" },
      { "my.chart", RW_CHART_FORMAT_PDF, "my.chart.pdf" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *fixed = rw_chart_format_fix_path (names[i].path, names[i].format);
        g_assert_cmpstr (fixed, ==, names[i].fixed);
      }
  }
  /* PDF chosen in the dialog over a .png name: PDF; the filter left at
   * PNG and the name ending in .pdf: PDF. */
  g_assert_cmpint (rw_chart_format_choose ("chart.png", RW_CHART_FORMAT_PDF, RW_CHART_FORMAT_PNG), ==,
                   RW_CHART_FORMAT_PDF);
  g_assert_cmpint (rw_chart_format_choose ("chart.pdf", RW_CHART_FORMAT_PNG, RW_CHART_FORMAT_PNG), ==,
                   RW_CHART_FORMAT_PDF);
  g_assert_cmpint (rw_chart_format_choose ("chart", RW_CHART_FORMAT_PNG, RW_CHART_FORMAT_PNG), ==,
                   RW_CHART_FORMAT_PNG);
  g_assert_cmpint (rw_chart_format_choose ("chart.svg", RW_CHART_FORMAT_PDF, RW_CHART_FORMAT_PNG), ==,
                   RW_CHART_FORMAT_PDF);
  g_assert_true (rw_paper_from_name ("A4", &paper));
  g_assert_cmpint (paper, ==, RW_PAPER_A4);
  g_assert_true (rw_paper_from_name ("letter", &paper));
  g_assert_cmpint (paper, ==, RW_PAPER_LETTER);
  g_assert_false (rw_paper_from_name ("legal", &paper));

  g_unlink (pdf);
  g_unlink (png);
  rw_test_remove_dir (dir);
}

/* The layout (and the weekly or monthly means in it) is computed once per
 * data, shown series, size and font: not again for a hover, a new
 * highlight, its box, or colours. */
static void
test_layout_once (void)
{
  g_autoptr(RwSeries) series = make_varied (3650);
  g_autoptr(RwSeries) other = make_varied (400);
  g_autoptr(RwChart) chart = rw_chart_new ();
  RwChartStyle style;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  cairo_rectangle_t box;
  guint draws;

  rw_chart_style_init (&style, FALSE);
  rw_chart_set_series (chart, series);
  rw_chart_draw (chart, cr, WIDTH, HEIGHT, &style);
  g_assert_cmpuint (rw_chart_get_layout_count (chart), ==, 1);
  draws = rw_chart_get_draw_count (chart);
  g_assert_cmpuint (draws, >, 0);

  /* Hovering along the chart, with its box drawn each time. */
  for (int x = 0; x < WIDTH; x += 7)
    {
      rw_chart_set_highlight (chart, rw_chart_day_at (chart, x));
      if (rw_chart_get_highlight_area (chart, NULL, NULL, NULL, &box))
        rw_chart_draw_highlight (chart, cr, &style);
    }
  rw_chart_move_highlight (chart, RW_CHART_MOVE_PREVIOUS);
  g_assert_nonnull (rw_chart_get_highlight_text (chart));
  g_assert_cmpuint (rw_chart_get_draw_count (chart), ==, draws);
  /* A redraw in the dark colours. */
  rw_chart_style_init (&style, TRUE);
  rw_chart_draw (chart, cr, WIDTH, HEIGHT, &style);
  g_assert_cmpuint (rw_chart_get_layout_count (chart), ==, 1);
  g_assert_cmpuint (rw_chart_get_draw_count (chart), ==, 2 * draws);

  /* Each of these needs a new one. */
  rw_chart_draw (chart, cr, WIDTH - 100, HEIGHT, &style);
  g_assert_cmpuint (rw_chart_get_layout_count (chart), ==, 2);
  rw_chart_set_visible (chart, RW_SERIES_ANXIETY, TRUE);
  rw_chart_draw (chart, cr, WIDTH - 100, HEIGHT, &style);
  g_assert_cmpuint (rw_chart_get_layout_count (chart), ==, 3);
  rw_chart_set_series (chart, other);
  rw_chart_draw (chart, cr, WIDTH - 100, HEIGHT, &style);
  g_assert_cmpuint (rw_chart_get_layout_count (chart), ==, 4);
  style.font = "Sans 12";
  rw_chart_draw (chart, cr, WIDTH - 100, HEIGHT, &style);
  g_assert_cmpuint (rw_chart_get_layout_count (chart), ==, 5);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A PNG export is exactly the picture the draw makes on an image, and a
 * draw recorded (as GTK records it) and replayed is the same picture. */
static void
test_export_is_the_draw (void)
{
  const guint ranges[] = { 30, 365, 3650 };
  g_autofree char *dir = rw_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "chart.png", NULL);

  for (guint r = 0; r < G_N_ELEMENTS (ranges); r++)
    for (int dark = 0; dark <= 1; dark++)
      {
        g_autoptr(RwSeries) series = make_varied (ranges[r]);
        g_autoptr(RwChart) chart = rw_chart_new ();
        g_autoptr(GError) error = NULL;
        cairo_surface_t *drawn, *exported, *replayed, *recording, *file;
        RwChartStyle style;
        cairo_t *cr;

        rw_chart_style_init (&style, dark);
        rw_chart_set_series (chart, series);
        rw_chart_set_visible (chart, RW_SERIES_ENERGY, TRUE);
        rw_chart_add_marker (chart, march_1 () + ranges[r] / 2, "Session");
        drawn = render (chart, &style, WIDTH, HEIGHT);

        g_assert_true (rw_chart_export (chart, path, WIDTH, HEIGHT, &style, &error));
        g_assert_no_error (error);
        file = cairo_image_surface_create_from_png (path);
        g_assert_cmpint (cairo_surface_status (file), ==, CAIRO_STATUS_SUCCESS);
        /* The chart as drawn, under a heading. */
        g_assert_cmpint (cairo_image_surface_get_width (file), ==, WIDTH);
        g_assert_cmpint (cairo_image_surface_get_height (file), >, HEIGHT + 20);
        exported = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
        cr = cairo_create (exported);
        cairo_set_source_surface (cr, file, 0, HEIGHT - cairo_image_surface_get_height (file));
        cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
        cairo_paint (cr);
        cairo_destroy (cr);
        cairo_surface_flush (exported);
        cairo_surface_destroy (file);
        g_assert_cmpuint (count_differences (drawn, exported, 0), ==, 0);

        recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
        cr = cairo_create (recording);
        rw_chart_draw (chart, cr, WIDTH, HEIGHT, &style);
        cairo_destroy (cr);
        replayed = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
        cr = cairo_create (replayed);
        cairo_set_source_surface (cr, recording, 0, 0);
        cairo_paint (cr);
        cairo_destroy (cr);
        cairo_surface_flush (replayed);
        g_assert_cmpuint (count_differences (drawn, replayed, 1), <, WIDTH * HEIGHT / 1000);

        cairo_surface_destroy (drawn);
        cairo_surface_destroy (exported);
        cairo_surface_destroy (replayed);
        cairo_surface_destroy (recording);
      }
  g_unlink (path);
  rw_test_remove_dir (dir);
}

/* The screen draws the background and then each part in a node of its
 * own, the size of the part (RwChartView): the same picture as one draw,
 * so nothing a part draws falls outside its area. */
static void
test_parts_make_the_draw (void)
{
  const guint ranges[] = { 30, 365, 3650 };

  for (guint r = 0; r < G_N_ELEMENTS (ranges); r++)
    {
      g_autofree int *moods = g_new (int, ranges[r]);
      g_autofree double *sleep = g_new (double, ranges[r]);
      g_autoptr(RwSeries) series = NULL;
      g_autoptr(RwChart) chart = rw_chart_new ();
      cairo_surface_t *whole, *parts;
      RwChartStyle style;
      cairo_t *cr;
      guint n_parts = 0;

      /* The ends of every scale: dots and lines reach past the plots. */
      for (guint i = 0; i < ranges[r]; i++)
        {
          moods[i] = (i / 3) % 2 ? 10 : 0;
          sleep[i] = (i / 2) % 2 ? 12 : 3;
        }
      series = make_series (ranges[r], moods, sleep);
      rw_chart_style_init (&style, FALSE);
      rw_chart_set_series (chart, series);
      rw_chart_set_visible (chart, RW_SERIES_HOPE, TRUE);
      rw_chart_add_marker (chart, march_1 () + ranges[r] / 3, "Session");
      whole = render (chart, &style, WIDTH, HEIGHT);
      if (rw_chart_get_step (chart) == RW_CHART_STEP_DAY)
        {
          /* Day 3 is a 10: its dot is whole, above the top of the scale too. */
          int x = (int) rw_chart_x_of_day (chart, 3);
          int y = (int) floor (rw_chart_y_of_value (chart, RW_SERIES_MOOD, 10));

          g_assert_cmpfloat (distance (whole, x, y - 2, &style.series[RW_SERIES_MOOD]), <, 0.12);
        }

      parts = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
      cr = cairo_create (parts);
      cairo_set_source_rgba (cr, style.background.red, style.background.green, style.background.blue, 1);
      cairo_paint (cr);
      for (guint p = 0; p < RW_N_CHART_PARTS; p++)
        {
          cairo_rectangle_t area;
          cairo_surface_t *node;
          cairo_t *node_cr;

          if (!rw_chart_get_part_area (chart, p, &area))
            continue;
          n_parts++;
          g_assert_cmpfloat (area.x, >=, 0);
          g_assert_cmpfloat (area.y, >=, 0);
          g_assert_cmpfloat (area.x + area.width, <=, WIDTH);
          g_assert_cmpfloat (area.y + area.height, <=, HEIGHT);
          /* A node records only within its bounds. */
          node = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &area);
          node_cr = cairo_create (node);
          rw_chart_draw_part (chart, node_cr, p, &style);
          cairo_destroy (node_cr);
          cairo_set_source_surface (cr, node, 0, 0);
          cairo_paint (cr);
          cairo_surface_destroy (node);
        }
      cairo_destroy (cr);
      cairo_surface_flush (parts);
      /* The panels, the scales, the dates, the markers and the legend. */
      g_assert_cmpuint (n_parts, ==, 7);
      g_assert_cmpuint (count_differences (whole, parts, 1), <, 20);
      cairo_surface_destroy (whole);
      cairo_surface_destroy (parts);
    }
}

/* Ten years as one closed path per band and one line per mean, not a box
 * per day or per pixel column: the SVG stays small. */
static void
test_long_range_is_a_few_paths (void)
{
  g_autoptr(RwSeries) series = make_varied (3650);
  g_autoptr(RwChart) chart = rw_chart_new ();
  g_autofree char *dir = rw_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "chart.svg", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  RwChartStyle style;
  gsize length;
  guint boxes = 0;

  rw_chart_style_init (&style, FALSE);
  rw_chart_set_series (chart, series);
  g_assert_true (rw_chart_export (chart, path, 1200, HEIGHT, &style, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  for (const char *p = contents; (p = strstr (p, " Z M ")) != NULL; p++)
    boxes++;
  g_test_message ("%" G_GSIZE_FORMAT " bytes, %u sub-paths", length, boxes);
  /* 120 months: sub-paths for the bands' runs and lone dots, not thousands. */
  g_assert_cmpuint (boxes, <, 200);
  g_assert_cmpuint (length, <, 200 * 1024);
  g_unlink (path);
  rw_test_remove_dir (dir);
}

static void
test_highlight_text (void)
{
  g_autoptr(RwSeries) days = make_varied (30);
  g_autoptr(RwSeries) years = make_varied (3650);
  g_autoptr(RwChart) chart = rw_chart_new ();
  const char *text;
  double x, top, bottom;
  cairo_rectangle_t box;

  rw_chart_set_series (chart, days);
  rw_chart_set_size (chart, WIDTH, HEIGHT);
  g_assert_false (rw_chart_get_highlight_area (chart, &x, &top, &bottom, &box));
  rw_chart_set_highlight (chart, 2);
  text = rw_chart_get_highlight_text (chart);
  g_test_message ("%s", text);
  g_assert_true (g_str_has_prefix (text, "Tuesday 3 March 2026\nMood: "));
  g_assert_nonnull (strstr (text, "Sleep hours: "));
  g_assert_true (rw_chart_get_highlight_area (chart, &x, &top, &bottom, &box));
  g_assert_cmpfloat_with_epsilon (x, rw_chart_x_of_day (chart, 2), 1e-9);
  g_assert_cmpfloat (box.x, >, x);
  g_assert_cmpfloat (box.x + box.width, <=, WIDTH);

  /* Over ten years, the month of the day: its means and ranges. */
  rw_chart_set_series (chart, years);
  rw_chart_set_highlight (chart, 400);
  text = rw_chart_get_highlight_text (chart);
  g_test_message ("%s", text);
  g_assert_true (g_str_has_prefix (text, "April 2027\n"));
  g_assert_nonnull (strstr (text, "days with a check-in"));
  g_assert_nonnull (strstr (text, "Mood: mean "));
  /* Near the right edge the box is left of the line. */
  rw_chart_set_highlight (chart, 3640);
  g_assert_true (rw_chart_get_highlight_area (chart, &x, &top, &bottom, &box));
  g_assert_cmpfloat (box.x + box.width, <, x);
}

/* The keyboard walks the points drawn: days, or months on long ranges. */
static void
test_move_by_point (void)
{
  g_autoptr(RwSeries) series = make_varied (3650);
  g_autoptr(RwChart) chart = rw_chart_new ();
  guint start, end;

  rw_chart_set_series (chart, series);
  rw_chart_set_size (chart, WIDTH, HEIGHT);
  rw_chart_move_highlight (chart, RW_CHART_MOVE_FIRST);
  g_assert_cmpint (rw_chart_get_highlight (chart), ==, 0);
  rw_chart_move_highlight (chart, RW_CHART_MOVE_NEXT);
  /* 1 April 2026, the start of the second month. */
  g_assert_cmpint (rw_chart_get_highlight (chart), ==, 31);
  rw_chart_move_highlight (chart, RW_CHART_MOVE_LAST);
  rw_chart_get_point_days (chart, rw_chart_get_highlight (chart), &start, &end);
  g_assert_cmpuint (end, ==, 3650);
  rw_chart_move_highlight (chart, RW_CHART_MOVE_NEXT);
  rw_chart_get_point_days (chart, rw_chart_get_highlight (chart), &start, &end);
  g_assert_cmpuint (end, ==, 3650);
}

static void
test_empty_range_says_so (void)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RwSeries) series = rw_series_new_from_check_ins (list, rw_date_from_iso ("2026-01-01"),
                                                             rw_date_from_iso ("2026-01-07"));
  g_autoptr(RwChart) chart = rw_chart_new ();
  g_autofree char *text = NULL;
  RwChartStyle style;
  cairo_surface_t *surface;

  rw_chart_set_series (chart, series);
  text = rw_chart_describe (chart);
  g_assert_nonnull (strstr (text, "No check-ins from"));
  /* The message is drawn in the middle, and nothing can be hovered. */
  rw_chart_style_init (&style, FALSE);
  surface = render (chart, &style, WIDTH, HEIGHT);
  g_assert_cmpuint (count_ink (surface, WIDTH / 4, HEIGHT / 2 - 10, WIDTH * 3 / 4, HEIGHT / 2 + 10), >, 50);
  g_assert_cmpint (rw_chart_day_at (chart, WIDTH / 2), ==, -1);
  cairo_surface_destroy (surface);
}

static void
test_markers_layer (void)
{
  const int moods[7] = { 5, 5, 5, 5, 5, 5, 5 };
  g_autoptr(RwSeries) series = make_series (7, moods, NULL);
  g_autoptr(RwChart) chart = rw_chart_new ();
  RwChartStyle style;
  cairo_surface_t *surface;
  int x, top, bottom;

  rw_chart_style_init (&style, FALSE);
  style.marker.alpha = 1;
  rw_chart_set_series (chart, series);
  rw_chart_set_visible (chart, RW_SERIES_SLEEP_HOURS, FALSE);
  rw_chart_set_visible (chart, RW_SERIES_SLEEP_QUALITY, FALSE);
  rw_chart_add_marker (chart, rw_date_from_iso ("2026-03-03"), NULL);
  surface = render (chart, &style, WIDTH, HEIGHT);
  x = (int) round (rw_chart_x_of_day (chart, 2));
  top = (int) rw_chart_y_of_value (chart, RW_SERIES_MOOD, 9);
  bottom = (int) rw_chart_y_of_value (chart, RW_SERIES_MOOD, 6);
  g_assert_true (column_has (surface, x, top, bottom, &style.marker));
  /* No marker on the next day. */
  x = (int) round (rw_chart_x_of_day (chart, 3));
  g_assert_false (column_has (surface, x, top, bottom, &style.marker));
  cairo_surface_destroy (surface);
}

static guint
count_in_column (cairo_surface_t *surface,
                 int              x,
                 int              y0,
                 int              y1,
                 const RwColor   *color)
{
  guint n = 0;

  for (int y = y0; y <= y1; y++)
    n += distance (surface, x, y, color) < 0.12;
  return n;
}

/* Sessions: a marker at the session's day (not the next), done ones
 * solid and scheduled ones dashed, and the session in the hover box of
 * its day only; over a year, in its week's box with its date. */
static void
test_session_markers (void)
{
  g_autoptr(RwSeries) series = make_varied (30);
  g_autoptr(RwChart) chart = rw_chart_new ();
  g_autoptr(GPtrArray) marks = g_ptr_array_new_with_free_func ((GDestroyNotify) rw_session_mark_free);
  RwChartStyle style;
  cairo_surface_t *surface;
  int x_done, x_next, x_scheduled, top, bottom;
  guint done_ink, scheduled_ink;

  rw_chart_style_init (&style, FALSE);
  style.marker = (RwColor) { 1, 0, 1, 1 };   /* a colour nothing else has */
  rw_chart_set_series (chart, series);
  rw_chart_set_visible (chart, RW_SERIES_SLEEP_HOURS, FALSE);
  rw_chart_set_visible (chart, RW_SERIES_SLEEP_QUALITY, FALSE);
  g_ptr_array_add (marks, rw_session_mark_new (march_1 () + 5, "induction", "iv", TRUE));
  g_ptr_array_add (marks, rw_session_mark_new (march_1 () + 20, "booster", "nasal", FALSE));
  rw_session_marks_add_to_chart (marks, chart);
  surface = render (chart, &style, WIDTH, HEIGHT);

  x_done = (int) round (rw_chart_x_of_day (chart, 5));
  x_next = (int) round (rw_chart_x_of_day (chart, 6));
  x_scheduled = (int) round (rw_chart_x_of_day (chart, 20));
  top = (int) rw_chart_y_of_value (chart, RW_SERIES_MOOD, 9);
  bottom = (int) rw_chart_y_of_value (chart, RW_SERIES_MOOD, 1);
  done_ink = count_in_column (surface, x_done, top, bottom, &style.marker);
  scheduled_ink = count_in_column (surface, x_scheduled, top, bottom, &style.marker);
  g_assert_cmpuint (count_in_column (surface, x_next, top, bottom, &style.marker), ==, 0);
  /* Solid: nearly every pixel; dashed (4 on, 3 off): well under that. */
  g_assert_cmpuint (done_ink, >=, (guint) (0.9 * (bottom - top)));
  g_assert_cmpuint (scheduled_ink, >, 0);
  g_assert_cmpuint (scheduled_ink, <=, (guint) (0.7 * (bottom - top)));
  cairo_surface_destroy (surface);

  rw_chart_set_highlight (chart, 5);
  g_assert_nonnull (strstr (rw_chart_get_highlight_text (chart), "Session: Induction, IV infusion"));
  rw_chart_set_highlight (chart, 20);
  g_assert_nonnull (strstr (rw_chart_get_highlight_text (chart),
                            "Scheduled session: Booster, Nasal spray"));
  rw_chart_set_highlight (chart, 6);
  g_assert_null (strstr (rw_chart_get_highlight_text (chart), "ession"));

  {
    g_autoptr(RwSeries) year = make_varied (365);
    g_autofree char *date = rw_date_format (march_1 () + 5, "%-d %B");
    g_autofree char *line = g_strdup_printf ("%s: Session: Induction, IV infusion", date);

    rw_chart_set_series (chart, year);
    rw_chart_set_size (chart, WIDTH, HEIGHT);
    rw_chart_set_highlight (chart, 5);
    g_assert_nonnull (strstr (rw_chart_get_highlight_text (chart), line));
  }
}

/* The around-sessions chart: the mean drawn through its values at the
 * x of each day, the session day marked at day 0, nothing past the days
 * with values; at 340 px too. RW_TEST_AROUND_PNG=prefix saves the images. */
static void
test_around_chart (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autofree int *moods = g_new (int, 120);
  g_autoptr(RwSeries) series = NULL;
  g_autoptr(GPtrArray) marks = g_ptr_array_new_with_free_func ((GDestroyNotify) rw_session_mark_free);
  g_autoptr(RwAround) around = NULL;
  static const int widths[] = { WIDTH, 340 };

  /* Sessions on days 20, 50, 80 and 110; no check-ins 12 to 14 days after any. */
  for (guint i = 0; i < 120; i++)
    moods[i] = (i % 30) >= 2 && (i % 30) <= 4 ? -1 : g_rand_int_range (rand, 3, 8);
  series = make_series (120, moods, NULL);
  for (guint i = 20; i < 120; i += 30)
    g_ptr_array_add (marks, rw_session_mark_new (march_1 () + i, "induction", "iv", TRUE));
  around = rw_around_new (series, marks, RW_SERIES_MOOD, RW_AROUND_PHASE_ALL);
  g_assert_cmpuint (rw_around_get_n_sessions (around), ==, 4);

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, widths[w], 300);
      cairo_t *cr = cairo_create (surface);
      RwChartAroundLayout layout;
      RwChartStyle style;
      int x;

      rw_chart_style_init (&style, FALSE);
      style.marker = (RwColor) { 1, 0, 1, 1 };
      style.series[RW_SERIES_MOOD] = (RwColor) { 0, 0.8, 0, 1 };
      rw_chart_around_draw (around, cr, widths[w], 300, &style);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      if (g_getenv ("RW_TEST_AROUND_PNG") != NULL)
        {
          g_autofree char *path = g_strdup_printf ("%s-%d.png", g_getenv ("RW_TEST_AROUND_PNG"), widths[w]);
          cairo_surface_write_to_png (surface, path);
        }
      rw_chart_around_get_layout (around, widths[w], 300, &style, &layout);
      g_assert_cmpfloat (layout.plot_w, >, 200);

      for (int o = RW_AROUND_FIRST_OFFSET; o <= RW_AROUND_LAST_OFFSET; o++)
        {
          guint n;
          double mean = rw_around_get_mean (around, o, &n);
          int y;

          x = (int) round (rw_chart_around_x_of_offset (&layout, o));
          if (isnan (mean))
            {
              /* No dot of the mean at a day without values. */
              g_assert_cmpuint (n, ==, 0);
              g_assert_false (column_has (surface, x, (int) layout.plot_y,
                                          (int) (layout.plot_y + layout.plot_h),
                                          &style.series[RW_SERIES_MOOD]));
              continue;
            }
          y = (int) round (rw_chart_around_y_of_value (&layout, mean));
          g_assert_true (column_has (surface, x, y - 1, y + 1, &style.series[RW_SERIES_MOOD]));
        }
      /* Days 12 to 14 after every session have no check-in. */
      g_assert_true (isnan (rw_around_get_mean (around, 13, NULL)));
      /* The session day, and only there. */
      x = (int) round (rw_chart_around_x_of_offset (&layout, 0));
      g_assert_true (column_has (surface, x, (int) layout.plot_y, (int) (layout.plot_y + layout.plot_h),
                                 &style.marker));
      x = (int) round (rw_chart_around_x_of_offset (&layout, 3));
      g_assert_false (column_has (surface, x, (int) layout.plot_y, (int) (layout.plot_y + layout.plot_h),
                                  &style.marker));
      cairo_surface_destroy (surface);
    }
}

/* At 360 px every legend entry still shows: the legend wraps onto more
 * lines and the plots move down to make room. */
static void
test_narrow_legend_wraps (void)
{
  g_autoptr(RwSeries) series = make_varied (30);
  g_autoptr(RwChart) chart = rw_chart_new ();
  const int widths[2] = { WIDTH, 360 };
  double tops[2];
  RwChartStyle style;

  rw_chart_style_init (&style, FALSE);
  /* A colour nothing else in the chart has, text included. */
  style.series[RW_SERIES_ENERGY] = (RwColor) { 1, 0, 0, 1 };
  rw_chart_set_series (chart, series);
  for (int k = RW_SERIES_MOOD; k < RW_N_SERIES; k++)
    rw_chart_set_visible (chart, k, TRUE);
  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      cairo_surface_t *surface = render (chart, &style, widths[w], HEIGHT);
      gboolean found = FALSE;

      tops[w] = rw_chart_y_of_value (chart, RW_SERIES_MOOD, 10);
      /* Energy's swatch is above the plots. */
      for (int y = 0; y < (int) tops[w] - 4 && !found; y++)
        for (int x = 0; x < widths[w] && !found; x++)
          found = distance (surface, x, y, &style.series[RW_SERIES_ENERGY]) < 0.05;
      g_assert_true (found);
      cairo_surface_destroy (surface);
    }
  g_assert_cmpfloat (tops[1], >, tops[0] + 10);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/point-gap-and-bar", test_point_gap_and_bar);
  g_test_add_func ("/chart/step-follows-width", test_step_follows_width);
  g_test_add_func ("/chart/long-range-buckets", test_long_range_buckets);
  g_test_add_func ("/chart/long-range-keeps-bad-day", test_long_range_keeps_bad_day);
  g_test_add_func ("/chart/weeks-start-on-monday", test_weeks_start_on_monday);
  g_test_add_func ("/chart/sleep-panels-apart", test_sleep_panels_apart);
  g_test_add_func ("/chart/large-text-fits", test_large_text_fits);
  g_test_add_func ("/chart/large-text-labels-inside", test_large_text_labels_inside);
  g_test_add_func ("/chart/layout-once", test_layout_once);
  g_test_add_func ("/chart/export-is-the-draw", test_export_is_the_draw);
  g_test_add_func ("/chart/export-stands-alone", test_export_stands_alone);
  g_test_add_func ("/chart/long-range-is-a-few-paths", test_long_range_is_a_few_paths);
  g_test_add_func ("/chart/parts-make-the-draw", test_parts_make_the_draw);
  g_test_add_func ("/chart/highlight-text", test_highlight_text);
  g_test_add_func ("/chart/move-by-point", test_move_by_point);
  g_test_add_func ("/chart/empty-range-says-so", test_empty_range_says_so);
  g_test_add_func ("/chart/markers-layer", test_markers_layer);
  g_test_add_func ("/chart/session-markers", test_session_markers);
  g_test_add_func ("/chart/around-sessions", test_around_chart);
  g_test_add_func ("/chart/narrow-legend-wraps", test_narrow_legend_wraps);

  return g_test_run ();
}
