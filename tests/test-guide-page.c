/* test-guide-page.c: the Guide view under Xvfb, built from a context and
 * driven through its actions and keys: only the open chapter laid out,
 * links, Back and Forward, search that jumps to the match, text size,
 * myth cards, the reading position kept per chapter, and the narrow
 * layout.
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "rw-context.h"
#include "rw-guide-page.h"
#include "rw-test-ui.h"
#include "rw-test-util.h"

typedef struct
{
  GtkWindow *window;
  RwGuidePage *page;
  GSettings *settings;
  char *dir;
  RwJournal *journal;
  RwClock *clock;
  RwContext *context;
} Fixture;

static void
spin (void)
{
  /* Enough main loop for layout and the page's frame callback. */
  for (guint i = 0; i < 20; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (5000);
    }
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->settings = rw_settings_new ();
  g_settings_reset (f->settings, "guide-chapter");
  g_settings_reset (f->settings, "guide-positions");
  g_settings_reset (f->settings, "guide-text-size");
  if (data != NULL)
    g_settings_set_string (f->settings, "guide-chapter", data);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1000, 700);
  f->dir = rw_test_make_dir ();
  f->journal = rw_journal_open (f->dir, NULL);
  f->clock = rw_clock_new_system ();
  f->context = rw_context_new (f->journal, f->settings, f->clock);
  f->page = rw_guide_page_new (f->context);
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  gtk_window_present (f->window);
  spin ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->window);
  spin ();
  g_clear_object (&f->context);
  g_clear_object (&f->journal);
  g_clear_object (&f->clock);
  g_clear_object (&f->settings);
  rw_test_remove_dir (f->dir);
  g_free (f->dir);
}

static void
test_link_to_heading (Fixture       *f,
                      gconstpointer  data)
{
  RwGuide *guide = rw_guide_page_get_guide (f->page);
  int target = rw_guide_find_chapter (guide, "10-questions-for-a-provider");
  int block;

  g_assert_true (rw_guide_page_open_link (f->page, "guide:10-questions-for-a-provider#questions-to-ask-a-provider"));
  spin ();
  g_assert_cmpint (rw_guide_page_get_chapter (f->page), ==, target);
  block = rw_guide_page_get_target_block (f->page);
  g_assert_cmpint (block, >, 0);
  g_assert_true (gtk_widget_has_css_class (rw_guide_page_get_block_widget (f->page, block), "guide-target"));

  /* A reference link lands on the reference. */
  g_assert_true (rw_guide_page_open_link (f->page, "ref:short2018"));
  spin ();
  g_assert_cmpint (rw_guide_page_get_chapter (f->page), ==, rw_guide_find_chapter (guide, "13-references"));
  g_assert_cmpfloat (rw_guide_page_get_scroll (f->page), >, 0);

  g_assert_false (rw_guide_page_open_link (f->page, "guide:nowhere"));
}

static void
test_search_jumps (Fixture       *f,
                   gconstpointer  data)
{
  guint hits = rw_guide_page_search (f->page, "bladder");
  GtkWidget *widget;

  g_assert_cmpuint (hits, >, 0);
  rw_guide_page_activate_result (f->page, 0);
  spin ();
  g_assert_cmpint (rw_guide_page_get_chapter (f->page), >=, 0);
  widget = rw_guide_page_get_block_widget (f->page, rw_guide_page_get_target_block (f->page));
  g_assert_true (gtk_widget_has_css_class (widget, "guide-target"));
  g_assert_cmpuint (rw_guide_page_search (f->page, "zzqxv"), ==, 0);
}

/* From the keyboard only: Down from the search entry goes into the
 * results, Down again to the next one, Enter opens the one in focus at
 * its match; Enter in the entry opens the first. */
