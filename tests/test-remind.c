/* test-remind.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * rewire remind, as the reminder's timer runs it: nothing sent when today
 * has a check-in (or no questionnaire is due), else one notification in
 * the app's name. With a session bus, the notification is caught by a
 * stand-in for GNOME Shell's org.gtk.Notifications, the service GLib's
 * GNotification talks to there.
 */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "rw-core-sql.h"
#include "rw-test-util.h"

typedef struct
{
  char *dir;
  char *out;
  char *err;
  int status;
  gboolean done;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = rw_test_make_dir ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  rw_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->out);
  g_free (f->err);
}

static void
communicated_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Fixture *f = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &f->out, &f->err, &error);
  g_assert_no_error (error);
  f->status = g_subprocess_get_exit_status (G_SUBPROCESS (source));
  f->done = TRUE;
}

/* Runs `rewire --data-dir DIR remind ARG` without blocking this process's
 * main loop, which may have to answer the notification call. */
static void
remind (Fixture    *f,
        gboolean    dry_run,
        const char *arg)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  if (dry_run)
    g_subprocess_launcher_setenv (launcher, "REWIRE_REMIND_DRY_RUN", "1", TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "REWIRE_REMIND_DRY_RUN");
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("REWIRE_BINARY"),
                                         "--data-dir", f->dir, "remind", arg, NULL);
  g_assert_no_error (error);
  g_clear_pointer (&f->out, g_free);
  g_clear_pointer (&f->err, g_free);
  f->done = FALSE;
  g_subprocess_communicate_utf8_async (process, NULL, NULL, communicated_cb, f);
  while (!f->done)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
insert_cb (RwDatabase  *db,
           gpointer     data,
           GError     **error)
{
  return rw_check_in_sql_insert (db, data, error);
}

static void
add_check_in_today (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RwDatabase) db = rw_database_open (f->dir, &error);
  char today[RW_DATE_ISO_SIZE];
  g_autoptr(RwCheckIn) check_in = NULL;

  g_assert_no_error (error);
  rw_date_write_iso (rw_date_today (), today);
  check_in = rw_test_check_in_new (today, "08:00", 5, NULL);
  rw_database_write (db, insert_cb, check_in, &error);
  g_assert_no_error (error);
}

static void
add_assessment (Fixture             *f,
                RwQuestionnaireKind  kind,
                guint                days_ago)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RwDatabase) db = rw_database_open (f->dir, &error);
  const guint8 answers[RW_QUESTIONNAIRE_MAX_ITEMS] = { 0 };
  g_autoptr(RwAssessment) a = NULL;

  g_assert_no_error (error);
  a = rw_assessment_new (kind, answers, kind == RW_QUESTIONNAIRE_PHQ9 ? 9 : 7, -1, &error);
  g_assert_no_error (error);
  a->date = rw_date_today () - days_ago;
  rw_assessment_sql_save (db, a, &error);
  g_assert_no_error (error);
}

