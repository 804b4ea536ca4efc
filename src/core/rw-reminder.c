/* rw-reminder.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rw-reminder"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "rw-reminder.h"

/**
 * rw_reminder_get_unit_name:
 * @kind: which reminder
 *
 * Returns: the name of its units, without `.timer` or `.service`
 */
const char *
rw_reminder_get_unit_name (RwReminderKind kind)
{
  return kind == RW_REMINDER_QUESTIONNAIRE ? APP_ID "-questionnaire-reminder" : APP_ID "-reminder";
}

/**
 * rw_reminder_dup_unit_dir:
 *
 * Returns: (transfer full): `$XDG_CONFIG_HOME/systemd/user`, where the
 *   user manager looks for units of the person's own
 */
char *
rw_reminder_dup_unit_dir (void)
{
  return g_build_filename (g_get_user_config_dir (), "systemd", "user", NULL);
}

/**
 * rw_reminder_dup_binary:
 *
 * Returns: (transfer full) (nullable): the absolute path of the running
 *   program, for the timer's `ExecStart`
 */
char *
rw_reminder_dup_binary (void)
{
  return g_file_read_link ("/proc/self/exe", NULL);
}

/**
 * rw_reminder_has_user_manager:
 *
 * Whether a systemd user manager runs for this session: it listens on
 * `$XDG_RUNTIME_DIR/systemd/private`, which `systemctl --user` connects to.
 * Without one (another init system, a container, a session as root) a
 * timer would never run, and the preferences say so.
 *
 * Returns: %TRUE when one runs
 */
gboolean
rw_reminder_has_user_manager (void)
{
  const char *runtime = g_getenv ("XDG_RUNTIME_DIR");
  g_autofree char *socket = NULL;
  GStatBuf st;

  if (runtime == NULL || runtime[0] == '\0')
    return FALSE;
  socket = g_build_filename (runtime, "systemd", "private", NULL);
  return g_stat (socket, &st) == 0 && S_ISSOCK (st.st_mode);
}

static const char *
describe (RwReminderKind kind)
{
  return kind == RW_REMINDER_QUESTIONNAIRE ? "Rewire questionnaire reminder"
                                           : "Rewire daily check-in reminder";
}

/**
 * rw_reminder_dup_timer_text:
 * @kind: which reminder
 * @hour: 0 to 23
 * @minute: 0 to 59
 *
 * Returns: (transfer full): the `.timer` unit: every day at @hour:@minute
 *   local time, and not caught up after the computer was off
 */
char *
rw_reminder_dup_timer_text (RwReminderKind kind,
                            guint          hour,
                            guint          minute)
{
  g_return_val_if_fail (hour < 24 && minute < 60, NULL);

  return g_strdup_printf ("# Written by Rewire's preferences; turning the reminder off removes it.\n"
                          "[Unit]\n"
                          "Description=%s\n"
                          "\n"
                          "[Timer]\n"
                          "OnCalendar=*-*-* %02u:%02u:00\n"
                          "Persistent=false\n"
                          "\n"
                          "[Install]\n"
                          "WantedBy=timers.target\n",
                          describe (kind), hour, minute);
}

/* One word of a command line as systemd reads it: in double quotes, with
 * C escapes, and % doubled (a specifier otherwise). */
static void
append_quoted (GString    *out,
               const char *word)
{
  g_string_append_c (out, '"');
  for (const char *p = word; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '%': g_string_append (out, "%%"); break;
        default: g_string_append_c (out, *p); break;
        }
    }
  g_string_append_c (out, '"');
}

/**
 * rw_reminder_dup_service_text:
 * @kind: which reminder
 * @binary: the absolute path of `rewire`
 * @data_dir: (nullable): the journal's folder, or %NULL for the default
 *
 * Returns: (transfer full): the `.service` unit that runs `rewire remind`
 *   (with `--questionnaire` for that reminder) once
 */
