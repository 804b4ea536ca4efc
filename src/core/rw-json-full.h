/* rw-json-full.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The parts of a Rewire JSON export (version 2) beyond the check-ins:
 * sessions with their checklists and integration answers, assessments,
 * the safety plan, plan progress and breathing sessions, read and written
 * at the level of the journal's tables (docs/FORMATS.md).
 */
#pragma once

#include <json-glib/json-glib.h>

#include "rw-database.h"
#include "rw-import.h"

G_BEGIN_DECLS

/* The newest version of Rewire JSON this build reads and writes. */
#define RW_JSON_FORMAT_VERSION 2

typedef struct _RwJsonFull RwJsonFull;

RwJsonFull *rw_json_full_parse         (JsonObject      *root,
                                        GError         **error);
void        rw_json_full_free          (RwJsonFull      *full);
guint       rw_json_full_count         (RwJsonFull      *full,
                                        const char      *member);
gboolean    rw_json_full_import        (RwDatabase      *db,
                                        RwJsonFull      *full,
                                        RwImportResult  *result,
                                        GError         **error);
gboolean    rw_json_full_append        (RwDatabase      *db,
                                        GString         *out,
                                        GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwJsonFull, rw_json_full_free)

G_END_DECLS
