/* rw-cli-chart.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `rewire chart`: the chart the Trends view shows, drawn by the core's
 * renderer into a PNG, SVG or PDF file, with the sessions as markers.
 */
#define G_LOG_DOMAIN "rw-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "rw-cli-private.h"

int
rw_cli_cmd_chart (RwCli  *cli,
                  int     argc,
                  char  **argv)
{
  g_autofree char *metric_names = NULL;
  g_autofree char *range_name = NULL;
  g_autofree char *end = NULL;
  g_autofree char *output = NULL;
  g_autofree char *style_name = NULL;
  g_autofree char *paper_name = NULL;
  int width = 0, height = 0;
  GOptionEntry entries[] = {
    { "metric", 0, 0, G_OPTION_ARG_STRING, &metric_names, N_("What to draw, separated by commas: mood, sleep, sleep-quality, anxiety, focus, hope, energy (default: mood,sleep)"), N_("LIST") },
    { "range", 0, 0, G_OPTION_ARG_STRING, &range_name, N_("7d, 30d, 90d, 1y or all (default: 30d)"), N_("RANGE") },
    { "end", 0, 0, G_OPTION_ARG_STRING, &end, N_("Last day of the range, YYYY-MM-DD (default: today)"), N_("DATE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write: .png, .svg or .pdf (created private, 0600)"), N_("FILE") },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, N_("Width: pixels for PNG, points for SVG (default: 900)"), "W" },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, N_("Height of the chart, under its heading (default: 500)"), "H" },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_name, N_("The page of a PDF: a4 or letter (default: your locale's)"), N_("PAPER") },
    { "style", 0, 0, G_OPTION_ARG_STRING, &style_name, N_("light (default) or dark"), N_("STYLE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RwDatabase) db = NULL;
  g_autoptr(RwSeries) series = NULL;
  g_autoptr(RwChart) chart = NULL;
  g_autoptr(GPtrArray) marks = NULL;
  g_autoptr(GError) marks_error = NULL;
  g_autofree char *end_date = NULL;
  g_autofree char *summary = NULL;
  g_auto(GStrv) names = NULL;
  RwChartStyle style;
  RwChartFormat format;
  RwRange range = RW_RANGE_30D;
  RwPaper paper = rw_paper_get_default ();
  guint32 last;
  int status;

  context = rw_cli_option_context_new (cli, NULL,
                                       _("Draws a chart of your check-ins into a PNG, SVG or "
                                         "PDF file, and prints what it shows."),
                                       entries);
  if (!rw_cli_parse (context, &argc, &argv, 0, NULL, &status))
    return status;
  if (output == NULL)
    return rw_cli_usage_error (_("Say where to write with --output FILE.png, .svg or .pdf."));
  if (range_name != NULL && !rw_range_from_name (range_name, &range))
    return rw_cli_usage_error (_("Unknown range “%s”: use 7d, 30d, 90d, 1y or all."), range_name);
  if (style_name != NULL && !g_str_equal (style_name, "light") && !g_str_equal (style_name, "dark"))
    return rw_cli_usage_error (_("Unknown style “%s”: use light or dark."), style_name);
  if (paper_name != NULL && !rw_paper_from_name (paper_name, &paper))
    return rw_cli_usage_error (_("Unknown paper “%s”: use a4 or letter."), paper_name);
  if ((width != 0 && (width < 50 || width > 20000)) || (height != 0 && (height < 50 || height > 20000)))
    return rw_cli_usage_error (_("Width and height must be from 50 to 20000."));

  chart = rw_chart_new ();
  for (guint k = 0; k < RW_N_SERIES; k++)
    rw_chart_set_visible (chart, k, FALSE);
  names = g_strsplit (metric_names != NULL ? metric_names : "mood,sleep", ",", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      RwSeriesKind kind;

      g_strstrip (names[i]);
      if (*names[i] == '\0')
        continue;
      if (!rw_series_kind_from_name (names[i], &kind))
        return rw_cli_usage_error (_("Unknown metric “%s”: use mood, sleep, sleep-quality, "
                                       "anxiety, focus, hope or energy."), names[i]);
      rw_chart_set_visible (chart, kind, TRUE);
    }

  if (end != NULL)
    {
      if (!rw_parse_date (end, &end_date, &error))
        return rw_cli_fail_with (error);
      last = rw_date_from_iso (end_date);
    }
  else
    last = rw_date_today ();

  db = rw_cli_open_readable (cli, FALSE, &error);
  if (db == NULL)
    return rw_cli_fail_with (error);
  series = rw_series_load_range (db, range, last, &error);
  if (series == NULL)
    return rw_cli_fail_with (error);

  rw_chart_set_series (chart, series);
  /* Sessions as markers, as in the Trends view; a journal that cannot
   * list them (read as it is, from before sessions) is drawn without. */
  marks = rw_session_marks_load (db, rw_series_get_first (series), rw_series_get_last (series), FALSE,
                                 &marks_error);
  if (marks != NULL)
    rw_session_marks_add_to_chart (marks, chart);
  else
    g_debug ("No session markers: %s", marks_error->message);
  rw_chart_style_init (&style, style_name != NULL && g_str_equal (style_name, "dark"));
  if (!rw_chart_format_from_path (output, &format))
    return rw_cli_usage_error (_("Cannot tell the format of “%s”: end the name with .png, .svg "
                                 "or .pdf."), output);
  if (!rw_chart_export_as (chart, output, format, width > 0 ? width : 900, height > 0 ? height : 500,
                           paper, &style, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT))
        return rw_cli_usage_error ("%s", error->message);
      return rw_cli_fail_with (error);
    }

  summary = rw_chart_describe (chart);
  g_print ("%s\n", summary);
  return RW_EXIT_OK;
}
