/* rw-backups-window.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rw-context.h"
#include "rw-core.h"

G_BEGIN_DECLS

#define RW_TYPE_BACKUPS_WINDOW (rw_backups_window_get_type ())
G_DECLARE_FINAL_TYPE (RwBackupsWindow, rw_backups_window, RW, BACKUPS_WINDOW, AdwWindow)

RwBackupsWindow *rw_backups_window_new            (RwContext       *context,
                                                   GtkWindow       *parent);

void             rw_backups_copy_to_second_folder (RwContext       *context,
                                                   AdwToastOverlay *toasts);
void             rw_backups_tell_after_delete     (RwContext       *context,
                                                   AdwToastOverlay *toasts);
void             rw_backups_confirm_purge         (RwContext       *context,
                                                   GtkWindow       *parent,
                                                   AdwToastOverlay *toasts);

G_END_DECLS
