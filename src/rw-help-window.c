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
 * plain window that can be closed at any time (Escape). The country is
 * the `help.country` action and is remembered in the settings.
 */
struct _RwHelpWindow
{
  AdwWindow parent_instance;

  /* Template widgets */
  AdwComboRow *country_row;
  GtkBox *groups_box;

  /* Owned */
  RwContext *context;
  RwCrisisDirectory *directory;
  char *country;
  gboolean ready;
};

G_DEFINE_FINAL_TYPE (RwHelpWindow, rw_help_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_COUNTRY,
  PROP_DIRECTORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * rw_country_row_setup:
 * @row: a combo row
 * @directory: the crisis services
 * @code: (nullable): the country to select
 *
 * Fills @row with every country of @directory and selects @code (or
 * "anywhere else").
 */
void
rw_country_row_setup (AdwComboRow       *row,
                      RwCrisisDirectory *directory,
                      const char        *code)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GPtrArray *codes = g_ptr_array_new_with_free_func (g_free);
  guint selected = 0;

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  for (guint i = 0; i < rw_crisis_directory_get_n_countries (directory); i++)
    {
      const RwCrisisCountry *country = rw_crisis_directory_get_country (directory, i);

      gtk_string_list_append (names, country->name);
      g_ptr_array_add (codes, g_strdup (country->code));
      if (code != NULL && g_ascii_strcasecmp (code, country->code) == 0)
        selected = i;
      else if ((code == NULL || *code == '\0') && g_str_equal (country->code, "INTL"))
        selected = i;
    }

  g_object_set_data_full (G_OBJECT (row), "rw-codes", codes, (GDestroyNotify) g_ptr_array_unref);
  adw_combo_row_set_model (row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (row, selected);
}

const char *
rw_country_row_get_code (AdwComboRow *row)
{
  GPtrArray *codes = g_object_get_data (G_OBJECT (row), "rw-codes");
  guint selected = adw_combo_row_get_selected (row);

  if (codes == NULL || selected >= codes->len)
    return "INTL";
  return g_ptr_array_index (codes, selected);
}

void
rw_country_row_select (AdwComboRow *row,
                       const char  *code)
{
  GPtrArray *codes = g_object_get_data (G_OBJECT (row), "rw-codes");

  for (guint i = 0; codes != NULL && i < codes->len; i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (codes, i), code) == 0)
      {
        if (adw_combo_row_get_selected (row) != i)
          adw_combo_row_set_selected (row, i);
        return;
      }
}

static GtkWidget *
make_number_label (const char *number,
                   const char *accessible_prefix)
{
  GtkWidget *label = gtk_label_new (number);
  g_autofree char *accessible = g_strdup_printf ("%s %s", accessible_prefix, number);

  /* Selectable, so a number can be copied; reached with Tab. */
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (label, GTK_ALIGN_END);
  gtk_widget_add_css_class (label, "crisis-number");
  gtk_widget_add_css_class (label, "title-3");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return label;
}

/**
 * rw_help_window_dup_check_line:
 * @service: a crisis service
 *
 * Returns: (transfer full): what the page says of the check of @service:
 *   its date and what it was compared with, only when the entry records a
 *   check; that it has not been verified otherwise
 */
char *
rw_help_window_dup_check_line (const RwCrisisService *service)
{
  const RwCrisisVerification *verified;

  g_return_val_if_fail (service != NULL, NULL);

  verified = service->verified;
  if (verified == NULL)
    /* TRANSLATORS: %s is the address of the service's own page. */
    return g_strdup_printf (_("Not yet verified against its source (%s)"), service->source);
  if (verified->copy_date != NULL)
    /* TRANSLATORS: "Checked on 2026-12-03 against https://… (a copy dated 2024-11-04)". */
    return g_strdup_printf (_("Checked on %s against %s (a copy dated %s)"),
                            verified->date, verified->against, verified->copy_date);
  /* TRANSLATORS: "Checked on 2026-12-03 against https://…". */
  return g_strdup_printf (_("Checked on %s against %s"), verified->date, verified->against);
}

static GtkWidget *
build_group (const RwCrisisCountry *country,
             gboolean               first)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *escaped = g_markup_escape_text (country->name, -1);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), escaped);
  if (first)
    gtk_widget_add_css_class (group, "crisis-first");
  g_object_set_data_full (G_OBJECT (group), "rw-code", g_strdup (country->code), g_free);

  for (guint i = 0; i < country->services->len; i++)
    {
      RwCrisisService *service = g_ptr_array_index (country->services, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *numbers = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      g_autofree char *subtitle = NULL;
      g_autofree char *escaped_name = g_markup_escape_text (service->name, -1);
      g_autofree char *escaped_how = g_markup_escape_text (service->how, -1);
      g_autofree char *escaped_url = service->url != NULL ? g_markup_escape_text (service->url, -1) : NULL;
      g_autofree char *check = NULL;
      g_autofree char *escaped_check = NULL;

      /* Rows use markup for title and subtitle alike: escape the data. */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_name);
      check = rw_help_window_dup_check_line (service);
      escaped_check = g_markup_escape_text (check, -1);
      subtitle = g_strdup_printf ("%s%s%s\n<small>%s</small>",
                                  escaped_how,
                                  escaped_url != NULL ? "\n" : "",
                                  escaped_url != NULL ? escaped_url : "",
                                  escaped_check);
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
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), numbers);
      else
        g_object_unref (g_object_ref_sink (numbers));

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  return group;
}

