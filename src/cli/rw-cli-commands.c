/* rw-cli-commands.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The journal commands: add, edit, delete, list, export, import and check.
 * Each parses its options, opens the journal only when the options are
 * good, and does its work through the core in one transaction.
 */
#define G_LOG_DOMAIN "rw-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <unistd.h>

#include "rw-cli-private.h"

static gboolean
insert_cb (RwDatabase  *db,
           gpointer     check_in,
           GError     **error)
{
  return rw_check_in_sql_insert (db, check_in, error);
}

static gboolean
update_cb (RwDatabase  *db,
           gpointer     check_in,
           GError     **error)
{
  return rw_check_in_sql_update (db, check_in, error);
}

static gboolean
delete_cb (RwDatabase  *db,
           gpointer     id,
           GError     **error)
{
  return rw_check_in_sql_delete (db, id, error);
}

/* After a saved check-in, on stderr so that what scripts read stays as
 * it was: the core decides (once a day, low mood or hope), this prints
 * the person's lines. The country is REWIRE_COUNTRY, else the locale's. */
static void
offer_help (RwDatabase     *db,
            RwSafetySource  source,
            RwCheckIn      *check_in)
{
  g_autoptr(RwCrisisDirectory) directory = NULL;
  g_autofree char *country = NULL;
  g_autofree char *call = NULL;
  g_autofree char *emergency = NULL;

  if (!rw_safety_offer_after_save (db, source, check_in, rw_date_today ()))
    return;

  directory = rw_crisis_directory_new_or_fallback ();
  country = rw_safety_resolve_country (directory, g_getenv ("REWIRE_COUNTRY"));
  call = rw_safety_dup_call_line (directory, country);
  emergency = rw_safety_dup_emergency_line (directory, country);

  g_printerr ("\n%s\n", _("Today sounds hard. You don’t have to carry it alone: people are there "
                           "to listen, any time."));
  g_printerr ("  %s\n", call);
  if (emergency != NULL)
    g_printerr ("  %s\n", emergency);
  g_printerr ("  %s\n", _("More lines, for every country: open Rewire and choose Get Help Now "
                          "(F1)."));
}

int
rw_cli_cmd_add (RwCli  *cli,
                int     argc,
                char  **argv)
{
  RwCliValues values = { 0 };
  g_autofree GOptionEntry *entries = rw_cli_values_entries (&values);
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RwCheckIn) check_in = rw_check_in_new ();
  g_autoptr(RwDatabase) db = NULL;
  int status;

  context = rw_cli_option_context_new (cli, NULL,
                                       _("Adds a check-in and prints its id. Leave out what you "
                                         "did not notice; date and time default to now."),
                                       entries);
  if (!rw_cli_parse (context, &argc, &argv, 0, NULL, &status))
    goto out;

  rw_check_in_set_now (check_in);
  if (!rw_cli_values_apply (&values, check_in, &error))
    {
      status = rw_cli_fail_with (error);
      goto out;
    }

  db = rw_cli_open_database (cli, &error);
  if (db == NULL || !rw_database_write (db, insert_cb, check_in, &error))
    {
      status = rw_cli_fail_with (error);
      goto out;
    }

  g_print ("%s\n", rw_check_in_get_id (check_in));
  offer_help (db, RW_SAFETY_SOURCE_CLI_ADD, check_in);
  status = RW_EXIT_OK;

out:
  rw_cli_values_clear (&values);
  return status;
}

