/* rw-cli-options.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the commands share: option contexts with --data-dir, the values of
 * add and edit, and how a failure becomes a message and an exit status.
 */
#define G_LOG_DOMAIN "rw-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rw-cli-private.h"

void
rw_cli_print_error (const char *message)
{
  g_printerr ("rewire: %s\n", message);
}

/* Bad input is the person's to fix (exit 1); anything the journal or a
 * file did is exit 2. */
int
rw_cli_fail_with (const GError *error)
{
  rw_cli_print_error (error->message);

  if (error->domain == RW_VALIDATION_ERROR ||
      error->domain == RW_IMPORT_ERROR ||
      error->domain == G_OPTION_ERROR ||
      g_error_matches (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_NOT_FOUND) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
      g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    return RW_EXIT_USAGE;

  return RW_EXIT_DATA;
}

int
rw_cli_usage_error (const char *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  rw_cli_print_error (message);
  g_printerr (_("Run “%s --help” for how to use it.\n"), g_get_prgname ());
  return RW_EXIT_USAGE;
}

/* GOption says only "Invalid byte sequence in conversion input" when an
 * option's value is not UTF-8: name the option. */
static int
invalid_text_option (int    argc,
                     char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      const char *equals;
      g_autofree char *name = NULL;

      if (g_utf8_validate (argv[i], -1, NULL))
        continue;
      equals = strchr (argv[i], '=');
      if (g_str_has_prefix (argv[i], "--") && equals != NULL)
        name = g_strndup (argv[i], equals - argv[i]);
      else if (i > 1 && g_str_has_prefix (argv[i - 1], "--"))
        name = g_strdup (argv[i - 1]);
      if (name != NULL && g_utf8_validate (name, -1, NULL))
        return rw_cli_usage_error (_("The value of %s is not valid text (UTF-8). "
                                     "Check the terminal's character set, or type it again."), name);
      return rw_cli_usage_error (_("Argument %d is not valid text (UTF-8). "
                                   "Check the terminal's character set, or type it again."), i);
    }
  return rw_cli_usage_error (_("An option's value is not valid text (UTF-8)."));
}

/**
 * rw_cli_parse:
 * @context: the command's options
 * @argc: (inout): as main() has them, the command's name first
 * @argv: (inout): the same
 * @n_args: how many arguments follow the options, 0 or 1
 * @wrong_count: (nullable): what to say when @n_args is 1 and there are
 *   not exactly that many
 * @status: (out): the exit status when it returns %FALSE
 *
 * Returns: %TRUE if the options and the number of arguments are good;
 *   else the usage error has been printed
 */
gboolean
rw_cli_parse (GOptionContext   *context,
              int              *argc,
              char           ***argv,
              guint             n_args,
              const char       *wrong_count,
              int              *status)
{
  g_autoptr(GError) error = NULL;

  g_assert (n_args <= 1);
  g_assert (n_args == 0 || wrong_count != NULL);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      if (error->domain == G_CONVERT_ERROR)
        *status = invalid_text_option (*argc, *argv);
      else
        *status = rw_cli_usage_error ("%s", error->message);
    }
  else if (n_args == 0 && *argc > 1)
    *status = rw_cli_usage_error (_("Unexpected argument “%s”."), (*argv)[1]);
  else if (n_args == 1 && *argc != 2)
    *status = rw_cli_usage_error ("%s", wrong_count);
  else
    return TRUE;
  return FALSE;
}

static void
waiting_for_import_cb (RwDatabase *db,
                       gpointer    data)
{
  rw_cli_print_error (_("Waiting for the import that another window or command is running "
                        "into this journal to finish…"));
}

/* A command can wait for an import running elsewhere; it says so once. */
static RwDatabase *
open_waiting (const char  *dir,
              GError     **error)
{
  RwDatabase *db = rw_database_open (dir, error);

  if (db != NULL)
    {
      g_autofree char *sync = rw_sync_folder_warning (rw_database_get_data_dir (db));
      g_autofree char *set_aside = rw_database_describe_set_aside_wal (db);

      rw_database_set_wait_func (db, waiting_for_import_cb, NULL);
      if (set_aside != NULL)
        rw_cli_print_error (set_aside);
      if (sync != NULL)
        rw_cli_print_error (sync);
    }
  return db;
}

/**
 * rw_cli_resolve_data_dir:
 *
 * Returns: (transfer full) (nullable): the journal's folder, or %NULL
 *   with @error set for an empty --data-dir
 */
char *
rw_cli_resolve_data_dir (RwCli   *cli,
                         GError **error)
{
  /* An empty --data-dir (an unset variable in a script) would otherwise
   * mean the default journal: say so instead of writing there. */
  if (cli->data_dir != NULL && cli->data_dir[0] == '\0')
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--data-dir needs a folder, and none was given."));
      return NULL;
    }
  return rw_journal_resolve_data_dir (cli->data_dir);
}

RwDatabase *
rw_cli_open_database (RwCli   *cli,
                      GError **error)
{
  g_autofree char *dir = rw_cli_resolve_data_dir (cli, error);

  if (dir == NULL)
    return NULL;
  return open_waiting (dir, error);
}

