/* rw-journal-page.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rw-journal-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rw-backups-window.h"
#include "rw-check-in-editor.h"
#include "rw-history-row.h"
#include "rw-journal-page.h"
#include "rw-session-editor.h"
#include "rw-session-log.h"
#include "rw-session-row.h"
#include "rw-symbolic-icon.h"
#include "rw-width-bin.h"

/**
 * RwJournalPage:
 *
 * The Journal view: the Today card, the history by day (with search, a
 * tag filter and a jump to any date), and delete with Undo.
 *
 * The history is a window of days that grows as the person scrolls: at
 * start-up only what fills the screen is read and laid out, in the same
 * frame, and the rest never waits (see #RwHistoryModel).
 */
struct _RwJournalPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkMenuButton *tag_button;
  GtkLabel *tag_label;
  GtkListView *tag_list_view;
  GtkMenuButton *legend_button;
  GtkMenuButton *jump_button;
  GtkCalendar *jump_calendar;   /* made when the jump first opens */
  GtkEntry *jump_entry;
  GtkLabel *jump_error;
  GtkToggleButton *search_button;
  GtkSearchBar *search_bar;
  AdwClamp *search_clamp;
  GtkSearchEntry *search_entry;   /* made when the search first opens */
  GtkLabel *search_count;         /* with the entry */
  GtkRevealer *low_mood_revealer;
  GtkLabel *low_mood_number;  /* in the card, made when first shown */
  GtkWidget *today_clamp;
  GtkImage *today_icon;
  GtkLabel *today_label;
  GtkButton *today_button;
  GtkRevealer *questionnaire_due_revealer;
  GtkLabel *questionnaire_due_label;
  GtkButton *questionnaire_due_button;
  GtkStack *stack;
  GtkImage *message_icon;
  GtkLabel *message_title;
  GdkPaintable *app_icon;     /* made when the journal is first seen empty */
  int app_icon_scale;
  GtkLabel *message_label;
  GtkWidget *empty_buttons;
  GtkScrolledWindow *scrolled;
  GtkListView *list_view;
  GtkToggleButton *sessions_button;
  GtkRevealer *session_matches_revealer;
  GtkListBox *session_matches;
  GtkWidget *session_clamp;
  GtkLabel *session_label;
  GtkBox *session_buttons;
  GtkWidget *session_before_button;
  GtkWidget *session_after_button;
  GtkWidget *session_log;     /* made when the sessions are first shown */

  /* Owned */
  RwContext *context;
  RwHistoryModel *history;
  GHashTable *pending;   /* id -> PendingDelete */
  GHashTable *pending_sessions;   /* id -> PendingDelete, of sessions */
  GtkWindow *editor;
  GtkWindow *session_editor;
  char *today;
  GdkFrameClock *frame_clock;
  gulong layout_id;
  guint scroll_target;
  char *jump_date;          /* the day of the last jump, highlighted */
  guint jump_frames;        /* frames left to bring it to the upper third */
  guint highlight_timeout;
  const char *state;
  guint undo_timeout;
  gboolean sessions_shown;
};

typedef struct
{
  RwJournalPage *page;
  char *id;
  AdwToast *toast;
  gboolean undone;
} PendingDelete;

G_DEFINE_FINAL_TYPE (RwJournalPage, rw_journal_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_UNDO_TIMEOUT,
  PROP_SESSIONS_SHOWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Rows are about this tall: a guess only for how many to read at once. */
#define ROW_HEIGHT_GUESS 60
/* Check-ins read before the list is allocated, so that it shows at all;
 * the layout phase reads the rest that fits. */
#define FIRST_CHECK_INS 3
/* A jump puts the day this far down the list (a fraction of its height),
 * in the upper third, and highlights it for a moment. */
#define JUMP_OFFSET (1.0 / 6.0)
#define JUMP_FRAMES 12
#define HIGHLIGHT_MS 3000

static RwJournal *
get_journal (RwJournalPage *self)
{
  return rw_context_get_journal (self->context);
}

static RwClock *
get_clock (RwJournalPage *self)
{
  return rw_context_get_clock (self->context);
}

static GSettings *
get_settings (RwJournalPage *self)
{
  return rw_context_get_settings (self->context);
}

static void
pending_free (PendingDelete *pending)
{
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

static gboolean
is_filtered (RwJournalPage *self)
{
  return rw_history_model_get_search (self->history) != NULL ||
         rw_history_model_get_tag (self->history) != NULL;
}

static gboolean
get_sessions_shown (RwJournalPage *self)
{
  return self->sessions_shown;
}

static void
update_state (RwJournalPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->history));
  gboolean filtered = is_filtered (self);
  const char *state;

  /* While the matches of a new search are found, the old ones stay. */
  if (rw_history_model_get_loading (self->history))
    return;

  state = n > 0 ? "list" : filtered ? "no-results" : "empty";
  self->state = state;
  if (g_str_equal (state, "empty"))
    {
      int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));

      /* Not by name: see rw-symbolic-icon.c. */
      if (self->app_icon == NULL || self->app_icon_scale != scale)
        {
          g_clear_object (&self->app_icon);
          self->app_icon = rw_symbolic_icon_new_app_icon (128, scale);
          self->app_icon_scale = scale;
        }
      gtk_image_set_from_paintable (self->message_icon, self->app_icon);
      gtk_label_set_label (self->message_title, _("Your Journal Is Empty"));
      gtk_label_set_label (self->message_label,
                           _("A check-in takes a few seconds: how you feel, how you slept, a "
                             "word about your day. Leave out anything you did not notice. New "
                             "here? The 7-Day Plan is a gentle place to start."));
    }
  else if (g_str_equal (state, "no-results"))
    {
      gtk_image_set_from_icon_name (self->message_icon, "system-search-symbolic");
      gtk_label_set_label (self->message_title, _("No Matching Check-ins"));
      gtk_label_set_label (self->message_label, _("Try another word, or show all tags."));
    }
  gtk_widget_set_visible (self->empty_buttons, g_str_equal (state, "empty"));
  gtk_stack_set_visible_child_name (self->stack, get_sessions_shown (self) ? "sessions"
                                                 : n > 0 ? "list" : "message");
  gtk_widget_set_visible (self->today_clamp, g_str_equal (state, "list") && !filtered &&
                          !get_sessions_shown (self));
}

/* Reads more of the history while it does not fill the screen, and, once
 * the person has scrolled, a screen ahead. Runs in the layout phase of
 * every frame (see map), so the first frame already shows a full screen
 * and nothing more. */
static void
fill (RwJournalPage *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);
  double page = gtk_adjustment_get_page_size (adjustment);
  double upper = gtk_adjustment_get_upper (adjustment);
  double value = gtk_adjustment_get_value (adjustment);
  double ahead = value > 0 ? page : 0;
  double below = upper - (value + page);

  if (page <= 0 || !gtk_widget_get_mapped (GTK_WIDGET (self->list_view)))
    return;

  if (rw_history_model_get_more_older (self->history) && below <= ahead)
    rw_history_model_load_older (self->history,
                                 MAX (2, (guint) ((ahead - below) / ROW_HEIGHT_GUESS) + 1));

  if (rw_history_model_get_more_newer (self->history) && value <= ahead)
    rw_history_model_load_newer (self->history,
                                 MAX (2, (guint) ((ahead - value) / ROW_HEIGHT_GUESS) + 1));
}

