/* rw-chart-export.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart into a PNG, SVG or PDF file: rw_chart_draw() onto a surface
 * of that kind, written atomically and private. A saved chart is read
 * away from the app, so it carries a heading that says what it shows: the
 * metrics, the dates with their years and how many days were logged. A
 * PDF is a landscape page of A4 or Letter, for printing.
 */
#define G_LOG_DOMAIN "rw-chart"
#define _GNU_SOURCE 1

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#ifdef HAVE_NL_PAPER_WIDTH
#include <langinfo.h>
#endif

#include "rw-chart-private.h"
#include "rw-date.h"

#define HEADING_PAD 12.0     /* around the heading of a PNG or SVG */
#define PAGE_MARGIN 36.0     /* around everything on a PDF page: half an inch */

static const char *const extensions[] = { ".png", ".svg", ".pdf" };

/**
 * rw_chart_format_from_path:
 * @path: a file name
 * @format: (out): the format its ending names
 *
 * Returns: whether it ends in .png, .svg or .pdf, in any case
 */
gboolean
rw_chart_format_from_path (const char    *path,
                           RwChartFormat *format)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  for (guint f = 0; f < G_N_ELEMENTS (extensions); f++)
    if (g_str_has_suffix (lower, extensions[f]))
      {
        if (format != NULL)
          *format = (RwChartFormat) f;
        return TRUE;
      }
  return FALSE;
}

const char *
rw_chart_format_get_extension (RwChartFormat format)
{
  g_return_val_if_fail (format <= RW_CHART_FORMAT_PDF, NULL);
  return extensions[format];
}

/**
 * rw_chart_format_fix_path:
 * @path: a file name
 * @format: the format chosen for it
 *
 * Returns: (transfer full): @path ending in @format's extension: "chart.png"
 *   as PDF is "chart.pdf", "chart" is "chart.pdf"
 */
char *
rw_chart_format_fix_path (const char    *path,
                          RwChartFormat  format)
{
  RwChartFormat named;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (format <= RW_CHART_FORMAT_PDF, NULL);

  if (rw_chart_format_from_path (path, &named))
    {
      if (named == format)
        return g_strdup (path);
      {
        g_autofree char *stem = g_strndup (path, strlen (path) - strlen (extensions[named]));
        return g_strconcat (stem, extensions[format], NULL);
      }
    }
  return g_strconcat (path, extensions[format], NULL);
}

/**
 * rw_chart_format_choose:
 * @path: the name the person gave
 * @chosen: the format the dialog's filter was at the end
 * @offered: the one it was at first
 *
 * Returns: the format to write: @chosen if the person changed it, else
 *   the one @path ends in, else @chosen
 */
RwChartFormat
rw_chart_format_choose (const char    *path,
                        RwChartFormat  chosen,
                        RwChartFormat  offered)
{
  RwChartFormat named;

  g_return_val_if_fail (path != NULL, chosen);

  if (chosen == offered && rw_chart_format_from_path (path, &named))
    return named;
  return chosen;
}

