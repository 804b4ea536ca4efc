/* rw-guide-page.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rw-guide-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rw-guide-page.h"

/**
 * RwGuidePage:
 *
 * The Guide view: a chapter list beside the reading pane (one pane at a
 * time when narrow), chapters drawn as native GTK labels from the core's
 * blocks, links between chapters and to references with Back and Forward
 * (Alt+Left, Alt+Right and the mouse's buttons, wherever the focus is),
 * "Myth / Fact" cards, search across chapters (Down goes to the results,
 * Enter opens one), the reading position kept per chapter, and a text
 * size of one's own (Ctrl+plus, Ctrl+minus, Ctrl+0).
 *
 * Only the open chapter has widgets, made when it is first shown: the
 * page costs the chapter list and one chapter, whatever the guide's size.
 */

#define MIN_SIZE (-2)
#define MAX_SIZE 4
#define MAX_HISTORY 50

typedef struct
{
  guint chapter;
  double scroll;
} Place;

struct _RwGuidePage
{
  GtkWidget parent_instance;

  /* Template widgets */
  AdwLeaflet *leaflet;
  GtkWidget *sidebar;
  GtkSearchEntry *search_entry;
  GtkStack *sidebar_stack;
  GtkListBox *chapter_list;
  GtkListBox *result_list;
  GtkWidget *reading;
  GtkWidget *back_button;
  GtkWidget *forward_button;
  GtkLabel *chapter_title;
  GtkScrolledWindow *scrolled;
  GtkWidget *text_box;

  /* Owned */
  RwContext *context;
  RwGuide *guide;
  GPtrArray *block_widgets;    /* GtkWidget, one per block of the built chapter */
  GPtrArray *hits;             /* RwGuideHit */
  char *query;                 /* what the hits are of */
  GArray *back;                /* Place, newest last */
  GArray *forward;             /* Place, newest last */

  int chapter;                 /* open, or -1 */
  int built;                   /* whose blocks are in text_box, or -1 */
  int target_block;            /* to scroll to once laid out, or -1 */
  double target_scroll;        /* or < 0 */
  int text_size;
  guint scroll_tick;
  guint scroll_frames;
};

G_DEFINE_FINAL_TYPE (RwGuidePage, rw_guide_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GSettings *
get_settings (RwGuidePage *self)
{
  return rw_context_get_settings (self->context);
}

static void
apply_text_size (RwGuidePage *self)
{
  static const char * const classes[] = {
    "guide-size-m2", "guide-size-m1", "guide-size-0", "guide-size-1", "guide-size-2",
    "guide-size-3", "guide-size-4",
  };

  for (int i = MIN_SIZE; i <= MAX_SIZE; i++)
    gtk_widget_remove_css_class (self->text_box, classes[i - MIN_SIZE]);
  gtk_widget_add_css_class (self->text_box, classes[self->text_size - MIN_SIZE]);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "guide.zoom-in", self->text_size < MAX_SIZE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "guide.zoom-out", self->text_size > MIN_SIZE);
}

static double
get_scroll (RwGuidePage *self)
{
  return gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->scrolled));
}

static void
save_position (RwGuidePage *self)
{
  g_autoptr(GVariant) old = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key;
  double value;
  RwGuideChapter *chapter;

  if (self->built < 0)
    return;
  chapter = rw_guide_get_chapter (self->guide, self->built);
  old = g_settings_get_value (get_settings (self), "guide-positions");
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sd}"));
  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&sd}", &key, &value))
    if (!g_str_equal (key, chapter->id))
      g_variant_builder_add (&builder, "{sd}", key, value);
  g_variant_builder_add (&builder, "{sd}", chapter->id, get_scroll (self));
  g_settings_set_value (get_settings (self), "guide-positions", g_variant_builder_end (&builder));
}

static double
saved_position (RwGuidePage *self,
                const char  *id)
{
  g_autoptr(GVariant) positions = g_settings_get_value (get_settings (self), "guide-positions");
  double value = 0;

  if (!g_variant_lookup (positions, id, "d", &value))
    return 0;
  return value;
}

static gboolean
activate_link_cb (GtkLabel    *label,
                  const char  *uri,
                  RwGuidePage *self)
{
  if (g_str_has_prefix (uri, "guide:") || g_str_has_prefix (uri, "ref:"))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "guide.open-link", "s", uri);
      return TRUE;
    }
  if (g_str_has_prefix (uri, "app:"))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.open-link", "s", uri);
      return TRUE;
    }
  return FALSE;   /* a web address: the system opens it, if the person wants */
}

