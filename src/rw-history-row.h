/* rw-history-row.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rw-core.h"

G_BEGIN_DECLS

#define RW_TYPE_HISTORY_ROW (rw_history_row_get_type ())
G_DECLARE_FINAL_TYPE (RwHistoryRow, rw_history_row, RW, HISTORY_ROW, GtkWidget)

GtkWidget  *rw_history_row_new          (void);
void        rw_history_row_bind         (RwHistoryRow *self,
                                         GObject      *item,
                                         const char   *today,
                                         const char   *search);
void        rw_history_row_unbind       (RwHistoryRow *self);
const char *rw_history_row_get_summary  (RwHistoryRow *self);
void        rw_history_row_set_search   (RwHistoryRow *self,
                                         const char   *search);
const char *rw_history_row_get_note_markup (RwHistoryRow *self);
const char *rw_history_row_get_date     (RwHistoryRow *self);
GObject    *rw_history_row_get_item     (RwHistoryRow *self);
PangoLayout *rw_history_row_get_date_layout   (RwHistoryRow *self);
PangoLayout *rw_history_row_get_values_layout (RwHistoryRow *self);

const char *rw_mood_css_class           (double        mood);

G_END_DECLS
