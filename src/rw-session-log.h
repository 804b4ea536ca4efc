/* rw-session-log.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rw-context.h"
#include "rw-core.h"

G_BEGIN_DECLS

#define RW_TYPE_SESSION_LOG (rw_session_log_get_type ())
G_DECLARE_FINAL_TYPE (RwSessionLog, rw_session_log, RW, SESSION_LOG, GtkWidget)

GtkWidget  *rw_session_log_new          (RwContext    *context);
GListModel *rw_session_log_get_model    (RwSessionLog *self);
GtkListBox *rw_session_log_get_list_box (RwSessionLog *self);

G_END_DECLS