static void
test_results_from_keyboard (Fixture       *f,
                            gconstpointer  data)
{
  RwGuide *guide = rw_guide_page_get_guide (f->page);
  g_autoptr(GPtrArray) hits = rw_guide_search (guide, "bladder");
  GtkWidget *entry = rw_test_find_type (GTK_WIDGET (f->page), GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *focus, *list;
  RwGuideHit *hit;

  g_assert_cmpuint (hits->len, >=, 2);
  g_assert_cmpuint (rw_guide_page_search (f->page, "bladder"), ==, hits->len);
  gtk_widget_grab_focus (entry);
  g_assert_true (rw_test_press_key (entry, GDK_KEY_Down, 0));
  focus = gtk_window_get_focus (f->window);
  g_assert_true (GTK_IS_LIST_BOX_ROW (focus));
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (focus)), ==, 0);
  list = gtk_widget_get_parent (focus);
  g_assert_true (gtk_widget_is_drawable (list));

  g_assert_true (rw_test_press_key (list, GDK_KEY_Down, 0));
  focus = gtk_window_get_focus (f->window);
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (focus)), ==, 1);
  /* Enter is the window's: it activates the widget in focus. */
  g_assert_true (rw_test_press_key (GTK_WIDGET (f->window), GDK_KEY_Return, 0));
  spin ();
  hit = g_ptr_array_index (hits, 1);
  g_assert_cmpint (rw_guide_page_get_chapter (f->page), ==, hit->chapter);
  g_assert_cmpint (rw_guide_page_get_target_block (f->page), ==, hit->block);
  /* Both panes show: the focus stays on the result, a key from the next. */
  g_assert_true (gtk_window_get_focus (f->window) == focus);

  /* Enter in the entry: the first result. */
  rw_guide_page_open_chapter (f->page, rw_guide_find_chapter (guide, "06-myths"), 0);
  spin ();
  gtk_widget_grab_focus (entry);
  g_signal_emit_by_name (entry, "activate");
  spin ();
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpint (rw_guide_page_get_chapter (f->page), ==, hit->chapter);
  g_assert_cmpint (rw_guide_page_get_target_block (f->page), ==, hit->block);

  /* With no search, Down goes to the open chapter in the list. */
  rw_guide_page_search (f->page, "");
  gtk_widget_grab_focus (entry);
  g_assert_true (rw_test_press_key (entry, GDK_KEY_Down, 0));
  focus = gtk_window_get_focus (f->window);
  g_assert_true (GTK_IS_LIST_BOX_ROW (focus));
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (focus)), ==, hit->chapter);
}

static int
selected_chapter (RwGuidePage *page)
{
  GtkWidget *label = GTK_WIDGET (rw_test_find_label (GTK_WIDGET (page), "What Ketamine Is"));
  GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_ancestor (label, GTK_TYPE_LIST_BOX));
  GtkListBoxRow *row = gtk_list_box_get_selected_row (list);

  return row != NULL ? gtk_list_box_row_get_index (row) : -1;
}

/* The chapter list marks the chapter shown, however it came to show (a
 * link, a search result, Back and Forward), and moving through the list
 * with the arrow keys marks nothing until Enter opens a chapter. */
static void
test_list_follows_the_chapter (Fixture       *f,
                               gconstpointer  data)
{
  RwGuide *guide = rw_guide_page_get_guide (f->page);
  g_autoptr(GPtrArray) hits = rw_guide_search (guide, "bladder");
  int first = rw_guide_find_chapter (guide, "02-in-the-brain");
  int references = rw_guide_find_chapter (guide, "13-references");
  GtkWidget *entry = rw_test_find_type (GTK_WIDGET (f->page), GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *row, *list;
  RwGuideHit *hit = g_ptr_array_index (hits, 0);

  g_assert_cmpint (selected_chapter (f->page), ==, first);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "guide.open-link", "s", "ref:zanos2018"));
  spin ();
  g_assert_cmpint (selected_chapter (f->page), ==, references);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "guide.back", NULL));
  spin ();
  g_assert_cmpint (selected_chapter (f->page), ==, first);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "guide.forward", NULL));
  spin ();
  g_assert_cmpint (selected_chapter (f->page), ==, references);

  g_assert_cmpint (hit->chapter, !=, references);
  rw_guide_page_search (f->page, "bladder");
  rw_guide_page_activate_result (f->page, 0);
  spin ();
  rw_guide_page_search (f->page, "");
  g_assert_cmpint (selected_chapter (f->page), ==, hit->chapter);

  /* The arrow keys move the focus, not the mark. */
  gtk_widget_grab_focus (entry);
  g_assert_true (rw_test_press_key (entry, GDK_KEY_Down, 0));
  row = gtk_window_get_focus (f->window);
  list = gtk_widget_get_parent (row);
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)), ==, hit->chapter);
  g_assert_true (rw_test_press_key (list, GDK_KEY_Down, 0));
  g_assert_true (rw_test_press_key (list, GDK_KEY_Down, 0));
  row = gtk_window_get_focus (f->window);
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)), ==, hit->chapter + 2);
  g_assert_cmpint (rw_guide_page_get_chapter (f->page), ==, hit->chapter);
  g_assert_cmpint (selected_chapter (f->page), ==, hit->chapter);
  g_assert_true (rw_test_press_key (GTK_WIDGET (f->window), GDK_KEY_Return, 0));
  spin ();
  g_assert_cmpint (rw_guide_page_get_chapter (f->page), ==, hit->chapter + 2);
  g_assert_cmpint (selected_chapter (f->page), ==, hit->chapter + 2);
}

