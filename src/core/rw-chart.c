/* rw-chart.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drawing: paints what the layout (rw-chart-layout.c) placed, onto any
 * cairo_t, the same way on screen and into files. Days are points, lines
 * broken at gaps and bars; weeks and months are a mean line over a band
 * from the lowest to the highest day, one closed path per unbroken run,
 * not a box per day or per pixel. Missing days and weeks are gaps.
 */
#define G_LOG_DOMAIN "rw-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "rw-chart-private.h"
#include "rw-date.h"
#include "rw-insights.h"

#define BAND_ALPHA 0.3

/* The order of the legend, of the box's lines and of drawing (mood last
 * among the metrics, over them). */
static const RwSeriesKind legend_order[RW_N_SERIES] = {
  RW_SERIES_MOOD, RW_SERIES_ANXIETY, RW_SERIES_FOCUS, RW_SERIES_HOPE, RW_SERIES_ENERGY,
  RW_SERIES_SLEEP_HOURS, RW_SERIES_SLEEP_QUALITY,
};

static RwColor
rgb (guint32 hex,
     double  alpha)
{
  RwColor c = { ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0, (hex & 0xff) / 255.0, alpha };
  return c;
}

/**
 * rw_chart_style_init:
 * @style: the style to fill
 * @dark: colours for a dark background
 *
 * Fills @style with the GNOME palette colours Rewire uses when no widget
 * style is at hand (the command line), at 96 dpi.
 */
void
rw_chart_style_init (RwChartStyle *style,
                     gboolean      dark)
{
  style->background = dark ? rgb (0x242424, 1) : rgb (0xffffff, 1);
  style->foreground = dark ? rgb (0xffffff, 1) : rgb (0x1e1e1e, 1);
  style->dim = dark ? rgb (0xffffff, 0.6) : rgb (0x000000, 0.6);
  style->grid = dark ? rgb (0xffffff, 0.12) : rgb (0x000000, 0.1);
  style->series[RW_SERIES_MOOD] = dark ? rgb (0x3584e4, 1) : rgb (0x62a0ea, 1);
  style->series[RW_SERIES_ANXIETY] = dark ? rgb (0xffa348, 1) : rgb (0xc64600, 1);
  style->series[RW_SERIES_FOCUS] = dark ? rgb (0xdc8add, 1) : rgb (0x813d9c, 1);
  style->series[RW_SERIES_HOPE] = dark ? rgb (0x8ff0a4, 1) : rgb (0x26a269, 1);
  style->series[RW_SERIES_ENERGY] = dark ? rgb (0xf9f06b, 1) : rgb (0xc88800, 1);
  style->series[RW_SERIES_SLEEP_QUALITY] = dark ? rgb (0xc0bfbc, 1) : rgb (0x5e5c64, 1);
  style->series[RW_SERIES_SLEEP_HOURS] = rgb (0x62a0ea, 0.55);
  style->rolling = dark ? rgb (0xc5dcf8, 1) : rgb (0x1a5fb4, 1);
  style->marker = dark ? rgb (0xf66151, 0.9) : rgb (0xc01c28, 0.9);
  style->font = "Sans 9";
  style->resolution = 96;
}

RwChart *
rw_chart_new (void)
{
  RwChart *chart = g_new0 (RwChart, 1);
  RwChartStyle style;

  chart->markers = g_array_new (FALSE, FALSE, sizeof (RwChartMarker));
  chart->visible[RW_SERIES_MOOD] = TRUE;
  chart->visible[RW_SERIES_SLEEP_HOURS] = TRUE;
  chart->visible[RW_SERIES_SLEEP_QUALITY] = TRUE;
  chart->highlight = -1;
  chart->width = 600;
  chart->height = 300;
  rw_chart_style_init (&style, FALSE);
  rw_chart_set_style (chart, &style);
  return chart;
}

void
rw_chart_clear_markers (RwChart *chart)
{
  g_return_if_fail (chart != NULL);

  for (guint i = 0; i < chart->markers->len; i++)
    {
      g_free (g_array_index (chart->markers, RwChartMarker, i).label);
      g_free (g_array_index (chart->markers, RwChartMarker, i).detail);
    }
  g_array_set_size (chart->markers, 0);
  rw_chart_invalidate (chart);
}

void
rw_chart_free (RwChart *chart)
{
  rw_chart_clear_markers (chart);
  g_array_unref (chart->markers);
  rw_chart_invalidate (chart);
  g_clear_object (&chart->context);
  g_clear_pointer (&chart->series, rw_series_unref);
  g_free (chart->font);
  g_free (chart);
}

void
rw_chart_set_series (RwChart  *chart,
                     RwSeries *series)
{
  g_return_if_fail (chart != NULL);

  if (series != NULL)
    rw_series_ref (series);
  g_clear_pointer (&chart->series, rw_series_unref);
  chart->series = series;
  chart->highlight = -1;
  rw_chart_invalidate (chart);
}

