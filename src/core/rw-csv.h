/* rw-csv.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RFC 4180 reading and writing, and the Rewire CSV layout:
 * id,date,time,mood,anxiety,focus,hope,energy,sleep_hours,sleep_quality,tags,note
 */
#pragma once

#include <gio/gio.h>

#include "rw-check-in.h"
#include "rw-check-in-sql.h"

G_BEGIN_DECLS

#define RW_CSV_HEADER "id,date,time,mood,anxiety,focus,hope,energy,sleep_hours,sleep_quality,tags,note"

typedef struct _RwCsvReader RwCsvReader;

/* Generic RFC 4180 reader over UTF-8 text. */
RwCsvReader *rw_csv_reader_new        (const char   *data,
                                       gsize         length);
void         rw_csv_reader_free       (RwCsvReader  *reader);
/* Returns the next record's fields (NULL-terminated) or NULL at the end or
 * on error (then @error is set and names the line). @line is the line the
 * record starts on. */
char       **rw_csv_reader_next       (RwCsvReader  *reader,
                                       guint        *line,
                                       GError      **error);

void         rw_csv_append_field      (GString      *out,
                                       const char   *field);

/* Rewire layout */
char        *rw_csv_format_check_in   (RwCheckIn    *check_in);  /* one record with CRLF */
void         rw_csv_append_row        (GString            *out,
                                       const RwCheckInRow *row);
gboolean     rw_csv_parse_check_ins   (const char   *data,
                                       gsize         length,
                                       GPtrArray   **check_ins,
                                       GArray      **lines,
                                       GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwCsvReader, rw_csv_reader_free)

G_END_DECLS
