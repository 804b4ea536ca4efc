/* rw-welcome-window.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rw-context.h"

G_BEGIN_DECLS

#define RW_TYPE_WELCOME_WINDOW (rw_welcome_window_get_type ())
G_DECLARE_FINAL_TYPE (RwWelcomeWindow, rw_welcome_window, RW, WELCOME_WINDOW, AdwWindow)

RwWelcomeWindow *rw_welcome_window_new             (RwContext       *context,
                                                    GtkWindow       *parent);
AdwComboRow     *rw_welcome_window_get_country_row (RwWelcomeWindow *self);

G_END_DECLS
