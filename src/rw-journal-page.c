/* rw-journal-page.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rw-journal-page"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "rw-check-in-editor.h"
#include "rw-history-row.h"
#include "rw-journal-page.h"

/**
 * RwJournalPage:
 *
 * The Journal view: today's state with a one-click check-in, the history
 * by day (one flat model of day headers and check-ins), search over notes
 * and tags, a tag filter, a jump to any date, and deleting with Undo.
 *
 * A deleted check-in is hidden at once everywhere and removed for good
 * when its toast goes away, after %RW_UNDO_SECONDS on the page's clock, or
 * when the page goes away.
 */
struct _RwJournalPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkDropDown *tag_dropdown;
  GtkMenuButton *jump_button;
  GtkCalendar *jump_calendar;
  GtkToggleButton *search_button;
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkRevealer *low_mood_revealer;
  GtkWidget *today_clamp;
  GtkImage *today_icon;
  GtkLabel *today_label;
  GtkButton *today_button;
  GtkStack *stack;
  GtkListView *list_view;

  /* Owned */
  RwCheckInStore *store;
  RwClock *clock;
  GSettings *settings;
  RwHistoryModel *history;
  GtkStringList *tag_names;
  GHashTable *pending;   /* id -> PendingDelete */
  GtkWindow *editor;
  char *today;
  guint scroll_target;
  guint updating_tags : 1;
};

typedef struct
{
  RwJournalPage *page;
  char *id;
  AdwToast *toast;
  guint timeout;
  gboolean undone;
} PendingDelete;

G_DEFINE_FINAL_TYPE (RwJournalPage, rw_journal_page, GTK_TYPE_WIDGET)

static void
pending_free (PendingDelete *pending)
{
  if (pending->timeout != 0 && pending->page->clock != NULL)
    rw_clock_remove_timeout (pending->page->clock, pending->timeout);
  g_clear_object (&pending->toast);
  g_free (pending->id);
  g_free (pending);
}

static void
show_error_toast (RwJournalPage *self,
                  const GError  *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
update_state (RwJournalPage *self)
{
  guint n = self->history != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->history)) : 0;
  gboolean filtered = rw_check_in_store_get_search (self->store) != NULL ||
                      rw_check_in_store_get_tag (self->store) != NULL;
  const char *state = n > 0 ? "list" : filtered ? "no-results" : "empty";

  gtk_stack_set_visible_child_name (self->stack, state);
  gtk_widget_set_visible (self->today_clamp, g_str_equal (state, "list") && !filtered);
}

/**
 * rw_journal_page_refresh_today:
 * @self: a #RwJournalPage
 *
 * Tells whether today has a check-in; called on changes and when the day
 * changes.
 */
void
rw_journal_page_refresh_today (RwJournalPage *self)
{
  g_autoptr(GPtrArray) today_items = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (RW_IS_JOURNAL_PAGE (self));

  if (self->store == NULL)
    return;

  g_free (self->today);
  self->today = rw_clock_dup_today (self->clock);
  today_items = rw_check_in_sql_list_date (rw_check_in_store_get_database (self->store),
                                           self->today, &error);

  if (today_items != NULL && today_items->len > 0)
    {
      RwCheckIn *last = g_ptr_array_index (today_items, today_items->len - 1);
      g_autofree char *text = g_strdup_printf (_("You checked in today at %s. Well done for "
                                                 "taking a moment."),
                                               rw_check_in_get_time (last));

      gtk_label_set_label (self->today_label, text);
      gtk_image_set_from_icon_name (self->today_icon, "emblem-ok-symbolic");
      gtk_button_set_label (self->today_button, _("_Add Another"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->today_button), "suggested-action");
    }
  else
    {
      gtk_label_set_label (self->today_label, _("No check-in yet today. It takes a few seconds."));
      gtk_image_set_from_icon_name (self->today_icon, "document-edit-symbolic");
      gtk_button_set_label (self->today_button, _("_Check In"));
      gtk_widget_add_css_class (GTK_WIDGET (self->today_button), "suggested-action");
    }
}