RwSeries *
rw_chart_get_series (RwChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);
  return chart->series;
}

void
rw_chart_set_visible (RwChart      *chart,
                      RwSeriesKind  kind,
                      gboolean      visible)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (kind < RW_N_SERIES);

  visible = !!visible;
  if (chart->visible[kind] == visible)
    return;
  chart->visible[kind] = visible;
  rw_chart_invalidate (chart);
}

gboolean
rw_chart_get_visible (RwChart      *chart,
                      RwSeriesKind  kind)
{
  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (kind < RW_N_SERIES, FALSE);
  return chart->visible[kind];
}

void
rw_chart_add_marker (RwChart    *chart,
                     guint32     day,
                     const char *label)
{
  RwChartMarker marker = { day, g_strdup (label), NULL, FALSE };

  g_return_if_fail (chart != NULL);

  g_array_append_val (chart->markers, marker);
  rw_chart_invalidate (chart);
}

void
rw_chart_add_session_marker (RwChart    *chart,
                             guint32     day,
                             const char *detail,
                             gboolean    scheduled)
{
  RwChartMarker marker = { day, NULL, g_strdup (detail), !!scheduled };

  g_return_if_fail (chart != NULL);

  g_array_append_val (chart->markers, marker);
  rw_chart_invalidate (chart);
}

/**
 * rw_chart_set_size:
 * @chart: the chart
 * @width: its width in user units (pixels on screen, points in a PDF)
 * @height: its height
 */
void
rw_chart_set_size (RwChart *chart,
                   double   width,
                   double   height)
{
  g_return_if_fail (chart != NULL);

  width = MAX (width, 1);
  height = MAX (height, 1);
  if (width == chart->width && height == chart->height)
    return;
  chart->width = width;
  chart->height = height;
  rw_chart_invalidate (chart);
}

/**
 * rw_chart_set_style:
 * @chart: the chart
 * @style: colours, font and text resolution; copied
 *
 * A change of colours alone is drawn with the layout as it is.
 */
void
rw_chart_set_style (RwChart            *chart,
                    const RwChartStyle *style)
{
  const char *font;
  double resolution;

  g_return_if_fail (chart != NULL);
  g_return_if_fail (style != NULL);

  font = style->font != NULL ? style->font : "Sans 9";
  resolution = style->resolution > 0 ? style->resolution : 96;
  if (g_strcmp0 (font, chart->font) != 0 || resolution != chart->style.resolution)
    {
      g_free (chart->font);
      chart->font = g_strdup (font);
      if (chart->context != NULL)
        pango_cairo_context_set_resolution (chart->context, resolution);
      rw_chart_invalidate (chart);
    }
  chart->style = *style;
  chart->style.font = chart->font;
  chart->style.resolution = resolution;
}

guint
rw_chart_get_layout_count (RwChart *chart)
{
  g_return_val_if_fail (chart != NULL, 0);
  return chart->layout_count;
}

guint
rw_chart_get_draw_count (RwChart *chart)
{
  g_return_val_if_fail (chart != NULL, 0);
  return chart->draw_count;
}

static const RwColor *
ink_color (const RwChartStyle *style,
           RwInk               ink)
{
  switch (ink)
    {
    case RW_INK_FOREGROUND:
      return &style->foreground;
    case RW_INK_DIM:
      return &style->dim;
    case RW_INK_GRID:
      return &style->grid;
    case RW_INK_ROLLING:
      return &style->rolling;
    case RW_INK_MARKER:
      return &style->marker;
    default:
      g_assert (ink - RW_INK_SERIES < RW_N_SERIES);
      return &style->series[ink - RW_INK_SERIES];
    }
}

static void
set_color (cairo_t       *cr,
           const RwColor *color,
           double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, alpha);
}

/* Day values of one series through the days that have them: a line broken
 * at gaps (a day alone between gaps is a dot), or one dot per day. */
static void
draw_days (RwChart            *chart,
           cairo_t            *cr,
           const RwChartPanel *panel,
           RwSeriesKind        kind,
           gboolean            points,
           const RwColor      *color)
{
  const RwChartLayout *layout = chart->layout;
  RwSeries *s = chart->series;
  guint n = layout->n_days;
  double radius = CLAMP (layout->day_w / 3, 1.5, 4.0);
  gboolean pen_down = FALSE;

  set_color (cr, color, 1);
  cairo_set_line_width (cr, 1.5);
  for (guint i = 0; i < n; i++)
    {
      double v = rw_series_get_value (s, kind, i);
      double x = layout->plot_x + (i + 0.5) * layout->day_w;

      if (isnan (v))
        {
          pen_down = FALSE;
          continue;
        }
      if (points)
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, x, rw_chart_panel_y (panel, v), radius, 0, 2 * G_PI);
        }
      else if (pen_down)
        cairo_line_to (cr, x, rw_chart_panel_y (panel, v));
      else if (i + 1 >= n || isnan (rw_series_get_value (s, kind, i + 1)))
        {
          /* A day alone between gaps: a line cannot show it, a dot can. */
          cairo_new_sub_path (cr);
          cairo_arc (cr, x, rw_chart_panel_y (panel, v), 1.75, 0, 2 * G_PI);
          cairo_close_path (cr);
          cairo_new_sub_path (cr);
        }
      else
        {
          cairo_move_to (cr, x, rw_chart_panel_y (panel, v));
          pen_down = TRUE;
        }
    }
  if (points)
    cairo_fill (cr);
  else
    cairo_stroke (cr);
}

