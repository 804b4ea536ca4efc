/* test-insights.c: the words of the Trends view, from series made in
 * memory: summary cards and their change on the period before, the lines
 * of "What goes with your mood" only when the data allows, and the text
 * that describes a chart.
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
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

/* The cards as "title|value|detail" lines, on @today. */
static char *
cards_text_on (RwSeries       *series,
               RwSeries       *previous,
               const gboolean *visible,
               const char     *today)
{
  g_autoptr(GPtrArray) cards = rw_insights_get_cards (series, previous, visible,
                                                      rw_date_from_iso (today));
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < cards->len; i++)
    {
      RwSummaryCard *card = g_ptr_array_index (cards, i);
      g_string_append_printf (out, "%s|%s|%s\n", card->title, card->value,
                              card->detail != NULL ? card->detail : "-");
    }
  return g_string_free (out, FALSE);
}

/* On a day in the same year as the series of these tests. */
static char *
cards_text (RwSeries       *series,
            RwSeries       *previous,
            const gboolean *visible)
{
  return cards_text_on (series, previous, visible, "2026-03-20");
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
      "Same mood every day|6.0|on all 7 days with a mood\n" },
    { 3, 5, 6, 8, TRUE,
      "Days logged|7|of 7\n"
      "Mood|3.0|down 2.0 on the period before\n"
      "Sleep hours|6.0 h|down 2.0 on the period before\n"
      "Same mood every day|3.0|on all 7 days with a mood\n" },
    /* Nothing logged before: nothing to compare with. */
    { 5, -1, 7, RW_SLEEP_UNSET, TRUE,
      "Days logged|7|of 7\n"
      "Mood|5.0|nothing to compare with before\n"
      "Sleep hours|7.0 h|nothing to compare with before\n"
      "Same mood every day|5.0|on all 7 days with a mood\n" },
    /* "All" has no period before. */
    { 5, 0, 7, 0, FALSE,
      "Days logged|7|of 7\n"
      "Mood|5.0|-\n"
      "Sleep hours|7.0 h|-\n"
      "Same mood every day|5.0|on all 7 days with a mood\n" },
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
  g_autoptr(GPtrArray) none = rw_insights_get_cards (empty, NULL, visible, 1);
  g_autoptr(GPtrArray) null = rw_insights_get_cards (NULL, NULL, visible, 1);

  /* No mood card (hidden), no anxiety card (never recorded); the best and
   * hardest day are by mood, whatever is shown. */
  g_assert_cmpstr (text, ==, "Days logged|7|of 7\nSleep hours|7.0 h|-\n"
                             "Same mood every day|5.0|on all 7 days with a mood\n");
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

/* Check-ins of (date, mood) pairs as a series from @first to @last. */
static RwSeries *
make_days (const char * const *days,
           const char         *first,
           const char         *last)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; days[i] != NULL; i += 2)
    {
      RwCheckIn *check_in = rw_check_in_new ();

      rw_check_in_set_date (check_in, days[i]);
      rw_check_in_set_time (check_in, "09:00");
      rw_check_in_set_metric (check_in, RW_METRIC_MOOD, atoi (days[i + 1]));
      g_ptr_array_add (list, check_in);
    }
  return rw_series_new_from_check_ins (list, rw_date_from_iso (first), rw_date_from_iso (last));
}

/* The best and hardest day carry their year when the range spans years or
 * the day is in another year; one day logged is named once; ties say how
 * many days share the mood (the most recent is named). */
