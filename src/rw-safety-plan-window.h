/* rw-safety-plan-window.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rw-context.h"
#include "rw-core.h"

G_BEGIN_DECLS

#define RW_TYPE_SAFETY_PLAN_WINDOW (rw_safety_plan_window_get_type ())
G_DECLARE_FINAL_TYPE (RwSafetyPlanWindow, rw_safety_plan_window, RW, SAFETY_PLAN_WINDOW, AdwWindow)

RwSafetyPlanWindow *rw_safety_plan_window_new         (RwContext           *context,
                                                       GtkWindow           *parent);
RwSafetyPlanWindow *rw_safety_plan_window_present     (RwContext           *context,
                                                       GtkWindow           *parent);
GtkTextView        *rw_safety_plan_window_get_view    (RwSafetyPlanWindow  *self,
                                                       RwSafetyPlanSection  section);
gboolean            rw_safety_plan_window_save        (RwSafetyPlanWindow  *self,
                                                       GError             **error);

G_END_DECLS
