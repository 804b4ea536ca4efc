/* rw-safety-plan-export.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The safety plan on one printable page.
 */
#pragma once

#include "rw-chart-export.h"
#include "rw-safety-plan.h"

G_BEGIN_DECLS

/* Writes @plan as a one-page portrait PDF of @paper, black on white, with
 * @help_lines (the crisis line and the emergency number of the person's
 * country, NULL-terminated) in a box at the bottom. Text that does not
 * fit at the usual size is made smaller; what does not fit even then is
 * cut with an ellipsis and the page says so (@complete is then FALSE).
 * Atomic and 0600 like every export. */
gboolean  rw_safety_plan_export_pdf (RwSafetyPlan        *plan,
                                     const char          *path,
                                     RwPaper              paper,
                                     const char * const  *help_lines,
                                     gboolean            *complete,
                                     GError             **error);

G_END_DECLS