static void
test_text_size (Fixture       *f,
                gconstpointer  data)
{
  g_assert_cmpint (rw_guide_page_get_text_size (f->page), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "guide.zoom-in", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "guide.zoom-in", NULL);
  g_assert_cmpint (rw_guide_page_get_text_size (f->page), ==, 2);
  g_assert_cmpint (g_settings_get_int (f->settings, "guide-text-size"), ==, 2);
  for (guint i = 0; i < 10; i++)
    gtk_widget_activate_action (GTK_WIDGET (f->page), "guide.zoom-out", NULL);
  g_assert_cmpint (rw_guide_page_get_text_size (f->page), ==, -2);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "guide.zoom-reset", NULL);
  g_assert_cmpint (rw_guide_page_get_text_size (f->page), ==, 0);
}

static void
test_myth_cards (Fixture       *f,
                 gconstpointer  data)
{
  RwGuide *guide = rw_guide_page_get_guide (f->page);
  int myths = rw_guide_find_chapter (guide, "06-myths");
  RwGuideChapter *chapter = rw_guide_get_chapter (guide, myths);
  guint cards = 0;

  rw_guide_page_open_chapter (f->page, myths, 0);
  spin ();
  for (guint b = 0; b < chapter->blocks->len; b++)
    if (gtk_widget_has_css_class (rw_guide_page_get_block_widget (f->page, b), "myth-card"))
      cards++;
  g_assert_cmpuint (cards, >=, 5);
}

static void
test_reading_position_kept (Fixture       *f,
                            gconstpointer  data)
{
  RwGuide *guide = rw_guide_page_get_guide (f->page);
  int a = rw_guide_find_chapter (guide, "07-integration");
  int b = rw_guide_find_chapter (guide, "01-what-is-ketamine");

  rw_guide_page_open_chapter (f->page, a, -1);
  spin ();
  rw_guide_page_set_scroll (f->page, 150);
  rw_guide_page_open_chapter (f->page, b, -1);
  spin ();
  g_assert_cmpfloat (rw_guide_page_get_scroll (f->page), ==, 0);
  rw_guide_page_open_chapter (f->page, a, -1);
  spin ();
  g_assert_cmpfloat (rw_guide_page_get_scroll (f->page), ==, 150);
  {
    g_autofree char *last = g_settings_get_string (f->settings, "guide-chapter");
    g_assert_cmpstr (last, ==, "07-integration");
  }
}


static guint
n_blocks (RwGuidePage *page,
          const char  *id)
{
  RwGuide *guide = rw_guide_page_get_guide (page);

  return rw_guide_get_chapter (guide, rw_guide_find_chapter (guide, id))->blocks->len;
}

static guint
n_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static gboolean
match_any_label (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_LABEL (widget);
}

