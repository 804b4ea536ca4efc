/* rw-preferences-window.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rw-context.h"

G_BEGIN_DECLS

#define RW_TYPE_PREFERENCES_WINDOW (rw_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (RwPreferencesWindow, rw_preferences_window, RW, PREFERENCES_WINDOW, AdwPreferencesWindow)

RwPreferencesWindow *rw_preferences_window_new        (RwContext           *context,
                                                       GtkWindow           *parent);
void                 rw_preferences_window_present    (RwContext           *context,
                                                       GtkWindow           *parent);
gboolean             rw_preferences_window_get_busy   (RwPreferencesWindow *self);

void                 rw_preferences_bind_style        (GSettings           *settings);

G_END_DECLS