const char *
rw_journal_page_get_today_text (RwJournalPage *self)
{
  g_return_val_if_fail (RW_IS_JOURNAL_PAGE (self), NULL);
  return gtk_label_get_label (self->today_label);
}

static void
history_items_changed_cb (RwJournalPage *self)
{
  update_state (self);
  rw_journal_page_refresh_today (self);
}

static void
refresh_tags (RwJournalPage *self)
{
  g_autoptr(GPtrArray) tags = NULL;
  g_autoptr(GError) error = NULL;
  const char *current = rw_check_in_store_get_tag (self->store);
  guint selected = 0;
  guint n_old;

  tags = rw_check_in_sql_list_tags (rw_check_in_store_get_database (self->store), &error);
  if (tags == NULL)
    return;

  self->updating_tags = TRUE;
  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->tag_names));
  {
    g_autoptr(GPtrArray) names = g_ptr_array_new ();

    g_ptr_array_add (names, (gpointer) _("All tags"));
    for (guint i = 0; i < tags->len; i++)
      {
        RwTagInfo *info = g_ptr_array_index (tags, i);

        if (info->uses == 0 && g_strcmp0 (info->name, current) != 0)
          continue;
        g_ptr_array_add (names, info->name);
        if (g_strcmp0 (info->name, current) == 0)
          selected = names->len - 1;
      }
    g_ptr_array_add (names, NULL);
    gtk_string_list_splice (self->tag_names, 0, n_old, (const char * const *) names->pdata);
  }
  gtk_drop_down_set_selected (self->tag_dropdown, selected);
  self->updating_tags = FALSE;
}

static void
database_changed_cb (RwJournalPage *self)
{
  refresh_tags (self);
  rw_journal_page_refresh_today (self);
}

static void
tag_selected_cb (RwJournalPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->tag_dropdown);

  if (self->updating_tags || self->store == NULL)
    return;

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    rw_check_in_store_set_tag (self->store, NULL);
  else
    rw_check_in_store_set_tag (self->store,
                               gtk_string_list_get_string (self->tag_names, selected));
  update_state (self);
}

static void
search_changed_cb (RwJournalPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (self->store == NULL)
    return;

  rw_check_in_store_set_search (self->store, text);
  /* Rows show highlights of the new search: rebind the visible ones. */
  gtk_widget_queue_draw (GTK_WIDGET (self->list_view));
  update_state (self);
}

