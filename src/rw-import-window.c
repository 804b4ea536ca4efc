/* rw-import-window.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rw-import-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rw-import-window.h"
#include "rw-journal-import.h"

/**
 * RwImportWindow:
 *
 * Imports a Rewire CSV or JSON export or a Daylio CSV export: the file is
 * read in a worker and what it holds is shown first; a Daylio file with
 * moods of the person's own naming gets a row for each, to place it on
 * the 0 to 10 scale; then the import runs in a worker, with progress and
 * a Cancel that leaves the journal as it was.
 */
struct _RwImportWindow
{
  AdwWindow parent_instance;

  /* Template widgets */
  GtkWidget *import_button;
  GtkStack *stack;
  GtkSpinner *spinner;
  AdwActionRow *format_row;
  AdwActionRow *rows_row;
  AdwActionRow *range_row;
  AdwPreferencesGroup *mapping_group;
  GtkProgressBar *progress_bar;
  AdwStatusPage *done_page;
  AdwStatusPage *error_page;

  /* Owned */
  RwContext *context;
  GFile *file;
  GCancellable *cancellable;
  GPtrArray *mood_rows;         /* AdwActionRow, one per unknown label */
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (RwImportWindow, rw_import_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static RwJournal *
get_journal (RwImportWindow *self)
{
  return rw_context_get_journal (self->context);
}

/* Import stays in the header bar, in sight however long the preview. */
static void
show_page (RwImportWindow *self,
           const char     *name)
{
  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_widget_set_visible (self->import_button, g_str_equal (name, "preview"));
}

static void
show_error (RwImportWindow *self,
            const GError   *error)
{
  adw_status_page_set_title (self->error_page, _("This File Could Not Be Imported"));
  adw_status_page_set_description (self->error_page, error->message);
  gtk_spinner_stop (self->spinner);
  show_page (self, "error");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.start", FALSE);
}

static void
clear_mood_rows (RwImportWindow *self)
{
  for (guint i = 0; i < self->mood_rows->len; i++)
    adw_preferences_group_remove (self->mapping_group, g_ptr_array_index (self->mood_rows, i));
  g_ptr_array_set_size (self->mood_rows, 0);
}

static void
add_mood_row (RwImportWindow *self,
              const char     *label)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 10, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  /* Halfway until the person says otherwise. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 5);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_RELATION_LABELLED_BY, row,
                                  NULL, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  g_object_set_data_full (G_OBJECT (row), "rw-mood-label", g_strdup (label), g_free);
  g_object_set_data (G_OBJECT (row), "rw-spin", spin);
  adw_preferences_group_add (self->mapping_group, row);
  g_ptr_array_add (self->mood_rows, row);
}

static void
preview_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  RwImportWindow *self = user_data;
  g_autoptr(RwJournalImportPreview) preview = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *days = NULL;

  preview = rw_journal_preview_import_finish (RW_JOURNAL (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (preview == NULL)
    {
      show_error (self, error);
      return;
    }

  rows = g_strdup_printf ("%u", preview->rows);
  days = rw_date_format_span (preview->first, preview->last);
  adw_action_row_set_subtitle (self->format_row, preview->format_name);
  adw_action_row_set_subtitle (self->rows_row, rows);
  adw_action_row_set_subtitle (self->range_row, days);

  clear_mood_rows (self);
  for (guint i = 0; preview->unknown_moods != NULL && preview->unknown_moods[i] != NULL; i++)
    add_mood_row (self, preview->unknown_moods[i]);
  gtk_widget_set_visible (GTK_WIDGET (self->mapping_group), self->mood_rows->len > 0);

  gtk_spinner_stop (self->spinner);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.start", preview->rows > 0);
  show_page (self, "preview");
}

static void
read_file (RwImportWindow *self)
{
  g_autofree char *path = g_file_get_path (self->file);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.start", FALSE);
  gtk_spinner_start (self->spinner);
  show_page (self, "reading");
  if (path == NULL)
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                                     _("Only files on this computer can be "
                                                       "imported. Copy the file here first."));
      show_error (self, error);
      return;
    }
  rw_journal_preview_import_async (get_journal (self), path, self->cancellable, preview_cb, self);
}

/* "label=N,…", as `rewire import --mood-map` takes it. */
static char *
dup_mood_map (RwImportWindow *self)
{
  g_autoptr(GString) map = g_string_new (NULL);

  for (guint i = 0; i < self->mood_rows->len; i++)
    {
      GObject *row = g_ptr_array_index (self->mood_rows, i);
      GtkSpinButton *spin = g_object_get_data (row, "rw-spin");

      g_string_append_printf (map, "%s%s=%d", i > 0 ? "," : "",
                              (const char *) g_object_get_data (row, "rw-mood-label"),
                              gtk_spin_button_get_value_as_int (spin));
    }
  return map->len > 0 ? g_string_free (g_steal_pointer (&map), FALSE) : NULL;
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  RwImportWindow *self = user_data;

  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
}

static void
import_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RwImportWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  guint added = 0, skipped = 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.cancel", FALSE);
  if (!rw_journal_import_finish (RW_JOURNAL (source), result, &added, &skipped, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          adw_status_page_set_icon_name (self->done_page, "dialog-information-symbolic");
          adw_status_page_set_title (self->done_page, _("Import Cancelled"));
          adw_status_page_set_description (self->done_page, _("Nothing was changed in your journal."));
          show_page (self, "done");
          return;
        }
      show_error (self, error);
      return;
    }

  if (skipped == 0)
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Added %u check-in.",
                                                "Added %u check-ins.", added), added);
  else
    {
      g_autofree char *added_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Added %u check-in",
                                                                  "Added %u check-ins", added), added);
      /* Translators: after "Added 3 check-ins" */
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%s, skipped %u that is already in your journal.",
                                                  "%s, skipped %u that are already in your journal.",
                                                  skipped),
                                     added_text, skipped);
    }
  adw_status_page_set_icon_name (self->done_page, "emblem-ok-symbolic");
  adw_status_page_set_title (self->done_page, _("Imported"));
  adw_status_page_set_description (self->done_page, description);
  show_page (self, "done");
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RwImportWindow *self = RW_IMPORT_WINDOW (widget);
  g_autofree char *path = g_file_get_path (self->file);
  g_autofree char *mood_map = dup_mood_map (self);

  gtk_widget_action_set_enabled (widget, "import.start", FALSE);
  gtk_widget_action_set_enabled (widget, "import.cancel", TRUE);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  show_page (self, "importing");
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  rw_journal_import_async (get_journal (self), path, mood_map, progress_cb, self,
                           self->cancellable, import_cb, g_object_ref (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RwImportWindow *self = RW_IMPORT_WINDOW (widget);

  /* The worker rolls back and says so (import_cb). */
  gtk_widget_action_set_enabled (widget, "import.cancel", FALSE);
  g_cancellable_cancel (self->cancellable);
}

static void
set_file (RwImportWindow *self,
          GFile          *file)
{
  g_autofree char *name = g_file_get_basename (file);

  g_set_object (&self->file, file);
  gtk_window_set_title (GTK_WINDOW (self), name);
  read_file (self);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     RwImportWindow  *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file != NULL)
    set_file (self, file);
}

