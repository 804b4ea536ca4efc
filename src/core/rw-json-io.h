/* rw-json-io.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rewire JSON: { "format": "rewire", "version": 2, "check_ins": [ ... ],
 * "sessions": [ ... ], ... } (see docs/FORMATS.md and rw-json-full.h).
 */
#pragma once

#include <json-glib/json-glib.h>

#include "rw-check-in.h"
#include "rw-check-in-sql.h"
#include "rw-json-full.h"

G_BEGIN_DECLS

void      rw_json_append_check_in (GString            *out,
                                   RwCheckIn          *check_in);
void      rw_json_append_row      (GString            *out,
                                   const RwCheckInRow *row);
gboolean  rw_json_append_time     (GString            *out,
                                   gint64              usec);
void      rw_json_append_string_len (GString          *out,
                                     const char       *text,
                                     gsize             len);
gboolean  rw_json_parse_check_ins (const char  *data,
                                   gsize        length,
                                   GPtrArray  **check_ins,
                                   GArray     **lines,
                                   GError     **error);
gboolean  rw_json_parse           (const char  *data,
                                   gsize        length,
                                   GPtrArray  **check_ins,
                                   GArray     **lines,
                                   RwJsonFull **full,
                                   GError     **error);

G_END_DECLS
