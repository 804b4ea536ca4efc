/* rw-chart-around.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The around-sessions chart. From the top: the legend (wrapping on narrow
 * widths), the plot with its scale on the left, the days under it (-7,
 * Session, +7, +14), the number of sessions behind each day (every other
 * day when the numbers do not fit) and a caption that says what those
 * numbers are. Session lines are thin and faint in the foreground colour,
 * the mean thick in the metric's colour with a dot per day, the session
 * day a dashed line: all apart in grey print too.
 */
#define G_LOG_DOMAIN "rw-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "rw-chart-around.h"

#define PAD 8
#define GAP 4
#define SWATCH 18

typedef struct
{
  PangoContext *context;
  PangoFontDescription *font;
} Text;

static void
text_init (Text               *text,
           const RwChartStyle *style)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  text->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (text->context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (text->context, style->resolution > 0 ? style->resolution : 96);
  text->font = pango_font_description_from_string (style->font != NULL ? style->font : "Sans 9");
}

static void
text_clear (Text *text)
{
  g_clear_object (&text->context);
  g_clear_pointer (&text->font, pango_font_description_free);
}

static PangoLayout *
new_text (Text       *text,
          const char *string,
          double      wrap_width,
          double     *w,
          double     *h)
{
  PangoLayout *layout = pango_layout_new (text->context);
  int pw, ph;

  pango_layout_set_font_description (layout, text->font);
  if (wrap_width > 0)
    {
      pango_layout_set_width (layout, (int) (wrap_width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, string, -1);
  pango_layout_get_pixel_size (layout, &pw, &ph);
  if (w != NULL)
    *w = pw;
  if (h != NULL)
    *h = ph;
  return layout;
}

static double
axis_max (RwAround *around)
{
  double max = RW_METRIC_MAX;

  if (rw_around_get_kind (around) != RW_SERIES_SLEEP_HOURS)
    return max;
  max = 12;
  for (guint i = 0; i < rw_around_get_n_sessions (around); i++)
    for (int o = 0; o < RW_AROUND_N_OFFSETS; o++)
      {
        double v = rw_around_get_session (around, i)->values[o];

        if (!isnan (v) && v > max)
          max = ceil (v / 4) * 4;
      }
  return max;
}

static const char *
caption_text (void)
{
  return _("Days before and after a session. The numbers under the days: how many sessions "
           "have a check-in on that day.");
}

/* The legend's entries: which swatch, and the words. */
enum { SWATCH_FAINT, SWATCH_MEAN, SWATCH_DAY, N_LEGEND };

static const char *
legend_text (guint i)
{
  switch (i)
    {
    case SWATCH_FAINT:
      return _("Each session");
    case SWATCH_MEAN:
      return _("Mean of the sessions");
    case SWATCH_DAY:
    default:
      return _("Session day");
    }
}

/* Lays out the legend's entries from the top left, wrapping at @width;
 * fills @x and @y of each when given, and returns the legend's height. */
static double
lay_out_legend (Text   *text,
                double  width,
                double *xs,
                double *ys,
                double *line_h)
{
  double x = PAD, y = PAD, row_h = 0;

  for (guint i = 0; i < N_LEGEND; i++)
    {
      double w, h;
      g_autoptr(PangoLayout) layout = new_text (text, legend_text (i), 0, &w, &h);
      double entry = SWATCH + GAP + w;

      if (x > PAD && x + entry > width - PAD)
        {
          x = PAD;
          y += row_h + GAP;
        }
      if (xs != NULL)
        {
          xs[i] = x;
          ys[i] = y;
        }
      row_h = MAX (row_h, h);
      x += entry + 3 * GAP;
    }
  *line_h = row_h;
  return y + row_h - PAD;
}

static void
get_layout (RwAround            *around,
            Text                *text,
            double               width,
            double               height,
            RwChartAroundLayout *layout)
{
  double line_h, legend_h, w, h, scale_w, caption_h, col_w, count_w;
  guint max_count = 0;
  g_autofree char *widest = NULL;
  g_autoptr(PangoLayout) probe = NULL;
  g_autoptr(PangoLayout) caption = NULL;

  layout->max = axis_max (around);
  legend_h = lay_out_legend (text, width, NULL, NULL, &line_h);
  widest = g_strdup_printf ("%g", layout->max);
  probe = new_text (text, widest, 0, &scale_w, &h);
  layout->plot_x = PAD + scale_w + GAP + 2;
  layout->plot_w = MAX (width - layout->plot_x - PAD, 1);
  caption = new_text (text, caption_text (), layout->plot_w, &w, &caption_h);

  layout->plot_y = PAD + legend_h + 2 * GAP + line_h / 2;
  layout->counts_y = height - PAD - caption_h - GAP - line_h;
  layout->plot_h = MAX (layout->counts_y - GAP - line_h - GAP - layout->plot_y, 1);

  for (int o = RW_AROUND_FIRST_OFFSET; o <= RW_AROUND_LAST_OFFSET; o++)
    {
      guint n;

      rw_around_get_mean (around, o, &n);
      max_count = MAX (max_count, n);
    }
  g_clear_pointer (&widest, g_free);
  widest = g_strdup_printf ("%u", MAX (max_count, 10));
  g_clear_object (&probe);
  probe = new_text (text, widest, 0, &count_w, &h);
  col_w = layout->plot_w / RW_AROUND_N_OFFSETS;
  layout->count_step = 1;
  while (layout->count_step < 7 && count_w + 2 > col_w * layout->count_step)
    layout->count_step++;
}

void
rw_chart_around_get_layout (RwAround            *around,
                            double               width,
                            double               height,
                            const RwChartStyle  *style,
                            RwChartAroundLayout *layout)
{
  Text text;

  g_return_if_fail (around != NULL);
  g_return_if_fail (style != NULL && layout != NULL);

  text_init (&text, style);
  get_layout (around, &text, width, height, layout);
  text_clear (&text);
}

double
rw_chart_around_x_of_offset (const RwChartAroundLayout *layout,
                             int                        offset)
{
  return layout->plot_x + (offset - RW_AROUND_FIRST_OFFSET + 0.5) * layout->plot_w / RW_AROUND_N_OFFSETS;
}

double
rw_chart_around_y_of_value (const RwChartAroundLayout *layout,
                            double                     value)
{
  return layout->plot_y + layout->plot_h - CLAMP (value, 0, layout->max) / layout->max * layout->plot_h;
}

static void
set_color (cairo_t       *cr,
           const RwColor *color,
           double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, alpha);
}

/* @align 0 puts @x at the left of the text, 0.5 in its middle, 1 at its
 * right; the text's top at @y. */
static void
show_text (cairo_t       *cr,
           Text          *text,
           const char    *string,
           double         x,
           double         y,
           double         align,
           double         wrap_width,
           const RwColor *color)
{
  double w, h;
  g_autoptr(PangoLayout) layout = new_text (text, string, wrap_width, &w, &h);

  set_color (cr, color, color->alpha);
  cairo_move_to (cr, round (x - align * w), round (y));
  pango_cairo_show_layout (cr, layout);
}

/* A line through the values, broken at gaps; a value alone is a dot. */
static void
trace (cairo_t                   *cr,
       const RwChartAroundLayout *layout,
       const double              *values,
       double                     dot)
{
  for (int o = 0; o < RW_AROUND_N_OFFSETS; o++)
    {
      double x, y;
      gboolean before = o > 0 && !isnan (values[o - 1]);
      gboolean after = o + 1 < RW_AROUND_N_OFFSETS && !isnan (values[o + 1]);

      if (isnan (values[o]))
        continue;
      x = rw_chart_around_x_of_offset (layout, o + RW_AROUND_FIRST_OFFSET);
      y = rw_chart_around_y_of_value (layout, values[o]);
      if (before)
        cairo_line_to (cr, x, y);
      else
        cairo_move_to (cr, x, y);
      if (!before && !after)
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, x, y, dot, 0, 2 * G_PI);
          cairo_new_sub_path (cr);
        }
    }
}