static void
test_best_and_hardest_wording (void)
{
  const struct {
    const char *days[9];
    const char *first, *last, *today;
    const char *expected;
  } cases[] = {
    /* Over two years: both with the year. */
    { { "2024-12-30", "3", "2025-02-01", "8", NULL }, "2024-06-01", "2025-05-31", "2025-05-31",
      "Best day|1 Feb 2025|mood 8.0\nHardest day|30 Dec 2024|mood 3.0\n" },
    /* Within one year, but not this one. */
    { { "2025-03-02", "3", "2025-03-04", "8", NULL }, "2025-03-01", "2025-03-07", "2026-01-05",
      "Best day|4 Mar 2025|mood 8.0\nHardest day|2 Mar 2025|mood 3.0\n" },
    /* This year: no year. */
    { { "2026-03-02", "3", "2026-03-04", "8", NULL }, "2026-03-01", "2026-03-07", "2026-12-01",
      "Best day|4 Mar|mood 8.0\nHardest day|2 Mar|mood 3.0\n" },
    /* One day: named once, as the only one. */
    { { "2026-03-04", "6", NULL }, "2026-03-01", "2026-03-07", "2026-03-07",
      "Only day with a mood|4 Mar|mood 6.0\n" },
    /* Ties: the most recent, and how many. */
    { { "2026-03-01", "9", "2026-03-02", "2", "2026-03-03", "9", "2026-03-05", "9", NULL },
      "2026-03-01", "2026-03-07", "2026-03-07",
      "Best day|5 Mar|the most recent of 3 days with mood 9.0\nHardest day|2 Mar|mood 2.0\n" },
  };
  const gboolean visible[RW_N_SERIES] = { FALSE };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RwSeries) series = make_days (cases[i].days, cases[i].first, cases[i].last);
      g_autofree char *text = cards_text_on (series, NULL, visible, cases[i].today);
      const char *extremes = strchr (text, '\n') + 1;   /* after "Days logged" */

      g_assert_cmpstr (extremes, ==, cases[i].expected);
      if (i == 3 || i == 4)
        {
          const gboolean mood[RW_N_SERIES] = { [RW_SERIES_MOOD] = TRUE };
          g_autofree char *said = rw_insights_describe (series, mood);

          g_assert_nonnull (strstr (said, i == 3 ? "The only day with a mood: 4 March 2026 (mood 6.0)."
                                                 : "Best day 5 March 2026 (mood 9.0, the most recent "
                                                   "of 3 days with it), hardest day 2 March 2026 "
                                                   "(mood 2.0)."));
        }
    }
}

static char *
lines_text (RwSeries *series)
{
  g_autoptr(GPtrArray) lines = rw_insights_get_lines (series);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < lines->len; i++)
    {
      RwInsightLine *line = g_ptr_array_index (lines, i);
      g_string_append_printf (out, "%s%s", i > 0 ? "\n" : "", line->text);
    }
  return g_string_free (out, FALSE);
}

/* Generated journals: a standard normal from two uniforms. */
static double
normal (GRand *rand)
{
  double u = g_rand_double (rand), v = g_rand_double (rand);

  return sqrt (-2 * log (1 - u)) * cos (2 * G_PI * v);
}

typedef struct
{
  guint    days;
  double   phi;        /* lag-1 autocorrelation of mood */
  double   sd;         /* of mood around 5, before rounding */
  guint    n_tags;     /* tags that come and go in runs, unrelated to mood */
  gboolean sleep;      /* a night's sleep on most days, unrelated to mood */
  gboolean skip_days;  /* about one day in ten without a check-in */
  double   effect;     /* added to mood on the "planted" days */
  gboolean planted;    /* half the days "planted", in runs of 1 to 3 */
} Journal;

/* Mood is AR(1), rounded to 0..10; each tag is a two-state Markov chain
 * (used on 20-50% of days, in runs of 1.5 to 7 days on average); sleep is
 * AR(1) around 7 hours, in quarters. */
static RwSeries *
generate (GRand         *rand,
          const Journal *j)
{
  static const char * const names[] = { "walk", "work", "friends", "rain" };
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree gboolean *planted = g_new0 (gboolean, j->days);
  guint32 first = rw_date_from_iso ("2025-01-01");
  double share[G_N_ELEMENTS (names)], leave[G_N_ELEMENTS (names)];
  gboolean on[G_N_ELEMENTS (names)];
  double e = normal (rand) * j->sd, s = normal (rand);
  double phi_sleep = g_rand_double_range (rand, 0.3, 0.6);

  g_assert_cmpuint (j->n_tags, <=, G_N_ELEMENTS (names));
  for (guint t = 0; t < j->n_tags; t++)
    {
      share[t] = g_rand_double_range (rand, 0.2, 0.5);
      leave[t] = 1 / g_rand_double_range (rand, 1.5, 7);
      on[t] = g_rand_double (rand) < share[t];
    }
  if (j->planted)
    {
      guint left[2] = { j->days / 2, j->days - j->days / 2 }, i = 0;
      gboolean side = g_rand_boolean (rand);

      while (left[0] + left[1] > 0)
        {
          guint len = g_rand_int_range (rand, 1, 4);

          if (left[side] == 0)
            side = !side;
          len = MIN (len, left[side]);
          for (guint k = 0; k < len; k++)
            planted[i++] = side;
          left[side] -= len;
          side = !side;
        }
    }

  for (guint i = 0; i < j->days; i++)
    {
      g_autofree char *date = rw_date_to_iso (first + i);
      const char *tags[G_N_ELEMENTS (names) + 2] = { NULL };
      RwCheckIn *check_in;
      guint n = 0;
      double mood;

      e = j->phi * e + sqrt (1 - j->phi * j->phi) * j->sd * normal (rand);
      s = phi_sleep * s + sqrt (1 - phi_sleep * phi_sleep) * normal (rand);
      for (guint t = 0; t < j->n_tags; t++)
        {
          on[t] = on[t] ? g_rand_double (rand) >= leave[t]
                        : g_rand_double (rand) < leave[t] * share[t] / (1 - share[t]);
          if (on[t])
            tags[n++] = names[t];
        }
      mood = 5 + e;
      if (planted[i])
        {
          tags[n++] = "planted";
          mood += j->effect;
        }
      if (j->skip_days && g_rand_double (rand) < 0.1)
        continue;
      check_in = rw_check_in_new ();
      rw_check_in_set_date (check_in, date);
      rw_check_in_set_time (check_in, "20:00");
      rw_check_in_set_metric (check_in, RW_METRIC_MOOD, (int) CLAMP (lround (mood), 0, 10));
      if (j->sleep && g_rand_double (rand) < 0.85)
        rw_check_in_set_sleep_hours (check_in, CLAMP (round ((7 + s) * 4) / 4, 0, 24));
      rw_check_in_set_tags (check_in, tags);
      g_ptr_array_add (list, check_in);
    }
  return rw_series_new_from_check_ins (list, first, first + j->days - 1);
}

