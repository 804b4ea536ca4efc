/* rw-insights.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the Trends view says in words: the summary cards, the lines of
 * "What goes with your mood" and the text that describes a chart. The
 * statistics come from RwSeries; this decides what is said and how. No
 * GTK: widgets only put these strings into labels.
 */
#pragma once

#include <glib.h>

#include "rw-series.h"

G_BEGIN_DECLS

typedef struct
{
  char *title;      /* "Mood" */
  char *value;      /* "6.0" */
  char *detail;     /* "up 2.0 on the period before", or NULL */
} RwSummaryCard;

void        rw_summary_card_free         (RwSummaryCard  *card);

/* One line of "What goes with your mood": the words everyone sees, and
 * the numbers behind them, shown only when asked for. */
typedef struct
{
  char *text;
  char *details;
} RwInsightLine;

void        rw_insight_line_free         (RwInsightLine  *line);

GPtrArray  *rw_insights_get_cards        (RwSeries       *series,
                                          RwSeries       *previous,
                                          const gboolean *visible,
                                          guint32         today);
GPtrArray  *rw_insights_get_lines        (RwSeries       *series);
char       *rw_insights_describe_range   (RwSeries       *series);
char       *rw_insights_describe         (RwSeries       *series,
                                          const gboolean *visible);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwSummaryCard, rw_summary_card_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwInsightLine, rw_insight_line_free)

G_END_DECLS
