/* rw-chart-layout.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * From top to bottom: a legend that wraps on narrow charts; a metrics
 * panel (0–10); a sleep hours panel and a sleep quality panel, each with
 * a caption and a scale of its own; dates along the bottom. Margins are
 * measured from the labels they hold, so large text is never cut.
 *
 * With room for every day (3 px or more) each day is a point. Otherwise
 * each week (5 px or more) or month is: its mean as a line, and for the
 * main series of a panel a band from its lowest to its highest day, so
 * that no bad day disappears from a long range. Those means and bands are
 * the reduction of the series to what is drawn; they are computed here,
 * with the rest of the layout, once per series, shown series, size and
 * font.
 */
#define G_LOG_DOMAIN "rw-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "rw-chart-private.h"
#include "rw-date.h"

#define PAD 8.0               /* around the chart */
#define GAP 6.0               /* between a label and what it names */
#define RIGHT 16.0            /* right of the plots, for the last date */
#define TICK 4.0              /* the date ticks' length */
#define SWATCH_W 12.0
#define MIN_DAY_WIDTH 3.0     /* narrower days: weeks */
#define MIN_WEEK_WIDTH 5.0    /* narrower weeks: months */
#define SLEEP_MIN_MAX 12.0    /* the sleep scale reaches at least 12 h */

void
rw_chart_layout_free (RwChartLayout *layout)
{
  for (guint i = 0; i < layout->labels->len; i++)
    g_object_unref (g_array_index (layout->labels, RwChartLabel, i).layout);
  g_array_unref (layout->labels);
  g_array_unref (layout->legend);
  g_array_unref (layout->date_ticks);
  g_array_unref (layout->bins);
  for (guint k = 0; k < RW_N_SERIES; k++)
    g_free (layout->stats[k]);
  g_free (layout);
}

PangoContext *
rw_chart_get_context (RwChart *chart)
{
  if (chart->context == NULL)
    {
      cairo_font_options_t *options = cairo_font_options_create ();

      chart->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
      /* Glyph positions unhinted: text is as wide at every scale and on
       * every surface. */
      cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
      pango_cairo_context_set_font_options (chart->context, options);
      cairo_font_options_destroy (options);
      pango_cairo_context_set_resolution (chart->context,
                                          chart->style.resolution > 0 ? chart->style.resolution : 96);
    }
  return chart->context;
}

double
rw_chart_panel_y (const RwChartPanel *panel,
                  double              value)
{
  return panel->y + panel->h - CLAMP (value, 0, panel->max) / panel->max * panel->h;
}

const RwChartPanel *
rw_chart_layout_panel_of (const RwChartLayout *layout,
                          RwSeriesKind         kind)
{
  const RwChartPanel *panel;

  if (kind == RW_SERIES_SLEEP_HOURS)
    panel = &layout->panels[RW_PANEL_SLEEP_HOURS];
  else if (kind == RW_SERIES_SLEEP_QUALITY)
    panel = &layout->panels[RW_PANEL_SLEEP_QUALITY];
  else
    panel = &layout->panels[RW_PANEL_METRICS];
  return panel->shown ? panel : NULL;
}

guint
rw_chart_layout_point_of (const RwChartLayout *layout,
                          guint                index)
{
  guint lo = 0, hi;

  if (layout->step == RW_CHART_STEP_DAY || layout->bins->len == 0)
    return index;
  hi = layout->bins->len - 1;
  while (lo < hi)
    {
      guint mid = (lo + hi + 1) / 2;

      if (g_array_index (layout->bins, RwChartBin, mid).start <= index)
        lo = mid;
      else
        hi = mid - 1;
    }
  return lo;
}

/* A laid-out text and its size in pixels. */
static PangoLayout *
new_text (RwChart                    *chart,
          const PangoFontDescription *font,
          const char                 *text,
          int                        *w,
          int                        *h)
{
  PangoLayout *layout = pango_layout_new (rw_chart_get_context (chart));

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, w, h);
  return layout;
}