static void
draw_rolling (RwChart            *chart,
              cairo_t            *cr,
              const RwChartPanel *panel,
              const RwColor      *color)
{
  const RwChartLayout *layout = chart->layout;
  gboolean pen_down = FALSE;

  set_color (cr, color, 1);
  cairo_set_line_width (cr, 2.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < layout->n_days; i++)
    {
      double v = rw_series_get_rolling (chart->series, i);
      double x = layout->plot_x + (i + 0.5) * layout->day_w;

      if (isnan (v))
        pen_down = FALSE;
      else if (pen_down)
        cairo_line_to (cr, x, rw_chart_panel_y (panel, v));
      else
        {
          cairo_move_to (cr, x, rw_chart_panel_y (panel, v));
          pen_down = TRUE;
        }
    }
  cairo_stroke (cr);
}

static void
draw_bars (RwChart            *chart,
           cairo_t            *cr,
           const RwChartPanel *panel,
           const RwColor      *color)
{
  const RwChartLayout *layout = chart->layout;
  double bar = MAX (1.0, layout->day_w * 0.7);
  double base = panel->y + panel->h;

  set_color (cr, color, color->alpha);
  for (guint i = 0; i < layout->n_days; i++)
    {
      double v = rw_series_get_value (chart->series, RW_SERIES_SLEEP_HOURS, i);
      double top;

      if (isnan (v))
        continue;
      top = rw_chart_panel_y (panel, v);
      cairo_rectangle (cr, layout->plot_x + (i + 0.5) * layout->day_w - bar / 2, top, bar,
                       base - top);
    }
  cairo_fill (cr);
}

/* The colour of a band: translucent, or, over an opaque background, the
 * same colour already blended, which is cheaper to fill. */
static RwColor
band_color (const RwColor      *color,
            const RwChartStyle *style)
{
  const RwColor *bg = &style->background;
  double a = color->alpha * BAND_ALPHA;

  if (bg->alpha < 1)
    return (RwColor) { color->red, color->green, color->blue, a };
  return (RwColor) { bg->red * (1 - a) + color->red * a, bg->green * (1 - a) + color->green * a,
                     bg->blue * (1 - a) + color->blue * a, 1 };
}

#define BIN_X(b) (g_array_index (layout->bins, RwChartBin, (b)).x)

/* Weeks or months: the band from each one's lowest to its highest day,
 * one closed path per run of weeks with values, all in one fill. */
static void
draw_band (RwChart            *chart,
           cairo_t            *cr,
           const RwChartPanel *panel,
           RwSeriesKind        kind,
           const RwColor      *color)
{
  const RwChartLayout *layout = chart->layout;
  const RwChartStat *stats = layout->stats[kind];
  guint n = layout->bins->len;

  for (guint b = 0; b < n;)
    {
      guint end = b;

      if (isnan (stats[b].mean))
        {
          b++;
          continue;
        }
      while (end + 1 < n && !isnan (stats[end + 1].mean))
        end++;
      if (end == b)
        {
          /* One week alone: a short bar of its range. */
          double top = rw_chart_panel_y (panel, stats[b].max);
          double bottom = rw_chart_panel_y (panel, stats[b].min);

          cairo_rectangle (cr, BIN_X (b) - 1.5, top - 0.5, 3, bottom - top + 1);
        }
      else
        {
          cairo_move_to (cr, BIN_X (b), rw_chart_panel_y (panel, stats[b].max));
          for (guint i = b + 1; i <= end; i++)
            cairo_line_to (cr, BIN_X (i), rw_chart_panel_y (panel, stats[i].max));
          for (guint i = end + 1; i-- > b;)
            cairo_line_to (cr, BIN_X (i), rw_chart_panel_y (panel, stats[i].min));
          cairo_close_path (cr);
        }
      b = end + 1;
    }
  set_color (cr, color, color->alpha);
  cairo_fill (cr);
}

