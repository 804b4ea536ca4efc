/* rw-cli.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command line: the same journal as the window, with no display. It
 * uses the core only and never initialises GTK.
 */
#define G_LOG_DOMAIN "rw-cli"

#include "config.h"

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "rw-cli.h"
#include "rw-core.h"

typedef struct
{
  char *data_dir;
} Cli;

typedef int (*CommandFunc) (Cli    *cli,
                            int     argc,
                            char  **argv);

typedef struct
{
  const char *name;
  const char *parameters;
  const char *summary;
  CommandFunc run;
} Command;

/* The values of add and edit, as typed; NULL when not given. */
typedef struct
{
  char *date;
  char *time;
  char *metrics[RW_N_METRICS];
  char *sleep;
  char *tags;
  char *note;
} Values;

static void
values_clear (Values *values)
{
  g_free (values->date);
  g_free (values->time);
  for (guint i = 0; i < RW_N_METRICS; i++)
    g_free (values->metrics[i]);
  g_free (values->sleep);
  g_free (values->tags);
  g_free (values->note);
}

static void
print_error (const char *message)
{
  g_printerr ("rewire: %s\n", message);
}

static int
fail_with (const GError *error)
{
  print_error (error->message);

  if (error->domain == RW_VALIDATION_ERROR ||
      error->domain == RW_IMPORT_ERROR ||
      error->domain == G_OPTION_ERROR ||
      g_error_matches (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_NOT_FOUND) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
      g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    return RW_EXIT_USAGE;

  return RW_EXIT_DATA;
}

static int
usage_error (GOptionContext *context,
             const char     *format,
             ...) G_GNUC_PRINTF (2, 3);

static int
usage_error (GOptionContext *context,
             const char     *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  print_error (message);
  g_printerr (_("Run “%s --help” for how to use it.\n"), g_get_prgname ());
  return RW_EXIT_USAGE;
}

static RwDatabase *
open_database (Cli     *cli,
               GError **error)
{
  g_autofree char *dir = rw_database_resolve_data_dir (cli->data_dir);

  return rw_database_open (dir, error);
}

static GOptionContext *
new_context (const char   *parameters,
             const char   *summary,
             GOptionEntry *entries,
             Cli          *cli)
{
  GOptionEntry common[] = {
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &cli->data_dir,
      N_("Keep the journal in DIR (default: $REWIRE_DATA_DIR or $XDG_DATA_HOME/rewire)"), N_("DIR") },
    { NULL }
  };
  GOptionContext *context = g_option_context_new (parameters);

  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, common, GETTEXT_PACKAGE);
  return context;
}

static gboolean
parse (GOptionContext  *context,
       int             *argc,
       char          ***argv,
       GError         **error)
{
  return g_option_context_parse (context, argc, argv, error);
}

#define VALUE_ENTRIES(v) \
  { "date", 0, 0, G_OPTION_ARG_STRING, &(v).date, N_("The day, YYYY-MM-DD (default: today)"), N_("DATE") }, \
  { "time", 0, 0, G_OPTION_ARG_STRING, &(v).time, N_("The time, HH:MM (default: now)"), N_("TIME") }, \
  { "mood", 0, 0, G_OPTION_ARG_STRING, &(v).metrics[RW_METRIC_MOOD], N_("Mood, 0 very low to 10 very good"), "N" }, \
  { "anxiety", 0, 0, G_OPTION_ARG_STRING, &(v).metrics[RW_METRIC_ANXIETY], N_("Anxiety, 0 none to 10 severe"), "N" }, \
  { "focus", 0, 0, G_OPTION_ARG_STRING, &(v).metrics[RW_METRIC_FOCUS], N_("Focus, 0 scattered to 10 sharp"), "N" }, \
  { "hope", 0, 0, G_OPTION_ARG_STRING, &(v).metrics[RW_METRIC_HOPE], N_("Hope, 0 none to 10 a lot"), "N" }, \
  { "energy", 0, 0, G_OPTION_ARG_STRING, &(v).metrics[RW_METRIC_ENERGY], N_("Energy, 0 drained to 10 full"), "N" }, \
  { "sleep", 0, 0, G_OPTION_ARG_STRING, &(v).sleep, N_("Hours slept the night before, 0 to 24 in quarter hours"), "H" }, \
  { "sleep-quality", 0, 0, G_OPTION_ARG_STRING, &(v).metrics[RW_METRIC_SLEEP_QUALITY], N_("Sleep quality, 0 very poor to 10 very good"), "N" }, \
  { "tags", 0, 0, G_OPTION_ARG_STRING, &(v).tags, N_("Tags, separated by commas"), N_("A,B") }, \
  { "note", 0, 0, G_OPTION_ARG_STRING, &(v).note, N_("A note"), N_("TEXT") }

