/* rw-cli-safety-plan.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `rewire safety-plan show|edit|pdf`: the person's safety plan at a
 * terminal, changed a section at a time, or printed to a one-page PDF.
 */
#define G_LOG_DOMAIN "rw-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>
#include <unistd.h>

#include "rw-cli-private.h"

/* The crisis lines of the person's country: REWIRE_COUNTRY, else the
 * locale's, as after a low check-in. */
static GStrv
dup_help_lines (void)
{
  g_autoptr(RwCrisisDirectory) directory = rw_crisis_directory_new_or_fallback ();
  g_autofree char *country = rw_safety_resolve_country (directory, g_getenv ("REWIRE_COUNTRY"));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *call = rw_safety_dup_call_line (directory, country);
  g_autofree char *emergency = rw_safety_dup_emergency_line (directory, country);

  g_strv_builder_add (builder, call);
  if (emergency != NULL)
    g_strv_builder_add (builder, emergency);
  return g_strv_builder_end (builder);
}

static int
parse_section (const char          *key,
               RwSafetyPlanSection *section)
{
  if (key == NULL)
    return rw_cli_usage_error (_("Say which section with --section KEY: %s."),
                               rw_safety_plan_section_list_keys ());
  if (!rw_safety_plan_section_from_key (key, section))
    {
      g_autoptr(GString) shown = g_string_new (NULL);

      rw_cli_append_printable (shown, g_utf8_validate (key, -1, NULL) ? key : "?");
      return rw_cli_usage_error (_("Unknown section “%s”: use one of %s."), shown->str,
                                 rw_safety_plan_section_list_keys ());
    }
  return RW_EXIT_OK;
}

static int
cmd_show (RwCli  *cli,
          int     argc,
          char  **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RwDatabase) db = NULL;
  g_autoptr(RwSafetyPlan) plan = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) help = NULL;
  int status;

  context = rw_cli_option_context_new (cli, NULL, _("Prints your safety plan, section by section."),
                                       entries);
  if (!rw_cli_parse (context, &argc, &argv, 0, NULL, &status))
    return status;
  db = rw_cli_open_readable (cli, FALSE, &error);
  if (db == NULL)
    return rw_cli_fail_with (error);
  plan = rw_safety_plan_load (db, &error);
  if (plan == NULL)
    return rw_cli_fail_with (error);

  g_string_append_printf (out, "%s\n", _("My Safety Plan"));
  for (guint s = 0; s < RW_SAFETY_PLAN_N_SECTIONS; s++)
    {
      g_auto(GStrv) items = rw_safety_plan_dup_items (plan, s);

      /* Translators: a section of the safety plan at a terminal, its number, heading and the
       * key that `rewire safety-plan edit --section` takes: "1. Warning signs [warning-signs]" */
      g_string_append_printf (out, _("\n%u. %s [%s]\n"), s + 1,
                              rw_safety_plan_section_get_heading (s),
                              rw_safety_plan_section_get_key (s));
      if (items[0] == NULL)
        g_string_append_printf (out, "   %s\n", _("(nothing written yet)"));
      for (guint i = 0; items[i] != NULL; i++)
        {
          g_string_append (out, "   • ");
          rw_cli_append_printable (out, items[i]);
          g_string_append_c (out, '\n');
        }
    }
  help = dup_help_lines ();
  g_string_append_printf (out, "\n%s\n", _("If you are in danger or cannot keep yourself safe, "
                                           "get help now:"));
  for (guint i = 0; help[i] != NULL; i++)
    g_string_append_printf (out, "  %s\n", help[i]);
  g_print ("%s", out->str);
  return RW_EXIT_OK;
}

