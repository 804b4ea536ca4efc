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
 * locale, changeable later in "Get help now").
 */
struct _RwWelcomeWindow
{
  AdwWindow parent_instance;

  GSettings *settings;
  RwCrisisDirectory *directory;
  AdwComboRow *country_row;
};

G_DEFINE_FINAL_TYPE (RwWelcomeWindow, rw_welcome_window, ADW_TYPE_WINDOW)

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RwWelcomeWindow *self = RW_WELCOME_WINDOW (widget);

  if (self->settings != NULL)
    {
      g_settings_set_string (self->settings, "country", rw_country_row_get_code (self->country_row));
      g_settings_set_boolean (self->settings, "welcome-done", TRUE);
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
rw_welcome_window_dispose (GObject *object)
{
  RwWelcomeWindow *self = (RwWelcomeWindow *)object;

  g_clear_object (&self->settings);
  g_clear_object (&self->directory);

  G_OBJECT_CLASS (rw_welcome_window_parent_class)->dispose (object);
}

static void
rw_welcome_window_class_init (RwWelcomeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rw_welcome_window_dispose;

  gtk_widget_class_install_action (widget_class, "welcome.start", NULL, start_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "welcome.start", NULL);
}

static void
rw_welcome_window_init (RwWelcomeWindow *self)
{
}

static GtkWidget *
make_point (const char *icon_name,
            const char *title,
            const char *text)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *body = gtk_label_new (text);

  gtk_image_set_pixel_size (GTK_IMAGE (icon), 24);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, "welcome-icon");
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_selectable (GTK_LABEL (body), TRUE);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), heading);
  gtk_box_append (GTK_BOX (texts), body);
  gtk_box_append (GTK_BOX (row), icon);
  gtk_box_append (GTK_BOX (row), texts);
  return row;
}

/**
 * rw_welcome_window_new:
 * @parent: (nullable): the main window
 * @settings: (nullable): where "welcome-done" and "country" are kept
 * @journal_path: the journal file, shown so people know where it is
 *
 * Returns: (transfer full): the window; present it
 */
RwWelcomeWindow *
rw_welcome_window_new (GtkWindow  *parent,
                       GSettings  *settings,
                       const char *journal_path)
{
  RwWelcomeWindow *self;
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 20);
  GtkWidget *logo = gtk_image_new_from_icon_name (APP_ID);
  GtkWidget *title = gtk_label_new (_("Welcome to Rewire"));
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *start = gtk_button_new_with_mnemonic (_("_Start"));
  g_autofree char *privacy = NULL;
  g_autofree char *country = NULL;
  g_autoptr(GError) error = NULL;

  self = g_object_new (RW_TYPE_WELCOME_WINDOW, "transient-for", parent, "modal", parent != NULL,
                       NULL);
  if (settings != NULL)
    self->settings = g_object_ref (settings);
  self->directory = rw_crisis_directory_new (&error);
  g_assert (self->directory != NULL);

  gtk_window_set_title (GTK_WINDOW (self), _("Welcome"));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 720);
  gtk_widget_set_size_request (GTK_WIDGET (self), 320, 360);

  gtk_box_append (GTK_BOX (content), header);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_box_append (GTK_BOX (content), scrolled);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 520);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);

  gtk_image_set_pixel_size (GTK_IMAGE (logo), 96);
  gtk_accessible_update_state (GTK_ACCESSIBLE (logo), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (box), logo);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "title-1");
  gtk_box_append (GTK_BOX (box), title);

  gtk_box_append (GTK_BOX (box),
                  make_point ("document-edit-symbolic", _("A journal that takes seconds"),
                              _("Check in on your mood, anxiety, focus, hope, energy and "
                                "sleep, see how things change over weeks, read what "
                                "ketamine-assisted therapy can and cannot do, and try a "
                                "gentle 7-day plan. Missed days are fine.")));
  gtk_box_append (GTK_BOX (box),
                  make_point ("dialog-information-symbolic", _("Not medical advice"),
                              _("Rewire does not diagnose or treat anything and does not "
                                "replace your care team. Talk to your clinician about your "
                                "treatment; your charts can help that conversation.")));
  privacy = g_strdup_printf (_("No account, no network, no tracking. What you write is kept "
                               "only on this computer, readable only by you, in %s."),
                             journal_path != NULL ? journal_path : "~/.local/share/rewire");
  gtk_box_append (GTK_BOX (box),
                  make_point ("dialog-password-symbolic", _("Private by design"), privacy));

  if (settings != NULL)
    country = g_settings_get_string (settings, "country");
  if (country == NULL || *country == '\0')
    {
      g_free (country);
      country = rw_crisis_guess_country (NULL);
    }
  self->country_row = rw_country_row_new (self->directory, country);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->country_row),
                               _("For the “Get help now” page; change it there any time"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->country_row));
  gtk_box_append (GTK_BOX (box), group);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (start), "welcome.start");
  gtk_widget_set_halign (start, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (start, "suggested-action");
  gtk_widget_add_css_class (start, "pill");
  gtk_box_append (GTK_BOX (box), start);

  adw_window_set_content (ADW_WINDOW (self), content);
  gtk_window_set_default_widget (GTK_WINDOW (self), start);
  /* Start with the focus on Start, not on the first selectable text
   * (which would show it all selected). */
  gtk_window_set_focus (GTK_WINDOW (self), start);
  return self;
}

AdwComboRow *
rw_welcome_window_get_country_row (RwWelcomeWindow *self)
{
  g_return_val_if_fail (RW_IS_WELCOME_WINDOW (self), NULL);
  return self->country_row;
}
