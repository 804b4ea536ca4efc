/* rw-guide-page.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Guide view: a chapter list beside the reading pane (one pane at a
 * time when narrow), chapters drawn as native GTK labels from the core's
 * blocks, links between chapters and to references, "Myth / Fact" cards,
 * search across chapters, the reading position kept per chapter, and a
 * text size of one's own (Ctrl+plus, Ctrl+minus, Ctrl+0).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rw-guide-page.h"

#define MIN_SIZE (-2)
#define MAX_SIZE 4

struct _RwGuidePage
{
  GtkWidget parent_instance;

  RwGuide *guide;
  GSettings *settings;
  int chapter;                 /* shown, or -1 */
  int target_block;            /* to scroll to once laid out, or -1 */
  double target_scroll;        /* or < 0 */
  int text_size;
  GPtrArray *block_widgets;    /* GtkWidget, one per block of the chapter */
  GPtrArray *hits;             /* RwGuideHit */
  guint scroll_tick;
  guint scroll_frames;

  AdwLeaflet *leaflet;
  GtkWidget *sidebar;
  GtkSearchEntry *search_entry;
  GtkStack *sidebar_stack;
  GtkListBox *chapter_list;
  GtkListBox *result_list;
  GtkWidget *reading;
  GtkWidget *back_button;
  GtkLabel *chapter_title;
  GtkScrolledWindow *scrolled;
  GtkWidget *text_box;
};

G_DEFINE_FINAL_TYPE (RwGuidePage, rw_guide_page, GTK_TYPE_WIDGET)

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

  if (self->settings == NULL || self->chapter < 0)
    return;
  chapter = rw_guide_get_chapter (self->guide, self->chapter);
  old = g_settings_get_value (self->settings, "guide-positions");
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sd}"));
  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&sd}", &key, &value))
    if (!g_str_equal (key, chapter->id))
      g_variant_builder_add (&builder, "{sd}", key, value);
  g_variant_builder_add (&builder, "{sd}", chapter->id,
                         gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->scrolled)));
  g_settings_set_value (self->settings, "guide-positions", g_variant_builder_end (&builder));
}

static double
saved_position (RwGuidePage *self,
                const char  *id)
{
  g_autoptr(GVariant) positions = NULL;
  double value = 0;

  if (self->settings == NULL)
    return 0;
  positions = g_settings_get_value (self->settings, "guide-positions");
  if (!g_variant_lookup (positions, id, "d", &value))
    return 0;
  return value;
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  RwGuidePage *self = RW_GUIDE_PAGE (widget);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);

  /* Tick callbacks run before layout: wait until the new chapter has been
   * laid out (its last block has a size) before scrolling. */
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

static gboolean
activate_link_cb (GtkLabel    *label,
                  const char  *uri,
                  RwGuidePage *self)
{
  if (g_str_has_prefix (uri, "guide:") || g_str_has_prefix (uri, "ref:"))
    return rw_guide_page_open_link (self, uri) || TRUE;
  if (g_str_has_prefix (uri, "app:"))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.open-link", "s", uri);
      return TRUE;
    }
  return FALSE;   /* a web address: the system opens it, if the person wants */
}

static GtkWidget *
text_label (const char *markup)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_focusable (label, FALSE);
  return label;
}

static GtkWidget *
block_widget (RwGuidePage  *self,
              RwGuideBlock *block)
{
  GtkWidget *widget = NULL;
  GtkWidget *label;

  switch (block->kind)
    {
    case RW_BLOCK_HEADING:
      widget = text_label (block->markup);
      gtk_widget_add_css_class (widget, block->level <= 1 ? "guide-h1" : block->level == 2 ? "guide-h2" : "guide-h3");
      break;
    case RW_BLOCK_PARAGRAPH:
      widget = text_label (block->markup);
      gtk_widget_add_css_class (widget, "guide-p");
      break;
    case RW_BLOCK_LIST_ITEM:
      widget = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      label = gtk_label_new (block->bullet);
      gtk_widget_set_valign (label, GTK_ALIGN_START);
      gtk_widget_add_css_class (label, "guide-bullet");
      gtk_box_append (GTK_BOX (widget), label);
      label = text_label (block->markup);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_add_css_class (label, "guide-p");
      g_signal_connect (label, "activate-link", G_CALLBACK (activate_link_cb), self);
      gtk_box_append (GTK_BOX (widget), label);
      gtk_widget_set_margin_start (widget, 8 + 20 * (block->level - 1));
      return widget;
    case RW_BLOCK_QUOTE:
      widget = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      label = text_label (block->markup);
      gtk_widget_add_css_class (label, "guide-p");
      g_signal_connect (label, "activate-link", G_CALLBACK (activate_link_cb), self);
      gtk_box_append (GTK_BOX (widget), label);
      gtk_widget_add_css_class (widget, block->myth ? "myth-card" : "guide-quote");
      if (block->myth)
        gtk_widget_add_css_class (widget, "card");
      return widget;
    case RW_BLOCK_RULE:
    default:
      return gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);
    }
  g_signal_connect (widget, "activate-link", G_CALLBACK (activate_link_cb), self);
  return widget;
}

