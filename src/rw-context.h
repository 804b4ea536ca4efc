/* rw-context.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rw-core.h"

G_BEGIN_DECLS

#define RW_TYPE_CONTEXT (rw_context_get_type ())
G_DECLARE_FINAL_TYPE (RwContext, rw_context, RW, CONTEXT, GObject)

RwContext      *rw_context_new                (RwJournal  *journal,
                                               GSettings  *settings,
                                               RwClock    *clock);
RwJournal      *rw_context_get_journal        (RwContext  *self);
GSettings      *rw_context_get_settings       (RwContext  *self);
RwClock        *rw_context_get_clock          (RwContext  *self);
void            rw_context_set_poll_interval  (RwContext  *self,
                                               guint       milliseconds);

GSettings      *rw_settings_new               (void);

G_END_DECLS