static void
stop_search_cb (RwJournalPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

void
rw_journal_page_set_search (RwJournalPage *self,
                            const char    *text)
{
  g_return_if_fail (RW_IS_JOURNAL_PAGE (self));

  gtk_search_bar_set_search_mode (self->search_bar, text != NULL && *text != '\0');
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  search_changed_cb (self);
}

void
rw_journal_page_set_tag_filter (RwJournalPage *self,
                                const char    *tag)
{
  g_return_if_fail (RW_IS_JOURNAL_PAGE (self));

  rw_check_in_store_set_tag (self->store, tag);
  refresh_tags (self);
  update_state (self);
}

void
rw_journal_page_jump_to_date (RwJournalPage *self,
                              const char    *date)
{
  guint position;

  g_return_if_fail (RW_IS_JOURNAL_PAGE (self));

  position = rw_history_model_find_date (self->history, date);
  if (position == G_MAXUINT)
    return;

  self->scroll_target = position;
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

static void
jump_day_selected_cb (RwJournalPage *self)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (self->jump_calendar);
  g_autofree char *date = g_date_time_format (dt, "%Y-%m-%d");

  gtk_menu_button_popdown (self->jump_button);
  rw_journal_page_jump_to_date (self, date);
}

guint
rw_journal_page_get_scroll_target (RwJournalPage *self)
{
  g_return_val_if_fail (RW_IS_JOURNAL_PAGE (self), G_MAXUINT);
  return self->scroll_target;
}

static void
editor_saved_cb (RwJournalPage   *self,
                 RwCheckIn       *check_in,
                 RwCheckInEditor *editor)
{
  int mood = rw_check_in_get_metric (check_in, RW_METRIC_MOOD);
  g_autofree char *last = NULL;

  if (mood == RW_METRIC_UNSET || mood > 1 || self->settings == NULL)
    return;

  /* At most once a day, never in the way: a line, not a dialog. */
  last = g_settings_get_string (self->settings, "low-mood-offer-date");
  if (g_strcmp0 (last, self->today) == 0)
    return;

  g_settings_set_string (self->settings, "low-mood-offer-date", self->today);
  gtk_revealer_set_reveal_child (self->low_mood_revealer, TRUE);
}

static void
open_editor (RwJournalPage *self,
             RwCheckIn     *check_in)
{
  RwCheckInEditor *editor;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->editor != NULL)
    {
      gtk_window_present (self->editor);
      return;
    }

  editor = rw_check_in_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   self->store, self->clock, check_in);
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);
  self->editor = GTK_WINDOW (editor);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &self->editor);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_check_in_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  open_editor (RW_JOURNAL_PAGE (widget), NULL);
}

static void
edit_check_in_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RwJournalPage *self = RW_JOURNAL_PAGE (widget);
  g_autoptr(RwCheckIn) check_in = NULL;
  g_autoptr(GError) error = NULL;

  check_in = rw_check_in_store_lookup (self->store, g_variant_get_string (parameter, NULL), &error);
  if (check_in == NULL)
    {
      show_error_toast (self, error);
      return;
    }
  open_editor (self, check_in);
}

static void
purge_pending (RwJournalPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->store != NULL && !rw_check_in_store_purge_hidden (self->store, &error))
    g_message ("Could not remove deleted check-ins yet: %s", error->message);
}

static void
toast_dismissed_cb (AdwToast      *toast,
                    PendingDelete *pending)
{
  RwJournalPage *self = pending->page;

  if (!pending->undone)
    purge_pending (self);
  g_hash_table_remove (self->pending, pending->id);
}

static gboolean
undo_expired_cb (gpointer user_data)
{
  PendingDelete *pending = user_data;

  pending->timeout = 0;
  adw_toast_dismiss (pending->toast);
  return G_SOURCE_REMOVE;
}

static void
delete_check_in_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RwJournalPage *self = RW_JOURNAL_PAGE (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;
  PendingDelete *pending;

  if (!rw_check_in_store_hide (self->store, id, &error))
    {
      show_error_toast (self, error);
      return;
    }

  pending = g_new0 (PendingDelete, 1);
  pending->page = self;
  pending->id = g_strdup (id);
  pending->toast = adw_toast_new (_("Check-in deleted"));
  adw_toast_set_button_label (pending->toast, _("_Undo"));
  adw_toast_set_action_name (pending->toast, "journal.undo-delete");
  adw_toast_set_action_target_value (pending->toast, g_variant_new_string (id));
  /* The page's clock decides when Undo ends, so tests can move time. */
  adw_toast_set_timeout (pending->toast, 0);
  g_signal_connect (pending->toast, "dismissed", G_CALLBACK (toast_dismissed_cb), pending);
  pending->timeout = rw_clock_add_timeout (self->clock, RW_UNDO_SECONDS * 1000,
                                           undo_expired_cb, pending, NULL);
  g_hash_table_replace (self->pending, pending->id, pending);
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (pending->toast));
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RwJournalPage *self = RW_JOURNAL_PAGE (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  PendingDelete *pending = g_hash_table_lookup (self->pending, id);
  g_autoptr(GError) error = NULL;

  if (!rw_check_in_store_unhide (self->store, id, &error))
    {
      show_error_toast (self, error);
      return;
    }

  if (pending != NULL)
    {
      pending->undone = TRUE;
      adw_toast_dismiss (pending->toast);
    }
}