static void place_jump_target (RwJournalPage *self);

static void
frame_layout_cb (RwJournalPage *self,
                 GdkFrameClock *clock)
{
  /* Where the window's layout just put the rows, before fill() changes
   * the model under them. */
  if (self->jump_frames > 0)
    place_jump_target (self);
  fill (self);
}

/* Scrolling may happen in the middle of an allocation: fill in the next
 * layout phase instead. */
static void
scrolled_cb (RwJournalPage *self)
{
  if (self->frame_clock != NULL)
    gdk_frame_clock_request_phase (self->frame_clock, GDK_FRAME_CLOCK_PHASE_LAYOUT);
}

static void refresh_session_card (RwJournalPage *self);

/* Under the Today card: the first questionnaire due (PHQ-9, then GAD-7)
 * and a button that starts it; nothing before a first one is saved. */
static void
refresh_questionnaire_due (RwJournalPage *self)
{
  RwJournal *journal = get_journal (self);
  guint32 today = rw_clock_get_day (get_clock (self));

  for (RwQuestionnaireKind kind = 0; kind < RW_N_QUESTIONNAIRES; kind++)
    {
      g_autofree char *last = NULL;
      g_autofree char *text = NULL;
      g_autofree char *button = NULL;

      if (!rw_journal_is_assessment_due (journal, kind, today))
        continue;
      last = rw_date_format_friendly (rw_journal_get_last_assessment (journal, kind), today);
      /* Translators: "Your PHQ-9 is due: the last was on 3 November." */
      text = g_strdup_printf (_("Your %s is due: the last was %s."),
                              rw_questionnaire_kind_title (kind), last);
      /* Translators: a button, "Start PHQ-9". */
      button = g_strdup_printf (_("_Start %s"), rw_questionnaire_kind_title (kind));
      gtk_label_set_label (self->questionnaire_due_label, text);
      gtk_button_set_label (self->questionnaire_due_button, button);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->questionnaire_due_button), "s",
                                        rw_questionnaire_kind_to_string (kind));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->questionnaire_due_button),
                                      "win.questionnaire");
      gtk_revealer_set_reveal_child (self->questionnaire_due_revealer, TRUE);
      return;
    }
  gtk_revealer_set_reveal_child (self->questionnaire_due_revealer, FALSE);
}

/**
 * rw_journal_page_get_questionnaire_due_text:
 * @self: a #RwJournalPage
 *
 * Returns: (nullable): what the Today card says is due, or %NULL
 */
const char *
rw_journal_page_get_questionnaire_due_text (RwJournalPage *self)
{
  g_return_val_if_fail (RW_IS_JOURNAL_PAGE (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->questionnaire_due_revealer))
    return NULL;
  return gtk_label_get_label (self->questionnaire_due_label);
}

/**
 * rw_journal_page_refresh_today:
 * @self: a #RwJournalPage
 *
 * Reads today's check-ins again for the Today card (after midnight, or
 * a change).
 */
void
rw_journal_page_refresh_today (RwJournalPage *self)
{
  g_autoptr(GPtrArray) today_items = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (RW_IS_JOURNAL_PAGE (self));

  g_free (self->today);
  self->today = rw_clock_dup_today (get_clock (self));
  today_items = rw_journal_list_date (get_journal (self), self->today, &error);

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
  refresh_session_card (self);
  refresh_questionnaire_due (self);
}

const char *
rw_journal_page_get_today_text (RwJournalPage *self)
{
  g_return_val_if_fail (RW_IS_JOURNAL_PAGE (self), NULL);
  return gtk_label_get_label (self->today_label);
}

/* Calls @func on each row the list view has made (bound or not). */
static void
foreach_row (RwJournalPage *self,
             GFunc          func,
             gpointer       user_data)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);

      if (RW_IS_HISTORY_ROW (row))
        func (row, user_data);
    }
}

static void
show_highlight_cb (gpointer row,
                   gpointer user_data)
{
  RwJournalPage *self = user_data;
  const char *date = rw_history_row_get_date (row);

  if (self->jump_date != NULL && g_strcmp0 (date, self->jump_date) == 0)
    gtk_widget_add_css_class (row, "jump-target");
  else
    gtk_widget_remove_css_class (row, "jump-target");
}

static gboolean
highlight_done_cb (gpointer user_data)
{
  RwJournalPage *self = user_data;

  self->highlight_timeout = 0;
  g_clear_pointer (&self->jump_date, g_free);
  foreach_row (self, show_highlight_cb, self);
  return G_SOURCE_REMOVE;
}

/* Highlights the rows of @date (the header and its check-ins) for a
 * moment, on the page's clock. */
static void
set_highlight (RwJournalPage *self,
               const char    *date)
{
  if (self->highlight_timeout != 0)
    {
      rw_clock_remove_timeout (get_clock (self), self->highlight_timeout);
      self->highlight_timeout = 0;
    }
  g_free (self->jump_date);
  self->jump_date = g_strdup (date);
  foreach_row (self, show_highlight_cb, self);
  if (date != NULL)
    self->highlight_timeout = rw_clock_add_timeout (get_clock (self), HIGHLIGHT_MS,
                                                    highlight_done_cb, self, NULL);
}

static void
refresh_search_cb (gpointer row,
                   gpointer user_data)
{
  RwJournalPage *self = user_data;

  rw_history_row_set_search (row, rw_history_model_get_search (self->history));
}

/* "12 check-ins" beside the search, once the matches are in. */
static void
update_search_count (RwJournalPage *self)
{
  guint n = rw_history_model_get_n_matches (self->history);
  g_autofree char *text = NULL;

  if (self->search_count == NULL)
    return;
  if (rw_history_model_get_search (self->history) == NULL)
    text = g_strdup ("");
  else if (n == 0)
    text = g_strdup (_("No check-ins match"));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u check-in", "%u check-ins", n), n);
  gtk_label_set_label (self->search_count, text);
}

static void
history_items_changed_cb (RwJournalPage *self)
{
  update_state (self);
}

static void
history_loading_cb (RwJournalPage *self)
{
  if (rw_history_model_get_loading (self->history))
    return;

  /* New matches: from the top. Rows that stay (a narrower search keeps
   * them) are not bound again, so their highlight is renewed here. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled), 0);
  foreach_row (self, refresh_search_cb, self);
  update_search_count (self);
  update_state (self);
}

static void update_session_matches (RwJournalPage *self);

static void
journal_changed_cb (RwJournalPage *self)
{
  rw_journal_page_refresh_today (self);
  /* A session edited, deleted or brought back while the search shows. */
  if (rw_history_model_get_search (self->history) != NULL)
    update_session_matches (self);
}

