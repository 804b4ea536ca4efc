/* rw-cli.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command line: the same journal as the window, with no display. It
 * is a library of its own linked to the core only, so that nothing here
 * can include GTK or initialise it.
 */
#define G_LOG_DOMAIN "rw-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rw-cli-private.h"

typedef struct
{
  const char *name;
  const char *parameters;
  const char *summary;
  RwCliCommandFunc run;
} Command;

static const Command commands[] = {
  { "add", NULL, N_("Add a check-in"), rw_cli_cmd_add },
  { "edit", N_("ID"), N_("Change a check-in"), rw_cli_cmd_edit },
  { "delete", N_("ID"), N_("Delete a check-in"), rw_cli_cmd_delete },
  { "list", NULL, N_("List check-ins"), rw_cli_cmd_list },
  { "export", NULL, N_("Write every check-in to a CSV or JSON file"), rw_cli_cmd_export },
  { "import", N_("FILE"), N_("Add the check-ins of a CSV or JSON file"), rw_cli_cmd_import },
  { "chart", NULL, N_("Draw a chart into a PNG, SVG or PDF file"), rw_cli_cmd_chart },
  { "report", NULL, N_("Write a report of a date range for your clinician as a PDF"), rw_cli_cmd_report },
  { "assess", N_("phq9|gad7|list"), N_("Score and save a PHQ-9 or GAD-7, or list them"), rw_cli_cmd_assess },
  { "check", NULL, N_("Check the journal's integrity"), rw_cli_cmd_check },
  { "backup", NULL, N_("Write a whole copy of the journal to a file"), rw_cli_cmd_backup },
  { "session", N_("SUBCOMMAND"), N_("Add, list, change or delete treatment sessions"), rw_cli_cmd_session },
  { "restore", N_("FILE"), N_("Replace the journal with a backup or a JSON export (with --yes)"), rw_cli_cmd_restore },
  { "safety-plan", N_("show|edit|pdf"), N_("Show, change or print your safety plan"), rw_cli_cmd_safety_plan },
  { "remind", NULL, N_("Send the reminder notification unless today has a check-in"), rw_cli_cmd_remind },
  { "wipe", NULL, N_("Delete the journal and every backup Rewire made (with --yes)"), rw_cli_cmd_wipe },
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

/**
 * rw_cli_run:
 * @argc: the argument count
 * @argv: the arguments, for which rw_cli_is_command() returned %TRUE
 *
 * Runs one command. The caller has set up the locale and the text domain.
 *
 * Returns: the exit status: %RW_EXIT_OK, %RW_EXIT_USAGE or %RW_EXIT_DATA
 */
int
rw_cli_run (int    argc,
            char **argv)
{
  RwCli cli = { NULL };
  g_autofree char *early_dir = NULL;
  int i;
  int status;

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
    rw_cli_print_error (message);
  }
  return RW_EXIT_USAGE;
}
