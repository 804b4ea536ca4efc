/* rw-json-io.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rewire JSON: { "format": "rewire", "version": 1, "check_ins": [ ... ] }
 */
#pragma once

#include <json-glib/json-glib.h>

#include "rw-check-in.h"
#include "rw-check-in-sql.h"

G_BEGIN_DECLS

void      rw_json_append_check_in (GString            *out,
                                   RwCheckIn          *check_in);
void      rw_json_append_row      (GString            *out,
                                   const RwCheckInRow *row);
gboolean  rw_json_parse_check_ins (const char  *data,
                                   gsize        length,
                                   GPtrArray  **check_ins,
                                   GArray     **lines,
                                   GError     **error);

G_END_DECLS