static void
test_lays_out_only_the_open_chapter (Fixture       *f,
                                     gconstpointer  data)
{
  RwGuide *guide = rw_guide_page_get_guide (f->page);
  guint all = 0, labels;

  for (guint c = 0; c < rw_guide_get_n_chapters (guide); c++)
    all += rw_guide_get_chapter (guide, c)->blocks->len;

  /* Shown: the chapter read last has its blocks, and nothing else does. */
  g_assert_cmpint (rw_guide_page_get_chapter (f->page), ==, rw_guide_find_chapter (guide, "06-myths"));
  g_assert_cmpuint (rw_guide_page_get_n_block_widgets (f->page), ==, n_blocks (f->page, "06-myths"));
  g_assert_cmpuint (n_children (rw_guide_page_get_text_box (f->page)), ==, n_blocks (f->page, "06-myths"));
  labels = rw_test_count (GTK_WIDGET (f->page), match_any_label, NULL);
  g_test_message ("%u labels for %u blocks in the guide", labels, all);
  g_assert_cmpuint (labels, <, n_blocks (f->page, "06-myths") * 2 + rw_guide_get_n_chapters (guide) + 20);
  g_assert_cmpuint (labels, <, all / 2);

  /* Another chapter replaces it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "guide.open-chapter", "s", "07-integration"));
  spin ();
  g_assert_cmpuint (n_children (rw_guide_page_get_text_box (f->page)), ==, n_blocks (f->page, "07-integration"));
  g_assert_cmpuint (rw_guide_page_get_n_block_widgets (f->page), ==, n_blocks (f->page, "07-integration"));
}

static void
test_narrow_builds_when_opened (Fixture       *f,
                                gconstpointer  data)
{
  GtkWidget *back;

  /* 360 px: the chapter list shows, and no chapter is laid out. */
  gtk_window_destroy (f->window);
  spin ();
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 360, 700);
  f->page = rw_guide_page_new (f->context);
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  gtk_window_present (f->window);
  spin ();
  g_assert_cmpuint (rw_guide_page_get_n_block_widgets (f->page), ==, 0);
  g_assert_cmpuint (n_children (rw_guide_page_get_text_box (f->page)), ==, 0);

  /* Opening one lays it out and shows it; Back returns to the list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "guide.open-chapter", "s", "06-myths"));
  spin ();
  g_assert_cmpuint (rw_guide_page_get_n_block_widgets (f->page), ==, n_blocks (f->page, "06-myths"));
  g_assert_true (gtk_widget_is_drawable (rw_guide_page_get_text_box (f->page)));
  back = rw_test_find (GTK_WIDGET (f->page), rw_test_match_type, GSIZE_TO_POINTER (GTK_TYPE_BUTTON));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (back)), ==, "guide.back");
  g_assert_true (gtk_widget_is_sensitive (back));
  g_assert_true (rw_test_press_key (GTK_WIDGET (f->page), GDK_KEY_Left, GDK_ALT_MASK));
  spin ();
  {
    AdwLeaflet *leaflet = ADW_LEAFLET (rw_test_find_type (GTK_WIDGET (f->page), ADW_TYPE_LEAFLET));

    g_assert_true (adw_leaflet_get_folded (leaflet));
    g_assert_false (gtk_widget_is_ancestor (rw_guide_page_get_text_box (f->page),
                                            adw_leaflet_get_visible_child (leaflet)));
    /* The chapter's row in the list shows (the chapter's own heading,
     * also "Myths and Facts", is in the pane that went away). */
    g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (rw_test_find_label (adw_leaflet_get_visible_child (leaflet),
                                                                             "Myths and Facts"))));
  }
}

static void
test_back_and_forward (Fixture       *f,
                       gconstpointer  data)
{
  RwGuide *guide = rw_guide_page_get_guide (f->page);
  int integration = rw_guide_find_chapter (guide, "07-integration");
  int questions = rw_guide_find_chapter (guide, "10-questions-for-a-provider");

  /* Nowhere to go forward yet. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "guide.forward", NULL);
  g_assert_cmpint (rw_guide_page_get_chapter (f->page), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "guide.open-chapter", "s", "07-integration");
  spin ();
  rw_guide_page_set_scroll (f->page, 150);

  /* Following a link, then Back: the chapter, at the place it was left. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "guide.open-link", "s",
                                             "guide:10-questions-for-a-provider#questions-to-ask-a-provider"));
  spin ();
  g_assert_cmpint (rw_guide_page_get_chapter (f->page), ==, questions);
  g_assert_true (rw_test_press_key (GTK_WIDGET (f->page), GDK_KEY_Left, GDK_ALT_MASK));
  spin ();
  g_assert_cmpint (rw_guide_page_get_chapter (f->page), ==, integration);
  g_assert_cmpfloat (rw_guide_page_get_scroll (f->page), ==, 150);

  /* Forward goes to the link's chapter again, and its button shows. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (rw_test_find (GTK_WIDGET (f->page), rw_test_match_type,
                                                                   GSIZE_TO_POINTER (GTK_TYPE_BUTTON)))));
  g_assert_true (rw_test_press_key (GTK_WIDGET (f->page), GDK_KEY_Right, GDK_ALT_MASK));
  spin ();
  g_assert_cmpint (rw_guide_page_get_chapter (f->page), ==, questions);

  /* Back twice: to the chapter before, then (wide, nowhere earlier) no further. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "guide.back", NULL);
  spin ();
  gtk_widget_activate_action (GTK_WIDGET (f->page), "guide.back", NULL);
  spin ();
  g_assert_cmpint (rw_guide_page_get_chapter (f->page), ==, 0);
  g_assert_true (gtk_widget_is_drawable (rw_guide_page_get_text_box (f->page)));
}

/* The shortcut for @wanted among @widget's controllers of the scope
 * asked for (local, or window-wide), activated. */
static gboolean
activate_shortcut (GtkWidget          *widget,
                   GtkShortcutTrigger *wanted,
                   gboolean            local)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          (gtk_shortcut_controller_get_scope (GTK_SHORTCUT_CONTROLLER (controller)) == GTK_SHORTCUT_SCOPE_LOCAL) != local)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted) &&
              gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                            widget, gtk_shortcut_get_arguments (shortcut)))
            return TRUE;
        }
    }
  return FALSE;
}