static void
draw_legend (cairo_t            *cr,
             Text               *text,
             double              width,
             const RwChartStyle *style,
             const RwColor      *mean)
{
  double xs[N_LEGEND], ys[N_LEGEND], line_h;
  static const double dash[] = { 4, 3 };

  lay_out_legend (text, width, xs, ys, &line_h);
  for (guint i = 0; i < N_LEGEND; i++)
    {
      double y = ys[i] + line_h / 2;

      cairo_save (cr);
      switch (i)
        {
        case SWATCH_FAINT:
          set_color (cr, &style->foreground, 0.35);
          cairo_set_line_width (cr, 1);
          cairo_move_to (cr, xs[i], y + 0.5);
          cairo_line_to (cr, xs[i] + SWATCH, y + 0.5);
          cairo_stroke (cr);
          break;
        case SWATCH_MEAN:
          set_color (cr, mean, 1);
          cairo_set_line_width (cr, 3);
          cairo_move_to (cr, xs[i], y);
          cairo_line_to (cr, xs[i] + SWATCH, y);
          cairo_stroke (cr);
          cairo_arc (cr, xs[i] + SWATCH / 2.0, y, 3, 0, 2 * G_PI);
          cairo_fill (cr);
          break;
        case SWATCH_DAY:
        default:
          set_color (cr, &style->marker, style->marker.alpha);
          cairo_set_line_width (cr, 1.5);
          cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
          cairo_move_to (cr, xs[i] + SWATCH / 2.0, ys[i]);
          cairo_line_to (cr, xs[i] + SWATCH / 2.0, ys[i] + line_h);
          cairo_stroke (cr);
          break;
        }
      cairo_restore (cr);
      show_text (cr, text, legend_text (i), xs[i] + SWATCH + GAP, ys[i], 0, 0, &style->foreground);
    }
}

/**
 * rw_chart_around_draw:
 * @around: the sessions and their values
 * @cr: where to draw, (0, 0) at the chart's top left
 * @width: its width in user units
 * @height: its height
 * @style: colours and font (the metric's colour for the mean)
 */
