/* rw-tags-window.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Manage tags: rename one by editing its name (a name already in use
 * merges the two, after asking), or delete it (after asking; the
 * check-ins stay, only the tag goes).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rw-tags-window.h"

struct _RwTagsWindow
{
  AdwWindow parent_instance;

  RwCheckInStore *store;
  AdwToastOverlay *toasts;
  AdwPreferencesGroup *group;
  GPtrArray *rows;             /* AdwEntryRow, one per tag */
  AdwMessageDialog *dialog;    /* the open confirmation, if any */
};

G_DEFINE_FINAL_TYPE (RwTagsWindow, rw_tags_window, ADW_TYPE_WINDOW)

static void rebuild (RwTagsWindow *self);

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
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static void
dialog_closed (RwTagsWindow *self)
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
         gpointer      data,
         GDestroyNotify destroy)
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
  g_object_set_data_full (G_OBJECT (dialog), "rw-data", data, destroy);
  g_signal_connect_swapped (dialog, "response", callback, self);
  g_signal_connect_swapped (dialog, "destroy", G_CALLBACK (dialog_closed), self);
  self->dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
do_rename (RwTagsWindow *self,
           const char   *from,
           const char   *to)
{
  g_autoptr(GError) error = NULL;

  if (!rw_check_in_store_rename_tag (self->store, from, to, &error))
    show_error (self, error);
  rebuild (self);
}

static void
merge_response_cb (RwTagsWindow     *self,
                   const char       *response,
                   AdwMessageDialog *dialog)
{
  char **names = g_object_get_data (G_OBJECT (dialog), "rw-data");

  if (g_str_equal (response, "merge"))
    do_rename (self, names[0], names[1]);
  else
    rebuild (self);   /* put the old name back in the row */
}

static AdwEntryRow *
find_row (RwTagsWindow *self,
          const char   *tag)
{
  g_autofree char *folded = g_utf8_casefold (tag, -1);

  for (guint i = 0; i < self->rows->len; i++)
    {
      AdwEntryRow *row = g_ptr_array_index (self->rows, i);
      g_autofree char *other = g_utf8_casefold (row_tag (row), -1);

      if (g_str_equal (folded, other))
        return row;
    }
  return NULL;
}

static void
apply_cb (AdwEntryRow  *row,
          RwTagsWindow *self)
{
  const char *from = row_tag (row);
  g_autofree char *to = rw_normalize_tag (gtk_editable_get_text (GTK_EDITABLE (row)));
  g_autoptr(GError) error = NULL;
  AdwEntryRow *existing;

  if (to == NULL || !rw_validate_tag (to, &error))
    {
      if (error != NULL)
        show_error (self, error);
      rebuild (self);
      return;
    }
  if (g_str_equal (to, from))
    return;

  existing = find_row (self, to);
  if (existing != NULL && existing != row)
    {
      g_autofree char *heading = g_strdup_printf (_("Merge “%s” into “%s”?"), from, row_tag (existing));
      char **names = g_new0 (char *, 3);

      names[0] = g_strdup (from);
      names[1] = g_strdup (row_tag (existing));
      confirm (self, heading,
               _("Every check-in tagged with the first will carry the second instead. "
                 "This cannot be undone."),
               "merge", _("_Merge"), G_CALLBACK (merge_response_cb), names,
               (GDestroyNotify) g_strfreev);
      return;
    }

  do_rename (self, from, to);
}

static void
delete_response_cb (RwTagsWindow     *self,
                    const char       *response,
                    AdwMessageDialog *dialog)
{
  const char *tag = g_object_get_data (G_OBJECT (dialog), "rw-data");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "delete"))
    return;
  if (!rw_check_in_store_delete_tag (self->store, tag, &error))
    show_error (self, error);
  rebuild (self);
}

