/* rw-chart.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Layout: a legend on top; a metrics panel (0–10: day means of mood as
 * points, its 7-day mean as a line, other metrics as lines) and, when
 * sleep is shown, a sleep panel below it (hours as bars, quality as a
 * line); dates along the bottom. Missing days are gaps. With more days
 * than pixel columns each column draws the minimum to the maximum of its
 * days, so that no bad day disappears from a long range.
 */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "rw-chart.h"

#define LEFT 36.0
#define RIGHT 36.0
#define TOP 34.0             /* with a legend of one line */
#define LEGEND_LINE 18.0
#define BOTTOM 26.0
#define PANEL_GAP 18.0
#define SLEEP_MAX_HOURS 12.0

/* Text: each string is laid out (itemised, shaped and measured) once and
 * its PangoLayout kept with the chart until the font changes, the way a
 * widget keeps its labels; the glyphs are drawn anew every time. The Pango
 * context follows each cairo_t, and a layout whose context changed lays
 * itself out again. */
typedef struct
{
  PangoContext *context;
  cairo_matrix_t matrix;    /* what the context was last brought up to date with */
  cairo_font_options_t *options;
  PangoFontDescription *font;
  GHashTable *layouts;      /* string → PangoLayout */
} Texts;

struct _RwChart
{
  guint8 *scratch;          /* per-column span ends, reused between draws */
  gsize scratch_size;
  Texts texts;
  RwSeries *series;
  double top;               /* of the plots: below the legend of the last draw */
  gboolean visible[RW_N_SERIES];
  GArray *markers;          /* RwChartMarker */
  int highlight;
};

typedef struct
{
  double x, y, w, h;        /* the plot area of a panel */
  double max;               /* value at the top */
} Panel;

static void
set_color (cairo_t       *cr,
           const RwColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

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
 * style is at hand (the command line).
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
  style->series[RW_SERIES_SLEEP_HOURS] = dark ? rgb (0x62a0ea, 0.55) : rgb (0x62a0ea, 0.55);
  style->rolling = dark ? rgb (0xc5dcf8, 1) : rgb (0x1a5fb4, 1);
  style->marker = dark ? rgb (0xf66151, 0.9) : rgb (0xc01c28, 0.9);
  style->font = "Sans 9";
}

RwChart *
rw_chart_new (void)
{
  RwChart *chart = g_new0 (RwChart, 1);

  chart->markers = g_array_new (FALSE, FALSE, sizeof (RwChartMarker));
  chart->visible[RW_SERIES_MOOD] = TRUE;
  chart->visible[RW_SERIES_SLEEP_HOURS] = TRUE;
  chart->visible[RW_SERIES_SLEEP_QUALITY] = TRUE;
  chart->highlight = -1;
  chart->top = TOP;
  return chart;
}

void
rw_chart_clear_markers (RwChart *chart)
{
  for (guint i = 0; i < chart->markers->len; i++)
    g_free (g_array_index (chart->markers, RwChartMarker, i).label);
  g_array_set_size (chart->markers, 0);
}

void
rw_chart_free (RwChart *chart)
{
  rw_chart_clear_markers (chart);
  g_array_unref (chart->markers);
  g_free (chart->scratch);
  g_clear_object (&chart->texts.context);
  g_clear_pointer (&chart->texts.options, cairo_font_options_destroy);
  g_clear_pointer (&chart->texts.font, pango_font_description_free);
  g_clear_pointer (&chart->texts.layouts, g_hash_table_unref);
  g_clear_pointer (&chart->series, rw_series_unref);
  g_free (chart);
}

void
rw_chart_set_series (RwChart  *chart,
                     RwSeries *series)
{
  if (series != NULL)
    rw_series_ref (series);
  g_clear_pointer (&chart->series, rw_series_unref);
  chart->series = series;
  chart->highlight = -1;
}

RwSeries *
rw_chart_get_series (RwChart *chart)
{
  return chart->series;
}

void
rw_chart_set_visible (RwChart      *chart,
                      RwSeriesKind  kind,
                      gboolean      visible)
{
  g_return_if_fail (kind < RW_N_SERIES);
  chart->visible[kind] = visible;
}

gboolean
rw_chart_get_visible (RwChart      *chart,
                      RwSeriesKind  kind)
{
  g_return_val_if_fail (kind < RW_N_SERIES, FALSE);
  return chart->visible[kind];
}

void
rw_chart_add_marker (RwChart    *chart,
                     guint32     day,
                     const char *label)
{
  RwChartMarker marker = { day, g_strdup (label) };

  g_array_append_val (chart->markers, marker);
}

void
rw_chart_set_highlight (RwChart *chart,
                        int      index)
{
  if (chart->series == NULL || index < 0 || (guint) index >= rw_series_get_n_days (chart->series))
    index = -1;
  chart->highlight = index;
}

int
rw_chart_get_highlight (RwChart *chart)
{
  return chart->highlight;
}

static gboolean
metrics_panel_shown (RwChart *chart)
{
  for (guint k = 0; k < RW_N_METRICS; k++)
    if (k != RW_SERIES_SLEEP_QUALITY && chart->visible[k])
      return TRUE;
  return FALSE;
}

static gboolean
sleep_panel_shown (RwChart *chart)
{
  return chart->visible[RW_SERIES_SLEEP_HOURS] || chart->visible[RW_SERIES_SLEEP_QUALITY];
}

static double
plot_width (double width)
{
  return MAX (1.0, width - LEFT - RIGHT);
}

double
rw_chart_x_of_day (RwChart *chart,
                   guint    index,
                   double   width)
{
  guint n = chart->series != NULL ? rw_series_get_n_days (chart->series) : 1;

  return LEFT + (index + 0.5) * plot_width (width) / n;
}

int
rw_chart_day_at (RwChart *chart,
                 double   x,
                 double   width)
{
  guint n;
  int index;

  if (chart->series == NULL)
    return -1;
  n = rw_series_get_n_days (chart->series);
  if (x < LEFT || x > LEFT + plot_width (width))
    return -1;
  index = (int) floor ((x - LEFT) / plot_width (width) * n);
  return CLAMP (index, 0, (int) n - 1);
}

