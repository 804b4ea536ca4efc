/* test-insights.c: the words of the Trends view, from series made in
 * memory: summary cards and their change on the period before, the lines
 * of "What goes with your mood" only when the data allows, and the text
 * that describes a chart.
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "rw-core.h"
#include "rw-insights.h"

static const gboolean mood_and_sleep[RW_N_SERIES] = {
  [RW_SERIES_MOOD] = TRUE, [RW_SERIES_SLEEP_HOURS] = TRUE,
};

/* @n days from @first, each with @mood and @sleep (negative: unset) and
 * @tag on the first @tag_days of them. */
static RwSeries *
make (const char *first,
      guint       n,
      int         mood,
      double      sleep,
      const char *tag,
      guint       tag_days)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  guint32 start = rw_date_from_iso (first);

  for (guint i = 0; i < n; i++)
    {
      RwCheckIn *check_in = rw_check_in_new ();
      g_autofree char *date = rw_date_to_iso (start + i);
      const char *tags[] = { tag, NULL };

      rw_check_in_set_date (check_in, date);
      rw_check_in_set_time (check_in, "09:00");
      rw_check_in_set_metric (check_in, RW_METRIC_MOOD, mood >= 0 ? mood : RW_METRIC_UNSET);
      rw_check_in_set_sleep_hours (check_in, sleep);
      if (tag != NULL && i < tag_days)
        rw_check_in_set_tags (check_in, tags);
      g_ptr_array_add (list, check_in);
    }
  return rw_series_new_from_check_ins (list, start, start + MAX (n, 1) - 1);
}

/* The cards as "title|value|detail" lines. */
static char *
cards_text (RwSeries       *series,
            RwSeries       *previous,
            const gboolean *visible)
{
  g_autoptr(GPtrArray) cards = rw_insights_get_cards (series, previous, visible);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < cards->len; i++)
    {
      RwSummaryCard *card = g_ptr_array_index (cards, i);
      g_string_append_printf (out, "%s|%s|%s\n", card->title, card->value,
                              card->detail != NULL ? card->detail : "-");
    }
  return g_string_free (out, FALSE);
}

