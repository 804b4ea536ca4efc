/* rw-report-window.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Clinician Report…: the date range (the last 90 days unless changed),
 * whether notes go in (never unless the person says so), the paper, and
 * Save. The report is made in a worker thread by the core
 * (rw_report_write_async()); the dialog shows its progress, can cancel
 * it, and says in a toast where it went, with Open Folder. Its commands
 * are actions in the "report" group: report.save asks for a file,
 * report.save-to (a path) makes the report, report.cancel stops it.
 */
#define G_LOG_DOMAIN "rw-report-window"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rw-report-window.h"

struct _RwReportWindow
{
  AdwWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay *toasts;
  AdwEntryRow *from_row;
  AdwEntryRow *to_row;
  GtkSwitch *notes_switch;
  AdwComboRow *paper_row;
  GtkLabel *message_label;
  GtkProgressBar *progress_bar;
  GtkButton *cancel_button;
  GtkButton *save_button;

  /* Owned */
  RwContext *context;
  GCancellable *cancellable;      /* of the report being made, or NULL */
  char *path;                     /* where it goes */
  GtkFileChooserNative *chooser;
  AdwToast *toast;
  double progress;
  gboolean disposed;              /* closed while a report was being made */
};

G_DEFINE_FINAL_TYPE (RwReportWindow, rw_report_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_RUNNING,
  PROP_PROGRESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The day typed into @row (YYYY-MM-DD, or as the check-in editor takes
 * dates), or 0. */
static guint32
row_day (AdwEntryRow *row)
{
  return rw_date_parse_typed (gtk_editable_get_text (GTK_EDITABLE (row)));
}

static gboolean
read_options (RwReportWindow  *self,
              RwReportOptions *options,
              const char     **problem)
{
  rw_report_options_init (options);
  options->first = row_day (self->from_row);
  options->last = row_day (self->to_row);
  options->include_notes = gtk_switch_get_active (self->notes_switch);
  options->paper = adw_combo_row_get_selected (self->paper_row) == 1 ? RW_PAPER_LETTER : RW_PAPER_A4;
  options->made = rw_clock_get_day (rw_context_get_clock (self->context));
  if (options->first == 0 || options->last == 0)
    *problem = _("Type the dates as YYYY-MM-DD, for example 2026-03-01.");
  else if (options->first > options->last)
    *problem = _("The first day is after the last: choose a first day on or before the last.");
  else
    *problem = NULL;
  return *problem == NULL;
}

static void
update_actions (RwReportWindow *self)
{
  RwReportOptions options;
  const char *problem = NULL;
  gboolean running = self->cancellable != NULL;
  gboolean valid = read_options (self, &options, &problem);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.save", valid && !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.save-to", valid && !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.cancel", running);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), running);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), running);
  /* The rows stay as they are (a row in focus made insensitive loses its
   * text's focus badly): what they said was read when Save was pressed. */
  if (problem != NULL)
    gtk_label_set_label (self->message_label, problem);
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), problem != NULL);
}

static void
dates_changed_cb (RwReportWindow *self)
{
  update_actions (self);
}

static void
set_progress (RwReportWindow *self,
              double          progress)
{
  if (self->progress == progress)
    return;
  self->progress = progress;
  gtk_progress_bar_set_fraction (self->progress_bar, progress);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  RwReportWindow *self = RW_REPORT_WINDOW (user_data);

  if (!self->disposed)
    set_progress (self, fraction);
}