/* Sets what was given; an empty value clears a field. */
static gboolean
apply_values (RwCheckIn     *check_in,
              const Values  *values,
              GError       **error)
{
  if (values->date != NULL)
    {
      g_autofree char *date = NULL;

      if (!rw_parse_date (values->date, &date, error))
        return FALSE;
      rw_check_in_set_date (check_in, date);
    }

  if (values->time != NULL)
    {
      g_autofree char *time = NULL;

      if (!rw_parse_time (values->time, &time, error))
        return FALSE;
      rw_check_in_set_time (check_in, time);
    }

  for (guint i = 0; i < RW_N_METRICS; i++)
    {
      int value;

      if (values->metrics[i] == NULL)
        continue;
      if (!rw_parse_metric (i, values->metrics[i], &value, error))
        return FALSE;
      rw_check_in_set_metric (check_in, i, value);
    }

  if (values->sleep != NULL)
    {
      double hours;

      if (!rw_parse_sleep_hours (values->sleep, &hours, error))
        return FALSE;
      rw_check_in_set_sleep_hours (check_in, hours);
    }

  if (values->tags != NULL)
    {
      g_auto(GStrv) tags = rw_parse_tags (values->tags, ',', error);

      if (tags == NULL)
        return FALSE;
      rw_check_in_set_tags (check_in, (const char * const *) tags);
    }

  if (values->note != NULL)
    {
      if (!rw_validate_note (values->note, error))
        return FALSE;
      rw_check_in_set_note (check_in, values->note);
    }

  return rw_validate_check_in (check_in, error);
}

static gboolean
write_one (RwDatabase  *db,
           RwCheckIn   *check_in,
           gboolean     is_new,
           GError     **error)
{
  gboolean ok;

  if (!rw_database_begin (db, error))
    return FALSE;

  ok = is_new ? rw_check_in_sql_insert (db, check_in, error)
              : rw_check_in_sql_update (db, check_in, error);
  if (!ok || !rw_database_commit (db, error))
    {
      rw_database_rollback (db);
      return FALSE;
    }
  return TRUE;
}

static int
cmd_add (Cli    *cli,
         int     argc,
         char  **argv)
{
  Values values = { 0 };
  GOptionEntry entries[] = { VALUE_ENTRIES (values), { NULL } };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RwCheckIn) check_in = rw_check_in_new ();
  g_autoptr(RwDatabase) db = NULL;
  int status;

  context = new_context (NULL, _("Adds a check-in and prints its id. Leave out what you did not "
                                 "notice; date and time default to now."), entries, cli);
  if (!parse (context, &argc, &argv, &error))
    {
      status = usage_error (context, "%s", error->message);
      goto out;
    }
  if (argc > 1)
    {
      status = usage_error (context, _("Unexpected argument “%s”."), argv[1]);
      goto out;
    }

  rw_check_in_set_now (check_in);
  if (!apply_values (check_in, &values, &error))
    {
      status = fail_with (error);
      goto out;
    }

  db = open_database (cli, &error);
  if (db == NULL || !write_one (db, check_in, TRUE, &error))
    {
      status = fail_with (error);
      goto out;
    }

  g_print ("%s\n", rw_check_in_get_id (check_in));
  status = RW_EXIT_OK;

