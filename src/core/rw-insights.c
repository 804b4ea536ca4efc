/* rw-insights.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rw-insights"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "rw-date.h"
#include "rw-insights.h"

/* How many lines "What goes with your mood" shows at most. */
#define MAX_TAG_LINES 4

void
rw_summary_card_free (RwSummaryCard *card)
{
  g_free (card->title);
  g_free (card->value);
  g_free (card->detail);
  g_free (card);
}

static void
add_card (GPtrArray  *cards,
          const char *title,
          char       *value,
          char       *detail)
{
  RwSummaryCard *card = g_new0 (RwSummaryCard, 1);

  card->title = g_strdup (title);
  card->value = value;
  card->detail = detail;
  g_ptr_array_add (cards, card);
}

/* The change of a mean on the period before, in words. */
static char *
describe_change (double mean,
                 double before)
{
  double change = mean - before;

  if (fabs (change) < 0.05)
    return g_strdup (_("about the same as the period before"));
  return g_strdup_printf (change > 0 ? _("up %.1f on the period before")
                                     : _("down %.1f on the period before"),
                          fabs (change));
}

static guint
year_of (guint32 day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  return g_date_get_year (&date);
}

/* "3 Nov", with the year when the range spans more than one year or the
 * day is not in this one. */
static char *
format_card_day (RwSeries *series,
                 guint     index,
                 guint32   today)
{
  guint32 day = rw_series_get_first (series) + index;
  gboolean year = year_of (rw_series_get_first (series)) != year_of (rw_series_get_last (series)) ||
                  year_of (day) != year_of (today);

  return rw_date_format (day, year ? "%-d %b %Y" : "%-d %b");
}

/* The best or hardest day: the most recent of those with that mood, and
 * says so when there are several. */
static void
add_extreme_card (GPtrArray  *cards,
                  const char *title,
                  RwSeries   *series,
                  guint       index,
                  guint32     today)
{
  double mood = rw_series_get_value (series, RW_SERIES_MOOD, index);
  guint n = rw_series_count_mood (series, mood);

  add_card (cards, title, format_card_day (series, index, today),
            n > 1 ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "the most recent of %u day with mood %.1f",
                                                  "the most recent of %u days with mood %.1f", n),
                                     n, mood)
                  : g_strdup_printf (_("mood %.1f"), mood));
}

/**
 * rw_insights_get_cards:
 * @series: the range shown
 * @previous: (nullable): the range of the same length before it, or %NULL
 *   when there is nothing to compare with (the whole journal)
 * @visible: (array fixed-size=7): which series are shown
 * @today: today (julian), which decides whether a day shows its year
 *
 * The summary cards: days logged, the mean of each shown series with its
 * change on the period before, and the best and hardest day (one card
 * when there is only one day with a mood, or one mood on every day).
 * None for an empty range.
 *
 * Returns: (transfer container) (element-type RwSummaryCard): the cards
 */
GPtrArray *
rw_insights_get_cards (RwSeries       *series,
                       RwSeries       *previous,
                       const gboolean *visible,
                       guint32         today)
{
  GPtrArray *cards = g_ptr_array_new_with_free_func ((GDestroyNotify) rw_summary_card_free);
  guint best, hardest;

  g_return_val_if_fail (visible != NULL, cards);

  if (series == NULL || rw_series_is_empty (series))
    return cards;

  add_card (cards, _("Days logged"), g_strdup_printf ("%u", rw_series_get_days_logged (series)),
            g_strdup_printf (_("of %u"), rw_series_get_n_days (series)));

  for (guint k = 0; k < RW_N_SERIES; k++)
    {
      guint n = 0, before_n = 0;
      double mean, before;
      char *detail = NULL;

      if (!visible[k])
        continue;
      mean = rw_series_get_mean (series, k, &n);
      if (n == 0)
        continue;
      if (previous != NULL)
        {
          before = rw_series_get_mean (previous, k, &before_n);
          detail = before_n > 0 ? describe_change (mean, before)
                                : g_strdup (_("nothing to compare with before"));
        }
      add_card (cards, rw_series_kind_get_label (k),
                k == RW_SERIES_SLEEP_HOURS ? g_strdup_printf (_("%.1f h"), mean)
                                           : g_strdup_printf ("%.1f", mean),
                detail);
    }

  if (rw_series_get_extremes (series, &best, &hardest))
    {
      double hi = rw_series_get_value (series, RW_SERIES_MOOD, best);
      double lo = rw_series_get_value (series, RW_SERIES_MOOD, hardest);
      guint n = 0;

      rw_series_get_mean (series, RW_SERIES_MOOD, &n);
      if (n == 1)
        add_card (cards, _("Only day with a mood"), format_card_day (series, best, today),
                  g_strdup_printf (_("mood %.1f"), hi));
      else if (hi == lo)
        add_card (cards, _("Same mood every day"), g_strdup_printf ("%.1f", hi),
                  g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "on the %u day with a mood",
                                                "on all %u days with a mood", n), n));
      else
        {
          add_extreme_card (cards, _("Best day"), series, best, today);
          add_extreme_card (cards, _("Hardest day"), series, hardest, today);
        }
    }
  return cards;
}