static void
hide_low_mood_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  gtk_revealer_set_reveal_child (RW_JOURNAL_PAGE (widget)->low_mood_revealer, FALSE);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RwJournalPage *self = RW_JOURNAL_PAGE (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
jump_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gtk_menu_button_popup (RW_JOURNAL_PAGE (widget)->jump_button);
}

static void
list_activate_cb (RwJournalPage *self,
                  guint          position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->history), position);

  if (RW_IS_CHECK_IN (item))
    open_editor (self, RW_CHECK_IN (item));
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              RwJournalPage            *self)
{
  gtk_list_item_set_child (list_item, rw_history_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             RwJournalPage            *self)
{
  GObject *item = gtk_list_item_get_item (list_item);
  GtkWidget *row = gtk_list_item_get_child (list_item);
  gboolean is_check_in = RW_IS_CHECK_IN (item);

  gtk_list_item_set_activatable (list_item, is_check_in);
  gtk_list_item_set_selectable (list_item, FALSE);
  rw_history_row_bind (RW_HISTORY_ROW (row), item, self->today,
                       rw_check_in_store_get_search (self->store));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               RwJournalPage            *self)
{
  rw_history_row_unbind (RW_HISTORY_ROW (gtk_list_item_get_child (list_item)));
}

static void
rw_journal_page_dispose (GObject *object)
{
  RwJournalPage *self = (RwJournalPage *)object;

  /* Deleted is deleted once the page goes (the app quits). */
  if (self->pending != NULL && g_hash_table_size (self->pending) > 0)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, self->pending);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_signal_handlers_disconnect_by_data (((PendingDelete *) value)->toast, value);
      purge_pending (self);
    }
  g_clear_pointer (&self->pending, g_hash_table_unref);

  if (self->editor != NULL)
    gtk_window_destroy (self->editor);

  gtk_widget_dispose_template (GTK_WIDGET (self), RW_TYPE_JOURNAL_PAGE);

  g_clear_object (&self->history);
  g_clear_object (&self->store);
  g_clear_object (&self->clock);
  g_clear_object (&self->settings);
  g_clear_object (&self->tag_names);

  G_OBJECT_CLASS (rw_journal_page_parent_class)->dispose (object);
}

static void
rw_journal_page_finalize (GObject *object)
{
  RwJournalPage *self = (RwJournalPage *)object;

  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (rw_journal_page_parent_class)->finalize (object);
}

static void
rw_journal_page_class_init (RwJournalPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rw_journal_page_dispose;
  object_class->finalize = rw_journal_page_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rewire/Rewire/rw-journal-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RwJournalPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RwJournalPage, tag_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RwJournalPage, jump_button);
  gtk_widget_class_bind_template_child (widget_class, RwJournalPage, jump_calendar);
  gtk_widget_class_bind_template_child (widget_class, RwJournalPage, search_button);
  gtk_widget_class_bind_template_child (widget_class, RwJournalPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, RwJournalPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RwJournalPage, low_mood_revealer);
  gtk_widget_class_bind_template_child (widget_class, RwJournalPage, today_clamp);
  gtk_widget_class_bind_template_child (widget_class, RwJournalPage, today_icon);
  gtk_widget_class_bind_template_child (widget_class, RwJournalPage, today_label);
  gtk_widget_class_bind_template_child (widget_class, RwJournalPage, today_button);
  gtk_widget_class_bind_template_child (widget_class, RwJournalPage, stack);
  gtk_widget_class_bind_template_child (widget_class, RwJournalPage, list_view);
  gtk_widget_class_bind_template_callback (widget_class, tag_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, jump_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);

  gtk_widget_class_install_action (widget_class, "journal.new-check-in", NULL, new_check_in_action);
  gtk_widget_class_install_action (widget_class, "journal.edit-check-in", "s", edit_check_in_action);
  gtk_widget_class_install_action (widget_class, "journal.delete-check-in", "s",
                                   delete_check_in_action);
  gtk_widget_class_install_action (widget_class, "journal.undo-delete", "s", undo_delete_action);
  gtk_widget_class_install_action (widget_class, "journal.hide-low-mood", NULL, hide_low_mood_action);
  gtk_widget_class_install_action (widget_class, "journal.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "journal.jump-to-date", NULL, jump_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "journal.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "journal.new-check-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK,
                                       "journal.jump-to-date", NULL);
}