char *
rw_reminder_dup_service_text (RwReminderKind  kind,
                              const char     *binary,
                              const char     *data_dir)
{
  g_autoptr(GString) exec = g_string_new (NULL);

  g_return_val_if_fail (binary != NULL && g_path_is_absolute (binary), NULL);

  append_quoted (exec, binary);
  if (data_dir != NULL)
    {
      g_string_append (exec, " --data-dir ");
      append_quoted (exec, data_dir);
    }
  g_string_append (exec, " remind");
  if (kind == RW_REMINDER_QUESTIONNAIRE)
    g_string_append (exec, " --questionnaire");

  return g_strdup_printf ("# Written by Rewire's preferences; turning the reminder off removes it.\n"
                          "[Unit]\n"
                          "Description=%s\n"
                          "\n"
                          "[Service]\n"
                          "Type=oneshot\n"
                          "ExecStart=%s\n",
                          describe (kind), exec->str);
}

static char *
dup_unit_path (RwReminderKind  kind,
               const char     *suffix)
{
  g_autofree char *dir = rw_reminder_dup_unit_dir ();
  g_autofree char *name = g_strconcat (rw_reminder_get_unit_name (kind), suffix, NULL);

  return g_build_filename (dir, name, NULL);
}

/**
 * rw_reminder_write_units:
 * @kind: which reminder
 * @binary: the absolute path of `rewire`
 * @data_dir: (nullable): the journal's folder, or %NULL for the default
 * @hour: 0 to 23
 * @minute: 0 to 59
 * @error: return location for a #GError
 *
 * Writes the `.timer` and `.service` units into rw_reminder_dup_unit_dir(),
 * replacing those written before. It does not tell systemd: see
 * rw_reminder_enable_async().
 *
 * Returns: %TRUE on success
 */
gboolean
rw_reminder_write_units (RwReminderKind   kind,
                         const char      *binary,
                         const char      *data_dir,
                         guint            hour,
                         guint            minute,
                         GError         **error)
{
  g_autofree char *dir = rw_reminder_dup_unit_dir ();
  g_autofree char *timer_path = dup_unit_path (kind, ".timer");
  g_autofree char *service_path = dup_unit_path (kind, ".service");
  g_autofree char *timer = NULL;
  g_autofree char *service = NULL;

  g_return_val_if_fail (binary != NULL && g_path_is_absolute (binary), FALSE);
  g_return_val_if_fail (hour < 24 && minute < 60, FALSE);

  timer = rw_reminder_dup_timer_text (kind, hour, minute);
  service = rw_reminder_dup_service_text (kind, binary, data_dir);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not make the folder %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  return g_file_set_contents_full (service_path, service, -1,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error) &&
         g_file_set_contents_full (timer_path, timer, -1,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

/**
 * rw_reminder_remove_units:
 * @kind: which reminder
 * @error: return location for a #GError
 *
 * Removes the units rw_reminder_write_units() wrote; none there is fine.
 *
 * Returns: %TRUE on success
 */
gboolean
rw_reminder_remove_units (RwReminderKind   kind,
                          GError         **error)
{
  const char *suffixes[] = { ".timer", ".service" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = dup_unit_path (kind, suffixes[i]);

      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved = errno;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("Could not remove %s: %s"), path, g_strerror (saved));
          return FALSE;
        }
    }
  return TRUE;
}

/* The commands, run one after the other. */
typedef struct
{
  RwReminderKind kind;
  GPtrArray *steps;     /* of GStrv; a NULL entry: remove the units there */
  guint next;
  GError *error;        /* the first failure; the steps still run */
} Chain;

static void
chain_free (Chain *chain)
{
  g_ptr_array_unref (chain->steps);
  g_clear_error (&chain->error);
  g_free (chain);
}

static char **
systemctl (const char *first,
           ...)
{
  const char *program = g_getenv ("REWIRE_SYSTEMCTL");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  va_list ap;

  g_strv_builder_add (builder, program != NULL && program[0] != '\0' ? program : "systemctl");
  g_strv_builder_add (builder, "--user");
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_strv_builder_add (builder, arg);
  va_end (ap);
  return g_strv_builder_end (builder);
}

static void run_next (GTask *task);