static Texts *
texts_begin (RwChart            *chart,
             cairo_t            *cr,
             const RwChartStyle *style)
{
  Texts *texts = &chart->texts;
  PangoFontDescription *font = pango_font_description_from_string (style->font);

  cairo_font_options_t *options = cairo_font_options_create ();
  cairo_matrix_t matrix;

  /* What Pango takes from a cairo_t: the transformation, less the offset,
   * and the font options. Updating the context when neither changed would
   * still make every layout lay itself out again. */
  cairo_get_matrix (cr, &matrix);
  matrix.x0 = matrix.y0 = 0;
  cairo_surface_get_font_options (cairo_get_target (cr), options);
  if (texts->context == NULL)
    {
      texts->context = pango_cairo_create_context (cr);
      texts->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
    }
  else if (memcmp (&matrix, &texts->matrix, sizeof matrix) != 0 ||
           !cairo_font_options_equal (options, texts->options))
    pango_cairo_update_context (cr, texts->context);
  texts->matrix = matrix;
  g_clear_pointer (&texts->options, cairo_font_options_destroy);
  texts->options = options;
  if (texts->font == NULL || !pango_font_description_equal (font, texts->font))
    {
      g_clear_pointer (&texts->font, pango_font_description_free);
      texts->font = g_steal_pointer (&font);
      g_hash_table_remove_all (texts->layouts);
    }
  /* Dates change with the range: keep a few screens' worth. */
  if (g_hash_table_size (texts->layouts) > 256)
    g_hash_table_remove_all (texts->layouts);
  g_clear_pointer (&font, pango_font_description_free);
  return texts;
}

/* The layout of @text, and its size in pixels. */
static PangoLayout *
texts_get (Texts      *texts,
           const char *text,
           int        *w,
           int        *h)
{
  PangoLayout *layout = g_hash_table_lookup (texts->layouts, text);

  if (layout == NULL)
    {
      layout = pango_layout_new (texts->context);
      pango_layout_set_font_description (layout, texts->font);
      pango_layout_set_text (layout, text, -1);
      g_hash_table_insert (texts->layouts, g_strdup (text), layout);
    }
  pango_layout_get_pixel_size (layout, w, h);
  return layout;
}

/* Shows what @layout holds, @w by @h pixels, with its (x, y) anchor at the
 * given fraction of its size. */
static void
show_layout (cairo_t       *cr,
             PangoLayout   *layout,
             int            w,
             int            h,
             double         x,
             double         y,
             double         ax,
             double         ay,
             const RwColor *color)
{
  set_color (cr, color);
  cairo_move_to (cr, x - ax * w, y - ay * h);
  pango_cairo_show_layout (cr, layout);
}

/* Draws @text with its (x, y) anchor at the given fraction of its size. */
static void
draw_text (cairo_t       *cr,
           Texts         *texts,
           const char    *text,
           double         x,
           double         y,
           double         ax,
           double         ay,
           const RwColor *color)
{
  int w, h;
  PangoLayout *layout = texts_get (texts, text, &w, &h);

  show_layout (cr, layout, w, h, x, y, ax, ay, color);
}

static double
value_y (const Panel *panel,
         double       value)
{
  return panel->y + panel->h - value / panel->max * panel->h;
}

static void
draw_grid (cairo_t            *cr,
           Texts              *texts,
           const Panel        *panel,
           const double       *ticks,
           guint               n_ticks,
           const char         *unit,
           gboolean            right,
           const RwChartStyle *style)
{
  cairo_set_line_width (cr, 1);
  set_color (cr, &style->grid);
  for (guint i = 0; i < n_ticks; i++)
    {
      double y = round (value_y (panel, ticks[i])) + 0.5;

      cairo_move_to (cr, panel->x, y);
      cairo_line_to (cr, panel->x + panel->w, y);
    }
  cairo_stroke (cr);
  for (guint i = 0; i < n_ticks; i++)
    {
      double y = round (value_y (panel, ticks[i])) + 0.5;
      g_autofree char *label = g_strdup_printf ("%g%s", ticks[i], unit);

      if (right)
        draw_text (cr, texts, label, panel->x + panel->w + 4, y, 0, 0.5, &style->dim);
      else
        draw_text (cr, texts, label, panel->x - 4, y, 1, 0.5, &style->dim);
    }
}

/* Columns: one vertical span per pixel column, for ranges with more days
 * than columns. On an image surface (a PNG export, the benchmark) the
 * spans are blended straight into the surface's pixels with exact
 * (analytic) coverage at their ends: cairo would otherwise build and
 * scan-convert a path of thousands of boxes, and a mask the size of the
 * panel costs a composite of every pixel in it. Tall spans (bars, the daily
 * range) are filled row by row, in memory order; thin ones (lines) column
 * by column, touching only their own pixels. Anywhere else (SVG, PDF,
 * GTK's recording, a clip that is not one rectangle, a transform that is
 * more than a scale) they stay boxes for cairo to fill. Nothing is kept
 * between draws but scratch memory. */
typedef struct
{
  cairo_t *cr;
  gboolean raster;           /* FALSE: vector boxes */
  cairo_surface_t *target;
  guint8 *pixels;            /* the area's first pixel in the target */
  int stride, width, height; /* of the area, in device pixels */
  int device_x, device_y;    /* the area's origin in the target */
  cairo_matrix_t matrix;     /* user to device: a scale and an offset */
  float *top, *bottom;       /* per device column; top >= bottom: empty */
  gint32 *from, *to;         /* whole rows per column while filling */
} Spans;

