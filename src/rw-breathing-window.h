/* rw-breathing-window.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rw-core.h"

G_BEGIN_DECLS

#define RW_TYPE_BREATHING_WINDOW (rw_breathing_window_get_type ())
G_DECLARE_FINAL_TYPE (RwBreathingWindow, rw_breathing_window, RW, BREATHING_WINDOW, AdwWindow)

/* A finished session is recorded in @db (which may be NULL in tests). */
RwBreathingWindow *rw_breathing_window_new           (GtkWindow   *parent,
                                                      RwDatabase  *db,
                                                      RwClock     *clock,
                                                      guint        minutes);
RwBreathing       *rw_breathing_window_get_breathing (RwBreathingWindow *self);
/* For tests and screenshots: start with the chosen pattern and length. */
void               rw_breathing_window_start         (RwBreathingWindow *self);

G_END_DECLS
