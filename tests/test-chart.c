/* test-chart.c: render known data and look at the pixels where a point, a
 * gap and a bar must be; the same for a long range reduced to columns, and
 * the chart's own filling of columns against cairo's.
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rw-core.h"

#define WIDTH 700
#define HEIGHT 400

static GPtrArray *
make_days (guint       n,
           const int  *moods,
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
      date = rw_julian_to_iso (rw_julian_from_iso ("2026-03-01") + i);
      rw_check_in_set_date (check_in, date);
      rw_check_in_set_time (check_in, "09:00");
      rw_check_in_set_metric (check_in, RW_METRIC_MOOD, moods[i]);
      if (sleep != NULL)
        rw_check_in_set_sleep_hours (check_in, sleep[i]);
      g_ptr_array_add (list, check_in);
    }
  return list;
}

static cairo_surface_t *
render (RwChart            *chart,
        const RwChartStyle *style)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  rw_chart_draw (chart, cr, WIDTH, HEIGHT, style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* How far the pixel at (x, y) is from @color (0 = the same). */
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
  /* Blend the expected colour on the background the way cairo does. */
  double a = color->alpha;
  double er = color->red * a + (1 - a) * 1.0;
  double eg = color->green * a + (1 - a) * 1.0;
  double eb = color->blue * a + (1 - a) * 1.0;

  return fabs (r - er) + fabs (g - eg) + fabs (b - eb);
}

/* Whether any pixel of column @x between @y0 and @y1 is close to @color. */
static gboolean
column_has (cairo_surface_t *surface,
            int              x,
            int              y0,
            int              y1,
            const RwColor   *color)
{
  for (int y = MAX (0, y0); y <= MIN (HEIGHT - 1, y1); y++)
    if (distance (surface, x, y, color) < 0.12)
      return TRUE;
  return FALSE;
}

static void
test_point_gap_and_bar (void)
{
  /* 14 days; day 3 has no check-in at all; day 9 has mood but no sleep. */
  const int moods[14] = { 5, 6, 7, -1, 2, 8, 5, 5, 6, 9, 4, 5, 6, 7 };
  const double sleep[14] = { 7, 8, 6, -1, 5, 9, 7, 7, 6, -1, 8, 7, 6, 8 };
  g_autoptr(GPtrArray) list = make_days (14, moods, sleep);
  g_autoptr(RwSeries) series = rw_series_new_from_check_ins (list, rw_julian_from_iso ("2026-03-01"),
                                                             rw_julian_from_iso ("2026-03-14"));
  g_autoptr(RwChart) chart = rw_chart_new ();
  RwChartStyle style;
  cairo_surface_t *surface;
  int x, y, top, bottom;

  rw_chart_style_init (&style, FALSE);
  rw_chart_set_series (chart, series);
  rw_chart_set_visible (chart, RW_SERIES_SLEEP_QUALITY, FALSE);
  surface = render (chart, &style);

  /* A point: day 4 (mood 2) is a dot of the mood colour where 2 is. */
  x = (int) rw_chart_x_of_day (chart, 4, WIDTH);
  y = (int) rw_chart_y_of_value (chart, RW_SERIES_MOOD, 2, WIDTH, HEIGHT);
  g_assert_cmpfloat (distance (surface, x, y, &style.series[RW_SERIES_MOOD]), <, 0.12);
  /* ... and not where 8 would be. */
  y = (int) rw_chart_y_of_value (chart, RW_SERIES_MOOD, 8, WIDTH, HEIGHT);
  g_assert_cmpfloat (distance (surface, x, y, &style.series[RW_SERIES_MOOD]), >, 0.3);

  /* A gap: day 3 has no point and no bar anywhere in its column. */
  x = (int) rw_chart_x_of_day (chart, 3, WIDTH);
  top = (int) rw_chart_y_of_value (chart, RW_SERIES_MOOD, 10, WIDTH, HEIGHT);
  bottom = (int) rw_chart_y_of_value (chart, RW_SERIES_MOOD, 0, WIDTH, HEIGHT);
  g_assert_false (column_has (surface, x, top, bottom, &style.series[RW_SERIES_MOOD]));
  top = (int) rw_chart_y_of_value (chart, RW_SERIES_SLEEP_HOURS, 12, WIDTH, HEIGHT);
  bottom = (int) rw_chart_y_of_value (chart, RW_SERIES_SLEEP_HOURS, 0, WIDTH, HEIGHT);
  g_assert_false (column_has (surface, x, top + 2, bottom - 2, &style.series[RW_SERIES_SLEEP_HOURS]));

  /* A bar: day 5 slept 9 h: bar colour up to 9 h, background above 9.5 h. */
  x = (int) rw_chart_x_of_day (chart, 5, WIDTH);
  y = (int) rw_chart_y_of_value (chart, RW_SERIES_SLEEP_HOURS, 8.5, WIDTH, HEIGHT);
  g_assert_cmpfloat (distance (surface, x, y, &style.series[RW_SERIES_SLEEP_HOURS]), <, 0.12);
  y = (int) rw_chart_y_of_value (chart, RW_SERIES_SLEEP_HOURS, 9.6, WIDTH, HEIGHT);
  g_assert_cmpfloat (distance (surface, x, y, &style.background), <, 0.12);
  /* Day 9 has a mood but no sleep: no bar. */
  x = (int) rw_chart_x_of_day (chart, 9, WIDTH);
  g_assert_false (column_has (surface, x, top + 2, bottom - 2, &style.series[RW_SERIES_SLEEP_HOURS]));

  cairo_surface_destroy (surface);
}