static GtkWidget *
text_label (RwGuidePage *self,
            const char  *markup)
{
  GtkWidget *label = gtk_label_new (NULL);
  gboolean has_links = strstr (markup, "<a ") != NULL;

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* Text can be selected and copied; a paragraph with links is reached
   * with Tab instead, link by link. */
  gtk_label_set_selectable (GTK_LABEL (label), !has_links);
  gtk_widget_set_focusable (label, has_links);
  /* Out of the focus chain altogether: a selectable label that cannot
   * take the focus still claims Tab, and Tab stopped at the first one. */
  gtk_widget_set_can_focus (label, has_links);
  if (has_links)
    g_signal_connect (label, "activate-link", G_CALLBACK (activate_link_cb), self);
  return label;
}

static GtkWidget *
block_widget (RwGuidePage  *self,
              RwGuideBlock *block)
{
  GtkWidget *widget;
  GtkWidget *label;

  switch (block->kind)
    {
    case RW_BLOCK_HEADING:
      widget = text_label (self, block->markup);
      gtk_widget_add_css_class (widget, block->level <= 1 ? "guide-h1"
                                          : block->level == 2 ? "guide-h2" : "guide-h3");
      return widget;
    case RW_BLOCK_PARAGRAPH:
      widget = text_label (self, block->markup);
      gtk_widget_add_css_class (widget, "guide-p");
      return widget;
    case RW_BLOCK_LIST_ITEM:
      widget = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      label = gtk_label_new (block->bullet);
      gtk_widget_set_valign (label, GTK_ALIGN_START);
      gtk_widget_add_css_class (label, "guide-bullet");
      gtk_box_append (GTK_BOX (widget), label);
      label = text_label (self, block->markup);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_add_css_class (label, "guide-p");
      gtk_box_append (GTK_BOX (widget), label);
      gtk_widget_set_margin_start (widget, 8 + 20 * (block->level - 1));
      return widget;
    case RW_BLOCK_QUOTE:
      widget = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      label = text_label (self, block->markup);
      gtk_widget_add_css_class (label, "guide-p");
      gtk_box_append (GTK_BOX (widget), label);
      gtk_widget_add_css_class (widget, block->myth ? "myth-card" : "guide-quote");
      if (block->myth)
        gtk_widget_add_css_class (widget, "card");
      return widget;
    case RW_BLOCK_RULE:
    default:
      return gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);
    }
}

static gboolean
reading_shown (RwGuidePage *self)
{
  return !adw_leaflet_get_folded (self->leaflet) ||
         adw_leaflet_get_visible_child (self->leaflet) == self->reading;
}

/* Makes the open chapter's widgets, once it can be seen. */
static void
ensure_built (RwGuidePage *self)
{
  RwGuideChapter *chapter;
  GtkWidget *child;

  if (self->chapter < 0 || self->built == self->chapter || !reading_shown (self))
    return;

  save_position (self);
  while ((child = gtk_widget_get_first_child (self->text_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->text_box), child);
  g_ptr_array_set_size (self->block_widgets, 0);

  chapter = rw_guide_get_chapter (self->guide, self->chapter);
  for (guint b = 0; b < chapter->blocks->len; b++)
    {
      GtkWidget *widget = block_widget (self, g_ptr_array_index (chapter->blocks, b));

      gtk_box_append (GTK_BOX (self->text_box), widget);
      g_ptr_array_add (self->block_widgets, widget);
    }
  self->built = self->chapter;
}

/* Whether the leaflet will show both panes in the window as it is now:
 * it folds when its children's minimum widths do not fit. FALSE when the
 * window has no size yet (the first frame then decides). */
static gboolean
fits_unfolded (RwGuidePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  int width = root != NULL ? gtk_widget_get_width (GTK_WIDGET (root)) : 0;
  int needed = 0;

  if (width <= 0)
    return FALSE;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->leaflet)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int minimum = 0;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      needed += minimum;
    }
  return needed <= width;
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  RwGuidePage *self = RW_GUIDE_PAGE (widget);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);

  /* Ticks run before layout. Until the page has a size it is not known
   * whether the reading pane shows; then the chapter is made, and the
   * scroll waits until it is laid out (its last block has a size). */
  if (gtk_widget_get_width (widget) == 0 && self->scroll_frames++ < 8)
    return G_SOURCE_CONTINUE;
  if (self->built != self->chapter)
    {
      ensure_built (self);
      if (self->built != self->chapter)
        {
          /* Not shown (narrow, on the chapter list): made when it is. */
          self->scroll_tick = 0;
          return G_SOURCE_REMOVE;
        }
      self->scroll_frames = 0;
      return G_SOURCE_CONTINUE;
    }
  if (self->scroll_frames++ < 8 && self->block_widgets->len > 0 &&
      gtk_widget_get_height (g_ptr_array_index (self->block_widgets, self->block_widgets->len - 1)) == 0)
    return G_SOURCE_CONTINUE;
  if (self->scroll_frames < 2)
    return G_SOURCE_CONTINUE;

  self->scroll_tick = 0;
  if (self->target_block >= 0 && (guint) self->target_block < self->block_widgets->len)
    {
      GtkWidget *target = g_ptr_array_index (self->block_widgets, self->target_block);
      graphene_point_t point;

      if (gtk_widget_compute_point (target, self->text_box, &GRAPHENE_POINT_INIT (0, 0), &point))
        gtk_adjustment_set_value (adjustment, MAX (0, point.y - 12));
      gtk_widget_add_css_class (target, "guide-target");
    }
  else if (self->target_scroll >= 0)
    gtk_adjustment_set_value (adjustment, self->target_scroll);
  self->target_scroll = -1;
  return G_SOURCE_REMOVE;
}

