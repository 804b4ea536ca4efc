/* rw-history-model.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rw-check-in-store.h"
#include "rw-day-header.h"

G_BEGIN_DECLS

#define RW_TYPE_HISTORY_MODEL (rw_history_model_get_type ())
G_DECLARE_FINAL_TYPE (RwHistoryModel, rw_history_model, RW, HISTORY_MODEL, GObject)

RwHistoryModel *rw_history_model_new        (RwCheckInStore *store);
RwCheckInStore *rw_history_model_get_store  (RwHistoryModel *self);
guint           rw_history_model_find_date  (RwHistoryModel *self,
                                             const char     *date);

G_END_DECLS
