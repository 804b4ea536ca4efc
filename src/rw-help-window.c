/* rw-help-window.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rw-help-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rw-help-window.h"

/**
 * RwHelpWindow:
 *
 * "Get help now": crisis services, the person's country first and every
 * other country below. It needs no network and blocks nothing: it is a
 * plain window that can be closed at any time.
 */
struct _RwHelpWindow
{
  AdwWindow parent_instance;

  /* Owned */
  GSettings *settings;
  RwCrisisDirectory *directory;
  char *code;

  /* Widgets */
  GtkBox *groups_box;
  AdwComboRow *country_row;
  GPtrArray *groups;
};

G_DEFINE_FINAL_TYPE (RwHelpWindow, rw_help_window, ADW_TYPE_WINDOW)

static void rebuild (RwHelpWindow *self);

/**
 * rw_country_row_new:
 * @directory: the crisis services
 * @code: (nullable): the country to select
 *
 * Returns: (transfer floating): a combo row listing every country
 */
AdwComboRow *
rw_country_row_new (RwCrisisDirectory *directory,
                    const char        *code)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GPtrArray *codes = g_ptr_array_new_with_free_func (g_free);
  guint selected = 0;

  for (guint i = 0; i < rw_crisis_directory_get_n_countries (directory); i++)
    {
      const RwCrisisCountry *country = rw_crisis_directory_get_country (directory, i);

      gtk_string_list_append (names, country->name);
      g_ptr_array_add (codes, g_strdup (country->code));
      if (code != NULL && g_ascii_strcasecmp (code, country->code) == 0)
        selected = i;
      else if (code == NULL && g_str_equal (country->code, "INTL"))
        selected = i;
    }

  g_object_set_data_full (G_OBJECT (row), "codes", codes, (GDestroyNotify) g_ptr_array_unref);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Your country"));
  adw_combo_row_set_model (row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (row, selected);
  return row;
}

const char *
rw_country_row_get_code (AdwComboRow *row)
{
  GPtrArray *codes = g_object_get_data (G_OBJECT (row), "codes");
  guint selected = adw_combo_row_get_selected (row);

  if (codes == NULL || selected >= codes->len)
    return "INTL";
  return g_ptr_array_index (codes, selected);
}

static GtkWidget *
make_number_label (const char *number,
                   const char *accessible_prefix)
{
  GtkWidget *label = gtk_label_new (number);
  g_autofree char *accessible = g_strdup_printf ("%s %s", accessible_prefix, number);

  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "crisis-number");
  gtk_widget_add_css_class (label, "title-3");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return label;
}

static GtkWidget *
build_group (RwHelpWindow          *self,
             const RwCrisisCountry *country,
             gboolean               first)
{
  GtkWidget *group = adw_preferences_group_new ();

  {
    g_autofree char *escaped = g_markup_escape_text (country->name, -1);
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), escaped);
  }
  if (first)
    gtk_widget_add_css_class (group, "crisis-first");
  g_object_set_data_full (G_OBJECT (group), "code", g_strdup (country->code), g_free);

  for (guint i = 0; i < country->services->len; i++)
    {
      RwCrisisService *service = g_ptr_array_index (country->services, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *numbers = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      g_autofree char *subtitle = NULL;
      g_autofree char *escaped_how = g_markup_escape_text (service->how, -1);
      g_autofree char *escaped_url = service->url != NULL ? g_markup_escape_text (service->url, -1) : NULL;
      g_autofree char *escaped_source = g_markup_escape_text (service->source, -1);

      g_autofree char *escaped_name = g_markup_escape_text (service->name, -1);

      /* Rows use markup for title and subtitle alike: escape the data. */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_name);
      subtitle = g_strdup_printf ("%s%s%s\n<small>%s %s · %s %s</small>",
                                  escaped_how,
                                  escaped_url != NULL ? "\n" : "",
                                  escaped_url != NULL ? escaped_url : "",
                                  _("Source:"), escaped_source,
                                  _("checked"), service->checked);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (row, "crisis-service");

      gtk_widget_set_valign (numbers, GTK_ALIGN_CENTER);
      if (service->phone != NULL)
        gtk_box_append (GTK_BOX (numbers), make_number_label (service->phone, _("Call")));
      if (service->phone_alt != NULL)
        gtk_box_append (GTK_BOX (numbers), make_number_label (service->phone_alt, _("or call")));
      if (service->text != NULL && g_strcmp0 (service->text, service->phone) != 0)
        gtk_box_append (GTK_BOX (numbers), make_number_label (service->text, _("Text")));
      if (gtk_widget_get_first_child (numbers) != NULL)
        {
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), numbers);
        }
      else
        {
          g_object_ref_sink (numbers);
          g_object_unref (numbers);
        }

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  return group;
}

static void
rebuild (RwHelpWindow *self)
{
  g_autoptr(GPtrArray) countries = NULL;

  for (guint i = 0; i < self->groups->len; i++)
    gtk_box_remove (self->groups_box, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);

  countries = rw_crisis_directory_list_for (self->directory, self->code);
  for (guint i = 0; i < countries->len; i++)
    {
      GtkWidget *group = build_group (self, g_ptr_array_index (countries, i), i == 0);

      gtk_box_append (self->groups_box, group);
      g_ptr_array_add (self->groups, group);
    }
}

