/* rw-breathing-window.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rw-context.h"
#include "rw-core.h"

G_BEGIN_DECLS

#define RW_TYPE_BREATHING_WINDOW (rw_breathing_window_get_type ())
G_DECLARE_FINAL_TYPE (RwBreathingWindow, rw_breathing_window, RW, BREATHING_WINDOW, AdwWindow)

RwBreathingWindow *rw_breathing_window_new           (RwContext         *context,
                                                      GtkWindow         *parent,
                                                      guint              minutes);
RwBreathing       *rw_breathing_window_get_breathing (RwBreathingWindow *self);
const char        *rw_breathing_window_get_pattern   (RwBreathingWindow *self);
void               rw_breathing_window_set_pattern   (RwBreathingWindow *self,
                                                      const char        *id);

G_END_DECLS