static void
test_cards_compare_with_before (void)
{
  const struct {
    int mood, before_mood;
    double sleep, before_sleep;
    gboolean has_before;
    const char *expected;
  } cases[] = {
    { 6, 4, 7.5, 7.5, TRUE,
      "Days logged|7|of 7\n"
      "Mood|6.0|up 2.0 on the period before\n"
      "Sleep hours|7.5 h|about the same as the period before\n"
      "Best day|7 Mar|mood 6.0\n"
      "Hardest day|7 Mar|mood 6.0\n" },
    { 3, 5, 6, 8, TRUE,
      "Days logged|7|of 7\n"
      "Mood|3.0|down 2.0 on the period before\n"
      "Sleep hours|6.0 h|down 2.0 on the period before\n"
      "Best day|7 Mar|mood 3.0\n"
      "Hardest day|7 Mar|mood 3.0\n" },
    /* Nothing logged before: nothing to compare with. */
    { 5, -1, 7, RW_SLEEP_UNSET, TRUE,
      "Days logged|7|of 7\n"
      "Mood|5.0|nothing to compare with before\n"
      "Sleep hours|7.0 h|nothing to compare with before\n"
      "Best day|7 Mar|mood 5.0\n"
      "Hardest day|7 Mar|mood 5.0\n" },
    /* "All" has no period before. */
    { 5, 0, 7, 0, FALSE,
      "Days logged|7|of 7\n"
      "Mood|5.0|-\n"
      "Sleep hours|7.0 h|-\n"
      "Best day|7 Mar|mood 5.0\n"
      "Hardest day|7 Mar|mood 5.0\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RwSeries) series = make ("2026-03-01", 7, cases[i].mood, cases[i].sleep, NULL, 0);
      g_autoptr(RwSeries) before = make ("2026-02-22", 7, cases[i].before_mood,
                                         cases[i].before_sleep, NULL, 0);
      g_autofree char *text = cards_text (series, cases[i].has_before ? before : NULL, mood_and_sleep);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_cards_follow_visible (void)
{
  g_autoptr(RwSeries) series = make ("2026-03-01", 7, 5, 7, NULL, 0);
  g_autoptr(RwSeries) empty = make ("2026-03-01", 0, 5, 7, NULL, 0);
  gboolean visible[RW_N_SERIES] = { [RW_SERIES_SLEEP_HOURS] = TRUE, [RW_SERIES_ANXIETY] = TRUE };
  g_autofree char *text = cards_text (series, NULL, visible);
  g_autoptr(GPtrArray) none = rw_insights_get_cards (empty, NULL, visible);
  g_autoptr(GPtrArray) null = rw_insights_get_cards (NULL, NULL, visible);

  /* No mood card (hidden), no anxiety card (never recorded); the best and
   * hardest day are by mood, whatever is shown. */
  g_assert_cmpstr (text, ==, "Days logged|7|of 7\nSleep hours|7.0 h|-\n"
                             "Best day|7 Mar|mood 5.0\nHardest day|7 Mar|mood 5.0\n");
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (null->len, ==, 0);
}

static void
test_best_and_hardest_day (void)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  const int moods[] = { 4, 8, 2, 6 };
  g_autoptr(RwSeries) series = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (moods); i++)
    {
      RwCheckIn *check_in = rw_check_in_new ();
      g_autofree char *date = g_strdup_printf ("2026-03-%02u", 10 + i);

      rw_check_in_set_date (check_in, date);
      rw_check_in_set_time (check_in, "09:00");
      rw_check_in_set_metric (check_in, RW_METRIC_MOOD, moods[i]);
      g_ptr_array_add (list, check_in);
    }
  series = rw_series_new_from_check_ins (list, rw_date_from_iso ("2026-03-08"),
                                         rw_date_from_iso ("2026-03-14"));
  text = cards_text (series, NULL, mood_and_sleep);
  g_assert_cmpstr (text, ==, "Days logged|4|of 7\nMood|5.0|-\n"
                             "Best day|11 Mar|mood 8.0\nHardest day|12 Mar|mood 2.0\n");
}

static char *
lines_text (RwSeries *series)
{
  g_autoptr(GPtrArray) lines = rw_insights_get_lines (series);

  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

static void
test_lines_need_enough_days (void)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  guint32 first = rw_date_from_iso ("2026-05-01");

  /* Longer sleep, better mood, a walk on the first ten days: each line
   * only once there are days enough on each side. */
  for (guint i = 0; i < 24; i++)
    {
      g_autoptr(RwSeries) series = NULL;
      g_autofree char *text = NULL;
      RwCheckIn *check_in = rw_check_in_new ();
      g_autofree char *date = rw_date_to_iso (first + i);
      const char *tags[] = { "walk", NULL };

      rw_check_in_set_date (check_in, date);
      rw_check_in_set_time (check_in, "09:00");
      rw_check_in_set_metric (check_in, RW_METRIC_MOOD, i < 10 ? 7 : 4 + i % 2);
      rw_check_in_set_sleep_hours (check_in, i < 10 ? 8 : 6 + (i % 2) * 0.5);
      if (i < 10)
        rw_check_in_set_tags (check_in, tags);
      g_ptr_array_add (list, check_in);

      series = rw_series_new_from_check_ins (list, first, first + 29);
      text = lines_text (series);
      g_test_message ("%u days: %s", i + 1, text);
      if (i + 1 < 14)
        g_assert_cmpstr (text, ==, "");
      else if (i + 1 < 20)
        {
          g_assert_true (g_str_has_prefix (text, "Over "));
          g_assert_nonnull (strstr (text, "longer sleep went with better mood that day: a strong "
                                          "association"));
          g_assert_nonnull (strstr (text, "An association, not proof of a cause."));
          g_assert_null (strstr (text, "walk"));
        }
      else if (i + 1 == 20)
        g_assert_nonnull (strstr (text, "\nOn 10 days with “walk” your mood averaged 7.0; on 10 days "
                                        "without it, 4.5."));
    }
}

static void
test_sleep_line_wording (void)
{
  const struct {
    double slope;     /* mood against sleep */
    const char *says;
  } cases[] = {
    { 1, "longer sleep went with better mood that day: a strong association" },
    { -1, "longer sleep went with lower mood that day: a strong association" },
    { 0, "there is hardly any link between how long you slept and your mood" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(RwSeries) series = NULL;
      g_autofree char *text = NULL;
      guint32 first = rw_date_from_iso ("2026-06-01");

      for (guint i = 0; i < 16; i++)
        {
          RwCheckIn *check_in = rw_check_in_new ();
          g_autofree char *date = rw_date_to_iso (first + i);
          double sleep = 5 + i % 4;
          /* With no slope, mood alternates across each pair of sleeps. */
          int mood = cases[c].slope != 0 ? (int) (5 + cases[c].slope * (sleep - 6.5) * 1.2)
                                         : 4 + (int) ((i / 4) % 2) * 2;

          rw_check_in_set_date (check_in, date);
          rw_check_in_set_time (check_in, "08:00");
          rw_check_in_set_metric (check_in, RW_METRIC_MOOD, mood);
          rw_check_in_set_sleep_hours (check_in, sleep);
          g_ptr_array_add (list, check_in);
        }
      series = rw_series_new_from_check_ins (list, first, first + 15);
      text = lines_text (series);
      g_test_message ("%s", text);
      g_assert_nonnull (strstr (text, cases[c].says));
      g_assert_nonnull (strstr (text, "Over 16 days with both"));
    }
}

static void
test_describe (void)
{
  g_autoptr(RwSeries) series = make ("2026-03-01", 7, 6, 7.5, NULL, 0);
  g_autoptr(RwSeries) empty = make ("2026-03-01", 0, 6, 7.5, NULL, 0);
  g_autofree char *range = rw_insights_describe_range (series);
  g_autofree char *text = rw_insights_describe (series, mood_and_sleep);
  g_autofree char *nothing = rw_insights_describe (empty, mood_and_sleep);
  g_autofree char *none = rw_insights_describe (NULL, mood_and_sleep);

  g_assert_cmpstr (range, ==, "1 Mar 2026 – 7 Mar 2026");
  g_assert_cmpstr (text, ==, "From 1 March 2026 to 7 March 2026, 7 days with a check-in. "
                             "Mood: mean 6.0 over 7 days. Sleep hours: mean 7.5 h over 7 nights. "
                             "Best day 7 March 2026 (mood 6.0), hardest day 7 March 2026 (mood 6.0).");
  g_assert_cmpstr (nothing, ==, "No check-ins from 1 March 2026 to 1 March 2026.");
  g_assert_cmpstr (none, ==, "No check-ins yet.");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/insights/cards-compare-with-before", test_cards_compare_with_before);
  g_test_add_func ("/insights/cards-follow-visible", test_cards_follow_visible);
  g_test_add_func ("/insights/best-and-hardest-day", test_best_and_hardest_day);
  g_test_add_func ("/insights/lines-need-enough-days", test_lines_need_enough_days);
  g_test_add_func ("/insights/sleep-line-wording", test_sleep_line_wording);
  g_test_add_func ("/insights/describe", test_describe);

  return g_test_run ();
}