/* Whether the lines of @series say something about a tag or sleep (rather
 * than that there is not enough evidence). */
static gboolean
says_something (RwSeries   *series,
                const char *tag)
{
  g_autoptr(GPtrArray) lines = rw_insights_get_lines (series);
  g_autofree char *quoted = tag != NULL ? g_strdup_printf ("“%s”", tag) : NULL;

  for (guint i = 0; i < lines->len; i++)
    {
      RwInsightLine *line = g_ptr_array_index (lines, i);

      if (strstr (line->text, "not proof that one causes the other") != NULL &&
          (quoted == NULL || strstr (line->text, quoted) != NULL))
        return TRUE;
    }
  return FALSE;
}

/* Noise: 600 journals of 28 to 365 days, mood AR(1) with phi 0.3 to 0.7,
 * three tags in runs and sleep, none related to mood. At least 95% of them
 * must show nothing. */
static void
test_noise_shows_nothing (void)
{
  const guint n = 600;
  guint shown = 0, long_shown = 0, long_n = 0;

  for (guint seed = 0; seed < n; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      Journal j = {
        .days = 28 + g_rand_int_range (rand, 0, 338),
        .phi = g_rand_double_range (rand, 0.3, 0.7),
        .sd = g_rand_double_range (rand, 1.0, 2.0),
        .n_tags = 3, .sleep = TRUE, .skip_days = TRUE,
      };
      g_autoptr(RwSeries) series = generate (rand, &j);
      gboolean said = says_something (series, NULL);

      shown += said;
      if (j.days >= 200)
        {
          long_n++;
          long_shown += said;
        }
    }
  g_test_message ("noise: a line in %u of %u journals (%.1f%%); %u of %u of 200 days or more",
                  shown, n, 100.0 * shown / n, long_shown, long_n);
  g_assert_cmpuint (shown * 100, <=, 5 * n);
  /* The family-wise rate holds for long journals too, not only on average. */
  g_assert_cmpuint (long_shown * 100, <=, 5 * long_n);
}

/* A tag on 30 of 60 days (in runs of 1 to 3), with one point more mood on
 * those days, mood AR(1) with phi 0.3 to 0.7 and a spread of 1 point: the
 * line must show in at least 80% of 300 journals, and say "higher". */
static void
test_planted_effect_found (void)
{
  const guint n = 300;
  guint found = 0;

  for (guint seed = 0; seed < n; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (100000 + seed);
      Journal j = {
        .days = 60, .phi = g_rand_double_range (rand, 0.3, 0.7), .sd = 1.0,
        .effect = 1.0, .planted = TRUE,
      };
      g_autoptr(RwSeries) series = generate (rand, &j);
      g_autofree char *text = lines_text (series);

      if (says_something (series, "planted"))
        {
          found++;
          g_assert_nonnull (strstr (text, "“planted” your mood averaged"));
          g_assert_nonnull (strstr (text, "points higher"));
          g_assert_nonnull (strstr (text, "30 days with the tag, 30 without"));
        }
    }
  g_test_message ("planted: found in %u of %u journals (%.1f%%)", found, n, 100.0 * found / n);
  g_assert_cmpuint (found * 100, >=, 80 * n);
}

/* Below 14 days on a side, nothing is compared, and the line says what is
 * needed; a clear difference is said with its size, its days and as an
 * association, and its numbers only in the details. */
