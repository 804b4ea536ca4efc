/* test-journal-list.c: the Journal's history list in a real X server: the
 * jump to a date, the search's highlights and count, day headers at a
 * narrow width and with large text, and the tag filter.
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "rw-history-row.h"
#include "rw-journal-page.h"
#include "rw-journal-private.h"
#include "rw-test-ui.h"
#include "rw-test-util.h"
#include "rw-window.h"

/* One registered application for the tests that open the main window. */
static GtkApplication *app;

typedef struct
{
  char *dir;
  RwJournal *journal;
  RwContext *context;
  RwClock *clock;
  GSettings *settings;
  GtkWindow *window;
  RwJournalPage *page;
} Fixture;

static GSettings *
new_settings (void)
{
  g_autoptr(GSettingsSchemaSource) source = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;

  source = g_settings_schema_source_new_from_directory (g_getenv ("GSETTINGS_SCHEMA_DIR"),
                                                        NULL, TRUE, NULL);
  g_assert_nonnull (source);
  schema = g_settings_schema_source_lookup (source, APP_ID, FALSE);
  g_assert_nonnull (schema);
  return g_settings_new_full (schema, NULL, NULL);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = rw_test_make_dir ();
  f->journal = rw_journal_open (f->dir, &error);
  g_assert_no_error (error);
  f->clock = rw_clock_new_manual ("2026-11-22", "20:00");
  f->settings = new_settings ();
  f->context = rw_context_new (f->journal, f->settings, f->clock);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 800, 700);
  f->page = rw_journal_page_new (f->context);
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  gtk_window_present (f->window);
  rw_test_spin (1);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->window);
  rw_test_spin (1);
  g_clear_object (&f->settings);
  g_clear_object (&f->context);
  g_clear_object (&f->journal);
  g_clear_object (&f->clock);
  rw_test_remove_dir (f->dir);
  g_free (f->dir);
}

static void
add (Fixture    *f,
     const char *date,
     const char *time,
     int         mood,
     const char *note,
     const char *tags)
{
  g_autoptr(RwCheckIn) check_in = rw_test_check_in_new (date, time, mood, note);
  g_auto(GStrv) parsed = rw_parse_tags (tags != NULL ? tags : "", ',', NULL);

  rw_check_in_set_tags (check_in, (const char * const *) parsed);
  g_assert_true (rw_journal_add (f->journal, check_in, NULL));
}

/* Lets the list read, lay out and draw what it shows: a few frames. */
static void
settle (Fixture *f)
{
  RwHistoryModel *history = rw_journal_page_get_history (f->page);

  for (guint i = 0; i < 6; i++)
    {
      while (rw_history_model_get_loading (history))
        g_main_context_iteration (NULL, TRUE);
      rw_test_wait (30);
    }
}

static gboolean
match_class (GtkWidget     *widget,
             gconstpointer  data)
{
  return gtk_widget_has_css_class (widget, data);
}

/* The history (the tag filter's list is another list view). */
static GtkWidget *
list_view (Fixture *f)
{
  GtkWidget *list = rw_test_find (GTK_WIDGET (f->page), match_class, "history-list");

  g_assert_true (GTK_IS_LIST_VIEW (list));
  return list;
}

/* The rows the list shows now (bound to an item, mapped). */
static GPtrArray *
shown_rows (Fixture *f)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (list_view (f)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);

      if (RW_IS_HISTORY_ROW (row) && gtk_widget_get_mapped (row) &&
          rw_history_row_get_item (RW_HISTORY_ROW (row)) != NULL)
        g_ptr_array_add (rows, row);
    }
  return rows;
}