static void
show_toast (RwReportWindow *self,
            AdwToast       *toast)
{
  /* A newer report replaces the last one's toast rather than queueing. */
  if (self->toast != NULL)
    adw_toast_dismiss (self->toast);
  g_set_object (&self->toast, toast);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(RwReportWindow) self = user_data;
  g_autoptr(GCancellable) cancellable = g_steal_pointer (&self->cancellable);
  g_autofree char *path = g_steal_pointer (&self->path);
  g_autoptr(GError) error = NULL;
  guint n_pages = 0;
  gboolean ok = rw_report_write_finish (result, &n_pages, &error);

  if (ok && g_cancellable_is_cancelled (cancellable))
    {
      /* Cancelled just as the thread finished: the person asked for no file. */
      g_unlink (path);
      ok = FALSE;
    }
  if (self->disposed)
    return;
  if (ok)
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GFile) folder = g_file_get_parent (file);
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *folder_name = folder != NULL ? g_file_get_basename (folder) : NULL;
      /* Translators: a toast after saving, "Report saved as rewire-report.pdf in Documents" */
      g_autofree char *title = g_strdup_printf (_("Report saved as %s in %s"), name,
                                                folder_name != NULL ? folder_name : "/");
      AdwToast *toast = adw_toast_new (title);

      if (folder != NULL)
        {
          g_autofree char *uri = g_file_get_uri (folder);

          adw_toast_set_button_label (toast, _("Open Folder"));
          adw_toast_set_action_name (toast, "report.open-folder");
          adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
        }
      show_toast (self, toast);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
           g_cancellable_is_cancelled (cancellable))
    show_toast (self, adw_toast_new (_("Report cancelled; nothing was saved")));
  else if (error != NULL)
    {
      gtk_label_set_label (self->message_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->message_label), TRUE);
    }

  set_progress (self, 0);
  update_actions (self);
  if (error == NULL || ok)
    gtk_widget_set_visible (GTK_WIDGET (self->message_label), FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static void
save_to_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RwReportWindow *self = RW_REPORT_WINDOW (widget);
  RwJournal *journal = rw_context_get_journal (self->context);
  RwReportOptions options;
  const char *problem = NULL;

  if (self->cancellable != NULL || !read_options (self, &options, &problem))
    return;
  self->cancellable = g_cancellable_new ();
  self->path = g_strdup (g_variant_get_string (parameter, NULL));
  set_progress (self, 0);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  rw_report_write_async (rw_journal_get_data_dir (journal), &options, self->path, progress_cb,
                         g_object_ref (self), g_object_unref, self->cancellable, written_cb,
                         g_object_ref (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RwReportWindow *self = RW_REPORT_WINDOW (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     RwReportWindow  *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL &&
      (path = g_file_get_path (file)) != NULL)
    {
      g_autofree char *fixed = rw_chart_format_fix_path (path, RW_CHART_FORMAT_PDF);

      gtk_widget_activate_action (GTK_WIDGET (self), "report.save-to", "s", fixed);
    }
  g_signal_handlers_disconnect_by_data (dialog, self);
  g_clear_object (&self->chooser);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RwReportWindow *self = RW_REPORT_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  RwReportOptions options;
  const char *problem = NULL;

  if (self->chooser != NULL || !read_options (self, &options, &problem))
    return;
  self->chooser = gtk_file_chooser_native_new (_("Save Report"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PDF document"));
  gtk_file_filter_add_pattern (filter, "*.pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  {
    g_autofree char *from = rw_date_to_iso (options.first);
    g_autofree char *to = rw_date_to_iso (options.last);
    g_autofree char *name = g_strdup_printf ("rewire-report-%s-to-%s.pdf", from, to);

    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  }
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static gboolean
close_request_cb (GtkWindow *window)
{
  RwReportWindow *self = RW_REPORT_WINDOW (window);

  /* Closing stops a report being made; nothing is left of it. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  return FALSE;
}

static void
rw_report_window_constructed (GObject *object)
{
  RwReportWindow *self = RW_REPORT_WINDOW (object);
  RwReportOptions options;

  G_OBJECT_CLASS (rw_report_window_parent_class)->constructed (object);

  rw_report_options_init (&options);
  options.last = rw_clock_get_day (rw_context_get_clock (self->context));
  options.first = options.last - 89;
  {
    g_autofree char *from = rw_date_to_iso (options.first);
    g_autofree char *to = rw_date_to_iso (options.last);

    gtk_editable_set_text (GTK_EDITABLE (self->from_row), from);
    gtk_editable_set_text (GTK_EDITABLE (self->to_row), to);
  }
  adw_combo_row_set_selected (self->paper_row, options.paper == RW_PAPER_LETTER ? 1 : 0);
  update_actions (self);
}

static void
rw_report_window_dispose (GObject *object)
{
  RwReportWindow *self = RW_REPORT_WINDOW (object);

  self->disposed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  g_clear_object (&self->toast);
  gtk_widget_dispose_template (GTK_WIDGET (self), RW_TYPE_REPORT_WINDOW);

  G_OBJECT_CLASS (rw_report_window_parent_class)->dispose (object);
}

static void
rw_report_window_finalize (GObject *object)
{
  RwReportWindow *self = RW_REPORT_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
  g_free (self->path);

  G_OBJECT_CLASS (rw_report_window_parent_class)->finalize (object);
}

static void
rw_report_window_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RwReportWindow *self = RW_REPORT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, rw_report_window_get_running (self));
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, rw_report_window_get_progress (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rw_report_window_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RwReportWindow *self = RW_REPORT_WINDOW (object);

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
rw_report_window_class_init (RwReportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = rw_report_window_constructed;
  object_class->dispose = rw_report_window_dispose;
  object_class->finalize = rw_report_window_finalize;
  object_class->get_property = rw_report_window_get_property;
  object_class->set_property = rw_report_window_set_property;
  window_class->close_request = close_request_cb;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, RW_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0, 1, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rewire/Rewire/rw-report-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RwReportWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, RwReportWindow, from_row);
  gtk_widget_class_bind_template_child (widget_class, RwReportWindow, to_row);
  gtk_widget_class_bind_template_child (widget_class, RwReportWindow, notes_switch);
  gtk_widget_class_bind_template_child (widget_class, RwReportWindow, paper_row);
  gtk_widget_class_bind_template_child (widget_class, RwReportWindow, message_label);
  gtk_widget_class_bind_template_child (widget_class, RwReportWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, RwReportWindow, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, RwReportWindow, save_button);
  gtk_widget_class_bind_template_callback (widget_class, dates_changed_cb);

  gtk_widget_class_install_action (widget_class, "report.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "report.save-to", "s", save_to_action);
  gtk_widget_class_install_action (widget_class, "report.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "report.open-folder", "s", open_folder_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "report.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rw_report_window_init (RwReportWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * rw_report_window_new:
 * @context: the journal the report is of
 * @parent: (nullable): the window it belongs to (it is modal to it)
 *
 * Returns: (transfer full): a new report dialog; present it
 */
RwReportWindow *
rw_report_window_new (RwContext *context,
                      GtkWindow *parent)
{
  g_return_val_if_fail (RW_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (RW_TYPE_REPORT_WINDOW, "context", context, "transient-for", parent, NULL);
}

gboolean
rw_report_window_get_running (RwReportWindow *self)
{
  g_return_val_if_fail (RW_IS_REPORT_WINDOW (self), FALSE);

  return self->cancellable != NULL;
}

double
rw_report_window_get_progress (RwReportWindow *self)
{
  g_return_val_if_fail (RW_IS_REPORT_WINDOW (self), 0);

  return self->progress;
}
