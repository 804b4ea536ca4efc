/* rw-restore-window.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rw-context.h"
#include "rw-core.h"

G_BEGIN_DECLS

#define RW_TYPE_RESTORE_WINDOW (rw_restore_window_get_type ())
G_DECLARE_FINAL_TYPE (RwRestoreWindow, rw_restore_window, RW, RESTORE_WINDOW, AdwWindow)

void             rw_restore_window_choose      (RwContext       *context,
                                                GtkWindow       *parent);
RwRestoreWindow *rw_restore_window_new         (RwContext       *context,
                                                GtkWindow       *parent,
                                                GFile           *file);

/* For tests: "reading", "preview", "restored" or "error". */
const char      *rw_restore_window_get_state   (RwRestoreWindow *self);

G_END_DECLS
