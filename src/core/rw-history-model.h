/* rw-history-model.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rw-check-in.h"
#include "rw-day-header.h"
#include "rw-journal.h"

G_BEGIN_DECLS

#define RW_TYPE_HISTORY_MODEL (rw_history_model_get_type ())
G_DECLARE_FINAL_TYPE (RwHistoryModel, rw_history_model, RW, HISTORY_MODEL, GObject)

RwHistoryModel *rw_history_model_new            (RwJournal      *journal);

const char     *rw_history_model_get_search     (RwHistoryModel *self);
void            rw_history_model_set_search     (RwHistoryModel *self,
                                                 const char     *search);
const char     *rw_history_model_get_tag        (RwHistoryModel *self);
void            rw_history_model_set_tag        (RwHistoryModel *self,
                                                 const char     *tag);
gboolean        rw_history_model_get_loading    (RwHistoryModel *self);
guint           rw_history_model_get_n_matches  (RwHistoryModel *self);

gboolean        rw_history_model_get_more_older (RwHistoryModel *self);
gboolean        rw_history_model_get_more_newer (RwHistoryModel *self);
guint           rw_history_model_load_older     (RwHistoryModel *self,
                                                 guint           n);
guint           rw_history_model_load_newer     (RwHistoryModel *self,
                                                 guint           n);

guint32         rw_history_model_get_days_with_check_ins (RwHistoryModel *self,
                                                          guint           year,
                                                          guint           month);
guint           rw_history_model_find_date      (RwHistoryModel *self,
                                                 const char     *date);
guint           rw_history_model_jump_to_date   (RwHistoryModel *self,
                                                 const char     *date,
                                                 guint           n_before,
                                                 guint           n_after);

G_END_DECLS