static void
show_chapter (RwGuidePage *self,
              guint        index)
{
  RwGuideChapter *chapter = rw_guide_get_chapter (self->guide, index);
  GtkWidget *child;

  if (self->chapter >= 0 && (guint) self->chapter != index)
    save_position (self);

  while ((child = gtk_widget_get_first_child (self->text_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->text_box), child);
  g_ptr_array_set_size (self->block_widgets, 0);

  for (guint b = 0; b < chapter->blocks->len; b++)
    {
      GtkWidget *widget = block_widget (self, g_ptr_array_index (chapter->blocks, b));

      gtk_box_append (GTK_BOX (self->text_box), widget);
      g_ptr_array_add (self->block_widgets, widget);
    }
  self->chapter = (int) index;
  gtk_label_set_label (self->chapter_title, chapter->title);
  gtk_list_box_select_row (self->chapter_list, gtk_list_box_get_row_at_index (self->chapter_list, index));
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "guide-chapter", chapter->id);
  adw_leaflet_set_visible_child (self->leaflet, self->reading);
}

void
rw_guide_page_open_chapter (RwGuidePage *self,
                            guint        chapter,
                            int          block)
{
  g_return_if_fail (RW_IS_GUIDE_PAGE (self));
  g_return_if_fail (chapter < rw_guide_get_n_chapters (self->guide));

  if (self->chapter != (int) chapter)
    {
      show_chapter (self, chapter);
      self->target_scroll = block > 0 ? -1
                              : saved_position (self, rw_guide_get_chapter (self->guide, chapter)->id);
    }
  self->target_block = block > 0 ? block : -1;
  if (block == 0)
    self->target_scroll = 0;
  queue_scroll (self);
}

gboolean
rw_guide_page_open_link (RwGuidePage *self,
                         const char  *uri)
{
  guint chapter, block;

  g_return_val_if_fail (RW_IS_GUIDE_PAGE (self), FALSE);
  if (!rw_guide_resolve_link (self->guide, uri, &chapter, &block))
    return FALSE;
  rw_guide_page_open_chapter (self, chapter, strchr (uri, '#') != NULL || g_str_has_prefix (uri, "ref:")
                                               ? (int) block : 0);
  return TRUE;
}

static void
chapter_activated_cb (GtkListBox    *list,
                      GtkListBoxRow *row,
                      RwGuidePage   *self)
{
  rw_guide_page_open_chapter (self, gtk_list_box_row_get_index (row), -1);
}

static void
result_activated_cb (GtkListBox    *list,
                     GtkListBoxRow *row,
                     RwGuidePage   *self)
{
  rw_guide_page_activate_result (self, gtk_list_box_row_get_index (row));
}

static void
fill_results (RwGuidePage *self,
              const char  *query)
{
  GtkWidget *child;

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
    {
      RwGuideHit *hit = g_ptr_array_index (self->hits, i);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *title = gtk_label_new (rw_guide_get_chapter (self->guide, hit->chapter)->title);
      GtkWidget *snippet = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (title), 0);
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
      gtk_list_box_append (self->result_list, box);
    }
  gtk_stack_set_visible_child_name (self->sidebar_stack, self->hits->len > 0 ? "results" : "none");
}