/**
 * rw_cli_open_readable:
 *
 * For the commands that only read (list, export, check, chart): a journal
 * in a folder that cannot be written (read-only media, an immutable
 * folder) is still read, as it is. A missing journal is created as by
 * rw_cli_open_database() unless @existing.
 */
RwDatabase *
rw_cli_open_readable (RwCli     *cli,
                      gboolean   existing,
                      GError   **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *dir = NULL;
  RwDatabase *db;

  db = existing ? rw_cli_open_existing_database (cli, &local) : rw_cli_open_database (cli, &local);
  if (db != NULL || !g_error_matches (local, RW_DATABASE_ERROR, RW_DATABASE_ERROR_READ_ONLY))
    {
      if (local != NULL)
        g_propagate_error (error, g_steal_pointer (&local));
      return db;
    }

  dir = rw_cli_resolve_data_dir (cli, NULL);
  {
    g_autoptr(GError) read_only = NULL;

    db = rw_database_open_full (dir, RW_DATABASE_SCHEMA_VERSION, RW_DATABASE_OPEN_READ_ONLY,
                                &read_only);
    /* When the read-only way fails too, its reason says more when it is
     * about the read-only folder (changes still in a -wal, an update). */
    if (db == NULL)
      g_propagate_error (error, g_error_matches (read_only, RW_DATABASE_ERROR,
                                                 RW_DATABASE_ERROR_READ_ONLY)
                                ? g_steal_pointer (&read_only) : g_steal_pointer (&local));
  }
  return db;
}

/* For the commands that only make sense on a journal that exists (check,
 * export, edit, delete): a missing one is named, and none is created. */
RwDatabase *
rw_cli_open_existing_database (RwCli   *cli,
                               GError **error)
{
  g_autofree char *dir = rw_cli_resolve_data_dir (cli, error);
  g_autofree char *path = NULL;

  if (dir == NULL)
    return NULL;
  path = g_build_filename (dir, "journal.db", NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *name = g_filename_display_name (dir);

      g_set_error (error, RW_DATABASE_ERROR, RW_DATABASE_ERROR_NOT_FOUND,
                   _("There is no journal in “%s”. Check --data-dir (or $REWIRE_DATA_DIR), "
                     "or add a check-in first."), name);
      return NULL;
    }
  return open_waiting (dir, error);
}

GOptionContext *
rw_cli_option_context_new (RwCli        *cli,
                           const char   *parameters,
                           const char   *summary,
                           GOptionEntry *entries)
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

/**
 * rw_cli_values_entries:
 * @values: where the parsed values go
 *
 * Returns: (transfer full): the options of add and edit, ending in an
 *   empty entry; free with g_free()
 */
GOptionEntry *
rw_cli_values_entries (RwCliValues *values)
{
  const GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &values->date, N_("The day, YYYY-MM-DD (default: today)"), N_("DATE") },
    { "time", 0, 0, G_OPTION_ARG_STRING, &values->time, N_("The time, HH:MM (default: now)"), N_("TIME") },
    { "mood", 0, 0, G_OPTION_ARG_STRING, &values->metrics[RW_METRIC_MOOD], N_("Mood, 0 very low to 10 very good"), "N" },
    { "anxiety", 0, 0, G_OPTION_ARG_STRING, &values->metrics[RW_METRIC_ANXIETY], N_("Anxiety, 0 none to 10 severe"), "N" },
    { "focus", 0, 0, G_OPTION_ARG_STRING, &values->metrics[RW_METRIC_FOCUS], N_("Focus, 0 scattered to 10 sharp"), "N" },
    { "hope", 0, 0, G_OPTION_ARG_STRING, &values->metrics[RW_METRIC_HOPE], N_("Hope, 0 none to 10 a lot"), "N" },
    { "energy", 0, 0, G_OPTION_ARG_STRING, &values->metrics[RW_METRIC_ENERGY], N_("Energy, 0 drained to 10 full"), "N" },
    { "sleep", 0, 0, G_OPTION_ARG_STRING, &values->sleep, N_("Hours slept the night before, 0 to 24 in quarter hours"), "H" },
    { "sleep-quality", 0, 0, G_OPTION_ARG_STRING, &values->metrics[RW_METRIC_SLEEP_QUALITY], N_("Sleep quality, 0 very poor to 10 very good"), "N" },
    { "tags", 0, 0, G_OPTION_ARG_STRING, &values->tags, N_("Tags, separated by commas"), N_("A,B") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &values->note, N_("A note"), N_("TEXT") },
    { NULL }
  };

  return g_memdup2 (entries, sizeof entries);
}

void
rw_cli_values_clear (RwCliValues *values)
{
  g_clear_pointer (&values->date, g_free);
  g_clear_pointer (&values->time, g_free);
  for (guint i = 0; i < RW_N_METRICS; i++)
    g_clear_pointer (&values->metrics[i], g_free);
  g_clear_pointer (&values->sleep, g_free);
  g_clear_pointer (&values->tags, g_free);
  g_clear_pointer (&values->note, g_free);
}

/* Sets what was given; an empty value clears a field. */
gboolean
rw_cli_values_apply (const RwCliValues  *values,
                     RwCheckIn          *check_in,
                     GError            **error)
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