static void
test_daily_dry_run (Fixture       *f,
                    gconstpointer  data)
{
  remind (f, TRUE, NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_cmpstr (f->out, ==, "Would send the reminder “Time for your check-in” (app.new-check-in).\n");

  add_check_in_today (f);
  remind (f, TRUE, NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_cmpstr (f->out, ==, "Today already has a check-in: no reminder sent.\n");
  g_assert_cmpstr (f->err, ==, "");
}

static void
test_questionnaire_dry_run (Fixture       *f,
                            gconstpointer  data)
{
  /* None ever answered: none due. */
  remind (f, TRUE, "--questionnaire");
  g_assert_cmpint (f->status, ==, 0);
  g_assert_cmpstr (f->out, ==, "No questionnaire is due: no reminder sent.\n");

  /* A check-in today does not stop a questionnaire reminder. */
  add_check_in_today (f);
  add_assessment (f, RW_QUESTIONNAIRE_PHQ9, 3);
  add_assessment (f, RW_QUESTIONNAIRE_GAD7, 20);
  remind (f, TRUE, "--questionnaire");
  g_assert_cmpint (f->status, ==, 0);
  g_assert_cmpstr (f->out, ==, "Would send the reminder “Time for your questionnaire” "
                               "(app.questionnaire::gad7).\n");
}

/* The stand-in for GNOME Shell's notification service. */
static const char notifications_xml[] =
  "<node><interface name='org.gtk.Notifications'>"
  "<method name='AddNotification'><arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "<arg type='a{sv}' direction='in'/></method>"
  "<method name='RemoveNotification'><arg type='s' direction='in'/><arg type='s' direction='in'/></method>"
  "</interface></node>";

static void
notifications_call_cb (GDBusConnection       *connection,
                       const char            *sender,
                       const char            *path,
                       const char            *interface,
                       const char            *method,
                       GVariant              *parameters,
                       GDBusMethodInvocation *invocation,
                       gpointer               user_data)
{
  GPtrArray *received = user_data;

  if (g_str_equal (method, "AddNotification"))
    g_ptr_array_add (received, g_variant_ref (parameters));
  g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
name_cb (GDBusConnection *connection,
         const char      *name,
         gpointer         user_data)
{
  *(int *) user_data = 1;
}

static void
name_lost_cb (GDBusConnection *connection,
              const char      *name,
              gpointer         user_data)
{
  *(int *) user_data = -1;
}

static void
test_daily_sends (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GDBusNodeInfo) info = NULL;
  g_autoptr(GPtrArray) received = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  const GDBusInterfaceVTable vtable = { notifications_call_cb };
  g_autoptr(GVariant) dict = NULL;
  g_autoptr(GVariant) title = NULL;
  g_autoptr(GVariant) action = NULL;
  g_autoptr(GError) error = NULL;
  const char *app_id, *id;
  guint object_id, owner_id;
  int owned = 0;

  if (bus == NULL)
    {
      g_test_skip ("No session bus (run under dbus-run-session)");
      return;
    }
  info = g_dbus_node_info_new_for_xml (notifications_xml, &error);
  g_assert_no_error (error);
  object_id = g_dbus_connection_register_object (bus, "/org/gtk/Notifications", info->interfaces[0],
                                                 &vtable, received, NULL, &error);
  g_assert_no_error (error);
  owner_id = g_bus_own_name_on_connection (bus, "org.gtk.Notifications", G_BUS_NAME_OWNER_FLAGS_NONE,
                                           name_cb, name_lost_cb, &owned, NULL);
  while (owned == 0)
    g_main_context_iteration (NULL, TRUE);
  if (owned < 0)
    {
      g_test_skip ("org.gtk.Notifications is taken on this bus");
      g_bus_unown_name (owner_id);
      g_dbus_connection_unregister_object (bus, object_id);
      return;
    }

  remind (f, FALSE, NULL);
  g_assert_cmpstr (f->err, ==, "");
  g_assert_cmpint (f->status, ==, 0);
  g_assert_cmpstr (f->out, ==, "Sent the reminder “Time for your check-in”.\n");
  /* Sent before the process exited; it may still be on its way here. */
  while (received->len == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (received->len, ==, 1);
  g_variant_get (received->pdata[0], "(&s&s@a{sv})", &app_id, &id, &dict);
  g_assert_cmpstr (app_id, ==, APP_ID);
  g_assert_cmpstr (id, ==, "check-in-reminder");
  title = g_variant_lookup_value (dict, "title", G_VARIANT_TYPE_STRING);
  g_assert_cmpstr (g_variant_get_string (title, NULL), ==, "Time for your check-in");
  /* Nothing of the journal in it: it shows on the lock screen. */
  g_assert_null (g_variant_lookup_value (dict, "body", NULL));
  action = g_variant_lookup_value (dict, "default-action", G_VARIANT_TYPE_STRING);
  g_assert_cmpstr (g_variant_get_string (action, NULL), ==, "app.new-check-in");

  /* Today has a check-in now: nothing more arrives. */
  add_check_in_today (f);
  remind (f, FALSE, NULL);
  g_assert_cmpint (f->status, ==, 0);
  g_assert_cmpstr (f->out, ==, "Today already has a check-in: no reminder sent.\n");
  g_dbus_connection_flush_sync (bus, NULL, NULL);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (received->len, ==, 1);

  g_bus_unown_name (owner_id);
  g_dbus_connection_unregister_object (bus, object_id);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/remind/daily-dry-run", Fixture, NULL, fixture_setup, test_daily_dry_run,
              fixture_teardown);
  g_test_add ("/remind/questionnaire-dry-run", Fixture, NULL, fixture_setup,
              test_questionnaire_dry_run, fixture_teardown);
  g_test_add ("/remind/daily-sends", Fixture, NULL, fixture_setup, test_daily_sends,
              fixture_teardown);

  return g_test_run ();
}
