/* rw-preferences-window.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rw-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rw-core.h"
#include "rw-help-window.h"
#include "rw-preferences-window.h"

/**
 * RwPreferencesWindow:
 *
 * Style, the range Trends opens on, the reminders, the backups and the
 * country for crisis lines, each row bound to its GSettings key. Turning
 * a reminder on writes and enables its systemd user timer
 * (rw_reminder_enable_async()); off disables and removes it. Where no
 * systemd user manager runs, the reminder rows say so and stay
 * insensitive.
 */
struct _RwPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* Owned */
  RwContext *context;
  RwCrisisDirectory *directory;
  GtkFileChooserNative *chooser;
  GCancellable *cancellables[2];   /* by RwReminderKind */
  guint busy;                      /* systemctl runs under way */
  gboolean undoing[2];             /* turning off after a failed turn-on */

  /* Template widgets */
  AdwComboRow *style_row;
  AdwComboRow *range_row;
  AdwPreferencesGroup *reminders_group;
  AdwActionRow *reminder_row;
  GtkSwitch *reminder_switch;
  AdwActionRow *time_row;
  GtkSpinButton *hour_spin;
  GtkSpinButton *minute_spin;
  AdwActionRow *questionnaire_row;
  GtkSwitch *questionnaire_switch;
  GtkSwitch *backups_switch;
  AdwActionRow *folder_row;
  GtkButton *clear_folder_button;
  AdwComboRow *country_row;
};

G_DEFINE_FINAL_TYPE (RwPreferencesWindow, rw_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const style_names[] = { "system", "light", "dark" };
static const char * const range_names[] = { "7d", "30d", "90d", "1y", "all" };

/* A string key with choices <-> the index of a combo row. */
static gboolean
choice_to_selected (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const char * const *names = user_data;
  const char *name = g_variant_get_string (variant, NULL);

  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], name))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
selected_to_choice (const GValue       *value,
                    const GVariantType *type,
                    gpointer            user_data)
{
  const char * const *names = user_data;
  guint selected = g_value_get_uint (value);

  if (selected >= g_strv_length ((char **) names))
    return NULL;
  return g_variant_new_string (names[selected]);
}

static AdwColorScheme
scheme_for (const char *style)
{
  if (g_str_equal (style, "light"))
    return ADW_COLOR_SCHEME_FORCE_LIGHT;
  if (g_str_equal (style, "dark"))
    return ADW_COLOR_SCHEME_FORCE_DARK;
  return ADW_COLOR_SCHEME_DEFAULT;
}

static void
style_changed_cb (GSettings  *settings,
                  const char *key,
                  gpointer    user_data)
{
  g_autofree char *style = g_settings_get_string (settings, "style");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme_for (style));
}

/**
 * rw_preferences_bind_style:
 * @settings: the app's settings
 *
 * Applies the "style" preference to libadwaita's style manager now and
 * whenever it changes, for as long as @settings lives.
 */
void
rw_preferences_bind_style (GSettings *settings)
{
  g_return_if_fail (G_IS_SETTINGS (settings));

  g_signal_connect (settings, "changed::style", G_CALLBACK (style_changed_cb), NULL);
  style_changed_cb (settings, "style", NULL);
}