static void
rw_journal_page_init (RwJournalPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify) pending_free);
  self->tag_names = gtk_string_list_new ((const char * const []) { _("All tags"), NULL });
  self->scroll_target = G_MAXUINT;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drop_down_set_model (self->tag_dropdown, G_LIST_MODEL (self->tag_names));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_entry_set_search_delay (self->search_entry, 120);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
}

/**
 * rw_journal_page_set_context:
 * @self: a #RwJournalPage
 * @store: the check-ins
 * @clock: the clock for today, drafts and Undo
 * @settings: (nullable): the app's settings
 */
void
rw_journal_page_set_context (RwJournalPage  *self,
                             RwCheckInStore *store,
                             RwClock        *clock,
                             GSettings      *settings)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_if_fail (RW_IS_JOURNAL_PAGE (self));
  g_return_if_fail (RW_IS_CHECK_IN_STORE (store));
  g_return_if_fail (RW_IS_CLOCK (clock));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  self->clock = g_object_ref (clock);
  g_set_object (&self->settings, settings);
  self->today = rw_clock_dup_today (clock);

  self->history = rw_history_model_new (store);
  g_signal_connect_object (self->history, "items-changed",
                           G_CALLBACK (history_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (rw_check_in_store_get_database (store), "changed",
                           G_CALLBACK (database_changed_cb), self, G_CONNECT_SWAPPED);

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->history)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  refresh_tags (self);
  rw_journal_page_refresh_today (self);
  update_state (self);
}

/**
 * rw_journal_page_new:
 * @context: the journal, clock and settings
 *
 * Returns: (transfer floating): the page
 */
RwJournalPage *
rw_journal_page_new (RwContext *context)
{
  RwJournalPage *self;

  g_return_val_if_fail (RW_IS_CONTEXT (context), NULL);

  self = g_object_new (RW_TYPE_JOURNAL_PAGE, NULL);
  rw_journal_page_set_context (self, rw_context_get_store (context), rw_context_get_clock (context),
                               rw_context_get_settings (context));
  return self;
}

RwHistoryModel *
rw_journal_page_get_history (RwJournalPage *self)
{
  g_return_val_if_fail (RW_IS_JOURNAL_PAGE (self), NULL);
  return self->history;
}

/**
 * rw_journal_page_get_visible_state:
 * @self: a #RwJournalPage
 *
 * Returns: "list", "empty" or "no-results"
 */
const char *
rw_journal_page_get_visible_state (RwJournalPage *self)
{
  g_return_val_if_fail (RW_IS_JOURNAL_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

gboolean
rw_journal_page_get_low_mood_shown (RwJournalPage *self)
{
  g_return_val_if_fail (RW_IS_JOURNAL_PAGE (self), FALSE);
  return gtk_revealer_get_reveal_child (self->low_mood_revealer);
}

/**
 * rw_journal_page_get_editor:
 * @self: a #RwJournalPage
 *
 * Returns: (nullable) (transfer none): the open editor
 */
GtkWindow *
rw_journal_page_get_editor (RwJournalPage *self)
{
  g_return_val_if_fail (RW_IS_JOURNAL_PAGE (self), NULL);
  return self->editor;
}