static void
rebuild (RwHelpWindow *self)
{
  g_autoptr(GPtrArray) countries = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);

  countries = rw_crisis_directory_list_for (self->directory, self->country);
  for (guint i = 0; i < countries->len; i++)
    gtk_box_append (self->groups_box, build_group (g_ptr_array_index (countries, i), i == 0));
}

static void
country_selected_cb (RwHelpWindow *self)
{
  /* Filling the row selects its first country: not a choice. */
  if (self->ready)
    rw_help_window_set_country (self, rw_country_row_get_code (self->country_row));
}

static void
rw_help_window_constructed (GObject *object)
{
  RwHelpWindow *self = (RwHelpWindow *)object;
  GSettings *settings;
  g_autofree char *code = NULL;

  G_OBJECT_CLASS (rw_help_window_parent_class)->constructed (object);

  g_assert (self->context != NULL);
  if (self->directory == NULL)
    self->directory = rw_crisis_directory_new_or_fallback ();
  settings = rw_context_get_settings (self->context);
  code = g_settings_get_string (settings, "country");
  if (*code == '\0')
    {
      g_free (code);
      code = rw_crisis_guess_country (NULL);
    }

  self->country = g_strdup (code);
  rw_country_row_setup (self->country_row, self->directory, code);
  rebuild (self);
  self->ready = TRUE;
}

static void
rw_help_window_dispose (GObject *object)
{
  RwHelpWindow *self = (RwHelpWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RW_TYPE_HELP_WINDOW);
  g_clear_object (&self->directory);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rw_help_window_parent_class)->dispose (object);
}

static void
rw_help_window_finalize (GObject *object)
{
  RwHelpWindow *self = (RwHelpWindow *)object;

  g_clear_pointer (&self->country, g_free);

  G_OBJECT_CLASS (rw_help_window_parent_class)->finalize (object);
}

static void
rw_help_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RwHelpWindow *self = RW_HELP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;
    case PROP_DIRECTORY:
      g_value_set_object (value, self->directory);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rw_help_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RwHelpWindow *self = RW_HELP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_COUNTRY:
      rw_help_window_set_country (self, g_value_get_string (value));
      break;
    case PROP_DIRECTORY:
      self->directory = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rw_help_window_class_init (RwHelpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rw_help_window_constructed;
  object_class->dispose = rw_help_window_dispose;
  object_class->finalize = rw_help_window_finalize;
  object_class->get_property = rw_help_window_get_property;
  object_class->set_property = rw_help_window_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, RW_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COUNTRY] =
    g_param_spec_string ("country", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The compiled-in list unless given (the tests give their own). */
  properties[PROP_DIRECTORY] =
    g_param_spec_object ("directory", NULL, NULL, RW_TYPE_CRISIS_DIRECTORY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rewire/Rewire/rw-help-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RwHelpWindow, country_row);
  gtk_widget_class_bind_template_child (widget_class, RwHelpWindow, groups_box);
  gtk_widget_class_bind_template_callback (widget_class, country_selected_cb);

  gtk_widget_class_install_property_action (widget_class, "help.country", "country");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rw_help_window_init (RwHelpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * rw_help_window_new:
 * @context: where the person's country is kept
 * @parent: (nullable): the window it belongs to
 *
 * Returns: (transfer full): the window; present it
 */
RwHelpWindow *
rw_help_window_new (RwContext *context,
                    GtkWindow *parent)
{
  g_return_val_if_fail (RW_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  /* In the application, so that its actions (app.safety-plan) reach the page. */
  return g_object_new (RW_TYPE_HELP_WINDOW, "context", context, "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
}

/**
 * rw_help_window_set_country:
 * @self: a #RwHelpWindow
 * @code: a country of the crisis list ("US", "INTL", ...)
 *
 * Shows @code's services first and remembers the choice (also the
 * `help.country` action).
 */
void
rw_help_window_set_country (RwHelpWindow *self,
                            const char   *code)
{
  g_return_if_fail (RW_IS_HELP_WINDOW (self));

  if (code == NULL || self->directory == NULL ||
      rw_crisis_directory_lookup (self->directory, code) == NULL)
    return;
  if (self->country != NULL && g_ascii_strcasecmp (code, self->country) == 0)
    return;

  g_free (self->country);
  self->country = g_strdup (code);
  rw_country_row_select (self->country_row, code);
  if (self->ready)
    {
      g_settings_set_string (rw_context_get_settings (self->context), "country", code);
      rebuild (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTRY]);
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
    g_strv_builder_add (builder, g_object_get_data (G_OBJECT (child), "rw-code"));

  return g_strv_builder_end (builder);
}
