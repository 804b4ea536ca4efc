/* rw-session-row.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rw-core.h"

G_BEGIN_DECLS

#define RW_TYPE_SESSION_ROW (rw_session_row_get_type ())
G_DECLARE_FINAL_TYPE (RwSessionRow, rw_session_row, RW, SESSION_ROW, AdwActionRow)

GtkWidget  *rw_session_row_new         (RwSession    *session,
                                        guint32       today);
RwSession  *rw_session_row_get_session (RwSessionRow *self);
const char *rw_session_row_get_state   (RwSessionRow *self);

char       *rw_session_dup_when        (RwSession    *session,
                                        guint32       today);
char       *rw_session_dup_summary     (RwSession    *session);

G_END_DECLS