static void
update_tag_button (RwJournalPage *self)
{
  const char *tag = rw_history_model_get_tag (self->history);
  g_autofree char *tooltip = NULL;

  gtk_label_set_label (self->tag_label, tag != NULL ? tag : _("All tags"));
  /* Where the button shows only an icon, its tooltip names the tag. */
  if (tag != NULL)
    tooltip = g_strdup_printf (_("Showing only check-ins tagged “%s”"), tag);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->tag_button),
                               tooltip != NULL ? tooltip : _("Show only check-ins with a tag"));
}

static void
setup_tag_row_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  RwJournalPage            *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *uses = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (uses, "dim-label");
  gtk_widget_add_css_class (uses, "numeric");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), uses);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_tag_row_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 RwJournalPage            *self)
{
  RwTag *tag = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *uses = gtk_widget_get_next_sibling (name);
  g_autofree char *count = g_strdup_printf ("%u", rw_tag_get_uses (tag));
  g_autofree char *description = NULL;

  gtk_label_set_label (GTK_LABEL (name), rw_tag_get_name (tag));
  gtk_label_set_label (GTK_LABEL (uses), count);
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u check-in",
                                              "%s, %u check-ins", rw_tag_get_uses (tag)),
                                 rw_tag_get_name (tag), rw_tag_get_uses (tag));
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  description, -1);
}

static char *
dup_tag_name (RwTag *tag)
{
  return g_strdup (rw_tag_get_name (tag));
}

/* The list of tags is made when the popover first opens. */
static void
tag_popover_show_cb (RwJournalPage *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkSortListModel *sorted;
  GtkStringSorter *sorter;

  if (gtk_list_view_get_model (self->tag_list_view) != NULL)
    return;

  /* By name, in the person's language, ignoring case ("Sleep" beside
   * "sleep"): GtkStringSorter folds the case and keeps one
   * g_utf8_collate_key() per tag. */
  sorter = gtk_string_sorter_new (gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                               G_CALLBACK (dup_tag_name),
                                                               NULL, NULL));
  gtk_string_sorter_set_ignore_case (sorter, TRUE);
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (rw_journal_get_tags (get_journal (self)))),
                                    GTK_SORTER (sorter));
  gtk_list_view_set_model (self->tag_list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (sorted))));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_tag_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_tag_row_cb), self);
  gtk_list_view_set_factory (self->tag_list_view, factory);
}

static void
tag_activate_cb (RwJournalPage *self,
                 guint          position)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (self->tag_list_view));
  g_autoptr(RwTag) tag = g_list_model_get_item (model, position);

  if (tag != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "journal.filter-tag", "s", rw_tag_get_name (tag));
}

static void
filter_tag_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RwJournalPage *self = RW_JOURNAL_PAGE (widget);
  const char *tag = g_variant_get_string (parameter, NULL);

  gtk_menu_button_popdown (self->tag_button);
  rw_history_model_set_tag (self->history, *tag != '\0' ? tag : NULL);
  update_tag_button (self);
  update_state (self);
}

static void search_changed_cb (RwJournalPage *self);
static void stop_search_cb (RwJournalPage *self);
static void update_session_matches (RwJournalPage *self);

static GtkSearchEntry *
ensure_search_entry (RwJournalPage *self)
{
  GtkWidget *box;

  if (self->search_entry != NULL)
    return self->search_entry;

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->search_entry), TRUE);
  g_object_set (self->search_entry, "placeholder-text", _("Search notes and tags"), NULL);
  gtk_search_entry_set_search_delay (self->search_entry, 120);
  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "stop-search",
                           G_CALLBACK (stop_search_cb), self, G_CONNECT_SWAPPED);
  self->search_count = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->search_count), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->search_count), "numeric");
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->search_entry));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->search_count));
  {
    g_autoptr(GList) described_by = g_list_append (NULL, self->search_count);

    gtk_accessible_update_relation (GTK_ACCESSIBLE (self->search_entry),
                                    GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, described_by, -1);
  }
  adw_clamp_set_child (self->search_clamp, box);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  return self->search_entry;
}

static void
search_mode_cb (RwJournalPage *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    {
      /* The search finds check-ins and, above them, sessions. */
      rw_journal_page_set_sessions_shown (self, FALSE);
      gtk_widget_grab_focus (GTK_WIDGET (ensure_search_entry (self)));
    }
}

static void
search_changed_cb (RwJournalPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  rw_history_model_set_search (self->history, text);
  if (rw_history_model_get_search (self->history) == NULL)
    update_search_count (self);
  update_session_matches (self);
  update_state (self);
}

static void
stop_search_cb (RwJournalPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

/**
 * rw_journal_page_set_search:
 * @self: a #RwJournalPage
 * @text: (nullable): what to search for, as if typed
 *
 * The matches arrive a moment later (#RwHistoryModel:loading).
 */
void
rw_journal_page_set_search (RwJournalPage *self,
                            const char    *text)
{
  g_return_if_fail (RW_IS_JOURNAL_PAGE (self));

  gtk_search_bar_set_search_mode (self->search_bar, text != NULL && *text != '\0');
  gtk_editable_set_text (GTK_EDITABLE (ensure_search_entry (self)), text != NULL ? text : "");
  search_changed_cb (self);
}

void
rw_journal_page_set_tag_filter (RwJournalPage *self,
                                const char    *tag)
{
  g_return_if_fail (RW_IS_JOURNAL_PAGE (self));

  gtk_widget_activate_action (GTK_WIDGET (self), "journal.filter-tag", "s", tag != NULL ? tag : "");
}

static gboolean place_jump_target_cb (GtkWidget     *widget,
                                      GdkFrameClock *clock,
                                      gpointer       user_data);

/**
 * rw_journal_page_jump_to_date:
 * @self: a #RwJournalPage
 * @date: YYYY-MM-DD
 *
 * Shows @date (or the nearest older day with check-ins), reading only the
 * days around it.
 */
void
rw_journal_page_jump_to_date (RwJournalPage *self,
                              const char    *date)
{
  GtkAdjustment *adjustment;
  g_autoptr(GObject) item = NULL;
  guint position, n, before;
  double page;

  g_return_if_fail (RW_IS_JOURNAL_PAGE (self));

  adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);
  page = gtk_adjustment_get_page_size (adjustment);
  n = MAX (4, (guint) (page / ROW_HEIGHT_GUESS) + 1);
  /* Enough above the day for it to come down to the upper third. */
  before = MAX (2, (guint) (page * JUMP_OFFSET / ROW_HEIGHT_GUESS) + 1);
  position = rw_history_model_jump_to_date (self->history, date, before, n);
  if (position == G_MAXUINT)
    return;

  self->scroll_target = position;
  item = g_list_model_get_item (G_LIST_MODEL (self->history), position);
  set_highlight (self, RW_IS_DAY_HEADER (item) ? rw_day_header_get_date (RW_DAY_HEADER (item)) : NULL);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);

  /* scroll-to-item scrolls as little as it can, to the bottom edge when
   * the day is below: the next frames move it up, once its row is laid
   * out (the rows around it are measured over a few frames). */
  if (self->jump_frames == 0)
    gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view), place_jump_target_cb, self, NULL);
  self->jump_frames = JUMP_FRAMES;
}