static void
queue_scroll (RwGuidePage *self)
{
  self->scroll_frames = 0;
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick_cb, NULL, NULL);
}

static void
rw_guide_page_map (GtkWidget *widget)
{
  RwGuidePage *self = RW_GUIDE_PAGE (widget);

  GTK_WIDGET_CLASS (rw_guide_page_parent_class)->map (widget);

  /* Shown in a window already laid out (the guide opened after start-up):
   * make the chapter now, so that the first frame has it. */
  if (self->built != self->chapter && fits_unfolded (self))
    {
      ensure_built (self);
      queue_scroll (self);
    }
}

static void
update_history_actions (RwGuidePage *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);
  gboolean can_back = self->back->len > 0 ||
                      (folded && adw_leaflet_get_visible_child (self->leaflet) == self->reading);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "guide.back", can_back);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "guide.forward", self->forward->len > 0);
  gtk_widget_set_visible (self->forward_button, self->forward->len > 0);
}

static void
leaflet_changed_cb (RwGuidePage *self)
{
  update_history_actions (self);
  if (self->built != self->chapter && reading_shown (self))
    queue_scroll (self);
}

/* The leaflet moves the focus into the pane it shows; with both panes
 * on screen it stays in the sidebar, so that the next search result or
 * chapter is a key away. */
static void
show_reading (RwGuidePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  adw_leaflet_set_visible_child (self->leaflet, self->reading);
  if (focus != NULL && !adw_leaflet_get_folded (self->leaflet) &&
      gtk_widget_is_ancestor (focus, self->sidebar) && gtk_root_get_focus (root) != focus)
    gtk_widget_grab_focus (focus);
}

/* A link followed from the keyboard is in the text about to be made
 * anew: the focus goes to Back first (Enter returns), not with it. */
static void
move_focus_from_text (RwGuidePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, self->text_box))
    return;
  if (!gtk_widget_grab_focus (self->back_button))
    gtk_widget_child_focus (gtk_widget_get_parent (self->back_button), GTK_DIR_TAB_FORWARD);
}

/* Shows @chapter: at @block (> 0), at the top (0), where the person left
 * it (-1), or at @scroll (>= 0, with @block -1). */
static void
show_chapter (RwGuidePage *self,
              guint        index,
              int          block,
              double       scroll)
{
  RwGuideChapter *chapter = rw_guide_get_chapter (self->guide, index);

  if (self->built >= 0 && self->target_block >= 0 && (guint) self->target_block < self->block_widgets->len)
    gtk_widget_remove_css_class (g_ptr_array_index (self->block_widgets, self->target_block),
                                 "guide-target");

  self->chapter = (int) index;
  gtk_label_set_label (self->chapter_title, chapter->title);
  gtk_list_box_select_row (self->chapter_list, gtk_list_box_get_row_at_index (self->chapter_list, index));
  g_settings_set_string (get_settings (self), "guide-chapter", chapter->id);
  show_reading (self);

  self->target_block = block > 0 ? block : -1;
  if (block == 0)
    self->target_scroll = 0;
  else if (block < 0 && scroll >= 0)
    self->target_scroll = scroll;
  else if (block < 0 && self->built != self->chapter)
    self->target_scroll = saved_position (self, chapter->id);
  else
    self->target_scroll = -1;

  update_history_actions (self);
  if (self->built != self->chapter)
    move_focus_from_text (self);
  ensure_built (self);
  queue_scroll (self);
}