/* Narrowing the search keeps rows bound; each still marks the whole word. */
static void
test_search_highlight_after_narrowing (Fixture       *f,
                                       gconstpointer  data)
{
  static const char *notes[] = {
    "walking in the park", "walked home", "a long walk", "Walking again", "quiet day",
    "more walking, less sitting",
  };
  g_autoptr(GPtrArray) rows = NULL;
  guint checked = 0;

  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    {
      g_autofree char *date = g_strdup_printf ("2026-11-%02u", 10 + i);

      add (f, date, "09:00", 6, notes[i], NULL);
    }
  settle (f);

  rw_journal_page_set_search (f->page, "walk");
  settle (f);
  g_assert_cmpstr (rw_journal_page_get_search_count (f->page), ==, "5 check-ins");

  rw_journal_page_set_search (f->page, "walking");
  settle (f);
  g_assert_cmpstr (rw_journal_page_get_search_count (f->page), ==, "3 check-ins");

  rows = shown_rows (f);
  for (guint i = 0; i < rows->len; i++)
    {
      RwHistoryRow *row = g_ptr_array_index (rows, i);
      const char *markup = rw_history_row_get_note_markup (row);
      g_autofree char *word = NULL;

      if (markup == NULL)
        continue;
      /* Only the notes with the word are shown. */
      g_assert_true (strstr (markup, "walking") != NULL || strstr (markup, "Walking") != NULL);
      word = g_strdup_printf ("underline=\"single\">%s</span>",
                              strstr (markup, "Walking") != NULL ? "Walking" : "walking");
      g_assert_nonnull (strstr (markup, word));
      checked++;
    }
  g_assert_cmpuint (checked, ==, 3);

  rw_journal_page_set_search (f->page, "swimming");
  settle (f);
  g_assert_cmpstr (rw_journal_page_get_search_count (f->page), ==, "No check-ins match");
}

static GtkWidget *
history_header (Fixture    *f,
                const char *date)
{
  g_autoptr(GPtrArray) rows = shown_rows (f);

  for (guint i = 0; i < rows->len; i++)
    {
      RwHistoryRow *row = g_ptr_array_index (rows, i);

      if (RW_IS_DAY_HEADER (rw_history_row_get_item (row)) &&
          g_strcmp0 (rw_history_row_get_date (row), date) == 0)
        return GTK_WIDGET (row);
    }
  return NULL;
}

/* Two months of days, one or two check-ins each. */
static void
add_two_months (Fixture *f)
{
  for (guint i = 0; i < 61; i++)
    {
      g_autofree char *date = rw_date_to_iso (rw_date_from_iso ("2026-09-20") + i);

      add (f, date, "09:00", i % 11, "morning", NULL);
      if (i % 3 == 0)
        add (f, date, "21:00", (i + 4) % 11, "evening", NULL);
    }
  settle (f);
}

/* The day a jump shows sits in the upper third of the list, highlighted
 * (its header and its check-ins) until the moment passes. */
static void
check_jumped (Fixture    *f,
              const char *date)
{
  GtkWidget *header = history_header (f, date);
  GtkWidget *scrolled = gtk_widget_get_ancestor (list_view (f), GTK_TYPE_SCROLLED_WINDOW);
  g_autoptr(GPtrArray) rows = shown_rows (f);
  double x, y;
  guint highlighted = 0;

  g_assert_nonnull (header);
  g_assert_true (gtk_widget_translate_coordinates (header, scrolled, 0, 0, &x, &y));
  g_test_message ("%s at %.0f of %d", date, y, gtk_widget_get_height (scrolled));
  g_assert_cmpfloat (y, >=, 0);
  g_assert_cmpfloat (y, <, gtk_widget_get_height (scrolled) / 3.0);

  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      gboolean same = g_strcmp0 (rw_history_row_get_date (RW_HISTORY_ROW (row)), date) == 0;

      g_assert_cmpint (gtk_widget_has_css_class (row, "jump-target"), ==, same);
      highlighted += same;
    }
  g_assert_cmpuint (highlighted, >=, 2);
}

static void
test_jump_upper_third (Fixture       *f,
                       gconstpointer  data)
{
  static const char *dates[] = { "2026-10-10", "2026-10-31", "2026-10-01" };

  add_two_months (f);

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(GPtrArray) rows = NULL;

      rw_journal_page_jump_to_date (f->page, dates[i]);
      settle (f);
      check_jumped (f, dates[i]);

      /* The highlight goes after a moment. */
      rw_clock_advance (f->clock, 4 * G_USEC_PER_SEC);
      rw_test_spin (1);
      rows = shown_rows (f);
      for (guint j = 0; j < rows->len; j++)
        g_assert_false (gtk_widget_has_css_class (g_ptr_array_index (rows, j), "jump-target"));
    }
}

static int
calendar_int (GtkCalendar *calendar,
              const char  *property)
{
  int value;

  g_object_get (calendar, property, &value, NULL);
  return value;
}

