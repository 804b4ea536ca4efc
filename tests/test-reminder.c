/* test-reminder.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reminders' systemd user timers, written, enabled and removed, with
 * systemctl replaced by a script that logs what it was asked
 * ($REWIRE_SYSTEMCTL): CI has no user manager.
 */
#include "config.h"

#include <gio/gio.h>
#include <gio/gunixsocketaddress.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "rw-reminder.h"
#include "rw-test-util.h"

static char *config_home;   /* $XDG_CONFIG_HOME, set before GLib reads it */
static char *log_path;      /* what the fake systemctl was asked */
static char *fake_dir;

static char *
unit_path (RwReminderKind  kind,
           const char     *suffix)
{
  g_autofree char *name = g_strconcat (rw_reminder_get_unit_name (kind), suffix, NULL);
  return g_build_filename (config_home, "systemd", "user", name, NULL);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* A systemctl that appends its arguments to the log and fails when asked
 * to (the word FAIL in $REWIRE_FAKE_SYSTEMCTL_FAIL). */
static void
write_fake_systemctl (void)
{
  g_autofree char *script = g_build_filename (fake_dir, "systemctl", NULL);
  g_autofree char *text = g_strdup_printf ("#!/bin/sh\n"
                                           "echo \"$*\" >> '%s'\n"
                                           "if [ -n \"$REWIRE_FAKE_SYSTEMCTL_FAIL\" ]; then\n"
                                           "  echo 'Failed to connect to bus: No medium found' >&2\n"
                                           "  exit 1\n"
                                           "fi\n",
                                           log_path);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (script, text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (script, 0755), ==, 0);
  g_setenv ("REWIRE_SYSTEMCTL", script, TRUE);
}

static void
finished_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **out = user_data;
  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
test_units_text (void)
{
  g_autofree char *timer = rw_reminder_dup_timer_text (RW_REMINDER_DAILY, 7, 5);
  g_autofree char *service = rw_reminder_dup_service_text (RW_REMINDER_DAILY,
                                                           "/opt/re wire/bin/rewire", "/home/a/50% \"j\"");
  g_autofree char *q = rw_reminder_dup_service_text (RW_REMINDER_QUESTIONNAIRE, "/usr/bin/rewire", NULL);

  g_assert_nonnull (strstr (timer, "\nOnCalendar=*-*-* 07:05:00\n"));
  g_assert_nonnull (strstr (timer, "\nPersistent=false\n"));
  g_assert_nonnull (strstr (timer, "\n[Install]\nWantedBy=timers.target\n"));
  /* Quoted as systemd reads it: spaces kept, % doubled, quotes escaped. */
  g_assert_nonnull (strstr (service, "\nExecStart=\"/opt/re wire/bin/rewire\" --data-dir "
                                     "\"/home/a/50%% \\\"j\\\"\" remind\n"));
  g_assert_nonnull (strstr (service, "\nType=oneshot\n"));
  g_assert_nonnull (strstr (q, "\nExecStart=\"/usr/bin/rewire\" remind --questionnaire\n"));
  g_assert_cmpstr (rw_reminder_get_unit_name (RW_REMINDER_DAILY), !=,
                   rw_reminder_get_unit_name (RW_REMINDER_QUESTIONNAIRE));
}

static void
test_enable_disable (void)
{
  g_autofree char *timer_path = unit_path (RW_REMINDER_DAILY, ".timer");
  g_autofree char *service_path = unit_path (RW_REMINDER_DAILY, ".service");
  g_autofree char *binary = rw_reminder_dup_binary ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) again = NULL;
  g_autoptr(GAsyncResult) off = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *timer = NULL;
  g_autofree char *service = NULL;
  g_autofree char *log = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *unit = g_strconcat (rw_reminder_get_unit_name (RW_REMINDER_DAILY), ".timer", NULL);
  GStatBuf st;

  g_unlink (log_path);
  g_assert_true (g_path_is_absolute (binary));
  rw_reminder_enable_async (RW_REMINDER_DAILY, binary, NULL, 21, 30, NULL, finished_cb, &result);
  g_assert_true (rw_reminder_enable_finish (wait_for (&result), &error));
  g_assert_no_error (error);

  timer = read_file (timer_path);
  service = read_file (service_path);
  g_assert_nonnull (strstr (timer, "OnCalendar=*-*-* 21:30:00\n"));
  {
    g_autofree char *exec = g_strdup_printf ("\nExecStart=\"%s\" remind\n", binary);
    g_assert_nonnull (strstr (service, exec));
  }
  g_assert_cmpint (g_stat (timer_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  log = read_file (log_path);
  expected = g_strdup_printf ("--user daemon-reload\n--user enable %s\n--user restart %s\n", unit, unit);
  g_assert_cmpstr (log, ==, expected);

  /* Another time: the timer is rewritten. */
  rw_reminder_enable_async (RW_REMINDER_DAILY, binary, NULL, 6, 0, NULL, finished_cb, &again);
  g_assert_true (rw_reminder_enable_finish (wait_for (&again), &error));
  g_clear_pointer (&timer, g_free);
  timer = read_file (timer_path);
  g_assert_nonnull (strstr (timer, "OnCalendar=*-*-* 06:00:00\n"));
  g_assert_null (strstr (timer, "21:30"));

  /* Off: disabled, then both files gone, then systemd reloaded. */
  g_unlink (log_path);
  rw_reminder_disable_async (RW_REMINDER_DAILY, NULL, finished_cb, &off);
  g_assert_true (rw_reminder_disable_finish (wait_for (&off), &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (timer_path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (service_path, G_FILE_TEST_EXISTS));
  g_clear_pointer (&log, g_free);
  g_clear_pointer (&expected, g_free);
  log = read_file (log_path);
  expected = g_strdup_printf ("--user disable --now %s\n--user daemon-reload\n", unit);
  g_assert_cmpstr (log, ==, expected);
}

/* systemctl failing: the error says why, and turning off still removes
 * the files. */
static void
test_failure (void)
{
  g_autofree char *timer_path = unit_path (RW_REMINDER_QUESTIONNAIRE, ".timer");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) off = NULL;
  g_autoptr(GError) error = NULL;

  g_setenv ("REWIRE_FAKE_SYSTEMCTL_FAIL", "1", TRUE);
  rw_reminder_enable_async (RW_REMINDER_QUESTIONNAIRE, "/usr/bin/rewire", NULL, 9, 0, NULL,
                            finished_cb, &result);
  g_assert_false (rw_reminder_enable_finish (wait_for (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "No medium found"));
  g_clear_error (&error);
  g_assert_true (g_file_test (timer_path, G_FILE_TEST_EXISTS));

  rw_reminder_disable_async (RW_REMINDER_QUESTIONNAIRE, NULL, finished_cb, &off);
  g_assert_false (rw_reminder_disable_finish (wait_for (&off), &error));
  g_clear_error (&error);
  g_assert_false (g_file_test (timer_path, G_FILE_TEST_EXISTS));
  g_unsetenv ("REWIRE_FAKE_SYSTEMCTL_FAIL");
}

static void
test_user_manager (void)
{
  g_autofree char *runtime = rw_test_make_dir ();
  g_autofree char *systemd = g_build_filename (runtime, "systemd", NULL);
  g_autofree char *path = g_build_filename (systemd, "private", NULL);
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = g_strdup (g_getenv ("XDG_RUNTIME_DIR"));

  g_setenv ("XDG_RUNTIME_DIR", runtime, TRUE);
  g_assert_false (rw_reminder_has_user_manager ());

  /* A plain file where the socket would be is not a manager. */
  g_assert_cmpint (g_mkdir (systemd, 0700), ==, 0);
  g_file_set_contents (path, "", 0, &error);
  g_assert_no_error (error);
  g_assert_false (rw_reminder_has_user_manager ());
  g_unlink (path);

  socket = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_STREAM, 0, &error);
  g_assert_no_error (error);
  address = g_unix_socket_address_new (path);
  g_socket_bind (socket, address, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (rw_reminder_has_user_manager ());

  g_unsetenv ("XDG_RUNTIME_DIR");
  g_assert_false (rw_reminder_has_user_manager ());
  if (saved != NULL)
    g_setenv ("XDG_RUNTIME_DIR", saved, TRUE);
  g_socket_close (socket, NULL);
  rw_test_remove_dir (runtime);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  config_home = rw_test_make_dir ();
  fake_dir = rw_test_make_dir ();
  log_path = g_build_filename (fake_dir, "log", NULL);
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
  g_test_init (&argc, &argv, NULL);
  write_fake_systemctl ();

  g_test_add_func ("/reminder/units-text", test_units_text);
  g_test_add_func ("/reminder/enable-disable", test_enable_disable);
  g_test_add_func ("/reminder/failure", test_failure);
  g_test_add_func ("/reminder/user-manager", test_user_manager);

  status = g_test_run ();
  rw_test_remove_dir (config_home);
  rw_test_remove_dir (fake_dir);
  g_free (config_home);
  g_free (fake_dir);
  g_free (log_path);
  return status;
}