static void
test_lines_need_enough_days (void)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  guint32 first = rw_date_from_iso ("2026-05-01");

  /* "walk" on two days of every four, mood 7 then, 4 or 5 otherwise. */
  for (guint i = 0; i < 60; i++)
    {
      g_autoptr(RwSeries) series = NULL;
      g_autoptr(GPtrArray) lines = NULL;
      RwCheckIn *check_in = rw_check_in_new ();
      g_autofree char *date = rw_date_to_iso (first + i);
      const char *tags[] = { "walk", NULL };
      gboolean walk = i % 4 < 2;
      RwInsightLine *line;

      rw_check_in_set_date (check_in, date);
      rw_check_in_set_time (check_in, "09:00");
      rw_check_in_set_metric (check_in, RW_METRIC_MOOD, walk ? 7 : 4 + (i / 4) % 2);
      if (walk)
        rw_check_in_set_tags (check_in, tags);
      g_ptr_array_add (list, check_in);

      series = rw_series_new_from_check_ins (list, first, first + 59);
      lines = rw_insights_get_lines (series);
      g_assert_cmpuint (lines->len, ==, 1);
      line = g_ptr_array_index (lines, 0);
      g_assert_null (strstr (line->text, "p ="));
      g_assert_null (strstr (line->text, "r ="));
      if (i + 1 < 28)
        g_assert_true (g_str_has_prefix (line->text, "Not enough days to look for patterns yet."));
      else if (i + 1 == 60)
        {
          g_test_message ("%s\n%s", line->text, line->details);
          g_assert_cmpstr (line->text, ==,
                           "On days tagged “walk” your mood averaged 2.5 points higher (7.0 "
                           "against 4.5, 30 days with the tag, 30 without). This is an "
                           "association in your own journal, not proof that one causes the "
                           "other.");
          g_assert_true (g_str_has_prefix (line->details, "Difference +2.5 points. Chance check"));
          g_assert_nonnull (strstr (line->details, "correction for 1 comparisons"));
        }
    }
}

/* Sleep is compared as nights of at least the median against shorter
 * ones; with sleep unrelated to mood the kind "not enough evidence" line
 * shows instead, naming what was compared. */
static void
test_sleep_line_wording (void)
{
  for (guint c = 0; c < 2; c++)
    {
      g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(RwSeries) series = NULL;
      g_autofree char *text = NULL;
      g_autoptr(GPtrArray) lines = NULL;
      guint32 first = rw_date_from_iso ("2026-06-01");

      for (guint i = 0; i < 60; i++)
        {
          RwCheckIn *check_in = rw_check_in_new ();
          g_autofree char *date = rw_date_to_iso (first + i);
          double sleep = i % 3 == 0 ? 6 : i % 3 == 1 ? 7.5 : 8;
          /* Related: 3 after 6 hours, 6 after more. Unrelated: mood
           * alternates by fortnight. */
          int mood = c == 0 ? (sleep < 7 ? 3 : 6) : 4 + (int) ((i / 14) % 2) * 2;

          rw_check_in_set_date (check_in, date);
          rw_check_in_set_time (check_in, "08:00");
          rw_check_in_set_metric (check_in, RW_METRIC_MOOD, mood);
          rw_check_in_set_sleep_hours (check_in, sleep);
          g_ptr_array_add (list, check_in);
        }
      series = rw_series_new_from_check_ins (list, first, first + 59);
      text = lines_text (series);
      lines = rw_insights_get_lines (series);
      g_test_message ("%s\n%s", text, ((RwInsightLine *) g_ptr_array_index (lines, 0))->details);
      if (c == 0)
        g_assert_cmpstr (text, ==, "On days after 7.5 hours of sleep or more, your mood averaged "
                                   "3.0 points higher (6.0 against 3.0, 40 days after that much "
                                   "sleep, 20 after less). This is an association in your own "
                                   "journal, not proof that one causes the other.");
      else
        {
          g_assert_true (g_str_has_prefix (text, "There is not enough evidence for any pattern "
                                                 "yet."));
          g_assert_true (g_str_has_prefix (((RwInsightLine *) g_ptr_array_index (lines, 0))->details,
                                           "Compared: sleep. It did not pass"));
        }
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
                             "Mood 6.0 on all 7 days with a mood.");
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
  g_test_add_func ("/insights/best-and-hardest-wording", test_best_and_hardest_wording);
  g_test_add_func ("/insights/lines-need-enough-days", test_lines_need_enough_days);
  g_test_add_func ("/insights/sleep-line-wording", test_sleep_line_wording);
  g_test_add_func ("/insights/noise-shows-nothing", test_noise_shows_nothing);
  g_test_add_func ("/insights/planted-effect-found", test_planted_effect_found);
  g_test_add_func ("/insights/describe", test_describe);

  return g_test_run ();
}