static gboolean
activate_window_wide (GtkWidget          *widget,
                      GtkShortcutTrigger *wanted)
{
  if (!gtk_widget_get_mapped (widget) || !gtk_widget_is_sensitive (widget))
    return FALSE;
  if (activate_shortcut (widget, wanted, FALSE))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (activate_window_wide (child, wanted))
      return TRUE;
  return FALSE;
}

/* What a key press in @window does, as GTK goes about it: the shortcuts
 * of the focus widget and its ancestors, then those that shown widgets
 * hold for the whole window. */
static gboolean
press_key_in_window (GtkWindow       *window,
                     guint            keyval,
                     GdkModifierType  modifiers)
{
  g_autoptr(GtkShortcutTrigger) wanted = gtk_keyval_trigger_new (keyval, modifiers);

  for (GtkWidget *widget = gtk_window_get_focus (window); widget != NULL;
       widget = gtk_widget_get_parent (widget))
    if (activate_shortcut (widget, wanted, TRUE))
      return TRUE;
  return activate_window_wide (GTK_WIDGET (window), wanted);
}

static gboolean
match_link_label (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), data) != NULL;
}

/* Presses mouse button @button (8 is back, 9 forward) over @page. */
static void
press_mouse_button (RwGuidePage *page,
                    guint        button)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (page));
  guint pressed = 0;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller) &&
          gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == button)
        {
          g_signal_emit_by_name (controller, "pressed", 1, 10.0, 10.0);
          pressed++;
        }
    }
  g_assert_cmpuint (pressed, ==, 1);
}

/* A link followed in the text, with the focus in the header bar (where
 * it is after a click on a link whose paragraph is then gone): Alt+Left
 * and the mouse's back button return, Alt+Right and its forward button
 * go on, and the Back button shows it can. */