static GtkWidget *
open_jump (Fixture *f)
{
  GtkWidget *calendar;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "journal.jump-to-date", NULL));
  rw_test_spin (1);
  calendar = rw_test_find_type (GTK_WIDGET (f->page), GTK_TYPE_CALENDAR);
  g_assert_nonnull (calendar);
  g_assert_true (gtk_widget_get_mapped (calendar));
  return calendar;
}

/* Whether day @day of the month shown is drawn as marked (GTK marks a
 * day label :checked). */
static gboolean
day_shows_marked (GtkCalendar *calendar,
                  guint        day)
{
  g_autofree char *number = g_strdup_printf ("%u", day);

  for (GtkWidget *grid = gtk_widget_get_first_child (GTK_WIDGET (calendar)); grid != NULL;
       grid = gtk_widget_get_next_sibling (grid))
    for (GtkWidget *label = gtk_widget_get_first_child (grid); label != NULL;
         label = gtk_widget_get_next_sibling (label))
      if (GTK_IS_LABEL (label) && gtk_widget_has_css_class (label, "day-number") &&
          !gtk_widget_has_css_class (label, "other-month") &&
          g_str_equal (gtk_label_get_label (GTK_LABEL (label)), number))
        return (gtk_widget_get_state_flags (label) & GTK_STATE_FLAG_CHECKED) != 0;
  g_assert_not_reached ();
}

/* The calendar marks the days with check-ins, in each month it shows. */
static void
test_jump_calendar_marks (Fixture       *f,
                          gconstpointer  data)
{
  GtkCalendar *calendar;

  add (f, "2026-11-03", "09:00", 5, "", NULL);
  add (f, "2026-11-04", "09:00", 5, "", NULL);
  add (f, "2026-11-04", "10:00", 5, "", NULL);
  add (f, "2026-11-21", "09:00", 5, "", NULL);
  add (f, "2026-10-30", "09:00", 5, "", NULL);
  add (f, "2025-11-05", "09:00", 5, "", NULL);
  settle (f);

  calendar = GTK_CALENDAR (open_jump (f));
  /* Today's month, on the page's clock. */
  g_assert_cmpint (calendar_int (calendar, "month"), ==, 10);
  for (guint day = 1; day <= 30; day++)
    {
      g_assert_cmpint (gtk_calendar_get_day_is_marked (calendar, day), ==,
                       day == 3 || day == 4 || day == 21);
      g_assert_cmpint (day_shows_marked (calendar, day), ==, day == 3 || day == 4 || day == 21);
    }

  /* Another month shown: its days. */
  g_object_set (calendar, "month", 9, NULL);
  rw_test_spin (1);
  g_assert_cmpint (calendar_int (calendar, "month"), ==, 9);
  for (guint day = 1; day <= 31; day++)
    {
      g_assert_cmpint (gtk_calendar_get_day_is_marked (calendar, day), ==, day == 30);
      g_assert_cmpint (day_shows_marked (calendar, day), ==, day == 30);
    }

  g_object_set (calendar, "year", 2025, "month", 10, NULL);
  rw_test_spin (1);
  g_assert_cmpint (calendar_int (calendar, "year"), ==, 2025);
  for (guint day = 1; day <= 30; day++)
    {
      g_assert_cmpint (gtk_calendar_get_day_is_marked (calendar, day), ==, day == 5);
      g_assert_cmpint (day_shows_marked (calendar, day), ==, day == 5);
    }
  /* Choosing the month did not jump. */
  g_assert_cmpuint (rw_journal_page_get_scroll_target (f->page), ==, G_MAXUINT);
}

/* A typed date jumps there; a bad one says so and stays. */
static void
test_jump_typed_date (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *entry, *error;

  add_two_months (f);
  open_jump (f);
  entry = rw_test_find_type (GTK_WIDGET (f->page), GTK_TYPE_ENTRY);
  g_assert_nonnull (entry);

  gtk_editable_set_text (GTK_EDITABLE (entry), "2026-13-01");
  g_signal_emit_by_name (entry, "activate");
  rw_test_spin (1);
  error = GTK_WIDGET (rw_test_find_label (GTK_WIDGET (f->page), "is not a date"));
  g_assert_nonnull (error);
  g_assert_true (gtk_widget_get_visible (error));
  g_assert_cmpuint (rw_journal_page_get_scroll_target (f->page), ==, G_MAXUINT);

  gtk_editable_set_text (GTK_EDITABLE (entry), "2026-10-10");
  g_assert_false (gtk_widget_get_visible (error));
  g_signal_emit_by_name (entry, "activate");
  settle (f);
  check_jumped (f, "2026-10-10");

  /* As the locale writes dates (C here: month names, or 10/12/2026). */
  open_jump (f);
  gtk_editable_set_text (GTK_EDITABLE (entry), "12 October 2026");
  g_signal_emit_by_name (entry, "activate");
  settle (f);
  check_jumped (f, "2026-10-12");
}

