/* rw-cli-report.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `rewire report`: the clinician report of a date range as a PDF, the
 * same as the window's Clinician Report… writes.
 */
#define G_LOG_DOMAIN "rw-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "rw-cli-private.h"

static gboolean
parse_day (const char  *text,
           guint32     *day,
           GError     **error)
{
  g_autofree char *iso = NULL;

  if (!rw_parse_date (text, &iso, error))
    return FALSE;
  *day = rw_date_from_iso (iso);
  return TRUE;
}

int
rw_cli_cmd_report (RwCli  *cli,
                   int     argc,
                   char  **argv)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *output = NULL;
  g_autofree char *paper_name = NULL;
  gboolean include_notes = FALSE;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("First day of the report, YYYY-MM-DD (default: 89 days before --to)"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Last day of the report, YYYY-MM-DD (default: today)"), N_("DATE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF to write (created private, 0600)"), N_("FILE.pdf") },
    { "include-notes", 0, 0, G_OPTION_ARG_NONE, &include_notes, N_("Put the notes, session intentions and integration answers in too (left out by default)"), NULL },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_name, N_("a4 or letter (default: your locale's)"), N_("PAPER") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RwDatabase) db = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *last_text = NULL;
  RwReportOptions options;
  guint n_pages = 0;
  int status;

  context = rw_cli_option_context_new (cli, NULL,
                                       _("Writes a report of a date range for your prescriber "
                                         "or therapist as a PDF: mood and sleep with your "
                                         "sessions, weekly means, questionnaire scores, the "
                                         "session log and your most used tags. Notes only with "
                                         "--include-notes."),
                                       entries);
  if (!rw_cli_parse (context, &argc, &argv, 0, NULL, &status))
    return status;
  if (output == NULL)
    return rw_cli_usage_error (_("Say where to write with --output FILE.pdf."));
  if (!g_str_has_suffix (output, ".pdf") && !g_str_has_suffix (output, ".PDF"))
    return rw_cli_usage_error (_("The report is a PDF: end the name “%s” with .pdf."), output);

  rw_report_options_init (&options);
  if (paper_name != NULL && !rw_paper_from_name (paper_name, &options.paper))
    return rw_cli_usage_error (_("Unknown paper “%s”: use a4 or letter."), paper_name);
  if (to != NULL && !parse_day (to, &options.last, &error))
    return rw_cli_fail_with (error);
  options.first = options.last - 89;
  if (from != NULL && !parse_day (from, &options.first, &error))
    return rw_cli_fail_with (error);
  if (options.first > options.last)
    {
      first_text = rw_date_to_iso (options.first);
      last_text = rw_date_to_iso (options.last);
      return rw_cli_usage_error (_("--from %s is after --to %s: the first day must be on or "
                                   "before the last."), first_text, last_text);
    }
  options.include_notes = include_notes;

  db = rw_cli_open_readable (cli, FALSE, &error);
  if (db == NULL)
    return rw_cli_fail_with (error);
  if (!rw_report_write (db, &options, output, NULL, NULL, &n_pages, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT))
        return rw_cli_usage_error ("%s", error->message);
      return rw_cli_fail_with (error);
    }

  first_text = rw_date_to_iso (options.first);
  last_text = rw_date_to_iso (options.last);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %s: %u page, %s to %s%s.\n",
                        "Wrote %s: %u pages, %s to %s%s.\n", n_pages),
           output, n_pages, first_text, last_text,
           include_notes ? _(", with notes") : _(", without notes"));
  return RW_EXIT_OK;
}