static void
set_busy (RwPreferencesWindow *self,
          gboolean             more)
{
  if (more)
    self->busy++;
  else
    {
      g_assert (self->busy > 0);
      self->busy--;
    }
  if (self->busy <= 1)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_error (RwPreferencesWindow *self,
            const GError        *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 0);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static void
reminder_done (RwPreferencesWindow *self,
               RwReminderKind       kind,
               GAsyncResult        *result)
{
  g_autoptr(GError) error = NULL;
  gboolean enabling = g_task_get_source_tag (G_TASK (result)) == rw_reminder_enable_async;
  gboolean ok = enabling ? rw_reminder_enable_finish (result, &error)
                         : rw_reminder_disable_finish (result, &error);
  gboolean undoing = !enabling && self->undoing[kind];

  set_busy (self, FALSE);
  if (!enabling)
    self->undoing[kind] = FALSE;
  if (self->context == NULL)   /* closed meanwhile */
    return;
  if (ok || undoing || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* The switch does not stay on for a timer that does not run; what is
   * left of it goes, quietly (the same failure would be told twice). */
  if (enabling)
    {
      self->undoing[kind] = TRUE;
      g_settings_set_boolean (rw_context_get_settings (self->context),
                              kind == RW_REMINDER_DAILY ? "reminder" : "questionnaire-reminder",
                              FALSE);
    }

  {
    g_autoptr(GError) told = g_error_new (error->domain, error->code,
                                          enabling ? _("The reminder could not be turned on. %s")
                                                   : _("The reminder could not be turned off "
                                                       "completely. %s"),
                                          error->message);
    show_error (self, told);
  }
}

static void
daily_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(RwPreferencesWindow) self = user_data;
  reminder_done (self, RW_REMINDER_DAILY, result);
}

static void
questionnaire_done_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(RwPreferencesWindow) self = user_data;
  reminder_done (self, RW_REMINDER_QUESTIONNAIRE, result);
}

/* The timer of @kind as the settings say: on at the time, or off. */
static void
apply_reminder (RwPreferencesWindow *self,
                RwReminderKind       kind)
{
  GSettings *settings = rw_context_get_settings (self->context);
  const char *key = kind == RW_REMINDER_DAILY ? "reminder" : "questionnaire-reminder";
  GAsyncReadyCallback done = kind == RW_REMINDER_DAILY ? daily_done_cb : questionnaire_done_cb;
  GCancellable *cancellable;

  g_cancellable_cancel (self->cancellables[kind]);
  g_clear_object (&self->cancellables[kind]);
  cancellable = self->cancellables[kind] = g_cancellable_new ();

  set_busy (self, TRUE);
  if (g_settings_get_boolean (settings, key))
    {
      g_autofree char *binary = rw_reminder_dup_binary ();
      RwJournal *journal = rw_context_get_journal (self->context);
      g_autofree char *data_dir = g_path_get_dirname (rw_journal_get_path (journal));
      g_autofree char *standard = rw_journal_resolve_data_dir (NULL);

      rw_reminder_enable_async (kind, binary,
                                g_strcmp0 (data_dir, standard) != 0 ? data_dir : NULL,
                                g_settings_get_int (settings, "reminder-hour"),
                                g_settings_get_int (settings, "reminder-minute"),
                                cancellable, done, g_object_ref (self));
    }
  else
    rw_reminder_disable_async (kind, cancellable, done, g_object_ref (self));
}

static void
reminder_changed_cb (RwPreferencesWindow *self,
                     const char          *key)
{
  apply_reminder (self, g_str_equal (key, "questionnaire-reminder")
                        ? RW_REMINDER_QUESTIONNAIRE : RW_REMINDER_DAILY);
}

/* The time moves both timers that are on. */
static void
time_changed_cb (RwPreferencesWindow *self,
                 const char          *key)
{
  GSettings *settings = rw_context_get_settings (self->context);

  if (g_settings_get_boolean (settings, "reminder"))
    apply_reminder (self, RW_REMINDER_DAILY);
  if (g_settings_get_boolean (settings, "questionnaire-reminder"))
    apply_reminder (self, RW_REMINDER_QUESTIONNAIRE);
}

static gboolean
time_output_cb (GtkSpinButton *spin)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
update_folder (RwPreferencesWindow *self)
{
  g_autofree char *folder = g_settings_get_string (rw_context_get_settings (self->context),
                                                   "backup-folder-2");

  adw_action_row_set_subtitle (self->folder_row,
                               folder[0] != '\0' ? folder
                                                 : _("None: the backups stay on this disk only"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.clear-folder", folder[0] != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->clear_folder_button), folder[0] != '\0');
}

static void
chooser_response_cb (GtkNativeDialog     *chooser,
                     int                  response,
                     RwPreferencesWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        g_settings_set_string (rw_context_get_settings (self->context), "backup-folder-2", path);
    }
  g_clear_object (&self->chooser);
}

static void
choose_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RwPreferencesWindow *self = RW_PREFERENCES_WINDOW (widget);

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Second Folder for Backups"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                               _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
clear_folder_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RwPreferencesWindow *self = RW_PREFERENCES_WINDOW (widget);

  g_settings_set_string (rw_context_get_settings (self->context), "backup-folder-2", "");
}