int
rw_cli_cmd_edit (RwCli  *cli,
                 int     argc,
                 char  **argv)
{
  RwCliValues values = { 0 };
  g_autofree GOptionEntry *entries = rw_cli_values_entries (&values);
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RwCheckIn) check_in = NULL;
  g_autoptr(RwDatabase) db = NULL;
  g_autofree char *id = NULL;
  int status;

  context = rw_cli_option_context_new (cli, _("ID"),
                                       _("Changes only the values given; an empty value "
                                         "(--note \"\") clears a field. ID may be the first 8 "
                                         "characters of the id."),
                                       entries);
  if (!rw_cli_parse (context, &argc, &argv, 1, _("Give the id of one check-in."), &status))
    goto out;

  db = rw_cli_open_existing_database (cli, &error);
  if (db == NULL ||
      (id = rw_check_in_sql_resolve_id (db, argv[1], &error)) == NULL ||
      (check_in = rw_check_in_sql_load (db, id, &error)) == NULL ||
      !rw_cli_values_apply (&values, check_in, &error) ||
      !rw_database_write (db, update_cb, check_in, &error))
    {
      status = rw_cli_fail_with (error);
      goto out;
    }

  g_print ("%s\n", id);
  offer_help (db, RW_SAFETY_SOURCE_CLI_EDIT, check_in);
  status = RW_EXIT_OK;

out:
  rw_cli_values_clear (&values);
  return status;
}

int
rw_cli_cmd_delete (RwCli  *cli,
                   int     argc,
                   char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RwDatabase) db = NULL;
  g_autofree char *id = NULL;
  int status;

  context = rw_cli_option_context_new (cli, _("ID"),
                                       _("Deletes a check-in for good. ID may be the first 8 "
                                         "characters of the id."),
                                       NULL);
  if (!rw_cli_parse (context, &argc, &argv, 1, _("Give the id of one check-in."), &status))
    return status;

  db = rw_cli_open_existing_database (cli, &error);
  if (db == NULL ||
      (id = rw_check_in_sql_resolve_id (db, argv[1], &error)) == NULL ||
      !rw_database_write (db, delete_cb, id, &error) ||
      /* Deleted for good: nothing of it left in the index or the log. */
      !rw_check_in_sql_scrub (db, &error))
    return rw_cli_fail_with (error);

  /* But the backups made before still hold it: say so, and how to
   * change that. On stderr, so that scripts read what they did. */
  {
    guint backups = rw_backup_count (rw_database_get_data_dir (db));

    if (backups > 0)
      {
        g_autofree char *count = g_strdup_printf ("%u", backups);
        g_autofree char *message = g_strdup_printf (
          _("The %s backups Rewire made before now still hold this check-in until they are "
            "replaced (after 7 days, and 4 weeks for the weekly ones). To remove it from them "
            "now, run “rewire backup --renew”: it makes a new backup of the journal as it is "
            "and deletes the older ones."), count);

        rw_cli_print_error (message);
      }
  }
  return RW_EXIT_OK;
}

int
rw_cli_cmd_list (RwCli  *cli,
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
  int status;

  context = rw_cli_option_context_new (cli, NULL, _("Lists check-ins, newest first."), entries);
  if (!rw_cli_parse (context, &argc, &argv, 0, NULL, &status))
    return status;

  if (format_name != NULL && !g_str_equal (format_name, "table") &&
      !rw_format_from_string (format_name, &format))
    return rw_cli_usage_error (_("Unknown format “%s”: use table, csv or json."), format_name);
  if ((from != NULL && !rw_parse_date (from, &from_date, &error)) ||
      (to != NULL && !rw_parse_date (to, &to_date, &error)))
    return rw_cli_fail_with (error);

  query.from = from_date;
  query.to = to_date;
  query.search = search;
  query.tag = tag;

  db = rw_cli_open_readable (cli, FALSE, &error);
  if (db == NULL)
    return rw_cli_fail_with (error);

  if (format == RW_FORMAT_AUTO)
    {
      if (!rw_cli_print_table (db, &query, &error))
        return rw_cli_fail_with (error);
    }
  else if (!rw_export_to_fd (db, &query, format, STDOUT_FILENO, NULL, &error))
    return rw_cli_fail_with (error);

  return RW_EXIT_OK;
}