static void
find_jump_header_cb (gpointer row,
                     gpointer user_data)
{
  gpointer *found = user_data;
  RwJournalPage *self = found[0];

  if (found[1] == NULL && RW_IS_DAY_HEADER (rw_history_row_get_item (row)) &&
      gtk_widget_get_mapped (row) &&
      g_strcmp0 (rw_history_row_get_date (row), self->jump_date) == 0)
    found[1] = row;
}

/* Brings the header of the jump's day to JUMP_OFFSET of the list's
 * height, or as near as the ends of the history allow. */
static void
place_jump_target (RwJournalPage *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);
  double page = gtk_adjustment_get_page_size (adjustment);
  double value = gtk_adjustment_get_value (adjustment);
  gpointer found[2] = { self, NULL };
  double x, y, wanted;

  if (self->jump_date == NULL || page <= 0)
    return;

  foreach_row (self, find_jump_header_cb, found);
  if (found[1] == NULL ||
      !gtk_widget_translate_coordinates (found[1], GTK_WIDGET (self->scrolled), 0, 0, &x, &y))
    return;

  wanted = value + y - page * JUMP_OFFSET;
  wanted = CLAMP (wanted, gtk_adjustment_get_lower (adjustment),
                  gtk_adjustment_get_upper (adjustment) - page);
  if (ABS (wanted - value) >= 1)
    gtk_adjustment_set_value (adjustment, wanted);
}

/* The rows near the day are measured over a few frames (their heights
 * are guesses until then): the day is placed again in each. */
static gboolean
place_jump_target_cb (GtkWidget     *widget,
                      GdkFrameClock *clock,
                      gpointer       user_data)
{
  RwJournalPage *self = user_data;

  if (self->jump_frames > 0)
    self->jump_frames--;
  if (self->jump_frames == 0 || self->jump_date == NULL)
    {
      self->jump_frames = 0;
      return G_SOURCE_REMOVE;
    }
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_LAYOUT);
  return G_SOURCE_CONTINUE;
}

static void
jump_day_selected_cb (RwJournalPage *self)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (self->jump_calendar);
  g_autofree char *date = rw_date_to_iso (rw_date_from_date_time (dt));

  gtk_menu_button_popdown (self->jump_button);
  rw_journal_page_jump_to_date (self, date);
}

/* The days of the month shown that have check-ins, marked. */
static void
mark_calendar_days (RwJournalPage *self)
{
  g_autoptr(GDateTime) shown = gtk_calendar_get_date (self->jump_calendar);
  guint32 days = rw_history_model_get_days_with_check_ins (self->history,
                                                           g_date_time_get_year (shown),
                                                           g_date_time_get_month (shown));

  g_autoptr(GDateTime) other = NULL;

  gtk_calendar_clear_marks (self->jump_calendar);
  for (guint day = 1; day <= 31; day++)
    if (days & (1u << day))
      gtk_calendar_mark_day (self->jump_calendar, day);

  /* GTK 4.8 shows marks only as it selects a new day: another day of the
   * month, then this one again, without a jump. */
  other = g_date_time_add_days (shown, g_date_time_get_day_of_month (shown) > 1 ? -1 : 1);
  g_signal_handlers_block_by_func (self->jump_calendar, jump_day_selected_cb, self);
  gtk_calendar_select_day (self->jump_calendar, other);
  gtk_calendar_select_day (self->jump_calendar, shown);
  g_signal_handlers_unblock_by_func (self->jump_calendar, jump_day_selected_cb, self);
}

static void
jump_entry_activate_cb (RwJournalPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->jump_entry));
  guint32 day = rw_date_parse_typed (text);
  g_autofree char *date = NULL;

  if (day == 0)
    {
      g_autofree char *message = NULL;
      g_autofree char *example = rw_date_to_iso (rw_clock_get_day (get_clock (self)));
      g_autofree char *typed = g_strstrip (g_strdup (text));

      /* Translators: %s is what was typed, the example a date as YYYY-MM-DD */
      message = *typed != '\0'
                ? g_strdup_printf (_("“%s” is not a date. Try a date such as %s."), text, example)
                : g_strdup_printf (_("Type a date such as %s."), example);
      gtk_label_set_label (self->jump_error, message);
      gtk_widget_set_visible (GTK_WIDGET (self->jump_error), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->jump_entry), "error");
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->jump_error), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->jump_entry), "error");
  gtk_editable_set_text (GTK_EDITABLE (self->jump_entry), "");
  date = rw_date_to_iso (day);
  gtk_menu_button_popdown (self->jump_button);
  rw_journal_page_jump_to_date (self, date);
}

static void
jump_entry_changed_cb (RwJournalPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->jump_error), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->jump_entry), "error");
}

