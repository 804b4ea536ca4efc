/* test-guide-page.c: the Guide view under Xvfb: links, search that jumps
 * to the match, text size, myth cards, and the reading position kept per
 * chapter.
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "rw-context.h"
#include "rw-guide-page.h"
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

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) \
  g_test_add ("/guide-page/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("link-to-heading", test_link_to_heading);
  ADD ("search-jumps", test_search_jumps);
  ADD ("text-size", test_text_size);
  ADD ("myth-cards", test_myth_cards);
  ADD ("reading-position-kept", test_reading_position_kept);

#undef ADD

  return g_test_run ();
}