static void
test_back_from_anywhere (Fixture       *f,
                         gconstpointer  data)
{
  RwGuide *guide = rw_guide_page_get_guide (f->page);
  int first = rw_guide_find_chapter (guide, "02-in-the-brain");
  int references = rw_guide_find_chapter (guide, "13-references");
  GtkWidget *header = gtk_header_bar_new ();
  GtkWidget *elsewhere = gtk_button_new_with_label ("Elsewhere");
  GtkWidget *back;
  GtkLabel *link;
  gboolean handled = FALSE;

  gtk_window_destroy (f->window);
  spin ();
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1000, 700);
  gtk_header_bar_pack_start (GTK_HEADER_BAR (header), elsewhere);
  gtk_window_set_titlebar (f->window, header);
  f->page = rw_guide_page_new (f->context);
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  gtk_window_present (f->window);
  spin ();
  g_assert_cmpint (rw_guide_page_get_chapter (f->page), ==, first);
  back = rw_test_find (GTK_WIDGET (f->page), rw_test_match_type, GSIZE_TO_POINTER (GTK_TYPE_BUTTON));
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (back)), ==, "go-previous-symbolic");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (back)), ==, "guide.back");
  g_assert_false (gtk_widget_is_sensitive (back));

  /* The link to a reference, as a click on it does. */
  link = GTK_LABEL (rw_test_find (rw_guide_page_get_text_box (f->page), match_link_label, "href=\"ref:"));
  g_assert_nonnull (link);
  g_signal_emit_by_name (link, "activate-link", "ref:zanos2018", &handled);
  g_assert_true (handled);
  spin ();
  g_assert_cmpint (rw_guide_page_get_chapter (f->page), ==, references);
  g_assert_true (gtk_widget_is_sensitive (back));

  gtk_widget_grab_focus (elsewhere);
  g_assert_true (gtk_window_get_focus (f->window) == elsewhere);
  g_assert_true (press_key_in_window (f->window, GDK_KEY_Left, GDK_ALT_MASK));
  spin ();
  g_assert_cmpint (rw_guide_page_get_chapter (f->page), ==, first);
  g_assert_true (press_key_in_window (f->window, GDK_KEY_Right, GDK_ALT_MASK));
  spin ();
  g_assert_cmpint (rw_guide_page_get_chapter (f->page), ==, references);

  press_mouse_button (f->page, 8);
  spin ();
  g_assert_cmpint (rw_guide_page_get_chapter (f->page), ==, first);
  press_mouse_button (f->page, 9);
  spin ();
  g_assert_cmpint (rw_guide_page_get_chapter (f->page), ==, references);

  /* Not while the guide is hidden (another view shows). */
  gtk_widget_set_visible (GTK_WIDGET (f->page), FALSE);
  g_assert_false (press_key_in_window (f->window, GDK_KEY_Left, GDK_ALT_MASK));
  g_assert_cmpint (rw_guide_page_get_chapter (f->page), ==, references);
}

static void
test_keys (Fixture       *f,
           gconstpointer  data)
{
  GtkWidget *entry = rw_test_find_type (GTK_WIDGET (f->page), GTK_TYPE_SEARCH_ENTRY);

  g_assert_true (rw_test_press_key (GTK_WIDGET (f->page), GDK_KEY_plus, GDK_CONTROL_MASK));
  g_assert_cmpint (rw_guide_page_get_text_size (f->page), ==, 1);
  g_assert_true (gtk_widget_has_css_class (rw_guide_page_get_text_box (f->page), "guide-size-1"));
  g_assert_true (rw_test_press_key (GTK_WIDGET (f->page), GDK_KEY_minus, GDK_CONTROL_MASK));
  g_assert_true (rw_test_press_key (GTK_WIDGET (f->page), GDK_KEY_minus, GDK_CONTROL_MASK));
  g_assert_cmpint (rw_guide_page_get_text_size (f->page), ==, -1);
  g_assert_true (rw_test_press_key (GTK_WIDGET (f->page), GDK_KEY_0, GDK_CONTROL_MASK));
  g_assert_cmpint (rw_guide_page_get_text_size (f->page), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "guide.search", NULL));
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (f->window), entry) ||
                 gtk_window_get_focus (f->window) == entry);
}

