/* rw-cli-assess.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * rewire assess: PHQ-9 and GAD-7 from the command line. The answers are
 * saved first; then, when PHQ-9's item 9 is above 0, the crisis lines go
 * to stderr (every time), so that stdout stays the result.
 */
#define G_LOG_DOMAIN "rw-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "rw-cli-private.h"

static void
offer_help (gboolean saved)
{
  g_autoptr(RwCrisisDirectory) directory = rw_crisis_directory_new_or_fallback ();
  g_autofree char *country = rw_safety_resolve_country (directory, g_getenv ("REWIRE_COUNTRY"));
  g_autofree char *call = rw_safety_dup_call_line (directory, country);
  g_autofree char *emergency = rw_safety_dup_emergency_line (directory, country);
  g_autofree char *offer = rw_safety_dup_assessment_offer (saved);
  g_autofree char *prescriber = rw_safety_dup_prescriber_line ();

  g_printerr ("\n%s\n", offer);
  g_printerr ("  %s\n", call);
  if (emergency != NULL)
    g_printerr ("  %s\n", emergency);
  g_printerr ("  %s\n", _("Your safety plan and more lines, for every country: open Rewire and "
                          "choose Get Help Now (F1)."));
  g_printerr ("%s\n", prescriber);
}

static int
list (RwCli      *cli,
      const char *kind_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RwDatabase) db = NULL;
  g_autoptr(GPtrArray) history = NULL;
  RwQuestionnaireKind kind = RW_N_QUESTIONNAIRES;

  if (kind_name != NULL && !rw_questionnaire_kind_from_string (kind_name, &kind))
    return rw_cli_usage_error (_("Unknown questionnaire “%s”: use phq9 or gad7."), kind_name);

  db = rw_cli_open_readable (cli, TRUE, &error);
  if (db == NULL ||
      (history = rw_assessment_sql_list (db, kind, &error)) == NULL)
    return rw_cli_fail_with (error);

  for (guint i = 0; i < history->len; i++)
    {
      RwAssessment *a = g_ptr_array_index (history, i);
      char date[RW_DATE_ISO_SIZE];

      rw_date_write_iso (a->date, date);
      g_print ("%s %s  %-5s  %2u/%u  %s\n", date, a->time,
               rw_questionnaire_kind_title (a->kind), a->total,
               rw_questionnaire_kind_max_total (a->kind),
               rw_questionnaire_band_label (rw_questionnaire_band (a->kind, a->total)));
    }
  if (history->len == 0)
    g_printerr ("%s\n", _("No questionnaires yet."));
  return RW_EXIT_OK;
}

static gboolean
parse_difficulty (const char  *text,
                  int         *difficulty)
{
  guint64 value;

  if (text == NULL)
    {
      *difficulty = -1;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (text, 10, 0, RW_QUESTIONNAIRE_N_ANSWERS - 1, &value, NULL))
    return FALSE;
  *difficulty = value;
  return TRUE;
}

int
rw_cli_cmd_assess (RwCli  *cli,
                   int     argc,
                   char  **argv)
{
  g_autofree char *answers = NULL;
  g_autofree char *difficulty_text = NULL;
  gboolean dry_run = FALSE;
  GOptionEntry entries[] = {
    { "answers", 0, 0, G_OPTION_ARG_STRING, &answers,
      N_("One answer an item, in order, 0 (not at all) to 3 (nearly every day)"), "0,1,2,…" },
    { "difficulty", 0, 0, G_OPTION_ARG_STRING, &difficulty_text,
      N_("How difficult the problems made things, 0 (not difficult at all) to 3 (extremely)"), "N" },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Only print the score; save nothing"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RwDatabase) db = NULL;
  g_autoptr(RwAssessment) assessment = NULL;
  g_autofree char *result = NULL;
  RwQuestionnaireKind kind;
  int difficulty;

  context = rw_cli_option_context_new (cli, _("phq9|gad7|list [phq9|gad7]"),
                                       _("Scores a PHQ-9 or GAD-7 and saves it (with --dry-run, "
                                         "only scores it), or lists those saved. The score is a "
                                         "screening score, not a diagnosis."),
                                       entries);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return rw_cli_usage_error ("%s", error->message);

  if (argc >= 2 && g_str_equal (argv[1], "list"))
    {
      if (argc > 3)
        return rw_cli_usage_error (_("Unexpected argument “%s”."), argv[3]);
      if (answers != NULL || difficulty_text != NULL || dry_run)
        return rw_cli_usage_error ("%s", _("“list” takes no --answers, --difficulty or --dry-run."));
      return list (cli, argc == 3 ? argv[2] : NULL);
    }

  if (argc != 2)
    return rw_cli_usage_error ("%s", _("Name one questionnaire: phq9 or gad7 (or list)."));
  if (!rw_questionnaire_kind_from_string (argv[1], &kind))
    return rw_cli_usage_error (_("Unknown questionnaire “%s”: use phq9 or gad7."), argv[1]);
  if (answers == NULL)
    return rw_cli_usage_error (_("Give the %u answers with --answers, such as --answers %s."),
                               rw_questionnaire_kind_n_items (kind),
                               kind == RW_QUESTIONNAIRE_PHQ9 ? "0,1,2,3,0,1,2,3,0"
                                                             : "0,1,2,3,0,1,2");
  if (!parse_difficulty (difficulty_text, &difficulty))
    return rw_cli_usage_error (_("--difficulty must be 0, 1, 2 or 3, not “%s”."), difficulty_text);

  assessment = rw_assessment_parse (kind, answers, difficulty, &error);
  if (assessment == NULL)
    return rw_cli_fail_with (error);

  if (!dry_run)
    {
      db = rw_cli_open_database (cli, &error);
      if (db == NULL || !rw_assessment_sql_save (db, assessment, &error))
        return rw_cli_fail_with (error);
    }

  result = rw_questionnaire_dup_result (kind, assessment->total);
  g_print ("%s\n", result);
  if (dry_run)
    g_print ("%s\n", _("Not saved (--dry-run)."));

  /* After the save, every time, and never instead of it. */
  if (rw_safety_should_offer_for_assessment (assessment))
    offer_help (!dry_run);
  return RW_EXIT_OK;
}