static void
spans_begin (Spans       *spans,
             RwChart     *chart,
             cairo_t     *cr,
             const Panel *panel)
{
  cairo_surface_t *target = cairo_get_group_target (cr);
  cairo_rectangle_list_t *clip;
  cairo_format_t format;
  cairo_matrix_t matrix;
  double ox, oy, scale_x, scale_y;
  double x0 = panel->x, y0 = panel->y - 4, x1 = panel->x + panel->w, y1 = panel->y + panel->h + 4;
  int ax0, ay0, ax1, ay1;
  gsize need;

  spans->cr = cr;
  spans->raster = FALSE;
  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE ||
      cairo_image_surface_get_data (target) == NULL ||
      cairo_get_operator (cr) != CAIRO_OPERATOR_OVER)
    return;
  format = cairo_image_surface_get_format (target);
  if (format != CAIRO_FORMAT_ARGB32 && format != CAIRO_FORMAT_RGB24)
    return;
  cairo_surface_get_device_offset (target, &ox, &oy);
  cairo_surface_get_device_scale (target, &scale_x, &scale_y);
  cairo_get_matrix (cr, &matrix);
  if (ox != 0 || oy != 0 || scale_x != 1 || scale_y != 1 ||
      matrix.xy != 0 || matrix.yx != 0 || matrix.xx <= 0 || matrix.yy <= 0)
    return;

  /* The panel, one device pixel wider all round, within the clip. */
  clip = cairo_copy_clip_rectangle_list (cr);
  if (clip->status != CAIRO_STATUS_SUCCESS || clip->num_rectangles != 1)
    {
      cairo_rectangle_list_destroy (clip);
      return;
    }
  {
    cairo_rectangle_t *r = &clip->rectangles[0];
    double cx0 = r->x, cy0 = r->y, cx1 = r->x + r->width, cy1 = r->y + r->height;

    cairo_user_to_device (cr, &cx0, &cy0);
    cairo_user_to_device (cr, &cx1, &cy1);
    cairo_user_to_device (cr, &x0, &y0);
    cairo_user_to_device (cr, &x1, &y1);
    ax0 = MAX ((int) floor (x0) - 1, (int) ceil (cx0));
    ay0 = MAX ((int) floor (y0) - 1, (int) ceil (cy0));
    ax1 = MIN ((int) ceil (x1) + 1, (int) floor (cx1));
    ay1 = MIN ((int) ceil (y1) + 1, (int) floor (cy1));
  }
  cairo_rectangle_list_destroy (clip);
  ax0 = MAX (ax0, 0);
  ay0 = MAX (ay0, 0);
  ax1 = MIN (ax1, cairo_image_surface_get_width (target));
  ay1 = MIN (ay1, cairo_image_surface_get_height (target));
  if (ax1 <= ax0 || ay1 <= ay0)
    return;

  spans->target = target;
  spans->matrix = matrix;
  spans->device_x = ax0;
  spans->device_y = ay0;
  spans->width = ax1 - ax0;
  spans->height = ay1 - ay0;
  spans->stride = cairo_image_surface_get_stride (target);
  need = (gsize) spans->width * 4 * sizeof (float);
  if (chart->scratch_size < need)
    {
      g_free (chart->scratch);
      chart->scratch_size = need;
      chart->scratch = g_malloc (need);
    }
  spans->top = (float *) chart->scratch;
  spans->bottom = spans->top + spans->width;
  spans->from = (gint32 *) (spans->bottom + spans->width);
  spans->to = spans->from + spans->width;
  for (int c = 0; c < spans->width; c++)
    {
      spans->top[c] = G_MAXFLOAT;
      spans->bottom[c] = -G_MAXFLOAT;
    }
  spans->raster = TRUE;
}

/* Adds the box from @x to @x + @w and @top to @bottom (user units); boxes
 * in one column join into one span. */
static void
spans_add (Spans  *spans,
           double  x,
           double  w,
           double  top,
           double  bottom)
{
  double dx0 = x, dy0 = top, dx1 = x + w, dy1 = bottom;
  int c0, c1;

  if (!spans->raster)
    {
      cairo_rectangle (spans->cr, x, top, w, bottom - top);
      return;
    }

  dx0 = spans->matrix.xx * dx0 + spans->matrix.x0 - spans->device_x;
  dx1 = spans->matrix.xx * dx1 + spans->matrix.x0 - spans->device_x;
  dy0 = CLAMP (spans->matrix.yy * dy0 + spans->matrix.y0 - spans->device_y, 0, spans->height);
  dy1 = CLAMP (spans->matrix.yy * dy1 + spans->matrix.y0 - spans->device_y, 0, spans->height);
  c0 = MAX (0, (int) floor (dx0 + 0.001));
  c1 = MIN (spans->width - 1, (int) ceil (dx1 - 0.001) - 1);
  for (int c = c0; c <= c1; c++)
    {
      spans->top[c] = MIN (spans->top[c], (float) dy0);
      spans->bottom[c] = MAX (spans->bottom[c], (float) dy1);
    }
}

/* Each of the four 8-bit channels of @x times @a / 255, rounded. */
static inline guint32
scale_channels (guint32 x,
                guint   a)
{
  guint32 rb = (x & 0x00ff00ff) * a + 0x00800080;
  guint32 ag = ((x >> 8) & 0x00ff00ff) * a + 0x00800080;

  rb = ((rb + ((rb >> 8) & 0x00ff00ff)) >> 8) & 0x00ff00ff;
  ag = (ag + ((ag >> 8) & 0x00ff00ff)) & 0xff00ff00;
  return rb | ag;
}

/* @color (premultiplied) at @coverage (0–255) over @pixel. The sum cannot
 * carry from one channel into the next: a premultiplied channel is at most
 * its alpha, and what is kept of the pixel at most 255 minus that alpha. */
static inline guint32
blend (guint32 pixel,
       guint32 color,
       guint   coverage)
{
  guint32 source = coverage >= 255 ? color : scale_channels (color, coverage);

  return source + scale_channels (pixel, 255 - (source >> 24));
}