/* Places @text (taking it) with its anchor, at the given fraction of its
 * size, on (x, y). */
static void
add_label (RwChartLayout *layout,
           RwChartPart    part,
           PangoLayout   *text,
           double         x,
           double         y,
           double         ax,
           double         ay,
           RwInk          ink)
{
  RwChartLabel label;
  int w, h;

  pango_layout_get_pixel_size (text, &w, &h);
  label.layout = text;
  label.x = x - ax * w;
  label.y = y - ay * h;
  label.ink = ink;
  label.part = part;
  g_array_append_val (layout->labels, label);
}

/* Makes @part's area reach over the rectangle. */
static void
grow (RwChartLayout *layout,
      RwChartPart    part,
      double         x,
      double         y,
      double         w,
      double         h)
{
  cairo_rectangle_t *area = &layout->parts[part];
  double x1 = x + w, y1 = y + h;

  if (!layout->part_shown[part])
    {
      *area = (cairo_rectangle_t) { x, y, w, h };
      layout->part_shown[part] = TRUE;
      return;
    }
  x1 = MAX (x1, area->x + area->width);
  y1 = MAX (y1, area->y + area->height);
  area->x = MIN (area->x, x);
  area->y = MIN (area->y, y);
  area->width = x1 - area->x;
  area->height = y1 - area->y;
}

/* Each part's area: what its labels and drawings cover, in whole pixels,
 * within the chart. */
static void
measure_parts (RwChartLayout *layout)
{
  for (guint i = 0; i < layout->labels->len; i++)
    {
      const RwChartLabel *label = &g_array_index (layout->labels, RwChartLabel, i);
      PangoRectangle ink, logical;

      pango_layout_get_pixel_extents (label->layout, &ink, &logical);
      grow (layout, label->part, label->x + logical.x - 1, label->y + logical.y - 1,
            logical.width + 2, logical.height + 2);
      if (ink.width > 0 && ink.height > 0)
        grow (layout, label->part, label->x + ink.x - 1, label->y + ink.y - 1, ink.width + 2,
              ink.height + 2);
    }
  for (guint p = 0; p < RW_N_CHART_PARTS; p++)
    {
      cairo_rectangle_t *area = &layout->parts[p];
      double x0, y0, x1, y1;

      if (!layout->part_shown[p])
        continue;
      x0 = MAX (0, floor (area->x));
      y0 = MAX (0, floor (area->y));
      x1 = MIN (layout->width, ceil (area->x + area->width));
      y1 = MIN (layout->height, ceil (area->y + area->height));
      *area = (cairo_rectangle_t) { x0, y0, MAX (0, x1 - x0), MAX (0, y1 - y0) };
      layout->part_shown[p] = area->width > 0 && area->height > 0;
    }
}

static char *
tick_text (RwPanelKind panel,
           double      value)
{
  if (panel == RW_PANEL_SLEEP_HOURS)
    /* Translators: hours of sleep on the chart's scale, "8 h" */
    return g_strdup_printf (_("%g h"), value);
  return g_strdup_printf ("%g", value);
}

/* The coarsest scale whose labels do not crowd each other: as many ticks
 * as fit one and a half lines apart. */
static void
choose_ticks (RwChartPanel *panel,
              double        line_height)
{
  static const double steps[] = { 2, 4, 5, 6, 8, 10, 12, 24 };
  double step = panel->max;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      double n = panel->max / steps[i];

      if (n != floor (n) || n > 6 || (panel->max == 10 && steps[i] != 5 && steps[i] != 10))
        continue;
      if (panel->h / n >= line_height * 1.5)
        {
          step = steps[i];
          break;
        }
    }
  panel->n_ticks = 0;
  for (double v = 0; v <= panel->max + 1e-9 && panel->n_ticks < G_N_ELEMENTS (panel->ticks); v += step)
    panel->ticks[panel->n_ticks++] = v;
}