/* The weekly or monthly means, a line broken where a week has none. */
static void
draw_means (RwChart            *chart,
            cairo_t            *cr,
            const RwChartPanel *panel,
            RwSeriesKind        kind,
            const RwColor      *color,
            double              line_width)
{
  const RwChartLayout *layout = chart->layout;
  const RwChartStat *stats = layout->stats[kind];
  guint n = layout->bins->len;

  for (guint b = 0; b < n; b++)
    {
      double y;

      if (isnan (stats[b].mean))
        continue;
      y = rw_chart_panel_y (panel, stats[b].mean);
      if (b > 0 && !isnan (stats[b - 1].mean))
        cairo_line_to (cr, BIN_X (b), y);
      else if (b + 1 < n && !isnan (stats[b + 1].mean))
        cairo_move_to (cr, BIN_X (b), y);
      else
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, BIN_X (b), y, line_width, 0, 2 * G_PI);
          cairo_close_path (cr);
          cairo_new_sub_path (cr);
        }
    }
  set_color (cr, color, 1);
  cairo_set_line_width (cr, line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
}

#undef BIN_X

/* A panel's scale lines as boxes a pixel tall: boxes on whole pixels are
 * filled as rectangles, where a thin stroke is a shape to rasterise. */
static void
draw_scale_lines (cairo_t            *cr,
                  const RwChartPanel *panel,
                  const RwChartStyle *style)
{
  for (guint t = 0; t < panel->n_ticks; t++)
    cairo_rectangle (cr, panel->x, round (rw_chart_panel_y (panel, panel->ticks[t])), panel->w, 1);
  set_color (cr, &style->grid, style->grid.alpha);
  cairo_fill (cr);
}

/* A panel: bands under the scale lines, then the lines, points and bars;
 * mood last, over the other metrics. */
static void
draw_panel (RwChart            *chart,
            cairo_t            *cr,
            RwPanelKind         which,
            const RwChartStyle *style)
{
  static const RwSeriesKind metrics[] = { RW_SERIES_ANXIETY, RW_SERIES_FOCUS, RW_SERIES_HOPE,
                                          RW_SERIES_ENERGY, RW_SERIES_MOOD };
  const RwChartLayout *layout = chart->layout;
  const RwChartPanel *panel = &layout->panels[which];
  const RwSeriesKind *kinds = which == RW_PANEL_METRICS ? metrics
                              : which == RW_PANEL_SLEEP_HOURS
                              ? (const RwSeriesKind[]) { RW_SERIES_SLEEP_HOURS }
                              : (const RwSeriesKind[]) { RW_SERIES_SLEEP_QUALITY };
  guint n = which == RW_PANEL_METRICS ? G_N_ELEMENTS (metrics) : 1;
  gboolean days = layout->step == RW_CHART_STEP_DAY;

  if (!days)
    for (guint i = 0; i < n; i++)
      if (chart->visible[kinds[i]] && layout->band[kinds[i]])
        {
          RwColor color = band_color (&style->series[kinds[i]], style);
          draw_band (chart, cr, panel, kinds[i], &color);
        }
  draw_scale_lines (cr, panel, style);
  for (guint i = 0; i < n; i++)
    {
      RwSeriesKind kind = kinds[i];
      const RwColor *color = &style->series[kind];

      if (!chart->visible[kind])
        continue;
      if (!days)
        draw_means (chart, cr, panel, kind, kind == RW_SERIES_MOOD ? &style->rolling : color,
                    kind == RW_SERIES_MOOD ? 2.5 : layout->band[kind] ? 2 : 1.5);
      else if (kind == RW_SERIES_SLEEP_HOURS)
        draw_bars (chart, cr, panel, color);
      else
        {
          draw_days (chart, cr, panel, kind, kind == RW_SERIES_MOOD, color);
          if (kind == RW_SERIES_MOOD && layout->rolling)
            draw_rolling (chart, cr, panel, &style->rolling);
        }
    }
}

static void
draw_legend (RwChart            *chart,
             cairo_t            *cr,
             const RwChartStyle *style)
{
  const RwChartLayout *layout = chart->layout;
  double h = layout->swatch_h;

  for (guint i = 0; i < layout->legend->len; i++)
    {
      const RwChartLegendEntry *entry = &g_array_index (layout->legend, RwChartLegendEntry, i);
      const RwColor *color = ink_color (style, entry->ink);
      double x = entry->x, y = entry->y;

      switch (entry->swatch)
        {
        case RW_SWATCH_DOT:
          set_color (cr, color, color->alpha);
          cairo_arc (cr, x + 6, y + h / 2, 3.5, 0, 2 * G_PI);
          break;
        case RW_SWATCH_LINE:
          set_color (cr, color, 1);
          cairo_rectangle (cr, x, y + h / 2 - 1, 12, 2);
          break;
        case RW_SWATCH_THICK_LINE:
          set_color (cr, color, 1);
          cairo_rectangle (cr, x, y + h / 2 - 1.5, 12, 3);
          break;
        case RW_SWATCH_BAR:
          set_color (cr, color, color->alpha);
          cairo_rectangle (cr, x + 2, y, 8, h);
          break;
        case RW_SWATCH_BAND:
          set_color (cr, color, color->alpha * BAND_ALPHA * 1.5);
          cairo_rectangle (cr, x, y, 12, h);
          break;
        default:
          g_assert_not_reached ();
        }
      cairo_fill (cr);
    }
}