static void
spans_end (Spans         *spans,
           const RwColor *color)
{
  cairo_t *cr = spans->cr;
  int first = G_MAXINT, last = -1;
  double covered = 0;
  guint alpha = (guint) (CLAMP (color->alpha, 0, 1) * 255 + 0.5);
  guint32 pixel;
  gboolean tall;

  if (!spans->raster)
    {
      set_color (cr, color);
      cairo_fill (cr);
      return;
    }

  pixel = (guint32) alpha << 24 |
          (guint32) (CLAMP (color->red, 0, 1) * alpha + 0.5) << 16 |
          (guint32) (CLAMP (color->green, 0, 1) * alpha + 0.5) << 8 |
          (guint32) (CLAMP (color->blue, 0, 1) * alpha + 0.5);
  for (int c = 0; c < spans->width; c++)
    {
      float t = spans->top[c], b = spans->bottom[c];

      if (t < b)
        {
          first = MIN (first, (int) floor (t));
          last = MAX (last, (int) ceil (b) - 1);
          covered += b - t;
        }
      /* Whole rows [from, to); partial pixels above and below them. */
      spans->from[c] = t < b ? (gint32) ceil (t) : G_MAXINT32;
      spans->to[c] = t < b ? (gint32) floor (b) : G_MININT32;
    }
  if (last < first)
    return;
  last = MIN (last, spans->height - 1);

  cairo_surface_flush (spans->target);
  spans->pixels = cairo_image_surface_get_data (spans->target) +
                  (gsize) spans->device_y * spans->stride + (gsize) spans->device_x * 4;
  tall = covered > 0.25 * (last - first + 1) * spans->width;
  if (tall)
    {
      /* Row by row, a loop compilers vectorise when the colour is opaque. */
      for (int r = first; r <= last; r++)
        {
          guint32 *row = (guint32 *) (spans->pixels + (gsize) r * spans->stride);
          const gint32 *from = spans->from, *to = spans->to;

          if (alpha == 255)
            for (int c = 0; c < spans->width; c++)
              row[c] = (r >= from[c]) & (r < to[c]) ? pixel : row[c];
          else
            {
              /* Under a bar lies mostly one colour (the background, a grid
               * line): blend each colour once per run of it. */
              guint32 under = 0, over = blend (0, pixel, 255);

              for (int c = 0; c < spans->width; c++)
                if ((r >= from[c]) & (r < to[c]))
                  {
                    if (row[c] != under)
                      {
                        under = row[c];
                        over = blend (under, pixel, 255);
                      }
                    row[c] = over;
                  }
            }
        }
    }
#define BLEND_AT(row, fraction) \
  G_STMT_START { \
    guint32 *p_ = (guint32 *) (column + (gsize) (row) * spans->stride); \
    *p_ = blend (*p_, pixel, (guint) ((fraction) * 255 + 0.5)); \
  } G_STMT_END
  for (int c = 0; c < spans->width; c++)
    {
      float t = spans->top[c], b = spans->bottom[c];
      int from = spans->from[c], to = spans->to[c];
      guint8 *column = spans->pixels + (gsize) c * 4;

      if (!(t < b))
        continue;
      if (from > to)
        {
          /* Begins and ends inside one pixel. */
          BLEND_AT (floor (t), (b - t));
          continue;
        }
      if (from > t)
        BLEND_AT (from - 1, from - t);
      if (!tall)
        for (int r = from; r < to; r++)
          {
            guint32 *p = (guint32 *) (column + (gsize) r * spans->stride);
            *p = alpha == 255 ? pixel : blend (*p, pixel, 255);
          }
      if (b > to && to < spans->height)
        BLEND_AT (to, b - to);
    }
#undef BLEND_AT
  cairo_surface_mark_dirty_rectangle (spans->target, spans->device_x, spans->device_y + first,
                                      spans->width, last - first + 1);
}

/* A line through one value per pixel column, drawn as a span per column
 * from halfway to its neighbours' values, @thickness tall: the picture of
 * stroking the polyline, without stroking a path that doubles back on
 * itself a thousand times. NAN values are gaps. */
static void
fill_column_line (RwChart       *chart,
                  cairo_t       *cr,
                  const Panel   *panel,
                  const double  *values,
                  guint          columns,
                  double         thickness,
                  const RwColor *color)
{
  Spans spans;

  spans_begin (&spans, chart, cr, panel);
  for (guint c = 0; c < columns; c++)
    {
      double y, top, bottom;

      if (isnan (values[c]))
        continue;
      y = value_y (panel, values[c]);
      top = bottom = y;
      if (c > 0 && !isnan (values[c - 1]))
        {
          double py = (y + value_y (panel, values[c - 1])) / 2;
          top = MIN (top, py);
          bottom = MAX (bottom, py);
        }
      if (c + 1 < columns && !isnan (values[c + 1]))
        {
          double ny = (y + value_y (panel, values[c + 1])) / 2;
          top = MIN (top, ny);
          bottom = MAX (bottom, ny);
        }
      spans_add (&spans, panel->x + c, 1, top - thickness / 2, bottom + thickness / 2);
    }
  spans_end (&spans, color);
}

/* Day means (or per-column ranges) of one metric. With @points, each day
 * is a dot; otherwise a line broken at gaps. */