void
rw_insight_line_free (RwInsightLine *line)
{
  g_free (line->text);
  g_free (line->details);
  g_free (line);
}

static void
add_line (GPtrArray *lines,
          char      *text,
          char      *details)
{
  RwInsightLine *line = g_new0 (RwInsightLine, 1);

  line->text = text;
  line->details = details;
  g_ptr_array_add (lines, line);
}

/* "4.5 hours", "7 hours", "7.25 hours": sleep is kept in quarters. */
static char *
format_hours (double hours)
{
  g_autofree char *number = fmod (hours * 4, 4) == 0 ? g_strdup_printf ("%.0f", hours)
                          : fmod (hours * 4, 2) == 0 ? g_strdup_printf ("%.1f", hours)
                                                     : g_strdup_printf ("%.2f", hours);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s hour", "%s hours",
                                       hours == 1 ? 1 : 2), number);
}

static char *
describe_association (const RwAssociation *assoc)
{
  double change = assoc->with_mean - assoc->without_mean;
  g_autofree char *said = NULL;
  g_autofree char *hours = NULL;

  if (assoc->kind == RW_ASSOCIATION_TAG)
    said = g_strdup_printf (change > 0
                              /* Translators: a tag, how much higher, the two means, and
                               * how many days each has. */
                              ? _("On days tagged “%s” your mood averaged %.1f points higher "
                                  "(%.1f against %.1f, %u days with the tag, %u without).")
                              : _("On days tagged “%s” your mood averaged %.1f points lower "
                                  "(%.1f against %.1f, %u days with the tag, %u without)."),
                            assoc->tag, fabs (change), assoc->with_mean, assoc->without_mean,
                            assoc->with_days, assoc->without_days);
  else
    {
      hours = format_hours (assoc->sleep_hours);
      said = g_strdup_printf (change > 0
                                /* Translators: hours of sleep ("7.5 hours"), how much
                                 * higher, the two means, and how many days each has. */
                                ? _("On days after %s of sleep or more, your mood averaged %.1f "
                                    "points higher (%.1f against %.1f, %u days after that much "
                                    "sleep, %u after less).")
                                : _("On days after %s of sleep or more, your mood averaged %.1f "
                                    "points lower (%.1f against %.1f, %u days after that much "
                                    "sleep, %u after less)."),
                              hours, fabs (change), assoc->with_mean, assoc->without_mean,
                              assoc->with_days, assoc->without_days);
    }
  return g_strdup_printf ("%s %s", said,
                          _("This is an association in your own journal, not proof that one "
                            "causes the other."));
}

static char *
describe_evidence (const RwAssociation *assoc)
{
  double change = assoc->with_mean - assoc->without_mean;

  return g_strdup_printf (_("Difference %+.1f points. Chance check (a circular-shift test): "
                            "among %u copies of your mood series moved in time, forwards and read "
                            "backwards, a difference at least this large came up in a share of "
                            "p = %.3f; after Holm’s correction for %u comparisons, %.3f. A line "
                            "is shown when that is %.3f or less and the difference is %.1f points "
                            "or more."),
                          change, assoc->shifts, assoc->p_value, assoc->compared,
                          assoc->adjusted_p, RW_INSIGHT_ALPHA, RW_INSIGHT_MIN_DIFFERENCE);
}

/**
 * rw_insights_get_lines:
 * @series: (nullable): the range shown
 *
 * The lines of "What goes with your mood": a tag or a night's sleep only
 * when its difference stands out from chance (rw_series_find_associations()),
 * at most four, and otherwise one kind line that says there is not enough
 * evidence yet. None without a mood in the range.
 *
 * Returns: (transfer container) (element-type RwInsightLine): the lines
 */
GPtrArray *
rw_insights_get_lines (RwSeries *series)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify) rw_insight_line_free);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GString) names = NULL;
  guint n = 0;

  if (series == NULL)
    return lines;
  rw_series_get_mean (series, RW_SERIES_MOOD, &n);
  if (n == 0)
    return lines;

  found = rw_series_find_associations (series);
  for (guint i = 0; i < found->len && lines->len < MAX_TAG_LINES; i++)
    {
      RwAssociation *assoc = g_ptr_array_index (found, i);

      if (assoc->supported)
        add_line (lines, describe_association (assoc), describe_evidence (assoc));
    }
  if (lines->len > 0)
    return lines;

  if (found->len == 0)
    {
      add_line (lines,
                g_strdup_printf (_("Not enough days to look for patterns yet. A tag, or a night’s "
                                   "sleep, needs at least %u days with a mood on each side: days "
                                   "with it and days without."), RW_INSIGHT_MIN_DAYS),
                g_strdup (_("Nothing was compared in this range.")));
      return lines;
    }

  names = g_string_new (NULL);
  for (guint i = 0; i < found->len; i++)
    {
      RwAssociation *assoc = g_ptr_array_index (found, i);

      if (names->len > 0)
        g_string_append (names, _(", "));
      if (assoc->kind == RW_ASSOCIATION_TAG)
        g_string_append_printf (names, _("“%s”"), assoc->tag);
      else
        g_string_append (names, _("sleep"));
    }
  add_line (lines,
            g_strdup (_("There is not enough evidence for any pattern yet. The differences in "
                        "this range are no bigger than your mood’s ordinary ups and downs would "
                        "give by chance. That is common, and as your journal grows anything that "
                        "holds up will show here.")),
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Compared: %s. It did not pass the chance check "
                                          "(a circular-shift test, p at most %.3f after Holm’s "
                                          "correction, and a difference of %.1f points or more).",
                                          "Compared: %s. None passed the chance check "
                                          "(a circular-shift test, p at most %.3f after Holm’s "
                                          "correction, and a difference of %.1f points or more).",
                                          found->len),
                             names->str, RW_INSIGHT_ALPHA, RW_INSIGHT_MIN_DIFFERENCE));
  return lines;
}