static GtkFileChooserNative *
new_chooser (GtkWindow *parent)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) files = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import Check-ins"), parent,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (files, _("Rewire or Daylio export (CSV, JSON)"));
  gtk_file_filter_add_pattern (files, "*.csv");
  gtk_file_filter_add_pattern (files, "*.CSV");
  gtk_file_filter_add_pattern (files, "*.json");
  gtk_file_filter_add_pattern (files, "*.JSON");
  gtk_file_filter_add_mime_type (files, "text/csv");
  gtk_file_filter_add_mime_type (files, "application/json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), files);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  return chooser;
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RwImportWindow *self = RW_IMPORT_WINDOW (widget);

  if (self->chooser != NULL)
    return;
  self->chooser = new_chooser (GTK_WINDOW (self));
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Closing the window while it imports is a cancel. */
static gboolean
rw_import_window_close_request (GtkWindow *window)
{
  RwImportWindow *self = RW_IMPORT_WINDOW (window);

  g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (rw_import_window_parent_class)->close_request (window);
}

static void
rw_import_window_dispose (GObject *object)
{
  RwImportWindow *self = (RwImportWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->mood_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), RW_TYPE_IMPORT_WINDOW);
  g_clear_object (&self->file);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rw_import_window_parent_class)->dispose (object);
}