static void
test_long_range_keeps_bad_day (void)
{
  /* Ten years, every day 7, except one day at 0: reduced to far fewer
   * columns than days, the 0 must still be drawn. */
  guint n = 3650, bad = 1234;
  g_autofree int *moods = g_new (int, n);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(RwSeries) series = NULL;
  g_autoptr(RwChart) chart = rw_chart_new ();
  RwChartStyle style;
  cairo_surface_t *surface;
  gboolean found = FALSE;
  int y;

  for (guint i = 0; i < n; i++)
    moods[i] = i == bad ? 0 : 7;
  list = make_days (n, moods, NULL);
  series = rw_series_new_from_check_ins (list, rw_julian_from_iso ("2026-03-01"),
                                         rw_julian_from_iso ("2026-03-01") + n - 1);
  rw_chart_style_init (&style, FALSE);
  rw_chart_set_series (chart, series);
  rw_chart_set_visible (chart, RW_SERIES_SLEEP_HOURS, FALSE);
  rw_chart_set_visible (chart, RW_SERIES_SLEEP_QUALITY, FALSE);
  surface = render (chart, &style);

  y = (int) rw_chart_y_of_value (chart, RW_SERIES_MOOD, 0.5, WIDTH, HEIGHT);
  for (int x = 0; x < WIDTH && !found; x++)
    found = distance (surface, x, y, &style.series[RW_SERIES_MOOD]) < 0.12;
  g_assert_true (found);
  cairo_surface_destroy (surface);
}

static void
test_empty_range_says_so (void)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RwSeries) series = rw_series_new_from_check_ins (list, rw_julian_from_iso ("2026-01-01"),
                                                             rw_julian_from_iso ("2026-01-07"));
  g_autoptr(RwChart) chart = rw_chart_new ();
  g_autofree char *text = NULL;

  rw_chart_set_series (chart, series);
  text = rw_chart_describe (chart);
  g_assert_nonnull (strstr (text, "No check-ins from"));
}

static void
test_markers_layer (void)
{
  const int moods[7] = { 5, 5, 5, 5, 5, 5, 5 };
  g_autoptr(GPtrArray) list = make_days (7, moods, NULL);
  g_autoptr(RwSeries) series = rw_series_new_from_check_ins (list, rw_julian_from_iso ("2026-03-01"),
                                                             rw_julian_from_iso ("2026-03-07"));
  g_autoptr(RwChart) chart = rw_chart_new ();
  RwChartStyle style;
  cairo_surface_t *surface;
  int x, top, bottom;

  rw_chart_style_init (&style, FALSE);
  style.marker.alpha = 1;
  rw_chart_set_series (chart, series);
  rw_chart_set_visible (chart, RW_SERIES_SLEEP_HOURS, FALSE);
  rw_chart_set_visible (chart, RW_SERIES_SLEEP_QUALITY, FALSE);
  rw_chart_add_marker (chart, rw_julian_from_iso ("2026-03-03"), NULL);
  surface = render (chart, &style);
  x = (int) round (rw_chart_x_of_day (chart, 2, WIDTH));
  top = (int) rw_chart_y_of_value (chart, RW_SERIES_MOOD, 9, WIDTH, HEIGHT);
  bottom = (int) rw_chart_y_of_value (chart, RW_SERIES_MOOD, 6, WIDTH, HEIGHT);
  g_assert_true (column_has (surface, x, top, bottom, &style.marker));
  /* No marker on the next day. */
  x = (int) round (rw_chart_x_of_day (chart, 3, WIDTH));
  g_assert_false (column_has (surface, x, top, bottom, &style.marker));
  cairo_surface_destroy (surface);
}

