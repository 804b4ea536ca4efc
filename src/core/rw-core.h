/* rw-core.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rw-check-in.h"
#include "rw-check-in-sql.h"
#include "rw-clock.h"
#include "rw-crisis.h"
#include "rw-csv.h"
#include "rw-database.h"
#include "rw-date.h"
#include "rw-day-header.h"
#include "rw-draft.h"
#include "rw-export.h"
#include "rw-history-model.h"
#include "rw-import.h"
#include "rw-journal.h"
#include "rw-json-io.h"
#include "rw-search.h"
#include "rw-series.h"
#include "rw-tag-list.h"
#include "rw-chart.h"
#include "rw-plan.h"
#include "rw-plan-progress.h"
#include "rw-breathing.h"
#include "rw-guide.h"
#include "rw-validate.h"