int
rw_cli_cmd_export (RwCli  *cli,
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
  int status;

  context = rw_cli_option_context_new (cli, NULL,
                                       _("Writes every check-in to a CSV file, or the whole journal "
                                         "(check-ins, sessions, assessments, the safety plan and "
                                         "plan progress; no drafts) to a JSON file."), entries);
  if (!rw_cli_parse (context, &argc, &argv, 0, NULL, &status))
    return status;
  if (output == NULL)
    return rw_cli_usage_error (_("Say where to write with --output FILE."));

  if (format_name != NULL)
    {
      if (!rw_format_from_string (format_name, &format))
        return rw_cli_usage_error (_("Unknown format “%s”: use csv, json or daylio."), format_name);
    }
  else if ((format = rw_format_from_path (output)) == RW_FORMAT_AUTO)
    return rw_cli_usage_error (_("Cannot tell the format of “%s”; use --format csv or "
                                 "--format json."), output);

  db = rw_cli_open_readable (cli, TRUE, &error);
  if (db == NULL || !rw_export_to_file (db, NULL, format, output, NULL, &error))
    return rw_cli_fail_with (error);

  return RW_EXIT_OK;
}

int
rw_cli_cmd_import (RwCli  *cli,
                   int     argc,
                   char  **argv)
{
  g_autofree char *format_name = NULL;
  g_autofree char *mood_map = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name, N_("csv, json or daylio (default: from the file)"), N_("FORMAT") },
    { "mood-map", 0, 0, G_OPTION_ARG_STRING, &mood_map, N_("For Daylio: a number from 0 to 10 for each mood of your own, such as super=10,tired=4"), N_("LABEL=N,…") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RwDatabase) db = NULL;
  RwImportResult result = { 0 };
  RwFormat format = RW_FORMAT_AUTO;
  int status;

  context = rw_cli_option_context_new (cli, _("FILE"),
                                       _("Adds the check-ins of a CSV or JSON file, or of a "
                                         "Daylio CSV export; from a Rewire JSON export, its "
                                         "sessions, assessments, safety plan and plan progress "
                                         "too. All or nothing: a bad row stops it and nothing is "
                                         "added. What is already in the journal is skipped."),
                                       entries);
  if (!rw_cli_parse (context, &argc, &argv, 1, _("Give one file to import."), &status))
    return status;
  if (format_name != NULL && !rw_format_from_string (format_name, &format))
    return rw_cli_usage_error (_("Unknown format “%s”: use csv, json or daylio."), format_name);

  db = rw_cli_open_database (cli, &error);
  if (db == NULL || !rw_import_file_full (db, argv[1], format, mood_map, &result, &error))
    return rw_cli_fail_with (error);

  g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u check-in", "Imported %u check-ins",
                        result.added), result.added);
  g_print (g_dngettext (GETTEXT_PACKAGE, " (%u already in the journal).\n",
                        " (%u already in the journal).\n", result.skipped), result.skipped);
  {
    g_autofree char *more = rw_import_result_describe_more (&result);

    if (more != NULL)
      g_print ("%s\n", more);
  }
  return RW_EXIT_OK;
}

int
rw_cli_cmd_check (RwCli  *cli,
                  int     argc,
                  char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RwDatabase) db = NULL;
  g_autofree char *verdict = NULL;
  g_autofree char *check_ins_text = NULL;
  g_autofree char *days_text = NULL;
  g_autofree char *tags_text = NULL;
  gint64 check_ins = 0, days = 0, tags = 0;
  int status;

  context = rw_cli_option_context_new (cli, NULL,
                                       _("Checks the journal's integrity and prints what it holds."),
                                       NULL);
  if (!rw_cli_parse (context, &argc, &argv, 0, NULL, &status))
    return status;

  db = rw_cli_open_readable (cli, TRUE, &error);
  if (db == NULL ||
      !rw_database_quick_check (db, &verdict, &error) ||
      !rw_check_in_sql_count (db, &check_ins, &days, &tags, &error))
    return rw_cli_fail_with (error);

  /* Numbers are formatted first: a format macro such as G_GINT64_FORMAT
   * inside a msgid would differ between platforms and break the
   * translation lookup. */
  check_ins_text = g_strdup_printf ("%" G_GINT64_FORMAT, check_ins);
  days_text = g_strdup_printf ("%" G_GINT64_FORMAT, days);
  tags_text = g_strdup_printf ("%" G_GINT64_FORMAT, tags);

  g_print (_("Journal:    %s\n"), rw_database_get_path (db));
  g_print (_("Schema:     %d\n"), rw_database_get_schema_version (db));
  g_print (_("Check-ins:  %s\n"), check_ins_text);
  g_print (_("Days:       %s\n"), days_text);
  g_print (_("Tags:       %s\n"), tags_text);
  g_print (_("Integrity:  %s\n"), verdict);

  if (!g_str_equal (verdict, "ok"))
    {
      rw_cli_print_error (_("The journal is damaged. Restore it from a backup, or export what "
                            "can be read with “rewire export” and import it into a new journal."));
      return RW_EXIT_DATA;
    }
  return RW_EXIT_OK;
}

