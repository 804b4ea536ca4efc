/* rw-restore-window.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rw-restore-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rw-journal-backup.h"
#include "rw-restore-window.h"

/**
 * RwRestoreWindow:
 *
 * Restores the journal from a backup or a Rewire JSON export: first what
 * the file holds against what the journal holds now (read in a worker,
 * the counts `rewire restore` shows), then, only when asked, the journal
 * is replaced (after a backup of it as it is) and the app opens it again.
 */
struct _RwRestoreWindow
{
  AdwWindow parent_instance;

  /* Template widgets */
  GtkWidget *replace_button;
  GtkStack *stack;
  GtkSpinner *spinner;
  AdwPreferencesGroup *file_group;
  AdwActionRow *file_count_row;
  AdwActionRow *file_range_row;
  AdwActionRow *file_sessions_row;
  AdwActionRow *file_assessments_row;
  AdwActionRow *journal_count_row;
  AdwActionRow *journal_range_row;
  AdwActionRow *journal_sessions_row;
  AdwActionRow *journal_assessments_row;
  AdwStatusPage *restored_page;
  AdwStatusPage *error_page;

  /* Owned */
  RwContext *context;
  GFile *file;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (RwRestoreWindow, rw_restore_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Replace stays in the header bar, in sight however long the preview. */
static void
show_page (RwRestoreWindow *self,
           const char      *name)
{
  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_widget_set_visible (self->replace_button, g_str_equal (name, "preview"));
}

static void
show_error (RwRestoreWindow *self,
            const char      *title,
            const GError    *error)
{
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, error->message);
  gtk_spinner_stop (self->spinner);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "restore.replace", FALSE);
  show_page (self, "error");
}

static void
set_count (AdwActionRow *row,
           gint64        count)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, count);

  adw_action_row_set_subtitle (row, text);
}

static void
set_days (AdwActionRow *row,
          const char   *first,
          const char   *last)
{
  g_autofree char *days = rw_date_format_span (first, last);

  adw_action_row_set_subtitle (row, days);
}

static void
preview_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  RwRestoreWindow *self = user_data;
  g_autoptr(RwRestorePreview) preview = NULL;
  g_autoptr(GError) error = NULL;

  preview = rw_journal_preview_restore_finish (RW_JOURNAL (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (preview == NULL)
    {
      show_error (self, _("This File Cannot Be Restored"), error);
      return;
    }

  adw_preferences_group_set_title (self->file_group, preview->is_export ? _("In the Export")
                                                                       : _("In the Backup"));
  set_count (self->file_count_row, preview->check_ins);
  set_days (self->file_range_row, preview->first, preview->last);
  set_count (self->file_sessions_row, preview->sessions);
  set_count (self->file_assessments_row, preview->assessments);
  set_count (self->journal_count_row, preview->journal_check_ins);
  set_days (self->journal_range_row, preview->journal_first, preview->journal_last);
  set_count (self->journal_sessions_row, preview->journal_sessions);
  set_count (self->journal_assessments_row, preview->journal_assessments);
  gtk_spinner_stop (self->spinner);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "restore.replace", TRUE);
  show_page (self, "preview");
}

static void
replace_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RwRestoreWindow *self = RW_RESTORE_WINDOW (widget);
  g_autofree char *path = g_file_get_path (self->file);
  g_autofree char *saved = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  gtk_widget_action_set_enabled (widget, "restore.replace", FALSE);
  /* The journal is closed by this, whatever happens: the app opens it
   * again, restored or as it was. */
  if (!rw_journal_restore (rw_context_get_journal (self->context), path, &saved, &error))
    {
      show_error (self, _("The Journal Was Not Replaced"), error);
      message = g_strdup (error->message);
    }
  else
    {
      g_autofree char *name = g_filename_display_name (saved);

      message = g_strdup_printf (_("Your journal is restored. The journal as it was is kept in %s."),
                                 name);
      adw_status_page_set_description (self->restored_page, message);
      show_page (self, "restored");
    }
  gtk_widget_activate_action (widget, "app.reload-journal", "s", message);
}

static void
rw_restore_window_dispose (GObject *object)
{
  RwRestoreWindow *self = (RwRestoreWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), RW_TYPE_RESTORE_WINDOW);
  g_clear_object (&self->file);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rw_restore_window_parent_class)->dispose (object);
}

