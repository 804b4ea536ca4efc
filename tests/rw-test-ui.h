/* rw-test-ui.h: helpers for the UI tests (GTK; not for the core tests).
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include <string.h>

G_BEGIN_DECLS

/* Runs the main loop until nothing is pending, @rounds times. */
static inline void
rw_test_spin (guint rounds)
{
  for (guint i = 0; i < rounds; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

/* Runs the main loop for about @ms milliseconds (a button activated
 * from the keyboard emits "clicked" after a short delay). */
static inline void
rw_test_wait (guint ms)
{
  for (guint i = 0; i < ms / 10; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (10000);
    }
}

/* Does what pressing @keyval with @modifiers does to @widget through its
 * own shortcuts (gtk_widget_class_add_binding* and shortcut controllers):
 * the binding is looked up, not called by name. FALSE when @widget binds
 * nothing to the key or the binding did nothing. */
static inline gboolean
rw_test_press_key (GtkWidget       *widget,
                   guint            keyval,
                   GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_keyval_trigger_new (keyval, modifiers);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                 GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  return FALSE;
}

typedef gboolean (*RwTestMatch) (GtkWidget     *widget,
                                 gconstpointer  data);

/* The first widget under @root (depth first, @root included) that
 * @match accepts, or NULL. */
static inline GtkWidget *
rw_test_find (GtkWidget     *root,
              RwTestMatch    match,
              gconstpointer  data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = rw_test_find (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static inline gboolean
rw_test_match_type (GtkWidget     *widget,
                    gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data));
}

static inline gboolean
rw_test_match_label (GtkWidget     *widget,
                     gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), data) != NULL;
}

static inline gboolean
rw_test_match_button (GtkWidget     *widget,
                      gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

static inline GtkWidget *
rw_test_find_type (GtkWidget *root,
                   GType      type)
{
  return rw_test_find (root, rw_test_match_type, GSIZE_TO_POINTER (type));
}

/* A label whose text holds @text. */
static inline GtkLabel *
rw_test_find_label (GtkWidget  *root,
                    const char *text)
{
  return GTK_LABEL (rw_test_find (root, rw_test_match_label, text));
}

/* A button labelled @label (with its mnemonic, "_Start"). */
static inline GtkWidget *
rw_test_find_button (GtkWidget  *root,
                     const char *label)
{
  return rw_test_find (root, rw_test_match_button, label);
}

static inline guint
rw_test_count (GtkWidget   *root,
               RwTestMatch  match,
               gconstpointer data)
{
  guint n = match (root, data) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += rw_test_count (child, match, data);
  return n;
}

/* The first shown toplevel window of @type (a message dialog, say). */
static inline GtkWindow *
rw_test_find_toplevel_of_type (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

G_END_DECLS