static gboolean
match_menu_button (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), data) == 0;
}

static GtkPopover *
open_menu (Fixture    *f,
           const char *tooltip)
{
  GtkWidget *button = rw_test_find (GTK_WIDGET (f->page), match_menu_button, tooltip);
  GtkPopover *popover;

  g_assert_nonnull (button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  settle (f);
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  return popover;
}

/* The tag filter lists tags by name, whatever their case, each with its
 * number of check-ins. */
static void
test_tag_filter_sorted_with_counts (Fixture       *f,
                                    gconstpointer  data)
{
  /* With the habits every journal starts with, unused. */
  static const struct { const char *name; guint uses; } expected[] = {
    { "Alpha", 1 }, { "beta", 2 }, { "breathwork", 0 }, { "exercise", 0 },
    { "good sleep routine", 0 }, { "Gym", 1 }, { "journaling", 0 }, { "meditation", 0 },
    { "sleep", 3 }, { "therapy", 0 }, { "time with loved ones", 0 }, { "walk", 0 },
    { "Work", 4 }, { "zen", 1 },
  };
  GtkPopover *popover;
  GtkWidget *list;
  GListModel *model;
  guint shown = 0;

  add (f, "2026-11-01", "09:00", 5, "", "sleep,Work,zen");
  add (f, "2026-11-02", "09:00", 5, "", "sleep,Work,beta");
  add (f, "2026-11-03", "09:00", 5, "", "sleep,Work,Alpha");
  add (f, "2026-11-04", "09:00", 5, "", "Work,beta,Gym");
  settle (f);

  popover = open_menu (f, "Show only check-ins with a tag");
  list = rw_test_find (GTK_WIDGET (popover), match_class, "tag-filter-list");
  g_assert_true (GTK_IS_LIST_VIEW (list));
  model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(RwTag) tag = g_list_model_get_item (model, i);

      g_assert_cmpstr (rw_tag_get_name (tag), ==, expected[i].name);
      g_assert_cmpuint (rw_tag_get_uses (tag), ==, expected[i].uses);
    }

  /* Each row shows the name, then the count. */
  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *box = gtk_widget_get_first_child (child);
      GtkWidget *name, *count;
      g_autofree char *uses = NULL;

      if (!GTK_IS_BOX (box) || !gtk_widget_get_mapped (box))
        continue;
      name = gtk_widget_get_first_child (box);
      count = gtk_widget_get_next_sibling (name);
      for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
        if (g_str_equal (gtk_label_get_label (GTK_LABEL (name)), expected[i].name))
          uses = g_strdup_printf ("%u", expected[i].uses);
      g_assert_nonnull (uses);
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (count)), ==, uses);
      /* Names as long as "time with loved ones" are not cut. */
      g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (name))));
      shown++;
    }
  g_assert_cmpuint (shown, >=, 6);
  gtk_popover_popdown (popover);
  rw_test_spin (1);
}

/* The legend names each colour a day's badge can take, with the range of
 * means that gives it. */
