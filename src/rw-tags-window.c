/* rw-tags-window.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rw-tags-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rw-tags-window.h"

/**
 * RwTagsWindow:
 *
 * Manage tags: the journal's tag list with how many check-ins carry each.
 * Rename one by editing its name (`tags.rename`; a name already in use
 * merges the two, after asking: `tags.merge`), or delete it
 * (`tags.delete`, after asking; the check-ins stay, only the tag goes).
 * The list follows the journal, so it shows the result of each change.
 */
struct _RwTagsWindow
{
  AdwWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay *toasts;
  GtkListBox *list;

  /* Owned */
  RwContext *context;
  AdwMessageDialog *dialog;    /* the open confirmation, if any */
};

G_DEFINE_FINAL_TYPE (RwTagsWindow, rw_tags_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static RwJournal *
get_journal (RwTagsWindow *self)
{
  return rw_context_get_journal (self->context);
}

static const char *
row_tag (AdwEntryRow *row)
{
  return g_object_get_data (G_OBJECT (row), "rw-tag");
}

static void
show_error (RwTagsWindow *self,
            const GError *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

/* The tag in the list with @name, whatever its case. */
static RwTag *
find_tag (RwTagsWindow *self,
          const char   *name)
{
  GListModel *tags = G_LIST_MODEL (rw_journal_get_tags (get_journal (self)));
  g_autofree char *folded = g_utf8_casefold (name, -1);

  for (guint i = 0; i < g_list_model_get_n_items (tags); i++)
    {
      g_autoptr(RwTag) tag = g_list_model_get_item (tags, i);
      g_autofree char *other = g_utf8_casefold (rw_tag_get_name (tag), -1);

      if (g_str_equal (folded, other))
        return g_steal_pointer (&tag);
    }
  return NULL;
}

static AdwEntryRow *
find_row (RwTagsWindow *self,
          const char   *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (ADW_IS_ENTRY_ROW (child) && g_strcmp0 (row_tag (ADW_ENTRY_ROW (child)), name) == 0)
      return ADW_ENTRY_ROW (child);
  return NULL;
}

/* Puts the stored name back in the row (a refused or cancelled rename). */
static void
reset_row (RwTagsWindow *self,
           const char   *name)
{
  AdwEntryRow *row = find_row (self, name);

  if (row != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), name);
}

static void
dialog_destroyed_cb (RwTagsWindow *self)
{
  self->dialog = NULL;
}

static AdwMessageDialog *
confirm (RwTagsWindow *self,
         const char   *heading,
         const char   *body,
         const char   *response,
         const char   *response_label,
         GCallback     callback,
         char        **names)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), response, response_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, response,
                                              g_str_equal (response, "delete")
                                                ? ADW_RESPONSE_DESTRUCTIVE
                                                : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "rw-names", names, (GDestroyNotify) g_strfreev);
  g_signal_connect_object (dialog, "response", callback, self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (dialog_destroyed_cb), self, G_CONNECT_SWAPPED);
  self->dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
merge_response_cb (RwTagsWindow     *self,
                   const char       *response,
                   AdwMessageDialog *dialog)
{
  char **names = g_object_get_data (G_OBJECT (dialog), "rw-names");

  if (g_str_equal (response, "merge"))
    gtk_widget_activate_action (GTK_WIDGET (self), "tags.merge", "(ss)", names[0], names[1]);
  else
    reset_row (self, names[0]);
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RwTagsWindow *self = RW_TAGS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(RwTag) existing = NULL;
  g_autofree char *to = NULL;
  const char *from, *text;

  g_variant_get (parameter, "(&s&s)", &from, &text);
  to = rw_normalize_tag (text);
  if (to == NULL || !rw_validate_tag (to, &error))
    {
      if (error != NULL)
        show_error (self, error);
      reset_row (self, from);
      return;
    }
  if (g_str_equal (to, from))
    {
      reset_row (self, from);
      return;
    }

  existing = find_tag (self, to);
  if (existing != NULL && !g_str_equal (rw_tag_get_name (existing), from))
    {
      const char *into = rw_tag_get_name (existing);
      g_autofree char *heading = g_strdup_printf (_("Merge “%s” into “%s”?"), from, into);
      char **names = g_new0 (char *, 3);

      names[0] = g_strdup (from);
      names[1] = g_strdup (into);
      confirm (self, heading,
               _("Every check-in tagged with the first will carry the second instead. "
                 "This cannot be undone."),
               "merge", _("_Merge"), G_CALLBACK (merge_response_cb), names);
      return;
    }

  if (!rw_journal_rename_tag (get_journal (self), from, to, &error))
    {
      show_error (self, error);
      reset_row (self, from);
    }
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RwTagsWindow *self = RW_TAGS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(RwTag) into_tag = NULL;
  const char *from, *into;

  g_variant_get (parameter, "(&s&s)", &from, &into);
  into_tag = find_tag (self, into);
  if (into_tag == NULL || g_str_equal (from, rw_tag_get_name (into_tag)))
    return;
  if (!rw_journal_rename_tag (get_journal (self), from, rw_tag_get_name (into_tag), &error))
    {
      show_error (self, error);
      reset_row (self, from);
    }
}

