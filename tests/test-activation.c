/* test-activation.c: what a click on the reminder's notification does.
 * GNOME Shell (org.gtk.Notifications) calls the notification's action on
 * the app's D-Bus name, org.freedesktop.Application.ActivateAction; here
 * the test calls it as the Shell would, on a real RwApplication that owns
 * the name on the session bus: the check-in editor opens, both when the
 * app was started for the action (no window yet) and when its window is
 * already open.
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "rw-application.h"
#include "rw-check-in-editor.h"
#include "rw-context.h"
#include "rw-questionnaire-window.h"
#include "rw-test-ui.h"
#include "rw-test-util.h"

static char *data_home;
static char *config_home;

static guint
count_windows (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* not ours */
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        n++;
    }
  return n;
}

static guint
count_editors (void)
{
  return count_windows (RW_TYPE_CHECK_IN_EDITOR);
}

static void
called_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

/* As the Shell does on a click: the default action, on the app's name. */
static void
click_notification_with (GDBusConnection *bus,
                         const char      *action,
                         GVariant        *target)
{
  g_autoptr(GVariantBuilder) targets = g_variant_builder_new (G_VARIANT_TYPE ("av"));
  gboolean done = FALSE;

  if (target != NULL)
    g_variant_builder_add (targets, "v", target);
  g_dbus_connection_call (bus, APP_ID, "/io/github/rewire/Rewire", "org.freedesktop.Application",
                          "ActivateAction",
                          g_variant_new ("(sav@a{sv})", action, targets,
                                         g_variant_new_array (G_VARIANT_TYPE ("{sv}"), NULL, 0)),
                          NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, called_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
click_notification (GDBusConnection *bus)
{
  click_notification_with (bus, "new-check-in", NULL);
}

static void
test_click_opens_editor (void)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(RwApplication) app = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  GList *windows;

  if (bus == NULL)
    {
      g_test_skip ("No session bus (run under dbus-run-session)");
      return;
    }

  settings = rw_settings_new ();
  g_settings_set_boolean (settings, "welcome-done", TRUE);
  app = rw_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  if (g_application_get_is_remote (G_APPLICATION (app)))
    {
      g_test_skip ("Another Rewire owns the app's name on this bus");
      return;
    }
  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (app)));
  /* What the notification names (rewire remind); a click on an action the
   * app lacks would do nothing at all. */
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "new-check-in"));

  /* Started for the action: the window opens, and the editor over it. */
  click_notification (bus);
  while (count_editors () == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), >=, 1);

  /* The editor closed, the window still open: a click opens it again. */
  {
    GListModel *toplevels = gtk_window_get_toplevels ();   /* not ours */

    for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
      {
        g_autoptr(GObject) window = g_list_model_get_item (toplevels, i - 1);

        if (RW_IS_CHECK_IN_EDITOR (window))
          gtk_window_destroy (GTK_WINDOW (window));
      }
  }
  rw_test_spin (2);
  g_assert_cmpuint (count_editors (), ==, 0);
  click_notification (bus);
  while (count_editors () == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (count_editors (), ==, 1);

  /* The questionnaire reminder's (rewire remind --questionnaire). */
  click_notification_with (bus, "questionnaire", g_variant_new_string ("gad7"));
  while (count_windows (RW_TYPE_QUESTIONNAIRE_WINDOW) == 0)
    g_main_context_iteration (NULL, TRUE);

  /* The windows go, and with them the journal they hold. */
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (GTK_WINDOW (windows->data));
  rw_test_spin (2);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* The default journal, so that the app is unique and owns its name. */
  data_home = rw_test_make_dir ();
  config_home = rw_test_make_dir ();
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
  g_unsetenv ("REWIRE_DATA_DIR");

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/activation/click-opens-editor", test_click_opens_editor);

  status = g_test_run ();
  rw_test_remove_dir (data_home);
  rw_test_remove_dir (config_home);
  g_free (data_home);
  g_free (config_home);
  return status;
}