/* A calendar is some sixty widgets: made when the jump first opens. */
static void
create_jump_popover_cb (GtkMenuButton *button,
                        gpointer       user_data)
{
  RwJournalPage *self = user_data;
  g_autoptr(GtkBuilder) builder = NULL;

  if (self->jump_calendar != NULL)
    {
      mark_calendar_days (self);
      return;
    }

  builder = gtk_builder_new_from_resource ("/io/github/rewire/Rewire/rw-jump-popover.ui");
  self->jump_calendar = GTK_CALENDAR (gtk_builder_get_object (builder, "calendar"));
  self->jump_entry = GTK_ENTRY (gtk_builder_get_object (builder, "entry"));
  self->jump_error = GTK_LABEL (gtk_builder_get_object (builder, "error"));
  /* Today on the page's clock (before a selection means a jump). */
  {
    g_autoptr(GDateTime) today = rw_date_to_date_time (rw_clock_get_day (get_clock (self)), 12, 0);

    if (today != NULL)
      gtk_calendar_select_day (self->jump_calendar, today);
  }
  g_signal_connect_object (self->jump_calendar, "day-selected",
                           G_CALLBACK (jump_day_selected_cb), self, G_CONNECT_SWAPPED);
  /* A new month or year shown: its days marked. */
  g_signal_connect_object (self->jump_calendar, "notify::month",
                           G_CALLBACK (mark_calendar_days), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->jump_calendar, "notify::year",
                           G_CALLBACK (mark_calendar_days), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->jump_entry, "activate",
                           G_CALLBACK (jump_entry_activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->jump_entry, "changed",
                           G_CALLBACK (jump_entry_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_menu_button_set_popover (button, GTK_WIDGET (gtk_builder_get_object (builder, "popover")));
  mark_calendar_days (self);
}

/* What the colours of the day badges mean, made when first asked. */
static void
create_legend_popover_cb (GtkMenuButton *button,
                          gpointer       user_data)
{
  g_autoptr(GtkBuilder) builder = NULL;

  if (gtk_menu_button_get_popover (button) != NULL)
    return;

  builder = gtk_builder_new_from_resource ("/io/github/rewire/Rewire/rw-mood-legend.ui");
  gtk_menu_button_set_popover (button, GTK_WIDGET (gtk_builder_get_object (builder, "popover")));
}

guint
rw_journal_page_get_scroll_target (RwJournalPage *self)
{
  g_return_val_if_fail (RW_IS_JOURNAL_PAGE (self), G_MAXUINT);
  return self->scroll_target;
}

/* The decision is the core's (rw_journal_offer_help(), made once the
 * check-in is saved, by whichever view saved it); this shows it: a line
 * with the first number to call for the person's country and the way to
 * Get Help Now, never a dialog. */
static void
help_offered_cb (RwJournalPage *self,
                 RwCheckIn     *check_in,
                 RwJournal     *journal)
{
  g_autoptr(RwCrisisDirectory) directory = rw_crisis_directory_new_or_fallback ();
  g_autofree char *chosen = g_settings_get_string (get_settings (self), "country");
  g_autofree char *country = rw_safety_resolve_country (directory, chosen);
  g_autofree char *line = rw_safety_dup_call_line (directory, country);

  /* Made the first time it shows, not with the page. */
  if (self->low_mood_number == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/rewire/Rewire/rw-low-mood-card.ui");

      gtk_revealer_set_child (self->low_mood_revealer,
                              GTK_WIDGET (gtk_builder_get_object (builder, "card")));
      self->low_mood_number = GTK_LABEL (gtk_builder_get_object (builder, "number_label"));
    }
  gtk_label_set_label (self->low_mood_number, line);
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
                                   self->context, check_in);
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

  check_in = rw_journal_lookup (get_journal (self), g_variant_get_string (parameter, NULL), &error);
  if (check_in == NULL)
    {
      show_error_toast (self, error);
      return;
    }
  open_editor (self, check_in);
}

static void
purge_all_pending (RwJournalPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!rw_journal_purge_hidden (get_journal (self), &error))
    g_message ("Could not remove deleted check-ins yet: %s", error->message);
}

/* Undo ends only when its toast goes (timed out, closed, or replaced
 * when the page goes): never while it is on screen or waiting its turn.
 * Only this check-in goes; another delete's Undo may still be showing. */
static void
scrub_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr(RwJournalPage) self = g_weak_ref_get (ref);
  g_autoptr(GError) error = NULL;

  g_weak_ref_clear (ref);
  g_free (ref);
  /* Left for the next delete or start-up; nothing to tell the person. */
  if (!rw_journal_scrub_finish (RW_JOURNAL (source), result, &error))
    g_message ("Could not tidy the search index after a delete: %s", error->message);
  else if (self != NULL && self->context != NULL &&
           gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    /* Gone from the journal, but not from the backups made before. */
    rw_backups_tell_after_delete (self->context, self->toast_overlay);
}

/* Takes a deleted row's words out of the search index and the log, in a
 * worker; the page may be gone when it ends. */
static void
scrub_after_purge (RwJournalPage *self)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, self);
  rw_journal_scrub_async (get_journal (self), NULL, scrub_done_cb, ref);
}

static void
toast_dismissed_cb (AdwToast      *toast,
                    PendingDelete *pending)
{
  RwJournalPage *self = pending->page;
  g_autoptr(GError) error = NULL;

  /* The toast can be dismissed again while it slides away (the Undo
   * button dismisses it once more when idle): this was the last time. */
  g_signal_handlers_disconnect_by_func (toast, toast_dismissed_cb, pending);
  if (!pending->undone)
    {
      if (rw_journal_purge (get_journal (self), pending->id, &error))
        /* Gone for good: and its words from the search index and the
         * log too. */
        scrub_after_purge (self);
      else
        g_message ("Could not remove a deleted check-in yet: %s", error->message);
    }
  g_hash_table_remove (self->pending, pending->id);
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

  if (!rw_journal_hide (get_journal (self), id, &error))
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
  /* libadwaita's own timeout: it waits while the pointer rests on the
   * toast or the toast has focus, so Undo lasts as long as it shows. */
  adw_toast_set_timeout (pending->toast, self->undo_timeout);
  g_signal_connect (pending->toast, "dismissed", G_CALLBACK (toast_dismissed_cb), pending);
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

  if (!rw_journal_unhide (get_journal (self), id, &error))
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
open_session_editor (RwJournalPage       *self,
                     RwSession           *session,
                     RwSessionEditorPart  part)
{
  RwSessionEditor *editor;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->session_editor != NULL)
    {
      gtk_window_present (self->session_editor);
      return;
    }

  editor = rw_session_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                  self->context, session, part);
  self->session_editor = GTK_WINDOW (editor);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &self->session_editor);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_session_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  open_session_editor (RW_JOURNAL_PAGE (widget), NULL, RW_SESSION_EDITOR_ALL);
}

/* journal.edit-session, journal.session-before and journal.session-after:
 * the whole session, or the part before or after it. */
static void
edit_session_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RwJournalPage *self = RW_JOURNAL_PAGE (widget);
  g_autoptr(RwSession) session = NULL;
  g_autoptr(GError) error = NULL;
  RwSessionEditorPart part = RW_SESSION_EDITOR_ALL;

  if (g_str_equal (action_name, "journal.session-before"))
    part = RW_SESSION_EDITOR_BEFORE;
  else if (g_str_equal (action_name, "journal.session-after"))
    part = RW_SESSION_EDITOR_AFTER;

  session = rw_journal_lookup_session (get_journal (self), g_variant_get_string (parameter, NULL),
                                       &error);
  if (session == NULL)
    {
      show_error_toast (self, error);
      return;
    }
  open_session_editor (self, session, part);
}

static void
mark_session_done_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  RwJournalPage *self = RW_JOURNAL_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gboolean done = g_str_equal (action_name, "journal.mark-session-done");

  if (!rw_journal_mark_session_done (get_journal (self), g_variant_get_string (parameter, NULL),
                                     done, &error))
    show_error_toast (self, error);
}

static void
session_toast_dismissed_cb (AdwToast      *toast,
                            PendingDelete *pending)
{
  RwJournalPage *self = pending->page;
  g_autoptr(GError) error = NULL;

  /* As toast_dismissed_cb: only the last dismissal counts. */
  g_signal_handlers_disconnect_by_func (toast, session_toast_dismissed_cb, pending);
  if (!pending->undone)
    {
      if (rw_journal_purge_session (get_journal (self), pending->id, &error))
        scrub_after_purge (self);
      else
        g_message ("Could not remove a deleted session yet: %s", error->message);
    }
  g_hash_table_remove (self->pending_sessions, pending->id);
}

static void
delete_session_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RwJournalPage *self = RW_JOURNAL_PAGE (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;
  PendingDelete *pending;

  if (!rw_journal_hide_session (get_journal (self), id, &error))
    {
      show_error_toast (self, error);
      return;
    }

  pending = g_new0 (PendingDelete, 1);
  pending->page = self;
  pending->id = g_strdup (id);
  pending->toast = adw_toast_new (_("Session deleted"));
  adw_toast_set_button_label (pending->toast, _("_Undo"));
  adw_toast_set_action_name (pending->toast, "journal.undo-delete-session");
  adw_toast_set_action_target_value (pending->toast, g_variant_new_string (id));
  adw_toast_set_timeout (pending->toast, self->undo_timeout);
  g_signal_connect (pending->toast, "dismissed", G_CALLBACK (session_toast_dismissed_cb), pending);
  g_hash_table_replace (self->pending_sessions, pending->id, pending);
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (pending->toast));
}

