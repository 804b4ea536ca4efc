/* rw-backups-window.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rw-backups-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rw-backups-window.h"
#include "rw-journal-backup.h"

/**
 * RwBackupsWindow:
 *
 * When the last backup was made and where, and the second folder that
 * each day's backup is copied to (the `backup-folder-2` setting), with
 * ways to restore and to purge the older backups.
 */
struct _RwBackupsWindow
{
  AdwWindow parent_instance;

  /* Template widgets */
  AdwActionRow *last_row;
  AdwActionRow *folder_row;
  AdwActionRow *second_row;
  GtkWidget *clear_button;

  /* Owned */
  RwContext *context;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (RwBackupsWindow, rw_backups_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Told once a run: after the first delete, not after every one. */
#define TOLD_KEY "rw-backups-told-after-delete"

static RwJournal *
get_journal (RwBackupsWindow *self)
{
  return rw_context_get_journal (self->context);
}

static void
update (RwBackupsWindow *self)
{
  GSettings *settings = rw_context_get_settings (self->context);
  g_autofree char *second = g_settings_get_string (settings, "backup-folder-2");
  g_autofree char *folder = rw_journal_dup_backups_folder (get_journal (self));
  g_autofree char *folder_name = g_filename_display_name (folder);
  gint64 last = rw_journal_get_last_backup_time (get_journal (self));

  if (last > 0)
    {
      g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (last);
      /* Translators: when the last backup was made, "4 December 2026, 09:14" */
      g_autofree char *text = g_date_time_format (time, _("%-d %B %Y, %H:%M"));

      adw_action_row_set_subtitle (self->last_row, text);
    }
  else
    adw_action_row_set_subtitle (self->last_row, _("None yet: the first is made the day after your first check-in is saved"));
  adw_action_row_set_subtitle (self->folder_row, folder_name);

  if (second[0] != '\0')
    {
      g_autofree char *second_name = g_filename_display_name (second);

      adw_action_row_set_subtitle (self->second_row, second_name);
    }
  else
    adw_action_row_set_subtitle (self->second_row, _("None"));
  gtk_widget_set_visible (self->clear_button, second[0] != '\0');
}

static void
folder_chosen_cb (GtkNativeDialog *chooser,
                  int              response,
                  RwBackupsWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  g_settings_set_string (rw_context_get_settings (self->context), "backup-folder-2", path);
  /* The first copy now, not tomorrow. */
  rw_journal_copy_backup_async (get_journal (self), path, NULL, NULL, NULL);
}

static void
choose_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RwBackupsWindow *self = RW_BACKUPS_WINDOW (widget);

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Choose a Second Backup Folder"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Select"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (folder_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
clear_folder_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RwBackupsWindow *self = RW_BACKUPS_WINDOW (widget);

  /* The copies already there stay: they are the person's now. */
  g_settings_set_string (rw_context_get_settings (self->context), "backup-folder-2", "");
}

static void
forward_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (widget));

  if (parent == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (parent),
                              g_str_equal (action_name, "backups.restore") ? "win.restore"
                                                                           : "win.purge-backups",
                              NULL);
  gtk_window_close (GTK_WINDOW (widget));
}

static void
rw_backups_window_constructed (GObject *object)
{
  RwBackupsWindow *self = (RwBackupsWindow *)object;

  G_OBJECT_CLASS (rw_backups_window_parent_class)->constructed (object);

  g_signal_connect_object (rw_context_get_settings (self->context), "changed::backup-folder-2",
                           G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

static void
rw_backups_window_dispose (GObject *object)
{
  RwBackupsWindow *self = (RwBackupsWindow *)object;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), RW_TYPE_BACKUPS_WINDOW);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rw_backups_window_parent_class)->dispose (object);
}

static void
rw_backups_window_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RwBackupsWindow *self = RW_BACKUPS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rw_backups_window_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RwBackupsWindow *self = RW_BACKUPS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rw_backups_window_class_init (RwBackupsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rw_backups_window_constructed;
  object_class->dispose = rw_backups_window_dispose;
  object_class->get_property = rw_backups_window_get_property;
  object_class->set_property = rw_backups_window_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, RW_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rewire/Rewire/rw-backups-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RwBackupsWindow, last_row);
  gtk_widget_class_bind_template_child (widget_class, RwBackupsWindow, folder_row);
  gtk_widget_class_bind_template_child (widget_class, RwBackupsWindow, second_row);
  gtk_widget_class_bind_template_child (widget_class, RwBackupsWindow, clear_button);

  gtk_widget_class_install_action (widget_class, "backups.choose-folder", NULL, choose_folder_action);
  gtk_widget_class_install_action (widget_class, "backups.clear-folder", NULL, clear_folder_action);
  gtk_widget_class_install_action (widget_class, "backups.restore", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "backups.purge", NULL, forward_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rw_backups_window_init (RwBackupsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

RwBackupsWindow *
rw_backups_window_new (RwContext *context,
                       GtkWindow *parent)
{
  g_return_val_if_fail (RW_IS_CONTEXT (context), NULL);

  return g_object_new (RW_TYPE_BACKUPS_WINDOW,
                       "context", context,
                       "transient-for", parent,
                       NULL);
}

static void
show_toast (AdwToastOverlay *toasts,
            const char      *message,
            guint            timeout)
{
  AdwToast *toast;

  if (toasts == NULL)
    return;
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, timeout);
  adw_toast_overlay_add_toast (toasts, toast);
}

static void
copied_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr(AdwToastOverlay) toasts = g_weak_ref_get (ref);
  g_autoptr(GError) error = NULL;

  g_weak_ref_clear (ref);
  g_free (ref);
  /* Told, gently; the backups in the journal's own folder are whole. */
  if (!rw_journal_copy_backup_finish (RW_JOURNAL (source), result, &error))
    {
      g_message ("Could not copy the backup to the second folder: %s", error->message);
      show_toast (toasts, error->message, 10);
    }
}

