/* rw-welcome-window.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rw-welcome-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rw-help-window.h"
#include "rw-welcome-window.h"

/**
 * RwWelcomeWindow:
 *
 * The first run: what Rewire is and is not, where everything is kept,
 * and the person's country for crisis services (preselected from the
 * locale, changeable later in "Get help now"). Start (`welcome.start`,
 * Enter or Ctrl+Enter) and closing it (Escape) both keep the country and
 * mark the welcome as seen: it is not shown again.
 */
struct _RwWelcomeWindow
{
  AdwWindow parent_instance;

  /* Template widgets */
  GtkImage *logo;
  GtkWidget *start_button;
  GtkLabel *privacy_label;
  AdwComboRow *country_row;

  /* Owned */
  RwContext *context;
  RwCrisisDirectory *directory;
};

G_DEFINE_FINAL_TYPE (RwWelcomeWindow, rw_welcome_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
save_choices (RwWelcomeWindow *self)
{
  GSettings *settings = rw_context_get_settings (self->context);

  g_settings_set_string (settings, "country", rw_country_row_get_code (self->country_row));
  g_settings_set_boolean (settings, "welcome-done", TRUE);
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static gboolean
rw_welcome_window_close_request (GtkWindow *window)
{
  GtkWindowClass *parent_class = GTK_WINDOW_CLASS (rw_welcome_window_parent_class);

  save_choices (RW_WELCOME_WINDOW (window));
  return parent_class->close_request != NULL ? parent_class->close_request (window) : FALSE;
}

/* The focus starts on Start, not on the first control (the country). */
static void
rw_welcome_window_show (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (rw_welcome_window_parent_class)->show (widget);
  gtk_widget_grab_focus (RW_WELCOME_WINDOW (widget)->start_button);
}

static void
rw_welcome_window_constructed (GObject *object)
{
  RwWelcomeWindow *self = (RwWelcomeWindow *)object;
  GSettings *settings;
  g_autofree char *country = NULL;
  g_autofree char *privacy = NULL;

  G_OBJECT_CLASS (rw_welcome_window_parent_class)->constructed (object);

  g_assert (self->context != NULL);
  settings = rw_context_get_settings (self->context);

  privacy = g_strdup_printf (_("No account, no network, no tracking. What you write is kept "
                               "only on this computer, readable only by you, in %s."),
                             rw_journal_get_path (rw_context_get_journal (self->context)));
  gtk_label_set_label (self->privacy_label, privacy);

  country = g_settings_get_string (settings, "country");
  if (*country == '\0')
    {
      g_free (country);
      country = rw_crisis_guess_country (NULL);
    }
  rw_country_row_setup (self->country_row, self->directory, country);
}

static void
rw_welcome_window_dispose (GObject *object)
{
  RwWelcomeWindow *self = (RwWelcomeWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RW_TYPE_WELCOME_WINDOW);
  g_clear_object (&self->directory);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rw_welcome_window_parent_class)->dispose (object);
}

static void
rw_welcome_window_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RwWelcomeWindow *self = RW_WELCOME_WINDOW (object);

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
rw_welcome_window_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RwWelcomeWindow *self = RW_WELCOME_WINDOW (object);

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
rw_welcome_window_class_init (RwWelcomeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = rw_welcome_window_constructed;
  object_class->dispose = rw_welcome_window_dispose;
  object_class->get_property = rw_welcome_window_get_property;
  object_class->set_property = rw_welcome_window_set_property;
  widget_class->show = rw_welcome_window_show;
  window_class->close_request = rw_welcome_window_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, RW_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rewire/Rewire/rw-welcome-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RwWelcomeWindow, logo);
  gtk_widget_class_bind_template_child (widget_class, RwWelcomeWindow, start_button);
  gtk_widget_class_bind_template_child (widget_class, RwWelcomeWindow, privacy_label);
  gtk_widget_class_bind_template_child (widget_class, RwWelcomeWindow, country_row);

  gtk_widget_class_install_action (widget_class, "welcome.start", NULL, start_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "welcome.start", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "welcome.start", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rw_welcome_window_init (RwWelcomeWindow *self)
{
  self->directory = rw_crisis_directory_new_or_fallback ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_image_set_from_icon_name (self->logo, APP_ID);
}

/**
 * rw_welcome_window_new:
 * @context: where "welcome-done" and "country" are kept, and the journal
 *   whose place is shown
 * @parent: (nullable): the main window (it is modal to it)
 *
 * Returns: (transfer full): the window; present it
 */
RwWelcomeWindow *
rw_welcome_window_new (RwContext *context,
                       GtkWindow *parent)
{
  g_return_val_if_fail (RW_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (RW_TYPE_WELCOME_WINDOW,
                       "context", context,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
}

AdwComboRow *
rw_welcome_window_get_country_row (RwWelcomeWindow *self)
{
  g_return_val_if_fail (RW_IS_WELCOME_WINDOW (self), NULL);
  return self->country_row;
}