typedef struct
{
  guint32 step;           /* days between ticks, or 0 for months/years */
  guint months;           /* months between ticks when step is 0 */
  const char *format;     /* for rw_date_format() */
} TickRule;

static void
lay_out_dates (RwChart                    *chart,
               RwChartLayout              *layout,
               const PangoFontDescription *font)
{
  RwSeries *s = chart->series;
  guint n = layout->n_days;
  guint32 first = rw_series_get_first (s);
  double per_day = layout->day_w;
  /* From the finest rule to the coarsest; the first whose labels fit wins. */
  static const TickRule rules[] = {
    { 1, 0, "%a %-d" }, { 2, 0, "%-d %b" }, { 7, 0, "%-d %b" }, { 14, 0, "%-d %b" },
    { 0, 1, "%b" }, { 0, 2, "%b" }, { 0, 3, "%b %Y" }, { 0, 6, "%b %Y" },
    { 0, 12, "%Y" }, { 0, 24, "%Y" }, { 0, 60, "%Y" },
  };
  const TickRule *rule = &rules[G_N_ELEMENTS (rules) - 1];
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (guint32));
  double last_right = -G_MAXDOUBLE;
  int widest, text_w, text_h;
  GDate date;

  g_object_unref (new_text (chart, font, "Wed 30 Sep", &widest, &text_h));

  g_date_clear (&date, 1);
  g_date_set_julian (&date, first);
  for (guint r = 0; r < G_N_ELEMENTS (rules); r++)
    {
      double spacing = rules[r].step > 0 ? rules[r].step * per_day
                                         : rules[r].months * 30.4 * per_day;

      if (spacing >= widest * (rules[r].step == 1 ? 1.1 : 0.8) + 8)
        {
          rule = &rules[r];
          break;
        }
      if (rules[r].step == 0)
        {
          /* Months and years also fit when their own labels do. */
          g_autofree char *label = rw_date_format (first, rules[r].format);

          g_object_unref (new_text (chart, font, label, &text_w, &text_h));
          if (spacing >= text_w + 16)
            {
              rule = &rules[r];
              break;
            }
        }
    }

  if (rule->step > 0)
    {
      /* Days or weeks: only chosen when a day is several pixels wide. */
      for (guint i = 0; i < n; i++)
        {
          guint32 day = first + i;

          g_date_set_julian (&date, day);
          if (rule->step == 1 ||
              (rule->step == 7 || rule->step == 14
               ? g_date_get_weekday (&date) == G_DATE_MONDAY && (rule->step == 7 || (day / 7) % 2 == 0)
               : (day % rule->step) == 0))
            g_array_append_val (days, day);
        }
    }
  else
    {
      /* Months and years: the firsts of the months in the range. */
      if (g_date_get_day (&date) != 1)
        {
          g_date_set_day (&date, 1);
          g_date_add_months (&date, 1);
        }
      for (; g_date_get_julian (&date) < first + n; g_date_add_months (&date, 1))
        if ((g_date_get_year (&date) * 12 + g_date_get_month (&date) - 1) % rule->months == 0)
          {
            guint32 day = g_date_get_julian (&date);
            g_array_append_val (days, day);
          }
    }

  layout->date_tick_y = round (layout->bottom + TICK);
  for (guint t = 0; t < days->len; t++)
    {
      guint32 day = g_array_index (days, guint32, t);
      /* A day's label is under its middle; a month's or week's at its start. */
      double x = layout->plot_x + (day - first + (rule->step == 1 ? 0.5 : 0)) * per_day;
      g_autofree char *label = rw_date_format (day, rule->format);
      PangoLayout *text;

      g_array_append_val (layout->date_ticks, x);
      grow (layout, RW_CHART_PART_DATES, round (x) - 1, layout->date_tick_y - TICK, 3, TICK);
      text = new_text (chart, font, label, &text_w, &text_h);
      if (x - text_w / 2.0 >= 2 && x + text_w / 2.0 <= layout->width - 2 &&
          x - text_w / 2.0 >= last_right + 4)
        {
          add_label (layout, RW_CHART_PART_DATES, text, x, layout->date_tick_y + 2, 0.5, 0, RW_INK_DIM);
          last_right = x + text_w / 2.0;
        }
      else
        g_object_unref (text);
    }
}

