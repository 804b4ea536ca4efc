/* rw-safety-plan-sql.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The safety plan as the journal keeps it: a row of safety_plan for each
 * section with its text. For the core and the command line; the app goes
 * through rw-journal-safety-plan.h.
 */
#pragma once

#include "rw-database.h"
#include "rw-safety-plan.h"

G_BEGIN_DECLS

RwSafetyPlan *rw_safety_plan_load         (RwDatabase           *db,
                                           GError              **error);
/* Replaces the text of @section, in one transaction. */
gboolean      rw_safety_plan_save_section (RwDatabase           *db,
                                           RwSafetyPlanSection   section,
                                           const char           *text,
                                           GError              **error);

G_END_DECLS