static void
draw_metric (RwChart            *chart,
             cairo_t            *cr,
             const Panel        *panel,
             RwSeriesKind        kind,
             gboolean            points,
             const RwColor      *color)
{
  RwSeries *s = chart->series;
  guint n = rw_series_get_n_days (s);
  double step = panel->w / n;
  guint columns = (guint) MAX (1, floor (panel->w));

  set_color (cr, color);
  if (n <= columns)
    {
      double radius = CLAMP (step / 3, 1.5, 4.0);
      gboolean pen_down = FALSE;

      cairo_set_line_width (cr, 1.5);
      for (guint i = 0; i < n; i++)
        {
          double v = rw_series_get_value (s, kind, i);
          double x = panel->x + (i + 0.5) * step;

          if (isnan (v))
            {
              pen_down = FALSE;
              continue;
            }
          if (points)
            {
              cairo_new_sub_path (cr);
              cairo_arc (cr, x, value_y (panel, v), radius, 0, 2 * G_PI);
            }
          else if (pen_down)
            cairo_line_to (cr, x, value_y (panel, v));
          else if (i + 1 >= n || isnan (rw_series_get_value (s, kind, i + 1)))
            {
              /* A day alone between gaps: a line cannot show it, a dot can. */
              cairo_new_sub_path (cr);
              cairo_arc (cr, x, value_y (panel, v), 1.75, 0, 2 * G_PI);
              cairo_new_sub_path (cr);
            }
          else
            {
              cairo_move_to (cr, x, value_y (panel, v));
              pen_down = TRUE;
            }
        }
      if (points)
        cairo_fill (cr);
      else
        cairo_stroke (cr);
    }
  else
    {
      g_autofree double *min = g_new (double, columns);
      g_autofree double *max = g_new (double, columns);

      rw_series_reduce (s, kind, columns, min, max);
      if (points)
        {
          Spans spans;

          /* Each column from its lowest to its highest day, at least 2 px
           * tall so that a lone value still shows. */
          spans_begin (&spans, chart, cr, panel);
          for (guint c = 0; c < columns; c++)
            if (!isnan (min[c]))
              spans_add (&spans, panel->x + c, 1, value_y (panel, max[c]) - 1,
                         value_y (panel, min[c]) + 1);
          spans_end (&spans, color);
        }
      else
        {
          /* A line through the middle of each column's range. */
          for (guint c = 0; c < columns; c++)
            min[c] = isnan (min[c]) ? NAN : (min[c] + max[c]) / 2;
          fill_column_line (chart, cr, panel, min, columns, 1.5, color);
        }
    }
}

static void
draw_rolling (RwChart            *chart,
              cairo_t            *cr,
              const Panel        *panel,
              const RwColor      *color)
{
  RwSeries *s = chart->series;
  guint n = rw_series_get_n_days (s);
  guint columns = (guint) MAX (1, floor (panel->w));
  gboolean pen_down = FALSE;

  set_color (cr, color);
  cairo_set_line_width (cr, 2.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (n <= columns)
    {
      double step = panel->w / n;

      for (guint i = 0; i < n; i++)
        {
          double v = rw_series_get_rolling (s, i);
          double x = panel->x + (i + 0.5) * step;

          if (isnan (v))
            pen_down = FALSE;
          else if (pen_down)
            cairo_line_to (cr, x, value_y (panel, v));
          else
            {
              cairo_move_to (cr, x, value_y (panel, v));
              pen_down = TRUE;
            }
        }
    }
  else
    {
      /* The mean of the column's rolling values: a smooth line needs no
       * more than one point per pixel. */
      g_autofree double *values = g_new (double, columns);

      for (guint c = 0; c < columns; c++)
        {
          guint start = (guint) ((guint64) c * n / columns);
          guint end = (guint) ((guint64) (c + 1) * n / columns);
          double sum = 0;
          guint k = 0;

          for (guint i = start; i < end; i++)
            {
              double v = rw_series_get_rolling (s, i);
              if (!isnan (v))
                {
                  sum += v;
                  k++;
                }
            }
          values[c] = k > 0 ? sum / k : NAN;
        }
      fill_column_line (chart, cr, panel, values, columns, 2.5, color);
      return;
    }
  cairo_stroke (cr);
}

static void
draw_sleep_bars (RwChart       *chart,
                 cairo_t       *cr,
                 const Panel   *panel,
                 const RwColor *color)
{
  RwSeries *s = chart->series;
  guint n = rw_series_get_n_days (s);
  guint columns = (guint) MAX (1, floor (panel->w));
  double base = panel->y + panel->h;

  set_color (cr, color);
  if (n <= columns)
    {
      double step = panel->w / n;
      double bar = MAX (1.0, step * 0.7);

      for (guint i = 0; i < n; i++)
        {
          double v = rw_series_get_value (s, RW_SERIES_SLEEP_HOURS, i);

          if (isnan (v))
            continue;
          v = MIN (v, panel->max);
          cairo_rectangle (cr, panel->x + (i + 0.5) * step - bar / 2, value_y (panel, v),
                           bar, base - value_y (panel, v));
        }
      cairo_fill (cr);
    }
  else
    {
      g_autofree double *min = g_new (double, columns);
      g_autofree double *max = g_new (double, columns);

      RwColor dark = { color->red * 0.6, color->green * 0.6, color->blue * 0.6, 1 };
      Spans spans;

      rw_series_reduce (s, RW_SERIES_SLEEP_HOURS, columns, min, max);
      spans_begin (&spans, chart, cr, panel);
      for (guint c = 0; c < columns; c++)
        if (!isnan (max[c]))
          spans_add (&spans, panel->x + c, 1, value_y (panel, MIN (max[c], panel->max)), base);
      spans_end (&spans, color);
      /* The shortest night of each column as a darker tick. */
      spans_begin (&spans, chart, cr, panel);
      for (guint c = 0; c < columns; c++)
        if (!isnan (min[c]) && min[c] < max[c])
          spans_add (&spans, panel->x + c, 1, value_y (panel, MIN (min[c], panel->max)) - 0.5,
                     value_y (panel, MIN (min[c], panel->max)) + 0.5);
      spans_end (&spans, &dark);
    }
}

typedef struct
{
  guint32 step;           /* days between ticks, or 0 for months/years */
  guint months;           /* months between ticks when step is 0 */
  const char *format;     /* strftime-style for g_date_strftime */
} TickRule;

typedef struct
{
  double x;               /* where the tick goes */
  GDate date;
} DateTick;

static void
draw_dates (RwChart            *chart,
            cairo_t            *cr,
            Texts              *texts,
            double              width,
            double              y,
            const RwChartStyle *style)
{
  RwSeries *s = chart->series;
  guint n = rw_series_get_n_days (s);
  guint32 first = rw_series_get_first (s);
  double per_day = plot_width (width) / n;
  /* From the finest rule to the coarsest; the first whose labels fit wins. */
  static const TickRule rules[] = {
    { 1, 0, "%a %e" }, { 2, 0, "%e %b" }, { 7, 0, "%e %b" }, { 14, 0, "%e %b" },
    { 0, 1, "%b" }, { 0, 2, "%b" }, { 0, 3, "%b %Y" }, { 0, 6, "%b %Y" },
    { 0, 12, "%Y" }, { 0, 24, "%Y" }, { 0, 60, "%Y" },
  };
  const TickRule *rule = &rules[G_N_ELEMENTS (rules) - 1];
  int widest, text_w, text_h;
  g_autoptr(GArray) ticks = g_array_new (FALSE, FALSE, sizeof (DateTick));
  char buffer[64];
  GDate date;

  texts_get (texts, "Wed 30 Sep", &widest, &text_h);

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
          g_date_strftime (buffer, sizeof buffer, rules[r].format, &date);
          texts_get (texts, buffer, &text_w, &text_h);
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
            g_array_append_val (ticks, ((DateTick) { LEFT + (i + (rule->step == 1 ? 0.5 : 0)) * per_day, date }));
        }
    }
  else
    {
      /* Months and years: walk the firsts of the months in the range. */
      if (g_date_get_day (&date) != 1)
        {
          g_date_set_day (&date, 1);
          g_date_add_months (&date, 1);
        }
      for (; g_date_get_julian (&date) < first + n; g_date_add_months (&date, 1))
        if ((g_date_get_year (&date) * 12 + g_date_get_month (&date) - 1) % rule->months == 0)
          g_array_append_val (ticks, ((DateTick) { LEFT + (g_date_get_julian (&date) - first) * per_day, date }));
    }

  /* The ticks in one stroke, then the labels that fit. */
  set_color (cr, &style->grid);
  cairo_set_line_width (cr, 1);
  for (guint t = 0; t < ticks->len; t++)
    {
      double x = g_array_index (ticks, DateTick, t).x;

      cairo_move_to (cr, round (x) + 0.5, y - 4);
      cairo_line_to (cr, round (x) + 0.5, y);
    }
  cairo_stroke (cr);
  for (guint t = 0; t < ticks->len; t++)
    {
      const DateTick *tick = &g_array_index (ticks, DateTick, t);
      double x = tick->x;
      PangoLayout *layout;
      int w, h;

      g_date_strftime (buffer, sizeof buffer, rule->format, &tick->date);
      g_strstrip (buffer);
      layout = texts_get (texts, buffer, &w, &h);
      if (x + w / 2.0 <= width - 2 && x - w / 2.0 >= 2)
        show_layout (cr, layout, w, h, x, y + 2, 0.5, 0, &style->dim);
    }
}