/* The legend, wrapping within the chart's width; returns its height. */
static double
lay_out_legend (RwChart                    *chart,
                RwChartLayout              *layout,
                const PangoFontDescription *font)
{
  /* Mood, its 7-day mean (-1), then the rest; the band's key (-2) last. */
  static const int order[] = { RW_SERIES_MOOD, -1, RW_SERIES_ANXIETY, RW_SERIES_FOCUS,
                               RW_SERIES_HOPE, RW_SERIES_ENERGY, RW_SERIES_SLEEP_HOURS,
                               RW_SERIES_SLEEP_QUALITY, -2 };
  gboolean days = layout->step == RW_CHART_STEP_DAY;
  gboolean any_band = FALSE;
  double x = layout->plot_x, y = PAD;
  double line = MAX (layout->line_height, layout->swatch_h) + 4;
  double extra = 0;  /* below the line, for an entry that wraps */

  for (guint k = 0; k < RW_N_SERIES; k++)
    any_band |= layout->band[k];

  for (guint o = 0; o < G_N_ELEMENTS (order); o++)
    {
      int k = order[o];
      g_autofree char *text = NULL;
      RwChartLegendEntry entry;
      PangoLayout *label;
      int w, h;

      if (k == -1)
        {
          if (!layout->rolling)
            continue;
          text = g_strdup (_("7-day mean"));
          entry = (RwChartLegendEntry) { RW_SWATCH_THICK_LINE, RW_INK_ROLLING };
        }
      else if (k == -2)
        {
          /* What a point is, said once rather than by every entry. */
          if (days)
            continue;
          if (any_band)
            text = g_strdup (layout->step == RW_CHART_STEP_WEEK
                             ? _("Weekly means; shaded: lowest to highest day")
                             : _("Monthly means; shaded: lowest to highest day"));
          else
            text = g_strdup (layout->step == RW_CHART_STEP_WEEK ? _("Weekly means")
                                                                 : _("Monthly means"));
          entry = (RwChartLegendEntry) { any_band ? RW_SWATCH_BAND : RW_SWATCH_LINE, RW_INK_DIM };
        }
      else if (!chart->visible[k])
        continue;
      else if (days)
        {
          text = g_strdup (k == RW_SERIES_MOOD ? _("Mood, day mean") : rw_series_kind_get_label (k));
          entry.swatch = k == RW_SERIES_MOOD ? RW_SWATCH_DOT
                         : k == RW_SERIES_SLEEP_HOURS ? RW_SWATCH_BAR : RW_SWATCH_LINE;
          entry.ink = RW_INK_SERIES + k;
        }
      else
        {
          text = g_strdup (rw_series_kind_get_label (k));
          entry.swatch = k == RW_SERIES_MOOD ? RW_SWATCH_THICK_LINE : RW_SWATCH_LINE;
          entry.ink = k == RW_SERIES_MOOD ? RW_INK_ROLLING : RW_INK_SERIES + k;
        }

      label = new_text (chart, font, text, &w, &h);
      if (x + SWATCH_W + 4 + w > layout->width - PAD && x > layout->plot_x)
        {
          x = layout->plot_x;
          y += line + extra;
          extra = 0;
        }
      if (x + SWATCH_W + 4 + w > layout->width - PAD)
        {
          /* Wider than the chart on a line of its own: it wraps. */
          pango_layout_set_width (label, MAX (1.0, layout->width - PAD - x - SWATCH_W - 4) * PANGO_SCALE);
          pango_layout_set_wrap (label, PANGO_WRAP_WORD_CHAR);
          pango_layout_get_pixel_size (label, &w, &h);
          extra = MAX (extra, h - layout->line_height);
        }
      entry.x = x;
      entry.y = y + (line - 4 - layout->swatch_h) / 2;
      g_array_append_val (layout->legend, entry);
      grow (layout, RW_CHART_PART_LEGEND, entry.x - 1, entry.y - 1, SWATCH_W + 2, layout->swatch_h + 2);
      add_label (layout, RW_CHART_PART_LEGEND, label, x + SWATCH_W + 4,
                 y + (line - 4 - layout->line_height) / 2, 0, 0, RW_INK_FOREGROUND);
      x += SWATCH_W + 4 + w + 12;
    }
  return y + line + extra - PAD;
}