static void
country_selected_cb (RwPreferencesWindow *self)
{
  GSettings *settings = rw_context_get_settings (self->context);
  g_autofree char *saved = g_settings_get_string (settings, "country");
  const char *code = rw_country_row_get_code (self->country_row);

  if (g_strcmp0 (saved, code) != 0)
    g_settings_set_string (settings, "country", code);
}

static void
country_changed_cb (RwPreferencesWindow *self)
{
  g_autofree char *code = g_settings_get_string (rw_context_get_settings (self->context), "country");

  if (code[0] != '\0')
    rw_country_row_select (self->country_row, code);
}

/* No user manager: a timer would never run. The rows say so and stay
 * off, whatever the settings say. */
static void
setup_reminders (RwPreferencesWindow *self)
{
  GSettings *settings = rw_context_get_settings (self->context);

  g_settings_bind (settings, "reminder-hour", self->hour_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "reminder-minute", self->minute_spin, "value", G_SETTINGS_BIND_DEFAULT);
  if (!rw_reminder_has_user_manager ())
    {
      /* Said above the rows, at full contrast: insensitive rows are dim. */
      adw_preferences_group_set_description (self->reminders_group,
                                             _("Reminders need a systemd user session, which is "
                                               "not running here, so they cannot be turned on."));
      gtk_widget_set_sensitive (GTK_WIDGET (self->reminder_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->time_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->questionnaire_row), FALSE);
      return;
    }

  g_settings_bind (settings, "reminder", self->reminder_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "reminder", self->time_row, "sensitive", G_SETTINGS_BIND_GET);
  g_settings_bind (settings, "questionnaire-reminder", self->questionnaire_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (settings, "changed::reminder", G_CALLBACK (reminder_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::questionnaire-reminder",
                           G_CALLBACK (reminder_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::reminder-hour", G_CALLBACK (time_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::reminder-minute", G_CALLBACK (time_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
rw_preferences_window_constructed (GObject *object)
{
  RwPreferencesWindow *self = RW_PREFERENCES_WINDOW (object);
  GSettings *settings;
  g_autofree char *country = NULL;

  G_OBJECT_CLASS (rw_preferences_window_parent_class)->constructed (object);

  g_assert (self->context != NULL);
  settings = rw_context_get_settings (self->context);

  g_settings_bind_with_mapping (settings, "style", self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, choice_to_selected, selected_to_choice,
                                (gpointer) style_names, NULL);
  g_settings_bind_with_mapping (settings, "chart-range", self->range_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, choice_to_selected, selected_to_choice,
                                (gpointer) range_names, NULL);
  g_settings_bind (settings, "automatic-backups", self->backups_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  setup_reminders (self);

  g_signal_connect_object (settings, "changed::backup-folder-2", G_CALLBACK (update_folder), self,
                           G_CONNECT_SWAPPED);
  update_folder (self);

  country = g_settings_get_string (settings, "country");
  if (country[0] == '\0')
    {
      g_free (country);
      country = rw_crisis_guess_country (NULL);
    }
  rw_country_row_setup (self->country_row, self->directory, country);
  g_signal_connect_object (self->country_row, "notify::selected", G_CALLBACK (country_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::country", G_CALLBACK (country_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
rw_preferences_window_dispose (GObject *object)
{
  RwPreferencesWindow *self = RW_PREFERENCES_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  /* The systemctl runs under way finish: a timer half set up is worse. */
  for (guint i = 0; i < G_N_ELEMENTS (self->cancellables); i++)
    g_clear_object (&self->cancellables[i]);
  gtk_widget_dispose_template (GTK_WIDGET (self), RW_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->directory);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rw_preferences_window_parent_class)->dispose (object);
}

static void
rw_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RwPreferencesWindow *self = RW_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, rw_preferences_window_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rw_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  RwPreferencesWindow *self = RW_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_assert (self->context == NULL);
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rw_preferences_window_class_init (RwPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rw_preferences_window_constructed;
  object_class->dispose = rw_preferences_window_dispose;
  object_class->get_property = rw_preferences_window_get_property;
  object_class->set_property = rw_preferences_window_set_property;

  /**
   * RwPreferencesWindow:context:
   *
   * Where the settings and the journal are.
   */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, RW_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * RwPreferencesWindow:busy:
   *
   * Whether systemctl is still setting a reminder's timer up or down.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rewire/Rewire/rw-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RwPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, RwPreferencesWindow, range_row);
  gtk_widget_class_bind_template_child (widget_class, RwPreferencesWindow, reminders_group);
  gtk_widget_class_bind_template_child (widget_class, RwPreferencesWindow, reminder_row);
  gtk_widget_class_bind_template_child (widget_class, RwPreferencesWindow, reminder_switch);
  gtk_widget_class_bind_template_child (widget_class, RwPreferencesWindow, time_row);
  gtk_widget_class_bind_template_child (widget_class, RwPreferencesWindow, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, RwPreferencesWindow, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, RwPreferencesWindow, questionnaire_row);
  gtk_widget_class_bind_template_child (widget_class, RwPreferencesWindow, questionnaire_switch);
  gtk_widget_class_bind_template_child (widget_class, RwPreferencesWindow, backups_switch);
  gtk_widget_class_bind_template_child (widget_class, RwPreferencesWindow, folder_row);
  gtk_widget_class_bind_template_child (widget_class, RwPreferencesWindow, clear_folder_button);
  gtk_widget_class_bind_template_child (widget_class, RwPreferencesWindow, country_row);
  gtk_widget_class_bind_template_callback (widget_class, time_output_cb);

  gtk_widget_class_install_action (widget_class, "prefs.choose-folder", NULL, choose_folder_action);
  gtk_widget_class_install_action (widget_class, "prefs.clear-folder", NULL, clear_folder_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rw_preferences_window_init (RwPreferencesWindow *self)
{
  self->directory = rw_crisis_directory_new_or_fallback ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * rw_preferences_window_new:
 * @context: the settings and the journal
 * @parent: (nullable): the window it is over
 *
 * Returns: (transfer floating): the window
 */
RwPreferencesWindow *
rw_preferences_window_new (RwContext *context,
                           GtkWindow *parent)
{
  g_return_val_if_fail (RW_IS_CONTEXT (context), NULL);

  return g_object_new (RW_TYPE_PREFERENCES_WINDOW,
                       "context", context,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
}

/**
 * rw_preferences_window_present:
 * @context: the settings and the journal
 * @parent: (nullable): the window it is asked from
 *
 * Shows the preferences open already, or new ones over @parent.
 */
void
rw_preferences_window_present (RwContext *context,
                               GtkWindow *parent)
{
  GtkApplication *app = parent != NULL ? gtk_window_get_application (parent) : NULL;

  g_return_if_fail (RW_IS_CONTEXT (context));

  for (GList *l = app != NULL ? gtk_application_get_windows (app) : NULL; l != NULL; l = l->next)
    if (RW_IS_PREFERENCES_WINDOW (l->data))
      {
        gtk_window_present (l->data);
        return;
      }
  gtk_window_present (GTK_WINDOW (rw_preferences_window_new (context, parent)));
}

/**
 * rw_preferences_window_get_busy:
 * @self: a #RwPreferencesWindow
 *
 * Returns: whether a reminder's timer is still being set up or down
 */
gboolean
rw_preferences_window_get_busy (RwPreferencesWindow *self)
{
  g_return_val_if_fail (RW_IS_PREFERENCES_WINDOW (self), FALSE);
  return self->busy > 0;
}