out:
  values_clear (&values);
  return status;
}

static int
cmd_edit (Cli    *cli,
          int     argc,
          char  **argv)
{
  Values values = { 0 };
  GOptionEntry entries[] = { VALUE_ENTRIES (values), { NULL } };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RwCheckIn) check_in = NULL;
  g_autoptr(RwDatabase) db = NULL;
  g_autofree char *id = NULL;
  int status;

  context = new_context (_("ID"), _("Changes only the values given; an empty value "
                                    "(--note \"\") clears a field. ID may be the first 8 "
                                    "characters of the id."), entries, cli);
  if (!parse (context, &argc, &argv, &error))
    {
      status = usage_error (context, "%s", error->message);
      goto out;
    }
  if (argc != 2)
    {
      status = usage_error (context, _("Give the id of one check-in."));
      goto out;
    }

  db = open_database (cli, &error);
  if (db == NULL ||
      (id = rw_check_in_sql_resolve_id (db, argv[1], &error)) == NULL ||
      (check_in = rw_check_in_sql_load (db, id, &error)) == NULL ||
      !apply_values (check_in, &values, &error) ||
      !write_one (db, check_in, FALSE, &error))
    {
      status = fail_with (error);
      goto out;
    }

  g_print ("%s\n", id);
  status = RW_EXIT_OK;

out:
  values_clear (&values);
  return status;
}

static int
cmd_delete (Cli    *cli,
            int     argc,
            char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RwDatabase) db = NULL;
  g_autofree char *id = NULL;

  context = new_context (_("ID"), _("Deletes a check-in for good. ID may be the first 8 "
                                    "characters of the id."), NULL, cli);
  if (!parse (context, &argc, &argv, &error))
    return usage_error (context, "%s", error->message);
  if (argc != 2)
    return usage_error (context, _("Give the id of one check-in."));

  db = open_database (cli, &error);
  if (db == NULL || (id = rw_check_in_sql_resolve_id (db, argv[1], &error)) == NULL)
    return fail_with (error);

  if (!rw_database_begin (db, &error))
    return fail_with (error);
  if (!rw_check_in_sql_delete (db, id, &error) || !rw_database_commit (db, &error))
    {
      rw_database_rollback (db);
      return fail_with (error);
    }

  return RW_EXIT_OK;
}

static char *
pad (const char *text,
     guint       width)
{
  glong length = g_utf8_strlen (text, -1);
  GString *out;

  if (length > (glong) width)
    {
      g_autofree char *cut = g_utf8_substring (text, 0, width - 1);
      return g_strdup_printf ("%s…", cut);
    }

  out = g_string_new (text);
  for (glong i = length; i < (glong) width; i++)
    g_string_append_c (out, ' ');
  return g_string_free (out, FALSE);
}

static char *
metric_cell (RwCheckIn *check_in,
             RwMetric   metric)
{
  int value = rw_check_in_get_metric (check_in, metric);

  return value == RW_METRIC_UNSET ? g_strdup ("-") : g_strdup_printf ("%d", value);
}