static void
delete_clicked_cb (GtkButton    *button,
                   RwTagsWindow *self)
{
  AdwEntryRow *row = g_object_get_data (G_OBJECT (button), "rw-row");
  const char *tag = row_tag (row);
  guint uses = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "rw-uses"));
  g_autofree char *heading = g_strdup_printf (_("Delete the tag “%s”?"), tag);
  g_autofree char *body = NULL;

  if (uses == 0)
    body = g_strdup (_("No check-in carries it."));
  else
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "It is taken off %u check-in; the check-in itself stays.",
                                         "It is taken off %u check-ins; the check-ins themselves stay.",
                                         uses), uses);
  confirm (self, heading, body, "delete", _("_Delete"), G_CALLBACK (delete_response_cb),
           g_strdup (tag), g_free);
}

static void
rebuild (RwTagsWindow *self)
{
  g_autoptr(GPtrArray) tags = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  tags = rw_check_in_sql_list_tags (rw_check_in_store_get_database (self->store), &error);
  if (tags == NULL)
    {
      show_error (self, error);
      return;
    }

  for (guint i = 0; i < tags->len; i++)
    {
      RwTagInfo *info = g_ptr_array_index (tags, i);
      GtkWidget *row = adw_entry_row_new ();
      GtkWidget *count = gtk_label_new (NULL);
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *uses = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u check-in",
                                                            "%u check-ins", info->uses),
                                               info->uses);
      g_autofree char *remove_label = g_strdup_printf (_("Delete the tag “%s”"), info->name);

      g_object_set_data_full (G_OBJECT (row), "rw-tag", g_strdup (info->name), g_free);
      g_object_set_data (G_OBJECT (row), "rw-uses", GUINT_TO_POINTER (info->uses));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Tag name"));
      gtk_editable_set_text (GTK_EDITABLE (row), info->name);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      g_signal_connect (row, "apply", G_CALLBACK (apply_cb), self);

      gtk_label_set_label (GTK_LABEL (count), uses);
      gtk_widget_add_css_class (count, "dim-label");
      gtk_widget_add_css_class (count, "numeric");
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), count);

      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, remove_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      remove_label, -1);
      g_object_set_data (G_OBJECT (remove), "rw-row", row);
      g_signal_connect (remove, "clicked", G_CALLBACK (delete_clicked_cb), self);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);

      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
rw_tags_window_dispose (GObject *object)
{
  RwTagsWindow *self = RW_TAGS_WINDOW (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (rw_tags_window_parent_class)->dispose (object);
}

static void
rw_tags_window_finalize (GObject *object)
{
  RwTagsWindow *self = RW_TAGS_WINDOW (object);

  g_ptr_array_unref (self->rows);
  G_OBJECT_CLASS (rw_tags_window_parent_class)->finalize (object);
}

static void
rw_tags_window_class_init (RwTagsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rw_tags_window_dispose;
  object_class->finalize = rw_tags_window_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rw_tags_window_init (RwTagsWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *page = adw_preferences_page_new ();

  self->rows = g_ptr_array_new ();
  gtk_window_set_title (GTK_WINDOW (self), _("Tags"));
  gtk_window_set_default_size (GTK_WINDOW (self), 480, 560);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_description (self->group,
    _("Edit a name and press Enter to rename a tag. Give it the name of another tag to "
      "merge the two."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->group);

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, page);
  gtk_widget_set_vexpand (GTK_WIDGET (self->toasts), TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->toasts));
  adw_window_set_content (ADW_WINDOW (self), box);
}

/**
 * rw_tags_window_new:
 * @store: the journal's store
 *
 * Returns: (transfer floating): a new tag manager
 */
RwTagsWindow *
rw_tags_window_new (RwCheckInStore *store)
{
  RwTagsWindow *self;

  g_return_val_if_fail (RW_IS_CHECK_IN_STORE (store), NULL);

  self = g_object_new (RW_TYPE_TAGS_WINDOW, NULL);
  self->store = g_object_ref (store);
  rebuild (self);
  return self;
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
