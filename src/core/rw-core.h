/* rw-core.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the app may use of the core: the journal as RwJournal, the models
 * and objects it hands out, and what has nothing to do with storage. No
 * SQL: the row-level layer is in rw-core-sql.h, for the core itself, the
 * command line and tests (tests/check-layers.py keeps it that way).
 */
#pragma once

#include "rw-around-sessions.h"
#include "rw-breathing.h"
#include "rw-chart.h"
#include "rw-chart-around.h"
#include "rw-check-in.h"
#include "rw-clock.h"
#include "rw-crisis.h"
#include "rw-date.h"
#include "rw-day-header.h"
#include "rw-guide.h"
#include "rw-history-model.h"
#include "rw-journal.h"
#include "rw-journal-assessments.h"
#include "rw-journal-around.h"
#include "rw-journal-sessions.h"
#include "rw-journal-safety-plan.h"
#include "rw-plan.h"
#include "rw-plan-progress.h"
#include "rw-report.h"
#include "rw-questionnaire.h"
#include "rw-reminder.h"
#include "rw-safety.h"
#include "rw-safety-plan.h"
#include "rw-safety-plan-export.h"
#include "rw-search.h"
#include "rw-series.h"
#include "rw-session.h"
#include "rw-sync-folder.h"
#include "rw-tag-list.h"
#include "rw-validate.h"