/* Returns where the plots begin, below the legend's last line. */
static double
draw_legend (RwChart            *chart,
             cairo_t            *cr,
             Texts              *texts,
             double              width,
             const RwChartStyle *style)
{
  double x = LEFT, y = 8;
  /* Mood, its 7-day mean (-1), then the rest. */
  static const int order[] = { RW_SERIES_MOOD, -1, RW_SERIES_ANXIETY, RW_SERIES_FOCUS,
                               RW_SERIES_HOPE, RW_SERIES_ENERGY, RW_SERIES_SLEEP_HOURS,
                               RW_SERIES_SLEEP_QUALITY };

  for (guint o = 0; o < G_N_ELEMENTS (order); o++)
    {
      int k = order[o];
      const char *label;
      const RwColor *color;
      PangoLayout *layout;
      double w;
      int text_w, text_h;

      if (k == -1)
        {
          if (!chart->visible[RW_SERIES_MOOD])
            continue;
          label = _("7-day mean");
          color = &style->rolling;
        }
      else
        {
          if (!chart->visible[k])
            continue;
          label = k == RW_SERIES_MOOD ? _("Mood, day mean") : rw_series_kind_get_label (k);
          color = &style->series[k];
        }
      layout = texts_get (texts, label, &text_w, &text_h);
      w = text_w + 22;
      if (x + w > width - 4 && x > LEFT)
        {
          /* A narrow chart wraps its legend. */
          x = LEFT;
          y += LEGEND_LINE;
        }
      set_color (cr, color);
      if (k == -1 || k == RW_SERIES_SLEEP_QUALITY || (k != RW_SERIES_MOOD && k != RW_SERIES_SLEEP_HOURS))
        cairo_rectangle (cr, x, y + 6, 12, k == -1 ? 3 : 2);
      else if (k == RW_SERIES_MOOD)
        cairo_arc (cr, x + 6, y + 7, 3.5, 0, 2 * G_PI);
      else
        cairo_rectangle (cr, x + 2, y + 2, 8, 10);
      cairo_fill (cr);
      show_layout (cr, layout, text_w, text_h, x + 16, y + 7, 0, 0.5, &style->foreground);
      x += w;
    }
  return TOP + (y - 8);
}

static char *
format_day (guint32 julian,
            const char *format)
{
  char buffer[64];
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_date_strftime (buffer, sizeof buffer, format, &date);
  return g_strstrip (g_strdup (buffer));
}