static void
rw_restore_window_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RwRestoreWindow *self = RW_RESTORE_WINDOW (object);

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
rw_restore_window_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RwRestoreWindow *self = RW_RESTORE_WINDOW (object);

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
rw_restore_window_class_init (RwRestoreWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rw_restore_window_dispose;
  object_class->get_property = rw_restore_window_get_property;
  object_class->set_property = rw_restore_window_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, RW_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rewire/Rewire/rw-restore-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RwRestoreWindow, replace_button);
  gtk_widget_class_bind_template_child (widget_class, RwRestoreWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RwRestoreWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, RwRestoreWindow, file_group);
  gtk_widget_class_bind_template_child (widget_class, RwRestoreWindow, file_count_row);
  gtk_widget_class_bind_template_child (widget_class, RwRestoreWindow, file_range_row);
  gtk_widget_class_bind_template_child (widget_class, RwRestoreWindow, journal_count_row);
  gtk_widget_class_bind_template_child (widget_class, RwRestoreWindow, journal_range_row);
  gtk_widget_class_bind_template_child (widget_class, RwRestoreWindow, file_sessions_row);
  gtk_widget_class_bind_template_child (widget_class, RwRestoreWindow, file_assessments_row);
  gtk_widget_class_bind_template_child (widget_class, RwRestoreWindow, journal_sessions_row);
  gtk_widget_class_bind_template_child (widget_class, RwRestoreWindow, journal_assessments_row);
  gtk_widget_class_bind_template_child (widget_class, RwRestoreWindow, restored_page);
  gtk_widget_class_bind_template_child (widget_class, RwRestoreWindow, error_page);

  gtk_widget_class_install_action (widget_class, "restore.replace", NULL, replace_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rw_restore_window_init (RwRestoreWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "restore.replace", FALSE);
}

/**
 * rw_restore_window_new:
 * @context: the journal to replace
 * @parent: (nullable): the main window
 * @file: a backup or a Rewire JSON export
 *
 * Returns: (transfer none): a window that compares @file with the
 *   journal and offers to replace it
 */
RwRestoreWindow *
rw_restore_window_new (RwContext *context,
                       GtkWindow *parent,
                       GFile     *file)
{
  RwRestoreWindow *self;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (RW_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (RW_TYPE_RESTORE_WINDOW,
                       "context", context,
                       "transient-for", parent,
                       NULL);
  self->file = g_object_ref (file);
  self->cancellable = g_cancellable_new ();
  name = g_file_get_basename (file);
  gtk_window_set_title (GTK_WINDOW (self), name);
  gtk_spinner_start (self->spinner);
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                                     _("Only files on this computer can be "
                                                       "restored. Copy the file here first."));
      show_error (self, _("This File Cannot Be Restored"), error);
      return self;
    }
  rw_journal_preview_restore_async (rw_context_get_journal (context), path, self->cancellable,
                                    preview_cb, self);
  return self;
}

typedef struct
{
  RwContext *context;
  GtkWindow *parent;
} ChooseData;

static void
choose_data_free (gpointer  user_data,
                  GClosure *closure)
{
  ChooseData *data = user_data;

  g_clear_object (&data->context);
  g_clear_weak_pointer (&data->parent);
  g_free (data);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     ChooseData      *data)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        gtk_window_present (GTK_WINDOW (rw_restore_window_new (data->context, data->parent, file)));
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/**
 * rw_restore_window_choose:
 * @context: the journal to replace
 * @parent: (nullable): the main window
 *
 * Asks for a backup or an export, starting in the journal's backups
 * folder, then shows it in a #RwRestoreWindow.
 */
void
rw_restore_window_choose (RwContext *context,
                          GtkWindow *parent)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) files = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autofree char *folder = NULL;
  ChooseData *data;

  g_return_if_fail (RW_IS_CONTEXT (context));

  chooser = gtk_file_chooser_native_new (_("Restore from Backup"), parent,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (files, _("Rewire backup or JSON export"));
  gtk_file_filter_add_pattern (files, "*.db");
  gtk_file_filter_add_pattern (files, "*.json");
  gtk_file_filter_add_pattern (files, "*.JSON");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), files);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  folder = rw_journal_dup_backups_folder (rw_context_get_journal (context));
  if (g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) start = g_file_new_for_path (folder);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), start, NULL);
    }

  data = g_new0 (ChooseData, 1);
  data->context = g_object_ref (context);
  g_set_weak_pointer (&data->parent, parent);
  g_signal_connect_data (chooser, "response", G_CALLBACK (chooser_response_cb), data,
                         choose_data_free, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

const char *
rw_restore_window_get_state (RwRestoreWindow *self)
{
  g_return_val_if_fail (RW_IS_RESTORE_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}