static void
push_place (GArray      *places,
            RwGuidePage *self)
{
  Place place = { (guint) self->built, get_scroll (self) };

  if (places->len == MAX_HISTORY)
    g_array_remove_index (places, 0);
  g_array_append_val (places, place);
}

/* A step the person takes: where they were goes on the Back list. */
static void
navigate (RwGuidePage *self,
          guint        chapter,
          int          block)
{
  if (self->built >= 0 && ((int) chapter != self->built || block > 0))
    {
      push_place (self->back, self);
      g_array_set_size (self->forward, 0);
    }
  show_chapter (self, chapter, block, -1);
}

void
rw_guide_page_open_chapter (RwGuidePage *self,
                            guint        chapter,
                            int          block)
{
  g_return_if_fail (RW_IS_GUIDE_PAGE (self));
  g_return_if_fail (chapter < rw_guide_get_n_chapters (self->guide));

  navigate (self, chapter, block);
}

gboolean
rw_guide_page_open_link (RwGuidePage *self,
                         const char  *uri)
{
  guint chapter, block;

  g_return_val_if_fail (RW_IS_GUIDE_PAGE (self), FALSE);
  g_return_val_if_fail (uri != NULL, FALSE);

  if (!rw_guide_resolve_link (self->guide, uri, &chapter, &block))
    return FALSE;
  navigate (self, chapter, strchr (uri, '#') != NULL || g_str_has_prefix (uri, "ref:") ? (int) block : 0);
  return TRUE;
}

static void
open_chapter_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RwGuidePage *self = RW_GUIDE_PAGE (widget);
  int chapter = rw_guide_find_chapter (self->guide, g_variant_get_string (parameter, NULL));

  if (chapter >= 0 && chapter != self->built)
    navigate (self, chapter, -1);
  else if (chapter >= 0)
    show_chapter (self, chapter, -1, get_scroll (self));
}

static void
open_block_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RwGuidePage *self = RW_GUIDE_PAGE (widget);
  guint chapter, block;

  g_variant_get (parameter, "(uu)", &chapter, &block);
  if (chapter < rw_guide_get_n_chapters (self->guide) &&
      block < rw_guide_get_chapter (self->guide, chapter)->blocks->len)
    navigate (self, chapter, (int) block);
}

static void
open_link_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  rw_guide_page_open_link (RW_GUIDE_PAGE (widget), g_variant_get_string (parameter, NULL));
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RwGuidePage *self = RW_GUIDE_PAGE (widget);
  gboolean back = g_str_equal (action_name, "guide.back");
  GArray *from = back ? self->back : self->forward;
  GArray *to = back ? self->forward : self->back;
  Place place;

  if (from->len == 0)
    {
      /* Narrow, with nowhere earlier to go: back to the chapters. */
      if (back && adw_leaflet_get_folded (self->leaflet))
        adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
      return;
    }

  place = g_array_index (from, Place, from->len - 1);
  g_array_set_size (from, from->len - 1);
  if (self->built >= 0)
    push_place (to, self);
  show_chapter (self, place.chapter, -1, place.scroll);
}

static void
mouse_history_pressed_cb (GtkGestureClick *gesture,
                          int              n_press,
                          double           x,
                          double           y,
                          RwGuidePage     *self)
{
  gboolean back = gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (gesture)) == 8;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_activate_action (GTK_WIDGET (self), back ? "guide.back" : "guide.forward", NULL);
}

static void
chapter_row_activated_cb (RwGuidePage   *self,
                          GtkListBoxRow *row)
{
  RwGuideChapter *chapter = rw_guide_get_chapter (self->guide, gtk_list_box_row_get_index (row));

  gtk_widget_activate_action (GTK_WIDGET (self), "guide.open-chapter", "s", chapter->id);
}

/* The list marks the chapter shown, and nothing else: the arrow keys
 * (which select as they go) move the focus, Enter or a click opens. */