static void
draw_highlight (RwChart            *chart,
                cairo_t            *cr,
                Texts              *texts,
                double              width,
                double              top,
                double              bottom,
                const RwChartStyle *style)
{
  RwSeries *s = chart->series;
  guint i = (guint) chart->highlight;
  double x = rw_chart_x_of_day (chart, i, width);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *date = format_day (rw_series_get_first (s) + i, "%A %e %B %Y");
  /* Markup that changes with every day: a layout of its own. */
  g_autoptr(PangoLayout) layout = pango_layout_new (texts->context);
  int w, h;
  double bx, by = top + 4;

  set_color (cr, &style->foreground);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, round (x) + 0.5, top);
  cairo_line_to (cr, round (x) + 0.5, bottom);
  cairo_stroke (cr);

  g_string_append_printf (text, "<b>%s</b>", date);
  if (rw_series_get_check_ins (s, i) == 0)
    g_string_append_printf (text, "\n%s", _("No check-in"));
  for (guint k = 0; k < RW_N_SERIES; k++)
    {
      double v = rw_series_get_value (s, k, i);

      if (!chart->visible[k] || isnan (v))
        continue;
      if (k == RW_SERIES_SLEEP_HOURS)
        g_string_append_printf (text, "\n%s: %g h", rw_series_kind_get_label (k), v);
      else
        g_string_append_printf (text, "\n%s: %.1f", rw_series_kind_get_label (k), v);
    }
  if (chart->visible[RW_SERIES_MOOD] && !isnan (rw_series_get_rolling (s, i)))
    g_string_append_printf (text, "\n%s: %.1f", _("7-day mean"), rw_series_get_rolling (s, i));

  pango_layout_set_font_description (layout, texts->font);
  pango_layout_set_markup (layout, text->str, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  bx = x + 10 + w + 12 > width ? x - 10 - w - 12 : x + 10;
  bx = MAX (2, bx);
  cairo_rectangle (cr, bx, by, w + 12, h + 10);
  set_color (cr, &style->background);
  cairo_fill_preserve (cr);
  set_color (cr, &style->grid);
  cairo_stroke (cr);
  set_color (cr, &style->foreground);
  cairo_move_to (cr, bx + 6, by + 5);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_markers (RwChart            *chart,
              cairo_t            *cr,
              Texts              *texts,
              double              width,
              double              top,
              double              bottom,
              const RwChartStyle *style)
{
  guint32 first = rw_series_get_first (chart->series);
  guint32 last = rw_series_get_last (chart->series);
  static const double dash[] = { 4, 3 };

  for (guint m = 0; m < chart->markers->len; m++)
    {
      RwChartMarker *marker = &g_array_index (chart->markers, RwChartMarker, m);
      double x;

      if (marker->day < first || marker->day > last)
        continue;
      x = round (rw_chart_x_of_day (chart, marker->day - first, width)) + 0.5;
      set_color (cr, &style->marker);
      cairo_set_line_width (cr, 1);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_move_to (cr, x, top);
      cairo_line_to (cr, x, bottom);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      if (marker->label != NULL)
        draw_text (cr, texts, marker->label, x + 3, top, 0, 0, &style->marker);
    }
}

static void
layout_panels (RwChart *chart,
               double   width,
               double   height,
               Panel   *top_panel,
               Panel   *bottom_panel)
{
  gboolean metrics = metrics_panel_shown (chart) || !sleep_panel_shown (chart);
  gboolean sleep = sleep_panel_shown (chart);
  double plot_h = MAX (20, height - chart->top - BOTTOM);

  top_panel->x = bottom_panel->x = LEFT;
  top_panel->w = bottom_panel->w = plot_width (width);
  top_panel->max = 10;
  bottom_panel->max = SLEEP_MAX_HOURS;
  if (metrics && sleep)
    {
      top_panel->y = chart->top;
      top_panel->h = (plot_h - PANEL_GAP) * 0.62;
      bottom_panel->y = top_panel->y + top_panel->h + PANEL_GAP;
      bottom_panel->h = plot_h - PANEL_GAP - top_panel->h;
    }
  else
    {
      top_panel->y = bottom_panel->y = chart->top;
      top_panel->h = bottom_panel->h = plot_h;
    }
}

/**
 * rw_chart_y_of_value:
 * @chart: the chart
 * @kind: which series
 * @value: a value of it
 * @width: the chart's width
 * @height: the chart's height
 *
 * Returns: where @value of @kind is drawn, vertically
 */
double
rw_chart_y_of_value (RwChart      *chart,
                     RwSeriesKind  kind,
                     double        value,
                     double        width,
                     double        height)
{
  Panel top_panel, bottom_panel;
  Panel *panel;

  layout_panels (chart, width, height, &top_panel, &bottom_panel);
  if (kind == RW_SERIES_SLEEP_HOURS || kind == RW_SERIES_SLEEP_QUALITY)
    {
      panel = metrics_panel_shown (chart) ? &bottom_panel : &top_panel;
      panel->max = kind == RW_SERIES_SLEEP_HOURS ? SLEEP_MAX_HOURS : 10;
    }
  else
    panel = &top_panel;
  return value_y (panel, value);
}

/**
 * rw_chart_draw:
 * @chart: the chart
 * @cr: where to draw, with (0, 0) at the top left of the chart
 * @width: its width in user units
 * @height: its height
 * @style: colours and font
 *
 * Draws everything anew: nothing is cached as a bitmap. Only the layout
 * of each label (its shaping) is kept between draws, as a widget keeps its
 * labels' layouts.
 */
void
rw_chart_draw (RwChart            *chart,
               cairo_t            *cr,
               double              width,
               double              height,
               const RwChartStyle *style)
{
  Texts *texts;
  gboolean metrics = metrics_panel_shown (chart);
  gboolean sleep = sleep_panel_shown (chart);
  double plot_h;
  Panel top_panel, bottom_panel;

  cairo_save (cr);
  set_color (cr, &style->background);
  cairo_paint (cr);
  texts = texts_begin (chart, cr, style);

  if (chart->series == NULL || rw_series_is_empty (chart->series))
    {
      g_autofree char *message = NULL;

      if (chart->series != NULL)
        {
          g_autofree char *from = format_day (rw_series_get_first (chart->series), "%e %b %Y");
          g_autofree char *to = format_day (rw_series_get_last (chart->series), "%e %b %Y");
          message = g_strdup_printf (_("No check-ins from %s to %s"), from, to);
        }
      else
        message = g_strdup (_("No check-ins yet"));
      draw_text (cr, texts, message, width / 2, height / 2, 0.5, 0.5, &style->dim);
      cairo_restore (cr);
      return;
    }

  if (!metrics && !sleep)
    metrics = TRUE;

  cairo_set_antialias (cr, CAIRO_ANTIALIAS_DEFAULT);
  chart->top = draw_legend (chart, cr, texts, width, style);
  plot_h = MAX (20, height - chart->top - BOTTOM);
  layout_panels (chart, width, height, &top_panel, &bottom_panel);

  if (metrics)
    {
      static const double ticks[] = { 0, 5, 10 };

      draw_grid (cr, texts, &top_panel, ticks, G_N_ELEMENTS (ticks), "", FALSE, style);
      for (guint k = RW_SERIES_ANXIETY; k <= RW_SERIES_ENERGY; k++)
        if (chart->visible[k])
          draw_metric (chart, cr, &top_panel, k, FALSE, &style->series[k]);
      if (chart->visible[RW_SERIES_MOOD])
        {
          draw_metric (chart, cr, &top_panel, RW_SERIES_MOOD, TRUE, &style->series[RW_SERIES_MOOD]);
          draw_rolling (chart, cr, &top_panel, &style->rolling);
        }
    }
  if (sleep)
    {
      Panel *panel = metrics ? &bottom_panel : &top_panel;
      Panel quality = *panel;
      static const double hour_ticks[] = { 0, 4, 8, 12 };
      static const double quality_ticks[] = { 0, 5, 10 };

      panel->max = SLEEP_MAX_HOURS;
      quality.max = 10;
      if (chart->visible[RW_SERIES_SLEEP_HOURS])
        {
          draw_grid (cr, texts, panel, hour_ticks, G_N_ELEMENTS (hour_ticks), " h", FALSE, style);
          draw_sleep_bars (chart, cr, panel, &style->series[RW_SERIES_SLEEP_HOURS]);
        }
      if (chart->visible[RW_SERIES_SLEEP_QUALITY])
        {
          if (!chart->visible[RW_SERIES_SLEEP_HOURS])
            draw_grid (cr, texts, &quality, quality_ticks, G_N_ELEMENTS (quality_ticks), "", FALSE, style);
          else
            for (guint t = 0; t < G_N_ELEMENTS (quality_ticks); t++)
              {
                g_autofree char *label = g_strdup_printf ("%g", quality_ticks[t]);
                draw_text (cr, texts, label, quality.x + quality.w + 4,
                           value_y (&quality, quality_ticks[t]), 0, 0.5, &style->dim);
              }
          draw_metric (chart, cr, &quality, RW_SERIES_SLEEP_QUALITY, FALSE,
                       &style->series[RW_SERIES_SLEEP_QUALITY]);
        }
    }

  draw_dates (chart, cr, texts, width, chart->top + plot_h + 4, style);
  draw_markers (chart, cr, texts, width, chart->top, chart->top + plot_h, style);
  if (chart->highlight >= 0)
    draw_highlight (chart, cr, texts, width, chart->top, chart->top + plot_h, style);

  cairo_restore (cr);
}

static void
append_mean (GString      *out,
             RwSeries     *s,
             RwSeriesKind  kind)
{
  guint n = 0;
  double mean = rw_series_get_mean (s, kind, &n);

  if (n == 0)
    {
      g_string_append_printf (out, _("%s: not recorded. "), rw_series_kind_get_label (kind));
      return;
    }
  if (kind == RW_SERIES_SLEEP_HOURS)
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%s: mean %.1f h over %u night. ",
                                              "%s: mean %.1f h over %u nights. ", n),
                            rw_series_kind_get_label (kind), mean, n);
  else
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%s: mean %.1f over %u day. ",
                                              "%s: mean %.1f over %u days. ", n),
                            rw_series_kind_get_label (kind), mean, n);
}

