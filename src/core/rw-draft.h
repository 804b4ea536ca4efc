/* rw-draft.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What an editor holds but has not saved yet, kept in the journal so that
 * it survives closing the window or a crash.
 */
#pragma once

#include "rw-database.h"

G_BEGIN_DECLS

gboolean  rw_draft_save  (RwDatabase  *db,
                          const char  *key,
                          const char  *payload,
                          GError     **error);
char     *rw_draft_load  (RwDatabase  *db,
                          const char  *key,
                          GError     **error);
gboolean  rw_draft_clear (RwDatabase  *db,
                          const char  *key,
                          GError     **error);

G_END_DECLS