static void
reduce (RwChart       *chart,
        RwChartLayout *layout)
{
  g_autoptr(GArray) bounds = rw_series_bin_bounds (chart->series,
                                                   layout->step == RW_CHART_STEP_WEEK
                                                   ? RW_BIN_WEEK : RW_BIN_MONTH);
  guint n_bins = bounds->len - 1;

  for (guint b = 0; b < n_bins; b++)
    {
      RwChartBin bin;

      bin.start = g_array_index (bounds, guint, b);
      bin.end = g_array_index (bounds, guint, b + 1);
      bin.x = layout->plot_x + (bin.start + bin.end) / 2.0 * layout->day_w;
      g_array_append_val (layout->bins, bin);
    }
  for (guint k = 0; k < RW_N_SERIES; k++)
    {
      if (!chart->visible[k])
        continue;
      layout->stats[k] = g_new (RwChartStat, n_bins);
      for (guint b = 0; b < n_bins; b++)
        {
          const RwChartBin *bin = &g_array_index (layout->bins, RwChartBin, b);
          RwChartStat *stat = &layout->stats[k][b];

          rw_series_summarise (chart->series, k, bin->start, bin->end, &stat->mean, &stat->min,
                               &stat->max);
        }
    }
}

/* The room above a sleep panel for its caption: below the panel before it
 * (@between), or below the legend, where half a line is already left for
 * the top scale label. */
static double
caption_height (const RwChartLayout *layout,
                gboolean             between)
{
  return (between ? 6 : -layout->line_height / 2) + layout->line_height + GAP;
}