static void
test_badge_legend (Fixture       *f,
                   gconstpointer  data)
{
  static const char *classes[] = { "mood-1", "mood-2", "mood-3", "mood-4", "mood-5", "mood-none" };
  GtkPopover *popover = open_menu (f, "What the colours mean");

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    {
      GtkWidget *pill = rw_test_find (GTK_WIDGET (popover), match_class, classes[i]);
      const char *range;
      double low, high;
      char *end;

      g_assert_nonnull (pill);
      range = gtk_label_get_label (GTK_LABEL (pill));
      if (g_str_equal (classes[i], "mood-none"))
        {
          g_assert_cmpstr (rw_mood_css_class (-1), ==, "mood-none");
          continue;
        }
      /* "2.5–4.4": both ends in the band the rows colour that way. */
      low = g_ascii_strtod (range, &end);
      g_assert_true (g_str_has_prefix (end, "–"));
      high = g_ascii_strtod (end + strlen ("–"), NULL);
      g_assert_cmpstr (rw_mood_css_class (low), ==, classes[i]);
      g_assert_cmpstr (rw_mood_css_class (high), ==, classes[i]);
      if (high < 10)
        g_assert_cmpstr (rw_mood_css_class (high + 0.1), !=, classes[i]);
      if (low > 0)
        g_assert_cmpstr (rw_mood_css_class (low - 0.1), !=, classes[i]);
      /* Its meaning beside it. */
      g_assert_true (GTK_IS_LABEL (gtk_widget_get_next_sibling (pill)));
    }
  gtk_popover_popdown (popover);
  rw_test_spin (1);
}

/* A new window of @width for the page, with text at @scale. */
static void
present_page (Fixture *f,
              int      width,
              double   scale)
{
  gtk_window_destroy (f->window);
  rw_test_spin (1);
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", (int) (scale * 96 * 1024), NULL);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, width, 700);
  f->page = rw_journal_page_new (f->context);
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  gtk_window_present (f->window);
  settle (f);
}

static void
add_full (Fixture    *f,
          const char *date,
          double      sleep)
{
  g_autoptr(RwCheckIn) check_in = rw_test_check_in_new (date, "09:00", 10, "a note");
  const char *tags[] = { "good sleep routine", NULL };

  for (guint m = 0; m < RW_N_METRICS; m++)
    rw_check_in_set_metric (check_in, m, 10);
  rw_check_in_set_sleep_hours (check_in, sleep);
  rw_check_in_set_tags (check_in, tags);
  g_assert_true (rw_journal_add (f->journal, check_in, NULL));
}

/* At 360 px, and with large text, a day header shows its whole date, the
 * year kept for days of other years, never two spaces in a row; a value
 * such as "Slept 5 h" is never broken across lines. */
static void
test_narrow_headers_and_values (Fixture       *f,
                                gconstpointer  data)
{
  static const double scales[] = { 1.0, 1.5 };
  static const char *dates[] = { "2021-09-25", "2021-09-03", "2026-11-03", "2026-06-03" };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      add_full (f, dates[i], 5);
      add_full (f, dates[i], 10.5);
    }

  for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
    {
      g_autoptr(GPtrArray) rows = NULL;
      guint headers = 0, other_year = 0, values = 0;

      present_page (f, 360, scales[s]);
      rw_journal_page_jump_to_date (f->page, "2021-09-25");
      settle (f);

      rows = shown_rows (f);
      for (guint i = 0; i < rows->len; i++)
        {
          RwHistoryRow *row = g_ptr_array_index (rows, i);
          PangoLayout *date = rw_history_row_get_date_layout (row);
          PangoLayout *layout = rw_history_row_get_values_layout (row);

          if (date != NULL)
            {
              const char *text = pango_layout_get_text (date);

              g_test_message ("%.1f×: %s", scales[s], text);
              g_assert_false (pango_layout_is_ellipsized (date));
              g_assert_null (strstr (text, "  "));
              g_assert_true (g_str_has_prefix (rw_history_row_get_date (row), "2021") ==
                             (strstr (text, "2021") != NULL));
              if (scales[s] > 1)
                g_assert_nonnull (strstr (text, g_str_has_suffix (rw_history_row_get_date (row), "-03")
                                                ? " 3 " : " 25 "));
              headers++;
              other_year += strstr (text, "2021") != NULL;
            }
          else if (layout != NULL)
            {
              const char *text = pango_layout_get_text (layout);
              int n_lines = pango_layout_get_line_count (layout);

              g_assert_nonnull (strstr (text, "Slept"));
              /* Lines break only between values, at the em space. */
              for (int l = 1; l < n_lines; l++)
                {
                  int start = pango_layout_get_line_readonly (layout, l)->start_index;

                  g_assert_cmpint (start, >=, 3);
                  g_assert_true (memcmp (text + start - 3, "\u2003", 3) == 0);
                }
              values++;
            }
        }
      g_assert_cmpuint (headers, >=, 2);
      g_assert_cmpuint (other_year, >=, 1);
      g_assert_cmpuint (values, >=, 2);
    }
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", 96 * 1024, NULL);
}