static void
chapter_row_selected_cb (RwGuidePage   *self,
                         GtkListBoxRow *row)
{
  GtkListBoxRow *shown;

  if (row == NULL || self->chapter < 0 || self->chapter_list == NULL)
    return;
  shown = gtk_list_box_get_row_at_index (self->chapter_list, self->chapter);
  if (row != shown && shown != NULL)
    gtk_list_box_select_row (self->chapter_list, shown);
}

static void
result_row_activated_cb (RwGuidePage   *self,
                         GtkListBoxRow *row)
{
  rw_guide_page_activate_result (self, gtk_list_box_row_get_index (row));
}

static GtkWidget *
result_row_new (RwGuidePage *self,
                RwGuideHit  *hit)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (rw_guide_get_chapter (self->guide, hit->chapter)->title);
  GtkWidget *snippet = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "caption-heading");
  gtk_label_set_markup (GTK_LABEL (snippet), hit->snippet);
  gtk_label_set_xalign (GTK_LABEL (snippet), 0);
  gtk_label_set_wrap (GTK_LABEL (snippet), TRUE);
  gtk_label_set_lines (GTK_LABEL (snippet), 3);
  gtk_label_set_ellipsize (GTK_LABEL (snippet), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (snippet, "caption");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), snippet);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
fill_results (RwGuidePage *self,
              const char  *query)
{
  GtkWidget *child;

  /* The same search again (the entry's own, after one made in code):
   * the rows, and the one in focus, stay. */
  if (self->hits != NULL && g_strcmp0 (query, self->query) == 0)
    return;
  g_free (self->query);
  self->query = g_strdup (query);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->result_list))) != NULL)
    gtk_list_box_remove (self->result_list, child);
  g_clear_pointer (&self->hits, g_ptr_array_unref);

  if (query == NULL || *query == '\0')
    {
      gtk_stack_set_visible_child_name (self->sidebar_stack, "chapters");
      return;
    }
  self->hits = rw_guide_search (self->guide, query);
  for (guint i = 0; i < MIN (self->hits->len, 200u); i++)
    gtk_list_box_append (self->result_list, result_row_new (self, g_ptr_array_index (self->hits, i)));
  gtk_stack_set_visible_child_name (self->sidebar_stack, self->hits->len > 0 ? "results" : "none");
}