static gboolean
print_row_cb (RwCheckIn *check_in,
              gpointer   user_data)
{
  GString *out = user_data;
  g_autofree char *sleep = rw_format_sleep_hours (rw_check_in_get_sleep_hours (check_in));
  g_autofree char *tags = g_strjoinv (",", (char **) rw_check_in_get_tags (check_in));
  g_autofree char *note = rw_check_in_dup_note_summary (check_in);
  g_autofree char *tags_cell = pad (tags, 18);
  g_autofree char *short_id = g_strndup (rw_check_in_get_id (check_in), 8);

  g_string_append_printf (out, "%s  %s  %s  ", short_id, rw_check_in_get_date (check_in),
                          rw_check_in_get_time (check_in));
  for (RwMetric m = RW_METRIC_MOOD; m <= RW_METRIC_ENERGY; m++)
    {
      g_autofree char *cell = metric_cell (check_in, m);
      g_string_append_printf (out, "%2s  ", cell);
    }
  {
    g_autofree char *quality = metric_cell (check_in, RW_METRIC_SLEEP_QUALITY);
    g_string_append_printf (out, "%5s  %2s  ", *sleep != '\0' ? sleep : "-", quality);
  }
  g_string_append_printf (out, "%s  %s\n", tags_cell, note);

  /* Write in chunks so that 100,000 rows stream without holding them all. */
  if (out->len > 64 * 1024)
    {
      fwrite (out->str, 1, out->len, stdout);
      g_string_truncate (out, 0);
    }
  return TRUE;
}

static int
cmd_list (Cli    *cli,
          int     argc,
          char  **argv)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *search = NULL;
  g_autofree char *tag = NULL;
  g_autofree char *format_name = NULL;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("First day, YYYY-MM-DD"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Last day, YYYY-MM-DD"), N_("DATE") },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, N_("Only check-ins whose note or tags hold these words"), N_("WORDS") },
    { "tag", 0, 0, G_OPTION_ARG_STRING, &tag, N_("Only check-ins with this tag"), N_("TAG") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name, N_("table (default), csv or json"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RwDatabase) db = NULL;
  g_autofree char *from_date = NULL;
  g_autofree char *to_date = NULL;
  RwCheckInQuery query = { NULL, NULL, NULL, FALSE, NULL };
  RwFormat format = RW_FORMAT_AUTO;

  context = new_context (NULL, _("Lists check-ins, newest first."), entries, cli);
  if (!parse (context, &argc, &argv, &error))
    return usage_error (context, "%s", error->message);
  if (argc > 1)
    return usage_error (context, _("Unexpected argument “%s”."), argv[1]);

  if (format_name != NULL && !g_str_equal (format_name, "table") &&
      !rw_format_from_string (format_name, &format))
    return usage_error (context, _("Unknown format “%s”: use table, csv or json."), format_name);
  if ((from != NULL && !rw_parse_date (from, &from_date, &error)) ||
      (to != NULL && !rw_parse_date (to, &to_date, &error)))
    return fail_with (error);

  query.from = from_date;
  query.to = to_date;
  query.search = search;
  query.tag = tag;

  db = open_database (cli, &error);
  if (db == NULL)
    return fail_with (error);

  if (format == RW_FORMAT_AUTO)
    {
      g_autoptr(GString) out = g_string_sized_new (128 * 1024);

      /* Short column labels so that a row fits a terminal: mood, anxiety,
       * focus, hope, energy, sleep hours, sleep quality. */
      g_string_append_printf (out, "%-8s  %-10s  %-5s  %2s  %2s  %2s  %2s  %2s  %5s  %2s  %-18s  %s\n",
                              _("ID"), _("DATE"), _("TIME"), _("MO"), _("AX"), _("FO"),
                              _("HO"), _("EN"), _("SLEEP"), _("SQ"), _("TAGS"), _("NOTE"));
      if (!rw_check_in_sql_foreach (db, &query, print_row_cb, out, &error))
        return fail_with (error);
      fwrite (out->str, 1, out->len, stdout);
      fflush (stdout);
      return RW_EXIT_OK;
    }
  else
    {
      g_autoptr(GOutputStream) raw = g_unix_output_stream_new (fileno (stdout), FALSE);
      g_autoptr(GOutputStream) buffered = g_buffered_output_stream_new_sized (raw, 64 * 1024);

      query.oldest_first = FALSE;
      if (!rw_export_to_stream (db, &query, format, buffered, NULL, &error) ||
          !g_output_stream_close (buffered, NULL, &error))
        return fail_with (error);
      return RW_EXIT_OK;
    }
}

static int
cmd_export (Cli    *cli,
            int     argc,
            char  **argv)
{
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name, N_("csv or json (default: from the file name)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write (created private, 0600)"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RwDatabase) db = NULL;
  RwFormat format = RW_FORMAT_AUTO;

  context = new_context (NULL, _("Writes every check-in to a CSV or JSON file."), entries, cli);
  if (!parse (context, &argc, &argv, &error))
    return usage_error (context, "%s", error->message);
  if (argc > 1)
    return usage_error (context, _("Unexpected argument “%s”."), argv[1]);
  if (output == NULL)
    return usage_error (context, _("Say where to write with --output FILE."));

  if (format_name != NULL)
    {
      if (!rw_format_from_string (format_name, &format))
        return usage_error (context, _("Unknown format “%s”: use csv or json."), format_name);
    }
  else if ((format = rw_format_from_path (output)) == RW_FORMAT_AUTO)
    return usage_error (context, _("Cannot tell the format of “%s”; use --format csv or "
                                   "--format json."), output);

  db = open_database (cli, &error);
  if (db == NULL || !rw_export_to_file (db, NULL, format, output, NULL, &error))
    return fail_with (error);

  return RW_EXIT_OK;
}

static int
cmd_import (Cli    *cli,
            int     argc,
            char  **argv)
{
  g_autofree char *format_name = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name, N_("csv or json (default: from the file name)"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RwDatabase) db = NULL;
  RwImportResult result = { 0 };
  RwFormat format = RW_FORMAT_AUTO;

  context = new_context (_("FILE"), _("Adds the check-ins of a CSV or JSON file. All or nothing: a "
                                      "bad row stops it and nothing is added. Check-ins already "
                                      "in the journal are skipped."), entries, cli);
  if (!parse (context, &argc, &argv, &error))
    return usage_error (context, "%s", error->message);
  if (argc != 2)
    return usage_error (context, _("Give one file to import."));
  if (format_name != NULL && !rw_format_from_string (format_name, &format))
    return usage_error (context, _("Unknown format “%s”: use csv or json."), format_name);

  db = open_database (cli, &error);
  if (db == NULL || !rw_import_file (db, argv[1], format, &result, &error))
    return fail_with (error);

  g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u check-in", "Imported %u check-ins",
                        result.added), result.added);
  g_print (g_dngettext (GETTEXT_PACKAGE, " (%u already in the journal).\n",
                        " (%u already in the journal).\n", result.skipped), result.skipped);
  return RW_EXIT_OK;
}

