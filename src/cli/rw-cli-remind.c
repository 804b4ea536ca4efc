/* rw-cli-remind.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * rewire remind: what the reminders' systemd timers run. It sends one
 * notification, in the app's name, when today has no check-in (or, with
 * --questionnaire, when a PHQ-9 or GAD-7 is due), and exits. The text is
 * neutral: notifications show on lock screens.
 */
#define G_LOG_DOMAIN "rw-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "rw-cli-private.h"

static gboolean
has_check_in_today (RwDatabase  *db,
                    guint32      today,
                    gboolean    *found,
                    GError     **error)
{
  char date[RW_DATE_ISO_SIZE];
  g_autoptr(GPtrArray) check_ins = NULL;

  rw_date_write_iso (today, date);
  check_ins = rw_check_in_sql_list_date (db, date, error);
  if (check_ins == NULL)
    return FALSE;
  *found = check_ins->len > 0;
  return TRUE;
}

/* The questionnaire due first (PHQ-9 before GAD-7), or RW_N_QUESTIONNAIRES. */
static gboolean
find_due (RwDatabase           *db,
          guint32               today,
          RwQuestionnaireKind  *due_kind,
          GError              **error)
{
  const RwQuestionnaireKind kinds[] = { RW_QUESTIONNAIRE_PHQ9, RW_QUESTIONNAIRE_GAD7 };

  *due_kind = RW_N_QUESTIONNAIRES;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(GError) local = NULL;
      guint32 due = rw_assessment_sql_due_day (db, kinds[i], &local);

      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      if (due != 0 && today >= due)
        {
          *due_kind = kinds[i];
          return TRUE;
        }
    }
  return TRUE;
}

/* Sent in the app's name from a second, non-unique instance: the
 * notification server activates the app itself (D-Bus activation, or the
 * window already open) when it is clicked, not this process. */
static gboolean
send (const char  *id,
      const char  *title,
      const char  *action,
      GVariant    *target,
      GError     **error)
{
  g_autoptr(GApplication) app = g_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  g_autoptr(GNotification) notification = g_notification_new (title);
  GDBusConnection *bus;

  if (!g_application_register (app, NULL, error))
    return FALSE;
  bus = g_application_get_dbus_connection (app);
  if (bus == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED,
                           _("No session bus to send the notification through."));
      return FALSE;
    }

  g_notification_set_default_action_and_target_value (notification, action, target);
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_NORMAL);
  g_application_send_notification (app, id, notification);
  /* The backends send without waiting for a reply: out before exit. */
  return g_dbus_connection_flush_sync (bus, NULL, error);
}

int
rw_cli_cmd_remind (RwCli  *cli,
                   int     argc,
                   char  **argv)
{
  gboolean questionnaire = FALSE;
  GOptionEntry entries[] = {
    { "questionnaire", 0, 0, G_OPTION_ARG_NONE, &questionnaire,
      N_("Remind of a questionnaire that is due, not of the day's check-in"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RwDatabase) db = NULL;
  guint32 today = rw_date_today ();
  const char *dry_run = g_getenv ("REWIRE_REMIND_DRY_RUN");
  const char *id;
  const char *title;
  const char *action;
  GVariant *target = NULL;
  int status;

  context = rw_cli_option_context_new (cli, NULL,
                                       _("Sends a reminder notification unless today already has a "
                                         "check-in (or, with --questionnaire, when one is due). The "
                                         "reminder's timer in the preferences runs this."),
                                       entries);
  if (!rw_cli_parse (context, &argc, &argv, 0, NULL, &status))
    return status;

  db = rw_cli_open_readable (cli, FALSE, &error);
  if (db == NULL)
    return rw_cli_fail_with (error);

  if (questionnaire)
    {
      RwQuestionnaireKind kind;

      if (!find_due (db, today, &kind, &error))
        return rw_cli_fail_with (error);
      if (kind == RW_N_QUESTIONNAIRES)
        {
          g_print ("%s\n", _("No questionnaire is due: no reminder sent."));
          return RW_EXIT_OK;
        }
      id = "questionnaire-reminder";
      title = _("Time for your questionnaire");
      action = "app.questionnaire";
      target = g_variant_new_string (rw_questionnaire_kind_to_string (kind));
    }
  else
    {
      gboolean found = FALSE;

      if (!has_check_in_today (db, today, &found, &error))
        return rw_cli_fail_with (error);
      if (found)
        {
          g_print ("%s\n", _("Today already has a check-in: no reminder sent."));
          return RW_EXIT_OK;
        }
      id = "check-in-reminder";
      title = _("Time for your check-in");
      action = "app.new-check-in";
    }
  g_clear_object (&db);

  if (dry_run != NULL && dry_run[0] != '\0' && !g_str_equal (dry_run, "0"))
    {
      g_print (_("Would send the reminder “%s” (%s%s%s)."), title, action,
               target != NULL ? "::" : "", target != NULL ? g_variant_get_string (target, NULL) : "");
      g_print ("\n");
      if (target != NULL)
        g_variant_unref (g_variant_ref_sink (target));
      return RW_EXIT_OK;
    }

  if (!send (id, title, action, target, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The reminder could not be sent: %s"),
                                                  error->message);
      rw_cli_print_error (message);
      return RW_EXIT_DATA;
    }
  g_print (_("Sent the reminder “%s”."), title);
  g_print ("\n");
  return RW_EXIT_OK;
}