int
rw_cli_cmd_backup (RwCli  *cli,
                   int     argc,
                   char  **argv)
{
  g_autofree char *output = NULL;
  gboolean renew = FALSE;
  GOptionEntry entries[] = {
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write (created private, 0600)"), N_("FILE") },
    { "renew", 0, 0, G_OPTION_ARG_NONE, &renew, N_("Make today's backup in backups/ and delete the older ones (after a delete)"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RwDatabase) db = NULL;
  g_autofree char *name = NULL;
  int status;

  context = rw_cli_option_context_new (cli, NULL,
                                       _("Writes a whole copy of the journal, a database that "
                                         "Rewire opens as it is. The file is replaced only once "
                                         "the copy is complete."),
                                       entries);
  if (!rw_cli_parse (context, &argc, &argv, 0, NULL, &status))
    return status;
  if (renew)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
      guint removed = 0;

      if (output != NULL)
        return rw_cli_usage_error (_("Give --output or --renew, not both."));
      db = rw_cli_open_existing_database (cli, &error);
      if (db == NULL || !rw_backup_renew (db, today, &removed, &error))
        return rw_cli_fail_with (error);
      g_print (g_dngettext (GETTEXT_PACKAGE, "Made a new backup and deleted %u older one.\n",
                            "Made a new backup and deleted %u older ones.\n", removed), removed);
      return RW_EXIT_OK;
    }
  if (output == NULL || *output == '\0')
    return rw_cli_usage_error (_("Give the file to write with --output FILE, or --renew."));

  db = rw_cli_open_readable (cli, TRUE, &error);
  if (db == NULL || !rw_database_backup_to (db, output, &error))
    return rw_cli_fail_with (error);

  name = g_filename_display_name (output);
  g_print (_("Backed up the journal to %s.\n"), name);
  return RW_EXIT_OK;
}

int
rw_cli_cmd_wipe (RwCli  *cli,
                 int     argc,
                 char  **argv)
{
  gboolean yes = FALSE;
  GOptionEntry entries[] = {
    { "yes", 0, 0, G_OPTION_ARG_NONE, &yes, N_("Delete them; without it, only list them"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *dir = NULL;
  int status;

  context = rw_cli_option_context_new (cli, NULL,
                                       _("Deletes all your data: the journal with its drafts, "
                                         "its side files and every backup Rewire made. It "
                                         "cannot be undone. Without --yes it lists what would "
                                         "go and deletes nothing."),
                                       entries);
  if (!rw_cli_parse (context, &argc, &argv, 0, NULL, &status))
    return status;
  dir = rw_cli_resolve_data_dir (cli, &error);
  if (dir == NULL || (files = rw_backup_wipe (dir, !yes, &error)) == NULL)
    return rw_cli_fail_with (error);
  if (files->len == 0)
    {
      g_autofree char *name = g_filename_display_name (dir);

      g_print (_("There is nothing of Rewire's to delete in %s.\n"), name);
      return RW_EXIT_OK;
    }

  g_print ("%s\n", yes ? _("Deleted:") : _("This would delete:"));
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *name = g_filename_display_name (g_ptr_array_index (files, i));
      g_print ("  %s\n", name);
    }
  if (!yes)
    {
      rw_cli_print_error (_("Nothing was deleted. Run “rewire wipe --yes” to delete all of it; "
                            "it cannot be undone. Close Rewire's window first."));
      return RW_EXIT_USAGE;
    }
  return RW_EXIT_OK;
}

static void
print_summary (const char *label,
               gint64      check_ins,
               const char *first,
               const char *last)
{
  g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, check_ins);

  if (check_ins > 0 && first != NULL && last != NULL)
    /* Translators: "In the backup: 120 check-ins, 2026-01-02 to 2026-11-20" */
    g_print (_("%s %s check-ins, %s to %s\n"), label, count, first, last);
  else
    g_print (_("%s no check-ins\n"), label);
}

/* The line under print_summary()'s: "  3 sessions, 2 assessments". */
static void
print_treatment (gint64 sessions,
                 gint64 assessments)
{
  g_autofree char *sessions_text = g_strdup_printf ("%" G_GINT64_FORMAT, sessions);
  g_autofree char *assessments_text = g_strdup_printf ("%" G_GINT64_FORMAT, assessments);

  g_print ("  ");
  /* The counts are formatted first: no format macro inside a msgid. */
  g_print (g_dngettext (GETTEXT_PACKAGE, "%s session", "%s sessions", (gulong) sessions),
           sessions_text);
  g_print (", ");
  g_print (g_dngettext (GETTEXT_PACKAGE, "%s assessment", "%s assessments",
                        (gulong) assessments), assessments_text);
  g_print ("\n");
}

int
rw_cli_cmd_restore (RwCli  *cli,
                    int     argc,
                    char  **argv)
{
  gboolean yes = FALSE;
  GOptionEntry entries[] = {
    { "yes", 0, 0, G_OPTION_ARG_NONE, &yes, N_("Replace the journal; without it, only compare"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RwDatabase) db = NULL;
  g_autofree char *saved = NULL;
  RwBackupSummary summary;
  int status;

  context = rw_cli_option_context_new (cli, _("FILE"),
                                       _("Shows what a backup or a Rewire JSON export holds "
                                         "against the journal; with --yes replaces the journal "
                                         "with it, after keeping the journal as it is in "
                                         "backups/."),
                                       entries);
  if (!rw_cli_parse (context, &argc, &argv, 1, _("Give the backup or export to restore."), &status))
    return status;

  if (!rw_backup_describe (argv[1], &summary, &error))
    return rw_cli_fail_with (error);
  db = rw_cli_open_database (cli, &error);
  if (db == NULL)
    {
      rw_backup_summary_clear (&summary);
      return rw_cli_fail_with (error);
    }

  print_summary (summary.is_export ? _("In the export: ") : _("In the backup: "),
                 summary.check_ins, summary.first, summary.last);
  print_treatment (summary.sessions, summary.assessments);
  rw_backup_summary_clear (&summary);
  if (!rw_backup_describe_journal (db, &summary, &error))
    return rw_cli_fail_with (error);
  print_summary (_("In the journal:"), summary.check_ins, summary.first, summary.last);
  print_treatment (summary.sessions, summary.assessments);
  rw_backup_summary_clear (&summary);

  if (!yes)
    {
      rw_cli_print_error (_("Nothing was changed. Run it again with --yes to replace the journal "
                            "with this file; the journal as it is is kept in backups/ first."));
      return RW_EXIT_USAGE;
    }
  if (!rw_backup_restore (db, argv[1], &saved, &error))
    return rw_cli_fail_with (error);
  {
    g_autofree char *name = g_filename_display_name (saved);
    g_print (_("Restored. The journal as it was is kept in %s.\n"), name);
  }
  return RW_EXIT_OK;
}