/* Done sessions a solid line with a filled head, scheduled ones dashed
 * with a hollow head: apart without colour, in print. */
static void
draw_markers (RwChart            *chart,
              cairo_t            *cr,
              const RwChartStyle *style)
{
  const RwChartLayout *layout = chart->layout;
  guint32 first = rw_series_get_first (chart->series);
  guint32 last = rw_series_get_last (chart->series);
  static const double dash[] = { 4, 3 };

  if (chart->markers->len == 0)
    return;
  set_color (cr, &style->marker, style->marker.alpha);
  cairo_set_line_width (cr, 1);
  for (int scheduled = 0; scheduled < 2; scheduled++)
    {
      for (guint m = 0; m < chart->markers->len; m++)
        {
          RwChartMarker *marker = &g_array_index (chart->markers, RwChartMarker, m);
          double x;

          if (marker->day < first || marker->day > last || marker->scheduled != scheduled)
            continue;
          x = round (layout->plot_x + (marker->day - first + 0.5) * layout->day_w) + 0.5;
          cairo_move_to (cr, x, layout->top + 6);
          cairo_line_to (cr, x, layout->bottom);
        }
      cairo_set_dash (cr, dash, scheduled ? G_N_ELEMENTS (dash) : 0, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      for (guint m = 0; m < chart->markers->len; m++)
        {
          RwChartMarker *marker = &g_array_index (chart->markers, RwChartMarker, m);
          double x;

          if (marker->day < first || marker->day > last || marker->scheduled != scheduled)
            continue;
          x = round (layout->plot_x + (marker->day - first + 0.5) * layout->day_w) + 0.5;
          cairo_new_sub_path (cr);
          cairo_arc (cr, x, layout->top + 3.5, scheduled ? 2.5 : 3, 0, 2 * G_PI);
        }
      if (scheduled)
        cairo_stroke (cr);
      else
        cairo_fill (cr);
    }
}

static void
draw_labels (RwChart            *chart,
             cairo_t            *cr,
             RwChartPart         part,
             const RwChartStyle *style)
{
  const RwChartLayout *layout = chart->layout;

  for (guint i = 0; i < layout->labels->len; i++)
    {
      const RwChartLabel *label = &g_array_index (layout->labels, RwChartLabel, i);
      const RwColor *color = ink_color (style, label->ink);

      if (label->part != part)
        continue;
      set_color (cr, color, color->alpha);
      cairo_move_to (cr, label->x, label->y);
      pango_cairo_show_layout (cr, label->layout);
    }
}

static void
draw_date_ticks (RwChart            *chart,
                 cairo_t            *cr,
                 const RwChartStyle *style)
{
  const RwChartLayout *layout = chart->layout;

  for (guint t = 0; t < layout->date_ticks->len; t++)
    cairo_rectangle (cr, round (g_array_index (layout->date_ticks, double, t)),
                     layout->date_tick_y - 4, 1, 4);
  set_color (cr, &style->grid, style->grid.alpha);
  cairo_fill (cr);
}

/**
 * rw_chart_draw_part:
 * @chart: the chart, at the size of the last rw_chart_set_size()
 * @cr: where to draw, with (0, 0) at the top left of the chart
 * @part: which part
 * @style: colours; its font and resolution are the chart's
 *
 * Draws @part, within its area and over what is there (it paints no
 * background), from the layout of the last draw when nothing it depends
 * on changed.
 */
void
rw_chart_draw_part (RwChart            *chart,
                    cairo_t            *cr,
                    RwChartPart         part,
                    const RwChartStyle *style)
{
  const RwChartLayout *layout;
  const cairo_rectangle_t *area;

  g_return_if_fail (chart != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (part < RW_N_CHART_PARTS);
  g_return_if_fail (style != NULL);

  layout = rw_chart_ensure_layout (chart);
  if (!layout->part_shown[part])
    return;
  area = &layout->parts[part];
  chart->draw_count++;

  cairo_save (cr);
  cairo_rectangle (cr, area->x, area->y, area->width, area->height);
  cairo_clip (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_DEFAULT);
  switch (part)
    {
    case RW_CHART_PART_METRICS:
      draw_panel (chart, cr, RW_PANEL_METRICS, style);
      break;
    case RW_CHART_PART_SLEEP_HOURS:
      draw_panel (chart, cr, RW_PANEL_SLEEP_HOURS, style);
      break;
    case RW_CHART_PART_SLEEP_QUALITY:
      draw_panel (chart, cr, RW_PANEL_SLEEP_QUALITY, style);
      break;
    case RW_CHART_PART_DATES:
      draw_date_ticks (chart, cr, style);
      break;
    case RW_CHART_PART_MARKERS:
      draw_markers (chart, cr, style);
      break;
    case RW_CHART_PART_LEGEND:
      draw_legend (chart, cr, style);
      break;
    case RW_CHART_PART_SCALES:
    case RW_CHART_PART_MESSAGE:
    default:
      break;
    }
  draw_labels (chart, cr, part, style);
  cairo_restore (cr);
}

/**
 * rw_chart_draw:
 * @chart: the chart
 * @cr: where to draw, with (0, 0) at the top left of the chart
 * @width: its width in user units
 * @height: its height
 * @style: colours and font
 *
 * Paints the background and draws every part of the chart (not the
 * highlight, which is a layer of its own), from the layout of the last
 * draw when nothing it depends on changed.
 */
void
rw_chart_draw (RwChart            *chart,
               cairo_t            *cr,
               double              width,
               double              height,
               const RwChartStyle *style)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);

  rw_chart_set_size (chart, width, height);
  rw_chart_set_style (chart, style);
  rw_chart_ensure_layout (chart);

  cairo_save (cr);
  set_color (cr, &chart->style.background, chart->style.background.alpha);
  cairo_paint (cr);
  cairo_restore (cr);
  for (guint p = 0; p < RW_N_CHART_PARTS; p++)
    rw_chart_draw_part (chart, cr, p, &chart->style);
}