static void
search_changed_cb (RwGuidePage *self)
{
  fill_results (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* Enter in the search entry opens the first result. */
static void
search_activate_cb (RwGuidePage *self)
{
  if (self->hits != NULL && self->hits->len > 0)
    rw_guide_page_activate_result (self, 0);
}

/* Down from the search entry: into the results, or to the open chapter
 * in the list; Enter then opens the row in focus. */
static void
focus_list_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RwGuidePage *self = RW_GUIDE_PAGE (widget);
  const char *shown = gtk_stack_get_visible_child_name (self->sidebar_stack);
  GtkListBoxRow *row = NULL;

  if (g_strcmp0 (shown, "results") == 0)
    row = gtk_list_box_get_row_at_index (self->result_list, 0);
  else if (g_strcmp0 (shown, "chapters") == 0)
    {
      row = gtk_list_box_get_selected_row (self->chapter_list);
      if (row == NULL)
        row = gtk_list_box_get_row_at_index (self->chapter_list, 0);
    }
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
stop_search_cb (RwGuidePage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RwGuidePage *self = RW_GUIDE_PAGE (widget);

  if (g_str_equal (action_name, "guide.zoom-in"))
    self->text_size = MIN (MAX_SIZE, self->text_size + 1);
  else if (g_str_equal (action_name, "guide.zoom-out"))
    self->text_size = MAX (MIN_SIZE, self->text_size - 1);
  else
    self->text_size = 0;
  apply_text_size (self);
  g_settings_set_int (get_settings (self), "guide-text-size", self->text_size);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  rw_guide_page_focus_search (RW_GUIDE_PAGE (widget));
}

static GtkWidget *
chapter_row_new (const char *title)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 4);
  gtk_widget_set_margin_bottom (label, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  return row;
}

static RwGuide *
load_guide (void)
{
  const char * const *languages = g_get_language_names ();
  g_autoptr(GError) error = NULL;
  RwGuide *guide = NULL;

  /* The guide in the first of the person's languages that has one. */
  for (guint i = 0; languages[i] != NULL && guide == NULL; i++)
    {
      guide = rw_guide_load (languages[i], NULL);
      if (guide != NULL && !g_str_equal (rw_guide_get_language (guide), languages[i]) &&
          !g_str_equal (languages[i], "C"))
        g_clear_pointer (&guide, rw_guide_free);
    }
  if (guide == NULL)
    guide = rw_guide_load ("C", &error);
  if (guide == NULL)
    g_error ("The guide is missing from the build: %s", error->message);
  return guide;
}

static void
rw_guide_page_constructed (GObject *object)
{
  RwGuidePage *self = (RwGuidePage *)object;
  g_autofree char *last = NULL;
  int chapter;

  G_OBJECT_CLASS (rw_guide_page_parent_class)->constructed (object);

  g_assert (self->context != NULL);
  self->guide = load_guide ();

  for (guint c = 0; c < rw_guide_get_n_chapters (self->guide); c++)
    gtk_list_box_append (self->chapter_list, chapter_row_new (rw_guide_get_chapter (self->guide, c)->title));

  self->text_size = CLAMP (g_settings_get_int (get_settings (self), "guide-text-size"), MIN_SIZE, MAX_SIZE);
  apply_text_size (self);

  /* The chapter read last is open, its widgets made once it shows; the
   * sidebar comes first when the page is narrow. */
  last = g_settings_get_string (get_settings (self), "guide-chapter");
  chapter = MAX (0, rw_guide_find_chapter (self->guide, last));
  if (rw_guide_get_n_chapters (self->guide) > 0)
    {
      RwGuideChapter *open = rw_guide_get_chapter (self->guide, chapter);

      self->chapter = chapter;
      self->target_scroll = saved_position (self, open->id);
      gtk_label_set_label (self->chapter_title, open->title);
      gtk_list_box_select_row (self->chapter_list, gtk_list_box_get_row_at_index (self->chapter_list, chapter));
      queue_scroll (self);
    }
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  update_history_actions (self);
}

static void
rw_guide_page_dispose (GObject *object)
{
  RwGuidePage *self = (RwGuidePage *)object;

  if (self->context != NULL)
    save_position (self);
  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
  self->scroll_tick = 0;
  g_ptr_array_set_size (self->block_widgets, 0);
  self->built = -1;
  gtk_widget_dispose_template (GTK_WIDGET (self), RW_TYPE_GUIDE_PAGE);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rw_guide_page_parent_class)->dispose (object);
}

static void
rw_guide_page_finalize (GObject *object)
{
  RwGuidePage *self = (RwGuidePage *)object;

  g_clear_pointer (&self->guide, rw_guide_free);
  g_clear_pointer (&self->hits, g_ptr_array_unref);
  g_free (self->query);
  g_ptr_array_unref (self->block_widgets);
  g_array_unref (self->back);
  g_array_unref (self->forward);

  G_OBJECT_CLASS (rw_guide_page_parent_class)->finalize (object);
}

static void
rw_guide_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RwGuidePage *self = RW_GUIDE_PAGE (object);

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
rw_guide_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  RwGuidePage *self = RW_GUIDE_PAGE (object);

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
rw_guide_page_class_init (RwGuidePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rw_guide_page_constructed;
  object_class->dispose = rw_guide_page_dispose;
  object_class->finalize = rw_guide_page_finalize;
  object_class->get_property = rw_guide_page_get_property;
  object_class->set_property = rw_guide_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, RW_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->map = rw_guide_page_map;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rewire/Rewire/rw-guide-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RwGuidePage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RwGuidePage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, RwGuidePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RwGuidePage, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, RwGuidePage, chapter_list);
  gtk_widget_class_bind_template_child (widget_class, RwGuidePage, result_list);
  gtk_widget_class_bind_template_child (widget_class, RwGuidePage, reading);
  gtk_widget_class_bind_template_child (widget_class, RwGuidePage, back_button);
  gtk_widget_class_bind_template_child (widget_class, RwGuidePage, forward_button);
  gtk_widget_class_bind_template_child (widget_class, RwGuidePage, chapter_title);
  gtk_widget_class_bind_template_child (widget_class, RwGuidePage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, RwGuidePage, text_box);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, chapter_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, chapter_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, mouse_history_pressed_cb);

  gtk_widget_class_install_action (widget_class, "guide.open-chapter", "s", open_chapter_action);
  gtk_widget_class_install_action (widget_class, "guide.open-block", "(uu)", open_block_action);
  gtk_widget_class_install_action (widget_class, "guide.open-link", "s", open_link_action);
  gtk_widget_class_install_action (widget_class, "guide.back", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "guide.forward", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "guide.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "guide.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "guide.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "guide.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "guide.focus-list", NULL, focus_list_action);

  /* Back and Forward (Alt+Left, Alt+Right, the mouse's buttons) are in
   * the template: they work wherever the focus is. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "guide.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "guide.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "guide.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "guide.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "guide.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "guide.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "guide.zoom-reset", NULL);
}

static void
rw_guide_page_init (RwGuidePage *self)
{
  self->chapter = -1;
  self->built = -1;
  self->target_block = -1;
  self->target_scroll = -1;
  self->block_widgets = g_ptr_array_new ();
  self->back = g_array_new (FALSE, FALSE, sizeof (Place));
  self->forward = g_array_new (FALSE, FALSE, sizeof (Place));

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * rw_guide_page_new:
 * @context: the settings the reading position and text size are kept in
 *
 * Returns: (transfer floating): the Guide view
 */