static RwChartLayout *
compute (RwChart *chart)
{
  RwChartLayout *layout = g_new0 (RwChartLayout, 1);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (chart->font);
  static const double weights[RW_N_PANELS] = { 2, 1, 1 };
  gboolean metrics = FALSE;
  double margin = 0, available, total_weight = 0, y;
  int w, h;

  layout->labels = g_array_new (FALSE, FALSE, sizeof (RwChartLabel));
  layout->legend = g_array_new (FALSE, FALSE, sizeof (RwChartLegendEntry));
  layout->date_ticks = g_array_new (FALSE, FALSE, sizeof (double));
  layout->bins = g_array_new (FALSE, FALSE, sizeof (RwChartBin));
  layout->width = chart->width;
  layout->height = chart->height;

  g_object_unref (new_text (chart, font, "0", &w, &h));
  layout->line_height = h;
  layout->swatch_h = MAX (8.0, round (h * 0.7));

  if (chart->series == NULL || rw_series_is_empty (chart->series))
    {
      g_autofree char *message = NULL;

      layout->empty = TRUE;
      if (chart->series != NULL)
        {
          g_autofree char *from = rw_date_format (rw_series_get_first (chart->series), "%-d %b %Y");
          g_autofree char *to = rw_date_format (rw_series_get_last (chart->series), "%-d %b %Y");
          message = g_strdup_printf (_("No check-ins from %s to %s"), from, to);
        }
      else
        message = g_strdup (_("No check-ins yet"));
      add_label (layout, RW_CHART_PART_MESSAGE, new_text (chart, font, message, &w, &h),
                 layout->width / 2, layout->height / 2, 0.5, 0.5, RW_INK_DIM);
      measure_parts (layout);
      return layout;
    }

  layout->n_days = rw_series_get_n_days (chart->series);
  for (guint k = 0; k < RW_N_METRICS; k++)
    metrics |= k != RW_SERIES_SLEEP_QUALITY && chart->visible[k];
  layout->panels[RW_PANEL_METRICS].shown = metrics;
  layout->panels[RW_PANEL_SLEEP_HOURS].shown = chart->visible[RW_SERIES_SLEEP_HOURS];
  layout->panels[RW_PANEL_SLEEP_QUALITY].shown = chart->visible[RW_SERIES_SLEEP_QUALITY];
  if (!layout->panels[RW_PANEL_SLEEP_HOURS].shown && !layout->panels[RW_PANEL_SLEEP_QUALITY].shown)
    layout->panels[RW_PANEL_METRICS].shown = TRUE;
  layout->panels[RW_PANEL_METRICS].max = 10;
  layout->panels[RW_PANEL_SLEEP_QUALITY].max = 10;
  layout->panels[RW_PANEL_SLEEP_HOURS].max = SLEEP_MIN_MAX;
  if (layout->panels[RW_PANEL_SLEEP_HOURS].shown)
    {
      double longest = 0;

      /* A longer night raises the scale rather than being cut at its top. */
      for (guint i = 0; i < layout->n_days; i++)
        {
          double v = rw_series_get_value (chart->series, RW_SERIES_SLEEP_HOURS, i);
          if (v > longest)
            longest = v;
        }
      layout->panels[RW_PANEL_SLEEP_HOURS].max = MAX (SLEEP_MIN_MAX, ceil (longest / 4) * 4);
    }

  /* The left margin holds the widest scale label. */
  for (guint p = 0; p < RW_N_PANELS; p++)
    {
      RwChartPanel *panel = &layout->panels[p];

      if (!panel->shown)
        continue;
      for (double v = 0; v <= panel->max; v += 2)
        {
          g_autofree char *text = tick_text (p, v);

          g_object_unref (new_text (chart, font, text, &w, &h));
          margin = MAX (margin, w);
        }
      total_weight += weights[p];
    }
  layout->plot_x = PAD + margin + GAP;
  layout->plot_w = MAX (1.0, layout->width - layout->plot_x - RIGHT);
  layout->day_w = layout->plot_w / layout->n_days;
  if (layout->day_w >= MIN_DAY_WIDTH)
    layout->step = RW_CHART_STEP_DAY;
  else if (layout->day_w * 7 >= MIN_WEEK_WIDTH)
    layout->step = RW_CHART_STEP_WEEK;
  else
    layout->step = RW_CHART_STEP_MONTH;
  layout->rolling = layout->step == RW_CHART_STEP_DAY && chart->visible[RW_SERIES_MOOD] &&
                    layout->n_days > RW_ROLLING_DAYS;

  if (layout->step != RW_CHART_STEP_DAY)
    {
      guint in_metrics = 0;

      reduce (chart, layout);
      for (guint k = 0; k < RW_N_METRICS; k++)
        in_metrics += k != RW_SERIES_SLEEP_QUALITY && chart->visible[k];
      for (guint k = 0; k < RW_N_SERIES; k++)
        layout->band[k] = chart->visible[k] &&
                          (k == RW_SERIES_MOOD || k == RW_SERIES_SLEEP_HOURS ||
                           k == RW_SERIES_SLEEP_QUALITY || in_metrics == 1);
    }

  /* Legend, then the panels; each sleep panel has its caption above it,
   * beside the scale labels that reach into the gap. */
  layout->top = PAD + lay_out_legend (chart, layout, font) + 6 + layout->line_height / 2;
  layout->bottom = layout->height - PAD / 2 - TICK - 2 - layout->line_height;
  /* What the captions and gaps take, then the panels share the rest. */
  available = layout->bottom - layout->top;
  for (guint p = RW_PANEL_SLEEP_HOURS; p < RW_N_PANELS; p++)
    if (layout->panels[p].shown)
      available -= caption_height (layout, p == RW_PANEL_SLEEP_QUALITY
                                           ? metrics || layout->panels[RW_PANEL_SLEEP_HOURS].shown
                                           : metrics);
  available = MAX (available, 3 * layout->line_height);

  y = layout->top;
  for (guint p = 0; p < RW_N_PANELS; p++)
    {
      RwChartPanel *panel = &layout->panels[p];

      if (!panel->shown)
        continue;
      if (p != RW_PANEL_METRICS)
        {
          const char *caption = rw_series_kind_get_label (p == RW_PANEL_SLEEP_HOURS
                                                          ? RW_SERIES_SLEEP_HOURS
                                                          : RW_SERIES_SLEEP_QUALITY);
          double height = caption_height (layout, y > layout->top);


          /* The caption's last line ends GAP above the panel. */
          add_label (layout, (RwChartPart) p, new_text (chart, font, caption, &w, &h),
                     layout->plot_x, y + height - GAP, 0, 1, RW_INK_DIM);
          y += height;
        }
      panel->x = layout->plot_x;
      panel->w = layout->plot_w;
      panel->y = y;
      panel->h = available * weights[p] / total_weight;
      y += panel->h;
      choose_ticks (panel, layout->line_height);
      /* Dots of 4 px and lines of 2.5 px reach past the plot area. */
      grow (layout, (RwChartPart) p, panel->x - 5, panel->y - 5, panel->w + 10, panel->h + 10);
      for (guint t = 0; t < panel->n_ticks; t++)
        {
          g_autofree char *text = tick_text (p, panel->ticks[t]);

          add_label (layout, RW_CHART_PART_SCALES, new_text (chart, font, text, &w, &h),
                     panel->x - GAP, round (rw_chart_panel_y (panel, panel->ticks[t])) + 0.5, 1, 0.5,
                     RW_INK_DIM);
        }
    }
  layout->bottom = y;

  lay_out_dates (chart, layout, font);

  for (guint m = 0; m < chart->markers->len; m++)
    {
      RwChartMarker *marker = &g_array_index (chart->markers, RwChartMarker, m);
      guint32 first = rw_series_get_first (chart->series);

      double x;

      if (marker->day < first || marker->day > rw_series_get_last (chart->series))
        continue;
      x = round (layout->plot_x + (marker->day - first + 0.5) * layout->day_w);
      grow (layout, RW_CHART_PART_MARKERS, x - 4, layout->top, 9, layout->bottom - layout->top);
      if (marker->label != NULL)
        add_label (layout, RW_CHART_PART_MARKERS, new_text (chart, font, marker->label, &w, &h),
                   x + 3.5, layout->top, 0, 0, RW_INK_MARKER);
    }

  measure_parts (layout);
  return layout;
}