static void
undo_delete_session_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  RwJournalPage *self = RW_JOURNAL_PAGE (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  PendingDelete *pending = g_hash_table_lookup (self->pending_sessions, id);
  g_autoptr(GError) error = NULL;

  if (!rw_journal_unhide_session (get_journal (self), id, &error))
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

/* The page goes (the app quits): deleted sessions go for good. */
static void
purge_pending_sessions (RwJournalPage *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->pending_sessions);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      PendingDelete *pending = value;
      g_autoptr(GError) error = NULL;

      g_signal_handlers_disconnect_by_data (pending->toast, pending);
      if (!pending->undone && !rw_journal_purge_session (get_journal (self), pending->id, &error))
        g_message ("Could not remove a deleted session yet: %s", error->message);
    }
  g_hash_table_remove_all (self->pending_sessions);
}

/**
 * rw_journal_page_get_sessions_shown:
 * @self: a #RwJournalPage
 *
 * Returns: whether the page shows the session log instead of check-ins
 */
gboolean
rw_journal_page_get_sessions_shown (RwJournalPage *self)
{
  g_return_val_if_fail (RW_IS_JOURNAL_PAGE (self), FALSE);
  return self->sessions_shown;
}

void
rw_journal_page_set_sessions_shown (RwJournalPage *self,
                                    gboolean       shown)
{
  g_return_if_fail (RW_IS_JOURNAL_PAGE (self));

  shown = !!shown;
  if (self->sessions_shown == shown)
    return;
  self->sessions_shown = shown;

  /* Made the first time it is asked for, not with the page. */
  if (shown && self->session_log == NULL)
    {
      self->session_log = rw_session_log_new (self->context);
      gtk_stack_add_named (self->stack, self->session_log, "sessions");
    }
  if (shown)
    gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  /* The tag filter, legend and jump are the check-ins'. */
  gtk_widget_set_visible (GTK_WIDGET (self->tag_button), !shown);
  gtk_widget_set_visible (GTK_WIDGET (self->legend_button), !shown);
  gtk_widget_set_visible (GTK_WIDGET (self->jump_button), !shown);
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSIONS_SHOWN]);
}

/**
 * rw_journal_page_get_session_log:
 * @self: a #RwJournalPage
 *
 * Returns: (nullable) (transfer none): the session log, once shown
 */
GtkWidget *
rw_journal_page_get_session_log (RwJournalPage *self)
{
  g_return_val_if_fail (RW_IS_JOURNAL_PAGE (self), NULL);
  return self->session_log;
}

/**
 * rw_journal_page_get_session_editor:
 * @self: a #RwJournalPage
 *
 * Returns: (nullable) (transfer none): the open session editor
 */
GtkWindow *
rw_journal_page_get_session_editor (RwJournalPage *self)
{
  g_return_val_if_fail (RW_IS_JOURNAL_PAGE (self), NULL);
  return self->session_editor;
}

/* The session card under the Today card: the next session with its
 * Prepare (the part before), and on the day and the three days after a
 * session not yet marked done, How Did It Go? (the part after). */
static void
refresh_session_card (RwJournalPage *self)
{
  RwJournal *journal = get_journal (self);
  guint32 today = rw_clock_get_day (get_clock (self));
  g_autoptr(RwSession) next = rw_journal_next_session (journal, today, NULL);
  g_autoptr(RwSession) last = NULL;
  g_autoptr(GPtrArray) recent = NULL;
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;

  if (today > RW_SESSION_INTEGRATION_DAYS)
    recent = rw_journal_list_sessions_range (journal, today - RW_SESSION_INTEGRATION_DAYS, today, NULL);
  for (guint i = recent != NULL ? recent->len : 0; i > 0; i--)
    if (!rw_session_get_done (recent->pdata[i - 1]))
      {
        last = g_object_ref (recent->pdata[i - 1]);
        break;
      }

  if (last == NULL && next == NULL)
    {
      gtk_widget_set_visible (self->session_clamp, FALSE);
      return;
    }

  if (last != NULL && rw_date_from_iso (rw_session_get_date (last)) < today)
    {
      when = rw_session_dup_when (last, today);
      /* Translators: when the session was, and its phase ("Booster") */
      text = g_strdup_printf (_("Your session of %s — %s. How did it go?"), when,
                              rw_session_phase_get_label (rw_session_get_phase (last)));
      g_clear_object (&next);
    }
  else if (last != NULL)
    {
      g_clear_object (&next);
      next = g_steal_pointer (&last);
      last = g_object_ref (next);
      /* Translators: the time of today's session and its phase */
      text = rw_session_get_time (next) != NULL
             ? g_strdup_printf (_("Session today at %s — %s"), rw_session_get_time (next),
                                rw_session_phase_get_label (rw_session_get_phase (next)))
             : g_strdup_printf (_("Session today — %s"),
                                rw_session_phase_get_label (rw_session_get_phase (next)));
    }
  else
    {
      when = rw_session_dup_when (next, today);
      /* Translators: when the next session is, and its phase ("Booster") */
      text = g_strdup_printf (_("Next session: %s — %s"), when,
                              rw_session_phase_get_label (rw_session_get_phase (next)));
    }

  gtk_label_set_label (self->session_label, text);
  gtk_widget_set_visible (self->session_before_button, next != NULL);
  if (next != NULL)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->session_before_button),
                                            g_variant_new_string (rw_session_get_id (next)));
  gtk_widget_set_visible (self->session_after_button, last != NULL);
  if (last != NULL)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->session_after_button),
                                            g_variant_new_string (rw_session_get_id (last)));
  gtk_widget_set_visible (self->session_clamp, TRUE);
}

/**
 * rw_journal_page_get_session_card_text:
 * @self: a #RwJournalPage
 *
 * Returns: (nullable): what the session card says, or %NULL when it is
 *   not shown
 */
const char *
rw_journal_page_get_session_card_text (RwJournalPage *self)
{
  g_return_val_if_fail (RW_IS_JOURNAL_PAGE (self), NULL);

  if (!gtk_widget_get_visible (self->session_clamp))
    return NULL;
  return gtk_label_get_label (self->session_label);
}

/* The first of @session's words that hold @needle, for its match row. */
static const char *
find_session_snippet (RwSession  *session,
                      const char *needle)
{
  const char *texts[2 + RW_SESSION_INTEGRATION_DAYS * RW_N_INTEGRATION_PROMPTS];
  guint n = 0;

  texts[n++] = rw_session_get_note (session);
  texts[n++] = rw_session_get_intention (session);
  for (guint day = 1; day <= RW_SESSION_INTEGRATION_DAYS; day++)
    for (guint p = 0; p < RW_N_INTEGRATION_PROMPTS; p++)
      texts[n++] = rw_session_get_integration (session, day, p);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *folded = g_utf8_casefold (texts[i], -1);

      if (*needle != '\0' && strstr (folded, needle) != NULL)
        return texts[i];
    }
  for (guint i = 0; i < n; i++)
    if (*texts[i] != '\0')
      return texts[i];
  return "";
}

