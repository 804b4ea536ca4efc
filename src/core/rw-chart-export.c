/* rw-chart-export.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart into a PNG, SVG or PDF file: rw_chart_draw() onto a surface
 * of that kind, written atomically and private.
 */
#define G_LOG_DOMAIN "rw-chart"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "rw-chart-private.h"

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
      rw_chart_add_marker (copy, marker->day, marker->label);
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

/**
 * rw_chart_export:
 * @chart: the chart
 * @path: the file to write: its name ends in .png, .svg or .pdf
 * @width: pixels for PNG, points for SVG and PDF
 * @height: likewise
 * @style: colours and font
 * @error: return location for a #GError
 *
 * Draws the chart, as on screen and without the highlight, into a new
 * file that replaces @path atomically and only its owner can read.
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
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *lower = NULL;
  g_autoptr(RwChart) copy = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  enum { PNG, SVG, PDF } kind;

  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
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

  copy = copy_chart (chart);
  cr = cairo_create (surface);
  rw_chart_draw (copy, cr, width, height, style);
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