const RwChartLayout *
rw_chart_ensure_layout (RwChart *chart)
{
  if (chart->layout == NULL)
    {
      chart->layout = compute (chart);
      chart->layout_count++;
    }
  return chart->layout;
}

void
rw_chart_invalidate (RwChart *chart)
{
  g_clear_pointer (&chart->layout, rw_chart_layout_free);
  g_clear_object (&chart->highlight_layout);
}

/**
 * rw_chart_get_step:
 * @chart: the chart
 *
 * Returns: what one point of the chart stands for at its size
 */
RwChartStep
rw_chart_get_step (RwChart *chart)
{
  g_return_val_if_fail (chart != NULL, RW_CHART_STEP_DAY);
  return rw_chart_ensure_layout (chart)->step;
}

/**
 * rw_chart_get_n_points:
 * @chart: the chart
 *
 * Returns: how many points each series is drawn as at the chart's size:
 *   its days, or its weeks or months on long ranges; 0 without data
 */
guint
rw_chart_get_n_points (RwChart *chart)
{
  const RwChartLayout *layout;

  g_return_val_if_fail (chart != NULL, 0);

  layout = rw_chart_ensure_layout (chart);
  if (layout->empty)
    return 0;
  return layout->step == RW_CHART_STEP_DAY ? layout->n_days : layout->bins->len;
}