static int
cmd_chart (Cli    *cli,
           int     argc,
           char  **argv)
{
  g_autofree char *metric_names = NULL;
  g_autofree char *range_name = NULL;
  g_autofree char *end = NULL;
  g_autofree char *output = NULL;
  g_autofree char *style_name = NULL;
  int width = 0, height = 0;
  GOptionEntry entries[] = {
    { "metric", 0, 0, G_OPTION_ARG_STRING, &metric_names, N_("What to draw, separated by commas: mood, sleep, sleep-quality, anxiety, focus, hope, energy (default: mood,sleep)"), N_("LIST") },
    { "range", 0, 0, G_OPTION_ARG_STRING, &range_name, N_("7d, 30d, 90d, 1y or all (default: 30d)"), N_("RANGE") },
    { "end", 0, 0, G_OPTION_ARG_STRING, &end, N_("Last day of the range, YYYY-MM-DD (default: today)"), N_("DATE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write: .png, .svg or .pdf (created private, 0600)"), N_("FILE") },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, N_("Width: pixels for PNG, points for SVG and PDF (default: 900)"), "W" },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, N_("Height (default: 500)"), "H" },
    { "style", 0, 0, G_OPTION_ARG_STRING, &style_name, N_("light (default) or dark"), N_("STYLE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RwDatabase) db = NULL;
  g_autoptr(RwSeries) series = NULL;
  g_autoptr(RwChart) chart = NULL;
  g_autofree char *end_date = NULL;
  g_autofree char *summary = NULL;
  g_auto(GStrv) names = NULL;
  RwChartStyle style;
  RwRange range = RW_RANGE_30D;
  guint32 last;

  context = new_context (NULL, _("Draws a chart of your check-ins into a PNG, SVG or PDF file, "
                                 "and prints what it shows."), entries, cli);
  if (!parse (context, &argc, &argv, &error))
    return usage_error (context, "%s", error->message);
  if (argc > 1)
    return usage_error (context, _("Unexpected argument “%s”."), argv[1]);
  if (output == NULL)
    return usage_error (context, _("Say where to write with --output FILE.png, .svg or .pdf."));
  if (range_name != NULL && !rw_range_from_name (range_name, &range))
    return usage_error (context, _("Unknown range “%s”: use 7d, 30d, 90d, 1y or all."), range_name);
  if (style_name != NULL && !g_str_equal (style_name, "light") && !g_str_equal (style_name, "dark"))
    return usage_error (context, _("Unknown style “%s”: use light or dark."), style_name);
  if ((width != 0 && (width < 50 || width > 20000)) || (height != 0 && (height < 50 || height > 20000)))
    return usage_error (context, _("Width and height must be from 50 to 20000."));

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
        return usage_error (context, _("Unknown metric “%s”: use mood, sleep, sleep-quality, "
                                       "anxiety, focus, hope or energy."), names[i]);
      rw_chart_set_visible (chart, kind, TRUE);
    }

  if (end != NULL)
    {
      if (!rw_parse_date (end, &end_date, &error))
        return fail_with (error);
      last = rw_julian_from_iso (end_date);
    }
  else
    last = rw_julian_today ();

  db = open_database (cli, &error);
  if (db == NULL)
    return fail_with (error);
  series = rw_series_load_range (db, range, last, &error);
  if (series == NULL)
    return fail_with (error);

  rw_chart_set_series (chart, series);
  rw_chart_style_init (&style, style_name != NULL && g_str_equal (style_name, "dark"));
  if (!rw_chart_export (chart, output, width > 0 ? width : 900, height > 0 ? height : 500,
                        &style, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT))
        return usage_error (context, "%s", error->message);
      return fail_with (error);
    }

  summary = rw_chart_describe (chart);
  g_print ("%s\n", summary);
  return RW_EXIT_OK;
}

