/* rw-core-sql.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * All of the core, the SQL layer included: for the core itself, the
 * command line and tests. Never for the app's widgets (rw-core.h).
 */
#pragma once

#include "rw-core.h"

#include "rw-assessment-sql.h"
#include "rw-around-sessions-sql.h"
#include "rw-backup.h"
#include "rw-check-in-sql.h"
#include "rw-csv.h"
#include "rw-database.h"
#include "rw-draft.h"
#include "rw-export.h"
#include "rw-import.h"
#include "rw-json-io.h"
#include "rw-plan-sql.h"
#include "rw-report-sql.h"
#include "rw-safety-plan-sql.h"
#include "rw-safety-sql.h"
#include "rw-series-sql.h"
#include "rw-session-sql.h"