char *
rw_chart_describe (RwChart *chart)
{
  g_autoptr(GString) out = g_string_new (NULL);
  RwSeries *s = chart->series;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  guint best, hardest;

  if (s == NULL)
    return g_strdup (_("No check-ins yet."));
  from = format_day (rw_series_get_first (s), "%e %B %Y");
  to = format_day (rw_series_get_last (s), "%e %B %Y");
  if (rw_series_is_empty (s))
    return g_strdup_printf (_("No check-ins from %s to %s."), from, to);

  g_string_append_printf (out, _("From %s to %s, %u days with a check-in. "), from, to,
                          rw_series_get_days_logged (s));
  for (guint k = 0; k < RW_N_SERIES; k++)
    if (chart->visible[k])
      append_mean (out, s, k);
  if (chart->visible[RW_SERIES_MOOD] && rw_series_get_extremes (s, &best, &hardest))
    {
      g_autofree char *best_day = format_day (rw_series_get_first (s) + best, "%e %B %Y");
      g_autofree char *hard_day = format_day (rw_series_get_first (s) + hardest, "%e %B %Y");

      g_string_append_printf (out, _("Best day %s (mood %.1f), hardest day %s (mood %.1f)."),
                              best_day, rw_series_get_value (s, RW_SERIES_MOOD, best),
                              hard_day, rw_series_get_value (s, RW_SERIES_MOOD, hardest));
    }
  return g_strstrip (g_string_free (g_steal_pointer (&out), FALSE));
}

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

gboolean
rw_chart_export (RwChart            *chart,
                 const char         *path,
                 double              width,
                 double              height,
                 const RwChartStyle *style,
                 GError            **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) local = NULL;
  g_autofree char *lower = g_ascii_strdown (path, -1);
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  enum { PNG, SVG, PDF } kind;

  if (g_str_has_suffix (lower, ".png"))
    kind = PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    kind = SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    kind = PDF;
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Cannot tell the format of “%s”: end the name with .png, .svg or .pdf."), path);
      return FALSE;
    }
  if (!(width >= 50 && width <= 20000 && height >= 50 && height <= 20000))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Width and height must be from 50 to 20000."));
      return FALSE;
    }

  if (kind == PNG)
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
  else if (kind == SVG)
    surface = cairo_svg_surface_create_for_stream (write_cb, bytes, width, height);
  else
    surface = cairo_pdf_surface_create_for_stream (write_cb, bytes, width, height);

  cr = cairo_create (surface);
  rw_chart_draw (chart, cr, width, height, style);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS && kind == PNG)
    status = cairo_surface_write_to_png_stream (surface, write_cb, bytes);
  /* Finishing writes the rest of an SVG or PDF into @bytes. */
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the chart: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }

  if (!g_file_replace_contents (file, (const char *) bytes->data, bytes->len, NULL, FALSE,
                                G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                NULL, NULL, &local))
    {
      g_set_error (error, local->domain, local->code,
                   _("Could not write the chart: %s. Choose a folder you can write to, with "
                     "free space."), local->message);
      return FALSE;
    }
  return TRUE;
}