static int
cmd_check (Cli    *cli,
           int     argc,
           char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RwDatabase) db = NULL;
  g_autofree char *verdict = NULL;
  gint64 check_ins = 0, days = 0, tags = 0;

  context = new_context (NULL, _("Checks the journal's integrity and prints what it holds."),
                         NULL, cli);
  if (!parse (context, &argc, &argv, &error))
    return usage_error (context, "%s", error->message);
  if (argc > 1)
    return usage_error (context, _("Unexpected argument “%s”."), argv[1]);

  db = open_database (cli, &error);
  if (db == NULL ||
      !rw_database_quick_check (db, &verdict, &error) ||
      !rw_check_in_sql_count (db, &check_ins, &days, &tags, &error))
    return fail_with (error);

  g_print (_("Journal:    %s\n"), rw_database_get_path (db));
  g_print (_("Schema:     %d\n"), rw_database_get_schema_version (db));
  g_print (_("Check-ins:  %" G_GINT64_FORMAT "\n"), check_ins);
  g_print (_("Days:       %" G_GINT64_FORMAT "\n"), days);
  g_print (_("Tags:       %" G_GINT64_FORMAT "\n"), tags);
  g_print (_("Integrity:  %s\n"), verdict);

  if (!g_str_equal (verdict, "ok"))
    {
      print_error (_("The journal is damaged. Restore it from a backup, or export what can be "
                     "read with “rewire export” and import it into a new journal."));
      return RW_EXIT_DATA;
    }
  return RW_EXIT_OK;
}