/**
 * rw_backups_copy_to_second_folder:
 * @context: the journal and its settings
 * @toasts: (nullable): where to tell of a failure
 *
 * After the start-up backup: copies it into the second backup folder
 * when the person chose one (`backup-folder-2`), in a worker. A failure
 * (the disk not plugged in) is a toast and blocks nothing.
 */
void
rw_backups_copy_to_second_folder (RwContext       *context,
                                  AdwToastOverlay *toasts)
{
  g_autofree char *folder = NULL;
  GWeakRef *ref;

  g_return_if_fail (RW_IS_CONTEXT (context));

  folder = g_settings_get_string (rw_context_get_settings (context), "backup-folder-2");
  if (folder[0] == '\0')
    return;
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, toasts);
  rw_journal_copy_backup_async (rw_context_get_journal (context), folder, NULL, copied_cb, ref);
}

/**
 * rw_backups_tell_after_delete:
 * @context: the journal
 * @toasts: where to tell it
 *
 * After a check-in is deleted for good: when backups made before hold
 * it, says so once, with a button to purge them.
 */
void
rw_backups_tell_after_delete (RwContext       *context,
                              AdwToastOverlay *toasts)
{
  RwJournal *journal;
  AdwToast *toast;

  g_return_if_fail (RW_IS_CONTEXT (context));
  g_return_if_fail (ADW_IS_TOAST_OVERLAY (toasts));

  journal = rw_context_get_journal (context);
  if (g_object_get_data (G_OBJECT (journal), TOLD_KEY) != NULL ||
      rw_journal_count_backups (journal) == 0)
    return;
  g_object_set_data (G_OBJECT (journal), TOLD_KEY, GINT_TO_POINTER (TRUE));

  toast = adw_toast_new (_("Backups made before still hold it until they are replaced"));
  adw_toast_set_button_label (toast, _("_Purge Backups…"));
  adw_toast_set_action_name (toast, "win.purge-backups");
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (toasts, toast);
}

typedef struct
{
  RwContext *context;
  GWeakRef toasts;
} PurgeData;

static void
purge_data_free (gpointer  user_data,
                 GClosure *closure)
{
  PurgeData *data = user_data;

  g_clear_object (&data->context);
  g_weak_ref_clear (&data->toasts);
  g_free (data);
}

static void
purge_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   PurgeData        *data)
{
  g_autoptr(AdwToastOverlay) toasts = g_weak_ref_get (&data->toasts);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint removed = 0;

  if (!g_str_equal (response, "purge"))
    return;
  if (!rw_journal_renew_backups (rw_context_get_journal (data->context), &removed, &error))
    {
      show_toast (toasts, error->message, 0);
      return;
    }
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Made a new backup and deleted %u older one",
                                          "Made a new backup and deleted %u older ones", removed),
                             removed);
  show_toast (toasts, message, 5);
}

/**
 * rw_backups_confirm_purge:
 * @context: the journal
 * @parent: the window to ask over
 * @toasts: (nullable): where to tell what was done
 *
 * Asks, then (as `rewire backup --renew`) makes a new backup of the
 * journal as it is and deletes every older one, so that nothing deleted
 * stays in a backup.
 */
void
rw_backups_confirm_purge (RwContext       *context,
                          GtkWindow       *parent,
                          AdwToastOverlay *toasts)
{
  AdwMessageDialog *dialog;
  PurgeData *data;
  guint count;

  g_return_if_fail (RW_IS_CONTEXT (context));

  count = rw_journal_count_backups (rw_context_get_journal (context));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Purge Older Backups?"), NULL));
  adw_message_dialog_format_body (dialog,
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "Rewire makes a new backup of your journal as it is "
                                               "now, then deletes the %u made before, so that what "
                                               "you deleted is in none of them. Those older "
                                               "backups cannot be restored afterwards.",
                                               "Rewire makes a new backup of your journal as it is "
                                               "now, then deletes the %u made before, so that what "
                                               "you deleted is in none of them. Those older "
                                               "backups cannot be restored afterwards.", count),
                                  count);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "purge", _("_Purge"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "purge", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  data = g_new0 (PurgeData, 1);
  data->context = g_object_ref (context);
  g_weak_ref_init (&data->toasts, toasts);
  g_signal_connect_data (dialog, "response", G_CALLBACK (purge_response_cb), data,
                         purge_data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