static char *
read_stdin (GError **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  char buffer[4096];

  for (;;)
    {
      ssize_t n = read (STDIN_FILENO, buffer, sizeof buffer);

      if (n == 0)
        break;
      if (n < 0)
        {
          int saved = errno;

          if (saved == EINTR)
            continue;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("Could not read the standard input: %s"), g_strerror (saved));
          return NULL;
        }
      g_string_append_len (text, buffer, n);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static int
cmd_edit (RwCli  *cli,
          int     argc,
          char  **argv)
{
  g_autofree char *key = NULL;
  g_autofree char *text = NULL;
  g_autofree char *from_file = NULL;
  g_auto(GStrv) rest = NULL;
  GOptionEntry entries[] = {
    { "section", 's', 0, G_OPTION_ARG_STRING, &key, N_("Which section (see “rewire safety-plan show”)"), N_("KEY") },
    { "text", 0, 0, G_OPTION_ARG_STRING, &text, N_("Its new text, one item a line; empty to clear it"), N_("TEXT") },
    { "from-file", 0, 0, G_OPTION_ARG_FILENAME, &from_file, N_("Read its new text from a file, one item a line"), N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RwDatabase) db = NULL;
  g_autofree char *body = NULL;
  RwSafetyPlanSection section;
  gboolean from_stdin = FALSE;
  guint given;
  int status;

  context = rw_cli_option_context_new (cli, "-",
                                       _("Replaces the text of one section of your safety plan "
                                         "with --text, a file, or what is typed on the standard "
                                         "input (-)."),
                                       entries);
  if (!rw_cli_parse (context, &argc, &argv, 0, NULL, &status))
    return status;
  if (rest != NULL && rest[0] != NULL)
    {
      if (!g_str_equal (rest[0], "-") || rest[1] != NULL)
        return rw_cli_usage_error (_("Unexpected argument “%s”."),
                                   g_str_equal (rest[0], "-") ? rest[1] : rest[0]);
      from_stdin = TRUE;
    }
  if ((status = parse_section (key, &section)) != RW_EXIT_OK)
    return status;
  given = (text != NULL) + (from_file != NULL) + from_stdin;
  if (given != 1)
    return rw_cli_usage_error (_("Give the new text in one way: --text TEXT, --from-file FILE, "
                                 "or - to read the standard input."));

  if (from_file != NULL)
    {
      if (!g_file_get_contents (from_file, &body, NULL, &error))
        return rw_cli_fail_with (error);
    }
  else if (from_stdin)
    {
      if ((body = read_stdin (&error)) == NULL)
        return rw_cli_fail_with (error);
    }
  else
    body = g_steal_pointer (&text);
  if (!g_utf8_validate (body, -1, NULL))
    return rw_cli_usage_error (_("The new text is not valid UTF-8. Save the file as UTF-8, or "
                                 "check the terminal's character set."));

  db = rw_cli_open_database (cli, &error);
  if (db == NULL)
    return rw_cli_fail_with (error);
  if (!rw_safety_plan_save_section (db, section, body, &error))
    return rw_cli_fail_with (error);
  {
    g_auto(GStrv) items = NULL;
    g_autoptr(RwSafetyPlan) plan = rw_safety_plan_new ();
    guint n;

    rw_safety_plan_set_text (plan, section, body);
    items = rw_safety_plan_dup_items (plan, section);
    n = g_strv_length (items);
    /* Translators: after `rewire safety-plan edit`, "Saved “Warning signs”: 3 items." */
    g_print (g_dngettext (GETTEXT_PACKAGE, "Saved “%s”: %u item.\n", "Saved “%s”: %u items.\n", n),
             rw_safety_plan_section_get_heading (section), n);
  }
  return RW_EXIT_OK;
}

static int
cmd_pdf (RwCli  *cli,
         int     argc,
         char  **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *paper_name = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF to write (created private, 0600)"), N_("FILE") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_name, N_("a4 or letter (default: your locale's)"), N_("PAPER") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RwDatabase) db = NULL;
  g_autoptr(RwSafetyPlan) plan = NULL;
  g_auto(GStrv) help = NULL;
  RwPaper paper = rw_paper_get_default ();
  gboolean complete = TRUE;
  int status;

  context = rw_cli_option_context_new (cli, NULL,
                                       _("Prints your safety plan on one page of a PDF, with the "
                                         "crisis lines of your country at the foot."),
                                       entries);
  if (!rw_cli_parse (context, &argc, &argv, 0, NULL, &status))
    return status;
  if (output == NULL)
    return rw_cli_usage_error (_("Say where to write with --output FILE.pdf."));
  if (paper_name != NULL && !rw_paper_from_name (paper_name, &paper))
    return rw_cli_usage_error (_("Unknown paper “%s”: use a4 or letter."), paper_name);

  db = rw_cli_open_readable (cli, FALSE, &error);
  if (db == NULL)
    return rw_cli_fail_with (error);
  plan = rw_safety_plan_load (db, &error);
  if (plan == NULL)
    return rw_cli_fail_with (error);
  help = dup_help_lines ();
  if (!rw_safety_plan_export_pdf (plan, output, paper, (const char * const *) help, &complete,
                                  &error))
    return rw_cli_fail_with (error);
  if (!complete)
    rw_cli_print_error (_("Not all of the plan fits on one page: the longest sections are cut "
                          "on the page, and the whole of them stays in Rewire."));
  {
    g_autofree char *name = g_filename_display_name (output);

    g_print (_("Wrote your safety plan to “%s”.\n"), name);
  }
  return RW_EXIT_OK;
}

int
rw_cli_cmd_safety_plan (RwCli  *cli,
                        int     argc,
                        char  **argv)
{
  static const struct
  {
    const char *name;
    RwCliCommandFunc run;
  } subcommands[] = {
    { "show", cmd_show },
    { "edit", cmd_edit },
    { "pdf", cmd_pdf },
  };

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      g_autofree char *usage = g_strdup (_("Usage:\n"
                                           "  rewire safety-plan show\n"
                                           "  rewire safety-plan edit --section KEY (--text TEXT | --from-file FILE | -)\n"
                                           "  rewire safety-plan pdf --output FILE.pdf [--paper a4|letter]\n"
                                           "\nSections: %s\n"));
      g_autofree char *text = g_strdup_printf (usage, rw_safety_plan_section_list_keys ());

      if (argc < 2)
        {
          g_printerr ("%s", text);
          return RW_EXIT_USAGE;
        }
      g_print ("%s", text);
      return RW_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    if (g_str_equal (argv[1], subcommands[i].name))
      {
        g_autofree char *prgname = g_strdup_printf ("rewire safety-plan %s", subcommands[i].name);

        g_set_prgname (prgname);
        return subcommands[i].run (cli, argc - 1, argv + 1);
      }
  return rw_cli_usage_error (_("Unknown safety-plan command “%s”: use show, edit or pdf."),
                             g_utf8_validate (argv[1], -1, NULL) ? argv[1] : "?");
}