/* Ten years of varied days into fewer columns, drawn once with the chart's
 * own span filling on an image surface and once through a recording
 * surface (where the spans stay boxes and cairo fills them): the pictures
 * must agree. Then with a clip, which must be obeyed, and at scale 2. */
static GPtrArray *
make_varied_days (guint  n,
                  int   *moods,
                  double *sleep)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (guint i = 0; i < n; i++)
    {
      moods[i] = i % 97 == 5 ? -1 : g_rand_int_range (rand, 0, 11);
      sleep[i] = i % 89 == 3 ? -1 : g_rand_int_range (rand, 12, 41) / 4.0;
    }
  return make_days (n, moods, sleep);
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
  for (int y = 0; y < cairo_image_surface_get_height (a); y++)
    for (int x = 0; x < cairo_image_surface_get_width (a); x++)
      for (int k = 0; k < 3; k++)
        if (abs (da[y * stride + x * 4 + k] - db[y * stride + x * 4 + k]) > tolerance)
          {
            count++;
            break;
          }
  return count;
}

/* The chart @width wide at @scale, on magenta, drawn straight onto an
 * image surface or through a recording surface, clipped to @clip. */
static cairo_surface_t *
render_scaled (RwChart                 *chart,
               const RwChartStyle      *style,
               int                      width,
               double                   scale,
               gboolean                 via_recording,
               const cairo_rectangle_t *clip)
{
  int w = (int) (width * scale), h = (int) (HEIGHT * scale);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  cairo_surface_t *target = surface;
  cairo_t *cr;

  if (via_recording)
    target = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (target);
  /* Magenta where the chart does not draw. */
  cairo_set_source_rgb (cr, 1, 0, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  if (clip != NULL)
    {
      cairo_rectangle (cr, clip->x, clip->y, clip->width, clip->height);
      cairo_clip (cr);
    }
  rw_chart_draw (chart, cr, width, HEIGHT, style);
  cairo_destroy (cr);
  if (via_recording)
    {
      cr = cairo_create (surface);
      cairo_set_source_surface (cr, target, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
      cairo_surface_destroy (target);
    }
  cairo_surface_flush (surface);
  return surface;
}

static void
test_long_range_fill_matches_cairo (void)
{
  guint n = 3650;
  g_autofree int *moods = g_new (int, n);
  g_autofree double *sleep = g_new (double, n);
  g_autoptr(GPtrArray) list = make_varied_days (n, moods, sleep);
  g_autoptr(RwSeries) series = rw_series_new_from_check_ins (list, rw_julian_from_iso ("2026-03-01"),
                                                             rw_julian_from_iso ("2026-03-01") + n - 1);
  g_autoptr(RwChart) chart = rw_chart_new ();
  const cairo_rectangle_t clip = { 100, 0, 200, HEIGHT };
  RwChartStyle style;

  rw_chart_set_series (chart, series);
  rw_chart_set_visible (chart, RW_SERIES_SLEEP_QUALITY, FALSE);
  for (int dark = 0; dark <= 1; dark++)
    for (int scaled = 0; scaled <= 1; scaled++)
      {
        double scale = scaled ? 2 : 1;
        cairo_surface_t *own, *boxes;
        guint pixels = (guint) (WIDTH * scale * HEIGHT * scale);

        rw_chart_style_init (&style, dark);
        own = render_scaled (chart, &style, WIDTH, scale, FALSE, NULL);
        boxes = render_scaled (chart, &style, WIDTH, scale, TRUE, NULL);
        /* Rounding may differ by a level or two, nothing more. */
        g_assert_cmpuint (count_differences (own, boxes, 3), <, pixels / 1000);
        cairo_surface_destroy (own);
        cairo_surface_destroy (boxes);

        own = render_scaled (chart, &style, WIDTH, scale, FALSE, &clip);
        boxes = render_scaled (chart, &style, WIDTH, scale, TRUE, &clip);
        g_assert_cmpuint (count_differences (own, boxes, 3), <, pixels / 1000);
        /* Nothing drawn outside the clip. */
        g_assert_cmpfloat (distance (own, 50 * scale, HEIGHT * scale / 2, &(RwColor) { 1, 0, 1, 1 }), ==, 0);
        g_assert_cmpfloat (distance (own, 400 * scale, HEIGHT * scale / 2, &(RwColor) { 1, 0, 1, 1 }), ==, 0);
        cairo_surface_destroy (own);
        cairo_surface_destroy (boxes);
      }
}

/* Thirty days of moods 5, 6, 7 over and over. */
static RwSeries *
make_month (void)
{
  const int moods[30] = { 5, 6, 7, 5, 6, 7, 5, 6, 7, 5, 6, 7, 5, 6, 7,
                          5, 6, 7, 5, 6, 7, 5, 6, 7, 5, 6, 7, 5, 6, 7 };
  g_autoptr(GPtrArray) list = make_days (30, moods, NULL);

  return rw_series_new_from_check_ins (list, rw_julian_from_iso ("2026-03-01"),
                                       rw_julian_from_iso ("2026-03-30"));
}

/* At 360 px every legend entry still shows: the legend wraps onto more
 * lines and the plots move down to make room. */
static void
test_narrow_legend_wraps (void)
{
  g_autoptr(RwSeries) series = make_month ();
  g_autoptr(RwChart) chart = rw_chart_new ();
  const int widths[2] = { WIDTH, 360 };
  double tops[2];
  RwChartStyle style;

  rw_chart_style_init (&style, FALSE);
  /* A colour nothing else in the chart has, text included. */
  style.series[RW_SERIES_SLEEP_QUALITY] = (RwColor) { 1, 0, 0, 1 };
  rw_chart_set_series (chart, series);
  for (int k = RW_SERIES_MOOD; k < RW_N_SERIES; k++)
    rw_chart_set_visible (chart, k, TRUE);
  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      cairo_surface_t *surface = render_scaled (chart, &style, widths[w], 1, FALSE, NULL);
      gboolean found = FALSE;

      tops[w] = rw_chart_y_of_value (chart, RW_SERIES_MOOD, 10, widths[w], HEIGHT);
      /* The last entry, sleep quality, has its swatch above the plots. */
      for (int y = 0; y < (int) tops[w] - 4 && !found; y++)
        for (int x = 0; x < widths[w] && !found; x++)
          found = distance (surface, x, y, &style.series[RW_SERIES_SLEEP_QUALITY]) < 0.05;
      g_assert_true (found);
      cairo_surface_destroy (surface);
    }
  g_assert_cmpfloat (tops[1], >, tops[0] + 10);
}

/* Text is laid out once and kept with the chart: drawn again at another
 * scale, or in another font, it must look as if drawn by a new chart. */
static void
test_text_follows_scale_and_font (void)
{
  g_autoptr(RwSeries) series = make_month ();
  g_autoptr(RwChart) reused = rw_chart_new ();
  RwChartStyle style;
  cairo_surface_t *first;

  rw_chart_style_init (&style, FALSE);
  rw_chart_set_series (reused, series);
  first = render_scaled (reused, &style, WIDTH, 1, FALSE, NULL);
  cairo_surface_destroy (first);

  for (int round = 0; round < 2; round++)
    {
      g_autoptr(RwChart) fresh = rw_chart_new ();
      cairo_surface_t *a, *b;

      if (round == 1)
        style.font = "Serif Bold 11";
      rw_chart_set_series (fresh, series);
      a = render_scaled (reused, &style, WIDTH, 2, FALSE, NULL);
      b = render_scaled (fresh, &style, WIDTH, 2, FALSE, NULL);
      g_assert_cmpuint (count_differences (a, b, 0), ==, 0);
      cairo_surface_destroy (a);
      cairo_surface_destroy (b);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/point-gap-and-bar", test_point_gap_and_bar);
  g_test_add_func ("/chart/long-range-keeps-bad-day", test_long_range_keeps_bad_day);
  g_test_add_func ("/chart/empty-range-says-so", test_empty_range_says_so);
  g_test_add_func ("/chart/markers-layer", test_markers_layer);
  g_test_add_func ("/chart/long-range-fill-matches-cairo", test_long_range_fill_matches_cairo);
  g_test_add_func ("/chart/narrow-legend-wraps", test_narrow_legend_wraps);
  g_test_add_func ("/chart/text-follows-scale-and-font", test_text_follows_scale_and_font);

  return g_test_run ();
}