static void
step_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Chain *chain = g_task_get_task_data (task);
  GSubprocess *process = G_SUBPROCESS (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;

  if (!g_subprocess_communicate_utf8_finish (process, result, NULL, &err, &error))
    {
      if (chain->error == NULL)
        chain->error = g_steal_pointer (&error);
    }
  else if (!g_subprocess_get_successful (process) && chain->error == NULL)
    {
      g_strstrip (err);
      g_set_error (&chain->error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("systemd could not set up the reminder: %s"),
                   err != NULL && err[0] != '\0' ? err : _("no reason given"));
    }
  run_next (task);
}

static void
run_next (GTask *task)
{
  Chain *chain = g_task_get_task_data (task);

  while (chain->next < chain->steps->len)
    {
      char **argv = g_ptr_array_index (chain->steps, chain->next++);
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GError) error = NULL;

      if (argv == NULL)
        {
          if (!rw_reminder_remove_units (chain->kind, &error) && chain->error == NULL)
            chain->error = g_steal_pointer (&error);
          continue;
        }

      process = g_subprocess_newv ((const char * const *) argv,
                                   G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                                   &error);
      if (process == NULL)
        {
          if (chain->error == NULL)
            g_set_error (&chain->error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                         _("systemctl could not be run: %s"), error->message);
          continue;
        }
      g_subprocess_communicate_utf8_async (process, NULL, g_task_get_cancellable (task),
                                           step_done_cb, g_object_ref (task));
      return;
    }

  if (chain->error != NULL)
    g_task_return_error (task, g_steal_pointer (&chain->error));
  else
    g_task_return_boolean (task, TRUE);
}

static GTask *
new_chain (RwReminderKind       kind,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Chain *chain = g_new0 (Chain, 1);

  chain->kind = kind;
  chain->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_task_set_task_data (task, chain, (GDestroyNotify) chain_free);
  return task;
}

/**
 * rw_reminder_enable_async:
 * @kind: which reminder
 * @binary: the absolute path of `rewire`
 * @data_dir: (nullable): the journal's folder, or %NULL for the default
 * @hour: 0 to 23
 * @minute: 0 to 59
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Writes the units, then runs `systemctl --user daemon-reload` and
 * `systemctl --user enable --now` on the timer (`$REWIRE_SYSTEMCTL`
 * instead of `systemctl` when set, for tests). Called again, it moves
 * the time.
 */
void
rw_reminder_enable_async (RwReminderKind       kind,
                          const char          *binary,
                          const char          *data_dir,
                          guint                hour,
                          guint                minute,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = new_chain (kind, cancellable, callback, user_data);
  Chain *chain = g_task_get_task_data (task);
  g_autofree char *timer = g_strconcat (rw_reminder_get_unit_name (kind), ".timer", NULL);
  g_autoptr(GError) error = NULL;

  g_task_set_source_tag (task, rw_reminder_enable_async);
  if (binary == NULL || !rw_reminder_write_units (kind, binary, data_dir, hour, minute, &error))
    {
      if (error == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                             _("The path of the running Rewire is not known."));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_ptr_array_add (chain->steps, systemctl ("daemon-reload", NULL));
  /* A timer already running keeps its old time until restarted. */
  g_ptr_array_add (chain->steps, systemctl ("enable", timer, NULL));
  g_ptr_array_add (chain->steps, systemctl ("restart", timer, NULL));
  run_next (task);
}

gboolean
rw_reminder_enable_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * rw_reminder_disable_async:
 * @kind: which reminder
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Runs `systemctl --user disable --now` on the timer, removes the units
 * (also when systemctl failed) and reloads systemd.
 */
void
rw_reminder_disable_async (RwReminderKind       kind,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = new_chain (kind, cancellable, callback, user_data);
  Chain *chain = g_task_get_task_data (task);
  g_autofree char *timer = g_strconcat (rw_reminder_get_unit_name (kind), ".timer", NULL);
  g_autofree char *timer_path = dup_unit_path (kind, ".timer");

  g_task_set_source_tag (task, rw_reminder_disable_async);
  if (g_file_test (timer_path, G_FILE_TEST_EXISTS))
    g_ptr_array_add (chain->steps, systemctl ("disable", "--now", timer, NULL));
  g_ptr_array_add (chain->steps, NULL);
  g_ptr_array_add (chain->steps, systemctl ("daemon-reload", NULL));
  run_next (task);
}

gboolean
rw_reminder_disable_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