/* Widgets under @widget whose minimum width is @floor or more, widest
 * path first, for a message when the window does not fit. */
static void
describe_widths (GtkWidget *widget,
                 int        floor,
                 guint      depth,
                 GString   *out)
{
  int minimum;

  if (!gtk_widget_get_visible (widget))
    return;
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  if (minimum < floor)
    return;
  g_string_append_printf (out, "%*s%s.%s %d\n", depth * 2, "", G_OBJECT_TYPE_NAME (widget),
                          gtk_widget_get_css_name (widget), minimum);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    describe_widths (child, floor, depth + 1, out);
}

/* With text at 1.5 times its size, the window still fits a 360 px wide
 * screen, on the Journal with its history, the Today card (checked in
 * today: "Add Another") and the search open. */
static void
test_window_fits_large_text (void)
{
  g_autofree char *dir = rw_test_make_dir ();
  g_autoptr(GSettings) settings = rw_settings_new ();
  g_autoptr(RwJournal) journal = NULL;
  g_autoptr(RwClock) clock = rw_clock_new_manual ("2026-11-22", "20:00");
  g_autoptr(RwContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) widths = g_string_new (NULL);
  GtkWidget *window;
  int dpi, minimum;

  g_object_get (gtk_settings_get_default (), "gtk-xft-dpi", &dpi, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", 147456, NULL);
  g_settings_set_boolean (settings, "welcome-done", TRUE);
  g_settings_set_string (settings, "last-view", "journal");

  journal = rw_journal_open (dir, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *date = rw_date_to_iso (rw_date_from_iso ("2021-09-20") + i);
      g_autoptr(RwCheckIn) check_in = rw_test_check_in_new (date, "09:00", 10, "slept well");
      const char *tags[] = { "good sleep routine", "time with loved ones", NULL };

      for (guint m = 0; m < RW_N_METRICS; m++)
        rw_check_in_set_metric (check_in, m, 10);
      rw_check_in_set_sleep_hours (check_in, 10.5);
      rw_check_in_set_tags (check_in, tags);
      g_assert_true (rw_journal_add (journal, check_in, NULL));
    }
  {
    /* Today's, for the Today card's "Add Another". */
    g_autoptr(RwCheckIn) check_in = rw_test_check_in_new ("2026-11-22", "08:00", 10, "today");

    rw_check_in_set_sleep_hours (check_in, 10.75);
    g_assert_true (rw_journal_add (journal, check_in, NULL));
  }
  context = rw_context_new (journal, settings, clock);
  window = GTK_WIDGET (rw_window_new (app, context));
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 740);
  gtk_window_present (GTK_WINDOW (window));
  rw_test_wait (300);
  g_assert_true (gtk_widget_activate_action (rw_test_find_type (window, RW_TYPE_JOURNAL_PAGE),
                                             "journal.search", NULL));
  rw_test_wait (100);

  /* The window with its frame. */
  gtk_widget_measure (window, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  describe_widths (window, 300, 0, widths);
  g_test_message ("%s", widths->str);
  g_assert_cmpint (minimum, <=, 360);

  gtk_window_destroy (GTK_WINDOW (window));
  rw_test_spin (1);
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", dpi, NULL);
  rw_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  {
    g_autoptr(GError) error = NULL;

    app = GTK_APPLICATION (adw_application_new (APP_ID ".JournalListTest", G_APPLICATION_NON_UNIQUE));
    g_application_register (G_APPLICATION (app), NULL, &error);
    g_assert_no_error (error);
  }

#define ADD(name, func) \
  g_test_add ("/journal-list/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("search-highlight-after-narrowing", test_search_highlight_after_narrowing);
  ADD ("jump-upper-third", test_jump_upper_third);
  ADD ("jump-calendar-marks", test_jump_calendar_marks);
  ADD ("jump-typed-date", test_jump_typed_date);
  ADD ("tag-filter-sorted-with-counts", test_tag_filter_sorted_with_counts);
  ADD ("badge-legend", test_badge_legend);
  ADD ("narrow-headers-and-values", test_narrow_headers_and_values);

#undef ADD
  g_test_add_func ("/journal-list/window-fits-large-text", test_window_fits_large_text);

  {
    int status = g_test_run ();

    g_clear_object (&app);
    return status;
  }
}