void
rw_chart_set_highlight (RwChart *chart,
                        int      index)
{
  g_return_if_fail (chart != NULL);

  if (chart->series == NULL || index < 0 || (guint) index >= rw_series_get_n_days (chart->series))
    index = -1;
  if (index == chart->highlight)
    return;
  chart->highlight = index;
  g_clear_object (&chart->highlight_layout);
}

int
rw_chart_get_highlight (RwChart *chart)
{
  g_return_val_if_fail (chart != NULL, -1);
  return chart->highlight;
}

/**
 * rw_chart_move_highlight:
 * @chart: the chart
 * @move: where to
 *
 * Moves the highlight by one point of what is drawn: a day, or a week or
 * month on long ranges (to its first day). From no highlight, Previous
 * and Next start at the last point.
 */
void
rw_chart_move_highlight (RwChart     *chart,
                         RwChartMove  move)
{
  const RwChartLayout *layout;
  int point, n_points;

  g_return_if_fail (chart != NULL);

  layout = rw_chart_ensure_layout (chart);
  if (layout->empty)
    return;
  n_points = layout->step == RW_CHART_STEP_DAY ? (int) layout->n_days : (int) layout->bins->len;
  point = chart->highlight < 0 ? -1 : (int) rw_chart_layout_point_of (layout, chart->highlight);
  switch (move)
    {
    case RW_CHART_MOVE_PREVIOUS:
      point = point < 0 ? n_points - 1 : MAX (0, point - 1);
      break;
    case RW_CHART_MOVE_NEXT:
      point = point < 0 ? n_points - 1 : MIN (n_points - 1, point + 1);
      break;
    case RW_CHART_MOVE_FIRST:
      point = 0;
      break;
    case RW_CHART_MOVE_LAST:
      point = n_points - 1;
      break;
    default:
      g_return_if_reached ();
    }
  rw_chart_set_highlight (chart, layout->step == RW_CHART_STEP_DAY
                                 ? point
                                 : (int) g_array_index (layout->bins, RwChartBin, point).start);
}

