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

/* How many tag lines "What goes with your mood" shows at most. */
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

/**
 * rw_insights_get_cards:
 * @series: the range shown
 * @previous: (nullable): the range of the same length before it, or %NULL
 *   when there is nothing to compare with (the whole journal)
 * @visible: (array fixed-size=7): which series are shown
 *
 * The summary cards: days logged, the mean of each shown series with its
 * change on the period before, and the best and hardest day. None for an
 * empty range.
 *
 * Returns: (transfer container) (element-type RwSummaryCard): the cards
 */
GPtrArray *
rw_insights_get_cards (RwSeries       *series,
                       RwSeries       *previous,
                       const gboolean *visible)
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
      guint32 first = rw_series_get_first (series);

      add_card (cards, _("Best day"), rw_date_format (first + best, "%-d %b"),
                g_strdup_printf (_("mood %.1f"), rw_series_get_value (series, RW_SERIES_MOOD, best)));
      add_card (cards, _("Hardest day"), rw_date_format (first + hardest, "%-d %b"),
                g_strdup_printf (_("mood %.1f"),
                                 rw_series_get_value (series, RW_SERIES_MOOD, hardest)));
    }
  return cards;
}

static char *
describe_sleep_and_mood (double r,
                         guint  n)
{
  const char *strength;

  if (fabs (r) < 0.1)
    return g_strdup_printf (_("Over %u days with both, there is hardly any link between how long "
                              "you slept and your mood that day (r = %.2f)."), n, r);

  strength = fabs (r) < 0.3 ? _("a weak") : fabs (r) < 0.5 ? _("a moderate") : _("a strong");
  return g_strdup_printf (r > 0 ? _("Over %u days with both, longer sleep went with better mood "
                                    "that day: %s association (r = %.2f). An association, not "
                                    "proof of a cause.")
                                : _("Over %u days with both, longer sleep went with lower mood "
                                    "that day: %s association (r = %.2f). An association, not "
                                    "proof of a cause."),
                          n, strength, r);
}

/**
 * rw_insights_get_lines:
 * @series: the range shown
 *
 * The lines of "What goes with your mood": sleep against mood once 14
 * days have both, and the tags with enough days with and without them.
 *
 * Returns: (transfer container) (element-type utf8): the lines, maybe none
 */
GPtrArray *
rw_insights_get_lines (RwSeries *series)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) tags = NULL;
  double r;
  guint n = 0;

  if (series == NULL)
    return lines;

  if (rw_series_sleep_mood_correlation (series, &r, &n))
    g_ptr_array_add (lines, describe_sleep_and_mood (r, n));

  tags = rw_series_tag_associations (series);
  for (guint i = 0; i < MIN (tags->len, MAX_TAG_LINES); i++)
    {
      RwTagAssociation *assoc = g_ptr_array_index (tags, i);

      g_ptr_array_add (lines,
                       g_strdup_printf (_("On %u days with “%s” your mood averaged %.1f; on %u "
                                          "days without it, %.1f."),
                                        assoc->with_days, assoc->tag, assoc->with_mean,
                                        assoc->without_days, assoc->without_mean));
    }
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
      g_autofree char *best_day = rw_date_format (first + best, "%-d %B %Y");
      g_autofree char *hard_day = rw_date_format (first + hardest, "%-d %B %Y");

      g_string_append_printf (out, _("Best day %s (mood %.1f), hardest day %s (mood %.1f)."),
                              best_day, rw_series_get_value (series, RW_SERIES_MOOD, best),
                              hard_day, rw_series_get_value (series, RW_SERIES_MOOD, hardest));
    }
  return g_strstrip (g_string_free (g_steal_pointer (&out), FALSE));
}