/* The sessions the search finds, above the check-ins it finds. */
static void
update_session_matches (RwJournalPage *self)
{
  const char *query = rw_history_model_get_search (self->history);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *needle = NULL;
  guint32 today = rw_clock_get_day (get_clock (self));
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->session_matches))) != NULL)
    gtk_list_box_remove (self->session_matches, child);

  if (query != NULL)
    {
      g_auto(GStrv) words = g_strsplit (query, " ", 2);

      found = rw_journal_search_sessions (get_journal (self), query, &error);
      if (found == NULL)
        g_debug ("Could not search the sessions: %s", error->message);
      needle = g_utf8_casefold (words[0] != NULL ? words[0] : "", -1);
    }

  for (guint i = 0; found != NULL && i < found->len; i++)
    {
      RwSession *session = found->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *when = rw_session_dup_when (session, today);
      g_autofree char *title = NULL;
      g_autofree char *snippet = g_strdup (find_session_snippet (session, needle));

      g_strdelimit (snippet, "\n", ' ');
      /* Translators: when a session was and its phase, in the search */
      title = g_strdup_printf (_("Session: %s — %s"), when,
                               rw_session_phase_get_label (rw_session_get_phase (session)));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), snippet);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("alarm-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "journal.edit-session");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row),
                                              g_variant_new_string (rw_session_get_id (session)));
      gtk_list_box_append (self->session_matches, row);
    }
  gtk_revealer_set_reveal_child (self->session_matches_revealer, found != NULL && found->len > 0);
}

/**
 * rw_journal_page_get_n_session_matches:
 * @self: a #RwJournalPage
 *
 * Returns: how many sessions the search shows above the check-ins
 */
guint
rw_journal_page_get_n_session_matches (RwJournalPage *self)
{
  guint n = 0;

  g_return_val_if_fail (RW_IS_JOURNAL_PAGE (self), 0);

  if (!gtk_revealer_get_reveal_child (self->session_matches_revealer))
    return 0;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->session_matches));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
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
  gtk_widget_grab_focus (GTK_WIDGET (ensure_search_entry (self)));
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
                       rw_history_model_get_search (self->history));
  show_highlight_cb (row, self);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               RwJournalPage            *self)
{
  rw_history_row_unbind (RW_HISTORY_ROW (gtk_list_item_get_child (list_item)));
}

