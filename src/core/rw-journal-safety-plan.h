/* rw-journal-safety-plan.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The safety plan through the journal, for the app.
 */
#pragma once

#include "rw-journal.h"
#include "rw-safety-plan.h"

G_BEGIN_DECLS

RwSafetyPlan *rw_journal_load_safety_plan         (RwJournal            *self,
                                                   GError              **error);
gboolean      rw_journal_save_safety_plan_section (RwJournal            *self,
                                                   RwSafetyPlanSection   section,
                                                   const char           *text,
                                                   GError              **error);

G_END_DECLS