static void
rw_import_window_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RwImportWindow *self = RW_IMPORT_WINDOW (object);

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
rw_import_window_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RwImportWindow *self = RW_IMPORT_WINDOW (object);

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
rw_import_window_class_init (RwImportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = rw_import_window_dispose;
  object_class->get_property = rw_import_window_get_property;
  object_class->set_property = rw_import_window_set_property;
  window_class->close_request = rw_import_window_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, RW_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rewire/Rewire/rw-import-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RwImportWindow, import_button);
  gtk_widget_class_bind_template_child (widget_class, RwImportWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RwImportWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, RwImportWindow, format_row);
  gtk_widget_class_bind_template_child (widget_class, RwImportWindow, rows_row);
  gtk_widget_class_bind_template_child (widget_class, RwImportWindow, range_row);
  gtk_widget_class_bind_template_child (widget_class, RwImportWindow, mapping_group);
  gtk_widget_class_bind_template_child (widget_class, RwImportWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, RwImportWindow, done_page);
  gtk_widget_class_bind_template_child (widget_class, RwImportWindow, error_page);

  gtk_widget_class_install_action (widget_class, "import.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "import.choose", NULL, choose_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rw_import_window_init (RwImportWindow *self)
{
  self->mood_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.start", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.cancel", FALSE);
}

/**
 * rw_import_window_new:
 * @context: the journal to import into
 * @parent: (nullable): the main window
 * @file: the file to import
 *
 * Returns: (transfer none): a window that reads @file and shows what it
 *   holds
 */
RwImportWindow *
rw_import_window_new (RwContext *context,
                      GtkWindow *parent,
                      GFile     *file)
{
  RwImportWindow *self;

  g_return_val_if_fail (RW_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (RW_TYPE_IMPORT_WINDOW,
                       "context", context,
                       "transient-for", parent,
                       NULL);
  set_file (self, file);
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
first_chooser_response_cb (GtkNativeDialog *chooser,
                           int              response,
                           ChooseData      *data)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        gtk_window_present (GTK_WINDOW (rw_import_window_new (data->context, data->parent, file)));
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/**
 * rw_import_window_choose:
 * @context: the journal to import into
 * @parent: (nullable): the main window
 *
 * Asks for a file to import, then shows it in a #RwImportWindow.
 */
void
rw_import_window_choose (RwContext *context,
                         GtkWindow *parent)
{
  GtkFileChooserNative *chooser;
  ChooseData *data;

  g_return_if_fail (RW_IS_CONTEXT (context));

  chooser = new_chooser (parent);
  data = g_new0 (ChooseData, 1);
  data->context = g_object_ref (context);
  g_set_weak_pointer (&data->parent, parent);
  g_signal_connect_data (chooser, "response", G_CALLBACK (first_chooser_response_cb), data,
                         choose_data_free, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

const char *
rw_import_window_get_state (RwImportWindow *self)
{
  g_return_val_if_fail (RW_IS_IMPORT_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

GtkSpinButton *
rw_import_window_get_mood_button (RwImportWindow *self,
                                  const char     *label)
{
  g_return_val_if_fail (RW_IS_IMPORT_WINDOW (self), NULL);

  for (guint i = 0; i < self->mood_rows->len; i++)
    {
      GObject *row = g_ptr_array_index (self->mood_rows, i);

      if (g_strcmp0 (g_object_get_data (row, "rw-mood-label"), label) == 0)
        return g_object_get_data (row, "rw-spin");
    }
  return NULL;
}

const char *
rw_import_window_get_message (RwImportWindow *self)
{
  const char *state;

  g_return_val_if_fail (RW_IS_IMPORT_WINDOW (self), NULL);

  state = rw_import_window_get_state (self);
  if (g_strcmp0 (state, "done") == 0)
    return adw_status_page_get_description (self->done_page);
  if (g_strcmp0 (state, "error") == 0)
    return adw_status_page_get_description (self->error_page);
  return NULL;
}