gboolean
rw_paper_from_name (const char *name,
                    RwPaper    *paper)
{
  g_return_val_if_fail (name != NULL, FALSE);

  if (g_ascii_strcasecmp (name, "a4") == 0)
    *paper = RW_PAPER_A4;
  else if (g_ascii_strcasecmp (name, "letter") == 0)
    *paper = RW_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

/**
 * rw_paper_get_default:
 *
 * The paper of the locale (LC_PAPER, once setlocale() was called): glibc
 * knows it; elsewhere the locale's country decides, Letter in the United
 * States and Canada, A4 everywhere else.
 *
 * Returns: the paper
 */
RwPaper
rw_paper_get_default (void)
{
  const char *name;

#ifdef HAVE_NL_PAPER_WIDTH
  {
    /* glibc hands the width in millimetres back as the pointer's value. */
    int width = (int) (gintptr) nl_langinfo (_NL_PAPER_WIDTH);

    if (width == 216)
      return RW_PAPER_LETTER;
    if (width == 210)
      return RW_PAPER_A4;
  }
#endif
#ifdef LC_PAPER
  name = setlocale (LC_PAPER, NULL);
#else
  name = setlocale (LC_ALL, NULL);
#endif
  if (name != NULL && (strstr (name, "_US") != NULL || strstr (name, "_CA") != NULL))
    return RW_PAPER_LETTER;
  return RW_PAPER_A4;
}

/* A chart showing the same, so that drawing at the file's size leaves the
 * layout of @chart (kept for the screen) as it is. */
static RwChart *
copy_chart (RwChart *chart)
{
  RwChart *copy = rw_chart_new ();

  rw_chart_set_series (copy, chart->series);
  for (guint k = 0; k < RW_N_SERIES; k++)
    rw_chart_set_visible (copy, k, chart->visible[k]);
  for (guint m = 0; m < chart->markers->len; m++)
    {
      const RwChartMarker *marker = &g_array_index (chart->markers, RwChartMarker, m);
      if (marker->label != NULL || marker->detail == NULL)
        rw_chart_add_marker (copy, marker->day, marker->label);
      else
        rw_chart_add_session_marker (copy, marker->day, marker->detail, marker->scheduled);
    }
  return copy;
}

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The heading's two lines, laid out @width wide: the title with the
 * metrics, and the dates with the days logged. */
static void
make_heading (RwChart      *chart,
              double        width,
              PangoLayout **title,
              PangoLayout **subtitle)
{
  static const RwSeriesKind order[RW_N_SERIES] = {
    RW_SERIES_MOOD, RW_SERIES_ANXIETY, RW_SERIES_FOCUS, RW_SERIES_HOPE, RW_SERIES_ENERGY,
    RW_SERIES_SLEEP_HOURS, RW_SERIES_SLEEP_QUALITY,
  };
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (chart->font);
  g_autoptr(GString) metrics = g_string_new (NULL);
  g_autofree char *title_text = NULL;
  g_autofree char *subtitle_text = NULL;
  RwSeries *s = chart->series;

  for (guint o = 0; o < RW_N_SERIES; o++)
    if (chart->visible[order[o]])
      {
        if (metrics->len > 0)
          /* Translators: between the metrics of a saved chart's title */
          g_string_append (metrics, _(", "));
        g_string_append (metrics, rw_series_kind_get_label (order[o]));
      }
  /* Translators: the title of a saved chart, "Rewire: Mood, Sleep hours" */
  title_text = g_strdup_printf (_("Rewire: %s"), metrics->str);
  if (s != NULL)
    {
      g_autofree char *from = rw_date_format (rw_series_get_first (s), "%-d %B %Y");
      g_autofree char *to = rw_date_format (rw_series_get_last (s), "%-d %B %Y");
      guint n = rw_series_get_n_days (s);
      g_autofree char *logged = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "%u of %u day logged",
                                                              "%u of %u days logged", n),
                                                 rw_series_get_days_logged (s), n);

      /* Translators: a saved chart's dates and days, "1 March 2026 to 30 March 2026 · 27 of 30 days logged" */
      subtitle_text = g_strdup_printf (_("%s to %s · %s"), from, to, logged);
    }
  else
    subtitle_text = g_strdup (_("No check-ins yet"));

  *subtitle = pango_layout_new (rw_chart_get_context (chart));
  pango_layout_set_font_description (*subtitle, font);
  pango_layout_set_text (*subtitle, subtitle_text, -1);
  pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_font_description_set_size (font, pango_font_description_get_size (font) * 4 / 3);
  *title = pango_layout_new (rw_chart_get_context (chart));
  pango_layout_set_font_description (*title, font);
  pango_layout_set_text (*title, title_text, -1);
  for (guint l = 0; l < 2; l++)
    {
      PangoLayout *line = l == 0 ? *title : *subtitle;

      pango_layout_set_width (line, MAX (1.0, width) * PANGO_SCALE);
      pango_layout_set_wrap (line, PANGO_WRAP_WORD_CHAR);
    }
}

/* How tall the heading is, and if @cr is given, draws it at (@x, @y). */
static double
draw_heading (RwChart            *chart,
              cairo_t            *cr,
              double              x,
              double              y,
              double              width,
              const RwChartStyle *style)
{
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) subtitle = NULL;
  int title_h, subtitle_h;

  make_heading (chart, width, &title, &subtitle);
  pango_layout_get_pixel_size (title, NULL, &title_h);
  pango_layout_get_pixel_size (subtitle, NULL, &subtitle_h);
  if (cr != NULL)
    {
      cairo_save (cr);
      cairo_set_source_rgba (cr, style->foreground.red, style->foreground.green,
                             style->foreground.blue, style->foreground.alpha);
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, title);
      cairo_set_source_rgba (cr, style->dim.red, style->dim.green, style->dim.blue,
                             style->dim.alpha);
      cairo_move_to (cr, x, y + title_h + 2);
      pango_cairo_show_layout (cr, subtitle);
      cairo_restore (cr);
    }
  return title_h + 2 + subtitle_h;
}