static void
rw_journal_page_map (GtkWidget *widget)
{
  RwJournalPage *self = RW_JOURNAL_PAGE (widget);

  GTK_WIDGET_CLASS (rw_journal_page_parent_class)->map (widget);

  /* After the window's own layout in each frame: a history that does not
   * fill the screen is read further and laid out again before painting. */
  self->frame_clock = g_object_ref (gtk_widget_get_frame_clock (widget));
  self->layout_id = g_signal_connect_object (self->frame_clock, "layout",
                                             G_CALLBACK (frame_layout_cb), self,
                                             G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

static void
rw_journal_page_unmap (GtkWidget *widget)
{
  RwJournalPage *self = RW_JOURNAL_PAGE (widget);

  if (self->frame_clock != NULL)
    g_clear_signal_handler (&self->layout_id, self->frame_clock);
  g_clear_object (&self->frame_clock);

  GTK_WIDGET_CLASS (rw_journal_page_parent_class)->unmap (widget);
}

static void
rw_journal_page_constructed (GObject *object)
{
  RwJournalPage *self = (RwJournalPage *)object;
  g_autoptr(GtkNoSelection) selection = NULL;

  G_OBJECT_CLASS (rw_journal_page_parent_class)->constructed (object);

  g_assert (self->context != NULL);

  self->today = rw_clock_dup_today (get_clock (self));
  self->history = rw_history_model_new (get_journal (self));
  g_signal_connect_object (self->history, "items-changed",
                           G_CALLBACK (history_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::loading",
                           G_CALLBACK (history_loading_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (get_journal (self), "changed",
                           G_CALLBACK (journal_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (get_journal (self), "help-offered",
                           G_CALLBACK (help_offered_cb), self, G_CONNECT_SWAPPED);

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->history)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  rw_history_model_load_older (self->history, FIRST_CHECK_INS);
  rw_journal_page_refresh_today (self);
  update_state (self);
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
      purge_all_pending (self);
    }
  g_clear_pointer (&self->pending, g_hash_table_unref);
  if (self->pending_sessions != NULL)
    purge_pending_sessions (self);
  g_clear_pointer (&self->pending_sessions, g_hash_table_unref);

  if (self->editor != NULL)
    gtk_window_destroy (self->editor);
  if (self->session_editor != NULL)
    gtk_window_destroy (self->session_editor);

  if (self->highlight_timeout != 0)
    {
      rw_clock_remove_timeout (get_clock (self), self->highlight_timeout);
      self->highlight_timeout = 0;
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), RW_TYPE_JOURNAL_PAGE);

  g_clear_object (&self->history);
  g_clear_object (&self->context);
  g_clear_object (&self->app_icon);

  G_OBJECT_CLASS (rw_journal_page_parent_class)->dispose (object);
}

static void
rw_journal_page_finalize (GObject *object)
{
  RwJournalPage *self = (RwJournalPage *)object;

  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->jump_date, g_free);

  G_OBJECT_CLASS (rw_journal_page_parent_class)->finalize (object);
}

static void
rw_journal_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RwJournalPage *self = RW_JOURNAL_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_UNDO_TIMEOUT:
      g_value_set_uint (value, rw_journal_page_get_undo_timeout (self));
      break;
    case PROP_SESSIONS_SHOWN:
      g_value_set_boolean (value, rw_journal_page_get_sessions_shown (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rw_journal_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RwJournalPage *self = RW_JOURNAL_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_UNDO_TIMEOUT:
      rw_journal_page_set_undo_timeout (self, g_value_get_uint (value));
      break;
    case PROP_SESSIONS_SHOWN:
      rw_journal_page_set_sessions_shown (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rw_journal_page_class_init (RwJournalPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rw_journal_page_constructed;
  object_class->dispose = rw_journal_page_dispose;
  object_class->finalize = rw_journal_page_finalize;
  object_class->get_property = rw_journal_page_get_property;
  object_class->set_property = rw_journal_page_set_property;
  widget_class->map = rw_journal_page_map;
  widget_class->unmap = rw_journal_page_unmap;

  g_type_ensure (RW_TYPE_WIDTH_BIN);

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, RW_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * RwJournalPage:undo-timeout:
   *
   * How many seconds the Undo toast of a delete shows (not counting the
   * time the pointer rests on it); the check-in goes for good only when
   * the toast has gone.
   */
  properties[PROP_UNDO_TIMEOUT] =
    g_param_spec_uint ("undo-timeout", NULL, NULL, 1, G_MAXUINT, RW_UNDO_SECONDS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * RwJournalPage:sessions-shown:
   *
   * Whether the page shows the session log instead of the check-ins.
   */
  properties[PROP_SESSIONS_SHOWN] =
    g_param_spec_boolean ("sessions-shown", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rewire/Rewire/rw-journal-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RwJournalPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RwJournalPage, tag_button);
  gtk_widget_class_bind_template_child (widget_class, RwJournalPage, tag_label);
  gtk_widget_class_bind_template_child (widget_class, RwJournalPage, tag_list_view);
  gtk_widget_class_bind_template_child (widget_class, RwJournalPage, legend_button);
  gtk_widget_class_bind_template_child (widget_class, RwJournalPage, jump_button);
  gtk_widget_class_bind_template_child (widget_class, RwJournalPage, search_button);
  gtk_widget_class_bind_template_child (widget_class, RwJournalPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, RwJournalPage, search_clamp);
  gtk_widget_class_bind_template_child (widget_class, RwJournalPage, low_mood_revealer);
  gtk_widget_class_bind_template_child (widget_class, RwJournalPage, today_clamp);
  gtk_widget_class_bind_template_child (widget_class, RwJournalPage, today_icon);
  gtk_widget_class_bind_template_child (widget_class, RwJournalPage, today_label);
  gtk_widget_class_bind_template_child (widget_class, RwJournalPage, today_button);
  gtk_widget_class_bind_template_child (widget_class, RwJournalPage, questionnaire_due_revealer);
  gtk_widget_class_bind_template_child (widget_class, RwJournalPage, questionnaire_due_label);
  gtk_widget_class_bind_template_child (widget_class, RwJournalPage, questionnaire_due_button);
  gtk_widget_class_bind_template_child (widget_class, RwJournalPage, stack);
  gtk_widget_class_bind_template_child (widget_class, RwJournalPage, message_icon);
  gtk_widget_class_bind_template_child (widget_class, RwJournalPage, message_title);
  gtk_widget_class_bind_template_child (widget_class, RwJournalPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, RwJournalPage, empty_buttons);
  gtk_widget_class_bind_template_child (widget_class, RwJournalPage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, RwJournalPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, RwJournalPage, sessions_button);
  gtk_widget_class_bind_template_child (widget_class, RwJournalPage, session_matches_revealer);
  gtk_widget_class_bind_template_child (widget_class, RwJournalPage, session_matches);
  gtk_widget_class_bind_template_child (widget_class, RwJournalPage, session_clamp);
  gtk_widget_class_bind_template_child (widget_class, RwJournalPage, session_label);
  gtk_widget_class_bind_template_child (widget_class, RwJournalPage, session_buttons);
  gtk_widget_class_bind_template_child (widget_class, RwJournalPage, session_before_button);
  gtk_widget_class_bind_template_child (widget_class, RwJournalPage, session_after_button);
  gtk_widget_class_bind_template_callback (widget_class, tag_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, tag_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_mode_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);

  gtk_widget_class_install_action (widget_class, "journal.new-check-in", NULL, new_check_in_action);
  gtk_widget_class_install_action (widget_class, "journal.edit-check-in", "s", edit_check_in_action);
  gtk_widget_class_install_action (widget_class, "journal.delete-check-in", "s",
                                   delete_check_in_action);
  gtk_widget_class_install_action (widget_class, "journal.undo-delete", "s", undo_delete_action);
  gtk_widget_class_install_action (widget_class, "journal.hide-low-mood", NULL, hide_low_mood_action);
  gtk_widget_class_install_action (widget_class, "journal.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "journal.jump-to-date", NULL, jump_action);
  gtk_widget_class_install_action (widget_class, "journal.filter-tag", "s", filter_tag_action);
  gtk_widget_class_install_property_action (widget_class, "journal.show-sessions", "sessions-shown");
  gtk_widget_class_install_action (widget_class, "journal.new-session", NULL, new_session_action);
  gtk_widget_class_install_action (widget_class, "journal.edit-session", "s", edit_session_action);
  gtk_widget_class_install_action (widget_class, "journal.session-before", "s", edit_session_action);
  gtk_widget_class_install_action (widget_class, "journal.session-after", "s", edit_session_action);
  gtk_widget_class_install_action (widget_class, "journal.mark-session-done", "s",
                                   mark_session_done_action);
  gtk_widget_class_install_action (widget_class, "journal.mark-session-not-done", "s",
                                   mark_session_done_action);
  gtk_widget_class_install_action (widget_class, "journal.delete-session", "s",
                                   delete_session_action);
  gtk_widget_class_install_action (widget_class, "journal.undo-delete-session", "s",
                                   undo_delete_session_action);

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
  self->pending_sessions = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                  (GDestroyNotify) pending_free);
  self->scroll_target = G_MAXUINT;
  self->undo_timeout = RW_UNDO_SECONDS;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_menu_button_set_create_popup_func (self->jump_button, create_jump_popover_cb, self, NULL);
  gtk_menu_button_set_create_popup_func (self->legend_button, create_legend_popover_cb, NULL, NULL);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scrolled), "value-changed",
                           G_CALLBACK (scrolled_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
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
  g_return_val_if_fail (RW_IS_CONTEXT (context), NULL);

  return g_object_new (RW_TYPE_JOURNAL_PAGE, "context", context, NULL);
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
  return self->state;
}

/**
 * rw_journal_page_get_search_count:
 * @self: a #RwJournalPage
 *
 * Returns: (nullable): what the search says of its matches ("12
 *   check-ins"), or %NULL before the search first opens
 */
const char *
rw_journal_page_get_search_count (RwJournalPage *self)
{
  g_return_val_if_fail (RW_IS_JOURNAL_PAGE (self), NULL);
  return self->search_count != NULL ? gtk_label_get_label (self->search_count) : NULL;
}

gboolean
rw_journal_page_get_low_mood_shown (RwJournalPage *self)
{
  g_return_val_if_fail (RW_IS_JOURNAL_PAGE (self), FALSE);
  return gtk_revealer_get_reveal_child (self->low_mood_revealer);
}

/**
 * rw_journal_page_get_low_mood_number:
 * @self: a #RwJournalPage
 *
 * Returns: (nullable): the line to call that the low-mood card shows,
 *   or %NULL before it was first shown
 */
const char *
rw_journal_page_get_low_mood_number (RwJournalPage *self)
{
  g_return_val_if_fail (RW_IS_JOURNAL_PAGE (self), NULL);
  return self->low_mood_number != NULL ? gtk_label_get_label (self->low_mood_number) : NULL;
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

guint
rw_journal_page_get_undo_timeout (RwJournalPage *self)
{
  g_return_val_if_fail (RW_IS_JOURNAL_PAGE (self), 0);
  return self->undo_timeout;
}

/**
 * rw_journal_page_set_undo_timeout:
 * @self: a #RwJournalPage
 * @seconds: how long the Undo toast of the next delete shows
 *
 * Sets #RwJournalPage:undo-timeout (tests make it short).
 */
void
rw_journal_page_set_undo_timeout (RwJournalPage *self,
                                  guint          seconds)
{
  g_return_if_fail (RW_IS_JOURNAL_PAGE (self));
  g_return_if_fail (seconds > 0);

  if (self->undo_timeout == seconds)
    return;
  self->undo_timeout = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_TIMEOUT]);
}