static void
country_selected_cb (RwHelpWindow *self)
{
  const char *code = rw_country_row_get_code (self->country_row);

  if (g_strcmp0 (code, self->code) == 0)
    return;

  g_free (self->code);
  self->code = g_strdup (code);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "country", code);
  rebuild (self);
}

static void
rw_help_window_dispose (GObject *object)
{
  RwHelpWindow *self = (RwHelpWindow *)object;

  g_clear_object (&self->settings);
  g_clear_object (&self->directory);

  G_OBJECT_CLASS (rw_help_window_parent_class)->dispose (object);
}

static void
rw_help_window_finalize (GObject *object)
{
  RwHelpWindow *self = (RwHelpWindow *)object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->groups, g_ptr_array_unref);

  G_OBJECT_CLASS (rw_help_window_parent_class)->finalize (object);
}

static void
rw_help_window_class_init (RwHelpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rw_help_window_dispose;
  object_class->finalize = rw_help_window_finalize;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rw_help_window_init (RwHelpWindow *self)
{
  self->groups = g_ptr_array_new ();
}

static void
build (RwHelpWindow *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *intro = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *title = gtk_label_new (_("You Don’t Have to Face This Alone"));
  GtkWidget *body = gtk_label_new (_("If you might act on thoughts of harming yourself, or you "
                                     "are in danger now, call your local emergency number or one "
                                     "of the services below. They are free and confidential, and "
                                     "the people there want to hear from you."));
  GtkWidget *country_group = adw_preferences_group_new ();
  GtkWidget *footer = gtk_label_new (_("Rewire is not a crisis service and cannot contact "
                                       "anyone for you. The numbers were checked on the date "
                                       "shown; services can change."));

  gtk_window_set_title (GTK_WINDOW (self), _("Get Help Now"));
  gtk_window_set_default_size (GTK_WINDOW (self), 520, 720);
  gtk_widget_set_size_request (GTK_WIDGET (self), 320, 360);

  gtk_box_append (GTK_BOX (toolbar), header);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_box_append (GTK_BOX (toolbar), scrolled);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 600);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_justify (GTK_LABEL (title), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (title, "title-2");
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_justify (GTK_LABEL (body), GTK_JUSTIFY_CENTER);
  gtk_box_append (GTK_BOX (intro), title);
  gtk_box_append (GTK_BOX (intro), body);
  gtk_box_append (GTK_BOX (box), intro);

  self->country_row = rw_country_row_new (self->directory, self->code);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (country_group), GTK_WIDGET (self->country_row));
  g_signal_connect_object (self->country_row, "notify::selected",
                           G_CALLBACK (country_selected_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), country_group);

  self->groups_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 24));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->groups_box));

  gtk_label_set_wrap (GTK_LABEL (footer), TRUE);
  gtk_label_set_justify (GTK_LABEL (footer), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (footer, "dim-label");
  gtk_widget_add_css_class (footer, "caption");
  gtk_box_append (GTK_BOX (box), footer);

  adw_window_set_content (ADW_WINDOW (self), toolbar);
  rebuild (self);
}

/**
 * rw_help_window_new:
 * @parent: (nullable): the window it belongs to
 * @settings: (nullable): where the person's country is kept
 *
 * Returns: (transfer full): the window; present it
 */
RwHelpWindow *
rw_help_window_new (GtkWindow *parent,
                    GSettings *settings)
{
  RwHelpWindow *self;
  g_autoptr(GError) error = NULL;

  self = g_object_new (RW_TYPE_HELP_WINDOW, "transient-for", parent, NULL);
  self->directory = rw_crisis_directory_new (&error);
  if (self->directory == NULL)
    {
      /* Never happens with a good build; the page must still say something. */
      g_critical ("The compiled-in crisis list is damaged: %s", error->message);
      self->directory = rw_crisis_directory_new_from_data (
        "{\"countries\":[{\"code\":\"INTL\",\"name\":\"Anywhere\",\"services\":[{"
        "\"name\":\"Emergency services\",\"how\":\"Call your local emergency number.\","
        "\"url\":\"https://findahelpline.com\",\"source\":\"https://findahelpline.com\","
        "\"checked\":\"2026-11-22\"}]}]}", -1, NULL);
    }

  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      self->code = g_settings_get_string (settings, "country");
    }
  if (self->code == NULL || *self->code == '\0')
    {
      g_free (self->code);
      self->code = rw_crisis_guess_country (NULL);
    }

  build (self);
  return self;
}

void
rw_help_window_set_country (RwHelpWindow *self,
                            const char   *code)
{
  GPtrArray *codes;

  g_return_if_fail (RW_IS_HELP_WINDOW (self));
  g_return_if_fail (code != NULL);

  codes = g_object_get_data (G_OBJECT (self->country_row), "codes");
  for (guint i = 0; i < codes->len; i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (codes, i), code) == 0)
      adw_combo_row_set_selected (self->country_row, i);
}

/**
 * rw_help_window_dup_shown_countries:
 * @self: a #RwHelpWindow
 *
 * Returns: (transfer full): the country codes in the order shown
 */
char **
rw_help_window_dup_shown_countries (RwHelpWindow *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (RW_IS_HELP_WINDOW (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    g_strv_builder_add (builder, g_object_get_data (G_OBJECT (child), "code"));

  return g_strv_builder_end (builder);
}