/**
 * rw_insights_describe_range:
 * @series: a range
 *
 * Returns: (transfer full): its first and last day, "3 Nov 2026 – 2 Dec 2026"
 */
char *
rw_insights_describe_range (RwSeries *series)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (series != NULL, NULL);

  from = rw_date_format (rw_series_get_first (series), "%-d %b %Y");
  to = rw_date_format (rw_series_get_last (series), "%-d %b %Y");
  return g_strdup_printf (_("%s – %s"), from, to);
}

static void
append_mean (GString      *out,
             RwSeries     *s,
             RwSeriesKind  kind)
{
  guint n = 0;
  double mean = rw_series_get_mean (s, kind, &n);

  if (n == 0)
    {
      g_string_append_printf (out, _("%s: not recorded. "), rw_series_kind_get_label (kind));
      return;
    }
  if (kind == RW_SERIES_SLEEP_HOURS)
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%s: mean %.1f h over %u night. ",
                                              "%s: mean %.1f h over %u nights. ", n),
                            rw_series_kind_get_label (kind), mean, n);
  else
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%s: mean %.1f over %u day. ",
                                              "%s: mean %.1f over %u days. ", n),
                            rw_series_kind_get_label (kind), mean, n);
}

/* "7 March 2026 (mood 6.0)", and how many days tie. */
static char *
describe_extreme (RwSeries *series,
                  guint     index)
{
  g_autofree char *day = rw_date_format (rw_series_get_first (series) + index, "%-d %B %Y");
  double mood = rw_series_get_value (series, RW_SERIES_MOOD, index);
  guint n = rw_series_count_mood (series, mood);

  if (n > 1)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%s (mood %.1f, the most recent of %u day with it)",
                                         "%s (mood %.1f, the most recent of %u days with it)", n),
                            day, mood, n);
  return g_strdup_printf (_("%s (mood %.1f)"), day, mood);
}

/**
 * rw_insights_describe:
 * @series: (nullable): the range a chart shows
 * @visible: (array fixed-size=7): which series it shows
 *
 * A text summary of a chart, for screen readers and `rewire chart`.
 *
 * Returns: (transfer full): the text
 */
char *
rw_insights_describe (RwSeries       *series,
                      const gboolean *visible)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  guint best, hardest;

  g_return_val_if_fail (visible != NULL, NULL);

  if (series == NULL)
    return g_strdup (_("No check-ins yet."));
  from = rw_date_format (rw_series_get_first (series), "%-d %B %Y");
  to = rw_date_format (rw_series_get_last (series), "%-d %B %Y");
  if (rw_series_is_empty (series))
    return g_strdup_printf (_("No check-ins from %s to %s."), from, to);

  g_string_append_printf (out, _("From %s to %s, %u days with a check-in. "), from, to,
                          rw_series_get_days_logged (series));
  for (guint k = 0; k < RW_N_SERIES; k++)
    if (visible[k])
      append_mean (out, series, k);
  if (visible[RW_SERIES_MOOD] && rw_series_get_extremes (series, &best, &hardest))
    {
      guint32 first = rw_series_get_first (series);
      g_autofree char *best_day = describe_extreme (series, best);
      g_autofree char *hard_day = describe_extreme (series, hardest);
      double hi = rw_series_get_value (series, RW_SERIES_MOOD, best);
      guint n = 0;

      rw_series_get_mean (series, RW_SERIES_MOOD, &n);
      if (n == 1)
        {
          g_autofree char *day = rw_date_format (first + best, "%-d %B %Y");

          g_string_append_printf (out, _("The only day with a mood: %s (mood %.1f)."), day, hi);
        }
      else if (hi == rw_series_get_value (series, RW_SERIES_MOOD, hardest))
        g_string_append_printf (out, _("Mood %.1f on all %u days with a mood."), hi, n);
      else
        g_string_append_printf (out, _("Best day %s, hardest day %s."), best_day, hard_day);
    }
  return g_strstrip (g_string_free (g_steal_pointer (&out), FALSE));
}