static const Command commands[] = {
  { "add", NULL, N_("Add a check-in"), cmd_add },
  { "edit", N_("ID"), N_("Change a check-in"), cmd_edit },
  { "delete", N_("ID"), N_("Delete a check-in"), cmd_delete },
  { "list", NULL, N_("List check-ins"), cmd_list },
  { "export", NULL, N_("Write every check-in to a CSV or JSON file"), cmd_export },
  { "import", N_("FILE"), N_("Add the check-ins of a CSV or JSON file"), cmd_import },
  { "chart", NULL, N_("Draw a chart into a PNG, SVG or PDF file"), cmd_chart },
  { "check", NULL, N_("Check the journal's integrity"), cmd_check },
};

static void
print_help (void)
{
  g_print (_("Usage:\n  rewire                      open the app\n"
             "  rewire COMMAND [OPTION…]    work with the journal without a window\n\n"
             "Commands:\n"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %s", commands[i].name,
                                               commands[i].parameters != NULL
                                               ? g_dgettext (GETTEXT_PACKAGE, commands[i].parameters) : "");
      g_print ("  %-26s  %s\n", name, g_dgettext (GETTEXT_PACKAGE, commands[i].summary));
    }
  g_print (_("\nEvery command takes --data-dir DIR and --help.\n"
             "  rewire --version            print the version\n\n"
             "Exit status: 0 success, 1 bad usage or input, 2 the journal or a file cannot be "
             "read or written.\n"));
}

/* Where the command name is: after an optional --data-dir before it. */
static int
command_index (int    argc,
               char **argv,
               char **data_dir)
{
  int i = 1;

  if (i < argc && g_str_equal (argv[i], "--data-dir") && i + 1 < argc)
    {
      if (data_dir != NULL)
        *data_dir = g_strdup (argv[i + 1]);
      i += 2;
    }
  else if (i < argc && g_str_has_prefix (argv[i], "--data-dir="))
    {
      if (data_dir != NULL)
        *data_dir = g_strdup (argv[i] + strlen ("--data-dir="));
      i += 1;
    }

  return i;
}

/**
 * rw_cli_is_command:
 * @argc: the argument count
 * @argv: the arguments
 *
 * Returns: %TRUE when the arguments ask for the command line rather than
 *   the window: a command (or any word, which is then reported as
 *   unknown), `--help` or `--version`
 */
gboolean
rw_cli_is_command (int    argc,
                   char **argv)
{
  int i = command_index (argc, argv, NULL);

  if (i >= argc)
    return FALSE;

  if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h") ||
      g_str_equal (argv[i], "--version") || g_str_equal (argv[i], "-V"))
    return TRUE;

  return argv[i][0] != '-';
}

int
rw_cli_run (int    argc,
            char **argv)
{
  Cli cli = { NULL };
  g_autofree char *early_dir = NULL;
  int i;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  i = command_index (argc, argv, &early_dir);
  g_return_val_if_fail (i < argc, RW_EXIT_USAGE);

  if (g_str_equal (argv[i], "--version") || g_str_equal (argv[i], "-V"))
    {
      g_print ("rewire %s\n", PACKAGE_VERSION);
      return RW_EXIT_OK;
    }
  if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
    {
      print_help ();
      return RW_EXIT_OK;
    }

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    {
      g_autofree char *prgname = NULL;

      if (!g_str_equal (argv[i], commands[c].name))
        continue;

      prgname = g_strdup_printf ("rewire %s", commands[c].name);
      g_set_prgname (prgname);
      cli.data_dir = g_steal_pointer (&early_dir);
      status = commands[c].run (&cli, argc - i, argv + i);
      g_free (cli.data_dir);
      return status;
    }

  {
    g_autofree char *message = g_strdup_printf (_("Unknown command “%s”. Run “rewire --help”."),
                                                argv[i]);
    print_error (message);
  }
  return RW_EXIT_USAGE;
}