/**
 * rw_chart_export_as:
 * @chart: the chart
 * @path: the file to write
 * @format: what to write into it, whatever its name says
 * @width: the chart's width: pixels for PNG, points for SVG
 * @height: the chart's height; the heading goes above it
 * @paper: the page of a PDF, which the heading and chart fill
 * @style: colours and font
 * @error: return location for a #GError
 *
 * Draws the chart, as on screen and without the highlight, under a
 * heading of what it shows, into a new file that replaces @path
 * atomically and only its owner can read.
 *
 * Returns: whether the file was written
 */
gboolean
rw_chart_export_as (RwChart            *chart,
                    const char         *path,
                    RwChartFormat       format,
                    double              width,
                    double              height,
                    RwPaper             paper,
                    const RwChartStyle *style,
                    GError            **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(RwChart) copy = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double page_w, page_h, margin, heading, chart_x, chart_y, chart_w, chart_h;

  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (format <= RW_CHART_FORMAT_PDF, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (format != RW_CHART_FORMAT_PDF &&
      !(width >= 50 && width <= 20000 && height >= 50 && height <= 20000))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Width and height must be from 50 to 20000."));
      return FALSE;
    }

  copy = copy_chart (chart);
  rw_chart_set_style (copy, style);
  if (format == RW_CHART_FORMAT_PDF)
    {
      /* Landscape, in points. */
      page_w = paper == RW_PAPER_LETTER ? 792 : 841.89;
      page_h = paper == RW_PAPER_LETTER ? 612 : 595.28;
      margin = PAGE_MARGIN;
      heading = draw_heading (copy, NULL, 0, 0, page_w - 2 * margin, style);
      chart_x = margin;
      chart_y = margin + heading + HEADING_PAD;
      chart_w = page_w - 2 * margin;
      chart_h = MAX (50, page_h - chart_y - margin);
    }
  else
    {
      /* The chart as on screen, the heading above it. */
      margin = HEADING_PAD;
      heading = draw_heading (copy, NULL, 0, 0, width - 2 * margin, style);
      chart_x = 0;
      chart_y = ceil (margin + heading + margin / 2);
      chart_w = width;
      chart_h = height;
      page_w = width;
      page_h = chart_y + height;
    }

  if (format == RW_CHART_FORMAT_PNG)
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) page_w, (int) page_h);
  else if (format == RW_CHART_FORMAT_SVG)
    surface = cairo_svg_surface_create_for_stream (write_cb, bytes, page_w, page_h);
  else
    surface = cairo_pdf_surface_create_for_stream (write_cb, bytes, page_w, page_h);

  cr = cairo_create (surface);
  cairo_set_source_rgba (cr, style->background.red, style->background.green,
                         style->background.blue, style->background.alpha);
  cairo_paint (cr);
  cairo_save (cr);
  cairo_rectangle (cr, chart_x, chart_y, chart_w, chart_h);
  cairo_clip (cr);
  cairo_translate (cr, chart_x, chart_y);
  rw_chart_draw (copy, cr, chart_w, chart_h, style);
  cairo_restore (cr);
  draw_heading (copy, cr, margin, margin, page_w - 2 * margin, style);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS && format == RW_CHART_FORMAT_PNG)
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

  file = g_file_new_for_path (path);
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

/**
 * rw_chart_export:
 * @chart: the chart
 * @path: the file to write: its name ends in .png, .svg or .pdf
 * @width: pixels for PNG, points for SVG; a PDF is a page
 * @height: likewise
 * @style: colours and font
 * @error: return location for a #GError
 *
 * rw_chart_export_as() in the format @path's ending names, a PDF on the
 * locale's paper.
 *
 * Returns: whether the file was written
 */
gboolean
rw_chart_export (RwChart            *chart,
                 const char         *path,
                 double              width,
                 double              height,
                 const RwChartStyle *style,
                 GError            **error)
{
  RwChartFormat format;

  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!rw_chart_format_from_path (path, &format))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Cannot tell the format of “%s”: end the name with .png, .svg or .pdf."), path);
      return FALSE;
    }
  return rw_chart_export_as (chart, path, format, width, height, rw_paper_get_default (), style,
                             error);
}