/**
 * rw_chart_day_at:
 * @chart: the chart
 * @x: a position across it
 *
 * Returns: the day under @x, or -1 outside the plots or without data
 */
int
rw_chart_day_at (RwChart *chart,
                 double   x)
{
  const RwChartLayout *layout;

  g_return_val_if_fail (chart != NULL, -1);

  layout = rw_chart_ensure_layout (chart);
  if (layout->empty || x < layout->plot_x || x > layout->plot_x + layout->plot_w)
    return -1;
  return CLAMP ((int) floor ((x - layout->plot_x) / layout->day_w), 0, (int) layout->n_days - 1);
}

/**
 * rw_chart_x_of_day:
 * @chart: the chart
 * @index: a day of its series
 *
 * Returns: the x of the middle of that day
 */
double
rw_chart_x_of_day (RwChart *chart,
                   guint    index)
{
  const RwChartLayout *layout;

  g_return_val_if_fail (chart != NULL, 0);

  layout = rw_chart_ensure_layout (chart);
  return layout->plot_x + (index + 0.5) * layout->day_w;
}

/**
 * rw_chart_y_of_value:
 * @chart: the chart
 * @kind: which series
 * @value: a value of it
 *
 * Returns: where @value of @kind is drawn, vertically, or NAN if @kind
 *   has no panel
 */
double
rw_chart_y_of_value (RwChart      *chart,
                     RwSeriesKind  kind,
                     double        value)
{
  const RwChartPanel *panel;

  g_return_val_if_fail (chart != NULL, NAN);
  g_return_val_if_fail (kind < RW_N_SERIES, NAN);

  panel = rw_chart_layout_panel_of (rw_chart_ensure_layout (chart), kind);
  return panel != NULL ? rw_chart_panel_y (panel, value) : NAN;
}

/**
 * rw_chart_get_plot_area:
 * @chart: the chart
 * @kind: which series
 * @area: (out): the plot area of the panel it is drawn in
 *
 * Returns: whether that panel is shown
 */
gboolean
rw_chart_get_plot_area (RwChart           *chart,
                        RwSeriesKind       kind,
                        cairo_rectangle_t *area)
{
  const RwChartLayout *layout;
  const RwChartPanel *panel;

  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (kind < RW_N_SERIES, FALSE);

  layout = rw_chart_ensure_layout (chart);
  panel = layout->empty ? NULL : rw_chart_layout_panel_of (layout, kind);
  if (panel == NULL)
    return FALSE;
  *area = (cairo_rectangle_t) { panel->x, panel->y, panel->w, panel->h };
  return TRUE;
}

/**
 * rw_chart_get_part_area:
 * @chart: the chart
 * @part: a part of it
 * @area: (out): where it is drawn, in whole pixels
 *
 * Returns: whether @part has anything to draw
 */
gboolean
rw_chart_get_part_area (RwChart           *chart,
                        RwChartPart        part,
                        cairo_rectangle_t *area)
{
  const RwChartLayout *layout;

  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (part < RW_N_CHART_PARTS, FALSE);

  layout = rw_chart_ensure_layout (chart);
  if (!layout->part_shown[part])
    return FALSE;
  *area = layout->parts[part];
  return TRUE;
}

/**
 * rw_chart_get_point_days:
 * @chart: the chart
 * @index: a day of its series
 * @start: (out): the first day of the point it is drawn in
 * @end: (out): the day after its last
 */
void
rw_chart_get_point_days (RwChart *chart,
                         guint    index,
                         guint   *start,
                         guint   *end)
{
  const RwChartLayout *layout;

  g_return_if_fail (chart != NULL);

  layout = rw_chart_ensure_layout (chart);
  if (layout->step == RW_CHART_STEP_DAY || layout->bins->len == 0)
    {
      *start = index;
      *end = index + 1;
      return;
    }
  {
    const RwChartBin *bin = &g_array_index (layout->bins, RwChartBin,
                                            rw_chart_layout_point_of (layout, index));
    *start = bin->start;
    *end = bin->end;
  }
}