static void
append_line (GString    *markup,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

static void
append_line (GString    *markup,
             const char *format,
             ...)
{
  g_autofree char *line = NULL;
  va_list args;

  va_start (args, format);
  line = g_markup_vprintf_escaped (format, args);
  va_end (args);
  g_string_append_c (markup, '\n');
  g_string_append (markup, line);
}

/* The markers' lines (sessions) from @first to @last, with their dates
 * when the box stands for more than a day. */
static void
append_marker_details (RwChart *chart,
                       GString *markup,
                       guint32  first,
                       guint32  last)
{
  for (guint m = 0; m < chart->markers->len; m++)
    {
      const RwChartMarker *marker = &g_array_index (chart->markers, RwChartMarker, m);
      g_autofree char *date = NULL;

      if (marker->detail == NULL || marker->day < first || marker->day > last)
        continue;
      if (first == last)
        {
          append_line (markup, "%s", marker->detail);
          continue;
        }
      date = rw_date_format (marker->day, "%-d %B");
      /* Translators: a session in a week's or month's box, "12 March: Session: …" */
      append_line (markup, _("%s: %s"), date, marker->detail);
    }
}

static char *
describe_day (RwChart *chart)
{
  RwSeries *s = chart->series;
  guint i = (guint) chart->highlight;
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *date = rw_date_format (rw_series_get_first (s) + i, "%A %-d %B %Y");
  g_autofree char *title = g_markup_printf_escaped ("<b>%s</b>", date);

  g_string_append (markup, title);
  if (rw_series_get_check_ins (s, i) == 0)
    append_line (markup, "%s", _("No check-in"));
  for (guint o = 0; o < RW_N_SERIES; o++)
    {
      RwSeriesKind k = legend_order[o];
      double v = rw_series_get_value (s, k, i);

      if (!chart->visible[k] || isnan (v))
        continue;
      if (k == RW_SERIES_SLEEP_HOURS)
        append_line (markup, _("%s: %g h"), rw_series_kind_get_label (k), v);
      else
        append_line (markup, _("%s: %.1f"), rw_series_kind_get_label (k), v);
    }
  if (chart->layout->rolling && !isnan (rw_series_get_rolling (s, i)))
    append_line (markup, _("%s: %.1f"), _("7-day mean"), rw_series_get_rolling (s, i));
  append_marker_details (chart, markup, rw_series_get_first (s) + i, rw_series_get_first (s) + i);
  return g_string_free (g_steal_pointer (&markup), FALSE);
}

static char *
describe_bin (RwChart *chart)
{
  const RwChartLayout *layout = chart->layout;
  RwSeries *s = chart->series;
  guint b = rw_chart_layout_point_of (layout, chart->highlight);
  const RwChartBin *bin = &g_array_index (layout->bins, RwChartBin, b);
  guint32 first = rw_series_get_first (s) + bin->start;
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *title = NULL;
  guint logged = 0;
  GDate start;

  g_date_clear (&start, 1);
  g_date_set_julian (&start, first);
  /* The bucket by its name, even where the range cuts it short: the
   * line below says how many of its days are in it. */
  if (layout->step == RW_CHART_STEP_MONTH)
    {
      g_autofree char *month = rw_date_format (first, "%B %Y");
      title = g_markup_printf_escaped ("<b>%s</b>", month);
    }
  else
    {
      guint32 monday = first - (g_date_get_weekday (&start) - G_DATE_MONDAY);
      g_autofree char *date = rw_date_format (monday, "%A %-d %B %Y");
      /* Translators: the week a point of a long-range chart stands for,
       * "Week of Monday 9 March 2026" */
      g_autofree char *week = g_strdup_printf (_("Week of %s"), date);
      title = g_markup_printf_escaped ("<b>%s</b>", week);
    }
  g_string_append (markup, title);

  for (guint i = bin->start; i < bin->end; i++)
    logged += rw_series_get_check_ins (s, i) > 0;
  append_line (markup, g_dngettext (GETTEXT_PACKAGE, "%u of %u day with a check-in",
                                    "%u of %u days with a check-in", bin->end - bin->start),
               logged, bin->end - bin->start);
  for (guint o = 0; o < RW_N_SERIES; o++)
    {
      RwSeriesKind k = legend_order[o];
      const RwChartStat *stat;

      if (!chart->visible[k] || layout->stats[k] == NULL)
        continue;
      stat = &layout->stats[k][b];
      if (isnan (stat->mean))
        continue;
      if (k == RW_SERIES_SLEEP_HOURS)
        append_line (markup, _("%s: mean %.1f h, %g to %g h"), rw_series_kind_get_label (k),
                     stat->mean, stat->min, stat->max);
      else
        append_line (markup, _("%s: mean %.1f, %.1f to %.1f"), rw_series_kind_get_label (k),
                     stat->mean, stat->min, stat->max);
    }
  append_marker_details (chart, markup, first, rw_series_get_first (s) + bin->end - 1);
  return g_string_free (g_steal_pointer (&markup), FALSE);
}

static PangoLayout *
ensure_highlight_layout (RwChart *chart)
{
  const RwChartLayout *layout = rw_chart_ensure_layout (chart);

  if (chart->highlight < 0 || layout->empty)
    return NULL;
  if (chart->highlight_layout == NULL)
    {
      g_autoptr(PangoFontDescription) font = pango_font_description_from_string (chart->font);
      g_autofree char *markup = layout->step == RW_CHART_STEP_DAY ? describe_day (chart)
                                                                  : describe_bin (chart);

      chart->highlight_layout = pango_layout_new (rw_chart_get_context (chart));
      pango_layout_set_font_description (chart->highlight_layout, font);
      pango_layout_set_markup (chart->highlight_layout, markup, -1);
    }
  return chart->highlight_layout;
}

/**
 * rw_chart_get_highlight_text:
 * @chart: the chart
 *
 * Returns: (nullable): what the highlight's box says, as plain text
 */
const char *
rw_chart_get_highlight_text (RwChart *chart)
{
  PangoLayout *text;

  g_return_val_if_fail (chart != NULL, NULL);

  text = ensure_highlight_layout (chart);
  return text != NULL ? pango_layout_get_text (text) : NULL;
}

/**
 * rw_chart_get_highlight_layout:
 * @chart: the chart
 *
 * The text of the highlight's box, laid out, for a widget that draws the
 * box itself; it goes 6 pixels right of and 5 below the box's top left.
 *
 * Returns: (transfer none) (nullable): the layout, or %NULL
 */
PangoLayout *
rw_chart_get_highlight_layout (RwChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);
  return ensure_highlight_layout (chart);
}