void
rw_chart_around_draw (RwAround           *around,
                      cairo_t            *cr,
                      double              width,
                      double              height,
                      const RwChartStyle *style)
{
  RwChartAroundLayout layout;
  const RwColor *mean_color;
  double mean[RW_AROUND_N_OFFSETS];
  double line_h, x0;
  static const double dash[] = { 4, 3 };
  static const int labelled[] = { -7, 0, 7, 14 };
  Text text;

  g_return_if_fail (around != NULL);
  g_return_if_fail (cr != NULL && style != NULL);

  text_init (&text, style);
  cairo_save (cr);
  set_color (cr, &style->background, style->background.alpha);
  cairo_paint (cr);

  if (rw_around_get_n_sessions (around) == 0)
    {
      show_text (cr, &text, _("No done sessions yet"), width / 2, height / 2 - 8, 0.5, 0, &style->dim);
      cairo_restore (cr);
      text_clear (&text);
      return;
    }

  get_layout (around, &text, width, height, &layout);
  mean_color = &style->series[rw_around_get_kind (around)];
  {
    g_autoptr(PangoLayout) probe = new_text (&text, "0", 0, NULL, &line_h);
  }

  /* The scale: lines at 0, the middle and the top, labelled on the left. */
  for (int t = 0; t <= 2; t++)
    {
      double v = layout.max * t / 2;
      double y = round (rw_chart_around_y_of_value (&layout, v)) + 0.5;
      g_autofree char *label = g_strdup_printf ("%g", v);

      set_color (cr, &style->grid, style->grid.alpha);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, layout.plot_x, y);
      cairo_line_to (cr, layout.plot_x + layout.plot_w, y);
      cairo_stroke (cr);
      show_text (cr, &text, label, layout.plot_x - GAP - 2, y - line_h / 2, 1, 0, &style->dim);
    }

  /* The session day. */
  x0 = round (rw_chart_around_x_of_offset (&layout, 0)) + 0.5;
  set_color (cr, &style->marker, style->marker.alpha);
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_move_to (cr, x0, layout.plot_y);
  cairo_line_to (cr, x0, layout.plot_y + layout.plot_h);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  /* Each session, faint and thin. */
  cairo_save (cr);
  cairo_rectangle (cr, layout.plot_x - 4, layout.plot_y - 4, layout.plot_w + 8, layout.plot_h + 8);
  cairo_clip (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, 1);
  for (guint i = 0; i < rw_around_get_n_sessions (around); i++)
    trace (cr, &layout, rw_around_get_session (around, i)->values, 1.5);
  set_color (cr, &style->foreground, 0.3);
  cairo_stroke (cr);

  /* Their mean, bold, a dot on each day. */
  for (int o = 0; o < RW_AROUND_N_OFFSETS; o++)
    mean[o] = rw_around_get_mean (around, o + RW_AROUND_FIRST_OFFSET, NULL);
  cairo_set_line_width (cr, 3);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  trace (cr, &layout, mean, 3);
  set_color (cr, mean_color, 1);
  cairo_stroke (cr);
  for (int o = 0; o < RW_AROUND_N_OFFSETS; o++)
    if (!isnan (mean[o]))
      {
        cairo_new_sub_path (cr);
        cairo_arc (cr, rw_chart_around_x_of_offset (&layout, o + RW_AROUND_FIRST_OFFSET),
                   rw_chart_around_y_of_value (&layout, mean[o]), 3.5, 0, 2 * G_PI);
      }
  cairo_fill (cr);
  cairo_restore (cr);

  /* The days, and the sessions behind each. */
  for (guint i = 0; i < G_N_ELEMENTS (labelled); i++)
    {
      int o = labelled[i];
      g_autofree char *label = o == 0 ? g_strdup (C_("around-sessions chart", "Session"))
                                      : g_strdup_printf (o > 0 ? "+%d" : "%d", o);
      double x = rw_chart_around_x_of_offset (&layout, o);
      double align = o == RW_AROUND_LAST_OFFSET ? 0.75 : 0.5;

      show_text (cr, &text, label, x, layout.plot_y + layout.plot_h + GAP, align, 0,
                 o == 0 ? &style->marker : &style->dim);
    }
  for (int o = RW_AROUND_FIRST_OFFSET; o <= RW_AROUND_LAST_OFFSET; o++)
    {
      g_autofree char *count = NULL;
      guint n;

      if (o % (int) layout.count_step != 0)
        continue;
      rw_around_get_mean (around, o, &n);
      count = g_strdup_printf ("%u", n);
      show_text (cr, &text, count, rw_chart_around_x_of_offset (&layout, o), layout.counts_y, 0.5, 0,
                 &style->foreground);
    }
  show_text (cr, &text, caption_text (), layout.plot_x, layout.counts_y + line_h + GAP, 0,
             layout.plot_w, &style->dim);

  draw_legend (cr, &text, width, style, mean_color);
  cairo_restore (cr);
  text_clear (&text);
}