static void
search_changed_cb (GtkSearchEntry *entry,
                   RwGuidePage    *self)
{
  fill_results (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
stop_search_cb (GtkSearchEntry *entry,
                RwGuidePage    *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
back_clicked_cb (RwGuidePage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
folded_cb (RwGuidePage *self)
{
  gtk_widget_set_visible (self->back_button, adw_leaflet_get_folded (self->leaflet));
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
  if (self->settings != NULL)
    g_settings_set_int (self->settings, "guide-text-size", self->text_size);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  rw_guide_page_focus_search (RW_GUIDE_PAGE (widget));
}

static void
rw_guide_page_dispose (GObject *object)
{
  RwGuidePage *self = RW_GUIDE_PAGE (object);

  if (self->chapter >= 0)
    save_position (self);
  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
  self->scroll_tick = 0;
  if (self->leaflet != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->leaflet));
      self->leaflet = NULL;
    }
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (rw_guide_page_parent_class)->dispose (object);
}

static void
rw_guide_page_finalize (GObject *object)
{
  RwGuidePage *self = RW_GUIDE_PAGE (object);

  g_clear_pointer (&self->guide, rw_guide_free);
  g_clear_pointer (&self->hits, g_ptr_array_unref);
  g_ptr_array_unref (self->block_widgets);
  G_OBJECT_CLASS (rw_guide_page_parent_class)->finalize (object);
}

static void
rw_guide_page_class_init (RwGuidePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rw_guide_page_dispose;
  object_class->finalize = rw_guide_page_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "guide.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "guide.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "guide.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "guide.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "guide.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "guide.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "guide.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "guide.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "guide.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "guide.zoom-reset", NULL);
}

static void
rw_guide_page_init (RwGuidePage *self)
{
  g_autoptr(GError) error = NULL;
  const char * const *languages = g_get_language_names ();
  GtkWidget *sidebar_scroll = gtk_scrolled_window_new ();
  GtkWidget *results_scroll = gtk_scrolled_window_new ();
  GtkWidget *none = adw_status_page_new ();
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *smaller = gtk_button_new_from_icon_name ("zoom-out-symbolic");
  GtkWidget *larger = gtk_button_new_from_icon_name ("zoom-in-symbolic");
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *separator = gtk_separator_new (GTK_ORIENTATION_VERTICAL);

  self->chapter = -1;
  self->target_block = -1;
  self->target_scroll = -1;
  self->block_widgets = g_ptr_array_new ();

  /* The guide in the first of the person's languages that has one. */
  for (guint i = 0; languages[i] != NULL && self->guide == NULL; i++)
    {
      self->guide = rw_guide_load (languages[i], NULL);
      if (self->guide != NULL && !g_str_equal (rw_guide_get_language (self->guide), languages[i]) &&
          !g_str_equal (languages[i], "C"))
        g_clear_pointer (&self->guide, rw_guide_free);
    }
  if (self->guide == NULL)
    self->guide = rw_guide_load ("C", &error);
  if (self->guide == NULL)
    g_critical ("The guide is missing from the build: %s", error->message);

  self->leaflet = ADW_LEAFLET (adw_leaflet_new ());
  adw_leaflet_set_can_navigate_back (self->leaflet, TRUE);
  gtk_widget_set_parent (GTK_WIDGET (self->leaflet), GTK_WIDGET (self));
  g_signal_connect_swapped (self->leaflet, "notify::folded", G_CALLBACK (folded_cb), self);

  /* The sidebar: search, then chapters or results. */
  self->sidebar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_size_request (self->sidebar, 260, -1);
  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search_entry, "placeholder-text", _("Search the guide"), NULL);
  gtk_widget_set_margin_start (GTK_WIDGET (self->search_entry), 8);
  gtk_widget_set_margin_end (GTK_WIDGET (self->search_entry), 8);
  gtk_widget_set_margin_top (GTK_WIDGET (self->search_entry), 8);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->search_entry), 4);
  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect (self->search_entry, "stop-search", G_CALLBACK (stop_search_cb), self);
  gtk_box_append (GTK_BOX (self->sidebar), GTK_WIDGET (self->search_entry));

  self->chapter_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->chapter_list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chapter_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Chapters"), -1);
  g_signal_connect (self->chapter_list, "row-activated", G_CALLBACK (chapter_activated_cb), self);
  for (guint c = 0; self->guide != NULL && c < rw_guide_get_n_chapters (self->guide); c++)
    {
      GtkWidget *label = gtk_label_new (rw_guide_get_chapter (self->guide, c)->title);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_top (label, 4);
      gtk_widget_set_margin_bottom (label, 4);
      gtk_list_box_append (self->chapter_list, label);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (sidebar_scroll), GTK_WIDGET (self->chapter_list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (sidebar_scroll), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);

  self->result_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->result_list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->result_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search results"), -1);
  g_signal_connect (self->result_list, "row-activated", G_CALLBACK (result_activated_cb), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (results_scroll), GTK_WIDGET (self->result_list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (results_scroll), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (none), "system-search-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (none), _("Nothing Found"));
  adw_status_page_set_description (ADW_STATUS_PAGE (none), _("Try another word, or fewer words."));
  gtk_widget_add_css_class (none, "compact");

  self->sidebar_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->sidebar_stack, sidebar_scroll, "chapters");
  gtk_stack_add_named (self->sidebar_stack, results_scroll, "results");
  gtk_stack_add_named (self->sidebar_stack, none, "none");
  gtk_widget_set_vexpand (GTK_WIDGET (self->sidebar_stack), TRUE);
  gtk_box_append (GTK_BOX (self->sidebar), GTK_WIDGET (self->sidebar_stack));
  adw_leaflet_append (self->leaflet, self->sidebar);
  adw_leaflet_page_set_navigatable (adw_leaflet_append (self->leaflet, separator), FALSE);

  /* The reading pane: a bar with back and text size, then the chapter. */
  self->reading = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_hexpand (self->reading, TRUE);
  self->back_button = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_widget_set_tooltip_text (self->back_button, _("Chapters"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->back_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Back to the chapters"), -1);
  g_signal_connect_swapped (self->back_button, "clicked", G_CALLBACK (back_clicked_cb), self);
  self->chapter_title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->chapter_title, PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (GTK_WIDGET (self->chapter_title), TRUE);
  gtk_label_set_xalign (self->chapter_title, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->chapter_title), "heading");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (smaller), "guide.zoom-out");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (larger), "guide.zoom-in");
  gtk_widget_set_tooltip_text (smaller, _("Smaller text (Ctrl+−)"));
  gtk_widget_set_tooltip_text (larger, _("Larger text (Ctrl+plus)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (smaller), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Smaller text"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (larger), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Larger text"), -1);
  gtk_widget_add_css_class (smaller, "flat");
  gtk_widget_add_css_class (larger, "flat");
  gtk_widget_add_css_class (self->back_button, "flat");
  gtk_widget_set_margin_start (bar, 6);
  gtk_widget_set_margin_end (bar, 6);
  gtk_widget_set_margin_top (bar, 6);
  gtk_widget_set_margin_bottom (bar, 6);
  gtk_box_append (GTK_BOX (bar), self->back_button);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->chapter_title));
  gtk_box_append (GTK_BOX (bar), smaller);
  gtk_box_append (GTK_BOX (bar), larger);
  gtk_box_append (GTK_BOX (self->reading), bar);
  gtk_box_append (GTK_BOX (self->reading), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  self->scrolled = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_policy (self->scrolled, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (GTK_WIDGET (self->scrolled), TRUE);
  self->text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_add_css_class (self->text_box, "guide-text");
  gtk_widget_set_margin_start (self->text_box, 18);
  gtk_widget_set_margin_end (self->text_box, 18);
  gtk_widget_set_margin_top (self->text_box, 18);
  gtk_widget_set_margin_bottom (self->text_box, 36);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->text_box);
  gtk_scrolled_window_set_child (self->scrolled, clamp);
  gtk_box_append (GTK_BOX (self->reading), GTK_WIDGET (self->scrolled));
  adw_leaflet_append (self->leaflet, self->reading);
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);

  apply_text_size (self);
  folded_cb (self);
  if (self->guide != NULL && rw_guide_get_n_chapters (self->guide) > 0)
    show_chapter (self, 0);
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

RwGuidePage *
rw_guide_page_new (RwContext *context)
{
  RwGuidePage *self;

  g_return_val_if_fail (RW_IS_CONTEXT (context), NULL);

  self = g_object_new (RW_TYPE_GUIDE_PAGE, NULL);
  rw_guide_page_set_settings (self, rw_context_get_settings (context));
  return self;
}

void
rw_guide_page_set_settings (RwGuidePage *self,
                            GSettings   *settings)
{
  g_autofree char *last = NULL;
  int chapter;

  g_return_if_fail (RW_IS_GUIDE_PAGE (self));
  g_set_object (&self->settings, settings);
  if (settings == NULL)
    return;
  self->text_size = CLAMP (g_settings_get_int (settings, "guide-text-size"), MIN_SIZE, MAX_SIZE);
  apply_text_size (self);
  last = g_settings_get_string (settings, "guide-chapter");
  chapter = rw_guide_find_chapter (self->guide, last);
  if (chapter >= 0)
    {
      self->chapter = -1;
      rw_guide_page_open_chapter (self, chapter, -1);
      adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
    }
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
  return self->guide;
}

int
rw_guide_page_get_chapter (RwGuidePage *self)
{
  return self->chapter;
}

int
rw_guide_page_get_target_block (RwGuidePage *self)
{
  return self->target_block;
}

GtkWidget *
rw_guide_page_get_block_widget (RwGuidePage *self,
                                guint        block)
{
  g_return_val_if_fail (block < self->block_widgets->len, NULL);
  return g_ptr_array_index (self->block_widgets, block);
}

guint
rw_guide_page_search (RwGuidePage *self,
                      const char  *query)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query);
  fill_results (self, query);
  return self->hits != NULL ? self->hits->len : 0;
}

void
rw_guide_page_activate_result (RwGuidePage *self,
                               guint        index)
{
  RwGuideHit *hit;

  g_return_if_fail (self->hits != NULL && index < self->hits->len);
  hit = g_ptr_array_index (self->hits, index);
  rw_guide_page_open_chapter (self, hit->chapter, (int) hit->block);
}

int
rw_guide_page_get_text_size (RwGuidePage *self)
{
  return self->text_size;
}

double
rw_guide_page_get_scroll (RwGuidePage *self)
{
  return gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->scrolled));
}

void
rw_guide_page_set_scroll (RwGuidePage *self,
                          double       value)
{
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled), value);
}