static void
test_links_reached_with_tab (Fixture       *f,
                             gconstpointer  data)
{
  RwGuide *guide = rw_guide_page_get_guide (f->page);
  RwGuideChapter *chapter = rw_guide_get_chapter (guide, rw_guide_find_chapter (guide, "06-myths"));
  guint with_links = 0;

  gtk_widget_activate_action (GTK_WIDGET (f->page), "guide.open-chapter", "s", chapter->id);
  spin ();
  /* A paragraph with links takes the focus (Tab goes link by link); plain
   * text does not, and stays selectable. */
  for (guint b = 0; b < chapter->blocks->len; b++)
    {
      RwGuideBlock *block = g_ptr_array_index (chapter->blocks, b);
      GtkWidget *widget = rw_guide_page_get_block_widget (f->page, b);
      GtkLabel *label = GTK_IS_LABEL (widget) ? GTK_LABEL (widget)
                                              : GTK_LABEL (rw_test_find (widget, match_any_label, NULL));
      gboolean links = block->markup != NULL && strstr (block->markup, "<a ") != NULL;

      if (block->kind == RW_BLOCK_RULE || block->kind == RW_BLOCK_LIST_ITEM)
        continue;
      g_assert_cmpint (gtk_widget_get_focusable (GTK_WIDGET (label)), ==, links);
      g_assert_cmpint (gtk_label_get_selectable (label), ==, !links);
      with_links += links;
    }
  g_assert_cmpuint (with_links, >, 0);

  /* Tab goes from the buttons above the text into it, to a link, and on
   * (a selectable paragraph held it back: Tab stayed on the last button). */
  {
    GtkWidget *larger = NULL;
    GtkWidget *focus;

    for (GtkWidget *w = rw_test_find_type (GTK_WIDGET (f->page), GTK_TYPE_BUTTON); w != NULL;
         w = gtk_widget_get_next_sibling (w))
      if (GTK_IS_BUTTON (w) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (w)), "guide.zoom-in") == 0)
        larger = w;
    g_assert_nonnull (larger);
    gtk_widget_grab_focus (larger);
    for (guint i = 0; i < 3; i++)
      {
        g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD));
        focus = gtk_window_get_focus (f->window);
        g_assert_true (GTK_IS_LABEL (focus));
        g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (focus)), "<a "));
        g_assert_true (gtk_widget_is_ancestor (focus, rw_guide_page_get_text_box (f->page)));
      }

    /* Enter follows the link in focus; the focus goes to Back (its
     * paragraph is gone with the chapter), which returns. */
    g_assert_nonnull (gtk_label_get_current_uri (GTK_LABEL (focus)));
    g_assert_true (rw_test_press_key (focus, GDK_KEY_Return, 0));
    spin ();
    g_assert_cmpint (rw_guide_page_get_chapter (f->page), !=, rw_guide_find_chapter (guide, "06-myths"));
    focus = gtk_window_get_focus (f->window);
    g_assert_true (GTK_IS_BUTTON (focus));
    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)), ==, "guide.back");
    g_signal_emit_by_name (focus, "clicked");
    spin ();
    g_assert_cmpint (rw_guide_page_get_chapter (f->page), ==, rw_guide_find_chapter (guide, "06-myths"));
  }
}

/* The shortcuts window lists Back, Forward and the way into the results. */
static void
test_shortcuts_listed (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/rewire/Rewire/rw-shortcuts-window.ui");
  GtkWidget *window = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  static const char * const wanted[] = { "<Alt>Left", "<Alt>Right", "Down" };
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
  GtkWidget *guide = NULL;

  for (GSList *l = objects; l != NULL && guide == NULL; l = l->next)
    if (GTK_IS_SHORTCUTS_GROUP (l->data))
      {
        g_autofree char *title = NULL;

        g_object_get (l->data, "title", &title, NULL);
        if (g_strcmp0 (title, "Guide") == 0)
          guide = l->data;
      }
  g_assert_nonnull (guide);
  for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
    {
      gboolean found = FALSE;

      for (GtkWidget *child = gtk_widget_get_first_child (guide); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_SHORTCUTS_SHORTCUT (child))
          {
            g_autofree char *accelerator = NULL;

            g_object_get (child, "accelerator", &accelerator, NULL);
            found |= g_strcmp0 (accelerator, wanted[i]) == 0;
          }
      if (!found)
        g_error ("%s is not in the shortcuts window's Guide group", wanted[i]);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* The leaflet then folds and unfolds at once: under load its slide
   * had not ended when a test looked at what it shows. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(name, func) \
  g_test_add ("/guide-page/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("link-to-heading", test_link_to_heading);
  ADD ("search-jumps", test_search_jumps);
  ADD ("results-from-keyboard", test_results_from_keyboard);
  ADD ("text-size", test_text_size);
  ADD ("myth-cards", test_myth_cards);
  ADD ("reading-position-kept", test_reading_position_kept);
  ADD ("back-and-forward", test_back_and_forward);
  ADD ("keys", test_keys);
  ADD ("links-reached-with-tab", test_links_reached_with_tab);
  ADD ("narrow-builds-when-opened", test_narrow_builds_when_opened);
  g_test_add ("/guide-page/back-from-anywhere", Fixture, "02-in-the-brain", fixture_setup,
              test_back_from_anywhere, fixture_teardown);
  g_test_add ("/guide-page/list-follows-the-chapter", Fixture, "02-in-the-brain", fixture_setup,
              test_list_follows_the_chapter, fixture_teardown);
  g_test_add ("/guide-page/lays-out-only-the-open-chapter", Fixture, "06-myths", fixture_setup,
              test_lays_out_only_the_open_chapter, fixture_teardown);

  g_test_add_func ("/guide-page/shortcuts-listed", test_shortcuts_listed);

#undef ADD

  return g_test_run ();
}