static void
delete_response_cb (RwTagsWindow     *self,
                    const char       *response,
                    AdwMessageDialog *dialog)
{
  char **names = g_object_get_data (G_OBJECT (dialog), "rw-names");
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "delete") &&
      !rw_journal_delete_tag (get_journal (self), names[0], &error))
    show_error (self, error);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RwTagsWindow *self = RW_TAGS_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);
  RwTagList *tags = rw_journal_get_tags (get_journal (self));
  guint position = rw_tag_list_find (tags, name);
  g_autoptr(RwTag) tag = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  char **names;
  guint uses;

  if (position == G_MAXUINT)
    return;
  tag = g_list_model_get_item (G_LIST_MODEL (tags), position);
  uses = rw_tag_get_uses (tag);
  heading = g_strdup_printf (_("Delete the tag “%s”?"), name);
  if (uses == 0)
    body = g_strdup (_("No check-in carries it."));
  else
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "It is taken off %u check-in; the check-in itself stays.",
                                         "It is taken off %u check-ins; the check-ins themselves stay.",
                                         uses), uses);
  names = g_new0 (char *, 2);
  names[0] = g_strdup (name);
  confirm (self, heading, body, "delete", _("_Delete"), G_CALLBACK (delete_response_cb), names);
}

static void
apply_cb (AdwEntryRow  *row,
          RwTagsWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "tags.rename", "(ss)", row_tag (row),
                              gtk_editable_get_text (GTK_EDITABLE (row)));
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  RwTagsWindow *self = user_data;
  RwTag *tag = item;
  const char *name = rw_tag_get_name (tag);
  guint uses = rw_tag_get_uses (tag);
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *count = gtk_label_new (NULL);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *uses_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u check-in",
                                                             "%u check-ins", uses), uses);
  g_autofree char *remove_label = g_strdup_printf (_("Delete the tag “%s”"), name);

  g_object_set_data_full (G_OBJECT (row), "rw-tag", g_strdup (name), g_free);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Tag name"));
  gtk_editable_set_text (GTK_EDITABLE (row), name);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_signal_connect_object (row, "apply", G_CALLBACK (apply_cb), self, 0);

  gtk_label_set_label (GTK_LABEL (count), uses_text);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), count);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "tags.delete");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "s", name);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
  return row;
}

/* Nothing in focus at first: GTK would focus the first tag's name with
 * its text selected, one stray key from an edit. Tab goes there. */
static void
rw_tags_window_show (GtkWidget *widget)
{
  GtkWidget *focus;

  GTK_WIDGET_CLASS (rw_tags_window_parent_class)->show (widget);
  focus = gtk_window_get_focus (GTK_WINDOW (widget));
  if (GTK_IS_EDITABLE (focus))
    gtk_editable_select_region (GTK_EDITABLE (focus), 0, 0);
  gtk_window_set_focus (GTK_WINDOW (widget), NULL);
}

static void
rw_tags_window_constructed (GObject *object)
{
  RwTagsWindow *self = (RwTagsWindow *)object;
  GtkWidget *placeholder = gtk_label_new (_("No tags yet. Tags you give check-ins are listed here."));

  G_OBJECT_CLASS (rw_tags_window_parent_class)->constructed (object);

  g_assert (self->context != NULL);
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_list_box_set_placeholder (self->list, placeholder);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (rw_journal_get_tags (get_journal (self))),
                           create_row_cb, self, NULL);
}

static void
rw_tags_window_dispose (GObject *object)
{
  RwTagsWindow *self = (RwTagsWindow *)object;

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RW_TYPE_TAGS_WINDOW);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rw_tags_window_parent_class)->dispose (object);
}

static void
rw_tags_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RwTagsWindow *self = RW_TAGS_WINDOW (object);

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
rw_tags_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RwTagsWindow *self = RW_TAGS_WINDOW (object);

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
rw_tags_window_class_init (RwTagsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rw_tags_window_constructed;
  object_class->dispose = rw_tags_window_dispose;
  object_class->get_property = rw_tags_window_get_property;
  object_class->set_property = rw_tags_window_set_property;
  widget_class->show = rw_tags_window_show;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, RW_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rewire/Rewire/rw-tags-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RwTagsWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, RwTagsWindow, list);

  gtk_widget_class_install_action (widget_class, "tags.rename", "(ss)", rename_action);
  gtk_widget_class_install_action (widget_class, "tags.merge", "(ss)", merge_action);
  gtk_widget_class_install_action (widget_class, "tags.delete", "s", delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rw_tags_window_init (RwTagsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * rw_tags_window_new:
 * @context: the journal whose tags are managed
 * @parent: (nullable): the window it belongs to (it is modal to it)
 *
 * Returns: (transfer full): a new tag manager; present it
 */
RwTagsWindow *
rw_tags_window_new (RwContext *context,
                    GtkWindow *parent)
{
  g_return_val_if_fail (RW_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (RW_TYPE_TAGS_WINDOW, "context", context, "transient-for", parent, NULL);
}

AdwEntryRow *
rw_tags_window_get_row (RwTagsWindow *self,
                        const char   *tag)
{
  g_return_val_if_fail (RW_IS_TAGS_WINDOW (self), NULL);
  return find_row (self, tag);
}

AdwMessageDialog *
rw_tags_window_get_dialog (RwTagsWindow *self)
{
  g_return_val_if_fail (RW_IS_TAGS_WINDOW (self), NULL);
  return self->dialog;
}