/**
 * rw_chart_get_highlight_area:
 * @chart: the chart
 * @x: (out) (optional): where the highlight's line is
 * @top: (out) (optional): where it begins, at the top of the plots
 * @bottom: (out) (optional): where it ends, at the bottom of the top panel
 * @box: (out) (optional): the box with the values, in whole pixels
 *
 * Returns: whether something is highlighted
 */
gboolean
rw_chart_get_highlight_area (RwChart           *chart,
                             double            *x,
                             double            *top,
                             double            *bottom,
                             cairo_rectangle_t *box)
{
  const RwChartLayout *layout;
  PangoLayout *text;
  double line_x, bx;
  int w, h;

  g_return_val_if_fail (chart != NULL, FALSE);

  text = ensure_highlight_layout (chart);
  if (text == NULL)
    return FALSE;
  layout = chart->layout;
  if (layout->step == RW_CHART_STEP_DAY)
    line_x = layout->plot_x + (chart->highlight + 0.5) * layout->day_w;
  else
    line_x = g_array_index (layout->bins, RwChartBin,
                            rw_chart_layout_point_of (layout, chart->highlight)).x;
  pango_layout_get_pixel_size (text, &w, &h);
  w += 2 * RW_CHART_BOX_PADDING_X;
  h += 2 * RW_CHART_BOX_PADDING_Y;
  bx = line_x + 10 + w > layout->width - 2 ? line_x - 10 - w : line_x + 10;
  bx = MAX (2, bx);
  if (x != NULL)
    *x = line_x;
  if (top != NULL)
    *top = layout->top;
  /* The line crosses the top panel, where the box is, and stops there:
   * moving it then repaints that panel alone, not every one below. */
  if (bottom != NULL)
    for (guint p = 0; p < RW_N_PANELS; p++)
      if (layout->panels[p].shown)
        {
          *bottom = layout->panels[p].y + layout->panels[p].h;
          break;
        }
  if (box != NULL)
    *box = (cairo_rectangle_t) { floor (bx), floor (layout->top + 4), w, h };
  return TRUE;
}

/**
 * rw_chart_draw_highlight_box:
 * @chart: the chart
 * @cr: where to draw, in the chart's coordinates
 * @style: colours (the font is the chart's)
 *
 * Draws the box with the highlighted day's (or week's, or month's)
 * values, within the box rw_chart_get_highlight_area() gives.
 */
void
rw_chart_draw_highlight_box (RwChart            *chart,
                             cairo_t            *cr,
                             const RwChartStyle *style)
{
  cairo_rectangle_t box;

  g_return_if_fail (chart != NULL);
  g_return_if_fail (style != NULL);

  if (!rw_chart_get_highlight_area (chart, NULL, NULL, NULL, &box))
    return;
  cairo_save (cr);
  cairo_rectangle (cr, box.x + 0.5, box.y + 0.5, box.width - 1, box.height - 1);
  set_color (cr, &style->background, 1);
  cairo_fill_preserve (cr);
  set_color (cr, &style->grid, MAX (style->grid.alpha, 0.2));
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  set_color (cr, &style->foreground, style->foreground.alpha);
  cairo_move_to (cr, box.x + RW_CHART_BOX_PADDING_X, box.y + RW_CHART_BOX_PADDING_Y);
  pango_cairo_show_layout (cr, chart->highlight_layout);
  cairo_restore (cr);
}

/**
 * rw_chart_draw_highlight:
 * @chart: the chart
 * @cr: where to draw, in the chart's coordinates
 * @style: colours
 *
 * Draws the highlight's line and box, over a chart drawn before.
 */
void
rw_chart_draw_highlight (RwChart            *chart,
                         cairo_t            *cr,
                         const RwChartStyle *style)
{
  double x, top, bottom;

  g_return_if_fail (chart != NULL);
  g_return_if_fail (style != NULL);

  if (!rw_chart_get_highlight_area (chart, &x, &top, &bottom, NULL))
    return;
  cairo_save (cr);
  cairo_rectangle (cr, floor (x), top, 1, bottom - top);
  set_color (cr, &style->dim, style->dim.alpha);
  cairo_fill (cr);
  cairo_restore (cr);
  rw_chart_draw_highlight_box (chart, cr, style);
}

char *
rw_chart_describe (RwChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);
  return rw_insights_describe (chart->series, chart->visible);
}
