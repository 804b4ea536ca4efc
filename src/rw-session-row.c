/* rw-session-row.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rw-session-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rw-session-row.h"

/**
 * RwSessionRow:
 *
 * One session of the log: when, phase, route and provider, whether it
 * is scheduled or done, and what the person wrote of it after (intensity,
 * side effects). Activating it edits it; its menu marks it done or
 * deletes it (the journal page's actions).
 */
struct _RwSessionRow
{
  AdwActionRow parent_instance;

  /* Template widgets */
  GtkImage *icon;
  GtkLabel *state_label;
  GtkMenuButton *menu_button;

  /* Owned */
  RwSession *session;
};

G_DEFINE_FINAL_TYPE (RwSessionRow, rw_session_row, ADW_TYPE_ACTION_ROW)

/**
 * rw_session_dup_when:
 * @session: a session
 * @today: today
 *
 * Returns: (transfer full): "Tuesday 8 December, 10:00"
 */
char *
rw_session_dup_when (RwSession *session,
                     guint32    today)
{
  guint32 day = rw_date_from_iso (rw_session_get_date (session));
  g_autofree char *date = day != 0 ? rw_date_format_friendly (day, today)
                                   : g_strdup (rw_session_get_date (session));

  if (rw_session_get_time (session) == NULL)
    return g_steal_pointer (&date);
  /* Translators: a day and a time, "Tuesday 8 December, 10:00" */
  return g_strdup_printf (_("%s, %s"), date, rw_session_get_time (session));
}

/**
 * rw_session_dup_summary:
 * @session: a session
 *
 * Returns: (transfer full): what the person wrote after it, "Intensity
 *   6 · Detached 4 · Nausea, Headache", or "" when nothing yet
 */
char *
rw_session_dup_summary (RwSession *session)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) effects = g_string_new (NULL);
  RwSideEffects flags = rw_session_get_side_effects (session);

  if (rw_session_get_intensity (session) != RW_SESSION_UNSET)
    g_ptr_array_add (parts, g_strdup_printf (_("Intensity %d"), rw_session_get_intensity (session)));
  if (rw_session_get_detached (session) != RW_SESSION_UNSET)
    g_ptr_array_add (parts, g_strdup_printf (_("Detached %d"), rw_session_get_detached (session)));
  for (guint i = 0; i < RW_N_SIDE_EFFECTS; i++)
    {
      RwSideEffects flag = 1 << i;
      const char *label = rw_side_effect_get_label (flag);

      if ((flags & flag) == 0)
        continue;
      if (flag == RW_SIDE_EFFECT_OTHER && *rw_session_get_side_effects_other (session) != '\0')
        label = rw_session_get_side_effects_other (session);
      if (effects->len > 0)
        g_string_append (effects, ", ");
      g_string_append (effects, label);
    }
  if (effects->len > 0)
    g_ptr_array_add (parts, g_string_free (g_steal_pointer (&effects), FALSE));
  else if (rw_session_get_done (session) && parts->len > 0)
    g_ptr_array_add (parts, g_strdup (_("No side effects noted")));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
rw_session_row_dispose (GObject *object)
{
  RwSessionRow *self = (RwSessionRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RW_TYPE_SESSION_ROW);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (rw_session_row_parent_class)->dispose (object);
}

static void
rw_session_row_class_init (RwSessionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rw_session_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rewire/Rewire/rw-session-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RwSessionRow, icon);
  gtk_widget_class_bind_template_child (widget_class, RwSessionRow, state_label);
  gtk_widget_class_bind_template_child (widget_class, RwSessionRow, menu_button);
}

static void
rw_session_row_init (RwSessionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
show_session (RwSessionRow *self,
              guint32       today)
{
  RwSession *session = self->session;
  const char *id = rw_session_get_id (session);
  guint32 day = rw_date_from_iso (rw_session_get_date (session));
  gboolean done = rw_session_get_done (session);
  g_autofree char *when = rw_session_dup_when (session, today);
  g_autofree char *summary = rw_session_dup_summary (session);
  g_autofree char *subtitle = NULL;
  g_autofree char *menu_label = NULL;
  g_autoptr(GString) what = g_string_new (rw_session_phase_get_label (rw_session_get_phase (session)));
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;
  const char *state;

  g_string_append (what, " · ");
  g_string_append (what, rw_session_route_get_label (rw_session_get_route (session)));
  if (*rw_session_get_provider (session) != '\0')
    {
      g_string_append (what, " · ");
      g_string_append (what, rw_session_get_provider (session));
    }
  subtitle = *summary != '\0' ? g_strdup_printf ("%s\n%s", what->str, summary)
                              : g_strdup (what->str);

  if (done)
    state = _("Done");
  else if (day >= today)
    state = _("Scheduled");
  else
    state = _("Not marked done");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), when);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  gtk_label_set_label (self->state_label, state);
  gtk_image_set_from_icon_name (self->icon, done ? "emblem-ok-symbolic" : "alarm-symbolic");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self), g_variant_new_string (id));

  item = g_menu_item_new (_("_Edit"), NULL);
  g_menu_item_set_action_and_target_value (item, "journal.edit-session", g_variant_new_string (id));
  g_menu_append_item (menu, item);
  g_clear_object (&item);
  item = g_menu_item_new (done ? _("Mark as _Not Done") : _("Mark as _Done"), NULL);
  g_menu_item_set_action_and_target_value (item, done ? "journal.mark-session-not-done"
                                                      : "journal.mark-session-done",
                                           g_variant_new_string (id));
  g_menu_append_item (menu, item);
  g_clear_object (&item);
  item = g_menu_item_new (_("_Delete"), NULL);
  g_menu_item_set_action_and_target_value (item, "journal.delete-session", g_variant_new_string (id));
  g_menu_append_item (menu, item);
  gtk_menu_button_set_menu_model (self->menu_button, G_MENU_MODEL (menu));
  /* Translators: %s is when a session is, "Tuesday 8 December, 10:00" */
  menu_label = g_strdup_printf (_("More about the session of %s"), when);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  menu_label, -1);
}

/**
 * rw_session_row_new:
 * @session: the session it shows
 * @today: today, for "Scheduled" and "Tomorrow"
 *
 * Returns: (transfer floating): a row
 */
GtkWidget *
rw_session_row_new (RwSession *session,
                    guint32    today)
{
  RwSessionRow *self;

  g_return_val_if_fail (RW_IS_SESSION (session), NULL);

  self = g_object_new (RW_TYPE_SESSION_ROW, NULL);
  self->session = g_object_ref (session);
  show_session (self, today);
  return GTK_WIDGET (self);
}

RwSession *
rw_session_row_get_session (RwSessionRow *self)
{
  g_return_val_if_fail (RW_IS_SESSION_ROW (self), NULL);
  return self->session;
}

/**
 * rw_session_row_get_state:
 * @self: a #RwSessionRow
 *
 * Returns: what the row says of the session: "Done", "Scheduled" or
 *   "Not marked done"
 */
const char *
rw_session_row_get_state (RwSessionRow *self)
{
  g_return_val_if_fail (RW_IS_SESSION_ROW (self), NULL);
  return gtk_label_get_label (self->state_label);
}