RwGuidePage *
rw_guide_page_new (RwContext *context)
{
  g_return_val_if_fail (RW_IS_CONTEXT (context), NULL);

  return g_object_new (RW_TYPE_GUIDE_PAGE, "context", context, NULL);
}

void
rw_guide_page_focus_search (RwGuidePage *self)
{
  g_return_if_fail (RW_IS_GUIDE_PAGE (self));

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

RwGuide *
rw_guide_page_get_guide (RwGuidePage *self)
{
  g_return_val_if_fail (RW_IS_GUIDE_PAGE (self), NULL);
  return self->guide;
}

int
rw_guide_page_get_chapter (RwGuidePage *self)
{
  g_return_val_if_fail (RW_IS_GUIDE_PAGE (self), -1);
  return self->chapter;
}

int
rw_guide_page_get_target_block (RwGuidePage *self)
{
  g_return_val_if_fail (RW_IS_GUIDE_PAGE (self), -1);
  return self->target_block;
}

/**
 * rw_guide_page_get_n_block_widgets:
 * @self: a #RwGuidePage
 *
 * Returns: how many block widgets the page holds (those of the open
 *   chapter once it has been shown, else none)
 */
guint
rw_guide_page_get_n_block_widgets (RwGuidePage *self)
{
  g_return_val_if_fail (RW_IS_GUIDE_PAGE (self), 0);
  return self->block_widgets->len;
}

GtkWidget *
rw_guide_page_get_block_widget (RwGuidePage *self,
                                guint        block)
{
  g_return_val_if_fail (RW_IS_GUIDE_PAGE (self), NULL);
  g_return_val_if_fail (block < self->block_widgets->len, NULL);
  return g_ptr_array_index (self->block_widgets, block);
}

GtkWidget *
rw_guide_page_get_text_box (RwGuidePage *self)
{
  g_return_val_if_fail (RW_IS_GUIDE_PAGE (self), NULL);
  return self->text_box;
}

guint
rw_guide_page_search (RwGuidePage *self,
                      const char  *query)
{
  g_return_val_if_fail (RW_IS_GUIDE_PAGE (self), 0);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query);
  fill_results (self, query);
  return self->hits != NULL ? self->hits->len : 0;
}

void
rw_guide_page_activate_result (RwGuidePage *self,
                               guint        index)
{
  RwGuideHit *hit;

  g_return_if_fail (RW_IS_GUIDE_PAGE (self));
  g_return_if_fail (self->hits != NULL && index < self->hits->len);

  hit = g_ptr_array_index (self->hits, index);
  gtk_widget_activate_action (GTK_WIDGET (self), "guide.open-block", "(uu)", hit->chapter, hit->block);
}

int
rw_guide_page_get_text_size (RwGuidePage *self)
{
  g_return_val_if_fail (RW_IS_GUIDE_PAGE (self), 0);
  return self->text_size;
}

double
rw_guide_page_get_scroll (RwGuidePage *self)
{
  g_return_val_if_fail (RW_IS_GUIDE_PAGE (self), 0);
  return get_scroll (self);
}

void
rw_guide_page_set_scroll (RwGuidePage *self,
                          double       value)
{
  g_return_if_fail (RW_IS_GUIDE_PAGE (self));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled), value);
}
