/* rw-journal-private.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the core only: the app and the command line reach the journal
 * through RwJournal and the models it hands out, never through SQL.
 */
#pragma once

#include "rw-database.h"
#include "rw-journal.h"

G_BEGIN_DECLS

RwJournal  *rw_journal_new_for_database (RwDatabase *database);
RwDatabase *rw_journal_get_database     (RwJournal  *self);

G_END_DECLS
